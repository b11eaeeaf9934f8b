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
import dev.rehearsal.model.Rejection;
import dev.rehearsal.settings.DateOrder;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jira: the real French CSV export (fixtures/jira-csv-export-fr/JIRA.csv, 516 issues, 103 columns),
 * CSV samples in four languages built on that file's layout with the Created/Resolved columns it
 * lacks, and the REST API search response (Jira Cloud REST API v2, "Search for issues using JQL",
 * {@code GET /rest/api/2/search}; see fixtures/incidents-documented/README.md).
 */
class JiraImportersTest {
  static final String REAL = "fixtures/jira-csv-export-fr/JIRA.csv";
  static final String FR = DOC + "jira/issues-fr.csv";
  static final String EN = DOC + "jira/issues-en.csv";
  static final String DE = DOC + "jira/issues-de.csv";
  static final String ES = DOC + "jira/issues-es.csv";
  static final String AMBIGUOUS = DOC + "jira/ambiguous-dates.csv";
  static final String SEARCH = DOC + "jira/search.json";

  final JiraCsvImporter csv = new JiraCsvImporter();
  final JiraJsonImporter json = new JiraJsonImporter();

  @TempDir Path tmp;

  // ------------------------------------------------------------------ the real French export

  @Test
  void realFrenchExportHasNoCreationTimeSoIssuesArePlacedAtTheirEarliestActivity() {
    ImporterHarness.Result r = ImporterHarness.parse(csv, REAL);
    ImporterHarness.assertGolden(r, "incidents/jira-csv-real-fr");
    // 516 issues read through 895 multi-line cells, duplicate and blank headers: every row is
    // seen once. The file has no Création column, so an issue is placed at its earliest dated
    // activity (first response, comment dates like "10/oct./16 11:54 AM"); the 182 issues
    // without any are rejected, each with its line.
    assertCounts(r, 334, 182);
    assertEquals(1, r.warnings().size());
    assertTrue(r.warnings().get(0).contains("no creation time column"));
    assertTrue(r.warnings().get(0).contains("earliest dated activity"));
    Incident first = byRef(r, "CNED-1");
    // first response 2016-10-10 11:54:44.723, first comment 10/oct./16 11:54 AM: the earlier
    assertEquals(Instant.parse("2016-10-10T11:54:00Z"), first.startedAt());
    assertTrue(
        first.provenance().notes().stream()
            .anyMatch(n -> n.contains("onset is its earliest comment")),
        first.provenance().notes().toString());
    assertTrue(first.provenance().notes().contains("time without zone, read as UTC"));
    Rejection rejected = r.rejections().get(0);
    assertEquals(5, rejected.line());
    assertEquals(3, rejected.index());
    assertTrue(rejected.reason().contains("the file has no 'Created' column"));
    assertTrue(rejected.reason().contains("no dated first response or comment"));
    // line numbers follow the multi-line cells: strictly increasing, last row far below 517
    long previous = 0;
    for (Rejection x : r.rejections()) {
      assertTrue(x.line() > previous, "line " + x.line() + " after " + previous);
      previous = x.line();
    }
    assertTrue(previous > 2000, "the last rejected row starts on line " + previous);
  }

  @Test
  void realFrenchExportColumnsResolve() throws Exception {
    try (var t =
        dev.rehearsal.importers.support.CsvTable.scan(
            new dev.rehearsal.importers.FileSource(ImporterHarness.resource(REAL)))) {
      Headers h = Headers.resolve(t.header(), JiraCsvImporter.TABLE);
      assertEquals("Issue key", h.column("key"));
      assertEquals("Issue id", h.column("id"));
      assertEquals("resume", h.column("summary")); // Résumé, lower-cased upstream
      assertEquals("Descriptif", h.column("description"));
      assertEquals("Etat", h.column("status"));
      assertEquals("Priorité", h.column("priority"));
      assertEquals("Type de demande", h.column("type"));
      assertEquals("Étiquettes", h.column("labels"));
      assertEquals("Environnement", h.column("environment"));
      assertNull(h.column("created"));
      assertNull(h.column("resolved"));
      assertEquals(103, t.header().length);
    }
  }

  @Test
  void realFrenchExportDetected() {
    ImporterHarness.assertDetected(ImporterRegistry.standard(), REAL, "jira-csv");
  }

  // ------------------------------------------------------------------ samples in four languages

