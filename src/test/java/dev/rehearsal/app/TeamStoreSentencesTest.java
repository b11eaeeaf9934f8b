package dev.rehearsal.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rehearsal.store.StoreAddress;
import dev.rehearsal.store.StoreCredentials;
import org.junit.jupiter.api.Test;

/** What the window and the command line say of a copy brought up to date, without a node. */
class TeamStoreSentencesTest {
  private final TeamStore store =
      new TeamStore(
          StoreAddress.parse("opensearch://search.example.org:9200/platform"),
          StoreCredentials.NONE,
          null);

  @Test
  void aCopyUpToDateReadNothing() {
    assertEquals(
        "The copy of opensearch://search.example.org:9200/platform is up to date (generation 7):"
            + " nothing to read.",
        store.describe(new TeamStore.Pulled(0, 0, 0, 7, true, false, 12)));
  }

  @Test
  void aCopySaysWhetherItReadWhatChangedOrEverything() {
    assertEquals(
        "Copied what changed since the copy was made: 147 records, 2 reviews and 0 findings of"
            + " opensearch://search.example.org:9200/platform (generation 9) in 14.0 s.",
        store.describe(new TeamStore.Pulled(147, 2, 0, 9, false, true, 14_000)));
    assertEquals(
        "Copied 1,955,538 records, 0 reviews and 100,000 findings of"
            + " opensearch://search.example.org:9200/platform (generation 2) in 231.0 s.",
        store.describe(new TeamStore.Pulled(1_955_538, 0, 100_000, 2, false, false, 231_000)));
  }
}
