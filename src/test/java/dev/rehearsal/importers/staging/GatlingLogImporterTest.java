package dev.rehearsal.importers.staging;

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
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gatling simulation.log, text (3.0.2, 3.3.1, 3.5.1) and binary (3.14.3), FORMATS.md §15. The
 * expected figures were computed from the files with an independent script.
 */
class GatlingLogImporterTest {
  private static final GatlingLogImporter IMPORTER = new GatlingLogImporter();
  private static final String DIR = "fixtures/taurus-gatling-logs/tests/resources/gatling/";

  @TempDir Path tmp;

  @Test
  void gatling302WithUserIdsAndKoRequests() {
    var r = ImporterHarness.parse(IMPORTER, DIR + "gatling-302-000/simulation.log");
    ImporterHarness.assertGolden(r, "staging/gatling-302");
    StagingRun run = onlyRun(r);
    assertEquals(RunType.LOAD, run.type());
    assertEquals("examples.gatling.blazedemo", run.suite());
    assertEquals(Instant.ofEpochMilli(1550046279082L), run.startedAt());
    LoadSummary l = run.load();
    assertEquals(15, l.requests());
    assertEquals(15, l.failedRequests());
    assertEquals(14.0, l.peakRps(), 0.0);
    assertEquals(298.0, l.p95Ms(), 0.0);
    assertEquals(3.0, l.maxVus(), 0.0);
    assertTrue(hasNote(run, "written by Gatling 3.0.2"));
    assertEquals(RunOutcome.PASSED, run.outcome(), "KO requests alone do not fail a load run");
  }

  @Test
  void gatling331WithoutTrailingMessageField() {
    var r = ImporterHarness.parse(IMPORTER, DIR + "gatling-331-000/simulation.log");
    ImporterHarness.assertGolden(r, "staging/gatling-331");
    LoadSummary l = onlyRun(r).load();
    assertEquals(100, l.requests());
    assertEquals(0, l.failedRequests());
    assertEquals(58.0, l.peakRps(), 0.0);
    assertEquals(235.0, l.p95Ms(), 0.0);
    assertEquals(247.0, l.p99Ms(), 0.0);
    assertEquals(10.0, l.maxVus(), 0.0);
    assertEquals(0, r.rejections().size());
  }

  @Test
  void gatling351WithoutUserIds() {
    var r = ImporterHarness.parse(IMPORTER, DIR + "gatling-351-000/simulation.log");
    ImporterHarness.assertGolden(r, "staging/gatling-351");
    StagingRun run = onlyRun(r);
    assertEquals("mytest.BasicSimulation", run.suite());
    assertEquals(Instant.ofEpochMilli(1617110479263L), run.startedAt());
    assertEquals(220, run.load().requests());
    assertEquals(15.0, run.load().p95Ms(), 0.0);
    assertEquals(1016.0, run.load().p99Ms(), 0.0);
    assertEquals(22.129, run.durationSeconds(), 1e-9);
  }

  @Test
  void binary314() {
    var r = ImporterHarness.parse(IMPORTER, DIR + "gatling-6-314/simulation.log");
    ImporterHarness.assertGolden(r, "staging/gatling-binary-6-314");
    StagingRun run = onlyRun(r);
    assertEquals("com.example.RecordedSimulationCopy", run.suite());
    assertEquals(Instant.ofEpochMilli(1756103748564L), run.startedAt());
    LoadSummary l = run.load();
    assertEquals(Arrays.asList(39L, 0L), Arrays.asList(l.requests(), l.failedRequests()));
    assertEquals(18.0, l.peakRps(), 0.0);
    assertEquals(452.0, l.p95Ms(), 0.0);
    assertEquals(494.0, l.p99Ms(), 0.0);
    assertEquals(3.0, l.maxVus(), 0.0);
    assertEquals(6.721, run.durationSeconds(), 1e-9);
    assertEquals(0, run.provenance().line(), "a binary file has no lines");
    assertTrue(hasNote(run, "written by Gatling 3.14.3"));
  }

