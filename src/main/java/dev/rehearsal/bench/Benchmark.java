package dev.rehearsal.bench;

import dev.rehearsal.analysis.AnalysisReport;
import dev.rehearsal.analysis.Engine;
import dev.rehearsal.app.Demo;
import dev.rehearsal.app.Imports;
import dev.rehearsal.app.Session;
import dev.rehearsal.importers.FileReport;
import dev.rehearsal.importers.ImportSummary;
import dev.rehearsal.index.DocKind;
import dev.rehearsal.index.Schema;
import dev.rehearsal.index.SearchRequest;
import dev.rehearsal.index.Workspace;
import dev.rehearsal.settings.Settings;
import dev.rehearsal.task.TaskMonitor;
import dev.rehearsal.util.FileTrees;
import dev.rehearsal.util.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Measures import, analysis, search and the app at a chosen size of the demo scenario (scale 1.0 =
 * 100,000 incidents, 1,000,000 deploys, 20,000 staging runs with 2,000,000 test cases, plus
 * configuration snapshots and facts), against the floors and peers described in
 * docs/performance.md. Prints what it measured; nothing is asserted.
 */
public final class Benchmark {
  /** What to run. */
  public record Options(
      double scale,
      Path workDir,
      Path jar,
      Path benchLib,
      boolean app,
      boolean duckdb,
      long seed,
      dev.rehearsal.app.TeamStore store) {}

  private final PrintWriter log;

  public Benchmark(PrintWriter log) {
    this.log = log;
  }

  private void say(String s) {
    if (log != null) {
      log.println(s);
      log.flush();
    }
  }

