package dev.rehearsal.demo;

import dev.rehearsal.demo.Timeline.Change;
import dev.rehearsal.demo.Timeline.ConfigEvent;
import dev.rehearsal.demo.Timeline.DeployEvent;
import dev.rehearsal.demo.Timeline.FlagEvent;
import dev.rehearsal.demo.Timeline.IncidentEvent;
import dev.rehearsal.demo.Timeline.RunEvent;
import dev.rehearsal.demo.Timeline.Spike;
import dev.rehearsal.demo.Timeline.StagingTruth;
import dev.rehearsal.demo.World.Service;
import dev.rehearsal.task.TaskMonitor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Writes an organisation's history in the formats its tools export, plus the ground truth: which
 * deploy caused which incident, what staging said, and which gap let it through. Deterministic for
 * a seed. See docs/demo-scenario.md for what the world contains and docs/truth-format.md for the
 * truth file.
 *
 * <p>The world is deliberately untidy: services are named differently in each tool, some changes
 * skip staging, some fail staging and ship anyway, some are staged and never tested, incidents
 * happen without any change, several deploys land close together, rollbacks redeploy earlier
 * versions, times come in several zones and formats, and the narratives vary their wording and
 * sometimes mislead.
 */
public final class ScenarioGenerator {
  static final long DAY = 86_400_000L;
  static final long HOUR = 3_600_000L;
  static final long MINUTE = 60_000L;
  static final Instant START = Instant.parse("2023-01-02T00:00:00Z");

  /** What to generate. */
  public record Options(long seed, int incidents, int deploys, int runs, int casesPerRun) {
    public Options {
      if (incidents < 0 || deploys < 10) {
        throw new IllegalArgumentException("need at least 10 deploys and no negative counts");
      }
    }

    /** The size the app's built-in demo uses. */
    public static Options demo() {
      return new Options(7, 400, 8000, -1, 40);
    }
  }

  /** What was written. */
  public record Summary(
      Path out,
      int services,
      long incidents,
      long deploys,
      long runs,
      long testCases,
      Instant start,
      Instant end,
      Map<String, Long> verdicts,
      Map<String, Long> gaps,
      String style,
      Map<String, Long> cases) {}

  private final Options options;
  private final Style style;

  /** Whether the truth file says each incident's style and case (any style asked for by name). */
  private final boolean labelled;

  private final SplittableRandom rng;
  private List<Service> services;
  private Instant end;
  private final List<Change> changes = new ArrayList<>();
  private final List<DeployEvent> deploys = new ArrayList<>();
  private final List<RunEvent> runs = new ArrayList<>();
  private final List<IncidentEvent> incidents = new ArrayList<>();
  private final List<ConfigEvent> configEvents = new ArrayList<>();
  private final List<FlagEvent> flagEvents = new ArrayList<>();
  private final List<Spike> spikes = new ArrayList<>();
  private long gitlabDeployId = 2_040_000;
  private long gitlabPipelineId = 710_000_000;
  private long githubDeployId = 1_480_000_000L;
  private long runCounter;
  private ReleaseTrains trains;

  /** Each service's successful production deploys of changes, by end time (for earlier causes). */
  private Map<Integer, long[]> prodEnds;

  /**
   * Changes planned per requested deploy, times this: 1 at first; when a plan misses the requested
   * number of deploys, it is made again with the number of changes scaled by what it missed (see
   * {@link #generate}).
   */
  private final double changesScale;

  /**
   * The demo's own scenario: the plain style, and a truth file without the style and case columns,
   * byte for byte what it has always been.
   */
  public ScenarioGenerator(Options options) {
    this(options, Style.PLAIN, false, 1.0);
  }

  /** A scenario in a style; its truth file names the style and each incident's case. */
  public ScenarioGenerator(Options options, Style style) {
    this(options, style, true, 1.0);
  }

  private ScenarioGenerator(Options options, Style style, boolean labelled, double changesScale) {
    this.options = options;
    this.style = style;
    this.labelled = labelled;
    this.changesScale = changesScale;
    this.rng = new SplittableRandom(options.seed());
  }

