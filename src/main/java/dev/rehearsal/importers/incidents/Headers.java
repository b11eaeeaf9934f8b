package dev.rehearsal.importers.incidents;

import dev.rehearsal.importers.support.CsvTable;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Header-tolerant column lookup for CSV exports whose column names vary (by product version, by
 * locale, by who made the export). Header names are compared after {@link #norm}: accents removed,
 * lower case, every run of characters other than letters and digits turned into one space ("Created
 * At", "created_at" and "CREATED-AT" are all "created at"; "État" is "etat").
 *
 * <p>Each field has an ordered list of accepted names; the first one the file has wins, for the
 * whole file (so a row whose preferred column is blank does not silently take another column).
 */
final class Headers {
  private final Map<String, String> resolved = new LinkedHashMap<>();
  private final List<String> normalisedHeader = new ArrayList<>();
  private final String[] header;

  private Headers(String[] header) {
    this.header = header;
    for (String h : header) {
      normalisedHeader.add(norm(h));
    }
  }

  /** Accent-free, lower-case, single-spaced form of a header name. */
  static String norm(String s) {
    if (s == null) {
      return "";
    }
    String d = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return d.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }

  /**
   * Resolves each field of {@code table} (field to accepted names, in preference order) against the
   * header.
   */
  static Headers resolve(String[] header, Map<String, List<String>> table) {
    Headers h = new Headers(header);
    for (var e : table.entrySet()) {
      String found = h.find(e.getValue());
      if (found != null) {
        h.resolved.put(e.getKey(), found);
      }
    }
    return h;
  }

  /** The header cell (as written) for the first accepted name present, or null. */
  String find(Collection<String> accepted) {
    for (String a : accepted) {
      String n = norm(a);
      for (int i = 0; i < header.length; i++) {
        if (normalisedHeader.get(i).equals(n)) {
          return header[i];
        }
      }
    }
    return null;
  }

  /** The first header cell whose normalised name satisfies the test, or null. */
  String findMatching(java.util.function.Predicate<String> test) {
    for (int i = 0; i < header.length; i++) {
      if (test.test(normalisedHeader.get(i))) {
        return header[i];
      }
    }
    return null;
  }

  /** Every distinct header cell whose normalised name satisfies the test. */
  List<String> allMatching(java.util.function.Predicate<String> test) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < header.length; i++) {
      if (test.test(normalisedHeader.get(i)) && !out.contains(header[i])) {
        out.add(header[i]);
      }
    }
    return out;
  }

  void put(String field, String headerCell) {
    if (headerCell != null) {
      resolved.put(field, headerCell);
    }
  }

  boolean has(String field) {
    return resolved.containsKey(field);
  }

  /** The header cell a field was resolved to, or null. */
  String column(String field) {
    return resolved.get(field);
  }

  /** The header cells of these fields that the file has. */
  List<String> columns(String... fields) {
    List<String> out = new ArrayList<>();
    for (String f : fields) {
      String c = resolved.get(f);
      if (c != null && !out.contains(c)) {
        out.add(c);
      }
    }
    return out;
  }

  /** The row's value for a field (first non-blank among duplicate columns), or null. */
  String get(CsvTable.Row row, String field) {
    String c = resolved.get(field);
    return c == null ? null : row.get(c);
  }

  /** Every non-blank value of a field (all duplicate columns of the resolved name). */
  List<String> all(CsvTable.Row row, String field) {
    String c = resolved.get(field);
    return c == null ? List.of() : row.all(c);
  }

  /** The normalised names of a CSV header as {@link dev.rehearsal.importers.Sniff} gives it. */
  static List<String> normalised(List<String> header) {
    List<String> out = new ArrayList<>();
    for (String h : header) {
      out.add(norm(h.replace("\uFEFF", "")));
    }
    return out;
  }

  /** Whether any of the accepted names is among the normalised header names. */
  static boolean any(List<String> normalisedHeader, List<String> accepted) {
    for (String a : accepted) {
      if (normalisedHeader.contains(norm(a))) {
        return true;
      }
    }
    return false;
  }
}
