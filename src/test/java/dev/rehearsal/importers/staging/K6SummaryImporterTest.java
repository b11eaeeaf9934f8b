package dev.rehearsal.importers.staging;

import static dev.rehearsal.importers.staging.StagingTestSupport.HINT_AT;
import static dev.rehearsal.importers.staging.StagingTestSupport.atHint;
import static dev.rehearsal.importers.staging.StagingTestSupport.hasNote;
import static dev.rehearsal.importers.staging.StagingTestSupport.onlyRun;
import static dev.rehearsal.importers.staging.StagingTestSupport.parseBytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.importers.ImportContext;
import dev.rehearsal.importers.ImporterHarness;
import dev.rehearsal.model.LoadSummary;
import dev.rehearsal.model.RunOutcome;
import dev.rehearsal.model.RunType;
import dev.rehearsal.model.StagingRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** k6 summaries: the k6-reporter samples (handleSummary data) and the demo files (both styles). */
class K6SummaryImporterTest {
  private static final K6SummaryImporter IMPORTER = new K6SummaryImporter();
  private static final String DIR = "fixtures/k6-reporter/tests/data/";
  private static final String DEMO = "fixtures/rehearsal-made/demo-k6/";

  @Test
  void httpSummaryMatchesGolden() {
    var r = ImporterHarness.parse(IMPORTER, DIR + "simple.json", atHint());
    ImporterHarness.assertGolden(r, "staging/k6-http");
    StagingRun run = onlyRun(r);
    assertEquals(RunType.LOAD, run.type());
    assertEquals(HINT_AT, run.startedAt());
    LoadSummary l = run.load();
    assertEquals(878, l.requests());
    assertEquals(349, l.failedRequests(), "http_req_failed passes are the failed requests");
    assertEquals(35.94634922417172, l.meanRps(), 1e-12);
    assertEquals(l.meanRps(), l.peakRps(), 0.0);
    assertTrue(hasNote(run, "peak rps is the mean rate"));
    assertEquals(30.0256841, l.p95Ms(), 1e-9, "the untagged http_req_duration");
    assertEquals(39.577136380000084, l.p99Ms(), 1e-9);
    assertEquals(20, l.maxVus(), 0.0);
    assertFalse(l.thresholdsFailed());
    assertEquals(24.425289882, run.durationSeconds(), 1e-9);
  }

  @Test
  void grpcSummaryWithAFailedThreshold() {
    var r = ImporterHarness.parse(IMPORTER, DIR + "grpc.json", atHint());
    ImporterHarness.assertGolden(r, "staging/k6-grpc");
    StagingRun run = onlyRun(r);
    LoadSummary l = run.load();
    assertEquals(9615, l.requests());
    assertEquals(0, l.failedRequests());
    assertTrue(hasNote(run, "no http_req_failed metric"));
    assertEquals(2.5228431999999996, l.p95Ms(), 1e-12);
    assertTrue(Double.isNaN(l.p99Ms()), "not in summaryTrendStats");
    assertEquals(10, l.maxVus(), 0.0);
    assertTrue(l.thresholdsFailed());
    assertTrue(hasNote(run, "'rate >= 0.8' on fake_rate"));
    assertEquals(RunOutcome.FAILED, run.outcome());
  }

  @Test
  void noTimestampAndNoHintsIsRejected() {
    var r = ImporterHarness.parse(IMPORTER, DIR + "simple.json");
    assertEquals(0, r.records().size());
    assertEquals(
        "no run time: a k6 summary does not record when the test ran; give it with "
            + "--at, a sidecar NAME.rehearsal.json or an import manifest",
        r.rejections().get(0).reason());
  }

  @Test
  void summaryExportStyleWithSidecarHints() {
    var ctx =
        ImportContext.defaults()
            .withHints(
                StagingTestSupport.sidecar(
                    "checkout", "staging", "v1.4.2", Instant.parse("2024-03-01T10:30:00Z")));
    var r = ImporterHarness.parse(IMPORTER, DEMO + "checkout-load.json", ctx);
    ImporterHarness.assertGolden(r, "staging/k6-summary-export");
    StagingRun run = onlyRun(r);
    assertEquals("checkout", run.service());
    assertEquals("staging", run.environment());
    assertEquals("v1.4.2", run.version());
    LoadSummary l = run.load();
    assertEquals(Arrays.asList(12000L, 120L), Arrays.asList(l.requests(), l.failedRequests()));
    assertEquals(100.0, l.meanRps(), 0.0);
    assertEquals(210.7, l.p95Ms(), 0.0);
    assertEquals(480.2, l.p99Ms(), 0.0);
    assertEquals(50.0, l.maxVus(), 0.0);
    assertFalse(l.thresholdsFailed(), "false in --summary-export means the threshold passed");
    assertEquals(RunOutcome.PASSED, run.outcome());
  }

  @Test
  void handleSummaryStyleWithFailedThreshold() {
    var ctx =
        ImportContext.defaults()
            .withHints(
                StagingTestSupport.sidecar(
                    "payments", "staging", "v2.0.1", Instant.parse("2024-03-01T11:30:00Z")));
    StagingRun run = onlyRun(ImporterHarness.parse(IMPORTER, DEMO + "payments-load.json", ctx));
    LoadSummary l = run.load();
    assertEquals(60000, l.requests());
    assertEquals(3000, l.failedRequests());
    assertEquals(310.6, l.p95Ms(), 0.0, "untagged, not {expected_response:true}");
    assertEquals(120.0, l.maxVus(), 0.0);
    assertTrue(l.thresholdsFailed());
    assertTrue(hasNote(run, "'rate<0.01' on http_req_failed"));
    assertEquals(300.0, run.durationSeconds(), 0.0);
  }

  @Test
  void tagsInOptionsAndMetricNamesNameTheTarget(@TempDir Path dir) throws Exception {
    String json =
        "{\"options\": {\"tags\": {\"service\": \"search\"}},"
            + "\"metrics\": {\"http_reqs\": {\"values\": {\"count\": 10, \"rate\": 2}},"
            + "\"http_req_duration{environment:stage,version:3.1.0}\": {\"values\": {\"p(95)\": 5},"
            + " \"thresholds\": {\"p(95)<10\": {\"ok\": true}}}}}";
    var run =
        onlyRun(
            parseBytes(IMPORTER, dir, "k6.json", json.getBytes(StandardCharsets.UTF_8), atHint()));
    assertEquals("search", run.service());
    assertEquals("staging", run.environment());
    assertEquals("3.1.0", run.version());
    assertEquals(5.0, run.load().p95Ms(), 0.0, "the tagged duration when no untagged one exists");
    assertTrue(hasNote(run, "http_req_duration{environment:stage,version:3.1.0}"));
    assertTrue(hasNote(run, "no http_req_failed metric"));
  }

  @Test
  void cutOffSummaryIsRejected(@TempDir Path dir) throws Exception {
    byte[] whole = StagingTestSupport.bytes(DIR + "simple.json");
    var r = parseBytes(IMPORTER, dir, "cut.json", Arrays.copyOf(whole, 2000), atHint());
    assertEquals(0, r.records().size());
    assertEquals(1, r.rejections().size());
    assertTrue(r.rejections().get(0).reason().contains("invalid JSON at line"));
    var noMetrics =
        parseBytes(
            IMPORTER,
            dir,
            "n.json",
            "{\"root_group\": {}}".getBytes(StandardCharsets.UTF_8),
            atHint());
    assertTrue(noMetrics.rejections().get(0).reason().contains("no 'metrics'"));
  }
}