  @Test
  void frenchGolden() {
    ImporterHarness.Result r = ImporterHarness.parse(csv, FR);
    ImporterHarness.assertGolden(r, "incidents/jira-csv-fr");
    assertCounts(r, 3, 2);
    Incident ops = byRef(r, "OPS-101");
    assertEquals("incident/jira/21001", ops.key());
    assertEquals("Panne du paiement en production", ops.title());
    // Custom field (Début de l'incident) is the onset; Création the detection
    assertEquals(Instant.parse("2016-10-10T11:40:00Z"), ops.startedAt());
    assertEquals(Instant.parse("2016-10-10T11:54:00Z"), ops.detectedAt());
    assertEquals(Instant.parse("2016-10-10T14:05:00Z"), ops.resolvedAt());
    assertTrue(ops.provenance().notes().contains("time without zone, read as UTC"));
    assertEquals(List.of("Paiement", "API Commandes"), ops.services());
    assertTrue(
        ops.labels()
            .containsAll(List.of("incident", "prod", "type:Incident", "resolution:Terminé")));
    assertEquals("Bloquant", ops.severity());
    assertEquals("Résolu", ops.status());
    assertEquals("production", ops.environment());
    assertTrue(ops.description().contains("1\u00a0200 commandes"));
    Incident search = byRef(r, "OPS-102");
    assertEquals(Instant.parse("2015-08-06T12:00:00Z"), search.startedAt()); // août
    assertTrue(search.labels().contains("environment:Recette"));
    Incident export = byRef(r, "OPS-105");
    assertEquals(Instant.parse("2016-12-15T21:15:00Z"), export.startedAt()); // déc., 9:15 PM
    assertEquals(Instant.parse("2017-02-02T08:00:00Z"), export.resolvedAt()); // févr.
    assertRejected(r, 7, "Création", "32/oct./16 9:00 AM");
    assertRejected(r, 8, "no 'Création' time");
  }

  @Test
  void frenchTimesInTheUsersZone() {
    ImportContext ctx =
        ImportContext.defaults()
            .withOptions(ImportOptions.defaults().withNaiveZone(ZoneId.of("Europe/Paris")));
    ImporterHarness.Result r = ImporterHarness.parse(csv, FR, ctx);
    assertEquals(Instant.parse("2016-10-10T09:40:00Z"), byRef(r, "OPS-101").startedAt());
    assertTrue(
        byRef(r, "OPS-101")
            .provenance()
            .notes()
            .contains("time without zone, read as Europe/Paris"));
  }

  @Test
  void englishGolden() {
    ImporterHarness.Result r = ImporterHarness.parse(csv, EN);
    ImporterHarness.assertGolden(r, "incidents/jira-csv-en");
    assertCounts(r, 2, 0);
    Incident inc = byRef(r, "INC-7");
    assertEquals(Instant.parse("2024-03-04T22:14:00Z"), inc.startedAt());
    assertEquals(Instant.parse("2024-03-04T22:20:00Z"), inc.detectedAt());
    assertEquals(Instant.parse("2024-03-04T23:40:00Z"), inc.resolvedAt());
    assertEquals("Sev-1", inc.severity());
    assertTrue(inc.labels().contains("priority:Highest"));
    assertEquals(
        "Full table scan on orders: staging holds 20k rows, production 40M.", inc.postmortem());
    assertEquals(List.of("Checkout API", "Orders DB"), inc.services());
    assertEquals("production", inc.environment());
    assertEquals("staging", byRef(r, "INC-8").environment());
  }

  @Test
  void germanAndSpanish() {
    ImporterHarness.Result de = ImporterHarness.parse(csv, DE);
    ImporterHarness.assertGolden(de, "incidents/jira-csv-de");
    assertCounts(de, 2, 0);
    Incident z = byRef(de, "STOER-12");
    assertEquals(Instant.parse("2024-03-04T22:15:00Z"), z.startedAt()); // Mär
    assertEquals(Instant.parse("2024-03-05T01:00:00Z"), z.resolvedAt());
    assertEquals(List.of("Zahlungsdienst"), z.services());
    assertEquals("Höchste", z.severity());
    assertEquals(Instant.parse("2024-05-05T08:30:00Z"), byRef(de, "STOER-13").startedAt());
    ImporterHarness.Result es = ImporterHarness.parse(csv, ES);
    ImporterHarness.assertGolden(es, "incidents/jira-csv-es");
    assertCounts(es, 3, 0);
    assertEquals(Instant.parse("2024-01-15T09:05:00Z"), byRef(es, "INC-21").startedAt());
    assertEquals(List.of("Pagos", "API Pedidos"), byRef(es, "INC-21").services());
    assertEquals(Instant.parse("2024-08-20T18:45:00Z"), byRef(es, "INC-22").startedAt());
    assertEquals(Instant.parse("2024-12-03T23:00:00Z"), byRef(es, "INC-23").startedAt());
    for (String res : List.of(FR, EN, DE, ES)) {
      ImporterHarness.assertDetected(ImporterRegistry.standard(), res, "jira-csv");
    }
  }

