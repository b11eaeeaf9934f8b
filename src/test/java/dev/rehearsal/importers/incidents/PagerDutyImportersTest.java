package dev.rehearsal.importers.incidents;

import static dev.rehearsal.importers.incidents.IncidentTests.DOC;
import static dev.rehearsal.importers.incidents.IncidentTests.assertCounts;
import static dev.rehearsal.importers.incidents.IncidentTests.assertRejected;
import static dev.rehearsal.importers.incidents.IncidentTests.byRef;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.importers.ImportContext;
import dev.rehearsal.importers.ImportOptions;
import dev.rehearsal.importers.ImporterHarness;
import dev.rehearsal.importers.ImporterRegistry;
import dev.rehearsal.importers.TargetHints;
import dev.rehearsal.model.Incident;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PagerDuty: the real DevLake raw table (fixtures/devlake/pagerduty, Apache DevLake e2e data), REST
 * API list and show responses, and the web UI CSV. The JSON samples follow the real API objects'
 * field names plus the demo generator's fields (see fixtures/incidents-documented README); the CSV
 * sample follows this importer's documented header table, since no public column list exists
 * (shared/FORMATS.md section 11).
 */
class PagerDutyImportersTest {
  static final String DEVLAKE = "fixtures/devlake/pagerduty/_raw_pagerduty_incidents.csv";
  static final String LIST = DOC + "pagerduty/incidents-list.json";
  static final String SHOW = DOC + "pagerduty/incident-show.json";
  static final String CSV = DOC + "pagerduty/incidents.csv";

  final PagerDutyDevLakeCsvImporter devlake = new PagerDutyDevLakeCsvImporter();
  final PagerDutyJsonImporter json = new PagerDutyJsonImporter();
  final PagerDutyCsvImporter csv = new PagerDutyCsvImporter();

  @TempDir Path tmp;

  // ------------------------------------------------------------------ DevLake raw table (real)

  @Test
  void devlakeGolden() {
    ImporterHarness.Result r = ImporterHarness.parse(devlake, DEVLAKE);
    ImporterHarness.assertGolden(r, "incidents/pagerduty-devlake");
    assertCounts(r, 3, 0);
    Incident crash = byRef(r, "#4");
    assertEquals("Q3YON8WNWTZMRQ", crash.sourceId());
    assertEquals("incident/pagerduty/Q3YON8WNWTZMRQ", crash.key());
    assertEquals("Crash reported", crash.title());
    assertEquals(List.of("DevService"), crash.services());
    assertEquals("triggered", crash.status());
    assertEquals("high", crash.severity());
    assertEquals(Instant.parse("2022-11-03T06:23:06Z"), crash.startedAt());
    assertNull(crash.resolvedAt());
    assertEquals("https://keon-test.pagerduty.com/incidents/Q3YON8WNWTZMRQ", crash.url());
    assertEquals(2, crash.provenance().line());
    assertEquals(0, crash.provenance().index());
    assertEquals("pagerduty-devlake-csv", crash.provenance().format());
    // The resolved incident has no resolved_at; its resolve log entry gives the time.
    Incident spam = byRef(r, "#6");
    assertEquals(Instant.parse("2022-11-03T06:51:44Z"), spam.resolvedAt());
    assertTrue(
        spam.provenance().notes().contains("resolved time from the incident's resolve log entry"));
    assertEquals("low", spam.severity());
  }

  @Test
  void devlakeDetectedAndOtherDevlakeTablesNot() throws Exception {
    ImporterHarness.assertDetected(ImporterRegistry.standard(), DEVLAKE, "pagerduty-devlake-csv");
    IncidentTests.assertNotOurs("fixtures/devlake/gitlab/_raw_gitlab_api_deployments.csv");
    IncidentTests.assertNotOurs("fixtures/devlake/github/_raw_github_api_runs.csv");
    IncidentTests.assertNotOurs("fixtures/devlake/opsgenie/_raw_opsgenie_teams.csv");
  }

  @Test
  void devlakeFirstRowLongerThanTheSniffedHead() throws Exception {
    // A first row past 64 KB: recognised by the incident field names in the head.
    String real = IncidentTests.read(DEVLAKE);
    int firstRowEnd = real.indexOf("\n2,");
    String header = real.substring(0, real.indexOf('\n') + 1);
    String row = real.substring(header.length(), firstRowEnd);
    String padded =
        row.replace(
            "\"\"alerts\"\": []",
            "\"\"alerts\"\": [], \"\"padding\"\": \"\"" + "x".repeat(70_000) + "\"\"");
    java.nio.file.Files.writeString(tmp.resolve("big.csv"), header + padded + "\n");
    var sniff =
        dev.rehearsal.importers.Sniff.of(
            new dev.rehearsal.importers.FileSource(tmp.resolve("big.csv")));
    assertEquals(dev.rehearsal.importers.Importer.LIKELY, devlake.recognizes(sniff));
    ImporterHarness.Result r =
        ImporterHarness.parse(
            devlake,
            new dev.rehearsal.importers.FileSource(tmp.resolve("big.csv")),
            ImportContext.defaults());
    assertCounts(r, 1, 0);
  }

