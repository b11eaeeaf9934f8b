package dev.rehearsal.app;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A span of time a question is asked about: a calendar quarter (UTC) or from–to, either end open.
 *
 * @param from inclusive, or null for "from the start"
 * @param to exclusive, or null for "until now"
 * @param label how to name it ("2026-Q3", "2026-01-01 to 2026-03-31", "all time")
 */
public record Period(Instant from, Instant to, String label) {
  private static final Pattern QUARTER = Pattern.compile("(\\d{4})-?[Qq]([1-4])");

  public static final Period ALL = new Period(null, null, "all time");

  public Period {
    if (from != null && to != null && !from.isBefore(to)) {
      throw new IllegalArgumentException(
          "the period ends (" + to + ") before it starts (" + from + ")");
    }
  }

  /** A calendar quarter written "2025-Q4" or "2025Q4", in UTC. */
  public static Period quarter(String text) {
    Matcher m = QUARTER.matcher(text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "\"" + text + "\" is not a quarter; write it like 2025-Q4");
    }
    int year = Integer.parseInt(m.group(1));
    int q = Integer.parseInt(m.group(2));
    LocalDate start = LocalDate.of(year, (q - 1) * 3 + 1, 1);
    return new Period(
        start.atStartOfDay(ZoneOffset.UTC).toInstant(),
        start.plusMonths(3).atStartOfDay(ZoneOffset.UTC).toInstant(),
        year + "-Q" + q);
  }

  /** From–to, either end may be null. */
  public static Period between(Instant from, Instant to) {
    if (from == null && to == null) {
      return ALL;
    }
    String label =
        (from == null ? "the start" : from.toString().substring(0, 10))
            + " to "
            + (to == null ? "now" : to.toString().substring(0, 10));
    return new Period(from, to, label);
  }

  private static final Pattern DATES =
      Pattern.compile(
          "(\\d{4}-\\d{2}-\\d{2})?\\s*(?:to|\\.\\.|\u2013|\u2014)\\s*(\\d{4}-\\d{2}-\\d{2})?");

  /**
   * A period as a person writes it: "all time", a quarter ("2025-Q4"), or dates with both ends
   * included ("2025-01-01 to 2025-03-31", "2025-01-01 to" for "until now", "to 2025-03-31" for
   * "from the start"), in UTC.
   */
  public static Period parse(String text) {
    String t = text == null ? "" : text.strip();
    if (t.equalsIgnoreCase(ALL.label())) {
      return ALL;
    }
    if (QUARTER.matcher(t).matches()) {
      return quarter(t);
    }
    Matcher m = DATES.matcher(t);
    if (m.matches() && (m.group(1) != null || m.group(2) != null)) {
      try {
        LocalDate from = m.group(1) == null ? null : LocalDate.parse(m.group(1));
        LocalDate to = m.group(2) == null ? null : LocalDate.parse(m.group(2));
        if (from != null && to != null && to.isBefore(from)) {
          throw new IllegalArgumentException(
              "the period ends (" + to + ") before it starts (" + from + ")");
        }
        return new Period(
            from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant(),
            to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
            (from == null ? "the start" : from.toString())
                + " to "
                + (to == null ? "now" : to.toString()));
      } catch (java.time.format.DateTimeParseException e) {
        throw new IllegalArgumentException("\"" + text + "\" holds a date that does not exist");
      }
    }
    throw new IllegalArgumentException(
        "\""
            + text
            + "\" is not a period; write a quarter (2025-Q4) or dates, both included"
            + " (2025-01-01 to 2025-03-31)");
  }

  /** The quarter an instant falls in. */
  public static Period quarterOf(Instant at) {
    ZonedDateTime z = at.atZone(ZoneOffset.UTC);
    return quarter(z.getYear() + "-Q" + ((z.getMonthValue() - 1) / 3 + 1));
  }

  /** The quarter before this one, when this is a quarter; otherwise the span of equal length. */
  public Period previous() {
    if (from == null || to == null) {
      return null;
    }
    if (QUARTER.matcher(label).matches()) {
      return quarterOf(from.minusSeconds(1));
    }
    return between(from.minus(java.time.Duration.between(from, to)), from);
  }

  public boolean contains(Instant t) {
    return (from == null || !t.isBefore(from)) && (to == null || t.isBefore(to));
  }
}
