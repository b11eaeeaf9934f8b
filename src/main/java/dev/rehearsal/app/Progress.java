package dev.rehearsal.app;

import dev.rehearsal.task.TaskMonitor;

/** Progress of a step reported as a part of the whole. */
final class Progress {
  private Progress() {}

  /** A monitor that maps 0..100 % of a step onto {@code from..to} % of the whole. */
  static TaskMonitor part(TaskMonitor m, int from, int to) {
    return new TaskMonitor() {
      @Override
      public void progress(long done, long total, String message) {
        long pct = total > 0 ? from + (to - from) * Math.min(done, total) / total : from;
        m.progress(pct, 100, message);
      }

      @Override
      public boolean isCancelled() {
        return m.isCancelled();
      }
    };
  }
}
