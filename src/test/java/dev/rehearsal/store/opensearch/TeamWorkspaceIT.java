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
    for (String prefix : List.of("team-it-push", "team-it-import", "team-it-review")) {
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
      // a commit moves the generation on: the copy reads what it wrote (the rules: no record)
      try (Session s = Session.open(local)) {
        team.pushRules(s);
      }
      TeamStore.Pulled after = team.pull(copy, TaskMonitor.NONE);
      assertFalse(after.upToDate());
      assertTrue(after.changesOnly(), "every commit since the copy is on record");
      assertEquals(again.generation() + 1, after.generation());
      assertEquals(0, after.records());
      assertEquals(0, after.findings(), "the team's findings are the ones the copy pushed");
      // a push writes every record again: a copy reads them all, adding none
      try (Session s = Session.open(local)) {
        team.push(s, TaskMonitor.NONE);
      }
      TeamStore.Pulled pushed = team.pull(copy, TaskMonitor.NONE);
      assertTrue(pushed.changesOnly());
      assertEquals(a.pulled().records(), pushed.records());
      assertEquals(400, pushed.findings(), "a push of findings the copy does not hold is copied");
      try (Session original = Session.open(local)) {
        assertEquals(
            original.workspace().facets().count(DocKind.DEPLOY),
            copy.workspace().facets().count(DocKind.DEPLOY),
            "copying again adds no record");
      }
      assertSameFindings(localFindings, findings(copy), "and the copy holds the team's findings");
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

  @Test
  void aReviewMadeInACopyReachesTheTeamWorkspaceAtOnce() throws Exception {
    TeamStore team = store("team-it-review");
    try (Session s = Session.open(local)) {
      team.push(s, TaskMonitor.NONE);
    }
    String key = localFindings.keySet().stream().skip(1).findFirst().orElseThrow();
    Reviews.Request noChange =
        new Reviews.Request(
            key,
            false,
            dev.rehearsal.model.Verdict.NOT_CHANGE_RELATED,
            null,
            null,
            true,
            "a disk filled",
            "lee");
    long generation;
    String reviewedFinding;
    // a copy made before the review below, and not brought up to date since
    try (Session stale = Session.openOrCreate(dir.resolve("review-stale"))) {
      team.pull(stale, TaskMonitor.NONE);
    }
    try (Session copy = Session.openOrCreate(dir.resolve("review-copy"))) {
      TeamStore.Pulled pulled = team.pull(copy, TaskMonitor.NONE);
      Reviews.Saved saved = team.review(copy, noChange);
      assertFalse(saved.notInTeam(), saved.team());
      assertTrue(saved.team().contains("which everyone sees"), saved.team());
      assertTrue(saved.appliedToFinding());
      generation = pulled.generation() + 1;
      TeamStore.Pulled again = team.pull(copy, TaskMonitor.NONE);
      assertTrue(again.upToDate(), "the copy holds what its review wrote: nothing to read again");
      assertEquals(generation, again.generation(), "the review is one commit");
      reviewedFinding = copy.workspace().records().storedJson(Finding.keyOf(key)).orElseThrow();
      assertTrue(reviewedFinding.contains("\"lee\""), "the copy's finding has the review");

      // the incident as everyone searching sees it: the review in force, and the finding with it
      try (OpenSearchIncidentIndex index =
          OpenSearchIncidentIndex.connect(node, team.address().prefix())) {
        Map<String, Object> doc = index.document(key).orElseThrow();
        assertEquals("lee", doc.get(dev.rehearsal.index.Schema.REVIEWER));
        assertEquals("not_change_related", doc.get(dev.rehearsal.index.Schema.VERDICT));
        assertEquals("yes", doc.get(dev.rehearsal.index.Schema.REVIEWED));
        assertEquals(1, ((List<?>) doc.get("reviews")).size());
        assertEquals(reviewedFinding, team.findings().get(key));
      }

      // refused by the rules: written nowhere
      Reviews.Request contradicts =
          new Reviews.Request(
              key,
              false,
              dev.rehearsal.model.Verdict.ESCAPE,
              List.of(dev.rehearsal.model.Gap.DATA),
              List.of(),
              true,
              "",
              "lee");
      org.junit.jupiter.api.Assertions.assertThrows(
          Reviews.Refused.class, () -> team.review(copy, contradicts));
      assertTrue(team.pull(copy, TaskMonitor.NONE).upToDate(), "nothing was committed");
    }
    // a review from the copy made before: kept in the team's history of reviews, but its older
    // finding is not written over the team's reviewed one
    try (Session stale = Session.open(dir.resolve("review-stale"))) {
      Reviews.Saved late =
          team.review(
              stale,
              new Reviews.Request(key, true, null, null, null, false, "looked later", "kim"));
      assertFalse(late.notInTeam(), late.team());
      assertTrue(late.team().contains("after the next analysis there"), late.team());
      generation++;
      try (OpenSearchIncidentIndex index =
          OpenSearchIncidentIndex.connect(node, team.address().prefix())) {
        assertEquals(
            "lee", index.document(key).orElseThrow().get(dev.rehearsal.index.Schema.REVIEWER));
        assertEquals(reviewedFinding, team.findings().get(key));
      }
    }
    // the copy made before reads the two reviews, and nothing else: the finding shows the latest
    try (Session stale = Session.open(dir.resolve("review-stale"))) {
      TeamStore.Pulled p = team.pull(stale, TaskMonitor.NONE);
      assertTrue(p.changesOnly());
      assertEquals(0, p.records());
      assertEquals(2, p.reviews());
      assertEquals(0, p.findings(), "the team's findings were copied before");
      assertEquals(generation, p.generation());
      assertTrue(
          stale.workspace().records().storedJson(Finding.keyOf(key)).orElseThrow().contains("kim"));
      assertTrue(team.pull(stale, TaskMonitor.NONE).upToDate());
    }
    // a workspace of one's own is not a copy of the team workspace: refused, nothing written
    try (Session s = Session.open(local)) {
      Reviews.Refused refused =
          org.junit.jupiter.api.Assertions.assertThrows(
              Reviews.Refused.class, () -> team.review(s, noChange));
      assertTrue(refused.getMessage().contains("not a copy"), refused.getMessage());
    }
    // another person's copy, made afterwards, has the review with who made it
    try (Session other = Session.openOrCreate(dir.resolve("review-other"))) {
      TeamStore.Pulled p = team.pull(other, TaskMonitor.NONE);
      assertEquals(generation, p.generation());
      List<Review> history = other.reviews().history(key);
      assertEquals(
          List.of("lee", "kim"),
          history.stream().map(Review::reviewer).toList(),
          "every review, oldest first, with who made it");
      assertTrue(
          other
              .workspace()
              .records()
              .storedJson(Finding.keyOf(key))
              .orElseThrow()
              .contains("\"kim\""),
          "the copy shows the finding with the review in force before any analysis");
    }
  }

  @Test
  void aReviewTheTeamWorkspaceCannotTakeStaysInTheCopy() throws Exception {
    // a copy of a team workspace nobody can reach: the local demo, marked as its copy
    Path copyDir = dir.resolve("unreachable-copy");
    dev.rehearsal.util.FileTrees.copy(local, copyDir, java.util.Set.of());
    TeamStore gone =
        new TeamStore(
            StoreAddress.parse("opensearch://127.0.0.1:9/nowhere"), StoreCredentials.NONE, null);
    java.nio.file.Files.writeString(
        copyDir.resolve("team-copy.json"),
        "{\"store\":\"" + gone.address() + "\",\"index\":\"nowhere-records-v6\",\"generation\":3}");
    String key = localFindings.keySet().stream().skip(2).findFirst().orElseThrow();
    try (Session copy = Session.open(copyDir)) {
      Reviews.Saved saved =
          gone.review(
              copy, new Reviews.Request(key, true, null, null, null, false, "looked at it", "kim"));
      assertTrue(saved.notInTeam());
      assertTrue(saved.team().startsWith("kept in this copy only"), saved.team());
      assertEquals("kim", copy.reviews().history(key).get(0).reviewer(), "kept in the copy");
    }
  }
}
