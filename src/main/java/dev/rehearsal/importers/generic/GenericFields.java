package dev.rehearsal.importers.generic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rehearsal.importers.ImportException;
import dev.rehearsal.importers.ImportSource;
import dev.rehearsal.importers.Sniff;
import dev.rehearsal.importers.facts.JsonStream;
import dev.rehearsal.importers.support.CsvTable;
import dev.rehearsal.importers.support.Decoding;
import dev.rehearsal.task.CancelledException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a column mapping can name in a file the generic importers would read: a CSV's header, or the
 * fields of a JSON file's first records (a key, or {@code key.inner} one object down), with the
 * first rows' values under each. Its {@link #signature} is how a saved mapping knows the next file
 * with the same fields.
 *
 * @param format {@code generic-csv} or {@code generic-json}
 * @param fields the header cells or JSON paths, in the file's order
 * @param rows the first rows, field to its text (absent or blank fields left out)
 */
public record GenericFields(String format, List<String> fields, List<Map<String, String>> rows) {

  public GenericFields {
    fields = List.copyOf(fields);
    rows = List.copyOf(rows);
  }

  /** The fields without case or order: two files with the same signature take one mapping. */
  public Set<String> signature() {
    return signature(fields);
  }

  /** The signature of a list of field names (see {@link #signature()}). */
  public static Set<String> signature(List<String> fields) {
    Set<String> s = new TreeSet<>();
    for (String f : fields) {
      if (f != null && !f.isBlank()) {
        s.add(f.strip().toLowerCase(Locale.ROOT));
      }
    }
    return s;
  }

  /**
   * The fields of a file the generic importers could read (a delimited table with a header, JSON,
   * JSON Lines), with its first {@code maxRows} rows; empty for anything else (XML, binary,
   * documentation, a file that cannot be read).
   */
  public static Optional<GenericFields> of(ImportSource source, int maxRows) throws IOException {
    Sniff sniff = Sniff.of(source);
    if (sniff.head().length == 0
        || sniff.isBinary()
        || sniff.isDocumentation()
        || sniff.looksLikeXml()) {
      return Optional.empty();
    }
    if (sniff.looksLikeJson()) {
      return json(source, maxRows);
    }
    if (sniff.csvHeader().size() > 1) {
      return csv(source, maxRows);
    }
    return Optional.empty();
  }

  private static Optional<GenericFields> csv(ImportSource source, int maxRows) throws IOException {
    try (CsvTable t = CsvTable.scan(source)) {
      List<String> fields = new ArrayList<>();
      for (String h : t.header()) {
        if (h != null && !h.isBlank() && !fields.contains(h.strip())) {
          fields.add(h.strip());
        }
      }
      List<Map<String, String>> rows = new ArrayList<>();
      CsvTable.Row r;
      while (rows.size() < maxRows && (r = t.next()) != null) {
        Map<String, String> row = new LinkedHashMap<>();
        for (String f : fields) {
          String v = r.get(f);
          if (v != null && !v.isBlank()) {
            row.put(f, v);
          }
        }
        rows.add(row);
      }
      return Optional.of(new GenericFields(GenericCsvImporter.ID, fields, rows));
    } catch (ImportException e) {
      return Optional.empty();
    }
  }

  private static Optional<GenericFields> json(ImportSource source, int maxRows) throws IOException {
    List<JsonNode> nodes = new ArrayList<>();
    JsonStream.Handler keep =
        (node, line, index) -> {
          if (node.isObject()) {
            nodes.add(node);
          }
          if (nodes.size() >= maxRows) {
            throw new CancelledException();
          }
        };
    try {
      if (GenericJsonImporter.isJsonLines(source)) {
        try (BufferedReader br =
            new BufferedReader(Decoding.open(source.open()).reader(), 1 << 16)) {
          String line;
          while ((line = br.readLine()) != null) {
            if (!line.isBlank()) {
              try {
                JsonStream.records(new StringReader(line), GenericJsonImporter.ENVELOPES, keep);
              } catch (ImportException e) {
                // a line that is not JSON: the import rejects it; the fields come from the others
              }
            }
          }
        }
      } else {
        try (Reader r = Decoding.open(source.open()).reader()) {
          JsonStream.records(r, GenericJsonImporter.ENVELOPES, keep);
        }
      }
    } catch (CancelledException e) {
      // enough records seen
    } catch (ImportException e) {
      if (nodes.isEmpty()) {
        return Optional.empty();
      }
    }
    if (nodes.isEmpty()) {
      return Optional.empty();
    }
    Set<String> fields = new LinkedHashSet<>();
    for (JsonNode n : nodes) {
      paths(n, fields);
    }
    List<String> list = new ArrayList<>(fields);
    List<Map<String, String>> rows = new ArrayList<>();
    for (JsonNode n : nodes) {
      Map<String, String> row = new LinkedHashMap<>();
      for (String f : list) {
        String v = GenericJsonImporter.value(n, f);
        if (v != null && !v.isBlank()) {
          row.put(f, v);
        }
      }
      rows.add(row);
    }
    return Optional.of(new GenericFields(GenericJsonImporter.ID, list, rows));
  }

  /** A record's keys, and the keys of objects one level down as {@code key.inner}. */
  private static void paths(JsonNode n, Set<String> out) {
    for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getValue().isObject() && e.getValue().size() > 0) {
        for (Iterator<String> inner = e.getValue().fieldNames(); inner.hasNext(); ) {
          out.add(e.getKey() + "." + inner.next());
        }
      } else {
        out.add(e.getKey());
      }
    }
  }
}
