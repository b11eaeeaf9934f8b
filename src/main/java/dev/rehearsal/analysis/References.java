package dev.rehearsal.analysis;

import dev.rehearsal.prose.NotTheCause;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Explicit references to a change in incident text: commit SHAs (7 to 40 hex characters), versions
 * and tags, PR and merge request numbers, pipeline, build, run, deploy and release numbers, and
 * URLs. A version named as the target of a rollback ("rolled back to v2.14.2") is kept apart: it
 * names the version before the culprit, not the culprit.
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

  /**
   * One reference: its type, the normalised value to look up, the text it came from, and whether
   * the incident cites it only to rule it out ("abc1234 was ruled out", "not caused by v2.3").
   */
  record Ref(Type type, String value, String text, boolean negated) {
    Ref(Type type, String value, String text) {
      this(type, value, text, false);
    }

    /** Whether it names a change by its title ("since the “Refactor cut-off” change"). */
    boolean title() {
      return type == Type.ID
          && (value.startsWith(TITLE)
              || value.startsWith(TITLE_PREFIX)
              || value.startsWith(TITLE_WRITTEN));
    }

    /**
     * Whether it is a title found in the incident's words outside quotation marks ({@link
     * WrittenTitles}): it names a change of the incident's services, their upstreams or the
     * services it names, never one of a service it does not mention.
     */
    boolean writtenTitle() {
      return type == Type.ID && value.startsWith(TITLE_WRITTEN);
    }
  }

  /** The id prefix of a change title: deploys carry {@code title:} + their title's key. */
  static final String TITLE = "title:";

  /** The id prefix of a title cut short ("Refactor cut-off calc…"): matches titles it begins. */
  static final String TITLE_PREFIX = "title*:";

  /** The id prefix of a whole title found outside quotation marks: matches that title. */
  static final String TITLE_WRITTEN = "title~:";

  private static final Pattern SHA = Pattern.compile("(?<![\\w/.-])([0-9a-fA-F]{7,40})(?![\\w-])");
  private static final Pattern VERSION =
      Pattern.compile(
          "(?<![\\w.])(v?\\d+\\.\\d+(?:\\.\\d+)?(?:-[0-9A-Za-z][0-9A-Za-z.-]*)?)(?![\\w]|\\.\\d)");
  private static final Pattern ROLLBACK =
      Pattern.compile(
          "(?i)\\b(?:(?:roll(?:ed|ing)?[ -]?back|revert(?:ed|ing)?|went back|downgraded?"
              + "|pinned(?:\\s+back)?|return(?:ed|ing)?|(?:switch|mov)(?:ed|ing)?\\s+back"
              + "|fell\\s+back)\\s+(?:\\w+\\s+){0,3}?(?:to|onto)\\s+"
              // "pinned the deployment at 1.4.2"
              + "|pinned\\s+(?:\\w+\\s+){0,3}?at\\s+"
              // "rolled production to v1.4.2", "rolled prod and canary to 1.4": what was rolled
              // is named, not the direction; "rolled out to", "rolled forward to" go forward
              + "|rolled\\s+(?:(?!(?:out|forward|ahead|over|deploy|release|update)\\b)\\w+\\s+){1,3}?"
              + "(?:to|onto)\\s+"
              // putting an older release out again: "redeployed v3.3.8", "restored the
              // previous build 2.1.0", "reinstated 2.1.0" (a dotted version, so "redeployed 3
              // pods" is not one)
              + "|(?:re-?deploy(?:ed|ing)?|restor(?:ed|ing)|reinstat(?:ed|ing))\\s+(?:the\\s+)?"
              + "(?:(?:previous|prior|old|older|earlier|last\\s+good)\\s+)?"
              + "(?=(?:version\\s+|release\\s+|build\\s+)?v?\\d+\\.\\d))"
              + "(?:version\\s+|release\\s+|build\\s+)?"
              + "(v?\\d+(?:\\.\\d+){0,2}(?:-[0-9A-Za-z.-]+)?)");

  /**
   * What follows a version put out again, the version written first: "v3.3.1 redeployed as
   * mitigation", "2.1.0 was restored", "v2.26.1 is live again". ("v2.0 rolled back to v1.9" names
   * the bad release first, so rolling back is not among these.)
   */
  private static final Pattern PUT_OUT_AGAIN =
      Pattern.compile(
          "(?i)\\s+(?:(?:was|were|got|is|are|been|being)\\s+)?"
              + "(?:re-?deployed|re-?released|restored|reinstated|brought\\s+back|put\\s+back"
              + "|(?:live|serving|running|out)\\s+again|back\\s+(?:in\\s+production|live))\\b");

  private static final Pattern PR =
      Pattern.compile(
          "(?i)(?:\\b(?:PR|pull request|pull|merge request|MR)\\s*#?\\s*|(?<![\\w&])#|(?<=\\s)!)"
              + "(\\d{1,7})\\b");
  private static final Pattern NUMBERED =
      Pattern.compile(
          "(?i)\\b(pipeline|build|run|job|deploy(?:ment)?|release|execution)\\s*(?:id\\s*)?"
              + "[#:]?\\s*(v?\\d{2,12})\\b");
  private static final Pattern URL = Pattern.compile("https?://[^\\s\"'<>)\\]]+");

  /**
   * A quoted phrase, in the quotation marks people type in any language: “…”, "…", '…', ‘…’, «…»,
   * ‹…›, „…“, ‚…‘, 「…」, 『…』, 《…》, `…`.
   */
  private static final Pattern QUOTED =
      Pattern.compile(
          "(\u201c|\"|\u2018|'|\u00ab|\u2039|\u201e|\u201a|\u300c|\u300e|\u300a|`)"
              + "([^\u201c\u201d\u201e\"\u00ab\u00bb\u2039\u203a\u300c\u300d\u300e\u300f"
              + "\u300a\u300b`\n]{6,140}?)"
              + "(\u201d|\"|\u2019|'|\u00bb|\u203a|\u201c|\u2018|\u300d|\u300f|\u300b|`)");

  /** A short sentence of its own that gives the verdict on the change before it ("Wrong."). */
  private static final Pattern VERDICT_SENTENCE =
      Pattern.compile(
          "(?i)\\s*(wrong|nope|no|not it|not that|not that one|ruled out|innocent|red herring"
              + "|dead end|false alarm|not the cause)[.!]?\\s*");

  /** "We cleared abc1234": the change is what was cleared (not "cleared the cache"). */
  private static final Pattern CLEARED_BEFORE =
      Pattern.compile(
          "(?i)\\b(cleared|exonerated|excluded|eliminated)\\s+(commit |pr |version )?$");

  /** "Not abc1234", "Ignoring abc1234", opening a sentence: the change said not to be it. */
  private static final Pattern NOT_BEFORE =
      Pattern.compile("(?i)(^|[.;:!?]\\s*|\\n)(not|ignoring)\\s+$");

  /** Suspicion a later "but" withdraws ("we first suspected abc1234, but ..."). */
  private static final Pattern SUSPECTED =
      Pattern.compile(
          "(?i)\\b(suspected|blamed|thought|assumed|guess|looked like|looked suspicious|suspicious"
              + "|looked at|checked|investigated|considered)\\b");

  /**
   * Whether the clause that holds a reference says it was not the cause: a clause runs to the
   * nearest sentence end, semicolon or "but"; a suspicion followed by "but" is withdrawn.
   */
  static boolean negated(String text, String quoted) {
    int at = text.indexOf(quoted);
    while (at >= 0) {
      if (CLEARED_BEFORE.matcher(text.substring(Math.max(0, at - 24), at)).find()) {
        return true;
      }
      // "Not abc1234: the diff is a test-scope bump"
      if (NOT_BEFORE.matcher(text.substring(Math.max(0, at - 12), at)).find()) {
        return true;
      }
      int from = at;
      while (from > 0 && ".!?;\n".indexOf(text.charAt(from - 1)) < 0) {
        from--;
      }
      int to = at + quoted.length();
      while (to < text.length() && ".!?;\n".indexOf(text.charAt(to)) < 0) {
        to++;
      }
      String sentence = text.substring(from, to);
      int but = indexOfWord(sentence, "but", at - from + quoted.length());
      String clause;
      if (but >= 0) {
        clause = sentence.substring(0, but);
        if (SUSPECTED.matcher(clause).find()) {
          return true;
        }
      } else {
        int before = lastIndexOfWord(sentence, "but", at - from);
        clause = before >= 0 ? sentence.substring(before) : sentence;
      }
      if (NotTheCause.says(clause)) {
        return true;
      }
      // "We suspected PR #975 for about five minutes. Wrong."
      if (to < text.length() && ".!".indexOf(text.charAt(to)) >= 0) {
        int end = to + 1;
        while (end < text.length() && ".!?;\n".indexOf(text.charAt(end)) < 0) {
          end++;
        }
        if (VERDICT_SENTENCE.matcher(text.substring(to + 1, end)).matches()) {
          return true;
        }
      }
      // "we looked at !1224; it is not involved": a clause after a semicolon that names no
      // change of its own speaks of the one before it
      if (to < text.length() && text.charAt(to) == ';') {
        int end = to + 1;
        while (end < text.length() && ".!?;\n".indexOf(text.charAt(end)) < 0) {
          end++;
        }
        String next = text.substring(to + 1, end);
        if (NotTheCause.says(next) && !namesAChange(next)) {
          return true;
        }
      }
      at = text.indexOf(quoted, at + 1);
    }
    return false;
  }

  /** Whether a piece of text holds a commit, version or change number of its own. */
  private static boolean namesAChange(String text) {
    return SHA_LIKE.matcher(text).find()
        || VERSION.matcher(text).find()
        || NUMBER.matcher(text).find();
  }

  private static final Pattern SHA_LIKE = Pattern.compile("\\b[0-9a-f]{7,40}\\b");

  private static final Pattern NUMBER = Pattern.compile("[#!]\\d+");

  private static int indexOfWord(String s, String word, int from) {
    Matcher m = Pattern.compile("(?i)\\b" + word + "\\b").matcher(s);
    return m.find(Math.min(Math.max(0, from), s.length())) ? m.start() : -1;
  }

  private static int lastIndexOfWord(String s, String word, int before) {
    Matcher m = Pattern.compile("(?i)\\b" + word + "\\b").matcher(s);
    int last = -1;
    while (m.find() && m.start() < before) {
      last = m.start();
    }
    return last;
  }

  private References() {}

  static List<Ref> extract(String text) {
    return extract(text, WrittenTitles.NONE);
  }

  /**
   * The references in a text, among them the titles of {@code titles} it holds outside quotation
   * marks.
   */
  static List<Ref> extract(String text, WrittenTitles titles) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    List<List<MatchResult>> found = scan(text);
    Set<Ref> out = new LinkedHashSet<>();
    Set<String> rollbackTargets = new LinkedHashSet<>();
    for (MatchResult m : found.get(P_ROLLBACK)) {
      String v = AnalysisData.normaliseVersion(m.group(1));
      rollbackTargets.add(v);
      out.add(new Ref(Type.ROLLBACK_TARGET, v, m.group()));
    }
    List<int[]> urlSpans = new ArrayList<>();
    for (MatchResult m : found.get(P_URL)) {
      String url = m.group().replaceAll("[.,;]+$", "");
      out.add(new Ref(Type.URL, url.toLowerCase(Locale.ROOT), url));
      urlSpans.add(new int[] {m.start(), m.end()});
    }
    for (MatchResult m : found.get(P_SHA)) {
      String s = m.group(1);
      boolean letter = s.chars().anyMatch(Character::isLetter);
      boolean digit = s.chars().anyMatch(Character::isDigit);
      if (letter && digit && !inside(urlSpans, m.start())) {
        out.add(new Ref(Type.SHA, s.toLowerCase(Locale.ROOT), s));
      }
    }
    for (MatchResult m : found.get(P_VERSION)) {
      if (inside(urlSpans, m.start())) {
        continue;
      }
      String v = AnalysisData.normaliseVersion(m.group(1));
      Matcher again = PUT_OUT_AGAIN.matcher(text).region(m.end(), text.length());
      if (again.lookingAt()) {
        // "v1.13.6 redeployed as mitigation": the release put out again, not the cause
        rollbackTargets.add(v);
        out.add(new Ref(Type.ROLLBACK_TARGET, v, text.substring(m.start(), again.end())));
        continue;
      }
      if (!rollbackTargets.contains(v) && !looksLikeNumber(text, m)) {
        out.add(new Ref(Type.VERSION, v, m.group(1)));
      }
    }
    for (MatchResult m : found.get(P_PR)) {
      out.add(new Ref(Type.ID, "pr:" + m.group(1), m.group().strip()));
      out.add(new Ref(Type.ID, "mr:" + m.group(1), m.group().strip()));
    }
    for (MatchResult m : found.get(P_NUMBERED)) {
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
    List<int[]> quoteSpans = new ArrayList<>(0);
    for (Matcher m = QUOTED.matcher(text); m.find(); ) {
      quoteSpans.add(new int[] {m.start(), m.end()});
      String quote = m.group(2).strip();
      // cut short: "…", "..." or ".."
      boolean cut = quote.endsWith("\u2026") || quote.endsWith("..");
      String key = dev.rehearsal.util.Texts.titleKey(quote.replaceAll("(\u2026|\\.{2,3})$", ""));
      // any quoted phrase of two words or more may be a change's title ("most probably ‹Rewrite
      // web reconciliation› broke it"): it counts only if a deploy carries that title, and the
      // words around it need not be change words
      if (key.split(" ").length >= 2 && key.length() >= 8) {
        out.add(new Ref(Type.ID, (cut ? TITLE_PREFIX : TITLE) + key, quote));
      }
    }
    for (WrittenTitles.Found f : titles.in(text)) {
      if (quoteSpans.stream().noneMatch(q -> q[0] < f.end() && f.start() < q[1])) {
        out.add(new Ref(Type.ID, TITLE_WRITTEN + f.key(), text.substring(f.start(), f.end())));
      }
    }
    if (out.isEmpty()) {
      return List.of();
    }
    // a reference the incident rules out, and does not also cite plainly, lowers its change
    List<Ref> marked = new ArrayList<>(out.size());
    Set<String> plain = new java.util.HashSet<>();
    List<Ref> all = new ArrayList<>(out);
    boolean[] neg = new boolean[all.size()];
    for (int k = 0; k < all.size(); k++) {
      neg[k] = negated(text, all.get(k).text());
      if (!neg[k]) {
        plain.add(all.get(k).value());
      }
    }
    for (int k = 0; k < all.size(); k++) {
      Ref r = all.get(k);
      marked.add(
          neg[k] && !plain.contains(r.value()) ? new Ref(r.type(), r.value(), r.text(), true) : r);
    }
    return marked;
  }

  private static final int P_ROLLBACK = 0;
  private static final int P_URL = 1;
  private static final int P_SHA = 2;
  private static final int P_VERSION = 3;
  private static final int P_PR = 4;
  private static final int P_NUMBERED = 5;

  /**
   * The matches {@link Matcher#find()} would give for each pattern, in one pass over the text: each
   * pattern is tried only where a match can start ({@link Starts}), its look-behinds and
   * look-aheads still seeing the whole text, and after a match only from its end on. Running a
   * regular expression at a position costs far more than the tests, and most positions, even most
   * word starts, begin no reference; one pass instead of one per pattern matters as much, since
   * loading a hundred thousand incidents runs this before the code is compiled.
   */
  static List<List<MatchResult>> scan(String text) {
    List<List<MatchResult>> found = new ArrayList<>(PATTERNS.length);
    for (int p = 0; p < PATTERNS.length; p++) {
      found.add(List.of());
    }
    Matcher[] matchers = new Matcher[PATTERNS.length];
    int[] next = new int[PATTERNS.length];
    int length = text.length();
    for (int at = 0; at < length; at++) {
      char c = text.charAt(at);
      int mask = c < 128 ? FIRST[c] : 0;
      if (mask == 0) {
        continue;
      }
      boolean wordStart = at == 0 || !isAsciiWord(text.charAt(at - 1));
      for (int p = 0; mask != 0; p++, mask >>>= 1) {
        if ((mask & 1) == 0
            || at < next[p]
            || STARTS[p].wordStart() && !wordStart
            || !STARTS[p].test().possible(text, at)) {
          continue;
        }
        if (matchers[p] == null) {
          matchers[p] =
              PATTERNS[p].matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        }
        Matcher m = matchers[p];
        m.region(at, length);
        if (m.lookingAt()) {
          if (found.get(p).isEmpty()) {
            found.set(p, new ArrayList<>(2));
          }
          found.get(p).add(m.toMatchResult());
          next[p] = m.end() > m.start() ? m.end() : at + 1;
        }
      }
    }
    return found;
  }

  /**
   * Whether a pattern could match at a position: a cheap test of the characters a match must begin
   * with, true wherever the pattern can match (it may be true where it cannot).
   */
  private interface Start {
    boolean possible(String text, int at);
  }

  /**
   * Where a pattern can start matching: at one of its first characters (all ASCII), with {@code
   * wordStart} only where the character before is not an ASCII word character (for patterns that
   * begin with a word boundary or a look-behind excluding those), and where its own test says a
   * match is possible.
   */
  private record Starts(String firstChars, boolean wordStart, Start test) {}

  static final Pattern[] PATTERNS = {ROLLBACK, URL, SHA, VERSION, PR, NUMBERED};

  private static final Starts[] STARTS = {
    new Starts("rRwWdDpPsSmMfF", true, References::rollbackStart),
    new Starts("h", false, (t, at) -> t.startsWith("http", at)),
    new Starts("0123456789abcdefABCDEF", true, (t, at) -> hexRun(t, at) >= 7),
    new Starts("v0123456789", true, References::versionStart),
    new Starts("#!pPmM", true, References::prStart),
    new Starts("pPbBrRjJdDeE", true, References::numberedStart)
  };

  /** For each ASCII character, one bit per pattern that can begin with it. */
  private static final int[] FIRST = new int[128];

  static {
    for (int p = 0; p < STARTS.length; p++) {
      for (char c : STARTS[p].firstChars().toCharArray()) {
        FIRST[c] |= 1 << p;
      }
    }
  }

  /**
   * A rollback begins with "roll", "revert", "went", "downgrad", "pinned", "redeploy", "re-deploy",
   * "restor", "reinstat", "return", "switch", "mov" or "fell".
   */
  private static boolean rollbackStart(String s, int at) {
    return startsWithWord(s, at, "roll")
        || startsWithWord(s, at, "revert")
        || startsWithWord(s, at, "went")
        || startsWithWord(s, at, "downgrad")
        || startsWithWord(s, at, "pinned")
        || startsWithWord(s, at, "redeploy")
        || startsWithWord(s, at, "re-deploy")
        || startsWithWord(s, at, "restor")
        || startsWithWord(s, at, "reinstat")
        || startsWithWord(s, at, "return")
        || startsWithWord(s, at, "switch")
        || startsWithWord(s, at, "mov")
        || startsWithWord(s, at, "fell");
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
    return i > digits && i + 1 < s.length() && s.charAt(i) == '.' && isAsciiDigit(s.charAt(i + 1));
  }

  /**
   * A PR or MR number begins with "#" or "!" and a digit, or with "pr", "pull", "mr" or "merge"
   * followed by a space, "#" or a digit ("production" and "process" begin none).
   */
  private static boolean prStart(String s, int at) {
    char c = s.charAt(at);
    if (c == '#' || c == '!') {
      return at + 1 < s.length() && isAsciiDigit(s.charAt(at + 1));
    }
    return startsWithWord(s, at, "pr") && mayPrecedeNumber(s, at + 2, false)
        || startsWithWord(s, at, "pull") && mayPrecedeNumber(s, at + 4, false)
        || startsWithWord(s, at, "mr") && mayPrecedeNumber(s, at + 2, false)
        || startsWithWord(s, at, "merge") && mayPrecedeNumber(s, at + 5, false);
  }

  private static final String[] NUMBERED_WORDS = {
    "pipeline", "build", "run", "job", "deploy", "release", "execution"
  };

  /**
   * A numbered handle begins with one of the words that name what is numbered ("deploy" or
   * "deployment"), followed by what may come before its number ("running" and "released" begin
   * none).
   */
  private static boolean numberedStart(String s, int at) {
    for (String w : NUMBERED_WORDS) {
      if (startsWithWord(s, at, w)) {
        int end = at + w.length();
        return mayPrecedeNumber(s, end, true)
            || w.equals("deploy")
                && startsWithWord(s, end, "ment")
                && mayPrecedeNumber(s, end + 4, true);
      }
    }
    return false;
  }

  /**
   * Whether the character at a position may follow a word that names a number: a space, "#" or a
   * digit; for numbered handles also ":", "v" (a release "v41") and "i" (for "id").
   */
  private static boolean mayPrecedeNumber(String s, int i, boolean numbered) {
    if (i >= s.length()) {
      return false;
    }
    char c = s.charAt(i);
    return Character.isWhitespace(c)
        || c == '#'
        || isAsciiDigit(c)
        || numbered && (c == ':' || c == 'i' || c == 'I' || c == 'v' || c == 'V');
  }

  private static boolean startsWithWord(String s, int at, String lowerWord) {
    return s.regionMatches(true, at, lowerWord, 0, lowerWord.length());
  }

  private static boolean isAsciiWord(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
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
    String after = text.substring(end, Math.min(text.length(), end + 9)).toLowerCase(Locale.ROOT);
    if (after.startsWith("%")
        || after.startsWith("x")
        || after.startsWith(" ms")
        || after.startsWith(" s")
        || after.startsWith(" gb")
        || after.startsWith(" mb")
        || after.startsWith(" percent")
        || after.startsWith(" times")
        || after.startsWith(" min")
        || after.startsWith(" h")) {
      return true;
    }
    // a bare two-part number without "v" is too often a measure; three parts is a version
    return m.group(1).chars().filter(c -> c == '.').count() < 2;
  }
}
