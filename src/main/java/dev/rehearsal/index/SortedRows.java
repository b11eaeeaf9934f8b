package dev.rehearsal.index;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.DocValuesType;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IntroSorter;
import org.apache.lucene.util.packed.PackedInts;

/**
 * The records a query matches, in an order (time, or a field's values), read a page at a time: what
 * a table of a million deploys shows. The matches are found and ordered once (their document
 * numbers and times, 12 bytes each, and a sort key, 8 more, when the order is not by time), on one
 * view of the index that is held until this is closed; a page reads only its own records.
 *
 * @param <T> what a row is made of
 */
public final class SortedRows<T> implements Closeable {
  private final SearcherManager manager;
  private final IndexSearcher searcher;
  private final int[] docs;
  private final Function<BytesRef, T> decode;
  private boolean closed;

  /**
   * Each segment's reader for reading in order, made when a page first needs it and kept for the
   * next pages (with its buffers and the block it last decompressed); used under this object's
   * lock.
   */
  private StoredFields[] readers;

  /** Where each row's stored JSON is read, the same buffer for every row (decoded at once). */
  private final Records.JsonVisitor json = new Records.JsonVisitor();

  SortedRows(
      SearcherManager manager, Query query, boolean newestFirst, Function<BytesRef, T> decode)
      throws IOException {
    this(manager, query, new RowOrder(Schema.TIME, newestFirst), null, decode);
  }

  /**
   * The rows a query matches in an order; {@code findings} answers orders by what the incidents'
   * findings say (null when the rows are not incidents).
   */
  SortedRows(
      SearcherManager manager,
      Query query,
      RowOrder order,
      Map<String, FindingSummary> findings,
      Function<BytesRef, T> decode)
      throws IOException {
    this.manager = manager;
    this.searcher = manager.acquire();
    this.decode = decode;
    try {
      this.docs = ordered(searcher, query, order, findings);
    } catch (IOException | RuntimeException e) {
      manager.release(searcher);
      throw e;
    }
  }

  /** A row with no value for the order's field: last, whichever the direction. */
  private static final long MISSING = Long.MAX_VALUE;

  private static int[] ordered(
      IndexSearcher s, Query query, RowOrder order, Map<String, FindingSummary> findings)
      throws IOException {
    Leaves.Matches m = Leaves.collect(s, query);
    int n = m.size();
    long[] times = new long[n];
    long[] keys = order.byTime() ? null : new long[n];
    OrdinalMap globalOrds = order.byTime() || order.byFinding() ? null : ordinals(s, order.field());
    List<LeafReaderContext> leaves = s.getIndexReader().leaves();
    int k = 0;
    for (int li = 0; li < leaves.size(); li++) {
      LeafReaderContext leaf = leaves.get(li);
      SortedNumericDocValues t = DocValues.getSortedNumeric(leaf.reader(), Schema.TIME);
      KeyReader key = keys == null ? null : keyReader(leaf, li, order, globalOrds, findings);
      for (; k < n && m.docs()[k] < leaf.docBase + leaf.reader().maxDoc(); k++) {
        int doc = m.docs()[k] - leaf.docBase;
        times[k] = t.advanceExact(doc) ? t.nextValue() : Long.MIN_VALUE;
        if (keys != null) {
          keys[k] = key.key(doc);
        }
      }
    }
    int[] docs = m.docs();
    boolean desc = order.descending();
    new IntroSorter() {
      private long pivotTime;
      private long pivotKey;
      private int pivotDoc;

      @Override
      protected void swap(int i, int j) {
        long tt = times[i];
        times[i] = times[j];
        times[j] = tt;
        if (keys != null) {
          long kk = keys[i];
          keys[i] = keys[j];
          keys[j] = kk;
        }
        int dd = docs[i];
        docs[i] = docs[j];
        docs[j] = dd;
      }

      @Override
      protected void setPivot(int i) {
        pivotTime = times[i];
        pivotKey = keys == null ? 0 : keys[i];
        pivotDoc = docs[i];
      }

      @Override
      protected int comparePivot(int j) {
        return order(pivotKey, pivotTime, pivotDoc, keys == null ? 0 : keys[j], times[j], docs[j]);
      }

      @Override
      protected int compare(int i, int j) {
        return order(
            keys == null ? 0 : keys[i],
            times[i],
            docs[i],
            keys == null ? 0 : keys[j],
            times[j],
            docs[j]);
      }

      private int order(long ka, long ta, int da, long kb, long tb, int db) {
        if (keys != null && ka != kb) {
          if (ka == MISSING || kb == MISSING) {
            return ka == MISSING ? 1 : -1;
          }
          return desc ? Long.compare(kb, ka) : Long.compare(ka, kb);
        }
        // by time: the order's direction; as a tie-break: newest first
        boolean newestFirst = keys == null ? desc : true;
        int c = newestFirst ? Long.compare(tb, ta) : Long.compare(ta, tb);
        return c != 0 ? c : Integer.compare(da, db);
      }
    }.sort(0, n);
    return docs;
  }

  /** Reads one row's sort key in a segment. */
  private interface KeyReader {
    long key(int doc) throws IOException;
  }

