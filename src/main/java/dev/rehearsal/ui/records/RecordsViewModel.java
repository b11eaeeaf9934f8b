package dev.rehearsal.ui.records;

import dev.rehearsal.app.Problems;
import dev.rehearsal.app.Rows;
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

/**
 * One kind of imported record as a table: deploys, staging runs or environment facts, newest first,
 * narrowed by a search in the workspace's syntax, read a page at a time off the FX thread.
 *
 * @param <T> the record
 */
public final class RecordsViewModel<T> {
  /** The records a search matches (the app layer's {@code Rows.deploys}, {@code runs} ...). */
  @FunctionalInterface
  public interface Source<T> {
    Rows.Source<T> rows(String query, TaskMonitor monitor) throws Exception;
  }

  private record Found<T>(Rows.Source<T> rows, List<T> firstPage) {}

  private final Source<T> source;
  private final Background background;
  private final String singular;
  private final String plural;
  private final PagedList<T> rows;
  private final StringProperty query = new SimpleStringProperty("");
  private final StringProperty status = new SimpleStringProperty("");
  private final StringProperty error = new SimpleStringProperty("");
  private final BooleanProperty busy = new SimpleBooleanProperty();
  private long generation;
  private boolean loaded;

  /**
   * @param singular what one row is ("deploy"), for the status line
   * @param plural what many rows are ("deploys")
   */
  public RecordsViewModel(Source<T> source, Background background, String singular, String plural) {
    this.source = source;
    this.background = background;
    this.singular = singular;
    this.plural = plural;
    this.rows = new PagedList<>(background);
  }

  /** The rows of the last search; a row not read yet is null until its page arrives. */
  public PagedList<T> rows() {
    return rows;
  }

  /** The search: the workspace's syntax (service:checkout AND env:production), blank for all. */
  public StringProperty queryProperty() {
    return query;
  }

  /** "12,345 deploys match "service:checkout" (8 ms)". */
  public ReadOnlyStringProperty statusProperty() {
    return status;
  }

  public ReadOnlyStringProperty errorProperty() {
    return error;
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return busy;
  }

  /** Reads the rows the first time the table is shown. */
  public void loadOnce() {
    if (!loaded) {
      search();
    }
  }

  /** Lets go of the rows shown (the workspace is closing); a search still running is ignored. */
  public void close() {
    generation++;
    rows.close();
  }

  /** Reads the rows again when they have been shown (after an import). */
  public void refresh() {
    if (loaded) {
      search();
    }
  }

  /** Runs the search; an older one still running is ignored when it ends. */
  public void search() {
    loaded = true;
    String q = query.get() == null ? "" : query.get().strip();
    long mine = ++generation;
    busy.set(true);
    long t0 = System.nanoTime();
    background.run(
        m -> {
          Rows.Source<T> found = source.rows(q, m);
          return new Found<>(found, found.page(0, PagedList.PAGE));
        },
        found -> {
          if (mine != generation) {
            try {
              found.rows().close();
            } catch (java.io.IOException ignored) {
              // a view of the index no table shows any more
            }
            return;
          }
          int size = found.rows().size();
          long ms = (System.nanoTime() - t0) / 1_000_000;
          error.set("");
          status.set(
              String.format(
                  "%,d %s%s (%d ms)",
                  size,
                  size == 1 ? singular : plural,
                  q.isEmpty() ? "" : (size == 1 ? " matches" : " match") + " \"" + q + "\"",
                  ms));
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
