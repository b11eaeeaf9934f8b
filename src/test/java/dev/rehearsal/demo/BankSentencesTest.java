package dev.rehearsal.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The labelled sentences the analysis ships from the scenario generator's phrase banks are those it
 * names, no more and no less; bank G is not among them: it is held out (decision 0013).
 *
 * <ul>
 *   <li>{@code citing-sentences.tsv} (read by {@code RuleOutModel}), from banks A to E: rule-outs
 *       labelled {@code aside}; citations of the cause, quoted titles, rollback targets and talk of
 *       a change labelled {@code other}. Bank F's are left out: trained with them, the model read
 *       12 of 952 real citations as rule-outs at its threshold ({@code RuleOutModelTest} allows 9),
 *       and from a threshold of 0.67 up it read fewer than 65 % of bank E's rule-outs unseen
 *       (decision 0031).
 *   <li>{@code gap-stories.tsv} (read by {@code GapTextModel}), from banks A to F: each story of
 *       why staging missed an escape, labelled with its gap ({@code none} when the story says
 *       nobody knows).
 * </ul>
 *
 * When a bank changes, the test writes the expected file to {@code target/} and says where to copy
 * it.
 */
class BankSentencesTest {

  static final Path FOLDER = Path.of("src/main/resources/dev/rehearsal/analysis");

  private static final List<PhraseBank> CITING =
      List.of(PhraseBank.A, PhraseBank.B, PhraseBank.C, PhraseBank.D, PhraseBank.E);

  private static final List<PhraseBank> STORY =
      List.of(PhraseBank.A, PhraseBank.B, PhraseBank.C, PhraseBank.D, PhraseBank.E, PhraseBank.F);

  private static final Set<PhraseBank.Pool> ASIDE =
      Set.of(
          PhraseBank.Pool.DECOY_COMMIT,
          PhraseBank.Pool.DECOY_VERSION,
          PhraseBank.Pool.DECOY_PR,
          PhraseBank.Pool.DECOY_DEPLOY);

  private static final Set<PhraseBank.Pool> OTHER =
      Set.of(
          PhraseBank.Pool.REF_VERSION,
          PhraseBank.Pool.REF_COMMIT,
          PhraseBank.Pool.REF_PR,
          PhraseBank.Pool.REF_PIPELINE,
          PhraseBank.Pool.REF_RELEASE,
          PhraseBank.Pool.REF_RELEASE_COMMIT,
          PhraseBank.Pool.TITLE_QUOTE,
          PhraseBank.Pool.ROLLED_BACK_TO,
          PhraseBank.Pool.CHANGE_CONTEXT);

  private static final Map<PhraseBank.Pool, String> STORIES =
      Map.of(
          PhraseBank.Pool.CAUSE_DATA, "data",
          PhraseBank.Pool.CAUSE_TRAFFIC, "traffic",
          PhraseBank.Pool.CAUSE_CONFIG, "config",
          PhraseBank.Pool.CAUSE_MOCKS, "mocks",
          PhraseBank.Pool.CAUSE_UNEXPLAINED, "none");

  /** What {@code citing-sentences.tsv} must hold. */
  static List<String> citingSentences() {
    List<String> out = new ArrayList<>();
    out.add("# Sentences that cite a change. Columns: label, where written, sentence.");
    out.add("# aside: the change is named only to be ruled out.");
    out.add(
        "# other: it is named as the cause or a suspect, or as the version production went back");
    out.add("# to, or a change is spoken of without being cited.");
    out.add("# {change} is the cited change; other {slots} stand for names and times and are left");
    out.add("# out when read. Written from the scenario generator's phrase banks A to E (not F:");
    out.add("# BankSentencesTest says why; G is held out); that test says when the banks changed");
    out.add("# and this must be written again.");
    for (PhraseBank bank : CITING) {
      for (String[] labelled : citing(bank)) {
        out.add(labelled[0] + "\t" + bank.name + "\t" + labelled[1]);
      }
    }
    return out;
  }

  /**
   * A bank's templates that cite a change, each as its label ({@code aside} for a rule-out, else
   * {@code other}) and its text with the cited handle written {@code {change}}.
   */
  static List<String[]> citing(PhraseBank bank) {
    List<String[]> out = new ArrayList<>();
    for (PhraseBank.Pool pool : PhraseBank.Pool.values()) {
      if (!ASIDE.contains(pool) && !OTHER.contains(pool)) {
        continue;
      }
      String handle = PhraseBankTest.handle(pool);
      for (String t : bank.pool(pool)) {
        if (!t.isBlank()) {
          String text = handle == null ? t : t.replace("{" + handle + "}", "{change}");
          out.add(new String[] {ASIDE.contains(pool) ? "aside" : "other", text});
        }
      }
    }
    return out;
  }

  /** What {@code gap-stories.tsv} must hold. */
  static List<String> gapStories() {
    List<String> out = new ArrayList<>();
    out.add("# Stories of why staging did not catch an escape. Columns: gap (data, traffic,");
    out.add("# config, mocks, or none when nobody can say), where written, story. {slots} stand");
    out.add("# for names and are left out when read. Written from the scenario generator's phrase");
    out.add(
        "# banks A to F (bank G is held out); BankSentencesTest says when the banks changed and");
    out.add("# this must be written again.");
    for (PhraseBank bank : STORY) {
      for (PhraseBank.Pool pool : PhraseBank.Pool.values()) {
        String gap = STORIES.get(pool);
        if (gap == null) {
          continue;
        }
        for (String t : bank.pool(pool)) {
          if (!t.isBlank()) {
            out.add(gap + "\t" + bank.name + "\t" + t);
          }
        }
      }
    }
    return out;
  }

  @Test
  void theShippedCitingSentencesAreThoseOfBanksAToE() throws IOException {
    same("citing-sentences.tsv", citingSentences());
  }

  @Test
  void theShippedGapStoriesAreThoseOfBanksAToF() throws IOException {
    same("gap-stories.tsv", gapStories());
  }

  private static void same(String name, List<String> want) throws IOException {
    Path resource = FOLDER.resolve(name);
    List<String> have =
        Files.exists(resource) ? Files.readAllLines(resource, StandardCharsets.UTF_8) : List.of();
    if (!want.equals(have)) {
      Path fresh = Path.of("target", name);
      Files.createDirectories(fresh.getParent());
      Files.write(fresh, want, StandardCharsets.UTF_8);
      assertEquals(
          String.join("\n", want),
          String.join("\n", have),
          "the banks changed: copy " + fresh + " to " + resource);
    }
  }
}
