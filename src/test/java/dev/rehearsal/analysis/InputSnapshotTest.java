package dev.rehearsal.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.app.Demo;
import dev.rehearsal.app.Imports;
import dev.rehearsal.app.Session;
import dev.rehearsal.demo.ScenarioGenerator;
import dev.rehearsal.index.Workspace;
import dev.rehearsal.model.Finding;
import dev.rehearsal.model.Review;
import dev.rehearsal.model.Verdict;
import dev.rehearsal.task.TaskMonitor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analysis's input snapshot (decision 0009): the same input as reading the index, used only for
 * the generation of imported records and the service names it was written for.
 */
class InputSnapshotTest {
  @TempDir static Path dir;
  static Path scenario;

  @BeforeAll
  static void scenario() throws Exception {
    scenario = dir.resolve("scenario");
    new ScenarioGenerator(new ScenarioGenerator.Options(5, 150, 3000, -1, 10))
        .generate(scenario, null);
  }

  private Workspace imported(String name) throws Exception {
    // the session's workspace outlives it here: the test closes the workspace itself
    Session s = Session.openOrCreate(dir.resolve(name));
    Demo.install(s, scenario, Imports.Then.PREPARE, null);
    return s.workspace();
  }

  private static Path file(Workspace ws) {
    return ws.dir().resolve(InputSnapshot.FILE);
  }

  private static AnalysisData load(Workspace ws) throws Exception {
    return AnalysisData.load(ws, new Rules(ws.settings()), TaskMonitor.NONE);
  }

  @Test
  void anImportLeavesASnapshotThatReadsBackAsTheIndexReadsWhole() throws Exception {
    try (Workspace ws = imported("same")) {
      assertTrue(Files.isRegularFile(file(ws)), "the import prepared the next analysis");
      AnalysisData fromSnapshot = load(ws);
      assertTrue(fromSnapshot.loadParts.containsKey("snapshot"), fromSnapshot.loadParts.toString());
      Files.delete(file(ws));
      AnalysisData fromIndex = load(ws);
      assertTrue(fromIndex.loadParts.containsKey("incidents"), fromIndex.loadParts.toString());
      assertTrue(Files.isRegularFile(file(ws)), "reading the index wrote the snapshot again");

      assertEquals(150, fromIndex.incidents.size());
      assertEquals(fromIndex.incidents, fromSnapshot.incidents);
      assertEquals(fromIndex.incidentRefs, fromSnapshot.incidentRefs);
      assertEquals(fromIndex.incidentServices.size(), fromSnapshot.incidentServices.size());
      for (int i = 0; i < fromIndex.incidentServices.size(); i++) {
        assertArrayEquals(fromIndex.incidentServices.get(i), fromSnapshot.incidentServices.get(i));
      }
      assertArrayEquals(fromIndex.incidentDoc, fromSnapshot.incidentDoc);
      assertArrayEquals(fromIndex.docToIncident, fromSnapshot.docToIncident);
      assertEquals(values(fromIndex.services), values(fromSnapshot.services));
      assertEquals(values(fromIndex.envs), values(fromSnapshot.envs));
      assertEquals(fromIndex.rawServices, fromSnapshot.rawServices);
      assertEquals(ids(fromIndex.idMatches), ids(fromSnapshot.idMatches));
      assertFalse(fromIndex.runs.isEmpty());
      assertEquals(fromIndex.runs, fromSnapshot.runs);

      DeployTable a = fromIndex.deploys;
      DeployTable b = fromSnapshot.deploys;
      assertEquals(ws.facets().count(dev.rehearsal.index.DocKind.DEPLOY), a.size);
      assertTrue(a.size > 2000);
      assertEquals(keys(a), keys(b));
      assertArrayEquals(a.service, b.service);
      assertArrayEquals(a.env, b.env);
      assertArrayEquals(a.time, b.time);
      assertArrayEquals(a.status, b.status);
      assertArrayEquals(a.version, b.version);
      assertArrayEquals(a.sha, b.sha);
      assertArrayEquals(a.rollback, b.rollback);
      assertEquals(values(a.versions), values(b.versions));
      assertEquals(values(a.shas), values(b.shas));
      for (int s = 0; s < fromIndex.services.size(); s++) {
        assertEquals(a.serviceFrom(s), b.serviceFrom(s));
        assertEquals(a.serviceTo(s), b.serviceTo(s));
      }

      assertEquals(facts(fromIndex.facts), facts(fromSnapshot.facts));
      assertFalse(fromIndex.facts.config.isEmpty());
    }
  }

