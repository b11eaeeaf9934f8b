package dev.rehearsal.importers.incidents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.importers.FileReport;
import dev.rehearsal.importers.ImportContext;
import dev.rehearsal.importers.ImportOptions;
import dev.rehearsal.importers.ImportRunner;
import dev.rehearsal.importers.ImportSummary;
import dev.rehearsal.importers.ImporterHarness;
import dev.rehearsal.importers.ImporterRegistry;
import dev.rehearsal.importers.RecordStore;
import dev.rehearsal.importers.TargetHints;
import dev.rehearsal.model.DeployStatusEvent;
import dev.rehearsal.model.ImportedRecord;
import dev.rehearsal.model.Incident;
import dev.rehearsal.model.Rejection;
import dev.rehearsal.settings.EnvironmentNames;
import dev.rehearsal.task.CancelledException;
import dev.rehearsal.task.TaskMonitor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The incident importers through the real import runner: detection by content, counts per file,
 * idempotent re-import, sidecar hints, cancellation.
 */
class IncidentImportRunTest {

  /** A store in memory: records by key. */
  static final class MemoryStore implements RecordStore {
    final Map<String, ImportedRecord> records = new LinkedHashMap<>();
    final List<Rejection> rejections = new ArrayList<>();

    @Override
    public void upsert(ImportedRecord record) {
      records.put(record.key(), record);
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
  }

  @Test
  void aFolderOfExportsImportsTwiceToTheSameRecords() throws Exception {
    Path folder = ImporterHarness.resource(IncidentTests.DOC + "README.md").getParent();
    ImportRunner runner =
        new ImportRunner(ImporterRegistry.standard(), EnvironmentNames.defaults());
    MemoryStore store = new MemoryStore();
    ImportSummary first =
        runner.run(List.of(folder), ImportOptions.defaults(), store, TaskMonitor.NONE);
    int keys = store.records.size();
    for (FileReport f : first.files()) {
      if (f.file().endsWith("README.md")) {
        assertEquals(FileReport.Status.SKIPPED, f.status());
        continue;
      }
      assertEquals(FileReport.Status.IMPORTED, f.status(), f.file() + ": " + f.message());
      assertEquals(f.seen(), f.accepted() + f.rejected(), f.file());
      assertTrue(
          f.format()
              .matches(
                  "(pagerduty|opsgenie|incident-io|firehydrant|rootly|jira" + "|servicenow)-.*"),
          f.file() + " read as " + f.format());
    }
    ImportSummary second =
        runner.run(List.of(folder), ImportOptions.defaults(), store, TaskMonitor.NONE);
    assertEquals(keys, store.records.size(), "re-import added records");
    assertEquals(first.accepted(), second.accepted());
    assertEquals(first.rejected(), second.rejected());
    assertEquals(first.rejected(), store.rejections.size());
  }

  @Test
  void sidecarHintsNameTheServiceOfAJiraExport(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("ops.csv"),
        "Summary,Issue key,Issue id,Status,Created\n"
            + "Checkout down,OPS-1,1,Open,2024-03-04T10:00:00Z\n");
    Files.writeString(
        dir.resolve("ops.csv.rehearsal.json"),
        "{\"service\": \"Checkout API\", \"environment\": \"prod\"}");
    MemoryStore store = new MemoryStore();
    new ImportRunner(ImporterRegistry.standard(), EnvironmentNames.defaults())
        .run(List.of(dir), ImportOptions.defaults(), store, TaskMonitor.NONE);
    Incident i = (Incident) store.records.get("incident/jira/1");
    assertEquals(List.of("Checkout API"), i.services());
    assertEquals("production", i.environment());
    assertTrue(
        i.provenance().notes().stream().anyMatch(n -> n.contains("from sidecar")),
        i.provenance().notes().toString());
  }

  @Test
  void cancellationStopsTheParse() {
    TaskMonitor cancelled =
        new TaskMonitor() {
          @Override
          public void progress(long done, long total, String message) {}

          @Override
          public boolean isCancelled() {
            return true;
          }
        };
    ImportContext ctx =
        new ImportContext(
            ImportOptions.defaults(),
            EnvironmentNames.defaults(),
            TargetHints.NONE,
            Map.of(),
            cancelled);
    assertThrows(
        CancelledException.class,
        () ->
            ImporterHarness.parse(
                new PagerDutyJsonImporter(),
                IncidentTests.DOC + "pagerduty/incidents-list.json",
                ctx));
    assertThrows(
        CancelledException.class,
        () ->
            ImporterHarness.parse(
                new JiraCsvImporter(), "fixtures/jira-csv-export-fr/JIRA.csv", ctx));
    assertThrows(
        CancelledException.class,
        () ->
            ImporterHarness.parse(
                new PagerDutyDevLakeCsvImporter(),
                "fixtures/devlake/pagerduty/_raw_pagerduty_incidents.csv",
                ctx));
  }
}
