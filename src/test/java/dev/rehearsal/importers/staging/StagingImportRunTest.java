package dev.rehearsal.importers.staging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.importers.FileReport;
import dev.rehearsal.importers.ImportOptions;
import dev.rehearsal.importers.ImportRunner;
import dev.rehearsal.importers.ImporterHarness;
import dev.rehearsal.importers.ImporterRegistry;
import dev.rehearsal.importers.RecordStore;
import dev.rehearsal.model.DeployStatusEvent;
import dev.rehearsal.model.ImportedRecord;
import dev.rehearsal.model.Rejection;
import dev.rehearsal.model.StagingRun;
import dev.rehearsal.settings.EnvironmentNames;
import dev.rehearsal.task.TaskMonitor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo folders imported the way the app imports them: detection by content, an import manifest
 * and sidecars giving what the files do not say, the files' own values winning, and a second import
 * changing nothing.
 */
class StagingImportRunTest {

  /** A store that keeps records by key, as the workspace does. */
  static final class MapStore implements RecordStore {
    final Map<String, ImportedRecord> records = new TreeMap<>();
    final List<Rejection> rejections = new ArrayList<>();
    final List<FileReport> reports = new ArrayList<>();

    @Override
    public void upsert(ImportedRecord record) {
      records.put(record.key(), record);
    }

    @Override
    public void upsertStatus(DeployStatusEvent event) {
      throw new AssertionError("no statuses from staging files");
    }

    @Override
    public void rejected(Rejection rejection) {
      rejections.add(rejection);
    }

    @Override
    public void clearRejections(String file) {
      rejections.removeIf(r -> r.file().equals(file));
    }

    @Override
    public void fileImported(FileReport report) {
      reports.add(report);
    }

    @Override
    public void commit() {}
  }

  private static void copyTree(Path from, Path to) throws Exception {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
  }

  @Test
  void demoFoldersImportWithManifestAndSidecars(@TempDir Path dir) throws Exception {
    copyTree(ImporterHarness.resource("fixtures/rehearsal-made/demo-junit"), dir.resolve("junit"));
    copyTree(ImporterHarness.resource("fixtures/rehearsal-made/demo-k6"), dir.resolve("k6"));
    ImportRunner runner =
        new ImportRunner(ImporterRegistry.standard(), EnvironmentNames.defaults());
    MapStore store = new MapStore();
    var summary = runner.run(List.of(dir), ImportOptions.defaults(), store, TaskMonitor.NONE);
    assertEquals(4, store.records.size(), store.reports.toString());
    assertEquals(List.of(), store.rejections);
    for (FileReport r : store.reports) {
      assertEquals(FileReport.Status.IMPORTED, r.status(), r.toString());
      assertEquals(r.seen(), r.accepted() + r.rejected());
    }
    assertEquals(4, summary.accepted());

    Map<String, StagingRun> bySuiteOrFile = new TreeMap<>();
    for (ImportedRecord rec : store.records.values()) {
      StagingRun run = (StagingRun) rec;
      String name = Path.of(run.provenance().file()).getFileName().toString();
      bySuiteOrFile.put(name, run);
    }
    StagingRun checkout = bySuiteOrFile.get("TEST-checkout.CheckoutApiIT.xml");
    assertEquals("checkout", checkout.service(), "the file's property beats the manifest");
    assertEquals("staging", checkout.environment());
    assertEquals("v1.4.2", checkout.version());
    StagingRun payments = bySuiteOrFile.get("TEST-payments.PaymentsIT.xml");
    assertEquals("payments", payments.service(), "from the manifest");
    assertEquals("staging", payments.environment(), "'stage' normalised");
    assertEquals("v2.0.1", payments.version());
    assertEquals("abcdef1234567890", payments.commitSha());
    assertEquals(Instant.parse("2024-03-01T11:00:00Z"), payments.startedAt());
    StagingRun k6 = bySuiteOrFile.get("checkout-load.json");
    assertEquals("checkout", k6.service(), "from the sidecar");
    assertEquals(Instant.parse("2024-03-01T10:30:00Z"), k6.startedAt());
    assertEquals(12000, k6.load().requests());
    StagingRun k6b = bySuiteOrFile.get("payments-load.json");
    assertEquals("payments", k6b.service());
    assertTrue(k6b.load().thresholdsFailed());

    // importing again changes nothing
    Map<String, ImportedRecord> before = new TreeMap<>(store.records);
    runner.run(List.of(dir), ImportOptions.defaults(), store, TaskMonitor.NONE);
    assertEquals(before.keySet(), store.records.keySet());
    assertEquals(before, store.records);
  }
}
