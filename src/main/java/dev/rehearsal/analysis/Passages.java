package dev.rehearsal.analysis;

import dev.rehearsal.index.Schema;
import dev.rehearsal.index.Workspace;
import dev.rehearsal.model.Gap;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * The passages of an incident's text that match each gap's query, with the matched words marked
 * ({@code <mark>}, HTML-escaped text): the text evidence a reviewer reads.
 */
public final class Passages {
  private Passages() {}

  /** Passages per gap for one incident; gaps with no match are absent. */
  static Map<Gap, List<String>> of(Workspace ws, String incidentKey, Rules rules)
      throws IOException {
    GapQueries queries = new GapQueries(rules);
    return ws.withSearcher(
        s -> {
          Map<Gap, List<String>> out = new EnumMap<>(Gap.class);
          TopDocs td = s.search(new TermQuery(new Term(Schema.KEY, incidentKey)), 1);
          if (td.scoreDocs.length == 0) {
            return out;
          }
          int doc = td.scoreDocs[0].doc;
          UnifiedHighlighter hl =
              UnifiedHighlighter.builder(s, GapQueries.queryAnalyzer(rules.synonyms))
                  .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " ... ", true))
                  .withMaxNoHighlightPassages(0)
                  .withMaxLength(50_000)
                  .build();
          for (Gap g : Gap.real()) {
            Map<String, String[]> hits =
                hl.highlightFields(
                    GapQueries.FIELDS, queries.query(g), new int[] {doc}, new int[] {1, 2});
            List<String> passages = new ArrayList<>();
            for (String f : GapQueries.FIELDS) {
              String p = hits.get(f)[0];
              if (p != null && p.contains("<mark>")) {
                passages.add(p);
              }
            }
            if (!passages.isEmpty()) {
              out.put(g, passages);
            }
          }
          return out;
        });
  }
}
