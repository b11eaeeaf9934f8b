package dev.rehearsal.importers.staging;

import static dev.rehearsal.importers.staging.StagingTestSupport.HINT_AT;
import static dev.rehearsal.importers.staging.StagingTestSupport.atHint;
import static dev.rehearsal.importers.staging.StagingTestSupport.hasNote;
import static dev.rehearsal.importers.staging.StagingTestSupport.onlyRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.importers.ImporterHarness;
import dev.rehearsal.model.LoadSummary;
import dev.rehearsal.model.RunOutcome;
import dev.rehearsal.model.StagingRun;
import org.junit.jupiter.api.Test;

/**
 * Locust stats CSV: the real ≥1.0 sample (jenkins-performance-plugin) and samples written from
 * FORMATS.md §16 for the pre-1.0 layouts (rehearsal-made/locust-*).
 */
class LocustStatsImporterTest {
  private static final LocustStatsImporter IMPORTER = new LocustStatsImporter();
  private static final String MADE = "fixtures/rehearsal-made/";

  @Test
  void locust1StatsMatchesGolden() {
    var r =
        ImporterHarness.parse(
            IMPORTER, "fixtures/jenkins-performance-plugin/test_results_stats.csv", atHint());
    ImporterHarness.assertGolden(r, "staging/locust-stats");
    StagingRun run = onlyRun(r);
    assertEquals(HINT_AT, run.startedAt());
    LoadSummary l = run.load();
    assertEquals(71464, l.requests(), "the Aggregated row");
    assertEquals(10000, l.failedRequests());
    assertEquals(119.314623051569123, l.meanRps(), 1e-9);
    assertEquals(l.meanRps(), l.peakRps(), 0.0);
    assertEquals(570.0, l.p95Ms(), 0.0);
    assertEquals(620.0, l.p99Ms(), 0.0);
    assertTrue(Double.isNaN(l.maxVus()));
    assertEquals(11, run.provenance().line(), "the Aggregated row, past the blank lines");
    assertTrue(hasNote(run, "peak rps is the mean rate"));
  }

  @Test
  void withoutHintsTheRunIsRejected() {
    var r =
        ImporterHarness.parse(
            IMPORTER, "fixtures/jenkins-performance-plugin/test_results_stats.csv");
    assertEquals(0, r.records().size());
    assertTrue(r.rejections().get(0).reason().startsWith("no run time: a Locust stats CSV"));
  }

  @Test
  void preOneQuotedLayoutReadsPercentilesFromTheDistributionFile() {
    // FORMATS.md §16: "None","Total" row; percentiles in PREFIX_distribution.csv
    var r = ImporterHarness.parse(IMPORTER, MADE + "locust-0.13/example_requests.csv", atHint());
    ImporterHarness.assertGolden(r, "staging/locust-0.13-requests");
    StagingRun run = onlyRun(r);
    LoadSummary l = run.load();
    assertEquals(750, l.requests());
    assertEquals(15, l.failedRequests());
    assertEquals(12.5, l.meanRps(), 0.0);
    assertEquals(210.0, l.p95Ms(), 0.0);
    assertEquals(560.0, l.p99Ms(), 0.0);
    assertTrue(hasNote(run, "percentiles read from example_distribution.csv"));
  }

  @Test
  void distributionFileAloneHoldsNoRun() {
    var r =
        ImporterHarness.parse(IMPORTER, MADE + "locust-0.13/example_distribution.csv", atHint());
    assertEquals(0, r.seen());
    assertTrue(r.warnings().get(0).contains("percentile distribution"));
  }

  @Test
  void locust014ResponseTimesWithNa() {
    StagingRun run =
        onlyRun(ImporterHarness.parse(IMPORTER, MADE + "locust-0.14/example_stats.csv", atHint()));
    assertEquals(100, run.load().requests());
    assertEquals(80.0, run.load().p95Ms(), 0.0, "Total row of example_response_times.csv");
    assertEquals(88.0, run.load().p99Ms(), 0.0);
  }

  @Test
  void badRowIsRejectedAndNaPercentilesStayUnknown() {
    var r = ImporterHarness.parse(IMPORTER, MADE + "locust-1.0/na_stats.csv", atHint());
    StagingRun run = onlyRun(r);
    assertEquals(20, run.load().requests());
    assertEquals(2, run.load().failedRequests());
    assertEquals(300.0, run.load().p95Ms(), 0.0);
    assertEquals(1, r.rejections().size());
    assertEquals(3, r.rejections().get(0).line());
    assertTrue(r.rejections().get(0).reason().contains("'abc', not a number"));
    StagingRun empty =
        onlyRun(ImporterHarness.parse(IMPORTER, MADE + "locust-1.0/empty_stats.csv", atHint()));
    assertTrue(Double.isNaN(empty.load().p95Ms()));
    assertTrue(hasNote(empty, "95% percentile is written N/A"));
    assertEquals(RunOutcome.EMPTY, empty.outcome());
  }
}
