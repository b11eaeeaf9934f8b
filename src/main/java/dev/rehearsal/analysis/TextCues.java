package dev.rehearsal.analysis;

import dev.rehearsal.index.text.IncidentText;
import dev.rehearsal.model.Reason;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether each incident's text speaks of a change ("after the release", "rolled back") or of a
 * cause outside any change ("the certificate expired", "provider outage"). Decided by Lucene phrase
 * queries (stemmed, words up to three positions apart) over all incidents at once; a regular
 * expression finds the words to quote in the reasons, and the negations ("no deploys", "nothing
 * changed") whose "no" the index does not keep.
 */
final class TextCues {
  private final List<String> changeWords;
  private final List<String> externalWords;
  private final List<List<String>> synonyms;
  private final Pattern change;
  private final Pattern external;
  private final Pattern noChange;
  private final String[] changeFirst;
  private final String[] externalFirst;
  private final String[] noChangeFirst;
  private boolean[] changeHit = new boolean[0];
  private boolean[] externalHit = new boolean[0];

  TextCues(
      List<String> changeWords,
      List<String> externalWords,
      List<String> noChangeWords,
      List<List<String>> synonyms) {
    this.changeWords = List.copyOf(changeWords);
    this.externalWords = List.copyOf(externalWords);
    this.synonyms = synonyms;
    this.change = alternation(changeWords, true);
    this.external = alternation(externalWords, true);
    this.noChange = alternation(noChangeWords, false);
    this.changeFirst = firstWords(changeWords);
    this.externalFirst = firstWords(externalWords);
    this.noChangeFirst = firstWords(noChangeWords);
    this.noChangeWords = Strict.of(noChangeWords);
  }

  /**
   * The strict phrases as their words (split at white space, lower case, as {@link #alternation}
   * splits them), with the length of each phrase's first run of word characters, to try only
   * phrases whose first word fits the run at hand. Null when a word does not begin and end with a
   * letter, digit or underscore: then only the pattern decides.
   */
  record Strict(String[][] words, int[] firstRun) {
    static Strict of(List<String> phrases) {
      String[][] words = new String[phrases.size()][];
      int[] firstRun = new int[words.length];
      for (int k = 0; k < words.length; k++) {
        String[] tokens = phrases.get(k).toLowerCase(Locale.ROOT).strip().split("\\s+");
        for (String token : tokens) {
          if (token.isEmpty()
              || !isWord(token.charAt(0))
              || !isWord(token.charAt(token.length() - 1))) {
            return null;
          }
        }
        words[k] = tokens;
        while (firstRun[k] < tokens[0].length() && isWord(tokens[0].charAt(firstRun[k]))) {
          firstRun[k]++;
        }
      }
      return new Strict(words, firstRun);
    }
  }

  private final Strict noChangeWords;

  /** A character of the pattern's {@code \w}: ASCII letters, digits and the underscore. */
  private static boolean isWord(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
  }

  /** A character on the word side of a word boundary: a letter, digit or underscore. */
  private static boolean isBoundaryWord(int codePoint) {
    return codePoint == '_' || Character.isLetterOrDigit(codePoint);
  }

  /**
   * Whether the character at {@code i} is on the word side of a boundary, as Java 17's {@code \b}
   * decides: a letter, digit or underscore, or a combining mark that follows a letter or digit (the
   * accent of "e\u0301" belongs to its word).
   */
  private static boolean wordAt(String text, int i) {
    int cp = text.codePointAt(i);
    if (isBoundaryWord(cp)) {
      return true;
    }
    if (Character.getType(cp) != Character.NON_SPACING_MARK) {
      return false;
    }
    for (int x = i; x >= 0; x--) {
      int c = text.codePointAt(x);
      if (Character.isLetterOrDigit(c)) {
        return true;
      }
      if (Character.getType(c) != Character.NON_SPACING_MARK) {
        return false;
      }
    }
    return false;
  }

  /**
   * Whether the strict pattern of these phrases ({@link #alternation}, not loose) matches the text,
   * decided without it: each word in place, ignoring ASCII case, a word boundary before the first
   * and after each, and only non-word characters between them. Every incident's text goes through
   * this; in a fresh JVM the pattern engine, run on every text, took the compiler close to a
   * second, and the linking step's code waited behind it.
   */
  static boolean matchesStrict(String text, Strict strict) {
    String[][] phrases = strict.words();
    int[] firstRun = strict.firstRun();
    int n = text.length();
    int p = 0;
    while (p < n) {
      if (!isWord(text.charAt(p))) {
        p++;
        continue;
      }
      int end = p;
      while (end < n && isWord(text.charAt(end))) {
        end++;
      }
      // a phrase begins with a word character right after a boundary
      if (p == 0 || !wordAt(text, p - Character.charCount(text.codePointBefore(p)))) {
        for (int k = 0; k < phrases.length; k++) {
          if (firstRun[k] == end - p && wordsAt(text, p, phrases[k])) {
            return true;
          }
        }
      }
      p = end;
    }
    return false;
  }

  private static boolean wordsAt(String text, int start, String[] words) {
    int p = start;
    int n = text.length();
    for (int k = 0; k < words.length; k++) {
      String w = words[k];
      int end = p + w.length();
      if (end > n || !asciiIgnoreCase(text, p, w) || end < n && wordAt(text, end)) {
        return false;
      }
      if (k + 1 < words.length) {
        // one or more non-word characters, then the next word where they end
        p = end;
        while (p < n && !isWord(text.charAt(p))) {
          p++;
        }
        if (p == end) {
          return false;
        }
      }
    }
    return true;
  }

  /** The text at {@code from} equals the lower-case word, ASCII letters in either case. */
  private static boolean asciiIgnoreCase(String text, int from, String word) {
    for (int i = 0; i < word.length(); i++) {
      char c = text.charAt(from + i);
      char w = word.charAt(i);
      if (c != w && !(c >= 'A' && c <= 'Z' && c + ('a' - 'A') == w)) {
        return false;
      }
    }
    return true;
  }

  private boolean[] noChangeHit = new boolean[0];

  /** Scores every incident of the index; {@code texts} gives each incident's narrative. */
  void score(IncidentText index, java.util.function.IntFunction<String> texts) throws IOException {
    int incidents = index.size();
    boolean[] hits = new boolean[incidents];
    java.util.stream.IntStream.range(0, incidents)
        .parallel()
        .forEach(
            i -> {
              String text = texts.apply(i);
              hits[i] =
                  noChangeWords != null
                      ? matchesStrict(text, noChangeWords)
                      : noChange.matcher(text).find();
            });
    noChangeHit = hits;
    // change language: words up to three positions apart; an outside cause: four
    java.util.BitSet c = index.matchingAny(changeWords, 3, synonyms);
    java.util.BitSet e = index.matchingAny(externalWords, 4, synonyms);
    changeHit = new boolean[incidents];
    externalHit = new boolean[incidents];
    for (int i = 0; i < incidents; i++) {
      changeHit[i] = c.get(i);
      externalHit[i] = e.get(i);
    }
  }

  boolean change(int incident) {
    return incident < changeHit.length && changeHit[incident];
  }

  boolean external(int incident) {
    return incident < externalHit.length && externalHit[incident];
  }

  /** Whether the text says nothing changed; a pattern over the text (see the class note). */
  boolean noChange(int incident) {
    return incident < noChangeHit.length && noChangeHit[incident];
  }

  /**
   * What the text says, as the reason a link gives when no reference backs it: an outside cause
   * first, then "nothing changed", then change language, else silence. Only the words of the reason
   * given are looked for in the text (a pattern search), so the reason costs one search at most.
   */
  Reason reason(int incident, String text) {
    if (external(incident)) {
      return Reason.of(
          Reason.Code.TEXT_EXTERNAL_CAUSE, "word", quote(external, externalFirst, text));
    }
    // negations ("no deploys", "nothing changed") lose their "no" to stop-word removal in
    // the index, so they are matched on the text itself
    if (noChange(incident)) {
      return Reason.of(Reason.Code.TEXT_NO_CHANGE, "word", quote(noChange, noChangeFirst, text));
    }
    if (change(incident)) {
      return Reason.of(Reason.Code.TEXT_CHANGE, "word", quote(change, changeFirst, text));
    }
    return Reason.of(Reason.Code.TEXT_SILENT);
  }

  /**
   * The first match of the phrases' pattern in the text, or "". The pattern is tried from the first
   * place where a phrase's first word stands (ignoring case), not from every character: no match
   * can begin before it, and none at all when no first word is in the text.
   */
  static String quote(Pattern p, String[] firstWords, String text) {
    int from = earliestStart(text, firstWords);
    if (from < 0) {
      return "";
    }
    Matcher m = p.matcher(text);
    return m.find(from) ? m.group() : "";
  }

  /**
   * The first index at which one of the words stands in the text, ignoring case; -1 when none does.
   * Found in the text in lower case, whose indexes are the text's when lowering kept its length
   * (otherwise 0: from the start).
   */
  private static int earliestStart(String text, String[] firstWords) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.length() != text.length()) {
      return 0;
    }
    int earliest = -1;
    for (String w : firstWords) {
      int at = lower.indexOf(w);
      if (at >= 0 && (earliest < 0 || at < earliest)) {
        earliest = at;
      }
    }
    return earliest;
  }

  /** The first word of each phrase, as {@link #alternation} splits it. */
  static String[] firstWords(List<String> phrases) {
    String[] out = new String[phrases.size()];
    for (int k = 0; k < out.length; k++) {
      out[k] = phrases.get(k).toLowerCase(Locale.ROOT).strip().split("\\s+")[0];
    }
    return out;
  }

  /**
   * Phrases as a pattern. Loose: word endings vary and up to three words may come between (for
   * quoting what an index query found). Strict: exact words, in order, next to each other (for
   * negations: quoted by it, and decided by {@link #matchesStrict} when their words allow).
   */
  static Pattern alternation(List<String> words, boolean loose) {
    List<String> parts = new ArrayList<>();
    for (String w : words) {
      StringBuilder sb = new StringBuilder();
      for (String token : w.toLowerCase(Locale.ROOT).strip().split("\\s+")) {
        if (sb.length() > 0) {
          sb.append(loose ? "(?:\\W+\\w+){0,3}?\\W+" : "\\W+");
        }
        sb.append(Pattern.quote(token)).append(loose ? "\\w*" : "\\b");
      }
      parts.add(sb.toString());
    }
    if (parts.isEmpty()) {
      return Pattern.compile("(?!)");
    }
    return Pattern.compile("\\b(?:" + String.join("|", parts) + ")", Pattern.CASE_INSENSITIVE);
  }
}
