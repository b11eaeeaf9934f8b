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
import dev.rehearsal.model.Incident;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ServiceNow. No real sample exists: the JSON inputs follow shared/FORMATS.md section 10 (Table API
 * {"result": ...}, values as strings or {"display_value","value","link"} objects, raw date-times in
 * UTC; JSONv2 {"records": [...]} with dv_ fields); the CSV inputs follow the list view CSV export
 * (field names as headers, display values in cells), in UTF-8 and Windows-1252.
 */
class ServiceNowImportersTest {
  static final String CSV = DOC + "servicenow/incidents.csv";
  static final String CSV_1252 = DOC + "servicenow/incidents-cp1252.csv";
  static final String TABLE = DOC + "servicenow/table-api.json";
  static final String SINGLE = DOC + "servicenow/single.json";
  static final String JSONV2 = DOC + "servicenow/jsonv2.json";

  final ServiceNowCsvImporter csv = new ServiceNowCsvImporter();
  final ServiceNowJsonImporter json = new ServiceNowJsonImporter();

  @TempDir Path tmp;

  @Test
  void csvGolden() {
    ImporterHarness.Result r = ImporterHarness.parse(csv, CSV);
    ImporterHarness.assertGolden(r, "incidents/servicenow-csv");
    assertCounts(r, 3, 1);
    Incident mail = byRef(r, "INC0010001");
    assertEquals("incident/servicenow/INC0010001", mail.key());
    assertEquals("Email delivery delayed – Café orders", mail.title());
    assertEquals(Instant.parse("2024-03-04T09:15:00Z"), mail.startedAt());
    assertEquals(Instant.parse("2024-03-04T11:02:33Z"), mail.resolvedAt());
    assertTrue(mail.provenance().notes().contains("time without zone, read as UTC"));
    assertEquals(List.of("Email", "EXCH-SD-05"), mail.services());
    assertEquals("Closed", mail.status());
    assertEquals("1 - Critical", mail.severity());
    assertTrue(mail.postmortem().startsWith("Queue throttling limit differs"));
    assertTrue(
        mail.labels()
            .containsAll(
                List.of(
                    "group:Messaging", "category:Software", "close code:Solved (Permanently)")));
    Incident vpn = byRef(r, "INC0010004");
    assertEquals(Instant.parse("2024-03-06T10:00:00Z"), vpn.resolvedAt());
    assertTrue(
        vpn.provenance().notes().contains("no resolved time; resolved time from 'closed_at'"));
    assertEquals(List.of("vpn-gw-02"), vpn.services());
    assertRejected(r, 4, "opened_at", "2024-03-35");
    assertTrue(r.warnings().isEmpty(), r.warnings().toString());
  }

  @Test
  void csvInWindows1252ReadsTheSameWithAWarning() {
    ImporterHarness.Result utf8 = ImporterHarness.parse(csv, CSV);
    ImporterHarness.Result cp = ImporterHarness.parse(csv, CSV_1252);
    ImporterHarness.assertGolden(cp, "incidents/servicenow-csv-cp1252");
    assertEquals(
        utf8.records().stream().map(x -> ((Incident) x).title()).toList(),
        cp.records().stream().map(x -> ((Incident) x).title()).toList());
    assertEquals("Email delivery delayed – Café orders", byRef(cp, "INC0010001").title());
    assertEquals(
        List.of(
            "the file is not valid UTF-8; read as Windows-1252 (3 byte(s) outside ASCII, line 2)"),
        cp.warnings());
    ImporterHarness.assertDetected(ImporterRegistry.standard(), CSV_1252, "servicenow-csv");
  }

  @Test
  void csvTimesInTheUsersZone() {
    ImportContext ctx =
        ImportContext.defaults()
            .withOptions(ImportOptions.defaults().withNaiveZone(ZoneId.of("America/New_York")));
    ImporterHarness.Result r = ImporterHarness.parse(csv, CSV, ctx);
    assertEquals(Instant.parse("2024-03-04T14:15:00Z"), byRef(r, "INC0010001").startedAt());
  }

  @Test
  void csvDetectionAndIdempotence() throws Exception {
    ImporterHarness.assertDetected(ImporterRegistry.standard(), CSV, "servicenow-csv");
    IncidentTests.assertIdempotent(csv, CSV);
    IncidentTests.assertKeysIndependentOfPath(csv, CSV, tmp);
  }

