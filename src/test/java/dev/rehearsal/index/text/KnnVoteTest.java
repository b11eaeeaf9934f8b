package dev.rehearsal.index.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.model.Gap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The vote of the escapes reviewers confirmed, whatever gaps their nearest hold. */
class KnnVoteTest {
  @Test
  void votesWhenTheNearestReviewedEscapesHoldFewerGapsThanThereAre() throws Exception {
    List<Map.Entry<String, Gap>> reviewed = new ArrayList<>();
    for (int k = 0; k < 12; k++) {
      reviewed.add(Map.entry("the table grew to millions of rows, query plan " + k, Gap.DATA));
      reviewed.add(Map.entry("pool size differs between environments, flag " + k, Gap.CONFIG));
    }
    try (KnnVote vote = KnnVote.train(reviewed, 20)) {
      assertNotNull(vote);
      // the seven nearest hold two gaps of the five: every one is weighed, none is missing
      String rows = "millions of rows in the orders table, a new query plan";
      assertEquals(Map.of(Gap.DATA, 1.0), round(vote.shares(rows)));
      // all the nearest are data where half of all reviewed escapes are: as far above that as
      // can be
      assertEquals(Map.of(Gap.DATA, 1.0), round(vote.vote(rows)));
      Map<Gap, Double> mixed = vote.shares("rows and the pool size");
      assertEquals(1.0, mixed.values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
      assertTrue(mixed.keySet().stream().allMatch(g -> g == Gap.DATA || g == Gap.CONFIG));
      Map<Gap, Double> lifted = vote.vote("rows and the pool size");
      assertTrue(lifted.size() <= 1, "at most one of two gaps is above its share: " + lifted);
    }
  }

  @Test
  void aGapEveryReviewedEscapeHasSaysNothingOfTheNextOne() throws Exception {
    List<Map.Entry<String, Gap>> reviewed = new ArrayList<>();
    for (int k = 0; k < 20; k++) {
      reviewed.add(Map.entry("the table grew to millions of rows, query plan " + k, Gap.DATA));
    }
    try (KnnVote vote = KnnVote.train(reviewed, 20)) {
      assertEquals(Map.of(Gap.DATA, 1.0), round(vote.shares("millions of rows")));
      assertEquals(Map.of(), vote.vote("millions of rows"));
    }
  }

  @Test
  void tooFewReviewedEscapesTeachNothing() throws Exception {
    assertEquals(null, KnnVote.train(List.of(Map.entry("rows", Gap.DATA)), 20));
  }

  private static Map<Gap, Double> round(Map<Gap, Double> shares) {
    Map<Gap, Double> out = new java.util.EnumMap<>(Gap.class);
    shares.forEach((g, s) -> out.put(g, (double) Math.round(s * 100) / 100));
    return out;
  }
}
