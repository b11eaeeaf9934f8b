package dev.rehearsal.importers;

import dev.rehearsal.model.RecordKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A user's description of a CSV or JSON export from a tool Rehearsal has no importer for: which
 * column holds the id, the time, the service, the title, and so on. Saved by name in the workspace
 * ({@code mappings/NAME.json}) and used by the generic importers.
 *
 * @param name the name it is saved under
 * @param kind the kind of records the file holds
 * @param columns record field to column (CSV header or JSON key; dotted paths reach into nested
 *     JSON objects)
 * @param constants record field to a fixed value for every row ("environment": "production")
 * @param header the fields of the file it was made for (a CSV header, a JSON file's fields), or
 *     empty: a file with the same fields, in any order and case, is read through this mapping
 *     without it being named
 */
public record ColumnMapping(
    String name,
    RecordKind kind,
    Map<String, String> columns,
    Map<String, String> constants,
    List<String> header) {

  /** A mapping chosen by name only. */
  public ColumnMapping(
      String name, RecordKind kind, Map<String, String> columns, Map<String, String> constants) {
    this(name, kind, columns, constants, List.of());
  }

  /**
   * The fields without which no row becomes a record, per kind (docs/formats/generic.md): each
   * needs a column or a fixed value (a deploy's service and a deploy's or fact's environment may
   * also come from the import's hints).
   */
  public static final Map<RecordKind, List<String>> REQUIRED =
      Map.of(
          RecordKind.INCIDENT, List.of("time"),
          RecordKind.DEPLOY, List.of("time", "service", "environment"),
          RecordKind.STAGING_RUN, List.of("time"),
          RecordKind.FACT, List.of("time", "type", "environment", "subject"));

  /** Whether this mapping was made for a file with these fields (see {@code header}). */
  public boolean madeFor(java.util.Set<String> signature) {
    return !header.isEmpty()
        && dev.rehearsal.importers.generic.GenericFields.signature(header).equals(signature);
  }

  /** The fields a mapping can fill, per kind; the first ones are required. */
  public static final Map<RecordKind, List<String>> FIELDS =
      Map.of(
          RecordKind.INCIDENT,
              List.of(
                  "id",
                  "time",
                  "title",
                  "description",
                  "postmortem",
                  "service",
                  "severity",
                  "status",
                  "resolved",
                  "reference",
                  "url",
                  "environment"),
          RecordKind.DEPLOY,
              List.of(
                  "id",
                  "time",
                  "service",
                  "environment",
                  "version",
                  "commit",
                  "status",
                  "started",
                  "ref",
                  "description",
                  "url",
                  "rollback",
                  "actor"),
          RecordKind.STAGING_RUN,
              List.of(
                  "id",
                  "time",
                  "service",
                  "environment",
                  "version",
                  "commit",
                  "suite",
                  "total",
                  "failed",
                  "skipped",
                  "type",
                  "peak_rps",
                  "p95_ms",
                  "p99_ms",
                  "requests"),
          RecordKind.FACT,
              List.of(
                  "id", "time", "type", "service", "environment", "subject", "value", "number"));

  /** Reads a saved mapping; the kind may be written "incident", "deploy", "run" or "fact". */
  @com.fasterxml.jackson.annotation.JsonCreator
  public static ColumnMapping fromJson(
      @com.fasterxml.jackson.annotation.JsonProperty("name") String name,
      @com.fasterxml.jackson.annotation.JsonProperty("kind") String kind,
      @com.fasterxml.jackson.annotation.JsonProperty("columns") Map<String, String> columns,
      @com.fasterxml.jackson.annotation.JsonProperty("constants") Map<String, String> constants,
      @com.fasterxml.jackson.annotation.JsonProperty("header") List<String> header) {
    return new ColumnMapping(
        name, kind == null ? null : RecordKind.fromCode(kind), columns, constants, header);
  }

  public ColumnMapping {
    columns = columns == null ? Map.of() : lower(columns);
    constants = constants == null ? Map.of() : lower(constants);
    header = header == null ? List.of() : List.copyOf(header);
  }

  private static Map<String, String> lower(Map<String, String> m) {
    Map<String, String> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), v));
    return out;
  }

  /** The column for a field, or null. */
  public String column(String field) {
    return columns.get(field);
  }

  /** Problems that make the mapping unusable, empty when it is fine. */
  public List<String> problems() {
    var out = new java.util.ArrayList<String>();
    if (name == null || name.isBlank()) {
      out.add("the mapping has no name");
    }
    if (kind == null) {
      out.add("the mapping says no record kind (incident, deploy, run or fact)");
      return out;
    }
    List<String> allowed = FIELDS.get(kind);
    for (String f : columns.keySet()) {
      if (!allowed.contains(f)) {
        out.add(
            "'"
                + f
                + "' is not a field of "
                + kind.code()
                + " records (fields: "
                + String.join(", ", allowed)
                + ")");
      }
    }
    if (!columns.containsKey("time") && !constants.containsKey("time")) {
      out.add("the mapping names no column for 'time'");
    }
    return out;
  }
}
