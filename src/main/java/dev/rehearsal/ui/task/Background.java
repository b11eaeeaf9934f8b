package dev.rehearsal.ui.task;

import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;

/** Where view models send work: off the FX thread in the app, on the calling thread in tests. */
public interface Background {

  /**
   * Runs work and hands its result or failure back (on the FX thread in the app); returns the
   * handle to show its progress and cancel it.
   */
  <T> TaskHandle run(UiExecutor.Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

  /** Runs work on the calling thread; for tests of view models without a toolkit. */
  Background DIRECT =
      new Background() {
        @Override
        public <T> TaskHandle run(
            UiExecutor.Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
          SimpleDoubleProperty progress = new SimpleDoubleProperty(-1);
          SimpleStringProperty message = new SimpleStringProperty("");
          SimpleBooleanProperty running = new SimpleBooleanProperty(true);
          boolean[] cancelled = {false};
          TaskHandle handle =
              new TaskHandle() {
                @Override
                public ReadOnlyDoubleProperty progressProperty() {
                  return progress;
                }

                @Override
                public ReadOnlyStringProperty messageProperty() {
                  return message;
                }

                @Override
                public ReadOnlyBooleanProperty runningProperty() {
                  return running;
                }

                @Override
                public void cancel() {
                  cancelled[0] = true;
                }
              };
          T value;
          try {
            value =
                work.run(
                    new dev.rehearsal.task.TaskMonitor() {
                      @Override
                      public void progress(long done, long total, String text) {
                        progress.set(total > 0 ? (double) done / total : -1);
                        if (text != null) {
                          message.set(text);
                        }
                      }

                      @Override
                      public boolean isCancelled() {
                        return cancelled[0];
                      }
                    });
          } catch (Exception e) {
            running.set(false);
            onFailure.accept(e);
            return handle;
          }
          running.set(false);
          onSuccess.accept(value);
          return handle;
        }
      };
}
