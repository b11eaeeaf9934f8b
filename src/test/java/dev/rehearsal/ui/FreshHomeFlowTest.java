package dev.rehearsal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rehearsal.app.Locations;
import dev.rehearsal.model.IncidentRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The first start of a new user: a home folder with nothing of Rehearsal in it, no workspace named.
 * The window opens the platform's default workspace, builds the demo in it with progress, marks it
 * as demo data and shows its incidents.
 */
class FreshHomeFlowTest extends FxRobot {
  private static javafx.application.Application app;
  private static Path home;
  private static String userHome;

  @BeforeAll
  static void start() throws Exception {
    // the default locations come from these variables when they are set: the test would then
    // write into the real ones, so it runs only where they are not
    for (String v : new String[] {"XDG_DATA_HOME", "XDG_CONFIG_HOME", "REHEARSAL_WORKSPACE"}) {
      assumeTrue(System.getenv(v) == null, v + " is set");
    }
    home = Files.createTempDirectory("rehearsal-fresh-home");
    userHome = System.getProperty("user.home");
    System.setProperty("user.home", home.toString());
    FxToolkit.registerPrimaryStage();
    app = FxToolkit.setupApplication(RehearsalApp.class);
  }

  @AfterAll
  static void stop() throws Exception {
    if (app != null) {
      FxToolkit.cleanupApplication(app);
      FxToolkit.cleanupStages();
    }
    if (userHome != null) {
      System.setProperty("user.home", userHome);
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void aFreshHomeOpensTheDefaultWorkspaceWithTheDemoInIt() throws Exception {
    Path expected = Locations.system().defaultWorkspace();
    assertTrue(expected.startsWith(home), "the default workspace is under the home: " + expected);
    Stage stage = (Stage) window(w -> w instanceof Stage && ((Stage) w).getTitle() != null);
    WaitForAsyncUtils.waitFor(
        300,
        TimeUnit.SECONDS,
        () ->
            stage.getTitle().contains("(demo data)")
                && lookup("#incident-table").tryQuery().isPresent()
                && !lookup("#incident-table").queryAs(TableView.class).getItems().isEmpty());
    assertEquals("Rehearsal \u2014 " + expected.getFileName() + " (demo data)", stage.getTitle());
    TableView<IncidentRow> table = lookup("#incident-table").queryAs(TableView.class);
    assertEquals(400, table.getItems().size(), "the demo's incidents");
    assertTrue(Files.isDirectory(expected), "the demo workspace was made at " + expected);
    assertTrue(Files.isRegularFile(expected.resolve("demo.json")), "marked as the demo");
  }
}
