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
 * Everything the analysis reads, loaded once from the workspace: deploys and facts as columns from
 * doc values (fast at a million records), incidents and staging runs as records. Service names are
 * mapped through the workspace's current alias table here, so an alias change needs no re-import.
 */
final class AnalysisData {
  final Dict services = new Dict();
  final Dict envs = new Dict();
  final int production;
  final int staging;
  final ServiceNames names;
  DeployTable deploys;
  final List<AnalysedIncident> incidents = new ArrayList<>();
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

  /**
   * A staging test case whose name names a table whose row counts came without a service (evidence
   * of the table's owner, {@link TableOwners}): one per table, service and case name, with the
   * earliest run it was seen in.
   *
   * @param run the run's suite, or its id when it has none
   * @param at when that run started, epoch millis
   */
  record TableTest(String table, int service, String test, String run, long at) {}

  /** The staging test cases that name tables without a service, sorted; usually none. */
  final List<TableTest> tableTests = new ArrayList<>();

  final FactTable facts = new FactTable();
  int[][] dependsOn;

  /** Every service name the tools wrote, with the canonical name it stood for at load. */
  final Map<String, String> rawServices = new java.util.TreeMap<>();

  long loadMillis;
  final Map<String, Long> loadParts = new java.util.LinkedHashMap<>();

  private AnalysisData(ServiceNames names) {
    this.names = names;
    this.production = envs.id("production");
    this.staging = envs.id("staging");
  }

  /**
   * A service's name for a sentence: "(no service)" for a deploy whose tool named none (such
   * deploys are linked only when an incident cites them outright).
   */
  String serviceName(int id) {
    return id < 0 ? "(no service)" : services.value(id);
  }

  /**
   * A reason with the fields of a deploy added: its key, service, version, commit, environment and
   * time, named as they are or, with a prefix, as {@code prefix + "Service"} and so on.
   */
  dev.rehearsal.model.Reason withDeploy(dev.rehearsal.model.Reason r, int deploy, String prefix) {
    return r.with(
        named(prefix, "deploy"),
        deploys.key(deploy),
        named(prefix, "service"),
        serviceName(deploys.service[deploy]),
        named(prefix, "version"),
        deploys.versionText(deploy),
        named(prefix, "commit"),
        deploys.shaText(deploy),
        named(prefix, "env"),
        envs.value(deploys.env[deploy]),
        named(prefix, "at"),
        dev.rehearsal.util.IsoInstants.text(java.time.Instant.ofEpochMilli(deploys.time[deploy])));
  }