  @Test
  void devlakeBadDataCellRejectedNeighboursKept() throws Exception {
    String real = IncidentTests.read(DEVLAKE);
    String[] lines = real.split("\n", -1);
    // line 3 (second row) gets a data cell that is not JSON
    lines[2] = "2,\"{}\",\"{not json\",,null,2022-11-03T07:11:37.373+00:00";
    ImporterHarness.Result r =
        IncidentTests.parseText(devlake, tmp, "pd.csv", String.join("\n", lines));
    assertCounts(r, 2, 1);
    assertRejected(r, 3, "the 'data' cell is not valid JSON");
    assertEquals(
        List.of("#4", "#6"), IncidentTests.incidents(r).stream().map(Incident::reference).toList());
  }

  @Test
  void devlakeTruncatedKeepsWhatCameBefore() throws Exception {
    String real = IncidentTests.read(DEVLAKE);
    int third = real.indexOf("\n3,");
    String cut = real.substring(0, third + 200);
    ImporterHarness.Result r = IncidentTests.parseText(devlake, tmp, "cut.csv", cut);
    assertCounts(r, 2, 1);
    // the quoted data cell runs to the end of the file: that record is rejected, the two
    // before it stay
    assertRejected(r, 4, "ends before its JSON does", "cut off");
  }

  @Test
  void devlakeIdempotent() throws Exception {
    IncidentTests.assertIdempotent(devlake, DEVLAKE);
    IncidentTests.assertKeysIndependentOfPath(devlake, DEVLAKE, tmp);
  }

  // ------------------------------------------------------------------ REST API JSON

  @Test
  void listGolden() {
    ImporterHarness.Result r = ImporterHarness.parse(json, LIST);
    ImporterHarness.assertGolden(r, "incidents/pagerduty-list");
    assertCounts(r, 2, 2);
    Incident checkout = byRef(r, "#1201");
    assertEquals("Q1CHECKOUT01", checkout.sourceId());
    assertEquals("P1", checkout.severity());
    assertEquals(List.of("Checkout API"), checkout.services());
    assertTrue(checkout.description().startsWith("Error rate rose minutes after release"));
    assertEquals(Instant.parse("2024-03-04T23:40:11Z"), checkout.resolvedAt());
    assertTrue(checkout.labels().contains("urgency:high"));
    assertTrue(checkout.labels().contains("team:Payments"));
    assertEquals("production", checkout.environment());
    Incident email = byRef(r, "#1203");
    assertEquals(Instant.parse("2024-03-06T07:02:00Z"), email.startedAt());
    assertEquals("high", email.severity());
    assertTrue(email.provenance().notes().isEmpty());
    // the record with 2024-13-45 and the one with no created_at, each with its line
    assertRejected(r, 40, "created_at", "2024-13-45");
    assertRejected(r, 68, "no 'created_at' time");
  }

  @Test
  void showResponseAndDetection() {
    ImporterHarness.Result r = ImporterHarness.parse(json, SHOW);
    ImporterHarness.assertGolden(r, "incidents/pagerduty-show");
    assertCounts(r, 1, 0);
    assertEquals("Q1CHECKOUT01", r.records().get(0).sourceId());
    ImporterHarness.assertDetected(ImporterRegistry.standard(), LIST, "pagerduty-json");
    ImporterHarness.assertDetected(ImporterRegistry.standard(), SHOW, "pagerduty-json");
  }

  @Test
  void jsonFromDevlakeDataIsTheSameIncident() throws Exception {
    // The same API object read as a bare JSON list gives the same key as through DevLake.
    ImporterHarness.Result viaDevlake = ImporterHarness.parse(devlake, DEVLAKE);
    StringBuilder sb = new StringBuilder("[");
    try (var t =
        dev.rehearsal.importers.support.CsvTable.scan(
            new dev.rehearsal.importers.FileSource(ImporterHarness.resource(DEVLAKE)))) {
      var row = t.next();
      sb.append(row.get("data"));
    }
    sb.append("]");
    ImporterHarness.Result viaJson = IncidentTests.parseText(json, tmp, "bare.json", sb.toString());
    assertEquals(viaDevlake.records().get(0).key(), viaJson.records().get(0).key());
  }

