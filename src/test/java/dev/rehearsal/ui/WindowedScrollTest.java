package dev.rehearsal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.app.Rows;
import dev.rehearsal.ui.task.Background;
import dev.rehearsal.ui.task.PagedList;
import dev.rehearsal.ui.task.RowWindow;
import dev.rehearsal.ui.task.WindowedScroll;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A table over a long list holds a window of it: rows map through the window, rows that arrive
 * inside it are updated there, a new search starts it again at the first row, and the scroll bar
 * beside the table reaches every row (headless TestFX for the table).
 */
class WindowedScrollTest extends FxRobot {
  /** Rows "row 0" … "row n-1", made as their pages are read (a million are never held). */
  private static Rows.Source<String> source(int n) {
    return new Rows.Source<>() {
      @Override
      public int size() {
        return n;
      }

      @Override
      public List<String> page(int from, int count) {
        return IntStream.range(from, Math.min(n, from + count)).mapToObj(i -> "row " + i).toList();
      }

      @Override
      public void close() {}
    };
  }

  @AfterEach
  void hide() throws Exception {
    if (FxToolkit.isFXApplicationThreadRunning()) {
      FxToolkit.cleanupStages();
    }
  }

  @Test
  void aWindowMapsItsRowsUpdatesThoseInsideAndStartsAgainForNewRows() {
    ObservableList<String> all =
        FXCollections.observableArrayList(
            IntStream.range(0, 100).mapToObj(i -> "row " + i).toList());
    RowWindow<String> w = new RowWindow<>(all, 10);
    assertTrue(w.partial());
    assertEquals(10, w.size());
    assertEquals("row 0", w.get(0));
    List<String> changes = new ArrayList<>();
    w.addListener(
        (ListChangeListener<String>)
            c -> {
              while (c.next()) {
                changes.add(
                    (c.wasUpdated() ? "updated " : c.wasReplaced() ? "replaced " : "other ")
                        + c.getFrom()
                        + "-"
                        + c.getTo());
              }
            });
    w.moveTo(45);
    assertEquals(45, w.offset());
    assertEquals("row 45", w.get(0));
    assertEquals("row 54", w.get(9));
    assertEquals(List.of("replaced 0-10"), changes);
    w.moveTo(95); // kept inside the list: the last ten rows
    assertEquals(90, w.offset());
    assertEquals("row 99", w.get(9));
    changes.clear();
    w.moveTo(90);
    assertTrue(changes.isEmpty(), "already there");
    // other rows in the longer list (a set is a replace there): the window starts again, its
    // rows updated in place (a table that saw them replaced would rebuild its cells)
    changes.clear();
    all.set(93, "row 93 again");
    assertEquals(0, w.offset(), "other rows altogether start the window again");
    assertEquals(List.of("updated 0-10"), changes);
    // fewer rows: the window's rows updated, the rest removed; never all removed
    changes.clear();
    all.remove(5, 100);
    assertEquals(5, w.size());
    assertEquals(List.of("other 5-5", "updated 0-5"), changes);
    // a list that fits the window is shown whole
    RowWindow<String> whole = new RowWindow<>(FXCollections.observableArrayList("a", "b"), 10);
    assertFalse(whole.partial());
    assertEquals(2, whole.size());
  }

  @Test
  void rowsThatArriveInsideTheWindowAreUpdatedThere() {
    PagedList<String> rows = new PagedList<>(Background.DIRECT);
    rows.show(source(1000), List.of());
    RowWindow<String> w = new RowWindow<>(rows, 100);
    w.moveTo(450);
    List<String> updated = new ArrayList<>();
    w.addListener(
        (ListChangeListener<String>)
            c -> {
              while (c.next()) {
                if (c.wasUpdated()) {
                  updated.add(c.getFrom() + "-" + c.getTo());
                }
              }
            });
    // reading a row reads its page (here at once): the rows of it inside the window are updated
    assertEquals("row 450", w.get(0));
    assertFalse(updated.isEmpty());
    assertEquals(450, w.offset(), "rows arriving do not move the window");
    rows.show(source(30), List.of());
    assertEquals(0, w.offset());
    assertEquals(30, w.size());
    assertFalse(w.partial());
  }

