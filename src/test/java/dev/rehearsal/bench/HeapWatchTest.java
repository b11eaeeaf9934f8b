package dev.rehearsal.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The live figure counts what the work holds, not the garbage it leaves. Other work in the test JVM
 * (caches of earlier tests let go, a compiler's arenas) moves what the JVM holds by tens of
 * megabytes between two samples, so each figure is compared with the baseline taken before the work
 * and again after it is let go, whichever makes the test hardest to pass by that drift.
 */
class HeapWatchTest {
  private static final int MB = 1024 * 1024;

  /** What this JVM holds before the work: the live peak of a watch over nothing. */
  private static long baseline() {
    try (HeapWatch w = HeapWatch.sampleLive()) {
      w.sampleNow();
      w.close();
      return w.livePeakMb();
    }
  }

  @Test
  void heldMemoryIsLive() {
    long before = baseline();
    List<byte[]> held = new ArrayList<>();
    long peak;
    try (HeapWatch w = HeapWatch.sampleLive()) {
      for (int i = 0; i < 96; i++) {
        held.add(new byte[MB]);
      }
      w.sampleNow();
      w.close();
      peak = w.livePeakMb();
      assertTrue(w.liveSamples() >= 1);
    }
    assertEquals(96, held.size());
    held = null;
    long after = baseline();
    // the lower baseline: what the JVM let go of meanwhile does not hide the 96 MB
    long base = Math.min(before, after);
    assertTrue(
        peak >= base + 90,
        "96 MB held over a baseline of "
            + before
            + " MB before and "
            + after
            + " MB after, live peak "
            + peak);
  }

  @Test
  void garbageIsNotLive() {
    long before = baseline();
    // 160 MB that outlive a collection and so sit in the old generation, then are let go: the
    // young collections during the work below do not clear them
    List<byte[]> old = new ArrayList<>();
    for (int i = 0; i < 160; i++) {
      old.add(new byte[MB]);
    }
    System.gc();
    assertEquals(160, old.size());
    old = null;
    long sink = 0;
    long peak;
    try (HeapWatch w = HeapWatch.sampleLive()) {
      // 512 MB of short-lived garbage, 64 KB at a time
      for (int i = 0; i < 8192; i++) {
        byte[] b = new byte[64 * 1024];
        b[i % b.length] = 1;
        sink += b[i % b.length];
      }
      w.sampleNow();
      w.close();
      peak = w.livePeakMb();
      assertTrue(w.usedPeakMb() > 0);
    }
    assertEquals(8192, sink);
    long after = baseline();
    // the higher baseline: what the JVM took on meanwhile is not counted as the garbage
    long base = Math.max(before, after);
    assertTrue(
        peak <= base + 32,
        "garbage counted as live: baseline "
            + before
            + " MB before and "
            + after
            + " MB after,"
            + " live peak "
            + peak);
  }

  @Test
  void aTimedWatchForcesNoCollection() {
    try (HeapWatch w = HeapWatch.used()) {
      w.sampleNow();
      w.close();
      assertEquals(0, w.liveSamples());
      assertEquals(0, w.livePeakMb());
    }
  }
}
