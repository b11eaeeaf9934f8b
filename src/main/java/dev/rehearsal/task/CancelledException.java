package dev.rehearsal.task;

/** Thrown by core work when its {@link TaskMonitor} reports the user cancelled. */
public final class CancelledException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CancelledException() {
    super("cancelled by the user");
  }
}
