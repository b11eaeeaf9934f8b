package dev.rehearsal.app;

import java.io.IOException;
import java.nio.file.Path;

/** A folder that holds no workspace, named where one was expected. */
public final class NotAWorkspaceException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient Path dir;

  public NotAWorkspaceException(Path dir) {
    super(message(dir));
    this.dir = dir;
  }

  private static String message(Path dir) {
    if (java.nio.file.Files.isRegularFile(dir)) {
      return dir
          + " is a file, not a workspace folder: give --workspace a folder (a new one is created"
          + " by rehearsal import)";
    }
    return dir
        + " is not a Rehearsal workspace"
        + (java.nio.file.Files.exists(dir) ? "" : " (it does not exist)")
        + ". Import files to create one there: rehearsal import --workspace "
        + dir
        + " FILE...";
  }

  public Path dir() {
    return dir;
  }
}
