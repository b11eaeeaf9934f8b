package dev.rehearsal.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DeployTableTest {

  /** One service, one environment, deploys at the given times (ascending). */
  private static DeployTable table(long... times) {
    int n = times.length;
    Utf8Column key = new Utf8Column();
    for (int i = 0; i < n; i++) {
      key.add("d" + i);
    }
    return DeployTable.sorted(
        n,
        key,
        new int[n],
        new int[n],
        times,
        new byte[n],
        new int[n],
        new int[n],
        new boolean[n],
        Dict.compact(),
        Dict.compact(),
        1,
        1);
  }

  private static int firstAtOrAfterByScan(DeployTable t, int from, int end, long time) {
    for (int i = from; i < end; i++) {
      if (t.time[i] >= time) {
        return i;
      }
    }
    return end;
  }

  @Test
  void searchingBackFromTheEndFindsWhatAScanFinds() {
    Random random = new Random(7);
    for (int round = 0; round < 300; round++) {
      int n = random.nextInt(40);
      long[] times = new long[n];
      long at = random.nextInt(5);
      for (int i = 0; i < n; i++) {
        at += random.nextInt(3); // repeated times too
        times[i] = at;
      }
      DeployTable t = table(times);
      for (int probe = 0; probe < 20; probe++) {
        int from = n == 0 ? 0 : random.nextInt(n + 1);
        int end = from + random.nextInt(n - from + 1);
        long time = random.nextInt((int) at + 4) - 1;
        assertEquals(
            firstAtOrAfterByScan(t, from, end, time),
            t.firstAtOrAfterBefore(from, end, time),
            () ->
                "times "
                    + java.util.Arrays.toString(times)
                    + " from "
                    + from
                    + " end "
                    + end
                    + " time "
                    + time);
      }
    }
  }

  @Test
  void answersAtTheEdges() {
    DeployTable t = table(10, 20, 20, 30);
    assertEquals(0, t.firstAtOrAfterBefore(0, 4, 5), "all at or after");
    assertEquals(4, t.firstAtOrAfterBefore(0, 4, 31), "none: the end");
    assertEquals(1, t.firstAtOrAfterBefore(0, 4, 20), "the first of equal times");
    assertEquals(2, t.firstAtOrAfterBefore(2, 4, 11), "never before from");
    assertEquals(3, t.firstAtOrAfterBefore(0, 3, 25), "never past end");
    assertEquals(2, t.firstAtOrAfterBefore(2, 2, 0), "an empty range: its end");
    assertEquals(1, t.firstAtOrAfterBefore(1, 4, Long.MIN_VALUE), "the earliest time there is");
  }
}
