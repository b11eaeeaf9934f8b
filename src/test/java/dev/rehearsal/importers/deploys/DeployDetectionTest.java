package dev.rehearsal.importers.deploys;

import static dev.rehearsal.importers.deploys.DeployTests.REAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.importers.FileSource;
import dev.rehearsal.importers.Importer;
import dev.rehearsal.importers.ImporterHarness;
import dev.rehearsal.importers.ImporterRegistry;
import dev.rehearsal.importers.Sniff;
import dev.rehearsal.model.RecordKind;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The family as a whole: registration, ids, and files the deploy importers must leave alone. */
class DeployDetectionTest {

  @Test
  void everyImporterIsRegisteredWithAStableKebabCaseId() {
    Set<String> ids = new HashSet<>();
    for (Importer i : DeployImporters.all()) {
      assertTrue(i.id().matches("[a-z0-9]+(-[a-z0-9.]+)*"), i.id());
      assertTrue(ids.add(i.id()), "duplicate id " + i.id());
      assertEquals(RecordKind.DEPLOY, i.kind());
      assertFalse(i.displayName().isBlank());
      assertTrue(ImporterRegistry.standard().byId(i.id()).isPresent());
    }
    assertEquals(15, ids.size());
  }

  /** Other tools' exports that look like ours (same DevLake table layout, same vendors). */
  @Test
  void otherFamiliesAndNonDeployTablesAreNotClaimed() throws Exception {
    Set<String> ours = DeployImporters.all().stream().map(Importer::id).collect(Collectors.toSet());
    String[] others = {
      "devlake/pagerduty/_raw_pagerduty_incidents.csv",
      "devlake/opsgenie/_raw_opsgenie_incidents.csv",
      "devlake/github/_raw_github_api_jobs.csv",
      "devlake/gitlab/_raw_gitlab_api_job.csv",
      "devlake/gitlab/_raw_gitlab_api_pipeline.csv",
      "devlake/jenkins/_raw_jenkins_api_stages.csv",
      "devlake/bitbucket/_raw_bitbucket_api_pipelines.csv",
      "octokit-webhooks-examples/extracted/workflow_job.examples.json",
      "github-rest-openapi/extracted-examples/check-run.json",
      "github-rest-openapi/extracted-examples/environment.json",
      "github-rest-openapi/extracted-examples/environments.json",
      "github-rest-openapi/extracted-examples/pending-deployment-items.json",
      "github-rest-openapi/extracted-examples/environment-approvals-items.json",
      "incident-io-openapi/extracted-examples/GET_v2_incidents.200.json",
      "k6-reporter/tests/data/simple.json",
      "unleash-state-export/src/test/examples/exported412-enterprise.json",
      "wiremock-mappings/src/test/resources/test-file-root/mappings/testjsonmapping.json"
    };
    for (String f : others) {
      String resource = REAL + f;
      Sniff s = Sniff.of(new FileSource(ImporterHarness.resource(resource), resource));
      for (Importer i : DeployImporters.all()) {
        assertEquals(Importer.NO, i.recognizes(s), i.id() + " claims " + f);
      }
      var d = ImporterRegistry.standard().detect(s);
      assertTrue(
          d.isEmpty() || !ours.contains(d.get().importer().id()),
          f + " detected as " + d.map(x -> x.importer().id()).orElse(""));
    }
  }

  @Test
  void aDeploymentReviewPayloadIsNotTakenForARunOrADeployment() throws Exception {
    // deployment_review payloads carry workflow runs awaiting approval, not deployments
    String resource = REAL + "octokit-webhooks-examples/extracted/deployment_review.examples.json";
    Sniff s = Sniff.of(new FileSource(ImporterHarness.resource(resource), resource));
    assertEquals(Importer.NO, new GitHubDeploymentsImporter().recognizes(s));
  }
}