  /** Runs every measurement at one scale; returns the figures. */
  public Map<String, Object> run(Options o) throws Exception {
    Map<String, Object> f = new LinkedHashMap<>();
    int incidents = (int) Math.round(100_000 * o.scale());
    int deploys = (int) Math.round(1_000_000 * o.scale());
    int runs = (int) Math.round(20_000 * o.scale());
    f.put("scale", o.scale());
    f.put("machine", machine());
    Path base = o.workDir().resolve(String.format(java.util.Locale.ROOT, "scale-%.2f", o.scale()));
    Path scenario = base.resolve("scenario");
    f.put("generateSeconds", generate(o, scenario, incidents, deploys, runs));
    List<Path> inputs = dev.rehearsal.demo.DemoScenario.dataFolders(scenario);
    f.put("inputBytes", size(scenario));
    Settings settings = Settings.defaults();

    // the files are read once first, so that the parse floor and the import, which follows it,
    // both read them from the page cache: a floor read from disk would flatter the import, and
    // whether the previous size's run left them cached made the floor swing by a tenth
    say("reading the files once ...");
    long r0 = System.nanoTime();
    readAll(scenario);
    f.put("filesReadOnceSeconds", round(seconds(r0)));

    say("parsing alone ...");
    gc();
    Floors.Discard discard = new Floors.Discard();
    long t0 = System.nanoTime();
    ImportSummary parsed = Floors.run(inputs, discard, settings);
    double parseSeconds = seconds(t0);
    say(String.format("  %,d records parsed in %.1f s", discard.records, parseSeconds));

    say("indexing alone ...");
    Path scratch = base.resolve("index-floor");
    FileTrees.delete(scratch);
    double indexSeconds;
    try (Floors.IndexOnly idx = new Floors.IndexOnly(scratch, settings)) {
      Floors.run(inputs, idx, settings);
      idx.commit();
      indexSeconds = idx.nanos / 1e9;
      say(String.format("  %,d documents indexed in %.1f s", idx.documents, indexSeconds));
    }
    FileTrees.delete(scratch);

    say("import ...");
    Path wsDir = base.resolve("workspace");
    FileTrees.delete(wsDir);
    gc();
    HeapWatch importHeap = HeapWatch.used();
    t0 = System.nanoTime();
    ImportSummary imported;
    Map<String, Object> search;
    AnalysisReport analysis;
    Engine engine;
    try (Session session = Session.openOrCreate(wsDir)) {
      Workspace ws = session.workspace();
      imported = Demo.install(session, scenario, Imports.Then.PREPARE, null).summary();
      double importSeconds = seconds(t0);
      importHeap.close();
      f.put("records", imported.accepted());
      f.put("rejected", imported.rejected());
      f.put("importSeconds", round(importSeconds));
      f.put("importRecordsPerSecond", Math.round(imported.accepted() / importSeconds));
      f.put("importPeakUsedHeapMB", importHeap.usedPeakMb());
      f.put("parseSeconds", round(parseSeconds));
      f.put("indexSeconds", round(indexSeconds));
      f.put("importToFloorRatio", round(importSeconds / (parseSeconds + indexSeconds)));
      f.put("formats", perFormat(imported, parsed));
      say(
          String.format(
              "  %,d records in %.1f s (%.2fx parse + index)",
              imported.accepted(), importSeconds, importSeconds / (parseSeconds + indexSeconds)));

      say("analysis ...");
      gc();
      HeapWatch analysisHeap = HeapWatch.used();
      engine = new Engine(ws);
      analysis = engine.run(null, true);
      analysisHeap.close();
      Map<String, Long> t = analysis.timings();
      f.put("analysisSeconds", round(t.get("total") / 1000.0));
      f.put(
          "analysisSecondsPer1000Incidents",
          round(t.get("total") / Math.max(1.0, analysis.incidents())));
      f.put("analysisTimingsMs", t);
      f.put("analysisPeakUsedHeapMB", analysisHeap.usedPeakMb());
      f.put("incidents", analysis.incidents());
      say(
          String.format(
              "  %,d incidents in %.1f s %s", analysis.incidents(), t.get("total") / 1000.0, t));

      Map<String, Object> dm = null;
      if (o.duckdb()) {
        Path jar = DuckDbPeer.findJar(o.benchLib());
        if (jar == null) {
          f.put(
              "duckdb",
              "not run: no duckdb_jdbc jar in "
                  + o.benchLib()
                  + " (mvn package puts it in target/bench-lib)");
        } else {
          say("DuckDB ASOF join ...");
          DuckDbPeer.Result d = DuckDbPeer.run(jar, engine.linkInputs(), base.resolve("duckdb"));
          dm = new LinkedHashMap<>();
          dm.put("version", d.version());
          dm.put("incidentRows", d.incidentRows());
          dm.put("productionDeploys", d.deployRows());
          dm.put("loadMillis", d.loadMillis());
          dm.put("asofJoinMillis", d.joinMillis());
          dm.put("asofJoinAgainMillis", d.joinAgainMillis());
          dm.put("linked", d.joined());
          dm.put("rehearsalLinkMillis", t.get("link"));
          dm.put("linkToJoinRatio", round((double) t.get("link") / Math.max(1, d.joinMillis())));
          f.put("duckdb", dm);
          say("  " + dm);
        }
      }

      // the first analysis in a JVM runs largely before its code is compiled; later ones in
      // the same process (re-analysing after reviews or settings changes) do not, so both are
      // reported. The first one's data is let go first: two at once do not fit in 1 GB.
      engine = null;
      analysis = null;
      say("analysis again ...");
      gc();
      Map<String, Long> again = new Engine(ws).run(null, true).timings();
      f.put("analysisAgainSeconds", round(again.get("total") / 1000.0));
      f.put("analysisAgainTimingsMs", again);
      say(String.format("  again in %.1f s %s", again.get("total") / 1000.0, again));
      if (dm != null) {
        long join = Math.max(1, ((Number) dm.get("asofJoinAgainMillis")).longValue());
        dm.put("rehearsalLinkAgainMillis", again.get("link"));
        dm.put("linkAgainToJoinRatio", round((double) again.get("link") / join));
      }

      say("search ...");
      search = searches(ws);
      f.put("search", search);
      say("  " + search);

      if (o.store() != null) {
        say("team store " + o.store().address() + " ...");
        Map<String, Object> store =
            TeamStoreFigures.measure(session, ws, o.store(), inputs, base.resolve("store-copy"));
        f.put("store", store);
        say("  " + store);
      }

      say("reports ...");
      Map<String, Object> reports = reports(session, base.resolve("reports"), o.scale());
      f.put("reports", reports);
      say("  " + reports);
    }

    memory(scenario, base.resolve("workspace-memory"), f);

    if (o.app()) {
      say("app ...");
      // the app runs in a JVM of its own on the same two cores; this one first lets go of its
      // garbage and finishes what its collector and compilers still had queued, so that the
      // app is measured as a user starts it, not next to the benchmark's leftovers
      gc();
      Thread.sleep(2000);
      f.put("app", AppProbe.run(o.jar(), o.benchLib(), wsDir, base.resolve("probe.json")));
      say("  " + f.get("app"));
    }
    return f;
  }

