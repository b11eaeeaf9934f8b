package dev.rehearsal.index.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.model.Gap;
import dev.rehearsal.prose.CauseSentences;
import dev.rehearsal.prose.EnvironmentContrast;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * What the gap step asks of the index for all incidents at once gives what the plain rules give one
 * text at a time: the weight a gap loses with the sentences that do not tell the cause, and whether
 * the sentence comparing the environments holds another gap's word.
 */
class TextQueriesTest {
  private static final TextQueries QUERIES =
      new TextQueries(
          Map.of(
              "data", List.of("full table scan", "rows", "query plan^2", "legacy data"),
              "traffic", List.of("traffic spike", "requests per second", "load shedding"),
              "config", List.of("config", "feature flag", "pool size", "env var"),
              "mocks", List.of("wiremock", "sandbox mode", "payment provider")),
          List.of(
              List.of("requests per second", "rps"),
              List.of("configuration", "config"),
              List.of("feature flag", "flag"),
              List.of("database", "db")));

  private static final List<String[]> TEXTS =
      List.of(
          new String[] {
            "Checkout errors",
            "The new query did a full table scan over 40 million rows. Config repo had no commits"
                + " that day. Toggled the flag off."
          },
          new String[] {
            "Traffic spike on search",
            "We saw 9,000 rps at peak; the pool size was 20. Next: load shedding and a config"
                + " diff. The sandbox mode of the payment provider never throttles."
          },
          new String[] {
            "Orders slow",
            "The query plan changed with the legacy data. The configuration and env var were"
                + " fine; wiremock stubs answered."
          },
          new String[] {"Nothing here", "An unrelated sentence. Another one."},
          new String[] {
            "Timeouts",
            "Production ingress has a 30 s idle timeout, staging ingress has none. Rolled back."
          },
          new String[] {
            "Slow reports", "Staging has 10,000 rows, production has 40 million rows unlike it."
          },
          new String[] {"Title only", ""});

  @Test
  void theIndexLosesWhatThePlainRuleLoses() throws Exception {
    assertIndexMatchesPlainRules(TEXTS);
    // "config" and "flag" were only in the sentences set aside of the first text
    assertEquals(
        1.6,
        QUERIES.lostWeight(
            Gap.CONFIG,
            TEXTS.get(0)[0],
            TEXTS.get(0)[1],
            "The new query did a full table scan over 40 million rows."),
        1e-5);
  }

  @Test
  void onRandomTextsTheIndexAgreesWithThePlainRules() throws Exception {
    String[] pieces = {
      "the full table scan hit 40 million rows",
      "CPU looked normal",
      "the config was fine",
      "production has a pool size of 5 unlike staging",
      "staging has none of the legacy data, production has it",
      "toggled the feature flag off",
      "Next: load shedding",
      "a traffic spike of 9,000 rps",
      "wiremock answered in staging, but the payment provider throttled in production",
      "the sandbox mode was unrelated",
      "## Action items",
      "## Root cause",
      "we rolled back",
      "query plan changed",
      "env var missing in prod, present in staging"
    };
    Random r = new Random(20261206);
    List<String[]> texts = new ArrayList<>();
    for (int k = 0; k < 300; k++) {
      StringBuilder body = new StringBuilder();
      int n = r.nextInt(6);
      for (int j = 0; j < n; j++) {
        String p = pieces[r.nextInt(pieces.length)];
        body.append(p);
        body.append(p.startsWith("#") ? "\n" : r.nextBoolean() ? ". " : ", but ");
      }
      texts.add(new String[] {r.nextInt(5) == 0 ? "Config drift" : "Errors", body.toString()});
    }
    assertIndexMatchesPlainRules(texts);
  }

