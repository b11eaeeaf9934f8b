package dev.rehearsal.app;

import dev.rehearsal.analysis.Aggregates;
import dev.rehearsal.index.Workspace;
import dev.rehearsal.model.Finding;
import dev.rehearsal.model.Gap;
import dev.rehearsal.task.TaskMonitor;
import java.io.IOException;
import java.util.List;

/**
 * The figures of a period (escapes per quarter by gap, escape rate, by service, the staging
 * fidelity scorecard, repeat offenders, change failure rate) and the incidents behind any of them,
 * over every incident or narrowed as the incident table is ({@link Narrowing}). Reviews win over
 * the engine. Definitions: docs/decisions/0005-aggregates.md.
 */
public final class Dashboard {
  private final Workspace ws;
  private final Reports reports;

  Dashboard(Workspace ws, Reports reports) {
    this.ws = ws;
    this.reports = reports;
  }

  /**
   * What the figures are narrowed to, as the incident table is: its search with its column filters
   * in the workspace's syntax (the incidents counted are exactly those the table holds), and the
   * service its filter names, whose production deploys alone then count (all deploys without one).
   *
   * @param query the table's search with its filters ("" for every incident)
   * @param service the service the table's filter chose, or null
   */
  public record Narrowing(String query, String service) {
    /** Every incident and every deploy. */
    public static final Narrowing NONE = new Narrowing("", null);

    public Narrowing {
      query = query == null ? "" : query.strip();
      service = service == null || service.isBlank() ? null : service.strip();
    }

    /** Whether it narrows anything. */
    public boolean none() {
      return query.isEmpty() && service == null;
    }
  }

  /** The figures of a period. */
  public Aggregates figures(Period p) throws IOException {
    return figures(p, Narrowing.NONE, TaskMonitor.NONE);
  }

  /** The figures of a period over the incidents a narrowing holds. */
  public Aggregates figures(Period p, Narrowing n) throws IOException {
    return figures(p, n, TaskMonitor.NONE);
  }

  /**
   * The figures of a period over the incidents a narrowing holds; stops with {@link
   * dev.rehearsal.task.CancelledException} once the monitor is cancelled (a period no longer asked
   * about need not be counted to its end).
   */
  public Aggregates figures(Period p, Narrowing n, TaskMonitor m) throws IOException {
    Aggregates.Tally t = new Aggregates.Tally(p.from(), p.to());
    int[] read = {0};
    java.util.function.Consumer<Finding> each =
        f -> {
          if ((++read[0] & 1023) == 0) {
            m.checkCancelled();
          }
          t.add(f);
        };
    m.checkCancelled();
    if (n.none()) {
      ws.records().forEachLeanFinding(p.from(), p.to(), each);
    } else {
      reports.forEachFinding(p, null, n.query(), each);
    }
    m.checkCancelled();
    return t.figures(ws, n.service());
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

  /** The figures of a period over the incidents a narrowing holds, as the window shows them. */
  public DashboardView.View view(Period p, Narrowing n) throws IOException {
    return view(p, n, TaskMonitor.NONE);
  }

  /**
   * The figures of a period over the incidents a narrowing holds, as the window shows them;
   * cancelled as {@link #figures(Period, Narrowing, TaskMonitor)} is.
   */
  public DashboardView.View view(Period p, Narrowing n, TaskMonitor m) throws IOException {
    return DashboardView.of(p, figures(p, n, m));
  }

  /**
   * The incidents behind a figure of the window's dashboard: a period, a service (null for all), a
   * gap (null for any) and what it counts; newest first.
   */
  public List<String> incidentsBehind(
      Period p, String service, Gap gap, DashboardView.Measure measure) throws IOException {
    return incidentsBehind(new Cell(p, service, gap, DashboardView.measure(measure)));
  }

  /** The incidents behind a figure of a dashboard narrowed as {@code n} says; newest first. */
  public List<String> incidentsBehind(
      Period p, String service, Gap gap, DashboardView.Measure measure, Narrowing n)
      throws IOException {
    if (n.none()) {
      return incidentsBehind(p, service, gap, measure);
    }
    return Aggregates.incidentsBehind(
        each -> reports.forEachFindingToCount(p, null, n.query(), each),
        service,
        gap,
        DashboardView.measure(measure));
  }

  /** The incidents a cell counts, newest first. */
  public List<String> incidentsBehind(Cell c) throws IOException {
    return Aggregates.incidentsBehind(
        ws, c.period().from(), c.period().to(), c.service(), c.gap(), c.measure());
  }
}
