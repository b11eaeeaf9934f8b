package dev.rehearsal.importers.deploys;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rehearsal.importers.ImportContext;
import dev.rehearsal.importers.ImportException;
import dev.rehearsal.importers.ImportSource;
import dev.rehearsal.importers.RecordSink;
import dev.rehearsal.importers.Sniff;
import dev.rehearsal.importers.support.CsvTable;
import java.io.IOException;
import java.util.List;

/**
 * Apache DevLake's raw tables exported as CSV ({@code _raw_<plugin>_api_<thing>.csv}): columns
 * {@code id, params, data, url, input, created_at}, where {@code data} holds one API object as the
 * tool returned it, {@code params} the scope DevLake collected for (repository, project, job) and
 * {@code input} the parent object of a sub-collection (the Jenkins job, the CircleCI pipeline, the
 * Bamboo environment).
 */
final class DevLakeCsv {
  private DevLakeCsv() {}

  /** One row, its JSON cells parsed. */
  record Row(JsonNode data, JsonNode params, JsonNode input, String url, long line, long index) {}

  @FunctionalInterface
  interface RowMapper {
    Object map(Row row) throws Reject, IOException;
  }

  /** Whether the file has DevLake's raw-table header. */
  static boolean isRawTable(Sniff s) {
    List<String> h = s.csvHeader();
    return h.size() >= 3
        && h.contains("params")
        && h.contains("data")
        && h.contains("id")
        && (h.contains("input") || h.contains("url"));
  }

  /** Whether the head holds all these JSON keys inside the CSV's quoted cells. */
  static boolean hasKeys(Sniff s, String... keys) {
    String t = s.text();
    for (String k : keys) {
      if (!t.contains("\"\"" + k + "\"\"")) {
        return false;
      }
    }
    return true;
  }

  static void read(ImportSource source, ImportContext ctx, RecordSink sink, RowMapper mapper)
      throws IOException, ImportException {
    try (CsvTable t = CsvTable.open(source, sink)) {
      if (!t.has("data")) {
        throw new ImportException("no 'data' column: this is not a DevLake raw table export", 1);
      }
      CsvTable.Row r;
      while ((r = t.next()) != null) {
        final CsvTable.Row row = r;
        Emit.one(
            sink,
            ctx,
            row.line(),
            row.index(),
            () -> {
              JsonNode data = Nodes.parse(row.get("data"), "data");
              if (data == null || !data.isObject()) {
                throw new Reject("the 'data' cell holds no API object");
              }
              JsonNode params = Nodes.parse(row.get("params"), "params");
              JsonNode input = Nodes.parse(row.get("input"), "input");
              return mapper.map(
                  new Row(data, params, input, row.get("url"), row.line(), row.index()));
            });
      }
      t.notes().forEach(sink::warn);
    }
  }
}
