package dev.rehearsal.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The held-out bank shares no sentence and no distinctive phrase with the tuning bank. */
class PhraseBankTest {

  /** Words too common to make a phrase distinctive. */
  private static final Set<String> COMMON =
      Set.of(
          "a", "an", "the", "of", "to", "in", "on", "at", "for", "and", "or", "is", "was", "were",
          "be", "been", "it", "its", "this", "that", "with", "by", "from", "as", "our", "we", "no",
          "not", "so", "but", "has", "had", "have", "after", "before", "into", "out", "up", "one",
          "all", "there", "than", "then", "when", "any", "some", "more", "only", "did", "do", "s",
          "are", "which", "what", "who", "us", "they", "their", "them", "too", "very", "while",
          "once", "about", "over", "under", "until", "off", "again", "still", "never", "also");

  static List<String> tokens(String template) {
    String t = template.toLowerCase(Locale.ROOT).replaceAll("\\{(\\w+)}", " <$1> ");
    List<String> out = new ArrayList<>();
    for (String w : t.split("[^a-z0-9<>]+")) {
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }

  /** Runs of three words with at least two that are not common words. */
  static Set<String> phrases(String template) {
    List<String> w = tokens(template);
    Set<String> out = new HashSet<>();
    for (int i = 0; i + 3 <= w.size(); i++) {
      List<String> g = w.subList(i, i + 3);
      if (g.stream().filter(x -> !COMMON.contains(x)).count() >= 2) {
        out.add(String.join(" ", g));
      }
    }
    return out;
  }

  @Test
  void bankBSharesNoSentenceOrDistinctivePhraseWithBankA() {
    Map<String, String> inA = new TreeMap<>();
    Set<String> sentencesA = new HashSet<>();
    for (PhraseBank.Pool p : PhraseBank.Pool.values()) {
      for (String t : PhraseBank.A.pool(p)) {
        sentencesA.add(String.join(" ", tokens(t)));
        for (String g : phrases(t)) {
          inA.put(g, t);
        }
      }
    }
    List<String> shared = new ArrayList<>();
    for (PhraseBank.Pool p : PhraseBank.Pool.values()) {
      for (String t : PhraseBank.B.pool(p)) {
        String s = String.join(" ", tokens(t));
        if (!s.isEmpty() && sentencesA.contains(s)) {
          shared.add("sentence: " + t);
        }
        for (String g : phrases(t)) {
          if (inA.containsKey(g)) {
            shared.add("'" + g + "' in B: " + t + " | A: " + inA.get(g));
          }
        }
      }
    }
    assertEquals(List.of(), shared, String.join("\n", shared));
  }

  @Test
  void everyPoolHasWordingInBothBanks() {
    for (PhraseBank.Pool p : PhraseBank.Pool.values()) {
      assertTrue(PhraseBank.A.pool(p).stream().anyMatch(s -> !s.isBlank()), "A " + p);
      assertTrue(PhraseBank.B.pool(p).stream().anyMatch(s -> !s.isBlank()), "B " + p);
    }
  }
}