  @Test
  void findingsAreTheSameFromTheSnapshotAndFromTheIndex() throws Exception {
    try (Workspace ws = imported("findings")) {
      AnalysisReport fromSnapshot = new Engine(ws).run(null, false);
      assertTrue(fromSnapshot.timings().containsKey("load.snapshot"));
      Files.delete(file(ws));
      AnalysisReport fromIndex = new Engine(ws).run(null, false);
      assertTrue(fromIndex.timings().containsKey("load.incidents"));
      assertEquals(fromIndex.findings(), fromSnapshot.findings());
      assertTrue(fromIndex.linked() > 0);
    }
  }

  @Test
  void findingsAndReviewsKeepTheGenerationImportsChangeIt() throws Exception {
    try (Workspace ws = imported("generation")) {
      String g = ws.inputGeneration();
      AnalysisReport r = new Engine(ws).run(null, true);
      assertEquals(g, ws.inputGeneration(), "storing findings changes no imported record");
      Finding f = r.findings().get(0);
      ws.writes()
          .putReview(
              new Review(
                  f.incidentKey(),
                  null,
                  Verdict.NOT_CHANGE_RELATED,
                  List.of(),
                  "checked",
                  "sre",
                  java.time.Instant.parse("2025-01-01T00:00:00Z")));
      ws.writes().commit();
      assertEquals(g, ws.inputGeneration(), "a review changes no imported record");
      assertTrue(new Engine(ws).run(null, false).timings().containsKey("load.snapshot"));

      ws.writes()
          .upsert(
              EngineTest.incident(
                  "NEW-1",
                  "payments",
                  "2025-03-01T10:00:00Z",
                  "Checkout errors",
                  "payments returned 500s"));
      ws.writes().commit();
      assertNotEquals(g, ws.inputGeneration());
      AnalysisReport after = new Engine(ws).run(null, false);
      assertFalse(
          after.timings().containsKey("load.snapshot"),
          "a snapshot of the records before the import is not used");
      assertEquals(151, after.incidents());
      assertTrue(
          after.findings().stream()
              .anyMatch(x -> x.incidentKey().equals("incident/pagerduty/NEW-1")));
    }
  }

  @Test
  void theGenerationOutlivesClosingTheWorkspace() throws Exception {
    String g;
    try (Workspace ws = imported("reopen")) {
      g = ws.inputGeneration();
    }
    try (Workspace ws = Workspace.open(dir.resolve("reopen"))) {
      assertEquals(g, ws.inputGeneration());
      assertTrue(new Engine(ws).run(null, false).timings().containsKey("load.snapshot"));
    }
  }

  @Test
  void anAliasChangeOrADamagedFileSendsTheAnalysisBackToTheIndex() throws Exception {
    try (Workspace ws = imported("stale")) {
      List<Finding> before = new Engine(ws).run(null, false).findings();

      // a snapshot cut short is not read
      byte[] bytes = Files.readAllBytes(file(ws));
      Files.write(file(ws), java.util.Arrays.copyOf(bytes, bytes.length / 2));
      AnalysisReport cut = new Engine(ws).run(null, false);
      assertFalse(cut.timings().containsKey("load.snapshot"));
      assertEquals(before, cut.findings());
      assertEquals(bytes.length, Files.size(file(ws)), "and is written whole again");

      // a setting now reads a name the tools wrote as another service, with no import: the
      // generation is the same, the snapshot's names are stale
      String g = ws.inputGeneration();
      AnalysisData d = load(ws);
      dev.rehearsal.settings.ServiceNames unstripped =
          new dev.rehearsal.settings.ServiceNames(ws.files().aliases(), List.of());
      String raw =
          d.rawServices.keySet().stream()
              .filter(x -> !unstripped.canonical(x).equals(d.rawServices.get(x)))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no suffixed service name"));
      ws.writes()
          .saveSettings(
              ws.settings()
                  .with(
                      "services.stripSuffixes",
                      com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode()));
      assertEquals(g, ws.inputGeneration());
      AnalysisReport renamed = new Engine(ws).run(null, false);
      assertFalse(renamed.timings().containsKey("load.snapshot"));
      String now = unstripped.canonical(raw);
      assertTrue(
          renamed.findings().stream().anyMatch(x -> x.services().contains(now)),
          "the analysis reads " + raw + " as " + now);
      assertFalse(before.stream().anyMatch(x -> x.services().contains(now)));
    }
  }

