package dev.rehearsal.ui.task;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * A piece of background work as a view model sees it: its progress (0..1, or -1 while unknown),
 * what it is doing, whether it still runs, and a way to cancel it.
 */
public interface TaskHandle {
  ReadOnlyDoubleProperty progressProperty();

  ReadOnlyStringProperty messageProperty();

  ReadOnlyBooleanProperty runningProperty();

  /** Asks the work to stop; the core work checks and stops at its next step. */
  void cancel();
}
