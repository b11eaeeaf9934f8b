package dev.rehearsal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.app.Rows;
import dev.rehearsal.model.IncidentRow;
import dev.rehearsal.ui.incidents.IncidentsView;
import dev.rehearsal.ui.incidents.IncidentsViewModel;
import dev.rehearsal.ui.task.UiExecutor;
import dev.rehearsal.ui.task.WindowedScroll;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The incident table over more rows than a window (headless TestFX): it holds one window, its
 * selection is a row of the whole list that next, previous, Home and End move through (the window
 * sliding along) with the detail in step, and a search replaces its rows in place, in the order the
 * user chose, without emptying the table between results.
 */
class IncidentTableTest extends FxRobot {
  private static final int ROWS = 200_000;

  /** The view model's threads, stopped after each test however it ends. */
  private UiExecutor executor;

  /** Incident "k0" … "k{n-1}" (in the order asked: "k0" first newest, last oldest). */
  private static Rows.Source<IncidentRow> source(String prefix, int n) {
    return new Rows.Source<>() {
      @Override
      public int size() {
        return n;
      }

      @Override
      public List<IncidentRow> page(int from, int count) {
        return IntStream.range(from, Math.min(n, from + count))
            .mapToObj(i -> row(prefix + i))
            .toList();
      }

      @Override
      public void close() {}
    };
  }

  private static IncidentRow row(String key) {
    return IncidentsViewModelTest.row(key, "Title " + key);
  }

  @AfterEach
  void hide() throws Exception {
    if (executor != null) {
      executor.shutdown();
    }
    if (FxToolkit.isFXApplicationThreadRunning()) {
      FxToolkit.cleanupStages();
    }
  }

  private static void waitFor(Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(
        20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get(10, TimeUnit.SECONDS));
  }

