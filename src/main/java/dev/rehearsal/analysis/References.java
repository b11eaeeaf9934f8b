package dev.rehearsal.analysis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Explicit references to a change in incident text: commit SHAs (7 to 40 hex characters),
 * versions and tags, PR and merge request numbers, pipeline, build, run, deploy and release
 * numbers, and URLs. A version named as the target of a rollback ("rolled back to v2.14.2") is
 * kept apart: it names the version before the culprit, not the culprit.
 */
final class References {
  /** What kind of handle a reference is. */
  enum Type {
    SHA,
    VERSION,
    ROLLBACK_TARGET,
    ID,
    URL
  }

  /** One reference: its type, the normalised value to look up, and the text it came from. */
  record Ref(Type type, String value, String text) {}

  private static final Pattern SHA = Pattern.compile("(?<![\\w/.-])([0-9a-fA-F]{7,40})(?![\\w-])");
  private static final Pattern VERSION = Pattern.compile(
      "(?<![\\w.])(v?\\d+\\.\\d+(?:\\.\\d+)?(?:-[0-9A-Za-z][0-9A-Za-z.-]*)?)(?![\\w]|\\.\\d)");
  private static final Pattern ROLLBACK = Pattern.compile(
      "(?i)\\b(?:roll(?:ed|ing)?[ -]?back|revert(?:ed|ing)?|went back|downgraded?)\\s+"
          + "(?:\\w+\\s+){0,3}?(?:to|onto)\\s+(?:version\\s+|release\\s+)?"
          + "(v?\\d+(?:\\.\\d+){0,2}(?:-[0-9A-Za-z.-]+)?)");
  private static final Pattern PR = Pattern.compile(
      "(?i)(?:\\b(?:PR|pull request|pull|merge request|MR)\\s*#?\\s*|(?<![\\w&])#|(?<=\\s)!)"
          + "(\\d{1,7})\\b");
  private static final Pattern NUMBERED = Pattern.compile(
      "(?i)\\b(pipeline|build|run|job|deploy(?:ment)?|release|execution)\\s*(?:id\\s*)?"
          + "[#:]?\\s*(v?\\d{2,12})\\b");
  private static final Pattern URL = Pattern.compile("https?://[^\\s\"'<>)\\]]+");

  private References() {}

