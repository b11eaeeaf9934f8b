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

class JenkinsBuildsImporterTest {
  private final JenkinsBuildsImporter importer = new JenkinsBuildsImporter();
  private static final String BUILDS = REAL + "devlake/jenkins/_raw_jenkins_api_builds.csv";
  private static final String MULTI =
      REAL + "devlake/jenkins/_raw_jenkins_api_builds_multibranch.csv";

  @Test
  void devLakeBuildsOfCiJobsAreNotDeploys() {
    var r = parse(importer, BUILDS);
    ImporterHarness.assertGolden(r, "deploys/jenkins-devlake-builds");
    assertCounts(r, 0, 14);
    assertAllNotADeploy(r);
    assertTrue(
        r.rejections()
            .get(0)
            .reason()
            .contains(
                "Jenkins job 'Test-jenkins-dir/test-jenkins-sub-dir/test-sub-sub-dir/devlake' build #31"));
    var m = parse(importer, MULTI);
    assertCounts(m, 0, 15);
    assertAllNotADeploy(m);
  }

  @Test
  void devLakeBuildsWithAnEnvironmentStatedForTheFile() {
    var r = parse(importer, BUILDS, sidecar(null, "production", null));
    ImporterHarness.assertGolden(r, "deploys/jenkins-devlake-builds-hinted");
    assertCounts(r, 14, 0);
    Deploy b31 = deploy(r, "Test-jenkins-dir/test-jenkins-sub-dir/test-sub-sub-dir/devlake#31");
    assertEquals("Test-jenkins-dir/test-jenkins-sub-dir/test-sub-sub-dir/devlake", b31.service());
    assertEquals(Instant.ofEpochMilli(1650024049161L), b31.startedAt());
    assertEquals(Instant.ofEpochMilli(1650024049161L + 1587), b31.finishedAt());
    assertEquals("0f886c74949c3ee7e489188911c7dc0c1d547418", b31.commitSha());
    assertEquals("main", b31.ref());
    assertEquals("merico", b31.actor());
    assertTrue(b31.identifiers().contains("build:31"));
    String job = "Test-jenkins-dir/test-jenkins-sub-dir/test-sub-sub-dir/devlake#";
    Deploy building = deploy(r, job + "10002");
    assertEquals(DeployStatus.IN_PROGRESS, building.status(), "building wins over result");
    assertNull(building.finishedAt());
    assertEquals(DeployStatus.CANCELLED, deploy(r, job + "10003").status(), "ABORTED");
    Deploy notBuild = deploy(r, job + "10004");
    assertEquals(DeployStatus.CANCELLED, notBuild.status());
    assertTrue(
        notBuild
            .provenance()
            .notes()
            .contains("result 'NOT_BUILD' is not a Jenkins result; read as NOT_BUILT"));
    assertEquals(DeployStatus.FAILED, deploy(r, job + "10005").status(), "UNSTABLE");
    assertEquals("pipeline-test2", deploy(r, "pipeline-test2#1").service());
  }

  @Test
  void multibranchBuildsBelongToTheProjectWithTheBranchAsRef() {
    var r = parse(importer, MULTI, sidecar(null, "staging", null));
    ImporterHarness.assertGolden(r, "deploys/jenkins-devlake-multibranch-hinted");
    assertCounts(r, 15, 0);
    Deploy main4 = deploy(r, "github_org/devlake-jenkins/main#4");
    assertEquals("github_org/devlake-jenkins", main4.service());
    assertEquals("main", main4.ref());
    assertEquals("c83ae02076382670e286ac2474b7a7327fc28cde", main4.commitSha());
    Deploy pr = deploy(r, "github_org/devlake-jenkins/PR-2#2");
    assertTrue(pr.identifiers().contains("pr:2"));
    assertEquals(DeployStatus.CANCELLED, deploy(r, "github_org/devlake-jenkins/PR-2#1").status());
  }

  @Test
  void apiJsonOfADeployJob() {
    // documented-deploys/README.md: the remote API build object inside a job's "builds"
    var r = parse(importer, DOC + "jenkins/job-builds.json");
    ImporterHarness.assertGolden(r, "deploys/jenkins-api-job");
    assertCounts(r, 2, 1);
    Deploy b57 = deploy(r, "platform/deploy-checkout#57");
    assertEquals("production", b57.environment(), "ENVIRONMENT parameter");
    assertEquals("2.14.3", b57.version(), "VERSION parameter");
    assertEquals("7a1b2c3d4e5f60718293a4b5c6d7e8f901234567", b57.commitSha(), "lowercased");
    assertTrue(b57.identifiers().contains("pr:812"));
    assertEquals("https://jenkins.example.com/job/platform/job/deploy-checkout/57/", b57.url());
    var bad = DeployTests.rejection(r, 1);
    assertTrue(bad.reason().contains("'timestamp' is 'not a time'"), bad.reason());
    Deploy b58 = deploy(r, "platform/deploy-checkout#58");
    assertEquals(DeployStatus.IN_PROGRESS, b58.status());
    assertEquals("staging", b58.environment());
  }

  @Test
  void singleBuildWhoseParametersSayRollback() {
    var r = parse(importer, DOC + "jenkins/build-single.json");
    assertCounts(r, 1, 0);
    Deploy d = deploy(r, "ops/checkout-prod#12");
    assertTrue(d.rollback());
    assertEquals("v2.14.2", d.version());
    assertEquals("production", d.environment(), "read from the job name");
    assertEquals(DeployStatus.FAILED, d.status());
    assertTrue(d.provenance().notes().contains("environment read from the job name"));
  }

  @Test
  void detection() {
    ImporterRegistry reg = ImporterRegistry.standard();
    for (String f :
        new String[] {
          BUILDS, MULTI, DOC + "jenkins/job-builds.json", DOC + "jenkins/build-single.json"
        }) {
      ImporterHarness.assertDetected(reg, f, JenkinsBuildsImporter.ID);
    }
  }
}
