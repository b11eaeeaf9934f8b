package dev.rehearsal.analysis;

import dev.rehearsal.index.text.TextTerms;
import dev.rehearsal.model.Evidence;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The passages of a text that hold given words, with those words marked: the text cut into
 * sentences (at a full stop, question or exclamation mark followed by white space, and at line
 * ends), each scored by the distinct words it holds, the best kept in the text's order.
 */
final class Passages {
  /** A passage longer than this is cut around its first marked word. */
  static final int MAX_CHARS = 320;

  private Passages() {}

  /**
   * @param words the words to mark, as terms (stems), each with what it is worth
   * @param max at most this many passages
   */
  static List<Evidence.Passage> around(String text, Map<String, Double> words, int max) {
    if (text == null || text.isEmpty() || words.isEmpty()) {
      return List.of();
    }
    List<TextTerms.Token> tokens = TextTerms.tokens(text);
    List<int[]> sentences = sentences(text);
    List<Candidate> found = new ArrayList<>();
    int k = 0;
    for (int[] s : sentences) {
      List<Evidence.Span> marks = new ArrayList<>();
      Set<String> distinct = new HashSet<>();
      double worth = 0;
      while (k < tokens.size() && tokens.get(k).start() < s[1]) {
        TextTerms.Token t = tokens.get(k++);
        if (t.start() < s[0]) {
          continue;
        }
        Double w = words.get(t.term());
        if (w != null) {
          marks.add(new Evidence.Span(t.start(), t.end()));
          if (distinct.add(t.term())) {
            worth += w;
          }
        }
      }
      if (!marks.isEmpty()) {
        found.add(new Candidate(s[0], s[1], marks, worth));
      }
    }
    found.sort(
        Comparator.comparingDouble((Candidate c) -> -c.worth).thenComparingInt(c -> c.start));
    List<Candidate> best = new ArrayList<>(found.subList(0, Math.min(max, found.size())));
    best.sort(Comparator.comparingInt(c -> c.start));
    List<Evidence.Passage> out = new ArrayList<>();
    for (Candidate c : best) {
      out.add(c.passage(text));
    }
    return out;
  }

  private record Candidate(int start, int end, List<Evidence.Span> marks, double worth) {
    Evidence.Passage passage(String text) {
      int from = start;
      int to = end;
      if (to - from > MAX_CHARS) {
        int first = marks.get(0).start();
        from = Math.max(start, first - MAX_CHARS / 3);
        to = Math.min(end, from + MAX_CHARS);
      }
      // no leading or trailing white space, so marks stay where they are read
      while (from < to && Character.isWhitespace(text.charAt(from))) {
        from++;
      }
      while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
        to--;
      }
      List<Evidence.Span> spans = new ArrayList<>();
      for (Evidence.Span m : marks) {
        if (m.start() >= from && m.end() <= to) {
          spans.add(new Evidence.Span(m.start() - from, m.end() - from));
        }
      }
      return new Evidence.Passage("text", text.substring(from, to), spans);
    }
  }

  /** Sentence boundaries, [start, end), covering the text. */
  static List<int[]> sentences(String text) {
    List<int[]> out = new ArrayList<>();
    int start = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      if (endsSentence(text, i)) {
        out.add(new int[] {start, i + 1});
        start = i + 1;
      }
    }
    if (start < n) {
      out.add(new int[] {start, n});
    }
    return out;
  }

  /**
   * The sentences (as {@link #sentences} finds them) that hold any of the span [from, to), as one
   * span [start, end).
   */
  static int[] sentencesAround(String text, int from, int to) {
    int start = from;
    while (start > 0 && !endsSentence(text, start - 1)) {
      start--;
    }
    int end = Math.max(to, start);
    while (end < text.length() && !endsSentence(text, end)) {
      end++;
    }
    return new int[] {start, Math.min(text.length(), end + 1)};
  }

  /** Whether the character at i ends a sentence: a line break, or . ! ? before white space. */
  private static boolean endsSentence(String text, int i) {
    char c = text.charAt(i);
    return c == '\n'
        || (c == '.' || c == '!' || c == '?') && (i + 1 == text.length() || isSpace(text, i + 1));
  }

  private static boolean isSpace(String text, int i) {
    return Character.isWhitespace(text.charAt(i));
  }
}
