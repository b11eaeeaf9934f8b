package dev.rehearsal.index;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;

/**
 * Visiting every live document a query matches, segment by segment, without scoring: the one loop
 * the workspace's readers, facets and row sources share.
 */
final class Leaves {
  private Leaves() {}

  /** What to do in one segment: set up per-segment readers, then take each matching document. */
  @FunctionalInterface
  interface SegmentVisitor {
    /** Returns the visitor of this segment's documents, or null to skip the segment. */
    DocVisitor segment(LeafReaderContext leaf) throws IOException;
  }

  /** Takes one matching, live document (its number within the segment). */
  @FunctionalInterface
  interface DocVisitor {
    void doc(int doc) throws IOException;

    /** Called once the segment's last matching document was taken. */
    default void done() throws IOException {}
  }

  /** Visits every live document that matches {@code query}, in index order. */
  static void visit(IndexSearcher s, Query query, SegmentVisitor visitor) throws IOException {
    Weight w = s.createWeight(s.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
    for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
      Scorer sc = w.scorer(leaf);
      if (sc == null) {
        continue;
      }
      DocVisitor v = visitor.segment(leaf);
      if (v == null) {
        continue;
      }
      Bits live = leaf.reader().getLiveDocs();
      DocIdSetIterator it = sc.iterator();
      for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
        if (live == null || live.get(doc)) {
          v.doc(doc);
        }
      }
      v.done();
    }
  }

  /** The global numbers of the live documents a query matches, ascending. */
  record Matches(int[] docs, int size) {}

  static Matches collect(IndexSearcher s, Query query) throws IOException {
    int[][] out = {new int[1024]};
    int[] n = {0};
    visit(
        s,
        query,
        leaf ->
            doc -> {
              if (n[0] == out[0].length) {
                out[0] = Arrays.copyOf(out[0], n[0] * 2);
              }
              out[0][n[0]++] = leaf.docBase + doc;
            });
    return new Matches(Arrays.copyOf(out[0], n[0]), n[0]);
  }
}
