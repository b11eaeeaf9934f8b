package dev.rehearsal.importers.support;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180Parser;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvException;
import dev.rehearsal.importers.ImportException;
import dev.rehearsal.importers.ImportSource;
import dev.rehearsal.settings.DateOrder;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A delimited text file read row by row, with what real exports need: the separator detected from
 * the header line (comma, semicolon or tab), header names matched without case, duplicate header
 * names kept (Jira repeats "Labels", "Watchers", ... once per value), blank headers named "column
 * N", quoted cells across lines, blank lines skipped, and the line each row starts on.
 */
public final class CsvTable implements Closeable {
  private final CSVReader reader;
  private final Decoding.Decoded decoded;
  private final String[] header;
  private final Map<String, List<Integer>> columns = new LinkedHashMap<>();
  private final char separator;
  private long index;
  private long linesRead;

  private CsvTable(
      Decoding.Decoded decoded, char separator, String[] header, CSVReader reader, long linesRead) {
    this.decoded = decoded;
    this.separator = separator;
    this.reader = reader;
    this.linesRead = linesRead;
    this.header = header;
    for (int i = 0; i < header.length; i++) {
      String name = clean(header[i]);
      if (name.isEmpty()) {
        name = "column " + (i + 1);
      }
      header[i] = name;
      columns.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(i);
    }
  }

  private static String clean(String h) {
    return h == null ? "" : h.replace("\uFEFF", "").replace('\u00A0', ' ').strip();
  }

  /** Opens a source; the first non-blank line is the header. */
  public static CsvTable open(ImportSource source) throws IOException, ImportException {
    Decoding.Decoded d = Decoding.open(source.open());
    BufferedReader br = new BufferedReader(d.reader(), 1 << 16);
    br.mark(1 << 16);
    String first = br.readLine();
    long skipped = 0;
    while (first != null && first.isBlank()) {
      skipped++;
      br.mark(1 << 16);
      first = br.readLine();
    }
    if (first == null) {
      br.close();
      throw new ImportException("the file is empty", 1);
    }
    br.reset();
    char sep = detectSeparator(first);
    RFC4180Parser parser = new RFC4180ParserBuilder().withSeparator(sep).build();
    CSVReader r =
        new CSVReaderBuilder(br).withCSVParser(parser).withKeepCarriageReturn(false).build();
    try {
      String[] header = r.readNext();
      return new CsvTable(d, sep, header, r, skipped + r.getLinesRead());
    } catch (CsvException e) {
      r.close();
      throw new ImportException("the header line cannot be read: " + e.getMessage(), 1, e);
    }
  }

  /** Comma, semicolon or tab: whichever occurs most in the header line outside quotes. */
  public static char detectSeparator(String line) {
    int commas = 0;
    int semis = 0;
    int tabs = 0;
    boolean q = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        q = !q;
      } else if (!q) {
        if (c == ',') {
          commas++;
        } else if (c == ';') {
          semis++;
        } else if (c == '\t') {
          tabs++;
        }
      }
    }
    if (tabs > commas && tabs > semis) {
      return '\t';
    }
    return semis > commas ? ';' : ',';
  }

  public char separator() {
    return separator;
  }

  /** Header names as written (cleaned), in column order. */
  public String[] header() {
    return header.clone();
  }

  public boolean has(String name) {
    return columns.containsKey(name.toLowerCase(Locale.ROOT));
  }

  /** The first of these header names the file has, or null. */
  public String firstPresent(String... names) {
    for (String n : names) {
      if (has(n)) {
        return n;
      }
    }
    return null;
  }

  /** Notes about the file's encoding, for the sink's warnings. */
  public List<String> notes() {
    return decoded.notes();
  }

  /** The next non-blank row, or null at the end. */
  public Row next() throws IOException, ImportException {
    while (true) {
      String[] cells;
      long startLine = linesRead + 1;
      try {
        cells = reader.readNext();
      } catch (CsvException e) {
        throw new ImportException(
            "unreadable from line " + startLine + ": " + e.getMessage(), startLine, e);
      } catch (IOException e) {
        if (e.getClass().getSimpleName().contains("Malformed")) {
          throw new ImportException(
              "a quoted cell opened at or after line " + startLine + " is never closed",
              startLine,
              e);
        }
        throw e;
      }
      linesRead = reader.getLinesRead();
      if (cells == null) {
        return null;
      }
      if (cells.length == 1 && cells[0].isBlank()) {
        continue;
      }
      return new Row(cells, startLine, index++);
    }
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }

  /** One data row. */
  public final class Row {
    private final String[] cells;
    private final long line;
    private final long index;

    Row(String[] cells, long line, long index) {
      this.cells = cells;
      this.line = line;
      this.index = index;
    }

    public long line() {
      return line;
    }

    public long index() {
      return index;
    }

    public int size() {
      return cells.length;
    }

    /** Whether the row has as many cells as the header. */
    public boolean complete() {
      return cells.length >= header.length;
    }

    public String cell(int i) {
      return i < cells.length ? cells[i] : null;
    }

    /** The first non-blank value among the columns with this name, or null. */
    public String get(String name) {
      List<Integer> idx = columns.get(name.toLowerCase(Locale.ROOT));
      if (idx == null) {
        return null;
      }
      for (int i : idx) {
        if (i < cells.length && cells[i] != null && !cells[i].isBlank()) {
          return cells[i].strip();
        }
      }
      return null;
    }

    /** The first non-blank value among several names. */
    public String first(String... names) {
      for (String n : names) {
        String v = get(n);
        if (v != null) {
          return v;
        }
      }
      return null;
    }

    /** Every non-blank value under this name (duplicate headers). */
    public List<String> all(String name) {
      List<String> out = new ArrayList<>();
      List<Integer> idx = columns.get(name.toLowerCase(Locale.ROOT));
      if (idx != null) {
        for (int i : idx) {
          if (i < cells.length && cells[i] != null && !cells[i].isBlank()) {
            out.add(cells[i].strip());
          }
        }
      }
      return out;
    }
  }

  /**
   * First pass over some columns to decide the file's day/month order. Returns the detector's
   * result; when the user set an order, that order.
   */
  public static DateOrderDetector.Result dateOrder(
      ImportSource source, DateOrder userOrder, Collection<String> timeColumns)
      throws IOException, ImportException {
    if (userOrder != DateOrder.AUTO) {
      return new DateOrderDetector.Result(userOrder, null);
    }
    DateOrderDetector det = new DateOrderDetector();
    try (CsvTable t = open(source)) {
      Row r;
      while ((r = t.next()) != null) {
        for (String c : timeColumns) {
          for (String v : r.all(c)) {
            det.add(v);
          }
        }
      }
    } catch (ImportException e) {
      // an unreadable part is reported by the import pass itself; decide from what was read
    }
    return det.result();
  }
}
