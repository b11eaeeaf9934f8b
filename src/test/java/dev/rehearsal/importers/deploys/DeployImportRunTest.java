package dev.rehearsal.importers.deploys;

import static dev.rehearsal.importers.deploys.DeployTests.DOC;
import static dev.rehearsal.importers.deploys.DeployTests.REAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.importers.FileReport;
import dev.rehearsal.importers.ImportOptions;
import dev.rehearsal.importers.ImportRunner;
import dev.rehearsal.importers.ImportSummary;
import dev.rehearsal.importers.ImporterHarness;
import dev.rehearsal.importers.ImporterRegistry;
import dev.rehearsal.importers.RecordStore;
import dev.rehearsal.model.Deploy;
import dev.rehearsal.model.DeployStatusEvent;
import dev.rehearsal.model.ImportedRecord;
import dev.rehearsal.model.Rejection;
import dev.rehearsal.settings.EnvironmentNames;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder of deploy exports through the real import runner: detection, sidecars, re-import. */
class DeployImportRunTest {

  /** The store as a map by key, like the workspace's upsert. */
  private static final class MapStore implements RecordStore {
    final Map<String, ImportedRecord> records = new TreeMap<>();
    final Map<String, DeployStatusEvent> statuses = new TreeMap<>();
    final List<Rejection> rejections = new ArrayList<>();

    @Override
    public void upsert(ImportedRecord record) {
      records.put(record.key(), record);
    }

    @Override
    public void upsertStatus(DeployStatusEvent event) {
      statuses.put(event.key(), event);
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
    public void fileImported(FileReport report) {}

    @Override
    public void commit() {}
  }

  @TempDir Path dir;

  private void copy(String resource, String name) throws Exception {
    Files.copy(ImporterHarness.resource(resource), dir.resolve(name));
  }

  @Test
  void aFolderOfExportsWithASidecar() throws Exception {
    copy(DOC + "argocd/history-pre-2.11.txt", "checkout.history.txt");
    Files.writeString(
        dir.resolve("checkout.history.txt.rehearsal.json"),
        "{\"service\": \"checkout\", \"environment\": \"production\"}",
        StandardCharsets.UTF_8);
    copy(DOC + "heroku/checkout-staging.releases.json", "releases.json");
    copy(REAL + "devlake/gitlab/_raw_gitlab_api_deployments.csv", "gitlab.csv");
    copy(REAL + "argo-cd-testdata/controller/testdata/diff-cache.yaml", "app.yaml");
    copy(REAL + "devlake/jenkins/_raw_jenkins_api_builds.csv", "jenkins.csv");
    copy(
        REAL + "github-rest-openapi/extracted-examples/deployment-status-items.json",
        "statuses.json");
    ImportRunner runner =
        new ImportRunner(ImporterRegistry.standard(), EnvironmentNames.defaults());
    MapStore store = new MapStore();
    ImportSummary s = runner.run(List.of(dir), ImportOptions.defaults(), store, null);

    Map<String, String> formats = new TreeMap<>();
    for (FileReport f : s.files()) {
      formats.put(Path.of(f.file()).getFileName().toString(), f.format());
      assertEquals(f.seen(), f.accepted() + f.rejected(), f.file());
    }
    assertEquals(
        Map.of(
            "app.yaml", ArgoCdApplicationImporter.ID,
            "checkout.history.txt", ArgoCdHistoryTextImporter.ID,
            "gitlab.csv", GitLabDeploymentsImporter.ID,
            "jenkins.csv", JenkinsBuildsImporter.ID,
            "releases.json", HerokuReleasesImporter.ID,
            "statuses.json", GitHubDeploymentsImporter.ID),
        formats);
    // the sidecar named the application the history table does not
    Deploy fromText = (Deploy) store.records.get("deploy/argocd/checkout/9");
    assertEquals("checkout", fromText.service());
    assertEquals("production", fromText.environment());
    assertTrue(
        fromText
            .provenance()
            .notes()
            .contains("service from sidecar " + "checkout.history.txt.rehearsal.json"),
        fromText.provenance().notes().toString());
    assertEquals(1, store.statuses.size());
    // 4 + 7 + 8 + 10 records and 1 status accepted; 1 zero-time row and 14 CI builds rejected
    assertEquals(30, s.accepted());
    assertEquals(15, s.rejected());
    assertEquals(s.seen(), s.accepted() + s.rejected());

    // importing the same folder again replaces, it does not add
    int before = store.records.size();
    ImportSummary again = runner.run(List.of(dir), ImportOptions.defaults(), store, null);
    assertEquals(s.accepted(), again.accepted());
    assertEquals(before, store.records.size());
    assertEquals(15, store.rejections.size(), "rejections of the earlier import were replaced");
  }
}
