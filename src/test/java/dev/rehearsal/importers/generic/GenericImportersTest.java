package dev.rehearsal.importers.generic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.importers.ColumnMapping;
import dev.rehearsal.importers.FileSource;
import dev.rehearsal.importers.ImportContext;
import dev.rehearsal.importers.ImportOptions;
import dev.rehearsal.importers.ImporterHarness;
import dev.rehearsal.importers.TargetHints;
import dev.rehearsal.model.Deploy;
import dev.rehearsal.model.DeployStatus;
import dev.rehearsal.model.EnvironmentFact;
import dev.rehearsal.model.FactType;
import dev.rehearsal.model.Incident;
import dev.rehearsal.model.Rejection;
import dev.rehearsal.model.RunOutcome;
import dev.rehearsal.model.RunType;
import dev.rehearsal.model.StagingRun;
import dev.rehearsal.util.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generic importers with saved column mappings (docs/formats/generic.md). Real files: the
 * French Jira CSV export (fixtures/jira-csv-export-fr) read as incidents, and GitHub's deployment
 * list example (fixtures/github-rest-openapi) read as deploys. Written samples in
 * fixtures/generic-samples follow docs/formats/generic.md.
 */
class GenericImportersTest {
  static final String MAPPINGS = "fixtures/generic-samples/mappings/";

  @TempDir Path tmp;

