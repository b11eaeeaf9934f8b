package dev.rehearsal.importers.staging;

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
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TestNG results: the real jenkins-testng-plugin samples and a sample with groups/attributes. */
class TestNgXmlImporterTest {
  private static final TestNgXmlImporter IMPORTER = new TestNgXmlImporter();
  private static final String DIR = "fixtures/jenkins-testng-plugin/";

  @Test
  void precheckinsMatchesGolden() {
    var r = ImporterHarness.parse(IMPORTER, DIR + "testng-precheckins.xml");
    ImporterHarness.assertGolden(r, "staging/testng-precheckins");
    StagingRun run = onlyRun(r);
    // 266 test-methods, 228 of them configuration methods (1 of which failed)
    assertEquals(39, run.tests().total());
    assertEquals(1, run.tests().failed());
    assertEquals(1, run.tests().errored(), "the failed configuration method");
    assertEquals(1, run.tests().skipped());
    assertEquals(36, run.tests().passed());
    assertEquals(Instant.parse("2010-08-30T13:01:02Z"), run.startedAt());
    assertEquals(1, run.provenance().line(), "no XML declaration: the root is on line 1");
  }

  @Test
  void testngOwnResultsHas526TestsAndTwoSuites() {
    var r = ImporterHarness.parse(IMPORTER, DIR + "testng-results-testng.xml");
    ImporterHarness.assertGolden(r, "staging/testng-results-testng");
    StagingRun run = onlyRun(r);
    assertEquals(526, run.tests().total(), "812 methods less 286 configuration methods");
    assertEquals(526, run.tests().passed());
    assertTrue(run.suite().endsWith("(+1 more suites)"));
    assertFalse(hasNote(run, "header states"), "526 matches the header");
  }

  @Test
  void multilineMessageKeepsItsFirstLine() {
    var r = ImporterHarness.parse(IMPORTER, DIR + "testng-xml-multiline-exp-msg-and-descp.xml");
    ImporterHarness.assertGolden(r, "staging/testng-multiline-message");
    StagingRun run = onlyRun(r);
    assertEquals(1, run.tests().total(), "the passing setUp configuration method is not a test");
    assertEquals(
        "com.fakepkg.test.FoobarTests.test: Test did not generate the expected output.",
        run.tests().failures().get(0));
    assertEquals(44.881, run.durationSeconds(), 1e-9, "duration-ms of the one suite");
  }

  @Test
  void failedConfigurationMethodIsAnErroredCase() {
    var run = onlyRun(ImporterHarness.parse(IMPORTER, DIR + "testng-failed-test-config.xml"));
    assertEquals(
        Arrays.asList(2, 0, 0, 1, 1),
        Arrays.asList(
            run.tests().total(),
            run.tests().passed(),
            run.tests().failed(),
            run.tests().errored(),
            run.tests().skipped()));
    assertEquals(RunOutcome.FAILED, run.outcome());
    assertTrue(hasNote(run, "header states 121 tests but it holds 1"));
  }

  @Test
  void dataProviderAndReporterOutputFiles() {
    var dp = onlyRun(ImporterHarness.parse(IMPORTER, DIR + "testng-dp-result.xml"));
    assertEquals(8, dp.tests().total());
    assertEquals(4, dp.tests().failed());
    assertEquals(0.029, dp.durationSeconds(), 1e-9, "duration-ms of the one suite");
    var log = onlyRun(ImporterHarness.parse(IMPORTER, DIR + "testng-reporter-log-result.xml"));
    assertEquals(2, log.tests().total());
    assertEquals(
        "org.example.test.ExampleIntegrationTest.FirstTest: java.lang.AssertionError",
        log.tests().failures().get(0));
  }

  @Test
  void groupsAndAttributesNameTheTarget() {
    // rehearsal-made/testng-tags follows the testng-results.xml shape (see its README)
    var r =
        ImporterHarness.parse(IMPORTER, "fixtures/rehearsal-made/testng-tags/testng-results.xml");
    ImporterHarness.assertGolden(r, "staging/testng-tags");
    StagingRun run = onlyRun(r);
    assertEquals("checkout", run.service());
    assertEquals("v1.4.2", run.version());
    assertEquals("staging", run.environment());
    assertEquals(Instant.parse("2024-03-01T09:15:00Z"), run.startedAt(), "CET is UTC+1");
    assertEquals(3, run.tests().total());
    assertEquals("shop.RefundIT.refundsOrder: Read timed out", run.tests().failures().get(0));
  }

  @Test
  void truncatedFileImportsNothing(@TempDir Path dir) throws Exception {
    byte[] whole = StagingTestSupport.bytes(DIR + "testng-dp-result.xml");
    var r =
        parseBytes(IMPORTER, dir, "cut.xml", Arrays.copyOf(whole, 3000), ImportContext.defaults());
    assertEquals(0, r.records().size());
    assertEquals(1, r.rejections().size());
    assertTrue(r.rejections().get(0).reason().contains("cut off or malformed"));
  }
}