  private static String named(String prefix, String name) {
    return prefix.isEmpty()
        ? name
        : prefix + Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  /**
   * For each incident: the names its services were written as that read as a service only through
   * an inferred alias (usually none).
   */
  final List<List<String>> incidentInferredNames = new ArrayList<>();

  /** The names inferred to mean each service (service id to the suggestions that apply). */
  final Map<Integer, List<dev.rehearsal.model.AliasSuggestion>> inferredNames = new HashMap<>();

  int service(String raw) {
    String c = names.canonical(raw);
    rawServices.put(raw, c);
    return c.isEmpty() ? -1 : services.id(c);
  }

  /**
   * The analysis's input: from the snapshot of the current generation of imported records when
   * there is one (decision 0009), else from the index, after which the snapshot is written for the
   * next analysis.
   */
  static AnalysisData load(Workspace ws, Rules rules, TaskMonitor m) throws IOException {
    long t0 = System.nanoTime();
    InputBudget.check(ws); // refuse, naming the heap it needs, rather than run out of it
    String generation = ws.inputGeneration();
    m.progress(0, 100, "reading the analysis's input");
    AnalysisData d =
        InputSnapshot.read(
            ws.dir(), ws.schemaVersion(), generation, new AnalysisData(ws.services()));
    if (d != null) {
      d.loadParts.put("snapshot", (System.nanoTime() - t0) / 1_000_000);
      long t = System.nanoTime();
      boolean mapped = ws.withSearcher(d::mapIncidentDocs);
      d.loadParts.put("docs", (System.nanoTime() - t) / 1_000_000);
      if (!mapped) {
        d = null;
      }
    }
    if (d == null) {
      d = fromIndex(ws, m);
      if (generation.equals(ws.inputGeneration())) {
        long t = System.nanoTime();
        try {
          writeSnapshot(ws, generation, d);
          d.loadParts.put("snapshot.write", (System.nanoTime() - t) / 1_000_000);
        } catch (IOException | RuntimeException e) {
          // only a cache: the analysis has its input; the next one reads the index again
          d.loadParts.put("snapshot.writeFailed", (System.nanoTime() - t) / 1_000_000);
        }
      }
    }
    // the dependency table is written as the person writes services: read like any other name
    Map<String, List<String>> dependencies = new HashMap<>();
    ServiceNames names = d.names;
    rules.dependencies.forEach(
        (service, deps) ->
            dependencies
                .computeIfAbsent(names.canonical(service), k -> new ArrayList<>())
                .addAll(deps));
    d.dependsOn = new int[d.services.size()][];
    for (int i = 0; i < d.dependsOn.length; i++) {
      List<String> deps = dependencies.getOrDefault(d.services.value(i), List.of());
      int[] ids = new int[deps.size()];
      int k = 0;
      for (String dep : deps) {
        int id = d.services.find(d.names.canonical(dep));
        if (id >= 0) {
          ids[k++] = id;
        }
      }
      d.dependsOn[i] = Arrays.copyOf(ids, k);
    }
    for (dev.rehearsal.model.AliasSuggestion a : ws.files().inferredAliases()) {
      int id = a.applied() ? d.services.find(a.service()) : -1;
      if (id >= 0) {
        d.inferredNames.computeIfAbsent(id, k -> new ArrayList<>()).add(a);
      }
    }
    d.loadMillis = (System.nanoTime() - t0) / 1_000_000;
    return d;
  }

  /**
   * Reads the analysis's input from the index and keeps it as the snapshot of the current
   * generation, unless that snapshot exists already. Run after an import, so that the next analysis
   * starts from the snapshot.
   */
  static void refreshSnapshot(Workspace ws, TaskMonitor m) throws IOException {
    String generation = ws.inputGeneration();
    if (!InputSnapshot.current(
        ws.dir(), ws.schemaVersion(), generation, new AnalysisData(ws.services()))) {
      InputBudget.check(ws); // refuse, naming the heap it needs, rather than run out of it
      writeSnapshot(ws, generation, fromIndex(ws, m));
    }
  }

  private static void writeSnapshot(Workspace ws, String generation, AnalysisData d)
      throws IOException {
    InputSnapshot.write(ws.dir(), ws.schemaVersion(), generation, d);
  }

  /**
   * Maps the snapshot's incidents to the index's current documents (doc ids change as segments
   * merge). False when the index's incidents are not the snapshot's.
   */
  private boolean mapIncidentDocs(IndexSearcher s) throws IOException {
    Map<String, Integer> byKey = new HashMap<>(incidents.size() * 2);
    for (int i = 0; i < incidents.size(); i++) {
      byKey.put(incidents.get(i).key(), i);
    }
    docToIncident = new int[s.getIndexReader().maxDoc()];
    Arrays.fill(docToIncident, -1);
    incidentDoc = new int[incidents.size()];
    Arrays.fill(incidentDoc, -1);
    Weight w =
        s.createWeight(
            s.rewrite(new TermQuery(new Term(Schema.KIND, DocKind.INCIDENT.code()))),
            ScoreMode.COMPLETE_NO_SCORES,
            1f);
    int found = 0;
    for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
      Scorer sc = w.scorer(leaf);
      if (sc == null) {
        continue;
      }
      int[] docs = liveDocs(leaf.reader(), sc);
      SortedDocValues keys = DocValues.getSorted(leaf.reader(), Schema.KEY);
      int[] ords = ords(keys, docs);
      String[] keyStr = ordStrings(keys.termsEnum(), keys.getValueCount(), used(ords));
      for (int k = 0; k < docs.length; k++) {
        Integer i = ords[k] < 0 ? null : byKey.get(keyStr[ords[k]]);
        if (i == null || incidentDoc[i] >= 0) {
          return false;
        }
        incidentDoc[i] = leaf.docBase + docs[k];
        docToIncident[leaf.docBase + docs[k]] = i;
        found++;
      }
    }
    return found == incidents.size();
  }

  private static AnalysisData fromIndex(Workspace ws, TaskMonitor m) throws IOException {
    AnalysisData d = new AnalysisData(ws.services());
    ws.withSearcher(
        s -> {
          m.progress(0, 100, "reading incidents");
          long t = System.nanoTime();
          d.loadIncidents(s, m);
          d.loadParts.put("incidents", (System.nanoTime() - t) / 1_000_000);
          m.progress(10, 100, "reading deploys");
          t = System.nanoTime();
          d.loadDeploys(s, m);
          d.dropTitlesNoDeployCarries();
          d.loadParts.put("deploys", (System.nanoTime() - t) / 1_000_000);
          m.progress(25, 100, "reading staging runs and environment facts");
          t = System.nanoTime();
          d.loadRuns(ws);
          d.loadParts.put("runs", (System.nanoTime() - t) / 1_000_000);
          t = System.nanoTime();
          d.loadFacts(s);
          d.loadParts.put("facts", (System.nanoTime() - t) / 1_000_000);
          t = System.nanoTime();
          d.loadTableTests(ws);
          d.loadParts.put("tableTests", (System.nanoTime() - t) / 1_000_000);
          return null;
        });
    return d;
  }

