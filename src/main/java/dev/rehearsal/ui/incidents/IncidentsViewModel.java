package dev.rehearsal.ui.incidents;

import dev.rehearsal.index.IncidentRow;
import dev.rehearsal.index.SearchSyntaxException;
import dev.rehearsal.task.TaskMonitor;
import dev.rehearsal.ui.task.Background;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the incident list: the query the user typed, the rows that match, a status line and the
 * query's error when its syntax is wrong. Holds no controls; the view binds to it.
 */
public final class IncidentsViewModel {

  /** Where rows come from: the workspace in the app, a list in tests. */
  @FunctionalInterface
  public interface RowSource {
    List<IncidentRow> rows(String query, TaskMonitor monitor) throws Exception;
  }

  private final RowSource source;
  private final Background background;
  private final StringProperty query = new SimpleStringProperty("");
  private final ObservableList<IncidentRow> rows = FXCollections.observableArrayList();
  private final StringProperty status = new SimpleStringProperty("");
  private final StringProperty error = new SimpleStringProperty("");
  private final BooleanProperty busy = new SimpleBooleanProperty();
  private long generation;

  public IncidentsViewModel(RowSource source, Background background) {
    this.source = source;
    this.background = background;
  }

  public StringProperty queryProperty() {
    return query;
  }

  public ObservableList<IncidentRow> rows() {
    return rows;
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
        m -> source.rows(q, m),
        result -> {
          if (mine != generation) {
            return;
          }
          rows.setAll(result);
          error.set("");
          long ms = (System.nanoTime() - t0) / 1_000_000;
          status.set(
              String.format(
                  "%,d incident%s%s (%d ms)",
                  result.size(),
                  result.size() == 1 ? "" : "s",
                  q.isEmpty() ? "" : " match \"" + q + "\"",
                  ms));
          busy.set(false);
        },
        failure -> {
          if (mine != generation) {
            return;
          }
          busy.set(false);
          Throwable cause = failure;
          while (!(cause instanceof SearchSyntaxException) && cause.getCause() != null) {
            cause = cause.getCause();
          }
          error.set(
              cause instanceof SearchSyntaxException
                  ? cause.getMessage()
                  : "The search failed: " + failure.getMessage());
        });
  }
}
