package dev.rehearsal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.app.Rows;
import dev.rehearsal.model.IncidentRow;
import dev.rehearsal.ui.incidents.IncidentsView;
import dev.rehearsal.ui.incidents.IncidentsViewModel;
import dev.rehearsal.ui.shell.QuietTooltip;
import dev.rehearsal.ui.task.Background;
import java.util.List;
import java.util.Map;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The incident table's cells (headless TestFX): an escape's verdict is marked by a pseudo-class
 * (red in the style sheets) and no other verdict is, also after a cell is given another row; a text
 * too long for its cell has its whole text as a tooltip, a short one an empty tooltip that never
 * shows.
 */
class IncidentCellsTest extends FxRobot {
  private static final PseudoClass ESCAPE = PseudoClass.getPseudoClass("escape");

  @AfterEach
  void hide() throws Exception {
    if (FxToolkit.isFXApplicationThreadRunning()) {
      FxToolkit.cleanupStages();
    }
  }

  private static IncidentRow row(String key, String title, String verdict) {
    return IncidentsViewModelTest.row(key, title, verdict, List.of());
  }

  private static Rows.Source<IncidentRow> source(List<IncidentRow> rows) {
    return new Rows.Source<>() {
      @Override
      public int size() {
        return rows.size();
      }

      @Override
      public List<IncidentRow> page(int from, int count) {
        return rows.subList(from, Math.min(rows.size(), from + count));
      }

      @Override
      public void close() {}
    };
  }

  @Test
  void anEscapeIsMarkedAndOnlyALongTextHasATooltipThatShows() throws Exception {
    FxToolkit.registerPrimaryStage();
    List<IncidentRow> first =
        List.of(
            row("a", "Checkout latency after the pool change", "escape"),
            row("b", "Short", "caught"));
    // the same cells given the rows the other way round: the marks follow the rows
    List<IncidentRow> second = List.of(first.get(1), first.get(0));
    IncidentsViewModel vm =
        new IncidentsViewModel(
            (q, o, m) -> source(q.isEmpty() ? first : second),
            column -> Map.of(),
            Background.DIRECT);
    IncidentsView[] shown = new IncidentsView[1];
    FxToolkit.setupSceneRoot(
        () -> {
          shown[0] = new IncidentsView(vm, new Label());
          StackPane root = new StackPane(shown[0]);
          root.setPrefSize(1200, 500);
          return root;
        });
    FxToolkit.showStage();
    interact(vm::search);
    WaitForAsyncUtils.waitForFxEvents();
    assertRow(0, "a", true, "Checkout latency after the pool change");
    assertRow(1, "b", false, "");

    interact(
        () -> {
          vm.queryProperty().set("again");
          vm.search();
        });
    WaitForAsyncUtils.waitForFxEvents();
    assertRow(0, "b", false, "");
    assertRow(1, "a", true, "Checkout latency after the pool change");

    // an empty tooltip does not show; one with text does
    QuietTooltip quiet = new QuietTooltip();
    interact(() -> quiet.show(shown[0].getScene().getWindow(), 10, 10));
    assertFalse(quiet.isShowing(), "an empty tooltip stays hidden");
    interact(
        () -> {
          quiet.setText("the whole title");
          quiet.show(shown[0].getScene().getWindow(), 10, 10);
        });
    assertTrue(quiet.isShowing());
    interact(quiet::hide);
  }

  /** The row at a table index: its verdict cell marked or not, its title cell's tooltip text. */
  private void assertRow(int index, String key, boolean escape, String titleTip) {
    TableCell<?, ?> verdict = cell("Verdict", index);
    TableCell<?, ?> title = cell("Title", index);
    assertEquals(key, ((IncidentRow) verdict.getTableRow().getItem()).key());
    assertEquals(escape, verdict.getPseudoClassStates().contains(ESCAPE), key + "'s verdict");
    Tooltip tip = title.getTooltip();
    assertNotNull(tip, "a cell keeps its tooltip installed");
    assertEquals(titleTip, tip.getText(), key + "'s title tooltip");
  }

  private TableCell<?, ?> cell(String column, int index) {
    return lookup(".table-cell")
        .match(
            c -> {
              TableCell<?, ?> cell = (TableCell<?, ?>) c;
              return cell.getTableColumn() != null
                  && column.equals(cell.getTableColumn().getText())
                  && cell.getIndex() == index
                  && cell.getTableRow() != null
                  && cell.getTableRow().getItem() != null;
            })
        .query();
  }
}
