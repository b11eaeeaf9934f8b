package dev.rehearsal.importers.deploys;

import static dev.rehearsal.importers.deploys.DeployTests.DOC;
import static dev.rehearsal.importers.deploys.DeployTests.REAL;
import static dev.rehearsal.importers.deploys.DeployTests.assertAllNotADeploy;
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

class GitHubActionsRunsImporterTest {
  private final GitHubActionsRunsImporter importer = new GitHubActionsRunsImporter();

  @Test
  void devLakeRunsAreCiBuildsAndEachIsRejectedAsNotADeploy() {
    var r = parse(importer, REAL + "devlake/github/_raw_github_api_runs.csv");
    ImporterHarness.assertGolden(r, "deploys/github-actions-devlake-runs");
    assertCounts(r, 0, 35);
    assertAllNotADeploy(r);
    assertTrue(r.rejections().get(0).reason().contains("workflow 'CodeQL'"));
  }

  @Test
  void devLakeRunsWithAnEnvironmentStatedForTheFileImport() {
    var r =
        parse(
            importer,
            REAL + "devlake/github/_raw_github_api_runs.csv",
            sidecar(null, "staging", null));
    ImporterHarness.assertGolden(r, "deploys/github-actions-devlake-runs-hinted");
    assertCounts(r, 35, 0);
    Deploy first = deploy(r, "2983238245");
    assertEquals("ants", first.service());
    assertEquals("staging", first.environment());
    assertEquals(DeployStatus.SUCCEEDED, first.status());
    assertEquals(Instant.parse("2022-09-03T05:15:09Z"), first.startedAt());
    assertEquals(Instant.parse("2022-09-03T05:16:16Z"), first.finishedAt());
    // conclusion "" and null with a non-final status: still running
    assertEquals(DeployStatus.IN_PROGRESS, deploy(r, "2559400728").status());
    assertNull(deploy(r, "2566218975").finishedAt());
    assertEquals(DeployStatus.FAILED, deploy(r, "2559400726").status(), "timed_out");
    assertEquals(DeployStatus.CANCELLED, deploy(r, "2559400725").status());
    assertEquals(DeployStatus.UNKNOWN, deploy(r, "2559400732").status(), "neutral");
  }

  @Test
  void restAndWebhookExamplesAreCiBuilds() {
    var page =
        parse(
            importer, REAL + "github-rest-openapi/extracted-examples/workflow-run-paginated.json");
    assertCounts(page, 0, 1);
    assertAllNotADeploy(page);
    assertTrue(page.rejections().get(0).reason().contains("'Build'"));
    var single = parse(importer, REAL + "github-rest-openapi/extracted-examples/workflow-run.json");
    assertCounts(single, 0, 1);
    var hooks =
        parse(importer, REAL + "octokit-webhooks-examples/extracted/workflow_run.examples.json");
    ImporterHarness.assertGolden(hooks, "deploys/github-actions-webhook-runs");
    assertCounts(hooks, 0, 5);
    assertAllNotADeploy(hooks);
    // the run's own name is empty there: the workflow's name is used
    assertTrue(hooks.rejections().get(1).reason().contains("workflow 'test'"));
  }

  @Test
  void deployWorkflowsImport() {
    // documented-deploys/README.md: REST envelope of the openapi example with deploy workflows
    var r = parse(importer, DOC + "github/workflow-runs-deploy.json");
    ImporterHarness.assertGolden(r, "deploys/github-actions-deploy-runs");
    assertCounts(r, 2, 1);
    Deploy prod = deploy(r, "9100000001");
    assertEquals("checkout-api", prod.service());
    assertEquals("production", prod.environment());
    assertEquals("v1.4.2", prod.version());
    assertEquals(DeployStatus.SUCCEEDED, prod.status());
    assertTrue(prod.identifiers().contains("run:9100000001"));
    assertTrue(prod.identifiers().contains("pr:123"));
    assertEquals("https://github.com/acme/checkout-api/actions/runs/9100000001", prod.url());
    Deploy staging = deploy(r, "9100000003");
    assertEquals("staging", staging.environment());
    assertEquals(DeployStatus.IN_PROGRESS, staging.status());
    assertTrue(staging.identifiers().contains("pr:131"));
    var ci = DeployTests.rejection(r, 1);
    assertTrue(ci.reason().startsWith("not a deploy: workflow 'CI'"), ci.reason());
    assertEquals(29, ci.line());
  }

  @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir;

  @Test
  void singleWebhookPayloadOfADeployWorkflow() throws Exception {
    // the workflow_run payload that a deployment webhook example carries is a deploy workflow
    var hook =
        DeployTests.element(
            REAL + "octokit-webhooks-examples/extracted/deployment.examples.json", 1, dir);
    var tree =
        (com.fasterxml.jackson.databind.node.ObjectNode)
            dev.rehearsal.util.Json.mapper().readTree(hook.toFile());
    tree.remove("deployment");
    java.nio.file.Files.writeString(hook, tree.toString());
    var r = DeployTests.parseFile(importer, hook);
    assertCounts(r, 1, 0);
    Deploy d = deploy(r, "289782451");
    assertEquals("Hello-World", d.service());
    assertEquals(DeployStatus.IN_PROGRESS, d.status());
    assertTrue(d.provenance().notes().get(0).contains("'pages build and deployment'"));
  }

  @Test
  void detection() {
    ImporterRegistry reg = ImporterRegistry.standard();
    for (String f :
        new String[] {
          REAL + "devlake/github/_raw_github_api_runs.csv",
          REAL + "github-rest-openapi/extracted-examples/workflow-run-paginated.json",
          REAL + "github-rest-openapi/extracted-examples/workflow-run.json",
          REAL + "octokit-webhooks-examples/extracted/workflow_run.examples.json",
          DOC + "github/workflow-runs-deploy.json"
        }) {
      ImporterHarness.assertDetected(reg, f, GitHubActionsRunsImporter.ID);
    }
  }
}
