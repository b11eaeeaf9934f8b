package dev.rehearsal.ui.task;

import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.collections.ObservableList;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * A table over a long list (a million deploys) whose frames cost no more at the last row than at
 * the first: the table holds a {@link RowWindow} of {@value #WINDOW} rows, and a scroll bar beside
 * it spans the whole list. Dragging that bar, the wheel, the keys or {@link #scrollTo} move through
 * the window; near its edges the window slides along, keeping the rows in sight where they are. A
 * list that fits one window is the table's own, with its own scroll bar.
 */
public final class WindowedScroll<T> {
  /** Rows a table holds at once. */
  public static final int WINDOW = 20_000;

  private final TableView<T> table;
  private final RowWindow<T> window;
  private final int margin;
  private final ScrollBar bar = new ScrollBar();
  private final HBox node;
  private VirtualFlow<?> flow;
  private boolean syncing;
  private boolean following; // a follow is scheduled

  private WindowedScroll(TableView<T> table, RowWindow<T> window) {
    this.table = table;
    this.window = window;
    this.margin = Math.max(1, window.capacity() / 10);
    ObservableList<T> rows = window.rows();
    table.setItems(window);
    table.getProperties().put(WindowedScroll.class, this);
    bar.setOrientation(Orientation.VERTICAL);
    bar.setMin(0);
    bar.setUnitIncrement(1);
    bar.getStyleClass().add("window-scroll-bar");
    node = new HBox(table, bar);
    HBox.setHgrow(table, Priority.ALWAYS);
    window.addListener((InvalidationListener) o -> fit());
    // other rows altogether (a search): back to the first, as the window is, with nothing
    // selected (the window keeps its rows' cells, updated, and so would keep a row selected)
    rows.addListener(
        (javafx.collections.ListChangeListener<T>)
            c -> {
              while (c.next()) {
                if (!c.wasUpdated()) {
                  table.getSelectionModel().clearSelection();
                  syncing = true;
                  try {
                    bar.setValue(0);
                    if (!window.isEmpty()) {
                      table.scrollTo(0);
                    }
                  } finally {
                    syncing = false;
                  }
                  return;
                }
              }
            });
    table.heightProperty().addListener(o -> fit());
    bar.valueProperty()
        .addListener(
            (o, a, v) -> {
              if (!syncing) {
                scrollTo((int) Math.round(v.doubleValue()));
              }
            });
    // Home and End go to the first and the last row of the whole list, not of the window
    table.addEventFilter(
        javafx.scene.input.KeyEvent.KEY_PRESSED,
        e -> {
          if (!window.partial() || e.isShiftDown()) {
            return;
          }
          javafx.scene.input.KeyCode k = e.getCode();
          if (k == javafx.scene.input.KeyCode.HOME || k == javafx.scene.input.KeyCode.END) {
            int row = k == javafx.scene.input.KeyCode.HOME ? 0 : window.total() - 1;
            scrollTo(row);
            int local = row - window.offset();
            table.getSelectionModel().clearAndSelect(local);
            table.getFocusModel().focus(local);
            e.consume();
          }
        });
    table.skinProperty().addListener(o -> attach());
    attach();
    fit();
  }

  /** A table over {@code rows}, a window of {@value #WINDOW} at a time. */
  public static <T> WindowedScroll<T> over(TableView<T> table, ObservableList<T> rows) {
    return new WindowedScroll<>(table, new RowWindow<>(rows, WINDOW));
  }

  /** As {@link #over(TableView, ObservableList)}, with a window of another size (for tests). */
  public static <T> WindowedScroll<T> over(
      TableView<T> table, ObservableList<T> rows, int capacity) {
    return new WindowedScroll<>(table, new RowWindow<>(rows, capacity));
  }

  /**
   * A table over a window made elsewhere (a view model's, which keeps the selection in the whole
   * list while the window slides).
   */
  public static <T> WindowedScroll<T> over(TableView<T> table, RowWindow<T> window) {
    return new WindowedScroll<>(table, window);
  }

  /** The windowed scroll of a table, or null when its rows are its own. */
  @SuppressWarnings("unchecked")
  public static <T> WindowedScroll<T> of(TableView<T> table) {
    return (WindowedScroll<T>) table.getProperties().get(WindowedScroll.class);
  }

  /** The table and the scroll bar that spans the whole list, side by side. */
  public Node node() {
    return node;
  }

  /** The scroll bar that spans the whole list (shown while the list is longer than a window). */
  public ScrollBar bar() {
    return bar;
  }

  public RowWindow<T> window() {
    return window;
  }

  /** Shows row {@code row} of the whole list at the top of the table. */
  public void scrollTo(int row) {
    if (!window.partial()) {
      table.scrollTo(row);
      return;
    }
    int r = Math.max(0, Math.min(row, window.total() - 1));
    int local = r - window.offset();
    if (local < 0 || local >= window.size() || nearEdge(local)) {
      window.moveTo(r - window.capacity() / 2);
      local = r - window.offset();
    }
    syncing = true;
    try {
      table.scrollTo(local);
      bar.setValue(r);
    } finally {
      syncing = false;
    }
  }

  /**
   * Whether a row of the window lies within the margin of an edge that the window can slide past
   * (rows of the longer list lie beyond it).
   */
  private boolean nearEdge(int local) {
    boolean nearStart = local < margin && window.offset() > 0;
    boolean nearEnd =
        local > window.size() - margin && window.offset() + window.size() < window.total();
    return nearStart || nearEnd;
  }

  /** The first row of the whole list in sight, or -1 before the table is laid out. */
  public int firstVisible() {
    IndexedCell<?> first = flow == null ? null : flow.getFirstVisibleCell();
    return first == null || first.getIndex() < 0 ? -1 : window.offset() + first.getIndex();
  }

  private void attach() {
    if (flow == null && table.lookup(".virtual-flow") instanceof VirtualFlow<?> f) {
      flow = f;
      // a change listener: an invalidation listener hears nothing while nobody reads the value
      f.positionProperty().addListener((o, a, b) -> follow());
    }
  }

  /**
   * The table scrolled by itself (wheel, keys): once it has laid out its rows at the new position,
   * the bar follows and the window slides near its edges.
   */
  private void follow() {
    if (syncing || following || !window.partial()) {
      return;
    }
    javafx.scene.Scene scene = table.getScene();
    if (scene == null) {
      return;
    }
    following = true;
    // after the pulse's layout: the rows in sight are those of the new position then
    scene.addPostLayoutPulseListener(
        new Runnable() {
          @Override
          public void run() {
            scene.removePostLayoutPulseListener(this);
            following = false;
            // sliding the window changes the rows: not inside the pulse that lays them out
            Platform.runLater(WindowedScroll.this::followNow);
          }
        });
    Platform.requestNextPulse();
  }

  private void followNow() {
    if (syncing || !window.partial()) {
      return;
    }
    int abs = firstVisible();
    if (abs < 0) {
      return;
    }
    syncing = true;
    try {
      bar.setValue(abs);
    } finally {
      syncing = false;
    }
    int local = abs - window.offset();
    if (nearEdge(local)) {
      scrollTo(abs);
    }
  }

  /** The bar spans the whole list while it is longer than the window; the table's own is hidden. */
  private void fit() {
    boolean partial = window.partial();
    bar.setVisible(partial);
    bar.setManaged(partial);
    if (partial && !table.getStyleClass().contains("windowed")) {
      table.getStyleClass().add("windowed");
    } else if (!partial) {
      table.getStyleClass().remove("windowed");
    }
    double cell = table.getFixedCellSize() > 0 ? table.getFixedCellSize() : 24;
    int inSight = Math.max(1, (int) (table.getHeight() / cell) - 1);
    syncing = true;
    try {
      bar.setMax(Math.max(0, window.total() - 1));
      bar.setVisibleAmount(Math.min(inSight, Math.max(1, window.total())));
      bar.setBlockIncrement(inSight);
      if (!partial || bar.getValue() > bar.getMax()) {
        bar.setValue(0);
      }
    } finally {
      syncing = false;
    }
  }
}
