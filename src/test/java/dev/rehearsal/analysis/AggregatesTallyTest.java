package dev.rehearsal.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rehearsal.index.Workspace;
import dev.rehearsal.model.DeployLink;
import dev.rehearsal.model.Evidence;
import dev.rehearsal.model.Finding;
import dev.rehearsal.model.Gap;
import dev.rehearsal.model.GapScore;
import dev.rehearsal.model.Verdict;
import dev.rehearsal.settings.Settings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The figures counted one finding at a time, as the reports read them (in index order, not by
 * onset): whatever order the findings come in, the figures are those of the findings in order of
 * onset and key, down to the repeat offenders' oldest escapes and where a failed change counts.
 */
class AggregatesTallyTest {
  @TempDir Path dir;

  private static final Instant T = Instant.parse("2025-01-05T00:00:00Z");

  /**
   * Escapes of two services through config and mocks over five quarters, some at the same onset;
   * deploys held responsible by more than one incident, one of them shipped in the quarter before
   * its incidents.
   */
  private static List<Finding> findings() {
    List<Finding> out = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      String service = i % 3 == 0 ? "search" : "checkout";
      Instant onset = T.plusSeconds(86_400L * 7 * (i / 2));
      Verdict v =
          i % 5 == 0
              ? Verdict.NOT_CHANGE_RELATED
              : i % 4 == 0 ? Verdict.NOT_STAGED : Verdict.ESCAPE;
      String deploy = "deploy/gitlab/" + (i / 3);
      Instant shipped = T.plusSeconds(86_400L * 7 * (i / 3 * 3 / 2) - 3600);
      List<DeployLink> links =
          v == Verdict.NOT_CHANGE_RELATED
              ? List.of()
              : List.of(
                  new DeployLink(
                      deploy,
                      service,
                      "1." + i,
                      "",
                      "production",
                      shipped,
                      0.8,
                      false,
                      false,
                      List.of(),
                      List.of()));
      List<Gap> gaps =
          v != Verdict.ESCAPE ? List.of() : i % 2 == 0 ? List.of(Gap.CONFIG) : List.of(Gap.MOCKS);
      List<GapScore> scores = new ArrayList<>();
      for (Gap g : gaps) {
        scores.add(
            new GapScore(
                g,
                0.8,
                0.5,
                0.9,
                Double.NaN,
                List.of(new Evidence.RecentConfigChange("key-" + (i % 4), 3))));
      }
      out.add(
          new Finding(
              // keys against the order of onsets, so the tie-break shows
              "incident/pagerduty/" + (100 - i),
              onset,
              List.of(service),
              links,
              links.isEmpty() ? 0 : 0.8,
              false,
              v,
              List.of(),
              gaps,
              scores,
              List.of(),
              null,
              List.of()));
    }
    return out;
  }

  private static final Comparator<Finding> ORDER =
      Comparator.comparing(Finding::onset).thenComparing(Finding::incidentKey);

  private static final Map<String, Map<Long, Long>> DEPLOYS =
      Map.of("checkout", Map.of(LocalDate.parse("2025-03-01").toEpochDay(), 12L));

  private static Aggregates tally(List<Finding> findings, Instant from, Instant to) {
    Aggregates.Tally t = new Aggregates.Tally(from, to);
    findings.forEach(t::add);
    return t.figures(DEPLOYS, new Rules(Settings.defaults()));
  }

  @Test
  void theOrderFindingsComeInChangesNothing() {
    List<Finding> sorted = findings();
    sorted.sort(ORDER);
    Instant from = T.plusSeconds(86_400L * 20);
    Instant to = Instant.parse("2026-01-01T00:00:00Z");
    for (Instant[] span : new Instant[][] {{null, null}, {from, to}}) {
      Aggregates expected = tally(sorted, span[0], span[1]);
      assertEquals(
          true,
          expected.repeatOffenders().stream().anyMatch(o -> o.incidentKeys().size() > 3),
          "the sample has repeat offenders whose escapes are listed");
      for (int seed = 0; seed < 5; seed++) {
        List<Finding> shuffled = new ArrayList<>(sorted);
        Collections.shuffle(shuffled, new Random(seed));
        assertEquals(expected, tally(shuffled, span[0], span[1]), "seed " + seed);
      }
    }
  }

  @Test
  void theQuartersCountedOneFindingAtATimeAreEachQuartersFigures() throws IOException {
    List<Finding> sorted = findings();
    sorted.sort(ORDER);
    Instant from = Instant.parse("2025-02-10T00:00:00Z");
    Instant to = Instant.parse("2025-07-20T00:00:00Z");
    try (Workspace ws = Workspace.open(dir)) {
      Rules rules = new Rules(ws.settings());
      Map<String, Map<Long, Long>> none = Map.of();
      List<Aggregates> expected = new ArrayList<>();
      for (Aggregates.Period q : Aggregates.compute(sorted, none, rules, from, to).quarters()) {
        LocalDate start =
            LocalDate.of(
                Integer.parseInt(q.quarter().substring(0, 4)),
                (Integer.parseInt(q.quarter().substring(6)) - 1) * 3 + 1,
                1);
        Instant qFrom = start.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant qTo = start.plusMonths(3).atStartOfDay(ZoneOffset.UTC).toInstant();
        expected.add(
            Aggregates.compute(
                sorted,
                none,
                rules,
                qFrom.isBefore(from) ? from : qFrom,
                qTo.isAfter(to) ? to : qTo));
      }
      assertEquals(3, expected.size(), "2025-Q1 to Q3, the first and last cut to the span");
      List<Finding> shuffled = new ArrayList<>(sorted);
      Collections.shuffle(shuffled, new Random(3));
      Aggregates.Quarters quarters = new Aggregates.Quarters(from, to);
      shuffled.forEach(quarters::add);
      assertEquals(expected, quarters.figures(ws, null));
    }
  }
}
