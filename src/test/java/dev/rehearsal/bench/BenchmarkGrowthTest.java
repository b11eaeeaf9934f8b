package dev.rehearsal.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Growth exponents come from each size's median, not from one run the machine slowed. */
class BenchmarkGrowthTest {
  private static Map<String, Object> run(double records, double seconds, double p95) {
    Map<String, Object> r = new HashMap<>();
    r.put("scale", records / 1_000_000);
    r.put("records", records);
    for (String k : Benchmark.GROWING) {
      r.put(k, seconds);
    }
    r.put("search", Map.of("p95Ms", p95));
    return r;
  }

  private static double exponent(Map<String, Object> growth, String key) {
    return ((Number) ((Map<?, ?>) growth.get("step1")).get(key)).doubleValue();
  }

  @Test
  void linearGrowthHasExponentOne() {
    Map<String, Object> g = Benchmark.exponents(List.of(run(100_000, 10, 5), run(300_000, 30, 5)));
    assertEquals(1.0, exponent(g, "importSeconds"), 1e-3);
    assertEquals(0.0, exponent(g, "searchP95"), 1e-3);
    // n log n from 100,000 to 300,000: log(3 * ln 300000 / ln 100000) / log 3
    double nlogn = Math.log(3 * Math.log(300_000) / Math.log(100_000)) / Math.log(3);
    assertEquals(nlogn, exponent(g, "nLogNExponent"), 1e-3);
  }

  @Test
  void theMedianOfEachSizeIsUsed() {
    // the second run at the larger size was slowed by half: its median stays at 30
    Map<String, Object> small =
        Benchmark.median(List.of(run(100_000, 10, 5), run(100_000, 11, 6), run(100_000, 9, 4)));
    Map<String, Object> large =
        Benchmark.median(List.of(run(300_000, 30, 5), run(300_000, 45, 5), run(300_000, 29, 5)));
    assertEquals(10.0, ((Number) small.get("analysisSeconds")).doubleValue());
    assertEquals(30.0, ((Number) large.get("analysisSeconds")).doubleValue());
    Map<String, Object> g = Benchmark.exponents(List.of(small, large));
    assertEquals(1.0, exponent(g, "analysisSeconds"), 1e-3);
  }

  @Test
  void sizesTakeTurnsSoThatDriftFallsOnEachAlike() {
    assertEquals(List.of(0, 1, 2, 0, 1, 2, 0, 1, 2), Benchmark.schedule(3, 3));
    assertEquals(List.of(0, 1, 2), Benchmark.schedule(3, 1));
  }

  @Test
  void anEvenNumberOfRunsTakesTheMiddleTwo() {
    Map<String, Object> m = Benchmark.median(List.of(run(100_000, 10, 4), run(100_000, 20, 8)));
    assertEquals(15.0, ((Number) m.get("importSeconds")).doubleValue());
    assertEquals(6.0, ((Number) ((Map<?, ?>) m.get("search")).get("p95Ms")).doubleValue());
  }
}
