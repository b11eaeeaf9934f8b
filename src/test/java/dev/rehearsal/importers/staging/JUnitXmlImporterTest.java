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
import dev.rehearsal.model.RunType;
import dev.rehearsal.model.StagingRun;
import dev.rehearsal.model.TestSummary;
import dev.rehearsal.util.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** JUnit XML: every variant among the real samples, the demo files, hostile and broken XML. */
class JUnitXmlImporterTest {
  private static final JUnitXmlImporter IMPORTER = new JUnitXmlImporter();
  private static final String JENKINS = "fixtures/jenkins-junit-plugin/";
  private static final String DORNY = "fixtures/dorny-test-reporter/__tests__/fixtures/";
  private static final String ENRICO =
      "fixtures/enricomi-publish-unit-test-result/python/test/files/junit-xml/";

  @TempDir Path tmp;

  // ------------------------------------------------------------------ golden files

  @Test
  void surefireWithPropertiesMatchesGolden() {
    var r = ImporterHarness.parse(IMPORTER, DORNY + "external/java/junit4-complete.xml");
    ImporterHarness.assertGolden(r, "staging/junit-junit4-complete");
    StagingRun run = onlyRun(r);
    assertEquals("1.774", run.version());
    assertEquals("ef7bebf", run.commitSha());
    assertEquals("", run.service());
    assertEquals(Instant.parse("2021-04-02T15:48:23Z"), run.startedAt());
    assertTrue(hasNote(run, "time without zone"));
    TestSummary t = run.tests();
    assertEquals(8, t.total());
    assertEquals(5, t.passed());
    assertEquals(1, t.failed());
    assertEquals(1, t.errored());
    assertEquals(1, t.skipped());
    assertEquals(
        "Tests.Registration.testCase5: Expected value did not match.", t.failures().get(0));
  }

  @Test
  void antTestsTestSuitesIsOneRun() {
    var r = ImporterHarness.parse(IMPORTER, JENKINS + "JENKINS-48583/TESTS-TestSuites.xml");
    ImporterHarness.assertGolden(r, "staging/junit-ant-tests-testsuites");
    StagingRun run = onlyRun(r);
    assertEquals(3, run.tests().total());
    assertEquals("TestMessage (+1 more suites)", run.suite());
    assertEquals(Instant.parse("2015-01-13T07:23:07Z"), run.startedAt(), "earliest suite");
    assertEquals(0.123, run.durationSeconds(), 1e-9);
  }

  @Test
  void eclipseReportCountsAll3366Cases() {
    var r = ImporterHarness.parse(IMPORTER, JENKINS + "eclipse-plugin-test-report.xml");
    ImporterHarness.assertGolden(r, "staging/junit-eclipse");
    StagingRun run = onlyRun(r);
    assertEquals(3366, run.tests().total());
    assertEquals(3366, run.tests().passed());
    assertEquals(TestSummary.MAX_LISTED, run.tests().caseNames().size());
    assertTrue(hasNote(run, "2866 more test case names are not listed"));
  }

  @Test
  void jestCrlfReportCounts4239Cases() {
    var r = ImporterHarness.parse(IMPORTER, DORNY + "external/jest/jest-test-results.xml");
    ImporterHarness.assertGolden(r, "staging/junit-jest-4239");
    StagingRun run = onlyRun(r);
    assertEquals(4239, run.tests().total());
    assertEquals(2, run.tests().failed());
    assertEquals(30, run.tests().skipped());
    assertEquals(4207, run.tests().passed());
    assertEquals(RunOutcome.FAILED, run.outcome());
  }

  @Test
  void pytestMicrosecondsWithoutZoneAreFlagged() {
    var r = ImporterHarness.parse(IMPORTER, ENRICO + "pytest/junit.fail.xml");
    ImporterHarness.assertGolden(r, "staging/junit-pytest-fail");
    StagingRun run = onlyRun(r);
    assertEquals(Instant.parse("2020-09-04T16:18:04.966371Z"), run.startedAt());
    assertTrue(hasNote(run, "time without zone, read as"));
    assertEquals(5, run.tests().total());
    assertEquals(1, run.tests().failed());
    assertEquals(1, run.tests().skipped());
  }

