package dev.rehearsal.analysis;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;
import dev.rehearsal.model.Gap;
import dev.rehearsal.model.Verdict;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A ground-truth file (see docs/truth-format.md): one row per labelled incident with columns {@code
 * incident, caused_by, verdict, gaps}, and optionally {@code style} and {@code case}. Incidents and
 * deploys are named {@code source/sourceId} as in the workspace ("pagerduty/Q1ABC",
 * "gitlab/2054488"); {@code caused_by} lists deploys separated by spaces or semicolons (empty: not
 * change-related); {@code gaps} lists gaps most important first, separated by semicolons; {@code
 * style} names the kind of organisation a generated scenario describes and {@code case} the shape
 * of the incident's cause ("upstream", "decoy", ...), both free text, empty when absent.
 */
public record Truth(Map<String, Row> rows, List<String> problems) {

  /** One labelled incident; style and case are "" when the file does not give them. */
  public record Row(
      String incidentKey,
      List<String> deployKeys,
      Verdict verdict,
      List<Gap> gaps,
      String style,
      String caseName,
      long line) {}

  public static Truth read(Path file) throws IOException {
    Map<String, Row> rows = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVReader csv = new CSVReader(r)) {
      String[] header = csv.readNext();
      if (header == null) {
        throw new IOException(file + " is empty");
      }
      Map<String, Integer> col = new HashMap<>();
      for (int i = 0; i < header.length; i++) {
        col.put(header[i].strip().toLowerCase(Locale.ROOT).replace("\uFEFF", ""), i);
      }
      for (String c : List.of("incident", "caused_by", "verdict")) {
        if (!col.containsKey(c)) {
          throw new IOException(
              file
                  + ": the header has no '"
                  + c
                  + "' column (expected "
                  + "incident,caused_by,verdict,gaps)");
        }
      }
      String[] row;
      while ((row = csv.readNext()) != null) {
        long line = csv.getLinesRead();
        if (row.length == 1 && row[0].isBlank()) {
          continue;
        }
        try {
          String incident = cell(row, col.get("incident"));
          if (incident.isEmpty()) {
            throw new IllegalArgumentException("no incident");
          }
          List<String> deploys = new ArrayList<>();
          for (String d : cell(row, col.get("caused_by")).split("[;\\s]+")) {
            if (!d.isBlank()) {
              deploys.add(key("deploy", d));
            }
          }
          Verdict v = Verdict.parse(cell(row, col.get("verdict")));
          List<Gap> gaps = new ArrayList<>();
          Integer gi = col.get("gaps");
          if (gi != null) {
            for (String g : cell(row, gi).split(";")) {
              if (!g.isBlank()) {
                gaps.add(Gap.parse(g));
              }
            }
          }
          String k = key("incident", incident);
          String style = cell(row, col.get("style"));
          String caseName = cell(row, col.get("case"));
          rows.put(k, new Row(k, deploys, v, gaps, style, caseName, line));
        } catch (IllegalArgumentException e) {
          problems.add(file.getFileName() + ":" + line + ": " + e.getMessage());
        }
      }
    } catch (CsvException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
    return new Truth(rows, problems);
  }

  private static String key(String kind, String value) {
    String v = value.strip();
    return v.startsWith(kind + "/") ? v : kind + "/" + v;
  }

  private static String cell(String[] row, Integer i) {
    return i == null || i >= row.length ? "" : row[i].strip();
  }
}
