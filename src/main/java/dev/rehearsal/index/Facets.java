package dev.rehearsal.index;

import dev.rehearsal.importers.FileReport;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
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

  /**
   * What the import logs of this workspace add up to, read in one pass over them.
   *
   * @param byFormat per importer id: files, accepted and rejected records
   * @param acceptedByKind the records the imports of the files in this workspace accepted, by kind
   *     ({@code incident}, {@code deploy}, {@code run}, {@code fact}; a deploy's status events are
   *     folded into their deploy and not counted). A file's latest import counts; an import log
   *     written before logs said kinds counts all its records under its format's kind
   */
  public record ImportTotals(
      Map<String, Map<String, Long>> byFormat, Map<String, Long> acceptedByKind) {}

  /** See {@link ImportTotals}; {@code kindOfFormat} names an importer's kind by its id. */
  public ImportTotals importTotals(java.util.function.Function<String, String> kindOfFormat)
      throws IOException {
    Map<String, Map<String, Long>> byFormat = new TreeMap<>();
    Map<String, Long> byKind = new TreeMap<>();
    for (FileReport r : records.list(DocKind.IMPORT_LOG, FileReport.class)) {
      if (r.format().isEmpty()) {
        continue;
      }
      Map<String, Long> f = byFormat.computeIfAbsent(r.format(), k -> new TreeMap<>());
      f.merge("files", 1L, Long::sum);
      f.merge("accepted", r.accepted(), Long::sum);
      f.merge("rejected", r.rejected(), Long::sum);
      if (!r.acceptedByKind().isEmpty()) {
        r.acceptedByKind().forEach((k, n) -> byKind.merge(k, n, Long::sum));
      } else if (r.accepted() > 0) {
        byKind.merge(kindOfFormat.apply(r.format()), r.accepted(), Long::sum);
      }
    }
    byKind.remove(FileReport.DEPLOY_STATUS);
    byKind.remove("");
    return new ImportTotals(byFormat, byKind);
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
   * Counts the documents of a kind that pass a filter and whose time, in epoch milliseconds, is
   * within [{@code fromMs}, {@code toMs}] (both ends included; {@link Long#MIN_VALUE} and {@link
   * Long#MAX_VALUE} for no bound), per value of a keyword field and per UTC day (epoch day) of
   * their time. A document with several values counts once for each.
   */
  public Map<String, Map<Long, Long>> countsByValueAndDay(
      DocKind kind, String field, KeywordFilter filter, long fromMs, long toMs) throws IOException {
    BooleanQuery.Builder b =
        new BooleanQuery.Builder()
            .add(Records.ofKind(kind), BooleanClause.Occur.FILTER)
            .add(filter.query(), BooleanClause.Occur.FILTER);
    if (fromMs != Long.MIN_VALUE || toMs != Long.MAX_VALUE) {
      b.add(
          org.apache.lucene.document.LongField.newRangeQuery(Schema.TIME, fromMs, toMs),
          BooleanClause.Occur.FILTER);
    }
    Query q = b.build();
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

  /**
   * What the records say about the raw service names (see {@link ServiceEvidence}); deploys count
   * as production when their environment is one of {@code productionEnvs}.
   */
  public ServiceEvidence serviceEvidence(Set<String> productionEnvs) throws IOException {
    Map<String, Map<String, Long>> uses = new TreeMap<>();
    Map<String, List<Long>> deploys = new TreeMap<>();
    Map<String, List<Long>> onsets = new TreeMap<>();
    Map<String, Set<String>> runReleases = new TreeMap<>();
    store.withSearcher(
        s -> {
          for (DocKind k :
              new DocKind[] {DocKind.INCIDENT, DocKind.DEPLOY, DocKind.RUN, DocKind.FACT}) {
            Leaves.visit(
                s,
                Records.ofKind(k),
                leaf -> {
                  var raw = DocValues.getSortedSet(leaf.reader(), Schema.SERVICE_RAW);
                  var env = DocValues.getSorted(leaf.reader(), Schema.ENV);
                  var time = DocValues.getSortedNumeric(leaf.reader(), Schema.TIME);
                  var version = DocValues.getSorted(leaf.reader(), Schema.VERSION_FIELD);
                  var commit = DocValues.getSorted(leaf.reader(), Schema.COMMIT);
                  return doc -> {
                    if (!raw.advanceExact(doc)) {
                      return;
                    }
                    long t = time.advanceExact(doc) ? time.nextValue() : 0;
                    for (int i = 0; i < raw.docValueCount(); i++) {
                      String name = raw.lookupOrd(raw.nextOrd()).utf8ToString();
                      uses.computeIfAbsent(name, x -> new TreeMap<>())
                          .merge(k.code(), 1L, Long::sum);
                      if (k == DocKind.INCIDENT) {
                        onsets.computeIfAbsent(name, x -> new ArrayList<>()).add(t);
                      } else if (k == DocKind.DEPLOY
                          && env.advanceExact(doc)
                          && productionEnvs.contains(
                              env.lookupOrd(env.ordValue()).utf8ToString())) {
                        deploys.computeIfAbsent(name, x -> new ArrayList<>()).add(t);
                      } else if (k == DocKind.RUN) {
                        Set<String> rel = runReleases.computeIfAbsent(name, x -> new TreeSet<>());
                        if (version.advanceExact(doc)) {
                          rel.add(version.lookupOrd(version.ordValue()).utf8ToString());
                        }
                        if (commit.advanceExact(doc)) {
                          rel.add(commit.lookupOrd(commit.ordValue()).utf8ToString());
                        }
                      }
                    }
                  };
                });
          }
          return null;
        });
    Set<String> wanted = new HashSet<>();
    runReleases.values().forEach(wanted::addAll);
    Map<String, Set<String>> byRelease = new TreeMap<>();
    if (!wanted.isEmpty()) {
      store.withSearcher(
          s -> {
            Leaves.visit(
                s,
                Records.ofKind(DocKind.DEPLOY),
                leaf -> {
                  var raw = DocValues.getSortedSet(leaf.reader(), Schema.SERVICE_RAW);
                  var version = DocValues.getSorted(leaf.reader(), Schema.VERSION_FIELD);
                  var commit = DocValues.getSorted(leaf.reader(), Schema.COMMIT);
                  // the segment's releases that some run tested, by ordinal, looked up once
                  java.util.BitSet versions = wantedOrds(version, wanted);
                  java.util.BitSet commits = wantedOrds(commit, wanted);
                  return doc -> {
                    String v =
                        version.advanceExact(doc) && versions.get(version.ordValue())
                            ? version.lookupOrd(version.ordValue()).utf8ToString()
                            : null;
                    String c =
                        commit.advanceExact(doc) && commits.get(commit.ordValue())
                            ? commit.lookupOrd(commit.ordValue()).utf8ToString()
                            : null;
                    if ((v != null || c != null) && raw.advanceExact(doc)) {
                      for (int i = 0; i < raw.docValueCount(); i++) {
                        String name = raw.lookupOrd(raw.nextOrd()).utf8ToString();
                        if (v != null) {
                          byRelease.computeIfAbsent(v, x -> new TreeSet<>()).add(name);
                        }
                        if (c != null) {
                          byRelease.computeIfAbsent(c, x -> new TreeSet<>()).add(name);
                        }
                      }
                    }
                  };
                });
            return null;
          });
    }
    return new ServiceEvidence(uses, sorted(deploys), sorted(onsets), runReleases, byRelease);
  }

  /** A deploy whose version, commit or id was wanted: which value, its raw service, env, time. */
  public record ReleaseMatch(String value, String service, String environment, long time) {}

  /**
   * The deploys whose version, commit or one of whose ids (as indexed: lower case) the predicates
   * accept, in one pass over the deploys' doc values; each predicate is asked once per distinct
   * value of a segment.
   */
  public List<ReleaseMatch> deploysWith(
      java.util.function.Predicate<String> version,
      java.util.function.Predicate<String> commit,
      java.util.function.Predicate<String> id)
      throws IOException {
    List<ReleaseMatch> out = new ArrayList<>();
    store.withSearcher(
        s -> {
          Leaves.visit(
              s,
              Records.ofKind(DocKind.DEPLOY),
              leaf -> {
                var raw = DocValues.getSortedSet(leaf.reader(), Schema.SERVICE_RAW);
                var env = DocValues.getSorted(leaf.reader(), Schema.ENV);
                var time = DocValues.getSortedNumeric(leaf.reader(), Schema.TIME);
                var versions = DocValues.getSorted(leaf.reader(), Schema.VERSION_FIELD);
                var commits = DocValues.getSorted(leaf.reader(), Schema.COMMIT);
                var ids = DocValues.getSortedSet(leaf.reader(), Schema.IDS);
                Map<Integer, String> v = accepted(versions.termsEnum(), version);
                Map<Integer, String> c = accepted(commits.termsEnum(), commit);
                Map<Integer, String> d = accepted(ids.termsEnum(), id);
                return doc -> {
                  List<String> hits = new ArrayList<>(1);
                  if (!v.isEmpty() && versions.advanceExact(doc)) {
                    addIfPresent(hits, v.get(versions.ordValue()));
                  }
                  if (!c.isEmpty() && commits.advanceExact(doc)) {
                    addIfPresent(hits, c.get(commits.ordValue()));
                  }
                  if (!d.isEmpty() && ids.advanceExact(doc)) {
                    for (int k = 0; k < ids.docValueCount(); k++) {
                      addIfPresent(hits, d.get((int) ids.nextOrd()));
                    }
                  }
                  if (hits.isEmpty() || !raw.advanceExact(doc)) {
                    return;
                  }
                  String service = raw.lookupOrd(raw.nextOrd()).utf8ToString();
                  String e =
                      env.advanceExact(doc) ? env.lookupOrd(env.ordValue()).utf8ToString() : "";
                  long t = time.advanceExact(doc) ? time.nextValue() : 0;
                  for (String h : hits) {
                    out.add(new ReleaseMatch(h, service, e, t));
                  }
                };
              });
          return null;
        });
    return out;
  }

  private static void addIfPresent(List<String> out, String v) {
    if (v != null) {
      out.add(v);
    }
  }

  /** The ordinals of a segment's values the predicate accepts, with the values. */
  private static Map<Integer, String> accepted(
      org.apache.lucene.index.TermsEnum terms, java.util.function.Predicate<String> wanted)
      throws IOException {
    Map<Integer, String> out = new HashMap<>();
    org.apache.lucene.util.BytesRef b;
    for (int o = 0; (b = terms.next()) != null; o++) {
      String v = b.utf8ToString();
      if (wanted.test(v)) {
        out.put(o, v);
      }
    }
    return out;
  }

  private static java.util.BitSet wantedOrds(
      org.apache.lucene.index.SortedDocValues dv, Set<String> wanted) throws IOException {
    java.util.BitSet out = new java.util.BitSet();
    var terms = dv.termsEnum();
    for (int o = 0; terms.next() != null; o++) {
      if (wanted.contains(terms.term().utf8ToString())) {
        out.set(o);
      }
    }
    return out;
  }

  private static Map<String, long[]> sorted(Map<String, List<Long>> in) {
    Map<String, long[]> out = new TreeMap<>();
    in.forEach(
        (k, v) -> {
          long[] a = v.stream().mapToLong(Long::longValue).toArray();
          java.util.Arrays.sort(a);
          out.put(k, a);
        });
    return out;
  }
}
