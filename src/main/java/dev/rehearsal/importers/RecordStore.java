package dev.rehearsal.importers;

import dev.rehearsal.model.DeployStatusEvent;
import dev.rehearsal.model.ImportedRecord;
import dev.rehearsal.model.Rejection;
import java.io.IOException;
import java.util.Map;

/** Where an import writes: the workspace implements it; tests may use a list. */
public interface RecordStore {

  /** Adds a record or replaces the one with the same key. */
  void upsert(ImportedRecord record) throws IOException;

  /** Keeps a deploy status event; the store folds it into its deploy at commit. */
  void upsertStatus(DeployStatusEvent event) throws IOException;

  /** Keeps a rejection so the user can see it later. */
  void rejected(Rejection rejection) throws IOException;

  /** Forgets the rejections of an earlier import of this file (it is being imported again). */
  void clearRejections(String file) throws IOException;

  /** Keeps the report of one file's import. */
  void fileImported(FileReport report) throws IOException;

  /** Makes everything written so far durable. */
  void commit() throws IOException;

  /**
   * Drops everything written since the last commit: a cancelled import leaves the store as it was.
   * A store that cannot take changes back keeps them (commits).
   */
  default void discard() throws IOException {
    commit();
  }

  /** Saved column mappings by name. */
  default Map<String, ColumnMapping> mappings() {
    return Map.of();
  }
}
