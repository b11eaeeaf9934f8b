package dev.rehearsal.importers;

import java.time.Instant;

/**
 * What a result file is about when the file does not say it itself: service, environment, version,
 * commit and time. Values come from a sidecar manifest, an import manifest or the import command;
 * {@code origin} says which, for messages.
 */
public record TargetHints(
    String service, String environment, String version, String commit, Instant at, String origin) {

  public static final TargetHints NONE = new TargetHints(null, null, null, null, null, "");

  public boolean isEmpty() {
    return service == null
        && environment == null
        && version == null
        && commit == null
        && at == null;
  }

  /** These hints with blanks filled from {@code fallback}. */
  public TargetHints orElse(TargetHints fallback) {
    if (fallback == null || fallback.isEmpty()) {
      return this;
    }
    if (isEmpty()) {
      return fallback;
    }
    return new TargetHints(
        service != null ? service : fallback.service,
        environment != null ? environment : fallback.environment,
        version != null ? version : fallback.version,
        commit != null ? commit : fallback.commit,
        at != null ? at : fallback.at,
        origin.isEmpty() ? fallback.origin : origin + ", " + fallback.origin);
  }
}
