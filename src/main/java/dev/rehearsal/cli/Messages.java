package dev.rehearsal.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;

/** Turns failures into one line a user can act on. */
final class Messages {
  private Messages() {}

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
