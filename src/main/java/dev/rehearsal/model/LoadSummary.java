package dev.rehearsal.model;

/**
 * Throughput and latency a load test reached. Figures a tool did not report are {@code NaN}.
 *
 * @param peakRps highest requests per second seen (per-second buckets where the tool gives them,
 *     else the mean rate)
 * @param thresholdsFailed the tool's own pass/fail criteria (k6 thresholds, assertions) failed
 */
public record LoadSummary(
    long requests,
    long failedRequests,
    double meanRps,
    double peakRps,
    double p95Ms,
    double p99Ms,
    double maxVus,
    boolean thresholdsFailed) {

  public double errorRate() {
    return requests == 0 ? 0 : (double) failedRequests / requests;
  }
}
