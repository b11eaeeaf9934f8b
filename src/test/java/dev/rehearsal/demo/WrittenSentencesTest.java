package dev.rehearsal.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The citing sentences written to train the model of citing sentences ({@code
 * written-citing-sentences.tsv}, decision 0033) stay apart from the banks whose citations are held
 * out for linking: none of them shares a sentence or a distinctive phrase ({@link
 * PhraseBankTest#phrases}) with a template of those banks that cites a change ({@link
 * BankSentencesTest#citing}), so that figures measured on those banks still say how the analysis
 * reads wording it never saw.
 */
class WrittenSentencesTest {

  static final Path RESOURCE = BankSentencesTest.FOLDER.resolve("written-citing-sentences.tsv");

  /** The banks whose citing sentences train nothing. */
  static final List<PhraseBank> HELD_OUT = List.of(PhraseBank.F, PhraseBank.G, PhraseBank.H);

  static List<String[]> rows() throws IOException {
    List<String[]> out = new ArrayList<>();
    for (String line : Files.readAllLines(RESOURCE, StandardCharsets.UTF_8)) {
      if (!line.isBlank() && !line.startsWith("#")) {
        out.add(line.split("\t", -1));
      }
    }
    return out;
  }

  @Test
  void shareNoSentenceOrDistinctivePhraseWithAHeldOutBanksCitations() throws IOException {
    Set<String> sentences = new HashSet<>();
    Map<String, String> phrases = new HashMap<>();
    for (PhraseBank bank : HELD_OUT) {
      for (String[] labelled : BankSentencesTest.citing(bank)) {
        String text = labelled[1];
        sentences.add(String.join(" ", PhraseBankTest.tokens(text)));
        for (String g : PhraseBankTest.phrases(text)) {
          phrases.put(g, bank.name + ": " + text);
        }
      }
    }
    List<String> shared = new ArrayList<>();
    for (String[] row : rows()) {
      String s = row[2];
      if (sentences.contains(String.join(" ", PhraseBankTest.tokens(s)))) {
        shared.add("sentence: " + s);
      }
      for (String g : PhraseBankTest.phrases(s)) {
        if (phrases.containsKey(g)) {
          shared.add("'" + g + "' in " + s + " | " + phrases.get(g));
        }
      }
    }
    assertEquals(List.of(), shared, String.join("\n", shared));
  }

  @Test
  void eachRowIsALabelledSentenceThatCitesAChange() throws IOException {
    Set<String> seen = new HashSet<>();
    int aside = 0;
    int other = 0;
    for (String[] row : rows()) {
      assertEquals(3, row.length, String.join("|", row));
      assertTrue(row[0].equals("aside") || row[0].equals("other"), row[0]);
      assertEquals("W", row[1]);
      assertTrue(row[2].contains("{change}"), row[2]);
      assertTrue(
          row[2].replaceAll("\\{(change|service|at)}", "").indexOf('{') < 0,
          "a slot other than {change}, {service} or {at}: " + row[2]);
      assertTrue(seen.add(row[2]), "twice: " + row[2]);
      if (row[0].equals("aside")) {
        aside++;
      } else {
        other++;
      }
    }
    assertTrue(aside >= 600 && other >= 600, aside + " aside, " + other + " other");
  }
}
