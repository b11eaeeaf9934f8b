package dev.rehearsal.ui.search;

import dev.rehearsal.app.Problems;
import dev.rehearsal.app.Rows;
import dev.rehearsal.ui.task.Background;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A search across everything imported (incidents, deploys, staging runs, facts) in Lucene syntax:
 * the hits newest first with the passages that matched marked, how many there are, and a syntax
 * error in plain words.
 */
public final class SearchViewModel {
  /** Hits shown per search. */
  public static final int SHOWN = 100;

  /** Runs a search (the app layer's {@link Rows#find}). */
  @FunctionalInterface
  public interface Finder {
    Rows.Found find(String query, int limit) throws Exception;
  }

  private final Finder finder;
  private final Background background;
  private final StringProperty query = new SimpleStringProperty("");
  private final ObservableList<Rows.Hit> hits = FXCollections.observableArrayList();
  private final StringProperty status = new SimpleStringProperty("");
  private final StringProperty error = new SimpleStringProperty("");
  private final BooleanProperty busy = new SimpleBooleanProperty();
  private long generation;

  public SearchViewModel(Finder finder, Background background) {
    this.finder = finder;
    this.background = background;
  }

  public StringProperty queryProperty() {
    return query;
  }

  public ObservableList<Rows.Hit> hits() {
    return hits;
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

  public void search() {
    String q = query.get() == null ? "" : query.get().strip();
    long mine = ++generation;
    busy.set(true);
    background.run(
        m -> finder.find(q, SHOWN),
        found -> {
          if (mine != generation) {
            return;
          }
          busy.set(false);
          error.set("");
          hits.setAll(found.hits());
          status.set(
              String.format(
                  "%,d record%s match%s%s (%d ms)",
                  found.total(),
                  found.total() == 1 ? "" : "s",
                  found.total() == 1 ? "es" : "",
                  found.total() > found.hits().size()
                      ? ", the newest " + found.hits().size() + " shown"
                      : "",
                  found.millis()));
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
