package dev.rehearsal.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class RuleOutModelTest {

  /**
   * Trained without one phrase bank (on the others, the written sentences and the write-ups, as
   * shipped), the model reads that bank's rule-outs, which it never saw, and leaves its citations
   * of causes alone. Banks D and E are the two written apart from each other with the most
   * sentences; the floors are what the model reached on them when it was chosen (decision 0031).
   */
  @Test
  void readsTheRuleOutsOfABankItWasNotTrainedOn() {
    List<RuleOutModel.Example> banks = RuleOutModel.shippedExamples();
    List<RuleOutModel.Example> writeups = RuleOutModel.writeupExamples(WriteupsCorpus.shipped());
    StringBuilder report = new StringBuilder();
    for (String held : List.of("D", "E")) {
      List<RuleOutModel.Example> training = new ArrayList<>(writeups);
      training.addAll(RuleOutModel.examples(RuleOutModel.WRITTEN));
      banks.stream().filter(e -> !e.source().equals(held)).forEach(training::add);
      RuleOutModel m = RuleOutModel.train(training);
      int aside = 0;
      int read = 0;
      int others = 0;
      int misread = 0;
      for (RuleOutModel.Example e : banks) {
        if (!e.source().equals(held)) {
          continue;
        }
        boolean r = m.probability(e.text()) >= RuleOutModel.THRESHOLD;
        if (e.setAside()) {
          aside++;
          read += r ? 1 : 0;
        } else {
          others++;
          misread += r ? 1 : 0;
        }
      }
      report.append(
          String.format(
              Locale.ROOT,
              "%s: %d of %d rule-outs, %d of %d others%n",
              held,
              read,
              aside,
              misread,
              others));
      assertTrue((double) read / aside >= 0.65, report.toString());
      assertTrue(misread <= 2, report.toString());
    }
  }

  /**
   * Real write-ups cite tickets, files and versions in every kind of sentence; trained on the
   * banks, the written sentences and one half of the write-ups, the model reads almost none of the
   * other half's citations as clearing what they name. Both halves are held out in turn (odd
   * sentences, then even), so a change to the corpus that shifts which half a sentence falls in
   * does not move the count: 9 of the 954 citations were misread, the two halves together, when the
   * model was chosen (decision 0031), 8 once it also learned the written sentences at its new
   * threshold (decision 0033).
   */
  @Test
  void seldomReadsRealProseAsARuleOut() {
    List<RuleOutModel.Example> writeups = RuleOutModel.writeupExamples(WriteupsCorpus.shipped());
    long others = 0;
    long misread = 0;
    for (int heldParity = 0; heldParity < 2; heldParity++) {
      List<RuleOutModel.Example> training = new ArrayList<>(RuleOutModel.shippedExamples());
      training.addAll(RuleOutModel.examples(RuleOutModel.WRITTEN));
      List<RuleOutModel.Example> heldOut = new ArrayList<>();
      for (int i = 0; i < writeups.size(); i++) {
        (i % 2 == heldParity ? heldOut : training).add(writeups.get(i));
      }
      RuleOutModel m = RuleOutModel.train(training);
      others += heldOut.stream().filter(e -> !e.setAside()).count();
      misread +=
          heldOut.stream()
              .filter(e -> !e.setAside() && m.probability(e.text()) >= RuleOutModel.THRESHOLD)
              .count();
    }
    assertTrue(others > 900, "citations: " + others);
    assertTrue(misread <= 9, misread + " of " + others);
  }

  @Test
  void theShippedWriteupSentencesAreThoseTheCorpusHolds() throws java.io.IOException {
    List<String> want = RuleOutModel.writeupLines(WriteupsCorpus.shipped());
    java.nio.file.Path resource =
        java.nio.file.Path.of("src/main/resources/dev/rehearsal/analysis", RuleOutModel.WRITEUPS);
    List<String> have =
        java.nio.file.Files.exists(resource)
            ? java.nio.file.Files.readAllLines(resource, java.nio.charset.StandardCharsets.UTF_8)
            : List.of();
    if (!want.equals(have)) {
      java.nio.file.Path fresh = java.nio.file.Path.of("target", RuleOutModel.WRITEUPS);
      java.nio.file.Files.write(fresh, want, java.nio.charset.StandardCharsets.UTF_8);
      assertEquals(
          String.join("\n", want),
          String.join("\n", have),
          "the write-ups changed: copy " + fresh + " to " + resource);
    }
  }

  @Test
  void trainedOnEverySentenceShipped() {
    RuleOutModel m = RuleOutModel.shipped();
    assertEquals(
        RuleOutModel.shippedExamples().size()
            + RuleOutModel.examples(RuleOutModel.WRITTEN).size()
            + RuleOutModel.writeupExamples(WriteupsCorpus.shipped()).size(),
        m.trainedOn());
    assertTrue(m.trainedOn() > 300, "sentences: " + m.trainedOn());
  }

  @Test
  void theCitingSentenceTakesAShortVerdictThatFollowsIt() {
    String text =
        "Checkout errors at 14:02. We suspected PR #975 for about five minutes. Wrong. "
            + "Rolled back 3f9a1c2 and errors stopped.";
    assertEquals(
        "We suspected PR  zzchange  for about five minutes. Wrong.",
        RuleOutModel.citingSentence(text, "#975"));
    assertEquals(
        "Rolled back  zzchange  and errors stopped.", RuleOutModel.citingSentence(text, "3f9a1c2"));
    assertEquals("", RuleOutModel.citingSentence(text, "v9.9.9"));
  }

  @Test
  void aReadingNamesTheWordsThatWeighedTowardsIt() {
    RuleOutModel m = RuleOutModel.shipped();
    RuleOutModel.Reading r =
        m.read(
            RuleOutModel.citingSentence(
                "Reverted 3f9a1c2 as a test; the error rate did not move at all.", "3f9a1c2"));
    assertNotNull(r);
    assertTrue(r.probability() >= RuleOutModel.THRESHOLD);
    assertTrue(!r.words().isEmpty() && r.words().size() <= 3, r.words().toString());
    assertNull(
        m.read(
            RuleOutModel.citingSentence(
                "Errors started right after 3f9a1c2 reached production.", "3f9a1c2")));
  }

  @Test
  void slotsOtherThanTheChangeAreLeftOut() {
    assertEquals(
        "Not  's deploy  ;  zzchange  it was.",
        RuleOutModel.template("Not {other}'s deploy {when}; {change} it was."));
  }
}
