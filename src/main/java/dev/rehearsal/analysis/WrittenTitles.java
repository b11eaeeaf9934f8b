package dev.rehearsal.analysis;

import dev.rehearsal.util.Texts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The change titles the workspace's deploys carry, found in an incident's words whatever marks, if
 * any, stand around them: "since the Refactor cut-off calculation change", "*Refactor cut-off
 * calculation*", "[Refactor cut-off calculation]". A quoted title is read by {@link References} in
 * the quotation marks it knows; an organisation that writes titles in other marks, or in none,
 * writes the same words. A title is found when the incident's words, compared as {@link
 * Texts#titleKey} compares them (case, punctuation and spacing aside), hold all of it; only titles
 * of {@link #MIN_WORDS} words or more, since a shorter one ("Fix typo") is said in passing.
 */
final class WrittenTitles {
  /** A title shorter than this many words is not looked for outside quotation marks. */
  static final int MIN_WORDS = 3;

  /** One title found: its key and where it stands in the text. */
  record Found(String key, int start, int end) {}

  /** The titles by their first word, each as its words; longest first, then by their words. */
  private final Map<String, List<String[]>> byFirstWord = new HashMap<>();

  private WrittenTitles() {}

  /** No titles: finds nothing. */
  static final WrittenTitles NONE = new WrittenTitles();

  /**
   * The titles with these keys ({@link Texts#titleKey}); keys under {@link #MIN_WORDS} are left.
   */
  static WrittenTitles of(Iterable<String> keys) {
    WrittenTitles t = new WrittenTitles();
    for (String key : keys) {
      String[] words = key.split(" ");
      if (words.length >= MIN_WORDS) {
        t.byFirstWord.computeIfAbsent(words[0], k -> new ArrayList<>(1)).add(words);
      }
    }
    for (List<String[]> l : t.byFirstWord.values()) {
      l.sort(
          java.util.Comparator.<String[]>comparingInt(a -> -a.length)
              .thenComparing(a -> String.join(" ", a)));
    }
    return t;
  }

  /**
   * The titles the text holds, in the order they stand, the longest where two begin at one word; a
   * title found is not looked for again inside itself.
   */
  List<Found> in(String text) {
    if (byFirstWord.isEmpty() || text == null || text.isEmpty()) {
      return List.of();
    }
    List<int[]> spans = wordSpans(text);
    String[] words = new String[spans.size()];
    for (int k = 0; k < words.length; k++) {
      words[k] =
          text.substring(spans.get(k)[0], spans.get(k)[1]).toLowerCase(java.util.Locale.ROOT);
    }
    List<Found> out = new ArrayList<>(0);
    for (int k = 0; k < words.length; k++) {
      List<String[]> titles = byFirstWord.get(words[k]);
      if (titles == null) {
        continue;
      }
      for (String[] title : titles) {
        if (holds(words, k, title)) {
          int end = k + title.length - 1;
          out.add(new Found(String.join(" ", title), spans.get(k)[0], spans.get(end)[1]));
          k = end;
          break;
        }
      }
    }
    return out;
  }

  private static boolean holds(String[] words, int at, String[] title) {
    if (at + title.length > words.length) {
      return false;
    }
    for (int j = 1; j < title.length; j++) {
      if (!words[at + j].equals(title[j])) {
        return false;
      }
    }
    return true;
  }

  /** The runs of letters and digits of a text, as {@link Texts#titleKey} splits a title. */
  private static List<int[]> wordSpans(String text) {
    List<int[]> out = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= text.length(); i++) {
      boolean word = i < text.length() && Character.isLetterOrDigit(text.charAt(i));
      if (word && start < 0) {
        start = i;
      } else if (!word && start >= 0) {
        out.add(new int[] {start, i});
        start = -1;
      }
    }
    return out;
  }
}
