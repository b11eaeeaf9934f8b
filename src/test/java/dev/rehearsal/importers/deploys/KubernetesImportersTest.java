package dev.rehearsal.importers.deploys;

import static dev.rehearsal.importers.deploys.DeployTests.DOC;
import static dev.rehearsal.importers.deploys.DeployTests.REAL;
import static dev.rehearsal.importers.deploys.DeployTests.assertCounts;
import static dev.rehearsal.importers.deploys.DeployTests.deploy;
import static dev.rehearsal.importers.deploys.DeployTests.parse;
import static dev.rehearsal.importers.deploys.DeployTests.sidecar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.importers.FileSource;
import dev.rehearsal.importers.ImportContext;
import dev.rehearsal.importers.ImporterHarness;
import dev.rehearsal.importers.ImporterRegistry;
import dev.rehearsal.model.Deploy;
import dev.rehearsal.model.DeployStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kubernetes: ReplicaSets and Deployments (FORMATS.md §3), kubectl rollout history (§4). */
class KubernetesImportersTest {
  private final KubernetesRolloutsImporter rollouts = new KubernetesRolloutsImporter();
  private final KubectlRolloutHistoryImporter text = new KubectlRolloutHistoryImporter();
  private static final String RS = REAL + "k9s-testdata/internal/render/testdata/rs.json";
  private static final String DP = REAL + "k9s-testdata/internal/render/testdata/dp.json";

  @Test
  void realReplicaSetAndItsDeploymentMeetInOneKey() {
    var rs = parse(rollouts, RS);
    ImporterHarness.assertGolden(rs, "deploys/kubernetes-k9s-replicaset");
    assertCounts(rs, 1, 0);
    Deploy fromRs = deploy(rs, "icx/icx-db/1");
    assertEquals("icx-db", fromRs.service(), "the owner Deployment");
    assertEquals("9.2-alpine", fromRs.version(), "the image tag");
    assertEquals(Instant.parse("2019-07-14T04:54:17Z"), fromRs.startedAt());
    assertEquals(DeployStatus.UNKNOWN, fromRs.status());
    assertEquals("", fromRs.environment(), "namespace 'icx' names no environment");
    var dp = parse(rollouts, DP);
    ImporterHarness.assertGolden(dp, "deploys/kubernetes-k9s-deployment");
    assertCounts(dp, 1, 0);
    Deploy fromDp = deploy(dp, "icx/icx-db/1");
    assertEquals(fromRs.key(), fromDp.key());
    assertEquals(DeployStatus.SUCCEEDED, fromDp.status(), "NewReplicaSetAvailable");
    assertEquals(Instant.parse("2019-07-14T04:54:20Z"), fromDp.finishedAt());
  }

  @Test
  void replicaSetListWithChangeCausesAndARollback() {
    var r = parse(rollouts, DOC + "kubernetes/replicasets-list.json");
    ImporterHarness.assertGolden(r, "deploys/kubernetes-replicaset-list");
    assertCounts(r, 2, 1);
    Deploy rev3 = deploy(r, "production/checkout/3");
    assertEquals("v2.14.3", rev3.version());
    assertEquals("production", rev3.environment(), "namespace");
    assertTrue(rev3.identifiers().contains("pr:812"));
    assertFalse(rev3.rollback());
    Deploy rev4 = deploy(r, "production/checkout/4");
    assertTrue(rev4.rollback(), "revision-history annotation");
    assertTrue(rev4.version().startsWith("sha256:"), "image by digest");
    assertTrue(DeployTests.rejection(r, 2).reason().contains("'batch-runner'"));
  }