  static List<Ref> extract(String text) {
    Set<Ref> out = new LinkedHashSet<>();
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    // cheap tests first: most texts hold none of these; and each pattern is tried only where
    // a match can start (see matches), as scanning every position of long texts with these
    // patterns is the costly part of loading incidents
    String lower = text.toLowerCase(Locale.ROOT);
    boolean digits = hasDigit(text);
    Set<String> rollbackTargets = new LinkedHashSet<>();
    boolean rollback = digits && (lower.contains("back") || lower.contains("revert")
        || lower.contains("downgrad"));
    for (MatchResult m : matches(ROLLBACK, rollback ? text : "", ROLLBACK_STARTS)) {
      String v = AnalysisData.normaliseVersion(m.group(1));
      rollbackTargets.add(v);
      out.add(new Ref(Type.ROLLBACK_TARGET, v, m.group()));
    }
    List<int[]> urlSpans = new ArrayList<>();
    for (MatchResult m : matches(URL, lower.contains("http") ? text : "", URL_STARTS)) {
      String url = m.group().replaceAll("[.,;]+$", "");
      out.add(new Ref(Type.URL, url.toLowerCase(Locale.ROOT), url));
      urlSpans.add(new int[] {m.start(), m.end()});
    }
    for (MatchResult m : matches(SHA, hasHexRun(text) ? text : "", SHA_STARTS)) {
      String s = m.group(1);
      boolean letter = s.chars().anyMatch(Character::isLetter);
      boolean digit = s.chars().anyMatch(Character::isDigit);
      if (letter && digit && !inside(urlSpans, m.start())) {
        out.add(new Ref(Type.SHA, s.toLowerCase(Locale.ROOT), s));
      }
    }
    for (MatchResult m : matches(VERSION, hasDottedNumber(text) ? text : "",
        VERSION_STARTS)) {
      if (inside(urlSpans, m.start())) {
        continue;
      }
      String v = AnalysisData.normaliseVersion(m.group(1));
      if (!rollbackTargets.contains(v) && !looksLikeNumber(text, m)) {
        out.add(new Ref(Type.VERSION, v, m.group(1)));
      }
    }
    for (MatchResult m : matches(PR, digits ? text : "", PR_STARTS)) {
      out.add(new Ref(Type.ID, "pr:" + m.group(1), m.group().strip()));
      out.add(new Ref(Type.ID, "mr:" + m.group(1), m.group().strip()));
    }
    for (MatchResult m : matches(NUMBERED, digits ? text : "", NUMBERED_STARTS)) {
      String kind = m.group(1).toLowerCase(Locale.ROOT);
      String num = m.group(2).toLowerCase(Locale.ROOT);
      if (kind.startsWith("deploy")) {
        kind = "deploy";
      }
      if (kind.equals("release")) {
        out.add(new Ref(Type.VERSION, AnalysisData.normaliseVersion(num), m.group()));
        out.add(new Ref(Type.ID, "release:" + num.replace("v", ""), m.group()));
        out.add(new Ref(Type.ID, "release:v" + num.replace("v", ""), m.group()));
        continue;
      }
      if (num.startsWith("v")) {
        continue;
      }
      out.add(new Ref(Type.ID, kind + ":" + num, m.group()));
      // a bare number after "deployment" can be the tool's own deploy id
      if (kind.equals("deploy") || kind.equals("pipeline") || kind.equals("execution")) {
        out.add(new Ref(Type.ID, num, m.group()));
      }
    }
    return new ArrayList<>(out);
  }

  /**
   * Whether a pattern could match at a position: a cheap test of the characters a match must
   * begin with, true wherever the pattern can match (it may be true where it cannot).
   */
  private interface Start {
    boolean possible(String text, int at);
  }

  /**
   * Where a pattern can start matching: at one of its first characters (all ASCII), with
   * {@code wordStart} only where the character before is not an ASCII word character (for
   * patterns that begin with a word boundary or a look-behind excluding those), and where its
   * own test says a match is possible.
   */
  private static final class Starts {
    private final boolean[] first = new boolean[128];
    private final boolean wordStart;
    private final Start test;

    Starts(String firstChars, boolean wordStart, Start test) {
      for (char c : firstChars.toCharArray()) {
        first[c] = true;
      }
      this.wordStart = wordStart;
      this.test = test;
    }

    boolean possible(String text, int at) {
      char c = text.charAt(at);
      return c < 128 && first[c] && !(wordStart && at > 0 && isAsciiWord(text.charAt(at - 1)))
          && test.possible(text, at);
    }
  }

  private static final Starts ROLLBACK_STARTS = new Starts("rRwWdD", true, (t, at) -> true);
  private static final Starts URL_STARTS = new Starts("hH", false,
      (t, at) -> t.startsWith("http", at));
  private static final Starts SHA_STARTS = new Starts("0123456789abcdefABCDEF", true,
      (t, at) -> hexRun(t, at) >= 7);
  private static final Starts VERSION_STARTS = new Starts("v0123456789", true,
      References::versionStart);
  private static final Starts PR_STARTS = new Starts("#!pPmM", true, References::prStart);
  private static final Starts NUMBERED_STARTS = new Starts("pPbBrRjJdDeE", true,
      References::numberedStart);

  /**
   * The matches {@link Matcher#find()} would give, found by trying the pattern only where a
   * match can start ({@link Starts}), look-behinds and look-aheads still seeing the whole
   * text. Running the regular expression at a position costs far more than the tests, and
   * most positions, even most word starts, begin no reference.
   */
  private static List<MatchResult> matches(Pattern p, String text, Starts starts) {
    List<MatchResult> found = new ArrayList<>(2);
    Matcher m = null;
    int next = 0;
    for (int at = 0; at < text.length(); at++) {
      if (at < next || !starts.possible(text, at)) {
        continue;
      }
      if (m == null) {
        m = p.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
      }
      m.region(at, text.length());
      if (m.lookingAt()) {
        found.add(m.toMatchResult());
        next = m.end() > m.start() ? m.end() : at + 1;
      }
    }
    return found;
  }

