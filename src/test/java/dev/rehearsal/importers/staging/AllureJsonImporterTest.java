package dev.rehearsal.importers.staging;

import static dev.rehearsal.importers.staging.StagingTestSupport.HINT_AT;
import static dev.rehearsal.importers.staging.StagingTestSupport.atHint;
import static dev.rehearsal.importers.staging.StagingTestSupport.hasNote;
import static dev.rehearsal.importers.staging.StagingTestSupport.onlyRun;
import static dev.rehearsal.importers.staging.StagingTestSupport.parseBytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.importers.ImportContext;
import dev.rehearsal.importers.ImporterHarness;
import dev.rehearsal.model.RunOutcome;
import dev.rehearsal.model.StagingRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Allure 2 results: the allure2 samples (one run per result file) and a sample with labels. */
class AllureJsonImporterTest {
  private static final AllureJsonImporter IMPORTER = new AllureJsonImporter();
  private static final String DIR = "fixtures/allure2/";

  @Test
  void resultFileMatchesGolden() {
    var r =
        ImporterHarness.parse(
            IMPORTER, DIR + "allure2data/1649989e-8043-4906-b645-a317a7fc3e72-result.json");
    ImporterHarness.assertGolden(r, "staging/allure-result");
    StagingRun run = onlyRun(r);
    assertEquals(Instant.ofEpochMilli(1480450630386L), run.startedAt());
    assertEquals(0.002, run.durationSeconds(), 1e-9);
    assertEquals("My suite", run.suite());
    assertEquals(
        "io.qameta.allure.ProjectServiceTest.shouldNotCreate", run.tests().caseNames().get(0));
    assertEquals(RunOutcome.PASSED, run.outcome());
  }

  @Test
  void invalidAndNullStatusesAreErroredNotDropped() {
    var invalid = ImporterHarness.parse(IMPORTER, DIR + "allure2/invalid-status.json");
    ImporterHarness.assertGolden(invalid, "staging/allure-invalid-status");
    StagingRun a = onlyRun(invalid);
    assertEquals(1, a.tests().errored());
    assertTrue(hasNote(a, "status 'some-invalid-string' is not an Allure status"));
    StagingRun b = onlyRun(ImporterHarness.parse(IMPORTER, DIR + "allure2/null-status.json"));
    assertEquals(1, b.tests().errored());
    assertTrue(hasNote(b, "no status"));
  }

  @Test
  void resultsWithoutStartNeedTheHints() {
    var flaky = ImporterHarness.parse(IMPORTER, DIR + "allure2/flaky.json");
    assertEquals(0, flaky.records().size());
    assertTrue(
        flaky
            .rejections()
            .get(0)
            .reason()
            .startsWith("no run time: the result has no " + "'start' time"));
    StagingRun withHint =
        onlyRun(ImporterHarness.parse(IMPORTER, DIR + "allure2/flaky.json", atHint()));
    assertEquals(HINT_AT, withHint.startedAt());
    assertTrue(hasNote(withHint, "Allure marks this test flaky"));
    StagingRun params =
        onlyRun(ImporterHarness.parse(IMPORTER, DIR + "allure2/parameters.json", atHint()));
    assertEquals(1, params.tests().passed(), "status 'Passed' read without case");
  }

  @Test
  void containerFilesHoldNoRun() {
    var r =
        ImporterHarness.parse(
            IMPORTER, DIR + "allure2data/04642ae7-159a-4dcd-baef-8db98884d041-container.json");
    assertEquals(0, r.seen());
    assertTrue(r.warnings().get(0).contains("container file"));
  }

  @Test
  void twoResultsSharingAUuidKeepTwoKeys() {
    // upstream's sample gives two different results the same uuid; they must not replace each
    // other
    StagingRun a =
        onlyRun(
            ImporterHarness.parse(
                IMPORTER, DIR + "allure2data/1649989e-8043-4906-b645-a317a7fc3e72-result.json"));
    StagingRun b =
        onlyRun(
            ImporterHarness.parse(
                IMPORTER, DIR + "allure2data/81465b3d-00ca-4494-b486-321bbd388ae7-result.json"));
    assertNotEquals(a.key(), b.key());
    assertEquals(
        a.key(),
        onlyRun(
                ImporterHarness.parse(
                    IMPORTER, DIR + "allure2data/1649989e-8043-4906-b645-a317a7fc3e72-result.json"))
            .key());
  }

  @Test
  void labelsAndEnvironmentPropertiesNameTheTarget() {
    var r =
        ImporterHarness.parse(
            IMPORTER,
            "fixtures/rehearsal-made/allure-env/5d1c7c52-8c44-4f0e-a3a0-2b1f5e9c0d11-result.json");
    ImporterHarness.assertGolden(r, "staging/allure-labels-environment");
    StagingRun run = onlyRun(r);
    assertEquals("checkout", run.service(), "from environment.properties");
    assertEquals("v1.4.2", run.version());
    assertEquals("staging", run.environment(), "the result's own tag wins over the folder's");
    assertTrue(hasNote(run, "more than one environment: kept 'staging'"));
    assertEquals("Checkout / Refunds", run.suite());
    assertEquals(1, run.tests().errored(), "broken");
    assertEquals(
        "shop.checkout.RefundTest.refundsOrder: java.net.SocketTimeoutException: Read "
            + "timed out",
        run.tests().failures().get(0));
    assertFalse(run.tests().failures().toString().contains("NioSocketImpl"), "no trace kept");
    StagingRun unknown =
        onlyRun(
            ImporterHarness.parse(
                IMPORTER,
                "fixtures/rehearsal-made/allure-env/9a8b7c6d-0000-4e1f-8a2b-3c4d5e6f7a8b-result.json"));
    assertEquals(1, unknown.tests().errored());
    assertTrue(hasNote(unknown, "Allure status 'unknown'"));
    assertEquals("production", unknown.environment(), "only environment.properties says");
  }

  @Test
  void brokenJsonIsRejected(@TempDir Path dir) throws Exception {
    var r =
        parseBytes(
            IMPORTER,
            dir,
            "x-result.json",
            "{\"uuid\": \"1\", \"status\": \"passed\", \"start\": 17"
                .getBytes(StandardCharsets.UTF_8),
            ImportContext.defaults());
    assertEquals(0, r.records().size());
    assertEquals(1, r.rejections().size());
    assertTrue(
        r.rejections().get(0).reason().contains("invalid JSON"), r.rejections().get(0).reason());
  }
}
