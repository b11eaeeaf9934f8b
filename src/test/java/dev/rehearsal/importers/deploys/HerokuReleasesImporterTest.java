package dev.rehearsal.importers.deploys;

import static dev.rehearsal.importers.deploys.DeployTests.DOC;
import static dev.rehearsal.importers.deploys.DeployTests.assertCounts;
import static dev.rehearsal.importers.deploys.DeployTests.deploy;
import static dev.rehearsal.importers.deploys.DeployTests.parse;
import static dev.rehearsal.importers.deploys.DeployTests.sidecar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.importers.ImporterHarness;
import dev.rehearsal.importers.ImporterRegistry;
import dev.rehearsal.model.Deploy;
import dev.rehearsal.model.DeployStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Heroku releases; the samples follow FORMATS.md §5 (no real export exists). */
class HerokuReleasesImporterTest {
  private final HerokuReleasesImporter importer = new HerokuReleasesImporter();
  private static final String STAGING = DOC + "heroku/checkout-staging.releases.json";
  private static final String BARE = DOC + "heroku/checkout.releases.json";

  @Test
  void releasesOfAnAppNamedForItsEnvironment() {
    var r = parse(importer, STAGING);
    ImporterHarness.assertGolden(r, "deploys/heroku-releases-staging");
    assertCounts(r, 7, 0);
    Deploy v41 = deploy(r, "9a1f6c1e-2b0e-4c4f-9d5e-0e7f3f1c2a01");
    assertEquals("checkout", v41.service());
    assertEquals("staging", v41.environment());
    assertEquals("69eec518", v41.commitSha());
    assertEquals("v41", v41.version());
    assertEquals(DeployStatus.SUCCEEDED, v41.status());
    assertEquals(Instant.parse("2024-05-02T09:14:41Z"), v41.finishedAt());
    assertFalse(v41.rollback());
    Deploy config = deploy(r, "9a1f6c1e-2b0e-4c4f-9d5e-0e7f3f1c2a02");
    assertTrue(config.identifiers().contains("config-change"));
    assertEquals("Set FEATURE_NEW_CART, PAYMENT_TIMEOUT_MS config vars", config.description());
    assertEquals("", config.commitSha());
    assertEquals(DeployStatus.FAILED, deploy(r, "9a1f6c1e-2b0e-4c4f-9d5e-0e7f3f1c2a03").status());
    Deploy rollback = deploy(r, "9a1f6c1e-2b0e-4c4f-9d5e-0e7f3f1c2a04");
    assertTrue(rollback.rollback());
    assertTrue(rollback.identifiers().contains("rollback-to:v41"));
    assertTrue(
        deploy(r, "9a1f6c1e-2b0e-4c4f-9d5e-0e7f3f1c2a05").identifiers().contains("config-change"),
        "add-on update changes config vars");
    assertEquals(
        DeployStatus.FAILED, deploy(r, "9a1f6c1e-2b0e-4c4f-9d5e-0e7f3f1c2a06").status(), "expired");
    Deploy pending = deploy(r, "9a1f6c1e-2b0e-4c4f-9d5e-0e7f3f1c2a07");
    assertEquals(DeployStatus.IN_PROGRESS, pending.status());
    assertNull(pending.finishedAt());
  }

  @Test
  void aBareAppNameIsProductionUnlessTheImportSaysOtherwise() {
    var r = parse(importer, BARE);
    ImporterHarness.assertGolden(r, "deploys/heroku-releases-bare");
    Deploy d = deploy(r, "2b7c9d10-0000-4000-8000-000000000101");
    assertEquals("checkout", d.service());
    assertEquals("production", d.environment());
    assertEquals("", d.rawEnvironment(), "the file does not write one");
    var hinted = parse(importer, BARE, sidecar(null, "staging", null));
    assertEquals("staging", deploy(hinted, "2b7c9d10-0000-4000-8000-000000000101").environment());
  }

  @Test
  void detection() {
    ImporterRegistry reg = ImporterRegistry.standard();
    ImporterHarness.assertDetected(reg, STAGING, HerokuReleasesImporter.ID);
    ImporterHarness.assertDetected(reg, BARE, HerokuReleasesImporter.ID);
  }
}
