package dev.rehearsal.report;

import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import dev.rehearsal.util.CsvCells;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * A CSV file being written in a {@link CsvFormat}: every cell neutralised against formula injection
 * ({@link CsvCells}), quoted only where RFC 4180 needs it.
 */
final class CsvOutput implements AutoCloseable {
  private final CSVWriter csv;

  CsvOutput(OutputStream out, CsvFormat format) throws IOException {
    if (format.bom()) {
      out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    }
    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    csv =
        new CSVWriter(
            w,
            format.separator(),
            ICSVWriter.DEFAULT_QUOTE_CHARACTER,
            ICSVWriter.DEFAULT_QUOTE_CHARACTER,
            "\r\n");
  }

  /** Writes one row; null cells are written empty. */
  void row(String... cells) {
    String[] safe = new String[cells.length];
    for (int i = 0; i < cells.length; i++) {
      safe[i] = CsvCells.neutralise(cells[i] == null ? "" : cells[i]);
    }
    csv.writeNext(safe, false);
  }

  @Override
  public void close() throws IOException {
    csv.close();
  }
}
