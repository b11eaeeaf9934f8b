package dev.rehearsal.importers.incidents;

import static dev.rehearsal.importers.incidents.IncidentTests.DOC;
import static dev.rehearsal.importers.incidents.IncidentTests.assertCounts;
import static dev.rehearsal.importers.incidents.IncidentTests.assertRejected;
import static dev.rehearsal.importers.incidents.IncidentTests.byRef;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.importers.ImporterHarness;
import dev.rehearsal.importers.ImporterRegistry;
import dev.rehearsal.importers.Sniff;
import dev.rehearsal.model.Incident;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opsgenie: the real DevLake raw table (fixtures/devlake/opsgenie), API JSON built with the real
 * objects' field names, and the CSV export (no public column list, shared/FORMATS.md section 11:
 * the sample follows this importer's documented header table).
 */
class OpsgenieImportersTest {
  static final String DEVLAKE = "fixtures/devlake/opsgenie/_raw_opsgenie_incidents.csv";
  static final String LIST = DOC + "opsgenie/incidents-list.json";
  static final String SINGLE = DOC + "opsgenie/alert-single.json";
  static final String CSV = DOC + "opsgenie/alerts.csv";

  final OpsgenieDevLakeCsvImporter devlake = new OpsgenieDevLakeCsvImporter();
  final OpsgenieJsonImporter json = new OpsgenieJsonImporter();
  final OpsgenieCsvImporter csv = new OpsgenieCsvImporter();

  @TempDir Path tmp;

  @Test
  void devlakeGolden() {
    ImporterHarness.Result r = ImporterHarness.parse(devlake, DEVLAKE);
    ImporterHarness.assertGolden(r, "incidents/opsgenie-devlake");
    assertCounts(r, 2, 0);
    Incident open = byRef(r, "3");
    assertEquals("3a74524a-f492-4172-b3f5-6041c7cb404a", open.sourceId());
    assertEquals("Incident#1", open.title());
    assertEquals("Test Description", open.description());
    assertEquals("open", open.status());
    assertEquals("P3", open.severity());
    assertEquals(Instant.parse("2023-09-06T14:30:56.346Z"), open.startedAt());
    assertNull(open.detectedAt()); // impactStartDate equals createdAt
    assertNull(open.resolvedAt());
    assertEquals(List.of("695bce3d-4621-4630-8ae1-24eb89c22d6e"), open.services());
    Incident resolved = byRef(r, "1");
    assertEquals(Instant.parse("2023-09-05T18:21:21.490Z"), resolved.resolvedAt());
    assertEquals("P5", resolved.severity());
    assertTrue(r.warnings().contains(OpsgenieMapping.SERVICE_ID_WARNING));
    // CRLF file: rows start on lines 2 and 3
    assertEquals(
        List.of(2L, 3L),
        IncidentTests.incidents(r).stream().map(i -> i.provenance().line()).toList());
  }

  @Test
  void devlakeDetection() throws Exception {
    ImporterHarness.assertDetected(ImporterRegistry.standard(), DEVLAKE, "opsgenie-devlake-csv");
    IncidentTests.assertNotOurs("fixtures/devlake/opsgenie/_raw_opsgenie_teams.csv");
    IncidentTests.assertNotOurs("fixtures/devlake/opsgenie/_raw_opsgenie_users.csv");
    assertEquals(
        0,
        new PagerDutyDevLakeCsvImporter()
            .recognizes(
                Sniff.of(
                    new dev.rehearsal.importers.FileSource(ImporterHarness.resource(DEVLAKE)))));
  }

  @Test
  void devlakeIdempotent() throws Exception {
    IncidentTests.assertIdempotent(devlake, DEVLAKE);
    IncidentTests.assertKeysIndependentOfPath(devlake, DEVLAKE, tmp);
  }

  @Test
  void devlakeRowWithoutAnIncidentRejected() throws Exception {
    String real = IncidentTests.read(DEVLAKE);
    String teams = IncidentTests.read("fixtures/devlake/opsgenie/_raw_opsgenie_teams.csv");
    String teamRow = teams.split("\n")[1];
    String[] lines = real.split("\n");
    String mixed = lines[0] + "\n" + lines[1] + "\n" + teamRow + "\n" + lines[2] + "\n";
    ImporterHarness.Result r = IncidentTests.parseText(devlake, tmp, "mixed.csv", mixed);
    assertCounts(r, 2, 1);
    assertRejected(r, 3, "holds no Opsgenie incident");
  }

