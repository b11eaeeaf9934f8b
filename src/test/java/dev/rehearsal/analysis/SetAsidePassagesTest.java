package dev.rehearsal.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The passages shown for a gap leave out the words its score did not count (decision 0024). */
class SetAsidePassagesTest {
  @Test
  void aPassageWhoseMarksAreAllInSetAsideSentencesIsNotShown() {
    String text = "Config repo had no commits that day. The pool size differs in prod.";
    dev.rehearsal.model.Evidence.Passage aside =
        new dev.rehearsal.model.Evidence.Passage(
            "body", text, List.of(new dev.rehearsal.model.Evidence.Span(0, 6)));
    dev.rehearsal.model.Evidence.Passage counted =
        new dev.rehearsal.model.Evidence.Passage(
            "body",
            text,
            List.of(
                new dev.rehearsal.model.Evidence.Span(0, 6),
                new dev.rehearsal.model.Evidence.Span(41, 45)));
    List<dev.rehearsal.model.Evidence> evidence =
        List.of(
            new dev.rehearsal.model.Evidence.SetAside(
                List.of("Config repo had no commits that day.")));
    assertEquals(List.of(counted), Engine.outsideSetAside(List.of(aside, counted), evidence));
    assertEquals(List.of(aside), Engine.outsideSetAside(List.of(aside), List.of()));
  }
}
