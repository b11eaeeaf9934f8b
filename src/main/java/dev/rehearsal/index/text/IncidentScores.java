package dev.rehearsal.index.text;

import dev.rehearsal.index.DocKind;
import dev.rehearsal.index.Schema;
import java.io.IOException;
import java.util.Collection;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TermQuery;

/** Runs one query over every incident of the index at once and keeps each incident's score. */
final class IncidentScores {
  private IncidentScores() {}

  /**
   * Scores of a query for every incident (0 where it does not match), indexed as {@code
   * docToIncident} numbers them. One pass over the index, not one query per incident.
   */
  public static float[] collect(IndexSearcher s, Query query, int[] docToIncident, int incidents)
      throws IOException {
    float[] out = new float[incidents];
    Query q =
        new BooleanQuery.Builder()
            .add(query, BooleanClause.Occur.MUST)
            .add(
                new TermQuery(new Term(Schema.KIND, DocKind.INCIDENT.code())),
                BooleanClause.Occur.FILTER)
            .build();
    s.search(
        q,
        new CollectorManager<SimpleCollector, Void>() {
          @Override
          public SimpleCollector newCollector() {
            return new SimpleCollector() {
              private int base;
              private Scorable scorer;

              @Override
              protected void doSetNextReader(LeafReaderContext context) {
                base = context.docBase;
              }

              @Override
              public void setScorer(Scorable sc) {
                this.scorer = sc;
              }

              @Override
              public void collect(int doc) throws IOException {
                int idx = docToIncident[base + doc];
                if (idx >= 0) {
                  out[idx] = scorer.score();
                }
              }

              @Override
              public ScoreMode scoreMode() {
                return ScoreMode.COMPLETE;
              }
            };
          }

          @Override
          public Void reduce(Collection<SimpleCollector> collectors) {
            return null;
          }
        });
    return out;
  }

  /**
   * The incidents any of the queries matches: each query run on its own, the matches joined. The
   * same answer as one disjunction of them, which in a fresh JVM costs more: its scorer is one
   * large method that the compiler compiles again as each kind of clause shows up, and the steps
   * after it wait for the compiler.
   */
  public static java.util.BitSet matchingAny(
      IndexSearcher s, java.util.List<Query> queries, int[] docToIncident) throws IOException {
    java.util.BitSet out = new java.util.BitSet();
    for (Query q : queries) {
      out.or(matching(s, q, docToIncident));
    }
    return out;
  }

  /** The incidents a query matches, without scoring them. */
  static java.util.BitSet matching(IndexSearcher s, Query query, int[] docToIncident)
      throws IOException {
    java.util.BitSet out = new java.util.BitSet();
    Query q =
        new BooleanQuery.Builder()
            .add(query, BooleanClause.Occur.FILTER)
            .add(
                new TermQuery(new Term(Schema.KIND, DocKind.INCIDENT.code())),
                BooleanClause.Occur.FILTER)
            .build();
    s.search(
        q,
        new CollectorManager<SimpleCollector, Void>() {
          @Override
          public SimpleCollector newCollector() {
            return new SimpleCollector() {
              private int base;

              @Override
              protected void doSetNextReader(LeafReaderContext context) {
                base = context.docBase;
              }

              @Override
              public void collect(int doc) {
                int idx = docToIncident[base + doc];
                if (idx >= 0) {
                  out.set(idx);
                }
              }

              @Override
              public ScoreMode scoreMode() {
                return ScoreMode.COMPLETE_NO_SCORES;
              }
            };
          }

          @Override
          public Void reduce(Collection<SimpleCollector> collectors) {
            return null;
          }
        });
    return out;
  }
}
