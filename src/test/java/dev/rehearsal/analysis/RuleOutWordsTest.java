package dev.rehearsal.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Words learned from the citations whose fate is on record. */
class RuleOutWordsTest {
  private static Set<String> words(String sentence) {
    return RuleOutWords.sentenceWords(sentence, "v1.2.3");
  }

  @Test
  void theSentenceThatHoldsTheHandleGivesItsWordsWithoutTheHandles() {
    String text = "Errors all morning. Someone blamed v1.2.3; the timeline says otherwise. Fixed.";
    assertEquals(Set.of("someone", "blamed", "the", "timeline", "says", "otherwise"), words(text));
    assertEquals(Set.of(), RuleOutWords.sentenceWords(text, "v9.9.9"));
    assertEquals(
        Set.of("since", "the", "change"),
        RuleOutWords.sentenceWords(
            "since the \u201cRefactor cut-off\u201d change", "Refactor cut-off"));
  }

  @Test
  void aWordOfKeptChangesSeldomSeenElsewhereIsLearned() {
    List<RuleOutWords.Example> examples = new ArrayList<>();
    List<Set<String>> all = new ArrayList<>();
    for (int k = 0; k < 6; k++) {
      examples.add(new RuleOutWords.Example(words("Someone blamed v1.2.3 at first."), true));
    }
    for (int k = 0; k < 30; k++) {
      examples.add(new RuleOutWords.Example(words("Errors began after v1.2.3 shipped."), false));
    }
    examples.forEach(e -> all.add(e.words()));
    for (int k = 0; k < 60; k++) {
      all.add(words("Errors began after v1.2.3 shipped."));
    }
    RuleOutWords learned = RuleOutWords.learn(examples, all);
    RuleOutWords.Learned blamed = learned.match(words("Ops blamed v1.2.3 for a while."));
    assertEquals("blamed", blamed.word());
    assertEquals(6, blamed.setAside());
    assertEquals(0, blamed.suspects());
    assertNull(learned.match(words("Errors began after v1.2.3 shipped.")));
    // words both sides use are not learned
    assertTrue(learned.learned().stream().noneMatch(l -> l.word().equals("errors")));
  }

  @Test
  void tooFewKeptChangesOrAWordCommonEverywhereTeachNothing() {
    List<RuleOutWords.Example> few = new ArrayList<>();
    for (int k = 0; k < RuleOutWords.MIN_SEEN - 1; k++) {
      few.add(new RuleOutWords.Example(words("Someone blamed v1.2.3."), true));
    }
    few.add(new RuleOutWords.Example(words("Broke after v1.2.3."), false));
    assertEquals(List.of(), RuleOutWords.learn(few, List.of()).learned());

    // "blamed" marks kept changes in the cases on record, but half of all the workspace's
    // citations say it: it is how this team writes, not a way of setting a change aside
    List<RuleOutWords.Example> examples = new ArrayList<>();
    for (int k = 0; k < 6; k++) {
      examples.add(new RuleOutWords.Example(words("Someone blamed v1.2.3."), true));
    }
    for (int k = 0; k < 30; k++) {
      examples.add(new RuleOutWords.Example(words("Broke after v1.2.3."), false));
    }
    List<Set<String>> all = new ArrayList<>();
    for (int k = 0; k < 100; k++) {
      all.add(words(k % 2 == 0 ? "Someone blamed v1.2.3." : "Broke after v1.2.3."));
    }
    assertNull(RuleOutWords.learn(examples, all).match(words("Someone blamed v1.2.3.")));
  }
}
