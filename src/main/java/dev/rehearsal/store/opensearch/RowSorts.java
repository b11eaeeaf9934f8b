package dev.rehearsal.store.opensearch;

import dev.rehearsal.model.Gap;
import dev.rehearsal.model.Verdict;
import java.util.Optional;

/**
 * The ranks a table of incidents is ordered by when ordered by verdict or gap: the verdicts in
 * their own order (escape, not caught by staging ... as {@link Verdict} lists them) and the first
 * gap in {@link Gap}'s order, as the local tables order them, not by the words' alphabet.
 */
final class RowSorts {
  private RowSorts() {}

  /** An incident's verdict's rank, a number field of the incidents' index. */
  static final String VERDICT_RANK = "verdict_rank";

  /** The rank of an incident's first gap. */
  static final String GAP_RANK = "gap_rank";

  static Optional<Integer> verdictRank(String verdict) {
    for (Verdict v : Verdict.values()) {
      if (v.name().equalsIgnoreCase(verdict)) {
        return Optional.of(v.ordinal());
      }
    }
    return Optional.empty();
  }

  static Optional<Integer> gapRank(String code) {
    for (Gap g : Gap.values()) {
      if (g.code().equals(code)) {
        return Optional.of(g.ordinal());
      }
    }
    return Optional.empty();
  }
}
