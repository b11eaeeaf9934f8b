package dev.rehearsal.report;

import dev.rehearsal.task.TaskMonitor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/**
 * One way of writing what a workspace knows to a file a person takes into a meeting: the CSV of
 * incidents, the aggregates CSV, the quarterly PDF, the postmortem pack. The command line's {@code
 * report} and the window's Export menu list and call exporters through this contract only.
 */
public interface Exporter {
  /** A stable id for scripts ("incidents-csv", "quarterly-pdf"). */
  String id();

  /** A name for people ("Incidents (CSV)"). */
  String displayName();

  /** The kind of file it writes. */
  FileType fileType();

  /** What it can cover: a period (with filters) or one incident. */
  Set<ExportScope.Kind> scopes();

  /**
   * Writes the file. The target is replaced only once the whole file is written, so a failed or
   * cancelled export leaves what was there before.
   *
   * @throws IllegalArgumentException when the scope is not one this exporter takes
   */
  void write(ExportScope scope, Path target, TaskMonitor monitor) throws IOException;
}
