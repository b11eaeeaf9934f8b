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

/** Argo CD: Application YAML/JSON (FORMATS.md §1) and `argocd app history` text (§2). */
class ArgoCdImportersTest {
  private final ArgoCdApplicationImporter app = new ArgoCdApplicationImporter();
  private final ArgoCdHistoryTextImporter text = new ArgoCdHistoryTextImporter();
  private static final String YAML = REAL + "argo-cd-testdata/controller/testdata/diff-cache.yaml";

  @Test
  void realApplicationYaml() {
    var r = parse(app, YAML);
    ImporterHarness.assertGolden(r, "deploys/argocd-application-yaml");
    assertCounts(r, 10, 0);
    Deploy first = deploy(r, "velero-test/14");
    assertEquals(90, first.provenance().line(), "line of the history entry");
    assertEquals(Instant.parse("2024-03-04T22:00:05Z"), first.startedAt());
    assertEquals(Instant.parse("2024-03-04T22:00:06Z"), first.finishedAt());
    assertEquals("ea8759964626a583667a2bfd08f334ec2070040a", first.commitSha());
    assertEquals("test-lla", first.ref());
    assertEquals(DeployStatus.SUCCEEDED, first.status());
    assertEquals("velero", first.service());
    assertEquals("qa", first.environment(), "'-test' ends the application name");
    assertEquals("test", first.rawEnvironment());
    // ten re-syncs of one commit are ten deploys
    assertEquals(
        10,
        r.records().stream()
            .map(x -> ((Deploy) x).commitSha())
            .filter("ea8759964626a583667a2bfd08f334ec2070040a"::equals)
            .count());
    // the latest operation is the last history entry: not imported twice, its user kept
    Deploy last = deploy(r, "velero-test/23");
    assertEquals("foo@example.com", last.actor());
    assertTrue(last.description().contains("successfully synced"));
    assertEquals("", first.actor(), "no initiatedBy in pre-2.11 entries");
    DeployTests.assertUniqueKeys(r);
  }

  @Test
  void listOfApplicationsWithMultiSourceAndAFailedOperation() {
    var r = parse(app, DOC + "argocd/applications-list.json");
    ImporterHarness.assertGolden(r, "deploys/argocd-application-list");
    assertCounts(r, 5, 1);
    Deploy auto = deploy(r, "checkout-production/7");
    assertEquals("checkout", auto.service());
    assertEquals("production", auto.environment());
    assertEquals("2.3.0", auto.version(), "the Helm chart's revision");
    assertEquals("a1b2c3d4e5f60718293a4b5c6d7e8f9012345678", auto.commitSha());
    assertEquals("automated", auto.actor());
    assertEquals("alice@example.com", deploy(r, "checkout-production/8").actor());
    Deploy failed = deploy(r, "checkout-production/operation/2024-07-01T08:02:00Z");
    assertEquals(DeployStatus.FAILED, failed.status());
    assertTrue(failed.rollback(), "operation info says Rollback to 7");
    assertEquals("bob@example.com", failed.actor());
    Deploy old = deploy(r, "search/0");
    assertEquals("staging", old.environment(), "label environment");
    assertEquals("v3.1.0", old.version());
    assertNull(old.startedAt(), "deployStartedAt is newer than this entry");
    assertEquals("", deploy(r, "search/1").actor(), "initiatedBy {}");
    assertTrue(DeployTests.rejection(r, 5).reason().contains("AppProject"));
  }

  @Test
  void truncatedListKeepsTheApplicationsBeforeTheCut() throws Exception {
    String json =
        Files.readString(
            ImporterHarness.resource(DOC + "argocd/applications-list.json"),
            StandardCharsets.UTF_8);
    String cut = json.substring(0, json.indexOf("\"revision\": \"89abcdef"));
    Path tmp = dir.resolve("cut.json");
    Files.writeString(tmp, cut, StandardCharsets.UTF_8);
    var r = ImporterHarness.parse(app, new FileSource(tmp, "cut.json"), ImportContext.defaults());
    assertCounts(r, 3, 1);
    assertEquals("checkout-production/7", r.records().get(0).sourceId());
    assertTrue(
        DeployTests.rejection(r, 3)
            .reason()
            .startsWith("the rest of the file could not " + "be read"),
        DeployTests.rejection(r, 3).reason());
  }

