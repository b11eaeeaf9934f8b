package dev.rehearsal.importers.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.importers.ColumnMapping;
import dev.rehearsal.importers.FileReport;
import dev.rehearsal.importers.ImportOptions;
import dev.rehearsal.importers.ImportRunner;
import dev.rehearsal.importers.ImportSummary;
import dev.rehearsal.importers.ImporterHarness;
import dev.rehearsal.importers.ImporterRegistry;
import dev.rehearsal.importers.RecordStore;
import dev.rehearsal.importers.TargetHints;
import dev.rehearsal.model.DeployStatusEvent;
import dev.rehearsal.model.EnvironmentFact;
import dev.rehearsal.model.FactType;
import dev.rehearsal.model.ImportedRecord;
import dev.rehearsal.model.Rejection;
import dev.rehearsal.settings.EnvironmentNames;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fact importers as the import runner drives them: detection, a rehearsal.json sidecar in a
 * WireMock mappings folder (the layout the demo generator writes), re-imports that change nothing,
 * and the generic importer chosen by id with a saved mapping.
 */
class FactsImportRunnerTest {
  @TempDir Path tmp;

  /** A store that keeps records by key, as the workspace does. */
  static final class MapStore implements RecordStore {
    final Map<String, ImportedRecord> records = new TreeMap<>();
    final List<Rejection> rejections = new ArrayList<>();
    final Map<String, ColumnMapping> mappings;
    int upserts;

    MapStore(Map<String, ColumnMapping> mappings) {
      this.mappings = mappings;
    }

    @Override
    public void upsert(ImportedRecord record) {
      records.put(record.key(), record);
      upserts++;
    }

    @Override
    public void upsertStatus(DeployStatusEvent event) {}

    @Override
    public void rejected(Rejection rejection) {
      rejections.add(rejection);
    }

    @Override
    public void clearRejections(String file) {
      rejections.removeIf(r -> r.file().equals(file));
    }

    @Override
    public void fileImported(FileReport report) {}

    @Override
    public void commit() {}

    @Override
    public Map<String, ColumnMapping> mappings() {
      return mappings;
    }
  }

  private void copy(String resource, Path to) throws IOException {
    Files.createDirectories(to.getParent());
    Files.copy(ImporterHarness.resource(resource), to);
  }

  @Test
  void wiremockFolderWithSidecarAndConfigSnapshotsImportTwiceToTheSameFacts() throws Exception {
    Path mocks = tmp.resolve("mocks/staging/checkout/stripe/mappings");
    copy(
        "fixtures/facts-samples/wiremock/stripe/mappings/charges.json",
        mocks.resolve("charges.json"));
    copy(
        "fixtures/wiremock-mappings/src/test/resources/remoteloader/mappings/two.json",
        mocks.resolve("two.json"));
    Files.writeString(
        mocks.resolve("rehearsal.json"),
        "{\"service\": \"checkout\", "
            + "\"environment\": \"staging\", \"time\": \"2024-03-01T00:00:00Z\"}",
        StandardCharsets.UTF_8);
    copy(
        "fixtures/facts-samples/config/checkout.staging.2024-03-01.properties",
        tmp.resolve("config/checkout.staging.2024-03-01.properties"));
    copy("fixtures/facts-samples/csv/data-volume.csv", tmp.resolve("facts/data-volume.csv"));

    ImportRunner runner =
        new ImportRunner(ImporterRegistry.standard(), EnvironmentNames.defaults());
    MapStore store = new MapStore(Map.of());
    ImportSummary first = runner.run(List.of(tmp), ImportOptions.defaults(), store, null);
    Map<String, String> formats = new TreeMap<>();
    for (FileReport r : first.files()) {
      formats.put(Path.of(r.file()).getFileName().toString(), r.format());
      assertEquals(r.seen(), r.accepted() + r.rejected(), r.file());
    }
    assertEquals(
        Map.of(
            "charges.json",
            "wiremock-mappings",
            "two.json",
            "wiremock-mappings",
            "checkout.staging.2024-03-01.properties",
            "config-properties",
            "data-volume.csv",
            "data-volume-csv"),
        formats);

    EnvironmentFact stripe =
        (EnvironmentFact)
            store.records.get(
                "fact/mock/checkout|staging|"
                    + "stripe|"
                    + Instant.parse("2024-03-01T00:00:00Z").toEpochMilli());
    assertEquals(FactType.MOCK, stripe.type(), store.records.keySet().toString());
    // both stub files sit in the stripe folder: one dependency, one fact; the runner reads
    // files in path order, so two.json (after charges.json) is the one the value describes
    assertEquals("wiremock: 1 stub (GET /remote-load/2) (file two.json)", stripe.value());
    assertTrue(
        stripe.provenance().notes().stream().anyMatch(n -> n.contains("sidecar rehearsal.json")),
        stripe.provenance().notes().toString());
    long stripeFacts =
        store.records.values().stream()
            .filter(
                x ->
                    x instanceof EnvironmentFact f
                        && f.type() == FactType.MOCK
                        && f.subject().equals("stripe"))
            .count();
    assertEquals(1, stripeFacts);
    assertTrue(
        store.records.containsKey(
            "fact/mock/checkout|staging|stripe-connect|"
                + Instant.parse("2024-03-01T00:00:00Z").toEpochMilli()));

    int keys = store.records.size();
    List<String> keyList = new ArrayList<>(store.records.keySet());
    int rejections = store.rejections.size();
    ImportSummary second = runner.run(List.of(tmp), ImportOptions.defaults(), store, null);
    assertEquals(first.accepted(), second.accepted());
    assertEquals(keys, store.records.size(), "a re-import adds nothing");
    assertEquals(keyList, new ArrayList<>(store.records.keySet()));
    assertEquals(rejections, store.rejections.size(), "rejections are replaced, not added");
  }

