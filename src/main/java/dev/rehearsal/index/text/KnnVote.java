package dev.rehearsal.index.text;

import dev.rehearsal.index.Schema;
import dev.rehearsal.model.Gap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.classification.ClassificationResult;
import org.apache.lucene.classification.KNearestNeighborClassifier;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * The learned part of gap classification: Lucene's k-nearest-neighbours classifier over the escapes
 * reviewers have confirmed, voting for the gaps of the reviewed incidents most like the one at
 * hand. Built only when enough reviewed escapes exist.
 */
public final class KnnVote implements AutoCloseable {
  private static final int K = 7;
  private final ByteBuffersDirectory dir = new ByteBuffersDirectory();
  private final DirectoryReader reader;
  private final KNearestNeighborClassifier classifier;
  private final int examples;

  /** Per gap: its share of the reviewed escapes, what the nearest hold when they say nothing. */
  private final Map<Gap, Double> prior = new EnumMap<>(Gap.class);

  private KnnVote(List<Map.Entry<String, Gap>> reviewed) throws IOException {
    try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(Schema.textAnalyzer()))) {
      for (var e : reviewed) {
        Document doc = new Document();
        doc.add(new TextField("text", e.getKey(), Field.Store.NO));
        doc.add(new StringField("gap", e.getValue().code(), Field.Store.YES));
        w.addDocument(doc);
      }
    }
    this.reader = DirectoryReader.open(dir);
    this.classifier =
        new KNearestNeighborClassifier(
            reader, null, Schema.textAnalyzer(), null, K, 1, 1, "gap", "text");
    this.examples = reviewed.size();
    for (var e : reviewed) {
      prior.merge(e.getValue(), 1.0 / examples, Double::sum);
    }
  }

  /** A vote trained on reviewed escapes (text, primary gap), or null when too few. */
  public static KnnVote train(List<Map.Entry<String, Gap>> reviewed, int minExamples)
      throws IOException {
    if (reviewed.size() < minExamples) {
      return null;
    }
    return new KnnVote(reviewed);
  }

  /**
   * Per gap, how much more of the nearest reviewed escapes hold it than of all reviewed escapes:
   * {@code (share − prior) / (1 − prior)}, from 0 (no more often than among all, or less) to 1 (all
   * the nearest, and it is not every escape's gap). The nearest are weighed by their similarity. A
   * gap that is simply common in the workspace is common among any incident's neighbours too; only
   * what the neighbours hold beyond that says something of this incident. Synchronised: incidents
   * are classified on several threads, and the classifier's query building is not documented as
   * thread-safe.
   */
  public synchronized Map<Gap, Double> vote(String text) {
    Map<Gap, Double> out = new EnumMap<>(Gap.class);
    for (var e : shares(text).entrySet()) {
      double p = prior.getOrDefault(e.getKey(), 0.0);
      double lift = p >= 1 ? 0 : (e.getValue() - p) / (1 - p);
      if (lift > 0) {
        out.put(e.getKey(), lift);
      }
    }
    return out;
  }

  /** The similarity-weighted share of the nearest reviewed escapes per gap. */
  Map<Gap, Double> shares(String text) {
    Map<Gap, Double> out = new EnumMap<>(Gap.class);
    try {
      // every class the nearest hold (at most the five gaps): Lucene's getClasses(text, max)
      // fails when the neighbours hold fewer than max classes
      List<ClassificationResult<BytesRef>> classes = classifier.getClasses(text);
      if (classes == null) {
        return out;
      }
      double sum = 0;
      for (var c : classes) {
        sum += c.getScore();
      }
      for (var c : classes) {
        Gap g = Gap.parse(c.getAssignedClass().utf8ToString());
        if (sum > 0 && g != Gap.UNEXPLAINED) {
          out.put(g, c.getScore() / sum);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  public String describe() {
    return "k-nearest-neighbours vote (k=" + K + ") over " + examples + " reviewed escapes";
  }

  @Override
  public void close() throws IOException {
    reader.close();
    dir.close();
  }
}
