package dev.rehearsal.importers.deploys;

import dev.rehearsal.importers.ImportSource;
import dev.rehearsal.importers.RecordSink;
import dev.rehearsal.importers.support.Decoding;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;

/** A text file read line by line with its line numbers, decoded by the usual rules. */
final class LineReader implements Closeable {
  private final Decoding.Decoded decoded;
  private final BufferedReader reader;
  private final RecordSink sink;
  private long number;

  LineReader(ImportSource source, RecordSink sink) throws IOException {
    this.decoded = Decoding.open(source.open());
    this.reader = new BufferedReader(decoded.reader(), 1 << 16);
    this.sink = sink;
  }

  /** The next line without its line break, or null at the end. */
  String next() throws IOException {
    String line = reader.readLine();
    if (line != null) {
      number++;
      if (line.length() > 1_000_000) {
        line = line.substring(0, 1_000_000);
      }
    }
    return line;
  }

  /** 1-based number of the line {@link #next} returned last. */
  long number() {
    return number;
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
