package dev.rehearsal.analysis;

import dev.rehearsal.model.Evidence;
import dev.rehearsal.model.Reason;
import dev.rehearsal.model.Reason.Code;
import dev.rehearsal.model.RunOutcome;
import dev.rehearsal.model.RunType;
import dev.rehearsal.model.StagingRun;
import dev.rehearsal.model.Verdict;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What staging said about a production deploy's change: was the same version (or commit) deployed
 * to staging before, and what did the staging runs of that version say. The latest run of each
 * suite before the production deploy counts, so a flaky failure followed by a green rerun is a
 * pass.
 */
final class Verdicts {
  /** A verdict with its reasons and the staging evidence. */
  record Result(
      Verdict verdict, List<Reason> reasons, List<Evidence> evidence, List<StagingRun> runs) {}

  private final AnalysisData d;
  private final DeployTable t;
  private final Rules rules;
  private final int[] stagingEnvs;

  /** Length of each commit SHA by its id in {@link DeployTable#shas}. */
  private final int[] shaLength;

  /** Each service's staging runs with what matching reads of them, by service id. */
  private final Map<Integer, ServiceRuns> runs = new HashMap<>();

  /** How far before a production deploy a staging deploy of the same change counts. */
  private final long lookbackMs;

  /** How many production deploys, staged before, the lookback was learned from (0: the setting). */
  private final int lookbackLearnedOn;

  /**
   * A service's runs in time order, with the start instants, normalised versions (null when none)
   * and whether the environment can be staging, computed once rather than per verdict.
   */
  private record ServiceRuns(StagingRun[] runs, long[] at, String[] version, boolean[] staging) {}

  Verdicts(AnalysisData d, Rules rules) {
    this.d = d;
    this.t = d.deploys;
    this.rules = rules;
    List<Integer> ids = new ArrayList<>();
    for (String e : rules.stagingEnvs) {
      int id = d.envs.find(e);
      if (id >= 0) {
        ids.add(id);
      }
    }
    this.stagingEnvs = ids.stream().mapToInt(Integer::intValue).toArray();
    this.shaLength = new int[t.shas.size()];
    for (int i = 0; i < shaLength.length; i++) {
      shaLength[i] = t.shas.value(i).length();
    }
    d.runs.forEach((service, list) -> runs.put(service, index(list)));
    long[] leads = leadTimes();
    if (leads.length >= MIN_LEADS) {
      long reach = leads[(int) Math.min(leads.length - 1, Math.floor(0.95 * leads.length))];
      this.lookbackMs = Math.max(rules.stagingLookbackMs, Math.min(LONGEST_LOOKBACK_MS, reach));
      this.lookbackLearnedOn = leads.length;
    } else {
      this.lookbackMs = rules.stagingLookbackMs;
      this.lookbackLearnedOn = 0;
    }
  }

  /** Fewer staged changes than this and the lookback stays the setting. */
  static final int MIN_LEADS = 20;

  /** At most this many production deploys are looked at to learn the lookback (evenly spread). */
  static final int MAX_LEADS = 20_000;

  /** However long this workspace's changes wait in staging, no further back than this. */
  static final long LONGEST_LOOKBACK_MS = 365 * 86_400_000L;

  /**
   * How long this workspace's changes wait between staging and production: for production deploys
   * (at most {@link #MAX_LEADS}, evenly spread), the time since the latest successful staging
   * deploy of the same version or commit, however long before (up to {@link #LONGEST_LOOKBACK_MS}),
   * ascending. A team whose releases soak in staging for six weeks is not told its changes never
   * reached staging; the lookback becomes the reach of 95 % of these lead times when that is longer
   * than the setting.
   */
  private long[] leadTimes() {
    if (stagingEnvs.length == 0) {
      return new long[0];
    }
    int[] production =
        rules.productionEnvs.stream().mapToInt(d.envs::find).filter(id -> id >= 0).toArray();
    int total = 0;
    for (int s = 0; s < d.services.size(); s++) {
      for (int e : production) {
        total += Math.max(0, t.to(s, e) - t.from(s, e));
      }
    }
    int step = Math.max(1, total / MAX_LEADS);
    // the sampled production deploys' changes, then the staging deploys of those changes
    Map<Long, List<Long>> stagedAt = new HashMap<>();
    List<Integer> sampled = new ArrayList<>();
    int k = 0;
    for (int s = 0; s < d.services.size(); s++) {
      for (int e : production) {
        for (int i = t.from(s, e); i < t.to(s, e); i++) {
          if (k++ % step != 0 || !t.succeeded(i) || t.rollback[i]) {
            continue;
          }
          long key = changeKey(i);
          if (key >= 0) {
            sampled.add(i);
            stagedAt.putIfAbsent(key, new ArrayList<>());
          }
        }
      }
    }
    for (int s = 0; s < d.services.size(); s++) {
      for (int e : stagingEnvs) {
        for (int i = t.from(s, e); i < t.to(s, e); i++) {
          List<Long> times = t.succeeded(i) ? stagedAt.get(changeKey(i)) : null;
          if (times != null) {
            times.add(t.time[i]);
          }
        }
      }
    }
    List<Long> leads = new ArrayList<>();
    for (int i : sampled) {
      long latest = Long.MIN_VALUE;
      for (long at : stagedAt.get(changeKey(i))) {
        if (at <= t.time[i] + rules.skewMs && at > latest) {
          latest = at;
        }
      }
      long lead = t.time[i] - latest;
      if (latest != Long.MIN_VALUE && lead <= LONGEST_LOOKBACK_MS) {
        leads.add(Math.max(0, lead));
      }
    }
    return leads.stream().mapToLong(Long::longValue).sorted().toArray();
  }

