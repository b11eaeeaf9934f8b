package dev.rehearsal.importers;

import dev.rehearsal.model.Deploy;
import dev.rehearsal.model.EnvironmentFact;
import dev.rehearsal.model.ImportedRecord;
import dev.rehearsal.model.Incident;
import dev.rehearsal.model.StagingRun;
import java.util.List;

/**
 * What a record may hold to be stored: its id and its service names are looked up whole (the
 * workspace indexes them as single terms, which cannot exceed 32 KB), so a record whose id or
 * service name is longer than {@link #MAX_NAME_CHARS} is rejected with the length, not sent to the
 * store to fail there. Narrative text has no such limit.
 */
final class RecordLimits {
  static final int MAX_NAME_CHARS = 1_000;

  private RecordLimits() {}

  /** Why the record cannot be stored, or null. */
  static String problem(ImportedRecord r) {
    if (r.key() != null && r.key().length() > MAX_NAME_CHARS) {
      return "its id is "
          + String.format("%,d", r.sourceId() == null ? 0 : r.sourceId().length())
          + " characters long, more than the "
          + String.format("%,d", MAX_NAME_CHARS)
          + " an id may have";
    }
    List<String> services = List.of();
    if (r instanceof Incident i && i.services() != null) {
      services = i.services();
    } else if (r instanceof Deploy d && d.service() != null) {
      services = List.of(d.service());
    } else if (r instanceof StagingRun s && s.service() != null) {
      services = List.of(s.service());
    } else if (r instanceof EnvironmentFact f && f.service() != null) {
      services = List.of(f.service());
    }
    for (String s : services) {
      if (s != null && s.length() > MAX_NAME_CHARS) {
        return "a service name is "
            + String.format("%,d", s.length())
            + " characters long, more than the "
            + String.format("%,d", MAX_NAME_CHARS)
            + " a name may have";
      }
    }
    return null;
  }
}
