package dev.rehearsal.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.index.text.IncidentText;
import dev.rehearsal.model.Evidence;
import dev.rehearsal.model.Gap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The text model and its k-fold harness on a tiny synthetic corpus whose answer is known: each gap
 * has its own words, mixed with words every class shares.
 */
class GapTextModelTest {
  private static final String[][] WORDS = {
    {"disk", "table", "rows", "backfill", "schema", "corrupted"},
    {"spike", "surge", "crawler", "concurrency", "burst", "herd"},
    {"flag", "terraform", "certificate", "setting", "helm", "override"},
    {"vendor", "sandbox", "provider", "webhook", "upstream", "stripe"},
    {"hardware", "power", "fibre", "breach", "storm", "cooling"}
  };
  private static final String[] SHARED = {"service", "outage", "users", "engineers", "restored"};
  private static final Gap[] CLASSES = {
    Gap.DATA, Gap.TRAFFIC, Gap.CONFIG, Gap.MOCKS, Gap.UNEXPLAINED
  };

  /** Eight texts per class: three of its own words (rotating) among shared ones. */
  static List<WriteupsCorpus.Writeup> synthetic() {
    List<WriteupsCorpus.Writeup> out = new ArrayList<>();
    for (int c = 0; c < CLASSES.length; c++) {
      for (int i = 0; i < 8; i++) {
        String own =
            WORDS[c][i % 6] + " and " + WORDS[c][(i + 1) % 6] + ", then " + WORDS[c][(i + 3) % 6];
        String text =
            "The "
                + SHARED[i % 5]
                + " had an "
                + SHARED[(i + 1) % 5]
                + ". "
                + own
                + ". Then "
                + SHARED[(i + 2) % 5]
                + " were "
                + SHARED[(i + 4) % 5]
                + ".";
        out.add(
            new WriteupsCorpus.Writeup(
                CLASSES[c].code() + "-" + i, "synthetic", "Incident " + i, text, CLASSES[c], ""));
      }
    }
    return out;
  }

  private static Function<String, Gap> model(List<WriteupsCorpus.Writeup> training) {
    return CorpusEvaluation.classifier(training, GapTextModel.Params.DEFAULT);
  }

  @Test
  void kFoldOnASeparableCorpusGetsEveryTextRight() {
    List<WriteupsCorpus.Writeup> corpus = synthetic();
    CrossValidation.Result r =
        CrossValidation.run(
            corpus,
            WriteupsCorpus.Writeup::gap,
            WriteupsCorpus.Writeup::narrative,
            GapTextModelTest::model,
            4,
            7);
    assertEquals(40, r.items());
    for (int t = 0; t < 5; t++) {
      for (int p = 0; p < 5; p++) {
        assertEquals(t == p ? 8 : 0, r.confusion()[t][p], "row " + t + " column " + p);
      }
    }
    assertEquals(1.0, r.macroF1(), 1e-9);
    assertEquals(1.0, r.scores().get(Gap.DATA).recall(), 1e-9);
  }

  @Test
  void kFoldCountsAKnownClassifierExactlyAndNeverTestsOnTrainingTexts() {
    List<WriteupsCorpus.Writeup> corpus = synthetic();
    Set<String> texts = new HashSet<>();
    corpus.forEach(w -> texts.add(w.narrative()));
    // a classifier that says "data" for every text it was not trained on, and fails the test if
    // asked about one it was trained on
    CrossValidation.Result r =
        CrossValidation.run(
            corpus,
            WriteupsCorpus.Writeup::gap,
            WriteupsCorpus.Writeup::narrative,
            training -> {
              Set<String> seen = new HashSet<>();
              training.forEach(w -> seen.add(w.narrative()));
              assertEquals(32, seen.size(), "four fifths of 40 texts in 5 folds");
              return text -> {
                assertFalse(seen.contains(text), "tested on a training text");
                return Gap.DATA;
              };
            },
            5,
            11);
    CrossValidation.Score data = r.scores().get(Gap.DATA);
    assertEquals(8, data.truePositives());
    assertEquals(40, data.predicted());
    assertEquals(0.2, data.precision(), 1e-9);
    assertEquals(1.0, data.recall(), 1e-9);
    assertEquals(0, r.scores().get(Gap.MOCKS).f1(), 1e-9);
    // macro-F1 over the four gaps only: data's F1 (1/3) and three zeros
    assertEquals((2 * 0.2 / 1.2) / 4, r.macroF1(), 1e-9);
  }