  /**
   * The change a deploy shipped, as one number: its service with its version, or without one its
   * commit; -1 when it names neither.
   */
  private long changeKey(int i) {
    if (t.version[i] >= 0) {
      return ((long) t.service[i] << 32) | t.version[i];
    }
    if (t.sha[i] >= 0) {
      return ((long) t.service[i] << 32) | (1L << 31) | t.sha[i];
    }
    return -1;
  }

  private ServiceRuns index(List<StagingRun> list) {
    int n = list.size();
    StagingRun[] all = list.toArray(new StagingRun[0]);
    long[] at = new long[n];
    String[] version = new String[n];
    boolean[] staging = new boolean[n];
    for (int i = 0; i < n; i++) {
      StagingRun r = all[i];
      at[i] = r.startedAt().toEpochMilli();
      version[i] = r.version().isEmpty() ? null : AnalysisData.normaliseVersion(r.version());
      String env = r.environment().toLowerCase(Locale.ROOT);
      staging[i] = env.isEmpty() || rules.stagingEnvs.contains(env);
    }
    return new ServiceRuns(all, at, version, staging);
  }

  Result verdict(int prod) {
    String version = t.versionText(prod);
    String sha = t.shaText(prod);
    if (version.isEmpty() && sha.isEmpty()) {
      List<Reason> reasons = new ArrayList<>();
      reasons.add(Reason.of(Code.NO_RELEASE_ID));
      return new Result(Verdict.UNKNOWN, reasons, new ArrayList<>(), List.of());
    }
    String what = version.isEmpty() ? "commit " + Linker.abbreviate(sha) : "v" + version;
    long shipped = t.time[prod];
    long from = shipped - lookbackMs;
    long until = shipped + rules.skewMs;
    List<Integer> staged = staged(prod, from, until);
    List<StagingRun> runs = matchingRuns(prod, staged, version, sha, from, until);
    List<Reason> reasons = new ArrayList<>();
    List<Evidence> evidence = new ArrayList<>();
    if (staged.isEmpty() && runs.isEmpty()) {
      return notStaged(t.service[prod], what, reasons, evidence, runs);
    }
    if (!staged.isEmpty()) {
      int first = staged.get(0);
      long before = shipped - t.time[first];
      reasons.add(d.withDeploy(Reason.of(Code.STAGED_BEFORE, "beforeMs", before), first, ""));
      evidence.add(
          new Evidence.StagingDeploy(
              t.key(first),
              d.serviceName(t.service[first]),
              t.versionText(first).isEmpty()
                  ? Linker.abbreviate(t.shaText(first))
                  : t.versionText(first),
              d.envs.value(t.env[first]),
              java.time.Instant.ofEpochMilli(t.time[first]),
              before));
    } else {
      reasons.add(Reason.of(Code.RUNS_WITHOUT_STAGING_DEPLOY, "change", what));
    }
    return judgeRuns(prod, what, runs, reasons, evidence);
  }

  /** The successful staging deploys of the same change in the window, in time order. */
  private List<Integer> staged(int prod, long from, long until) {
    List<Integer> staged = new ArrayList<>();
    int s = t.service[prod];
    for (int e : stagingEnvs) {
      int lo = t.from(s, e);
      int hi = t.to(s, e);
      for (int i = t.lastAtOrBefore(lo, hi, from - 1) + 1; i < hi && t.time[i] <= until; i++) {
        if (sameChange(prod, i) && t.succeeded(i)) {
          staged.add(i);
        }
      }
    }
    return staged;
  }