  private static String sorted(SortedDocValues dv, int doc) throws IOException {
    return dv.advanceExact(doc) ? dv.lookupOrd(dv.ordValue()).utf8ToString() : "";
  }

  private static long time(SortedNumericDocValues dv, int doc) throws IOException {
    return dv.advanceExact(doc) ? dv.nextValue() : 0L;
  }

  // ------------------------------------------------------------------ incidents

  private void loadIncidents(IndexSearcher s, TaskMonitor m) throws IOException {
    int maxDoc = s.getIndexReader().maxDoc();
    docToIncident = new int[maxDoc];
    Arrays.fill(docToIncident, -1);
    // each slice of documents is read (with its own stored-fields reader, as those are not
    // shared between threads), decoded and searched for references on one thread; slices run
    // side by side
    record Slice(LeafReader reader, int docBase, int[] docs) {}
    record Decoded(
        int doc, AnalysedIncident incident, List<String> services, List<References.Ref> refs) {}
    Weight w =
        s.createWeight(
            s.rewrite(new TermQuery(new Term(Schema.KIND, DocKind.INCIDENT.code()))),
            ScoreMode.COMPLETE_NO_SCORES,
            1f);
    List<Slice> slices = new ArrayList<>();
    for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
      Scorer sc = w.scorer(leaf);
      if (sc == null) {
        continue;
      }
      int[] leafDocs = liveDocs(leaf.reader(), sc);
      for (int from = 0; from < leafDocs.length; from += 2048) {
        slices.add(
            new Slice(
                leaf.reader(),
                leaf.docBase,
                Arrays.copyOfRange(leafDocs, from, Math.min(leafDocs.length, from + 2048))));
      }
    }
    var codec = dev.rehearsal.util.Json.mapper().readerFor(Incident.class);
    var fields = java.util.Set.of(Schema.STORED);
    WrittenTitles titles = WrittenTitles.of(titleKeys(s.getIndexReader()));
    List<Decoded> decoded =
        slices.parallelStream()
            .flatMap(
                slice -> {
                  m.checkCancelled();
                  List<Decoded> out = new ArrayList<>(slice.docs().length);
                  try {
                    var stored = dev.rehearsal.index.Records.sequentialStoredFields(slice.reader());
                    for (int doc : slice.docs()) {
                      var json = stored.document(doc, fields).getBinaryValue(Schema.STORED);
                      Incident i = codec.readValue(json.bytes, json.offset, json.length);
                      AnalysedIncident a = AnalysedIncident.of(i);
                      out.add(
                          new Decoded(
                              slice.docBase() + doc,
                              a,
                              i.services(),
                              References.extract(a.narrative(), titles)));
                    }
                  } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                  }
                  return out.stream();
                })
            .toList();
    // deterministic order whatever the index order: by onset, then key
    Decoded[] sorted = decoded.toArray(new Decoded[0]);
    Arrays.sort(
        sorted,
        Comparator.<Decoded>comparingLong(x -> x.incident().startedAt().toEpochMilli())
            .thenComparing(x -> x.incident().key()));
    incidentDoc = new int[sorted.length];
    for (int k = 0; k < sorted.length; k++) {
      Decoded x = sorted[k];
      incidents.add(x.incident());
      incidentDoc[k] = x.doc();
      docToIncident[x.doc()] = k;
      incidentRefs.add(x.refs());
      List<Integer> ids = new ArrayList<>();
      List<String> inferred = new ArrayList<>(0);
      for (String raw : x.services()) {
        int id = service(raw);
        if (id >= 0 && !ids.contains(id)) {
          ids.add(id);
        }
        String via = names.inferredFrom(raw);
        if (via != null && !inferred.contains(via)) {
          inferred.add(via);
        }
      }
      incidentServices.add(ids.stream().mapToInt(Integer::intValue).toArray());
      incidentInferredNames.add(inferred.isEmpty() ? List.of() : List.copyOf(inferred));
    }
  }

  /** The title keys the deploys carry ({@code title:} ids), each once. */
  private static java.util.Set<String> titleKeys(org.apache.lucene.index.IndexReader reader)
      throws IOException {
    java.util.Set<String> out = new java.util.HashSet<>();
    var prefix = new org.apache.lucene.util.BytesRef(References.TITLE);
    for (LeafReaderContext leaf : reader.leaves()) {
      SortedSetDocValues ids = DocValues.getSortedSet(leaf.reader(), Schema.IDS);
      if (ids.getValueCount() == 0) {
        continue;
      }
      var te = ids.termsEnum();
      if (te.seekCeil(prefix) == org.apache.lucene.index.TermsEnum.SeekStatus.END) {
        continue;
      }
      do {
        if (!org.apache.lucene.util.StringHelper.startsWith(te.term(), prefix)) {
          break;
        }
        out.add(te.term().utf8ToString().substring(References.TITLE.length()));
      } while (te.next() != null);
    }
    return out;
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

  /**
   * Strings of the ordinals a segment's documents use, read in one sequential pass over the field's
   * terms: random lookups of a million ordinals decompress the same blocks again and again and cost
   * seconds; one pass costs a fraction of that.
   */
  private static String[] ordStrings(
      org.apache.lucene.index.TermsEnum te, long count, java.util.BitSet needed)
      throws IOException {
    String[] out = new String[(int) count];
    org.apache.lucene.util.BytesRef b;
    int ord = 0;
    while ((b = te.next()) != null) {
      if (needed == null || needed.get(ord)) {
        out[ord] = b.utf8ToString();
      }
      ord++;
    }
    return out;
  }

  private static int ord(SortedDocValues dv, int doc) throws IOException {
    return dv.advanceExact(doc) ? dv.ordValue() : -1;
  }

  private static int firstOrd(SortedSetDocValues dv, int doc) throws IOException {
    return dv.advanceExact(doc) ? (int) dv.nextOrd() : -1;
  }

  /**
   * The deploy columns while they are read, segment by segment. Each step is its own small method:
   * the JIT compiles small methods sooner and far more cheaply than one large loop nest, which
   * matters in a job that lasts seconds on two cores.
   */
  private final class DeployColumns {
    final Utf8Column key;
    final int[] service;
    final int[] env;
    final long[] time;
    final byte[] status;
    final int[] version;
    final int[] sha;
    final boolean[] rollback;
    final Dict versions = Dict.compact();
    final Dict shas = Dict.compact();
    final Map<String, Integer> rawService = new HashMap<>();
    final List<org.apache.lucene.util.BytesRef> wanted = referencedIds();
    final Map<String, List<Integer>> rawIdMatches = new HashMap<>();
    int n;

    DeployColumns(int cap) {
      key = new Utf8Column(cap, cap * 24);
      service = new int[cap];
      env = new int[cap];
      time = new long[cap];
      status = new byte[cap];
      version = new int[cap];
      sha = new int[cap];
      rollback = new boolean[cap];
    }

    /** One segment's deploys, in two passes: ordinals per document, then terms per ordinal. */
    void read(LeafReader reader, Scorer sc) throws IOException {
      int[] docs = liveDocs(reader, sc);
      int count = docs.length;
      SortedDocValues keys = DocValues.getSorted(reader, Schema.KEY);
      SortedSetDocValues svc = DocValues.getSortedSet(reader, Schema.SERVICE_RAW);
      SortedDocValues envs = DocValues.getSorted(reader, Schema.ENV);
      SortedDocValues stat = DocValues.getSorted(reader, Schema.STATUS);
      SortedDocValues ver = DocValues.getSorted(reader, Schema.VERSION_FIELD);
      SortedDocValues com = DocValues.getSorted(reader, Schema.COMMIT);
      SortedDocValues sub = DocValues.getSorted(reader, Schema.SUBTYPE);
      int[] keyOrd = ords(keys, docs);
      int[] svcOrd = firstOrds(svc, docs);
      int[] envOrd = ords(envs, docs);
      int[] statOrd = ords(stat, docs);
      int[] verOrd = ords(ver, docs);
      int[] comOrd = ords(com, docs);
      int[] subOrd = ords(sub, docs);
      long[] t = times(DocValues.getSortedNumeric(reader, Schema.TIME), docs);
      String[] keyStr = ordStrings(keys.termsEnum(), keys.getValueCount(), used(keyOrd));
      int[] svcId = serviceIds(ordStrings(svc.termsEnum(), svc.getValueCount(), null));
      int[] envId = envIds(ordStrings(envs.termsEnum(), envs.getValueCount(), null));
      byte[] statId = statusIds(ordStrings(stat.termsEnum(), stat.getValueCount(), null));
      int[] verId =
          dictIds(ordStrings(ver.termsEnum(), ver.getValueCount(), used(verOrd)), versions, true);
      int[] comId =
          dictIds(ordStrings(com.termsEnum(), com.getValueCount(), used(comOrd)), shas, false);
      int rollbackOrd = ordOf(sub, "rollback");
      Map<Long, List<String>> wantedOrds = wantedOrds(DocValues.getSortedSet(reader, Schema.IDS));
      java.util.BitSet wantedBits = bits(wantedOrds);
      SortedSetDocValues idsDv = DocValues.getSortedSet(reader, Schema.IDS);
      int unknown = DeployStatus.UNKNOWN.ordinal();
      int noEnv = AnalysisData.this.envs.id("");
      for (int k = 0; k < count; k++) {
        int i = n++;
        key.add(keyOrd[k] < 0 ? "" : keyStr[keyOrd[k]]);
        service[i] = svcOrd[k] < 0 ? -1 : svcId[svcOrd[k]];
        env[i] = envOrd[k] < 0 ? noEnv : envId[envOrd[k]];
        time[i] = t[k];
        status[i] = statOrd[k] < 0 ? (byte) unknown : statId[statOrd[k]];
        version[i] = verOrd[k] < 0 ? -1 : verId[verOrd[k]];
        sha[i] = comOrd[k] < 0 ? -1 : comId[comOrd[k]];
        rollback[i] = subOrd[k] >= 0 && subOrd[k] == rollbackOrd;
        if (!wantedOrds.isEmpty()) {
          matchIds(idsDv, docs[k], wantedOrds, wantedBits, i);
        }
      }
    }

    private int[] serviceIds(String[] raw) {
      int[] ids = new int[raw.length];
      for (int o = 0; o < raw.length; o++) {
        ids[o] = rawService.computeIfAbsent(raw[o], AnalysisData.this::service);
      }
      return ids;
    }

    private int[] envIds(String[] raw) {
      int[] ids = new int[raw.length];
      for (int o = 0; o < raw.length; o++) {
        ids[o] = AnalysisData.this.envs.id(raw[o]);
      }
      return ids;
    }

    /** Ordinal to the ids of a dictionary, for the ordinals in use (the rest stay -1). */
    private int[] dictIds(String[] terms, Dict dict, boolean isVersion) {
      int[] ids = new int[terms.length];
      for (int o = 0; o < terms.length; o++) {
        ids[o] = terms[o] == null ? -1 : dict.id(isVersion ? normaliseVersion(terms[o]) : terms[o]);
      }
      return ids;
    }

    /** The segment's ordinals of the ids incidents cite, with the id each stands for. */
    /**
     * The segment's id ordinals that incidents cite, each with the cited values it answers: the
     * same id, or for a change title cut short ({@code title*:}), every title it begins.
     */
    private Map<Long, List<String>> wantedOrds(SortedSetDocValues idsDv) throws IOException {
      Map<Long, List<String>> out = new HashMap<>();
      if (wanted.isEmpty() || idsDv.getValueCount() == 0) {
        return out;
      }
      var te = idsDv.termsEnum();
      for (org.apache.lucene.util.BytesRef want : wanted) {
        String w = want.utf8ToString();
        if (w.startsWith(References.TITLE_PREFIX)) {
          var prefix =
              new org.apache.lucene.util.BytesRef(
                  References.TITLE + w.substring(References.TITLE_PREFIX.length()));
          if (te.seekCeil(prefix) == org.apache.lucene.index.TermsEnum.SeekStatus.END) {
            continue;
          }
          int seen = 0;
          while (te.term() != null
              && org.apache.lucene.util.StringHelper.startsWith(te.term(), prefix)
              && seen++ < 50) {
            out.computeIfAbsent(te.ord(), k -> new ArrayList<>(1)).add(w);
            if (te.next() == null) {
              break;
            }
          }
        } else if (w.startsWith(References.TITLE_WRITTEN)) {
          var whole =
              new org.apache.lucene.util.BytesRef(
                  References.TITLE + w.substring(References.TITLE_WRITTEN.length()));
          if (te.seekCeil(whole) == org.apache.lucene.index.TermsEnum.SeekStatus.FOUND) {
            out.computeIfAbsent(te.ord(), k -> new ArrayList<>(1)).add(w);
          }
        } else if (te.seekCeil(want) == org.apache.lucene.index.TermsEnum.SeekStatus.FOUND) {
          out.computeIfAbsent(te.ord(), k -> new ArrayList<>(1)).add(w);
        }
      }
      return out;
    }

    private void matchIds(
        SortedSetDocValues idsDv,
        int doc,
        Map<Long, List<String>> wantedOrds,
        java.util.BitSet wanted,
        int row)
        throws IOException {
      if (!idsDv.advanceExact(doc)) {
        return;
      }
      for (int j = 0; j < idsDv.docValueCount(); j++) {
        long ord = idsDv.nextOrd();
        // nearly every id of a million deploys is one no incident cites: a bit test, not a
        // lookup of a boxed ordinal, rules those out
        if (ord < Integer.MAX_VALUE && wanted.get((int) ord)) {
          for (String value : wantedOrds.get(ord)) {
            rawIdMatches.computeIfAbsent(value, x -> new ArrayList<>()).add(row);
          }
        }
      }
    }

    /** The wanted ordinals as bits. */
    private java.util.BitSet bits(Map<Long, List<String>> wantedOrds) {
      java.util.BitSet b = new java.util.BitSet();
      for (long ord : wantedOrds.keySet()) {
        if (ord >= Integer.MAX_VALUE) {
          throw new IllegalStateException("more distinct ids in a segment than Rehearsal reads");
        }
        b.set((int) ord);
      }
      return b;
    }
  }

  private static int[] liveDocs(LeafReader reader, Scorer sc) throws IOException {
    Bits live = reader.getLiveDocs();
    int[] docs = new int[reader.maxDoc()];
    int count = 0;
    DocIdSetIterator it = sc.iterator();
    for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
      if (live == null || live.get(doc)) {
        docs[count++] = doc;
      }
    }
    return Arrays.copyOf(docs, count);
  }

  private static int[] ords(SortedDocValues dv, int[] docs) throws IOException {
    int[] out = new int[docs.length];
    for (int k = 0; k < docs.length; k++) {
      out[k] = ord(dv, docs[k]);
    }
    return out;
  }

  private static int[] firstOrds(SortedSetDocValues dv, int[] docs) throws IOException {
    int[] out = new int[docs.length];
    for (int k = 0; k < docs.length; k++) {
      out[k] = firstOrd(dv, docs[k]);
    }
    return out;
  }

  private static long[] times(SortedNumericDocValues dv, int[] docs) throws IOException {
    long[] out = new long[docs.length];
    for (int k = 0; k < docs.length; k++) {
      out[k] = time(dv, docs[k]);
    }
    return out;
  }

  private static java.util.BitSet used(int[] ords) {
    java.util.BitSet b = new java.util.BitSet();
    for (int o : ords) {
      if (o >= 0) {
        b.set(o);
      }
    }
    return b;
  }

  private static int ordOf(SortedDocValues dv, String term) throws IOException {
    int o = dv.lookupTerm(new org.apache.lucene.util.BytesRef(term));
    return o >= 0 ? o : -2;
  }

  /** The status field is shared with other kinds: map only what deploys use. */
  private static byte[] statusIds(String[] terms) {
    byte[] ids = new byte[terms.length];
    for (int o = 0; o < terms.length; o++) {
      ids[o] = (byte) DeployStatus.fromText(terms[o]).ordinal();
    }
    return ids;
  }

  private void loadDeploys(IndexSearcher s, TaskMonitor m) throws IOException {
    int cap = s.count(new TermQuery(new Term(Schema.KIND, DocKind.DEPLOY.code())));
    DeployColumns c = new DeployColumns(cap);
    Weight w =
        s.createWeight(
            s.rewrite(new TermQuery(new Term(Schema.KIND, DocKind.DEPLOY.code()))),
            ScoreMode.COMPLETE_NO_SCORES,
            1f);
    for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
      Scorer sc = w.scorer(leaf);
      if (sc != null) {
        c.read(leaf.reader(), sc);
        m.checkCancelled();
      }
    }
    int size = c.n;
    deploys =
        new DeployTable(
            size,
            c.key,
            Arrays.copyOf(c.service, size),
            Arrays.copyOf(c.env, size),
            Arrays.copyOf(c.time, size),
            Arrays.copyOf(c.status, size),
            Arrays.copyOf(c.version, size),
            Arrays.copyOf(c.sha, size),
            Arrays.copyOf(c.rollback, size),
            c.versions,
            c.shas,
            services.size(),
            envs.size());
    int[] rawToSorted = new int[size];
    for (int k = 0; k < size; k++) {
      rawToSorted[deploys.rawIndex(k)] = k;
    }
    for (var e : c.rawIdMatches.entrySet()) {
      idMatches.put(
          e.getKey(), e.getValue().stream().mapToInt(r -> rawToSorted[r]).sorted().toArray());
    }
  }

  /**
   * Takes out of each incident's references the quoted phrases no deploy carries as its title: any
   * quote of two words may be a change's title (decision 0025), and one that names no change is not
   * a citation ("PD alert 'high error rate' fired"), so it must not make the incident one that
   * cites a change.
   */
  private void dropTitlesNoDeployCarries() {
    for (int i = 0; i < incidentRefs.size(); i++) {
      List<References.Ref> refs = incidentRefs.get(i);
      if (refs.stream().anyMatch(r -> r.title() && !idMatches.containsKey(r.value()))) {
        incidentRefs.set(
            i, refs.stream().filter(r -> !r.title() || idMatches.containsKey(r.value())).toList());
      }
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

  /** Test case names are for search; the analysis reads runs without them. */
  @com.fasterxml.jackson.annotation.JsonIgnoreProperties({"caseNames"})
  private abstract static class WithoutCaseNames {}

  private static final com.fasterxml.jackson.databind.ObjectMapper RUN_MAPPER =
      dev.rehearsal.util.Json.mapper()
          .copy()
          .addMixIn(dev.rehearsal.model.TestSummary.class, WithoutCaseNames.class);
  private static final com.fasterxml.jackson.databind.ObjectReader RUN_READER =
      RUN_MAPPER.readerFor(StagingRun.class);

  /** Every stored staging run, read by {@code reader}. */
  private static void forEachRun(
      Workspace ws,
      com.fasterxml.jackson.databind.ObjectReader reader,
      java.util.function.Consumer<StagingRun> consumer)
      throws IOException {
    ws.records()
        .forEachStored(
            DocKind.RUN,
            json -> {
              try {
                consumer.accept(reader.readValue(json.bytes, json.offset, json.length));
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
  }

  private void loadRuns(Workspace ws) throws IOException {
    forEachRun(
        ws,
        RUN_READER,
        r -> {
          int id = service(r.service());
          if (id >= 0) {
            runs.computeIfAbsent(id, k -> new ArrayList<>()).add(r);
          }
        });
    for (List<StagingRun> l : runs.values()) {
      l.sort(Comparator.comparing(StagingRun::startedAt).thenComparing(StagingRun::key));
    }
  }

  /**
   * Reads the staging runs again, with their test case names, when row counts came without a
   * service, and keeps the cases whose names name one of those tables. Test case names are not kept
   * otherwise (there may be millions); the tables are few and their names are looked up, not
   * searched for one by one.
   */
  private void loadTableTests(Workspace ws) throws IOException {
    int none = services.find("");
    if (none < 0) {
      return;
    }
    // the tables by what test names spell them as
    Map<String, List<String>> tablesByKey = new HashMap<>();
    for (int env : new int[] {production, staging}) {
      var m = facts.data.get(FactTable.key(none, env));
      if (m != null) {
        for (String table : m.keySet()) {
          String key = TableOwners.testKey(table);
          if (key != null) {
            List<String> l = tablesByKey.computeIfAbsent(key, k -> new ArrayList<>());
            if (!l.contains(table)) {
              l.add(table);
            }
          }
        }
      }
    }
    if (tablesByKey.isEmpty()) {
      return;
    }
    // per (table, service, case name), the earliest run; each service's case names are matched
    // once (runs repeat them)
    record Key(String table, int service, String test) {}
    Map<Key, TableTest> found = new HashMap<>();
    Map<Integer, Map<String, List<String>>> matched = new HashMap<>();
    com.fasterxml.jackson.databind.ObjectReader reader =
        dev.rehearsal.util.Json.mapper().readerFor(StagingRun.class);
    forEachRun(
        ws,
        reader,
        r -> {
          int id = service(r.service());
          if (id < 0 || r.tests().caseNames().isEmpty()) {
            return;
          }
          String run = r.suite().isBlank() ? r.sourceId() : r.suite();
          long at = r.startedAt().toEpochMilli();
          Map<String, List<String>> mine = matched.computeIfAbsent(id, k -> new HashMap<>());
          for (String name : r.tests().caseNames()) {
            List<String> tables =
                mine.computeIfAbsent(
                    name,
                    n -> {
                      List<String> out = new ArrayList<>();
                      for (String key :
                          TableOwners.namedKeys(TableOwners.words(n), tablesByKey.keySet())) {
                        out.addAll(tablesByKey.get(key));
                      }
                      return out.isEmpty() ? List.of() : out;
                    });
            for (String table : tables) {
              Key k = new Key(table, id, name);
              TableTest old = found.get(k);
              if (old == null
                  || at < old.at()
                  || (at == old.at() && run.compareTo(old.run()) < 0)) {
                found.put(k, new TableTest(table, id, name, run, at));
              }
            }
          }
        });
    tableTests.addAll(found.values());
    tableTests.sort(
        Comparator.comparing(TableTest::table)
            .thenComparingInt(TableTest::service)
            .thenComparing(TableTest::test));
  }

  // ------------------------------------------------------------------ facts

  private void loadFacts(IndexSearcher s) throws IOException {
    Map<String, Integer> rawService = new HashMap<>();
    Weight w =
        s.createWeight(
            s.rewrite(new TermQuery(new Term(Schema.KIND, DocKind.FACT.code()))),
            ScoreMode.COMPLETE_NO_SCORES,
            1f);
    for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
      Scorer sc = w.scorer(leaf);
      if (sc == null) {
        continue;
      }
      LeafReader reader = leaf.reader();
      Bits live = reader.getLiveDocs();
      SortedDocValues type = DocValues.getSorted(reader, Schema.STATUS);
      SortedSetDocValues svc = DocValues.getSortedSet(reader, Schema.SERVICE_RAW);
      SortedDocValues env = DocValues.getSorted(reader, Schema.ENV);
      SortedDocValues subject = DocValues.getSorted(reader, Schema.SUBTYPE);
      SortedDocValues value = DocValues.getSorted(reader, Schema.VALUE);
      NumericDocValues number = DocValues.getNumeric(reader, Schema.NUMBER);
      SortedNumericDocValues times = DocValues.getSortedNumeric(reader, Schema.TIME);
      List<int[]> rows = new ArrayList<>();
      List<long[]> nums = new ArrayList<>();
      java.util.BitSet subjNeeded = new java.util.BitSet();
      java.util.BitSet valNeeded = new java.util.BitSet();
      DocIdSetIterator it = sc.iterator();
      for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
        if (live != null && !live.get(doc)) {
          continue;
        }
        int[] r = {
          ord(type, doc), firstOrd(svc, doc), ord(env, doc), ord(subject, doc), ord(value, doc)
        };
        long num =
            number.advanceExact(doc) ? number.longValue() : Double.doubleToRawLongBits(Double.NaN);
        rows.add(r);
        nums.add(new long[] {time(times, doc), num});
        if (r[3] >= 0) {
          subjNeeded.set(r[3]);
        }
        if (r[4] >= 0) {
          valNeeded.set(r[4]);
        }
      }
      String[] typeStr = ordStrings(type.termsEnum(), type.getValueCount(), null);
      String[] svcStr = ordStrings(svc.termsEnum(), svc.getValueCount(), null);
      String[] envStr = ordStrings(env.termsEnum(), env.getValueCount(), null);
      String[] subjStr = ordStrings(subject.termsEnum(), subject.getValueCount(), subjNeeded);
      String[] valStr = ordStrings(value.termsEnum(), value.getValueCount(), valNeeded);
      // the status field is shared with other kinds: facts' values are fact types
      FactType[] types = new FactType[typeStr.length];
      for (int o = 0; o < typeStr.length; o++) {
        try {
          types[o] = FactType.valueOf(typeStr[o].toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException notAFactType) {
          types[o] = null;
        }
      }
      int[] svcId = new int[svcStr.length];
      for (int o = 0; o < svcStr.length; o++) {
        svcId[o] = rawService.computeIfAbsent(svcStr[o], this::service);
      }
      int[] envId = new int[envStr.length];
      for (int o = 0; o < envStr.length; o++) {
        envId[o] = envs.id(envStr[o]);
      }
      for (int k = 0; k < rows.size(); k++) {
        int[] r = rows.get(k);
        if (r[0] < 0 || types[r[0]] == null) {
          continue;
        }
        FactType t = types[r[0]];
        int sv = r[1] < 0 ? -1 : svcId[r[1]];
        int e = r[2] < 0 ? envs.id("") : envId[r[2]];
        long at = nums.get(k)[0];
        double amount = Double.longBitsToDouble(nums.get(k)[1]);
        String subj = r[3] < 0 ? "" : subjStr[r[3]];
        String val = r[4] < 0 ? "" : valStr[r[4]];
        switch (t) {
          case CONFIG:
            if (sv >= 0) {
              facts.addConfig(sv, e, at, subj, val);
            }
            break;
          case FLAG:
            if (sv >= 0) {
              facts.addFlag(sv, e, at, subj, val);
            }
            break;
          case TRAFFIC_PEAK:
            if (sv >= 0 && !Double.isNaN(amount)) {
              facts.addTraffic(sv, e, at, amount);
            }
            break;
          case DATA_VOLUME:
            if (!Double.isNaN(amount)) {
              facts.addData(sv < 0 ? services.id("") : sv, e, at, subj, amount);
            }
            break;
          case MOCK:
            facts.addMock(sv < 0 ? services.id("") : sv, e, at, subj, val);
            break;
          default:
            break;
        }
      }
    }
    facts.finish();
  }
}
