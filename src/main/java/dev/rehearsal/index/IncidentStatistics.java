package dev.rehearsal.index;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;

/**
 * BM25's statistics counted over the live incidents alone, for a search of incidents.
 *
 * <p>The workspace keeps every kind of record in the same text fields, so Lucene's own statistics
 * (how rare a word is, how long a field is on average) count deploys, staging runs and facts too: a
 * word common in deploy descriptions would weigh little in an incident's title. A search of
 * incidents alone is scored as if the index held nothing else: a word's documents and occurrences
 * among the live incidents, each field's incidents, words and postings among them. The team store
 * holds its incidents in an index of their own, so both stores rank a query's incidents from the
 * same numbers (decision 0021).
 *
 * <p>What it costs: a field's numbers are counted once per segment (every word's postings read,
 * kept while the segment and its deletions last: about 0.2–0.4 s for the title, body and other
 * default fields at the benchmark's full size, the first time after each change); a word's numbers
 * at every search (its postings read, intersected with the incidents).
 */
final class IncidentStatistics {
  /** Per segment and its deletions: its live incidents, and each field's numbers among them. */
  private static final Map<IndexReader.CacheKey, Segment> SEGMENTS = new ConcurrentHashMap<>();

  private IncidentStatistics() {}

  /**
   * A searcher over the same view of the index as {@code s} that scores with the incidents'
   * statistics; results, filters and everything else are as {@code s} gives them.
   */
  static IndexSearcher of(IndexSearcher s) throws IOException {
    IndexReader reader = s.getIndexReader();
    Segment[] segments = new Segment[reader.leaves().size()];
    for (LeafReaderContext leaf : reader.leaves()) {
      segments[leaf.ord] = segment(leaf.reader());
    }
    IndexSearcher scoring =
        new IndexSearcher(reader) {
          @Override
          public TermStatistics termStatistics(Term term, int docFreq, long totalTermFreq)
              throws IOException {
            long df = 0;
            long ttf = 0;
            for (LeafReaderContext leaf : reader.leaves()) {
              long[] counted = segments[leaf.ord].term(leaf.reader(), term);
              df += counted[0];
              ttf += counted[1];
            }
            // a word no incident holds scores none of them: the index's own numbers stand in
            return df == 0
                ? super.termStatistics(term, docFreq, totalTermFreq)
                : new TermStatistics(term.bytes(), df, ttf);
          }

          @Override
          public CollectionStatistics collectionStatistics(String field) throws IOException {
            long incidents = 0;
            long docCount = 0;
            long sumTotalTermFreq = 0;
            long sumDocFreq = 0;
            for (LeafReaderContext leaf : reader.leaves()) {
              Segment seg = segments[leaf.ord];
              long[] f = seg.field(leaf.reader(), field);
              incidents += seg.incidents;
              docCount += f[0];
              sumTotalTermFreq += f[1];
              sumDocFreq += f[2];
            }
            // a field no incident has: likewise
            return docCount == 0
                ? super.collectionStatistics(field)
                : new CollectionStatistics(
                    field, incidents, docCount, sumTotalTermFreq, sumDocFreq);
          }
        };
    scoring.setSimilarity(s.getSimilarity());
    scoring.setQueryCache(s.getQueryCache());
    scoring.setQueryCachingPolicy(s.getQueryCachingPolicy());
    return scoring;
  }

  private static Segment segment(LeafReader reader) throws IOException {
    IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
    if (helper == null) {
      return new Segment(reader); // a reader that cannot say when it changes: counted each time
    }
    Segment seg = SEGMENTS.get(helper.getKey());
    if (seg == null) {
      seg = new Segment(reader);
      if (SEGMENTS.putIfAbsent(helper.getKey(), seg) == null) {
        helper.addClosedListener(SEGMENTS::remove);
      }
    }
    return seg;
  }

  /** One segment's live incidents, and its fields' numbers among them as they are asked for. */
  private static final class Segment {
    private final FixedBitSet live;
    private final long incidents;
    private final Map<String, long[]> fields = new ConcurrentHashMap<>();

    Segment(LeafReader reader) throws IOException {
      live = new FixedBitSet(Math.max(1, reader.maxDoc()));
      Bits deleted = reader.getLiveDocs();
      PostingsEnum p = reader.postings(new Term(Schema.KIND, DocKind.INCIDENT.code()));
      if (p != null) {
        for (int d = p.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = p.nextDoc()) {
          if (deleted == null || deleted.get(d)) {
            live.set(d);
          }
        }
      }
      incidents = live.cardinality();
    }

    /** A word's incidents and occurrences among them here. */
    long[] term(LeafReader reader, Term term) throws IOException {
      long[] out = new long[2];
      if (incidents == 0) {
        return out;
      }
      Terms terms = reader.terms(term.field());
      if (terms == null) {
        return out;
      }
      TermsEnum te = terms.iterator();
      if (!te.seekExact(term.bytes())) {
        return out;
      }
      count(te.postings(null, PostingsEnum.FREQS), out, null);
      return out;
    }

    /**
     * A field's incidents, words and postings among them here: docCount, sumTotalTermFreq,
     * sumDocFreq.
     */
    long[] field(LeafReader reader, String field) throws IOException {
      long[] known = fields.get(field);
      if (known != null) {
        return known;
      }
      long[] out = new long[3];
      Terms terms = incidents == 0 ? null : reader.terms(field);
      if (terms != null) {
        FixedBitSet has = new FixedBitSet(live.length());
        TermsEnum te = terms.iterator();
        PostingsEnum p = null;
        long[] one = new long[2];
        while (te.next() != null) {
          p = te.postings(p, PostingsEnum.FREQS);
          one[0] = 0;
          one[1] = 0;
          count(p, one, has);
          out[2] += one[0];
          out[1] += one[1];
        }
        out[0] = has.cardinality();
      }
      fields.put(field, out);
      return out;
    }

    /**
     * Adds the live incidents among a word's postings to {@code out[0]} and their occurrences to
     * {@code out[1]} (one each where the field keeps no frequencies, as Lucene counts them), and
     * marks them in {@code has} when given.
     */
    private void count(PostingsEnum p, long[] out, FixedBitSet has) throws IOException {
      for (int d = p.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = p.nextDoc()) {
        if (d < live.length() && live.get(d)) {
          out[0]++;
          out[1] += p.freq();
          if (has != null) {
            has.set(d);
          }
        }
      }
    }
  }
}
