package dev.rehearsal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.Records;
import dev.rehearsal.index.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The first window, headless: it opens a workspace, lists incidents and searches them. */
class AppSmokeTest extends FxRobot {
  private static Path dir;
  private static javafx.application.Application app;

  @BeforeAll
  static void start() throws Exception {
    dir = Files.createTempDirectory("rehearsal-ui");
    try (Workspace w = Workspace.open(dir)) {
      w.writes()
          .upsert(
              Records.incident(
                  "P1",
                  "Checkout latency above SLO",
                  "The connection pool was exhausted",
                  "Checkout API",
                  "2024-03-01T10:00:00Z"));
      w.writes()
          .upsert(
              Records.incident(
                  "P2",
                  "Search returns nothing",
                  "Index rebuild failed",
                  "search",
                  "2024-03-05T10:00:00Z"));
      w.writes()
          .upsert(
              Records.incident(
                  "P3",
                  "Payments declined",
                  "Stripe answered 429",
                  "payments",
                  "2024-03-07T10:00:00Z"));
      w.writes().commit();
    }
    Path shot = dir.resolve("shot.png");
    FxToolkit.registerPrimaryStage();
    app =
        FxToolkit.setupApplication(
            RehearsalApp.class,
            "--workspace=" + dir,
            "--config=" + dir.resolve("config"),
            "--screenshot=" + shot);
  }

  @AfterAll
  static void stop() throws Exception {
    FxToolkit.cleanupApplication(app);
    FxToolkit.cleanupStages();
  }

  @SuppressWarnings("unchecked")
  private TableView<Object> table() {
    return lookup("#incident-table").queryAs(TableView.class);
  }

  @Test
  void listsAndSearchesIncidents() throws Exception {
    WaitForAsyncUtils.waitFor(
        20,
        TimeUnit.SECONDS,
        () ->
            WaitForAsyncUtils.asyncFx(
                    () ->
                        lookup("#incident-table").tryQuery().isPresent()
                            && table().getItems().size() == 3)
                .get(10, TimeUnit.SECONDS));
    assertEquals(3, table().getItems().size());
    Label status = lookup("#incident-status").queryAs(Label.class);
    assertTrue(status.getText().startsWith("3 incidents"), status.getText());

    clickOn("#incident-search").write("connection pool").type(KeyCode.ENTER);
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table().getItems().size() == 1);
    assertTrue(status.getText().startsWith("1 incident match"), status.getText());

    TextField field = lookup("#incident-search").queryAs(TextField.class);
    interact(() -> field.setText("title:(broken"));
    clickOn("#incident-search").type(KeyCode.ENTER);
    Label error = lookup("#incident-search-error").queryAs(Label.class);
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !error.getText().isEmpty());
    assertTrue(error.getText().contains("not valid search syntax"), error.getText());
    assertEquals(1, table().getItems().size(), "the last result stays");

    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(dir.resolve("shot.png")));
    assertTrue(Files.size(dir.resolve("shot.png")) > 10_000, "a real picture was written");
    assertTrue(
        listWindows().stream()
            .anyMatch(w -> w instanceof Stage s && s.getTitle().startsWith("Rehearsal")));
  }

  /**
   * The table's frame and rows each paint as one plain fill, focused or not: the style that keeps a
   * software renderer from stretching a cached image over the table on every scroll step
   * (docs/performance.md).
   */
  @Test
  void tableAndRowsPaintAsPlainFills() throws Exception {
    WaitForAsyncUtils.waitFor(
        20,
        TimeUnit.SECONDS,
        () ->
            WaitForAsyncUtils.asyncFx(
                    () ->
                        lookup("#incident-table").tryQuery().isPresent()
                            && !table().getItems().isEmpty())
                .get(10, TimeUnit.SECONDS));
    TableView<Object> table = table();
    assertPlainFill(table, "table");
    javafx.scene.paint.Paint unfocused = table.getBorder().getStrokes().get(0).getTopStroke();
    interact(table::requestFocus);
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, table::isFocused);
    interact(table::applyCss);
    assertPlainFill(table, "focused table");
    assertNotEquals(
        unfocused,
        table.getBorder().getStrokes().get(0).getTopStroke(),
        "the focused table shows it by its border");
    var row = lookup(".table-row-cell").queryAs(javafx.scene.control.TableRow.class);
    assertPlainFill(row, "row");
  }

  private static void assertPlainFill(javafx.scene.layout.Region r, String what) {
    var fills = r.getBackground().getFills();
    assertEquals(1, fills.size(), what + ": " + fills);
    assertEquals(javafx.geometry.Insets.EMPTY, fills.get(0).getInsets(), what);
    assertEquals(javafx.scene.layout.CornerRadii.EMPTY, fills.get(0).getRadii(), what);
  }
}
