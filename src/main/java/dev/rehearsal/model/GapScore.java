package dev.rehearsal.model;

import java.util.List;

/**
 * How strongly one gap explains an escape: the combined score and its parts, with evidence. A part
 * that had nothing to go on is NaN (no learned vote without reviewed examples).
 */
public record GapScore(
    Gap gap, double score, double text, double structure, double learned, List<Evidence> evidence) {
  public GapScore {
    evidence = evidence == null ? List.of() : List.copyOf(evidence);
  }
}
