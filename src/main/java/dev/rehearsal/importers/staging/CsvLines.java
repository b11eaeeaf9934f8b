package dev.rehearsal.importers.staging;

import dev.rehearsal.importers.ImportSource;
import dev.rehearsal.importers.RecordSink;
import dev.rehearsal.importers.support.CsvRecords;
import dev.rehearsal.importers.support.CsvTable;
import dev.rehearsal.importers.support.Decoding;
import java.io.Closeable;
import java.io.IOException;

/**
 * A delimited file read row by row without assuming its first row is a header (JMeter writes JTL
 * files with or without one): quoted cells across lines, blank lines skipped, the line each row
 * starts on, the separator detected from the first non-blank line. A row that cannot be read (a
 * quote never closed) comes back with its {@link Row#problem()}, and the rows after it are read.
 */
final class CsvLines implements Closeable {
  private final Decoding.Decoded decoded;
  private final CsvRecords reader;
  private final RecordSink sink;
  private boolean first = true;

  /** One row and the line it starts on; {@code problem} says why a row could not be read. */
  record Row(String[] cells, long line, String problem) {
    String cell(int i) {
      return cells != null && i >= 0 && i < cells.length ? cells[i] : null;
    }
  }

  private CsvLines(Decoding.Decoded decoded, CsvRecords reader, RecordSink sink) {
    this.decoded = decoded;
    this.reader = reader;
    this.sink = sink;
  }

  static CsvLines open(ImportSource source, RecordSink sink) throws IOException {
    Decoding.Decoded d = Decoding.open(source.open());
    CsvRecords r = new CsvRecords(d.reader());
    String firstLine = r.peekNonBlank();
    r.separator(firstLine == null ? ',' : CsvTable.detectSeparator(firstLine));
    return new CsvLines(d, r, sink);
  }

  /** The next row with any non-blank cell, or null at the end. */
  Row next() throws IOException {
    while (true) {
      CsvRecords.Record rec = reader.next();
      if (rec == null) {
        return null;
      }
      if (rec.broken()) {
        return new Row(null, rec.line(), rec.problem());
      }
      boolean blank = true;
      for (String c : rec.cells()) {
        if (c != null && !c.isBlank()) {
          blank = false;
          break;
        }
      }
      if (!blank) {
        if (first) {
          // the first row (a header or a sample) gives the width every row has
          reader.expectWidth(rec.cells().length);
          first = false;
        }
        return new Row(rec.cells(), rec.line(), null);
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
