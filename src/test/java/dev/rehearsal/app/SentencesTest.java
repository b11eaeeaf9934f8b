package dev.rehearsal.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.model.Evidence;
import dev.rehearsal.model.Gap;
import dev.rehearsal.model.Reason;
import dev.rehearsal.model.Reason.Code;
import dev.rehearsal.model.RunOutcome;
import dev.rehearsal.model.RunType;
import dev.rehearsal.util.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Reasons and evidence are data; these are the words they become, and the JSON they keep. */
class SentencesTest {
  private static final Instant AT = Instant.parse("2024-03-04T14:00:00Z");

  static List<Evidence> oneOfEach() {
    return List.of(
        new Evidence.TextMatch(
            Gap.CONFIG,
            2.5,
            List.of(
                new Evidence.Passage(
                    "body", "the pool size was wrong", List.of(new Evidence.Span(4, 13))))),
        new Evidence.TextVote(
            Gap.DATA,
            0.62,
            List.of("disk", "full"),
            List.of(
                new Evidence.Passage(
                    "text", "the disk was full", List.of(new Evidence.Span(4, 8)))),
            "text model"),
        new Evidence.ConfigDrift("db.pool.max_size", "20", "80", AT, AT.minusSeconds(86_400), true),
        new Evidence.RecentConfigChange("db.pool.max_size", 7),
        new Evidence.FlagDrift("fast-checkout", "on", "off", false),
        new Evidence.TrafficPeak(
            "checkout",
            4200,
            AT,
            1000,
            300,
            true,
            new Evidence.LoadTest("k6", "checkout-flow", "v1.3.0", AT, "k6/summary.json:1")),
        new Evidence.Ratio(
            "rows", "orders", 4_000_000, "prod stats", 2_000, "staging stats", AT, true),
        new Evidence.MockedDependency(
            "stripe", "mocks/checkout/stripe.json", Evidence.PointedBy.CALL, "/v1/refunds"),
        new Evidence.StagingDeploy(
            "deploy/gitlab/9", "checkout", "1.4.0", "staging", AT, 3_600_000),
        new Evidence.MockWordsAlone(List.of("stripe", "fedex")),
        new Evidence.SetAside(List.of("Config repo had no commits that day.")),
        new Evidence.EnvironmentsCompared("Staging containers get 4Gi, prod ones 1Gi."),
        new Evidence.NotStaged("checkout", "v1.4.0"),
        new Evidence.Untested("checkout", "v1.4.0"),
        new Evidence.RunResult(
            "IT",
            RunType.TESTS,
            RunOutcome.FAILED,
            AT,
            20,
            0,
            3,
            "boom",
            0,
            Double.NaN,
            Double.NaN,
            false,
            true,
            "junit.xml:2"),
        new Evidence.LearnedVote(Gap.DATA, 0.6, "5 nearest reviewed escapes"),
        new Evidence.CitedReference("commit", "abc1234", "deploy/gitlab/9"),
        new Evidence.ServiceAlias(
            "notif-fanout",
            List.of("Notifications Fan-out (prod)"),
            "notifications",
            0.82,
            List.of(
                Reason.of(
                    Code.NAME_MATCH,
                    "name",
                    "notif-fanout",
                    "service",
                    "notifications",
                    "how",
                    "word prefixes",
                    "score",
                    0.82))));
  }

  @Test
  void everyKindOfEvidenceKeepsItsTypeAndValuesThroughJson() throws Exception {
    List<Evidence> all = oneOfEach();
    Set<Class<?>> covered = all.stream().map(Object::getClass).collect(Collectors.toSet());
    assertEquals(
        Set.of(Evidence.class.getPermittedSubclasses()), covered, "one example of each kind");
    for (Evidence e : all) {
      String json = Json.mapper().writeValueAsString(e);
      Evidence back = Json.mapper().readValue(json, Evidence.class);
      assertEquals(e, back, json);
      assertFalse(Sentences.summary(e).isBlank(), e.toString());
    }
  }

