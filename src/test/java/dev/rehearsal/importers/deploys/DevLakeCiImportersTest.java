package dev.rehearsal.importers.deploys;

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

/** Bitbucket, Bamboo and CircleCI, read from DevLake's raw tables. */
class DevLakeCiImportersTest {
  private static final String BITBUCKET =
      REAL + "devlake/bitbucket/_raw_bitbucket_api_deployments.csv";
  private static final String BAMBOO = REAL + "devlake/bamboo/_raw_bamboo_api_deploy_builds.csv";
  private static final String CIRCLE = REAL + "devlake/circleci/_raw_circleci_api_workflows.csv";

  @Test
  void bitbucketDeployments() {
    var r = parse(new BitbucketDeploymentsImporter(), BITBUCKET);
    ImporterHarness.assertGolden(r, "deploys/bitbucket-devlake-deployments");
    assertCounts(r, 23, 4);
    Deploy d = deploy(r, "fcb46cbc-8733-5264-b362-c05a8f9eb2f8");
    assertEquals("likyh/likyhphp", d.service());
    assertEquals("Staging", d.rawEnvironment());
    assertEquals("staging", d.environment());
    assertEquals("ca4302e0e56c89332711e1b1051ab2f0110d4412", d.commitSha());
    assertEquals(Instant.parse("2023-02-20T09:38:47.20339Z"), d.startedAt());
    assertEquals(Instant.parse("2023-02-20T09:38:52.307323Z"), d.finishedAt());
    assertTrue(d.identifiers().contains("pipeline:186"));
    assertEquals(DeployStatus.UNKNOWN, d.status(), "COMPLETED says it ended, not how");
    assertEquals("qa", deploy(r, "3ded5ffb-d61b-509d-bbdc-788806431302").environment());
    assertEquals(
        DeployStatus.SUCCEEDED, deploy(r, "5c6b00c4-a848-5db6-b9e1-3912631d4102").status());
    assertEquals(
        DeployStatus.CANCELLED, deploy(r, "5c6b00c4-a848-5db6-b9e1-3912631d4104").status());
    Deploy running = deploy(r, "5c6b00c4-a848-5db6-b9e1-3912631d4106");
    assertEquals(DeployStatus.IN_PROGRESS, running.status());
    assertNull(running.finishedAt());
    assertAllNotADeploy(r);
    assertTrue(r.rejections().get(0).reason().contains("UNDEPLOYED"));
  }

  @Test
  void bambooDeployResults() {
    var r = parse(new BambooDeploysImporter(), BAMBOO);
    ImporterHarness.assertGolden(r, "deploys/bamboo-devlake-deploys");
    assertCounts(r, 14, 0);
    Deploy d = deploy(r, "1540117");
    assertEquals("TEST-PLA2", d.service());
    assertEquals("dev", d.rawEnvironment(), "from DevLake's input column");
    assertEquals("development", d.environment());
    assertEquals("release-3", d.version());
    assertEquals("main", d.ref());
    assertEquals(Instant.ofEpochMilli(1691056147746L), d.startedAt());
    assertEquals(Instant.ofEpochMilli(1691056147770L), d.finishedAt());
    assertTrue(d.identifiers().contains("build:TEST-PLA2-12"));
    assertEquals("root", deploy(r, "1540106").actor());
    assertEquals(DeployStatus.FAILED, deploy(r, "1540101").status());
    assertEquals(
        DeployStatus.IN_PROGRESS,
        deploy(r, "130002").status(),
        "life cycle IN_PROGRESS wins over state FAILED");
    assertNull(deploy(r, "130002").finishedAt());
    assertEquals(DeployStatus.CANCELLED, deploy(r, "130005").status(), "NOT_BUILT");
  }

  @Test
  void circleCiWorkflowsWithoutDeployNamesAreNotDeploys() {
    var r = parse(new CircleCiWorkflowsImporter(), CIRCLE);
    assertCounts(r, 0, 10);
    assertAllNotADeploy(r);
    assertTrue(r.rejections().get(2).reason().contains("'say-hello-workflow'"));
  }

  @Test
  void circleCiWorkflowsWithAnEnvironmentStatedForTheFile() {
    var r = parse(new CircleCiWorkflowsImporter(), CIRCLE, sidecar(null, "staging", null));
    ImporterHarness.assertGolden(r, "deploys/circleci-devlake-workflows-hinted");
    assertCounts(r, 9, 1);
    Deploy d = deploy(r, "6731159f-5275-4bfa-ba70-39d343d63814");
    assertEquals("coldgust/coldgust.github.io", d.service());
    assertEquals(DeployStatus.FAILED, d.status());
    assertEquals(Instant.parse("2023-03-25T17:52:15Z"), d.startedAt());
    assertEquals(Instant.parse("2023-03-25T17:52:23Z"), d.finishedAt());
    assertTrue(d.identifiers().contains("pipeline:5"));
    // stopped before it was created (as exported): kept, and said so
    assertTrue(
        deploy(r, "fc76deef-bcdd-4856-8e96-a8e2d1c5a85f")
            .provenance()
            .notes()
            .contains("finish time is before start time in the source"));
    var empty = DeployTests.rejection(r, 9);
    assertEquals(101, empty.line());
    assertTrue(empty.reason().startsWith("no 'created_at'"), empty.reason());
  }

  @Test
  void detection() {
    ImporterRegistry reg = ImporterRegistry.standard();
    ImporterHarness.assertDetected(reg, BITBUCKET, BitbucketDeploymentsImporter.ID);
    ImporterHarness.assertDetected(reg, BAMBOO, BambooDeploysImporter.ID);
    ImporterHarness.assertDetected(reg, CIRCLE, CircleCiWorkflowsImporter.ID);
  }
}
