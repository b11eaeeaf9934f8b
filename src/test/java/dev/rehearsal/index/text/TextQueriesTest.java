package dev.rehearsal.index.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.model.Gap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The ways of reading one text that the analysis takes to save time give what the plain ways give:
 * entry by entry equals the gap's whole query, and asking only the entries with a term in the
 * sentences taken out equals asking every entry.
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
                + " that day. Toggled the flag off.",
            "The new query did a full table scan over 40 million rows."
          },
          new String[] {
            "Traffic spike on search",
            "We saw 9,000 rps at peak; the pool size was 20. Next: load shedding and a config"
                + " diff. The sandbox mode of the payment provider never throttles.",
            "We saw 9,000 rps at peak; the pool size was 20."
          },
          new String[] {
            "Orders slow",
            "The query plan changed with the legacy data. The configuration and env var were"
                + " fine; wiremock stubs answered.",
            "The query plan changed with the legacy data."
          },
          new String[] {
            "Nothing here", "An unrelated sentence. Another one.", "An unrelated sentence."
          });

  @Test
  void entryByEntryEqualsTheWholeQuery() {
    for (String[] t : TEXTS) {
      for (String body : List.of(t[1], t[2])) {
        TextQueries.OneText one = QUERIES.read(t[0], body);
        for (Gap g : Gap.real()) {
          assertEquals(one.wholeQueryWeight(g), one.weight(g), 1e-5, g + " in " + body);
        }
      }
    }
  }

  @Test
  void askingOnlyTheEntriesTakenOutEqualsAskingEveryEntry() {
    boolean anyLost = false;
    for (String[] t : TEXTS) {
      String out = t[1].substring(t[2].length()).strip();
      TextQueries.TakenOut taken = QUERIES.takenOut(t[0], t[1], t[2], out);
      for (Gap g : Gap.real()) {
        float lost = taken.lostWeight(g);
        assertEquals(QUERIES.lostWeightAskingEveryEntry(g, t[0], t[1], t[2]), lost, 1e-5, g + "");
        anyLost |= lost > 0;
      }
    }
    assertTrue(anyLost, "some entry is lost with the sentences taken out");
    // "config" and "flag" were only in the sentences taken out of the first text
    TextQueries.TakenOut first =
        QUERIES.takenOut(
            TEXTS.get(0)[0],
            TEXTS.get(0)[1],
            TEXTS.get(0)[2],
            "Config repo had no commits that day. Toggled the flag off.");
    assertEquals(1.6, first.lostWeight(Gap.CONFIG), 1e-5);
    assertEquals(0, first.lostWeight(Gap.DATA), 1e-9);
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
}
