package dev.rehearsal.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A status change of a deploy that a tool exports apart from the deploy itself (GitHub's REST API
 * lists deployment statuses separately from deployments). The workspace keeps these events and
 * folds the latest one into the deploy with the same key, whichever file came first.
 *
 * @param deploySourceId the source id of the deploy this status belongs to
 * @param statusId the status's own id in the source
 */
public record DeployStatusEvent(
    String source,
    String deploySourceId,
    String statusId,
    DeployStatus status,
    Instant at,
    String environment,
    String description,
    Provenance provenance) {

  public DeployStatusEvent {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(deploySourceId, "deploySourceId");
    Objects.requireNonNull(statusId, "statusId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(provenance, "provenance");
    status = status == null ? DeployStatus.UNKNOWN : status;
    environment = environment == null ? "" : environment;
    description = description == null ? "" : description;
  }

  /** Key of the deploy this event belongs to. */
  public String deployKey() {
    return RecordKind.DEPLOY.code() + "/" + source + "/" + deploySourceId;
  }

  public String key() {
    return "deploy-status/" + source + "/" + deploySourceId + "/" + statusId;
  }
}
