package dev.rehearsal.analysis;

import dev.rehearsal.model.Evidence;
import dev.rehearsal.model.RunOutcome;
import dev.rehearsal.model.RunType;
import dev.rehearsal.model.StagingRun;
import dev.rehearsal.model.Verdict;
import dev.rehearsal.util.Texts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What staging said about a production deploy's change: was the same version (or commit)
 * deployed to staging before, and what did the staging runs of that version say. The latest run
 * of each suite before the production deploy counts, so a flaky failure followed by a green
 * rerun is a pass.
 */
final class Verdicts {
  /** A verdict with its reasons and the staging evidence. */
  record Result(Verdict verdict, List<String> reasons, List<Evidence> evidence,
      List<StagingRun> runs) {}

  private final AnalysisData d;
  private final DeployTable t;
  private final Rules rules;
  private final int[] stagingEnvs;

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
  }

  Result verdict(int prod, Linker linker) {
    List<String> reasons = new ArrayList<>();
    List<Evidence> evidence = new ArrayList<>();
    String version = t.versionText(prod);
    String sha = t.shaText(prod);
    if (version.isEmpty() && sha.isEmpty()) {
      reasons.add("the production deploy names neither a version nor a commit, so it cannot "
          + "be found in staging");
      return new Result(Verdict.UNKNOWN, reasons, evidence, List.of());
    }
    String what = version.isEmpty() ? "commit " + Linker.abbreviate(sha) : "v" + version;
    long shipped = t.time[prod];
    int s = t.service[prod];
    long from = shipped - rules.stagingLookbackMs;
    long until = shipped + rules.skewMs;
    List<Integer> staged = new ArrayList<>();
    for (int e : stagingEnvs) {
      int lo = t.from(s, e);
      int hi = t.to(s, e);
      for (int i = t.lastAtOrBefore(lo, hi, from - 1) + 1; i < hi && t.time[i] <= until;
          i++) {
        if (sameChange(prod, i) && t.succeeded(i)) {
          staged.add(i);
        }
      }
    }
    List<StagingRun> runs = matchingRuns(prod, staged, version, sha, from, until);
    if (staged.isEmpty() && runs.isEmpty()) {
      reasons.add("no staging deploy of " + d.services.value(s) + " " + what + " in the "
          + (rules.stagingLookbackMs / 86_400_000L) + " days before it shipped to production");
      evidence.add(new Evidence("staging", "never deployed to staging",
          "looked for " + what + " among " + d.services.value(s) + "'s staging deploys"));
      return new Result(Verdict.NOT_STAGED, reasons, evidence, runs);
    }
    if (!staged.isEmpty()) {
      int first = staged.get(0);
      reasons.add("deployed to staging " + Linker.before(shipped - t.time[first])
          + " production (" + linker.describe(first) + ")");
      evidence.add(new Evidence("staging", "staged " + Linker.before(shipped - t.time[first])
          + " production", linker.describe(first)));
    } else {
      reasons.add("no staging deploy record, but staging runs tested " + what);
    }
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
      reasons.add(empty > 0 ? "the staging runs of " + what + " executed no test"
          : "no staging test or load-test run of " + what + " was found");
      evidence.add(new Evidence("staging", "staged but untested", "no run tied to "
          + d.services.value(s) + " " + what));
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
      reasons.add("the change shipped " + Linker.before(shipped - f.startedAt().toEpochMilli())
          .replace(" before", "") + " after " + (failed.size() == 1 ? "that failure"
          : "those failures"));
      return new Result(Verdict.FAILED_BUT_SHIPPED, reasons, evidence, runs);
    }
    return new Result(Verdict.ESCAPE, reasons, evidence, runs);
  }

  private boolean sameChange(int a, int b) {
    if (t.version[a] >= 0 && t.version[a] == t.version[b]
        || t.sha[a] >= 0 && t.sha[a] == t.sha[b]) {
      return true;
    }
    return t.sha[a] >= 0 && t.sha[b] >= 0 && shaMatch(t.shaText(a), t.shaText(b));
  }

  static boolean shaMatch(String a, String b) {
    if (a.length() < 7 || b.length() < 7) {
      return false;
    }
    return a.startsWith(b) || b.startsWith(a);
  }

  private List<StagingRun> matchingRuns(int prod, List<Integer> staged, String version,
      String sha, long from, long until) {
    List<StagingRun> out = new ArrayList<>();
    List<StagingRun> all = d.runs.get(t.service[prod]);
    if (all == null) {
      return out;
    }
    long earliest = staged.isEmpty() ? from : t.time[staged.get(0)] - rules.runSlackMs;
    long latest = until + rules.runSlackMs;
    for (StagingRun r : all) {
      long at = r.startedAt().toEpochMilli();
      if (at < earliest || at > latest) {
        continue;
      }
      String env = r.environment().toLowerCase(Locale.ROOT);
      if (!env.isEmpty() && !rules.stagingEnvs.contains(env)) {
        continue;
      }
      boolean versionMatch = !version.isEmpty() && !r.version().isEmpty()
          && AnalysisData.normaliseVersion(r.version()).equals(version);
      boolean shaMatch = shaMatch(sha, r.commitSha());
      if (versionMatch || shaMatch) {
        out.add(r);
      }
    }
    return out;
  }

  static String describe(StagingRun r) {
    String when = Linker.HM.format(r.startedAt());
    String env = r.environment().isEmpty() ? " (environment not stated)" : "";
    if (r.type() == RunType.LOAD && r.load() != null) {
      var l = r.load();
      return "load test " + r.suite() + " " + (r.outcome() == RunOutcome.FAILED ? "failed"
          : "passed") + " at " + when + ": " + Texts.grouped(l.requests()) + " requests, peak "
          + Texts.fixed(l.peakRps(), 0) + " rps, p95 " + Texts.fixed(l.p95Ms(), 0) + " ms"
          + (l.thresholdsFailed() ? ", thresholds failed" : "") + env;
    }
    var ts = r.tests();
    if (r.outcome() == RunOutcome.FAILED) {
      return r.suite() + " failed " + (ts.failed() + ts.errored()) + " of " + ts.total()
          + " tests at " + when + (ts.failures().isEmpty() ? "" : " (" + ts.failures().get(0)
          + ")") + env;
    }
    return r.suite() + " passed " + (ts.total() - ts.skipped()) + " tests at " + when + env;
  }

  static Instant at(StagingRun r) {
    return r.startedAt();
  }
}