  /** Hexadecimal characters in a row from a position. */
  private static int hexRun(String s, int at) {
    int i = at;
    while (i < s.length() && isHex(s.charAt(i))) {
      i++;
    }
    return i - at;
  }

  private static boolean isHex(char c) {
    return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** A version begins "v", digits, a dot and a digit, or so without the "v". */
  private static boolean versionStart(String s, int at) {
    int i = s.charAt(at) == 'v' ? at + 1 : at;
    int digits = i;
    while (i < s.length() && isAsciiDigit(s.charAt(i))) {
      i++;
    }
    return i > digits && i + 1 < s.length() && s.charAt(i) == '.'
        && isAsciiDigit(s.charAt(i + 1));
  }

  /** A PR or MR number begins with "#" or "!" and a digit, or with "pr", "pull", "mr", "merge". */
  private static boolean prStart(String s, int at) {
    char c = s.charAt(at);
    if (c == '#' || c == '!') {
      return at + 1 < s.length() && isAsciiDigit(s.charAt(at + 1));
    }
    return startsWithWord(s, at, "pr") || startsWithWord(s, at, "pull")
        || startsWithWord(s, at, "mr") || startsWithWord(s, at, "merge");
  }

  private static final String[] NUMBERED_WORDS = {"pipeline", "build", "run", "job", "deploy",
      "release", "execution"};

  /** A numbered handle begins with one of the words that name what is numbered. */
  private static boolean numberedStart(String s, int at) {
    for (String w : NUMBERED_WORDS) {
      if (startsWithWord(s, at, w)) {
        return true;
      }
    }
    return false;
  }

  private static boolean startsWithWord(String s, int at, String lowerWord) {
    return s.regionMatches(true, at, lowerWord, 0, lowerWord.length());
  }

  private static boolean isAsciiWord(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
  }

  private static boolean hasDigit(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isDigit(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** Whether the text has seven hexadecimal characters in a row, a digit among them. */
  private static boolean hasHexRun(String s) {
    int run = 0;
    boolean digit = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean hex = c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
      if (hex) {
        run++;
        digit |= c <= '9';
        if (run >= 7 && digit) {
          return true;
        }
      } else {
        run = 0;
        digit = false;
      }
    }
    return false;
  }

  /** Whether the text has a digit, a dot and a digit in a row. */
  private static boolean hasDottedNumber(String s) {
    for (int i = 1; i + 1 < s.length(); i++) {
      if (s.charAt(i) == '.' && Character.isDigit(s.charAt(i - 1))
          && Character.isDigit(s.charAt(i + 1))) {
        return true;
      }
    }
    return false;
  }

  private static boolean inside(List<int[]> spans, int pos) {
    for (int[] s : spans) {
      if (pos >= s[0] && pos < s[1]) {
        return true;
      }
    }
    return false;
  }

  /** "99.9%", "2.5x", "3.5 seconds" are measurements, not versions. */
  private static boolean looksLikeNumber(String text, MatchResult m) {
    if (m.group(1).startsWith("v") || m.group(1).startsWith("V")) {
      return false;
    }
    int end = m.end();
    String after = text.substring(end, Math.min(text.length(), end + 9)).toLowerCase(
        Locale.ROOT);
    if (after.startsWith("%") || after.startsWith("x") || after.startsWith(" ms")
        || after.startsWith(" s") || after.startsWith(" gb") || after.startsWith(" mb")
        || after.startsWith(" percent") || after.startsWith(" times")
        || after.startsWith(" min") || after.startsWith(" h")) {
      return true;
    }
    // a bare two-part number without "v" is too often a measure; three parts is a version
    return m.group(1).chars().filter(c -> c == '.').count() < 2;
  }
}
