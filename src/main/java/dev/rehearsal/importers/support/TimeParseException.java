package dev.rehearsal.importers.support;

/** A timestamp that cannot be read; the message says what was wrong in words a user follows. */
public class TimeParseException extends Exception {
  private static final long serialVersionUID = 1L;

  public TimeParseException(String message) {
    super(message);
  }
}
