package dev.rehearsal.importers.deploys;

import static dev.rehearsal.importers.deploys.DeployTests.DOC;
import static dev.rehearsal.importers.deploys.DeployTests.REAL;
import static dev.rehearsal.importers.deploys.DeployTests.assertCounts;
import static dev.rehearsal.importers.deploys.DeployTests.deploy;
import static dev.rehearsal.importers.deploys.DeployTests.parse;
import static dev.rehearsal.importers.deploys.DeployTests.sidecar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.importers.ImporterHarness;
import dev.rehearsal.importers.ImporterRegistry;
import dev.rehearsal.model.Deploy;
import dev.rehearsal.model.DeployStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GitLabDeploymentsImporterTest {
  private final GitLabDeploymentsImporter importer = new GitLabDeploymentsImporter();

  @Test
  void devLakeDeployments() {
    var r = parse(importer, REAL + "devlake/gitlab/_raw_gitlab_api_deployments.csv");
    ImporterHarness.assertGolden(r, "deploys/gitlab-devlake-deployments");
    assertCounts(r, 8, 0);
    Deploy first = deploy(r, "13426753");
    assertEquals("merico-dev/ee/vdev.co", first.service(), "project path from the pipeline URL");
    assertEquals("staging", first.environment());
    assertEquals("master", first.ref());
    assertEquals("", first.version(), "not a tag");
    assertEquals(DeployStatus.SUCCEEDED, first.status(), "the deployment's status, not its job's");
    assertEquals(Instant.parse("2019-03-13T14:17:33.559Z"), first.startedAt());
    assertEquals(Instant.parse("2019-03-13T14:17:47.640Z"), first.finishedAt());
    assertTrue(first.identifiers().contains("mr:175"), first.identifiers().toString());
    assertTrue(first.identifiers().contains("pipeline:51653436"));
    assertEquals(DeployStatus.CANCELLED, deploy(r, "13436532").status());
    assertEquals("production", deploy(r, "13436532").environment());
    Deploy blocked = deploy(r, "13436986");
    assertEquals(DeployStatus.IN_PROGRESS, blocked.status());
    assertNull(blocked.finishedAt());
    // hand-edited upstream: "undeployed" is no GitLab status; kept as unknown and said so
    Deploy odd = deploy(r, "13436915");
    assertEquals(DeployStatus.UNKNOWN, odd.status());
    assertTrue(
        odd.provenance().notes().contains("status 'undeployed' is not a GitLab deployment status"));
  }

  @Test
  void demoGeneratorListWithTagsAndProjectInTheUrl() {
    var r = parse(importer, DOC + "gitlab/deployments-checkout.json");
    ImporterHarness.assertGolden(r, "deploys/gitlab-rest-deployments");
    assertCounts(r, 3, 0);
    Deploy staging = deploy(r, "41001");
    assertEquals("acme/checkout", staging.service());
    assertEquals("staging", staging.environment());
    assertEquals("v3.2.0", staging.version());
    assertTrue(staging.identifiers().contains("mr:175"));
    Deploy prod = deploy(r, "41002");
    assertEquals("production", prod.environment());
    assertEquals(DeployStatus.FAILED, prod.status());
    Deploy rollback = deploy(r, "41003");
    assertTrue(rollback.rollback(), "job rollback_production");
    assertEquals("", rollback.version(), "a branch is not a version");
  }

  @Test
  void serviceFromHintsWinsAndWithoutItOrAUrlTheRecordIsRejected() {
    var withHint =
        parse(importer, DOC + "gitlab/deployments-checkout.json", sidecar("Checkout", null, null));
    assertEquals("Checkout", deploy(withHint, "41001").service());
    assertTrue(
        deploy(withHint, "41001")
            .provenance()
            .notes()
            .get(0)
            .contains("the URLs name project 'acme/checkout'"));
    var none = parse(importer, DOC + "gitlab/deployments-no-project.json");
    assertCounts(none, 0, 1);
    assertTrue(none.rejections().get(0).reason().startsWith("no service:"));
    assertEquals(2, none.rejections().get(0).line());
    var hinted =
        parse(importer, DOC + "gitlab/deployments-no-project.json", sidecar("ledger", null, null));
    assertCounts(hinted, 1, 0);
    assertEquals("ledger", deploy(hinted, "52001").service());
    assertEquals("v1.0.1", deploy(hinted, "52001").version());
  }

  @Test
  void timesWithoutZoneAreReadInTheUsersZoneAndFlagged() {
    var r = parse(importer, DOC + "bad/gitlab-naive-times.json");
    assertCounts(r, 1, 0);
    Deploy d = deploy(r, "61001");
    assertEquals(Instant.parse("2024-05-23T14:00:05Z"), d.startedAt());
    assertTrue(
        d.provenance().notes().stream().anyMatch(n -> n.startsWith("time without zone")),
        d.provenance().notes().toString());
    var berlin =
        dev.rehearsal.importers.ImporterHarness.parse(
            importer,
            DOC + "bad/gitlab-naive-times.json",
            dev.rehearsal.importers.ImportContext.defaults()
                .withOptions(
                    dev.rehearsal.importers.ImportOptions.defaults()
                        .withNaiveZone(java.time.ZoneId.of("Europe/Berlin"))));
    assertEquals(Instant.parse("2024-05-23T12:00:05Z"), deploy(berlin, "61001").startedAt());
    assertTrue(
        deploy(berlin, "61001")
            .provenance()
            .notes()
            .contains("time without zone, read as Europe/Berlin"));
  }

  @Test
  void devLakeRowWithBrokenJsonIsRejectedAndTheRowsAroundItImport() {
    var r = parse(importer, DOC + "bad/gitlab-devlake-bad-row.csv");
    assertCounts(r, 2, 1);
    var bad = DeployTests.rejection(r, 1);
    assertEquals(3, bad.line());
    assertTrue(bad.reason().startsWith("the 'data' cell is not valid JSON"), bad.reason());
  }

  @Test
  void devLakeFileCutInsideAQuotedCellKeepsWhatCameBefore() {
    var r = parse(importer, DOC + "bad/gitlab-devlake-truncated.csv");
    assertCounts(r, 1, 2);
    assertEquals("13426753", r.records().get(0).sourceId());
    assertTrue(DeployTests.rejection(r, 2).reason().contains("never closed"));
  }

  @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir;

  @Test
  void singleDeploymentObject() throws Exception {
    var r =
        DeployTests.parseFile(
            importer, DeployTests.element(DOC + "gitlab/deployments-checkout.json", 1, dir));
    assertCounts(r, 1, 0);
    assertEquals("deploy/gitlab/41002", r.records().get(0).key());
  }

  @Test
  void detection() {
    ImporterRegistry reg = ImporterRegistry.standard();
    for (String f :
        new String[] {
          REAL + "devlake/gitlab/_raw_gitlab_api_deployments.csv",
          DOC + "gitlab/deployments-checkout.json",
          DOC + "gitlab/deployments-no-project.json"
        }) {
      ImporterHarness.assertDetected(reg, f, GitLabDeploymentsImporter.ID);
    }
  }
}
