package dev.rehearsal.analysis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * Whether each incident's text speaks of a change ("after the release", "rolled back") or of a
 * cause outside any change ("the certificate expired", "provider outage"). Decided by Lucene
 * phrase queries (stemmed, words up to three positions apart) over all incidents at once; a
 * regular expression finds the words to quote in the reasons, and the negations ("no
 * deploys", "nothing changed") whose "no" the index does not keep.
 */
final class TextCues {
  /** What one incident's text says. */
  record Result(boolean change, String changeWord, boolean external, String externalWord,
      boolean noChange, String noChangeWord) {}

  private final List<Query> changeQueries;
  private final List<Query> externalQueries;
  private final Pattern change;
  private final Pattern external;
  private final Pattern noChange;
  private boolean[] changeHit = new boolean[0];
  private boolean[] externalHit = new boolean[0];

  TextCues(List<String> changeWords, List<String> externalWords, List<String> noChangeWords,
      List<List<String>> synonyms) {
    this.changeQueries = GapQueries.phraseClauses(changeWords, 3, synonyms);
    this.externalQueries = GapQueries.phraseClauses(externalWords, 4, synonyms);
    this.change = alternation(changeWords, true);
    this.external = alternation(externalWords, true);
    this.noChange = alternation(noChangeWords, false);
    this.noChangeWords = words(noChangeWords);
  }

  /**
   * Each strict phrase as its runs of word characters, lower case; null for a phrase with a
   * word that starts or ends with another character (then only the pattern can tell).
   */
  private final String[][] noChangeWords;

  private static String[][] words(List<String> phrases) {
    String[][] out = new String[phrases.size()][];
    for (int k = 0; k < out.length; k++) {
      String phrase = phrases.get(k).toLowerCase(Locale.ROOT).strip();
      boolean plain = !phrase.isEmpty();
      for (String token : phrase.split("\\s+")) {
        plain &= !token.isEmpty() && isWord(token.charAt(0))
            && isWord(token.charAt(token.length() - 1));
      }
      out[k] = plain ? phrase.split("[^a-z0-9_]+") : null;
    }
    return out;
  }

  /** A word character as the pattern {@code \w} sees it (ASCII letters, digits, underscore). */
  private static boolean isWord(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
  }

  /**
   * Whether the text has the words of one of the phrases in order, each a whole run of word
   * characters, separated by other characters: true whenever the strict pattern of those
   * phrases matches. The pattern then runs only on the texts that pass, a few in a hundred,
   * instead of on every incident's text (in a fresh JVM the compiler spent close to a second
   * on the pattern engine's code before linking could be compiled).
   */
  static boolean hasWords(String text, String[][] phrases) {
    for (String[] words : phrases) {
      if (words == null) {
        return true;
      }
    }
    int n = text.length();
    int p = 0;
    while (p < n) {
      // the next run of word characters: [p, end)
      while (p < n && !isWord(text.charAt(p))) {
        p++;
      }
      int end = p;
      while (end < n && isWord(text.charAt(end))) {
        end++;
      }
      int len = end - p;
      if (len > 0) {
        for (String[] words : phrases) {
          // a phrase can start here only with a first word of this run's length
          if (words.length > 0 && words[0].length() == len && wordsAt(text, p, words)) {
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
      if (end > n || !text.regionMatches(true, p, w, 0, w.length())
          || end < n && isWord(text.charAt(end))) {
        return false;
      }
      if (k + 1 < words.length) {
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

  private boolean[] noChangeHit = new boolean[0];

  /** Scores every incident of the index; {@code texts} gives each incident's narrative. */
  void score(IndexSearcher s, int[] docToIncident, int incidents,
      java.util.function.IntFunction<String> texts) throws IOException {
    boolean[] hits = new boolean[incidents];
    java.util.stream.IntStream.range(0, incidents).parallel().forEach(i -> {
      String text = texts.apply(i);
      // every negation the list holds starts with one of a few words: test those cheaply
      hits[i] = mayNegate(text) && hasWords(text, noChangeWords)
          && noChange.matcher(text).find();
    });
    noChangeHit = hits;
    java.util.BitSet c = IncidentScores.matchingAny(s, changeQueries, docToIncident);
    java.util.BitSet e = IncidentScores.matchingAny(s, externalQueries, docToIncident);
    changeHit = new boolean[incidents];
    externalHit = new boolean[incidents];
    for (int i = 0; i < incidents; i++) {
      changeHit[i] = c.get(i);
      externalHit[i] = e.get(i);
    }
  }

  private static boolean mayNegate(String text) {
    for (int i = 0; i + 2 < text.length(); i++) {
      char c = text.charAt(i);
      if ((c == 'n' || c == 'N') && (i == 0 || !Character.isLetter(text.charAt(i - 1)))) {
        char c1 = Character.toLowerCase(text.charAt(i + 1));
        if (c1 == 'o') {
          return true; // "no", "nothing", "not"
        }
      } else if ((c == 'p' || c == 'P' || c == 'f' || c == 'F' || c == 'd' || c == 'D'
          || c == 'c' || c == 'C') && (i == 0 || !Character.isLetter(text.charAt(i - 1)))) {
        String rest = text.substring(i, Math.min(text.length(), i + 7)).toLowerCase(
            java.util.Locale.ROOT);
        if (rest.startsWith("paused") || rest.startsWith("freeze") || rest.startsWith("deploys")
            || rest.startsWith("code fr") || rest.startsWith("change ")) {
          return true;
        }
      }
    }
    return false;
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

  Result at(int incident, String text) {
    boolean hc = incident < changeHit.length && changeHit[incident];
    boolean he = incident < externalHit.length && externalHit[incident];
    // negations ("no deploys", "nothing changed") lose their "no" to stop-word removal in
    // the index, so they are matched on the text itself
    boolean hn = noChange(incident);
    String nw = hn ? quote(noChange, text) : "";
    return new Result(hc, hc ? quote(change, text) : "", he, he ? quote(external, text) : "",
        hn, nw);
  }

  private static String quote(Pattern p, String text) {
    Matcher m = p.matcher(text);
    return m.find() ? m.group() : "";
  }

  /**
   * Phrases as a pattern. Loose: word endings vary and up to three words may come between
   * (for quoting what an index query found). Strict: exact words, in order, next to each other
   * (for negations, which only the pattern decides).
   */
  private static Pattern alternation(List<String> words, boolean loose) {
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
    return Pattern.compile("\\b(?:" + String.join("|", parts) + ")",
        Pattern.CASE_INSENSITIVE);
  }
}
