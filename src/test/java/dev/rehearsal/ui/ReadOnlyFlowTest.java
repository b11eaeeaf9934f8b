package dev.rehearsal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.app.Demo;
import dev.rehearsal.app.Session;
import dev.rehearsal.demo.ScenarioGenerator;
import dev.rehearsal.index.DocKind;
import dev.rehearsal.index.Workspace;
import dev.rehearsal.model.IncidentRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window opens a workspace another writer holds: it says who holds it, shows the incidents, an
 * incident and the dashboard, keeps review and import disabled, and writes again once Retry finds
 * the workspace free; a writer that takes it again is found when a review is saved.
 */
class ReadOnlyFlowTest extends FxRobot {
  private static Path dir;
  private static Workspace other;
  private static javafx.application.Application app;

  @BeforeAll
  static void start() throws Exception {
    dir = Files.createTempDirectory("rehearsal-readonly");
    try (Session s = Session.openOrCreate(dir.resolve("ws"))) {
      Demo.build(
          s, dir.resolve("scenario"), new ScenarioGenerator.Options(4, 60, 600, -1, 5), null);
    }
    // another writer (as the command line's import would) holds the workspace while the window
    // opens
    other = Workspace.open(dir.resolve("ws"));
    other.whenBusy("rehearsal import", Duration.ZERO, m -> {});
    other.writes().deleteAll(DocKind.REJECTION);
    FxToolkit.registerPrimaryStage();
    app =
        FxToolkit.setupApplication(
            RehearsalApp.class,
            "--workspace=" + dir.resolve("ws"),
            "--config=" + dir.resolve("config"));
  }

  @AfterAll
  static void stop() throws Exception {
    FxToolkit.cleanupApplication(app);
    FxToolkit.cleanupStages();
    other.close();
  }

  private static void waitFor(int seconds, java.util.concurrent.Callable<Boolean> condition)
      throws Exception {
    WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
  }

  @SuppressWarnings("unchecked")
  private TableView<IncidentRow> table() {
    return lookup("#incident-table").queryAs(TableView.class);
  }

  private boolean shown(String id) {
    return lookup(id).tryQuery().map(Node::isVisible).orElse(false);
  }

  @Test
  void readsWhileAnotherWriterHoldsTheWorkspaceAndWritesAgainAfterRetry() throws Exception {
    RehearsalApp a = (RehearsalApp) app;
    waitFor(
        60,
        () ->
            lookup("#incident-table").tryQuery().isPresent()
                && table().getItems().size() == 60
                && table().getItems().get(0) != null);
    // the banner names the holder; the status bar says read-only
    waitFor(10, () -> shown("#readonly-banner"));
    String said = lookup("#readonly-message").queryAs(Label.class).getText();
    assertTrue(said.startsWith("Read-only for now: rehearsal import (process "), said);
    assertTrue(shown("#status-readonly"));

    // browsing: an incident opens with its evidence; review stays disabled
    IncidentRow row = table().getItems().get(0);
    interact(() -> table().getSelectionModel().clearAndSelect(0));
    waitFor(
        20,
        () ->
            lookup("#detail-title").tryQuery().isPresent()
                && lookup("#detail-title").queryAs(Label.class).getText().contains(row.title()));
    assertTrue(lookup("#review-confirm").queryAs(Button.class).isDisabled());
    assertTrue(lookup("#review-save").queryAs(Button.class).isDisabled());
    // the dashboard reads; import and settings do not write
    clickOn("#nav-dashboard");
    waitFor(30, () -> a.views().dashboard.viewProperty().get() != null);
    assertEquals(60, a.views().dashboard.viewProperty().get().total().incidents());
    clickOn("#nav-import");
    assertTrue(lookup("#import-start").queryAs(Button.class).isDisabled());
    clickOn("#nav-settings");
    assertTrue(lookup("#settings-save").queryAs(Button.class).isDisabled());

    // still held: Retry says so
    clickOn("#readonly-retry");
    waitFor(10, () -> a.lastNoticeProperty().get().startsWith("Still read-only: rehearsal import"));
    assertTrue(shown("#readonly-banner"));

    // the other writer finishes: Retry finds the workspace free, and a review saves
    other.writes().discard();
    clickOn("#readonly-retry");
    waitFor(10, () -> !shown("#readonly-banner"));
    assertEquals("The workspace can be written again.", a.lastNoticeProperty().get());
    assertFalse(shown("#status-readonly"));
    clickOn("#nav-incidents");
    Button confirm = lookup("#review-confirm").queryAs(Button.class);
    waitFor(10, () -> !confirm.isDisabled());
    Label message = lookup("#review-message").queryAs(Label.class);
    interact(confirm::fire);
    waitFor(20, () -> message.getText().startsWith("Saved by"));

    // another writer takes the workspace while the window shows it: saving a review finds it,
    // refuses, and the window turns read-only
    other.writes().deleteAll(DocKind.REJECTION);
    waitFor(10, () -> !confirm.isDisabled());
    interact(confirm::fire);
    waitFor(
        20,
        () ->
            message.getText().startsWith("Saving the review has to wait: the workspace ")
                && shown("#readonly-banner"));
    assertTrue(message.getText().contains("rehearsal import (process "), message.getText());
    assertTrue(confirm.isDisabled());
    other.writes().discard();
  }
}
