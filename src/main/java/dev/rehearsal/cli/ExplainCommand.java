package dev.rehearsal.cli;

import dev.rehearsal.analysis.Engine;
import dev.rehearsal.app.Sentences;
import dev.rehearsal.index.Workspace;
import dev.rehearsal.model.DeployLink;
import dev.rehearsal.model.Finding;
import dev.rehearsal.model.GapScore;
import dev.rehearsal.model.Incident;
import dev.rehearsal.util.Json;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code rehearsal explain INCIDENT}: everything the analysis says about one incident. */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description =
        "Show the analysis of one incident: the change behind it and why, what "
            + "staging said, each gap's score and evidence with highlighted passages, and the "
            + "review.")
final class ExplainCommand implements Callable<Integer> {
  @Mixin WorkspaceOption ws;

  @Parameters(
      index = "0",
      paramLabel = "INCIDENT",
      description =
          "Incident key (incident/pagerduty/Q1ABC), source/id (pagerduty/Q1ABC) "
              + "or the id its tool shows (OPS-126)")
  String incident;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (Workspace w = ws.open()) {
      String key = WorkspaceOption.incidentKey(w, incident, spec.commandLine());
      Incident inc = w.get(key, Incident.class).orElseThrow();
      Finding f =
          w.get("finding/" + key, Finding.class)
              .orElseThrow(
                  () ->
                      new CommandLine.ParameterException(
                          spec.commandLine(),
                          key + " has not been " + "analysed yet; run `rehearsal analyze`"));
      f = new Engine(w).withPassages(f);
      if (ws.json) {
        out.println(Json.pretty().writeValueAsString(f));
        return 0;
      }
      out.println(inc.reference() + " " + inc.title());
      out.println("onset " + inc.startedAt() + "; services " + f.services());
      out.println();
      if (f.links().isEmpty()) {
        out.println("Change: none linked.");
      }
      for (DeployLink l : f.links()) {
        out.printf(
            Locale.ROOT,
            "Change: %s (confidence %.2f%s)%n",
            l.deployKey(),
            l.confidence(),
            f.guess() ? ", a guess" : "");
        Sentences.of(l.reasons()).forEach(r -> out.println("  - " + r));
      }
      out.println();
      out.println("Staging verdict: " + f.verdict().label());
      Sentences.of(f.verdictReasons()).forEach(r -> out.println("  - " + r));
      if (!f.scores().isEmpty()) {
        out.println();
        out.println("Gaps: " + f.gaps());
        for (GapScore s : f.scores()) {
          out.printf(
              Locale.ROOT,
              "  %s %.2f (text %.2f, structure %.2f%s)%n",
              s.gap().code(),
              s.score(),
              s.text(),
              s.structure(),
              Double.isNaN(s.learned())
                  ? ""
                  : String.format(Locale.ROOT, ", learned %.2f", s.learned()));
          for (String[] line : Sentences.lines(s.evidence())) {
            out.println("    - " + line[0]);
            if (!line[1].isEmpty()) {
              out.println("      " + line[1]);
            }
          }
        }
      }
      if (f.review() != null) {
        out.println();
        out.println(
            "Review by "
                + f.review().reviewer()
                + " at "
                + f.review().at()
                + ": "
                + "verdict "
                + f.review().verdict()
                + ", gaps "
                + f.review().gaps()
                + ", link "
                + f.review().deployKeys()
                + (f.review().note().isEmpty() ? "" : " — " + f.review().note()));
        out.println("What counts: " + f.effectiveVerdict().label() + ", " + f.effectiveGaps());
      }
      return 0;
    }
  }
}
