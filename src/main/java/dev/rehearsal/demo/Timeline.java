package dev.rehearsal.demo;

import java.util.ArrayList;
import java.util.List;

/** The scenario's events before they are written out in tool formats. */
final class Timeline {
  private Timeline() {}

  /** What staging said about a change, as generated. */
  enum StagingTruth {
    PASSED,
    FAILED,
    UNTESTED,
    NOT_STAGED
  }

  /** One deploy of a change (or a rollback) to one environment. */
  static final class DeployEvent {
    final int service;
    final String env; // production, staging, canary
    final long startMs;
    final long endMs;
    final boolean success;
    final String version;
    final String sha;
    final int pr;
    final boolean rollback;
    final String rollbackTo;
    final long toolId; // deployment id in the tool
    final long pipelineId;
    final Change change;

    DeployEvent(
        int service,
        String env,
        long startMs,
        long endMs,
        boolean success,
        String version,
        String sha,
        int pr,
        boolean rollback,
        String rollbackTo,
        long toolId,
        long pipelineId,
        Change change) {
      this.service = service;
      this.env = env;
      this.startMs = startMs;
      this.endMs = endMs;
      this.success = success;
      this.version = version;
      this.sha = sha;
      this.pr = pr;
      this.rollback = rollback;
      this.rollbackTo = rollbackTo;
      this.toolId = toolId;
      this.pipelineId = pipelineId;
      this.change = change;
    }
  }

  /** One change of one service on its way from staging to production. */
  static final class Change {
    final int service;
    final String version;
    final String previousVersion;
    final String sha;
    final int pr;
    final String title;
    String previousSha;
    int previousPr;
    StagingTruth staging;
    DeployEvent prod;
    final List<DeployEvent> deploys = new ArrayList<>();
    final List<RunEvent> runs = new ArrayList<>();
    boolean incidentCaused;

    Change(int service, String version, String previousVersion, String sha, int pr, String title) {
      this.service = service;
      this.version = version;
      this.previousVersion = previousVersion;
      this.sha = sha;
      this.pr = pr;
      this.title = title;
    }
  }

  /** One staging run: tests or a load test. */
  static final class RunEvent {
    final int service;
    final String runId;
    final String suite;
    final boolean load;
    final long startMs;
    final double durationS;
    final int total;
    final int failed;
    final int skipped;
    final double peakRps;
    final double p95;
    final double p99;
    final boolean selfDescribing;
    final Change change;

    RunEvent(
        int service,
        String runId,
        String suite,
        boolean load,
        long startMs,
        double durationS,
        int total,
        int failed,
        int skipped,
        double peakRps,
        double p95,
        double p99,
        boolean selfDescribing,
        Change change) {
      this.service = service;
      this.runId = runId;
      this.suite = suite;
      this.load = load;
      this.startMs = startMs;
      this.durationS = durationS;
      this.total = total;
      this.failed = failed;
      this.skipped = skipped;
      this.peakRps = peakRps;
      this.p95 = p95;
      this.p99 = p99;
      this.selfDescribing = selfDescribing;
      this.change = change;
    }
  }

  /** The generator's answer for one incident: what caused it and why staging missed it. */
  static final class IncidentEvent {
    final int index;
    final int service;
    final List<Integer> services = new ArrayList<>();
    final long onsetMs;
    final long detectedMs;
    final long resolvedMs;
    final DeployEvent cause; // null when not change-related
    final String verdict;
    final List<String> gaps = new ArrayList<>();
    String title;
    String description;
    String postmortem;
    String severity;
    String vendor;
    String table;
    String configKey;
    // how the text refers to changes, and whether the cause was its service's latest deploy
    boolean cited;
    boolean titleQuoted;
    boolean decoy;
    boolean causeIsLatest = true;

    IncidentEvent(
        int index,
        int service,
        long onsetMs,
        long detectedMs,
        long resolvedMs,
        DeployEvent cause,
        String verdict) {
      this.index = index;
      this.service = service;
      this.onsetMs = onsetMs;
      this.detectedMs = detectedMs;
      this.resolvedMs = resolvedMs;
      this.cause = cause;
      this.verdict = verdict;
    }
  }

  /** A value one environment's configuration took from a moment on. */
  record ConfigEvent(int service, String env, String key, String value, long atMs) {}

  /** A flag state one environment took from a moment on. */
  record FlagEvent(int service, String env, String flag, boolean on, long atMs) {}

  /** A production traffic spike on one day. */
  record Spike(int service, long dayMs, double factor) {}
}
