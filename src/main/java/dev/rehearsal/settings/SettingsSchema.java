package dev.rehearsal.settings;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every setting a workspace knows, with its type and the values it allows: what is checked when
 * settings are loaded and before they are saved, so that a bad value is refused at once with its
 * key, its value and what is allowed, not discovered when an analysis runs. docs/settings.md says
 * what each means.
 */
public final class SettingsSchema {
  /** The shapes a setting can take. */
  enum Type {
    NUMBER,
    INTEGER,
    TIME_ZONE,
    DATE_ORDER,
    WORDS,
    /** Words, at least one. */
    SOME_WORDS,
    /** Name to a list of words (environments, dependencies, vocabularies). */
    WORD_LISTS,
    /** Name to a number in the range (weights). */
    NUMBERS,
    /** Groups of two or more words (synonyms). */
    WORD_GROUPS
  }

  /** One setting: its dotted key, its type and, for numbers, the range allowed. */
  record Key(String path, Type type, double min, double max, boolean minOpen) {
    String allowed() {
      switch (type) {
        case NUMBER:
        case NUMBERS:
          return (type == Type.NUMBERS ? "numbers " : "a number ")
              + (minOpen ? "above " + plain(min) + " and up to " : "from " + plain(min) + " to ")
              + plain(max);
        case INTEGER:
          return "a whole number from " + plain(min) + " to " + plain(max);
        case TIME_ZONE:
          return "a time zone such as UTC, Europe/Berlin or +02:00";
        case DATE_ORDER:
          return "AUTO, DMY or MDY";
        case WORDS:
          return "a list of strings";
        case SOME_WORDS:
          return "a list of at least one string";
        case WORD_LISTS:
          return "an object whose values are lists of strings";
        case WORD_GROUPS:
          return "a list of groups, each a list of two or more strings";
        default:
          return type.toString();
      }
    }

    private static String plain(double v) {
      return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
  }

  /** A value the schema does not allow. */
  public static final class Invalid extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String key;

    Invalid(String key, String message) {
      super(message);
      this.key = key;
    }

    /** The dotted key of the setting. */
    public String key() {
      return key;
    }
  }

  private static final double DAY_HOURS = 24;
  private static final Map<String, Key> KEYS = new LinkedHashMap<>();

  private static void number(String path, double min, double max) {
    KEYS.put(path, new Key(path, Type.NUMBER, min, max, false));
  }

  private static void positive(String path, double max) {
    KEYS.put(path, new Key(path, Type.NUMBER, 0, max, true));
  }

  private static void integer(String path, double min, double max) {
    KEYS.put(path, new Key(path, Type.INTEGER, min, max, false));
  }

  private static void of(String path, Type type) {
    KEYS.put(path, new Key(path, type, 0, 0, false));
  }