  @Test
  void genericImporterChosenByIdWithASavedMapping() throws Exception {
    copy("fixtures/generic-samples/environment-facts.csv", tmp.resolve("sheet.csv"));
    ColumnMapping m =
        dev.rehearsal.util.Json.mapper()
            .readValue(
                ImporterHarness.resource("fixtures/generic-samples/mappings/environment-facts.json")
                    .toFile(),
                ColumnMapping.class);
    MapStore store = new MapStore(Map.of(m.name(), m));
    ImportRunner runner =
        new ImportRunner(ImporterRegistry.standard(), EnvironmentNames.defaults());
    ImportSummary s =
        runner.run(
            List.of(tmp.resolve("sheet.csv")),
            ImportOptions.defaults().withFormat("generic-csv").withMapping("facts-sheet"),
            store,
            null);
    FileReport r = s.files().get(0);
    assertEquals("generic-csv", r.format());
    assertEquals(10, r.seen());
    assertEquals(7, r.accepted());
    assertEquals(3, r.rejected());

    // without --format the file is not recognised by any importer
    MapStore other = new MapStore(Map.of(m.name(), m));
    ImportSummary none =
        runner.run(List.of(tmp.resolve("sheet.csv")), ImportOptions.defaults(), other, null);
    assertEquals(FileReport.Status.SKIPPED, none.files().get(0).status());
  }

  @Test
  void commandLineHintsReachTheFacts() throws Exception {
    copy(
        "fixtures/facts-samples/k8s/production-configmaps.json",
        tmp.resolve("prod-configmaps.json"));
    MapStore store = new MapStore(Map.of());
    ImportRunner runner =
        new ImportRunner(ImporterRegistry.standard(), EnvironmentNames.defaults());
    runner.run(
        List.of(tmp),
        ImportOptions.defaults()
            .withHints(
                new TargetHints(
                    null,
                    null,
                    null,
                    null,
                    Instant.parse("2024-03-02T00:00:00Z"),
                    "import options")),
        store,
        null);
    EnvironmentFact pool =
        (EnvironmentFact)
            store.records.values().stream()
                .filter(x -> x instanceof EnvironmentFact f && f.subject().equals("DB_POOL_SIZE"))
                .findFirst()
                .orElseThrow();
    assertEquals(Instant.parse("2024-03-02T00:00:00Z"), pool.asOf());
    assertTrue(
        pool.provenance().notes().stream().anyMatch(n -> n.contains("as-of from import options")),
        pool.provenance().notes().toString());
  }
}
