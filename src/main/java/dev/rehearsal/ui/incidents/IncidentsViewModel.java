package dev.rehearsal.ui.incidents;

import dev.rehearsal.app.Problems;
import dev.rehearsal.app.Rows;
import dev.rehearsal.model.IncidentRow;
import dev.rehearsal.task.TaskMonitor;
import dev.rehearsal.ui.task.Background;
import dev.rehearsal.ui.task.PagedList;
import dev.rehearsal.ui.task.RowWindow;
import dev.rehearsal.ui.task.WindowedScroll;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * State of the incident list: the query the user typed, the column filters chosen, the order, the
 * rows that match, the window of them a table holds, the incident selected, a status line and the
 * query's error when its syntax is wrong. A new search keeps the order and the filters. The
 * selection is a row of the whole list: it stays while the window slides, next and previous move
 * through the whole list (the window slides to hold the row), and a new search clears it. Holds no
 * controls; the view binds to it.
 */
public final class IncidentsViewModel {
  /** Where rows come from: the workspace's rows in the app, a list in tests. */
  @FunctionalInterface
  public interface RowSource {
    Rows.Source<IncidentRow> rows(String query, Rows.Order order, TaskMonitor monitor)
        throws Exception;
  }

  /** The incidents among given keys (those behind a figure of the dashboard). */
  @FunctionalInterface
  public interface AmongSource {
    Rows.Source<IncidentRow> rows(
        java.util.Collection<String> keys, String query, Rows.Order order, TaskMonitor monitor)
        throws Exception;
  }

  /** The values a column holds, with their counts: what a filter offers. */
  @FunctionalInterface
  public interface Values {
    Map<String, Long> of(String column) throws Exception;
  }

  /** The columns a filter is offered for, with their names in the window. */
  public static final Map<String, String> FILTERS = new LinkedHashMap<>();

  static {
    FILTERS.put(Rows.VERDICT, "Verdict");
    FILTERS.put(Rows.GAP, "Gap");
    FILTERS.put(Rows.REVIEWED, "Reviewed");
    FILTERS.put(Rows.SEVERITY, "Severity");
    FILTERS.put(Rows.SERVICE, "Service");
  }

  /** A search's rows with their first page, read off the FX thread. */
  private record Found(Rows.Source<IncidentRow> rows, List<IncidentRow> firstPage) {}

  private final RowSource source;
  private final Values values;
  private final Background background;
  private final StringProperty query = new SimpleStringProperty("");
  private final PagedList<IncidentRow> rows;
  private final RowWindow<IncidentRow> window;
  private final IntegerProperty selectedIndex = new SimpleIntegerProperty(-1);
  private final StringProperty selectedKey = new SimpleStringProperty();
  private final StringProperty status = new SimpleStringProperty("");
  private final StringProperty error = new SimpleStringProperty("");
  private final BooleanProperty busy = new SimpleBooleanProperty();
  private final ObjectProperty<Rows.Order> order = new SimpleObjectProperty<>(Rows.Order.NEWEST);
  private final Map<String, ObjectProperty<String>> filters = new LinkedHashMap<>();
  private final Map<String, ObservableList<String>> choices = new LinkedHashMap<>();
  private final StringProperty effectiveQuery = new SimpleStringProperty("");
  private long generation;
  private AmongSource amongSource;
  private java.util.Collection<String> among;
  private final StringProperty amongLabel = new SimpleStringProperty("");

  public IncidentsViewModel(RowSource source, Background background) {
    this(source, column -> Map.of(), background);
  }

  public IncidentsViewModel(RowSource source, Values values, Background background) {
    this(source, values, background, WindowedScroll.WINDOW);
  }

  /**
   * As {@link #IncidentsViewModel(RowSource, Values, Background)}, with a window of another size.
   */
  public IncidentsViewModel(RowSource source, Values values, Background background, int window) {
    this.source = source;
    this.values = values;
    this.background = background;
    this.rows = new PagedList<>(background);
    // heard before the window: a new search clears the selection before the window shows its rows
    rows.addListener((ListChangeListener<IncidentRow>) this::rowsChanged);
    this.window = new RowWindow<>(rows, window);
    for (String column : FILTERS.keySet()) {
      filters.put(column, new SimpleObjectProperty<>(null));
      choices.put(column, FXCollections.observableArrayList());
    }
  }

  public StringProperty queryProperty() {
    return query;
  }

  public ObservableList<IncidentRow> rows() {
    return rows;
  }

  /** The rows a table holds at once: a window of {@link #rows()} that slides along it. */
  public RowWindow<IncidentRow> window() {
    return window;
  }

  /** The row of the whole list selected, or -1. */
  public ReadOnlyIntegerProperty selectedIndexProperty() {
    return selectedIndex;
  }

  /** The incident selected, or null (also while its row's page is being read). */
  public IncidentRow selected() {
    int at = selectedIndex.get();
    return at < 0 || at >= rows.size() ? null : rows.get(at);
  }

  /**
   * The key of the incident selected, or null: changes only when another incident is selected (not
   * when the window slides or the row's page arrives again), so that it can open the detail. While
   * the selected row's page is being read it is still the key selected before.
   */
  public ReadOnlyStringProperty selectedKeyProperty() {
    return selectedKey;
  }

