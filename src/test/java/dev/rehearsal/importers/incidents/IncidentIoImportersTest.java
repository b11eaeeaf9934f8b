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
import dev.rehearsal.model.Incident;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * incident.io: the vendor's own API v2 examples (fixtures/incident-io-openapi, lifted out of its
 * OpenAPI file; shared/FORMATS.md section 6) and the CSV export (no public column list, FORMATS.md
 * section 7: the sample follows this importer's documented header table).
 */
class IncidentIoImportersTest {
  static final String EX = "fixtures/incident-io-openapi/extracted-examples/";
  static final String LIST = EX + "GET_v2_incidents.200.json";
  static final String SHOW = EX + "GET_v2_incidents_id.200.json";
  static final String CSV = DOC + "incident-io/incidents.csv";

  final IncidentIoJsonImporter json = new IncidentIoJsonImporter();
  final IncidentIoCsvImporter csv = new IncidentIoCsvImporter();

  @TempDir Path tmp;

  @Test
  void listGolden() {
    ImporterHarness.Result r = ImporterHarness.parse(json, LIST);
    ImporterHarness.assertGolden(r, "incidents/incident-io-list");
    assertCounts(r, 1, 0);
    Incident i = byRef(r, "INC-123");
    assertEquals("incident/incident-io/01FDAG4SAP5TYPT98WGR2N7W91", i.key());
    assertEquals("Our database is sad", i.title());
    assertEquals("Our database is really really sad, and we don't know why yet.", i.description());
    // "Impact started" is the onset; created_at is the same instant, so no separate detection
    assertEquals(Instant.parse("2021-08-17T13:28:57.801578Z"), i.startedAt());
    assertNull(i.detectedAt());
    assertNull(i.resolvedAt());
    assertTrue(i.provenance().notes().contains("onset from the timestamp 'Impact started'"));
    // status is the category (names are per account); the name is kept as a label
    assertEquals("triage", i.status());
    assertTrue(i.labels().contains("status:Closed"));
    assertTrue(i.labels().contains("type:Production Outage"));
    assertEquals("Minor", i.severity());
    assertEquals("https://app.incident.io/incidents/123", i.url());
    // the only custom field is "Affected Team": no service is invented from it
    assertEquals(List.of(), i.services());
  }

  @Test
  void showGiveTheSameRecord() {
    ImporterHarness.Result list = ImporterHarness.parse(json, LIST);
    ImporterHarness.Result show = ImporterHarness.parse(json, SHOW);
    ImporterHarness.assertGolden(show, "incidents/incident-io-show");
    assertCounts(show, 1, 0);
    Incident a = IncidentTests.incidents(list).get(0);
    Incident b = IncidentTests.incidents(show).get(0);
    assertEquals(a.key(), b.key());
    assertEquals(a.title(), b.title());
    assertEquals(a.startedAt(), b.startedAt());
  }

  @Test
  void detectionPicksIncidentsAndNotTheOtherExamples() throws Exception {
    ImporterHarness.assertDetected(ImporterRegistry.standard(), LIST, "incident-io-json");
    ImporterHarness.assertDetected(ImporterRegistry.standard(), SHOW, "incident-io-json");
    for (String other :
        List.of(
            "GET_v1_incident_statuses.200.json",
            "GET_v1_severities.200.json",
            "GET_v2_custom_fields.200.json",
            "GET_v2_incident_timestamps.200.json",
            "GET_v2_incident_updates.200.json")) {
      IncidentTests.assertNotOurs(EX + other);
    }
  }

  @Test
  void lifecycleTimesServicesAndBadRecord() throws Exception {
    // Built from the documented shapes (FORMATS.md section 6): names matched without case.
    String text =
        "{\"incidents\": [\n"
            + "{\"id\": \"01A\", \"reference\": \"INC-1\", \"name\": \"a\",\n"
            + " \"incident_status\": {\"name\": \"Resolved\", \"category\": \"closed\"},\n"
            + " \"created_at\": \"2024-03-01T10:10:00Z\",\n"
            + " \"incident_timestamp_values\": [\n"
            + "  {\"incident_timestamp\": {\"name\": \"IMPACT STARTED\"}, \"value\": {\"value\": \"2024-03-01T09:58:00Z\"}},\n"
            + "  {\"incident_timestamp\": {\"name\": \"Reported at\"}, \"value\": {\"value\": \"2024-03-01T10:05:00Z\"}},\n"
            + "  {\"incident_timestamp\": {\"name\": \"Resolved at\"}, \"value\": {\"value\": \"2024-03-01T11:00:00Z\"}},\n"
            + "  {\"incident_timestamp\": {\"name\": \"Fixed at\"}}],\n"
            + " \"custom_field_entries\": [\n"
            + "  {\"custom_field\": {\"name\": \"Affected services\", \"field_type\": \"multi_select\"},\n"
            + "   \"values\": [{\"value_catalog_entry\": {\"id\": \"c1\", \"name\": \"Checkout API\"}},\n"
            + "              {\"value_option\": {\"id\": \"o1\", \"value\": \"Payments\"}}]},\n"
            + "  {\"custom_field\": {\"name\": \"Environment\"}, \"values\": [{\"value_text\": \"prod\"}]}]},\n"
            + "{\"id\": \"01B\", \"reference\": \"INC-2\", \"name\": \"b\", \"created_at\": \"not a time\"},\n"
            + "{\"id\": \"01C\", \"reference\": \"INC-3\", \"name\": \"c\", \"created_at\": \"2024-03-02T10:00:00Z\",\n"
            + " \"incident_timestamp_values\": [{\"incident_timestamp\": {\"name\": \"Closed at\"}, \"value\": {\"value\": \"2024-03-02T12:00:00Z\"}}]}\n"
            + "]}";
    ImporterHarness.Result r = IncidentTests.parseText(json, tmp, "io.json", text);
    assertCounts(r, 2, 1);
    Incident a = byRef(r, "INC-1");
    assertEquals(Instant.parse("2024-03-01T09:58:00Z"), a.startedAt());
    assertEquals(Instant.parse("2024-03-01T10:05:00Z"), a.detectedAt());
    assertEquals(Instant.parse("2024-03-01T11:00:00Z"), a.resolvedAt());
    assertEquals(List.of("Checkout API", "Payments"), a.services());
    assertEquals("production", a.environment());
    assertEquals("closed", a.status());
    assertRejected(r, 15, "created_at", "not a time");
    Incident c = byRef(r, "INC-3");
    assertEquals(Instant.parse("2024-03-02T12:00:00Z"), c.resolvedAt());
    assertTrue(
        c.provenance()
            .notes()
            .contains("resolved time from the 'closed' timestamp (no 'resolved' timestamp)"));
  }

  @Test
  void jsonIdempotent() throws Exception {
    IncidentTests.assertIdempotent(json, LIST);
    IncidentTests.assertKeysIndependentOfPath(json, LIST, tmp);
  }

  @Test
  void truncatedJsonIsOneRejection() throws Exception {
    String cut = IncidentTests.cut(LIST, 0.5, java.nio.charset.StandardCharsets.UTF_8);
    ImporterHarness.Result r = IncidentTests.parseText(json, tmp, "cut.json", cut);
    assertCounts(r, 0, 1);
    assertTrue(r.rejections().get(0).reason().contains("could not be read"));
  }

  @Test
  void csvGolden() {
    ImporterHarness.Result r = ImporterHarness.parse(csv, CSV);
    ImporterHarness.assertGolden(r, "incidents/incident-io-csv");
    assertCounts(r, 2, 1);
    Incident a = byRef(r, "INC-311");
    assertEquals("incident/incident-io/01HR8Z6W1M3Q7Y2K4N5P6R7S8T", a.key());
    assertEquals(Instant.parse("2024-03-12T14:03:00Z"), a.startedAt());
    assertEquals(Instant.parse("2024-03-12T14:09:30Z"), a.detectedAt());
    assertEquals(Instant.parse("2024-03-12T15:20:00Z"), a.resolvedAt());
    assertEquals(List.of("Checkout API", "Payment Gateway"), a.services());
    assertEquals("closed", a.status());
    assertTrue(a.labels().contains("status:Closed"));
    Incident b = byRef(r, "INC-312");
    assertEquals(Instant.parse("2024-03-13T08:00:00Z"), b.startedAt());
    assertEquals(Instant.parse("2024-03-15T10:00:00Z"), b.resolvedAt());
    assertEquals("production", b.environment());
    assertRejected(r, 4, "Reported at", "2024-03-99");
  }

  @Test
  void csvDetectionAndIdempotence() throws Exception {
    ImporterHarness.assertDetected(ImporterRegistry.standard(), CSV, "incident-io-csv");
    IncidentTests.assertIdempotent(csv, CSV);
    IncidentTests.assertKeysIndependentOfPath(csv, CSV, tmp);
  }
}
