package dev.rehearsal.importers.facts;

import static dev.rehearsal.importers.facts.FactTests.AT;
import static dev.rehearsal.importers.facts.FactTests.countsAddUp;
import static dev.rehearsal.importers.facts.FactTests.facts;
import static dev.rehearsal.importers.facts.FactTests.hints;
import static dev.rehearsal.importers.facts.FactTests.rejection;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.importers.ImportContext;
import dev.rehearsal.importers.ImporterHarness;
import dev.rehearsal.model.EnvironmentFact;
import dev.rehearsal.model.FactType;
import dev.rehearsal.settings.DateOrder;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rehearsal's own data-volume and traffic CSVs (docs/formats/facts.md "data-volume-csv",
 * "traffic-csv"); the samples in fixtures/facts-samples/csv were written from that document.
 */
class FactCsvImportersTest {
  static final String ROWS = "fixtures/facts-samples/csv/data-volume.csv";
  static final String RPS = "fixtures/facts-samples/csv/traffic-peaks.csv";

  @TempDir Path tmp;

  @Test
  void dataVolumeGolden() {
    var r = ImporterHarness.parse(new DataVolumeCsvImporter(), ROWS);
    ImporterHarness.assertGolden(r, "facts/data-volume-csv");
  }

  @Test
  void dataVolumeRowsWithSeparatorsAndRejections() {
    var r = ImporterHarness.parse(new DataVolumeCsvImporter(), ROWS);
    countsAddUp(r);
    List<EnvironmentFact> f = facts(r);
    assertEquals(4, f.size());
    assertEquals(9, r.seen());
    EnvironmentFact orders = f.get(0);
    assertEquals(FactType.DATA_VOLUME, orders.type());
    assertEquals("orders", orders.subject());
    assertEquals("orders", orders.service());
    assertEquals("production", orders.environment());
    assertEquals(12_345_678d, orders.number());
    assertEquals("12345678", orders.value());
    assertEquals(Instant.parse("2024-03-01T00:00:00Z"), orders.asOf());
    assertEquals(2, orders.provenance().line());
    assertEquals(31_204_118d, f.get(2).number(), "no-break spaces as thousands separators");
    EnvironmentFact naive = f.get(3);
    assertEquals(Instant.parse("2024-03-01T08:00:00Z"), naive.asOf());
    assertTrue(naive.provenance().notes().contains("time without zone, read as UTC"));
    assertEquals(5, rejection(r, "'1.5' is not a whole number").line());
    assertEquals(6, rejection(r, "'lots' is not a number").line());
    assertTrue(rejection(r, "no as-of time").line() == 8);
    assertEquals(9, rejection(r, "no value in 'table'").line());
    assertTrue(rejection(r, "'2024-13-45'").reason().startsWith("'as_of': "));
  }

  @Test
  void dataVolumeAsOfFromHintsWhenTheRowHasNone() {
    var r = ImporterHarness.parse(new DataVolumeCsvImporter(), ROWS, hints(null, null, AT));
    EnvironmentFact audit =
        facts(r).stream().filter(x -> x.subject().equals("audit_log")).findFirst().orElseThrow();
    assertEquals(987_654_321d, audit.number());
    assertEquals(AT, audit.asOf());
    assertEquals("", audit.service(), "an environment-wide table");
    assertTrue(audit.provenance().notes().contains("as-of from sidecar rehearsal.json"));
  }

  @Test
  void trafficGolden() {
    var r = ImporterHarness.parse(new TrafficCsvImporter(), RPS);
    ImporterHarness.assertGolden(r, "facts/traffic-csv");
  }

  @Test
  void trafficSynonymsSemicolonsAndDecimalCommas() {
    var r = ImporterHarness.parse(new TrafficCsvImporter(), RPS);
    countsAddUp(r);
    List<EnvironmentFact> f = facts(r);
    assertEquals(3, f.size());
    assertEquals(1250.5, f.get(0).number());
    assertEquals("peak_rps", f.get(0).subject());
    assertEquals("checkout", f.get(0).service());
    assertEquals(FactType.TRAFFIC_PEAK, f.get(0).type());
    assertTrue(
        f.get(0).provenance().notes().contains("date without time or zone, read as midnight UTC"));
    assertEquals(85, f.get(1).number());
    assertEquals(12_500, f.get(2).number());
    assertTrue(
        f.get(2)
            .provenance()
            .notes()
            .contains("'12,500' read as 12500 (comma as thousands separator)"));
    assertTrue(rejection(r, "negative").line() == 5);
    assertTrue(rejection(r, "no service").line() == 6);
    assertTrue(rejection(r, "'twelve' is not a number").line() == 7);
  }

  @Test
  void ambiguousNumericDatesAreDecidedFromTheFileOrRefused() throws Exception {
    var dmy =
        FactTests.file(
            tmp, "a.csv", "env,service,rps,date\nprod,a,1,03/04/2024\n" + "prod,b,2,25/04/2024\n");
    var r = ImporterHarness.parse(new TrafficCsvImporter(), dmy, ImportContext.defaults());
    assertEquals(Instant.parse("2024-04-03T00:00:00Z"), facts(r).get(0).asOf());
    assertTrue(r.warnings().stream().anyMatch(w -> w.contains("DMY")), r.warnings().toString());

    var either = FactTests.file(tmp, "b.csv", "env,service,rps,date\nprod,a,1,03/04/2024\n");
    var refused = ImporterHarness.parse(new TrafficCsvImporter(), either, ImportContext.defaults());
    assertTrue(refused.records().isEmpty());
    assertTrue(refused.rejections().get(0).reason().contains("day/month or month/day"));
    var told =
        ImporterHarness.parse(
            new TrafficCsvImporter(),
            either,
            ImportContext.defaults()
                .withOptions(ImportContext.defaults().options().withDateOrder(DateOrder.MDY)));
    assertEquals(Instant.parse("2024-03-04T00:00:00Z"), facts(told).get(0).asOf());
  }

  @Test
  void headerWithoutTheNumberColumnFailsTheFile() throws Exception {
    var src = FactTests.file(tmp, "c.csv", "environment,table,count\nprod,t,1\n");
    var r = ImporterHarness.parse(new DataVolumeCsvImporter(), src, ImportContext.defaults());
    assertEquals(1, r.rejections().size());
    assertTrue(
        r.rejections().get(0).reason().contains("no column for rows"), r.rejections().toString());
  }

  @Test
  void unclosedQuoteKeepsTheRowsBefore() throws Exception {
    var src =
        FactTests.file(
            tmp,
            "d.csv",
            "environment,table,rows,as_of\n"
                + "prod,a,1,2024-03-01T00:00:00Z\nprod,\"b,2,2024-03-01T00:00:00Z\n");
    var r = ImporterHarness.parse(new DataVolumeCsvImporter(), src, ImportContext.defaults());
    assertEquals(1, facts(r).size());
    assertEquals(1, r.rejections().size());
    assertTrue(r.rejections().get(0).reason().contains("never closed"), r.rejections().toString());
  }
}
