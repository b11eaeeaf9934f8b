package dev.rehearsal.index.text;

import dev.rehearsal.index.DocKind;
import dev.rehearsal.index.Schema;
import dev.rehearsal.index.Workspace;
import dev.rehearsal.model.Gap;
import java.io.Closeable;
import java.io.IOException;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The words of many incidents at once, for the analysis: which incidents match a gap's vocabulary
 * and how strongly, and which match any of a list of phrases (change language, a service's name).
 * Each question is one pass over the index, not one per incident. Over the workspace's index (one
 * view of it, held until closed), or over texts held in memory (write-ups).
 */
public final class IncidentText implements Closeable {
  private final IndexSearcher searcher;
  private final Runnable release;
  private final int[] docToIncident;
  private final int incidents;

  private IncidentText(
      IndexSearcher searcher, Runnable release, int[] docToIncident, int incidents) {
    this.searcher = searcher;
    this.release = release;
    this.docToIncident = docToIncident;
    this.incidents = incidents;
  }

  /**
   * The incidents of a workspace, numbered as {@code docToIncident} maps the index's documents to
   * them (-1 for documents that are not one of them).
   */
  public static IncidentText of(Workspace ws, int[] docToIncident, int incidents)
      throws IOException {
    Workspace.Searcher s = ws.acquireSearcher();
    return new IncidentText(s.searcher(), s::release, docToIncident, incidents);
  }

  /** Texts held in memory, numbered in order: each a title and a body. */
  public static IncidentText inMemory(List<String> titles, List<String> bodies) throws IOException {
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(Schema.analyzer()))) {
      for (int k = 0; k < titles.size(); k++) {
        Document d = new Document();
        d.add(new StringField(Schema.KIND, DocKind.INCIDENT.code(), Field.Store.NO));
        d.add(new TextField(Schema.TITLE, titles.get(k), Field.Store.NO));
        d.add(new TextField(Schema.BODY, bodies.get(k), Field.Store.NO));
        dev.rehearsal.index.RecordCodec.causeFields(d, titles.get(k), bodies.get(k));
        w.addDocument(d);
      }
    }
    DirectoryReader reader = DirectoryReader.open(dir);
    int[] docToText = new int[reader.maxDoc()];
    for (int k = 0; k < docToText.length; k++) {
      docToText[k] = k; // one segment, written in order and never merged
    }
    return new IncidentText(
        new IndexSearcher(reader),
        () -> {
          try {
            reader.close();
            dir.close();
          } catch (IOException ignored) {
            // memory only
          }
        },
        docToText,
        titles.size());
  }

  public int size() {
    return incidents;
  }

  /**
   * For every incident, the summed weight of the distinct entries of a gap's vocabulary its title
   * or body matches (0 where none does).
   */
  public float[] weights(TextQueries queries, Gap gap) throws IOException {
    return IncidentScores.collect(searcher, queries.query(gap), docToIncident, incidents);
  }

  /**
   * For every incident, the summed weight of the distinct entries of a gap's vocabulary its text
   * holds only in sentences that do not tell the cause ({@link TextQueries#lostQuery}).
   */
  public float[] lostWeights(TextQueries queries, Gap gap) throws IOException {
    return IncidentScores.collect(searcher, queries.lostQuery(gap), docToIncident, incidents);
  }

  /**
   * The incidents with a sentence that sets production against staging ({@link Schema#CONTRAST}).
   */
  public BitSet comparingEnvironments() throws IOException {
    return IncidentScores.matching(
        searcher,
        new org.apache.lucene.search.TermQuery(
            new org.apache.lucene.index.Term(Schema.PROSE, Schema.PROSE_CONTRAST)),
        docToIncident);
  }

  /** The incidents whose sentence setting production against staging holds a word of a gap. */
  public BitSet contrastHolds(TextQueries queries, Gap gap) throws IOException {
    return IncidentScores.matching(searcher, queries.inContrastQuery(gap), docToIncident);
  }

  /**
   * The incidents whose title or body holds any of the phrases, their words within {@code slop}
   * positions of each other, stemmed, with the synonyms.
   */
  public BitSet matchingAny(List<String> phrases, int slop, List<List<String>> synonyms)
      throws IOException {
    return IncidentScores.matchingAny(
        searcher, TextQueries.phraseClauses(phrases, slop, synonyms), docToIncident);
  }

  /** Per gap code, the summed weights, for every incident. */
  public Map<Gap, float[]> weights(TextQueries queries) throws IOException {
    Map<Gap, float[]> out = new java.util.EnumMap<>(Gap.class);
    for (Gap g : Gap.real()) {
      out.put(g, weights(queries, g));
    }
    return out;
  }

  /** Takes the frequency of one term in one incident's title and body together. */
  @FunctionalInterface
  public interface TermCounts {
    void add(int incident, int term, int frequency);
  }

  /**
   * For every term of a list and every incident whose title or body holds it, how often it occurs
   * there (title and body together): the words of all incidents read from the index's postings,
   * term by term, without analysing any text again. Terms must be analysed as the index analyses
   * text ({@link TextTerms}). Each (incident, term) is reported once, terms in the list's order.
   */
  public void termCounts(String[] terms, TermCounts out) throws IOException {
    int[] freq = new int[incidents];
    int[] touched = new int[incidents];
    java.util.List<org.apache.lucene.index.LeafReaderContext> leaves =
        searcher.getIndexReader().leaves();
    org.apache.lucene.index.TermsEnum[][] enums =
        new org.apache.lucene.index.TermsEnum[leaves.size()][TextQueries.FIELDS.length];
    for (int l = 0; l < leaves.size(); l++) {
      for (int f = 0; f < TextQueries.FIELDS.length; f++) {
        org.apache.lucene.index.Terms t = leaves.get(l).reader().terms(TextQueries.FIELDS[f]);
        enums[l][f] = t == null ? null : t.iterator();
      }
    }
    org.apache.lucene.index.PostingsEnum postings = null;
    for (int t = 0; t < terms.length; t++) {
      org.apache.lucene.util.BytesRef bytes = new org.apache.lucene.util.BytesRef(terms[t]);
      int n = 0;
      for (int l = 0; l < leaves.size(); l++) {
        int base = leaves.get(l).docBase;
        for (int f = 0; f < TextQueries.FIELDS.length; f++) {
          org.apache.lucene.index.TermsEnum te = enums[l][f];
          if (te == null || !te.seekExact(bytes)) {
            continue;
          }
          postings = te.postings(postings, org.apache.lucene.index.PostingsEnum.FREQS);
          for (int doc = postings.nextDoc();
              doc != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS;
              doc = postings.nextDoc()) {
            int idx = docToIncident[base + doc];
            if (idx >= 0) {
              if (freq[idx] == 0) {
                touched[n++] = idx;
              }
              freq[idx] += postings.freq();
            }
          }
        }
      }
      for (int k = 0; k < n; k++) {
        int idx = touched[k];
        out.add(idx, t, freq[idx]);
        freq[idx] = 0;
      }
    }
  }

  @Override
  public void close() {
    release.run();
  }
}
