package dev.rehearsal.cli;

import dev.rehearsal.task.TaskMonitor;
import java.io.PrintStream;

/** Progress on one status line of the terminal; silent when output is not a terminal. */
final class ConsoleProgress implements TaskMonitor {
  private final PrintStream err;
  private final boolean active;
  private long lastPrint;
  private int lastLength;

  ConsoleProgress() {
    this.err = System.err;
    this.active = System.console() != null && !"true".equals(System.getenv("CI"));
  }

  @Override
  public void progress(long done, long total, String message) {
    if (!active) {
      return;
    }
    long now = System.nanoTime();
    if (now - lastPrint < 200_000_000L && done < total) {
      return;
    }
    lastPrint = now;
    String pct = total > 0 ? String.format("%3d%% ", Math.min(100, done * 100 / total)) : "";
    String line = pct + (message == null ? "" : message);
    if (line.length() > 100) {
      line = line.substring(0, 97) + "...";
    }
    err.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
    lastLength = line.length();
    err.flush();
  }

  void done() {
    if (active && lastLength > 0) {
      err.print("\r" + " ".repeat(lastLength) + "\r");
      err.flush();
    }
  }

  @Override
  public boolean isCancelled() {
    return false;
  }
}
