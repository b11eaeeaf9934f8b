package dev.rehearsal.ui.dashboard;

import dev.rehearsal.app.Dashboard;
import dev.rehearsal.app.DashboardView;
import dev.rehearsal.app.Period;
import dev.rehearsal.app.Problems;
import dev.rehearsal.model.Gap;
import dev.rehearsal.task.TaskMonitor;
import dev.rehearsal.ui.task.Background;
import dev.rehearsal.ui.task.TaskHandle;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The dashboard of a period: its figures (read off the FX thread) and the incidents behind any of
 * them, which the incident list then shows. With {@link #followTableProperty} on, every figure and
 * the incidents behind it are those of the incident table's search and column filters (the app
 * layer's {@link Dashboard.Narrowing}); a filter changed meanwhile applies when the dashboard is
 * shown again ({@link #refreshIfStale}).
 */
public final class DashboardViewModel {
  /** The figures of a period (the app layer's {@code Dashboard.view}). */
  @FunctionalInterface
  public interface Figures {
    DashboardView.View of(Period p, Dashboard.Narrowing n, TaskMonitor m) throws Exception;
  }

  /** The incidents behind a figure (the app layer's {@code Dashboard.incidentsBehind}). */
  @FunctionalInterface
  public interface Behind {
    List<String> of(
        Period p, String service, Gap gap, DashboardView.Measure m, Dashboard.Narrowing n)
        throws Exception;
  }

  /** The period that shows everything. */
  public static final String ALL = "all time";

  private final Figures figures;
  private final Behind behind;
  private final Background background;
  private final ObjectProperty<DashboardView.View> view = new SimpleObjectProperty<>();
  private final ObservableList<String> periods = FXCollections.observableArrayList(ALL);
  private final StringProperty period = new SimpleStringProperty(ALL);
  private final StringProperty error = new SimpleStringProperty("");
  private final BooleanProperty busy = new SimpleBooleanProperty();
  private final BooleanProperty followTable = new SimpleBooleanProperty();
  private final StringProperty tableQuery = new SimpleStringProperty("");
  private final StringProperty tableService = new SimpleStringProperty();
  private final StringProperty narrowedTo = new SimpleStringProperty("");
  private Dashboard.Narrowing shown = Dashboard.Narrowing.NONE;
  private boolean stale;
  private BiConsumer<List<String>, String> onIncidents = (k, l) -> {};
  private long generation;
  private TaskHandle reading; // the figures being read, if any

  public DashboardViewModel(Figures figures, Behind behind, Background background) {
    this.figures = figures;
    this.behind = behind;
    this.background = background;
    period.addListener((o, a, b) -> load());
    followTable.addListener((o, a, b) -> load());
    tableQuery.addListener((o, a, b) -> stale |= followTable.get());
    tableService.addListener((o, a, b) -> stale |= followTable.get());
  }

  /** Whether the figures follow the incident table's search and column filters. */
  public BooleanProperty followTableProperty() {
    return followTable;
  }

  /** The incident table's search with its column filters, as the workspace runs it (bound). */
  public StringProperty tableQueryProperty() {
    return tableQuery;
  }

  /** The service the incident table's filter chose, or null (bound). */
  public StringProperty tableServiceProperty() {
    return tableService;
  }

  /** What the figures shown are narrowed to, in words; empty when they count every incident. */
  public ReadOnlyStringProperty narrowedToProperty() {
    return narrowedTo;
  }

  /** What the figures are to be narrowed to now. */
  public Dashboard.Narrowing narrowing() {
    return followTable.get()
        ? new Dashboard.Narrowing(tableQuery.get(), tableService.get())
        : Dashboard.Narrowing.NONE;
  }

  /** Reads the figures again when the table's filter changed since they were read. */
  public void refreshIfStale() {
    if (stale) {
      load();
    }
  }

  public ReadOnlyObjectProperty<DashboardView.View> viewProperty() {
    return view;
  }

  /** "all time" and the quarters that have figures, newest first. */
  public ObservableList<String> periods() {
    return periods;
  }

  public StringProperty periodProperty() {
    return period;
  }

  public ReadOnlyStringProperty errorProperty() {
    return error;
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return busy;
  }

  /** Called with the incidents behind a figure the user clicked, and what they are. */
  public void setOnIncidents(BiConsumer<List<String>, String> c) {
    onIncidents = c == null ? (k, l) -> {} : c;
  }

  /**
   * The period chosen: "all time", a quarter from the list, or one typed as a quarter or dates
   * ("2025-01-01 to 2025-03-31"); a period that cannot be read is refused with how to write it.
   */
  public Period chosen() {
    String p = period.get();
    return p == null || p.isBlank() ? Period.ALL : Period.parse(p);
  }

  /** Reads the figures of the period chosen. */
  public void load() {
    Period p;
    try {
      p = chosen();
    } catch (IllegalArgumentException e) {
      ++generation; // figures still being read are for a period no longer asked about
      stopReading();
      busy.set(false);
      error.set(e.getMessage());
      return;
    }
    Dashboard.Narrowing n = narrowing();
    stale = false;
    // what was being read is for a period, a filter or a workspace no longer asked about: stopped,
    // it does not compete with what is
    stopReading();
    long mine = ++generation;
    busy.set(true);
    boolean[] over = {false};
    TaskHandle started =
        background.run(
            m -> figures.of(p, n, m),
            v -> {
              over[0] = true;
              if (mine != generation) {
                return;
              }
              reading = null;
              busy.set(false);
              error.set("");
              shown = n;
              narrowedTo.set(
                  !followTable.get()
                      ? ""
                      : n.query().isEmpty()
                          ? "The incident table has no filter: every incident counts."
                          : "Only the incidents of the table's filter count: " + n.query());
              view.set(v);
              if (p == Period.ALL) {
                List<String> qs =
                    new java.util.ArrayList<>(v.quarters().stream().map(q -> q.quarter()).toList());
                java.util.Collections.reverse(qs);
                qs.add(0, ALL);
                if (!qs.equals(periods)) {
                  // "all time", chosen now, stays where it is: a list set anew would clear the
                  // choice
                  if (periods.isEmpty() || !periods.get(0).equals(ALL)) {
                    periods.add(0, ALL);
                  }
                  periods.remove(1, periods.size());
                  periods.addAll(qs.subList(1, qs.size()));
                }
              }
            },
            failure -> {
              over[0] = true;
              if (mine != generation) {
                return;
              }
              reading = null;
              busy.set(false);
              error.set(Problems.describe("Reading the figures", failure).message());
            });
    reading = over[0] ? null : started; // work run on the calling thread is already over
  }

  /** Stops reading figures no longer asked about (they would only compete with those that are). */
  private void stopReading() {
    if (reading != null) {
      TaskHandle r = reading;
      reading = null;
      r.cancel();
    }
  }

  /**
   * Shows the incidents behind a figure: of a quarter (null: the period chosen), a service (null:
   * all), a gap (null: any), counting what {@code m} says.
   */
  public void open(String quarter, String service, Gap gap, DashboardView.Measure m) {
    Period p;
    try {
      p = quarter == null ? chosen() : Period.quarter(quarter);
    } catch (IllegalArgumentException e) {
      error.set(e.getMessage());
      return;
    }
    String label =
        (m == DashboardView.Measure.ESCAPES
                ? "escapes"
                : m == DashboardView.Measure.CHANGE_RELATED
                    ? "change-related incidents"
                    : "incidents")
            + (gap == null ? "" : " through " + gap.code())
            + (service == null ? "" : " of " + service)
            + " in "
            + p.label()
            + (shown.none() ? "" : ", of the table's filter");
    Dashboard.Narrowing n = shown;
    background.run(
        mon -> behind.of(p, service, gap, m, n),
        keys -> onIncidents.accept(keys, label),
        failure ->
            error.set(Problems.describe("Reading the incidents behind it", failure).message()));
  }
}
