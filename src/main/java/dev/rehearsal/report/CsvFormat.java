package dev.rehearsal.report;

/**
 * How the CSV files are written: RFC 4180 (fields quoted when they hold the separator, a quote or a
 * line break; quotes doubled; lines ended by CRLF), UTF-8, with a choice of separator and of a byte
 * order mark.
 *
 * @param separator ',' (RFC 4180), or ';' for the spreadsheets of locales whose decimal mark is a
 *     comma (their Excel splits a CSV on ';'), or a tab
 * @param bom whether the file starts with a UTF-8 byte order mark, without which Excel on Windows
 *     reads UTF-8 as the system's code page and mangles accents
 */
public record CsvFormat(char separator, boolean bom) {
  /** Commas, no byte order mark. */
  public static final CsvFormat RFC_4180 = new CsvFormat(',', false);

  public CsvFormat {
    if (separator != ',' && separator != ';' && separator != '\t') {
      throw new IllegalArgumentException(
          "the separator must be ',', ';' or a tab, not '" + separator + "'");
    }
  }

  /** The separator written on the command line: ",", ";", "tab" or "\\t". */
  public static char separator(String text) {
    String t = text == null ? "" : text.strip();
    switch (t) {
      case ",":
      case "comma":
        return ',';
      case ";":
      case "semicolon":
        return ';';
      case "tab":
      case "\\t":
      case "\t":
        return '\t';
      default:
        throw new IllegalArgumentException(
            "unknown separator '" + text + "' (expected ',', ';' or tab)");
    }
  }
}