  private Result notStaged(
      int s, String what, List<Reason> reasons, List<Evidence> evidence, List<StagingRun> runs) {
    reasons.add(
        Reason.of(
            Code.NOT_STAGED,
            "service",
            d.serviceName(s),
            "change",
            what,
            "days",
            lookbackMs / 86_400_000L,
            "learnedOn",
            lookbackLearnedOn));
    evidence.add(new Evidence.NotStaged(d.serviceName(s), what));
    return new Result(Verdict.NOT_STAGED, reasons, evidence, runs);
  }

  /** The verdict from what the latest run of each suite said. */
  private Result judgeRuns(
      int prod, String what, List<StagingRun> runs, List<Reason> reasons, List<Evidence> evidence) {
    Map<String, StagingRun> latest = new LinkedHashMap<>();
    int empty = 0;
    for (StagingRun r : runs) {
      if (r.outcome() == RunOutcome.EMPTY) {
        empty++;
        continue;
      }
      latest.put(r.type() + "|" + r.suite(), r); // runs are time-sorted: the last one wins
    }
    if (latest.isEmpty()) {
      reasons.add(Reason.of(empty > 0 ? Code.RUNS_EMPTY : Code.NO_RUNS, "change", what));
      evidence.add(new Evidence.Untested(d.serviceName(t.service[prod]), what));
      return new Result(Verdict.STAGED_UNTESTED, reasons, evidence, runs);
    }
    List<StagingRun> failed = new ArrayList<>();
    for (StagingRun r : latest.values()) {
      Evidence.RunResult result = result(r);
      evidence.add(result);
      reasons.add(result.reason());
      if (r.outcome() == RunOutcome.FAILED) {
        failed.add(r);
      }
    }
    if (!failed.isEmpty()) {
      StagingRun f = failed.get(failed.size() - 1);
      reasons.add(
          Reason.of(
              Code.SHIPPED_AFTER_FAILURE,
              "afterMs",
              t.time[prod] - f.startedAt().toEpochMilli(),
              "count",
              failed.size()));
      return new Result(Verdict.FAILED_BUT_SHIPPED, reasons, evidence, runs);
    }
    return new Result(Verdict.ESCAPE, reasons, evidence, runs);
  }

  /** What a staging run said, as evidence. */
  static Evidence.RunResult result(StagingRun r) {
    var ts = r.tests();
    var l = r.load();
    boolean load = r.type() == RunType.LOAD && l != null;
    return new Evidence.RunResult(
        r.suite(),
        r.type(),
        r.outcome(),
        r.startedAt(),
        ts == null ? 0 : ts.total(),
        ts == null ? 0 : ts.skipped(),
        ts == null ? 0 : ts.failed() + ts.errored(),
        ts == null || ts.failures().isEmpty() ? "" : ts.failures().get(0),
        load ? l.requests() : 0,
        load ? l.peakRps() : Double.NaN,
        load ? l.p95Ms() : Double.NaN,
        load && l.thresholdsFailed(),
        !r.environment().isEmpty(),
        r.provenance().location());
  }

  private boolean sameChange(int a, int b) {
    int shaA = t.sha[a];
    int shaB = t.sha[b];
    if (t.version[a] >= 0 && t.version[a] == t.version[b] || shaA >= 0 && shaA == shaB) {
      return true;
    }
    // different SHAs of the same length are different commits: only a shorter one can be a
    // prefix of the other
    return shaA >= 0
        && shaB >= 0
        && shaLength[shaA] != shaLength[shaB]
        && shaMatch(t.shas.value(shaA), t.shas.value(shaB));
  }

  static boolean shaMatch(String a, String b) {
    if (a.length() < 7 || b.length() < 7) {
      return false;
    }
    return a.startsWith(b) || b.startsWith(a);
  }

  /** The runs of the deploy's service in the window that tested its version or commit. */
  private List<StagingRun> matchingRuns(
      int prod, List<Integer> staged, String version, String sha, long from, long until) {
    List<StagingRun> out = new ArrayList<>();
    ServiceRuns all = runs.get(t.service[prod]);
    if (all == null) {
      return out;
    }
    long earliest = staged.isEmpty() ? from : t.time[staged.get(0)] - rules.runSlackMs;
    long latest = until + rules.runSlackMs;
    // runs are sorted by start: those in the window are one stretch
    for (int i = firstAtOrAfter(all.at(), earliest);
        i < all.at().length && all.at()[i] <= latest;
        i++) {
      if (!all.staging()[i]) {
        continue;
      }
      StagingRun r = all.runs()[i];
      boolean versionMatch =
          !version.isEmpty() && all.version()[i] != null && all.version()[i].equals(version);
      if (versionMatch || shaMatch(sha, r.commitSha())) {
        out.add(r);
      }
    }
    return out;
  }

  /** Index of the first value at or after {@code v} in an ascending array (its length if none). */
  private static int firstAtOrAfter(long[] sorted, long v) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
