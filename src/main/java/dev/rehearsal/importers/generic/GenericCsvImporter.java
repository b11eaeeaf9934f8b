package dev.rehearsal.importers.generic;

import dev.rehearsal.importers.ColumnMapping;
import dev.rehearsal.importers.ImportContext;
import dev.rehearsal.importers.ImportException;
import dev.rehearsal.importers.ImportSource;
import dev.rehearsal.importers.Importer;
import dev.rehearsal.importers.RecordSink;
import dev.rehearsal.importers.Sniff;
import dev.rehearsal.importers.support.CsvTable;
import dev.rehearsal.importers.support.DateOrderDetector;
import dev.rehearsal.model.RecordKind;
import dev.rehearsal.settings.DateOrder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Any CSV (comma, semicolon or tab separated) read through a saved column mapping
 * (docs/formats/generic.md). Never chosen by detection: the user names it with {@code --format
 * generic-csv --mapping NAME}.
 */
public final class GenericCsvImporter implements Importer {
  static final String ID = "generic-csv";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "Any CSV, through a saved column mapping";
  }

  /** The kind depends on the mapping; this is what the registry lists it under. */
  @Override
  public RecordKind kind() {
    return RecordKind.INCIDENT;
  }

  @Override
  public int recognizes(Sniff sniff) {
    return NO;
  }

  @Override
  public void parse(ImportSource source, ImportContext ctx, RecordSink sink)
      throws IOException, ImportException {
    ColumnMapping m = MappedRecords.chosen(ctx);
    MappedRecords records = new MappedRecords(m, ctx, source, sink, ID);
    try (CsvTable t = CsvTable.scan(source)) {
      List<String> fatal = new ArrayList<>();
      for (var e : m.columns().entrySet()) {
        if (!t.has(e.getValue())) {
          String what = "'" + e.getValue() + "' (" + e.getKey() + ")";
          if (e.getKey().equals("time") || e.getKey().equals("id")) {
            fatal.add(what);
          } else {
            sink.warn(
                "the mapping '"
                    + m.name()
                    + "' names column "
                    + what
                    + ", which this "
                    + "file's header does not have; the field stays empty");
          }
        }
      }
      if (!fatal.isEmpty()) {
        throw new ImportException(
            "the mapping '"
                + m.name()
                + "' names column "
                + String.join(" and ", fatal)
                + ", which this file's header does not have; "
                + "header: "
                + String.join(",", t.header()),
            1);
      }
    }
    ImportContext rowCtx = ctx;
    List<String> timeColumns = records.timeColumns();
    if (!timeColumns.isEmpty() && ctx.options().dateOrder() == DateOrder.AUTO) {
      DateOrderDetector.Result r =
          dev.rehearsal.importers.facts.CsvDates.order(source, timeColumns);
      if (r.decided() && r.order() != DateOrder.AUTO) {
        rowCtx = ctx.withOptions(ctx.options().withDateOrder(r.order()));
        sink.warn("numeric dates read as " + r.order() + " (decided from the file's own dates)");
      } else if (!r.decided()) {
        sink.warn(r.problem());
      }
    }
    try (CsvTable t = CsvTable.open(source, sink)) {
      t.notes().forEach(sink::warn);
      CsvTable.Row row;
      while ((row = t.next()) != null) {
        ctx.monitor().checkCancelled();
        CsvTable.Row r = row;
        records.row(
            new MappedRecords.Row() {
              @Override
              public long line() {
                return r.line();
              }

              @Override
              public long index() {
                return r.index();
              }

              @Override
              public String get(String column) {
                return r.get(column);
              }
            },
            rowCtx);
      }
    }
  }
}
