package dev.rehearsal.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/**
 * A search of incidents scores them as an index holding only those incidents would: the same
 * scores, however many deploys share their words, across segments and after incidents were written
 * again (their earlier documents deleted).
 */
class IncidentStatisticsTest {
  private static final String[] WORDS = {
    "timeout", "checkout", "pool", "latency", "rollback", "queue", "cache", "payments", "errors"
  };

  private static Document doc(DocKind kind, String key, String title, String body) {
    Document d = new Document();
    d.add(new StringField(Schema.KEY, key, Field.Store.YES));
    d.add(new StringField(Schema.KIND, kind.code(), Field.Store.NO));
    d.add(new TextField(Schema.TITLE, title, Field.Store.NO));
    d.add(new TextField(Schema.BODY, body, Field.Store.NO));
    return d;
  }

  private static String words(Random r, int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append(WORDS[r.nextInt(WORDS.length)]).append(' ');
    }
    return b.toString();
  }

  /** Scores of the incidents a query matches, by key. */
  private static Map<String, Float> scores(IndexSearcher s, Query q) throws IOException {
    Query incidents =
        new BooleanQuery.Builder()
            .add(q, BooleanClause.Occur.MUST)
            .add(
                new TermQuery(new Term(Schema.KIND, DocKind.INCIDENT.code())),
                BooleanClause.Occur.FILTER)
            .build();
    Map<String, Float> out = new LinkedHashMap<>();
    for (ScoreDoc sd : s.search(incidents, 1000).scoreDocs) {
      out.put(s.storedFields().document(sd.doc).get(Schema.KEY), sd.score);
    }
    return out;
  }

  @Test
  void incidentsScoreAsInAnIndexOfTheirOwn() throws IOException {
    Random r = new Random(7);
    List<Document> incidents = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      incidents.add(
          doc(DocKind.INCIDENT, "incident/" + i, words(r, 4), words(r, 3 + r.nextInt(30))));
    }
    try (Directory mixed = new ByteBuffersDirectory();
        Directory alone = new ByteBuffersDirectory()) {
      IndexWriterConfig cfg = new IndexWriterConfig(Schema.analyzer());
      try (IndexWriter w = new IndexWriter(mixed, cfg)) {
        for (int i = 0; i < 500; i++) {
          // deploys whose descriptions say "timeout" and "pool" often: rare among incidents only
          w.addDocument(doc(DocKind.DEPLOY, "deploy/" + i, "timeout pool", "pool timeout " + i));
          if (i % 100 == 0) {
            w.commit(); // several segments
          }
        }
        for (Document d : incidents) {
          w.addDocument(doc(DocKind.INCIDENT, d.get(Schema.KEY), "stale words", "stale"));
        }
        w.commit();
        for (Document d : incidents) {
          // written again: the first documents are deleted, the index's own numbers keep them
          w.updateDocument(new Term(Schema.KEY, d.get(Schema.KEY)), d);
        }
      }
      try (IndexWriter w = new IndexWriter(alone, new IndexWriterConfig(Schema.analyzer()))) {
        w.addDocuments(incidents);
      }
      try (DirectoryReader m = DirectoryReader.open(mixed);
          DirectoryReader a = DirectoryReader.open(alone)) {
        IndexSearcher plain = new IndexSearcher(m);
        IndexSearcher scoring = IncidentStatistics.of(plain);
        IndexSearcher own = new IndexSearcher(a);
        for (String text : List.of("timeout", "pool", "latency", "payments", "\"pool timeout\"")) {
          Query q = Search.parse(text);
          Map<String, Float> expected = scores(own, q);
          assertEquals(expected, scores(scoring, q), text);
          if (!text.equals("latency") && !text.equals("payments")) {
            assertNotEquals(expected, scores(plain, q), text + ": the index's own numbers differ");
          }
        }
      }
    }
  }
}
