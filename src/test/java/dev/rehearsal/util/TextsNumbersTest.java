package dev.rehearsal.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TextsNumbersTest {
  @Test
  void fixedRoundsHalfUpLikeTheFormatter() {
    assertEquals("3", Texts.fixed(2.5, 0));
    assertEquals("4.7", Texts.fixed(4.66, 1));
    assertEquals("0.05", Texts.fixed(0.049, 2));
    assertEquals("12277", Texts.fixed(12276.6, 0));
    assertEquals("-1.5", Texts.fixed(-1.46, 1));
    assertEquals("0.0", Texts.fixed(-0.01, 1));
    assertEquals("NaN", Texts.fixed(Double.NaN, 1));
  }

  @Test
  void fixedAgreesWithTheFormatterOnOrdinaryValues() {
    Random r = new Random(3);
    for (int i = 0; i < 10_000; i++) {
      double v = r.nextDouble() * Math.pow(10, r.nextInt(7));
      for (int d = 0; d <= 2; d++) {
        assertEquals(
            String.format(Locale.ROOT, "%." + d + "f", v), Texts.fixed(v, d), "value " + v);
      }
    }
  }

  @Test
  void groupedSeparatesThousands() {
    assertEquals("0", Texts.grouped(0L));
    assertEquals("999", Texts.grouped(999L));
    assertEquals("1,000", Texts.grouped(1000L));
    assertEquals("31,955,896", Texts.grouped(31_955_896L));
    assertEquals("-12,345", Texts.grouped(-12_345L));
    assertEquals("1,970", Texts.grouped(1969.5));
    assertEquals(String.format(Locale.ROOT, "%,d", Long.MAX_VALUE), Texts.grouped(Long.MAX_VALUE));
  }
}
