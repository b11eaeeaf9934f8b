package dev.rehearsal.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The held-out banks share no sentence and no distinctive phrase with the tuning bank, nor bank C
 * with bank B.
 */
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

  /** Sentences and distinctive phrases of {@code other} that {@code bank} also holds. */
  static List<String> shared(PhraseBank bank, PhraseBank other) {
    Map<String, String> inOther = new TreeMap<>();
    Set<String> sentencesOther = new HashSet<>();
    for (PhraseBank.Pool p : PhraseBank.Pool.values()) {
      for (String t : other.pool(p)) {
        sentencesOther.add(String.join(" ", tokens(t)));
        for (String g : phrases(t)) {
          inOther.put(g, t);
        }
      }
    }
    List<String> shared = new ArrayList<>();
    for (PhraseBank.Pool p : PhraseBank.Pool.values()) {
      for (String t : bank.pool(p)) {
        String s = String.join(" ", tokens(t));
        if (!s.isEmpty() && sentencesOther.contains(s)) {
          shared.add("sentence: " + t);
        }
        for (String g : phrases(t)) {
          if (inOther.containsKey(g)) {
            shared.add(
                "'"
                    + g
                    + "' in "
                    + bank.name
                    + ": "
                    + t
                    + " | "
                    + other.name
                    + ": "
                    + inOther.get(g));
          }
        }
      }
    }
    return shared;
  }

  @Test
  void bankBSharesNoSentenceOrDistinctivePhraseWithBankA() {
    List<String> shared = shared(PhraseBank.B, PhraseBank.A);
    assertEquals(List.of(), shared, String.join("\n", shared));
  }

  @Test
  void bankCSharesNoSentenceOrDistinctivePhraseWithBankA() {
    List<String> shared = shared(PhraseBank.C, PhraseBank.A);
    assertEquals(List.of(), shared, String.join("\n", shared));
  }

  @Test
  void bankCSharesNoSentenceOrDistinctivePhraseWithBankB() {
    List<String> shared = shared(PhraseBank.C, PhraseBank.B);
    assertEquals(List.of(), shared, String.join("\n", shared));
  }

  @Test
  void everyPoolHasWordingInEveryBank() {
    for (PhraseBank.Pool p : PhraseBank.Pool.values()) {
      assertTrue(PhraseBank.A.pool(p).stream().anyMatch(s -> !s.isBlank()), "A " + p);
      assertTrue(PhraseBank.B.pool(p).stream().anyMatch(s -> !s.isBlank()), "B " + p);
      assertTrue(PhraseBank.C.pool(p).stream().anyMatch(s -> !s.isBlank()), "C " + p);
    }
  }

  @Test
  void eachBankIsReachedThroughItsStyleBank() {
    assertSame(PhraseBank.A, PhraseBank.of(Style.Bank.A));
    assertSame(PhraseBank.B, PhraseBank.of(Style.Bank.B));
    assertSame(PhraseBank.C, PhraseBank.of(Style.Bank.C));
    assertEquals("C", PhraseBank.C.name);
  }

  @Test
  void withBankChangesOnlyTheBank() {
    for (Style s : Style.heldOut()) {
      Style c = s.withBank(Style.Bank.C);
      assertEquals(Style.Bank.C, c.bank());
      assertEquals(s.name(), c.name());
      assertEquals(s.split(), c.split());
      assertEquals(s, c.withBank(s.bank()));
    }
  }

  /** Bank C fills each pool with the slots banks A and B use there, and no others. */
  @Test
  void bankCUsesOnlySlotsTheOtherBanksUseInEachPool() {
    java.util.regex.Pattern slot = java.util.regex.Pattern.compile("\\{(\\w+)}");
    List<String> wrong = new ArrayList<>();
    for (PhraseBank.Pool p : PhraseBank.Pool.values()) {
      Set<String> known = new HashSet<>();
      for (String t : PhraseBank.A.pool(p)) {
        slot.matcher(t).results().forEach(m -> known.add(m.group(1)));
      }
      for (String t : PhraseBank.B.pool(p)) {
        slot.matcher(t).results().forEach(m -> known.add(m.group(1)));
      }
      for (String t : PhraseBank.C.pool(p)) {
        slot.matcher(t)
            .results()
            .filter(m -> !known.contains(m.group(1)))
            .forEach(m -> wrong.add(p + ": {" + m.group(1) + "} in " + t));
      }
    }
    assertEquals(List.of(), wrong, String.join("\n", wrong));
  }
}