  @Test
  void theScrollBarBesideTheTableReachesEveryRowOfAMillion() throws Exception {
    FxToolkit.registerPrimaryStage();
    // pages arrive later on the FX thread, as in the window (never while the table reads a row)
    dev.rehearsal.ui.task.UiExecutor executor = new dev.rehearsal.ui.task.UiExecutor();
    PagedList<String> rows = new PagedList<>(executor);
    rows.show(source(1_000_000), List.of());
    TableView<String> table = new TableView<>();
    TableColumn<String, String> c = new TableColumn<>("row");
    c.setCellValueFactory(d -> new ReadOnlyStringWrapper(d.getValue()));
    table.getColumns().add(c);
    table.setFixedCellSize(24);
    WindowedScroll<String>[] scroll = new WindowedScroll[1];
    FxToolkit.setupSceneRoot(
        () -> {
          scroll[0] = WindowedScroll.over(table, rows);
          StackPane root = new StackPane(scroll[0].node());
          root.setPrefSize(600, 400);
          return root;
        });
    FxToolkit.showStage();
    WaitForAsyncUtils.waitForFxEvents();
    WindowedScroll<String> s = scroll[0];
    assertEquals(WindowedScroll.WINDOW, table.getItems().size(), "a window, not a million rows");
    assertTrue(s.bar().isVisible());
    assertEquals(999_999, s.bar().getMax());
    assertEquals(s, WindowedScroll.of(table));

    // the bar dragged to the end: the last rows show
    interact(() -> s.bar().setValue(s.bar().getMax()));
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(s.firstVisible() > 999_900, "first row in sight " + s.firstVisible());
    assertEquals(1_000_000 - WindowedScroll.WINDOW, s.window().offset());
    WaitForAsyncUtils.waitFor(
        10,
        java.util.concurrent.TimeUnit.SECONDS,
        () ->
            lookup(
                    n ->
                        n instanceof javafx.scene.control.TableCell<?, ?> cell
                            && "row 999999".equals(cell.getText()))
                .tryQuery()
                .isPresent());

    // a row in the middle, put at the top
    interact(() -> s.scrollTo(500_000));
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(500_000, s.firstVisible());
    assertEquals(500_000, (int) s.bar().getValue());
    int offset = s.window().offset();
    assertTrue(offset <= 500_000 && 500_000 < offset + WindowedScroll.WINDOW);

    // the table scrolled by itself (a wheel, the keys) near the window's edge: the window slides
    // along and the same row stays at the top
    int nearEnd = offset + WindowedScroll.WINDOW - 50;
    interact(() -> table.scrollTo(nearEnd - offset));
    WaitForAsyncUtils.waitForFxEvents();
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(nearEnd, s.firstVisible());
    assertEquals(nearEnd, (int) s.bar().getValue(), "the bar follows the table");
    assertTrue(s.window().offset() > offset, "the window slid along");

    // End and Home: the last and the first row of the whole list, selected
    clickOn(table);
    push(javafx.scene.input.KeyCode.END);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(999_999 - s.window().offset(), table.getSelectionModel().getSelectedIndex());
    WaitForAsyncUtils.waitFor(
        10,
        java.util.concurrent.TimeUnit.SECONDS,
        () ->
            "row 999999"
                .equals(table.getItems().get(table.getSelectionModel().getSelectedIndex())));
    assertTrue(s.firstVisible() > 999_900, "first row in sight " + s.firstVisible());
    push(javafx.scene.input.KeyCode.HOME);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(0, s.window().offset());
    assertEquals(0, table.getSelectionModel().getSelectedIndex());
    assertEquals(0, s.firstVisible());
    assertEquals(0, (int) s.bar().getValue());

    // a new search: back to the first row, the table's own scroll bar when it fits
    interact(() -> rows.show(source(40), List.of()));
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(40, table.getItems().size());
    assertFalse(s.bar().isVisible());
    assertNull(WindowedScroll.of(new TableView<String>()), "a table's own rows");
    executor.shutdown();
  }
}
