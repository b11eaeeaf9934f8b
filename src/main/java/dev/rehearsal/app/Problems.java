package dev.rehearsal.app;

import dev.rehearsal.index.ReadOnlyWorkspaceException;
import dev.rehearsal.index.WorkspaceBusyException;
import dev.rehearsal.settings.SettingsSchema;
import dev.rehearsal.task.CancelledException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * What went wrong, in words a user reads, for any front end: the message of the failure that
 * matters (not of the wrappers around it), whether trying again can help (another process was
 * writing the workspace), and whether the workspace can still be read. Never a stack trace.
 */
public final class Problems {
  private Problems() {}

  /** What a front end needs to say about a failure. */
  public enum Kind {
    /** The user stopped it. */
    CANCELLED,
    /** Another process is writing the workspace: wait and try again. */
    BUSY,
    /** The workspace can be read but not written. */
    READ_ONLY,
    /** What the user typed or chose is not allowed; the message says what would be. */
    INPUT,
    /** A file or folder is missing or cannot be read. */
    FILE,
    /** Anything else. */
    FAILURE
  }

  /**
   * A failure as a user reads it.
   *
   * @param message one or two sentences, starting with a capital letter, no class names
   * @param retry whether trying again later can succeed
   */
  public record Problem(Kind kind, String message, boolean retry) {
    public boolean cancelled() {
      return kind == Kind.CANCELLED;
    }
  }

  /** Describes a failure of {@code what} ("The import", "Saving the review"). */
  public static Problem describe(String what, Throwable failure) {
    Throwable t = unwrap(failure);
    if (t instanceof CancelledException
        || t instanceof java.util.concurrent.CancellationException) {
      return new Problem(Kind.CANCELLED, what + " was cancelled.", false);
    }
    if (t instanceof WorkspaceBusyException) {
      return new Problem(
          Kind.BUSY,
          sentence(t.getMessage())
              + " Rehearsal keeps showing the workspace as it is; try again once the other process"
              + " has finished.",
          true);
    }
    if (t instanceof ReadOnlyWorkspaceException) {
      return new Problem(Kind.READ_ONLY, sentence(t.getMessage()), false);
    }
    if (t instanceof Rows.QuerySyntaxException
        || t instanceof Reviews.Refused
        || t instanceof IncidentDetails.NotFound
        || t instanceof SettingsSchema.Invalid
        || t instanceof NotAWorkspaceException) {
      return new Problem(Kind.INPUT, sentence(t.getMessage()), false);
    }
    if (t instanceof NoSuchFileException e) {
      return new Problem(Kind.FILE, what + " failed: " + e.getFile() + " does not exist.", false);
    }
    if (t instanceof AccessDeniedException e) {
      return new Problem(
          Kind.FILE, what + " failed: " + e.getFile() + " cannot be read or written here.", false);
    }
    if (t instanceof FileSystemException e) {
      return new Problem(
          Kind.FILE,
          what
              + " failed: "
              + e.getFile()
              + (e.getReason() == null ? "" : ": " + e.getReason())
              + ".",
          false);
    }
    if (t instanceof OutOfMemoryError) {
      return new Problem(
          Kind.FAILURE,
          what
              + " ran out of memory. Close other views, or start Rehearsal with more memory"
              + " (-Xmx).",
          false);
    }
    if (t instanceof IllegalArgumentException) {
      return new Problem(Kind.INPUT, sentence(t.getMessage()), false);
    }
    String msg = t.getMessage();
    if (msg == null || msg.isBlank()) {
      msg = "an unexpected " + words(t.getClass().getSimpleName());
    }
    return new Problem(
        Kind.FAILURE, what + " failed: " + stripEnd(msg) + ".", t instanceof IOException);
  }

  /** The failure that matters: the cause under execution and I/O wrappers. */
  static Throwable unwrap(Throwable t) {
    Throwable c = t;
    while (c.getCause() != null
        && c != c.getCause()
        && (c instanceof ExecutionException
            || c instanceof CompletionException
            || c instanceof UncheckedIOException
            || c instanceof java.lang.reflect.InvocationTargetException
            || c.getClass() == RuntimeException.class)) {
      c = c.getCause();
    }
    // a busy or read-only workspace under any wrapper is what the user must hear
    for (Throwable d = t; d != null; d = d.getCause() == d ? null : d.getCause()) {
      if (d instanceof WorkspaceBusyException
          || d instanceof ReadOnlyWorkspaceException
          || d instanceof CancelledException) {
        return d;
      }
    }
    return c;
  }

  /** A message as a sentence: capital first letter, a full stop at the end. */
  static String sentence(String message) {
    if (message == null || message.isBlank()) {
      return "Something went wrong.";
    }
    String m = message.strip();
    if (m.startsWith("settings: ")) {
      m = "Settings: " + m.substring("settings: ".length());
    }
    m = Character.toUpperCase(m.charAt(0)) + m.substring(1);
    return stripEnd(m) + ".";
  }

  private static String stripEnd(String m) {
    String s = m.strip();
    while (s.endsWith(".")) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }

  /** "IllegalStateException" as "illegal state exception". */
  private static String words(String className) {
    return className.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
  }
}