  @Test
  void nestedSuitesAndSuiteLevelErrorCount() {
    var r = ImporterHarness.parse(IMPORTER, JENKINS + "junit-report-nested-testsuites.xml");
    ImporterHarness.assertGolden(r, "staging/junit-nested-testsuites");
    StagingRun run = onlyRun(r);
    // two <testcase> elements plus the 3rd-level suite that states tests=1 errors=1 and has none
    assertEquals(3, run.tests().total());
    assertEquals(1, run.tests().errored());
    assertEquals("test.3rdlevel: bla bla", run.tests().failures().get(0));
    assertEquals("Automated Tests", run.suite());
    assertTrue(hasNote(run, "states 186 tests but holds 3"));
  }

  @Test
  void reportTimestampWinsOverSuiteTimestamps() {
    var r =
        ImporterHarness.parse(IMPORTER, JENKINS + "junit-report-testsuite-various-timestamps.xml");
    ImporterHarness.assertGolden(r, "staging/junit-various-timestamps");
    StagingRun run = onlyRun(r);
    assertEquals(Instant.parse("2024-01-03T11:23:00Z"), run.startedAt());
    assertEquals(12, run.tests().total());
  }

  @Test
  void mochaRfc1123TimestampHasItsZone() {
    var r = ImporterHarness.parse(IMPORTER, ENRICO + "mocha/latex-utensils.xml");
    ImporterHarness.assertGolden(r, "staging/junit-mocha");
    StagingRun run = onlyRun(r);
    assertEquals(Instant.parse("2022-12-03T23:10:07Z"), run.startedAt());
    assertFalse(hasNote(run, "without zone"));
    assertEquals(109, run.tests().total());
  }

  @Test
  void xunitWithBomAndCrlfTakesTimeFromHints() {
    var r = ImporterHarness.parse(IMPORTER, ENRICO + "xunit/xunit.xml", atHint());
    ImporterHarness.assertGolden(r, "staging/junit-xunit-bom-crlf");
    StagingRun run = onlyRun(r);
    assertEquals(HINT_AT, run.startedAt());
    assertEquals("Test results", run.suite());
    assertEquals(2, run.tests().total());
    assertTrue(hasNote(run, "run time taken from sidecar test.rehearsal.json"));
  }

  @Test
  void astralPlaneUnicodeSurvives() {
    var r = ImporterHarness.parse(IMPORTER, ENRICO + "unsupported-unicode.xml", atHint());
    ImporterHarness.assertGolden(r, "staging/junit-unsupported-unicode");
    StagingRun run = onlyRun(r);
    assertEquals(7, run.tests().total());
    assertEquals(2, run.tests().failed());
    assertEquals(2, run.tests().errored());
    assertEquals(2, run.tests().skipped());
    assertTrue(run.tests().caseNames().get(0).contains("\uD808\uDF7A"), "U+1237A kept");
  }

  @Test
  void corruptXmlImportsNothingAndSaysWhere() {
    var r = ImporterHarness.parse(IMPORTER, ENRICO + "pytest/corrupt-xml.xml");
    ImporterHarness.assertGolden(r, "staging/junit-corrupt");
    assertEquals(0, r.records().size(), "no run from half a report");
    assertEquals(1, r.rejections().size());
    assertEquals(11, r.rejections().get(0).line());
    assertTrue(r.rejections().get(0).reason().contains("cut off or malformed at line 11"));
  }

  // ------------------------------------------------------------------ variants, explicitly

