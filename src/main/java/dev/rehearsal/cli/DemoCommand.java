package dev.rehearsal.cli;

import dev.rehearsal.app.Demo;
import dev.rehearsal.app.Session;
import dev.rehearsal.demo.ScenarioGenerator;
import dev.rehearsal.importers.ImportSummary;
import dev.rehearsal.util.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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
            + "into the workspace.")
final class DemoCommand implements Callable<Integer> {
  @Mixin WorkspaceOption ws;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write")
  Path out;

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
    ScenarioGenerator.Options o;
    try {
      o = new ScenarioGenerator.Options(seed, incidents, deploys, runs, casesPerRun);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    PrintWriter pw = spec.commandLine().getOut();
    ConsoleProgress progress = new ConsoleProgress();
    ScenarioGenerator.Summary s;
    ImportSummary imported = null;
    if (doImport) {
      try (Session session = ws.openOrCreate()) {
        Demo.Built built = Demo.build(session, out, o, progress);
        s = built.scenario();
        imported = built.imported().summary();
      }
    } else {
      s = new ScenarioGenerator(o).generate(out, progress);
    }
    progress.done();
    if (ws.json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("scenario", s);
      if (imported != null) {
        m.put(
            "imported",
            Map.of(
                "seen",
                imported.seen(),
                "accepted",
                imported.accepted(),
                "rejected",
                imported.rejected(),
                "files",
                imported.files().size()));
      }
      pw.println(Json.pretty().writeValueAsString(m));
    } else {
      pw.printf(
          "Scenario written to %s: %d services, %,d incidents, %,d deploys, %,d staging "
              + "runs (%,d test cases), %,d environment facts, %,d files, %s to %s%n",
          s.out(),
          s.services(),
          s.incidents(),
          s.deploys(),
          s.runs(),
          s.testCases(),
          s.facts(),
          s.files(),
          s.start(),
          s.end());
      pw.println("verdicts: " + s.verdicts() + "; gaps: " + s.gaps());
      pw.println("ground truth: " + s.out().resolve("truth.csv"));
      if (imported != null) {
        pw.printf(
            "imported into %s: %,d records seen, %,d accepted, %,d rejected%n",
            ws.dir(), imported.seen(), imported.accepted(), imported.rejected());
      }
    }
    return imported != null && imported.rejected() > 0 ? 1 : 0;
  }
}
