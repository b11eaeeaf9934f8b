package dev.rehearsal.cli;

import dev.rehearsal.analysis.Aggregates;
import dev.rehearsal.analysis.Aggregates.Fidelity;
import dev.rehearsal.analysis.Aggregates.Figures;
import dev.rehearsal.analysis.Aggregates.ServiceFigures;
import dev.rehearsal.app.Period;
import dev.rehearsal.app.Session;
import dev.rehearsal.model.Gap;
import dev.rehearsal.util.Json;
import dev.rehearsal.util.Texts;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rehearsal aggregates}: the figures of a period, for reviews and reports. */
@Command(
    name = "aggregates",
    mixinStandardHelpOptions = true,
    description =
        "Escapes and escape rate per quarter, by gap and by service; repeat "
            + "offenders; staging fidelity per service and gap with its biggest contributors; "
            + "change failure rate. Reads the stored analysis (run `rehearsal analyze` first); "
            + "reviews win over the engine.")
final class AggregatesCommand implements Callable<Integer> {
  @Mixin WorkspaceOption ws;

  @Option(
      names = "--from",
      paramLabel = "TIME",
      description = "From this time (inclusive), " + "by incident onset and deploy time")
  String from;

  @Option(names = "--to", paramLabel = "TIME", description = "Until this time (exclusive)")
  String to;

  @Option(
      names = "--quarter",
      paramLabel = "YYYY-Qn",
      description = "One calendar quarter (UTC), e.g. 2025-Q4; instead of --from/--to")
  String quarter;

  @Option(
      names = "--limit",
      defaultValue = "15",
      description = "Rows per table of services (default ${DEFAULT-VALUE})")
  int limit;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Period period = TimeOptions.period(spec, quarter, from, to);
    try (Session s = ws.open()) {
      if (!s.analyses().analysed()) {
        throw new IllegalStateException(
            "the workspace has no analysis yet; run `rehearsal analyze` first");
      }
      Aggregates a = s.dashboard().figures(period);
      if (ws.json) {
        out.println(Json.pretty().writeValueAsString(a));
        return 0;
      }
      print(out, a);
    }
    return 0;
  }

  private void print(PrintWriter out, Aggregates a) {
    Figures t = a.total();
    out.println(
        "Period "
            + (a.from() == null ? "from the start" : "from " + a.from())
            + (a.to() == null ? " to now" : " to " + a.to())
            + " (UTC, by incident onset)");
    out.println(
        Texts.grouped(t.incidents())
            + " incidents, "
            + Texts.grouped(t.changeRelated())
            + " caused by a change, "
            + Texts.grouped(t.escapes())
            + " escapes ("
            + pct(t.escapeRate())
            + " of change-related); change failure rate "
            + pct(t.changeFailureRate())
            + " ("
            + Texts.grouped(t.failedChanges())
            + " of "
            + Texts.grouped(t.productionDeploys())
            + " production deploys)");

    out.println();
    out.println("By quarter");
    TextTable q =
        new TextTable(
                "QUARTER",
                "INCIDENTS",
                "CHANGE",
                "ESCAPES",
                "RATE",
                "DATA",
                "TRAFFIC",
                "CONFIG",
                "MOCKS",
                "UNEXPL.",
                "DEPLOYS",
                "CFR")
            .rightAlign(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
    for (Aggregates.Period p : a.quarters()) {
      Figures f = p.figures();
      q.add(
          p.quarter(),
          f.incidents(),
          f.changeRelated(),
          f.escapes(),
          pct(f.escapeRate()),
          f.escapesByGap().get(Gap.DATA),
          f.escapesByGap().get(Gap.TRAFFIC),
          f.escapesByGap().get(Gap.CONFIG),
          f.escapesByGap().get(Gap.MOCKS),
          f.escapesByGap().get(Gap.UNEXPLAINED),
          f.productionDeploys(),
          pct(f.changeFailureRate()));
    }
    q.print(out);

    out.println();
    out.println(
        "Services with the most escapes (staging fidelity per gap: 100 % = no escape "
            + "through it)");
    TextTable s =
        new TextTable("SERVICE", "ESCAPES", "RATE", "CFR", "DATA", "TRAFFIC", "CONFIG", "MOCKS")
            .rightAlign(1, 2, 3, 4, 5, 6, 7);
    a.services().stream()
        .limit(limit)
        .forEach(
            sf ->
                s.add(
                    sf.service(),
                    sf.figures().escapes(),
                    pct(sf.figures().escapeRate()),
                    pct(sf.figures().changeFailureRate()),
                    fidelity(sf, Gap.DATA),
                    fidelity(sf, Gap.TRAFFIC),
                    fidelity(sf, Gap.CONFIG),
                    fidelity(sf, Gap.MOCKS)));
    s.print(out);

    out.println();
    out.println("Lowest staging fidelity per gap, and what the escapes name most");
    TextTable low =
        new TextTable("GAP", "SERVICE", "FIDELITY", "ESCAPES", "BIGGEST " + "CONTRIBUTORS")
            .rightAlign(2, 3);
    for (Gap g : Gap.real()) {
      List<ServiceFigures> worst =
          new ArrayList<>(
              a.services().stream()
                  .filter(
                      x -> x.fidelity().get(g).score() != null && x.fidelity().get(g).escapes() > 0)
                  .toList());
      worst.sort(
          Comparator.comparingDouble((ServiceFigures x) -> x.fidelity().get(g).score())
              .thenComparing(ServiceFigures::service));
      worst.stream()
          .limit(3)
          .forEach(
              x -> {
                Fidelity fi = x.fidelity().get(g);
                low.add(
                    g.code(),
                    x.service(),
                    pct(fi.score()),
                    fi.escapes(),
                    fi.contributors().stream()
                        .map(c -> c.subject() + " (" + c.escapes() + ")")
                        .collect(Collectors.joining(", ")));
              });
    }
    low.print(out);

    out.println();
    if (a.repeatOffenders().isEmpty()) {
      out.println(
          "No repeat offenders: no service escaped through the same gap often enough "
              + "(aggregates.repeatOffenderMinEscapes).");
      return;
    }
    out.println("Repeat offenders: the same service through the same gap");
    TextTable r = new TextTable("SERVICE", "GAP", "ESCAPES", "QUARTERS").rightAlign(2);
    a.repeatOffenders().stream()
        .limit(limit)
        .forEach(
            o -> r.add(o.service(), o.gap().code(), o.escapes(), String.join(" ", o.quarters())));
    r.print(out);
    if (a.repeatOffenders().size() > limit) {
      out.println("... and " + (a.repeatOffenders().size() - limit) + " more (--limit, --json)");
    }
  }

  private static String fidelity(ServiceFigures s, Gap g) {
    Fidelity f = s.fidelity().get(g);
    return f.score() == null ? "-" : pct(f.score());
  }

  private static String pct(Double v) {
    return v == null ? "-" : Texts.fixed(v * 100, 1) + " %";
  }
}