  /**
   * The ordinals of a keyword field across segments, in the order of its values: a value's global
   * ordinal is its rank, so a million rows sort by a version or a service without a string each.
   */
  private static OrdinalMap ordinals(IndexSearcher s, String field) throws IOException {
    List<LeafReaderContext> leaves = s.getIndexReader().leaves();
    boolean multi = false;
    for (LeafReaderContext leaf : leaves) {
      var info = leaf.reader().getFieldInfos().fieldInfo(field);
      if (info != null) {
        if (info.getDocValuesType() == DocValuesType.SORTED_SET) {
          multi = true;
        } else if (info.getDocValuesType() != DocValuesType.SORTED) {
          throw new IllegalArgumentException("rows cannot be ordered by " + field);
        }
      }
    }
    if (multi) {
      SortedSetDocValues[] values = new SortedSetDocValues[leaves.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = DocValues.getSortedSet(leaves.get(i).reader(), field);
      }
      return OrdinalMap.build(null, values, PackedInts.DEFAULT);
    }
    SortedDocValues[] values = new SortedDocValues[leaves.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = DocValues.getSorted(leaves.get(i).reader(), field);
    }
    return OrdinalMap.build(null, values, PackedInts.DEFAULT);
  }

  private static KeyReader keyReader(
      LeafReaderContext leaf,
      int leafIndex,
      RowOrder order,
      OrdinalMap globalOrds,
      Map<String, FindingSummary> findings)
      throws IOException {
    String field = order.field();
    if (order.byFinding()) {
      SortedDocValues keys = DocValues.getSorted(leaf.reader(), Schema.KEY);
      return doc -> {
        if (!keys.advanceExact(doc) || findings == null) {
          return MISSING;
        }
        FindingSummary f = findings.get(keys.lookupOrd(keys.ordValue()).utf8ToString());
        return f == null ? MISSING : findingKey(field, f);
      };
    }
    var info = leaf.reader().getFieldInfos().fieldInfo(field);
    if (info == null) {
      return doc -> MISSING;
    }
    var toGlobal = globalOrds.getGlobalOrds(leafIndex);
    if (info.getDocValuesType() == DocValuesType.SORTED_SET) {
      SortedSetDocValues v = DocValues.getSortedSet(leaf.reader(), field);
      // the first value (the lowest) stands for a row with several
      return doc -> v.advanceExact(doc) ? toGlobal.get(v.nextOrd()) : MISSING;
    }
    SortedDocValues v = DocValues.getSorted(leaf.reader(), field);
    return doc -> v.advanceExact(doc) ? toGlobal.get(v.ordValue()) : MISSING;
  }

  /** The sort key of what a finding says: verdicts in their order, gaps by name, confidence. */
  private static long findingKey(String field, FindingSummary f) {
    switch (field) {
      case Schema.VERDICT:
        int verdict = RowOrder.verdictRank(f.verdict());
        return verdict < 0 ? MISSING : verdict;
      case Schema.GAP:
        int gap = f.gaps().isEmpty() ? -1 : RowOrder.gapRank(f.gaps().get(0));
        return gap < 0 ? MISSING : gap;
      case Schema.CONFIDENCE:
        return Math.round(f.confidence() * 1_000_000);
      default:
        return f.reviewed() ? 1 : 0;
    }
  }

  /** How many rows there are. */
  public int size() {
    return docs.length;
  }

  /**
   * Rows {@code from} to {@code from + count} (fewer at the end). They are read in the order of
   * their documents, with the stored-fields reader for reading in order ({@link
   * Records#sequentialStoredFields}): rows of one page that sit in one compressed block of the
   * index then cost one decompression of it, not one each (the ordinary reader allocated about 8 KB
   * a deploy, 1.7 MB a page, which scrolling a million deploys left to the collector). The readers
   * and the buffer each row's JSON is read into are kept from page to page.
   */
  public synchronized List<T> page(int from, int count) {
    if (closed) {
      throw new IllegalStateException("these rows were closed");
    }
    int start = Math.max(from, 0);
    int to = Math.min(docs.length, start + Math.max(count, 0));
    int n = Math.max(0, to - start);
    // each row's document and its place in the page, in document order
    long[] byDoc = new long[n];
    for (int i = 0; i < n; i++) {
      byDoc[i] = ((long) docs[start + i] << 32) | i;
    }
    java.util.Arrays.sort(byDoc);
    Object[] rows = new Object[n];
    try {
      List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
      if (readers == null) {
        readers = new StoredFields[leaves.size()];
      }
      for (long entry : byDoc) {
        int doc = (int) (entry >>> 32);
        int at = (int) (entry & 0xffffffffL);
        int l = ReaderUtil.subIndex(doc, leaves);
        if (readers[l] == null) {
          readers[l] = Records.sequentialStoredFields(leaves.get(l).reader());
        }
        BytesRef stored = json.read(readers[l], doc - leaves.get(l).docBase);
        if (stored == null) {
          throw new IllegalStateException("a row of the index has no stored record: " + doc);
        }
        rows[at] = decode.apply(stored);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<T> out = new ArrayList<>(n);
    for (Object row : rows) {
      @SuppressWarnings("unchecked")
      T t = (T) row;
      out.add(t);
    }
    return out;
  }

  @Override
  public synchronized void close() throws IOException {
    if (!closed) {
      closed = true;
      readers = null;
      manager.release(searcher);
    }
  }
}
