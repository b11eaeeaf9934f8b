package dev.rehearsal.importers.facts;

import static dev.rehearsal.importers.facts.FactTests.countsAddUp;
import static dev.rehearsal.importers.facts.FactTests.facts;
import static dev.rehearsal.importers.facts.FactTests.rejection;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.importers.FileSource;
import dev.rehearsal.importers.ImportContext;
import dev.rehearsal.importers.ImporterHarness;
import dev.rehearsal.model.EnvironmentFact;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Row counts as databases export them: PostgreSQL's pg_stat_user_tables and MySQL's
 * information_schema.tables as CSV with a header, one snapshot per file, no time inside.
 */
class DatabaseStatsImportersTest {
  private static final String DIR = "fixtures/facts-samples/db/";
  private static final Instant MODIFIED = Instant.parse("2024-05-06T07:10:00Z");

  @TempDir Path tmp;

  private ImporterHarness.Result parse(String name) throws Exception {
    Path copy = tmp.resolve(name);
    Files.copy(ImporterHarness.resource(DIR + name), copy);
    Files.setLastModifiedTime(copy, FileTime.from(MODIFIED));
    return ImporterHarness.parse(
        new DataVolumeCsvImporter(), new FileSource(copy, name), ImportContext.defaults());
  }

  @Test
  void postgresStatisticsGolden() throws Exception {
    var r = parse("production.pg_stat_user_tables.csv");
    countsAddUp(r);
    assertEquals(
        List.of("fulfilment.shipments", "fulfilment.shipment_events", "carts"),
        facts(r).stream().map(EnvironmentFact::subject).toList(),
        "schema-qualified, except PostgreSQL's public schema");
    assertEquals(48_112_093, facts(r).get(0).number(), 0);
    assertEquals("production", facts(r).get(0).environment(), "from the file name");
    assertEquals(MODIFIED, facts(r).get(0).asOf(), "the export's time, assumed");
    assertTrue(rejection(r, "pg_toast_16402").reason().contains("database's own schema"));
    assertTrue(r.warnings().stream().anyMatch(w -> w.contains("no time of its own")));
    ImporterHarness.assertGolden(r, "facts/pg-stat-user-tables");
  }

  @Test
  void mysqlInformationSchemaGolden() throws Exception {
    var r = parse("staging.information_schema.tables.csv");
    countsAddUp(r);
    assertEquals(
        List.of("fulfilment.shipments", "checkout.carts"),
        facts(r).stream().map(EnvironmentFact::subject).toList());
    assertEquals(1_204, facts(r).get(1).number(), 0, "thousands separators read");
    assertEquals("staging", facts(r).get(0).environment());
    assertTrue(rejection(r, "open_shipments").reason().contains("is a view, not a table"));
    assertTrue(rejection(r, "'user'").reason().contains("database's own schema 'mysql'"));
    ImporterHarness.assertGolden(r, "facts/mysql-information-schema-tables");
  }

  @Test
  void withoutAnEnvironmentEveryRowIsRejectedSayingHowToGiveIt() throws Exception {
    Path copy = tmp.resolve("pg_stat_user_tables.csv");
    Files.copy(ImporterHarness.resource(DIR + "production.pg_stat_user_tables.csv"), copy);
    var r =
        ImporterHarness.parse(
            new DataVolumeCsvImporter(),
            new FileSource(copy, "pg_stat_user_tables.csv"),
            ImportContext.defaults());
    countsAddUp(r);
    assertTrue(r.records().isEmpty());
    assertTrue(
        r.rejections().get(0).reason().contains("no environment"), r.rejections().toString());
  }
}
