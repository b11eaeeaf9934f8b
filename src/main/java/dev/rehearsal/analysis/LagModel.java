package dev.rehearsal.analysis;

import java.util.Arrays;

/**
 * How long after its change an incident of this workspace begins, learned from the incidents that
 * cite their change: the share of them that began at least a given time after it (a survival
 * curve). With few such incidents the defaults weigh in as a prior: the score halves every {@code
 * recencyHalfLifeHours}, as if {@link #PRIOR_WEIGHT} incidents had followed that curve. An
 * organisation whose incidents surface a day after a release is not judged by one whose surface in
 * minutes.
 */
final class LagModel {
  /** How many incidents the prior counts as. */
  static final int PRIOR_WEIGHT = 20;

  private final long[] lags; // ascending, milliseconds
  private final double decayPerMs;

  private LagModel(long[] lags, double halfLifeHours) {
    this.lags = lags;
    this.decayPerMs = Math.log(2) / (halfLifeHours * 3_600_000.0);
  }

  /** A model of these lags (milliseconds from change to onset, none negative). */
  static LagModel of(long[] lagsMs, double priorHalfLifeHours) {
    long[] sorted = lagsMs.clone();
    Arrays.sort(sorted);
    return new LagModel(sorted, priorHalfLifeHours);
  }

  /** How many incidents it learned from. */
  int samples() {
    return lags.length;
  }

  /** The middle lag learned, or -1 when none. */
  long median() {
    return lags.length == 0 ? -1 : lags[lags.length / 2];
  }

  /**
   * The share of incidents that began at least {@code deltaMs} after their change: 1 at or before
   * the change, falling as the lag grows, never below the prior's share at that lag times its
   * weight.
   */
  double survival(long deltaMs) {
    if (deltaMs <= 0) {
      return 1.0;
    }
    double prior = Math.exp(-deltaMs * decayPerMs);
    if (lags.length == 0) {
      return prior;
    }
    int atLeast = lags.length - firstAtOrAbove(deltaMs);
    return (atLeast + PRIOR_WEIGHT * prior) / (lags.length + PRIOR_WEIGHT);
  }

  /** The lag below which this share of incidents began, or -1 when none were learned. */
  long quantile(double share) {
    if (lags.length == 0) {
      return -1;
    }
    int k = (int) Math.min(lags.length - 1, Math.floor(share * lags.length));
    return lags[k];
  }

  private int firstAtOrAbove(long v) {
    int lo = 0;
    int hi = lags.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (lags[mid] < v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