  /**
   * Selects row {@code index} of the whole list (-1: none); the window slides to hold it, its
   * middle at the row, when it lies outside.
   */
  public void select(int index) {
    if (index < 0 || rows.isEmpty()) {
      selectedIndex.set(-1);
      selectedKey.set(null);
      return;
    }
    int at = Math.min(index, rows.size() - 1);
    if (at < window.offset() || at >= window.offset() + window.size()) {
      window.moveTo(at - window.capacity() / 2);
    }
    selectedIndex.set(at);
    showSelected();
  }

  /** Selects the next ({@code by} = 1) or previous (-1) incident of the whole list. */
  public void step(int by) {
    if (rows.isEmpty()) {
      return;
    }
    int at = selectedIndex.get();
    select(Math.max(0, Math.min(rows.size() - 1, at < 0 ? 0 : at + by)));
  }

  /** The selected row's key, once its page has arrived (the row's update calls this again). */
  private void showSelected() {
    IncidentRow r = rows.get(selectedIndex.get());
    if (r != null) {
      selectedKey.set(r.key());
    }
  }

  private void rowsChanged(ListChangeListener.Change<? extends IncidentRow> c) {
    int at = selectedIndex.get();
    while (c.next()) {
      if (!c.wasUpdated()) {
        // other rows altogether (a search): what was selected is not where it was
        select(-1);
        return;
      }
      if (at >= c.getFrom() && at < c.getTo()) {
        showSelected(); // its page arrived
      }
    }
  }

  /** Lets go of the rows shown. */
  public void close() {
    rows.close();
  }

  public ReadOnlyStringProperty statusProperty() {
    return status;
  }

  public ReadOnlyStringProperty errorProperty() {
    return error;
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return busy;
  }

  public ReadOnlyObjectProperty<Rows.Order> orderProperty() {
    return order;
  }

  /** The query the last search ran: the user's with the filters added. */
  public ReadOnlyStringProperty effectiveQueryProperty() {
    return effectiveQuery;
  }

  /** The value chosen for a column's filter (null: any). */
  public ObjectProperty<String> filter(String column) {
    return filters.get(column);
  }

  /** The values a column's filter offers, most rows first. */
  public ObservableList<String> choices(String column) {
    return choices.get(column);
  }

  /** Where the incidents behind a figure come from. */
  public void setAmongSource(AmongSource s) {
    amongSource = s;
  }

  /**
   * Shows only these incidents (what {@code label} says they are) until {@link #showAll}; the
   * query, the filters and the order still apply.
   */
  public void showOnly(java.util.Collection<String> keys, String label) {
    among = keys == null ? null : List.copyOf(keys);
    amongLabel.set(keys == null ? "" : label);
    search();
  }

  /** Shows every incident again. */
  public void showAll() {
    showOnly(null, "");
  }

  /** What the incidents shown are when they are those behind a figure, or "". */
  public ReadOnlyStringProperty amongLabelProperty() {
    return amongLabel;
  }

  /** Orders the rows by a column and searches again. */
  public void orderBy(Rows.Order o) {
    Rows.Order next = o == null ? Rows.Order.NEWEST : o;
    if (!next.equals(order.get())) {
      order.set(next);
      search();
    }
  }

  /** Reads what each filter offers, off the FX thread. */
  public void loadChoices() {
    background.run(
        m -> {
          Map<String, List<String>> out = new LinkedHashMap<>();
          for (String column : FILTERS.keySet()) {
            out.put(column, new ArrayList<>(values.of(column).keySet()));
          }
          return out;
        },
        out -> out.forEach((column, list) -> choices.get(column).setAll(list)),
        failure -> error.set(Problems.describe("Reading the filters", failure).message()));
  }

  /** The query with the filters chosen, as the workspace runs it. */
  public String composedQuery() {
    Map<String, List<String>> chosen = new LinkedHashMap<>();
    filters.forEach(
        (column, value) -> {
          if (value.get() != null && !value.get().isBlank()) {
            chosen.put(column, List.of(value.get()));
          }
        });
    return Rows.withFilters(query.get() == null ? "" : query.get().strip(), chosen);
  }

  /** Runs the current query with the filters, in the current order; an older search is ignored. */
  public void search() {
    String q = composedQuery();
    Rows.Order o = order.get();
    java.util.Collection<String> keys = among;
    AmongSource byKeys = amongSource;
    long mine = ++generation;
    busy.set(true);
    long t0 = System.nanoTime();
    background.run(
        m -> {
          Rows.Source<IncidentRow> found =
              keys != null && byKeys != null ? byKeys.rows(keys, q, o, m) : source.rows(q, o, m);
          return new Found(found, found.page(0, PagedList.PAGE));
        },
        found -> {
          if (mine != generation) {
            try {
              found.rows().close();
            } catch (java.io.IOException ignored) {
              // a view of the index no search shows any more
            }
            return;
          }
          int size = found.rows().size();
          error.set("");
          effectiveQuery.set(q);
          long ms = (System.nanoTime() - t0) / 1_000_000;
          // the status first: whoever watches the rows finds it saying what they are
          status.set(
              String.format(
                  "%,d incident%s%s (%d ms)",
                  size, size == 1 ? "" : "s", q.isEmpty() ? "" : " match \"" + q + "\"", ms));
          rows.show(found.rows(), found.firstPage());
          busy.set(false);
        },
        failure -> {
          if (mine != generation) {
            return;
          }
          busy.set(false);
          error.set(Problems.describe("The search", failure).message());
        });
  }
}