  @Test
  void foldsAreStratifiedAndFixedBySeed() {
    List<Gap> labels = synthetic().stream().map(WriteupsCorpus.Writeup::gap).toList();
    int[] a = CrossValidation.folds(labels, 4, 3);
    assertArrayEquals(a, CrossValidation.folds(labels, 4, 3));
    for (Gap g : CLASSES) {
      int[] perFold = new int[4];
      for (int i = 0; i < labels.size(); i++) {
        if (labels.get(i) == g) {
          perFold[a[i]]++;
        }
      }
      for (int f : perFold) {
        assertEquals(2, f, g + " per fold");
      }
    }
  }

  @Test
  void theWordsThatCarriedTheVoteAreMarkedInThePassages() {
    GapTextModel m =
        GapTextModel.train(GapTextModel.corpusExamples(synthetic()), GapTextModel.Params.DEFAULT);
    String text =
        "Summary: the service was slow for hours.\nThe crawler caused a spike and a burst of"
            + " requests. Nothing else changed.";
    GapTextModel.Vote v = m.vote(text);
    assertEquals(Gap.TRAFFIC, v.best());
    List<String> words = m.words(v, Gap.TRAFFIC);
    assertTrue(words.containsAll(List.of("crawler", "spike", "burst")), words.toString());
    List<Evidence.Passage> passages = m.passages(text, v, Gap.TRAFFIC, 2);
    assertEquals(1, passages.size(), passages.toString());
    Evidence.Passage p = passages.get(0);
    assertEquals("The crawler caused a spike and a burst of requests.", p.text());
    List<String> marked = new ArrayList<>();
    for (Evidence.Span s : p.marks()) {
      marked.add(p.text().substring(s.start(), s.end()).toLowerCase(Locale.ROOT));
    }
    assertEquals(List.of("crawler", "spike", "burst"), marked);
  }

  @Test
  void sameInputsSameScoresAndTheIndexGivesWhatTheTextGives() throws Exception {
    List<WriteupsCorpus.Writeup> corpus = synthetic();
    GapTextModel a =
        GapTextModel.train(GapTextModel.corpusExamples(corpus), GapTextModel.Params.DEFAULT);
    GapTextModel b =
        GapTextModel.train(GapTextModel.corpusExamples(corpus), GapTextModel.Params.DEFAULT);
    List<String> titles = new ArrayList<>();
    List<String> bodies = new ArrayList<>();
    for (WriteupsCorpus.Writeup w : corpus) {
      titles.add(w.title());
      bodies.add(w.text() + " The disk was full of rows.");
    }
    try (IncidentText text = IncidentText.inMemory(titles, bodies)) {
      GapTextModel.Votes all = a.voteAll(text);
      for (int i = 0; i < corpus.size(); i++) {
        String narrative = titles.get(i) + "\n" + bodies.get(i);
        double[] one = a.vote(narrative).probability();
        assertArrayEquals(one, b.vote(narrative).probability(), "retrained: " + i);
        for (Gap g : Gap.values()) {
          assertEquals(one[GapTextModel.classOf(g)], all.of(i, g), 1e-9, "index: " + i + " " + g);
        }
        int[] fromText = a.vote(narrative).support()[Gap.DATA.ordinal()];
        int[] fromIndex = all.vote(i).support()[Gap.DATA.ordinal()];
        assertArrayEquals(
            java.util.Arrays.copyOf(fromText, fromIndex.length), fromIndex, "words: " + i);
      }
    }
  }
}