  @Test
  void aDamagedLengthIsNotBelievedAndAFailedWriteDoesNotStopTheAnalysis() throws Exception {
    try (Workspace ws = imported("damaged")) {
      List<Finding> before = new Engine(ws).run(null, false).findings();
      // the first length in the file (the build's version string) says two gigabytes
      byte[] bytes = Files.readAllBytes(file(ws));
      java.nio.ByteBuffer.wrap(bytes).putInt(12, Integer.MAX_VALUE);
      Files.write(file(ws), bytes);
      AnalysisReport damaged = new Engine(ws).run(null, false);
      assertFalse(damaged.timings().containsKey("load.snapshot"));
      assertEquals(before, damaged.findings());

      // the snapshot cannot be written (its name is taken by a folder): the analysis still runs
      Files.delete(file(ws));
      Files.createDirectories(file(ws).resolve("taken"));
      AnalysisReport unwritable = new Engine(ws).run(null, false);
      assertTrue(
          unwritable.timings().containsKey("load.snapshot.writeFailed"),
          unwritable.timings().toString());
      assertEquals(before, unwritable.findings());
      try (var left = Files.list(ws.dir())) {
        assertTrue(
            left.noneMatch(x -> x.getFileName().toString().endsWith(".tmp")),
            "no temporary file is left behind");
      }
    }
  }

  private static List<String> keys(DeployTable t) {
    List<String> out = new java.util.ArrayList<>();
    for (int i = 0; i < t.size; i++) {
      out.add(t.key(i));
    }
    return out;
  }

  private static List<String> values(Dict d) {
    List<String> out = new java.util.ArrayList<>();
    for (int i = 0; i < d.size(); i++) {
      out.add(d.value(i));
    }
    return out;
  }

  private static Map<String, List<Integer>> ids(Map<String, int[]> m) {
    Map<String, List<Integer>> out = new TreeMap<>();
    m.forEach((k, v) -> out.put(k, java.util.Arrays.stream(v).boxed().toList()));
    return out;
  }

  /** The fact table's content as plain values. */
  private static Map<String, Object> facts(FactTable f) {
    Map<String, Object> out = new HashMap<>();
    Map<Long, Object> config = new TreeMap<>();
    f.config.forEach(
        (k, snaps) -> {
          Map<Long, Object> m = new TreeMap<>();
          snaps.forEach((t, s) -> m.put(t, new TreeMap<>(s.values)));
          config.put(k, m);
        });
    out.put("config", config);
    out.put("flags", new TreeMap<>(f.flags));
    Map<Long, Object> traffic = new TreeMap<>();
    f.traffic.forEach((k, s) -> traffic.put(k, series(s)));
    out.put("traffic", traffic);
    Map<Long, Object> data = new TreeMap<>();
    f.data.forEach(
        (k, tables) -> {
          Map<String, Object> m = new TreeMap<>();
          tables.forEach((t, s) -> m.put(t, series(s)));
          data.put(k, m);
        });
    out.put("data", data);
    out.put("mocks", new TreeMap<>(f.mocks));
    return out;
  }

  private static List<Object> series(FactTable.Series s) {
    return List.of(
        java.util.Arrays.toString(java.util.Arrays.copyOf(s.time, s.size)),
        java.util.Arrays.toString(java.util.Arrays.copyOf(s.value, s.size)));
  }
}
