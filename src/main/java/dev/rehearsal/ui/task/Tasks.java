package dev.rehearsal.ui.task;

import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The long work the window runs, named, for the status bar: each piece of work started here is
 * listed while it runs (its progress, what it does, a way to cancel it) and taken off the list when
 * it ends, whichever way.
 */
public final class Tasks {
  /** A piece of work that is running. */
  public record Running(String name, TaskHandle handle) {}

  private final Background background;
  private final ObservableList<Running> running = FXCollections.observableArrayList();

  public Tasks(Background background) {
    this.background = background;
  }

  /** The work running now, the last started last. */
  public ObservableList<Running> running() {
    return running;
  }

  public Background background() {
    return background;
  }

  /** Starts named work; it is listed until it succeeds, fails or is cancelled. */
  public <T> TaskHandle run(
      String name, UiExecutor.Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
    boolean[] done = {false};
    Running[] entry = {null};
    TaskHandle h =
        background.run(
            work,
            v -> {
              done[0] = true;
              running.remove(entry[0]);
              onSuccess.accept(v);
            },
            e -> {
              done[0] = true;
              running.remove(entry[0]);
              onFailure.accept(e);
            });
    if (!done[0]) {
      entry[0] = new Running(name, h);
      running.add(entry[0]);
    }
    return h;
  }
}
