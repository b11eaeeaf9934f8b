package dev.rehearsal.model;

import java.time.Instant;
import java.util.List;

/**
 * What the incident table shows of one incident: small, so a hundred thousand fit. Verdict, gaps,
 * confidence and review state are the analysis's (reviews applied), empty before the first
 * analysis.
 *
 * @param confidence the confidence of the link to the change behind it, 0 when none was linked, NaN
 *     before the first analysis
 * @param reviewed whether a reviewer decided about it
 */
public record IncidentRow(
    String key,
    Instant onset,
    String reference,
    String title,
    List<String> services,
    String severity,
    String status,
    String source,
    String verdict,
    List<String> gaps,
    double confidence,
    boolean reviewed) {

  public static IncidentRow of(
      Incident i,
      List<String> canonicalServices,
      String verdict,
      List<String> gaps,
      double confidence,
      boolean reviewed) {
    return new IncidentRow(
        i.key(),
        i.startedAt(),
        i.reference(),
        i.title(),
        canonicalServices,
        i.severity(),
        i.status(),
        i.source(),
        verdict == null ? "" : verdict,
        gaps == null ? List.of() : gaps,
        confidence,
        reviewed);
  }
}