  /**
   * The live heap of the import and the analysis, in a pass of their own: the same import and
   * analysis again, into a scratch workspace, with the heap's live set sampled by forced full
   * collections (which would distort the timed passes).
   */
  private void memory(Path scenario, Path wsDir, Map<String, Object> f) throws IOException {
    say("memory: import and analysis again, live heap sampled ...");
    FileTrees.delete(wsDir);
    try (Session session = Session.openOrCreate(wsDir)) {
      Workspace ws = session.workspace();
      gc();
      try (HeapWatch live = HeapWatch.sampleLive()) {
        Demo.install(session, scenario, Imports.Then.PREPARE, null);
        live.close();
        f.put("importPeakLiveHeapMB", live.livePeakMb());
        f.put("importLiveHeapSamples", live.liveSamples());
      }
      gc();
      try (HeapWatch live = HeapWatch.sampleLive()) {
        // sampled at the end of each step as well, where a step's data is still held
        new Engine(ws)
            .run(
                new TaskMonitor() {
                  @Override
                  public void progress(long done, long total, String message) {
                    live.sampleNow();
                  }

                  @Override
                  public boolean isCancelled() {
                    return false;
                  }
                },
                true);
        live.close();
        f.put("analysisPeakLiveHeapMB", live.livePeakMb());
        f.put("analysisLiveHeapSamples", live.liveSamples());
      }
    }
    FileTrees.delete(wsDir);
    say(
        String.format(
            "  live peak: import %s MB (%s samples), analysis %s MB (%s samples)",
            f.get("importPeakLiveHeapMB"),
            f.get("importLiveHeapSamples"),
            f.get("analysisPeakLiveHeapMB"),
            f.get("analysisLiveHeapSamples")));
  }

