package dev.rehearsal.index;

import dev.rehearsal.model.Finding;
import dev.rehearsal.model.Incident;
import java.io.Closeable;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BytesRef;

/**
 * The incidents of a span of onsets with their findings, oldest first and by key at the same onset:
 * what the incidents CSV writes, however many there are. They are found and ordered once from doc
 * values (each incident's onset to the millisecond, its key, and where it and its finding are
 * stored: a few megabytes for a hundred thousand incidents), then read a slice of a few thousand at
 * a time; a slice's records are read in the order they are stored, so each compressed block is
 * unpacked once, and lean ({@link LeanReads}). Only one slice is decoded at a time. A slice never
 * splits the incidents of one millisecond, so sorting each slice by the exact onset and key gives
 * the exact order overall. Holds one view of the index until closed.
 */
public final class IncidentsByOnset implements Closeable {
  /** An incident with its finding, null when it has not been analysed. */
  public record Analysed(Incident incident, Finding finding) {}

  /** Takes one incident in turn. */
  @FunctionalInterface
  public interface Visitor {
    void accept(Analysed a) throws IOException;
  }

  /** Incidents decoded at a time. */
  static final int SLICE = 2048;

  private final int slice;

  private static final Comparator<Analysed> ORDER =
      Comparator.comparing((Analysed a) -> a.incident().startedAt())
          .thenComparing(a -> a.incident().key());

  /** Where an incident and its finding are stored (global document numbers; -1: no finding). */
  private record Row(long millis, String key, int doc, int finding) {}

  private final Workspace.Searcher searcher;
  private final List<Row> rows;
  private boolean closed;

  IncidentsByOnset(
      Workspace.Searcher searcher, Instant from, Instant to, Collection<String> among, int slice)
      throws IOException {
    this.searcher = searcher;
    this.slice = slice;
    try {
      this.rows = ordered(searcher.searcher(), from, to, among);
    } catch (IOException | RuntimeException e) {
      searcher.release();
      throw e;
    }
  }

  private static List<Row> ordered(
      IndexSearcher s, Instant from, Instant to, Collection<String> among) throws IOException {
    Map<String, Integer> findings = new HashMap<>();
    int prefix = DocKind.FINDING.code().length() + 1;
    Leaves.visit(
        s,
        Records.ofKind(DocKind.FINDING),
        leaf -> {
          var keys = DocValues.getSorted(leaf.reader(), Schema.KEY);
          return doc -> {
            if (keys.advanceExact(doc)) {
              // finding keys are "finding/" + the incident key
              String key = keys.lookupOrd(keys.ordValue()).utf8ToString().substring(prefix);
              findings.put(key, leaf.docBase + doc);
            }
          };
        });
    Set<String> only =
        among == null ? null : among instanceof Set<String> set ? set : new HashSet<>(among);
    Query q = Records.ofKind(DocKind.INCIDENT);
    if (from != null || to != null) {
      // whole milliseconds: every onset of the span and perhaps a few just after its end, which
      // the caller leaves out on the exact onset
      long lo = from == null ? Long.MIN_VALUE : from.toEpochMilli();
      long hi = to == null ? Long.MAX_VALUE : to.toEpochMilli();
      q =
          new BooleanQuery.Builder()
              .add(q, BooleanClause.Occur.FILTER)
              .add(LongField.newRangeQuery(Schema.TIME, lo, hi), BooleanClause.Occur.FILTER)
              .build();
    }
    List<Row> rows = new ArrayList<>();
    Leaves.visit(
        s,
        q,
        leaf -> {
          var keys = DocValues.getSorted(leaf.reader(), Schema.KEY);
          var times = DocValues.getSortedNumeric(leaf.reader(), Schema.TIME);
          return doc -> {
            if (!keys.advanceExact(doc)) {
              return;
            }
            String key = keys.lookupOrd(keys.ordValue()).utf8ToString();
            if (only != null && !only.contains(key)) {
              return;
            }
            long millis = times.advanceExact(doc) ? times.nextValue() : Long.MIN_VALUE;
            rows.add(new Row(millis, key, leaf.docBase + doc, findings.getOrDefault(key, -1)));
          };
        });
    rows.sort(Comparator.comparingLong(Row::millis).thenComparing(Row::key));
    return rows;
  }

  /**
   * How many incidents there are, give or take those of the span's last millisecond after its end.
   */
  public int size() {
    return rows.size();
  }

  /** Takes each incident with its finding in turn, oldest first. */
  public synchronized void forEach(Visitor visitor) throws IOException {
    if (closed) {
      throw new IllegalStateException("these incidents were closed");
    }
    List<LeafReaderContext> leaves = searcher.searcher().getIndexReader().leaves();
    StoredFields[] incidentFields = new StoredFields[leaves.size()];
    StoredFields[] findingFields = new StoredFields[leaves.size()];
    Records.JsonVisitor json = new Records.JsonVisitor();
    int n = rows.size();
    int from = 0;
    while (from < n) {
      int to = Math.min(from + slice, n);
      while (to < n && rows.get(to).millis() == rows.get(to - 1).millis()) {
        to++;
      }
      Incident[] incidents = new Incident[to - from];
      Finding[] findings = new Finding[to - from];
      for (long at : storedOrder(from, to, false)) {
        BytesRef stored = read(leaves, incidentFields, json, (int) (at >>> 32));
        if (stored != null) {
          incidents[(int) at] = LeanReads.incident(stored);
        }
      }
      for (long at : storedOrder(from, to, true)) {
        BytesRef stored = read(leaves, findingFields, json, (int) (at >>> 32));
        if (stored != null) {
          findings[(int) at] = LeanReads.finding(stored);
        }
      }
      List<Analysed> slice = new ArrayList<>(to - from);
      for (int i = 0; i < incidents.length; i++) {
        if (incidents[i] != null) {
          slice.add(new Analysed(incidents[i], findings[i]));
        }
      }
      slice.sort(ORDER);
      for (Analysed a : slice) {
        visitor.accept(a);
      }
      from = to;
    }
  }

  /**
   * The rows from {@code from} to {@code to} by where their incidents (or findings) are stored:
   * each the document number in the high half, the row's place in the slice in the low.
   */
  private long[] storedOrder(int from, int to, boolean finding) {
    long[] out = new long[to - from];
    int k = 0;
    for (int i = from; i < to; i++) {
      int doc = finding ? rows.get(i).finding() : rows.get(i).doc();
      if (doc >= 0) {
        out[k++] = ((long) doc << 32) | (i - from);
      }
    }
    long[] used = Arrays.copyOf(out, k);
    Arrays.sort(used);
    return used;
  }

  private static BytesRef read(
      List<LeafReaderContext> leaves,
      StoredFields[] fields,
      Records.JsonVisitor json,
      int globalDoc)
      throws IOException {
    int li = ReaderUtil.subIndex(globalDoc, leaves);
    LeafReaderContext leaf = leaves.get(li);
    if (fields[li] == null) {
      fields[li] = Records.sequentialStoredFields(leaf.reader());
    }
    return json.read(fields[li], globalDoc - leaf.docBase);
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      searcher.release();
    }
  }
}