  @Test
  void binaryWithGroups() {
    var r = ImporterHarness.parse(IMPORTER, DIR + "gatling-8-314/simulation.log");
    ImporterHarness.assertGolden(r, "staging/gatling-binary-8-314");
    StagingRun run = onlyRun(r);
    assertEquals("com.example.TaurusSimulationWithGroups", run.suite());
    assertEquals(25, run.load().requests(), "GROUP records are not requests");
    assertEquals(1806.0, run.load().p95Ms(), 0.0);
    assertEquals(3209.0, run.load().p99Ms(), 0.0);
    assertEquals(5.0, run.load().peakRps(), 0.0);
    assertEquals(2.0, run.load().maxVus(), 0.0);
  }

  @Test
  void assertionsErrorsAndABadLine() {
    // rehearsal-made/gatling-text follows FORMATS.md §15 (3.4–3.12 layout)
    var r = ImporterHarness.parse(IMPORTER, "fixtures/rehearsal-made/gatling-text/simulation.log");
    ImporterHarness.assertGolden(r, "staging/gatling-text-assertions");
    StagingRun run = onlyRun(r);
    assertEquals("shop.CheckoutSimulation", run.suite());
    assertEquals(Instant.parse("2024-03-01T10:15:00Z"), run.startedAt());
    assertEquals(5, run.load().requests());
    assertEquals(1, run.load().failedRequests());
    assertEquals(2.0, run.load().maxVus(), 0.0);
    assertFalse(run.load().thresholdsFailed());
    assertTrue(hasNote(run, "declares 2 assertion(s); simulation.log does not record whether"));
    assertTrue(hasNote(run, "1 ERROR record(s)"));
    assertEquals(1, r.rejections().size());
    assertEquals(12, r.rejections().get(0).line());
    assertTrue(r.rejections().get(0).reason().contains("'not-a-time'"));
  }

  @Test
  void truncatedBinaryKeepsTheRequestsBeforeTheCut() throws Exception {
    byte[] whole = StagingTestSupport.bytes(DIR + "gatling-6-314/simulation.log");
    var r =
        parseBytes(
            IMPORTER,
            tmp,
            "cut/simulation.log",
            Arrays.copyOf(whole, 600),
            ImportContext.defaults());
    StagingRun run = onlyRun(r);
    assertTrue(run.load().requests() > 0 && run.load().requests() < 39);
    assertTrue(hasNote(run, "the figures cover the " + run.load().requests() + " requests"));
    assertEquals(1, r.rejections().size());
    assertTrue(
        r.rejections().get(0).reason().contains("ends in the middle of a record"),
        r.rejections().get(0).reason());
  }

  @Test
  void unknownBinaryRecordStopsTheRead() throws Exception {
    byte[] whole = StagingTestSupport.bytes(DIR + "gatling-6-314/simulation.log");
    byte[] bad = whole.clone();
    bad[0x85] = 9; // the first REQUEST header, after the RUN and three USER records
    var r = parseBytes(IMPORTER, tmp, "bad/simulation.log", bad, ImportContext.defaults());
    assertEquals(0, r.records().size(), "no request read before the break: no run");
    assertEquals(1, r.rejections().size());
    assertTrue(r.rejections().get(0).reason().contains("unknown record type 9"));
  }

  @Test
  void truncatedTextKeepsWhatCameBefore() throws Exception {
    byte[] whole = StagingTestSupport.bytes(DIR + "gatling-351-000/simulation.log");
    String s = new String(whole, java.nio.charset.StandardCharsets.UTF_8);
    int cut = s.indexOf("REQUEST", s.length() / 2) + 12;
    var r =
        parseBytes(
            IMPORTER,
            tmp,
            "t/simulation.log",
            s.substring(0, cut).getBytes(java.nio.charset.StandardCharsets.UTF_8),
            ImportContext.defaults());
    StagingRun run = onlyRun(r);
    assertTrue(run.load().requests() > 50 && run.load().requests() < 220);
    assertEquals(1, r.rejections().size(), "the cut-off last line");
    assertEquals(r.seen(), 2);
  }
}
