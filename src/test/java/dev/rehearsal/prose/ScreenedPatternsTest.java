package dev.rehearsal.prose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.analysis.WriteupsCorpus;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The set-aside rules tried only on clauses that pass their screens ({@link Screen}) answer as the
 * rules alone: on a clause written for each alternative of each pattern (a screen missing one of
 * them fails here), on every sentence and clause of the shipped write-ups, and on random clauses
 * made of the patterns' own words, in upper, lower and mixed case.
 */
public class ScreenedPatternsTest {

  /** One clause per alternative of NotTheCause's and CauseSentences' patterns, in their order. */
  private static final List<String> EACH_ALTERNATIVE =
      List.of(
          // ruled out
          "The cache change was ruled out",
          "We could rule it out quickly",
          "Rules that out",
          "The deploy was excluded early",
          "The flags were excluded",
          "excluded as a cause",
          "it was not the culprit",
          "not the root cause",
          "not caused by the migration",
          "not triggered by the deploy",
          "not introduced by v2",
          "not related to the release",
          "an unrelated change",
          "the patch is innocent",
          "a red herring",
          "a false lead",
          "a false alarm",
          "the rollout played no part",
          "the config had no role",
          "no part in the outage",
          "it did not cause the errors",
          "it didn't cause anything",
          "does not explain the spike",
          "doesn't explain it",
          "the release was not involved",
          "is not responsible",
          "were not related",
          "are not to blame",
          "was not at fault",
          "that was not it",
          "isn't involved",
          "wasn't responsible",
          "weren't related",
          "aren't to blame",
          "wasn't at fault",
          "sadly that wasn't it",
          "not to blame",
          "not at fault",
          "not guilty",
          "nothing to do with the deploy",
          "no link to the release",
          "no connection with it",
          "no correlation at all",
          "a coincidence",
          "purely coincidental",
          "it only touched the docs",
          "had been live for days",
          "has been running for weeks",
          "have been out for months",
          "had been in production for days",
          "went out hours before",
          "was live days earlier",
          "were deployed weeks before",
          "was shipped hours earlier",
          "long before the first error",
          "long before the incident",
          "the change was exonerated",
          "cleared of blame",
          "the build got cleared",
          "the deploy was off the hook",
          "we are in the clear",
          "the graphs say otherwise",
          "the logs showed otherwise",
          "the data proved otherwise",
          "it turned out not to matter",
          "turned out to be unrelated",
          "turned out to be fine",
          "turned out to be innocent",
          "turned out to be harmless",
          "it was eliminated",
          "it was dismissed",
          "it was discounted",
          "not the Tuesday rollout either",
          "not that config change either",
          // no effect
          "a no-op",
          "a noop change",
          "it was harmless",
          "a benign change",
          "irrelevant here",
          "not involved",
          "so not it.",
          "it's not that!",
          "it is not it",
          "reverted, not it.",
          "reverted it, not that",
          "so no",
          "the canary says no",
          "we moved on",
          "the lead was discarded",
          "excluded: the flag",
          "cleared after review",
          "cleared by the team",
          "cleared on Monday",
          "cleared once rolled back",
          "crossed it off",
          "crossed off the list",
          "can't be this",
          "cant be it",
          "cannot be that",
          "nothing there",
          "nothing in it that could",
          "nothing that could",
          "it's fine",
          "is fine",
          "been running cleanly since March",
          "is clean",
          "it's clean",
          "ruled the deploy out",
          "ruled new deploys out",
          "no change in errors",
          "no difference in the error rate",
          "no improvement in failures",
          "made no difference",
          "didn't help",
          "did not help",
          "errors unchanged",
          "error continued",
          "error rate kept coming",
          "failures persisted",
          "failures persist",
          "same errors with the revert",
          "same failures,still",
          "errors also appeared",
          "failures also show",
          "without a single error",
          "without any issues",
          "without problems",
          "only touches the readme",
          "only touched docs",
          "only changes the tests",
          "only changed logging",
          "only adds metrics",
          "only added comments",
          "changes only the admin UI",
          "only a readme fix",
          "only a CI tweak",
          "a docs-only change",
          "a test-only change",
          "in another module",
          "a different service",
          "a different module",
          "test-scope only",
          "comments only",
          "not this service",
          "not our service",
          "the timing is wrong",
          "timing doesn't fit",
          "timing does not fit",
          "the timeline doesn't fit",
          "timeline does not fit",
          "it doesn't line up",
          "did not line up",
          "after the errors had already begun",
          "after the errors began",
          "after the errors started",
          // found normal
          "nothing out of the ordinary",
          "nothing unusual",
          "nothing abnormal",
          "nothing suspicious",
          "nothing relevant",
          "nothing stood out",
          "nothing changed",
          "nothing new",
          "CPU looked normal",
          "latency looks fine",
          "look healthy",
          "memory was flat",
          "checks were green",
          "queue is quiet",
          "logs are unremarkable",
          "disk stayed as expected",
          "GC remained nominal",
          "it seemed ok",
          "it seems okay",
          "all green",
          "flat",
          "unremarkable",
          "not significant",
          "insignificant",
          "as usual",
          "the repo had no commits",
          "has no changes",
          "have no deploys",
          "with no deployments",
          "saw no commits",
          "were no changes",
          "was no deploys",
          "probably not");

