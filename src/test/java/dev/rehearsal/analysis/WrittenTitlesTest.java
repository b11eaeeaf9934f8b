package dev.rehearsal.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.analysis.References.Ref;
import dev.rehearsal.util.Texts;
import java.util.List;
import org.junit.jupiter.api.Test;

class WrittenTitlesTest {
  private static final WrittenTitles TITLES =
      WrittenTitles.of(
          List.of(
              Texts.titleKey("Refactor cut-off calculation"),
              Texts.titleKey("Refactor cut-off calculation for EU carriers"),
              Texts.titleKey("Bump pool size"),
              Texts.titleKey("Fix typo")));

  private static List<String> keys(String text) {
    return TITLES.in(text).stream().map(WrittenTitles.Found::key).toList();
  }

  @Test
  void aTitleIsFoundInAnyMarksOrNoneWhateverItsCaseAndPunctuation() {
    for (String text :
        List.of(
            "Started since the Refactor cut-off calculation change.",
            "Probably *refactor cut off calculation* again",
            "[Refactor cut-off calculation] broke it",
            "REFACTOR CUT-OFF CALCULATION shipped at 10:02")) {
      assertEquals(List.of("refactor cut off calculation"), keys(text), text);
    }
  }

  @Test
  void theLongestTitleWinsAndShortTitlesAreNotLookedFor() {
    assertEquals(
        List.of("refactor cut off calculation for eu carriers"),
        keys("after Refactor cut-off calculation for EU carriers went out"));
    assertEquals(List.of("bump pool size"), keys("We bump pool size, then fix typo."));
    assertEquals(List.of(), keys("Refactor cut-off calc… is suspect; refactor cut"));
  }

  @Test
  void whereItStandsIsTheTextsOwnSpelling() {
    String text = "Since the “x” and Refactor Cut-off calculation change";
    WrittenTitles.Found f = TITLES.in(text).get(0);
    assertEquals("Refactor Cut-off calculation", text.substring(f.start(), f.end()));
  }

  @Test
  void aTitleWrittenOutsideQuotesIsAReferenceAndAQuotedOneIsNotReadTwice() {
    List<Ref> refs =
        References.extract(
            "Since the Refactor cut-off calculation change. Not “Bump pool size”, that was fine.",
            TITLES);
    List<String> titles = refs.stream().filter(Ref::title).map(Ref::value).toList();
    assertEquals(List.of("title:bump pool size", "title~:refactor cut off calculation"), titles);
    assertTrue(
        refs.stream()
            .filter(r -> r.value().equals("title~:refactor cut off calculation"))
            .allMatch(r -> r.writtenTitle() && !r.negated()));
    // ruled out in words, as a quoted title is
    List<Ref> ruled =
        References.extract("Bump pool size was ruled out: it shipped a week ago.", TITLES);
    assertTrue(ruled.stream().filter(Ref::writtenTitle).allMatch(Ref::negated), ruled.toString());
    assertEquals(1, ruled.stream().filter(Ref::writtenTitle).count(), ruled.toString());
    // without the workspace's titles nothing is found outside quotes
    assertTrue(
        References.extract("Since the Refactor cut-off calculation change.").stream()
            .noneMatch(Ref::title));
  }
}
