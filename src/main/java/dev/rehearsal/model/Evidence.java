package dev.rehearsal.model;

/**
 * One piece of evidence a reviewer can check.
 *
 * @param kind where it comes from: "text" (a passage of the incident, matches marked with {@code
 *     <mark>}), "config" (a key that differs between staging and production), "flag", "traffic",
 *     "data", "mock", "learned", "link" or "staging"
 * @param summary the evidence in one sentence
 * @param detail the passage, the values compared, or the figures
 * @param subject what the evidence is about when it carried the gap's score: the config key or flag
 *     the incident names or that changed just before, the table, the mocked dependency, "peak
 *     traffic"; empty for context. Aggregates rank a service's biggest contributors by it.
 */
public record Evidence(String kind, String summary, String detail, String subject) {
  public Evidence {
    detail = detail == null ? "" : detail;
    subject = subject == null ? "" : subject;
  }

  /** Evidence that gives context and carries no subject. */
  public Evidence(String kind, String summary, String detail) {
    this(kind, summary, detail, "");
  }
}
