package dev.rehearsal.analysis;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.rehearsal.index.DocKind;
import dev.rehearsal.index.KeywordFilter;
import dev.rehearsal.index.Schema;
import dev.rehearsal.index.Workspace;
import dev.rehearsal.model.DeployLink;
import dev.rehearsal.model.DeployStatus;
import dev.rehearsal.model.Evidence;
import dev.rehearsal.model.Finding;
import dev.rehearsal.model.Gap;
import dev.rehearsal.model.GapScore;
import dev.rehearsal.model.Verdict;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The figures reports and the dashboard show, over the stored findings of a period: escapes and the
 * escape rate per quarter, by gap and by service; repeat offenders; a staging-fidelity score per
 * service for each gap with its biggest contributors; and the change failure rate. Reviews count as
 * the engine's findings do, and win over them. Definitions are in
 * docs/decisions/0005-aggregates.md.
 *
 * @param from start of the period (inclusive), by incident onset; null for the beginning
 * @param to end of the period (exclusive); null for now
 * @param total the whole period
 * @param quarters one row per calendar quarter (UTC) that has incidents or deploys, oldest first
 * @param services one row per service, most escapes first
 * @param repeatOffenders services that escaped through the same gap again and again
 */
public record Aggregates(
    Instant from,
    Instant to,
    Figures total,
    List<Period> quarters,
    List<ServiceFigures> services,
    List<RepeatOffender> repeatOffenders) {

  /**
   * Counts for a period or a service.
   *
   * @param incidents incidents with onset in the period
   * @param changeRelated incidents linked to a change (every verdict but "not change-related")
   * @param escapes incidents whose change passed staging
   * @param escapesByGap escapes per gap; an escape with two gaps counts for both
   * @param productionDeploys production deploys that did not fail, by deploy time
   * @param failedChanges distinct production deploys linked to a change-related incident, by deploy
   *     time
   */
  // the derived rates last, in this order: without it their place in the JSON follows the order
  // reflection lists methods in, which differs from one run of the JVM to the next
  @com.fasterxml.jackson.annotation.JsonPropertyOrder({
    "incidents",
    "changeRelated",
    "escapes",
    "escapesByGap",
    "productionDeploys",
    "failedChanges",
    "escapeRate",
    "changeFailureRate"
  })
  public record Figures(
      long incidents,
      long changeRelated,
      long escapes,
      Map<Gap, Long> escapesByGap,
      long productionDeploys,
      long failedChanges) {

    /** Escapes among change-related incidents, null when there are none. */
    @JsonProperty("escapeRate")
    public Double escapeRate() {
      return changeRelated == 0 ? null : (double) escapes / changeRelated;
    }

    /** Share of production deploys that caused an incident, null without deploys. */
    @JsonProperty("changeFailureRate")
    public Double changeFailureRate() {
      return productionDeploys == 0 ? null : (double) failedChanges / productionDeploys;
    }
  }

  /** A calendar quarter, e.g. "2025-Q4". */
  public record Period(String quarter, Figures figures) {}

  /**
   * How well staging stood in for production on one gap, for one service.
   *
   * @param score 1 minus the share of the service's change-related incidents that escaped through
   *     this gap; null when the service has too few change-related incidents to say
   * @param escapes escapes of the service through this gap
   * @param contributors what those escapes' evidence names most often, most frequent first
   */
  public record Fidelity(Double score, long escapes, List<Contributor> contributors) {}

  /** A config key, flag, table, mocked dependency or "production traffic peak", and how often. */
  public record Contributor(String subject, long escapes) {}

  /** One service's figures and its fidelity on each of the four gaps. */
  public record ServiceFigures(String service, Figures figures, Map<Gap, Fidelity> fidelity) {}

  /**
   * A service that escaped through the same gap at least the configured number of times.
   *
   * @param quarters the quarters those escapes fell in
   * @param incidentKeys the escapes, oldest first (at most 20)
   */
  public record RepeatOffender(
      String service, Gap gap, long escapes, List<String> quarters, List<String> incidentKeys) {}

  private static final int MAX_CONTRIBUTORS = 3;
  private static final int MAX_KEYS = 20;

  /** Computes the figures of a period from the workspace's stored findings and deploys. */
  public static Aggregates compute(Workspace ws, Instant from, Instant to) throws IOException {
    Tally t = new Tally(from, to);
    ws.records().forEachLeanFinding(from, to, t::add);
    return t.figures(ws, null);
  }

  /**
   * The figures of a period over findings already read (those outside the period are left out),
   * with the workspace's production deploys; narrowed to one service's deploys when {@code service}
   * is given (the findings are taken as already narrowed).
   */
  public static Aggregates of(
      Workspace ws, List<Finding> findings, Instant from, Instant to, String service)
      throws IOException {
    Tally t = new Tally(from, to);
    findings.forEach(t::add);
    return t.figures(ws, service);
  }

  /**
   * The figures of each calendar quarter (UTC) from {@code from} to {@code to} that has incidents
   * or deploys, oldest first, over findings already read; the workspace's deploys are read once.
   * Each quarter's figures are cut to the span when it starts or ends inside a quarter.
   */
  public static List<Aggregates> byQuarter(
      Workspace ws, List<Finding> findings, Instant from, Instant to, String service)
      throws IOException {
    Quarters q = new Quarters(from, to);
    findings.forEach(q::add);
    return q.figures(ws, service);
  }

  /**
   * The figures of each calendar quarter (UTC) of a span, worked out one finding at a time: what
   * {@link #byQuarter} gives, without holding the findings.
   */
  public static final class Quarters {
    private final Instant from;
    private final Instant to;
    private final Tally whole;
    private final Map<String, Tally> quarters = new HashMap<>();

    private final boolean namesContributors;

    /** The quarters of [from, to), by incident onset; either end may be null. */
    public Quarters(Instant from, Instant to) {
      this(from, to, true);
    }

    /**
     * The quarters of [from, to); with {@code namesContributors} false, the counts only (see {@link
     * Tally#Tally(Instant, Instant, boolean)}).
     */
    public Quarters(Instant from, Instant to, boolean namesContributors) {
      this.from = from;
      this.to = to;
      this.namesContributors = namesContributors;
      this.whole = new Tally(from, to, namesContributors);
    }

    /** Counts a finding in the whole span and in its quarter; outside the span it is left out. */
    public void add(Finding f) {
      if (!inside(f.onset(), from, to)) {
        return;
      }
      whole.add(f);
      quarters.computeIfAbsent(quarter(f.onset()), this::tally).add(f);
    }

    /**
     * The figures of each quarter that has incidents or deploys, oldest first; narrowed to one
     * service's deploys when {@code service} is given (the findings are taken as already narrowed).
     */
    public List<Aggregates> figures(Workspace ws, String service) throws IOException {
      Rules rules = new Rules(ws.settings());
      Map<String, Map<Long, Long>> deploys = productionDeploys(ws, rules, service, List.of(whole));
      List<Aggregates> out = new ArrayList<>();
      for (Period q : whole.figures(deploys, rules).quarters()) {
        Tally t = quarters.get(q.quarter());
        out.add((t == null ? tally(q.quarter()) : t).figures(deploys, rules));
      }
      return out;
    }

    /** An empty tally of a quarter, cut to the span when it starts or ends inside it. */
    private Tally tally(String quarter) {
      LocalDate start =
          LocalDate.of(
              Integer.parseInt(quarter.substring(0, 4)),
              (Integer.parseInt(quarter.substring(6)) - 1) * 3 + 1,
              1);
      Instant qFrom = start.atStartOfDay(ZoneOffset.UTC).toInstant();
      Instant qTo = start.plusMonths(3).atStartOfDay(ZoneOffset.UTC).toInstant();
      if (from != null && qFrom.isBefore(from)) {
        qFrom = from;
      }
      if (to != null && qTo.isAfter(to)) {
        qTo = to;
      }
      return new Tally(qFrom, qTo, namesContributors);
    }
  }

  /**
   * The production deploys per canonical service and epoch day; only one service's when {@code
   * service} is given.
   */
  private static Map<String, Map<Long, Long>> productionDeploys(
      Workspace ws, Rules rules, String service, List<Tally> tallies) throws IOException {
    // only the days the tallies can count are read (see Tally#figures: a deploy counts when its
    // day starts on or after the day of the period's start and before the period's end)
    long fromMs = Long.MAX_VALUE;
    long toMs = Long.MIN_VALUE;
    for (Tally t : tallies) {
      if (t == null) {
        continue;
      }
      fromMs =
          Math.min(
              fromMs,
              t.from == null
                  ? Long.MIN_VALUE
                  : Math.floorDiv(t.from.toEpochMilli(), DAY_MS) * DAY_MS);
      toMs = Math.max(toMs, t.to == null ? Long.MAX_VALUE : t.to.toEpochMilli() + DAY_MS);
    }
    Map<String, Map<Long, Long>> deploys =
        fromMs > toMs
            ? new TreeMap<>()
            : ws.facets()
                .countsByValueAndDay(
                    DocKind.DEPLOY, Schema.SERVICE, productionDeploys(rules), fromMs, toMs);
    if (service != null) {
      Map<Long, Long> only = deploys.get(service);
      deploys = only == null ? Map.of() : Map.of(service, only);
    }
    return deploys;
  }

  private static final long DAY_MS = 86_400_000L;

  /** What a cell of the figures counts. */
  public enum Measure {
    INCIDENTS,
    CHANGE_RELATED,
    ESCAPES
  }

  /**
   * The incidents a cell of the figures counts, newest first: those of the period (by onset), of a
   * service (as the figures attribute an incident to a service; null for all), of a gap (escapes
   * through it; null for any) and of a measure, reviews winning over the engine.
   */
  public static List<String> incidentsBehind(
      Workspace ws, Instant from, Instant to, String service, Gap gap, Measure measure)
      throws IOException {
    return incidentsBehind(
        each -> ws.records().forEachFindingToCount(from, to, each), service, gap, measure);
  }

  /** Findings handed over one at a time (already narrowed to a period, and to a search). */
  @FunctionalInterface
  public interface FindingSource {
    void forEach(java.util.function.Consumer<Finding> each) throws IOException;
  }

  /**
   * The incidents a cell of the figures counts among the findings a source gives, newest first: of
   * a service (null for all), of a gap (null for any) and of a measure.
   */
  public static List<String> incidentsBehind(
      FindingSource findings, String service, Gap gap, Measure measure) throws IOException {
    List<Escape> found = new ArrayList<>();
    findings.forEach(
        f -> {
          if (counts(f, service, gap, measure)) {
            found.add(new Escape(f.onset(), f.incidentKey()));
          }
        });
    found.sort(Comparator.comparing(Escape::onset).reversed().thenComparing(Escape::incidentKey));
    return found.stream().map(Escape::incidentKey).toList();
  }

  private static boolean counts(Finding f, String service, Gap gap, Measure measure) {
    if (service != null && !service.equals(serviceOf(f))) {
      return false;
    }
    Verdict v = f.effectiveVerdict();
    boolean escape = v == Verdict.ESCAPE;
    if (gap != null) {
      return escape && f.effectiveGaps().contains(gap);
    }
    switch (measure) {
      case CHANGE_RELATED:
        return v != Verdict.NOT_CHANGE_RELATED;
      case ESCAPES:
        return escape;
      default:
        return true;
    }
  }

  /**
   * The computation itself, on findings already read and production deploy counts per canonical
   * service and epoch day.
   */
  static Aggregates compute(
      List<Finding> findings,
      Map<String, Map<Long, Long>> deploysByDay,
      Rules rules,
      Instant from,
      Instant to) {
    Tally t = new Tally(from, to);
    findings.forEach(t::add);
    return t.figures(deploysByDay, rules);
  }

  /**
   * The figures of a period worked out one finding at a time, so that the findings of a whole
   * workspace are never held at once: each is counted and let go, and only what the figures name
   * afterwards is kept (the escapes' keys and onsets, the failed changes). The findings may come in
   * any order; the figures are those of the findings in order of onset and key.
   */
  public static final class Tally {
    private final Instant from;
    private final Instant to;
    private final Counter total = new Counter();
    private final Map<String, Counter> byQuarter = new TreeMap<>();
    private final Map<String, Counter> byService = new TreeMap<>();
    private final Map<String, Map<Gap, Map<String, Long>>> contributors = new HashMap<>();
    private final Map<String, Map<Gap, List<Escape>>> escapesByServiceGap = new TreeMap<>();
    private final Map<String, FailedChange> failedChanges = new HashMap<>();

    private final boolean namesContributors;

    /** The figures of [from, to), by incident onset; either end may be null. */
    public Tally(Instant from, Instant to) {
      this(from, to, true);
    }

    /**
     * The figures of [from, to); with {@code namesContributors} false, the counts only: no fidelity
     * names what the escapes' evidence names, and the findings need no scores.
     */
    public Tally(Instant from, Instant to, boolean namesContributors) {
      this.from = from;
      this.to = to;
      this.namesContributors = namesContributors;
    }

    /** Counts a finding; one whose onset is outside the period is left out. */
    public void add(Finding f) {
      if (!inside(f.onset(), from, to)) {
        return;
      }
      String quarter = quarter(f.onset());
      String service = serviceOf(f);
      Verdict v = f.effectiveVerdict();
      List<Counter> counters =
          List.of(
              total,
              byQuarter.computeIfAbsent(quarter, q -> new Counter()),
              byService.computeIfAbsent(service, s -> new Counter()));
      for (Counter c : counters) {
        c.incidents++;
      }
      if (v != Verdict.NOT_CHANGE_RELATED) {
        counters.forEach(c -> c.changeRelated++);
        // each production deploy held responsible is one failed change, counted like the
        // deploys it is a share of: in its own quarter, when it shipped inside the period (as
        // the earliest incident it caused links it)
        for (DeployLink l : failedLinks(f)) {
          if (inside(l.at(), from, to)) {
            FailedChange c = new FailedChange(f.onset(), f.incidentKey(), l.at(), l.service());
            failedChanges.merge(l.deployKey(), c, (a, b) -> b.before(a) ? b : a);
          }
        }
      }
      if (v == Verdict.ESCAPE) {
        counters.forEach(c -> c.escapes++);
        for (Gap g : f.effectiveGaps()) {
          counters.forEach(c -> c.byGap.merge(g, 1L, Long::sum));
          escapesByServiceGap
              .computeIfAbsent(service, s -> new EnumMap<>(Gap.class))
              .computeIfAbsent(g, x -> new ArrayList<>())
              .add(new Escape(f.onset(), f.incidentKey()));
          for (String subject : namesContributors ? subjects(f, g) : Set.<String>of()) {
            contributors
                .computeIfAbsent(service, s -> new EnumMap<>(Gap.class))
                .computeIfAbsent(g, x -> new HashMap<>())
                .merge(subject, 1L, Long::sum);
          }
        }
      }
    }

    /**
     * The figures of the findings counted, with the workspace's production deploys; narrowed to one
     * service's deploys when {@code service} is given (the findings are taken as already narrowed).
     */
    public Aggregates figures(Workspace ws, String service) throws IOException {
      return figures(ws, service, List.of(this)).get(0);
    }

    /**
     * The figures of several tallies, in their order, with the workspace's production deploys read
     * once; narrowed to one service's deploys when {@code service} is given. A null tally gives a
     * null.
     */
    public static List<Aggregates> figures(Workspace ws, String service, List<Tally> tallies)
        throws IOException {
      Rules rules = new Rules(ws.settings());
      Map<String, Map<Long, Long>> deploys = productionDeploys(ws, rules, service, tallies);
      List<Aggregates> out = new ArrayList<>();
      for (Tally t : tallies) {
        out.add(t == null ? null : t.figures(deploys, rules));
      }
      return out;
    }

    /**
     * The figures of the findings counted, with production deploy counts per canonical service and
     * epoch day.
     */
    Aggregates figures(Map<String, Map<Long, Long>> deploysByDay, Rules rules) {
      Map<String, Counter> byQuarter = new TreeMap<>();
      Map<String, Counter> byService = new TreeMap<>();
      this.byQuarter.forEach((k, c) -> byQuarter.put(k, c.copy()));
      this.byService.forEach((k, c) -> byService.put(k, c.copy()));
      Counter total = this.total.copy();
      for (FailedChange c : failedChanges.values()) {
        total.failedChanges++;
        byQuarter.computeIfAbsent(quarter(c.at()), q -> new Counter()).failedChanges++;
        byService.computeIfAbsent(c.service(), s -> new Counter()).failedChanges++;
      }
      LocalDate fromDay = from == null ? null : LocalDate.ofInstant(from, ZoneOffset.UTC);
      Instant end = to == null ? Instant.now() : to;
      deploysByDay.forEach(
          (service, days) ->
              days.forEach(
                  (day, n) -> {
                    Instant at = Instant.ofEpochSecond(day * 86_400L);
                    boolean in =
                        (fromDay == null || !LocalDate.ofEpochDay(day).isBefore(fromDay))
                            && at.isBefore(end);
                    if (in) {
                      total.deploys += n;
                      byQuarter.computeIfAbsent(quarter(at), q -> new Counter()).deploys += n;
                      byService.computeIfAbsent(service, s -> new Counter()).deploys += n;
                    }
                  }));

      List<Period> quarters = new ArrayList<>();
      byQuarter.forEach((q, c) -> quarters.add(new Period(q, c.figures())));
      List<ServiceFigures> services = new ArrayList<>();
      byService.forEach(
          (s, c) -> {
            Map<Gap, Fidelity> fidelity = new EnumMap<>(Gap.class);
            for (Gap g : Gap.real()) {
              long escapes = c.byGap.getOrDefault(g, 0L);
              Double score =
                  c.changeRelated < rules.fidelityMinIncidents
                      ? null
                      : 1 - (double) escapes / c.changeRelated;
              fidelity.put(
                  g,
                  new Fidelity(
                      score,
                      escapes,
                      top(contributors.getOrDefault(s, Map.of()).getOrDefault(g, Map.of()))));
            }
            services.add(new ServiceFigures(s, c.figures(), fidelity));
          });
      services.sort(
          Comparator.comparingLong((ServiceFigures x) -> x.figures().escapes())
              .reversed()
              .thenComparing(ServiceFigures::service));
      List<RepeatOffender> offenders = new ArrayList<>();
      escapesByServiceGap.forEach(
          (s, byGap) ->
              byGap.forEach(
                  (g, list) -> {
                    if (list.size() >= rules.repeatOffenderMinEscapes) {
                      List<Escape> oldestFirst = new ArrayList<>(list);
                      oldestFirst.sort(Escape.ORDER);
                      Set<String> qs = new TreeSet<>();
                      oldestFirst.forEach(e -> qs.add(quarter(e.onset())));
                      offenders.add(
                          new RepeatOffender(
                              s,
                              g,
                              list.size(),
                              List.copyOf(qs),
                              oldestFirst.stream()
                                  .limit(MAX_KEYS)
                                  .map(Escape::incidentKey)
                                  .toList()));
                    }
                  }));
      offenders.sort(
          Comparator.comparingLong(RepeatOffender::escapes)
              .reversed()
              .thenComparing(RepeatOffender::service)
              .thenComparing(RepeatOffender::gap));
      return new Aggregates(from, to, total.figures(), quarters, services, offenders);
    }
  }

  /** An escape (or another incident) as the figures name it. */
  private record Escape(Instant onset, String incidentKey) {
    static final Comparator<Escape> ORDER =
        Comparator.comparing(Escape::onset).thenComparing(Escape::incidentKey);
  }

  /**
   * A failed change, as the earliest incident linking it (by onset, then key) places it: its
   * quarter and service.
   */
  private record FailedChange(Instant onset, String incidentKey, Instant at, String service) {
    boolean before(FailedChange o) {
      int c = onset.compareTo(o.onset);
      return c != 0 ? c < 0 : incidentKey.compareTo(o.incidentKey) < 0;
    }
  }

  /** The service an incident counts for: its linked change's, else the first it names. */
  public static String serviceOf(Finding f) {
    List<String> keys = f.effectiveDeployKeys();
    for (DeployLink l : f.links()) {
      if (keys.contains(l.deployKey()) && !l.service().isEmpty()) {
        return l.service();
      }
    }
    return f.services().isEmpty() ? "(no service)" : f.services().get(0);
  }

  /** The links a reviewer kept (all the engine's when not reviewed). */
  private static List<DeployLink> failedLinks(Finding f) {
    List<String> keys = f.effectiveDeployKeys();
    return f.links().stream().filter(l -> keys.contains(l.deployKey())).toList();
  }

  /** The subjects of the evidence that carried a gap's score in one escape. */
  private static Set<String> subjects(Finding f, Gap g) {
    Set<String> out = new TreeSet<>();
    for (GapScore s : f.scores()) {
      if (s.gap() == g) {
        for (Evidence e : s.evidence()) {
          if (!e.subject().isEmpty()) {
            out.add(e.subject());
          }
        }
      }
    }
    return out;
  }

  private static List<Contributor> top(Map<String, Long> counts) {
    return counts.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(MAX_CONTRIBUTORS)
        .map(e -> new Contributor(e.getKey(), e.getValue()))
        .toList();
  }

  /**
   * Deploys that count as production changes: to an environment the linking rules call production
   * at full weight (a canary is the same change rolled out partly), and not failed, cancelled or
   * still running.
   */
  private static KeywordFilter productionDeploys(Rules rules) {
    Set<String> envs = new TreeSet<>();
    for (String e : rules.productionEnvs) {
      if (rules.environmentWeights.getOrDefault(e, 1.0) >= 1.0) {
        envs.add(e);
      }
    }
    Set<String> unfinished = new TreeSet<>();
    for (DeployStatus s :
        List.of(DeployStatus.FAILED, DeployStatus.CANCELLED, DeployStatus.IN_PROGRESS)) {
      unfinished.add(s.name().toLowerCase(Locale.ROOT));
    }
    return KeywordFilter.ALL.anyOf(Schema.ENV, envs).noneOf(Schema.STATUS, unfinished);
  }

  /** "2025-Q4" for an instant, in UTC. */
  public static String quarter(Instant t) {
    LocalDate d = LocalDate.ofInstant(t, ZoneOffset.UTC);
    return d.getYear() + "-Q" + ((d.getMonthValue() - 1) / 3 + 1);
  }

  private static boolean inside(Instant t, Instant from, Instant to) {
    return t != null && (from == null || !t.isBefore(from)) && (to == null || t.isBefore(to));
  }

  private static final class Counter {
    long incidents;
    long changeRelated;
    long escapes;
    long deploys;
    long failedChanges;
    final Map<Gap, Long> byGap = new EnumMap<>(Gap.class);

    Counter copy() {
      Counter c = new Counter();
      c.incidents = incidents;
      c.changeRelated = changeRelated;
      c.escapes = escapes;
      c.deploys = deploys;
      c.failedChanges = failedChanges;
      c.byGap.putAll(byGap);
      return c;
    }

    Figures figures() {
      Map<Gap, Long> gaps = new LinkedHashMap<>();
      for (Gap g : Gap.values()) {
        gaps.put(g, byGap.getOrDefault(g, 0L));
      }
      return new Figures(incidents, changeRelated, escapes, gaps, deploys, failedChanges);
    }
  }
}