  @Test
  void trafficAndMockEvidenceSayBothFiguresAndWhereEachCameFrom() {
    Evidence.TrafficPeak peak =
        new Evidence.TrafficPeak(
            "checkout",
            4200,
            AT,
            1000,
            300,
            true,
            new Evidence.LoadTest("k6", "checkout-flow", "v1.3.0", AT, "k6/summary.json:1"));
    assertEquals(14.0, peak.overLoadTest(), 1e-9);
    String summary = Sentences.summary(peak);
    assertTrue(summary.contains("4200 rps"), summary);
    assertTrue(summary.contains("14.0x the 300 rps its staging load test reached"), summary);
    String detail = Sentences.detail(peak);
    assertTrue(detail.contains("traffic peaks imported for checkout"), detail);
    assertTrue(detail.contains("k6 'checkout-flow' of v1.3.0"), detail);
    assertTrue(detail.contains("(k6/summary.json:1)"), detail);
    Evidence.TrafficPeak untested =
        new Evidence.TrafficPeak("checkout", 4200, AT, 1000, Double.NaN, true, null);
    assertTrue(Sentences.detail(untested).contains("no staging load test of the version"));
    String mock =
        Sentences.summary(
            new Evidence.MockedDependency(
                "stripe", "wiremock: 1 stub", Evidence.PointedBy.CALL, "/v1/refunds"));
    assertTrue(mock.contains("it cites the call /v1/refunds"), mock);
  }

  @Test
  void reasonsReadAsSentences() {
    Reason same =
        Reason.of(
            Code.SAME_SERVICE,
            "beforeMs",
            42 * 60_000,
            "deploy",
            "deploy/gitlab/1",
            "service",
            "checkout",
            "version",
            "1.4.0",
            "env",
            "production",
            "at",
            "2024-03-04T13:18:00Z");
    assertEquals(
        "same service: checkout 1.4.0 to production at 2024-03-04 13:18 UTC, 42 min before onset",
        Sentences.of(same));
    assertEquals(
        "the change shipped 2 h after those failures",
        Sentences.of(Reason.of(Code.SHIPPED_AFTER_FAILURE, "afterMs", 7_200_000, "count", 2)));
    assertEquals(
        "the incident text speaks of a change (\"release\")",
        Sentences.of(Reason.of(Code.TEXT_CHANGE, "word", "release")));
    assertEquals(
        "the incident sets this change aside: it cites \u201cv1.2.3\u201d in a sentence written"
            + " like the one with which pagerduty/R1 cites a change its reviewer did not hold"
            + " responsible (78 % of their words alike), so it weighs 0.10 of what it would",
        Sentences.of(
            Reason.of(
                Code.RULED_OUT,
                "text",
                "v1.2.3",
                "factor",
                0.1,
                "like",
                "incident/pagerduty/R1",
                "similarity",
                0.778)));
    assertEquals(
        "the incident sets this change aside: it cites \u201c3f9a1c2\u201d in a sentence that"
            + " reads as ruling it out (probability 0.83 from a model of 396 labelled sentences"
            + " citing a change; its words weighing most: \u201cunchanged\u201d, \u201crate"
            + " unchanged\u201d), so it weighs 0.10 of what it would",
        Sentences.of(
            Reason.of(
                Code.RULED_OUT,
                "text",
                "3f9a1c2",
                "factor",
                0.1,
                "probability",
                0.834,
                "words",
                "unchanged, rate unchanged",
                "trainedOn",
                396)));
  }

  @Test
  void everyReasonCodeHasWords() {
    for (Code c : Code.values()) {
      Reason r =
          c == Code.RUN
              ? Reason.of(
                  c, "suite", "IT", "type", "TESTS", "outcome", "PASSED", "at", AT, "total", 3)
              : Reason.of(c);
      assertFalse(Sentences.of(r).isBlank(), c.name());
    }
  }

  @Test
  void unnamedDriftBeyondTheFirstFewIsSummedUpInOneLine() {
    List<Evidence> ev = new ArrayList<>();
    for (String k : Arrays.asList("a", "b", "c", "d", "e")) {
      ev.add(new Evidence.ConfigDrift(k, "1", "2", AT, AT, false));
    }
    ev.add(new Evidence.ConfigDrift("pool", "20", "80", AT, AT, true));
    List<String[]> lines = Sentences.lines(ev);
    assertEquals(5, lines.size(), "three listed, the named one, one line for the other two");
    assertEquals("2 more config keys differ, none named in the incident", lines.get(4)[0]);
    assertEquals(
        "d: production 1, staging 2; e: production 1, staging 2 (production as of 2024-03-04,"
            + " staging as of 2024-03-04)",
        lines.get(4)[1]);
  }

  @Test
  void passagesShowTheirMarks() {
    Evidence.Passage p =
        new Evidence.Passage(
            "body",
            "the pool size was wrong",
            List.of(new Evidence.Span(4, 8), new Evidence.Span(9, 13)));
    assertEquals("the [pool] [size] was wrong", Sentences.marked(p, "[", "]"));
  }
}
