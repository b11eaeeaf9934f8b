package dev.rehearsal.index;

import dev.rehearsal.importers.FileReport;
import java.io.IOException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.DocValuesType;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;

/**
 * Counts over a workspace, read from doc values without decoding a record: documents per kind, per
 * value of a keyword field, per value and day, the time span of a kind, and what each format
 * imported.
 */
public final class Facets {
  private final IndexStore store;
  private final Records records;

  Facets(IndexStore store, Records records) {
    this.store = store;
    this.records = records;
  }

  public long count(DocKind kind) throws IOException {
    return store.withSearcher(s -> (long) s.count(Records.ofKind(kind)));
  }

  /** Documents per kind. */
  public Map<DocKind, Long> counts() throws IOException {
    Map<DocKind, Long> out = new EnumMap<>(DocKind.class);
    for (DocKind k : DocKind.values()) {
      out.put(k, count(k));
    }
    return out;
  }

  /** Per importer id: files, accepted and rejected records. */
  public Map<String, Map<String, Long>> countsByFormat() throws IOException {
    Map<String, Map<String, Long>> out = new TreeMap<>();
    for (FileReport r : records.list(DocKind.IMPORT_LOG, FileReport.class)) {
      if (r.format().isEmpty()) {
        continue;
      }
      out.computeIfAbsent(r.format(), k -> new TreeMap<>()).merge("files", 1L, Long::sum);
      out.get(r.format()).merge("accepted", r.accepted(), Long::sum);
      out.get(r.format()).merge("rejected", r.rejected(), Long::sum);
    }
    return out;
  }

  /**
   * Exact counts of the values of a keyword field (service, env, status ...) over the documents of
   * one kind.
   */
  public Map<String, Long> valueCounts(DocKind kind, String field) throws IOException {
    Map<String, Long> out = new TreeMap<>();
    store.withSearcher(
        s -> {
          Leaves.visit(
              s,
              Records.ofKind(kind),
              leaf -> {
                var info = leaf.reader().getFieldInfos().fieldInfo(field);
                if (info == null) {
                  return null;
                }
                boolean multi = info.getDocValuesType() == DocValuesType.SORTED_SET;
                var set = multi ? DocValues.getSortedSet(leaf.reader(), field) : null;
                var single = multi ? null : DocValues.getSorted(leaf.reader(), field);
                long[] counts =
                    new long[(int) (multi ? set.getValueCount() : single.getValueCount())];
                return new Leaves.DocVisitor() {
                  @Override
                  public void doc(int doc) throws IOException {
                    if (multi) {
                      if (set.advanceExact(doc)) {
                        for (int i = 0; i < set.docValueCount(); i++) {
                          counts[(int) set.nextOrd()]++;
                        }
                      }
                    } else if (single.advanceExact(doc)) {
                      counts[single.ordValue()]++;
                    }
                  }

                  @Override
                  public void done() throws IOException {
                    for (int o = 0; o < counts.length; o++) {
                      if (counts[o] > 0) {
                        String v = (multi ? set.lookupOrd(o) : single.lookupOrd(o)).utf8ToString();
                        out.merge(v, counts[o], Long::sum);
                      }
                    }
                  }
                };
              });
          return null;
        });
    return out;
  }

  /**
   * Counts the documents of a kind that pass a filter, per value of a keyword field and per UTC day
   * (epoch day) of their time. A document with several values counts once for each.
   */
  public Map<String, Map<Long, Long>> countsByValueAndDay(
      DocKind kind, String field, KeywordFilter filter) throws IOException {
    Query q =
        new BooleanQuery.Builder()
            .add(Records.ofKind(kind), BooleanClause.Occur.FILTER)
            .add(filter.query(), BooleanClause.Occur.FILTER)
            .build();
    Map<String, Map<Long, Long>> out = new TreeMap<>();
    store.withSearcher(
        s -> {
          Leaves.visit(
              s,
              q,
              leaf -> {
                var values = DocValues.getSortedSet(leaf.reader(), field);
                var times = DocValues.getSortedNumeric(leaf.reader(), Schema.TIME);
                // per value ordinal of the segment, then named once at its end
                Map<Long, Map<Long, Long>> byOrd = new HashMap<>();
                return new Leaves.DocVisitor() {
                  @Override
                  public void doc(int doc) throws IOException {
                    if (!values.advanceExact(doc)) {
                      return;
                    }
                    long day =
                        times.advanceExact(doc) ? Math.floorDiv(times.nextValue(), 86_400_000L) : 0;
                    for (int i = 0; i < values.docValueCount(); i++) {
                      byOrd
                          .computeIfAbsent(values.nextOrd(), o -> new TreeMap<>())
                          .merge(day, 1L, Long::sum);
                    }
                  }

                  @Override
                  public void done() throws IOException {
                    for (var e : byOrd.entrySet()) {
                      String v = values.lookupOrd(e.getKey()).utf8ToString();
                      Map<Long, Long> days = out.computeIfAbsent(v, x -> new TreeMap<>());
                      e.getValue().forEach((d, n) -> days.merge(d, n, Long::sum));
                    }
                  }
                };
              });
          return null;
        });
    return out;
  }

  /** Earliest and latest time of the documents of a kind, or null when there are none. */
  public Instant[] timeRange(DocKind kind) throws IOException {
    long[] range = {Long.MAX_VALUE, Long.MIN_VALUE};
    store.withSearcher(
        s -> {
          Leaves.visit(
              s,
              Records.ofKind(kind),
              leaf -> {
                var dv = DocValues.getSortedNumeric(leaf.reader(), Schema.TIME);
                return doc -> {
                  if (dv.advanceExact(doc)) {
                    long v = dv.nextValue();
                    range[0] = Math.min(range[0], v);
                    range[1] = Math.max(range[1], v);
                  }
                };
              });
          return null;
        });
    return range[0] > range[1]
        ? null
        : new Instant[] {Instant.ofEpochMilli(range[0]), Instant.ofEpochMilli(range[1])};
  }
}
