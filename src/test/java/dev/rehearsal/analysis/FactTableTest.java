package dev.rehearsal.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FactTableTest {
  @Test
  void theLatestSnapshotAtOrBeforeATimeElseTheEarliestStandsForTheTimeBefore() {
    FactTable f = new FactTable();
    f.addConfig(1, 2, 1_000, "pool", "20");
    f.addConfig(1, 2, 2_000, "pool", "40");
    f.finish();
    assertEquals("20", f.configAt(1, 2, 1_500).values.get("pool"));
    assertEquals("40", f.configAt(1, 2, 9_000).values.get("pool"));
    // a snapshot exported after the incident (its time assumed) is the best knowledge of before
    assertEquals("20", f.configAt(1, 2, 10).values.get("pool"));
    assertNull(f.configAt(1, 3, 10), "nothing known of another environment");
  }

  @Test
  void flagsFollowTheSameRule() {
    FactTable f = new FactTable();
    f.addFlag(1, 2, 1_000, "fast-checkout", "off");
    f.addFlag(1, 2, 2_000, "fast-checkout", "on");
    f.finish();
    assertEquals(Map.of("fast-checkout", "off"), f.flagsAt(1, 2, 500));
    assertEquals(Map.of("fast-checkout", "off"), f.flagsAt(1, 2, 1_500));
    assertEquals(Map.of("fast-checkout", "on"), f.flagsAt(1, 2, 2_000));
  }
}
