package dev.rehearsal.task;

import java.util.concurrent.atomic.AtomicBoolean;

/** A monitor that forwards progress to another and can be cancelled from any thread. */
public class CancellableMonitor implements TaskMonitor {
  private final TaskMonitor delegate;
  private final AtomicBoolean cancelled = new AtomicBoolean();

  public CancellableMonitor(TaskMonitor delegate) {
    this.delegate = delegate == null ? NONE : delegate;
  }

  public void cancel() {
    cancelled.set(true);
  }

  @Override
  public void progress(long done, long total, String message) {
    delegate.progress(done, total, message);
  }

  @Override
  public boolean isCancelled() {
    return cancelled.get() || delegate.isCancelled();
  }
}
