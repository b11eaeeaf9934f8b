package dev.rehearsal.model;

import java.time.Instant;
import java.util.List;

/**
 * A production deploy the analysis holds responsible for an incident, with its score, the reasons
 * (codes with arguments) and the evidence the link rests on (the references the incident cites).
 *
 * @param explicit the incident cites the change
 * @param byTimeAlone a suspect by time alone: the last deploy of the incident's own service before
 *     onset, linked though nothing else points at it (with a lower confidence)
 */
public record DeployLink(
    String deployKey,
    String service,
    String version,
    String commitSha,
    String environment,
    Instant at,
    double confidence,
    boolean explicit,
    boolean byTimeAlone,
    List<Reason> reasons,
    List<Evidence> evidence) {
  public DeployLink {
    reasons = reasons == null ? List.of() : List.copyOf(reasons);
    evidence = evidence == null ? List.of() : List.copyOf(evidence);
  }
}
