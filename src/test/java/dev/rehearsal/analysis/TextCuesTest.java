package dev.rehearsal.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The check that decides "nothing changed" phrases without running their pattern on every incident
 * text: it must agree with the pattern on every text.
 */
class TextCuesTest {
  private static final List<String> PHRASES =
      List.of("no deploys", "code freeze", "nothing changed on ours", "didn't deploy");
  private static final Pattern STRICT = TextCues.alternation(PHRASES, false);
  private static final TextCues.Strict WORDS = TextCues.Strict.of(PHRASES);

  /** Texts with one of the phrases. */
  private static final List<String> MATCHING =
      List.of(
          "There were no deploys today.",
          "NO DEPLOYS since Friday",
          "no\n\tdeploys, we checked",
          "We are in a code-freeze; nothing changed on ours.",
          "(code freeze)",
          "we didn't deploy anything",
          "no  deploys",
          "Root cause: no-deploys window",
          "Nothing changed on OURS, upstream did",
          "no\u00a0deploys",
          "no \u00e9 deploys",
          "Code Freeze!");

  /** Texts without: parts of other words, other order, other punctuation, letters beside. */
  private static final List<String> NOT_MATCHING =
      List.of(
          "we had nodeploys",
          "no deploysx here",
          "deploys: no",
          "barcode freeze",
          "nothing changed on our side",
          "no",
          "",
          "the know deploys list",
          "didn-t deploy",
          "didnt deploy",
          "\u00e9no deploys",
          "no deploys\u00e9",
          "no deploys_",
          "_no deploys",
          "\ud835\udc00no deploys",
          "no deploys\ud835\udc00",
          "\u017fode freeze",
          "no deploy",
          "code\u00e9freeze",
          "code freeze2",
          "no deploys\u0301",
          "e\u0301no deploys");

  private static final List<String> TEXTS =
      java.util.stream.Stream.concat(MATCHING.stream(), NOT_MATCHING.stream()).toList();

  @Test
  void decidesThePhrasesAsTheirPatternDoes() {
    for (String t : MATCHING) {
      assertTrue(TextCues.matchesStrict(t, WORDS), t);
    }
    for (String t : NOT_MATCHING) {
      assertFalse(TextCues.matchesStrict(t, WORDS), t);
    }
    // the pattern agrees on the Java this project builds with; from Java 19 on, the pattern's
    // word boundary sees ASCII letters only, and the letters beside the phrases read otherwise
    if (Runtime.version().feature() < 19) {
      for (String t : TEXTS) {
        assertEquals(STRICT.matcher(t).find(), MATCHING.contains(t), t);
      }
    }
  }

  @Test
  void aPhraseWhoseWordsCannotBeSplitIsLeftToThePattern() {
    assertNull(TextCues.Strict.of(List.of("no deploys", "(no) changes")));
    assertNull(TextCues.Strict.of(List.of("nothing changed.")));
    assertEquals(
        List.of(List.of("no", "deploys"), List.of("didn't", "deploy")),
        java.util.Arrays.stream(TextCues.Strict.of(List.of("No  Deploys", "didn't deploy")).words())
            .map(List::of)
            .toList());
  }

  @Test
  void theCuesSayWhatThePatternSays() throws Exception {
    TextCues cues = new TextCues(List.of("deploy"), List.of("upstream outage"), PHRASES, List.of());
    // the negations are decided on the texts themselves, not by the index's queries
    try (var index =
        dev.rehearsal.index.text.IncidentText.inMemory(
            java.util.Collections.nCopies(TEXTS.size(), ""), TEXTS)) {
      cues.score(index, TEXTS::get);
    }
    for (int i = 0; i < TEXTS.size(); i++) {
      assertEquals(MATCHING.contains(TEXTS.get(i)), cues.noChange(i), TEXTS.get(i));
    }
    assertTrue(cues.noChange(5), "a phrase the defaults do not have is found too");
  }

  /** What a pattern quotes when tried at every character: what the quote must equal. */
  private static String plainQuote(Pattern p, String text) {
    var m = p.matcher(text);
    return m.find() ? m.group() : "";
  }

  @Test
  void theQuoteIsThePatternsFirstMatch() {
    List<String> loosePhrases =
        List.of("rolled back", "after the release", "deploy", "été changé", "kelvin k");
    Pattern loose = TextCues.alternation(loosePhrases, true);
    String[] looseFirst = TextCues.firstWords(loosePhrases);
    String[] strictFirst = TextCues.firstWords(PHRASES);
    List<String> texts = new java.util.ArrayList<>(TEXTS);
    texts.addAll(
        List.of(
            "We ROLLED the thing BACK after the Release of 1.2",
            "redeployed; deployment rolled quickly back",
            "İstanbul team rolled back",
            "Kelvin k rolled back",
            "ÉTÉ CHANGÉ hier",
            "nothing here"));
    // and random texts of the phrases' words in any case, with other words and characters between
    java.util.Random r = new java.util.Random(20261205);
    String[] parts = {
      "rolled", "ROLLED", "back", "Back", "after", "the", "release", "deploy", "deploys", "no",
      "code", "freeze", "İ", "K", "été", "changé", "x", "_", ",", "-",
      "\n", " ", "  ", "didn't", "kelvin", "K"
    };
    for (int n = 0; n < 3000; n++) {
      StringBuilder sb = new StringBuilder();
      for (int k = r.nextInt(12); k >= 0; k--) {
        sb.append(parts[r.nextInt(parts.length)]).append(r.nextInt(3) == 0 ? "" : " ");
      }
      texts.add(sb.toString());
    }
    for (String t : texts) {
      assertEquals(plainQuote(loose, t), TextCues.quote(loose, looseFirst, t), t);
      assertEquals(plainQuote(STRICT, t), TextCues.quote(STRICT, strictFirst, t), t);
    }
  }
}
