package dev.rehearsal.util;

import java.text.Normalizer;
import java.util.Locale;

/** Small text helpers shared by importers, the index and the analysis. */
public final class Texts {
  private Texts() {}

  /**
   * Removes what must never reach an id, a service name or a key: NUL and other control characters,
   * zero-width characters and byte-order marks; folds to NFC and trims. Returns "" for null.
   */
  public static String cleanId(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (isInvisible(c) || c < 0x20 || c == 0x7f) {
        if (sb == null) {
          sb = new StringBuilder(s.length());
          sb.append(s, 0, i);
        }
        if (c == '\t' || c == '\n' || c == '\r') {
          sb.append(' ');
        }
      } else if (sb != null) {
        sb.append(c);
      }
    }
    String out = sb == null ? s : sb.toString();
    if (!Normalizer.isNormalized(out, Normalizer.Form.NFC)) {
      out = Normalizer.normalize(out, Normalizer.Form.NFC);
    }
    return out.strip();
  }

  /**
   * Cleans narrative text: keeps line breaks and tabs, drops NUL, other control characters and
   * zero-width characters, and unifies line endings to \n.
   */
  public static String cleanText(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = null;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      boolean drop =
          isInvisible(c) || (c < 0x20 && c != '\n' && c != '\t' && c != '\r') || c == 0x7f;
      boolean crlf = c == '\r';
      if (drop || crlf) {
        if (sb == null) {
          sb = new StringBuilder(n);
          sb.append(s, 0, i);
        }
        if (crlf) {
          if (i + 1 < n && s.charAt(i + 1) == '\n') {
            continue;
          }
          sb.append('\n');
        }
      } else if (sb != null) {
        sb.append(c);
      }
    }
    return (sb == null ? s : sb.toString()).strip();
  }

  private static boolean isInvisible(char c) {
    return c == '\u200B'
        || c == '\u200C'
        || c == '\u200D'
        || c == '\u2060'
        || c == '\uFEFF'
        || c == '\u00AD'
        || c == '\u180E';
  }

  /** Lowercase, non-alphanumerics collapsed to single dashes, no leading or trailing dash. */
  public static String slug(String s) {
    String c = cleanId(s).toLowerCase(Locale.ROOT);
    StringBuilder sb = new StringBuilder(c.length());
    boolean dash = false;
    for (int i = 0; i < c.length(); i++) {
      char ch = c.charAt(i);
      if (Character.isLetterOrDigit(ch)) {
        sb.append(ch);
        dash = false;
      } else if (!dash && sb.length() > 0) {
        sb.append('-');
        dash = true;
      }
    }
    int len = sb.length();
    if (len > 0 && sb.charAt(len - 1) == '-') {
      sb.setLength(len - 1);
    }
    return sb.toString();
  }

  /**
   * A change title as deploys and incidents are matched on it: the first line, lower case, letters
   * and digits only, single spaces, a trailing "(#123)" dropped, at most 100 characters.
   */
  public static String titleKey(String title) {
    if (title == null) {
      return "";
    }
    String first = title.strip();
    int nl = first.indexOf('\n');
    if (nl >= 0) {
      first = first.substring(0, nl);
    }
    first = first.replaceAll("\\s*\\(#?\\d+\\)\\s*$", "");
    StringBuilder sb = new StringBuilder(first.length());
    boolean space = false;
    for (char c : cleanId(first).toLowerCase(Locale.ROOT).toCharArray()) {
      if (Character.isLetterOrDigit(c)) {
        sb.append(c);
        space = false;
      } else if (!space && sb.length() > 0) {
        sb.append(' ');
        space = true;
      }
    }
    String out = sb.toString().strip();
    return out.length() > 100 ? out.substring(0, 100).strip() : out;
  }

  /** Cuts a text to at most {@code max} characters, marking the cut. */
  public static String truncate(String s, int max) {
    if (s == null || s.length() <= max) {
      return s;
    }
    int end = max;
    if (Character.isHighSurrogate(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end) + " [... " + (s.length() - end) + " characters cut]";
  }

  public static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  public static String firstNonBlank(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return "";
  }

  /** First line of a text, cut to {@code max} characters. */
  public static String firstLine(String s, int max) {
    if (s == null) {
      return "";
    }
    String t = s.strip();
    int nl = t.indexOf('\n');
    if (nl >= 0) {
      t = t.substring(0, nl).strip();
    }
    return t.length() > max ? t.substring(0, max) + "..." : t;
  }

  /**
   * A number rounded to {@code decimals} places (half up), as {@code String.format("%.Nf")} writes
   * it in the root locale, without the formatter's cost in loops over many records.
   */
  public static String fixed(double v, int decimals) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return String.valueOf(v);
    }
    long scale = 1;
    for (int i = 0; i < decimals; i++) {
      scale *= 10;
    }
    long r = Math.round(Math.abs(v) * scale);
    StringBuilder sb = new StringBuilder();
    if (v < 0 && r != 0) {
      sb.append('-');
    }
    sb.append(r / scale);
    if (decimals > 0) {
      String frac = Long.toString(r % scale);
      sb.append('.').append("0".repeat(decimals - frac.length())).append(frac);
    }
    return sb.toString();
  }

  /** A whole number with thousands separated by commas: 1234567 gives "1,234,567". */
  public static String grouped(long v) {
    String digits = Long.toString(Math.abs(v));
    StringBuilder sb = new StringBuilder(digits.length() + digits.length() / 3 + 1);
    if (v < 0) {
      sb.append('-');
    }
    int lead = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
    sb.append(digits, 0, lead);
    for (int i = lead; i < digits.length(); i += 3) {
      sb.append(',').append(digits, i, i + 3);
    }
    return sb.toString();
  }

  /** A number rounded to a whole, with thousands separated by commas. */
  public static String grouped(double v) {
    return grouped(Math.round(v));
  }
}
