package dev.rehearsal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's command-line examples, run as written (on a workspace and a scenario folder of the
 * test's own), each showing what the README says it shows.
 */
class ReadmeExamplesTest {
  private static final String PREFIX = "    java -jar target/rehearsal.jar ";

  @TempDir Path dir;

  /** The example commands of the README's command-line section, in order, as argument lists. */
  static List<List<String>> examples(String readme) {
    int from = readme.indexOf("## The command line");
    int to = readme.indexOf("\n## ", from + 1);
    List<List<String>> out = new ArrayList<>();
    for (String line : readme.substring(from, to).split("\n")) {
      if (line.startsWith(PREFIX)) {
        out.add(words(line.substring(PREFIX.length())));
      }
    }
    return out;
  }

  /** Shell words: blanks split, quotes group, '#' outside quotes starts a comment. */
  static List<String> words(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    char quote = 0;
    boolean inWord = false;
    for (char c : line.toCharArray()) {
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          w.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        inWord = true;
      } else if (c == '#' && !inWord) {
        break;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          out.add(w.toString());
          w.setLength(0);
          inWord = false;
        }
      } else {
        w.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      out.add(w.toString());
    }
    return out;
  }

  @Test
  void everyExampleRunsAndShowsWhatTheReadmeSays() throws IOException {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    List<List<String>> examples = examples(readme);
    assertTrue(examples.size() >= 8, "the README shows the commands: " + examples);
    Path shop = dir.resolve("shop");
    Path ws = dir.resolve("ws");
    Map<String, CliTest.Run> runs = new LinkedHashMap<>();
    for (List<String> example : examples) {
      List<String> args = new ArrayList<>();
      for (String a : example) {
        args.add(a.replace("/tmp/shop", shop.toString()));
      }
      args.add("--workspace");
      args.add(ws.toString());
      CliTest.Run r = CliTest.run(args.toArray(new String[0]));
      assertEquals(0, r.code(), String.join(" ", example) + "\n" + r.out() + r.err());
      assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
      runs.put(example.get(0) + (example.size() > 1 ? " " + example.get(1) : ""), r);
    }
    String explain = runs.get("explain 1009").out();
    assertTrue(explain.contains("Change: catalog 1.14.0 to production"), explain);
    assertTrue(explain.contains("Staging verdict: passed staging (escape)"), explain);
    assertTrue(explain.contains("Gaps: config"), explain);
    assertTrue(explain.contains("feature flag"), "the passage behind the gap: " + explain);
    assertTrue(explain.contains("differs: production"), "the values behind the gap: " + explain);
    String search = runs.get("search title:latency AND service:catalog").out();
    assertTrue(search.matches("(?s)[1-9][0-9]* match\\(es\\).*"), search);
    assertTrue(runs.get("analyze").out().contains("passed staging (escape)"));
    assertTrue(runs.get("aggregates --quarter").out().contains("escapes"));
    assertTrue(runs.get("aliases suggest").out().contains("applied"));
    assertTrue(runs.get("review 1009").out().contains("1009"), runs.get("review 1009").out());
  }

  /** The quarterly report's appendix quotes the method's accuracy as the README's table does. */
  @Test
  void theReportsAccuracyTableIsTheReadmes() throws Exception {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    var rows = dev.rehearsal.report.QuarterlyPdfExporter.methodAccuracyRows();
    for (String[] row : rows) {
      String line = "| " + String.join(" | ", row) + " |";
      line = line.replace("|  |", "| |");
      while (line.contains("|  |")) {
        line = line.replace("|  |", "| |");
      }
      assertTrue(readme.contains(line), "the README's accuracy table has the row " + line);
    }
  }
}
