package dev.rehearsal.util;

import com.opencsv.CSVWriter;
import java.io.Writer;

/**
 * Cells of the CSV files Rehearsal writes, made safe to open in a spreadsheet. A cell that starts
 * with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return is read by Excel,
 * LibreOffice and Google Sheets as a formula, which can run commands or send data away when the
 * file is opened (CSV injection). Following OWASP's guidance, such a cell is written with a leading
 * apostrophe, which spreadsheets show as text and do not evaluate; {@code =EVIL(),checkout} is
 * stored as {@code '=EVIL()} and {@code checkout}.
 *
 * <p>Reading side: a file Rehearsal wrote is read back through {@link #restore}, which takes the
 * apostrophe off again, so what was saved is what is read. Files from other tools are read as they
 * are: an apostrophe there is the tool's (or the user's) own.
 *
 * <p>Every CSV the product writes goes through {@link #writer} (or {@link #neutralise} per cell).
 */
public final class CsvCells {
  private CsvCells() {}

  /** Whether a spreadsheet would take a cell with this text for a formula. */
  public static boolean isFormula(String cell) {
    if (cell == null || cell.isEmpty()) {
      return false;
    }
    char c = cell.charAt(0);
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
  }

  /** The cell as a spreadsheet shows it but never evaluates it. */
  public static String neutralise(String cell) {
    return isFormula(cell) ? "'" + cell : cell;
  }

  /** A cell written by {@link #neutralise}, as it was before. */
  public static String restore(String cell) {
    if (cell != null && cell.length() > 1 && cell.charAt(0) == '\'') {
      String rest = cell.substring(1);
      if (isFormula(rest)) {
        return rest;
      }
    }
    return cell;
  }

  /** Every cell of a row neutralised (a new array; the row is left as it is). */
  public static String[] neutralise(String[] row) {
    if (row == null) {
      return null;
    }
    String[] out = new String[row.length];
    for (int i = 0; i < row.length; i++) {
      out[i] = neutralise(row[i]);
    }
    return out;
  }

  /** An OpenCSV writer that neutralises every cell it writes. */
  public static CSVWriter writer(Writer out) {
    return new CSVWriter(out) {
      @Override
      public void writeNext(String[] row, boolean quoteAll) {
        super.writeNext(neutralise(row), quoteAll);
      }
    };
  }
}
