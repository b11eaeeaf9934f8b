package dev.rehearsal.analysis;

import dev.rehearsal.model.Evidence;
import dev.rehearsal.model.RunOutcome;
import dev.rehearsal.model.RunType;
import dev.rehearsal.model.StagingRun;
import dev.rehearsal.model.Verdict;
import dev.rehearsal.util.Texts;
import java.time.Instant;
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
      Verdict verdict, List<String> reasons, List<Evidence> evidence, List<StagingRun> runs) {}

  private final AnalysisData d;
  private final DeployTable t;
  private final Rules rules;
  private final int[] stagingEnvs;

  /** Length of each commit SHA by its id in {@link DeployTable#shas}. */
  private final int[] shaLength;

  /** Each service's staging runs with what matching reads of them, by service id. */
  private final Map<Integer, ServiceRuns> runs = new HashMap<>();

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

  Result verdict(int prod, Linker linker) {
    String version = t.versionText(prod);
    String sha = t.shaText(prod);
    if (version.isEmpty() && sha.isEmpty()) {
      List<String> reasons = new ArrayList<>();
      reasons.add(
          "the production deploy names neither a version nor a commit, so it cannot "
              + "be found in staging");
      return new Result(Verdict.UNKNOWN, reasons, new ArrayList<>(), List.of());
    }
    String what = version.isEmpty() ? "commit " + Linker.abbreviate(sha) : "v" + version;
    long shipped = t.time[prod];
    long from = shipped - rules.stagingLookbackMs;
    long until = shipped + rules.skewMs;
    List<Integer> staged = staged(prod, from, until);
    List<StagingRun> runs = matchingRuns(prod, staged, version, sha, from, until);
    List<String> reasons = new ArrayList<>();
    List<Evidence> evidence = new ArrayList<>();
    if (staged.isEmpty() && runs.isEmpty()) {
      return notStaged(t.service[prod], what, reasons, evidence, runs);
    }
    if (!staged.isEmpty()) {
      int first = staged.get(0);
      reasons.add(
          "deployed to staging "
              + Linker.before(shipped - t.time[first])
              + " production ("
              + linker.describe(first)
              + ")");
      evidence.add(
          new Evidence(
              "staging",
              "staged " + Linker.before(shipped - t.time[first]) + " production",
              linker.describe(first)));
    } else {
      reasons.add("no staging deploy record, but staging runs tested " + what);
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
      int s, String what, List<String> reasons, List<Evidence> evidence, List<StagingRun> runs) {
    reasons.add(
        "no staging deploy of "
            + d.serviceName(s)
            + " "
            + what
            + " in the "
            + (rules.stagingLookbackMs / 86_400_000L)
            + " days before it shipped to production");
    evidence.add(
        new Evidence(
            "staging",
            "never deployed to staging",
            "looked for " + what + " among " + d.serviceName(s) + "'s staging deploys"));
    return new Result(Verdict.NOT_STAGED, reasons, evidence, runs);
  }

  /** The verdict from what the latest run of each suite said. */
  private Result judgeRuns(
      int prod, String what, List<StagingRun> runs, List<String> reasons, List<Evidence> evidence) {
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
      reasons.add(
          empty > 0
              ? "the staging runs of " + what + " executed no test"
              : "no staging test or load-test run of " + what + " was found");
      evidence.add(
          new Evidence(
              "staging",
              "staged but untested",
              "no run tied to " + d.serviceName(t.service[prod]) + " " + what));
      return new Result(Verdict.STAGED_UNTESTED, reasons, evidence, runs);
    }
    List<StagingRun> failed = new ArrayList<>();
    for (StagingRun r : latest.values()) {
      String line = describe(r);
      evidence.add(new Evidence("staging", line, r.provenance().location()));
      reasons.add(line);
      if (r.outcome() == RunOutcome.FAILED) {
        failed.add(r);
      }
    }
    if (!failed.isEmpty()) {
      StagingRun f = failed.get(failed.size() - 1);
      reasons.add(
          "the change shipped "
              + Linker.before(t.time[prod] - f.startedAt().toEpochMilli()).replace(" before", "")
              + " after "
              + (failed.size() == 1 ? "that failure" : "those failures"));
      return new Result(Verdict.FAILED_BUT_SHIPPED, reasons, evidence, runs);
    }
    return new Result(Verdict.ESCAPE, reasons, evidence, runs);
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

  static String describe(StagingRun r) {
    String when = Linker.HM.format(r.startedAt());
    String env = r.environment().isEmpty() ? " (environment not stated)" : "";
    if (r.type() == RunType.LOAD && r.load() != null) {
      var l = r.load();
      return "load test "
          + r.suite()
          + " "
          + (r.outcome() == RunOutcome.FAILED ? "failed" : "passed")
          + " at "
          + when
          + ": "
          + Texts.grouped(l.requests())
          + " requests, peak "
          + Texts.fixed(l.peakRps(), 0)
          + " rps, p95 "
          + Texts.fixed(l.p95Ms(), 0)
          + " ms"
          + (l.thresholdsFailed() ? ", thresholds failed" : "")
          + env;
    }
    var ts = r.tests();
    if (r.outcome() == RunOutcome.FAILED) {
      return r.suite()
          + " failed "
          + (ts.failed() + ts.errored())
          + " of "
          + ts.total()
          + " tests at "
          + when
          + (ts.failures().isEmpty() ? "" : " (" + ts.failures().get(0) + ")")
          + env;
    }
    return r.suite() + " passed " + (ts.total() - ts.skipped()) + " tests at " + when + env;
  }

  static Instant at(StagingRun r) {
    return r.startedAt();
  }
}
