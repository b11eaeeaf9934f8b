package dev.rehearsal.index;

import java.util.List;

/**
 * What the incident table shows of a finding, read from doc values without decoding its JSON.
 *
 * @param verdict the effective verdict's code ("escape"), reviews applied
 * @param gaps the effective gaps' codes, ranked
 * @param confidence the confidence of the best link, 0 when none
 * @param reviewed whether a reviewer decided
 */
public record FindingSummary(
    String verdict, List<String> gaps, double confidence, boolean reviewed) {
  public FindingSummary {
    gaps = List.copyOf(gaps);
  }

  /** What the table shows of a finding: reviews applied, as the finding's document indexes it. */
  public static FindingSummary of(dev.rehearsal.model.Finding f) {
    return new FindingSummary(
        f.effectiveVerdict().name().toLowerCase(java.util.Locale.ROOT),
        f.effectiveGaps().stream().map(dev.rehearsal.model.Gap::code).toList(),
        f.links().isEmpty() ? 0 : f.confidence(),
        f.reviewed());
  }
}
