package dev.rehearsal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rehearsal.util.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command, run the way a user runs it (through {@link Main#execute}), on a small generated
 * scenario: what it prints, its JSON, and its exit code on wrong arguments (2, with usage, never a
 * stack trace).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CliTest {
  @TempDir static Path dir;

  private Path scenario;
  private Path ws;
  private String demoOut;

  record Run(int code, String out, String err) {
    JsonNode json() throws IOException {
      return Json.mapper().readTree(out);
    }
  }

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  /** A usage error: exit 2, the reason and the command's usage on stderr, no stack trace. */
  /** A command that ran and failed: exit 1, the reason in one line, no usage, no stack trace. */
  static void assertFailed(Run r, String reason) {
    assertEquals(1, r.code(), r.out() + r.err());
    assertTrue(r.err().contains(reason), r.err());
    assertFalse(r.err().contains("Usage:"), "not a usage error: " + r.err());
    assertFalse(r.err().contains("\tat dev.rehearsal"), "no stack trace: " + r.err());
  }

  static void assertUsageError(Run r, String reason, String usage) {
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(r.err().contains(reason), r.err());
    assertTrue(r.err().contains("Usage: rehearsal " + usage), r.err());
    assertFalse(r.err().contains("\tat dev.rehearsal"), "no stack trace: " + r.err());
  }

  @BeforeAll
  void scenarioAndWorkspace() {
    scenario = dir.resolve("scenario");
    ws = dir.resolve("ws");
    Run r =
        run(
            "demo",
            "--out",
            scenario.toString(),
            "--seed",
            "3",
            "--incidents",
            "60",
            "--deploys",
            "800",
            "--import",
            "--workspace",
            ws.toString());
    assertEquals(0, r.code(), r.err());
    demoOut = r.out();
    assertEquals(0, run("analyze", "--workspace", ws.toString()).code());
  }

  @Test
  void noCommandOrAnUnknownOneIsAUsageError() {
    assertUsageError(run(), "a command is required", "[-hV] [COMMAND]");
    assertUsageError(run("frobnicate"), "Unmatched argument", "[-hV] [COMMAND]");
    Run help = run("--help");
    assertEquals(0, help.code());
    for (String c :
        new String[] {
          "import",
          "search",
          "stats",
          "demo",
          "analyze",
          "evaluate",
          "review",
          "explain",
          "aggregates",
          "bench",
          "rejections",
          "aliases",
          "app"
        }) {
      assertTrue(help.out().contains("  " + c + " "), c + " listed in " + help.out());
    }
  }

  @Test
  void demoImportAndStatsCountTheSameFilesAndFacts() throws IOException {
    JsonNode stats =
        Json.mapper().readTree(run("stats", "--json", "--workspace", ws.toString()).out());
    long stored = stats.path("records").path("fact").path("count").asLong();
    long accepted = stats.path("records").path("fact").path("accepted").asLong();
    long files = stats.path("documents").path("import").asLong();
    assertTrue(stored > 0 && accepted > stored, "the scenario repeats facts: " + stats);
    // the demo says what the workspace stores, and what the files hold
    assertTrue(demoOut.contains(String.format("%,d environment facts", stored)), demoOut);
    assertTrue(
        demoOut.contains(String.format("the files hold %,d fact records", accepted)), demoOut);
    assertTrue(demoOut.contains(String.format("%,d files to import", files)), demoOut);
    assertTrue(
        demoOut.contains(String.format("%,d fact records accepted, %,d stored", accepted, stored)),
        demoOut);
    // an import of the whole folder by hand: the same files, the same records, the same facts
    Run imp =
        run("import", scenario.toString(), "--workspace", dir.resolve("ws-counts").toString());
    assertEquals(0, imp.code(), imp.err());
    assertTrue(imp.out().contains(String.format("%n%,d file(s) imported", files)), imp.out());
    assertTrue(imp.out().contains("4 skipped"), imp.out());
    assertTrue(
        imp.out()
            .contains(String.format("%,d fact records accepted, %,d stored", accepted, stored)),
        imp.out());
    assertTrue(imp.out().contains(String.format("%,d facts.", stored)), imp.out());
    Run text = run("stats", "--workspace", dir.resolve("ws-counts").toString());
    assertTrue(
        text.out()
            .contains(
                String.format(
                    "files read by imports: %,d (%,d imported, 4 skipped)", files + 4, files)),
        text.out());
    assertTrue(
        text.out().matches(String.format("(?s).*\\nfact +%,d +%,d .*", stored, accepted)),
        text.out());
  }

  @Test
  void demoIsDeterministicForASeedAndWritesTheTruth() throws IOException {
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    Run first =
        run("demo", "--out", a.toString(), "--seed", "11", "--incidents", "30", "--deploys", "300");
    assertEquals(0, first.code(), first.err());
    assertTrue(first.out().contains("Incidents by what caused them: "), first.out());
    assertFalse(first.out().contains("{"), "no Java maps: " + first.out());
    assertFalse(first.out().contains("Z to "), "no raw instants: " + first.out());
    Run again =
        run(
            "demo",
            "--out",
            b.toString(),
            "--seed",
            "11",
            "--incidents",
            "30",
            "--deploys",
            "300",
            "--json");
    assertEquals(0, again.code());
    assertEquals(30, again.json().path("scenario").path("incidents").asInt(), again.out());
    assertEquals(
        Files.readString(a.resolve("truth.csv")), Files.readString(b.resolve("truth.csv")));
    assertEquals(31, Files.readAllLines(a.resolve("truth.csv")).size(), "header + 30 rows");
    Path other = dir.resolve("c");
    run("demo", "--out", other.toString(), "--seed", "12", "--incidents", "30", "--deploys", "300");
    assertFalse(
        Files.readString(a.resolve("truth.csv"))
            .equals(Files.readString(other.resolve("truth.csv"))),
        "another seed, another history");

    assertUsageError(run("demo"), "Missing required option: '--out=DIR'", "demo");
    assertUsageError(
        run("demo", "--out", a.toString(), "--incidents", "-5"), "no negative counts", "demo");
  }

  @Test
  void importPrintsOneLinePerFormatEveryFileWithVerboseAndIsIdempotent() throws IOException {
    Path w = dir.resolve("import-ws");
    Run first =
        run("import", scenario.resolve("incidents").toString(), "--workspace", w.toString());
    assertEquals(0, first.code(), first.err());
    assertTrue(first.out().contains("PagerDuty incidents (REST API JSON)"), first.out());
    assertTrue(first.out().contains("\nFORMAT "), first.out());
    assertFalse(first.out().contains(".json "), "no file listed by default: " + first.out());
    Run verbose =
        run(
            "import",
            scenario.resolve("incidents").toString(),
            "--workspace",
            w.toString(),
            "--verbose");
    assertEquals(0, verbose.code(), verbose.err());
    assertTrue(verbose.out().startsWith("FILE "), verbose.out());
    assertTrue(verbose.out().contains("pagerduty-json"), verbose.out());
    assertTrue(verbose.out().contains("jira-csv"), verbose.out());
    Run json =
        run(
            "import",
            scenario.resolve("incidents").toString(),
            "--workspace",
            w.toString(),
            "--json");
    assertEquals(0, json.code());
    long seen = 0;
    for (JsonNode f : json.json().path("files")) {
      assertEquals(
          f.path("seen").asLong(),
          f.path("accepted").asLong() + f.path("rejected").asLong(),
          f.toString());
      seen += f.path("accepted").asLong();
    }
    assertEquals(60, seen, "every generated incident read");
    Run stats = run("stats", "--workspace", w.toString(), "--json");
    assertEquals(
        60,
        stats.json().path("documents").path("incident").asInt(),
        "importing twice changes nothing");
  }

  @Test
  void importListsWhatItSkipsAndWhy() {
    Run r = run("import", scenario.toString(), "--workspace", dir.resolve("skip-ws").toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("README.md: not recognised: it looks like documentation"), r.out());
    assertTrue(
        r.out()
            .contains(
                "settings.json: not recognised: it looks like Rehearsal " + "workspace settings"),
        r.out());
    assertTrue(
        r.out().contains("aliases.csv: not recognised: it looks like a service alias " + "table"),
        r.out());
    assertTrue(
        r.out().contains("truth.csv: not recognised: it looks like a ground-truth file"), r.out());
  }

  @Test
  void importStrictFailsOnRejectionsAndRejectionsListsThem() throws IOException {
    Path w = dir.resolve("strict-ws");
    Path csv = dir.resolve("deploys.csv");
    Files.writeString(
        csv,
        "id,service,environment,version,time,status\n"
            + "d1,checkout,production,1.0,2025-01-02T10:00:00Z,success\n"
            + "d2,checkout,production,1.1,not a time,success\n",
        StandardCharsets.UTF_8);
    Run lenient = run("import", csv.toString(), "--workspace", w.toString());
    assertEquals(0, lenient.code(), lenient.out() + lenient.err());
    Run strict = run("import", csv.toString(), "--workspace", w.toString(), "--strict");
    assertEquals(1, strict.code(), strict.out() + strict.err());
    Run rej = run("rejections", "--workspace", w.toString());
    assertEquals(0, rej.code());
    assertTrue(rej.out().contains("deploys.csv"), rej.out());
    assertTrue(rej.out().contains(":3"), "line of the bad row: " + rej.out());
    assertTrue(rej.out().contains("not a time"), rej.out());

    assertUsageError(
        run("import", dir.resolve("missing.json").toString(), "--workspace", w.toString()),
        "does not exist",
        "import");
    assertUsageError(
        run("import", "--workspace", w.toString()),
        "give the files, folders or zip archives to import",
        "import");
  }

  @Test
  void evaluateOnAnEmptyWorkspaceSaysToImportFirst() throws IOException {
    Path w = dir.resolve("empty-eval-ws");
    assertEquals(
        0, run("aliases", "set", "Checkout API", "checkout", "--workspace", w.toString()).code());
    Path truth = dir.resolve("truth-empty.csv");
    Files.writeString(truth, "incident,caused_by,verdict,gaps\n", StandardCharsets.UTF_8);
    assertFailed(
        run("evaluate", "--truth", truth.toString(), "--workspace", w.toString()),
        "nothing has been imported");
  }

  @Test
  void aWorkspacePathThatIsAFileIsSaidSo() throws IOException {
    Path file = dir.resolve("not-a-folder");
    Files.writeString(file, "x", StandardCharsets.UTF_8);
    assertFailed(run("stats", "--workspace", file.toString()), "is a file, not a workspace folder");
    assertFailed(
        run("search", "checkout", "--workspace", file.toString()),
        "is a file, not a workspace folder");
    Run imp = run("import", scenario.toString(), "--workspace", file.toString());
    assertEquals(1, imp.code(), imp.out() + imp.err());
    assertTrue(imp.err().contains("is a file"), imp.err());
    assertFalse(imp.err().contains("\tat "), imp.err());
  }

  @Test
  void importHelpAndItsFormatListWork() {
    for (String flag : new String[] {"--help", "-h"}) {
      Run help = run("import", flag);
      assertEquals(0, help.code(), help.err());
      assertTrue(help.out().contains("--list-formats"), help.out());
      assertTrue(help.out().contains("--tested-version"), help.out());
    }
    Run formats = run("import", "--list-formats");
    assertEquals(0, formats.code(), formats.err());
    assertTrue(formats.out().contains("pagerduty-json"), formats.out());
    assertTrue(formats.out().contains("PagerDuty incidents (REST API JSON)"), formats.out());
    assertTrue(formats.out().contains("junit-xml"), formats.out());
  }

  @Test
  void searchFindsHighlightsAndRejectsBadSyntaxClearly() throws IOException {
    Run r =
        run(
            "search",
            "latency",
            "--kind",
            "incident",
            "--limit",
            "3",
            "--workspace",
            ws.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(
        r.out().contains("[latency]") || r.out().contains("[Latency]"), "highlighted: " + r.out());
    Run json =
        run(
            "search",
            "latency",
            "--kind",
            "incident",
            "--limit",
            "3",
            "--json",
            "--workspace",
            ws.toString());
    JsonNode j = json.json();
    assertTrue(j.path("total").asLong() >= 3, j.toString());
    assertEquals(3, j.path("hits").size(), j.toString());

    Run bad = run("search", "title:(", "--workspace", ws.toString());
    assertEquals(2, bad.code());
    assertTrue(bad.err().contains("the query \"title:(\" is not valid search syntax"), bad.err());
    assertFalse(bad.err().contains("\tat "), "no stack trace: " + bad.err());
    assertUsageError(
        run("search", "--kind", "bogus", "--workspace", ws.toString()),
        "unknown record kind 'bogus'",
        "search");
    assertUsageError(
        run("search", "--from", "yesterday", "--workspace", ws.toString()),
        "'yesterday' is not a timestamp",
        "search");
  }

  @Test
  void rowsShowsAPageOfATableInAnOrderAndAColumnsValues() throws IOException {
    Run r = run("rows", "deploys", "--limit", "5", "--workspace", ws.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("showing 1-5"), r.out());
    assertTrue(r.out().contains("TIME") && r.out().contains("VERSION"), r.out());
    JsonNode all =
        run("rows", "deploys", "--limit", "1000", "--json", "--workspace", ws.toString()).json();
    long total = all.path("total").asLong();
    assertTrue(total > 100, all.toString().substring(0, 200));
    // newest first by default, oldest first when asked
    JsonNode rows = all.path("rows");
    for (int i = 1; i < rows.size(); i++) {
      assertTrue(
          rows.get(i - 1)
                  .path("finishedAt")
                  .asText()
                  .compareTo(rows.get(i).path("finishedAt").asText())
              >= 0,
          "newest first at " + i);
    }
    JsonNode oldest =
        run(
                "rows",
                "deploys",
                "--ascending",
                "--limit",
                "1",
                "--json",
                "--workspace",
                ws.toString())
            .json();
    assertEquals(
        rows.get(rows.size() - 1).path("sourceId").asText(),
        oldest.path("rows").get(0).path("sourceId").asText());
    // a query filters, the values of a column add up to the rows holding one
    JsonNode statuses =
        run("rows", "deploys", "--values", "status", "--json", "--workspace", ws.toString()).json();
    long sum = 0;
    for (JsonNode n : statuses) {
      sum += n.asLong();
    }
    assertEquals(total, sum, statuses.toString());
    JsonNode failed =
        run("rows", "deploys", "status:failed", "--json", "--workspace", ws.toString()).json();
    assertEquals(statuses.path("failed").asLong(), failed.path("total").asLong());
    JsonNode verdicts =
        run("rows", "incidents", "--order", "verdict", "--json", "--workspace", ws.toString())
            .json();
    assertEquals(60, verdicts.path("total").asInt());
    assertEquals(0, run("rows", "facts", "--values", "env", "--workspace", ws.toString()).code());

    Run bad = run("rows", "runs", "suite:(", "--workspace", ws.toString());
    assertEquals(2, bad.code());
    assertTrue(bad.err().contains("is not valid search syntax"), bad.err());
    assertUsageError(
        run("rows", "widgets", "--workspace", ws.toString()), "no table 'widgets'", "rows");
    assertUsageError(
        run("rows", "deploys", "--order", "title", "--workspace", ws.toString()),
        "rows cannot be ordered by title",
        "rows");
    assertUsageError(
        run("rows", "deploys", "--limit", "0", "--workspace", ws.toString()),
        "--limit from 1 to 1000",
        "rows");
  }

  @Test
  void statsCountsEveryKind() throws IOException {
    Run r = run("stats", "--workspace", ws.toString());
    assertEquals(0, r.code());
    assertTrue(r.out().matches("(?s).*\\nincident +60 +60 .*"), r.out());
    JsonNode j = run("stats", "--json", "--workspace", ws.toString()).json();
    assertEquals(60, j.path("documents").path("incident").asInt());
    assertEquals(60, j.path("documents").path("finding").asInt(), "analysed in setup");
    assertUsageError(run("stats", "--bogus"), "Unknown option: '--bogus'", "stats");
  }

  @Test
  void analyzeCountsAddUpToTheIncidents() throws IOException {
    Run r = run("analyze", "--json", "--workspace", ws.toString());
    assertEquals(0, r.code(), r.err());
    JsonNode j = r.json();
    long sum = 0;
    for (JsonNode n : j.path("verdicts")) {
      sum += n.asLong();
    }
    assertEquals(60, sum, j.toString());
    Run text = run("analyze", "--workspace", ws.toString());
    assertTrue(text.out().contains("passed staging (escape)"), text.out());
    assertTrue(text.out().contains("GAP (ESCAPES)"), text.out());
  }

  @Test
  void demoListsItsStylesAndRefusesUnknownOnes() {
    Run list = run("demo", "--style", "list");
    assertEquals(0, list.code(), list.err());
    for (String s : new String[] {"plain", "startup", "enterprise", "scaleup", "retail"}) {
      assertTrue(list.out().contains(s + " ("), s + " in " + list.out());
    }
    assertTrue(list.out().contains("regulated (held-out)"), list.out());
    assertTrue(run("demo", "--help").out().contains("--style"));
    assertUsageError(
        run("demo", "--out", dir.resolve("x").toString(), "--style", "nope"),
        "unknown style 'nope'",
        "demo");
    assertUsageError(
        run("demo", "--out", dir.resolve("x").toString(), "--style", "all", "--import"),
        "--import takes one style",
        "demo");
  }

  @Test
  void demoWritesEachStyleIntoItsOwnFolder() throws IOException {
    Path all = dir.resolve("styles");
    Run r =
        run(
            "demo",
            "--out",
            all.toString(),
            "--style",
            "all",
            "--incidents",
            "30",
            "--deploys",
            "300");
    assertEquals(0, r.code(), r.err());
    for (String s :
        new String[] {"plain", "startup", "enterprise", "scaleup", "retail", "regulated"}) {
      List<String> truth = Files.readAllLines(all.resolve(s).resolve("truth.csv"));
      assertEquals("incident,caused_by,verdict,gaps,style,case", truth.get(0), s);
      assertEquals(31, truth.size(), s);
      assertTrue(truth.get(1).contains("," + s + ","), truth.get(1));
      assertTrue(r.out().contains(s), r.out());
    }
  }

  @Test
  void evaluateReportsEachCaseOfAStyledScenario() throws IOException {
    Path styled = dir.resolve("styled");
    Path w = dir.resolve("styled-ws");
    Run demo =
        run(
            "demo",
            "--out",
            styled.toString(),
            "--style",
            "retail",
            "--seed",
            "4",
            "--incidents",
            "40",
            "--deploys",
            "500",
            "--import",
            "--workspace",
            w.toString());
    assertEquals(0, demo.code(), demo.err());
    assertTrue(demo.out().contains("Style retail; incidents by case: "), demo.out());
    Run r =
        run(
            "evaluate",
            "--truth",
            styled.resolve("truth.csv").toString(),
            "--workspace",
            w.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("By case"), r.out());
    assertTrue(r.out().contains("not-change"), r.out());
    assertFalse(r.out().contains("By style"), "one style: no table of styles");
    JsonNode j =
        run(
                "evaluate",
                "--truth",
                styled.resolve("truth.csv").toString(),
                "--json",
                "--workspace",
                w.toString())
            .json();
    long incidents = 0;
    for (JsonNode c : j.path("byCase")) {
      assertTrue(c.has("linkRecall") && c.has("baselineRecall") && c.has("verdictAccuracy"));
      incidents += c.path("incidents").asLong();
    }
    assertEquals(40, incidents, j.path("byCase").toString());
    assertEquals(40, j.path("byStyle").path("retail").path("incidents").asLong());
  }

  @Test
  void evaluateMeasuresWhatReviewsTeachInACopyOfTheWorkspace() throws IOException {
    String truth = scenario.resolve("truth.csv").toString();
    JsonNode j =
        run(
                "evaluate",
                "--truth",
                truth,
                "--review-first",
                "0.25",
                "--json",
                "--workspace",
                ws.toString())
            .json();
    JsonNode after = j.path("afterReviews");
    long labelled = j.path("evaluation").path("labelled").asLong();
    long reviews = after.path("reviews").asLong();
    assertEquals(
        Math.round(labelled * 0.25), reviews + after.path("refused").asLong(), j.toString());
    assertTrue(reviews > 0, after.toString());
    // both analyses judged on the same incidents: those not reviewed
    assertEquals(labelled - reviews, after.path("before").path("labelled").asLong());
    assertEquals(labelled - reviews, after.path("after").path("labelled").asLong());
    // the workspace itself holds no review
    try (var s = dev.rehearsal.app.Session.open(ws)) {
      assertEquals(
          0, s.workspace().facets().count(dev.rehearsal.index.DocKind.REVIEW), "reviewed the copy");
    }
    Run text =
        run("evaluate", "--truth", truth, "--review-first", "0.25", "--workspace", ws.toString());
    assertTrue(text.out().contains("AFTER REVIEWS"), text.out());
    assertTrue(text.out().contains("first gap right"), text.out());
    Run bad =
        run("evaluate", "--truth", truth, "--review-first", "1.5", "--workspace", ws.toString());
    assertEquals(1, bad.code(), bad.out());
    assertTrue(bad.err().contains("between 0 and 1"), bad.err());
  }

  @Test
  void evaluatePrintsEngineAndBaselineSideBySide() throws IOException {
    Run r =
        run(
            "evaluate",
            "--truth",
            scenario.resolve("truth.csv").toString(),
            "--workspace",
            ws.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("baseline: last deploy"), r.out());
    assertTrue(r.out().contains("Verdict accuracy"), r.out());
    JsonNode j =
        run(
                "evaluate",
                "--truth",
                scenario.resolve("truth.csv").toString(),
                "--json",
                "--workspace",
                ws.toString())
            .json();
    double p = j.path("linkPrecision").asDouble();
    double baseline = j.path("baselinePrecision").asDouble();
    assertTrue(p > baseline + 0.2, "engine " + p + " vs baseline " + baseline);

    assertTrue(r.out().contains("Text model on 498 real incident write-ups"), r.out());
    assertEquals(498, j.path("writeups").path("writeups").asInt(), j.toString());
    assertUsageError(
        run("evaluate", "--workspace", ws.toString()),
        "give --truth FILE, or --writeups for the write-ups alone",
        "evaluate");
    assertUsageError(
        run(
            "evaluate",
            "--truth",
            dir.resolve("none.csv").toString(),
            "--workspace",
            ws.toString()),
        "does not exist",
        "evaluate");
  }

  @Test
  void evaluateWriteupsPrintsTheCrossValidatedFiguresWithoutAWorkspace() throws IOException {
    dev.rehearsal.analysis.CorpusEvaluation.Result expected =
        dev.rehearsal.analysis.CorpusEvaluation.run();
    Run text = run("evaluate", "--writeups");
    assertEquals(0, text.code(), text.err());
    String macro =
        String.format(
            java.util.Locale.ROOT,
            "macro-F1 over data, traffic, config, mocks: %.3f",
            expected.kfold().macroF1());
    assertTrue(text.out().contains(macro), text.out());
    assertTrue(text.out().contains("stratified 10-fold cross-validation"), text.out());
    assertFalse(text.out().contains("Links (incident"), "no workspace needed: " + text.out());

    JsonNode j = run("evaluate", "--writeups", "--json").json().path("writeups");
    assertEquals(498, j.path("writeups").asInt());
    assertEquals(expected.kfold().macroF1(), j.path("macroF1").asDouble(), 1e-12);
    // the confusion matrix holds every write-up once, and each class's recall is read from it
    long all = 0;
    for (String truth : new String[] {"data", "traffic", "config", "mocks", "none"}) {
      long row = 0;
      for (JsonNode c : j.path("confusion").path(truth)) {
        row += c.asLong();
      }
      all += row;
      JsonNode cls = j.path("classes").path(truth);
      assertEquals(row, cls.path("labelled").asLong(), truth);
      assertEquals(
          (double) j.path("confusion").path(truth).path(truth).asLong() / row,
          cls.path("recall").asDouble(),
          1e-12,
          truth);
    }
    assertEquals(498, all);
    double sum = 0;
    for (String g : new String[] {"data", "traffic", "config", "mocks"}) {
      sum += j.path("classes").path(g).path("f1").asDouble();
    }
    assertEquals(sum / 4, j.path("macroF1").asDouble(), 1e-12);
  }

  @Test
  void reviewWinsAndExplainShowsIt() throws IOException {
    Path w = dir.resolve("review-ws");
    assertEquals(
        0,
        run(
                "demo",
                "--out",
                dir.resolve("review-sc").toString(),
                "--seed",
                "3",
                "--incidents",
                "60",
                "--deploys",
                "800",
                "--import",
                "--workspace",
                w.toString())
            .code());
    run("analyze", "--workspace", w.toString());
    // an incident by the id its tool shows: the first Jira key the scenario wrote
    String key;
    try (var files = Files.list(dir.resolve("review-sc/incidents/jira"))) {
      Path csv = files.sorted().findFirst().orElseThrow();
      var m = java.util.regex.Pattern.compile("\"(OPS-\\d+)\"").matcher(Files.readString(csv));
      assertTrue(m.find(), "the scenario has Jira incidents");
      key = m.group(1);
    }
    Run r =
        run(
            "review",
            key,
            "--verdict",
            "escape",
            "--gaps",
            "traffic",
            "--note",
            "peak never rehearsed",
            "--reviewer",
            "ana",
            "--workspace",
            w.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("Review of "), r.out());
    assertFalse(r.out().contains("incident/jira/"), "the handle people know: " + r.out());
    Run explain = run("explain", key, "--json", "--workspace", w.toString());
    assertEquals(0, explain.code(), explain.err());
    JsonNode f = explain.json().path("finding");
    assertEquals("ESCAPE", f.path("review").path("verdict").asText(), f.toString());
    assertEquals("peak never rehearsed", f.path("review").path("note").asText());
    assertEquals(
        "ana",
        explain.json().path("reviews").get(0).path("reviewer").asText(),
        "kept in the history");
    // the review survives re-analysis and wins over the engine
    run("analyze", "--workspace", w.toString());
    JsonNode again =
        run("explain", key, "--json", "--workspace", w.toString()).json().path("finding");
    assertEquals("ESCAPE", again.path("review").path("verdict").asText());

    assertUsageError(
        run("review", key, "--verdict", "bogus", "--workspace", w.toString()),
        "unknown verdict 'bogus'",
        "review");
    assertUsageError(
        run("review", key, "--workspace", w.toString()), "say what the review decides", "review");
    assertFailed(
        run("review", "nosuch", "--confirm", "--workspace", w.toString()), "no incident 'nosuch'");
    assertFailed(run("explain", "nosuch", "--workspace", w.toString()), "no incident 'nosuch'");
    Run gapsWithoutChange =
        run(
            "review",
            key,
            "--gaps",
            "config",
            "--verdict",
            "not_change_related",
            "--workspace",
            w.toString());
    assertFailed(gapsWithoutChange, "a staging gap explains an escape");
    // the command line says how to write it with its options
    assertFailed(gapsWithoutChange, "drop --gaps, or give --verdict escape");
  }

  @Test
  void aggregatesSummariseThePeriod() throws IOException {
    Run r = run("aggregates", "--workspace", ws.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("By quarter"), r.out());
    assertTrue(r.out().contains("2023-Q1"), r.out());
    JsonNode j =
        run("aggregates", "--json", "--quarter", "2023-Q1", "--workspace", ws.toString()).json();
    assertEquals(60, j.path("total").path("incidents").asInt(), j.toString());
    assertTrue(j.path("total").path("productionDeploys").asInt() > 0, j.toString());
    JsonNode empty =
        run("aggregates", "--json", "--quarter", "2021-Q1", "--workspace", ws.toString()).json();
    assertEquals(0, empty.path("total").path("incidents").asInt());

    assertUsageError(
        run("aggregates", "--quarter", "2025-Q7", "--workspace", ws.toString()),
        "is not a quarter",
        "aggregates");
    assertUsageError(
        run(
            "aggregates",
            "--quarter",
            "2025-Q1",
            "--from",
            "2025-01-01",
            "--workspace",
            ws.toString()),
        "cannot be combined",
        "aggregates");
  }

  /**
   * The quarter's PDF draws its charts through AWT: in a process started with a DISPLAY that cannot
   * be reached (an Xvfb that was stopped, an ssh session's stale forwarding), the report is still
   * written, as AWT is told it has no display. Run in a JVM of its own, as a user runs the command:
   * AWT reads DISPLAY once per process.
   */
  @Test
  void aPdfReportIsWrittenWhenTheDisplayCannotBeReached() throws Exception {
    Path pdf = dir.resolve("no-display").resolve("q1.pdf");
    Files.createDirectories(pdf.getParent());
    String javaExe = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb =
        new ProcessBuilder(
                javaExe,
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "report",
                "--quarter",
                "2023-Q1",
                "--pdf",
                pdf.toString(),
                "--workspace",
                ws.toString())
            .redirectErrorStream(true);
    pb.environment().put("DISPLAY", "127.0.0.1:97");
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(2, java.util.concurrent.TimeUnit.MINUTES), output);
    assertEquals(0, p.exitValue(), output);
    assertFalse(output.contains("X11"), output);
    try (var d = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
      assertTrue(new org.apache.pdfbox.text.PDFTextStripper().getText(d).contains("2023-Q1"));
    }
  }

  /** The README's `report` examples, run as written (files in a scratch folder). */
  @Test
  void theReadmeReportExamplesRun() throws IOException {
    List<String> lines = new java.util.ArrayList<>();
    for (String line : Files.readAllLines(Path.of("README.md"))) {
      String l = line.strip();
      if (l.startsWith("java -jar target/rehearsal.jar report ")) {
        lines.add(l.substring("java -jar target/rehearsal.jar ".length()));
      }
    }
    assertTrue(lines.size() >= 3, "the README shows the report command: " + lines);
    Path out = dir.resolve("readme-reports");
    Files.createDirectories(out);
    for (String line : lines) {
      List<String> args = new java.util.ArrayList<>();
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("'([^']*)'|(\\S+)").matcher(line.replaceAll("#.*$", ""));
      String previous = "";
      while (m.find()) {
        String a = m.group(1) != null ? m.group(1) : m.group(2);
        boolean file = List.of("--csv", "--aggregates-csv", "--pdf").contains(previous);
        args.add(file ? out.resolve(a).toString() : a);
        previous = a;
      }
      args.add("--workspace");
      args.add(ws.toString());
      Run r = run(args.toArray(String[]::new));
      assertEquals(0, r.code(), line + "\n" + r.out() + r.err());
      assertTrue(r.out().contains("wrote "), r.out());
    }
    int incidents =
        run("aggregates", "--json", "--quarter", "2023-Q1", "--workspace", ws.toString())
            .json()
            .path("total")
            .path("incidents")
            .asInt();
    List<String> csv = Files.readAllLines(out.resolve("q1.csv"));
    assertEquals(incidents + 1, csv.size(), "a header and one line per incident of the quarter");
    assertTrue(Files.readString(out.resolve("q1-figures.csv")).startsWith("quarter,service,gap,"));
    byte[] semi = Files.readAllBytes(out.resolve("q1-checkout.csv"));
    assertEquals((byte) 0xEF, semi[0], "the byte order mark asked for");
    assertTrue(new String(semi, java.nio.charset.StandardCharsets.UTF_8).contains("id;reference;"));
    try (var d = org.apache.pdfbox.Loader.loadPDF(out.resolve("q1.pdf").toFile())) {
      String text = new org.apache.pdfbox.text.PDFTextStripper().getText(d);
      assertTrue(text.contains("2023-Q1"), text);
      assertTrue(text.contains(incidents + "\n") || text.contains(incidents + " "), text);
    }
    try (var d = org.apache.pdfbox.Loader.loadPDF(out.resolve("OPS-122.pdf").toFile())) {
      String text = new org.apache.pdfbox.text.PDFTextStripper().getText(d);
      assertTrue(text.contains("OPS-122"), text);
      assertTrue(text.contains("Questions for the meeting"), text);
    }
    assertUsageError(
        run("report", "--quarter", "2023-Q1", "--workspace", ws.toString()),
        "name at least one file",
        "report");
    assertUsageError(
        run(
            "report",
            "--incident",
            "OPS-122",
            "--csv",
            out.resolve("x.csv").toString(),
            "--workspace",
            ws.toString()),
        "--incident makes the postmortem pack",
        "report");
    assertUsageError(
        run(
            "report",
            "--separator",
            "|",
            "--csv",
            out.resolve("x.csv").toString(),
            "--workspace",
            ws.toString()),
        "--separator",
        "report");
    assertFailed(
        run(
            "report",
            "--incident",
            "NOPE-1",
            "--pdf",
            out.resolve("nope.pdf").toString(),
            "--workspace",
            ws.toString()),
        "no incident 'NOPE-1'");
  }

  @Test
  void readCommandsWorkWhileAnotherProcessWritesAndWritingCommandsSayWhoWrites()
      throws IOException {
    Path w = dir.resolve("shared-ws");
    assertEquals(
        0, run("aliases", "set", "Checkout API", "checkout", "--workspace", w.toString()).code());
    String before = System.getProperty("rehearsal.writerPatienceSeconds");
    System.setProperty("rehearsal.writerPatienceSeconds", "1");
    try (dev.rehearsal.index.Workspace window = dev.rehearsal.index.Workspace.open(w)) {
      window
          .writes()
          .upsert(
              dev.rehearsal.Records.incident("P8", "t", "b", "checkout", "2024-02-01T10:00:00Z"));
      window.writes().commit();
      window.whenBusy("the Rehearsal window", java.time.Duration.ZERO, m -> {});
      window
          .writes()
          .upsert(
              dev.rehearsal.Records.incident("P9", "t", "b", "checkout", "2024-03-01T10:00:00Z"));
      Run stats = run("stats", "--workspace", w.toString());
      assertEquals(0, stats.code(), stats.err());
      Run search = run("search", "checkout", "--workspace", w.toString());
      assertEquals(0, search.code(), search.err());
      Run set = run("aliases", "set", "Pay", "payments", "--workspace", w.toString());
      assertFailed(set, "is being written by the Rehearsal window (process");
      assertTrue(set.err().contains("waiting for the Rehearsal window"), set.err());
      window.writes().commit();
      assertEquals(0, run("aliases", "set", "Pay", "payments", "--workspace", w.toString()).code());
    } finally {
      if (before == null) {
        System.clearProperty("rehearsal.writerPatienceSeconds");
      } else {
        System.setProperty("rehearsal.writerPatienceSeconds", before);
      }
    }
  }

  @Test
  void aliasesCanBeSetShownAndRemoved() throws IOException {
    Path w = dir.resolve("alias-ws");
    assertEquals(
        0, run("aliases", "set", "Checkout API", "checkout", "--workspace", w.toString()).code());
    Run show = run("aliases", "--workspace", w.toString());
    assertTrue(show.out().contains("Checkout API") && show.out().contains("checkout"), show.out());
    assertEquals(0, run("aliases", "remove", "Checkout API", "--workspace", w.toString()).code());
    assertTrue(run("aliases", "--workspace", w.toString()).out().startsWith("No aliases"));
    Run missing = run("aliases", "remove", "Checkout API", "--workspace", w.toString());
    assertEquals(1, missing.code());
    assertTrue(missing.err().contains("no alias 'Checkout API'"), missing.err());
    assertUsageError(
        run("aliases", "set", "--workspace", w.toString()),
        "Missing required parameters",
        "aliases set");
  }

  /** A JUnit report of a service's staging run, with these test cases (class.name). */
  private static String junit(String service, String at, String... cases) {
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    sb.append("<testsuite name=\"")
        .append(service)
        .append("-it\" tests=\"")
        .append(cases.length)
        .append("\" errors=\"0\" skipped=\"0\" failures=\"0\" timestamp=\"")
        .append(at)
        .append("\">\n  <properties>\n")
        .append("    <property name=\"service\" value=\"")
        .append(service)
        .append("\"/>\n    <property name=\"version\" value=\"1.0.0\"/>\n")
        .append("    <property name=\"environment\" value=\"staging\"/>\n  </properties>\n");
    for (String c : cases) {
      int dot = c.lastIndexOf('.');
      sb.append("  <testcase classname=\"")
          .append(c, 0, dot)
          .append("\" name=\"")
          .append(c.substring(dot + 1))
          .append("\" time=\"0.1\"/>\n");
    }
    return sb.append("</testsuite>\n").toString();
  }

  @Test
  void tableOwnersFromTestNamesAreListedAcceptedAndRejected() throws IOException {
    Path files = dir.resolve("tables-files");
    Files.createDirectories(files);
    Files.writeString(
        files.resolve("table-rows.csv"),
        "environment,table,rows,as_of\n"
            + "production,shop.order_lines,9000000,2024-03-01\n"
            + "staging,shop.order_lines,3000,2024-03-01\n",
        StandardCharsets.UTF_8);
    Files.writeString(
        files.resolve("TEST-orders.xml"),
        junit(
            "orders",
            "2024-03-02T10:00:00",
            "com.acme.orders.OrderLinesRepositoryIT.insertsLine",
            "com.acme.orders.OrderLinesRepositoryIT.deletesLine",
            "com.acme.orders.OrderLinesRepositoryIT.updatesLine",
            "com.acme.orders.HealthIT.isUp"),
        StandardCharsets.UTF_8);
    Files.writeString(
        files.resolve("TEST-checkout.xml"),
        junit("checkout", "2024-03-02T11:00:00", "com.acme.checkout.CartIT.copiesOrderLines"),
        StandardCharsets.UTF_8);
    Path w = dir.resolve("tables-ws");
    Run imported = run("import", files.toString(), "--workspace", w.toString());
    assertEquals(0, imported.code(), imported.out() + imported.err());

    // three of the four test cases naming it are orders': 0.3 + 0.4 * 3/4 = 0.6, applied
    Run shown = run("aliases", "tables", "--workspace", w.toString());
    assertEquals(0, shown.code(), shown.err());
    assertTrue(
        shown.out().matches("(?s).*shop\\.order_lines +orders +0\\.60 +applied.*"), shown.out());
    assertTrue(
        shown.out().matches("(?s).*shop\\.order_lines +checkout +0\\.40 +suggested.*"),
        shown.out());
    assertTrue(
        shown
            .out()
            .contains(
                "its staging test com.acme.orders.OrderLinesRepositoryIT.deletesLine names the"
                    + " table (run orders-it of 2024-03-02); 3 of the 4 test cases that name it"
                    + " are the service's"),
        shown.out());

    Run accepted =
        run(
            "aliases",
            "tables",
            "--accept",
            "shop.order_lines=checkout",
            "--json",
            "--workspace",
            w.toString());
    assertEquals(0, accepted.code(), accepted.err());
    JsonNode first = accepted.json().get(0);
    assertEquals("checkout", first.path("service").asText(), accepted.out());
    assertEquals("APPLIED", first.path("status").asText(), accepted.out());
    JsonNode settings = Json.mapper().readTree(w.resolve("settings.json").toFile());
    assertEquals(
        "shop.order_lines",
        settings.path("services").path("tables").path("checkout").get(0).asText(),
        settings.toString());

    Run rejected =
        run(
            "aliases",
            "tables",
            "--reject",
            "shop.order_lines=orders",
            "--workspace",
            w.toString());
    assertEquals(0, rejected.code(), rejected.err());
    assertTrue(rejected.out().startsWith("1 rejected"), rejected.out());
    assertTrue(
        rejected.out().matches("(?s).*shop\\.order_lines +orders +0\\.60 +rejected.*"),
        rejected.out());
    settings = Json.mapper().readTree(w.resolve("settings.json").toFile());
    assertEquals(
        "shop.order_lines",
        settings.path("services").path("rejectedTables").path("orders").get(0).asText(),
        settings.toString());

    // rejecting the declared owner takes the declaration back: nothing applies
    assertEquals(
        0,
        run(
                "aliases",
                "tables",
                "--reject",
                "shop.order_lines=checkout",
                "--workspace",
                w.toString())
            .code());
    Run none = run("aliases", "tables", "--json", "--workspace", w.toString());
    for (JsonNode o : none.json()) {
      assertEquals("REJECTED", o.path("status").asText(), none.out());
    }
    settings = Json.mapper().readTree(w.resolve("settings.json").toFile());
    assertTrue(settings.path("services").path("tables").isEmpty(), settings.toString());

    assertUsageError(
        run("aliases", "tables", "--accept", "shop.order_lines", "--workspace", w.toString()),
        "'shop.order_lines' is not TABLE=SERVICE",
        "aliases tables");
    assertUsageError(
        run("aliases", "tables", "--accept", "shop.carts=orders", "--workspace", w.toString()),
        "no suggestion that shop.carts belongs to orders",
        "aliases tables");
  }

  @Test
  void theShippedExamplesImportAsDocumented() throws IOException {
    Path w = dir.resolve("examples-ws");
    Run r = run("import", "resources/examples/ci-artifacts", "--workspace", w.toString(), "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode file = r.json().path("files").get(0);
    assertEquals("junit-xml", file.path("format").asText(), r.out());
    assertEquals(1, file.path("accepted").asInt(), r.out());
    assertEquals(0, file.path("rejected").asInt(), r.out());
    assertEquals(
        0,
        run("aliases", "load", "resources/examples/aliases.csv", "--workspace", w.toString())
            .code());
    Files.copy(Path.of("resources/examples/settings.json"), w.resolve("settings.json"));
    Run search =
        run("search", "service:checkout", "--kind", "run", "--json", "--workspace", w.toString());
    assertEquals(0, search.code(), search.err());
    assertEquals(1, search.json().path("total").asInt(), "run tied to checkout by the manifest");
  }

  @Test
  void benchAndAppRefuseBadArguments() {
    assertUsageError(run("bench", "--scale", "0"), "--scale must be above 0", "bench");
    assertUsageError(run("bench", "--scale", "x"), "Invalid value for option '--scale'", "bench");
    assertUsageError(run("app", "--bogus"), "Unknown option: '--bogus'", "app");
  }

  /**
   * The team store's options: a wrong address, credentials in it, a CA without TLS, a kind other
   * than incidents and a page past the store's window are usage errors; a node that is not there is
   * a failure with its address. None of them prints a password.
   */
  @Test
  void teamStoreOptionsSayWhatIsWrong() {
    assertUsageError(run("store", "push"), "--store ADDRESS is required", "store push");
    assertUsageError(
        run("search", "--store", "http://localhost:9200/team", "x"),
        "must start with opensearch://",
        "search");
    Run creds = run("search", "--store", "opensearch://ops:hunter2@localhost:9200/team", "x");
    assertUsageError(creds, "holds credentials", "search");
    assertFalse(creds.err().contains("hunter2"), creds.err());
    assertUsageError(
        run("search", "--store", "opensearch://localhost:9200/team", "--store-ca", "ca.pem", "x"),
        "a CA file is for TLS: write the address as opensearch+https://localhost:9200/team",
        "search");
    assertUsageError(
        run("search", "--store", "opensearch://localhost:9200/team", "--kind", "deploy", "x"),
        "--kind can only be incident with --store",
        "search");
    assertUsageError(
        run(
            "search",
            "--store",
            "opensearch://localhost:9200/team",
            "--offset",
            "9990",
            "--limit",
            "20",
            "x"),
        "reads its first 10000 hits",
        "search");
    assertUsageError(
        run(
            "search",
            "--store",
            "opensearch://localhost:9200/team",
            "--store-credentials",
            "/nonexistent/creds",
            "x"),
        "does not exist",
        "search");
    assertEquals(
        2, run("search", "--store", "opensearch://127.0.0.1:1/team", "title:(unclosed").code());
    assertUsageError(
        run("bench", "--store", "opensearch://localhost:9200"), "names no prefix", "bench");
    assertFailed(
        run("search", "--store", "opensearch://127.0.0.1:1/team", "x"),
        "the team workspace at opensearch://127.0.0.1:1/team");
  }
}
