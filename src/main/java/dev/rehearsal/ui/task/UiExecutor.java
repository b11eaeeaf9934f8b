package dev.rehearsal.ui.task;

import dev.rehearsal.task.TaskMonitor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.concurrent.Task;

/**
 * Runs core work off the FX thread: the work gets a {@link TaskMonitor} whose progress and
 * cancellation go through a JavaFX {@link Task}; results and errors come back on the FX thread. A
 * small pool of named daemon threads; nothing here touches controls.
 */
public class UiExecutor implements Background {
  /** Core work that reports to a monitor. */
  @FunctionalInterface
  public interface Work<T> {
    T run(TaskMonitor monitor) throws Exception;
  }

  private final ExecutorService pool;

  public UiExecutor() {
    AtomicInteger n = new AtomicInteger();
    ThreadFactory f =
        r -> {
          Thread t = new Thread(r, "rehearsal-worker-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        };
    this.pool = Executors.newFixedThreadPool(2, f);
  }

  /** Starts work; returns the JavaFX task (bind progress and message to it, cancel it). */
  public <T> Task<T> submit(Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
    Task<T> task =
        new Task<>() {
          @Override
          protected T call() throws Exception {
            TaskMonitor monitor =
                new TaskMonitor() {
                  @Override
                  public void progress(long done, long total, String message) {
                    if (total > 0) {
                      updateProgress(done, total);
                    }
                    if (message != null) {
                      updateMessage(message);
                    }
                  }

                  @Override
                  public boolean isCancelled() {
                    return isCancelled0();
                  }
                };
            return work.run(monitor);
          }

          private boolean isCancelled0() {
            return isCancelled();
          }
        };
    task.setOnSucceeded(e -> onSuccess.accept(task.getValue()));
    task.setOnFailed(e -> onFailure.accept(task.getException()));
    task.setOnCancelled(e -> onFailure.accept(new dev.rehearsal.task.CancelledException()));
    pool.submit(task);
    return task;
  }

  @Override
  public <T> TaskHandle run(Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
    Task<T> task = submit(work, onSuccess, onFailure);
    return new TaskHandle() {
      @Override
      public javafx.beans.property.ReadOnlyDoubleProperty progressProperty() {
        return task.progressProperty();
      }

      @Override
      public javafx.beans.property.ReadOnlyStringProperty messageProperty() {
        return task.messageProperty();
      }

      @Override
      public javafx.beans.property.ReadOnlyBooleanProperty runningProperty() {
        return task.runningProperty();
      }

      @Override
      public void cancel() {
        task.cancel(false);
      }
    };
  }

  /** Runs on the FX thread (now, when already on it). */
  public void onFx(Runnable r) {
    if (Platform.isFxApplicationThread()) {
      r.run();
    } else {
      Platform.runLater(r);
    }
  }

  public void shutdown() {
    pool.shutdownNow();
  }
}