  /**
   * Generates and writes the scenario under {@code out}. A change makes two deploys or so (staging,
   * sometimes canary, production, failures and retries), rollbacks and redeploys add more; how many
   * exactly is known only once planned. A plan more than half a percent off the requested number of
   * deploys is made again, from the same seed, with as many more or fewer changes as it missed by,
   * up to three times, and the closest plan is written. From ten thousand deploys up the scenario
   * has the size asked for within half a percent; a small one is coarser (at least 12 services and
   * 60 days, at least three changes per service).
   */
  public Summary generate(Path out, TaskMonitor monitor) throws IOException {
    TaskMonitor m = monitor == null ? TaskMonitor.NONE : monitor;
    Files.createDirectories(out);
    m.progress(0, 100, "planning the organisation's history");
    plan();
    ScenarioGenerator best = this;
    ScenarioGenerator g = this;
    for (int pass = 1; pass < 4 && best.missedBy() > 0.005; pass++) {
      m.checkCancelled();
      g =
          new ScenarioGenerator(
              options,
              style,
              labelled,
              g.changesScale * options.deploys() / Math.max(1, g.deploys.size()));
      g.plan();
      best = g.missedBy() < best.missedBy() ? g : best;
    }
    return best.write(out, m);
  }

  /** How far the planned deploys are from those requested, as a share of them. */
  private double missedBy() {
    return Math.abs(deploys.size() / (double) options.deploys() - 1);
  }

  private Summary write(Path out, TaskMonitor m) throws IOException {
    m.checkCancelled();
    m.progress(20, 100, "writing files");
    ScenarioWriter writer =
        new ScenarioWriter(out, services, rng.split(), START, end, style, labelled);
    writer.write(changes, deploys, runs, incidents, configEvents, flagEvents, spikes, m);
    Map<String, Long> verdicts = new TreeMap<>();
    Map<String, Long> gaps = new TreeMap<>();
    for (IncidentEvent i : incidents) {
      verdicts.merge(i.verdict, 1L, Long::sum);
      for (String g : i.gaps) {
        gaps.merge(g, 1L, Long::sum);
      }
    }
    Map<String, Long> byCase = new TreeMap<>();
    writer.cases().values().forEach(c -> byCase.merge(c, 1L, Long::sum));
    long cases = runs.stream().filter(r -> !r.load).mapToLong(r -> r.total).sum();
    m.progress(100, 100, "done");
    return new Summary(
        out,
        services.size(),
        incidents.size(),
        deploys.size(),
        runs.size(),
        cases,
        START,
        end,
        verdicts,
        gaps,
        style.name(),
        byCase);
  }

  // ==================================================================== planning

  private void plan() {
    int targetChanges = Math.max(5, (int) Math.round(options.deploys() / 2.25 * changesScale));
    double perServicePerDay = 1.4;
    int days = (int) Math.max(60, Math.min(1095, targetChanges / (12 * perServicePerDay)));
    int serviceCount = (int) Math.max(12, Math.round(targetChanges / (days * perServicePerDay)));
    services = World.services(serviceCount);
    end = START.plus(days, ChronoUnit.DAYS);
    if (style.bursts() == Style.Bursts.TRAINS) {
      trains = new ReleaseTrains(options.seed());
    }
    planChanges(targetChanges, days);
    planRuns();
    planIncidents();
    planNoise(days);
    deploys.sort(
        Comparator.comparingLong((DeployEvent d) -> d.endMs).thenComparingLong(d -> d.toolId));
  }

