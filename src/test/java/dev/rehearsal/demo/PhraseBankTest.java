package dev.rehearsal.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The held-out banks share no sentence and no distinctive phrase with the tuning bank, nor bank C
 * with bank B, nor bank D with A, B or C, nor bank E with A, B, C or D, nor bank F with A, B, C, D
 * or E, nor bank G with A, B, C, D, E or F, nor bank H with A, B, C, D, E, F or G.
 */
class PhraseBankTest {

  /** Words too common to make a phrase distinctive. */
  private static final Set<String> COMMON =
      Set.of(
          "a", "an", "the", "of", "to", "in", "on", "at", "for", "and", "or", "is", "was", "were",
          "be", "been", "it", "its", "this", "that", "with", "by", "from", "as", "our", "we", "no",
          "not", "so", "but", "has", "had", "have", "after", "before", "into", "out", "up", "one",
          "all", "there", "than", "then", "when", "any", "some", "more", "only", "did", "do", "s",
          "are", "which", "what", "who", "us", "they", "their", "them", "too", "very", "while",
          "once", "about", "over", "under", "until", "off", "again", "still", "never", "also");

  static List<String> tokens(String template) {
    String t = template.toLowerCase(Locale.ROOT).replaceAll("\\{(\\w+)}", " <$1> ");
    List<String> out = new ArrayList<>();
    for (String w : t.split("[^a-z0-9<>]+")) {
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }

  /** Runs of three words with at least two that are not common words. */
  static Set<String> phrases(String template) {
    List<String> w = tokens(template);
    Set<String> out = new HashSet<>();
    for (int i = 0; i + 3 <= w.size(); i++) {
      List<String> g = w.subList(i, i + 3);
      if (g.stream().filter(x -> !COMMON.contains(x)).count() >= 2) {
        out.add(String.join(" ", g));
      }
    }
    return out;
  }

  /** Sentences and distinctive phrases of {@code other} that {@code bank} also holds. */
  static List<String> shared(PhraseBank bank, PhraseBank other) {
    Map<String, String> inOther = new TreeMap<>();
    Set<String> sentencesOther = new HashSet<>();
    for (PhraseBank.Pool p : PhraseBank.Pool.values()) {
      for (String t : other.pool(p)) {
        sentencesOther.add(String.join(" ", tokens(t)));
        for (String g : phrases(t)) {
          inOther.put(g, t);
        }
      }
    }
    List<String> shared = new ArrayList<>();
    for (PhraseBank.Pool p : PhraseBank.Pool.values()) {
      for (String t : bank.pool(p)) {
        String s = String.join(" ", tokens(t));
        if (!s.isEmpty() && sentencesOther.contains(s)) {
          shared.add("sentence: " + t);
        }
        for (String g : phrases(t)) {
          if (inOther.containsKey(g)) {
            shared.add(
                "'"
                    + g
                    + "' in "
                    + bank.name
                    + ": "
                    + t
                    + " | "
                    + other.name
                    + ": "
                    + inOther.get(g));
          }
        }
      }
    }
    return shared;
  }

  /**
   * Each bank against every bank written before it: B with A, C with A and B, D with A to C, E with
   * A to D, F with A to E, G with A to F, H with A to G.
   */
  @ParameterizedTest(name = "bank {0} with bank {1}")
  @CsvSource({
    "B, A", "C, A", "C, B", "D, A", "D, B", "D, C", "E, A", "E, B", "E, C", "E, D", "F, A", "F, B",
    "F, C", "F, D", "F, E", "G, A", "G, B", "G, C", "G, D", "G, E", "G, F", "H, A", "H, B", "H, C",
    "H, D", "H, E", "H, F", "H, G"
  })
  void aLaterBankSharesNoSentenceOrDistinctivePhraseWithAnEarlierOne(
      Style.Bank later, Style.Bank earlier) {
    List<String> shared = shared(PhraseBank.of(later), PhraseBank.of(earlier));
    assertEquals(List.of(), shared, String.join("\n", shared));
  }

  @Test
  void everyPoolHasWordingInEveryBank() {
    for (Style.Bank b : Style.Bank.values()) {
      for (PhraseBank.Pool p : PhraseBank.Pool.values()) {
        assertTrue(PhraseBank.of(b).pool(p).stream().anyMatch(s -> !s.isBlank()), b + " " + p);
      }
    }
  }

  @Test
  void eachBankIsReachedThroughItsStyleBank() {
    assertSame(PhraseBank.A, PhraseBank.of(Style.Bank.A));
    assertSame(PhraseBank.B, PhraseBank.of(Style.Bank.B));
    assertSame(PhraseBank.C, PhraseBank.of(Style.Bank.C));
    assertSame(PhraseBank.D, PhraseBank.of(Style.Bank.D));
    assertSame(PhraseBank.E, PhraseBank.of(Style.Bank.E));
    assertSame(PhraseBank.F, PhraseBank.of(Style.Bank.F));
    assertSame(PhraseBank.G, PhraseBank.of(Style.Bank.G));
    assertSame(PhraseBank.H, PhraseBank.of(Style.Bank.H));
    for (Style.Bank b : Style.Bank.values()) {
      assertEquals(b.name(), PhraseBank.of(b).name);
    }
  }

  @Test
  void withBankChangesOnlyTheBank() {
    for (Style.Bank b :
        List.of(
            Style.Bank.C, Style.Bank.D, Style.Bank.E, Style.Bank.F, Style.Bank.G, Style.Bank.H)) {
      for (Style s : Style.heldOut()) {
        Style c = s.withBank(b);
        assertEquals(b, c.bank());
        assertEquals(s.name(), c.name());
        assertEquals(s.split(), c.split());
        assertEquals(s, c.withBank(s.bank()));
      }
    }
  }

  /** Bank C fills each pool with the slots banks A and B use there, and no others. */
  @Test
  void bankCUsesOnlySlotsTheOtherBanksUseInEachPool() {
    java.util.regex.Pattern slot = java.util.regex.Pattern.compile("\\{(\\w+)}");
    List<String> wrong = new ArrayList<>();
    for (PhraseBank.Pool p : PhraseBank.Pool.values()) {
      Set<String> known = new HashSet<>();
      for (String t : PhraseBank.A.pool(p)) {
        slot.matcher(t).results().forEach(m -> known.add(m.group(1)));
      }
      for (String t : PhraseBank.B.pool(p)) {
        slot.matcher(t).results().forEach(m -> known.add(m.group(1)));
      }
      for (String t : PhraseBank.C.pool(p)) {
        slot.matcher(t)
            .results()
            .filter(m -> !known.contains(m.group(1)))
            .forEach(m -> wrong.add(p + ": {" + m.group(1) + "} in " + t));
      }
    }
    assertEquals(List.of(), wrong, String.join("\n", wrong));
  }

  private static final Pattern SLOT = Pattern.compile("\\{(\\w+)}");

  /** The slots {@code Narratives.fill} fills: the incident's particulars. */
  private static final Set<String> PARTICULARS =
      Set.of(
          "svc",
          "service",
          "table",
          "vendor",
          "key",
          "prod",
          "staging",
          "flag",
          "ratio",
          "endpoint",
          "customer");

  /**
   * The slots each pool's templates are filled with where they are used (IncidentTexts, and
   * ScenarioGenerator for change titles): a template with any other slot would be written out
   * unfilled.
   */
  static Set<String> filledSlots(PhraseBank.Pool p) {
    return switch (p) {
      case CHANGE_TITLES -> Set.of("d");
      case TITLES_GENERIC,
          TITLES_DATA,
          TITLES_TRAFFIC,
          TITLES_CONFIG,
          TITLES_MOCKS,
          TITLES_EXTERNAL,
          DETECTION,
          CAUSE_DATA,
          CAUSE_TRAFFIC,
          CAUSE_CONFIG,
          CAUSE_MOCKS,
          CAUSE_UNEXPLAINED,
          CAUSE_EXTERNAL,
          CHANGE_CONTEXT,
          AFFECTED_CUSTOMERS ->
          PARTICULARS;
      case MITIGATION, ACTIONS, NOISE, PAUSED -> Set.of();
      case ROLLED_BACK_TO -> Set.of("prev");
      case REF_VERSION -> Set.of("service", "version", "at");
      case REF_COMMIT, DECOY_COMMIT -> Set.of("sha");
      case REF_PR -> Set.of("pr", "at");
      case REF_PIPELINE -> Set.of("pipeline");
      case REF_RELEASE -> Set.of("app", "release", "at");
      case REF_RELEASE_COMMIT -> Set.of("sha7");
      case DECOY_VERSION -> Set.of("version");
      case DECOY_PR -> Set.of("pr");
      case DECOY_DEPLOY -> Set.of("other", "when");
      case TITLE_QUOTE -> Set.of("title");
      case NUMBERS -> Set.of("ticket", "library", "libversion");
    };
  }

  /** Every bank's templates use only the slots their pool is filled with. */
  @Test
  void everyBankUsesOnlyTheSlotsEachPoolIsFilledWith() {
    List<String> wrong = new ArrayList<>();
    for (PhraseBank bank :
        List.of(
            PhraseBank.A,
            PhraseBank.B,
            PhraseBank.C,
            PhraseBank.D,
            PhraseBank.E,
            PhraseBank.F,
            PhraseBank.G,
            PhraseBank.H)) {
      for (PhraseBank.Pool p : PhraseBank.Pool.values()) {
        Set<String> filled = filledSlots(p);
        for (String t : bank.pool(p)) {
          SLOT.matcher(t)
              .results()
              .filter(m -> !filled.contains(m.group(1)))
              .forEach(m -> wrong.add(bank.name + " " + p + ": {" + m.group(1) + "} in " + t));
        }
      }
    }
    assertEquals(List.of(), wrong, String.join("\n", wrong));
  }

  /** Bank D fills each pool with slots banks A, B and C use there, and no others. */
  @Test
  void bankDUsesOnlySlotsTheOtherBanksUseInEachPool() {
    List<String> wrong =
        slotsNotIn(PhraseBank.D, List.of(PhraseBank.A, PhraseBank.B, PhraseBank.C));
    assertEquals(List.of(), wrong, String.join("\n", wrong));
  }

  /**
   * Each bank from E on fills each pool with slots the bank before it uses there, and no others.
   */
  @ParameterizedTest(name = "bank {0} with bank {1}")
  @CsvSource({"E, D", "F, E", "G, F", "H, G"})
  void aLaterBankUsesOnlySlotsTheBankBeforeUsesInEachPool(Style.Bank later, Style.Bank before) {
    List<String> wrong = slotsNotIn(PhraseBank.of(later), List.of(PhraseBank.of(before)));
    assertEquals(List.of(), wrong, String.join("\n", wrong));
  }

  /** The slots a bank fills in a pool that none of {@code others} fills in that pool. */
  private static List<String> slotsNotIn(PhraseBank bank, List<PhraseBank> others) {
    List<String> wrong = new ArrayList<>();
    for (PhraseBank.Pool p : PhraseBank.Pool.values()) {
      Set<String> known = new HashSet<>();
      for (PhraseBank other : others) {
        for (String t : other.pool(p)) {
          SLOT.matcher(t).results().forEach(m -> known.add(m.group(1)));
        }
      }
      for (String t : bank.pool(p)) {
        SLOT.matcher(t)
            .results()
            .filter(m -> !known.contains(m.group(1)))
            .forEach(m -> wrong.add(p + ": {" + m.group(1) + "} in " + t));
      }
    }
    return wrong;
  }

  /**
   * Each bank written after another holds at least as many templates in each pool as the one before
   * it, so it draws as widely.
   */
  @ParameterizedTest
  @CsvSource({"E, D", "F, E", "G, F", "H, G"})
  void aLaterBankIsAtLeastAsLargeAsTheOneBeforeInEveryPool(Style.Bank later, Style.Bank before) {
    List<String> small = new ArrayList<>();
    for (PhraseBank.Pool p : PhraseBank.Pool.values()) {
      int b = PhraseBank.of(before).pool(p).size();
      int l = PhraseBank.of(later).pool(p).size();
      if (l < b) {
        small.add(p + ": " + l + " < " + b);
      }
    }
    assertEquals(List.of(), small, String.join("\n", small));
  }

  /**
   * The handle a pool's templates must name: a citation names the causing change, a ruling-out
   * names the change ruled out, a rollback names the version gone back to.
   */
  static String handle(PhraseBank.Pool p) {
    return switch (p) {
      case ROLLED_BACK_TO -> "prev";
      case REF_VERSION, DECOY_VERSION -> "version";
      case REF_COMMIT, DECOY_COMMIT -> "sha";
      case REF_PR, DECOY_PR -> "pr";
      case REF_PIPELINE -> "pipeline";
      case REF_RELEASE -> "release";
      case REF_RELEASE_COMMIT -> "sha7";
      case DECOY_DEPLOY -> "other";
      case TITLE_QUOTE -> "title";
      default -> null;
    };
  }

  /** Every template of a citing, ruling-out or rollback pool of banks E to H names its handle. */
  @ParameterizedTest(name = "bank {0}")
  @CsvSource({"E", "F", "G", "H"})
  void namesTheHandleInEveryCitationAndRulingOut(Style.Bank bank) {
    List<String> wrong = handlesMissing(PhraseBank.of(bank));
    assertEquals(List.of(), wrong, String.join("\n", wrong));
  }

  /** The templates of a bank's citing, ruling-out or rollback pools that do not name the handle. */
  private static List<String> handlesMissing(PhraseBank bank) {
    List<String> wrong = new ArrayList<>();
    for (PhraseBank.Pool p : PhraseBank.Pool.values()) {
      String h = handle(p);
      if (h == null) {
        continue;
      }
      for (String t : bank.pool(p)) {
        if (!t.contains("{" + h + "}")) {
          wrong.add(p + ": no {" + h + "} in " + t);
        }
      }
    }
    return wrong;
  }

  /**
   * Incidents written from banks D, E, F, G and H in every held-out style carry no unfilled slot.
   */
  @ParameterizedTest(name = "bank {0}")
  @CsvSource({"D", "E", "F", "G", "H"})
  void heldOutBankIncidentsAreWrittenWithEverySlotFilled(Style.Bank bank, @TempDir Path dir)
      throws Exception {
    Pattern unfilled = Pattern.compile("\\{[a-z0-9_]+}");
    List<String> wrong = new ArrayList<>();
    for (Style s : Style.heldOut()) {
      Path out = dir.resolve(s.name());
      new ScenarioGenerator(new ScenarioGenerator.Options(41, 80, 600, -1, 10), s.withBank(bank))
          .generate(out, null);
      List<Path> files;
      try (Stream<Path> w = Files.walk(out.resolve("incidents"))) {
        files = w.filter(Files::isRegularFile).toList();
      }
      assertTrue(!files.isEmpty(), s.name());
      for (Path f : files) {
        unfilled
            .matcher(Files.readString(f))
            .results()
            .forEach(m -> wrong.add(s.name() + " " + f.getFileName() + ": " + m.group()));
      }
    }
    assertEquals(List.of(), wrong, String.join("\n", wrong));
  }
}
