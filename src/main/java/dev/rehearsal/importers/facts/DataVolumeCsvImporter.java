package dev.rehearsal.importers.facts;

import dev.rehearsal.importers.Sniff;
import dev.rehearsal.model.FactType;
import java.util.List;

/**
 * Row counts per table per environment (docs/formats/facts.md, "data-volume-csv"): {@code
 * environment,table,rows,as_of} plus an optional {@code service} column; and the database's own
 * statistics exported as CSV with a header, PostgreSQL's {@code pg_stat_user_tables} ({@code
 * schemaname, relname, n_live_tup}) and MySQL's {@code information_schema.tables} ({@code
 * TABLE_SCHEMA, TABLE_NAME, TABLE_TYPE, TABLE_ROWS}). One DATA_VOLUME fact per row: subject = the
 * table, qualified by its schema unless that is PostgreSQL's {@code public}; number = rows. Views
 * and the databases' own schemas are rejected, row by row. A file without a time column is one
 * snapshot: taken as of the file's modification time, marked assumed.
 */
public final class DataVolumeCsvImporter extends FactCsvImporter {
  static final String ID = "data-volume-csv";
  static final Column TABLE =
      new Column("table", List.of("table", "table_name", "tablename", "relation", "relname"));
  static final Column ROWS =
      new Column(
          "rows",
          List.of(
              "rows",
              "row_count",
              "rowcount",
              "num_rows",
              "n_rows",
              "row_estimate",
              "n_live_tup",
              "table_rows"));
  static final Column SCHEMA =
      new Column("schema", List.of("schema", "schemaname", "table_schema", "schema_name"));
  static final Column TABLE_TYPE = new Column("table_type", List.of("table_type"));

  /** Schemas that hold the database's own tables, never an application's. */
  private static final java.util.Set<String> SYSTEM_SCHEMAS =
      java.util.Set.of(
          "information_schema", "mysql", "performance_schema", "sys", "pg_catalog", "pg_toast");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "Data volume facts (row counts CSV)";
  }

  @Override
  public int recognizes(Sniff sniff) {
    return score(sniff);
  }

  @Override
  FactType type() {
    return FactType.DATA_VOLUME;
  }

  @Override
  Column numberColumn() {
    return ROWS;
  }

  @Override
  Column subjectColumn() {
    return TABLE;
  }

  @Override
  boolean serviceRequired() {
    return false;
  }

  @Override
  boolean wholeNumbers() {
    return true;
  }

  @Override
  boolean snapshotWithoutTime() {
    return true;
  }

  @Override
  List<Column> extraColumns() {
    return List.of(SCHEMA, TABLE_TYPE);
  }

  @Override
  String subject(String table, java.util.Map<String, String> extras) {
    String type = extras.getOrDefault(TABLE_TYPE.role(), "");
    if (type.toUpperCase(java.util.Locale.ROOT).contains("VIEW")) {
      throw new IllegalArgumentException(
          "'" + table + "' is a " + type.toLowerCase(java.util.Locale.ROOT) + ", not a table");
    }
    String schema = dev.rehearsal.util.Texts.cleanId(extras.getOrDefault(SCHEMA.role(), ""));
    String lower = schema.toLowerCase(java.util.Locale.ROOT);
    if (SYSTEM_SCHEMAS.contains(lower) || lower.startsWith("pg_temp")) {
      throw new IllegalArgumentException(
          "'" + table + "' is in the database's own schema '" + schema + "', not an application's");
    }
    if (schema.isEmpty() || lower.equals("public") || table.contains(".")) {
      return table;
    }
    return schema + "." + table;
  }
}
