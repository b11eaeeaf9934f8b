package dev.rehearsal.importers.support;

import dev.rehearsal.settings.DateOrder;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the timestamps the tools write: ISO 8601 with or without offset (colon or not, Z, UTC, GMT,
 * a space or "T " between date and time, 1 to 9 fraction digits, date only), Go's {@code
 * time.String()} ("2024-03-04 23:00:06 +0100 CET"), RFC 1123, epoch seconds, millis, micros and
 * nanos, numeric dates with slashes or dots in a day/month order given or decided per file, and
 * dates with month names in English, French, German, Spanish, Italian, Portuguese and Dutch
 * ("10/oct./16 11:54 AM", "4 März 2024", "Mar 4, 2024 10:00 PM").
 *
 * <p>A time without a zone is read in the zone given to the constructor and reported as such in
 * {@link Parsed#zoneAssumed()}. Immutable and thread-safe.
 */
public final class TimeParser {

  /** A parsed instant, and whether its zone was assumed rather than read. */
  public record Parsed(Instant instant, boolean zoneAssumed, boolean dateOnly) {}

  private static final String TIME =
      "(?:[T ,]\\s*|\\s+(?:at\\s+)?)(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?"
          + "(?:\\s*([AaPp])\\.?\\s?[Mm]\\.?)?";
  private static final String ZONE =
      "(?:\\s*(Z|z|[+-]\\d{2}(?::?\\d{2})?|(?:UTC|GMT|UT)(?:[+-]\\d{1,2}(?::?\\d{2})?)?))?"
          + "(?:\\s+\\(?([A-Za-z]{2,5}|[+-]\\d{2,4})\\)?)?(?:\\[[A-Za-z_/+\\-0-9]+\\])?";

  private static final Pattern ISO =
      Pattern.compile("(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})(?:" + TIME + ")?" + ZONE);
  private static final Pattern ISO_BASIC =
      Pattern.compile(
          "(\\d{4})(\\d{2})(\\d{2})T(\\d{2})(\\d{2})(\\d{2})(?:[.,](\\d{1,9}))?" + ZONE);
  private static final Pattern NUMERIC =
      Pattern.compile("(\\d{1,2})([/.\\-])(\\d{1,2})\\2(\\d{4}|\\d{2})(?:" + TIME + ")?" + ZONE);
  private static final Pattern DAY_MONTH_NAME =
      Pattern.compile(
          "(?:[\\p{L}]+\\.?,?\\s+)?(\\d{1,2})\\.?[\\s/\\-.]+([\\p{L}]{3,10})\\.?[\\s/\\-.,]+(\\d{4}|\\d{2})"
              + "(?:"
              + TIME
              + ")?"
              + ZONE);
  private static final Pattern MONTH_NAME_DAY =
      Pattern.compile(
          "(?:[\\p{L}]+\\.?,?\\s+)?([\\p{L}]{3,10})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})"
              + "(?:"
              + TIME
              + ")?"
              + ZONE);
  private static final Pattern EPOCH = Pattern.compile("(\\d{1,20})(?:\\.(\\d{1,9}))?");

  private static final Map<String, Integer> MONTHS = new HashMap<>();
  private static final Map<String, ZoneOffset> ZONE_ABBREVIATIONS = new HashMap<>();

  static {
    String[][] names = {
      // English
      {"jan", "january"},
      {"feb", "february"},
      {"mar", "march"},
      {"apr", "april"},
      {"may"},
      {"jun", "june"},
      {"jul", "july"},
      {"aug", "august"},
      {"sep", "sept", "september"},
      {"oct", "october"},
      {"nov", "november"},
      {"dec", "december"},
      // French (Jira exports: janv., févr., mars, avr., mai, juin, juil., août, sept., oct. ...)
      {"janv", "janvier"},
      {"fevr", "fevrier", "fev"},
      {"mars"},
      {"avr", "avril"},
      {"mai"},
      {"juin"},
      {"juil", "juillet"},
      {"aout"},
      {"septembre"},
      {"octobre"},
      {"novembre"},
      {"decembre"},
      // German
      {"januar", "jän", "janner", "jaenner"},
      {"februar"},
      {"marz", "maerz", "mrz"},
      {},
      {},
      {"juni"},
      {"juli"},
      {},
      {},
      {"okt", "oktober"},
      {},
      {"dez", "dezember"},
      // Spanish
      {"ene", "enero"},
      {"febrero"},
      {"marzo"},
      {"abr", "abril"},
      {"mayo"},
      {"junio"},
      {"julio"},
      {"ago", "agosto"},
      {"septiembre", "setiembre", "set"},
      {"octubre"},
      {"noviembre"},
      {"dic", "diciembre"},
      // Italian
      {"gen", "gennaio"},
      {"febbraio"},
      {},
      {"aprile"},
      {"mag", "maggio"},
      {"giu", "giugno"},
      {"lug", "luglio"},
      {},
      {"settembre"},
      {"ott", "ottobre"},
      {},
      {"dicembre"},
      // Portuguese
      {"janeiro"},
      {"fevereiro"},
      {"marco"},
      {},
      {"maio"},
      {"junho"},
      {"julho"},
      {},
      {"setembro"},
      {"out", "outubro"},
      {"novembro"},
      {"dezembro"},
      // Dutch
      {"januari"},
      {"februari"},
      {"maart", "mrt"},
      {},
      {"mei"},
      {},
      {},
      {"augustus"},
      {},
      {},
      {},
      {},
    };
    for (int i = 0; i < names.length; i++) {
      for (String n : names[i]) {
        MONTHS.put(n, i % 12 + 1);
      }
    }
    Object[][] zones = {
      {"UTC", 0},
      {"GMT", 0},
      {"UT", 0},
      {"Z", 0},
      {"WET", 0},
      {"WEST", 1},
      {"BST", 1},
      {"CET", 1},
      {"CEST", 2},
      {"MET", 1},
      {"MEST", 2},
      {"EET", 2},
      {"EEST", 3},
      {"MSK", 3},
      {"EST", -5},
      {"EDT", -4},
      {"CST", -6},
      {"CDT", -5},
      {"MST", -7},
      {"MDT", -6},
      {"PST", -8},
      {"PDT", -7},
      {"AKST", -9},
      {"AKDT", -8},
      {"HST", -10},
      {"JST", 9},
      {"KST", 9},
      {"SGT", 8},
      {"HKT", 8},
      {"AWST", 8},
      {"AEST", 10},
      {"AEDT", 11},
      {"NZST", 12},
      {"NZDT", 13},
    };
    for (Object[] z : zones) {
      ZONE_ABBREVIATIONS.put((String) z[0], ZoneOffset.ofHours((Integer) z[1]));
    }
  }

  private final ZoneId naiveZone;
  private final DateOrder order;

  public TimeParser(ZoneId naiveZone, DateOrder order) {
    this.naiveZone = naiveZone == null ? ZoneOffset.UTC : naiveZone;
    this.order = order == null ? DateOrder.AUTO : order;
  }

  public static TimeParser utc() {
    return new TimeParser(ZoneOffset.UTC, DateOrder.AUTO);
  }

  public ZoneId naiveZone() {
    return naiveZone;
  }

  public DateOrder order() {
    return order;
  }

  public TimeParser withOrder(DateOrder newOrder) {
    return new TimeParser(naiveZone, newOrder);
  }

  public TimeParser withNaiveZone(ZoneId zone) {
    return new TimeParser(zone, order);
  }

  /** Parses one timestamp. */
  public Parsed parse(String raw) throws TimeParseException {
    if (raw == null) {
      throw new TimeParseException("no timestamp");
    }
    String s = normalise(raw);
    if (s.isEmpty()) {
      throw new TimeParseException("empty timestamp");
    }
    try {
      Matcher m = EPOCH.matcher(s);
      if (m.matches()) {
        return new Parsed(epoch(m.group(1), m.group(2)), false, false);
      }
      m = ISO.matcher(s);
      if (m.matches()) {
        return build(
            s,
            Integer.parseInt(m.group(1)),
            Integer.parseInt(m.group(2)),
            Integer.parseInt(m.group(3)),
            m,
            4);
      }
      m = ISO_BASIC.matcher(s);
      if (m.matches()) {
        LocalDateTime ldt =
            LocalDateTime.of(
                Integer.parseInt(m.group(1)),
                Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)),
                Integer.parseInt(m.group(4)),
                Integer.parseInt(m.group(5)),
                Integer.parseInt(m.group(6)),
                nanos(m.group(7)));
        return withZone(s, ldt, m.group(8), m.group(9), false);
      }
      m = NUMERIC.matcher(s);
      if (m.matches()) {
        int a = Integer.parseInt(m.group(1));
        int b = Integer.parseInt(m.group(3));
        int year = year(m.group(4));
        DateOrder o = order;
        if (m.group(2).equals(".")) {
          o = DateOrder.DMY; // dotted dates are day-first wherever they are written
        }
        if (o == DateOrder.AUTO) {
          if (a > 12 && b <= 12) {
            o = DateOrder.DMY;
          } else if (b > 12 && a <= 12) {
            o = DateOrder.MDY;
          } else {
            throw new TimeParseException(
                "'"
                    + raw
                    + "' could be day/month or month/day; "
                    + "set the date order (DMY or MDY)");
          }
        }
        int day = o == DateOrder.DMY ? a : b;
        int month = o == DateOrder.DMY ? b : a;
        return build(s, year, month, day, m, 5);
      }
      m = DAY_MONTH_NAME.matcher(s);
      if (m.matches()) {
        Integer month = month(m.group(2));
        if (month != null) {
          return build(s, year(m.group(3)), month, Integer.parseInt(m.group(1)), m, 4);
        }
      }
      m = MONTH_NAME_DAY.matcher(s);
      if (m.matches()) {
        Integer month = month(m.group(1));
        if (month != null) {
          return build(s, Integer.parseInt(m.group(3)), month, Integer.parseInt(m.group(2)), m, 4);
        }
      }
      Parsed rfc = rfc1123(s);
      if (rfc != null) {
        return rfc;
      }
    } catch (DateTimeException | NumberFormatException e) {
      throw new TimeParseException("'" + raw + "' is not a valid date or time: " + e.getMessage());
    }
    throw new TimeParseException(
        "'" + shorten(raw) + "' is not a timestamp format Rehearsal reads");
  }

  private static String shorten(String raw) {
    return raw.length() > 60 ? raw.substring(0, 60) + "..." : raw;
  }

  /** Parses, or returns null for a null or blank value. */
  public Parsed parseOptional(String raw) throws TimeParseException {
    if (raw == null || normalise(raw).isEmpty()) {
      return null;
    }
    return parse(raw);
  }

  /**
   * Epoch value to instant, unit decided by magnitude: up to 11 digits seconds, up to 14 millis, up
   * to 17 micros, else nanos.
   */
  public static Instant epochNumber(long value) {
    if (value < 0) {
      throw new DateTimeException("negative epoch value " + value);
    }
    long abs = value;
    if (abs < 100_000_000_000L) {
      return Instant.ofEpochSecond(value);
    }
    if (abs < 100_000_000_000_000L) {
      return Instant.ofEpochMilli(value);
    }
    if (abs < 100_000_000_000_000_000L) {
      return Instant.ofEpochSecond(value / 1_000_000, (value % 1_000_000) * 1000);
    }
    return Instant.ofEpochSecond(value / 1_000_000_000, value % 1_000_000_000);
  }

  private static Instant epoch(String intPart, String frac) {
    if (intPart.length() > 19) {
      throw new DateTimeException("epoch value too large");
    }
    long v = Long.parseLong(intPart);
    Instant base = epochNumber(v);
    if (frac != null && v < 100_000_000_000L) {
      base = base.plusNanos(nanos(frac));
    }
    if (intPart.length() < 9) {
      throw new DateTimeException("'" + intPart + "' is too short to be an epoch time");
    }
    return base;
  }

  private Parsed build(String s, int year, int month, int day, Matcher m, int g)
      throws TimeParseException {
    if (m.group(g) == null) {
      LocalDate d = LocalDate.of(year, month, day);
      String zone = m.group(g + 5);
      String abbrev = m.group(g + 6);
      if (zone == null && abbrev == null) {
        return new Parsed(d.atStartOfDay(naiveZone).toInstant(), true, true);
      }
      return withZone(s, d.atStartOfDay(), zone, abbrev, true);
    }
    int hour = Integer.parseInt(m.group(g));
    int minute = Integer.parseInt(m.group(g + 1));
    int second = m.group(g + 2) == null ? 0 : Integer.parseInt(m.group(g + 2));
    int nanos = nanos(m.group(g + 3));
    String ampm = m.group(g + 4);
    if (ampm != null) {
      if (hour < 1 || hour > 12) {
        throw new TimeParseException("'" + s + "' has hour " + hour + " with AM/PM");
      }
      boolean pm = ampm.equalsIgnoreCase("p");
      hour = hour % 12 + (pm ? 12 : 0);
    }
    LocalDateTime ldt = LocalDateTime.of(year, month, day, hour, minute, second, nanos);
    return withZone(s, ldt, m.group(g + 5), m.group(g + 6), false);
  }

  private Parsed withZone(String s, LocalDateTime ldt, String zone, String abbrev, boolean dateOnly)
      throws TimeParseException {
    ZoneOffset offset = null;
    if (zone != null) {
      offset = offset(zone);
    }
    if (offset == null && abbrev != null) {
      // Go's time.String() writes the offset and then an abbreviation; the offset wins.
      offset =
          abbrev.startsWith("+") || abbrev.startsWith("-")
              ? offset(abbrev)
              : ZONE_ABBREVIATIONS.get(abbrev.toUpperCase(Locale.ROOT));
      if (offset == null) {
        throw new TimeParseException(
            "'"
                + s
                + "' has a zone abbreviation '"
                + abbrev
                + "' that is not unambiguous; export with an offset or UTC");
      }
    }
    if (offset == null) {
      return new Parsed(ldt.atZone(naiveZone).toInstant(), true, dateOnly);
    }
    return new Parsed(ldt.toInstant(offset), false, dateOnly);
  }

  private static ZoneOffset offset(String z) {
    String u = z.toUpperCase(Locale.ROOT);
    if (u.equals("Z") || u.equals("UTC") || u.equals("GMT") || u.equals("UT")) {
      return ZoneOffset.UTC;
    }
    if (u.startsWith("UTC") || u.startsWith("GMT")) {
      u = u.substring(3);
    } else if (u.startsWith("UT")) {
      u = u.substring(2);
    }
    String sign = u.substring(0, 1);
    String digits = u.substring(1).replace(":", "");
    int hours;
    int minutes = 0;
    if (digits.length() <= 2) {
      hours = Integer.parseInt(digits);
    } else {
      hours = Integer.parseInt(digits.substring(0, digits.length() - 2));
      minutes = Integer.parseInt(digits.substring(digits.length() - 2));
    }
    int sgn = sign.equals("-") ? -1 : 1;
    return ZoneOffset.ofHoursMinutes(sgn * hours, sgn * minutes);
  }

  private static final Pattern RFC1123 =
      Pattern.compile(
          "(?:[A-Za-z]{3},?\\s+)?(\\d{1,2})\\s+([A-Za-z]{3})[a-z]*\\s+(\\d{2,4})\\s+(\\d{1,2}):(\\d{2})"
              + "(?::(\\d{2}))?\\s*(Z|[+-]\\d{4}|[A-Z]{1,5})?");

  private Parsed rfc1123(String s) throws TimeParseException {
    Matcher m = RFC1123.matcher(s);
    if (!m.matches()) {
      return null;
    }
    Integer month = month(m.group(2));
    if (month == null) {
      return null;
    }
    LocalDateTime ldt =
        LocalDateTime.of(
            year(m.group(3)),
            month,
            Integer.parseInt(m.group(1)),
            Integer.parseInt(m.group(4)),
            Integer.parseInt(m.group(5)),
            m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
    String z = m.group(7);
    if (z == null) {
      return withZone(s, ldt, null, null, false);
    }
    if (z.startsWith("+") || z.startsWith("-") || z.equals("Z")) {
      return withZone(s, ldt, z, null, false);
    }
    return withZone(s, ldt, null, z, false);
  }

  private static Integer month(String name) {
    String n =
        Normalizer.normalize(name.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .replace(".", "");
    return MONTHS.get(n);
  }

  private static int year(String y) {
    int v = Integer.parseInt(y);
    if (y.length() == 2) {
      return v < 70 ? 2000 + v : 1900 + v;
    }
    return v;
  }

  private static int nanos(String frac) {
    if (frac == null || frac.isEmpty()) {
      return 0;
    }
    StringBuilder sb = new StringBuilder(frac);
    while (sb.length() < 9) {
      sb.append('0');
    }
    return Integer.parseInt(sb.substring(0, 9));
  }

  private static String normalise(String raw) {
    String s =
        raw.replace('\u00A0', ' ')
            .replace('\u202F', ' ')
            .replace("\u200B", "")
            .replace("\uFEFF", "")
            .strip();
    if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
      s = s.substring(1, s.length() - 1).strip();
    }
    return s.replaceAll("\\s{2,}", " ");
  }

  /**
   * For numeric dates (a/b/yyyy), what one value says about day/month order: {@code 'D'} day first
   * (a > 12), {@code 'M'} month first (b > 12), {@code '?'} either, {@code 0} not such a date.
   */
  public static char orderEvidence(String raw) {
    if (raw == null) {
      return 0;
    }
    Matcher m = NUMERIC.matcher(normalise(raw));
    if (!m.matches() || m.group(2).equals(".")) {
      return 0;
    }
    int a = Integer.parseInt(m.group(1));
    int b = Integer.parseInt(m.group(3));
    if (a > 12 && b <= 12) {
      return 'D';
    }
    if (b > 12 && a <= 12) {
      return 'M';
    }
    return '?';
  }
}
