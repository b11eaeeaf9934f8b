package dev.rehearsal.importers;

import dev.rehearsal.model.Rejection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What happened to one file: the format picked (and why), counts, warnings and the first
 * rejections. {@code seen == accepted + rejected} always holds.
 *
 * @param acceptedByKind the accepted records by what they are ({@code incident}, {@code deploy},
 *     {@code run}, {@code fact}, and {@code deploy-status} for a deploy's status events, which are
 *     folded into their deploy); it sums to {@code accepted}. Empty in the import logs of older
 *     workspaces.
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
    long millis,
    Map<String, Long> acceptedByKind) {

  /** The kind a deploy's status events are counted under: each is folded into its deploy. */
  public static final String DEPLOY_STATUS = "deploy-status";

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
    acceptedByKind =
        acceptedByKind == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new TreeMap<>(acceptedByKind));
  }

  /** A report without a breakdown of what was accepted (nothing, or nothing stored). */
  public FileReport(
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
    this(
        file,
        status,
        format,
        formatName,
        seen,
        accepted,
        rejected,
        warnings,
        rejections,
        message,
        millis,
        Map.of());
  }
}