  @Test
  void tableApiGolden() {
    ImporterHarness.Result r = ImporterHarness.parse(json, TABLE);
    ImporterHarness.assertGolden(r, "incidents/servicenow-table-api");
    assertCounts(r, 3, 1);
    // raw values: documented UTC, not flagged
    Incident raw = byRef(r, "INC0010001");
    assertEquals(Instant.parse("2024-03-04T09:15:00Z"), raw.startedAt());
    assertEquals(Instant.parse("2024-03-04T11:02:33Z"), raw.resolvedAt());
    assertEquals("7", raw.status());
    assertEquals("1", raw.severity());
    assertEquals(List.of("27d32778c0a8000b00db970eeaa60f16"), raw.services());
    assertTrue(raw.provenance().notes().stream().anyMatch(n -> n.contains("only as the sys_id")));
    assertTrue(raw.provenance().notes().stream().noneMatch(n -> n.contains("without zone")));
    // objects: the value (UTC) wins over the display value in the user's zone and format
    Incident all = byRef(r, "INC0010002");
    assertEquals(Instant.parse("2024-03-05T14:00:00Z"), all.startedAt());
    assertNull(all.resolvedAt());
    assertEquals("In Progress", all.status());
    assertEquals("2 - High", all.severity());
    assertEquals(List.of("Payroll", "payroll-db-01"), all.services());
    assertTrue(all.labels().contains("group:HR Apps"));
    // plain display values (labels, names): times are in the user's zone, flagged
    Incident display = byRef(r, "INC0010004");
    assertEquals(Instant.parse("2024-03-06T07:30:00Z"), display.startedAt());
    assertTrue(display.provenance().notes().contains("time without zone, read as UTC"));
    assertEquals(List.of("vpn-gw-02"), display.services());
    assertEquals("Closed", display.status());
    assertRejected(r, 37, "no 'opened_at' time");
  }

  @Test
  void displayValuesFollowTheUsersZoneRawValuesDoNot() {
    ImportContext ctx =
        ImportContext.defaults()
            .withOptions(ImportOptions.defaults().withNaiveZone(ZoneId.of("Europe/Paris")));
    ImporterHarness.Result r = ImporterHarness.parse(json, TABLE, ctx);
    assertEquals(Instant.parse("2024-03-04T09:15:00Z"), byRef(r, "INC0010001").startedAt());
    assertEquals(Instant.parse("2024-03-06T06:30:00Z"), byRef(r, "INC0010004").startedAt());
  }

  @Test
  void singleAndJsonV2() {
    ImporterHarness.Result one = ImporterHarness.parse(json, SINGLE);
    ImporterHarness.assertGolden(one, "incidents/servicenow-single");
    assertCounts(one, 1, 0);
    assertEquals("6", byRef(one, "INC0010001").status());
    ImporterHarness.Result v2 = ImporterHarness.parse(json, JSONV2);
    ImporterHarness.assertGolden(v2, "incidents/servicenow-jsonv2");
    assertCounts(v2, 1, 1);
    Incident mail = byRef(v2, "INC0010001");
    assertEquals("Resolved", mail.status());
    assertEquals("1 - Critical", mail.severity());
    assertEquals(List.of("Email"), mail.services());
    assertEquals(Instant.parse("2024-03-04T09:15:00Z"), mail.startedAt());
    assertTrue(mail.provenance().notes().isEmpty(), mail.provenance().notes().toString());
    assertRejected(v2, 19, "opened_at", "2024-02-30");
    // the same incident has the same key in every ServiceNow shape
    ImporterHarness.Result c = ImporterHarness.parse(csv, CSV);
    assertEquals(byRef(c, "INC0010001").key(), mail.key());
    assertEquals(byRef(one, "INC0010001").key(), mail.key());
  }

  @Test
  void jsonDetectionAndIdempotence() throws Exception {
    for (String res : List.of(TABLE, SINGLE, JSONV2)) {
      ImporterHarness.assertDetected(ImporterRegistry.standard(), res, "servicenow-json");
    }
    IncidentTests.assertIdempotent(json, TABLE);
    IncidentTests.assertKeysIndependentOfPath(json, TABLE, tmp);
  }

  @Test
  void ambiguousDisplayDatesAreRejected() throws Exception {
    String text =
        "{\"result\": [\n"
            + "{\"number\": \"INC1\", \"state\": \"New\", \"short_description\": \"a\","
            + " \"opened_at\": \"04-03-2024 10:00:00\", \"sys_id\": \"x1\"},\n"
            + "{\"number\": \"INC2\", \"state\": \"New\", \"short_description\": \"b\","
            + " \"opened_at\": \"05-06-2024 10:00:00\", \"sys_id\": \"x2\"}\n]}";
    ImporterHarness.Result r = IncidentTests.parseText(json, tmp, "amb.json", text);
    assertCounts(r, 0, 2);
    assertRejected(r, 2, "could be day/month or month/day");
    assertTrue(r.warnings().get(0).contains("could be read as day/month"));
    String decided = text.replace("05-06-2024", "25-06-2024");
    ImporterHarness.Result d = IncidentTests.parseText(json, tmp, "dmy.json", decided);
    assertCounts(d, 2, 0);
    assertEquals(Instant.parse("2024-03-04T10:00:00Z"), byRef(d, "INC1").startedAt());
  }

  @Test
  void truncatedJsonKeepsWhatCameBefore() throws Exception {
    String text = IncidentTests.read(TABLE);
    String cut = text.substring(0, text.indexOf("Record without an opened time"));
    ImporterHarness.Result r = IncidentTests.parseText(json, tmp, "cut.json", cut);
    assertCounts(r, 2, 1);
  }
}
