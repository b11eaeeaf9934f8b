package dev.rehearsal.importers;

import dev.rehearsal.model.DeployStatusEvent;
import dev.rehearsal.model.ImportedRecord;

/**
 * Where a parse sends what it finds. Every record the parse meets ends in exactly one call of
 * {@link #accept} or {@link #reject}, so that accepted + rejected = seen.
 */
public interface RecordSink {

  void accept(ImportedRecord record);

  /** A deploy status exported apart from its deploy; counts as one accepted record. */
  void acceptStatus(DeployStatusEvent event);

  /**
   * A record that cannot be imported.
   *
   * @param line 1-based line where it starts, 0 when the format has no lines
   * @param index 0-based index among the file's records
   * @param reason what is wrong, in words the user can act on
   */
  void reject(long line, long index, String reason);

  /** Something about the file as a whole that the user should know. */
  void warn(String message);
}
