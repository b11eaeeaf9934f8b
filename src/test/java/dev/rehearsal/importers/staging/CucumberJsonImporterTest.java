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
import dev.rehearsal.model.RunOutcome;
import dev.rehearsal.model.StagingRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cucumber JSON: the cucumber-reporting samples and a tagged sample. */
class CucumberJsonImporterTest {
  private static final CucumberJsonImporter IMPORTER = new CucumberJsonImporter();
  private static final String DIR = "fixtures/cucumber-reporting/";

  @Test
  void sampleWithEveryStatusMatchesGolden() {
    var r = ImporterHarness.parse(IMPORTER, DIR + "sample.json", atHint());
    ImporterHarness.assertGolden(r, "staging/cucumber-sample");
    StagingRun run = onlyRun(r);
    // 1st feature: background + 1 scenario; Second feature: 3 scenarios
    assertEquals(4, run.tests().total());
    assertEquals(2, run.tests().passed());
    assertEquals(1, run.tests().failed(), "a failed before-hook fails the scenario");
    assertEquals(1, run.tests().skipped(), "the step without result");
    assertTrue(hasNote(run, "1 step(s) or hook(s) have no result"));
    assertEquals(HINT_AT, run.startedAt());
    assertTrue(run.tests().caseNames().contains("1st feature.Account has <sufficient funds>"));
  }

  @Test
  void failedSampleListsTheFailingStep() {
    var r = ImporterHarness.parse(IMPORTER, DIR + "sample_failed.json", atHint());
    ImporterHarness.assertGolden(r, "staging/cucumber-sample-failed");
    StagingRun run = onlyRun(r);
    assertEquals(2, run.tests().failed());
    assertEquals(
        "1st feature.Account has <sufficient funds>: step 'And the account balance "
            + "should be 90' failed",
        run.tests().failures().get(0));
  }

  @Test
  void timestampedPartsAreRunsOfTheirOwn() {
    var r1 = ImporterHarness.parse(IMPORTER, DIR + "timestamped/part1.json");
    ImporterHarness.assertGolden(r1, "staging/cucumber-part1");
    StagingRun p1 = onlyRun(r1);
    assertEquals(Instant.parse("2019-11-25T13:36:37.562Z"), p1.startedAt());
    assertEquals(1, p1.tests().total(), "the background is part of the scenario, not a case");
    assertEquals(RunOutcome.PASSED, p1.outcome());
    StagingRun p2 =
        onlyRun(ImporterHarness.parse(IMPORTER, DIR + "timestamped/part2-rerun-failed.json"));
    assertEquals(RunOutcome.FAILED, p2.outcome());
    assertEquals(Instant.parse("2019-11-25T13:36:53.146Z"), p2.startedAt());
    // wall time: start + the scenario's step and hook durations (12.449931600 s + 0.853411900 s)
    assertEquals(13.303, p2.durationSeconds(), 1e-9);
  }

  @Test
  void withoutTimestampOrHintsTheRunIsRejected() {
    var r = ImporterHarness.parse(IMPORTER, DIR + "simple.json");
    assertEquals(0, r.records().size());
    assertEquals(1, r.rejections().size());
    assertTrue(
        r.rejections()
            .get(0)
            .reason()
            .startsWith("no run time: no scenario has a " + "'start_timestamp'"));
  }

  @Test
  void invalidAndEmptyReports() {
    // cucumber-reporting calls this report invalid (its feature id is a list); the scenario in
    // it is still a scenario with a passed step
    StagingRun invalid =
        onlyRun(ImporterHarness.parse(IMPORTER, DIR + "invalid-report.json", atHint()));
    assertEquals(1, invalid.tests().total());
    assertEquals("1st feature.Activate Credit Card", invalid.tests().caseNames().get(0));
    StagingRun empty = onlyRun(ImporterHarness.parse(IMPORTER, DIR + "empty.json", atHint()));
    assertEquals(0, empty.tests().total());
    assertEquals(RunOutcome.EMPTY, empty.outcome());
    assertTrue(hasNote(empty, "holds no features"));
  }

  @Test
  void tagsNameServiceEnvironmentAndVersion() {
    var r = ImporterHarness.parse(IMPORTER, "fixtures/rehearsal-made/cucumber-tags/cucumber.json");
    ImporterHarness.assertGolden(r, "staging/cucumber-tags");
    StagingRun run = onlyRun(r);
    assertEquals("checkout", run.service());
    assertEquals("staging", run.environment());
    assertEquals("v1.4.2", run.version());
    assertTrue(hasNote(run, "more than one version: kept 'v1.4.2'"));
    assertEquals(
        Arrays.asList(2, 0, 1, 1, 0),
        Arrays.asList(
            run.tests().total(),
            run.tests().passed(),
            run.tests().failed(),
            run.tests().errored(),
            run.tests().skipped()),
        "failed, and undefined counts as errored");
    assertEquals(
        "Refunds.Full refund: java.net.SocketTimeoutException: Read timed out",
        run.tests().failures().get(0));
    assertEquals(
        "Refunds.Voucher refund: step 'Given a voucher order' is undefined",
        run.tests().failures().get(1));
    assertFalse(
        run.tests().failures().toString().contains("RefundSteps.java"), "no stack trace kept");
    // wall time: 10:15:00 + 31.5 s of the first scenario vs 10:15:40 + 0 s of the second
    assertEquals(40.0, run.durationSeconds(), 1e-9);
  }

  @Test
  void cutOffReportImportsNothing(@TempDir Path dir) throws Exception {
    byte[] whole = StagingTestSupport.bytes(DIR + "sample.json");
    var r = parseBytes(IMPORTER, dir, "cut.json", Arrays.copyOf(whole, whole.length / 3), atHint());
    assertEquals(0, r.records().size());
    assertEquals(1, r.rejections().size());
    assertTrue(
        r.rejections().get(0).reason().contains("invalid JSON at line"),
        r.rejections().get(0).reason());
    var notJson =
        parseBytes(
            IMPORTER,
            dir,
            "x.json",
            "[{\"elements\": [}".getBytes(StandardCharsets.UTF_8),
            ImportContext.defaults());
    assertEquals(0, notJson.records().size());
    assertEquals(1, notJson.rejections().size());
  }
}
