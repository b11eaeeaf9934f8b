package dev.rehearsal.index;

import java.io.IOException;

/** The workspace is open for writing in another Rehearsal process. */
public final class WorkspaceBusyException extends IOException {
  private static final long serialVersionUID = 1L;

  public WorkspaceBusyException(String message, Throwable cause) {
    super(message, cause);
  }
}
