package dev.rehearsal.cli;

import dev.rehearsal.app.Demo;
import dev.rehearsal.app.Imports;
import dev.rehearsal.app.Session;
import dev.rehearsal.demo.ScenarioGenerator;
import dev.rehearsal.demo.Style;
import dev.rehearsal.importers.ImportSummary;
import dev.rehearsal.util.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rehearsal demo}: writes a realistic scenario, optionally imports it. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Generate an organisation's history in the real export formats of its tools, "
            + "with a ground-truth file; deterministic for a seed. With --import, also import it "
            + "into the workspace. With --style, the organisation is one of several styles "
            + "(docs/decisions/0013-evaluation-under-shift.md); '--style list' describes them. "
            + "--phrase-bank A|B|C|D|E|F|G|H writes every style's text from that phrase bank (C"
            + " to H: wording written apart from the analysis' rules).")
final class DemoCommand implements Callable<Integer> {
  @Mixin WorkspaceOption ws;

  @Option(names = "--out", paramLabel = "DIR", description = "Where to write (required)")
  Path out;

  @Option(
      names = "--style",
      paramLabel = "NAME",
      description =
          "Write the scenario in a style: "
              + "plain, startup, enterprise (tuning); scaleup, retail, regulated (held out); "
              + "or all, tuning, held-out, or names separated by commas, each into its own "
              + "subfolder of --out. 'list' describes them. Without --style: the plain "
              + "organisation with a truth file of four columns, as always.")
  String style;

  @Option(
      names = "--phrase-bank",
      paramLabel = "A|B|C|D|E|F|G|H",
      description =
          "Write every style's incident and change text from this phrase bank instead of the"
              + " style's own (A tuning, B held out, C fresh wording written apart from the"
              + " analysis' rules, D wording written apart from them after C informed a rule"
              + " change, E wording written apart from them after D informed rule changes, F"
              + " wording written apart from them after E informed rule changes, G wording written"
              + " apart from them after F's gap stories became training data, H wording written"
              + " apart from them after G informed rule changes);"
              + " needs --style. Default: each style's own bank.")
  Style.Bank phraseBank;

  @Option(
      names = "--seed",
      defaultValue = "7",
      description = "Random seed (default " + "${DEFAULT-VALUE})")
  long seed;

  @Option(
      names = "--incidents",
      defaultValue = "400",
      description = "Incidents (default " + "${DEFAULT-VALUE})")
  int incidents;

  @Option(
      names = "--deploys",
      defaultValue = "8000",
      description =
          "Deploys: within half a "
              + "percent from 10,000 up, a few percent below (default ${DEFAULT-VALUE})")
  int deploys;

  @Option(
      names = "--runs",
      defaultValue = "-1",
      description = "Staging runs (default: most staged changes get tested)")
  int runs;

  @Option(
      names = "--cases-per-run",
      defaultValue = "40",
      description =
          "Average test cases per staging run, load tests counted among the runs "
              + "(default ${DEFAULT-VALUE})")
  int casesPerRun;

