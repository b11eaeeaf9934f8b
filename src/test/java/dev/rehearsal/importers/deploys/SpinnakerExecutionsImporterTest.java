package dev.rehearsal.importers.deploys;

import static dev.rehearsal.importers.deploys.DeployTests.REAL;
import static dev.rehearsal.importers.deploys.DeployTests.assertAllNotADeploy;
import static dev.rehearsal.importers.deploys.DeployTests.assertCounts;
import static dev.rehearsal.importers.deploys.DeployTests.deploy;
import static dev.rehearsal.importers.deploys.DeployTests.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

class SpinnakerExecutionsImporterTest {
  private final SpinnakerExecutionsImporter importer = new SpinnakerExecutionsImporter();
  private static final String DIR = REAL + "spinnaker-deck-fixtures/";

  @Test
  void appEngineList() {
    var r = parse(importer, DIR + "appengine/pipelines_list/pipelines.json");
    ImporterHarness.assertGolden(r, "deploys/spinnaker-appengine");
    assertCounts(r, 1, 1);
    Deploy d = deploy(r, "01D16JPP3V9SCYHXCRTTTAEZTY");
    assertEquals("gae", d.service());
    assertEquals(DeployStatus.SUCCEEDED, d.status());
    assertEquals(Instant.ofEpochMilli(1547482913093L), d.startedAt());
    assertEquals(Instant.ofEpochMilli(1547483008661L), d.finishedAt());
    assertTrue(DeployTests.rejection(r, 0).reason().contains("stages: wait"));
  }

  @Test
  void ecsDeployWithDockerTriggerTag() {
    var r = parse(importer, DIR + "ecs/pipelines/pipelines.json");
    ImporterHarness.assertGolden(r, "deploys/spinnaker-ecs");
    assertCounts(r, 1, 0);
    Deploy d = deploy(r, "01EJRKPD2SPEPHQ5NRN205047Q");
    assertEquals("ecsapp", d.service());
    assertEquals("ecsimage", d.version(), "the docker trigger's tag");
    assertEquals("", d.environment(), "nothing in the execution names one");
  }

  @Test
  void bakeAndWebhookPipelinesAreNotDeploys() {
    var bake =
        parse(importer, DIR + "cloudfoundry/pipelines/01F6848ZR2N8NJAPBVTEP9R8FV.succeeded.json");
    assertCounts(bake, 0, 1);
    assertAllNotADeploy(bake);
    var list = parse(importer, DIR + "cloudfoundry/pipelines/pipelines.json");
    assertCounts(list, 0, 1);
    var google = parse(importer, DIR + "google/pipelines_list/pipelines.json");
    ImporterHarness.assertGolden(google, "deploys/spinnaker-google");
    assertCounts(google, 0, 2);
    assertAllNotADeploy(google);
  }

  @TempDir Path dir;

  @Test
  void terminalExecutionOfADeployPipelineIsAFailedDeploy() throws Exception {
    // the real TERMINAL execution above is a webhook pipeline; the same record with a deploy
    // stage shows how TERMINAL and NOT_STARTED read
    String json =
        Files.readString(
                ImporterHarness.resource(DIR + "google/pipelines_list/pipelines.json"),
                StandardCharsets.UTF_8)
            .replace("\"type\": \"webhook\"", "\"type\": \"deployManifest\"");
    Path f = dir.resolve("pipelines.json");
    Files.writeString(f, json, StandardCharsets.UTF_8);
    var r =
        ImporterHarness.parse(
            importer,
            new dev.rehearsal.importers.FileSource(f),
            dev.rehearsal.importers.ImportContext.defaults());
    assertCounts(r, 2, 0);
    assertEquals(DeployStatus.FAILED, deploy(r, "01CXDH5AFBEJ3NVA478DYR8MFX").status());
    assertEquals(DeployStatus.SUCCEEDED, deploy(r, "01CXDG0Y3V6XQJTT1SK1YM4R9W").status());
  }

  @Test
  void detection() {
    ImporterRegistry reg = ImporterRegistry.standard();
    for (String f :
        new String[] {
          "appengine/pipelines_list/pipelines.json",
          "cloudfoundry/pipelines/01F6848ZR2N8NJAPBVTEP9R8FV.succeeded.json",
          "cloudfoundry/pipelines/pipelines.json",
          "ecs/pipelines/pipelines.json",
          "google/pipelines_list/pipelines.json"
        }) {
      ImporterHarness.assertDetected(reg, DIR + f, SpinnakerExecutionsImporter.ID);
    }
  }
}
