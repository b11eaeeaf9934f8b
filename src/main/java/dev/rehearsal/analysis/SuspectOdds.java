package dev.rehearsal.analysis;

import java.util.Arrays;

/**
 * Whether the time since a service's last deploy says more for that deploy than chance would. Every
 * incident begins some time after its service's last deploy, caused by it or not; how long, when
 * nothing connects them, is set by how often the service ships. So the incidents of the workspace
 * that cite nothing are counted by how long after their service's last production deploy they
 * began, in bands that double (under 15 min, 15–30 min, 30 min–1 h, 1–2 h, ...), beside the count
 * chance would put in each band: for each incident, the share of the moments in its service's
 * history (from its first production deploy to the end of the records) that fall that long after
 * the service's last deploy. A band holding at least one and a half times what chance would put in
 * it (the setting {@code linking.suspectExcess}) is one where deploys cause incidents: at least a
 * third of its incidents would not be there otherwise. A last deploy is suspected by time alone
 * only when the incident's lag falls in such a band. A band where chance would put fewer than
 * {@link #FEWEST_EXPECTED} incidents is too thin to speak, and its suspects stand (a new workspace
 * with a handful of incidents keeps every suspect). The setting at 0 suspects every last deploy.
 *
 * <p>Nothing here is a constant fitted to an organisation: a team that ships every ten minutes and
 * one with a weekly release train each get the bands their own history shows.
 */
final class SuspectOdds {
  /** The first band's upper end; each next band is twice as long. */
  static final long FIRST_BAND_MS = 15 * 60_000L;

  /** A band where chance would put fewer incidents than this speaks neither for nor against. */
  static final double FEWEST_EXPECTED = 5.0;

  /**
   * With the incident's words weighed, the share of the odds the setting asks of a band alone that
   * the two together must reach (decision 0019).
   */
  static final double WITH_WORDS = 0.5;

  /** Per service: the gaps between its successful production deploys, ascending, in ms. */
  private final long[][] gaps;

  /** Per service: {@code tail[s][k]} is the sum of {@code gaps[s][k..]}. */
  private final double[][] tail;

  /** Per band: the incidents that began in it. */
  private final int[] observed;

  /** Per band: the incidents chance would put in it. */
  private final double[] expected;

  private final int incidentsCounted;

  private SuspectOdds(long[][] gaps, long windowMs, long[] lags, int[] services) {
    this.gaps = gaps;
    this.tail = new double[gaps.length][];
    for (int s = 0; s < gaps.length; s++) {
      double[] sums = new double[gaps[s].length + 1];
      for (int k = gaps[s].length - 1; k >= 0; k--) {
        sums[k] = sums[k + 1] + gaps[s][k];
      }
      tail[s] = sums;
    }
    int bands = band(Math.max(windowMs, 0)) + 1;
    this.observed = new int[bands];
    this.expected = new double[bands];
    // chance puts each incident in a band as its service's history does: summed per service
    int[] perService = new int[gaps.length];
    for (int i = 0; i < lags.length; i++) {
      if (lags[i] <= windowMs) {
        observed[band(lags[i])]++;
      }
      if (services[i] >= 0 && services[i] < gaps.length) {
        perService[services[i]]++;
      }
    }
    for (int s = 0; s < gaps.length; s++) {
      for (int b = 0; perService[s] > 0 && b < bands; b++) {
        long hi = Math.min(windowMs + 1, upper(b));
        expected[b] += perService[s] * (atLeast(s, lower(b)) - atLeast(s, hi));
      }
    }
    this.incidentsCounted = lags.length;
  }

  /**
   * The odds for a workspace.
   *
   * @param deployTimes per service, the times of its successful production deploys, ascending
   * @param end the end of the workspace's records (its latest onset or deploy)
   * @param windowMs how far back before onset a deploy is weighed at all
   * @param lags for each incident that cites nothing and has a production deploy of its own
   *     services before onset, the time from the last such deploy to onset
   * @param services the service of each of those deploys
   */
  static SuspectOdds of(
      long[][] deployTimes, long end, long windowMs, long[] lags, int[] services) {
    long[][] gaps = new long[deployTimes.length][];
    for (int s = 0; s < deployTimes.length; s++) {
      long[] times = deployTimes[s];
      long[] g = new long[times.length];
      for (int k = 0; k < times.length; k++) {
        long next = k + 1 < times.length ? times[k + 1] : Math.max(end, times[k]);
        g[k] = next - times[k];
      }
      Arrays.sort(g);
      gaps[s] = g;
    }
    return new SuspectOdds(gaps, windowMs, lags, services);
  }