  /** Per text and gap: the index's lost weight and contrast equal the plain rules'. */
  private static void assertIndexMatchesPlainRules(List<String[]> texts) throws Exception {
    List<String> titles = texts.stream().map(t -> t[0]).toList();
    List<String> bodies = texts.stream().map(t -> t[1]).toList();
    boolean anyLost = false;
    boolean anyContrast = false;
    try (IncidentText index = IncidentText.inMemory(titles, bodies)) {
      BitSet comparing = index.comparingEnvironments();
      for (Gap g : Gap.real()) {
        float[] lost = index.lostWeights(QUERIES, g);
        BitSet holds = index.contrastHolds(QUERIES, g);
        for (int k = 0; k < texts.size(); k++) {
          String title = titles.get(k);
          String body = bodies.get(k);
          String kept = body.isBlank() ? body : CauseSentences.of(body).kept();
          String what = g + " in \"" + title + "\n" + body + "\"";
          assertEquals(QUERIES.lostWeight(g, title, body, kept), lost[k], 1e-5, what);
          anyLost |= lost[k] > 0;
          String sentence = body.isBlank() ? null : EnvironmentContrast.first(title + "\n" + kept);
          assertEquals(sentence != null, comparing.get(k), what);
          boolean plainHolds = sentence != null && QUERIES.read("", sentence).weight(g) > 0;
          assertEquals(plainHolds, holds.get(k), what + ", contrast \"" + sentence + "\"");
          anyContrast |= sentence != null && !plainHolds;
        }
      }
    }
    assertTrue(anyLost, "some entry is lost with the sentences set aside");
    assertTrue(anyContrast, "some text compares the environments without another gap's word");
  }

  @Test
  void aTextWithoutAnyGapWordCannotMatch() {
    assertFalse(QUERIES.mayMatchAny("An unrelated sentence."));
    assertTrue(QUERIES.mayMatchAny("The configuration was wrong"), "synonyms count: config");
    assertTrue(QUERIES.mayMatchAny("9,000 RPS at peak"));
    TextQueries.OneText peak = QUERIES.read("", "9,000 RPS at peak");
    assertEquals(
        1.25, peak.weight(Gap.TRAFFIC), 1e-5, "rps is requests per second, a three-word entry");
    assertEquals(0, peak.weight(Gap.MOCKS), 1e-9);
  }

  /**
   * The queries an incident's passages are highlighted with are built once per vocabulary: asked
   * again with an equal one (another map, the same entries) they are the same; a vocabulary or
   * synonyms changed since (settings saved) builds them anew; and a vocabulary changed in place
   * after it was given does not change what was built from it.
   */
  @Test
  void theQueriesOfAVocabularyAreBuiltOnceAndAgainWhenItChanges() {
    Map<String, List<String>> vocabulary = new java.util.HashMap<>();
    vocabulary.put("config", new ArrayList<>(List.of("feature flag", "pool size")));
    vocabulary.put("data", new ArrayList<>(List.of("legacy data")));
    List<List<String>> synonyms = List.of(List.of("feature flag", "flag"));
    TextQueries first = TextQueries.of(vocabulary, synonyms);
    assertTrue(
        first == TextQueries.of(Map.copyOf(vocabulary), List.copyOf(synonyms)),
        "an equal vocabulary: the same queries");
    vocabulary.get("config").add("env var");
    TextQueries second = TextQueries.of(vocabulary, synonyms);
    assertFalse(first == second, "an entry added: built anew");
    assertTrue(
        second.query(Gap.CONFIG).toString().contains("var"), second.query(Gap.CONFIG).toString());
    assertFalse(first.query(Gap.CONFIG).toString().contains("var"), "the first is as it was built");
    assertFalse(
        second == TextQueries.of(vocabulary, List.of(List.of("database", "db"))),
        "other synonyms: built anew");
    assertEquals(
        new TextQueries(vocabulary, synonyms).query(Gap.CONFIG),
        TextQueries.of(vocabulary, synonyms).query(Gap.CONFIG),
        "what is kept is what would be built");
  }
}
