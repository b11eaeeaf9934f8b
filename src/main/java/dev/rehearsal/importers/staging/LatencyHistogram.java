package dev.rehearsal.importers.staging;

/**
 * Latency percentiles in bounded memory, however many samples a load test has: one counter per
 * millisecond below one minute (exact), then buckets 0.5% wide up to about 35 days. Percentiles are
 * nearest-rank: the smallest recorded value with at least p% of the samples at or below it. Above
 * one minute a percentile is the upper edge of its bucket, so it is never understated by more than
 * 0.5%.
 */
final class LatencyHistogram {
  static final int EXACT_MS = 60_000;
  private static final double GROWTH = 1.005;
  private static final int LOG_BUCKETS =
      (int) Math.ceil(Math.log(3.0e9 / EXACT_MS) / Math.log(GROWTH)) + 1;

  private long[] exact;
  private final long[] log = new long[LOG_BUCKETS];
  private long count;

  /** Records one latency in milliseconds (negative values are not latencies: ignored). */
  void add(long ms) {
    if (ms < 0) {
      return;
    }
    count++;
    if (ms < EXACT_MS) {
      if (exact == null) {
        exact = new long[EXACT_MS];
      }
      exact[(int) ms]++;
    } else {
      log[logIndex(ms)]++;
    }
  }

  private static int logIndex(long ms) {
    int i = (int) (Math.log((double) ms / EXACT_MS) / Math.log(GROWTH));
    return Math.min(Math.max(i, 0), LOG_BUCKETS - 1);
  }

  private static double upperEdge(int i) {
    return Math.floor(EXACT_MS * Math.pow(GROWTH, i + 1));
  }

  long count() {
    return count;
  }

  /** The p-th percentile (0 &lt; p &lt;= 100) in milliseconds, NaN when empty. */
  double percentile(double p) {
    if (count == 0) {
      return Double.NaN;
    }
    long rank = (long) Math.ceil(p / 100.0 * count);
    rank = Math.max(1, Math.min(rank, count));
    long seen = 0;
    if (exact != null) {
      for (int i = 0; i < EXACT_MS; i++) {
        seen += exact[i];
        if (seen >= rank) {
          return i;
        }
      }
    }
    for (int i = 0; i < LOG_BUCKETS; i++) {
      seen += log[i];
      if (seen >= rank) {
        return upperEdge(i);
      }
    }
    return Double.NaN;
  }
}