  private void planChanges(int targetChanges, int days) {
    double[] weight = new double[services.size()];
    double sum = 0;
    for (Service s : services) {
      weight[s.index()] = 0.6 + Math.sqrt(s.prodPeakRps() / 1000.0);
      sum += weight[s.index()];
    }
    for (Service s : services) {
      SplittableRandom r = rng.split();
      int n = (int) Math.max(3, Math.round(targetChanges * weight[s.index()] / sum));
      ZoneId zone = ZoneId.of(s.teamZone());
      List<Long> times = new ArrayList<>();
      for (int k = 0; k < n; k++) {
        long t = START.toEpochMilli() + (long) (r.nextDouble() * days * DAY);
        times.add(workingHours(t, zone, r));
      }
      Collections.sort(times);
      int major = 1;
      int minor = r.nextInt(12);
      int patch = r.nextInt(20);
      int pr = 100 + r.nextInt(900);
      String prev = "v" + major + "." + minor + "." + patch;
      String prevSha = sha(r);
      int prevPr = pr;
      long lastProd = 0;
      List<String> titles = PhraseBank.of(style.bank()).pool(PhraseBank.Pool.CHANGE_TITLES);
      for (long t : times) {
        double bump = r.nextDouble();
        if (bump < 0.02) {
          major++;
          minor = 0;
          patch = 0;
        } else if (bump < 0.2) {
          minor++;
          patch = 0;
        } else {
          patch++;
        }
        String version = "v" + major + "." + minor + "." + patch;
        pr += 1 + r.nextInt(4);
        Change c = new Change(s.index(), version, prev, sha(r), pr, changeTitle(r, s, titles));
        c.previousSha = prevSha;
        c.previousPr = prevPr;
        prev = version;
        prevSha = c.sha;
        prevPr = pr;
        long cursor = t;
        // continuous deployment: a fix straight to production minutes after the last deploy
        boolean followUp =
            style.bursts() == Style.Bursts.CONTINUOUS && lastProd > 0 && r.nextDouble() < 0.2;
        boolean staged = !followUp && r.nextDouble() >= 0.09;
        if (staged) {
          if (r.nextDouble() < 0.04) {
            DeployEvent failed = deploy(s, "staging", cursor, false, c, false, null, r);
            c.deploys.add(failed);
            cursor = failed.endMs + (20 + r.nextInt(40)) * MINUTE;
          }
          DeployEvent st = deploy(s, "staging", cursor, true, c, false, null, r);
          c.deploys.add(st);
          c.staging = StagingTruth.PASSED; // refined when runs are planned
          double lag = r.nextDouble() < 0.7 ? 1 + r.nextDouble() * 8 : 8 + r.nextDouble() * 60;
          cursor = st.endMs + (long) (lag * HOUR);
        } else {
          c.staging = StagingTruth.NOT_STAGED;
          cursor = followUp ? lastProd + (4 + r.nextInt(25)) * MINUTE : t;
        }
        cursor = Math.max(cursor, lastProd + (3 + r.nextInt(40)) * MINUTE);
        if (style.bursts() == Style.Bursts.TRAINS) {
          cursor = trains.board(cursor, r);
        }
        if ((s.index() == 2 || s.index() == 3 || s.index() == 8) && r.nextDouble() < 0.3) {
          DeployEvent canary = deploy(s, "canary", cursor, true, c, false, null, r);
          c.deploys.add(canary);
          cursor = canary.endMs + (15 + r.nextInt(30)) * MINUTE;
        }
        if (r.nextDouble() < 0.03) {
          DeployEvent failed = deploy(s, "production", cursor, false, c, false, null, r);
          c.deploys.add(failed);
          cursor = failed.endMs + (10 + r.nextInt(30)) * MINUTE;
        }
        DeployEvent prod = deploy(s, "production", cursor, true, c, false, null, r);
        c.deploys.add(prod);
        c.prod = prod;
        lastProd = prod.endMs;
        if (prod.endMs >= end.toEpochMilli()) {
          continue;
        }
        changes.add(c);
        deploys.addAll(c.deploys);
      }
    }
    changes.sort(Comparator.comparingLong(c -> c.prod.endMs));
  }