  @Test
  void surefireRerunsCountTheCaseOnce() {
    var always =
        onlyRun(
            ImporterHarness.parse(
                IMPORTER, JENKINS + "gh-237/TEST-io.olamy.AlwaysFailTest.xml", atHint()));
    assertEquals(1, always.tests().total());
    assertEquals(1, always.tests().failed());
    assertEquals(
        "io.olamy.AlwaysFailTest.testApp: built to fail", always.tests().failures().get(0));
    var flaky =
        onlyRun(
            ImporterHarness.parse(
                IMPORTER, JENKINS + "gh-237/TEST-io.olamy.FlakyTest.xml", atHint()));
    assertEquals(1, flaky.tests().passed());
    assertTrue(hasNote(flaky, "passed on a rerun"));
  }

  @Test
  void emptyTestCaseNameUsesTheClassName() {
    var run =
        onlyRun(
            ImporterHarness.parse(
                IMPORTER, JENKINS + "junit-report-empty-testcasename.xml", atHint()));
    assertEquals("test.TestJUnit5FailingInBeforeAll", run.tests().caseNames().get(0));
    assertEquals(
        "test.TestJUnit5FailingInBeforeAll: org.opentest4j.AssertionFailedError: "
            + "Failure in @BeforeAll method",
        run.tests().failures().get(0));
  }

  @Test
  void badDurationsDoNotBreakTheRun() {
    var run = onlyRun(ImporterHarness.parse(IMPORTER, JENKINS + "junit-report-bad-duration.xml"));
    assertEquals(2, run.tests().total());
    assertTrue(Double.isNaN(run.durationSeconds()), "the suite states no time");
    assertEquals(Instant.parse("2009-01-16T22:57:13Z"), run.startedAt());
  }

  @Test
  void carriageReturnReferencesStayOutOfMessages() {
    var run =
        onlyRun(ImporterHarness.parse(IMPORTER, JENKINS + "junit-report-20090516.xml", atHint()));
    assertEquals(8, run.tests().total());
    assertEquals(3, run.tests().errored());
    assertEquals(
        "org.twia.vendor.VendorManagerTest.testGetVendorFirmKeyForVendorRep: "
            + "java.lang.NullPointerException",
        run.tests().failures().get(0));
    run.tests().failures().forEach(f -> assertFalse(f.contains("\r"), f));
  }

  @Test
  void xmlEntitiesAreDecoded() {
    var run = onlyRun(ImporterHarness.parse(IMPORTER, ENRICO + "with-xml-entities.xml", atHint()));
    assertEquals("Test with \"quotes\" in the test name", run.tests().caseNames().get(0));
    assertEquals("Test with & in the test name: A message with &", run.tests().failures().get(1));
  }

  @Test
  void skippedFailedErroredAndDisabledStatuses() {
    var multi =
        onlyRun(ImporterHarness.parse(IMPORTER, ENRICO + "junit.multiresult.xml", atHint()));
    assertEquals(
        Arrays.asList(4, 1, 1, 1, 1),
        Arrays.asList(
            multi.tests().total(),
            multi.tests().passed(),
            multi.tests().failed(),
            multi.tests().errored(),
            multi.tests().skipped()),
        "error beats failure beats skipped");
    var tst = onlyRun(ImporterHarness.parse(IMPORTER, ENRICO + "tst/disabled.xml", atHint()));
    assertEquals(31, tst.tests().total());
    assertEquals(5, tst.tests().skipped(), "status='disabled'");
    assertEquals(19, tst.tests().failed());
    assertEquals(1, tst.tests().errored());
    var bazel = onlyRun(ImporterHarness.parse(IMPORTER, ENRICO + "bazel/suite-logs.xml", atHint()));
    assertEquals(1, bazel.tests().errored());
  }

