package dev.rehearsal.importers;

import dev.rehearsal.importers.support.TimeParser;
import dev.rehearsal.settings.EnvironmentNames;
import dev.rehearsal.task.TaskMonitor;
import java.util.Map;

/**
 * Everything a parse needs besides the file: how to read times, how to name environments, what the
 * file is about when it does not say (hints), saved column mappings, and the task handle. One
 * context per file.
 */
public final class ImportContext {
  private final ImportOptions options;
  private final TimeParser time;
  private final EnvironmentNames environments;
  private final TargetHints hints;
  private final Map<String, ColumnMapping> mappings;
  private final TaskMonitor monitor;
  private final java.time.Instant startedAt =
      java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

  public ImportContext(
      ImportOptions options,
      EnvironmentNames environments,
      TargetHints hints,
      Map<String, ColumnMapping> mappings,
      TaskMonitor monitor) {
    this.options = options == null ? ImportOptions.defaults() : options;
    this.time = new TimeParser(this.options.naiveZone(), this.options.dateOrder());
    this.environments = environments == null ? EnvironmentNames.defaults() : environments;
    this.hints = hints == null ? TargetHints.NONE : hints;
    this.mappings = mappings == null ? Map.of() : Map.copyOf(mappings);
    this.monitor = monitor == null ? TaskMonitor.NONE : monitor;
  }

  /** A context with defaults, for tests and previews. */
  public static ImportContext defaults() {
    return new ImportContext(
        ImportOptions.defaults(),
        EnvironmentNames.defaults(),
        TargetHints.NONE,
        Map.of(),
        TaskMonitor.NONE);
  }

  public ImportContext withHints(TargetHints h) {
    return new ImportContext(options, environments, h, mappings, monitor);
  }

  public ImportContext withOptions(ImportOptions o) {
    return new ImportContext(o, environments, hints, mappings, monitor);
  }

  public ImportContext withMappings(Map<String, ColumnMapping> m) {
    return new ImportContext(options, environments, hints, m, monitor);
  }

  /** When this file's import began: the as-of of a snapshot with no time and no file time. */
  public java.time.Instant startedAt() {
    return startedAt;
  }

  public ImportOptions options() {
    return options;
  }

  public TimeParser time() {
    return time;
  }

  public EnvironmentNames environments() {
    return environments;
  }

  /** Normalised environment for a raw name. */
  public String environment(String raw) {
    return environments.normalise(raw);
  }

  public TargetHints hints() {
    return hints;
  }

  public Map<String, ColumnMapping> mappings() {
    return mappings;
  }

  public TaskMonitor monitor() {
    return monitor;
  }

  /**
   * Parses a timestamp with the import's rules; when the zone had to be assumed, adds a note saying
   * so to {@code notes} (which goes on the record's provenance).
   */
  public java.time.Instant instant(String raw, java.util.List<String> notes)
      throws dev.rehearsal.importers.support.TimeParseException {
    var p = time.parse(raw);
    if (p.zoneAssumed() && notes != null) {
      String zone =
          time.naiveZone().normalized().equals(java.time.ZoneOffset.UTC)
              ? "UTC"
              : time.naiveZone().getId();
      String note =
          p.dateOnly()
              ? "date without time or zone, read as midnight " + zone
              : "time without zone, read as " + zone;
      if (!notes.contains(note)) {
        notes.add(note);
      }
    }
    return p.instant();
  }

  /** Like {@link #instant} but null for a null or blank value. */
  public java.time.Instant optionalInstant(String raw, java.util.List<String> notes)
      throws dev.rehearsal.importers.support.TimeParseException {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    return instant(raw, notes);
  }
}
