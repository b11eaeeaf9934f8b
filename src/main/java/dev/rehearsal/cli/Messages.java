package dev.rehearsal.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;

/** Turns failures into one line a user can act on. */
final class Messages {
  private Messages() {}

  /** What to do with a workspace nothing was imported into. */
  static String emptyWorkspace(java.nio.file.Path dir) {
    return "nothing has been imported into the workspace at "
        + dir
        + " yet: import your incident, deploy and staging exports first (rehearsal import"
        + " --workspace "
        + dir
        + " FILE|DIR...), or try the demo (rehearsal demo --import)";
  }

  static String describe(Throwable ex) {
    Throwable t = ex;
    if (t instanceof UncheckedIOException && t.getCause() != null) {
      t = t.getCause();
    }
    if (t instanceof NoSuchFileException) {
      return t.getMessage() + " does not exist";
    }
    if (t instanceof IOException
        || t instanceof IllegalArgumentException
        || t instanceof IllegalStateException) {
      return t.getMessage() == null ? t.toString() : t.getMessage();
    }
    return t.toString();
  }
}
