package dev.rehearsal.importers.staging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The bounded-memory helpers behind the load summaries, and the target name table. */
class LoadHelpersTest {

  @Test
  void histogramIsExactBelowAMinuteAndCloseAbove() {
    LatencyHistogram h = new LatencyHistogram();
    assertTrue(Double.isNaN(h.percentile(95)));
    for (int i = 1; i <= 100; i++) {
      h.add(i);
    }
    assertEquals(95.0, h.percentile(95), 0.0);
    assertEquals(99.0, h.percentile(99), 0.0);
    assertEquals(1.0, h.percentile(0.5), 0.0);
    LatencyHistogram big = new LatencyHistogram();
    big.add(10);
    big.add(120_000);
    double p99 = big.percentile(99);
    assertTrue(p99 >= 120_000 && p99 <= 120_000 * 1.005 + 1, "within 0.5%: " + p99);
    big.add(-5);
    assertEquals(2, big.count(), "negative latencies are not latencies");
  }

  @Test
  void histogramAgreesWithSortingOnRandomData() {
    Random rnd = new Random(42);
    LatencyHistogram h = new LatencyHistogram();
    long[] all = new long[10_000];
    for (int i = 0; i < all.length; i++) {
      all[i] = (long) Math.abs(rnd.nextGaussian() * 800);
      h.add(all[i]);
    }
    java.util.Arrays.sort(all);
    assertEquals(all[(int) Math.ceil(0.95 * all.length) - 1], (long) h.percentile(95));
    assertEquals(all[(int) Math.ceil(0.99 * all.length) - 1], (long) h.percentile(99));
  }

  @Test
  void perSecondCounterHandlesOutOfOrderSamples() {
    PerSecondCounter c = new PerSecondCounter();
    assertEquals(0, c.peak());
    c.add(1_000_500);
    c.add(1_000_900);
    c.add(999_999); // an earlier second arrives late
    c.add(2_000_000);
    c.add(1_000_000);
    assertEquals(3, c.peak());
    assertFalse(c.overflowed());
    c.add(1_000_000 + (long) PerSecondCounter.MAX_SECONDS * 1000 + 5000);
    assertTrue(c.overflowed(), "longer than a month is not counted per second");
  }

  @Test
  void loadTallyFallsBackToTheMeanWhenTooLong() {
    LoadTally t = new LoadTally();
    RunDraft run = new RunDraft();
    assertNull(t.firstStart());
    t.sample(0, 100, true);
    t.sample((long) PerSecondCounter.MAX_SECONDS * 1000 + 10_000, 100, false);
    var s = t.summary(false, run);
    assertEquals(2, s.requests());
    assertEquals(1, s.failedRequests());
    assertEquals(s.meanRps(), s.peakRps(), 0.0);
    assertTrue(run.notes.get(0).contains("peak rps is the mean rate"));
  }

  @Test
  void targetNamesAreExactNotLoose() {
    assertEquals(TargetFacts.Field.SERVICE, TargetFacts.fieldOf("Service"));
    assertEquals(TargetFacts.Field.VERSION, TargetFacts.fieldOf("app_version"));
    assertEquals(TargetFacts.Field.ENVIRONMENT, TargetFacts.fieldOf("deployment-environment"));
    assertNull(TargetFacts.fieldOf("java.version"), "Surefire's JVM properties are not ours");
    assertNull(TargetFacts.fieldOf("java.vm.version"));
    assertNull(TargetFacts.fieldOf("os.version"));
    TargetFacts f = new TargetFacts();
    assertTrue(f.offerTag("@service=checkout", "tag"));
    assertTrue(f.offerTag("env:stage", "tag"));
    assertFalse(f.offerTag("@checkout", "tag"), "a plain tag names nothing");
    assertFalse(f.offerTag("@service=", "tag"));
    assertEquals("checkout", f.get(TargetFacts.Field.SERVICE));
    f.offer("service", "payments", "later");
    assertEquals("checkout", f.get(TargetFacts.Field.SERVICE), "the first value wins");
    assertEquals(1, f.conflicts().size());
    f.offer("service", "\u200Bcheck\u0000out", "invisible");
    assertEquals("checkout", f.get(TargetFacts.Field.SERVICE));
  }

  @Test
  void pytestErrorLineIsTheSummary() {
    assertEquals(
        "AssertionError: 1 != 2",
        CaseTally.summaryLine("def test_x():\n>   assert 1 == 2\nE   AssertionError: 1 != 2\n"));
    assertEquals("Error: boom", CaseTally.summaryLine("\n\n  Error: boom\n  at x (y.js:1)"));
    assertEquals("", CaseTally.summaryLine(null));
  }
}