  @Test
  void listGolden() {
    ImporterHarness.Result r = ImporterHarness.parse(json, LIST);
    ImporterHarness.assertGolden(r, "incidents/opsgenie-list");
    assertCounts(r, 2, 1);
    Incident pay = byRef(r, "41");
    assertEquals(Instant.parse("2024-03-08T08:55:00Z"), pay.startedAt());
    assertEquals(Instant.parse("2024-03-08T09:12:44.120Z"), pay.detectedAt());
    assertEquals(Instant.parse("2024-03-08T10:40:00Z"), pay.resolvedAt());
    assertEquals(
        List.of("5f0e8c1a-aaaa-4bbb-8ccc-0000000000a1", "Payment Gateway"), pay.services());
    assertTrue(
        pay.labels()
            .containsAll(List.of("payments", "service:Payment Gateway", "team:payments-team")));
    assertRejected(r, 23, "createdAt", "yesterday at noon");
  }

  @Test
  void singleAlertAndDetection() {
    ImporterHarness.Result r = ImporterHarness.parse(json, SINGLE);
    ImporterHarness.assertGolden(r, "incidents/opsgenie-single-alert");
    assertCounts(r, 1, 0);
    Incident a = byRef(r, "1791");
    assertEquals(List.of("checkout-api"), a.services());
    assertTrue(a.labels().contains("alias:checkout-latency"));
    assertTrue(a.labels().contains("source:Datadog"));
    ImporterHarness.assertDetected(ImporterRegistry.standard(), LIST, "opsgenie-json");
    ImporterHarness.assertDetected(ImporterRegistry.standard(), SINGLE, "opsgenie-json");
  }

  @Test
  void jsonIdempotent() throws Exception {
    IncidentTests.assertIdempotent(json, LIST);
    IncidentTests.assertKeysIndependentOfPath(json, LIST, tmp);
  }

  @Test
  void truncatedJsonKeepsWhatCameBefore() throws Exception {
    String text = IncidentTests.read(LIST);
    String cut = text.substring(0, text.indexOf("Stock levels"));
    ImporterHarness.Result r = IncidentTests.parseText(json, tmp, "cut.json", cut);
    assertCounts(r, 1, 2);
    assertTrue(r.rejections().get(1).reason().startsWith("the rest of the file"));
  }

  @Test
  void csvGolden() {
    ImporterHarness.Result r = ImporterHarness.parse(csv, CSV);
    ImporterHarness.assertGolden(r, "incidents/opsgenie-csv");
    assertCounts(r, 2, 1);
    Incident latency = byRef(r, "1791");
    // same alert, same key as through the API
    assertEquals("incident/opsgenie/70413a06-38d6-4c85-92b8-5ebc900d42e2", latency.key());
    assertEquals(Instant.parse("2024-03-10T09:58:12Z"), latency.startedAt());
    assertTrue(latency.provenance().notes().contains("time without zone, read as UTC"));
    assertEquals(List.of("checkout-api"), latency.services());
    Incident queue = byRef(r, "1793");
    assertEquals(List.of("Order Queue", "Notifications"), queue.services());
    assertEquals("Backlog at 50,000 messages", queue.description());
    // 31/02/2024 decides day-first for the file, and is then not a date
    assertRejected(r, 3, "CreatedAt", "31/02/2024");
    assertTrue(
        r.warnings().stream().anyMatch(w -> w.contains("day first (DMY)")),
        r.warnings().toString());
  }

  @Test
  void csvDetectionAndIdempotence() throws Exception {
    ImporterHarness.assertDetected(ImporterRegistry.standard(), CSV, "opsgenie-csv");
    String noOgWord = "Id,Message,Status,Created At\n1,a,open,2024-01-01\n";
    assertEquals(0, csv.recognizes(Sniff.ofText("x.csv", noOgWord)));
    IncidentTests.assertIdempotent(csv, CSV);
  }
}
