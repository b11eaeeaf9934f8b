package dev.rehearsal.importers;

/**
 * A file that cannot be read any further (corrupt, truncated, refused). Records accepted before it
 * stay imported; the rest of the file counts as one rejected record with this message.
 */
public class ImportException extends Exception {
  private static final long serialVersionUID = 1L;
  private final long line;

  public ImportException(String message, long line) {
    super(message);
    this.line = line;
  }

  public ImportException(String message, long line, Throwable cause) {
    super(message, cause);
    this.line = line;
  }

  public long line() {
    return line;
  }
}
