package dev.rehearsal.model;

import java.util.List;
import java.util.Objects;

/**
 * Where a record came from: the file (for archive members {@code archive.zip!/path/in/zip}), the
 * line the record starts on (1-based, 0 when the format has no lines that mean anything), its index
 * among the records of the file (0-based), the importer that read it, the record's own id in the
 * source tool, and any notes the importer attached (a time read without a zone, a character set
 * guessed).
 */
public record Provenance(
    String file, long line, long index, String format, String sourceId, List<String> notes) {

  public Provenance {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(format, "format");
    sourceId = sourceId == null ? "" : sourceId;
    notes = notes == null ? List.of() : List.copyOf(notes);
  }

  public Provenance withSourceId(String id) {
    return new Provenance(file, line, index, format, id, notes);
  }

  public Provenance withNotes(List<String> moreNotes) {
    if (moreNotes == null || moreNotes.isEmpty()) {
      return this;
    }
    var all = new java.util.ArrayList<>(notes);
    for (String n : moreNotes) {
      if (!all.contains(n)) {
        all.add(n);
      }
    }
    return new Provenance(file, line, index, format, sourceId, all);
  }

  /** "file:line" or "file#index" for messages. */
  public String location() {
    return line > 0 ? file + ":" + line : file + "#" + index;
  }
}
