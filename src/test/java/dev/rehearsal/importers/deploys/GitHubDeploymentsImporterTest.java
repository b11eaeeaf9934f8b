package dev.rehearsal.importers.deploys;

import static dev.rehearsal.importers.deploys.DeployTests.DOC;
import static dev.rehearsal.importers.deploys.DeployTests.REAL;
import static dev.rehearsal.importers.deploys.DeployTests.assertCounts;
import static dev.rehearsal.importers.deploys.DeployTests.deploy;
import static dev.rehearsal.importers.deploys.DeployTests.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.importers.ImporterHarness;
import dev.rehearsal.importers.ImporterRegistry;
import dev.rehearsal.model.Deploy;
import dev.rehearsal.model.DeployStatus;
import dev.rehearsal.model.DeployStatusEvent;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GitHubDeploymentsImporterTest {
  private final GitHubDeploymentsImporter importer = new GitHubDeploymentsImporter();

  @Test
  void devLakeGraphQlNodesInPascalCase() {
    var r = parse(importer, REAL + "devlake/github_graphql/_raw_github_graphql_deployment.csv");
    ImporterHarness.assertGolden(r, "deploys/github-devlake-graphql");
    assertCounts(r, 7, 0);
    Deploy latest = deploy(r, "3881429895");
    assertEquals("OpenBIC", latest.service());
    assertEquals("github-pages", latest.rawEnvironment());
    assertEquals("production", latest.environment());
    assertEquals("0916a0afdfa825779c892a8951bde706a054d352", latest.commitSha());
    assertEquals(DeployStatus.SUCCEEDED, latest.status());
    assertEquals(Instant.parse("2026-02-20T00:30:37Z"), latest.startedAt());
    assertEquals(Instant.parse("2026-02-20T00:30:59Z"), latest.finishedAt());
    // superseded: latest status INACTIVE, finished when its SUCCESS status came
    Deploy replaced = deploy(r, "3839563910");
    assertEquals(DeployStatus.SUCCEEDED, replaced.status());
    assertEquals(Instant.parse("2026-02-14T00:32:36Z"), replaced.finishedAt());
    // older rows keep only an INACTIVE latest status: no finish time is invented
    assertNull(deploy(r, "1670973641").finishedAt());
    DeployTests.assertUniqueKeys(r);
  }

  @Test
  void demoGeneratorGraphQlPage() {
    // documented-deploys/README.md: the demo generator's camelCase GraphQL response page
    var r = parse(importer, DOC + "github/graphql-deployments-page-1.json");
    ImporterHarness.assertGolden(r, "deploys/github-graphql-page");
    assertCounts(r, 4, 0);
    Deploy prod = deploy(r, "1200000002");
    assertEquals("checkout-api", prod.service());
    assertEquals("production", prod.environment());
    assertEquals("v1.4.2", prod.version());
    assertEquals("v1.4.2", prod.ref());
    assertEquals(DeployStatus.SUCCEEDED, prod.status());
    assertTrue(prod.identifiers().contains("pr:123"), prod.identifiers().toString());
    assertTrue(prod.identifiers().contains("deploy:1200000002"));
    assertEquals(DeployStatus.FAILED, deploy(r, "1200000003").status());
    Deploy rollback = deploy(r, "1200000004");
    assertTrue(rollback.rollback());
    assertEquals(DeployStatus.IN_PROGRESS, rollback.status());
    assertNull(rollback.finishedAt());
    assertFalse(prod.rollback());
  }

  @Test
  void restListAndSingleDeployment() {
    var list =
        parse(importer, REAL + "github-rest-openapi/extracted-examples/deployment-items.json");
    ImporterHarness.assertGolden(list, "deploys/github-rest-deployments");
    assertCounts(list, 1, 0);
    Deploy d = deploy(list, "1");
    assertEquals("example", d.service());
    assertEquals("production", d.environment());
    assertEquals("topic-branch", d.ref());
    assertEquals("", d.version(), "a branch is not a version");
    assertEquals(DeployStatus.UNKNOWN, d.status(), "REST deployments carry no status");
    assertTrue(list.warnings().get(0).contains("deployment statuses"));
    var single = parse(importer, REAL + "github-rest-openapi/extracted-examples/deployment.json");
    assertCounts(single, 1, 0);
    assertEquals(d.key(), single.records().get(0).key());
  }

  @Test
  void restStatusesBecomeEventsForTheDeploymentInTheirUrl() {
    var r =
        parse(
            importer, REAL + "github-rest-openapi/extracted-examples/deployment-status-items.json");
    ImporterHarness.assertGolden(r, "deploys/github-rest-statuses");
    assertCounts(r, 1, 0);
    DeployStatusEvent e = r.statuses().get(0);
    assertEquals("42", e.deploySourceId());
    assertEquals("1", e.statusId());
    assertEquals("deploy/github/42", e.deployKey());
    assertEquals(DeployStatus.SUCCEEDED, e.status());
    assertEquals(Instant.parse("2012-07-20T01:19:13Z"), e.at());
    var single =
        parse(importer, REAL + "github-rest-openapi/extracted-examples/deployment-status.json");
    assertEquals(e.key(), single.statuses().get(0).key());
  }

  @Test
  void webhookPayloads() {
    var created =
        parse(importer, REAL + "octokit-webhooks-examples/extracted/deployment.examples.json");
    ImporterHarness.assertGolden(created, "deploys/github-webhook-deployment");
    assertCounts(created, 4, 0);
    Deploy pages = (Deploy) created.records().get(1);
    assertEquals("Hello-World", pages.service());
    assertEquals("github-pages", pages.rawEnvironment());
    assertTrue(pages.identifiers().contains("run:289782451"));
    var status =
        parse(
            importer, REAL + "octokit-webhooks-examples/extracted/deployment_status.examples.json");
    ImporterHarness.assertGolden(status, "deploys/github-webhook-deployment-status");
    assertCounts(status, 4, 0);
    Deploy first = (Deploy) status.records().get(0);
    assertEquals(DeployStatus.SUCCEEDED, first.status());
    assertEquals(Instant.parse("2019-05-15T15:20:55Z"), first.finishedAt());
    Deploy running = (Deploy) status.records().get(1);
    assertEquals(DeployStatus.IN_PROGRESS, running.status());
    assertNull(running.finishedAt());
    assertEquals("deploy/github/145988746", first.key(), "same key as the REST deployment");
  }

  @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir;

  @Test
  void singleWebhookPayloads() throws Exception {
    var created =
        DeployTests.parseFile(
            importer,
            DeployTests.element(
                REAL + "octokit-webhooks-examples/extracted/deployment.examples.json", 1, dir));
    assertCounts(created, 1, 0);
    assertEquals("github-pages", ((Deploy) created.records().get(0)).rawEnvironment());
    var status =
        DeployTests.parseFile(
            importer,
            DeployTests.element(
                REAL + "octokit-webhooks-examples/extracted/deployment_status.examples.json",
                0,
                dir));
    assertCounts(status, 1, 0);
    assertEquals(DeployStatus.SUCCEEDED, ((Deploy) status.records().get(0)).status());
    assertEquals(1, status.records().get(0).provenance().line());
  }

  @Test
  void badRecordInTheMiddleIsRejectedAndTheOthersImport() {
    var r = parse(importer, DOC + "bad/github-deployments-bad-middle.json");
    assertCounts(r, 2, 1);
    var bad = DeployTests.rejection(r, 1);
    assertEquals(40, bad.line());
    assertTrue(
        bad.reason().contains("'created_at'") && bad.reason().contains("2024-13-45"), bad.reason());
    assertEquals("v2.0.0", deploy(r, "500").version());
    assertEquals("v2.2.0", deploy(r, "502").version());
  }

  @Test
  void truncatedFileKeepsWhatCameBefore() {
    var r = parse(importer, DOC + "bad/github-deployments-truncated.json");
    assertCounts(r, 1, 1);
    assertEquals("500", r.records().get(0).sourceId());
    var rest = DeployTests.rejection(r, 1);
    assertTrue(rest.reason().startsWith("the rest of the file could not be read"), rest.reason());
    assertTrue(rest.line() > 1);
  }

  @Test
  void detection() {
    ImporterRegistry reg = ImporterRegistry.standard();
    for (String f :
        new String[] {
          REAL + "devlake/github_graphql/_raw_github_graphql_deployment.csv",
          REAL + "github-rest-openapi/extracted-examples/deployment-items.json",
          REAL + "github-rest-openapi/extracted-examples/deployment-simple-example.json",
          REAL + "github-rest-openapi/extracted-examples/deployment.json",
          REAL + "github-rest-openapi/extracted-examples/deployment-status-items.json",
          REAL + "github-rest-openapi/extracted-examples/deployment-status.json",
          REAL + "octokit-webhooks-examples/extracted/deployment.examples.json",
          REAL + "octokit-webhooks-examples/extracted/deployment_status.examples.json",
          DOC + "github/graphql-deployments-page-1.json"
        }) {
      ImporterHarness.assertDetected(reg, f, GitHubDeploymentsImporter.ID);
    }
  }

  @Test
  void idempotent() {
    DeployTests.assertIdempotent(
        importer, REAL + "devlake/github_graphql/_raw_github_graphql_deployment.csv", null);
  }
}
