package dev.rehearsal.importers.facts;

import dev.rehearsal.importers.ImportSource;
import dev.rehearsal.importers.support.CsvTable;
import dev.rehearsal.importers.support.DateOrderDetector;
import dev.rehearsal.settings.DateOrder;
import java.io.IOException;
import java.util.Collection;

/**
 * The day/month order of a CSV's numeric dates, decided from the rows it can read (a row that
 * cannot be read is passed over; the main pass reports it).
 */
public final class CsvDates {
  private CsvDates() {}

  public static DateOrderDetector.Result order(ImportSource source, Collection<String> columns)
      throws IOException {
    return CsvTable.dateOrder(source, DateOrder.AUTO, columns);
  }
}
