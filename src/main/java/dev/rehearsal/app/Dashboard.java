package dev.rehearsal.app;

import dev.rehearsal.analysis.Aggregates;
import dev.rehearsal.index.Workspace;
import dev.rehearsal.model.Gap;
import java.io.IOException;
import java.util.List;

/**
 * The figures of a period (escapes per quarter by gap, escape rate, by service, the staging
 * fidelity scorecard, repeat offenders, change failure rate) and the incidents behind any of them.
 * Reviews win over the engine. Definitions: docs/decisions/0005-aggregates.md.
 */
public final class Dashboard {
  private final Workspace ws;

  Dashboard(Workspace ws) {
    this.ws = ws;
  }

  /** The figures of a period. */
  public Aggregates figures(Period p) throws IOException {
    return Aggregates.compute(ws, p.from(), p.to());
  }

  /**
   * A cell of the figures: a period, a service (null for all), a gap (null for any) and what it
   * counts.
   */
  public record Cell(Period period, String service, Gap gap, Aggregates.Measure measure) {}

  /** The figures of a period, as the window shows them. */
  public DashboardView.View view(Period p) throws IOException {
    return DashboardView.of(p, figures(p));
  }

  /**
   * The incidents behind a figure of the window's dashboard: a period, a service (null for all), a
   * gap (null for any) and what it counts; newest first.
   */
  public List<String> incidentsBehind(
      Period p, String service, Gap gap, DashboardView.Measure measure) throws IOException {
    return incidentsBehind(new Cell(p, service, gap, DashboardView.measure(measure)));
  }

  /** The incidents a cell counts, newest first. */
  public List<String> incidentsBehind(Cell c) throws IOException {
    return Aggregates.incidentsBehind(
        ws, c.period().from(), c.period().to(), c.service(), c.gap(), c.measure());
  }
}
