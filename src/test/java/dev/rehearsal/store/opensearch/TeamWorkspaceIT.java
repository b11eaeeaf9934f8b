package dev.rehearsal.store.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.rehearsal.app.Demo;
import dev.rehearsal.app.Reviews;
import dev.rehearsal.app.Session;
import dev.rehearsal.app.TeamStore;
import dev.rehearsal.demo.DemoScenario;
import dev.rehearsal.demo.ScenarioGenerator;
import dev.rehearsal.importers.ImportSummary;
import dev.rehearsal.index.DocKind;
import dev.rehearsal.model.Finding;
import dev.rehearsal.model.Incident;
import dev.rehearsal.model.Review;
import dev.rehearsal.store.StoreAddress;
import dev.rehearsal.store.StoreCredentials;
import dev.rehearsal.task.TaskMonitor;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The team workspace holds a whole workspace, and the analysis run from it finds what the local
 * analysis finds, byte for byte (issue: same answers). Two ways in: a local workspace pushed there
 * (rules, records, reviews, findings), and files imported straight into it with the team's rules.
 * Either way, a copy made from the store and analysed gives every finding of the local analysis,
 * and the findings the store then holds are those too. Needs a node (.ci/opensearch.sh start).
 */
@Tag("opensearch")
class TeamWorkspaceIT {
  @TempDir static Path dir;
  private static Path scenario;
  private static Path local;
  private static Map<String, String> localFindings;
  private static Map<String, String> unreviewedFindings;
  private static ImportSummary localImport;
  private static URI node;

  @BeforeAll
  static void analyseTheDemoLocally() throws Exception {
    node = OpenSearchIncidentIndexIT.node();
    scenario = dir.resolve("scenario");
    local = dir.resolve("local");
    try (Session s = Session.openOrCreate(local)) {
      Demo.Built built =
          Demo.build(s, scenario, ScenarioGenerator.Options.demo(), TaskMonitor.NONE);
      localImport = built.imported().summary();
      unreviewedFindings = findings(s);
      // one person's review, which the team workspace keeps with who made it
      Incident first =
          s.workspace().records().list(DocKind.INCIDENT, Incident.class).stream()
              .min(java.util.Comparator.comparing(Incident::key))
              .orElseThrow();
      s.reviews()
          .save(
              new Reviews.Request(
                  first.key(), true, null, null, null, false, "checked in the postmortem", "dana"));
      // analysed again: a reviewed incident is one whose change is known, for every rule
      s.analyses().run(TaskMonitor.NONE);
      localFindings = findings(s);
    }
    assertEquals(400, localFindings.size());
    assertFalse(localFindings.equals(unreviewedFindings), "the review changed a finding");
  }

  @AfterAll
  static void dropTheStores() throws Exception {
    for (String prefix : List.of("team-it-push", "team-it-import")) {
      store(prefix).drop();
    }
  }

  private static TeamStore store(String prefix) {
    return new TeamStore(
        StoreAddress.parse("opensearch://" + node.getHost() + ":" + node.getPort() + "/" + prefix),
        StoreCredentials.NONE,
        null);
  }

  /** Every finding of a workspace, by incident key, as it stores them. */
  private static Map<String, String> findings(Session s) throws Exception {
    Map<String, String> out = new TreeMap<>();
    for (Incident i : s.workspace().records().list(DocKind.INCIDENT, Incident.class)) {
      out.put(i.key(), s.workspace().records().storedJson(Finding.keyOf(i.key())).orElseThrow());
    }
    return out;
  }

  /**
   * The same incidents with the same findings, byte for byte; a difference is reported by its
   * incident and the first place the two differ (a finding is several kilobytes).
   */
  private static void assertSameFindings(
      Map<String, String> expected, Map<String, String> got, String what) {
    assertEquals(expected.keySet(), got.keySet(), what + ": the same incidents");
    for (var e : expected.entrySet()) {
      String a = e.getValue();
      String b = got.get(e.getKey());
      if (!a.equals(b)) {
        int at = 0;
        while (at < Math.min(a.length(), b.length()) && a.charAt(at) == b.charAt(at)) {
          at++;
        }
        int from = Math.max(0, at - 80);
        fail(
            what
                + ": the finding of "
                + e.getKey()
                + " differs at character "
                + at
                + "\n expected …"
                + a.substring(from, Math.min(a.length(), at + 120))
                + "\n      got …"
                + b.substring(from, Math.min(b.length(), at + 120)));
      }
    }
  }