  @Test
  void clusterDumpOfTypedListsOneAfterAnother() {
    var r = parse(rollouts, DOC + "kubernetes/cluster-dump-replicasets.json");
    ImporterHarness.assertGolden(r, "deploys/kubernetes-cluster-dump");
    assertCounts(r, 2, 0);
    Deploy rs = (Deploy) r.records().get(0);
    Deploy dep = (Deploy) r.records().get(1);
    assertEquals("staging/search/12", rs.sourceId());
    assertEquals(rs.key(), dep.key());
    assertEquals(DeployStatus.FAILED, dep.status(), "ProgressDeadlineExceeded");
    assertEquals(Instant.parse("2024-06-11T08:11:00Z"), dep.finishedAt());
    assertNull(dep.startedAt(), "revision 12's start is not in a Deployment object");
  }

  @Test
  void rolloutHistoryTextNeedsATime() {
    var none = parse(text, DOC + "kubernetes/rollout-history.txt");
    assertCounts(none, 0, 3);
    assertTrue(
        none.rejections()
            .get(0)
            .reason()
            .startsWith("no time: kubectl rollout history " + "prints none"));
    Instant at = Instant.parse("2024-06-12T10:00:00Z");
    var r = parse(text, DOC + "kubernetes/rollout-history.txt", sidecar(null, "production", at));
    ImporterHarness.assertGolden(r, "deploys/kubectl-rollout-history-text");
    assertCounts(r, 3, 0);
    Deploy rev4 = deploy(r, "production/checkout/4");
    assertEquals("checkout", rev4.service());
    assertEquals(at, rev4.startedAt());
    assertTrue(rev4.rollback(), "rollout undo");
    assertEquals("", deploy(r, "production/checkout/2").description(), "<none>");
  }

  @TempDir Path dir;

  @Test
  void yamlDocumentsOneAfterAnother() throws Exception {
    Path f = dir.resolve("rs.yaml");
    Files.writeString(
        f,
        String.join(
            "\n",
            "apiVersion: apps/v1",
            "kind: ReplicaSet",
            "metadata:",
            "  name: checkout-6b9f7c5d4",
            "  namespace: checkout-staging",
            "  creationTimestamp: \"2024-06-10T14:02:11Z\"",
            "  annotations:",
            "    deployment.kubernetes.io/revision: \"7\"",
            "  ownerReferences:",
            "  - {apiVersion: apps/v1, kind: Deployment, name: checkout, controller: true}",
            "spec:",
            "  template:",
            "    spec:",
            "      containers:",
            "      - name: checkout",
            "        image: registry.example.com/checkout:2.15.0",
            "---",
            "apiVersion: v1",
            "kind: ConfigMap",
            "metadata: {name: checkout-config, namespace: checkout-staging}",
            "data: {TIMEOUT_MS: \"900\"}",
            ""),
        StandardCharsets.UTF_8);
    var r = ImporterHarness.parse(rollouts, new FileSource(f), ImportContext.defaults());
    assertCounts(r, 1, 1);
    Deploy d = deploy(r, "checkout-staging/checkout/7");
    assertEquals("staging", d.environment(), "namespace ending");
    assertEquals("2.15.0", d.version());
    assertEquals(1, d.provenance().line());
    var cm = DeployTests.rejection(r, 1);
    assertEquals(18, cm.line());
    assertTrue(cm.reason().contains("ConfigMap 'checkout-config'"), cm.reason());
  }

  @Test
  void detection() {
    ImporterRegistry reg = ImporterRegistry.standard();
    ImporterHarness.assertDetected(reg, RS, KubernetesRolloutsImporter.ID);
    ImporterHarness.assertDetected(reg, DP, KubernetesRolloutsImporter.ID);
    ImporterHarness.assertDetected(
        reg, DOC + "kubernetes/replicasets-list.json", KubernetesRolloutsImporter.ID);
    ImporterHarness.assertDetected(
        reg, DOC + "kubernetes/cluster-dump-replicasets.json", KubernetesRolloutsImporter.ID);
    ImporterHarness.assertDetected(
        reg, DOC + "kubernetes/rollout-history.txt", KubectlRolloutHistoryImporter.ID);
  }
}
