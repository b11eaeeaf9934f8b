package dev.rehearsal.importers.facts;

import static dev.rehearsal.importers.facts.FactTests.countsAddUp;
import static dev.rehearsal.importers.facts.FactTests.facts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.importers.FileSource;
import dev.rehearsal.importers.ImportContext;
import dev.rehearsal.importers.ImportSource;
import dev.rehearsal.importers.Importer;
import dev.rehearsal.importers.ImporterHarness;
import dev.rehearsal.model.EnvironmentFact;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Snapshots that state no time of their own (configuration files, flag exports, WireMock folders as
 * organisations keep them) are imported as of the file's modification time, each record marked as
 * assumed and the import report saying so; never rejected for the missing time.
 */
class AssumedTimeImportersTest {
  private static final Instant MODIFIED = Instant.parse("2024-05-06T07:08:09Z");

  @TempDir Path tmp;

  /** A file written under tmp with a known modification time, named by its relative path. */
  private ImportSource file(String relative, String content) throws Exception {
    Path p = tmp.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content, StandardCharsets.UTF_8);
    Files.setLastModifiedTime(p, FileTime.from(MODIFIED));
    return new FileSource(p, relative);
  }

  private static ImporterHarness.Result parse(Importer importer, ImportSource source) {
    return ImporterHarness.parse(importer, source, ImportContext.defaults());
  }

  private static void assertAssumed(ImporterHarness.Result r) {
    countsAddUp(r);
    assertTrue(r.rejections().isEmpty(), r.rejections().toString());
    assertTrue(!r.records().isEmpty(), "records imported");
    for (EnvironmentFact f : facts(r)) {
      assertEquals(MODIFIED, f.asOf(), f.toString());
      assertTrue(
          f.provenance().notes().stream().anyMatch(n -> n.startsWith(Target.ASSUMED_NOTE)),
          f.provenance().notes().toString());
    }
    assertTrue(
        r.warnings().stream()
            .anyMatch(w -> w.contains("no time of its own") && w.contains(MODIFIED.toString())),
        r.warnings().toString());
  }

  @Test
  void propertiesSnapshotWithoutATimeGolden() throws Exception {
    var r =
        parse(
            new PropertiesImporter(),
            file(
                "config/orders/orders.production.properties",
                "db.pool.max_size=20\nhttp.client.timeout_ms=2500\n"));
    assertAssumed(r);
    ImporterHarness.assertGolden(r, "facts/assumed-time-properties");
  }

  @Test
  void yamlSnapshotWithoutATimeGolden() throws Exception {
    var r =
        parse(
            new YamlConfigImporter(),
            file(
                "config/catalog/catalog.staging.yml",
                "db:\n  pool:\n    max_size: 80\ncache:\n  ttl_seconds: 300\n"));
    assertAssumed(r);
    ImporterHarness.assertGolden(r, "facts/assumed-time-yaml");
  }

  @Test
  void flagExportWithoutATimeGolden() throws Exception {
    var r =
        parse(
            new FlagsJsonImporter(),
            file(
                "flags/flags.json",
                "{\"flags\": [{\"key\": \"fast-checkout\", \"environments\":"
                    + " {\"production\": true, \"staging\": false}}]}"));
    assertAssumed(r);
    ImporterHarness.assertGolden(r, "facts/assumed-time-flags");
  }

  @Test
  void wireMockFolderAsOrganisationsKeepItGolden() throws Exception {
    var r =
        parse(
            new WireMockImporter(),
            file(
                "mocks/payments/mappings/stripe-1.json",
                "{\"name\": \"Stripe POST /v1/payment_intents\", \"request\": {\"method\":"
                    + " \"POST\", \"urlPathPattern\": \"/v1/payment_intents\"}, \"response\":"
                    + " {\"status\": 200}}"));
    assertAssumed(r);
    EnvironmentFact f = facts(r).get(0);
    assertEquals("payments", f.service(), "the folder above mappings/");
    assertEquals("stripe", f.subject(), "the vendor the file name starts with");
    assertEquals("staging", f.environment(), "assumed, and said");
    ImporterHarness.assertGolden(r, "facts/assumed-time-wiremock-folder");
  }

  @Test
  void aStatedTimeWinsAndIsNotMarkedAssumed() throws Exception {
    var r =
        parse(
            new PropertiesImporter(),
            file("config/orders/orders.production.2024-03-01.properties", "a=1\n"));
    assertEquals(Instant.parse("2024-03-01T00:00:00Z"), facts(r).get(0).asOf());
    assertTrue(
        facts(r).get(0).provenance().notes().stream()
            .noneMatch(n -> n.startsWith(Target.ASSUMED_NOTE)));
    assertTrue(r.warnings().isEmpty(), r.warnings().toString());
  }
}
