package dev.rehearsal.importers.generic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rehearsal.importers.ColumnMapping;
import dev.rehearsal.importers.ImportContext;
import dev.rehearsal.importers.ImportException;
import dev.rehearsal.importers.ImportSource;
import dev.rehearsal.importers.Importer;
import dev.rehearsal.importers.RecordSink;
import dev.rehearsal.importers.Sniff;
import dev.rehearsal.importers.facts.JsonStream;
import dev.rehearsal.importers.support.DateOrderDetector;
import dev.rehearsal.importers.support.Decoding;
import dev.rehearsal.model.RecordKind;
import dev.rehearsal.settings.DateOrder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Any JSON or JSON Lines file read through a saved column mapping (docs/formats/generic.md): a
 * top-level list of objects, one object per line, or an envelope object with its list under a
 * common key ({@code data}, {@code items}, {@code results}, ...). Columns are JSON paths: {@code
 * service.name}, {@code tags[0]}, {@code services[].name} (every element, joined with ", "). Never
 * chosen by detection: {@code --format generic-json --mapping NAME}.
 */
public final class GenericJsonImporter implements Importer {
  static final String ID = "generic-json";

  /** Keys under which an envelope object keeps its list of records. */
  static final Set<String> ENVELOPES =
      Set.of(
          "data",
          "items",
          "results",
          "result",
          "records",
          "rows",
          "incidents",
          "alerts",
          "deploys",
          "deployments",
          "releases",
          "runs",
          "builds",
          "pipelines",
          "executions",
          "events",
          "entries",
          "values",
          "objects",
          "hits",
          "facts",
          "list",
          "nodes",
          "issues");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "Any JSON or JSON Lines, through a saved column mapping";
  }

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
    boolean lines = isJsonLines(source);
    ImportContext rowCtx = ctx;
    List<String> timeColumns = records.timeColumns();
    if (!timeColumns.isEmpty() && ctx.options().dateOrder() == DateOrder.AUTO) {
      DateOrderDetector det = new DateOrderDetector();
      JsonStream.Handler collect =
          (n, line, i) -> {
            for (String c : timeColumns) {
              String v = value(n, c);
              if (v != null) {
                det.add(v);
              }
            }
          };
      try (Reader reader = Decoding.open(source.open()).reader()) {
        if (lines) {
          eachLine(reader, collect, (line, index, reason) -> {}, new long[1]);
        } else {
          JsonStream.records(reader, ENVELOPES, collect);
        }
      } catch (ImportException e) {
        // the main pass reports it after importing what comes before
      }
      DateOrderDetector.Result r = det.result();
      if (r.decided() && r.order() != DateOrder.AUTO) {
        rowCtx = ctx.withOptions(ctx.options().withDateOrder(r.order()));
        sink.warn("numeric dates read as " + r.order() + " (decided from the file's own dates)");
      } else if (!r.decided()) {
        sink.warn(r.problem());
      }
    }
    ImportContext c = rowCtx;
    JsonStream.Handler handler =
        (node, line, index) -> {
          ctx.monitor().checkCancelled();
          if (!node.isObject()) {
            sink.reject(
                line,
                index,
                "a JSON "
                    + (node.isArray() ? "list" : "value")
                    + " where a record (an object) was expected");
            return;
          }
          records.row(
              new MappedRecords.Row() {
                @Override
                public long line() {
                  return line;
                }

                @Override
                public long index() {
                  return index;
                }

                @Override
                public String get(String column) {
                  return value(node, column);
                }
              },
              c);
        };
    if (lines) {
      Decoding.Decoded d = Decoding.open(source.open());
      try (Reader reader = d.reader()) {
        eachLine(reader, handler, sink::reject, new long[1]);
      } finally {
        d.notes().forEach(sink::warn);
      }
    } else {
      JsonStream.records(source, sink, ENVELOPES, handler);
    }
  }

  /** Where a bad line goes. */
  private interface LineRejector {
    void reject(long line, long index, String reason);
  }

  /**
   * JSON Lines, one line at a time: a line that is not valid JSON is rejected on its own and the
   * lines after it still import.
   */
  private static void eachLine(
      Reader reader, JsonStream.Handler handler, LineRejector bad, long[] index)
      throws IOException, ImportException {
    BufferedReader br = new BufferedReader(reader, 1 << 16);
    String text;
    long lineNo = 0;
    while ((text = br.readLine()) != null) {
      lineNo++;
      if (text.isBlank()) {
        continue;
      }
      long at = lineNo;
      try {
        JsonStream.records(
            new StringReader(text),
            ENVELOPES,
            (node, l, i) -> handler.record(node, at, index[0]++));
      } catch (ImportException e) {
        bad.reject(
            at,
            index[0]++,
            "line "
                + at
                + " is not valid JSON: "
                + e.getMessage()
                    .replaceFirst("^invalid JSON at line 1: ", "")
                    .replaceFirst(" at line 1", ""));
      }
    }
  }

  /**
   * Whether the file is JSON Lines: its first non-blank line is a whole JSON object and more text
   * follows.
   */
  static boolean isJsonLines(ImportSource source) throws IOException {
    try (BufferedReader br = new BufferedReader(Decoding.open(source.open()).reader(), 1 << 16)) {
      String line;
      while ((line = br.readLine()) != null && line.isBlank()) {
        // skip
      }
      if (line == null || !line.stripLeading().startsWith("{")) {
        return false;
      }
      try (com.fasterxml.jackson.core.JsonParser p =
          dev.rehearsal.util.Json.parser(new StringReader(line))) {
        p.nextToken();
        p.skipChildren();
        if (p.nextToken() != null) {
          return false;
        }
      } catch (IOException | RuntimeException e) {
        return false;
      }
      String next;
      while ((next = br.readLine()) != null) {
        if (!next.isBlank()) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * The text at a path: a literal key first, then dotted segments where {@code [n]} picks a list
   * element and {@code []} takes every element. Lists of values are joined with ", "; objects and
   * lists that remain are written as JSON. Null for absent, null or blank.
   */
  static String value(JsonNode node, String path) {
    List<JsonNode> found = new ArrayList<>();
    JsonNode direct = node.get(path);
    if (direct != null) {
      found.add(direct);
    } else if (path.contains("[]")) {
      resolveAll(node, path.split("\\."), 0, found);
    } else {
      JsonNode n = JsonStream.at(node, path);
      if (!n.isMissingNode()) {
        found.add(n);
      }
    }
    List<String> texts = new ArrayList<>();
    for (JsonNode f : found) {
      if (f == null || f.isNull() || f.isMissingNode()) {
        continue;
      }
      if (f.isArray() && allScalars(f)) {
        f.forEach(
            e -> {
              if (!e.isNull() && !e.asText().isBlank()) {
                texts.add(e.asText());
              }
            });
      } else if (f.isContainerNode()) {
        texts.add(f.toString());
      } else if (!f.asText().isBlank()) {
        texts.add(f.asText());
      }
    }
    return texts.isEmpty() ? null : String.join(", ", texts);
  }

  private static boolean allScalars(JsonNode arr) {
    for (JsonNode e : arr) {
      if (e.isContainerNode()) {
        return false;
      }
    }
    return true;
  }

  private static void resolveAll(JsonNode n, String[] parts, int i, List<JsonNode> out) {
    if (n == null || n.isMissingNode() || n.isNull()) {
      return;
    }
    if (i == parts.length) {
      out.add(n);
      return;
    }
    String part = parts[i];
    if (part.endsWith("[]")) {
      String key = part.substring(0, part.length() - 2);
      JsonNode list = key.isEmpty() ? n : JsonStream.at(n, key);
      if (list.isArray()) {
        for (JsonNode e : list) {
          resolveAll(e, parts, i + 1, out);
        }
      }
      return;
    }
    resolveAll(JsonStream.at(n, part), parts, i + 1, out);
  }
}
