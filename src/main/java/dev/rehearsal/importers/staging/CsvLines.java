package dev.rehearsal.importers.staging;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvException;
import dev.rehearsal.importers.ImportException;
import dev.rehearsal.importers.ImportSource;
import dev.rehearsal.importers.RecordSink;
import dev.rehearsal.importers.support.CsvTable;
import dev.rehearsal.importers.support.Decoding;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;

/**
 * A delimited file read row by row without assuming its first row is a header (JMeter writes JTL
 * files with or without one): quoted cells across lines, blank lines skipped, the line each row
 * starts on, the separator detected from the first non-blank line.
 */
final class CsvLines implements Closeable {
  private final Decoding.Decoded decoded;
  private final CSVReader reader;
  private final RecordSink sink;
  private final long skipped;
  private long linesRead;

  /** One row and the line it starts on. */
  record Row(String[] cells, long line) {
    String cell(int i) {
      return i >= 0 && i < cells.length ? cells[i] : null;
    }
  }

  private CsvLines(Decoding.Decoded decoded, CSVReader reader, long skipped, RecordSink sink) {
    this.decoded = decoded;
    this.reader = reader;
    this.skipped = skipped;
    this.linesRead = skipped;
    this.sink = sink;
  }

  static CsvLines open(ImportSource source, RecordSink sink) throws IOException {
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
    char sep = first == null ? ',' : CsvTable.detectSeparator(first);
    if (first != null) {
      br.reset();
    }
    CSVReader r =
        new CSVReaderBuilder(br)
            .withCSVParser(new RFC4180ParserBuilder().withSeparator(sep).build())
            .withKeepCarriageReturn(false)
            .build();
    return new CsvLines(d, r, skipped, sink);
  }

  /** The next row with any non-blank cell, or null at the end. */
  Row next() throws IOException, ImportException {
    while (true) {
      long start = linesRead + 1;
      String[] cells;
      try {
        cells = reader.readNext();
      } catch (CsvException e) {
        throw new ImportException(
            "unreadable from line " + start + ": " + e.getMessage(), start, e);
      } catch (IOException e) {
        if (e.getClass().getSimpleName().contains("Malformed")) {
          throw new ImportException(
              "a quoted cell opened at or after line "
                  + start
                  + " is never closed (the file may be cut off)",
              start,
              e);
        }
        throw e;
      }
      linesRead = skipped + reader.getLinesRead();
      if (cells == null) {
        return null;
      }
      boolean blank = true;
      for (String c : cells) {
        if (c != null && !c.isBlank()) {
          blank = false;
          break;
        }
      }
      if (!blank) {
        return new Row(cells, start);
      }
    }
  }

  @Override
  public void close() throws IOException {
    try {
      reader.close();
    } finally {
      decoded.notes().forEach(sink::warn);
    }
  }
}
