package dev.rehearsal.importers.facts;

import java.util.regex.Pattern;

/**
 * Reads the numbers people put in spreadsheets: plain ({@code 1234567}, {@code 1234.5}), with
 * thousands separators ({@code 1,234,567}, {@code 1 234 567} with ordinary, no-break or narrow
 * no-break spaces, {@code 1'234'567}, {@code 1.234.567}), and decimal commas ({@code 12,5}).
 * Anything else is refused with a reason, never guessed.
 */
public final class Numbers {
  private Numbers() {}

  /** A number read, and a remark when the reading involved a choice. */
  public record Read(double value, String note) {}

  private static final Pattern PLAIN = Pattern.compile("[+]?\\d+(?:\\.\\d+)?");
  private static final Pattern COMMA_GROUPS = Pattern.compile("\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?");
  private static final Pattern SPACE_GROUPS =
      Pattern.compile("\\d{1,3}(?:[ '\u00A0\u202F]\\d{3})+(?:[.,]\\d+)?");
  private static final Pattern DOT_GROUPS = Pattern.compile("\\d{1,3}(?:\\.\\d{3}){2,}(?:,\\d+)?");
  private static final Pattern DECIMAL_COMMA = Pattern.compile("\\d+,(?:\\d{1,2}|\\d{4,})");

  /**
   * Parses a non-negative number.
   *
   * @param what what the number is, for messages ("rows")
   * @throws IllegalArgumentException with a message the user can act on
   */
  public static Read parse(String raw, String what, boolean wholeOnly) {
    if (raw == null || raw.isBlank()) {
      throw new IllegalArgumentException("no value for '" + what + "'");
    }
    String s = raw.strip().replace("\u200B", "");
    String note = null;
    String canonical;
    if (PLAIN.matcher(s).matches()) {
      canonical = s;
    } else if (COMMA_GROUPS.matcher(s).matches()) {
      canonical = s.replace(",", "");
      if (s.indexOf(',') == s.lastIndexOf(',') && s.indexOf('.') < 0) {
        note = "'" + s + "' read as " + canonical + " (comma as thousands separator)";
      }
    } else if (SPACE_GROUPS.matcher(s).matches()) {
      canonical = s.replaceAll("[ '\u00A0\u202F]", "").replace(',', '.');
    } else if (DOT_GROUPS.matcher(s).matches()) {
      canonical = s.replace(".", "").replace(',', '.');
    } else if (DECIMAL_COMMA.matcher(s).matches()) {
      canonical = s.replace(',', '.');
      note = "'" + s + "' read as " + canonical + " (decimal comma)";
    } else if (s.startsWith("-")) {
      throw new IllegalArgumentException(
          "'" + raw.strip() + "' is negative; " + what + " cannot be");
    } else {
      throw new IllegalArgumentException("'" + raw.strip() + "' is not a number (" + what + ")");
    }
    double v;
    try {
      v = Double.parseDouble(canonical);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + raw.strip() + "' is not a number (" + what + ")", e);
    }
    if (Double.isInfinite(v) || Double.isNaN(v)) {
      throw new IllegalArgumentException("'" + raw.strip() + "' is out of range (" + what + ")");
    }
    if (wholeOnly && v != Math.rint(v)) {
      throw new IllegalArgumentException(
          "'" + raw.strip() + "' is not a whole number (" + what + ")");
    }
    return new Read(v, note);
  }
}
