package dev.rehearsal.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SuspectOddsTest {
  private static final long MIN = 60_000L;
  private static final long HOUR = 60 * MIN;
  private static final long WINDOW = 72 * HOUR;

  /** One service deploying every sixteen hours for 1,600 hours. */
  private static long[][] everySixteenHours() {
    long[] times = new long[100];
    for (int k = 0; k < times.length; k++) {
      times[k] = k * 16 * HOUR;
    }
    return new long[][] {times};
  }

  private static SuspectOdds odds(long[] lags) {
    return SuspectOdds.of(everySixteenHours(), 1600 * HOUR, WINDOW, lags, new int[lags.length]);
  }

  @Test
  void bandsDoubleFromAQuarterOfAnHour() {
    assertEquals(0, SuspectOdds.band(0));
    assertEquals(0, SuspectOdds.band(15 * MIN - 1));
    assertEquals(1, SuspectOdds.band(15 * MIN));
    assertEquals(2, SuspectOdds.band(45 * MIN));
    assertEquals(3, SuspectOdds.band(HOUR));
    assertEquals(HOUR, SuspectOdds.lower(3));
    assertEquals(2 * HOUR, SuspectOdds.upper(3));
    assertEquals(0, SuspectOdds.lower(0));
  }

  @Test
  void theHistoryShareIsTheShareOfMomentsThatLongAfterTheLastDeploy() {
    SuspectOdds odds = odds(new long[0]);
    // time since the last deploy is even over [0, 16 h)
    assertEquals(1.0, odds.atLeast(0, 0), 1e-9);
    assertEquals(0.75, odds.atLeast(0, 4 * HOUR), 1e-9);
    assertEquals(0.0, odds.atLeast(0, 16 * HOUR), 1e-9);
    assertEquals(0.0, odds.atLeast(1, HOUR), 1e-9, "a service with no deploy has no history");
  }

  @Test
  void theOpenGapAfterTheLastDeployCountsToTheEndOfTheRecords() {
    long[][] once = {{0}};
    SuspectOdds odds = SuspectOdds.of(once, 100 * HOUR, WINDOW, new long[0], new int[0]);
    assertEquals(0.7, odds.atLeast(0, 30 * HOUR), 1e-9);
  }

  @Test
  void chancePutsIncidentsInABandAsTheHistoryDoes() {
    // 160 incidents: under chance each band of [0, 16 h) gets its length / 16 h of them
    SuspectOdds odds = odds(new long[160]);
    assertEquals(160 * 0.25 / 16, odds.expected(0), 1e-9, "under 15 min");
    assertEquals(160 * 1.0 / 16, odds.expected(90 * MIN), 1e-9, "1 h to 2 h");
    assertEquals(160 * 8.0 / 16, odds.expected(9 * HOUR), 1e-9, "8 h to 16 h");
    assertEquals(0.0, odds.expected(20 * HOUR), 1e-9, "no gap is that long");
    assertEquals(160, odds.observed(0));
    assertEquals(160, odds.incidentsCounted());
  }

  @Test
  void aBandWithTwiceWhatChancePutsThereFavoursItsDeploys() {
    Random random = new Random(7);
    int caused = 60;
    int chance = 300;
    long[] lags = new long[caused + chance];
    for (int i = 0; i < caused; i++) {
      lags[i] = 30 * MIN + (long) (random.nextDouble() * 30 * MIN);
    }
    for (int i = caused; i < lags.length; i++) {
      lags[i] = (long) (random.nextDouble() * 16 * HOUR);
    }
    SuspectOdds odds = odds(lags);
    assertTrue(odds.favours(40 * MIN, 2.0), odds.toString());
    assertTrue(odds.excess(40 * MIN) > 4, odds.toString());
    assertFalse(odds.favours(3 * HOUR, 2.0), odds.toString());
    assertFalse(odds.favours(10 * HOUR, 2.0), odds.toString());
    assertEquals(odds.observed(40 * MIN) / odds.expected(40 * MIN), odds.excess(40 * MIN), 1e-12);
  }

  @Test
  void aBandChanceWouldLeaveNearlyEmptyDecidesNothing() {
    // 40 incidents: chance puts 40 * 8 / 16 = 20 between 8 h and 16 h, 40 * 1 / 16 = 2.5 between
    // 1 h and 2 h; they all began between 8 h and 16 h but one
    long[] lags = new long[40];
    java.util.Arrays.fill(lags, 10 * HOUR);
    lags[0] = 90 * MIN;
    SuspectOdds odds = odds(lags);
    assertEquals(2.5, odds.expected(90 * MIN), 1e-9);
    assertTrue(odds.excess(90 * MIN) < 1, odds.toString());
    assertTrue(
        odds.favours(90 * MIN, 1.5), "2.5 incidents expected is too few to speak against it");
    assertTrue(odds.favours(10 * HOUR, 1.5), "39 where chance puts 20");
    assertFalse(odds.favours(10 * HOUR, 2.0), "39 is under twice 20");
    assertTrue(odds.favours(10 * HOUR, 0), "a need of 0 suspects every last deploy");
  }

  @Test
  void lagsPastTheWindowAreCountedForChanceButNotObserved() {
    long[] lags = {200 * HOUR};
    long[][] once = {{0}};
    SuspectOdds odds = SuspectOdds.of(once, 1000 * HOUR, WINDOW, lags, new int[1]);
    assertEquals(0, odds.observed(200 * HOUR));
    assertEquals(0.0, odds.expected(200 * HOUR), 1e-9, "beyond the window there are no bands");
    assertEquals(0.008, odds.expected(70 * HOUR), 1e-9, "64 h to the window's 72 h of 1,000 h");
    assertEquals(0.008, odds.expected(10 * HOUR), 1e-9, "8 h to 16 h of 1,000 h");
  }

  @Test
  void theIncidentsWordsMultiplyTheBandsOdds() {
    // 39 where chance puts 20 between 8 h and 16 h: odds of 0.95 that such a last deploy caused
    // its incident; the setting asks odds of 0.5 (1.5 times what chance puts there)
    long[] lags = new long[40];
    java.util.Arrays.fill(lags, 10 * HOUR);
    lags[0] = 90 * MIN;
    SuspectOdds odds = odds(lags);
    assertFalse(odds.favours(10 * HOUR, 2.0), "the band alone does not reach odds of 1");
    assertTrue(
        odds.favoursWithWords(10 * HOUR, 2.0, 1), "words that say nothing: half the odds asked");
    assertTrue(
        odds.favoursWithWords(10 * HOUR, 2.0, 0.6),
        "0.95 x 0.6 reaches half the odds of 1 the setting asks");
    assertFalse(odds.favoursWithWords(10 * HOUR, 2.0, 0.5), "0.95 x 0.5 does not");
    assertFalse(
        odds.favoursWithWords(10 * HOUR, 1.5, 0.2),
        "words that speak against it outweigh the band");
    // a band too thin to speak is taken as just meeting the setting: the words decide
    assertTrue(odds.favoursWithWords(90 * MIN, 1.5, 0.6));
    assertFalse(odds.favoursWithWords(90 * MIN, 1.5, 0.4));
    assertTrue(odds.favoursWithWords(10 * HOUR, 0, 0.01), "a need of 0 suspects every last deploy");
  }

  @Test
  void wordsCanNameASuspectInABandItsCountCannotTellFromChance() {
    // 20 of 40 incidents between 8 h and 16 h, where chance puts 20: the band's odds are 0, but a
    // count of 20 is uncertain by its square root, odds of sqrt(20) / 20 = 0.22 either way
    long[] lags = new long[40];
    java.util.Arrays.fill(lags, 0, 20, 10 * HOUR);
    java.util.Arrays.fill(lags, 20, 40, 3 * HOUR);
    SuspectOdds odds = odds(lags);
    assertEquals(20, odds.observed(10 * HOUR));
    assertEquals(20.0, odds.expected(10 * HOUR), 1e-9);
    assertFalse(odds.favours(10 * HOUR, 1.5), "the band alone holds no more than chance");
    assertFalse(odds.favoursWithWords(10 * HOUR, 1.5, 1), "words that say nothing add nothing");
    assertFalse(odds.favoursWithWords(10 * HOUR, 1.5, 1.1), "0.22 x 1.1 is under the 0.25 asked");
    assertTrue(
        odds.favoursWithWords(10 * HOUR, 1.5, 1.2),
        "words 1.2 times as likely after a change reach the odds asked with the count's noise");
    assertTrue(odds.favoursWithWords(10 * HOUR, 1.5, 60));
  }
}
