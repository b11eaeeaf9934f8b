package dev.rehearsal.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The check that decides "nothing changed" phrases without running their pattern on every
 * incident text: it must agree with the pattern on every text.
 */
class TextCuesTest {
  private static final List<String> PHRASES = List.of("no deploys", "code freeze",
      "nothing changed on ours", "didn't deploy");
  private static final Pattern STRICT = TextCues.alternation(PHRASES, false);
  private static final String[][] WORDS = {{"no", "deploys"}, {"code", "freeze"},
      {"nothing", "changed", "on", "ours"}, {"didn't", "deploy"}};

  private static final List<String> TEXTS = List.of(
      "There were no deploys today.", "NO DEPLOYS since Friday", "no\n\tdeploys, we checked",
      "We are in a code-freeze; nothing changed on ours.", "(code freeze)",
      "we didn't deploy anything", "no  deploys", "Root cause: no-deploys window",
      "Nothing changed on OURS, upstream did", "no\u00a0deploys", "no \u00e9 deploys",
      // not the phrases
      "we had nodeploys", "no deploysx here", "deploys: no", "barcode freeze",
      "nothing changed on our side", "no", "", "the know deploys list", "didn-t deploy",
      "didnt deploy", "\u00e9no deploys", "no deploys\u00e9", "no deploys_", "_no deploys",
      "\ud835\udc00no deploys", "no deploys\ud835\udc00", "\u017fode freeze",
      "no deploy", "code\u00e9freeze", "Code Freeze!", "code freeze2");

  @Test
  void agreesWithThePatternOnEveryText() {
    int matched = 0;
    for (String t : TEXTS) {
      boolean expected = STRICT.matcher(t).find();
      assertEquals(expected, TextCues.matchesStrict(t, WORDS), t);
      matched += expected ? 1 : 0;
    }
    // both kinds of text are in the list
    assertEquals(12, matched);
  }

  @Test
  void aPhraseWhoseWordsCannotBeSplitIsLeftToThePattern() {
    String[][] odd = {{"no", "deploys"}, null};
    assertNull(TextCues.matchesStrict("nothing to see", odd));
  }

  @Test
  void theCuesSayWhatThePatternSays() throws Exception {
    TextCues cues = new TextCues(List.of("deploy"), List.of("upstream outage"), PHRASES,
        List.of());
    // the change and external queries need an index; an empty one leaves them false, and the
    // negations are decided on the texts
    try (var dir = new org.apache.lucene.store.ByteBuffersDirectory()) {
      try (var w = new org.apache.lucene.index.IndexWriter(dir,
          new org.apache.lucene.index.IndexWriterConfig())) {
        w.commit();
      }
      try (var r = org.apache.lucene.index.DirectoryReader.open(dir)) {
        cues.score(new org.apache.lucene.search.IndexSearcher(r), new int[0], TEXTS.size(),
            TEXTS::get);
      }
    }
    for (int i = 0; i < TEXTS.size(); i++) {
      assertEquals(STRICT.matcher(TEXTS.get(i)).find(), cues.noChange(i), TEXTS.get(i));
    }
    assertTrue(cues.noChange(0) && cues.noChange(5), "a phrase the defaults do not have is found too");
  }
}
