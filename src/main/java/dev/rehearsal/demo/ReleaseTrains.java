package dev.rehearsal.demo;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

/**
 * An organisation's release trains: production deploys leave at 09:30 and 14:30 UTC, Monday to
 * Thursday, except on freeze days (about one working day in eight, the same for every service). A
 * change ready for production waits for the next train and goes out within twelve minutes of its
 * departure, with the changes of other services; one that is ready while a train is still boarding
 * (half an hour) goes with it, so a service can also deploy twice within minutes.
 */
final class ReleaseTrains {
  private static final long DAY = ScenarioGenerator.DAY;
  private static final long MINUTE = ScenarioGenerator.MINUTE;
  private static final long[] DEPARTURES = {(9 * 60 + 30) * MINUTE, (14 * 60 + 30) * MINUTE};
  private static final long BOARDING = 30 * MINUTE;

  private final long seed;

  ReleaseTrains(long seed) {
    this.seed = seed;
  }

  /** When a change ready at {@code readyMs} reaches production. */
  long board(long readyMs, SplittableRandom r) {
    long day = ScenarioGenerator.dayOf(readyMs);
    for (int k = 0; k < 60; k++) {
      long d = day + k * DAY;
      if (quiet(d)) {
        continue;
      }
      for (long departure : DEPARTURES) {
        long leaves = d + departure;
        if (readyMs >= leaves && readyMs < leaves + BOARDING) {
          return readyMs;
        }
        if (readyMs < leaves) {
          return leaves + r.nextInt(12) * MINUTE + r.nextInt(60) * 1000L;
        }
      }
    }
    return readyMs;
  }

  /** Fridays, weekends and freeze days have no trains. */
  boolean quiet(long dayMs) {
    DayOfWeek dow = Instant.ofEpochMilli(dayMs).atZone(ZoneOffset.UTC).getDayOfWeek();
    if (dow == DayOfWeek.FRIDAY || dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY) {
      return true;
    }
    return new SplittableRandom(seed * 1_000_003L + dayMs / DAY).nextDouble() < 0.12;
  }
}
