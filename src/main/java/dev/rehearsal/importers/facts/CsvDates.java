package dev.rehearsal.importers.facts;

import dev.rehearsal.importers.ImportException;
import dev.rehearsal.importers.ImportSource;
import dev.rehearsal.importers.support.CsvTable;
import dev.rehearsal.importers.support.DateOrderDetector;
import java.io.IOException;
import java.util.Collection;

/**
 * The day/month order of a CSV's numeric dates, decided from the rows it can read: unlike the
 * shared {@code CsvTable.dateOrder}, a row that cannot be read (an unclosed quote) ends the look
 * instead of failing it, so the main pass still imports the rows before it.
 */
public final class CsvDates {
  private CsvDates() {}

  public static DateOrderDetector.Result order(ImportSource source, Collection<String> columns)
      throws IOException {
    DateOrderDetector det = new DateOrderDetector();
    try (CsvTable t = CsvTable.open(source)) {
      CsvTable.Row r;
      while ((r = t.next()) != null) {
        for (String c : columns) {
          for (String v : r.all(c)) {
            det.add(v);
          }
        }
      }
    } catch (ImportException e) {
      // decide from the rows before the problem; the main pass reports it
    }
    return det.result();
  }
}
