package dev.rehearsal.task;

/**
 * The handle long-running core work reports progress to and checks for cancellation. The command
 * line prints it, the desktop app wraps it in a JavaFX task, tests pass {@link #NONE}.
 * Implementations must be safe to call from the worker thread; they never touch UI state directly.
 */
public interface TaskMonitor {

  /** A monitor that ignores progress and is never cancelled. */
  TaskMonitor NONE =
      new TaskMonitor() {
        @Override
        public void progress(long done, long total, String message) {}

        @Override
        public boolean isCancelled() {
          return false;
        }
      };

  /**
   * Reports progress.
   *
   * @param done work done so far, in any unit
   * @param total total work in the same unit, or -1 when unknown
   * @param message what is being done now, for a status line
   */
  void progress(long done, long total, String message);

  boolean isCancelled();

  /** Throws {@link CancelledException} once the user has cancelled. Call it in loops. */
  default void checkCancelled() {
    if (isCancelled()) {
      throw new CancelledException();
    }
  }
}
