package dev.rehearsal.app;

import dev.rehearsal.analysis.Aggregates;
import dev.rehearsal.model.Gap;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of a period as a window shows them, in plain values: the whole period, each quarter,
 * each service with its staging fidelity per gap, and the repeat offenders. Made from {@link
 * Aggregates}; nothing is computed twice.
 */
public final class DashboardView {
  private DashboardView() {}

  /** What a figure counts, for the incidents behind it. */
  public enum Measure {
    INCIDENTS,
    CHANGE_RELATED,
    ESCAPES
  }

  /**
   * Counts of a period or a service.
   *
   * @param escapeRate escapes among change-related incidents, null when there are none
   * @param changeFailureRate production deploys that caused an incident, null without deploys
   */
  public record Figures(
      long incidents,
      long changeRelated,
      long escapes,
      Map<Gap, Long> escapesByGap,
      long productionDeploys,
      long failedChanges,
      Double escapeRate,
      Double changeFailureRate) {}

  /** One calendar quarter ("2025-Q4"). */
  public record Quarter(String quarter, Figures figures) {}

  /**
   * How well staging stood in for production on one gap for one service.
   *
   * @param score 1 minus the share of change-related incidents that escaped through the gap; null
   *     when there are too few to say
   * @param contributors what the escapes' evidence names most often, most frequent first
   */
  public record Fidelity(Double score, long escapes, List<String> contributors) {}

  /** One service's figures and its fidelity per gap. */
  public record Service(String service, Figures figures, Map<Gap, Fidelity> fidelity) {
    /**
     * The gap to fix first: of the gaps escapes went through, the one whose fidelity is lowest (the
     * first in the gaps' order when two are equal); null when no escape went through any.
     */
    public Gap fixFirst() {
      Gap worst = null;
      double worstScore = 2;
      for (Gap g : Gap.real()) {
        Fidelity f = fidelity.get(g);
        if (f != null && f.score() != null && f.escapes() > 0 && f.score() < worstScore) {
          worstScore = f.score();
          worst = g;
        }
      }
      return worst;
    }
  }

  /** A service that escaped through the same gap again and again. */
  public record Offender(String service, Gap gap, long escapes, List<String> quarters) {}

  /** Everything a period's dashboard shows. */
  public record View(
      Period period,
      Figures total,
      List<Quarter> quarters,
      List<Service> services,
      List<Offender> offenders) {}

  static View of(Period p, Aggregates a) {
    List<Quarter> quarters = new ArrayList<>();
    for (Aggregates.Period q : a.quarters()) {
      quarters.add(new Quarter(q.quarter(), figures(q.figures())));
    }
    List<Service> services = new ArrayList<>();
    for (Aggregates.ServiceFigures s : a.services()) {
      Map<Gap, Fidelity> fidelity = new EnumMap<>(Gap.class);
      s.fidelity()
          .forEach(
              (g, f) ->
                  fidelity.put(
                      g,
                      new Fidelity(
                          f.score(),
                          f.escapes(),
                          f.contributors().stream()
                              .map(c -> c.subject() + " (" + c.escapes() + ")")
                              .toList())));
      services.add(new Service(s.service(), figures(s.figures()), fidelity));
    }
    List<Offender> offenders = new ArrayList<>();
    for (Aggregates.RepeatOffender o : a.repeatOffenders()) {
      offenders.add(new Offender(o.service(), o.gap(), o.escapes(), o.quarters()));
    }
    return new View(p, figures(a.total()), quarters, services, offenders);
  }

  private static Figures figures(Aggregates.Figures f) {
    Map<Gap, Long> byGap = new EnumMap<>(Gap.class);
    byGap.putAll(f.escapesByGap());
    return new Figures(
        f.incidents(),
        f.changeRelated(),
        f.escapes(),
        byGap,
        f.productionDeploys(),
        f.failedChanges(),
        f.escapeRate(),
        f.changeFailureRate());
  }

  static Aggregates.Measure measure(Measure m) {
    return Aggregates.Measure.valueOf(m.name());
  }
}
