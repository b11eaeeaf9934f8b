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

  @Override
  public void close() {
    release.run();
  }
}
