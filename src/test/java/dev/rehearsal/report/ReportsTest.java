package dev.rehearsal.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import dev.rehearsal.app.Period;
import dev.rehearsal.app.Reports;
import dev.rehearsal.app.Session;
import dev.rehearsal.task.TaskMonitor;
import dev.rehearsal.util.CsvCells;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CSV reports: golden files, neutralised formulas, a round trip through OpenCSV, options. */
class ReportsTest {
  @TempDir static Path dir;
  static Session session;
  static final Period Q3 = Period.quarter("2026-Q3");

  @BeforeAll
  static void fill() throws IOException {
    ReportWorkspace.fill(dir.resolve("ws"));
    session = Session.open(dir.resolve("ws"));
  }

  @AfterAll
  static void close() throws IOException {
    session.close();
  }

  private static String golden(String name) throws IOException {
    try (InputStream in = ReportsTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Compares with a golden file; -Dgolden.update=DIR writes it there instead. */
  private static void assertGolden(String name, Path written) throws IOException {
    String actual = Files.readString(written, StandardCharsets.UTF_8);
    String update = System.getProperty("golden.update");
    if (update != null) {
      Files.writeString(Path.of(update, name), actual, StandardCharsets.UTF_8);
    }
    assertEquals(golden(name), actual, name);
  }

  private static Path export(Exporter e, ExportScope scope, String file) throws IOException {
    Path out = dir.resolve(file);
    e.write(scope, out, TaskMonitor.NONE);
    return out;
  }

  @Test
  void incidentsCsvMatchesTheGoldenFile() throws IOException {
    Path out =
        export(
            new IncidentsCsvExporter(session, CsvFormat.RFC_4180),
            ExportScope.of(Q3),
            "incidents.csv");
    assertGolden("incidents-2026-Q3.csv", out);
  }

  @Test
  void aggregatesCsvMatchesTheGoldenFile() throws IOException {
    Path out =
        export(
            new AggregatesCsvExporter(session, CsvFormat.RFC_4180),
            ExportScope.of(Period.between(null, Q3.to())),
            "aggregates.csv");
    assertGolden("aggregates-to-2026-Q3.csv", out);
  }

  @Test
  void cellsASpreadsheetWouldRunAreNeutralised() throws IOException {
    Path out =
        export(
            new IncidentsCsvExporter(session, CsvFormat.RFC_4180),
            ExportScope.of(Q3),
            "formulas.csv");
    List<String[]> rows = read(Files.readString(out), ',');
    int title = IncidentsCsvExporter.HEADER.indexOf("title");
    int note = IncidentsCsvExporter.HEADER.indexOf("note");
    String[] formula = find(rows, "OPS-102");
    assertEquals("'" + ReportWorkspace.FORMULA_TITLE, formula[title]);
    assertEquals("'@ops: the mock never times out", find(rows, "OPS-103")[note]);
    for (String[] row : rows) {
      for (String cell : row) {
        assertFalse(CsvCells.isFormula(cell), "a cell a spreadsheet would evaluate: " + cell);
      }
    }
  }

  @Test
  void readingTheCsvBackGivesTheSameValues() throws IOException {
    Path out =
        export(
            new IncidentsCsvExporter(session, CsvFormat.RFC_4180),
            ExportScope.of(Q3),
            "roundtrip.csv");
    List<String[]> rows = read(Files.readString(out), ',');
    assertEquals(IncidentsCsvExporter.HEADER, Arrays.asList(rows.get(0)));
    Reports reports = session.reports();
    List<Reports.Entry> entries = reports.entries(Q3, null, "", TaskMonitor.NONE);
    assertEquals(4, entries.size(), "the four incidents of 2026-Q3, not the one of Q2");
    assertEquals(entries.size() + 1, rows.size());
    for (int i = 0; i < entries.size(); i++) {
      String[] expected = IncidentsCsvExporter.row(reports, entries.get(i));
      for (int k = 0; k < expected.length; k++) {
        expected[k] = expected[k] == null ? "" : expected[k];
      }
      String[] restored =
          Arrays.stream(rows.get(i + 1)).map(CsvCells::restore).toArray(String[]::new);
      assertArrayEquals(expected, restored, "row " + (i + 1));
    }
    String text = Files.readString(out);
    assertTrue(text.contains("\r\n"), "RFC 4180 lines end in CRLF");
    assertTrue(text.contains(ReportWorkspace.CJK_TITLE), "UTF-8 text is written as it is");
  }

  @Test
  void semicolonsAndAByteOrderMarkWhenAsked() throws IOException {
    Path plain =
        export(new IncidentsCsvExporter(session, CsvFormat.RFC_4180), ExportScope.of(Q3), "p.csv");
    Path excel =
        export(
            new IncidentsCsvExporter(session, new CsvFormat(';', true)),
            ExportScope.of(Q3),
            "excel.csv");
    byte[] bytes = Files.readAllBytes(excel);
    assertArrayEquals(
        new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3), "BOM");
    String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    assertTrue(text.startsWith("id;reference;source;title;"), text.substring(0, 40));
    List<String[]> semi = read(text, ';');
    List<String[]> comma = read(Files.readString(plain), ',');
    assertEquals(comma.size(), semi.size());
    for (int i = 0; i < comma.size(); i++) {
      assertArrayEquals(comma.get(i), semi.get(i), "row " + i);
    }
  }

  @Test
  void aServiceNarrowsTheReport() throws IOException {
    Path out =
        export(
            new IncidentsCsvExporter(session, CsvFormat.RFC_4180),
            ExportScope.of(Q3, "checkout", ""),
            "checkout.csv");
    List<String[]> rows = read(Files.readString(out), ',');
    assertEquals(3, rows.size(), "header and the two checkout incidents");
    assertEquals("OPS-101", rows.get(1)[1]);
    assertEquals("OPS-103", rows.get(2)[1]);
  }

  static List<String[]> read(String csv, char separator) throws IOException {
    try (CSVReader r =
        new CSVReaderBuilder(new StringReader(csv))
            .withCSVParser(new RFC4180ParserBuilder().withSeparator(separator).build())
            .build()) {
      List<String[]> out = new ArrayList<>();
      String[] row;
      while ((row = r.readNext()) != null) {
        out.add(row);
      }
      return out;
    } catch (com.opencsv.exceptions.CsvValidationException e) {
      throw new IOException(e);
    }
  }

  private static String[] find(List<String[]> rows, String reference) {
    for (String[] r : rows) {
      if (r[1].equals(reference)) {
        return r;
      }
    }
    throw new AssertionError("no row for " + reference);
  }
}
