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

  @Test
  void aCitationWrittenLikeOneAReviewerSetAsideIsSetAside() {
    RuleOutWords none = RuleOutWords.learn(List.of(), List.of());
    List<RuleOutWords.Reviewed> decided =
        List.of(
            // incident 1's reviewer left out the change cited this way...
            new RuleOutWords.Reviewed(
                words("We looked at v1.2.3 first, but the diff only renames a flag."), true, 1),
            // ...and linked the one cited this way in incident 2
            new RuleOutWords.Reviewed(
                words("The errors started right after v1.2.3 reached production."), false, 2));
    RuleOutWords learned = none.withReviewed(decided);
    RuleOutWords.Learned like =
        learned.like(words("We looked at v1.2.3 first, but the diff only renames a class."), 7);
    assertEquals(1, like.likeIncident());
    // seven words of the nine either holds
    assertEquals(7.0 / 9, like.similarity(), 1e-9);
    // written like the linked citation: not set aside
    assertNull(learned.like(words("The errors started right after v1.2.3 reached the canary."), 7));
    // too little alike
    assertNull(learned.like(words("We rolled v1.2.3 back at noon."), 7));
    // not read against the incident's own review
    assertNull(
        learned.like(words("We looked at v1.2.3 first, but the diff only renames a class."), 1));
  }

  @Test
  void aSentenceAsLikeALinkedCitationAsASetAsideOneSetsNothingAside() {
    List<RuleOutWords.Reviewed> decided =
        List.of(
            new RuleOutWords.Reviewed(words("Version v1.2.3 went out at noon."), true, 1),
            new RuleOutWords.Reviewed(words("Version v1.2.3 went out at noon."), false, 2));
    RuleOutWords learned = RuleOutWords.learn(List.of(), List.of()).withReviewed(decided);
    assertNull(learned.like(words("Version v1.2.3 went out at noon."), 7));
    // only linked citations reviewed: nothing to set aside with
    RuleOutWords linkedOnly =
        RuleOutWords.learn(List.of(), List.of()).withReviewed(List.of(decided.get(1)));
    assertTrue(linkedOnly.isEmpty());
  }
}
