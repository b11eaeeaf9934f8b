package dev.rehearsal.importers.incidents;

import dev.rehearsal.importers.ImportContext;
import dev.rehearsal.importers.ImportException;
import dev.rehearsal.importers.ImportSource;
import dev.rehearsal.importers.Importer;
import dev.rehearsal.importers.RecordSink;
import dev.rehearsal.importers.Sniff;
import dev.rehearsal.importers.support.CsvTable;
import dev.rehearsal.importers.support.DateOrderDetector;
import dev.rehearsal.model.Incident;
import dev.rehearsal.model.RecordKind;
import dev.rehearsal.settings.DateOrder;
import dev.rehearsal.task.CancelledException;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The record loop shared by the incident CSV importers: opens the table, resolves the columns
 * through a header table, decides the file's day/month order from its time columns (and refuses to
 * guess when the file cannot tell), then maps row by row; a row that cannot be mapped is rejected
 * with its line and reason, and the rest of the file goes on.
 */
abstract class CsvIncidentImporter implements Importer {

  /** Field to accepted header names, in preference order. */
  abstract Map<String, List<String>> headerTable();

  /** Fields holding times, for the day/month decision. */
  abstract List<String> timeFields();

  /** The tool, lowercase, for record keys. */
  abstract String source();

  /** Adds columns found by pattern rather than by name; default none. */
  void resolveMore(Headers headers) {}

  /** Checks the resolved header once; reports file-level problems to the sink. Default: nothing. */
  void checkHeader(Headers headers, RecordSink sink) {}

  /** Maps one row. */
  abstract IncidentDraft map(Headers h, CsvTable.Row row, ImportContext ctx) throws RecordProblem;

  @Override
  public RecordKind kind() {
    return RecordKind.INCIDENT;
  }

  /** Normalised header names of the file, or an empty list when it is not delimited text. */
  static List<String> header(Sniff sniff) {
    if (sniff.looksLikeJson() || sniff.looksLikeXml() || sniff.isBinary()) {
      return List.of();
    }
    return Headers.normalised(sniff.csvHeader());
  }

  @Override
  public void parse(ImportSource source, ImportContext ctx, RecordSink target)
      throws IOException, ImportException {
    RecordSink sink = OnceSink.of(target);
    try (CsvTable table = CsvTable.open(source, sink)) {
      try {
        Headers h = Headers.resolve(table.header(), headerTable());
        resolveMore(h);
        checkHeader(h, sink);
        ImportContext rowCtx = decideDateOrder(source, ctx, h, sink);
        CsvTable.Row row;
        while ((row = table.next()) != null) {
          if ((row.index() & 255) == 0) {
            ctx.monitor().checkCancelled();
          }
          IncidentDraft d = null;
          try {
            d = map(h, row, rowCtx);
            if (!row.complete()) {
              d.note(
                  "the row has "
                      + row.size()
                      + " cells, the header "
                      + table.header().length
                      + ": the file may be cut off here");
            }
            Incident inc = d.build(source(), id(), source, row.line(), row.index(), rowCtx);
            sink.accept(inc);
          } catch (RecordProblem e) {
            sink.reject(row.line(), row.index(), e.getMessage());
          } catch (CancelledException e) {
            throw e;
          } catch (RuntimeException e) {
            sink.reject(row.line(), row.index(), "the row could not be read: " + e);
          }
        }
      } finally {
        table.notes().forEach(sink::warn);
      }
    }
  }

  private ImportContext decideDateOrder(
      ImportSource source, ImportContext ctx, Headers h, RecordSink sink)
      throws IOException, ImportException {
    List<String> cols = h.columns(timeFields().toArray(new String[0]));
    if (cols.isEmpty() || ctx.options().dateOrder() != DateOrder.AUTO) {
      return ctx;
    }
    DateOrderDetector.Result r = dateOrder(source, cols);
    if (!r.decided()) {
      sink.warn(r.problem() + "; rows whose dates could be read either way are rejected");
      return ctx;
    }
    if (r.order() == DateOrder.AUTO) {
      return ctx;
    }
    sink.warn(
        "numeric dates read "
            + (r.order() == DateOrder.DMY ? "day first (DMY)" : "month first (MDY)")
            + ", decided from the file's values in "
            + String.join(", ", cols));
    return ctx.withOptions(ctx.options().withDateOrder(r.order()));
  }

  /** The order the file's readable rows show; the main pass reports the rows it cannot read. */
  private static DateOrderDetector.Result dateOrder(ImportSource source, List<String> cols)
      throws IOException {
    return CsvTable.dateOrder(source, DateOrder.AUTO, cols);
  }

  /** Splits a cell holding a list ("a, b; c") into its parts. */
  static List<String> split(String cell) {
    if (cell == null || cell.isBlank()) {
      return List.of();
    }
    List<String> out = new java.util.ArrayList<>();
    for (String p : cell.split("[,;\\n]")) {
      if (!p.isBlank()) {
        out.add(p.strip());
      }
    }
    return out;
  }

  /** Whether the sniffed header has one of the accepted names for each given field. */
  static boolean hasAll(
      List<String> normalised, Map<String, List<String>> table, String... fields) {
    for (String f : fields) {
      if (!Headers.any(normalised, table.get(f))) {
        return false;
      }
    }
    return true;
  }
}
