package dev.rehearsal.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LagModelTest {
  private static final long HOUR = 3_600_000L;

  @Test
  void withNothingLearnedItIsThePrior() {
    LagModel m = LagModel.of(new long[0], 8);
    assertEquals(1.0, m.survival(0));
    assertEquals(0.5, m.survival(8 * HOUR), 1e-9);
    assertEquals(0.25, m.survival(16 * HOUR), 1e-9);
    assertEquals(-1, m.median());
    assertEquals(-1, m.quantile(0.95));
  }

  @Test
  void manyLateIncidentsOutweighThePrior() {
    long[] lags = LongStream.range(0, 200).map(k -> 20 * HOUR + k * 60_000).toArray();
    LagModel m = LagModel.of(lags, 8);
    // every learned incident began at least 12 hours after its change: nearly all weight stays
    assertTrue(m.survival(12 * HOUR) > 0.9, "" + m.survival(12 * HOUR));
    // none began a day and a half later: only the prior's share remains
    assertTrue(m.survival(36 * HOUR) < 0.01, "" + m.survival(36 * HOUR));
    assertEquals(20 * HOUR + 100 * 60_000, m.median());
  }

  @Test
  void survivalNeverRisesWithTheLag() {
    LagModel m = LagModel.of(new long[] {HOUR, 3 * HOUR, 3 * HOUR, 30 * HOUR}, 8);
    double before = 1.0;
    for (long t = 0; t < 72 * HOUR; t += 10 * 60_000) {
      double s = m.survival(t);
      assertTrue(s <= before + 1e-12, "at " + t);
      before = s;
    }
  }
}
