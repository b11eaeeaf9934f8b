package dev.rehearsal.index;

import java.io.IOException;

/** A workspace this user cannot write; it can still be read. */
public final class ReadOnlyWorkspaceException extends IOException {
  private static final long serialVersionUID = 1L;

  public ReadOnlyWorkspaceException(String message, Throwable cause) {
    super(message, cause);
  }
}
