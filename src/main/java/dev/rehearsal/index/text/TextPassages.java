package dev.rehearsal.index.text;

import dev.rehearsal.index.Schema;
import dev.rehearsal.index.Workspace;
import dev.rehearsal.model.Evidence;
import dev.rehearsal.model.Gap;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * The passages of an incident's text that match each gap's query, with the matched words as spans:
 * the text evidence a reviewer reads.
 */
public final class TextPassages {
  private TextPassages() {}

  /** Passages per gap for one incident; gaps with no match are absent. */
  public static Map<Gap, List<Evidence.Passage>> of(
      Workspace ws,
      String incidentKey,
      Map<String, List<String>> vocabulary,
      List<List<String>> synonyms)
      throws IOException {
    TextQueries queries = TextQueries.of(vocabulary, synonyms);
    return ws.withSearcher(
        s -> {
          Map<Gap, List<Evidence.Passage>> out = new EnumMap<>(Gap.class);
          TopDocs td = s.search(new TermQuery(new Term(Schema.KEY, incidentKey)), 1);
          if (td.scoreDocs.length == 0) {
            return out;
          }
          int doc = td.scoreDocs[0].doc;
          Highlighter hl =
              new Highlighter(
                  UnifiedHighlighter.builder(s, queries.analyzer())
                      .withFormatter(new Spans())
                      .withMaxNoHighlightPassages(0)
                      .withMaxLength(50_000));
          for (Gap g : Gap.real()) {
            Map<String, Object[]> hits =
                hl.asObjects(
                    TextQueries.FIELDS, queries.query(g), new int[] {doc}, new int[] {1, 2});
            List<Evidence.Passage> passages = new ArrayList<>();
            for (String f : TextQueries.FIELDS) {
              Object found = hits.get(f)[0];
              if (found instanceof List<?> list) {
                for (Object p : list) {
                  Evidence.Passage passage = (Evidence.Passage) p;
                  passages.add(new Evidence.Passage(f, passage.text(), passage.marks()));
                }
              }
            }
            if (!passages.isEmpty()) {
              out.put(g, passages);
            }
          }
          return out;
        });
  }

  /** A highlighter that hands back what its formatter made, not strings. */
  private static final class Highlighter extends UnifiedHighlighter {
    Highlighter(UnifiedHighlighter.Builder b) {
      super(b);
    }

    Map<String, Object[]> asObjects(
        String[] fields, org.apache.lucene.search.Query q, int[] docs, int[] maxPassages)
        throws IOException {
      return highlightFieldsAsObjects(fields, q, docs, maxPassages);
    }
  }

  /** Passages as text with the matched words as spans relative to each passage. */
  private static final class Spans extends PassageFormatter {
    @Override
    public Object format(Passage[] passages, String content) {
      List<Evidence.Passage> out = new ArrayList<>();
      for (Passage p : passages) {
        if (p.getNumMatches() == 0) {
          continue;
        }
        int from = p.getStartOffset();
        List<Evidence.Span> marks = new ArrayList<>();
        for (int m = 0; m < p.getNumMatches(); m++) {
          int start = p.getMatchStarts()[m] - from;
          int end = p.getMatchEnds()[m] - from;
          Evidence.Span last = marks.isEmpty() ? null : marks.get(marks.size() - 1);
          if (last != null && start <= last.end()) {
            marks.set(marks.size() - 1, new Evidence.Span(last.start(), Math.max(end, last.end())));
          } else {
            marks.add(new Evidence.Span(start, end));
          }
        }
        out.add(new Evidence.Passage("", content.substring(from, p.getEndOffset()), marks));
      }
      return out.isEmpty() ? null : out;
    }
  }
}
