package dev.rehearsal.importers;

import dev.rehearsal.model.Rejection;
import java.util.List;

/**
 * What happened to one file: the format picked (and why), counts, warnings and the first
 * rejections. {@code seen == accepted + rejected} always holds.
 */
public record FileReport(
    String file,
    Status status,
    String format,
    String formatName,
    long seen,
    long accepted,
    long rejected,
    List<String> warnings,
    List<Rejection> rejections,
    String message,
    long millis) {

  /** How the file ended. */
  public enum Status {
    IMPORTED,
    /** No importer recognised it; the message says what it looked like. */
    SKIPPED,
    /** The file could not be opened or its format refused it before any record. */
    FAILED,
    CANCELLED
  }

  public FileReport {
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
    rejections = rejections == null ? List.of() : List.copyOf(rejections);
    message = message == null ? "" : message;
  }
}
