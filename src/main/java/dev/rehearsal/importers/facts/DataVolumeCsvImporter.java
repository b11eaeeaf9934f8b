package dev.rehearsal.importers.facts;

import dev.rehearsal.importers.Sniff;
import dev.rehearsal.model.FactType;
import java.util.List;

/**
 * Row counts per table per environment (docs/formats/facts.md, "data-volume-csv"): {@code
 * environment,table,rows,as_of} plus an optional {@code service} column. One DATA_VOLUME fact per
 * row: subject = table, number = rows.
 */
public final class DataVolumeCsvImporter extends FactCsvImporter {
  static final String ID = "data-volume-csv";
  static final Column TABLE =
      new Column("table", List.of("table", "table_name", "tablename", "relation"));
  static final Column ROWS =
      new Column(
          "rows", List.of("rows", "row_count", "rowcount", "num_rows", "n_rows", "row_estimate"));

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
}
