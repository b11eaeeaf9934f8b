package dev.rehearsal.ui.task;

import java.util.function.Consumer;

/** Where view models send work: off the FX thread in the app, on the calling thread in tests. */
public interface Background {

  /** Runs work and hands its result or failure back (on the FX thread in the app). */
  <T> void run(UiExecutor.Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

  /** Runs work on the calling thread; for tests of view models without a toolkit. */
  Background DIRECT =
      new Background() {
        @Override
        public <T> void run(
            UiExecutor.Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
          T value;
          try {
            value = work.run(dev.rehearsal.task.TaskMonitor.NONE);
          } catch (Exception e) {
            onFailure.accept(e);
            return;
          }
          onSuccess.accept(value);
        }
      };
}
