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
 * FireHydrant and Rootly API JSON. No real sample exists for either: the inputs follow
 * shared/FORMATS.md section 8 (FireHydrant IncidentEntity, from firehydrant/api-client-go) and
 * section 9 (Rootly API v1 JSON:API, from Rootly's published OpenAPI document).
 */
class FireHydrantRootlyImportersTest {
  static final String FH = DOC + "firehydrant/incidents.json";
  static final String ROOTLY = DOC + "rootly/incidents.json";
  static final String ROOTLY_ONE = DOC + "rootly/incident-single.json";

  final FireHydrantJsonImporter fireHydrant = new FireHydrantJsonImporter();
  final RootlyJsonImporter rootly = new RootlyJsonImporter();

  @TempDir Path tmp;

  @Test
  void fireHydrantGolden() {
    ImporterHarness.Result r = ImporterHarness.parse(fireHydrant, FH);
    ImporterHarness.assertGolden(r, "incidents/firehydrant");
    assertCounts(r, 2, 1);
    Incident sso = byRef(r, "87");
    assertEquals("incident/firehydrant/3f2504e0-4f89-41d3-9a0c-0305e82c3301", sso.key());
    assertEquals(Instant.parse("2024-03-15T07:40:00Z"), sso.startedAt());
    assertEquals(Instant.parse("2024-03-15T07:52:13Z"), sso.detectedAt());
    assertEquals(Instant.parse("2024-03-15T08:20:00Z"), sso.resolvedAt());
    assertEquals(List.of("Auth Service"), sso.services());
    assertEquals("production", sso.environment());
    assertEquals("SEV1", sso.severity());
    assertEquals("postmortem_started", sso.status());
    assertTrue(sso.description().contains("IdP metadata URL differs"));
    assertTrue(sso.description().contains("Customer impact: Enterprise customers"));
    assertTrue(
        sso.labels()
            .containsAll(
                List.of(
                    "sso", "config", "region:eu-west-1", "priority:P1", "functionality:Login")));
    Incident media = byRef(r, "88");
    assertEquals(Instant.parse("2024-03-16T12:00:00Z"), media.startedAt());
    assertNull(media.detectedAt());
    assertEquals(Instant.parse("2024-03-16T13:30:00Z"), media.resolvedAt());
    assertEquals(List.of("Media", "CDN"), media.services());
    assertRejected(r, 56, "no 'started_at' or 'created_at' time");
  }

  @Test
  void fireHydrantDetectionAndIdempotence() throws Exception {
    ImporterHarness.assertDetected(ImporterRegistry.standard(), FH, "firehydrant-json");
    IncidentTests.assertIdempotent(fireHydrant, FH);
    IncidentTests.assertKeysIndependentOfPath(fireHydrant, FH, tmp);
  }

  @Test
  void fireHydrantBareEntity() throws Exception {
    String text =
        "{\"id\": \"fh-1\", \"number\": 5, \"name\": \"x\", \"current_milestone\": "
            + "\"started\", \"incident_url\": \"https://app.firehydrant.io/incidents/fh-1\","
            + " \"created_at\": \"2024-01-01T00:00:00Z\", \"started_at\": null}";
    ImporterHarness.Result r = IncidentTests.parseText(fireHydrant, tmp, "one.json", text);
    assertCounts(r, 1, 0);
    assertEquals("fh-1", r.records().get(0).sourceId());
  }

  @Test
  void rootlyGolden() {
    ImporterHarness.Result r = ImporterHarness.parse(rootly, ROOTLY);
    ImporterHarness.assertGolden(r, "incidents/rootly");
    assertCounts(r, 2, 1);
    Incident gw = byRef(r, "1042");
    assertEquals("incident/rootly/c0a8012e-0000-4000-8000-000000000101", gw.key());
    assertEquals(Instant.parse("2024-03-18T16:58:00Z"), gw.startedAt());
    assertEquals(Instant.parse("2024-03-18T17:01:00Z"), gw.detectedAt());
    assertEquals(Instant.parse("2024-03-18T17:45:00Z"), gw.resolvedAt());
    assertEquals("SEV1", gw.severity());
    assertEquals(List.of("API Gateway"), gw.services());
    assertEquals("production", gw.environment());
    assertEquals(
        "Mitigation: Rolled back gateway to v2.14.\n\nResolution: Connection pool size "
            + "was 10 in production config, 100 in staging.",
        gw.postmortem());
    assertTrue(gw.labels().containsAll(List.of("type:Availability", "platform:k8s")));
    Incident test = byRef(r, "1043");
    assertEquals(Instant.parse("2024-03-19T08:00:00Z"), test.startedAt());
    assertTrue(test.labels().contains("kind:test"));
    assertEquals("", test.severity());
    assertRejected(r, 55, "started_at", "20.03.2024 25:61");
  }

  @Test
  void rootlySingleResourceWithRelationships() {
    // A JSON:API single-resource document: its "relationships" hold "data" lists that must not
    // be taken for the record list.
    ImporterHarness.Result r = ImporterHarness.parse(rootly, ROOTLY_ONE);
    ImporterHarness.assertGolden(r, "incidents/rootly-single");
    assertCounts(r, 1, 0);
    Incident gw = byRef(r, "1042");
    assertEquals("c0a8012e-0000-4000-8000-000000000101", gw.sourceId());
    assertEquals(2, gw.provenance().line());
    ImporterHarness.assertDetected(ImporterRegistry.standard(), ROOTLY_ONE, "rootly-json");
  }

  @Test
  void rootlyDetectionAndIdempotence() throws Exception {
    ImporterHarness.assertDetected(ImporterRegistry.standard(), ROOTLY, "rootly-json");
    IncidentTests.assertIdempotent(rootly, ROOTLY);
    IncidentTests.assertKeysIndependentOfPath(rootly, ROOTLY, tmp);
  }

  @Test
  void rootlyTruncatedKeepsWhatCameBefore() throws Exception {
    String text = IncidentTests.read(ROOTLY);
    String cut = text.substring(0, text.indexOf("Test incident from the tutorial"));
    ImporterHarness.Result r = IncidentTests.parseText(rootly, tmp, "cut.json", cut);
    assertCounts(r, 1, 1);
    assertTrue(r.rejections().get(0).reason().startsWith("the rest of the file"));
  }
}