  private static long workingHours(long t, ZoneId zone, SplittableRandom r) {
    ZonedDateTime z = Instant.ofEpochMilli(t).atZone(zone);
    while (z.getDayOfWeek() == DayOfWeek.SATURDAY
        || z.getDayOfWeek() == DayOfWeek.SUNDAY
        || r.nextDouble() < 0.03) {
      z = z.plusDays(1);
    }
    int hour = 9 + r.nextInt(9);
    if (r.nextDouble() < 0.05) {
      hour = r.nextInt(24); // the odd late-night hotfix
    }
    z = z.withHour(hour).withMinute(r.nextInt(60)).withSecond(r.nextInt(60));
    return z.toInstant().toEpochMilli();
  }

  private DeployEvent deploy(
      Service s,
      String env,
      long start,
      boolean success,
      Change c,
      boolean rollback,
      String rollbackTo,
      SplittableRandom r) {
    long duration = (40 + r.nextInt(600)) * 1000L;
    long toolId;
    long pipeline = 0;
    switch (s.tool()) {
      case GITLAB:
        gitlabDeployId += 1 + r.nextInt(30);
        gitlabPipelineId += 1 + r.nextInt(900);
        toolId = gitlabDeployId;
        pipeline = gitlabPipelineId;
        break;
      case GITHUB:
        githubDeployId += 1 + r.nextInt(5000);
        toolId = githubDeployId;
        break;
      default:
        toolId = 0; // Heroku: numbered per app when written
        break;
    }
    String version = rollback ? rollbackTo : c.version;
    String sha = rollback ? c.previousSha : c.sha;
    // a rollback redeploys the previous change: its commit, its pull request
    int pr = rollback ? c.previousPr : c.pr;
    return new DeployEvent(
        s.index(),
        env,
        start,
        start + duration,
        success,
        version,
        sha,
        pr,
        rollback,
        rollbackTo,
        toolId,
        pipeline,
        c);
  }

  static String sha(SplittableRandom r) {
    StringBuilder sb = new StringBuilder(40);
    for (int i = 0; i < 40; i++) {
      sb.append("0123456789abcdef".charAt(r.nextInt(16)));
    }
    return sb.toString();
  }

  private static String changeTitle(SplittableRandom r, Service s, List<String> titles) {
    String d =
        s.tables().isEmpty()
            ? s.name()
            : s.tables().get(r.nextInt(s.tables().size())).replace('_', ' ');
    return titles.get(r.nextInt(titles.size())).replace("{d}", d);
  }

  private void planRuns() {
    SplittableRandom r = rng.split();
    List<Change> staged =
        new ArrayList<>(
            changes.stream().filter(c -> c.staging != StagingTruth.NOT_STAGED).toList());
    // decide in a random order, so a budget that runs out leaves random changes untested,
    // not the most recent ones
    for (int i = staged.size() - 1; i > 0; i--) {
      Collections.swap(staged, i, r.nextInt(i + 1));
    }
    int wanted =
        options.runs() >= 0
            ? options.runs()
            : (int) Math.round(staged.size() * 0.9 * RUNS_PER_CHANGE);
    // a number of runs asked for is met exactly: changes are tested a little more often than
    // it needs, until it is spent (the staged changes are in random order)
    double testedShare =
        Math.min(
            0.92,
            (options.runs() >= 0 ? 1.1 : 1.0)
                * wanted
                / Math.max(1.0, staged.size() * RUNS_PER_CHANGE));
    int budget = wanted;
    for (Change c : staged) {
      if (budget <= 0 || r.nextDouble() >= testedShare) {
        c.staging = StagingTruth.UNTESTED;
        continue;
      }
      Service s = services.get(c.service);
      DeployEvent st = lastStaging(c);
      long t = st.endMs + (5 + r.nextInt(25)) * MINUTE;
      boolean failsStaging = r.nextDouble() < 0.08;
      boolean flaky = !failsStaging && r.nextDouble() < 0.05;
      String suite = "com.acme." + s.name().replace("-", "") + ".IntegrationTests";
      if (flaky && budget > 1) {
        runs.add(testRun(c, suite, t, true, r));
        t += (10 + r.nextInt(20)) * MINUTE;
        budget--;
      }
      runs.add(testRun(c, suite, t, failsStaging, r));
      budget--;
      if (budget > 0 && r.nextDouble() < 0.3) {
        String e2e = "com.acme." + s.name().replace("-", "") + ".EndToEndTests";
        runs.add(testRun(c, e2e, t + (3 + r.nextInt(10)) * MINUTE, false, r));
        budget--;
      }
      if (budget > 0 && s.loadTested() && r.nextDouble() < LOAD_SHARE) {
        runs.add(loadRun(c, s, t + (20 + r.nextInt(40)) * MINUTE, r));
        budget--;
      }
      c.staging = failsStaging ? StagingTruth.FAILED : StagingTruth.PASSED;
    }
    runs.sort(Comparator.comparingLong(x -> x.startMs));
  }

