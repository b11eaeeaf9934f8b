package dev.rehearsal.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.prose.CauseSentences;
import dev.rehearsal.prose.NotTheCause;
import dev.rehearsal.prose.ScreenedPatternsTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The set-aside rules tried only on clauses that pass their screens answer as the rules alone on
 * every template of every phrase bank the generator writes with (ScreenedPatternsTest holds them to
 * the rules on real write-ups and random clauses).
 */
class PhraseBanksScreenTest {

  @Test
  void onEveryTemplateOfEveryBankTheScreenedRulesAnswerAsTheRules() {
    int clauses = 0;
    int setAside = 0;
    for (PhraseBank bank :
        List.of(
            PhraseBank.A, PhraseBank.B, PhraseBank.C, PhraseBank.D, PhraseBank.E, PhraseBank.F)) {
      for (PhraseBank.Pool pool : PhraseBank.Pool.values()) {
        for (String template : bank.pool(pool)) {
          for (String c : ScreenedPatternsTest.clausesOf(template)) {
            clauses++;
            boolean rule = CauseSentences.setsAsideUnscreened(c);
            setAside += rule ? 1 : 0;
            assertEquals(rule, CauseSentences.setsAside(c), bank.name + ": \"" + c + "\"");
            assertEquals(
                NotTheCause.saysUnscreened(c), NotTheCause.says(c), bank.name + ": \"" + c + "\"");
          }
        }
      }
    }
    assertTrue(clauses > 1_000 && setAside > 50, clauses + " clauses, " + setAside + " set aside");
  }
}
