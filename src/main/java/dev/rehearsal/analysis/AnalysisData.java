package dev.rehearsal.analysis;

import dev.rehearsal.index.DocKind;
import dev.rehearsal.index.Schema;
import dev.rehearsal.index.Workspace;
import dev.rehearsal.model.DeployStatus;
import dev.rehearsal.model.FactType;
import dev.rehearsal.model.Incident;
import dev.rehearsal.model.StagingRun;
import dev.rehearsal.settings.ServiceNames;
import dev.rehearsal.task.TaskMonitor;
import dev.rehearsal.util.Texts;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;

/**
 * Everything the analysis reads, loaded once from the workspace: deploys and facts as columns
 * from doc values (fast at a million records), incidents and staging runs as records. Service
 * names are mapped through the workspace's current alias table here, so an alias change needs
 * no re-import.
 */
final class AnalysisData {
  final Dict services = new Dict();
  final Dict envs = new Dict();
  final int production;
  final int staging;
  final ServiceNames names;
  DeployTable deploys;
  final List<Incident> incidents = new ArrayList<>();
  final List<int[]> incidentServices = new ArrayList<>();
  /** Global doc id of each incident, for scores computed by index queries. */
  int[] incidentDoc;
  /** Global doc id to incident index, -1 for other documents. */
  int[] docToIncident;
  /** Explicit references found in each incident's text. */
  final List<List<References.Ref>> incidentRefs = new ArrayList<>();
  /** Referenced ids (PR, pipeline, deploy numbers) to the deploys that carry them. */
  final Map<String, int[]> idMatches = new HashMap<>();
  final Map<Integer, List<StagingRun>> runs = new HashMap<>();
  final FactTable facts = new FactTable();
  int[][] dependsOn;
  long loadMillis;

  private AnalysisData(ServiceNames names) {
    this.names = names;
    this.production = envs.id("production");
    this.staging = envs.id("staging");
  }

  int service(String raw) {
    String c = names.canonical(raw);
    return c.isEmpty() ? -1 : services.id(c);
  }

  static AnalysisData load(Workspace ws, Rules rules, TaskMonitor m) throws IOException {
    long t0 = System.nanoTime();
    AnalysisData d = new AnalysisData(ws.services());
    ws.withSearcher(s -> {
      m.progress(0, 100, "reading incidents");
      d.loadIncidents(s, m);
      m.progress(10, 100, "reading deploys");
      d.loadDeploys(s, m);
      m.progress(25, 100, "reading staging runs and environment facts");
      d.loadRuns(ws);
      d.loadFacts(s);
      return null;
    });
    d.dependsOn = new int[d.services.size()][];
    for (int i = 0; i < d.dependsOn.length; i++) {
      List<String> deps = rules.dependencies.getOrDefault(d.services.value(i), List.of());
      int[] ids = new int[deps.size()];
      int k = 0;
      for (String dep : deps) {
        int id = d.services.find(Texts.slug(dep));
        if (id >= 0) {
          ids[k++] = id;
        }
      }
      d.dependsOn[i] = Arrays.copyOf(ids, k);
    }
    d.loadMillis = (System.nanoTime() - t0) / 1_000_000;
    return d;
  }

  private interface LeafVisitor {
    void visit(LeafReader reader, int docBase, int doc) throws IOException;
  }

