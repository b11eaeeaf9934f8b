package dev.rehearsal.prose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CauseSentencesTest {

  @Test
  void setsAsideWhatWasCheckedAndFoundNormal() {
    CauseSentences.Split s =
        CauseSentences.of(
            "CPU on two nodes was a bit high, probably unrelated. Config repo had no commits that"
                + " day. Checked the DB slow log: nothing out of the ordinary. The new query scans"
                + " the whole orders table.");
    assertEquals(
        List.of(
            "CPU on two nodes was a bit high, probably unrelated.",
            "Config repo had no commits that day.",
            "Checked the DB slow log: nothing out of the ordinary."),
        s.setAside());
    assertEquals("The new query scans the whole orders table.", s.kept());
  }

  @Test
  void setsAsideTheRemedyAndTheFollowUp() {
    CauseSentences.Split s =
        CauseSentences.of(
            "Postmortem summary: staging containers get 4Gi, prod ones 1Gi. Toggled the flag off"
                + " via the admin UI. Next: a weekly diff of env configs.\nAI-1 alert on queue"
                + " depth; AI-2 load tests before release.");
    assertEquals(
        List.of(
            "Toggled the flag off via the admin UI.",
            "Next: a weekly diff of env configs.",
            "AI-1 alert on queue depth; AI-2 load tests before release."),
        s.setAside());
    assertTrue(s.kept().startsWith("Postmortem summary: staging containers get 4Gi"), s.kept());
  }

  @Test
  void aFollowUpMayNameWhereItIsTrackedBeforeItsColon() {
    CauseSentences.Split s =
        CauseSentences.of(
            "The import wrote dates as 1970.\nFollow-ups tracked in the incident epic: realistic"
                + " dataset before release.\nAction items for Q3: seed staging from a masked"
                + " copy.\nActionable alerts: none fired.");
    assertEquals(
        List.of(
            "Follow-ups tracked in the incident epic: realistic dataset before release.",
            "Action items for Q3: seed staging from a masked copy."),
        s.setAside());
    assertTrue(s.kept().contains("Actionable alerts: none fired."), s.kept());
  }

  @Test
  void aButStartsAClauseOfItsOwn() {
    CauseSentences.Split s =
        CauseSentences.of(
            "The load test looked fine, but production peaked at ten times what it sent.");
    assertEquals(List.of("The load test looked fine"), s.setAside());
    assertTrue(s.kept().contains("but production peaked at ten times"), s.kept());
  }

  @Test
  void theLinesUnderAnActionItemsHeadingAreSetAside() {
    CauseSentences.Split s =
        CauseSentences.of(
            "## Root cause\nThe migration locked the sessions table.\n## Action items\n- add a"
                + " config diff to the pipeline\n- load test the checkout\n## Timeline\n09:40 paged");
    assertEquals(
        List.of("- add a config diff to the pipeline", "- load test the checkout"), s.setAside());
    assertTrue(s.kept().contains("The migration locked the sessions table."), s.kept());
    assertTrue(s.kept().contains("09:40 paged"), "a later heading ends the section: " + s.kept());
  }

  @Test
  void aTextThatTellsOnlyTheCauseIsKeptAsItIs() {
    String text = "Ingress in production has a 30 s idle timeout.\n\nThe long request got cut.";
    CauseSentences.Split s = CauseSentences.of(text);
    assertTrue(s.setAside().isEmpty());
    assertEquals(text, s.kept());
    assertEquals("", CauseSentences.of("").kept());
  }

  @Test
  void anyTextSplitsIntoPartsItHolds() {
    String[] words = {
      "Next:", "but", "however", "flat", "config", "staging", "prod", "## Action items", "\n",
      ".", "; ", "Toggled", "rows", "unrelated", "nothing out of the ordinary", "é", "  ", "v1.2.3",
      "AI-1", ":", "the", "was", "fine", "!", "?"
    };
    java.util.Random r = new java.util.Random(20261206);
    for (int run = 0; run < 2_000; run++) {
      StringBuilder text = new StringBuilder();
      int n = r.nextInt(60);
      for (int i = 0; i < n; i++) {
        text.append(words[r.nextInt(words.length)]).append(r.nextInt(4) == 0 ? "" : " ");
      }
      String body = text.toString();
      CauseSentences.Split s = CauseSentences.of(body);
      for (String aside : s.setAside()) {
        assertTrue(body.contains(aside), "set aside what the text holds: " + aside + " / " + body);
        assertFalse(aside.isBlank(), body);
      }
      // every character of the text but white space is kept or set aside, once
      assertEquals(
          sortedNonBlank(body),
          sortedNonBlank(s.kept() + String.join("", s.setAside())),
          "kept: " + s.kept() + " / set aside: " + s.setAside() + " / of: " + body);
      CauseSentences.Split some = CauseSentences.of(body, x -> x.length() % 2 == 0);
      assertEquals(
          sortedNonBlank(body), sortedNonBlank(some.kept() + String.join("", some.setAside())));
      assertTrue(some.setAside().stream().allMatch(x -> body.contains(x)), body);
      EnvironmentContrast.first(body);
    }
  }

  private static String sortedNonBlank(String text) {
    int[] cps = text.codePoints().filter(c -> !Character.isWhitespace(c)).sorted().toArray();
    return new String(cps, 0, cps.length);
  }

  @Test
  void productionSetAgainstStagingIsAContrastTheChangesWayIsNot() {
    assertEquals(
        "Ingress in production has a 30 s idle timeout, staging ingress has none.",
        EnvironmentContrast.first(
            "Errors on checkout. Ingress in production has a 30 s idle timeout, staging ingress"
                + " has none."));
    assertTrue(
        EnvironmentContrast.contrasts("The truststore on prod nodes was older than on staging"));
    assertTrue(EnvironmentContrast.contrasts("Staging containers get 4Gi, prod ones 1Gi"));
    assertTrue(
        EnvironmentContrast.contrasts(
            "It passed staging because staging has a different timeout than prod"));
    assertFalse(
        EnvironmentContrast.contrasts("Deployed to staging on Monday and to prod on Tuesday"));
    assertFalse(EnvironmentContrast.contrasts("It passed staging and failed in production"));
    assertFalse(EnvironmentContrast.contrasts("Production was down for an hour"));
    assertNull(EnvironmentContrast.first("Staging was down for maintenance that afternoon."));
  }
}
