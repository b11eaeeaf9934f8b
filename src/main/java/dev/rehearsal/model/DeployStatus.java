package dev.rehearsal.model;

import java.util.Locale;

/** Outcome of a deploy, normalised across tools. */
public enum DeployStatus {
  SUCCEEDED,
  FAILED,
  IN_PROGRESS,
  CANCELLED,
  UNKNOWN;

  /** Maps the status words deploy tools use (GitHub, GitLab, Jenkins, Spinnaker, Argo CD ...). */
  public static DeployStatus fromText(String text) {
    if (text == null || text.isBlank()) {
      return UNKNOWN;
    }
    switch (text.trim().toLowerCase(Locale.ROOT).replace(' ', '_')) {
      case "success":
      case "succeeded":
      case "successful":
      case "completed":
      case "complete":
      case "deployed":
      case "done":
      case "ok":
      case "passed":
      case "synced":
      case "healthy":
      case "active":
      case "inactive": // GitHub marks a superseded successful deployment inactive
        return SUCCEEDED;
      case "failure":
      case "failed":
      case "error":
      case "errored":
      case "terminal":
      case "broken":
      case "unstable":
      case "not_built":
      case "not_build":
      case "degraded":
      case "expired":
        return FAILED;
      case "pending":
      case "queued":
      case "in_progress":
      case "running":
      case "created":
      case "waiting":
      case "not_started":
      case "paused":
      case "suspended":
      case "building":
      case "on_hold":
      case "blocked":
      case "started":
        return IN_PROGRESS;
      case "cancelled":
      case "canceled":
      case "aborted":
      case "skipped":
      case "stopped":
      case "canceling":
        return CANCELLED;
      default:
        return UNKNOWN;
    }
  }
}
