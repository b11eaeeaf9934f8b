package dev.rehearsal.importers.incidents;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import dev.rehearsal.importers.ImportContext;
import dev.rehearsal.importers.ImportException;
import dev.rehearsal.importers.ImportSource;
import dev.rehearsal.importers.Importer;
import dev.rehearsal.importers.RecordSink;
import dev.rehearsal.importers.Sniff;
import dev.rehearsal.importers.support.CsvTable;
import dev.rehearsal.model.RecordKind;
import dev.rehearsal.task.CancelledException;
import dev.rehearsal.util.Json;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;

/**
 * Apache DevLake raw tables exported as CSV: header {@code id,params,data,url,input,created_at},
 * one raw REST API object per row in the {@code data} cell. Every DevLake raw table shares that
 * header, so a file is claimed only when the first row's data is the tool's incident object. The
 * row's {@code created_at} is when DevLake fetched the object, not an incident time, and is not
 * used.
 */
abstract class DevLakeRawCsvImporter implements Importer {
  static final List<String> HEADER = List.of("id", "params", "data", "url", "input", "created_at");

  /** Whether the API object is one of this importer's records. */
  abstract boolean isRecord(JsonNode data);

  /**
   * Whether the head of the file (quotes removed) carries the tool's incident field names, for a
   * first row too long to fit in the sniffed head.
   */
  abstract boolean markers(String unquoted);

  abstract String source();

  /** What the records are, for messages ("PagerDuty incident"). */
  abstract String what();

  abstract IncidentDraft map(JsonNode data, ImportContext ctx, RecordSink sink)
      throws RecordProblem;

  @Override
  public RecordKind kind() {
    return RecordKind.INCIDENT;
  }

  @Override
  public int recognizes(Sniff s) {
    if (s.looksLikeJson() || s.isBinary() || !s.csvHeader().containsAll(HEADER)) {
      return NO;
    }
    JsonNode first = firstData(s.text());
    if (first != null) {
      return isRecord(first) ? CERTAIN : NO;
    }
    return markers(s.text().replace("\"", "")) ? LIKELY : NO;
  }

  /** The data cell of the first row parsed as JSON, or null when it cannot be read whole. */
  static JsonNode firstData(String text) {
    try (CSVReader r =
        new CSVReaderBuilder(new StringReader(text))
            .withCSVParser(new RFC4180ParserBuilder().build())
            .build()) {
      String[] header = r.readNext();
      String[] row = r.readNext();
      if (header == null || row == null) {
        return null;
      }
      for (int i = 0; i < header.length && i < row.length; i++) {
        if (header[i].replace("\uFEFF", "").strip().equalsIgnoreCase("data")) {
          return Json.mapper().readTree(row[i]);
        }
      }
    } catch (Exception e) {
      // the first row is cut off by the end of the head, or is not JSON
    }
    return null;
  }

  @Override
  public void parse(ImportSource source, ImportContext ctx, RecordSink target)
      throws IOException, ImportException {
    RecordSink sink = OnceSink.of(target);
    try (CsvTable table = CsvTable.open(source, sink)) {
      try {
        if (!table.has("data")) {
          throw new ImportException("the file has no 'data' column", 1);
        }
        CsvTable.Row row;
        while ((row = table.next()) != null) {
          if ((row.index() & 255) == 0) {
            ctx.monitor().checkCancelled();
          }
          try {
            String cell = row.get("data");
            if (cell == null) {
              throw new RecordProblem("the 'data' cell is empty");
            }
            JsonNode data;
            try {
              data = Json.mapper().readTree(cell);
            } catch (com.fasterxml.jackson.core.io.JsonEOFException e) {
              throw new RecordProblem(
                  "the 'data' cell ends before its JSON does: the file " + "may be cut off here");
            } catch (JsonProcessingException e) {
              throw new RecordProblem(
                  "the 'data' cell is not valid JSON: " + e.getOriginalMessage());
            }
            if (data == null || !data.isObject() || !isRecord(data)) {
              throw new RecordProblem("the 'data' cell holds no " + what());
            }
            IncidentDraft d = map(data, ctx, sink);
            sink.accept(d.build(source(), id(), source, row.line(), row.index(), ctx));
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
}
