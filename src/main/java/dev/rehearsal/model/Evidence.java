package dev.rehearsal.model;

/**
 * One piece of evidence a reviewer can check.
 *
 * @param kind where it comes from: "text" (a passage of the incident, matches marked with
 *     {@code <mark>}), "config" (a key that differs between staging and production), "flag",
 *     "traffic", "data", "mock", "learned", "link" or "staging"
 * @param summary the evidence in one sentence
 * @param detail the passage, the values compared, or the figures
 */
public record Evidence(String kind, String summary, String detail) {
  public Evidence {
    detail = detail == null ? "" : detail;
  }
}
