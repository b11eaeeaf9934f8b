package dev.rehearsal.ui.incidents;

import dev.rehearsal.app.Rows;
import dev.rehearsal.model.IncidentRow;
import dev.rehearsal.task.TaskMonitor;
import dev.rehearsal.ui.task.Background;
import dev.rehearsal.ui.task.PagedList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * State of the incident list: the query the user typed, the rows that match, a status line and the
 * query's error when its syntax is wrong. Holds no controls; the view binds to it.
 */
public final class IncidentsViewModel {

  /** Where rows come from: the workspace's rows in the app, a list in tests. */
  @FunctionalInterface
  public interface RowSource {
    Rows.Source<IncidentRow> rows(String query, TaskMonitor monitor) throws Exception;
  }

  /** A search's rows with their first page, read off the FX thread. */
  private record Found(Rows.Source<IncidentRow> rows, List<IncidentRow> firstPage) {}

  private final RowSource source;
  private final Background background;
  private final StringProperty query = new SimpleStringProperty("");
  private final PagedList<IncidentRow> rows;
  private final StringProperty status = new SimpleStringProperty("");
  private final StringProperty error = new SimpleStringProperty("");
  private final BooleanProperty busy = new SimpleBooleanProperty();
  private long generation;

  public IncidentsViewModel(RowSource source, Background background) {
    this.source = source;
    this.background = background;
    this.rows = new PagedList<>(background);
  }

  public StringProperty queryProperty() {
    return query;
  }

  public ObservableList<IncidentRow> rows() {
    return rows;
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

  /** Runs the current query; an older search that finishes later is ignored. */
  public void search() {
    String q = query.get() == null ? "" : query.get().strip();
    long mine = ++generation;
    busy.set(true);
    long t0 = System.nanoTime();
    background.run(
        m -> {
          Rows.Source<IncidentRow> found = source.rows(q, m);
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
          Throwable cause = failure;
          while (!(cause instanceof Rows.QuerySyntaxException) && cause.getCause() != null) {
            cause = cause.getCause();
          }
          error.set(
              cause instanceof Rows.QuerySyntaxException
                  ? cause.getMessage()
                  : "The search failed: " + failure.getMessage());
        });
  }
}