  /** The band of a lag: 0 under {@link #FIRST_BAND_MS}, then one more each time it doubles. */
  static int band(long lagMs) {
    int b = 0;
    long upper = FIRST_BAND_MS;
    while (lagMs >= upper && upper < Long.MAX_VALUE / 2) {
      upper *= 2;
      b++;
    }
    return b;
  }

  /** The shortest lag of a band. */
  static long lower(int band) {
    return band == 0 ? 0 : FIRST_BAND_MS << (band - 1);
  }

  /** The first lag past a band. */
  static long upper(int band) {
    return FIRST_BAND_MS << band;
  }

  /** The share of the service's history that falls at least {@code x} after its last deploy. */
  double atLeast(int service, long x) {
    if (service < 0 || service >= gaps.length || gaps[service].length == 0) {
      return 0;
    }
    long[] g = gaps[service];
    double span = tail[service][0];
    if (span <= 0) {
      return 0;
    }
    // every gap longer than x holds (gap - x) of such moments
    int first = firstAbove(g, x);
    return (tail[service][first] - (double) (g.length - first) * x) / span;
  }

  private static int firstAbove(long[] sorted, long x) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] <= x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** How many incidents that cite nothing began in the lag's band. */
  int observed(long lagMs) {
    int b = band(lagMs);
    return b < observed.length ? observed[b] : 0;
  }

  /** How many incidents chance would put in the lag's band. */
  double expected(long lagMs) {
    int b = band(lagMs);
    return b < expected.length ? expected[b] : 0;
  }

  /** How many times what chance would put there the lag's band holds. */
  double excess(long lagMs) {
    double e = expected(lagMs);
    return e <= 0 ? Double.POSITIVE_INFINITY : observed(lagMs) / e;
  }

  /**
   * Whether a last deploy this long before onset is suspected by time alone: its band holds at
   * least {@code needed} times what chance would put there, or chance would put too few there to
   * tell.
   */
  boolean favours(long lagMs, double needed) {
    return bandOdds(lagMs, needed) >= needed - 1;
  }

  /**
   * Whether a last deploy this long before onset is suspected, its band's odds ({@link #bandOdds})
   * weighed with what the incident's own words say ({@link ChangeTalk#ratio}): the two together
   * must reach {@link #WITH_WORDS} of the odds the setting asks of a band alone ({@code needed -
   * 1}): the words take out much of what a band lets through by chance, so less is asked of the two
   * together. Where a band is too thin to speak, the words decide.
   */
  boolean favoursWithWords(long lagMs, double needed, double wordsRatio) {
    double band = Math.max(bandOdds(lagMs, needed), countingNoise(lagMs));
    return band * wordsRatio >= (needed - 1) * WITH_WORDS;
  }

  /**
   * How much of the band's odds its count cannot tell from none: one standard error of the count
   * (its square root, as for any count of independent events) over what chance would put there. A
   * band that holds no more than chance does not say its deploys cause nothing, only that the count
   * cannot show it; words that speak strongly for a change can then still name the suspect.
   */
  private double countingNoise(long lagMs) {
    double e = expected(lagMs);
    return e < FEWEST_EXPECTED ? 0 : Math.sqrt(Math.max(observed(lagMs), 1)) / e;
  }

  /**
   * The odds that a last deploy this long before onset caused its incident, as its band says: a
   * band holding {@code e} times what chance would put there is one where a share {@code 1 - 1/e}
   * of its incidents would not be there without deploys, odds of {@code e - 1}. A band too thin to
   * speak is taken as just meeting the setting ({@code needed - 1}, at least 0).
   */
  private double bandOdds(long lagMs, double needed) {
    return expected(lagMs) < FEWEST_EXPECTED ? Math.max(needed - 1, 0) : excess(lagMs) - 1;
  }

  /** How many incidents were counted. */
  int incidentsCounted() {
    return incidentsCounted;
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("SuspectOdds");
    for (int b = 0; b < observed.length; b++) {
      out.append(
          String.format(
              " [%s: %d vs %.1f]",
              Arrays.toString(new long[] {lower(b), upper(b)}), observed[b], expected[b]));
    }
    return out.toString();
  }
}
