package dev.rehearsal.cli;

import dev.rehearsal.app.IncidentDetails;
import dev.rehearsal.app.Sentences;
import dev.rehearsal.app.Session;
import dev.rehearsal.model.DeployLink;
import dev.rehearsal.model.Finding;
import dev.rehearsal.model.GapScore;
import dev.rehearsal.model.Incident;
import dev.rehearsal.model.Review;
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
    try (Session s = ws.open()) {
      IncidentDetails.Detail d = s.incidents().of(incident);
      Incident inc = d.incident();
      Finding f = d.finding();
      if (f == null) {
        throw new IllegalStateException(
            inc.key() + " has not been analysed yet; run `rehearsal analyze` first");
      }
      if (ws.json) {
        out.println(Json.pretty().writeValueAsString(d));
        return 0;
      }
      out.println(inc.reference() + " " + inc.title());
      out.println(
          "onset "
              + inc.startedAt()
              + "; services "
              + (f.services().isEmpty() ? "none known" : String.join(", ", f.services())));
      out.println();
      if (f.links().isEmpty()) {
        out.println("Change: none linked.");
      }
      for (DeployLink l : f.links()) {
        out.printf(
            Locale.ROOT,
            "Change: %s (%s, confidence %.2f%s)%n",
            Sentences.change(l),
            Sentences.shortKey(l.deployKey()),
            l.confidence(),
            l.byTimeAlone() ? ", a suspect by time alone" : f.guess() ? ", a guess" : "");
        Sentences.of(l.reasons()).forEach(r -> out.println("  - " + r));
      }
      if (!d.alternatives().isEmpty()) {
        out.println();
        out.println("Also weighed:");
        for (DeployLink l : d.alternatives()) {
          out.printf(
              Locale.ROOT,
              "  %s (%s, %.2f)%n",
              Sentences.change(l),
              Sentences.shortKey(l.deployKey()),
              l.confidence());
          Sentences.of(l.reasons()).stream().limit(2).forEach(r -> out.println("    - " + r));
        }
      }
      out.println();
      out.println("Staging verdict: " + f.verdict().label());
      Sentences.of(f.verdictReasons()).forEach(r -> out.println("  - " + r));
      if (!f.scores().isEmpty()) {
        out.println();
        out.println("Gaps: " + gaps(f.gaps()));
        for (GapScore g : f.scores()) {
          out.printf(
              Locale.ROOT,
              "  %s %.2f (text %.2f, structure %.2f%s)%n",
              g.gap().code(),
              g.score(),
              g.text(),
              g.structure(),
              Double.isNaN(g.learned())
                  ? ""
                  : String.format(Locale.ROOT, ", learned %.2f", g.learned()));
          for (String[] line : Sentences.lines(g.evidence())) {
            out.println("    - " + line[0]);
            if (!line[1].isEmpty()) {
              out.println("      " + line[1]);
            }
          }
        }
      }
      if (!d.reviews().isEmpty()) {
        out.println();
        for (Review r : d.reviews()) {
          out.println("Reviewed " + Sentences.review(r));
        }
        out.println(
            "In force: "
                + f.effectiveVerdict().label()
                + (f.effectiveVerdict() == dev.rehearsal.model.Verdict.ESCAPE
                    ? ", gaps " + gaps(f.effectiveGaps())
                    : "")
                + " (the engine said "
                + f.verdict().label()
                + (f.gaps().isEmpty() ? "" : ", gaps " + gaps(f.gaps()))
                + ")");
      }
      return 0;
    }
  }

  private static String gaps(java.util.List<dev.rehearsal.model.Gap> gaps) {
    return gaps.isEmpty()
        ? "none"
        : String.join(", ", gaps.stream().map(dev.rehearsal.model.Gap::code).toList());
  }
}
