package dev.rehearsal.store.opensearch;

import dev.rehearsal.index.RowOrder;
import java.util.Optional;

/**
 * The ranks a table of incidents is ordered by when ordered by verdict or gap: the verdicts in
 * their own order (escape, not caught by staging ... as {@link dev.rehearsal.model.Verdict} lists
 * them) and the first gap in {@link dev.rehearsal.model.Gap}'s order, as the local tables order
 * them ({@link RowOrder#verdictRank}), not by the words' alphabet.
 */
final class RowSorts {
  private RowSorts() {}

  /** An incident's verdict's rank, a number field of the incidents' index. */
  static final String VERDICT_RANK = "verdict_rank";

  /** The rank of an incident's first gap. */
  static final String GAP_RANK = "gap_rank";

  static Optional<Integer> verdictRank(String verdict) {
    int r = RowOrder.verdictRank(verdict);
    return r < 0 ? Optional.empty() : Optional.of(r);
  }

  static Optional<Integer> gapRank(String code) {
    int r = RowOrder.gapRank(code);
    return r < 0 ? Optional.empty() : Optional.of(r);
  }
}