  @Test
  void aWorkspacePushedThereAnalysesToTheSameFindings() throws Exception {
    TeamStore team = store("team-it-push");
    TeamStore.Pushed first;
    try (Session s = Session.open(local)) {
      first = team.push(s, TaskMonitor.NONE);
      TeamStore.Pushed again = team.push(s, TaskMonitor.NONE);
      assertEquals(first.records(), again.records(), "pushing again writes the same records");
      assertEquals(first.generation() + 1, again.generation(), "each push is one commit");
      assertEquals(400, again.inStore(), "pushing again adds no incident");
    }
    assertTrue(first.records() > 20_000, "every record kind is pushed: " + first.records());
    assertSameFindings(
        localFindings, team.findings(), "the store holds the local findings in full");

    try (Session copy = Session.openOrCreate(dir.resolve("copy"))) {
      TeamStore.Analysed a = team.analyse(copy, TaskMonitor.NONE);
      assertEquals(400, a.report().incidents());
      assertEquals(first.records() - 1, a.pulled().records(), "the one review is copied apart");
      assertEquals(1, a.pulled().reviews());
      assertSameFindings(localFindings, findings(copy), "the copy's analysis finds the same");
      List<Review> reviews = copy.reviews().history(localFindings.keySet().iterator().next());
      assertEquals(1, reviews.size());
      assertEquals("dana", reviews.get(0).reviewer(), "a review keeps who made it");
      assertSameFindings(localFindings, team.findings(), "and the store now holds those findings");

      // a copy of the store's generation is up to date: nothing is read again
      assertFalse(a.pulled().upToDate());
      assertEquals(
          java.util.Optional.of(team.address().toString()),
          TeamStore.copyOf(copy.dir()),
          "the copy says which team workspace it copies");
      assertTrue(TeamStore.copyOf(local).isEmpty());
      TeamStore.Pulled again = team.pull(copy, TaskMonitor.NONE);
      assertTrue(again.upToDate(), "a copy of the same generation is up to date");
      assertEquals(0, again.records());
      // a commit moves the generation on: the copy reads every record again, adding none
      try (Session s = Session.open(local)) {
        team.pushRules(s);
      }
      TeamStore.Pulled after = team.pull(copy, TaskMonitor.NONE);
      assertFalse(after.upToDate());
      assertEquals(again.generation() + 1, after.generation());
      assertEquals(a.pulled().records(), after.records());
      try (Session original = Session.open(local)) {
        assertEquals(
            original.workspace().facets().count(DocKind.DEPLOY),
            copy.workspace().facets().count(DocKind.DEPLOY),
            "copying again adds no record");
      }
    }
  }

  @Test
  void filesImportedThereAnalyseToTheSameFindings() throws Exception {
    TeamStore team = store("team-it-import");
    try (Session rules = Session.openOrCreate(dir.resolve("rules"))) {
      Demo.configure(rules, scenario);
      team.pushRules(rules);
    }
    List<Path> folders = DemoScenario.dataFolders(scenario);
    ImportSummary first = team.importFiles(folders, null, TaskMonitor.NONE);
    assertEquals(localImport.accepted(), first.accepted(), "the same records are accepted");
    assertEquals(localImport.rejected(), first.rejected(), "and the same rejected");
    ImportSummary again = team.importFiles(folders, null, TaskMonitor.NONE);
    assertEquals(first.accepted(), again.accepted());

    try (Session copy = Session.openOrCreate(dir.resolve("imported-copy"));
        Session original = Session.open(local)) {
      TeamStore.Analysed a = team.analyse(copy, TaskMonitor.NONE);
      assertFalse(a.pushed().run().isEmpty());
      for (DocKind kind :
          List.of(DocKind.INCIDENT, DocKind.DEPLOY, DocKind.RUN, DocKind.FACT, DocKind.REJECTION)) {
        assertEquals(
            original.workspace().facets().count(kind),
            copy.workspace().facets().count(kind),
            "importing twice added no " + kind.code());
      }
      // this store holds no review: the local findings before the review are the ones to match
      assertSameFindings(
          unreviewedFindings, findings(copy), "the analysis of imported records finds the same");
    }
  }
}
