package dev.rehearsal.model;

import java.time.Instant;
import java.util.List;

/**
 * A production deploy the analysis holds responsible for an incident, with its score and the
 * reasons in words.
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
    List<String> reasons) {
  public DeployLink {
    reasons = reasons == null ? List.of() : List.copyOf(reasons);
  }
}
