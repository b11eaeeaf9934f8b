package dev.rehearsal.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.Records;
import dev.rehearsal.analysis.Aggregates.Figures;
import dev.rehearsal.analysis.Aggregates.ServiceFigures;
import dev.rehearsal.index.Workspace;
import dev.rehearsal.model.DeployLink;
import dev.rehearsal.model.DeployStatus;
import dev.rehearsal.model.Evidence;
import dev.rehearsal.model.Finding;
import dev.rehearsal.model.Gap;
import dev.rehearsal.model.GapScore;
import dev.rehearsal.model.Review;
import dev.rehearsal.model.Verdict;
import dev.rehearsal.settings.Settings;
import dev.rehearsal.util.Json;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The figures of a period, on findings whose counts are known by construction. */
class AggregatesTest {
  @TempDir Path dir;

  private static Finding finding(
      String id,
      String service,
      String onset,
      Verdict verdict,
      String deployKey,
      String shipped,
      List<Gap> gaps,
      String... subjects) {
    List<DeployLink> links =
        deployKey == null
            ? List.of()
            : List.of(
                new DeployLink(
                    deployKey,
                    service,
                    "1.0",
                    "",
                    "production",
                    Instant.parse(shipped),
                    0.8,
                    false,
                    false,
                    List.of(),
                    List.of()));
    List<GapScore> scores = new ArrayList<>();
    for (Gap g : gaps) {
      List<Evidence> ev = new ArrayList<>();
      for (String s : subjects) {
        ev.add(new Evidence.RecentConfigChange(s, 7));
      }
      ev.add(new Evidence.FlagDrift("context-only", "on", "off", false));
      scores.add(new GapScore(g, 0.9, 0.9, 0.9, Double.NaN, ev));
    }
    return new Finding(
        "incident/pagerduty/" + id,
        Instant.parse(onset),
        List.of(service),
        links,
        links.isEmpty() ? 0 : 0.8,
        false,
        verdict,
        List.of(),
        gaps,
        scores,
        List.of(),
        null,
        List.of());
  }

  private static Rules rules(int fidelityMin, int repeatMin) {
    Settings s =
        Settings.defaults()
            .with("aggregates.fidelityMinIncidents", Json.mapper().valueToTree(fidelityMin))
            .with("aggregates.repeatOffenderMinEscapes", Json.mapper().valueToTree(repeatMin));
    return new Rules(s);
  }

  private static long day(String date) {
    return java.time.LocalDate.parse(date).toEpochDay();
  }

  private static List<Finding> sample() {
    List<Finding> f = new ArrayList<>();
    // checkout: three config escapes, two naming the pool size, in two quarters
    f.add(
        finding(
            "C1",
            "checkout",
            "2025-02-01T10:00:00Z",
            Verdict.ESCAPE,
            "deploy/d1",
            "2025-02-01T09:00:00Z",
            List.of(Gap.CONFIG),
            "db.pool.max_size"));
    f.add(
        finding(
            "C2",
            "checkout",
            "2025-03-01T10:00:00Z",
            Verdict.ESCAPE,
            "deploy/d2",
            "2025-03-01T09:00:00Z",
            List.of(Gap.CONFIG),
            "db.pool.max_size",
            "http.timeout"));
    f.add(
        finding(
            "C3",
            "checkout",
            "2025-04-02T10:00:00Z",
            Verdict.ESCAPE,
            "deploy/d3",
            "2025-04-02T09:00:00Z",
            List.of(Gap.CONFIG)));
    // checkout: a second incident from the same deploy is one failed change, not two
    f.add(
        finding(
            "C4",
            "checkout",
            "2025-04-02T11:00:00Z",
            Verdict.NOT_STAGED,
            "deploy/d3",
            "2025-04-02T09:00:00Z",
            List.of()));
    // search: one escape with two gaps, one failure caught but shipped
    f.add(
        finding(
            "S1",
            "search",
            "2025-05-01T10:00:00Z",
            Verdict.ESCAPE,
            "deploy/s1",
            "2025-05-01T08:00:00Z",
            List.of(Gap.DATA, Gap.TRAFFIC),
            "orders"));
    f.add(
        finding(
            "S2",
            "search",
            "2025-05-02T10:00:00Z",
            Verdict.FAILED_BUT_SHIPPED,
            "deploy/s2",
            "2025-05-02T08:00:00Z",
            List.of()));
    // an outage with no change behind it
    f.add(
        finding(
            "X1",
            "edge",
            "2025-05-03T10:00:00Z",
            Verdict.NOT_CHANGE_RELATED,
            null,
            null,
            List.of()));
    return f;
  }

  private static Map<String, Map<Long, Long>> deploys() {
    Map<String, Map<Long, Long>> d = new TreeMap<>();
    d.put("checkout", new TreeMap<>(Map.of(day("2025-02-01"), 10L, day("2025-04-02"), 10L)));
    d.put("search", new TreeMap<>(Map.of(day("2025-05-01"), 8L)));
    return d;
  }

  @Test
  void totalsRatesAndQuarters() {
    Aggregates a =
        Aggregates.compute(
            sample(), deploys(), rules(3, 3), null, Instant.parse("2026-01-01T00:00:00Z"));
    Figures t = a.total();
    assertEquals(7, t.incidents());
    assertEquals(6, t.changeRelated());
    assertEquals(4, t.escapes());
    assertEquals(3, t.escapesByGap().get(Gap.CONFIG));
    assertEquals(1, t.escapesByGap().get(Gap.DATA));
    assertEquals(1, t.escapesByGap().get(Gap.TRAFFIC));
    assertEquals(0, t.escapesByGap().get(Gap.MOCKS));
    assertEquals(4.0 / 6, t.escapeRate(), 1e-9);
    assertEquals(28, t.productionDeploys());
    assertEquals(5, t.failedChanges(), "d1, d2, d3 (twice), s1, s2");
    assertEquals(5.0 / 28, t.changeFailureRate(), 1e-9);

    assertEquals(
        List.of("2025-Q1", "2025-Q2"),
        a.quarters().stream().map(Aggregates.Period::quarter).toList());
    Figures q1 = a.quarters().get(0).figures();
    assertEquals(2, q1.escapes());
    assertEquals(10, q1.productionDeploys());
    assertEquals(2, q1.failedChanges());
    Figures q2 = a.quarters().get(1).figures();
    assertEquals(5, q2.incidents());
    assertEquals(18, q2.productionDeploys());
  }