  private static DeployEvent lastStaging(Change c) {
    DeployEvent last = null;
    for (DeployEvent d : c.deploys) {
      if (d.env.equals("staging") && d.success) {
        last = d;
      }
    }
    return last;
  }

  /** Share of the tested changes of a load-testing service that get a load test. */
  private static final double LOAD_SHARE = 0.25;

  /**
   * Runs per tested change: one suite, a flaky rerun (5 %), an end-to-end suite (30 %), and a load
   * test for services that load-test (about 65 % of them).
   */
  private static final double TEST_RUNS_PER_CHANGE = 1.05 + 0.3;

  private static final double RUNS_PER_CHANGE = TEST_RUNS_PER_CHANGE + LOAD_SHARE * 0.65;
  private static final double TEST_RUN_SHARE = TEST_RUNS_PER_CHANGE / RUNS_PER_CHANGE;

  private RunEvent testRun(Change c, String suite, long t, boolean fail, SplittableRandom r) {
    // load runs hold no test cases: test runs hold their share, so that the runs together
    // hold casesPerRun each on average
    int total =
        Math.max(
            3,
            (int)
                Math.round(options.casesPerRun() / TEST_RUN_SHARE * (0.7 + r.nextDouble() * 0.6)));
    int failed = fail ? 1 + r.nextInt(Math.max(1, Math.min(5, total / 10))) : 0;
    int skipped = r.nextDouble() < 0.3 ? r.nextInt(3) : 0;
    RunEvent e =
        new RunEvent(
            c.service,
            "run-" + (++runCounter),
            suite,
            false,
            t,
            20 + r.nextDouble() * 400,
            total,
            failed,
            skipped,
            Double.NaN,
            Double.NaN,
            Double.NaN,
            r.nextBoolean(),
            c);
    c.runs.add(e);
    return e;
  }

  private RunEvent loadRun(Change c, Service s, long t, SplittableRandom r) {
    double peak = Math.round(s.prodPeakRps() * (0.04 + r.nextDouble() * 0.25));
    double p95 = 80 + r.nextDouble() * 300;
    RunEvent e =
        new RunEvent(
            c.service,
            "load-" + (++runCounter),
            "k6 " + s.name() + " checkout-flow",
            true,
            t,
            300 + r.nextInt(900),
            0,
            0,
            0,
            peak,
            p95,
            p95 * (1.3 + r.nextDouble()),
            false,
            c);
    c.runs.add(e);
    return e;
  }

  // -------------------------------------------------------------------- incidents