  @Test
  void ambiguousNumericDatesAreRejectedNotGuessed() {
    ImporterHarness.Result r = ImporterHarness.parse(csv, AMBIGUOUS);
    ImporterHarness.assertGolden(r, "incidents/jira-csv-ambiguous");
    assertCounts(r, 1, 2);
    assertRejected(r, 2, "04/03/2024 10:15", "set the date order");
    assertRejected(r, 3, "05/06/2024 09:00", "set the date order");
    assertTrue(r.warnings().get(0).contains("could be read as day/month or month/day"));
    // with the order stated, every row imports
    ImportContext dmy =
        ImportContext.defaults().withOptions(ImportOptions.defaults().withDateOrder(DateOrder.DMY));
    ImporterHarness.Result d = ImporterHarness.parse(csv, AMBIGUOUS, dmy);
    assertCounts(d, 3, 0);
    assertEquals(Instant.parse("2024-03-04T10:15:00Z"), byRef(d, "AMB-1").startedAt());
  }

  @Test
  void oneUnambiguousDateDecidesTheWholeFile() throws Exception {
    String text =
        "Summary,Issue key,Issue id,Status,Created\n"
            + "a,X-1,1,Open,04/03/2024 10:15\n"
            + "b,X-2,2,Open,13/03/2024 09:00\n";
    ImporterHarness.Result r = IncidentTests.parseText(csv, tmp, "dmy.csv", text);
    assertCounts(r, 2, 0);
    assertEquals(Instant.parse("2024-03-04T10:15:00Z"), byRef(r, "X-1").startedAt());
    assertTrue(r.warnings().get(0).contains("day first (DMY)"));
  }

  @Test
  void csvIdempotent() throws Exception {
    IncidentTests.assertIdempotent(csv, FR);
    IncidentTests.assertKeysIndependentOfPath(csv, FR, tmp);
  }

  // ------------------------------------------------------------------ REST API JSON

  @Test
  void searchGolden() {
    ImporterHarness.Result r = ImporterHarness.parse(json, SEARCH);
    ImporterHarness.assertGolden(r, "incidents/jira-json");
    assertCounts(r, 2, 1);
    Incident ops = byRef(r, "OPS-231");
    assertEquals("incident/jira/10231", ops.key());
    // "names" says customfield_10050 is "Incident start"
    assertEquals(Instant.parse("2024-03-04T22:14:00Z"), ops.startedAt());
    assertEquals(Instant.parse("2024-03-04T22:20:11Z"), ops.detectedAt());
    assertEquals(Instant.parse("2024-03-04T23:40:00Z"), ops.resolvedAt());
    assertEquals("Sev-1", ops.severity());
    assertEquals(List.of("Payments", "Checkout API", "Orders DB"), ops.services());
    assertEquals("Full table scan: staging holds 20k orders, production 40M.", ops.postmortem());
    assertEquals(
        "Order history query times out on the orders table.\nStarted right after the " + "deploy.",
        ops.description());
    assertEquals("https://acme.atlassian.net/browse/OPS-231", ops.url());
    assertEquals("production", ops.environment());
    assertTrue(
        ops.labels()
            .containsAll(
                List.of(
                    "escape",
                    "staging-passed",
                    "type:Incident",
                    "resolution:Done",
                    "priority:Highest")));
    assertRejected(r, 31, "created", "2024-03-32");
    Incident adf = byRef(r, "OPS-233");
    assertEquals("The indexer stopped at 02:00.\nQueue depth grew to 1M.", adf.description());
    assertEquals("Medium", adf.severity());
  }

  @Test
  void searchDetectionAndIdempotence() throws Exception {
    ImporterHarness.assertDetected(ImporterRegistry.standard(), SEARCH, "jira-json");
    IncidentTests.assertIdempotent(json, SEARCH);
    IncidentTests.assertKeysIndependentOfPath(json, SEARCH, tmp);
  }

  @Test
  void csvAndJsonOfTheSameIssueShareTheKey() throws Exception {
    String text =
        "Summary,Issue key,Issue id,Status,Created\n"
            + "Checkout returns 500,OPS-231,10231,Resolved,04/Mar/24 11:20 PM\n";
    ImporterHarness.Result c = IncidentTests.parseText(csv, tmp, "one.csv", text);
    ImporterHarness.Result j = ImporterHarness.parse(json, SEARCH);
    assertEquals(byRef(j, "OPS-231").key(), byRef(c, "OPS-231").key());
  }

  @Test
  void truncatedSearchKeepsWhatCameBefore() throws Exception {
    String text = IncidentTests.read(SEARCH);
    String cut = text.substring(0, text.indexOf("Search results stale"));
    ImporterHarness.Result r = IncidentTests.parseText(json, tmp, "cut.json", cut);
    assertCounts(r, 1, 2);
    assertTrue(r.rejections().get(1).reason().startsWith("the rest of the file"));
    // without the "names" (cut off), the custom onset is not known: creation time is used
    assertEquals(Instant.parse("2024-03-04T22:20:11Z"), byRef(r, "OPS-231").startedAt());
  }
}
