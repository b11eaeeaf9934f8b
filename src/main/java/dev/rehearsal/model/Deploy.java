package dev.rehearsal.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One deploy of one service to one environment.
 *
 * @param service raw service name as the deploy tool wrote it (repository, app, pipeline)
 * @param environment normalised environment ("production", "staging", "canary", ...)
 * @param rawEnvironment the environment name as written in the source
 * @param version the version, tag or release shipped (may be empty)
 * @param commitSha full or abbreviated commit SHA, lowercase (may be empty)
 * @param identifiers other handles an incident may cite: pipeline, build or deploy numbers, PR
 *     numbers, URLs ("pr:123", "pipeline:4567", "https://...")
 * @param rollback true when the source says this deploy is a rollback
 */
public record Deploy(
    String source,
    String sourceId,
    String service,
    String environment,
    String rawEnvironment,
    String version,
    String commitSha,
    String ref,
    DeployStatus status,
    Instant startedAt,
    Instant finishedAt,
    boolean rollback,
    String description,
    String actor,
    List<String> identifiers,
    String url,
    Provenance provenance)
    implements ImportedRecord {

  public Deploy {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(provenance, "provenance");
    if (startedAt == null && finishedAt == null) {
      throw new IllegalArgumentException("a deploy needs a start or finish time");
    }
    service = nz(service);
    environment = nz(environment);
    rawEnvironment = nz(rawEnvironment);
    version = nz(version);
    commitSha = nz(commitSha).toLowerCase(java.util.Locale.ROOT);
    ref = nz(ref);
    status = status == null ? DeployStatus.UNKNOWN : status;
    description = nz(description);
    actor = nz(actor);
    identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
    url = nz(url);
  }

  private static String nz(String s) {
    return s == null ? "" : s.strip();
  }

  @Override
  public RecordKind kind() {
    return RecordKind.DEPLOY;
  }

  /** When the change was live: the finish time when known, else the start. */
  @Override
  public Instant time() {
    return finishedAt != null ? finishedAt : startedAt;
  }

  public Deploy withStatus(DeployStatus newStatus, Instant newFinishedAt) {
    return new Deploy(
        source,
        sourceId,
        service,
        environment,
        rawEnvironment,
        version,
        commitSha,
        ref,
        newStatus,
        startedAt,
        newFinishedAt == null ? finishedAt : newFinishedAt,
        rollback,
        description,
        actor,
        identifiers,
        url,
        provenance);
  }
}