  private void planIncidents() {
    SplittableRandom r = rng.split();
    Map<String, List<Change>> byServiceTruth = new LinkedHashMap<>();
    for (Change c : changes) {
      byServiceTruth.computeIfAbsent(c.service + "/" + c.staging, k -> new ArrayList<>()).add(c);
    }
    double[] weight = new double[services.size()];
    double sum = 0;
    for (Service s : services) {
      weight[s.index()] = Math.sqrt(s.prodPeakRps());
      sum += weight[s.index()];
    }
    List<Change> caused = new ArrayList<>();
    long endMs = end.toEpochMilli();
    for (int i = 0; i < options.incidents(); i++) {
      int service = pickWeighted(r, weight, sum);
      boolean change = r.nextDouble() < style.causes().changeShare;
      IncidentEvent inc;
      if (change) {
        StagingTruth want = pickVerdict(r);
        Change c = null;
        if (!caused.isEmpty() && r.nextDouble() < style.causes().repeatShare) {
          c = caused.get(r.nextInt(caused.size()));
        } else {
          for (StagingTruth t :
              new StagingTruth[] {
                want,
                StagingTruth.PASSED,
                StagingTruth.UNTESTED,
                StagingTruth.NOT_STAGED,
                StagingTruth.FAILED
              }) {
            List<Change> pool = byServiceTruth.get(service + "/" + t);
            if (pool != null && !pool.isEmpty()) {
              c = pool.get(r.nextInt(pool.size()));
              break;
            }
          }
        }
        if (c == null) {
          change = false;
          inc = externalIncident(i, service, r);
        } else {
          inc = changeIncident(i, c, r, endMs);
          c.incidentCaused = true;
          caused.add(c);
        }
      } else {
        inc = externalIncident(i, service, r);
      }
      incidents.add(inc);
    }
    incidents.sort(Comparator.comparingLong(x -> x.onsetMs));
  }

  private static int pickWeighted(SplittableRandom r, double[] w, double sum) {
    double x = r.nextDouble() * sum;
    for (int i = 0; i < w.length; i++) {
      x -= w[i];
      if (x <= 0) {
        return i;
      }
    }
    return w.length - 1;
  }

  private static StagingTruth pickVerdict(SplittableRandom r) {
    double x = r.nextDouble();
    if (x < 0.62) {
      return StagingTruth.PASSED;
    }
    if (x < 0.75) {
      return StagingTruth.NOT_STAGED;
    }
    if (x < 0.85) {
      return StagingTruth.FAILED;
    }
    return StagingTruth.UNTESTED;
  }

  private IncidentEvent changeIncident(int index, Change c, SplittableRandom r, long endMs) {
    DeployEvent cause = c.prod;
    long lag = lag(r);
    long onset = Math.min(cause.endMs + lag, endMs - HOUR);
    double earlier = style.causes().earlierShare;
    if (earlier > 0 && r.nextDouble() < earlier) {
      // the service deployed again (once or twice) before the trouble began
      long later = laterDeploy(c.service, cause.endMs, r.nextDouble() < 0.3 ? 2 : 1);
      if (later > 0 && later - cause.endMs < 60 * HOUR) {
        onset = Math.min(later + (5 + r.nextInt(120)) * MINUTE, endMs - HOUR);
      }
    }
    long detected = onset + (2 + r.nextInt(14)) * MINUTE;
    long resolved = detected + (15 + r.nextInt(420)) * MINUTE;
    String verdict = verdictOf(c.staging);
    int incidentService = c.service;
    List<Integer> callers = callersOf(c.service);
    boolean viaDependency = !callers.isEmpty() && r.nextDouble() < style.causes().upstreamShare;
    if (viaDependency) {
      incidentService = callers.get(r.nextInt(callers.size()));
    }
    IncidentEvent inc =
        new IncidentEvent(index, incidentService, onset, detected, resolved, cause, verdict);
    inc.services.add(incidentService);
    if (viaDependency && r.nextBoolean()) {
      inc.services.add(c.service);
    }
    if (verdict.equals("escape")) {
      planGaps(inc, services.get(c.service), r);
    }
    if (r.nextDouble() < 0.35) {
      String back = c.previousVersion;
      Service s = services.get(c.service);
      long at = Math.min(onset + (10 + r.nextInt(90)) * MINUTE, resolved);
      DeployEvent rb = deploy(s, "production", at, true, c, true, back, r);
      deploys.add(rb);
    }
    return inc;
  }