  @Test
  void eachAlternativeMatchesAndItsScreenLetsItThrough() {
    List<String> missed = new ArrayList<>();
    for (String clause : EACH_ALTERNATIVE) {
      for (String c : List.of(clause, clause.toUpperCase(java.util.Locale.ROOT))) {
        if (!CauseSentences.setsAsideUnscreened(c)) {
          missed.add("the rule does not set aside \"" + c + "\"");
        } else if (!CauseSentences.setsAside(c)) {
          missed.add("the screen stops \"" + c + "\"");
        }
      }
    }
    assertEquals(List.of(), missed);
  }

  @Test
  void onTheWriteupsTheScreenedRulesAnswerAsTheRules() {
    int clauses = 0;
    int setAside = 0;
    for (WriteupsCorpus.Writeup w : WriteupsCorpus.shipped()) {
      for (String c : clausesOf(w.title() + "\n" + w.text())) {
        clauses++;
        boolean rule = CauseSentences.setsAsideUnscreened(c);
        setAside += rule ? 1 : 0;
        assertEquals(rule, CauseSentences.setsAside(c), "\"" + c + "\"");
        assertEquals(NotTheCause.saysUnscreened(c), NotTheCause.says(c), "\"" + c + "\"");
      }
    }
    assertTrue(clauses > 5_000 && setAside > 100, clauses + " clauses, " + setAside + " set aside");
  }

  @Test
  void onRandomClausesOfThePatternsOwnWordsTheScreenedRulesAnswerAsTheRules() {
    List<String> words = new ArrayList<>();
    for (String clause : EACH_ALTERNATIVE) {
      for (String w : clause.split(" ")) {
        words.add(w);
      }
    }
    words.addAll(List.of("the", "staging", "prod", "errors", "a", "it", "İt", "\u212Aept", "ÉTÉ"));
    String[] glue = {" ", " ", " ", ", ", "; ", ": ", " - ", ". ", "'", "-", ""};
    Random r = new Random(20261206);
    int setAside = 0;
    for (int k = 0; k < 100_000; k++) {
      StringBuilder c = new StringBuilder();
      int n = 1 + r.nextInt(7);
      for (int j = 0; j < n; j++) {
        String w = words.get(r.nextInt(words.size()));
        int kase = r.nextInt(4);
        c.append(
            kase == 0
                ? w.toUpperCase(java.util.Locale.ROOT)
                : kase == 1 ? capitalised(w) : w.toLowerCase(java.util.Locale.ROOT));
        c.append(glue[r.nextInt(glue.length)]);
      }
      String clause = c.toString();
      boolean rule = CauseSentences.setsAsideUnscreened(clause);
      setAside += rule ? 1 : 0;
      assertEquals(rule, CauseSentences.setsAside(clause), "\"" + clause + "\"");
      assertEquals(
          NotTheCause.saysUnscreened(clause), NotTheCause.says(clause), "\"" + clause + "\"");
    }
    assertTrue(setAside > 10_000, setAside + " of the random clauses set aside");
  }

  private static String capitalised(String w) {
    return w.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1);
  }

  private static final Pattern PIECES = Pattern.compile("[^.!?\\n]+[.!?]?|(?<=[,;])[^,;.!?\\n]+");

  /** The text's sentences, and the pieces between its commas and semicolons. */
  public static List<String> clausesOf(String text) {
    List<String> out = new ArrayList<>();
    for (String sentence : text.split("(?<=[.!?])\\s+|\\n")) {
      if (sentence.isBlank()) {
        continue;
      }
      out.add(sentence);
      for (String piece : sentence.split("[,;]|\\b(but|however|although|though|yet)\\b")) {
        if (!piece.isBlank()) {
          out.add(piece);
        }
      }
    }
    Matcher m = PIECES.matcher(text);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }
}