  static {
    of("import.naiveTimeZone", Type.TIME_ZONE);
    of("import.dateOrder", Type.DATE_ORDER);
    of("environments", Type.WORD_LISTS);
    of("services.stripSuffixes", Type.WORDS);
    of("services.dependencies", Type.WORD_LISTS);
    of("services.tables", Type.WORD_LISTS);
    of("services.rejectedTables", Type.WORD_LISTS);
    of("linking.productionEnvironments", Type.SOME_WORDS);
    KEYS.put(
        "linking.environmentWeights",
        new Key("linking.environmentWeights", Type.NUMBERS, 0, 1, false));
    of("linking.stagingEnvironments", Type.SOME_WORDS);
    positive("linking.windowHours", 365 * DAY_HOURS);
    positive("linking.citedChangeWindowDays", 3650);
    number("linking.clockSkewMinutes", 0, 24 * 60);
    number("linking.rollbackWindowHours", 0, 30 * DAY_HOURS);
    positive("linking.recencyHalfLifeHours", 365 * DAY_HOURS);
    number("linking.minConfidence", 0, 1);
    number("linking.targetPrecision", 0.5, 1);
    number("linking.suspectExcess", 0, 100);
    number("linking.relativeCutoff", 0, 1);
    integer("linking.maxLinks", 1, 20);
    number("linking.secondLinkRatio", 0, 1);
    for (String w :
        List.of(
            "explicitReference",
            "sameService",
            "dependency",
            "interveningChangeFactor",
            "failedDeployFactor",
            "afterOnsetFactor",
            "rolledBackDuringIncident",
            "noChangeLanguageFactor",
            "externalCauseFactor",
            "ruledOutFactor")) {
      number("linking.weights." + w, 0, 1);
    }
    of("linking.changeLanguage", Type.WORDS);
    of("linking.noChangeLanguage", Type.WORDS);
    of("linking.externalCauseLanguage", Type.WORDS);
    positive("verdict.stagingLookbackDays", 3650);
    number("verdict.runSlackMinutes", 0, 7 * 24 * 60);
    number("verdict.guessBelowConfidence", 0, 1);
    integer("aggregates.repeatOffenderMinEscapes", 1, 1_000_000);
    integer("aggregates.fidelityMinIncidents", 1, 1_000_000);
    number("gaps.minScore", 0, 1);
    number("gaps.secondaryRatio", 0, 1);
    number("gaps.weights.text", 0, 1);
    number("gaps.weights.structure", 0, 1);
    number("gaps.weights.learned", 0, 1);
    positive("gaps.textSaturation", 1000);
    integer("gaps.learnedMinExamples", 1, 1_000_000);
    KEYS.put("gaps.trafficRatio", new Key("gaps.trafficRatio", Type.NUMBER, 1, 1e6, true));
    KEYS.put("gaps.dataRatio", new Key("gaps.dataRatio", Type.NUMBER, 1, 1e12, true));
    integer("gaps.recentConfigChangeDays", 0, 3650);
    number("gaps.recentConfigChangeScore", 0, 1);
    of("gaps.expectedDifferentKeys", Type.WORDS);
    of("gaps.synonyms", Type.WORD_GROUPS);
    of("gaps.vocabulary", Type.WORD_LISTS);
  }

  private SettingsSchema() {}

  /** The keys the schema knows, in the order the documentation lists them. */
  static List<String> keys() {
    return List.copyOf(KEYS.keySet());
  }

  /** How a setting is written in a form's text field. */
  public enum Form {
    /** A number. */
    NUMBER,
    /** One word (a time zone, a date order). */
    WORD,
    /** Words separated by commas. */
    WORDS,
    /** A shape a single field does not hold (tables, vocabularies, weights by name). */
    STRUCTURED
  }

  /** How a setting is written in one field; {@link Form#STRUCTURED} for tables and groups. */
  public static Form form(String key) {
    Key k = KEYS.get(key);
    if (k == null) {
      throw new IllegalArgumentException("settings: '" + key + "' is not a setting");
    }
    switch (k.type()) {
      case NUMBER:
      case INTEGER:
        return Form.NUMBER;
      case TIME_ZONE:
      case DATE_ORDER:
        return Form.WORD;
      case WORDS:
      case SOME_WORDS:
        return Form.WORDS;
      default:
        return Form.STRUCTURED;
    }
  }

  /** What a setting allows, in words ("a number above 0 and up to 8760"). */
  public static String allowed(String key) {
    Key k = KEYS.get(key);
    if (k == null) {
      throw new IllegalArgumentException("settings: '" + key + "' is not a setting");
    }
    return k.allowed();
  }

  /** The keys a form can edit one field each, in the order the documentation lists them. */
  public static List<String> fieldKeys() {
    return KEYS.keySet().stream().filter(k -> form(k) != Form.STRUCTURED).toList();
  }

  /**
   * Checks the effective settings (defaults with the user's values over them).
   *
   * @throws Invalid naming the first key whose value is not allowed
   */
  static void check(JsonNode tree) {
    for (Key k : KEYS.values()) {
      check(k, at(tree, k.path()));
    }
    JsonNode vocabulary = at(tree, "gaps.vocabulary");
    for (Iterator<String> it = vocabulary.fieldNames(); it.hasNext(); ) {
      String gap = it.next();
      if (!List.of("data", "traffic", "config", "mocks").contains(gap)) {
        throw new Invalid(
            "gaps.vocabulary." + gap,
            "settings: gaps.vocabulary."
                + gap
                + " is not a gap; the vocabularies are data,"
                + " traffic, config and mocks");
      }
    }
  }