  private double generate(Options o, Path scenario, int incidents, int deploys, int runs)
      throws Exception {
    Path marker = scenario.resolve(".generated");
    String params = o.seed() + "/" + incidents + "/" + deploys + "/" + runs;
    if (Files.isRegularFile(marker) && Files.readString(marker).equals(params)) {
      say("scenario already generated in " + scenario);
      return 0;
    }
    FileTrees.delete(scenario);
    say(
        String.format(
            "generating %,d incidents, %,d deploys, %,d runs in %s ...",
            incidents, deploys, runs, scenario));
    long t0 = System.nanoTime();
    // in a JVM of its own: generating is not what is measured, and its heap is not ours
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                java,
                "-Xmx4g",
                "-cp",
                o.jar().toString(),
                "dev.rehearsal.cli.Main",
                "demo",
                "--out",
                scenario.toString(),
                "--seed",
                String.valueOf(o.seed()),
                "--incidents",
                String.valueOf(incidents),
                "--deploys",
                String.valueOf(deploys),
                "--runs",
                String.valueOf(runs),
                "--cases-per-run",
                "100")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!p.waitFor(60, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IOException("generating the scenario failed (exit " + p.exitValue() + ")");
    }
    Files.writeString(marker, params);
    return round(seconds(t0));
  }

  private Map<String, Object> perFormat(ImportSummary imported, ImportSummary parsed) {
    Map<String, long[]> imp = new TreeMap<>();
    for (FileReport r : imported.files()) {
      if (!r.format().isEmpty()) {
        long[] a = imp.computeIfAbsent(r.format(), k -> new long[3]);
        a[0] += r.accepted();
        a[1] += r.millis();
      }
    }
    for (FileReport r : parsed.files()) {
      if (!r.format().isEmpty()) {
        imp.computeIfAbsent(r.format(), k -> new long[3])[2] += r.millis();
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    imp.forEach(
        (k, a) -> {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("records", a[0]);
          m.put("readSeconds", round(a[1] / 1000.0));
          m.put("recordsPerSecond", a[1] == 0 ? 0 : Math.round(a[0] * 1000.0 / a[1]));
          m.put("parseOnlyRecordsPerSecond", a[2] == 0 ? 0 : Math.round(a[0] * 1000.0 / a[2]));
          out.put(k, m);
        });
    return out;
  }

  /** The benchmark's 200 searches for a workspace's services and time span. */
  /** The team store at a multiple of the benchmark's size ({@link StoreAtScale}). */
  public static Map<String, Object> storeAtScale(
      Path base, dev.rehearsal.app.TeamStore store, int replicas, java.io.PrintWriter log)
      throws IOException {
    return StoreAtScale.run(base, store, replicas, log);
  }

  static List<SearchRequest> mix(Workspace ws) throws IOException {
    List<String> services =
        new ArrayList<>(ws.facets().valueCounts(DocKind.INCIDENT, Schema.SERVICE).keySet());
    Instant[] range = ws.facets().timeRange(DocKind.INCIDENT);
    Instant from = range == null ? Instant.EPOCH : range[0];
    Instant to = range == null ? Instant.EPOCH : range[1];
    return SearchMix.build(services, from, to);
  }

  private Map<String, Object> searches(Workspace ws) throws IOException {
    List<SearchRequest> mix = mix(ws);
    for (SearchRequest q : mix) {
      ws.records().search(q); // warm up caches and code paths once
    }
    long[] nanos = new long[mix.size()];
    long hits = 0;
    for (int i = 0; i < mix.size(); i++) {
      long t0 = System.nanoTime();
      hits += ws.records().search(mix.get(i)).total();
      nanos[i] = System.nanoTime() - t0;
    }
    Arrays.sort(nanos);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("queries", mix.size());
    m.put("p50Ms", round(nanos[(int) (nanos.length * 0.50)] / 1e6));
    m.put("p95Ms", round(nanos[(int) (nanos.length * 0.95)] / 1e6));
    m.put("p99Ms", round(nanos[(int) (nanos.length * 0.99)] / 1e6));
    m.put("maxMs", round(nanos[nanos.length - 1] / 1e6));
    m.put("totalHits", hits);
    return m;
  }

  // ------------------------------------------------------------------ growth

  /**
   * Runs several scales, each {@code repeat} times, and says how each figure grows with size: from
   * each figure's median at each scale, so that one run slowed by the machine does not make a step
   * (the machine's speed varies by a fifth between runs). The sizes take turns (see {@link
   * #schedule}).
   */
  public Map<String, Object> growth(Options o, double[] scales, int repeat) throws Exception {
    List<Map<String, Object>> results = new ArrayList<>();
    List<List<Map<String, Object>>> bySize = new ArrayList<>();
    for (int i = 0; i < scales.length; i++) {
      bySize.add(new ArrayList<>());
    }
    for (int i : schedule(scales.length, repeat)) {
      Map<String, Object> r =
          run(
              new Options(
                  scales[i],
                  o.workDir(),
                  o.jar(),
                  o.benchLib(),
                  o.app(),
                  o.duckdb(),
                  o.seed(),
                  o.store()));
      bySize.get(i).add(r);
      results.add(r);
    }
    List<Map<String, Object>> medians = new ArrayList<>();
    for (List<Map<String, Object>> same : bySize) {
      medians.add(median(same));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("runs", results);
    out.put("runsPerSize", repeat);
    out.put("medians", medians);
    out.put("growth", exponents(medians));
    return out;
  }

  /**
   * The order of the runs, as indexes of sizes: every size once, smallest first, then every size
   * again. A run of 40 minutes sees the machine's speed drift; with the sizes taking turns the
   * drift falls on each size alike, where running each size's repeats together would give all of it
   * to the largest size, measured last.
   */
  static List<Integer> schedule(int sizes, int repeat) {
    List<Integer> order = new ArrayList<>();
    for (int r = 0; r < repeat; r++) {
      for (int i = 0; i < sizes; i++) {
        order.add(i);
      }
    }
    return order;
  }

  /** The median of each growing figure (and of search p95) over runs of one size. */
  static Map<String, Object> median(List<Map<String, Object>> runs) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("scale", runs.get(0).get("scale"));
    m.put("records", runs.get(0).get("records"));
    for (String k : GROWING) {
      m.put(k, medianOf(runs.stream().map(r -> r.get(k)).toList()));
    }
    m.put(
        "search",
        Map.of(
            "p95Ms",
            medianOf(runs.stream().map(r -> ((Map<?, ?>) r.get("search")).get("p95Ms")).toList())));
    return m;
  }

  private static double medianOf(List<?> values) {
    double[] v = values.stream().mapToDouble(x -> ((Number) x).doubleValue()).sorted().toArray();
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }

  /** Figures that should grow no faster than n log n, with their growth exponents. */
  static final String[] GROWING = {
    "importSeconds",
    "parseSeconds",
    "indexSeconds",
    "analysisSeconds",
    "analysisAgainSeconds",
    "importPeakLiveHeapMB",
    "analysisPeakLiveHeapMB"
  };

  static Map<String, Object> exponents(List<Map<String, Object>> runs) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 1; i < runs.size(); i++) {
      Map<String, Object> a = runs.get(i - 1);
      Map<String, Object> b = runs.get(i);
      double na = ((Number) a.get("records")).doubleValue();
      double nb = ((Number) b.get("records")).doubleValue();
      // n log n between the two sizes, as an exponent of n
      double nlogn = Math.log(nb * Math.log(nb) / (na * Math.log(na))) / Math.log(nb / na);
      Map<String, Object> step = new LinkedHashMap<>();
      step.put("records", Math.round(na) + " -> " + Math.round(nb));
      step.put("nLogNExponent", round(nlogn));
      for (String k : GROWING) {
        double va = ((Number) a.get(k)).doubleValue();
        double vb = ((Number) b.get(k)).doubleValue();
        if (va > 0 && vb > 0) {
          step.put(k, round(Math.log(vb / va) / Math.log(nb / na)));
        }
      }
      Map<?, ?> sa = (Map<?, ?>) a.get("search");
      Map<?, ?> sb = (Map<?, ?>) b.get("search");
      double pa = ((Number) sa.get("p95Ms")).doubleValue();
      double pb = ((Number) sb.get("p95Ms")).doubleValue();
      if (pa > 0 && pb > 0) {
        step.put("searchP95", round(Math.log(pb / pa) / Math.log(nb / na)));
      }
      out.put("step" + i, step);
    }
    return out;
  }

  // ------------------------------------------------------------------ helpers

  static Map<String, Object> machine() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cores", Runtime.getRuntime().availableProcessors());
    m.put("maxHeapMB", Runtime.getRuntime().maxMemory() / (1024 * 1024));
    m.put("java", System.getProperty("java.version"));
    m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    return m;
  }

  private static void gc() {
    System.gc();
    System.gc();
  }

  /** Reads every file under a folder to the end, discarding what it reads. */
  private static void readAll(Path dir) throws IOException {
    byte[] buffer = new byte[1 << 16];
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        try (var in = Files.newInputStream(p)) {
          while (in.read(buffer) >= 0) {
            // discarded
          }
        }
      }
    }
  }

  private static long size(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  /**
   * The reports, as a user makes them: the incidents CSV of the whole workspace, the figures CSV,
   * the quarterly PDF of the quarter with the most incidents, and the postmortem pack of that
   * quarter's newest escape. Each is written to a file and timed from the open workspace.
   */
  private Map<String, Object> reports(Session session, Path out, double scale) throws IOException {
    FileTrees.delete(out);
    Files.createDirectories(out);
    Map<String, Object> r = new LinkedHashMap<>();
    dev.rehearsal.report.ExporterRegistry exporters =
        dev.rehearsal.report.ExporterRegistry.standard(
            session, dev.rehearsal.report.CsvFormat.RFC_4180);
    dev.rehearsal.analysis.Aggregates all =
        session.dashboard().figures(dev.rehearsal.app.Period.ALL);
    String busiest =
        all.quarters().stream()
            .max(Comparator.comparingLong(q -> q.figures().incidents()))
            .map(dev.rehearsal.analysis.Aggregates.Period::quarter)
            .orElse(null);
    gc();
    long t0 = System.nanoTime();
    Path csv = out.resolve("incidents.csv");
    exporters
        .byId("incidents-csv")
        .orElseThrow()
        .write(dev.rehearsal.report.ExportScope.of(dev.rehearsal.app.Period.ALL), csv, null);
    r.put("incidentsCsvSeconds", round(seconds(t0)));
    r.put("incidentsCsvIncidents", all.total().incidents());
    r.put("incidentsCsvMB", round(Files.size(csv) / 1e6));
    gc();
    t0 = System.nanoTime();
    exporters
        .byId("aggregates-csv")
        .orElseThrow()
        .write(
            dev.rehearsal.report.ExportScope.of(dev.rehearsal.app.Period.ALL),
            out.resolve("figures.csv"),
            null);
    r.put("aggregatesCsvSeconds", round(seconds(t0)));
    if (busiest == null) {
      return r;
    }
    dev.rehearsal.app.Period quarter = dev.rehearsal.app.Period.quarter(busiest);
    quarterlyPdf(exporters, quarter, out.resolve("quarterly.pdf"), "quarterlyPdf", r);
    r.put("quarterlyPdfQuarter", busiest);
    r.put(
        "quarterlyPdfIncidents",
        all.quarters().stream()
            .filter(q -> q.quarter().equals(busiest))
            .mapToLong(q -> q.figures().incidents())
            .sum());
    // the report's target is stated for a quarter of about 25,000 incidents (at scale 1.0);
    // the scenario spreads its incidents over more quarters, so the latest quarters that hold
    // that many together make the period
    long wanted = Math.round(25_000 * scale);
    List<dev.rehearsal.analysis.Aggregates.Period> quarters =
        all.quarters().stream().filter(q -> q.figures().incidents() > 0).toList();
    long held = 0;
    int first = quarters.size();
    while (first > 0 && held < wanted) {
      first--;
      held += quarters.get(first).figures().incidents();
    }
    if (first < quarters.size()) {
      dev.rehearsal.app.Period span =
          dev.rehearsal.app.Period.between(
              dev.rehearsal.app.Period.quarter(quarters.get(first).quarter()).from(),
              dev.rehearsal.app.Period.quarter(quarters.get(quarters.size() - 1).quarter()).to());
      quarterlyPdf(exporters, span, out.resolve("span.pdf"), "spanPdf", r);
      r.put("spanPdfPeriod", span.label());
      r.put("spanPdfIncidents", held);
    }
    List<String> escapes =
        session
            .dashboard()
            .incidentsBehind(
                new dev.rehearsal.app.Dashboard.Cell(
                    quarter, null, null, dev.rehearsal.analysis.Aggregates.Measure.ESCAPES));
    if (!escapes.isEmpty()) {
      gc();
      t0 = System.nanoTime();
      exporters
          .byId("postmortem-pdf")
          .orElseThrow()
          .write(
              dev.rehearsal.report.ExportScope.incident(escapes.get(0)),
              out.resolve("postmortem.pdf"),
              null);
      r.put("postmortemPdfSeconds", round(seconds(t0)));
    }
    return r;
  }

  /** Times the quarterly report of a period; puts NAMESeconds and NAMEPages in {@code r}. */
  private void quarterlyPdf(
      dev.rehearsal.report.ExporterRegistry exporters,
      dev.rehearsal.app.Period period,
      Path pdf,
      String name,
      Map<String, Object> r)
      throws IOException {
    gc();
    long t0 = System.nanoTime();
    exporters
        .byId("quarterly-pdf")
        .orElseThrow()
        .write(dev.rehearsal.report.ExportScope.of(period), pdf, null);
    r.put(name + "Seconds", round(seconds(t0)));
    try (org.apache.pdfbox.pdmodel.PDDocument d = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
      r.put(name + "Pages", d.getNumberOfPages());
    }
  }

  private static double seconds(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  /** Pretty JSON of the figures. */
  public static String json(Object figures) throws IOException {
    return Json.pretty().writeValueAsString(figures);
  }
}