  @Option(
      names = "--import",
      description = "Import the scenario into the workspace and " + "analyse it")
  boolean doImport;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter pw = spec.commandLine().getOut();
    if ("list".equalsIgnoreCase(style == null ? "" : style.strip())) {
      listStyles(pw);
      return 0;
    }
    if (out == null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "Missing required option: '--out=DIR'");
    }
    List<Style> styles;
    try {
      styles = style == null ? List.of() : Style.select(style);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    if (phraseBank != null) {
      if (styles.isEmpty()) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--phrase-bank takes --style: name the styles to write");
      }
      styles = styles.stream().map(s -> s.withBank(phraseBank)).toList();
    }
    ScenarioGenerator.Options o;
    try {
      o = new ScenarioGenerator.Options(seed, incidents, deploys, runs, casesPerRun);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    if (styles.size() > 1) {
      if (doImport) {
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            "--import takes one style: a workspace holds one organisation's history");
      }
      return several(styles, o, pw);
    }
    ConsoleProgress progress = new ConsoleProgress();
    ScenarioGenerator.Summary s;
    ImportSummary imported = null;
    Map<String, Long> stored = null;
    ScenarioGenerator generator =
        styles.isEmpty() ? new ScenarioGenerator(o) : new ScenarioGenerator(o, styles.get(0));
    if (doImport && styles.isEmpty()) {
      try (Session session = ws.openOrCreate()) {
        Demo.Built built = Demo.build(session, out, o, progress);
        s = built.scenario();
        imported = built.imported().summary();
        stored = session.recordCounts();
      }
    } else if (doImport) {
      // a style's scenario is set up and imported as its organisation would, like the demo's
      try (Session session = ws.openOrCreate()) {
        s = generator.generate(out, progress);
        imported = Demo.install(session, out, Imports.Then.ANALYSE, progress).summary();
        stored = session.recordCounts();
      }
    } else {
      s = generator.generate(out, progress);
    }
    progress.done();
    Demo.Contents contents = Demo.contents(s.out());
    if (ws.json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("scenario", s);
      m.put("contents", contents);
      if (imported != null) {
        Map<String, Object> i = new LinkedHashMap<>();
        i.put("seen", imported.seen());
        i.put("accepted", imported.accepted());
        i.put("rejected", imported.rejected());
        i.put("files", imported.files().size());
        i.put("acceptedByKind", imported.acceptedByKind());
        i.put("stored", stored);
        m.put("imported", i);
      }
      pw.println(Json.pretty().writeValueAsString(m));
    } else {
      pw.printf(
          "Scenario written to %s, %s to %s:%n",
          s.out(),
          dev.rehearsal.app.Sentences.minute(s.start()),
          dev.rehearsal.app.Sentences.minute(s.end()));
      pw.printf(
          "  %d services, %,d incidents, %,d deploys, %,d staging runs (%,d test cases),"
              + " %,d environment facts%n",
          s.services(), s.incidents(), s.deploys(), s.runs(), s.testCases(), contents.facts());
      pw.printf(
          "  %,d files to import, read with %,d sidecar(s) and %,d manifest(s) beside them;"
              + " %s describe the scenario%n",
          contents.files(),
          contents.sidecars(),
          contents.manifests(),
          String.join(", ", contents.beside()));
      if (contents.factRecords() != contents.facts()) {
        pw.printf(
            "  the files hold %,d fact records: a fact (one service, environment, subject and"
                + " time) given again by another file or a later snapshot is stored once%n",
            contents.factRecords());
      }
      pw.println("Incidents by what caused them: " + counts(s.verdicts()));
      pw.println("Staging escapes by gap: " + counts(s.gaps()));
      if (!styles.isEmpty()) {
        pw.println("Style " + s.style() + "; incidents by case: " + counts(s.cases()));
      }
      pw.println("ground truth: " + s.out().resolve("truth.csv"));
      if (imported != null) {
        pw.printf(
            "imported into %s: %,d files, %,d records seen, %,d accepted, %,d rejected%n",
            ws.dir(),
            imported.files().size(),
            imported.seen(),
            imported.accepted(),
            imported.rejected());
        Holdings.print(pw, imported.acceptedByKind(), stored);
      }
    }
    return imported != null && imported.rejected() > 0 ? 1 : 0;
  }

  /** "147 escape, 60 caught in staging, ..." from a map of counts, largest first. */
  private static String counts(Map<String, Long> m) {
    return String.join(
        ", ",
        m.entrySet().stream()
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
            .map(
                e ->
                    String.format(
                        java.util.Locale.ROOT,
                        "%,d %s",
                        e.getValue(),
                        e.getKey().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')))
            .toList());
  }

  /** One scenario per style, each in its own subfolder of --out, with its own truth file. */
  private int several(List<Style> styles, ScenarioGenerator.Options o, PrintWriter pw)
      throws Exception {
    List<ScenarioGenerator.Summary> written = new ArrayList<>();
    for (Style st : styles) {
      ConsoleProgress progress = new ConsoleProgress();
      written.add(new ScenarioGenerator(o, st).generate(out.resolve(st.name()), progress));
      progress.done();
    }
    if (ws.json) {
      pw.println(Json.pretty().writeValueAsString(Map.of("scenarios", written)));
      return 0;
    }
    TextTable t =
        new TextTable("STYLE", "SPLIT", "INCIDENTS", "DEPLOYS", "FOLDER").rightAlign(2, 3);
    for (ScenarioGenerator.Summary s : written) {
      Style st = Style.named(s.style()).orElseThrow();
      t.add(st.name(), st.split().code(), s.incidents(), s.deploys(), s.out());
    }
    t.print(pw);
    pw.println("each folder holds its own truth.csv and aliases.csv");
    return 0;
  }

  private static void listStyles(PrintWriter pw) {
    for (Style s : Style.ALL) {
      pw.printf("%s (%s): %s%n", s.name(), s.split().code(), s.summary());
      for (String line : s.describe()) {
        pw.println("    " + line);
      }
    }
    pw.println(
        "Rules are tuned on the tuning styles (phrase bank A) and figures quoted on the held-out"
            + " ones (phrase bank B), with disjoint seeds: docs/decisions/"
            + "0013-evaluation-under-shift.md. Phrase bank C (--phrase-bank C) is wording written"
            + " apart from the analysis' rules, for the held-out styles once B has informed a"
            + " rule; phrase bank D (--phrase-bank D) is wording written apart from them after C"
            + " informed a rule change, phrase bank E (--phrase-bank E) after D informed rule"
            + " changes, phrase bank F (--phrase-bank F) after E informed rule changes, phrase"
            + " bank G (--phrase-bank G) after F's gap stories became training data, and phrase"
            + " bank H (--phrase-bank H) after G informed rule changes.");
  }
}
