package dev.rehearsal.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.analysis.References.Ref;
import dev.rehearsal.analysis.References.Type;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReferencesTest {
  private static final String WIDE = "İİİİ deploy v1.2.3 ab12cd3 https://x.example/a";

  private static List<String> values(String text, Type type) {
    return References.extract(text).stream().filter(r -> r.type() == type).map(Ref::value).toList();
  }

  @Test
  void commitShasNeedLettersAndDigitsAndAreLowerCased() {
    assertEquals(
        List.of("3f9a1c2d"),
        values("Caused by 3F9a1c2d in checkout; deadbeef and 1234567 are not", Type.SHA));
  }

  @Test
  void shaInsideAUrlIsTheUrlNotASha() {
    String text = "see https://github.com/acme/shop/commit/ab12cd34ef56 for the diff.";
    assertEquals(
        List.of("https://github.com/acme/shop/commit/ab12cd34ef56"), values(text, Type.URL));
    assertEquals(List.of(), values(text, Type.SHA));
  }

  @Test
  void versionsAreNormalisedAndMeasuresAreNot() {
    assertEquals(
        List.of("2.14.3", "3.1.0-rc.1"),
        values(
            "Deployed v2.14.3 then 3.1.0-rc.1; " + "error rate 99.9% and 2.5x latency, took 3.5 s",
            Type.VERSION));
  }

  @Test
  void rollbackTargetIsKeptApartFromTheCulprit() {
    String text = "v2.15.0 broke login; we rolled back to v2.14.2 at 10:04";
    assertEquals(List.of("2.14.2"), values(text, Type.ROLLBACK_TARGET));
    assertEquals(List.of("2.15.0"), values(text, Type.VERSION));
  }

  @Test
  void anOlderReleasePutOutAgainIsARollbackTarget() {
    assertEquals(
        List.of("3.3.8"), values("We redeployed v3.3.8 to stop it.", Type.ROLLBACK_TARGET));
    assertEquals(
        List.of("2.1.0"),
        values("Restored the previous build 2.1.0 at 10:40.", Type.ROLLBACK_TARGET));
    assertEquals(List.of("1.4.2"), values("Pinned the chart back to 1.4.2.", Type.ROLLBACK_TARGET));
    assertEquals(List.of("7.0"), values("re-deploying release 7.0 fixed it", Type.ROLLBACK_TARGET));
    // going back to a version, said verb first
    for (String back :
        List.of(
            "Reinstated v1.2.3.",
            "Production returned to v1.2.3.",
            "Switched back to v1.2.3 in prod.",
            "Fell back to v1.2.3 on every node.",
            "Pinned the deployment at v1.2.3 pending a fix.")) {
      assertEquals(List.of("1.2.3"), values(back, Type.ROLLBACK_TARGET), back);
      assertEquals(List.of(), values(back, Type.VERSION), back);
    }
    // a version that went out, said with the same words, is not one
    for (String out :
        List.of(
            "Latency returned after v1.2.3 shipped.",
            "The pinned dependency in v1.2.3 broke it.",
            "Errors came back in v1.2.3.",
            // "back to" alone traces a cause as often as it returns to a release
            "The regression traces back to v1.2.3.",
            "Went bad when we moved to v1.2.3.")) {
      assertEquals(List.of(), values(out, Type.ROLLBACK_TARGET), out);
      assertEquals(List.of("1.2.3"), values(out, Type.VERSION), out);
    }
    // a redeploy of something that is not a version, and a version restored to nothing, are not
    assertEquals(List.of(), values("We redeployed 3 pods on v3.3.9.", Type.ROLLBACK_TARGET));
    assertEquals(List.of("3.3.9"), values("We redeployed 3 pods on v3.3.9.", Type.VERSION));
    assertEquals(List.of(), values("Restoring service took 40 minutes.", Type.ROLLBACK_TARGET));
  }

  @Test
  void whatWasRolledMayBeNamedBeforeTheVersionItWentTo() {
    assertEquals(List.of("6.31.3"), values("Rolled production to v6.31.3.", Type.ROLLBACK_TARGET));
    assertEquals(List.of(), values("Rolled production to v6.31.3.", Type.VERSION));
    assertEquals(
        List.of("1.4.2"), values("We rolled prod and canary to 1.4.2.", Type.ROLLBACK_TARGET));
    // rolled out, forward or the deploy to a version: that version went out
    for (String forward :
        List.of(
            "Rolled out to v2.4.1 at 09:00.",
            "We rolled it out to v2.4.1 at 09:00.",
            "Rolled forward to v2.4.1.",
            "Rolled the deploy to v2.4.1 across regions.")) {
      assertEquals(List.of(), values(forward, Type.ROLLBACK_TARGET), forward);
      assertEquals(List.of("2.4.1"), values(forward, Type.VERSION), forward);
    }
  }

  @Test
  void aReleaseNamedBeforeItIsPutOutAgainIsARollbackTarget() {
    String text = "Began with the latest release. v1.13.6 redeployed as mitigation.";
    assertEquals(List.of("1.13.6"), values(text, Type.ROLLBACK_TARGET));
    assertEquals(List.of(), values(text, Type.VERSION));
    assertEquals(List.of("2.1.0"), values("2.1.0 was restored at 10:40", Type.ROLLBACK_TARGET));
    assertEquals(List.of("4.0.1"), values("v4.0.1 brought back by hand", Type.ROLLBACK_TARGET));
    assertEquals(List.of("2.26.1"), values("v2.26.1 is live again.", Type.ROLLBACK_TARGET));
    assertEquals(
        List.of("5.3.1"), values("5.3.1 back in production at 10:40", Type.ROLLBACK_TARGET));
    assertEquals(List.of("5.3.2"), values("v5.3.2 went live at 09:00", Type.VERSION));
    // the release rolled back names the culprit, the one rolled back to the target
    String rolled = "v2.0.0 rolled back to v1.9.4";
    assertEquals(List.of("2.0.0"), values(rolled, Type.VERSION));
    assertEquals(List.of("1.9.4"), values(rolled, Type.ROLLBACK_TARGET));
    // a version that merely precedes other words stays a cited version
    assertEquals(List.of("3.2.0"), values("v3.2.0 restarted every pod", Type.VERSION));
  }

  @Test
  void pullAndMergeRequestNumbers() {
    assertTrue(
        values("Introduced by PR #482 (and pull request 17); MR !9", Type.ID)
            .containsAll(List.of("pr:482", "mr:482", "pr:17", "mr:9")));
    assertTrue(values("see issue #12", Type.ID).contains("pr:12"));
    assertEquals(List.of(), values("price&#12", Type.ID));
    assertEquals(List.of(), values("impressive 404s, empire 12", Type.ID));
  }

  @Test
  void numberedPipelinesAndReleases() {
    List<String> ids = values("Pipeline #88123 and deployment 4521 shipped Release 41", Type.ID);
    assertTrue(
        ids.containsAll(
            List.of("pipeline:88123", "88123", "deploy:4521", "4521", "release:41", "release:v41")),
        ids.toString());
    assertEquals(List.of(), values("rerun 42 times", Type.ID));
  }

  @Test
  void handlesWrittenTightlyOrInOtherCaseAreFound() {
    // a handle is tried only where its first word is followed by what may precede a number;
    // these are the tight forms that test must let through
    List<String> ids =
        values(
            "PR#482, mr9, Pull 17, merge request 5, deployment:4521, "
                + "BUILD ID 77, job#12, run:99, Execution 31337",
            Type.ID);
    assertTrue(
        ids.containsAll(
            List.of(
                "pr:482",
                "mr:9",
                "pr:17",
                "mr:5",
                "deploy:4521",
                "4521",
                "build:77",
                "job:12",
                "run:99",
                "execution:31337")),
        ids.toString());
    assertEquals(
        List.of(),
        values(
            "production process problem: running jobs released " + "deployed builds 12 times",
            Type.ID));
    assertEquals(
        List.of("1.2.3", "1.2", "2.0", "3.1.4", "1.0"),
        values(
            "Rollback to v1.2.3; "
                + "ROLLED BACK to 1.2; Reverting to v2.0; went back to 3.1.4; downgraded to 1.0",
            Type.ROLLBACK_TARGET));
  }

  @Test
  void charactersThatChangeLengthWhenLowerCasedDoNotShiftPositions() {
    // "İ" lower-cases to two characters; matches are read from the original text
    assertEquals(List.of("1.2.3"), values(WIDE, Type.VERSION));
    assertEquals(List.of("ab12cd3"), values(WIDE, Type.SHA));
    assertEquals(List.of("https://x.example/a"), values(WIDE, Type.URL));
  }

  @Test
  void emptyAndPlainTextsHaveNone() {
    assertEquals(List.of(), References.extract(null));
    assertEquals(List.of(), References.extract(""));
    assertEquals(List.of(), References.extract("Checkout was slow for everyone in the afternoon"));
  }

  private static java.util.Map<String, Boolean> negated(String text) {
    java.util.Map<String, Boolean> out = new java.util.TreeMap<>();
    References.extract(text).forEach(r -> out.put(r.value(), r.negated()));
    return out;
  }

  @Test
  void aReferenceCitedOnlyToRuleItOutIsMarked() {
    assertEquals(
        java.util.Map.of("abc1234", true),
        negated("We looked at abc1234 first. abc1234 was ruled out within minutes."));
    assertEquals(
        java.util.Map.of("2.3", true, "2.4", false),
        negated("The outage was not caused by v2.3; it started with v2.4."));
    assertEquals(
        java.util.Map.of("abc1234", true, "def5678", false),
        negated("We first suspected abc1234, but the real cause was def5678."));
    assertEquals(
        java.util.Map.of("abc1234", false),
        negated("Reverting abc1234 fixed it; it was not tested under load."),
        "a negation about something else leaves the reference alone");
    assertEquals(
        java.util.Map.of("ef425db4c", true),
        negated("ef425db4c looked suspicious but only touched docs."));
    assertEquals(
        java.util.Map.of("2.8.19", true),
        negated("v2.8.19 had been live for days without errors; not the cause."));
    assertEquals(
        java.util.Map.of("mr:1224", true, "pr:1224", true),
        negated("We looked at merge request !1224; it is not involved."));
    assertEquals(
        java.util.Map.of("mr:1224", false, "pr:1224", false, "2.4", true),
        negated("Caused by merge request !1224; v2.4 is not involved."),
        "the clause after the semicolon names its own change");
  }

  @Test
  void theManyWaysOfSayingAChangeIsInnocentMarkIt() {
    for (String text :
        List.of(
            "We cleared abc1234 quickly: it never touches checkout.",
            "abc1234 is off the hook.",
            "abc1234 is in the clear.",
            "Someone pointed at abc1234; the graphs say otherwise.",
            "abc1234 turned out to be harmless.",
            "abc1234 had nothing to do with it.",
            "abc1234 is not to blame.",
            "The spike after abc1234 was a coincidence.",
            "abc1234 went out hours before the first alert.",
            "abc1234 shipped long before the first error.",
            "Not the abc1234 rollout either.",
            "abc1234 was eliminated early.",
            "abc1234 does not explain the latency.")) {
      assertEquals(java.util.Map.of("abc1234", true), negated(text), text);
    }
    for (String text :
        List.of(
            "abc1234 broke the cache; we cleared it by hand later",
            "Rolling back abc1234 fixed it.",
            "abc1234 went out an hour before the errors.",
            "Errors otherwise normal until abc1234 reached production.")) {
      assertEquals(java.util.Map.of("abc1234", false), negated(text), text);
    }
  }

  @Test
  void aChangeFoundToMakeNoDifferenceOrToTouchNothingHereIsMarked() {
    for (String text :
        List.of(
            "Backed out abc1234 on two pods; error rate unchanged.",
            "abc1234 reverted, errors kept coming.",
            "Undoing abc1234 made no difference.",
            "abc1234 only touches the docs folder.",
            "abc1234 is a test-only change.",
            "abc1234 is a no-op in prod, the flag is off.",
            "abc1234 lives in another module.",
            "The timing is wrong for abc1234.",
            "abc1234 does not line up with the first errors.",
            "abc1234 landed after the errors had already begun.",
            "Looked at abc1234, nothing there.",
            "abc1234 can't be it, it only added a dashboard.",
            "abc1234 ran for two days without a single error.",
            "Not abc1234: that diff is whitespace.",
            "Ignoring abc1234, it is a lint fix.",
            "Someone blamed abc1234. Wrong.",
            "We chased abc1234 for an hour. Dead end.",
            "First guess was abc1234, but no.",
            "abc1234 is clean, it ran in prod all weekend.")) {
      assertEquals(java.util.Map.of("abc1234", true), negated(text), text);
    }
    // what an escape's own story says of its change is not a rule-out
    for (String text :
        List.of(
            "abc1234 ran in staging for a week without errors, then broke production.",
            "abc1234 passed staging fine; prod has ten times the rows.",
            "abc1234 went out at 09:40. Errors within minutes.",
            "Reverting abc1234 brought the error rate back to normal.",
            "abc1234 changed the pool size; it is not that simple to undo.",
            // a change that worked until it did not
            "abc1234 looked fine for an hour, then errors climbed.",
            "abc1234 was running cleanly until the evening peak.",
            "abc1234 looked clean in staging; production has real traffic.",
            "abc1234 shipped with no impact at first; by noon the queue was full.")) {
      assertEquals(java.util.Map.of("abc1234", false), negated(text), text);
    }
  }

  @Test
  void aQuotedChangeTitleIsCitedByItsKeyAndACutTitleByItsBeginning() {
    List<Ref> refs =
        References.extract(
            "Errors since the \u201cRefactor cut-off calculation\u201d change went out; "
                + "the PR 'Bump pool size (#481)' is unrelated.");
    List<String> titles = refs.stream().filter(Ref::title).map(Ref::value).toList();
    assertEquals(List.of("title:refactor cut off calculation", "title:bump pool size"), titles);
    assertTrue(
        refs.stream().filter(r -> r.value().equals("title:bump pool size")).allMatch(Ref::negated),
        "cited only to be called unrelated: " + refs);
    assertEquals(
        List.of("title*:refactor cut off"),
        References.extract("since 'Refactor cut-off\u2026' went out").stream()
            .filter(Ref::title)
            .map(Ref::value)
            .toList());
    assertEquals(
        List.of("title:rewrite web reconciliation"),
        References.extract("Most probably \u2039Rewrite web reconciliation\u203a broke it.")
            .stream()
            .filter(Ref::title)
            .map(Ref::value)
            .toList(),
        "a quote needs no change words beside it: only a deploy of that title makes it one");
    assertEquals(
        List.of(),
        References.extract("the customer said \"broken\" twice").stream()
            .filter(Ref::title)
            .toList(),
        "one word is not a title");
  }

  @Test
  void titlesAreQuotedInTheMarksOfAnyLanguageAndCutWithTwoOrThreeDots() {
    for (String[] marks :
        new String[][] {
          {"\u2039", "\u203a"}, {"\u201e", "\u201c"}, {"\u201a", "\u2018"},
          {"\u300c", "\u300d"}, {"\u300e", "\u300f"}, {"\u300a", "\u300b"}
        }) {
      String text =
          "Errors since the "
              + marks[0]
              + "Refactor cut-off calculation"
              + marks[1]
              + " change went out.";
      assertEquals(
          List.of("title:refactor cut off calculation"),
          References.extract(text).stream().filter(Ref::title).map(Ref::value).toList(),
          text);
    }
    assertEquals(
        List.of("title*:refactor cut off"),
        References.extract("since \u300cRefactor cut-off..\u300d went out").stream()
            .filter(Ref::title)
            .map(Ref::value)
            .toList());
  }
}
