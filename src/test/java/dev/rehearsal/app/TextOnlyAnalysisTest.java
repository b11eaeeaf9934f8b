package dev.rehearsal.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rehearsal.analysis.AnalysisReport;
import dev.rehearsal.analysis.WriteupsCorpus;
import dev.rehearsal.model.Evidence;
import dev.rehearsal.model.Finding;
import dev.rehearsal.model.Gap;
import dev.rehearsal.model.GapScore;
import dev.rehearsal.model.Reason;
import dev.rehearsal.model.Verdict;
import dev.rehearsal.util.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workspace of write-ups alone (a postmortem archive, no deploys): every incident gets the gaps
 * its text proposes, marked text-only, with the passages that carried the vote; none is counted as
 * an escape.
 */
class TextOnlyAnalysisTest {
  @TempDir Path dir;

  private static final Map<String, Gap> WRITEUPS =
      Map.of(
          "univaf/2021-06-03--database-full", Gap.DATA,
          "mybinder/2020-07-09-simultaneous-launches-scipy", Gap.TRAFFIC,
          "jenkins-infra/2021-06-08-fastly-outage", Gap.MOCKS);

  @Test
  void writeupsAloneGetTextOnlyGapsWithPassages() throws Exception {
    ArrayNode incidents = Json.mapper().createArrayNode();
    int n = 0;
    for (WriteupsCorpus.Writeup w : WriteupsCorpus.shipped()) {
      if (!WRITEUPS.containsKey(w.id())) {
        continue;
      }
      ObjectNode i = incidents.addObject();
      i.put("id", "P" + (++n));
      i.put("type", "incident");
      i.put("title", w.title());
      i.put("incident_number", n);
      i.put("created_at", "2024-0" + n + "-10T10:00:00Z");
      i.put("resolved_at", "2024-0" + n + "-10T12:00:00Z");
      i.put("status", "resolved");
      i.putObject("service").put("summary", "archive");
      i.putObject("body").put("details", w.text());
    }
    assertEquals(3, n, "the write-ups are in the corpus");
    Path file = dir.resolve("incidents.json");
    ObjectNode root = Json.mapper().createObjectNode();
    root.set("incidents", incidents);
    Files.writeString(file, Json.mapper().writeValueAsString(root));

    try (Session s = Session.openOrCreate(dir.resolve("ws"))) {
      Imports.Outcome o =
          s.imports()
              .run(
                  List.of(file),
                  s.imports().defaults().withFormat("pagerduty-json"),
                  Imports.Then.ANALYSE,
                  null);
      assertEquals(3, o.summary().accepted(), o.summary().files().toString());
      AnalysisReport report = o.analysis();
      assertTrue(report.gaps().isEmpty(), "text-only gaps are not escapes");
      assertEquals(3L, report.verdicts().get(Verdict.NOT_CHANGE_RELATED));
      for (Finding f : report.findings()) {
        assertEquals(Verdict.NOT_CHANGE_RELATED, f.verdict());
        Reason textOnly =
            f.verdictReasons().stream()
                .filter(r -> r.code() == Reason.Code.TEXT_ONLY)
                .findFirst()
                .orElseThrow(() -> new AssertionError("not marked text-only: " + f));
        assertFalse(f.gaps().isEmpty());
        IncidentDetails.Detail d = s.incidents().of(f.incidentKey());
        Gap expected =
            WRITEUPS.get(
                WriteupsCorpus.shipped().stream()
                    .filter(w -> w.title().equals(d.incident().title()))
                    .findFirst()
                    .orElseThrow()
                    .id());
        assertEquals(expected, f.gaps().get(0), d.incident().title());
        assertEquals(expected.code(), textOnly.arg("gaps").split(",")[0]);
        GapScore top =
            d.finding().scores().stream()
                .filter(g -> g.gap() == expected)
                .findFirst()
                .orElseThrow();
        Evidence.TextVote vote =
            top.evidence().stream()
                .filter(Evidence.TextVote.class::isInstance)
                .map(Evidence.TextVote.class::cast)
                .findFirst()
                .orElseThrow();
        assertFalse(vote.words().isEmpty());
        assertFalse(vote.passages().isEmpty(), "passages when opened");
        for (Evidence.Passage p : vote.passages()) {
          assertFalse(p.marks().isEmpty());
          assertTrue(d.incident().narrative().contains(p.text()), p.text());
        }
      }
    }
  }
}