  @Test
  void truncatedJsonKeepsWhatCameBefore() throws Exception {
    String text = IncidentTests.read(LIST);
    String cut = text.substring(0, text.indexOf("\"Q3EMAIL00003\"") + 40);
    ImporterHarness.Result r = IncidentTests.parseText(json, tmp, "cut.json", cut);
    assertEquals(1, r.records().size());
    assertEquals(2, r.rejections().size()); // the bad record, then the rest of the file
    assertTrue(r.rejections().get(1).reason().startsWith("the rest of the file could not be read"));
  }

  @Test
  void jsonLinesOfShowResponsesAreAllRead() throws Exception {
    String one = IncidentTests.read(SHOW).replaceAll("\\s*\n\\s*", " ");
    String two = one.replace("Q1CHECKOUT01", "Q9OTHER00009").replace("1201", "1209");
    ImporterHarness.Result r =
        IncidentTests.parseText(json, tmp, "lines.jsonl", one + "\n" + two + "\n");
    assertCounts(r, 2, 0);
    assertEquals(List.of(1L, 2L), r.records().stream().map(x -> x.provenance().line()).toList());
  }

  @Test
  void jsonIdempotent() throws Exception {
    IncidentTests.assertIdempotent(json, LIST);
    IncidentTests.assertKeysIndependentOfPath(json, LIST, tmp);
  }

  @Test
  void hugeDescriptionIsCutAndNoted() throws Exception {
    String big = "x".repeat(IncidentDraft.MAX_NARRATIVE + 10);
    String text =
        "{\"incidents\": [{\"id\": \"QBIG\", \"incident_number\": 9, \"title\": \"Big\","
            + " \"created_at\": \"2024-01-01T00:00:00Z\", \"urgency\": \"low\","
            + " \"body\": {\"details\": \""
            + big
            + "\"}}]}";
    ImporterHarness.Result r = IncidentTests.parseText(json, tmp, "big.json", text);
    Incident i = IncidentTests.incidents(r).get(0);
    assertTrue(i.description().length() < IncidentDraft.MAX_NARRATIVE + 100);
    assertTrue(i.description().endsWith("characters cut]"));
    assertTrue(i.provenance().notes().get(0).startsWith("description cut to 200000"));
  }

  @Test
  void hintsFillServiceAndEnvironmentOnlyWhenMissing() throws Exception {
    String text =
        "[{\"id\": \"QA\", \"incident_number\": 1, \"title\": \"a\", \"urgency\": \"low\","
            + " \"created_at\": \"2024-01-01T00:00:00Z\"},"
            + " {\"id\": \"QB\", \"incident_number\": 2, \"title\": \"b\", \"urgency\": \"low\","
            + " \"created_at\": \"2024-01-01T00:00:00Z\", \"service\": {\"summary\": \"Own\"}}]";
    ImportContext ctx =
        ImportContext.defaults()
            .withHints(
                new TargetHints("Hinted", "stage", null, null, null, "sidecar x.rehearsal.json"));
    ImporterHarness.Result r = IncidentTests.parseText(json, tmp, "h.json", text, ctx);
    Incident a = IncidentTests.bySourceId(r, "QA");
    Incident b = IncidentTests.bySourceId(r, "QB");
    assertEquals(List.of("Hinted"), a.services());
    assertEquals("staging", a.environment());
    assertTrue(a.provenance().notes().contains("service 'Hinted' from sidecar x.rehearsal.json"));
    assertEquals(List.of("Own"), b.services());
  }

  // ------------------------------------------------------------------ web UI CSV

  @Test
  void csvGolden() {
    ImporterHarness.Result r = ImporterHarness.parse(csv, CSV);
    ImporterHarness.assertGolden(r, "incidents/pagerduty-csv");
    assertCounts(r, 3, 2);
    Incident checkout = byRef(r, "#1201");
    assertEquals("Q1CHECKOUT01", checkout.sourceId());
    assertEquals(
        "Error rate rose after release 2024.03.04-1.\nFull scan on orders table.",
        checkout.description());
    assertEquals(List.of("Checkout API"), checkout.services());
    assertEquals("P1", checkout.severity());
    assertTrue(
        checkout
            .labels()
            .containsAll(
                List.of("urgency:high", "escalation policy:Payments on-call", "team:Payments")));
    // a time without zone is read in the import's zone and flagged
    Incident search = byRef(r, "#1202");
    assertEquals(Instant.parse("2024-03-05T10:00:00Z"), search.startedAt());
    assertTrue(
        search.provenance().notes().contains("time without zone, read as UTC"),
        search.provenance().notes().toString());
    assertEquals("low", search.severity());
    assertTrue(search.labels().containsAll(List.of("team:Search", "team:Platform")));
    assertRejected(r, 5, "Created At", "2024-02-30");
    assertRejected(r, 6, "no 'Created At' time");
  }