  @Test
  void brokenYamlIsReportedWithItsLine() throws Exception {
    String yaml = Files.readString(ImporterHarness.resource(YAML), StandardCharsets.UTF_8);
    String cut = yaml.substring(0, yaml.indexOf("    id: 18"));
    Path tmp = dir.resolve("cut.yaml");
    Files.writeString(tmp, cut + "  - deployStartedAt: [unclosed\n", StandardCharsets.UTF_8);
    var r = ImporterHarness.parse(app, new FileSource(tmp, "cut.yaml"), ImportContext.defaults());
    assertCounts(r, 0, 1);
    var rest = r.rejections().get(0);
    assertTrue(
        rest.reason()
            .startsWith("the rest of the file could not be read: the file is " + "not valid YAML"),
        rest.reason());
    assertTrue(rest.line() > 200, "line " + rest.line());
  }

  @TempDir Path dir;

  @Test
  void historyTextBefore211() {
    // documented-deploys/README.md: FORMATS.md §2, layout before v2.11.0
    var r =
        parse(text, DOC + "argocd/history-pre-2.11.txt", sidecar("checkout", "production", null));
    ImporterHarness.assertGolden(r, "deploys/argocd-history-text-pre-2.11");
    assertCounts(r, 4, 1);
    Deploy d = deploy(r, "checkout/9");
    assertEquals(Instant.parse("2024-03-04T22:00:06Z"), d.finishedAt(), "+0100 CET");
    assertEquals("b4b4d8c", d.commitSha());
    assertEquals("main", d.ref());
    assertEquals("production", d.environment());
    assertEquals("v1.4.2", deploy(r, "checkout/10").version());
    assertEquals(
        Instant.parse("2024-03-05T13:01:02Z"),
        deploy(r, "checkout/12").finishedAt(),
        "an offset-only zone (-0300 -03)");
    assertEquals("0.1.0", deploy(r, "checkout/12").version());
    var zero = DeployTests.rejection(r, 3);
    assertEquals(5, zero.line());
    assertTrue(zero.reason().contains("zero time"), zero.reason());
  }

  @Test
  void historyTextGroupedBySourceImportsEachEntryOnce() {
    var r =
        parse(text, DOC + "argocd/history-grouped.txt", sidecar("checkout", "production", null));
    ImporterHarness.assertGolden(r, "deploys/argocd-history-text-grouped");
    assertCounts(r, 2, 0);
    Deploy d = deploy(r, "checkout/5");
    assertEquals("e4f5a6b", d.commitSha());
    assertEquals("2.4.0", d.version());
    assertEquals(Instant.parse("2024-07-01T07:30:12Z"), d.finishedAt(), "+0200 CEST");
  }

  @Test
  void historyTextWithoutAServiceIsRejectedRowByRow() {
    var r = parse(text, DOC + "argocd/history-pre-2.11.txt");
    assertCounts(r, 0, 5);
    assertTrue(r.rejections().get(0).reason().startsWith("no service: argocd app history"));
  }

  @Test
  void sameKeysFromTextAndFromTheApplicationWhenTheServiceIsTheAppName() {
    var fromText =
        parse(text, DOC + "argocd/history-grouped.txt", sidecar("checkout-production", null, null));
    assertEquals("deploy/argocd/checkout-production/4", fromText.records().get(0).key());
    assertFalse(fromText.records().isEmpty());
  }

  @Test
  void detection() {
    ImporterRegistry reg = ImporterRegistry.standard();
    ImporterHarness.assertDetected(reg, YAML, ArgoCdApplicationImporter.ID);
    ImporterHarness.assertDetected(
        reg, DOC + "argocd/applications-list.json", ArgoCdApplicationImporter.ID);
    ImporterHarness.assertDetected(
        reg, DOC + "argocd/history-pre-2.11.txt", ArgoCdHistoryTextImporter.ID);
    ImporterHarness.assertDetected(
        reg, DOC + "argocd/history-grouped.txt", ArgoCdHistoryTextImporter.ID);
  }
}
