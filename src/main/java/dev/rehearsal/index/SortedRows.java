package dev.rehearsal.index;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IntroSorter;

/**
 * The records a query matches, in time order, read a page at a time: what a table of a million
 * deploys shows. The matches are found and ordered once (their document numbers and times, 12 bytes
 * each), on one view of the index that is held until this is closed; a page reads only its own
 * records.
 *
 * @param <T> what a row is made of
 */
public final class SortedRows<T> implements Closeable {
  private final SearcherManager manager;
  private final IndexSearcher searcher;
  private final int[] docs;
  private final Function<BytesRef, T> decode;
  private boolean closed;

  SortedRows(
      SearcherManager manager, Query query, boolean newestFirst, Function<BytesRef, T> decode)
      throws IOException {
    this.manager = manager;
    this.searcher = manager.acquire();
    this.decode = decode;
    try {
      this.docs = ordered(searcher, query, newestFirst);
    } catch (IOException | RuntimeException e) {
      manager.release(searcher);
      throw e;
    }
  }

  private static int[] ordered(IndexSearcher s, Query query, boolean newestFirst)
      throws IOException {
    Leaves.Matches m = Leaves.collect(s, query);
    int n = m.size();
    long[] times = new long[n];
    int k = 0;
    for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
      SortedNumericDocValues t = DocValues.getSortedNumeric(leaf.reader(), Schema.TIME);
      for (; k < n && m.docs()[k] < leaf.docBase + leaf.reader().maxDoc(); k++) {
        int doc = m.docs()[k] - leaf.docBase;
        times[k] = t.advanceExact(doc) ? t.nextValue() : Long.MIN_VALUE;
      }
    }
    int[] docs = m.docs();
    new IntroSorter() {
      private long pivotTime;
      private int pivotDoc;

      @Override
      protected void swap(int i, int j) {
        long tt = times[i];
        times[i] = times[j];
        times[j] = tt;
        int dd = docs[i];
        docs[i] = docs[j];
        docs[j] = dd;
      }

      @Override
      protected void setPivot(int i) {
        pivotTime = times[i];
        pivotDoc = docs[i];
      }

      @Override
      protected int comparePivot(int j) {
        return order(pivotTime, pivotDoc, times[j], docs[j]);
      }

      @Override
      protected int compare(int i, int j) {
        return order(times[i], docs[i], times[j], docs[j]);
      }

      private int order(long ta, int da, long tb, int db) {
        int c = newestFirst ? Long.compare(tb, ta) : Long.compare(ta, tb);
        return c != 0 ? c : Integer.compare(da, db);
      }
    }.sort(0, n);
    return docs;
  }

  /** How many rows there are. */
  public int size() {
    return docs.length;
  }

  /** Rows {@code from} to {@code from + count} (fewer at the end). */
  public synchronized List<T> page(int from, int count) {
    if (closed) {
      throw new IllegalStateException("these rows were closed");
    }
    int to = Math.min(docs.length, Math.max(from, 0) + Math.max(count, 0));
    List<T> out = new ArrayList<>(Math.max(0, to - from));
    try {
      StoredFields stored = searcher.storedFields();
      for (int i = Math.max(from, 0); i < to; i++) {
        BytesRef json =
            stored.document(docs[i], java.util.Set.of(Schema.STORED)).getBinaryValue(Schema.STORED);
        out.add(decode.apply(json));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  @Override
  public synchronized void close() throws IOException {
    if (!closed) {
      closed = true;
      manager.release(searcher);
    }
  }
}