  /** The keys a user's settings name that no setting has: typing mistakes, kept as notes. */
  static List<String> unknown(JsonNode user) {
    List<String> out = new ArrayList<>();
    unknown(user, "", out);
    return out;
  }

  private static void unknown(JsonNode n, String prefix, List<String> out) {
    for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
      var e = it.next();
      String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
      if (KEYS.containsKey(path)) {
        continue;
      }
      boolean section = KEYS.keySet().stream().anyMatch(k -> k.startsWith(path + "."));
      if (section && e.getValue().isObject()) {
        unknown(e.getValue(), path, out);
      } else {
        out.add("settings: '" + path + "' is not a setting and is ignored" + suggestion(path));
      }
    }
  }

  private static String suggestion(String path) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String k : KEYS.keySet()) {
      int d = distance(path.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        bestDistance = d;
        best = k;
      }
    }
    return best != null && bestDistance <= 3 ? " (did you mean " + best + "?)" : "";
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  private static JsonNode at(JsonNode tree, String dotted) {
    JsonNode n = tree;
    for (String part : dotted.split("\\.")) {
      n = n.path(part);
    }
    return n;
  }

  private static void check(Key k, JsonNode v) {
    if (v.isMissingNode()) {
      throw new Invalid(
          k.path(), "settings: " + k.path() + " is missing; it must be " + k.allowed());
    }
    boolean ok;
    switch (k.type()) {
      case NUMBER:
        ok = v.isNumber() && inRange(k, v.asDouble());
        break;
      case INTEGER:
        ok = v.isNumber() && v.asDouble() == Math.rint(v.asDouble()) && inRange(k, v.asDouble());
        break;
      case TIME_ZONE:
        ok = v.isTextual() && zone(v.asText());
        break;
      case DATE_ORDER:
        ok =
            v.isTextual()
                && List.of("AUTO", "DMY", "MDY").contains(v.asText().toUpperCase(Locale.ROOT));
        break;
      case WORDS:
        ok = words(v, 0);
        break;
      case SOME_WORDS:
        ok = words(v, 1);
        break;
      case WORD_LISTS:
        ok = v.isObject();
        for (Iterator<JsonNode> it = v.elements(); ok && it.hasNext(); ) {
          ok = words(it.next(), 0);
        }
        break;
      case NUMBERS:
        ok = v.isObject();
        for (Iterator<JsonNode> it = v.elements(); ok && it.hasNext(); ) {
          JsonNode n = it.next();
          ok = n.isNumber() && inRange(k, n.asDouble());
        }
        break;
      case WORD_GROUPS:
        ok = v.isArray();
        for (Iterator<JsonNode> it = v.elements(); ok && it.hasNext(); ) {
          JsonNode g = it.next();
          ok = words(g, 2);
        }
        break;
      default:
        ok = false;
    }
    if (!ok) {
      throw new Invalid(
          k.path(), "settings: " + k.path() + " is " + shown(v) + "; it must be " + k.allowed());
    }
  }

  private static boolean inRange(Key k, double v) {
    return !Double.isNaN(v) && (k.minOpen() ? v > k.min() : v >= k.min()) && v <= k.max();
  }

  private static boolean words(JsonNode v, int atLeast) {
    if (!v.isArray() || v.size() < atLeast) {
      return false;
    }
    for (JsonNode w : v) {
      if (!w.isTextual() || w.asText().isBlank()) {
        return false;
      }
    }
    return true;
  }

  private static boolean zone(String z) {
    try {
      ZoneId.of(z);
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  private static String shown(JsonNode v) {
    String s = v.toString();
    return s.length() > 60 ? s.substring(0, 60) + "..." : s;
  }
}