  @Test
  void suiteWithCountsButNoCasesIsCountedFromAttributes() {
    var run = onlyRun(ImporterHarness.parse(IMPORTER, ENRICO + "no-cases-but-tests.xml"));
    assertEquals(6, run.tests().total());
    assertEquals(1, run.tests().failed());
    assertEquals(2, run.tests().skipped());
    assertEquals(3, run.tests().passed());
    assertTrue(hasNote(run, "counted from its attributes"));
    var none = onlyRun(ImporterHarness.parse(IMPORTER, ENRICO + "no-cases.xml"));
    assertEquals(0, none.tests().total());
    assertEquals(RunOutcome.EMPTY, none.outcome());
  }

  @Test
  void suiteInSuiteAndSuiteRootGiveTheSameCounts() {
    var a =
        onlyRun(ImporterHarness.parse(IMPORTER, ENRICO + "testsuite-in-testsuite.xml", atHint()));
    var b = onlyRun(ImporterHarness.parse(IMPORTER, ENRICO + "testsuite-root.xml", atHint()));
    assertEquals(5, a.tests().total());
    assertEquals(a.tests(), b.tests());
    assertEquals("Project Test Suite", a.suite());
  }

  @Test
  void dornyUtcSuffixAndEmptySuites() {
    var run =
        onlyRun(
            ImporterHarness.parse(
                IMPORTER,
                DORNY + "external/java/TEST-org.apache.pulsar.AddMissingPatchVersionTest.xml"));
    assertEquals(Instant.parse("2021-03-07T10:36:56Z"), run.startedAt());
    assertFalse(hasNote(run, "without zone"));
    var empty = onlyRun(ImporterHarness.parse(IMPORTER, DORNY + "empty/java-junit.xml"));
    assertEquals(RunOutcome.EMPTY, empty.outcome());
    var pulsar =
        onlyRun(
            ImporterHarness.parse(
                IMPORTER, DORNY + "external/java/pulsar-test-report.xml", atHint()));
    assertEquals(808, pulsar.tests().total());
    assertEquals(1, pulsar.tests().failed());
    assertEquals(14, pulsar.tests().skipped());
  }

  @Test
  void propertiesWithTextValuesAreRead(@TempDir Path dir) throws Exception {
    String xml =
        "<testsuite name=\"s\" timestamp=\"2024-03-01T10:00:00Z\"><properties>"
            + "<property name=\"app\">\n   billing\n</property>"
            + "<property name=\"build.version\" value=\"2.3.4\"/>"
            + "<property name=\"ENV\" value=\"stg\"/></properties>"
            + "<testcase name=\"t\" classname=\"c\"><properties><property name=\"service\" "
            + "value=\"case-level-ignored\"/></properties></testcase></testsuite>";
    var run =
        onlyRun(
            parseBytes(
                IMPORTER,
                dir,
                "p.xml",
                xml.getBytes(StandardCharsets.UTF_8),
                ImportContext.defaults()));
    assertEquals("billing", run.service());
    assertEquals("2.3.4", run.version());
    assertEquals("staging", run.environment(), "normalised");
    assertFalse(hasNote(run, "more than one service"), "test case properties are not the run's");
  }

