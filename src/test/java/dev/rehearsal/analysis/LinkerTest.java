package dev.rehearsal.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.rehearsal.app.Demo;
import dev.rehearsal.app.Session;
import dev.rehearsal.demo.ScenarioGenerator;
import dev.rehearsal.index.Workspace;
import dev.rehearsal.task.TaskMonitor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The links an incident gets, picked from its candidates one rank at a time, are those the rules
 * pick from the whole ranking: the best above the threshold (above the setting when cited or rolled
 * back during the incident), cited changes only when any is cited, and a second or third link only
 * of another service and nearly as likely; and when none is, the last deploy of the incident's own
 * service that shipped by onset, alone, as a suspect by time.
 */
class LinkerTest {
  @TempDir Path dir;

  @Test
  void linksAreThoseTheRulesPickFromTheFullRanking() throws Exception {
    try (Session session = Session.openOrCreate(dir.resolve("ws"))) {
      Workspace ws = session.workspace();
      Demo.build(
          session,
          dir.resolve("scenario"),
          new ScenarioGenerator.Options(5, 300, 6000, -1, 20),
          null);
      Counts defaults = check(ws, true);
      assertTrue(defaults.linked > 100, "linked " + defaults.linked);
      assertTrue(defaults.linked < 300, "some incidents stay unlinked");
      assertTrue(defaults.cited > 0, "incidents linked by a citation: " + defaults.cited);
      assertTrue(defaults.suspects > 0, "incidents linked by time alone: " + defaults.suspects);
      assertTrue(defaults.suspects < defaults.linked / 2, "suspects " + defaults.suspects);
      // second links are rare with the default ratios: looser ones make many
      ws.writes()
          .saveSettings(
              ws.settings()
                  .with("linking.secondLinkRatio", JsonNodeFactory.instance.numberNode(0.2))
                  .with("linking.relativeCutoff", JsonNodeFactory.instance.numberNode(0.2))
                  .with("linking.minConfidence", JsonNodeFactory.instance.numberNode(0.2)));
      // (the threshold left at the setting: not calibrated on the cited incidents)
      Counts loose = check(ws, false);
      assertTrue(loose.several > 10, "incidents with more than one link: " + loose.several);
    }
  }

  private record Counts(int linked, int several, int cited, int suspects) {}

  /** Compares every incident's links with those picked from its whole ranking. */
  private static Counts check(Workspace ws, boolean calibrate) throws Exception {
    Rules rules = new Rules(ws.settings());
    AnalysisData data = AnalysisData.load(ws, rules, TaskMonitor.NONE);
    Linker linker = new Linker(data, rules);
    try (var text =
        dev.rehearsal.index.text.IncidentText.of(ws, data.docToIncident, data.incidents.size())) {
      linker.readLanguage(text);
    }
    if (calibrate) {
      linker.calibrate(java.util.Map.of());
    }
    int linked = 0;
    int suspects = 0;
    int several = 0;
    int cited = 0;
    for (int i = 0; i < data.incidents.size(); i++) {
      List<Linker.Candidate> all = linker.candidates(i);
      for (int k = 1; k < all.size(); k++) {
        Linker.Candidate a = all.get(k - 1);
        Linker.Candidate b = all.get(k);
        assertTrue(
            a.score() > b.score()
                || a.score() == b.score()
                    && data.deploys.time[a.deploy()] >= data.deploys.time[b.deploy()],
            "candidates are ranked best first");
      }
      List<Integer> expected = pick(all, linker.threshold(), rules, data.deploys);
      List<Linker.Candidate> links = linker.link(i);
      if (expected.isEmpty() && !links.isEmpty()) {
        // a suspect by time alone: the latest deploy of the incident's own service that shipped
        // by onset, below the threshold, alone, with nothing from before onset ranked above it
        long onset = data.incidents.get(i).startedAt().toEpochMilli();
        DeployTable t = data.deploys;
        Linker.Candidate last = null;
        for (Linker.Candidate c : all) {
          int d = c.deploy();
          if (c.why().relation() == Linker.Relation.SAME_SERVICE
              && t.time[d] <= onset
              && (t.succeeded(d) || linker.isRollback(d))
              && (last == null || t.time[d] > t.time[last.deploy()])) {
            last = c;
          }
        }
        assertEquals(1, links.size());
        assertTrue(links.get(0).byTimeAlone());
        assertEquals(last.deploy(), links.get(0).deploy());
        for (Linker.Candidate c : all.subList(0, all.indexOf(last))) {
          assertTrue(t.time[c.deploy()] > onset, "only deploys after onset rank above a suspect");
        }
        assertTrue(links.get(0).score() < linker.threshold());
        suspects++;
        expected = List.of(last.deploy());
      }
      assertEquals(
          expected,
          links.stream().map(Linker.Candidate::deploy).toList(),
          "links of incident " + data.incidents.get(i).key());
      linked += links.isEmpty() ? 0 : 1;
      several += links.size() > 1 ? 1 : 0;
      cited += !links.isEmpty() && links.get(0).explicit() ? 1 : 0;
    }
    return new Counts(linked, several, cited, suspects);
  }

  /** The rules of {@link Linker#link}, applied to the whole ranking. */
  private static List<Integer> pick(
      List<Linker.Candidate> ranked, double threshold, Rules rules, DeployTable t) {
    List<Linker.Candidate> all = new ArrayList<>(ranked);
    if (all.stream().anyMatch(Linker.Candidate::explicit)) {
      all.removeIf(c -> !c.explicit());
    }
    List<Integer> out = new ArrayList<>();
    // cited, or rolled back by the responders while the incident was open: the setting suffices
    boolean responders =
        !all.isEmpty()
            && (all.get(0).explicit()
                || all.get(0).why().rolledBackBy() >= 0
                || all.get(0).why().rollbackPhrase() != null);
    double needed = responders ? rules.minConfidence : threshold;
    if (all.isEmpty() || all.get(0).score() < needed) {
      return out;
    }
    double top = all.get(0).score();
    Set<Integer> services = new HashSet<>();
    for (Linker.Candidate c : all) {
      if (out.size() >= rules.maxLinks
          || c.score() < needed
          || c.score() < top * rules.relativeCutoff) {
        break;
      }
      boolean newService = services.add(t.service[c.deploy()]);
      if (!out.isEmpty()
          && (!newService || !c.explicit() && c.score() < top * rules.secondLinkRatio)) {
        continue;
      }
      out.add(c.deploy());
    }
    return out;
  }
}