  @Test
  void fidelityContributorsAndRepeatOffenders() {
    Aggregates a = Aggregates.compute(sample(), deploys(), rules(3, 3), null, null);
    ServiceFigures checkout = a.services().get(0);
    assertEquals("checkout", checkout.service(), "most escapes first");
    assertEquals(
        0.25,
        checkout.fidelity().get(Gap.CONFIG).score(),
        1e-9,
        "3 of 4 change-related incidents escaped through config");
    assertEquals(1.0, checkout.fidelity().get(Gap.DATA).score(), 1e-9);
    assertEquals(
        List.of(
            new Aggregates.Contributor("db.pool.max_size", 2),
            new Aggregates.Contributor("http.timeout", 1)),
        checkout.fidelity().get(Gap.CONFIG).contributors());
    ServiceFigures search = a.services().get(1);
    assertNull(search.fidelity().get(Gap.DATA).score(), "two incidents are too few to say");

    assertEquals(1, a.repeatOffenders().size());
    Aggregates.RepeatOffender o = a.repeatOffenders().get(0);
    assertEquals("checkout", o.service());
    assertEquals(Gap.CONFIG, o.gap());
    assertEquals(List.of("2025-Q1", "2025-Q2"), o.quarters());
    assertEquals(
        List.of("incident/pagerduty/C1", "incident/pagerduty/C2", "incident/pagerduty/C3"),
        o.incidentKeys());
  }

  @Test
  void aPeriodKeepsIncidentsAndDeploysInsideIt() {
    Aggregates a =
        Aggregates.compute(
            sample(),
            deploys(),
            rules(3, 3),
            Instant.parse("2025-04-01T00:00:00Z"),
            Instant.parse("2025-07-01T00:00:00Z"));
    assertEquals(5, a.total().incidents());
    assertEquals(18, a.total().productionDeploys());
    assertEquals(3, a.total().failedChanges(), "d3, s1, s2 shipped inside the quarter");
    assertEquals(
        List.of("2025-Q2"), a.quarters().stream().map(Aggregates.Period::quarter).toList());
    assertTrue(a.repeatOffenders().isEmpty(), "one config escape of checkout in Q2");
  }

  @Test
  void aReviewWins() {
    List<Finding> f = sample();
    Finding x1 = f.remove(f.size() - 1);
    f.add(
        x1.withReview(
            new Review(
                x1.incidentKey(),
                null,
                Verdict.ESCAPE,
                List.of(Gap.MOCKS),
                "the payment sandbox hid it",
                "ana",
                Instant.parse("2025-06-01T00:00:00Z"))));
    Aggregates a = Aggregates.compute(f, deploys(), rules(3, 3), null, null);
    assertEquals(5, a.total().escapes());
    assertEquals(1, a.total().escapesByGap().get(Gap.MOCKS));
    assertEquals(7, a.total().changeRelated());
  }

  @Test
  void productionDeploysAreCountedFromTheWorkspace() throws Exception {
    try (Workspace w = Workspace.open(dir)) {
      w.writes()
          .upsert(
              Records.deploy(
                  "p1",
                  "checkout",
                  "production",
                  "1.0",
                  "",
                  "2025-02-01T09:00:00Z",
                  DeployStatus.SUCCEEDED));
      w.writes()
          .upsert(
              Records.deploy(
                  "p2",
                  "checkout",
                  "production",
                  "1.1",
                  "",
                  "2025-05-01T09:00:00Z",
                  DeployStatus.SUCCEEDED));
      w.writes()
          .upsert(
              Records.deploy(
                  "p3",
                  "checkout",
                  "production",
                  "1.2",
                  "",
                  "2025-05-02T09:00:00Z",
                  DeployStatus.FAILED));
      w.writes()
          .upsert(
              Records.deploy(
                  "c1",
                  "checkout",
                  "canary",
                  "1.1",
                  "",
                  "2025-05-01T08:00:00Z",
                  DeployStatus.SUCCEEDED));
      w.writes()
          .upsert(
              Records.deploy(
                  "s1",
                  "checkout",
                  "staging",
                  "1.1",
                  "",
                  "2025-04-30T08:00:00Z",
                  DeployStatus.SUCCEEDED));
      w.writes()
          .putFinding(
              finding(
                  "C1",
                  "checkout",
                  "2025-05-01T10:00:00Z",
                  Verdict.ESCAPE,
                  "deploy/gitlab/p2",
                  "2025-05-01T09:00:00Z",
                  List.of(Gap.CONFIG)));
      w.writes().commit();
      Aggregates a = Aggregates.compute(w, null, null);
      assertEquals(
          2,
          a.total().productionDeploys(),
          "production successes only: not the failure, the canary or staging");
      assertEquals(0.5, a.total().changeFailureRate(), 1e-9);
      assertEquals(1, a.quarters().get(0).figures().productionDeploys());
      assertEquals("2025-Q1", a.quarters().get(0).quarter());
      String json = Json.mapper().writeValueAsString(a);
      assertTrue(json.contains("\"changeFailureRate\":0.5"), json);
    }
  }
}
