package dev.rehearsal.importers.staging;

import dev.rehearsal.model.LoadSummary;
import java.util.HashSet;
import java.util.Set;

/**
 * Sums a load test's samples (one per request) into a {@link LoadSummary} in bounded memory:
 * counts, a latency histogram, per-second counts for the peak rate, the span from the first
 * request's start to the last one's end, and the most concurrent users the file reports.
 */
final class LoadTally {
  private static final int MAX_THREAD_NAMES = 100_000;

  private long requests;
  private long failed;
  private final LatencyHistogram latency = new LatencyHistogram();
  private final PerSecondCounter perSecond = new PerSecondCounter();
  private long firstStart = Long.MAX_VALUE;
  private long lastEnd = Long.MIN_VALUE;
  private double maxUsers = Double.NaN;
  private Set<String> threads;
  private boolean threadsCapped;

  /** One request: start (epoch ms), elapsed ms, success. */
  void sample(long startMs, long elapsedMs, boolean ok) {
    requests++;
    if (!ok) {
      failed++;
    }
    latency.add(elapsedMs);
    perSecond.add(startMs);
    firstStart = Math.min(firstStart, startMs);
    lastEnd = Math.max(lastEnd, startMs + Math.max(0, elapsedMs));
  }

  /** A concurrency figure the file states (JMeter allThreads, Gatling users running). */
  void users(double n) {
    if (!Double.isNaN(n) && (Double.isNaN(maxUsers) || n > maxUsers)) {
      maxUsers = n;
    }
  }

  /** A thread (virtual user) name, counted when the file states no concurrency figure. */
  void thread(String name) {
    if (name == null || threadsCapped) {
      return;
    }
    if (threads == null) {
      threads = new HashSet<>();
    }
    if (threads.size() >= MAX_THREAD_NAMES) {
      threadsCapped = true;
      return;
    }
    threads.add(name);
  }

  long requests() {
    return requests;
  }

  /** The first request's start in epoch ms, or null when there was none. */
  Long firstStart() {
    return requests == 0 ? null : firstStart;
  }

  /** Seconds from the first request's start to the last request's end, NaN when none. */
  double spanSeconds() {
    return requests == 0 ? Double.NaN : (lastEnd - firstStart) / 1000.0;
  }

  LoadSummary summary(boolean thresholdsFailed, RunDraft run) {
    double span = spanSeconds();
    double mean = requests > 0 && span > 0 ? requests / span : Double.NaN;
    double peak;
    if (requests == 0) {
      peak = Double.NaN;
    } else if (perSecond.overflowed()) {
      peak = mean;
      run.note(
          "the test ran longer than "
              + PerSecondCounter.MAX_SECONDS / 86400
              + " days: peak rps is the mean rate, not counted per second");
    } else {
      peak = perSecond.peak();
    }
    double users = maxUsers;
    if (Double.isNaN(users) && threads != null && !threads.isEmpty()) {
      users = threads.size();
      run.note(
          "max VUs is the number of distinct thread names"
              + (threadsCapped ? " (counting stopped at " + MAX_THREAD_NAMES + ")" : "")
              + ": the file states no active-thread count");
    }
    return new LoadSummary(
        requests,
        failed,
        mean,
        peak,
        latency.percentile(95),
        latency.percentile(99),
        users,
        thresholdsFailed);
  }
}