  private static void forKind(IndexSearcher s, DocKind kind, LeafSetup setup) throws IOException {
    Weight w = s.createWeight(s.rewrite(new TermQuery(new Term(Schema.KIND, kind.code()))),
        ScoreMode.COMPLETE_NO_SCORES, 1f);
    for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
      Scorer sc = w.scorer(leaf);
      if (sc == null) {
        continue;
      }
      LeafVisitor v = setup.setup(leaf.reader(), leaf.docBase);
      Bits live = leaf.reader().getLiveDocs();
      DocIdSetIterator it = sc.iterator();
      for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
        if (live == null || live.get(doc)) {
          v.visit(leaf.reader(), leaf.docBase, doc);
        }
      }
    }
  }

  private interface LeafSetup {
    LeafVisitor setup(LeafReader reader, int docBase) throws IOException;
  }

  private static String sorted(SortedDocValues dv, int doc) throws IOException {
    return dv.advanceExact(doc) ? dv.lookupOrd(dv.ordValue()).utf8ToString() : "";
  }

  private static String firstOf(SortedSetDocValues dv, int doc) throws IOException {
    return dv.advanceExact(doc) ? dv.lookupOrd(dv.nextOrd()).utf8ToString() : "";
  }

  private static long time(SortedNumericDocValues dv, int doc) throws IOException {
    return dv.advanceExact(doc) ? dv.nextValue() : 0L;
  }

  // ------------------------------------------------------------------ incidents

  private void loadIncidents(IndexSearcher s, TaskMonitor m) throws IOException {
    int maxDoc = s.getIndexReader().maxDoc();
    docToIncident = new int[maxDoc];
    Arrays.fill(docToIncident, -1);
    List<long[]> docs = new ArrayList<>();
    var codec = dev.rehearsal.util.Json.mapper();
    forKind(s, DocKind.INCIDENT, (reader, base) -> {
      var stored = reader.storedFields();
      return (r, b, doc) -> {
        var json = stored.document(doc, java.util.Set.of(Schema.STORED))
            .getBinaryValue(Schema.STORED);
        Incident i = codec.readValue(json.bytes, json.offset, json.length, Incident.class);
        incidents.add(i);
        docs.add(new long[] {b + doc});
        if ((incidents.size() & 8191) == 0) {
          m.checkCancelled();
        }
      };
    });
    // deterministic order whatever the index order: by onset, then key
    Integer[] order = new Integer[incidents.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.<Integer>comparingLong(i -> incidents.get(i).startedAt()
        .toEpochMilli()).thenComparing(i -> incidents.get(i).key()));
    List<Incident> sortedIncidents = new ArrayList<>(incidents.size());
    incidentDoc = new int[order.length];
    for (int k = 0; k < order.length; k++) {
      sortedIncidents.add(incidents.get(order[k]));
      incidentDoc[k] = (int) docs.get(order[k])[0];
      docToIncident[incidentDoc[k]] = k;
    }
    incidents.clear();
    incidents.addAll(sortedIncidents);
    for (Incident i : incidents) {
      List<Integer> ids = new ArrayList<>();
      for (String raw : i.services()) {
        int id = service(raw);
        if (id >= 0 && !ids.contains(id)) {
          ids.add(id);
        }
      }
      incidentServices.add(ids.stream().mapToInt(Integer::intValue).toArray());
      incidentRefs.add(References.extract(i.narrative()));
    }
  }

  /** Referenced id values, sorted, for matching against each segment's terms in order. */
  private List<org.apache.lucene.util.BytesRef> referencedIds() {
    java.util.TreeSet<org.apache.lucene.util.BytesRef> set = new java.util.TreeSet<>();
    for (List<References.Ref> refs : incidentRefs) {
      for (References.Ref r : refs) {
        if (r.type() == References.Type.ID || r.type() == References.Type.URL) {
          set.add(new org.apache.lucene.util.BytesRef(r.value()));
        }
      }
    }
    return new ArrayList<>(set);
  }

  // ------------------------------------------------------------------ deploys

  private void loadDeploys(IndexSearcher s, TaskMonitor m) throws IOException {
    int cap = s.count(new TermQuery(new Term(Schema.KIND, DocKind.DEPLOY.code())));
    String[] key = new String[cap];
    int[] service = new int[cap];
    int[] env = new int[cap];
    long[] time = new long[cap];
    byte[] status = new byte[cap];
    int[] version = new int[cap];
    int[] sha = new int[cap];
    boolean[] rollback = new boolean[cap];
    Dict versions = new Dict();
    Dict shas = new Dict();
    int[] n = {0};
    Map<String, Integer> rawService = new HashMap<>();
    List<org.apache.lucene.util.BytesRef> wanted = referencedIds();
    Map<String, List<Integer>> rawIdMatches = new HashMap<>();
    forKind(s, DocKind.DEPLOY, (reader, base) -> {
      SortedSetDocValues idsDv = DocValues.getSortedSet(reader, Schema.IDS);
      Map<Long, String> wantedOrds = new HashMap<>();
      if (!wanted.isEmpty() && idsDv.getValueCount() > 0) {
        var te = idsDv.termsEnum();
        for (org.apache.lucene.util.BytesRef w : wanted) {
          if (te.seekCeil(w) == org.apache.lucene.index.TermsEnum.SeekStatus.FOUND) {
            wantedOrds.put(te.ord(), w.utf8ToString());
          } else if (te.term() == null) {
            break;
          }
        }
      }
      SortedDocValues keys = DocValues.getSorted(reader, Schema.KEY);
      SortedSetDocValues svc = DocValues.getSortedSet(reader, Schema.SERVICE_RAW);
      SortedDocValues envs = DocValues.getSorted(reader, Schema.ENV);
      SortedNumericDocValues times = DocValues.getSortedNumeric(reader, Schema.TIME);
      SortedDocValues stat = DocValues.getSorted(reader, Schema.STATUS);
      SortedDocValues ver = DocValues.getSorted(reader, Schema.VERSION_FIELD);
      SortedDocValues com = DocValues.getSorted(reader, Schema.COMMIT);
      SortedDocValues sub = DocValues.getSorted(reader, Schema.SUBTYPE);
      return (r, b, doc) -> {
        int i = n[0]++;
        key[i] = sorted(keys, doc);
        String raw = firstOf(svc, doc);
        service[i] = rawService.computeIfAbsent(raw, this::service);
        env[i] = this.envs.id(sorted(envs, doc));
        time[i] = time(times, doc);
        status[i] = (byte) DeployStatus.valueOf(sorted(stat, doc).toUpperCase(Locale.ROOT))
            .ordinal();
        String v = sorted(ver, doc);
        version[i] = v.isEmpty() ? -1 : versions.id(normaliseVersion(v));
        String c = sorted(com, doc);
        sha[i] = c.isEmpty() ? -1 : shas.id(c);
        rollback[i] = "rollback".equals(sorted(sub, doc));
        if (!wantedOrds.isEmpty() && idsDv.advanceExact(doc)) {
          for (int k = 0; k < idsDv.docValueCount(); k++) {
            String hit = wantedOrds.get(idsDv.nextOrd());
            if (hit != null) {
              rawIdMatches.computeIfAbsent(hit, x -> new ArrayList<>()).add(i);
            }
          }
        }
        if ((i & 65535) == 0) {
          m.checkCancelled();
        }
      };
    });
    int size = n[0];
    deploys = new DeployTable(size, Arrays.copyOf(key, size), Arrays.copyOf(service, size),
        Arrays.copyOf(env, size), Arrays.copyOf(time, size), Arrays.copyOf(status, size),
        Arrays.copyOf(version, size), Arrays.copyOf(sha, size), Arrays.copyOf(rollback, size),
        versions, shas, services.size(), envs.size());
    int[] rawToSorted = new int[size];
    for (int k = 0; k < size; k++) {
      rawToSorted[deploys.rawIndex(k)] = k;
    }
    for (var e : rawIdMatches.entrySet()) {
      idMatches.put(e.getKey(), e.getValue().stream().mapToInt(r -> rawToSorted[r]).sorted()
          .toArray());
    }
  }

  /** Versions compare without a leading "v" and without case: "V2.14.3" = "2.14.3". */
  static String normaliseVersion(String v) {
    String s = v.strip().toLowerCase(Locale.ROOT);
    if (s.startsWith("refs/tags/")) {
      s = s.substring(10);
    }
    if (s.length() > 1 && s.charAt(0) == 'v' && Character.isDigit(s.charAt(1))) {
      s = s.substring(1);
    }
    return s;
  }

  // ------------------------------------------------------------------ runs

  private void loadRuns(Workspace ws) throws IOException {
    ws.forEach(DocKind.RUN, StagingRun.class, r -> {
      int id = service(r.service());
      if (id >= 0) {
        runs.computeIfAbsent(id, k -> new ArrayList<>()).add(r);
      }
    });
    for (List<StagingRun> l : runs.values()) {
      l.sort(Comparator.comparing(StagingRun::startedAt).thenComparing(StagingRun::key));
    }
  }

  // ------------------------------------------------------------------ facts

  private void loadFacts(IndexSearcher s) throws IOException {
    Map<String, Integer> rawService = new HashMap<>();
    forKind(s, DocKind.FACT, (reader, base) -> {
      SortedDocValues type = DocValues.getSorted(reader, Schema.STATUS);
      SortedSetDocValues svc = DocValues.getSortedSet(reader, Schema.SERVICE_RAW);
      SortedDocValues env = DocValues.getSorted(reader, Schema.ENV);
      SortedDocValues subject = DocValues.getSorted(reader, Schema.SUBTYPE);
      SortedDocValues value = DocValues.getSorted(reader, Schema.VALUE);
      NumericDocValues number = DocValues.getNumeric(reader, Schema.NUMBER);
      SortedNumericDocValues times = DocValues.getSortedNumeric(reader, Schema.TIME);
      return (r, b, doc) -> {
        FactType t = FactType.valueOf(sorted(type, doc).toUpperCase(Locale.ROOT));
        String raw = firstOf(svc, doc);
        int sv = raw.isEmpty() ? -1 : rawService.computeIfAbsent(raw, this::service);
        int e = envs.id(sorted(env, doc));
        long at = time(times, doc);
        String subj = sorted(subject, doc);
        switch (t) {
          case CONFIG:
            if (sv >= 0) {
              facts.addConfig(sv, e, at, subj, sorted(value, doc));
            }
            break;
          case FLAG:
            if (sv >= 0) {
              facts.addFlag(sv, e, at, subj, sorted(value, doc));
            }
            break;
          case TRAFFIC_PEAK:
            if (sv >= 0 && number.advanceExact(doc)) {
              facts.addTraffic(sv, e, at, Double.longBitsToDouble(number.longValue()));
            }
            break;
          case DATA_VOLUME:
            if (number.advanceExact(doc)) {
              facts.addData(Math.max(sv, -1) < 0 ? services.id("") : sv, e, at, subj,
                  Double.longBitsToDouble(number.longValue()));
            }
            break;
          case MOCK:
            facts.addMock(sv < 0 ? services.id("") : sv, e, at, subj, sorted(value, doc));
            break;
          default:
            break;
        }
      };
    });
    facts.finish();
  }
}
