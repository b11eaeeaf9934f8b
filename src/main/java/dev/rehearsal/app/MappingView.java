package dev.rehearsal.app;

import dev.rehearsal.model.RecordKind;
import java.util.List;
import java.util.Map;

/**
 * A column mapping as the window edits it, in plain values: the file's fields with their first
 * values, the draft (a name, the kind of records, a column or a fixed value per record field), the
 * draft's preview on the file's first rows, and the mappings the workspace has saved.
 */
public final class MappingView {
  private MappingView() {}

  /**
   * A file a mapping can read.
   *
   * @param file the file
   * @param format "CSV" or "JSON"
   * @param fields its header cells, or its JSON fields ({@code key}, {@code key.inner})
   * @param rows its first rows, field to text (blank fields left out)
   * @param savedFor the saved mapping made for a file with these fields, or ""
   */
  public record Source(
      String file,
      String format,
      List<String> fields,
      List<Map<String, String>> rows,
      String savedFor) {
    public Source {
      fields = List.copyOf(fields);
      rows = List.copyOf(rows);
    }

    /** The first non-blank value under a field, or "". */
    public String sample(String field) {
      for (Map<String, String> r : rows) {
        String v = r.get(field);
        if (v != null && !v.isBlank()) {
          return v;
        }
      }
      return "";
    }
  }

  /** A record field a mapping can fill, and whether a record needs it. */
  public record Field(String name, boolean required) {}

  /**
   * A mapping being edited.
   *
   * @param columns record field to the file's field it is read from (blank ones are left out)
   * @param constants record field to a fixed value for every row (blank ones are left out)
   */
  public record Draft(
      String name, RecordKind kind, Map<String, String> columns, Map<String, String> constants) {
    public Draft {
      name = name == null ? "" : name.strip();
      columns = Map.copyOf(columns == null ? Map.of() : columns);
      constants = Map.copyOf(constants == null ? Map.of() : constants);
    }
  }

  /** One of the file's first rows as the draft reads it. */
  public record Row(List<String> values, String outcome) {}

  /**
   * The draft on the file's first rows.
   *
   * @param problems why the mapping cannot be used as it is, a sentence each (empty when it can)
   * @param fields the record fields the draft fills, in the kind's order
   * @param rows each row's values under those fields, and what it becomes ("deploy: checkout 2.1 to
   *     production (succeeded)") or why it would be rejected
   */
  public record Preview(List<String> problems, List<String> fields, List<Row> rows) {
    public Preview {
      problems = List.copyOf(problems);
      fields = List.copyOf(fields);
      rows = List.copyOf(rows);
    }

    public boolean usable() {
      return problems.isEmpty();
    }
  }

  /**
   * A mapping the workspace keeps.
   *
   * @param madeFor the fields of the file it was made for, shortened ("" when it is chosen by name
   *     only)
   */
  public record Saved(String name, String kind, int mapped, String madeFor) {}
}
