package dev.rehearsal.model;

import java.time.Instant;
import java.util.List;

/**
 * What the incident table shows of one incident: small, so a hundred thousand fit. Verdict and gaps
 * are the analysis's (reviews applied), empty before the first analysis.
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
    List<String> gaps) {

  public static IncidentRow of(
      Incident i, List<String> canonicalServices, String verdict, List<String> gaps) {
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
        gaps == null ? List.of() : gaps);
  }
}
