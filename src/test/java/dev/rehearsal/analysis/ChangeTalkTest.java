package dev.rehearsal.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChangeTalkTest {
  private static final List<String> CHANGE =
      List.of(
          "It began right after the rollout of the new build.",
          "Errors climbed once the release reached every pod.",
          "The fresh build was live a few minutes before the alarm.");
  private static final List<String> OUTSIDE =
      List.of(
          "The card provider had an outage of its own.",
          "A hypervisor host died underneath the cluster.",
          "Their upstream status page showed a regional incident.");
  private static final List<String> ANYWAY =
      List.of(
          "Paged the on-call engineer.",
          "Customers saw slow pages.",
          "Dashboards showed timeouts.",
          "The queue backed up.");

  /**
   * A workspace: incidents that cite their change (always change-caused), and the others, of which
   * a share were caused by a change (spoken of as the citing ones speak) and the rest by outside
   * causes. Reporters' names and the services' names are sprinkled over the citing ones.
   */
  private record World(List<String> citing, List<String> causedUncited, List<String> outside) {}

  private static World world(int citing, int causedUncited, int outside, long seed) {
    Random r = new Random(seed);
    List<String> c = new ArrayList<>();
    List<String> u = new ArrayList<>();
    List<String> o = new ArrayList<>();
    for (int k = 0; k < citing; k++) {
      c.add(text(r, CHANGE, 0.7) + " Reported by Zbigniew on checkout.");
    }
    for (int k = 0; k < causedUncited; k++) {
      u.add(text(r, CHANGE, 0.7));
    }
    for (int k = 0; k < outside; k++) {
      o.add(text(r, OUTSIDE, 0.9));
    }
    return new World(c, u, o);
  }

  /** Two sentences anyone writes, and with probability {@code p} one of the pool's. */
  private static String text(Random r, List<String> pool, double p) {
    String out = ANYWAY.get(r.nextInt(ANYWAY.size())) + " " + ANYWAY.get(r.nextInt(ANYWAY.size()));
    return r.nextDouble() < p ? out + " " + pool.get(r.nextInt(pool.size())) : out;
  }

  private static List<String> others(World w) {
    List<String> out = new ArrayList<>(w.causedUncited());
    out.addAll(w.outside());
    return out;
  }

  @Test
  void wordsLikeThoseOfCitingIncidentsSpeakForAChangeAndOthersAgainst() {
    World w = world(150, 120, 200, 1);
    ChangeTalk talk = ChangeTalk.learn(w.citing(), others(w), Set.of("checkout"));
    assertEquals(150, talk.citing());
    assertEquals(320, talk.others());
    double change = talk.ratio("Paged the on-call engineer. It began right after the rollout.");
    double outside = talk.ratio("Paged the on-call engineer. The card provider had an outage.");
    double plain = talk.ratio("Paged the on-call engineer. Customers saw slow pages.");
    assertTrue(change > 2, "change talk: " + change);
    assertTrue(outside < 0.5, "an outside cause: " + outside);
    assertTrue(plain > outside, "a text with neither: " + plain);
    assertTrue(
        talk.wordsFor("It began right after the rollout of the new build.", 3).stream()
            .anyMatch(Set.of("rollout", "build", "began", "after", "new")::contains),
        talk.wordsFor("It began right after the rollout of the new build.", 3).toString());
  }

  @Test
  void namesOfServicesAndPeopleAreNotLearned() {
    World w = world(150, 120, 200, 2);
    ChangeTalk talk = ChangeTalk.learn(w.citing(), others(w), Set.of("checkout"));
    // only the citing incidents hold them, yet they say nothing about a change
    assertEquals(1.0, talk.ratio("checkout") / talk.ratio(""), 1e-9, "a service's name");
    assertEquals(1.0, talk.ratio("Zbigniew") / talk.ratio(""), 1e-9, "a name never in lower case");
    assertFalse(talk.wordsFor("Reported by Zbigniew on checkout.", 3).contains("zbigniew"));
    assertFalse(talk.wordsFor("Reported by Zbigniew on checkout.", 3).contains("checkout"));
  }

  @Test
  void tooFewIncidentsOnEitherSideTeachNothing() {
    World w = world(ChangeTalk.MIN_EACH - 1, 120, 200, 3);
    ChangeTalk talk = ChangeTalk.learn(w.citing(), others(w), Set.of());
    assertEquals(0, talk.citing());
    assertEquals(1.0, talk.ratio("It began right after the rollout of the new build."));
    assertTrue(talk.wordsFor("It began right after the rollout.", 3).isEmpty());
  }

  @Test
  void sameTextsSameModel() {
    World w = world(150, 120, 200, 4);
    String text = "Dashboards showed timeouts. Errors climbed once the release reached every pod.";
    assertEquals(
        ChangeTalk.learn(w.citing(), others(w), Set.of()).ratio(text),
        ChangeTalk.learn(w.citing(), others(w), Set.of()).ratio(text));
  }

  @Test
  void theSentencesThatCiteOrRuleOutAChangeAreTakenOut() {
    String text =
        "Checkout failed. Since v1.4.2 went out it fails! Not PR #12, it was earlier.\nBad.";
    String kept = ChangeTalk.withoutSentencesHolding(text, List.of("v1.4.2", "PR #12"));
    assertEquals(text.length(), kept.length(), "positions kept");
    assertEquals("Checkout failed. \nBad.", kept.replaceAll(" +", " "));
    assertEquals(text, ChangeTalk.withoutSentencesHolding(text, List.of("v1.9.9", "")));
    // a dot inside a number does not end the sentence (the project's sentences, Passages)
    assertEquals(
        "Slow. Fine.",
        ChangeTalk.withoutSentencesHolding(
                "Slow. Since v1.4.2 with pool 2.0 shipped, it fails. Fine.", List.of("v1.4.2"))
            .replaceAll(" +", " "));
  }
}