  /** Time from the causing deploy to onset, as the style has it. */
  private long lag(SplittableRandom r) {
    double u = r.nextDouble();
    switch (style.lag()) {
      case MINUTES:
        return u < 0.55
            ? (2 + r.nextInt(28)) * MINUTE
            : u < 0.85
                ? (30 + r.nextInt(30)) * MINUTE
                : u < 0.97 ? (60 + r.nextInt(180)) * MINUTE : (240 + r.nextInt(360)) * MINUTE;
      case HOURS:
        return 2 * HOUR + r.nextInt(16 * 60) * MINUTE;
      case BIMODAL:
        return u < 0.5 ? (2 + r.nextInt(43)) * MINUTE : 14 * HOUR + r.nextInt(12 * 60) * MINUTE;
      default:
        return u < 0.1
            ? (1 + r.nextInt(5)) * MINUTE
            : u < 0.75
                ? (5 + r.nextInt(120)) * MINUTE
                : u < 0.95 ? (2 + r.nextInt(12)) * HOUR : (12 + r.nextInt(30)) * HOUR;
    }
  }

  /**
   * The end of the {@code n}th successful production deploy of a change of the service after a
   * moment, or 0 when there is none.
   */
  private long laterDeploy(int service, long afterMs, int n) {
    if (prodEnds == null) {
      Map<Integer, List<Long>> by = new TreeMap<>();
      for (Change c : changes) {
        by.computeIfAbsent(c.service, k -> new ArrayList<>()).add(c.prod.endMs);
      }
      prodEnds = new TreeMap<>();
      by.forEach(
          (k, v) -> prodEnds.put(k, v.stream().mapToLong(Long::longValue).sorted().toArray()));
    }
    long[] ends = prodEnds.getOrDefault(service, new long[0]);
    int i = java.util.Arrays.binarySearch(ends, afterMs + 1);
    int first = i >= 0 ? i : -i - 1;
    int at = first + n - 1;
    return at < ends.length ? ends[at] : 0;
  }

  private List<Integer> callersOf(int service) {
    String name = services.get(service).name();
    List<Integer> out = new ArrayList<>();
    for (Service s : services) {
      if (s.dependsOn().contains(name)) {
        out.add(s.index());
      }
    }
    return out;
  }

  private static String verdictOf(StagingTruth t) {
    switch (t) {
      case PASSED:
        return "escape";
      case FAILED:
        return "failed_but_shipped";
      case UNTESTED:
        return "staged_untested";
      default:
        return "not_staged";
    }
  }

  private void planGaps(IncidentEvent inc, Service s, SplittableRandom r) {
    if (r.nextDouble() < 0.1) {
      inc.gaps.add("unexplained");
      return;
    }
    List<String> possible = new ArrayList<>(List.of("data", "traffic", "config", "mocks"));
    if (s.vendors().isEmpty()) {
      possible.remove("mocks");
    }
    if (s.tables().isEmpty()) {
      possible.remove("data");
    }
    double[] w = new double[possible.size()];
    double sum = 0;
    for (int k = 0; k < possible.size(); k++) {
      w[k] =
          switch (possible.get(k)) {
            case "data" -> 0.3;
            case "traffic" -> 0.25;
            case "config" -> 0.25;
            default -> 0.35;
          };
      sum += w[k];
    }
    String primary = possible.get(pickWeighted(r, w, sum));
    inc.gaps.add(primary);
    if (r.nextDouble() < 0.15 && possible.size() > 1) {
      String second;
      do {
        second = possible.get(r.nextInt(possible.size()));
      } while (second.equals(primary));
      inc.gaps.add(second);
    }
    for (String g : inc.gaps) {
      plantEvidence(inc, g, s, r);
    }
  }

  private void plantEvidence(IncidentEvent inc, String gap, Service s, SplittableRandom r) {
    DeployEvent cause = inc.cause;
    switch (gap) {
      case "config":
        {
          if (r.nextDouble() < 0.4) {
            List<String> flags = World.flags(s);
            String flag = flags.get(r.nextInt(flags.size()));
            flagEvents.add(
                new FlagEvent(
                    s.index(),
                    "production",
                    flag,
                    true,
                    cause.startMs - (1 + r.nextInt(30)) * DAY));
            inc.configKey = flag;
          } else {
            List<World.ConfigKey> keys =
                World.configKeys(s).stream().filter(k -> !k.expectedToDiffer()).toList();
            World.ConfigKey k = keys.get(r.nextInt(keys.size()));
            String changed = changedValue(k.prod(), r);
            configEvents.add(
                new ConfigEvent(
                    s.index(),
                    "production",
                    k.key(),
                    changed,
                    cause.startMs - (1 + r.nextInt(60)) * DAY));
            inc.configKey = k.key() + "=" + changed + "|" + k.staging();
          }
          break;
        }
      case "traffic":
        spikes.add(new Spike(inc.service, dayOf(inc.onsetMs), 2.6 + r.nextDouble() * 3.5));
        break;
      case "data":
        inc.table = s.tables().get(r.nextInt(s.tables().size()));
        break;
      case "mocks":
        inc.vendor = s.vendors().get(r.nextInt(s.vendors().size()));
        break;
      default:
        break;
    }
  }