  /** A mapping file as the workspace saves it. */
  static ColumnMapping mapping(String file) {
    try {
      return Json.mapper()
          .readValue(ImporterHarness.resource(MAPPINGS + file).toFile(), ColumnMapping.class);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  static ImportContext ctx(ColumnMapping m, String chosen) {
    return ImportContext.defaults()
        .withMappings(Map.of(m.name(), m))
        .withOptions(ImportOptions.defaults().withFormat("generic").withMapping(chosen));
  }

  static void countsAddUp(ImporterHarness.Result r) {
    assertEquals(r.seen(), r.records().size() + r.statuses().size() + r.rejections().size());
    Set<Long> seen = new HashSet<>();
    r.records()
        .forEach(
            x ->
                assertTrue(
                    seen.add(x.provenance().index()), "index used twice: " + x.provenance()));
    r.rejections().forEach(x -> assertTrue(seen.add(x.index()), "index used twice: " + x));
  }

  // ------------------------------------------------------------------ incidents, real Jira CSV

  @Test
  void jiraCsvAsIncidentsGolden() {
    ColumnMapping m = mapping("jira-fr.json");
    var r =
        ImporterHarness.parse(
            new GenericCsvImporter(), "fixtures/jira-csv-export-fr/JIRA.csv", ctx(m, "jira-fr"));
    ImporterHarness.assertGolden(r, "generic/jira-fr-incidents");
  }

  @Test
  void jiraCsvAsIncidents() {
    ColumnMapping m = mapping("jira-fr.json");
    var r =
        ImporterHarness.parse(
            new GenericCsvImporter(), "fixtures/jira-csv-export-fr/JIRA.csv", ctx(m, "jira-fr"));
    countsAddUp(r);
    assertEquals(516, r.seen());
    assertEquals(170, r.records().size(), "rows with a date of first response");
    assertEquals(346, r.rejections().size());
    Incident first = r.of(Incident.class).get(0);
    assertEquals("jira", first.source());
    assertEquals("11903", first.sourceId());
    assertEquals("incident/jira/11903", first.key());
    assertEquals("CNED-1", first.reference());
    assertEquals("Etape 1 : migration de Tesseract en JS", first.title());
    assertEquals("Validé", first.status());
    assertEquals("Majeur", first.severity());
    assertEquals("production", first.environment());
    assertEquals(Instant.parse("2016-10-10T11:54:44.723Z"), first.startedAt());
    assertTrue(first.provenance().notes().contains("time without zone, read as UTC"));
    assertEquals(2, first.provenance().line());
    Rejection j = r.rejections().get(0);
    assertTrue(
        j.reason()
            .equals(
                "no value in column 'Custom field ([CHART] Date of First " + "Response)' (time)"),
        j.reason());
  }

  @Test
  void mappingNamesAColumnTheFileDoesNotHave() throws Exception {
    ColumnMapping m =
        new ColumnMapping(
            "broken",
            dev.rehearsal.model.RecordKind.INCIDENT,
            Map.of("time", "Created", "title", "Summary"),
            Map.of());
    var r =
        ImporterHarness.parse(
            new GenericCsvImporter(), "fixtures/jira-csv-export-fr/JIRA.csv", ctx(m, "broken"));
    assertEquals(1, r.rejections().size());
    assertTrue(r.rejections().get(0).reason().contains("'Created' (time)"));
    assertTrue(r.records().isEmpty());
  }

  @Test
  void noMappingChosenOrUnknownName() {
    ColumnMapping m = mapping("jira-fr.json");
    var none =
        ImporterHarness.parse(
            new GenericCsvImporter(),
            "fixtures/jira-csv-export-fr/JIRA.csv",
            ImportContext.defaults().withMappings(Map.of(m.name(), m)));
    assertTrue(
        none.rejections().get(0).reason().contains("--mapping NAME (saved: jira-fr)"),
        none.rejections().toString());
    var unknown =
        ImporterHarness.parse(
            new GenericJsonImporter(),
            "fixtures/github-rest-openapi/extracted-examples/deployment-items.json",
            ctx(m, "nope"));
    assertTrue(
        unknown
            .rejections()
            .get(0)
            .reason()
            .contains("no saved column mapping is named " + "'nope'"));
  }

  // ------------------------------------------------------------------ deploys, real GitHub JSON

  @Test
  void githubDeploymentsAsDeploysGolden() {
    ColumnMapping m = mapping("github-deployments.json");
    var r =
        ImporterHarness.parse(
            new GenericJsonImporter(),
            "fixtures/github-rest-openapi/extracted-examples/deployment-items.json",
            ctx(m, "GitHub-Deployments"));
    ImporterHarness.assertGolden(r, "generic/github-deployments");
    countsAddUp(r);
    Deploy d = r.of(Deploy.class).get(0);
    assertEquals("github", d.source());
    assertEquals("1", d.sourceId());
    assertEquals("octocat/example", d.service());
    assertEquals("production", d.environment());
    assertEquals("a84d88e7554fc1fa21bcbc4efae3c782a70d2b9d", d.commitSha());
    assertEquals("topic-branch", d.ref());
    assertEquals("octocat", d.actor(), "nested path creator.login");
    assertEquals(DeployStatus.IN_PROGRESS, d.status(), "constant 'created'");
    assertEquals(Instant.parse("2012-07-20T01:19:13Z"), d.finishedAt());
    assertEquals(2, d.provenance().line());
  }

  // ------------------------------------------------------------------ runs, written JSON Lines

  @Test
  void stagingRunsFromJsonLinesGolden() {
    ColumnMapping m = mapping("staging-runs.json");
    var r =
        ImporterHarness.parse(
            new GenericJsonImporter(),
            "fixtures/generic-samples/staging-runs.jsonl",
            ctx(m, "ci-runs"));
    ImporterHarness.assertGolden(r, "generic/staging-runs");
  }

  @Test
  void stagingRunsFromJsonLines() {
    ColumnMapping m = mapping("staging-runs.json");
    var r =
        ImporterHarness.parse(
            new GenericJsonImporter(),
            "fixtures/generic-samples/staging-runs.jsonl",
            ctx(m, "ci-runs"));
    countsAddUp(r);
    List<StagingRun> runs = r.of(StagingRun.class);
    assertEquals(3, runs.size());
    StagingRun a = runs.get(0);
    assertEquals("ci-runs", a.source());
    assertEquals("r-1001", a.sourceId());
    assertEquals("checkout", a.service());
    assertEquals("staging", a.environment());
    assertEquals("2.4.0", a.version());
    assertEquals(RunType.TESTS, a.type());
    assertEquals(120, a.tests().total());
    assertEquals(116, a.tests().passed());
    assertEquals(RunOutcome.PASSED, a.outcome());
    StagingRun b = runs.get(1);
    assertEquals(RunOutcome.FAILED, b.outcome());
    assertTrue(b.provenance().notes().contains("time without zone, read as UTC"));
    StagingRun load = runs.get(2);
    assertEquals(RunType.LOAD, load.type());
    assertEquals(360_000, load.load().requests());
    assertEquals(12, load.load().failedRequests());
    assertEquals(410.5, load.load().peakRps());
    assertEquals(180, load.load().p95Ms());
    assertEquals(4, load.provenance().line());
    Rejection broken = r.rejections().get(0);
    assertEquals(3, broken.line());
    assertTrue(broken.reason().startsWith("line 3 is not valid JSON"), broken.reason());
    assertTrue(
        r.rejections().stream()
            .anyMatch(
                j -> j.line() == 5 && j.reason().startsWith("no value in column 'run.id' (id)")),
        r.rejections().toString());
    assertTrue(
        r.rejections().stream()
            .anyMatch(
                j ->
                    j.line() == 6
                        && j.reason().startsWith("no value in column 'run.started' (time)")));
    assertTrue(
        r.rejections().stream()
            .anyMatch(j -> j.line() == 7 && j.reason().contains("'chaos' is neither")));
  }

  @Test
  void hintsFillWhatTheRowsDoNotSay() throws Exception {
    Path f = tmp.resolve("runs.json");
    Files.writeString(
        f,
        "{\"data\": [{\"at\": \"2024-03-01T10:00:00Z\", \"n\": 5, \"bad\": 1}]}",
        StandardCharsets.UTF_8);
    ColumnMapping m =
        new ColumnMapping(
            "mini",
            dev.rehearsal.model.RecordKind.STAGING_RUN,
            Map.of("time", "at", "total", "n", "failed", "bad"),
            Map.of());
    var r =
        ImporterHarness.parse(
            new GenericJsonImporter(),
            new FileSource(f),
            ctx(m, "mini")
                .withHints(
                    new TargetHints("search", "uat", "7.1.0", "ABC123", null, "import options")));
    StagingRun run = r.of(StagingRun.class).get(0);
    assertEquals("search", run.service());
    assertEquals("staging", run.environment());
    assertEquals("7.1.0", run.version());
    assertEquals("abc123", run.commitSha());
    assertEquals(1, run.tests().failed());
    assertTrue(run.provenance().notes().stream().anyMatch(n -> n.contains("digest")));
    String id1 = run.sourceId();
    var again =
        ImporterHarness.parse(
            new GenericJsonImporter(),
            new FileSource(f),
            ctx(m, "mini")
                .withHints(
                    new TargetHints("search", "uat", "7.1.0", "ABC123", null, "import options")));
    assertEquals(id1, again.of(StagingRun.class).get(0).sourceId(), "stable derived id");
  }

  // ------------------------------------------------------------------ facts, written CSV

  @Test
  void environmentFactsFromCsvGolden() {
    ColumnMapping m = mapping("environment-facts.json");
    var r =
        ImporterHarness.parse(
            new GenericCsvImporter(),
            "fixtures/generic-samples/environment-facts.csv",
            ctx(m, "facts-sheet"));
    ImporterHarness.assertGolden(r, "generic/environment-facts");
  }

  @Test
  void environmentFactsFromCsv() {
    ColumnMapping m = mapping("environment-facts.json");
    var r =
        ImporterHarness.parse(
            new GenericCsvImporter(),
            "fixtures/generic-samples/environment-facts.csv",
            ctx(m, "facts-sheet"));
    countsAddUp(r);
    List<EnvironmentFact> f = r.of(EnvironmentFact.class);
    assertEquals(7, f.size());
    assertEquals("10", f.get(0).value());
    assertEquals(FactType.CONFIG, f.get(0).type());
    assertEquals("staging", f.get(0).environment());
    EnvironmentFact pw = f.get(2);
    assertEquals("DB_PASSWORD", pw.subject());
    assertTrue(pw.value().startsWith("sha256:") && !pw.toString().contains("pr0d-secret"));
    assertEquals("on", f.get(3).value());
    assertEquals(FactType.FLAG, f.get(3).type());
    assertEquals(12_345_678d, f.get(4).number());
    assertEquals(FactType.DATA_VOLUME, f.get(4).type());
    assertEquals(1250.5, f.get(5).number());
    assertEquals(FactType.MOCK, f.get(6).type());
    assertEquals("stripe-mock container", f.get(6).value());
    assertEquals(3, r.rejections().size());
    assertTrue(r.rejections().get(0).reason().contains("'weather' is not a fact type"));
    assertEquals(9, r.rejections().get(0).line());
    assertTrue(r.rejections().get(1).reason().startsWith("no value in column 'Environment'"));
    assertTrue(
        r.rejections().get(2).reason().startsWith("no value in column 'Amount' " + "(number)"));
  }

  @Test
  void jsonPaths() throws Exception {
    var node =
        Json.mapper()
            .readTree(
                "{\"a\": {\"b\": [{\"n\": \"x\"}, {\"n\": \"y\"}]}, "
                    + "\"tags\": [\"p1\", \"p2\"], \"k.dotted\": 3, \"o\": {\"z\": 1}, \"nil\": null}");
    assertEquals("x", GenericJsonImporter.value(node, "a.b[0].n"));
    assertEquals("y", GenericJsonImporter.value(node, "a.b.1.n"));
    assertEquals("x, y", GenericJsonImporter.value(node, "a.b[].n"));
    assertEquals("p1, p2", GenericJsonImporter.value(node, "tags"));
    assertEquals("3", GenericJsonImporter.value(node, "k.dotted"));
    assertEquals("{\"z\":1}", GenericJsonImporter.value(node, "o"));
    assertNull(GenericJsonImporter.value(node, "nil"));
    assertNull(GenericJsonImporter.value(node, "a.missing"));
  }
}