  @Test
  void csvNaiveTimesInTheUsersZone() throws Exception {
    ImportContext ctx =
        ImportContext.defaults()
            .withOptions(ImportOptions.defaults().withNaiveZone(ZoneId.of("Europe/Paris")));
    ImporterHarness.Result r = ImporterHarness.parse(csv, CSV, ctx);
    assertEquals(Instant.parse("2024-03-05T09:00:00Z"), byRef(r, "#1202").startedAt());
    assertTrue(
        byRef(r, "#1202").provenance().notes().contains("time without zone, read as Europe/Paris"));
    // times with a zone are not affected
    assertEquals(Instant.parse("2024-03-04T22:14:05Z"), byRef(r, "#1201").startedAt());
  }

  @Test
  void csvDetectionNeedsPagerDutyWords() throws Exception {
    ImporterHarness.assertDetected(ImporterRegistry.standard(), CSV, "pagerduty-csv");
    String noPdWord = "Incident ID,Title,Service,Created At\nQ1,t,s,2024-01-01T00:00:00Z\n";
    assertEquals(0, csv.recognizes(dev.rehearsal.importers.Sniff.ofText("x.csv", noPdWord)));
    String lower =
        "id,incident_number,description,service_name,escalation_policy_name,"
            + "created_on,resolved_on,urgency\n";
    assertTrue(csv.recognizes(dev.rehearsal.importers.Sniff.ofText("x.csv", lower)) > 50);
  }

  @Test
  void csvIdempotent() throws Exception {
    IncidentTests.assertIdempotent(csv, CSV);
    IncidentTests.assertKeysIndependentOfPath(csv, CSV, tmp);
  }

  @Test
  void csvTruncatedInsideAQuotedCellKeepsWhatCameBefore() throws Exception {
    String text = IncidentTests.read(CSV);
    String cut = text.substring(0, text.indexOf("Full scan"));
    ImporterHarness.Result r = IncidentTests.parseText(csv, tmp, "cut.csv", cut);
    assertEquals(0, r.records().size());
    assertEquals(1, r.rejections().size());
    String more = text + "Q6,1206,\"Unclosed quote,Svc,Platform,low,,open,2024-03-08T00:00:00Z";
    ImporterHarness.Result r2 = IncidentTests.parseText(csv, tmp, "cut2.csv", more);
    assertEquals(3, r2.records().size());
    assertEquals(3, r2.rejections().size());
    assertTrue(r2.rejections().get(2).reason().contains("never closed"));
  }

  @Test
  void anUnclosedQuoteInRowThreeCostsThatRowOnly() throws Exception {
    String text = dev.rehearsal.importers.support.CsvRecordsTest.pagerDuty(1000, 3);
    ImporterHarness.Result r = IncidentTests.parseText(csv, tmp, "stray.csv", text);
    assertEquals(1000, r.seen());
    assertEquals(999, r.records().size());
    assertEquals(1, r.rejections().size());
    assertEquals(4, r.rejections().get(0).line(), "row 3 is on line 4");
    assertEquals(2, r.rejections().get(0).index());
    assertTrue(r.rejections().get(0).reason().contains("never closed"));
  }

  @Test
  void aStrayQuoteKeepsTheReadingLinear() throws Exception {
    // the time of the whole import of 10,000 and 40,000 rows with a quote never closed in row 3:
    // four times the rows may take four times as long (eight allowed, for a busy machine), where
    // reading the rest of the file again for every line gave sixteen times and more
    // the sizes take turns, after a warm-up, and each keeps its best of five: a busy machine
    // slows single runs, not the best of several taken side by side
    java.nio.file.Path small = file(10_000);
    java.nio.file.Path large = file(40_000);
    timed(small, 10_000);
    double t10 = Double.MAX_VALUE;
    double t40 = Double.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      t10 = Math.min(t10, timed(small, 10_000));
      t40 = Math.min(t40, timed(large, 40_000));
    }
    assertTrue(t40 / t10 < 8, String.format("10k rows %.3f s, 40k rows %.3f s", t10, t40));
  }

  private java.nio.file.Path file(int rows) throws Exception {
    java.nio.file.Path p = tmp.resolve("rows" + rows + ".csv");
    java.nio.file.Files.writeString(
        p, dev.rehearsal.importers.support.CsvRecordsTest.pagerDuty(rows, 3));
    return p;
  }

  /** Seconds to import the file once; every row but the broken one is read. */
  private double timed(java.nio.file.Path p, int rows) throws Exception {
    long t = System.nanoTime();
    ImporterHarness.Result r =
        ImporterHarness.parse(
            csv, new dev.rehearsal.importers.FileSource(p, p.toString()), ImportContext.defaults());
    double seconds = (System.nanoTime() - t) / 1e9;
    assertEquals(rows - 1, r.records().size());
    return seconds;
  }
}