  static long dayOf(long ms) {
    return ms - Math.floorMod(ms, DAY);
  }

  private static String changedValue(String v, SplittableRandom r) {
    try {
      long n = Long.parseLong(v);
      return String.valueOf(
          r.nextBoolean() ? Math.max(1, n / (2 + r.nextInt(4))) : n * (2 + r.nextInt(3)));
    } catch (NumberFormatException e) {
      if (v.endsWith("g") || v.endsWith("Gi")) {
        return "2" + v.substring(v.length() - (v.endsWith("Gi") ? 2 : 1));
      }
      return v.equals("INFO") ? "WARN" : v + "-override";
    }
  }

  private IncidentEvent externalIncident(int index, int service, SplittableRandom r) {
    long startMs = START.toEpochMilli() + 2 * DAY;
    long onset = startMs + (long) (r.nextDouble() * (end.toEpochMilli() - startMs - 2 * DAY));
    long detected = onset + (1 + r.nextInt(20)) * MINUTE;
    long resolved = detected + (10 + r.nextInt(300)) * MINUTE;
    IncidentEvent inc =
        new IncidentEvent(index, service, onset, detected, resolved, null, "not_change_related");
    inc.services.add(service);
    if (r.nextDouble() < 0.15) {
      int other = r.nextInt(services.size());
      if (other != service) {
        inc.services.add(other);
      }
    }
    Service s = services.get(service);
    if (!s.vendors().isEmpty() && r.nextDouble() < 0.3) {
      inc.vendor = s.vendors().get(r.nextInt(s.vendors().size()));
    }
    return inc;
  }

  /** Drift and spikes that cause nothing: the structural evidence must not be taken alone. */
  private void planNoise(int days) {
    SplittableRandom r = rng.split();
    long startMs = START.toEpochMilli();
    for (Service s : services) {
      int drifts = Math.max(1, days / 120);
      List<World.ConfigKey> keys =
          World.configKeys(s).stream().filter(k -> !k.expectedToDiffer()).toList();
      for (int i = 0; i < drifts; i++) {
        World.ConfigKey k = keys.get(r.nextInt(keys.size()));
        configEvents.add(
            new ConfigEvent(
                s.index(),
                r.nextBoolean() ? "production" : "staging",
                k.key(),
                changedValue(k.prod(), r),
                startMs + (long) (r.nextDouble() * days * DAY)));
      }
      int spikeCount = Math.max(1, days / 45);
      for (int i = 0; i < spikeCount; i++) {
        spikes.add(
            new Spike(
                s.index(),
                dayOf(startMs + (long) (r.nextDouble() * days * DAY)),
                2.0 + r.nextDouble() * 2.5));
      }
      if (r.nextDouble() < 0.5) {
        List<String> flags = World.flags(s);
        flagEvents.add(
            new FlagEvent(
                s.index(),
                "production",
                flags.get(r.nextInt(flags.size())),
                true,
                startMs + (long) (r.nextDouble() * days * DAY)));
      }
    }
    configEvents.sort(Comparator.comparingLong(ConfigEvent::atMs));
    flagEvents.sort(Comparator.comparingLong(FlagEvent::atMs));
    Set<Long> seen = new HashSet<>();
    spikes.removeIf(sp -> !seen.add(sp.service() * 100_000L + sp.dayMs() / DAY));
  }
}