  @Test
  void aTableOfTwoHundredThousandIncidentsHoldsAWindowItsSelectionCrossesAndASearchKeepsItsRows()
      throws Exception {
    FxToolkit.registerPrimaryStage();
    executor = new UiExecutor();
    List<Rows.Order> asked = new CopyOnWriteArrayList<>();
    IncidentsViewModel vm =
        new IncidentsViewModel(
            (q, o, m) -> {
              asked.add(o);
              // a query narrows to fewer rows; the order names them, as the workspace orders them
              String prefix = o.descending() ? "k" : "a";
              int n = q.isEmpty() ? ROWS : q.equals("rare") ? 500 : 150_000;
              return source(q.isEmpty() ? prefix : q + "-" + prefix, n);
            },
            column -> Map.of(),
            executor);
    Label detail = new Label();
    detail.setId("detail");
    // as the app opens the detail: the key selected in the whole list
    vm.selectedKeyProperty()
        .addListener(
            (o, a, key) -> {
              if (key != null) {
                detail.setText(key);
              }
            });
    List<String> opened = new ArrayList<>();
    IncidentsView[] shown = new IncidentsView[1];
    FxToolkit.setupSceneRoot(
        () -> {
          shown[0] = new IncidentsView(vm, detail);
          shown[0].setOnOpen(
              () -> opened.add(vm.selected() == null ? null : vm.selectedKeyProperty().get()));
          StackPane root = new StackPane(shown[0]);
          root.setPrefSize(1200, 700);
          return root;
        });
    FxToolkit.showStage();
    IncidentsView view = shown[0];
    TableView<IncidentRow> table = view.table();
    WindowedScroll<IncidentRow> scroll = view.scroll();
    interact(vm::search);
    waitFor(() -> vm.rows().size() == ROWS && vm.rows().get(0) != null);

    // one window of the rows, a bar beside it for all of them
    assertEquals(WindowedScroll.WINDOW, table.getItems().size(), "a window, not every row");
    assertTrue(scroll.bar().isVisible());
    assertEquals(ROWS - 1, (int) scroll.bar().getMax());

    // the last row of the first window selected, then next across its edge (showing the row
    // slides the window to centre it: put the window back at the start first)
    int last = WindowedScroll.WINDOW - 1;
    interact(() -> vm.select(last));
    assertInStep(vm, table, detail, "k" + last);
    interact(() -> vm.window().moveTo(0));
    assertEquals(0, vm.window().offset(), "the selected row is the window's last");
    assertEquals(last, vm.window().offset() + vm.window().size() - 1);
    for (int i = 1; i <= 3; i++) {
      interact(() -> vm.step(1));
      assertInStep(vm, table, detail, "k" + (last + i));
    }
    assertTrue(vm.window().offset() > 0, "the window slid along");
    assertTrue(scroll.firstVisible() <= last + 3 && last + 3 < scroll.firstVisible() + 40);

    // the window slides away (the bar dragged) and back: the incident stays selected
    interact(() -> scroll.scrollTo(150_000));
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(table.getSelectionModel().isEmpty(), "its row is not in the window");
    assertEquals("k" + (last + 3), vm.selectedKeyProperty().get());
    interact(() -> scroll.scrollTo(last - 10));
    assertInStep(vm, table, detail, "k" + (last + 3));

    // previous across the window's first row when the window lies after the selection
    interact(() -> vm.window().moveTo(last + 3 + 1));
    interact(() -> vm.step(-1));
    assertInStep(vm, table, detail, "k" + (last + 2));

    // Home and End: the first and the last incident of the whole list
    clickOn(table);
    push(KeyCode.END);
    assertInStep(vm, table, detail, "k" + (ROWS - 1));
    push(KeyCode.HOME);
    assertInStep(vm, table, detail, "k0");
    push(KeyCode.DOWN);
    assertInStep(vm, table, detail, "k1");
    // Enter opens the incident selected
    push(KeyCode.ENTER);
    assertEquals(List.of("k1"), opened);
    // a click on the selected row with the shortcut key held takes the selection away
    Node selectedRow =
        lookup(".table-row-cell")
            .match(r -> ((TableRow<?>) r).isSelected() && ((TableRow<?>) r).getItem() != null)
            .query();
    press(KeyCode.CONTROL).clickOn(selectedRow).release(KeyCode.CONTROL);
    waitFor(() -> vm.selectedIndexProperty().get() == -1);
    assertTrue(table.getSelectionModel().isEmpty(), "none selected in the table either");
    assertEquals(null, vm.selectedKeyProperty().get());

    // the user orders by onset, oldest first: the workspace orders the whole list
    @SuppressWarnings("unchecked")
    TableColumn<IncidentRow, ?> onset = table.getColumns().get(0);
    interact(() -> onset.setSortType(TableColumn.SortType.ASCENDING));
    waitFor(() -> !vm.busyProperty().get() && "a0".equals(firstRowKey(vm)));
    assertEquals(new Rows.Order(Rows.TIME, false), vm.orderProperty().get());

    // a search: the window's rows are replaced in place, never emptied, in the same order
    List<String> emptied = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    ListChangeListener<IncidentRow> watch =
        c -> {
          int size = c.getList().size();
          int before = size;
          while (c.next()) {
            before += c.getRemovedSize() - c.getAddedSize();
          }
          c.reset();
          while (c.next()) {
            if (c.wasReplaced() || (before > 0 && c.getRemovedSize() == before)) {
              emptied.add(c.toString());
            }
          }
          sizes.add(size);
        };
    // a row in the middle selected and in sight: the search must take both away
    interact(() -> vm.select(ROWS / 2));
    waitFor(() -> scroll.firstVisible() > 0 && !table.getSelectionModel().isEmpty());
    interact(() -> table.getItems().addListener(watch));
    int asks = asked.size();
    interact(
        () -> {
          vm.queryProperty().set("pool");
          vm.search();
        });
    waitFor(() -> !vm.busyProperty().get() && "pool-a0".equals(firstRowKey(vm)));
    assertEquals(asks + 1, asked.size(), "one search");
    assertEquals(new Rows.Order(Rows.TIME, false), asked.get(asked.size() - 1), "the user's order");
    assertEquals(List.of(onset), table.getSortOrder());
    assertEquals(TableColumn.SortType.ASCENDING, onset.getSortType());
    assertEquals(List.of(), emptied, "the rows were updated in place, not removed and added");
    assertFalse(sizes.contains(0), "the table's count never went through zero: " + sizes);
    assertEquals(-1, vm.selectedIndexProperty().get(), "other rows: nothing selected");
    assertTrue(table.getSelectionModel().isEmpty());
    assertEquals(0, scroll.firstVisible(), "a new search shows its first row");
    waitFor(
        () -> table.getItems().get(0) != null && "pool-a0".equals(table.getItems().get(0).key()));

    // a search with fewer rows than a window: only the difference is removed
    sizes.clear();
    interact(
        () -> {
          vm.queryProperty().set("rare");
          vm.search();
        });
    waitFor(() -> !vm.busyProperty().get() && "rare-a0".equals(firstRowKey(vm)));
    interact(() -> {}); // the rows' change heard
    assertEquals(List.of(), emptied);
    assertFalse(sizes.contains(0), "sizes " + sizes);
    assertEquals(500, table.getItems().size());
    assertFalse(scroll.bar().isVisible(), "the table's own scroll bar");
  }

  private static String firstRowKey(IncidentsViewModel vm) {
    IncidentRow r = vm.rows().isEmpty() ? null : vm.rows().get(0);
    return r == null ? null : r.key();
  }

  /** The view model, the table and the detail all show incident {@code key}. */
  private void assertInStep(
      IncidentsViewModel vm, TableView<IncidentRow> table, Label detail, String key)
      throws Exception {
    waitFor(
        () -> {
          IncidentRow inTable = table.getSelectionModel().getSelectedItem();
          return inTable != null && key.equals(inTable.key()) && key.equals(detail.getText());
        });
    int at = vm.selectedIndexProperty().get();
    assertEquals(key, vm.selectedKeyProperty().get());
    assertEquals(at - vm.window().offset(), table.getSelectionModel().getSelectedIndex());
    assertEquals(1, table.getSelectionModel().getSelectedIndices().size());
    assertNotEquals(-1, at);
  }
}
