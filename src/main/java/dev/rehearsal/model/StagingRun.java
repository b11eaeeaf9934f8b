package dev.rehearsal.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One test or load-test run, tied to the service, environment and version it exercised.
 *
 * @param suite the suite, simulation or test plan name
 * @param durationSeconds wall time of the run, NaN when unknown
 * @param load load figures for {@link RunType#LOAD} runs, null otherwise
 */
public record StagingRun(
    String source,
    String sourceId,
    String service,
    String environment,
    String version,
    String commitSha,
    RunType type,
    String suite,
    Instant startedAt,
    double durationSeconds,
    TestSummary tests,
    LoadSummary load,
    Provenance provenance)
    implements ImportedRecord {

  public StagingRun {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(provenance, "provenance");
    service = service == null ? "" : service.strip();
    environment = environment == null ? "" : environment.strip();
    version = version == null ? "" : version.strip();
    commitSha = commitSha == null ? "" : commitSha.strip().toLowerCase(java.util.Locale.ROOT);
    type = type == null ? RunType.TESTS : type;
    suite = suite == null ? "" : suite;
    tests = tests == null ? TestSummary.NONE : tests;
  }

  @Override
  public RecordKind kind() {
    return RecordKind.STAGING_RUN;
  }

  @Override
  public Instant time() {
    return startedAt;
  }

  public RunOutcome outcome() {
    if (type == RunType.LOAD && load != null) {
      if (load.requests() == 0) {
        return RunOutcome.EMPTY;
      }
      return load.thresholdsFailed() || tests.anyFailed() ? RunOutcome.FAILED : RunOutcome.PASSED;
    }
    if (tests.total() == 0 || tests.total() == tests.skipped()) {
      return RunOutcome.EMPTY;
    }
    return tests.anyFailed() ? RunOutcome.FAILED : RunOutcome.PASSED;
  }

  public StagingRun withTarget(
      String newService, String newEnv, String newVersion, String newSha, Instant newStart) {
    return new StagingRun(
        source,
        sourceId,
        newService,
        newEnv,
        newVersion,
        newSha,
        type,
        suite,
        newStart,
        durationSeconds,
        tests,
        load,
        provenance);
  }
}
