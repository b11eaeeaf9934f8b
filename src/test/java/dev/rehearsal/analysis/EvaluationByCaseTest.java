package dev.rehearsal.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rehearsal.model.DeployLink;
import dev.rehearsal.model.Finding;
import dev.rehearsal.model.Gap;
import dev.rehearsal.model.Verdict;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Truth files with and without style and case; the evaluation per case and per style. */
class EvaluationByCaseTest {
  @TempDir Path dir;

  @Test
  void styleAndCaseAreOptionalColumnsInAnyOrder() throws Exception {
    Path old = dir.resolve("old.csv");
    Files.writeString(
        old,
        "incident,caused_by,verdict,gaps\npagerduty/Q1,gitlab/7,escape,data\n",
        StandardCharsets.UTF_8);
    Truth.Row row = Truth.read(old).rows().get("incident/pagerduty/Q1");
    assertEquals("", row.style());
    assertEquals("", row.caseName());
    assertEquals(List.of("deploy/gitlab/7"), row.deployKeys());

    Path labelled = dir.resolve("labelled.csv");
    Files.writeString(
        labelled,
        "case,incident,verdict,caused_by,Style,gaps\nupstream,jira/20101,escape,github/9,retail,"
            + "mocks\n",
        StandardCharsets.UTF_8);
    Truth truth = Truth.read(labelled);
    assertEquals(List.of(), truth.problems());
    row = truth.rows().get("incident/jira/20101");
    assertEquals("retail", row.style());
    assertEquals("upstream", row.caseName());
    assertEquals(List.of(Gap.MOCKS), row.gaps());
  }

  @Test
  void linksBaselineAndVerdictsAreCountedPerCaseAndPerStyle() throws Exception {
    Path file = dir.resolve("truth.csv");
    Files.writeString(
        file,
        String.join(
            "\n",
            "incident,caused_by,verdict,gaps,style,case",
            "i/1,d1,escape,data,east,cited",
            "i/2,d2,escape,traffic,east,upstream",
            "i/3,,not_change_related,,west,not-change",
            "i/4,d5,escape,config,west,upstream",
            ""),
        StandardCharsets.UTF_8);
    Truth truth = Truth.read(file);
    List<Finding> findings =
        List.of(
            finding("i/1", Verdict.ESCAPE, List.of(Gap.DATA), "d1"),
            finding("i/2", Verdict.ESCAPE, List.of(Gap.TRAFFIC), "d3"),
            finding("i/3", Verdict.NOT_CHANGE_RELATED, List.of(), "d4"),
            finding("i/4", Verdict.NOT_CHANGE_RELATED, List.of()));
    Map<String, String> baseline = new HashMap<>();
    baseline.put("incident/i/1", "deploy/d1");
    baseline.put("incident/i/2", "deploy/d2");
    baseline.put("incident/i/3", "deploy/d9");
    baseline.put("incident/i/4", null);

    Evaluation.Result r = Evaluation.evaluate(truth, findings, baseline);
    assertEquals(new Evaluation.Score(1, 3, 3), r.links());
    assertEquals(new Evaluation.Score(2, 3, 3), r.baseline());

    Evaluation.Slice cited = r.byCase().get("cited");
    assertEquals(1, cited.incidents());
    assertEquals(new Evaluation.Score(1, 1, 1), cited.links());
    assertEquals(1.0, cited.verdictAccuracy());

    Evaluation.Slice upstream = r.byCase().get("upstream");
    assertEquals(2, upstream.incidents());
    assertEquals(new Evaluation.Score(0, 1, 2), upstream.links());
    assertEquals(new Evaluation.Score(1, 1, 2), upstream.baseline());
    assertEquals(0.5, upstream.verdictAccuracy());
    assertEquals(2, upstream.escapes());

    Evaluation.Slice notChange = r.byCase().get("not-change");
    assertEquals(new Evaluation.Score(0, 1, 0), notChange.links());
    assertEquals(new Evaluation.Score(0, 1, 0), notChange.baseline());

    assertEquals(List.of("cited", "not-change", "upstream"), List.copyOf(r.byCase().keySet()));
    assertEquals(new Evaluation.Score(1, 2, 2), r.byStyle().get("east").links());
    assertEquals(1.0, r.byStyle().get("east").verdictAccuracy());
    // east's escapes have their gaps right: data and traffic found, config and mocks absent
    assertEquals(0.5, r.byStyle().get("east").gapMacroF1(), 1e-12);
    assertEquals(new Evaluation.Score(0, 1, 1), r.byStyle().get("west").links());
    assertEquals(0.5, r.byStyle().get("west").verdictAccuracy());
    // of the three labelled escapes, two were called escapes, both with the right first gap
    assertEquals(2, r.escapesFound());
    assertEquals(2, r.firstGapRight());
  }

  @Test
  void theFirstGapIsRightOnlyWhereItIsTheTruthsFirst() throws Exception {
    Path file = dir.resolve("gaps.csv");
    Files.writeString(
        file,
        String.join(
            "\n",
            "incident,caused_by,verdict,gaps",
            "i/1,d1,escape,data;config",
            "i/2,d2,escape,config",
            "i/3,d3,escape,mocks",
            "i/4,d4,escape,traffic",
            ""),
        StandardCharsets.UTF_8);
    List<Finding> findings =
        List.of(
            finding("i/1", Verdict.ESCAPE, List.of(Gap.CONFIG, Gap.DATA), "d1"),
            finding("i/2", Verdict.ESCAPE, List.of(Gap.CONFIG), "d2"),
            finding("i/3", Verdict.ESCAPE, List.of(Gap.UNEXPLAINED), "d3"),
            finding("i/4", Verdict.NOT_STAGED, List.of(), "d4"));
    Evaluation.Result r = Evaluation.evaluate(Truth.read(file), findings, new HashMap<>());
    assertEquals(3, r.escapesFound(), "i/4 was not called an escape");
    assertEquals(1, r.firstGapRight(), "i/2 only: i/1's first gap is config, not data");
  }

  private static Finding finding(String incident, Verdict v, List<Gap> gaps, String... deploys) {
    List<DeployLink> links =
        java.util.Arrays.stream(deploys)
            .map(
                d ->
                    new DeployLink(
                        "deploy/" + d,
                        "svc",
                        "v1",
                        null,
                        "production",
                        Instant.EPOCH,
                        0.9,
                        false,
                        false,
                        List.of(),
                        List.of()))
            .toList();
    return new Finding(
        "incident/" + incident,
        Instant.EPOCH,
        List.of("svc"),
        links,
        links.isEmpty() ? 0 : 0.9,
        false,
        v,
        List.of(),
        gaps,
        List.of(),
        List.of(),
        null,
        List.of());
  }
}
