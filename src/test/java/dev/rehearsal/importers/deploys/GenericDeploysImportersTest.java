package dev.rehearsal.importers.deploys;

import static dev.rehearsal.importers.deploys.DeployTests.DOC;
import static dev.rehearsal.importers.deploys.DeployTests.assertCounts;
import static dev.rehearsal.importers.deploys.DeployTests.deploy;
import static dev.rehearsal.importers.deploys.DeployTests.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.importers.FileSource;
import dev.rehearsal.importers.ImportContext;
import dev.rehearsal.importers.ImporterHarness;
import dev.rehearsal.importers.ImporterRegistry;
import dev.rehearsal.model.Deploy;
import dev.rehearsal.model.DeployStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rehearsal's own deploy CSV and JSON Lines (docs/formats/deploys.md). */
class GenericDeploysImportersTest {
  private final GenericDeploysCsvImporter csv = new GenericDeploysCsvImporter();
  private final GenericDeploysJsonlImporter jsonl = new GenericDeploysJsonlImporter();

  @TempDir Path dir;

  @Test
  void csvRowsImportAndBadRowsAreRejectedWithTheirLine() {
    var r = parse(csv, DOC + "generic/deploys.csv");
    ImporterHarness.assertGolden(r, "deploys/generic-csv");
    assertCounts(r, 4, 2);
    Deploy d = deploy(r, "dep-1001");
    assertEquals("Checkout API", d.service(), "kept raw");
    assertEquals(Instant.parse("2024-06-10T14:01:00Z"), d.startedAt());
    assertEquals(Instant.parse("2024-06-10T14:05:00Z"), d.finishedAt());
    assertTrue(d.identifiers().contains("pr:812"));
    assertEquals("production", deploy(r, "dep-1003").environment(), "prod");
    assertEquals(Instant.parse("2024-06-11T07:00:00Z"), deploy(r, "dep-1003").finishedAt());
    var noTime = DeployTests.rejection(r, 3);
    assertEquals(5, noTime.line());
    assertEquals("no 'time'", noTime.reason());
    var rollback = DeployTests.rejection(r, 4);
    assertEquals(6, rollback.line());
    assertTrue(rollback.reason().contains("'rollback' is 'maybe'"));
    assertTrue(deploy(r, "dep-1006").rollback());
  }

  @Test
  void idIsDerivedFromServiceEnvironmentVersionAndTimeWhenAbsent() {
    var r = parse(csv, DOC + "generic/deploys.csv");
    Deploy noId = (Deploy) r.records().get(1);
    assertEquals(16, noId.sourceId().length());
    assertTrue(
        noId.provenance().notes().stream().anyMatch(n -> n.startsWith("time without zone")),
        "2024-06-10 13:20:00 has no zone");
    // the JSON Lines copy of the same deploy gets the same id: it does not hang on the file
    var j = parse(jsonl, DOC + "generic/deploys.jsonl");
    assertEquals(noId.key(), j.records().get(1).key());
  }

  @Test
  void jsonLinesWithAnInvalidLineInTheMiddle() {
    var r = parse(jsonl, DOC + "generic/deploys.jsonl");
    ImporterHarness.assertGolden(r, "deploys/generic-jsonl");
    assertCounts(r, 3, 1);
    var bad = DeployTests.rejection(r, 2);
    assertEquals(3, bad.line());
    assertTrue(bad.reason().startsWith("the line is not valid JSON"), bad.reason());
    Deploy running = (Deploy) r.records().get(2);
    assertEquals(DeployStatus.IN_PROGRESS, running.status());
    assertEquals(Instant.parse("2024-06-12T08:00:00Z"), running.startedAt());
    assertTrue(running.rollback());
    assertEquals(deploy(r, "dep-1001").key(), "deploy/generic/dep-1001");
  }

  @Test
  void ambiguousNumericDatesAreRejectedUntilTheOrderIsSet() throws Exception {
    Path f = dir.resolve("deploys.csv");
    Files.writeString(
        f,
        "time,service,environment,version,status\n"
            + "03/04/2024 10:00,checkout,production,1.0,success\n"
            + "05/06/2024 10:00,checkout,production,1.1,success\n",
        StandardCharsets.UTF_8);
    var r = ImporterHarness.parse(csv, new FileSource(f), ImportContext.defaults());
    assertCounts(r, 0, 2);
    assertTrue(r.warnings().get(0).contains("set the date order"), r.warnings().toString());
    Files.writeString(
        f,
        "time,service,environment,version,status\n"
            + "03/04/2024 10:00,checkout,production,1.0,success\n"
            + "25/06/2024 10:00,checkout,production,1.1,success\n",
        StandardCharsets.UTF_8);
    var decided = ImporterHarness.parse(csv, new FileSource(f), ImportContext.defaults());
    assertCounts(decided, 2, 0);
    assertEquals(
        Instant.parse("2024-04-03T10:00:00Z"),
        ((Deploy) decided.records().get(0)).finishedAt(),
        "day first, decided by 25/06");
    assertNotEquals(decided.records().get(0).sourceId(), decided.records().get(1).sourceId());
  }

  @Test
  void invisibleCharactersNeverReachIdsOrNames() throws Exception {
    Path f = dir.resolve("deploys.jsonl");
    Files.writeString(
        f,
        "{\"time\": \"2024-06-10T14:05:00Z\", \"service\": \"check\u200Bout\\u0000\","
            + " \"environment\": \"\uFEFFproduction\", \"version\": \"v1\", \"status\": \"ok\","
            + " \"id\": \"dep\u200D-1\", \"description\": \"line one\\r\\nline two\\u0007\"}\n",
        StandardCharsets.UTF_8);
    var r = ImporterHarness.parse(jsonl, new FileSource(f), ImportContext.defaults());
    assertCounts(r, 1, 0);
    Deploy d = (Deploy) r.records().get(0);
    assertEquals("checkout", d.service());
    assertEquals("production", d.rawEnvironment());
    assertEquals("deploy/generic/dep-1", d.key());
    assertEquals("line one\nline two", d.description());
  }

  @Test
  void detection() {
    ImporterRegistry reg = ImporterRegistry.standard();
    ImporterHarness.assertDetected(reg, DOC + "generic/deploys.csv", GenericDeploysCsvImporter.ID);
    ImporterHarness.assertDetected(
        reg, DOC + "generic/deploys.jsonl", GenericDeploysJsonlImporter.ID);
  }
}
