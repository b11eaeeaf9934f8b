package dev.rehearsal.importers.staging;

import dev.rehearsal.importers.ImportContext;
import dev.rehearsal.importers.support.TimeParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamReader;

/** Small readers for attribute values and numbers shared by the XML and text formats. */
final class Attrs {
  private Attrs() {}

  /** An attribute by local name (any namespace), or null. */
  static String attr(XMLStreamReader r, String name) {
    for (int i = 0; i < r.getAttributeCount(); i++) {
      if (name.equals(r.getAttributeLocalName(i))) {
        return r.getAttributeValue(i);
      }
    }
    return null;
  }

  /** A whole number, or null when blank or not a number. */
  static Long longOrNull(String s) {
    if (s == null) {
      return null;
    }
    String t = s.strip();
    if (t.isEmpty()) {
      return null;
    }
    try {
      return Long.parseLong(t);
    } catch (NumberFormatException e) {
      try {
        double d = Double.parseDouble(t);
        if (Double.isFinite(d) && d == Math.rint(d)) {
          return (long) d;
        }
      } catch (NumberFormatException ignored) {
        // not a number at all
      }
      return null;
    }
  }

  /** An int count attribute; null when absent or unreadable. */
  static Integer intOrNull(String s) {
    Long l = longOrNull(s);
    if (l == null || l > Integer.MAX_VALUE || l < Integer.MIN_VALUE) {
      return null;
    }
    return l.intValue();
  }

  /** A decimal number ("1,5" is read as 1.5), or NaN when blank or not a number. */
  static double number(String s) {
    if (s == null || s.isBlank()) {
      return Double.NaN;
    }
    String t = s.strip();
    if (t.indexOf(',') >= 0 && t.indexOf('.') < 0) {
      t = t.replace(',', '.');
    }
    try {
      double d = Double.parseDouble(t);
      return Double.isFinite(d) ? d : Double.NaN;
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  /** A parsed time and the notes its parse produced (a zone assumed), kept apart until chosen. */
  record Timed(Instant instant, List<String> notes) {}

  /**
   * Parses a time; returns null and adds a note to {@code problems} when it cannot be read. The
   * notes of a successful parse stay in the result, so that only the chosen time's notes reach the
   * record.
   */
  static Timed time(ImportContext ctx, String raw, String what, List<String> problems) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    List<String> n = new ArrayList<>();
    try {
      return new Timed(ctx.instant(raw, n), n);
    } catch (TimeParseException e) {
      problems.add(what + " cannot be read: " + e.getMessage());
      return null;
    }
  }
}
