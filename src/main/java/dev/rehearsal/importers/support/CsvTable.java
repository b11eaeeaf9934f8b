package dev.rehearsal.importers.support;

import dev.rehearsal.importers.ImportException;
import dev.rehearsal.importers.ImportSource;
import dev.rehearsal.importers.RecordSink;
import dev.rehearsal.settings.DateOrder;
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
 *
 * <p>The header is the first non-blank line. Rows are read by {@link CsvRecords}, in one pass
 * whatever the quotes do: a quote never closed costs its own row, not the rest of the file. A table
 * opened with {@link #open(ImportSource, RecordSink)} sends such a row to the sink as a rejection
 * with its line (it takes an index like any row); one opened with {@link #scan} (a first look at
 * the header or the dates) passes over it.
 */
public final class CsvTable implements Closeable {
  private final CsvRecords reader;
  private final Decoding.Decoded decoded;
  private final String[] header;
  private final Map<String, List<Integer>> columns = new LinkedHashMap<>();
  private final char separator;
  private final RecordSink broken;
  private long index;

  private CsvTable(
      Decoding.Decoded decoded,
      char separator,
      String[] header,
      CsvRecords reader,
      RecordSink broken) {
    this.decoded = decoded;
    this.separator = separator;
    this.reader = reader;
    this.broken = broken;
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

  /**
   * Opens a source to import its rows; the first non-blank line is the header. A row that cannot be
   * read (a quote never closed, a record too long) is rejected to {@code sink} with its line and
   * reason, and the rows after it are read.
   */
  public static CsvTable open(ImportSource source, RecordSink sink)
      throws IOException, ImportException {
    return open(source, java.util.Objects.requireNonNull(sink), true);
  }

  /**
   * Opens a source for a first look (its header, the values of some columns): rows that cannot be
   * read are passed over, as the import's own pass reports them.
   */
  public static CsvTable scan(ImportSource source) throws IOException, ImportException {
    return open(source, null, false);
  }

  private static CsvTable open(ImportSource source, RecordSink sink, boolean reporting)
      throws IOException, ImportException {
    Decoding.Decoded d = Decoding.open(source.open());
    CsvRecords r = new CsvRecords(d.reader());
    boolean handedOver = false;
    try {
      String first = r.peekNonBlank();
      if (first == null) {
        throw new ImportException("the file is empty", 1);
      }
      char sep = detectSeparator(first);
      r.separator(sep);
      CsvRecords.Record h = r.next();
      while (h != null && !h.broken() && blank(h.cells())) {
        h = r.next();
      }
      if (h == null || h.broken()) {
        throw new ImportException(
            "the header line cannot be read" + (h == null ? "" : ": " + h.problem()), 1);
      }
      r.expectWidth(h.cells().length);
      CsvTable t = new CsvTable(d, sep, h.cells(), r, reporting ? sink : null);
      handedOver = true;
      return t;
    } finally {
      if (!handedOver) {
        r.close();
      }
    }
  }

  private static boolean blank(String[] cells) {
    return cells.length == 1 && cells[0].isBlank();
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

  /**
   * The next non-blank row, or null at the end. A row that cannot be read is rejected to the sink
   * this table was opened with (or passed over by a scan), and the row after it is returned.
   */
  public Row next() throws IOException {
    while (true) {
      CsvRecords.Record rec = reader.next();
      if (rec == null) {
        return null;
      }
      if (rec.broken()) {
        long i = index++;
        if (broken != null) {
          broken.reject(rec.line(), i, rec.problem());
        }
        continue;
      }
      if (blank(rec.cells())) {
        continue;
      }
      return new Row(rec.cells(), rec.line(), index++);
    }
  }

  /** Characters the reader examined so far (linear in the file, whatever its quotes). */
  public long work() {
    return reader.work();
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
      ImportSource source, DateOrder userOrder, Collection<String> timeColumns) throws IOException {
    if (userOrder != DateOrder.AUTO) {
      return new DateOrderDetector.Result(userOrder, null);
    }
    DateOrderDetector det = new DateOrderDetector();
    try (CsvTable t = scan(source)) {
      Row r;
      while ((r = t.next()) != null) {
        for (String c : timeColumns) {
          for (String v : r.all(c)) {
            det.add(v);
          }
        }
      }
    } catch (ImportException e) {
      // no header: the import pass itself reports it
    }
    return det.result();
  }
}
