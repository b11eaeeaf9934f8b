package dev.rehearsal.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The word check that spares most incident texts the strict "nothing changed" pattern: it must
 * pass every text the pattern matches, and should turn away texts that only look alike.
 */
class TextCuesTest {
  private static final List<String> PHRASES = List.of("no deploys", "code freeze",
      "nothing changed on ours", "didn't deploy");
  private static final String[][] WORDS = words(PHRASES);

  private static String[][] words(List<String> phrases) {
    String[][] out = new String[phrases.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = phrases.get(i).split("[^a-z0-9_]+");
    }
    return out;
  }

  /** The strict pattern as TextCues builds it: exact words, in order, next to each other. */
  private static final Pattern STRICT = Pattern.compile("\\b(?:no\\W+deploys\\b|code\\W+"
      + "freeze\\b|nothing\\W+changed\\W+on\\W+ours\\b|didn't\\W+deploy\\b)",
      Pattern.CASE_INSENSITIVE);

  @Test
  void passesEveryTextThePatternMatches() {
    List<String> texts = List.of(
        "There were no deploys today.",
        "NO DEPLOYS since Friday",
        "no\n\tdeploys, we checked",
        "We are in a code-freeze; nothing changed on ours.",
        "(code freeze)",
        "we didn't deploy anything",
        "no  deploys",
        "Root cause: no-deploys window was ignored",
        "Nothing changed on OURS, upstream did");
    for (String t : texts) {
      assertTrue(STRICT.matcher(t).find(), "the pattern matches: " + t);
      assertTrue(TextCues.hasWords(t, WORDS), "the words are there too: " + t);
    }
  }

  @Test
  void turnsAwayTextsWhereTheWordsAreNotWholeOrNotInOrder() {
    List<String> texts = List.of(
        "we had nodeploys",
        "no deploysx here",
        "deploys: no",
        "barcode freeze",
        "nothing changed on our side",
        "no", "",
        "the know deploys list");
    for (String t : texts) {
      assertFalse(STRICT.matcher(t).find(), t);
      assertFalse(TextCues.hasWords(t, WORDS), "no phrase in: " + t);
    }
  }

  @Test
  void aPhraseWhoseWordsTheCheckCannotSplitLeavesItToThePattern() {
    String[][] odd = {{"no", "deploys"}, null};
    assertTrue(TextCues.hasWords("nothing to see", odd));
  }

  @Test
  void theCuesAgreeWithThePatternOverIncidentTexts() throws Exception {
    TextCues cues = new TextCues(List.of("deploy"), List.of("upstream outage"), PHRASES,
        List.of());
    List<String> texts = List.of("no deploys this week, checkout failing",
        "a deploy at 10:02 broke checkout", "code freeze in effect; the cdn failed",
        "knowledge base down");
    boolean[] expected = new boolean[texts.size()];
    for (int i = 0; i < texts.size(); i++) {
      expected[i] = STRICT.matcher(texts.get(i)).find();
    }
    // scoring needs an index only for the change and external queries; no incident maps to a
    // document here, so those stay false and the negations are decided on the texts
    try (var dir = new org.apache.lucene.store.ByteBuffersDirectory()) {
      try (var w = new org.apache.lucene.index.IndexWriter(dir,
          new org.apache.lucene.index.IndexWriterConfig())) {
        w.commit();
      }
      try (var r = org.apache.lucene.index.DirectoryReader.open(dir)) {
        cues.score(new org.apache.lucene.search.IndexSearcher(r), new int[0], texts.size(),
            texts::get);
      }
    }
    for (int i = 0; i < texts.size(); i++) {
      assertEquals(expected[i], cues.noChange(i), texts.get(i));
    }
    assertTrue(cues.noChange(0) && cues.noChange(2) && !cues.noChange(1) && !cues.noChange(3));
  }
}
