package dev.rehearsal.importers.staging;

/**
 * Requests per wall-clock second, for the peak rate of a load test whose file has a timestamp per
 * request. Seconds are counted in an array indexed from the earliest second seen, grown in both
 * directions as samples arrive out of order; a test longer than {@link #MAX_SECONDS} stops being
 * counted per second (the caller then reports the mean rate instead).
 */
final class PerSecondCounter {
  /** 31 days of seconds: 2.7 million counters, about 11 MB at most. */
  static final int MAX_SECONDS = 31 * 24 * 3600;

  private int[] counts = new int[256];
  private long base = Long.MIN_VALUE;
  private int used;
  private boolean overflow;

  /** Counts one request starting at this epoch millisecond. */
  void add(long epochMs) {
    if (overflow) {
      return;
    }
    long sec = Math.floorDiv(epochMs, 1000L);
    if (base == Long.MIN_VALUE) {
      base = sec;
    }
    if (sec < base) {
      long shift = base - sec;
      if (shift + used > MAX_SECONDS) {
        overflow = true;
        return;
      }
      int[] n = new int[(int) Math.max(counts.length, Math.min(MAX_SECONDS, (used + shift) * 2))];
      System.arraycopy(counts, 0, n, (int) shift, used);
      counts = n;
      used += (int) shift;
      base = sec;
    }
    long idx = sec - base;
    if (idx >= MAX_SECONDS) {
      overflow = true;
      return;
    }
    if (idx >= counts.length) {
      int[] n = new int[(int) Math.min(MAX_SECONDS, Math.max(idx + 1, (long) counts.length * 2))];
      System.arraycopy(counts, 0, n, 0, used);
      counts = n;
    }
    counts[(int) idx]++;
    used = (int) Math.max(used, idx + 1);
  }

  /** Whether the test ran too long to be counted per second. */
  boolean overflowed() {
    return overflow;
  }

  /** The most requests that started within one second, 0 when none. */
  int peak() {
    int max = 0;
    for (int i = 0; i < used; i++) {
      max = Math.max(max, counts[i]);
    }
    return max;
  }
}