  // ------------------------------------------------------------------ timestamps

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2024-01-03T 12:40:13|2024-01-03T12:40:13Z|time without zone",
        "2024-01-03|2024-01-03T00:00:00Z|date without time or zone",
        "2020-09-01T07:11:23.815873|2020-09-01T07:11:23.815873Z|time without zone",
        "2021-03-07T10:36:56 UTC|2021-03-07T10:36:56Z|",
        "2024-01-03T12:27:11.21-01:00|2024-01-03T13:27:11.210Z|",
        "2024-01-03 12:27:54Z|2024-01-03T12:27:54Z|"
      })
  void suiteTimestampOddities(String raw, String expected, String note) throws Exception {
    String xml =
        "<testsuite name=\"s\" timestamp=\"" + raw + "\"><testcase name=\"t\"/>" + "</testsuite>";
    var run =
        onlyRun(
            parseBytes(
                IMPORTER,
                tmp,
                "t.xml",
                xml.getBytes(StandardCharsets.UTF_8),
                ImportContext.defaults()));
    assertEquals(Instant.parse(expected), run.startedAt());
    if (note == null) {
      assertFalse(hasNote(run, "zone"), run.provenance().notes().toString());
    } else {
      assertTrue(hasNote(run, note), run.provenance().notes().toString());
    }
  }

  @Test
  void unreadableTimestampFallsBackToHintsWithANote() throws Exception {
    String xml =
        "<testsuite name=\"s\" timestamp=\"yesterday\"><testcase name=\"t\"/>" + "</testsuite>";
    var r = parseBytes(IMPORTER, tmp, "t.xml", xml.getBytes(StandardCharsets.UTF_8), atHint());
    var run = onlyRun(r);
    assertEquals(HINT_AT, run.startedAt());
    assertTrue(hasNote(run, "'yesterday'"));
    var without =
        parseBytes(
            IMPORTER, tmp, "t.xml", xml.getBytes(StandardCharsets.UTF_8), ImportContext.defaults());
    assertEquals(0, without.records().size());
    assertTrue(without.rejections().get(0).reason().startsWith("no run time:"));
  }

  // ------------------------------------------------------------------ target and identity

  @Test
  void demoFileStatesItsOwnTargetAndWinsOverHints() {
    var ctx =
        ImportContext.defaults()
            .withHints(
                StagingTestSupport.sidecar(
                    "payments", "production", "v0.0.1", Instant.parse("2020-01-01T00:00:00Z")));
    var r =
        ImporterHarness.parse(
            IMPORTER, "fixtures/rehearsal-made/demo-junit/TEST-checkout.CheckoutApiIT.xml", ctx);
    ImporterHarness.assertGolden(r, "staging/junit-demo-with-properties");
    StagingRun run = onlyRun(r);
    assertEquals("checkout", run.service());
    assertEquals("staging", run.environment());
    assertEquals("v1.4.2", run.version());
    assertEquals(Instant.parse("2024-03-01T10:15:00Z"), run.startedAt());
    assertEquals(RunType.TESTS, run.type());
    assertEquals(4, run.tests().total());
    assertEquals(1, run.tests().failed());
    assertFalse(hasNote(run, "taken from"), "nothing came from the hints");
  }

  @Test
  void demoFileWithoutPropertiesTakesTheHints() {
    var ctx =
        ImportContext.defaults()
            .withHints(StagingTestSupport.sidecar("payments", "stage", "v2.0.1", null));
    var run =
        onlyRun(
            ImporterHarness.parse(
                IMPORTER, "fixtures/rehearsal-made/demo-junit/TEST-payments.PaymentsIT.xml", ctx));
    assertEquals("payments", run.service());
    assertEquals("staging", run.environment());
    assertEquals("v2.0.1", run.version());
    assertEquals(Instant.parse("2024-03-01T11:00:00Z"), run.startedAt(), "the file's own time");
    assertTrue(hasNote(run, "service, environment, version taken from sidecar"));
  }

  @Test
  void noServiceIsImportedWithANote() {
    var run =
        onlyRun(
            ImporterHarness.parse(
                IMPORTER, "fixtures/rehearsal-made/demo-junit/TEST-payments.PaymentsIT.xml"));
    assertEquals("", run.service());
    assertEquals("", run.environment(), "never assumed to be staging");
    assertTrue(hasNote(run, "no service stated: give it with --service"));
    assertTrue(hasNote(run, "no version stated"));
  }

  @Test
  void importingTwiceGivesTheSameKeysAndDifferentFilesDiffer() throws Exception {
    String a = JENKINS + "junit-report-1233.xml";
    var k1 = onlyRun(ImporterHarness.parse(IMPORTER, a)).key();
    var k2 = onlyRun(ImporterHarness.parse(IMPORTER, a)).key();
    assertEquals(k1, k2);
    assertTrue(k1.startsWith("run/junit/"));
    // the same file moved to another folder keeps its key (the path is not part of it)
    Path moved = tmp.resolve("elsewhere/junit-report-1233.xml");
    Files.createDirectories(moved.getParent());
    Files.copy(ImporterHarness.resource(a), moved);
    var k3 =
        onlyRun(
                ImporterHarness.parse(
                    IMPORTER,
                    new dev.rehearsal.importers.FileSource(moved),
                    ImportContext.defaults()))
            .key();
    assertEquals(k1, k3);
    var other = onlyRun(ImporterHarness.parse(IMPORTER, JENKINS + "junit-report-bad-duration.xml"));
    assertNotEquals(k1, other.key());
  }

  // ------------------------------------------------------------------ hostile files

  @Test
  void externalEntityIsRefusedAndNothingIsReadFromDisk() throws Exception {
    Path secret = tmp.resolve("secret.txt");
    Files.writeString(secret, "TOP-SECRET-MARKER");
    for (String target : new String[] {secret.toUri().toString(), "file:///etc/passwd"}) {
      String xml =
          "<?xml version=\"1.0\"?>\n<!DOCTYPE testsuite [\n  <!ENTITY xxe SYSTEM \""
              + target
              + "\">\n]>\n<testsuite name=\"&xxe;\" timestamp=\"2024-03-01T10:00:00Z\">"
              + "<testcase name=\"&xxe;\"/></testsuite>";
      var r =
          parseBytes(
              IMPORTER,
              tmp,
              "xxe.xml",
              xml.getBytes(StandardCharsets.UTF_8),
              ImportContext.defaults());
      assertEquals(0, r.records().size());
      assertEquals(1, r.rejections().size());
      String reason = r.rejections().get(0).reason();
      assertTrue(reason.contains("DOCTYPE") && reason.contains("refused"), reason);
      String everything = Json.mapper().writeValueAsString(r.rejections()) + r.warnings();
      assertFalse(everything.contains("TOP-SECRET-MARKER"));
      assertFalse(everything.contains("root:"));
    }
  }

  @Test
  void billionLaughsIsRefusedQuickly() throws Exception {
    StringBuilder sb =
        new StringBuilder(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n" + " <!ENTITY lol \"lol\">\n");
    for (int i = 1; i <= 9; i++) {
      sb.append(" <!ENTITY lol").append(i).append(" \"");
      for (int j = 0; j < 10; j++) {
        sb.append("&lol").append(i == 1 ? "" : String.valueOf(i - 1)).append(';');
      }
      sb.append("\">\n");
    }
    sb.append(
        "]>\n<testsuites><testsuite name=\"&lol9;\"><testcase name=\"x\"/></testsuite>"
            + "</testsuites>");
    long t0 = System.nanoTime();
    var r =
        parseBytes(
            IMPORTER, tmp, "lol.xml", sb.toString().getBytes(StandardCharsets.UTF_8), atHint());
    assertTrue((System.nanoTime() - t0) / 1_000_000 < 5000, "refused without expanding");
    assertEquals(0, r.records().size());
    assertTrue(r.rejections().get(0).reason().contains("DOCTYPE"));
  }

  @Test
  void aNonJunitRootIsRejectedAsSuch() {
    var r = ImporterHarness.parse(IMPORTER, ENRICO + "non-junit.xml");
    assertEquals(0, r.records().size());
    assertTrue(r.rejections().get(0).reason().contains("not a JUnit report"));
  }

  @Test
  void truncatedFileKeepsNothingInvented() throws Exception {
    byte[] whole = StagingTestSupport.bytes(DORNY + "jest-junit.xml");
    byte[] cut = Arrays.copyOf(whole, whole.length / 2);
    var r = parseBytes(IMPORTER, tmp, "cut.xml", cut, ImportContext.defaults());
    assertEquals(0, r.records().size());
    assertEquals(1, r.rejections().size());
    assertTrue(r.rejections().get(0).line() > 1);
    assertEquals(r.seen(), 1);
  }
}
