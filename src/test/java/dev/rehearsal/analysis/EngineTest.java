package dev.rehearsal.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.rehearsal.Records;
import dev.rehearsal.app.Sentences;
import dev.rehearsal.index.DocKind;
import dev.rehearsal.index.Workspace;
import dev.rehearsal.model.Deploy;
import dev.rehearsal.model.DeployLink;
import dev.rehearsal.model.DeployStatus;
import dev.rehearsal.model.EnvironmentFact;
import dev.rehearsal.model.Evidence;
import dev.rehearsal.model.FactType;
import dev.rehearsal.model.Finding;
import dev.rehearsal.model.Gap;
import dev.rehearsal.model.GapScore;
import dev.rehearsal.model.Incident;
import dev.rehearsal.model.LoadSummary;
import dev.rehearsal.model.Provenance;
import dev.rehearsal.model.Reason;
import dev.rehearsal.model.Reason.Code;
import dev.rehearsal.model.Review;
import dev.rehearsal.model.RunType;
import dev.rehearsal.model.StagingRun;
import dev.rehearsal.model.TestSummary;
import dev.rehearsal.model.Verdict;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's rules, one situation per test, on hand-made records. */
class EngineTest {
  @TempDir Path dir;

  static Incident incident(String id, String service, String onset, String title, String text) {
    return new Incident(
        "pagerduty",
        id,
        "#" + id,
        title,
        text,
        "",
        List.of(service),
        "production",
        "P2",
        "resolved",
        Instant.parse(onset),
        null,
        null,
        List.of(),
        "",
        Records.prov("pagerduty-json", id));
  }

  static Incident incident(
      String id, String service, String onset, String resolved, String title, String text) {
    return new Incident(
        "pagerduty",
        id,
        "#" + id,
        title,
        text,
        "",
        List.of(service),
        "production",
        "P2",
        "resolved",
        Instant.parse(onset),
        null,
        Instant.parse(resolved),
        List.of(),
        "",
        Records.prov("pagerduty-json", id));
  }

  static Deploy deploy(
      String id, String service, String env, String version, String sha, String at) {
    return Records.deploy(id, service, env, version, sha, at, DeployStatus.SUCCEEDED);
  }

  static Deploy rollback(String id, String service, String version, String at) {
    Instant t = Instant.parse(at);
    return new Deploy(
        "gitlab",
        id,
        service,
        "production",
        "production",
        version,
        "",
        version,
        DeployStatus.SUCCEEDED,
        t,
        t,
        true,
        "Rollback",
        "bot",
        List.of(),
        "",
        Records.prov("gitlab-json", id));
  }

  static StagingRun run(String id, String service, String version, String at, int failed) {
    return Records.run(id, service, version, at, 20, failed);
  }

  static StagingRun load(String id, String service, String version, String at, double rps) {
    return new StagingRun(
        "k6",
        id,
        service,
        "staging",
        version,
        "",
        RunType.LOAD,
        "k6",
        Instant.parse(at),
        300,
        TestSummary.NONE,
        new LoadSummary(9000, 3, rps * 0.8, rps, 120, 200, 50, false),
        Records.prov("k6-json", id));
  }

  static EnvironmentFact fact(
      FactType type,
      String service,
      String env,
      String subject,
      String value,
      double number,
      String at) {
    return new EnvironmentFact(
        type,
        service,
        env,
        subject,
        value,
        number,
        Instant.parse(at),
        new Provenance("facts.csv", 2, 1, "x", subject, List.of()));
  }

  private Map<String, Finding> analyse(Workspace w) throws Exception {
    w.writes().commit();
    return new Engine(w)
        .run(null).findings().stream()
            .collect(Collectors.toMap(Finding::incidentKey, Function.identity()));
  }

  /** A service shipping v1.0..v1.3 to staging then production, one per day. */
  private void history(Workspace w, String service) throws Exception {
    for (int k = 0; k < 4; k++) {
      String v = "v1." + k + ".0";
      String day = "2024-03-0" + (k + 1);
      w.writes()
          .upsert(
              deploy(
                  service + "-s" + k,
                  service,
                  "staging",
                  v,
                  "aaaa" + k + "bbbbcccc",
                  day + "T09:00:00Z"));
      w.writes().upsert(run(service + "-r" + k, service, v, day + "T09:30:00Z", 0));
      w.writes()
          .upsert(
              deploy(
                  service + "-p" + k,
                  service,
                  "production",
                  v,
                  "aaaa" + k + "bbbbcccc",
                  day + "T14:00:00Z"));
    }
  }

  @Test
  void linksTheLatestSameServiceDeployAndCallsAPassedChangeAnEscape() throws Exception {
    try (Workspace w = Workspace.open(dir)) {
      history(w, "checkout");
      w.writes()
          .upsert(
              incident(
                  "I1",
                  "Checkout API",
                  "2024-03-04T15:00:00Z",
                  "Checkout errors",
                  "Errors began after the release."));
      Finding f = analyse(w).get("incident/pagerduty/I1");
      assertEquals("deploy/gitlab/checkout-p3", f.links().get(0).deployKey());
      assertEquals(Verdict.ESCAPE, f.verdict());
      assertTrue(f.confidence() > 0.6, "one hour after the deploy: " + f.confidence());
      assertTrue(has(f.links().get(0).reasons(), Code.SAME_SERVICE), f.toString());
      assertTrue(
          f.verdictReasons().stream()
              .anyMatch(
                  r ->
                      r.code() == Code.RUN
                          && r.arg("outcome").equals("PASSED")
                          && r.number("total", 0) == 20),
          f.verdictReasons().toString());
    }
  }

  @Test
  void aDeployThatNamesNoServiceIsKeptOutOfTheWay() throws Exception {
    try (Workspace w = Workspace.open(dir)) {
      history(w, "checkout");
      // a tool that wrote no service name (or one that is only punctuation): the deploy is
      // imported, and the analysis links around it instead of failing on it
      w.writes()
          .upsert(
              deploy("nameless", "", "production", "v9.9.9", "9999aaa", "2024-03-04T14:30:00Z"));
      w.writes()
          .upsert(
              deploy(
                  "punctuation", "///", "production", "v9.9.8", "9998aaa", "2024-03-04T14:40:00Z"));
      w.writes()
          .upsert(
              incident(
                  "I1",
                  "Checkout API",
                  "2024-03-04T15:00:00Z",
                  "Checkout errors",
                  "Errors began after the release of v9.9.9."));
      w.writes()
          .upsert(
              incident(
                  "I2",
                  "Checkout API",
                  "2024-03-04T15:00:00Z",
                  "Checkout errors",
                  "Errors began after commit 9999aaa and deploy nameless."));
      Map<String, Finding> f = analyse(w);
      assertEquals(
          "deploy/gitlab/checkout-p3", f.get("incident/pagerduty/I1").links().get(0).deployKey());
      // cited outright, it is linked, and described as of no known service
      DeployLink cited = f.get("incident/pagerduty/I2").links().get(0);
      assertEquals("deploy/gitlab/nameless", cited.deployKey());
      assertEquals("", cited.service());
    }
  }

  @Test
  void anExplicitReferenceBeatsTheLatestDeploy() throws Exception {
    try (Workspace w = Workspace.open(dir)) {
      history(w, "checkout");
      w.writes()
          .upsert(
              incident(
                  "I2",
                  "checkout",
                  "2024-03-04T15:00:00Z",
                  "Checkout errors",
                  "Root cause: the change introduced in commit aaaa2bbbb shipped two days ago."));
      w.writes()
          .upsert(
              incident(
                  "I3",
                  "checkout",
                  "2024-03-04T15:00:00Z",
                  "Checkout errors",
                  "Suspect is pipeline 12345? no: deploy of v1.1.0 started it."));
      Map<String, Finding> f = analyse(w);
      assertEquals(
          "deploy/gitlab/checkout-p2", f.get("incident/pagerduty/I2").links().get(0).deployKey());
      assertTrue(f.get("incident/pagerduty/I2").links().get(0).explicit());
      assertEquals(
          "deploy/gitlab/checkout-p1", f.get("incident/pagerduty/I3").links().get(0).deployKey());
    }
  }

  @Test
  void aStoringRunReportsWhatItStoredInIncidentOrder() throws Exception {
    try (Workspace w = Workspace.open(dir)) {
      history(w, "checkout");
      w.writes()
          .upsert(
              incident(
                  "I1",
                  "checkout",
                  "2024-03-04T15:00:00Z",
                  "Checkout errors",
                  "Errors began after the release."));
      w.writes()
          .upsert(
              incident(
                  "I2",
                  "checkout",
                  "2024-03-20T10:00:00Z",
                  "Checkout down",
                  "The payment provider had an outage."));
      w.writes()
          .upsert(
              incident(
                  "I3",
                  "checkout",
                  "2024-03-02T15:00:00Z",
                  "Checkout slow",
                  "Latency after the release of v1.1.0 under the evening peak."));
      w.writes().commit();
      AnalysisReport kept = new Engine(w).run(null, false);
      assertEquals(
          0, w.facets().count(DocKind.FINDING), "a run that does not store writes nothing");
      AnalysisReport stored = new Engine(w).run(null, true);
      assertEquals(3, w.facets().count(DocKind.FINDING));
      // the findings are read back from the workspace, equal to those made, in the same order
      assertEquals(kept.findings(), stored.findings());
      assertEquals(
          List.of("incident/pagerduty/I1", "incident/pagerduty/I2", "incident/pagerduty/I3"),
          stored.findings().stream().map(Finding::incidentKey).sorted().toList());
      assertEquals(kept.verdicts(), stored.verdicts());
      assertEquals(kept.gaps(), stored.gaps());
      assertEquals(kept.linked(), stored.linked());
      assertEquals(2, stored.linked());
      assertEquals(Long.valueOf(2), stored.verdicts().get(Verdict.ESCAPE));
    }
  }

  @Test
  void anAnalysisCancelledWhileWritingItsFindingsLeavesTheEarlierOnes() throws Exception {
    try (Workspace w = Workspace.open(dir)) {
      history(w, "checkout");
      w.writes()
          .upsert(
              incident(
                  "I1",
                  "checkout",
                  "2024-03-04T15:00:00Z",
                  "Checkout errors",
                  "Errors began after the release."));
      w.writes().commit();
      List<Finding> before = new Engine(w).run(null, true).findings();
      assertEquals(1, before.size());
      w.writes()
          .upsert(
              incident(
                  "I2",
                  "checkout",
                  "2024-03-02T15:00:00Z",
                  "Checkout slow",
                  "Latency after the release of v1.1.0."));
      w.writes().commit();
      // cancelled once the findings are being written: the run's own are taken back
      dev.rehearsal.task.TaskMonitor cancelWhenWriting =
          new dev.rehearsal.task.TaskMonitor() {
            volatile boolean writing;

            @Override
            public void progress(long done, long total, String message) {
              writing |= message.contains("writing the findings");
            }

            @Override
            public boolean isCancelled() {
              return writing;
            }
          };
      assertThrows(
          dev.rehearsal.task.CancelledException.class,
          () -> new Engine(w).run(cancelWhenWriting, true));
      w.writes().commit();
      List<Finding> stored = new ArrayList<>();
      w.records().forEach(DocKind.FINDING, Finding.class, stored::add);
      assertEquals(before, stored);
      assertEquals(2, new Engine(w).run(null, true).findings().size());
      assertEquals(2, w.facets().count(DocKind.FINDING));
    }
  }

  @Test
  void everyCitedPrefixOfACommitFindsItsDeploys() throws Exception {
    try (Workspace w = Workspace.open(dir)) {
      history(w, "checkout");
      // two prefixes of one commit, of different lengths, are both found; a citation longer
      // than the commit, or one that merely shares its start, is not a prefix of it
      w.writes()
          .upsert(
              incident(
                  "I6",
                  "checkout",
                  "2024-03-04T15:00:00Z",
                  "Checkout errors",
                  "Errors began after the release of commit aaaa1bbb."));
      w.writes()
          .upsert(
              incident(
                  "I7",
                  "checkout",
                  "2024-03-04T15:00:00Z",
                  "Checkout errors",
                  "Errors began after the release of commit aaaa1bbbbcccc."));
      w.writes()
          .upsert(
              incident(
                  "I8",
                  "checkout",
                  "2024-03-04T15:00:00Z",
                  "Checkout errors",
                  "Errors began after the release of commit aaaa1bbbbccccdddd."));
      w.writes()
          .upsert(
              incident(
                  "I9",
                  "checkout",
                  "2024-03-04T15:00:00Z",
                  "Checkout errors",
                  "Errors began after the release of commit aaaa1bbc."));
      Map<String, Finding> f = analyse(w);
      for (String cited : List.of("I6", "I7")) {
        DeployLink link = f.get("incident/pagerduty/" + cited).links().get(0);
        assertEquals("deploy/gitlab/checkout-p1", link.deployKey(), cited);
        assertTrue(link.explicit(), cited);
      }
      for (String notCited : List.of("I8", "I9")) {
        DeployLink link = f.get("incident/pagerduty/" + notCited).links().get(0);
        assertEquals("deploy/gitlab/checkout-p3", link.deployKey(), notCited);
        assertFalse(link.explicit(), notCited);
      }
    }
  }

  @Test
  void aRollbackTargetPointsAtTheDeployAfterIt() throws Exception {
    try (Workspace w = Workspace.open(dir)) {
      history(w, "checkout");
      w.writes().upsert(rollback("rb", "checkout", "v1.1.0", "2024-03-04T16:00:00Z"));
      w.writes()
          .upsert(
              incident(
                  "I4",
                  "checkout",
                  "2024-03-04T15:00:00Z",
                  "Checkout errors",
                  "We rolled back to v1.1.0 and errors stopped."));
      // an older release put out again names the version before the culprit the same way
      w.writes()
          .upsert(
              incident(
                  "I5",
                  "checkout",
                  "2024-03-04T15:00:00Z",
                  "Checkout errors",
                  "We redeployed v1.2.0 to stop it."));
      Map<String, Finding> f = analyse(w);
      assertEquals(
          "deploy/gitlab/checkout-p2",
          f.get("incident/pagerduty/I4").links().get(0).deployKey(),
          "the deploy after v1.1.0, not the rollback and not v1.1.0 itself");
      assertEquals(
          "deploy/gitlab/checkout-p3",
          f.get("incident/pagerduty/I5").links().get(0).deployKey(),
          "the deploy after v1.2.0, not v1.2.0 itself");
    }
  }

  @Test
  void aVersionCitedUnderANameNoDeployUsesFindsTheServiceThatShippedIt() throws Exception {
    try (Workspace w = Workspace.open(dir)) {
      history(w, "idp");
      history(w, "checkout");
      w.writes()
          .upsert(
              deploy(
                  "idp-p9",
                  "idp",
                  "production",
                  "v1.25.2",
                  "ffff9bbbbcccc",
                  "2024-03-04T16:00:00Z"));
      // "Identity (prod)" is a name no deploy uses: the version names idp's change, the only
      // service that shipped v1.25.2
      w.writes()
          .upsert(
              incident(
                  "I1",
                  "Identity (prod)",
                  "2024-03-04T18:00:00Z",
                  "Logins fail",
                  "Deploy of idp v1.25.2 finished at 16:00 UTC."));
      // a version two services shipped in the window names neither
      w.writes()
          .upsert(
              incident(
                  "I2",
                  "Identity (prod)",
                  "2024-03-04T18:00:00Z",
                  "Logins fail",
                  "Errors after v1.3.0 went out."));
      // an incident of a deployed service keeps to its own services' versions
      w.writes()
          .upsert(
              incident(
                  "I3",
                  "checkout",
                  "2024-03-04T18:00:00Z",
                  "Checkout errors",
                  "Errors after v1.25.2 went out."));
      Map<String, Finding> f = analyse(w);
      DeployLink link = f.get("incident/pagerduty/I1").links().get(0);
      assertEquals("deploy/gitlab/idp-p9", link.deployKey());
      assertTrue(link.explicit());
      assertTrue(
          f.get("incident/pagerduty/I2").links().stream().noneMatch(DeployLink::explicit),
          f.get("incident/pagerduty/I2").links().toString());
      assertTrue(
          f.get("incident/pagerduty/I3").links().stream()
              .noneMatch(l -> l.deployKey().equals("deploy/gitlab/idp-p9")),
          f.get("incident/pagerduty/I3").links().toString());
    }
  }

  @Test
  void aWayOfSettingAChangeAsideIsLearnedFromTheRollbacksOnRecord() throws Exception {
    try (Workspace w = Workspace.open(dir)) {
      // six days: two deploys, an incident citing the first as this team sets a change aside
      // and the second as a culprit, and a rollback past the second (so the first was kept)
      for (int k = 0; k < 6; k++) {
        String day = "2024-04-0" + (k + 1);
        String kept = "v2." + k + ".0";
        String culprit = "v2." + k + ".1";
        w.writes()
            .upsert(deploy("p" + k + "a", "checkout", "production", kept, "", day + "T10:00:00Z"));
        w.writes()
            .upsert(
                deploy("p" + k + "b", "checkout", "production", culprit, "", day + "T12:00:00Z"));
        w.writes()
            .upsert(
                incident(
                    "R" + k,
                    "checkout",
                    day + "T13:00:00Z",
                    day + "T15:00:00Z",
                    "Checkout errors",
                    kept
                        + " got a thorough look from the night crew. Errors after "
                        + culprit
                        + " went out."));
        w.writes().upsert(rollback("rb" + k, "checkout", kept, day + "T13:30:00Z"));
      }
      // and as a team cites most changes, twenty culprits named plainly, without rollbacks
      for (int k = 0; k < 20; k++) {
        String at = String.format("2024-05-%02dT", k + 1);
        w.writes()
            .upsert(
                deploy("c" + k, "checkout", "production", "v4." + k + ".0", "", at + "10:00:00Z"));
        w.writes()
            .upsert(
                incident(
                    "C" + k,
                    "checkout",
                    at + "11:00:00Z",
                    "Checkout errors",
                    "Errors after v4." + k + ".0 went out."));
      }
      // a day without a rollback: the incident cites a change in the learned words
      w.writes()
          .upsert(deploy("q1", "checkout", "production", "v3.0.0", "", "2024-04-09T10:00:00Z"));
      w.writes()
          .upsert(deploy("q2", "checkout", "production", "v3.0.1", "", "2024-04-09T12:00:00Z"));
      w.writes()
          .upsert(
              incident(
                  "I1",
                  "checkout",
                  "2024-04-09T13:00:00Z",
                  "Checkout errors",
                  "v3.0.0 got a thorough look from the night crew."));
      Finding f = analyse(w).get("incident/pagerduty/I1");
      assertTrue(
          f.links().stream().noneMatch(DeployLink::explicit),
          "the citation is set aside, not linked: " + f.links());
      Reason ruled = ruledOut(f, "deploy/gitlab/q1");
      assertTrue(
          Set.of("thorough", "look", "night", "crew", "got").contains(ruled.arg("word")),
          ruled.toString());
      assertEquals("6", ruled.arg("setAside"), ruled.toString());
    }
  }

  /** The reason a finding gives for setting a change it weighed aside. */
  private static Reason ruledOut(Finding f, String deployKey) {
    return alternative(f, deployKey).reasons().stream()
        .filter(r -> r.code() == Code.RULED_OUT)
        .findFirst()
        .orElseThrow(() -> new AssertionError(f.alternatives().toString()));
  }

  /** The change of that key a finding weighed and did not link; fails when it is not there. */
  private static DeployLink alternative(Finding f, String deployKey) {
    return f.alternatives().stream()
        .filter(a -> a.deployKey().equals(deployKey))
        .findFirst()
        .orElseThrow(() -> new AssertionError(f.alternatives().toString()));
  }

  @Test
  void aCitationWrittenLikeOneAReviewerSetAsideIsSetAside() throws Exception {
    try (Workspace w = Workspace.open(dir)) {
      // two days alike: a change cited in the team's words for one it looked at and cleared
      // (words neither the rules nor the model of citing sentences read as a rule-out), and the
      // change after it, which caused the incident
      for (int k = 1; k <= 2; k++) {
        String day = "2024-04-0" + k;
        w.writes()
            .upsert(
                deploy(
                    "a" + k, "checkout", "production", "v2." + k + ".0", "", day + "T10:00:00Z"));
        w.writes()
            .upsert(
                deploy(
                    "b" + k, "checkout", "production", "v2." + k + ".1", "", day + "T12:00:00Z"));
        w.writes()
            .upsert(
                incident(
                    "S" + k,
                    "checkout",
                    day + "T13:00:00Z",
                    "Checkout errors",
                    "Went through v2." + k + ".0 with the payments folks first."));
      }
      Finding before = analyse(w).get("incident/pagerduty/S2");
      assertEquals(
          "deploy/gitlab/a2",
          before.links().get(0).deployKey(),
          "the words name no rule-out the engine knows: " + before.links());
      // a reviewer says the first incident's change was the later one
      w.writes()
          .putReview(
              new Review(
                  "incident/pagerduty/S1",
                  List.of("deploy/gitlab/b1"),
                  Verdict.NOT_STAGED,
                  null,
                  "",
                  "sre",
                  Instant.now()));
      Finding after = analyse(w).get("incident/pagerduty/S2");
      assertTrue(
          after.links().stream().noneMatch(l -> l.deployKey().equals("deploy/gitlab/a2")),
          "the citation is set aside: " + after.links());
      Reason ruled = ruledOut(after, "deploy/gitlab/a2");
      assertEquals("incident/pagerduty/S1", ruled.arg("like"), ruled.toString());
    }
  }

  @Test
  void aLastDeployTheLagAloneWouldNotSuspectIsSuspectedWhenTheIncidentSpeaksAsCitingOnesDo()
      throws Exception {
    String changeTalk = "Graphs went red the moment the fresh bits reached every pod.";
    String otherTalk = "Dashboards showed timeouts while the queue backed up.";
    java.util.Random r = new java.util.Random(5);
    try (Workspace w = Workspace.open(dir)) {
      // a deploy a day at midnight for 400 days: chance puts a third of incidents 8-16 h after one
      Instant start = Instant.parse("2023-01-01T00:00:00Z");
      for (int d = 0; d < 400; d++) {
        w.writes()
            .upsert(
                deploy(
                    "d" + d,
                    "shop",
                    "production",
                    "v1." + d + ".0",
                    "",
                    start.plus(java.time.Duration.ofDays(d)).toString()));
      }
      // 120 incidents that cite their change, half an hour to 14 h after it, speaking of it
      for (int k = 0; k < 120; k++) {
        int d = 3 * k;
        long minutes = 30 + r.nextInt(13 * 60);
        w.writes()
            .upsert(
                incident(
                    "C" + k,
                    "shop",
                    start.plus(java.time.Duration.ofDays(d).plusMinutes(minutes)).toString(),
                    "Shop errors",
                    "Errors after v1." + d + ".0 went out. " + changeTalk));
      }
      // 150 that cite nothing and no change caused, at any hour; and 24 a change caused, 10 h
      // after it: the band from 8 h to 16 h holds 50 + 24 where chance puts 58, no excess
      long[] lag = new long[150];
      for (int k = 0; k < 150; k++) {
        int d = 3 * k + 1;
        long minutes = r.nextInt(24 * 60);
        lag[k] = minutes;
        w.writes()
            .upsert(
                incident(
                    "N" + k,
                    "shop",
                    start.plus(java.time.Duration.ofDays(d % 400).plusMinutes(minutes)).toString(),
                    "Shop errors",
                    otherTalk));
      }
      for (int k = 0; k < 24; k++) {
        int d = 3 * k + 2;
        w.writes()
            .upsert(
                incident(
                    "W" + k,
                    "shop",
                    start.plus(java.time.Duration.ofDays(d).plusHours(10)).toString(),
                    "Shop errors",
                    changeTalk));
      }
      Map<String, Finding> found = analyse(w);
      long suspected =
          java.util.stream.IntStream.range(0, 24)
              .mapToObj(k -> found.get("incident/pagerduty/W" + k))
              .filter(f -> f.links().size() == 1 && f.links().get(0).byTimeAlone())
              .count();
      assertTrue(suspected >= 20, suspected + " of 24 suspected");
      Finding one = found.get("incident/pagerduty/W0");
      assertEquals("deploy/gitlab/d2", one.links().get(0).deployKey());
      Reason words = only(one.links().get(0).reasons(), Code.CHANGE_WORDS);
      assertTrue(Double.parseDouble(words.arg("ratio")) > 1, words.toString());
      assertEquals("120", words.arg("citing"), words.toString());
      // in the same band, words like those of incidents no change caused: not suspected
      int inBand = 0;
      int linkedInBand = 0;
      for (int k = 0; k < 150; k++) {
        if (lag[k] >= 8 * 60 && lag[k] < 16 * 60) {
          inBand++;
          linkedInBand += found.get("incident/pagerduty/N" + k).links().isEmpty() ? 0 : 1;
        }
      }
      assertTrue(inBand > 30, inBand + " in the band");
      assertTrue(linkedInBand <= 2, linkedInBand + " of " + inBand + " linked");
      // and each one left unlinked says why its service's last deploy was not suspected
      for (int k = 0; k < 150; k++) {
        Finding n = found.get("incident/pagerduty/N" + k);
        if (lag[k] >= 8 * 60 && lag[k] < 16 * 60 && n.links().isEmpty()) {
          Reason why = only(n.verdictReasons(), Code.NOT_A_SUSPECT);
          assertEquals("timing", why.arg("why"), n.toString());
          assertTrue(Sentences.of(why).contains("where chance"), Sentences.of(why));
          break;
        }
      }
    }
  }

  @Test
  void noChangeInTheWindowAndExternalCausesAreNotChangeRelated() throws Exception {
    try (Workspace w = Workspace.open(dir)) {
      history(w, "checkout");
      w.writes()
          .upsert(
              incident(
                  "I5", "checkout", "2024-03-20T10:00:00Z", "Checkout down", "Everything failed."));
      w.writes()
          .upsert(
              incident(
                  "I6",
                  "checkout",
                  "2024-03-04T23:00:00Z",
                  "Checkout down",
                  "The TLS certificate expired; certificate expired alerts fired."));
      Map<String, Finding> f = analyse(w);
      assertEquals(Verdict.NOT_CHANGE_RELATED, f.get("incident/pagerduty/I5").verdict());
      assertEquals(
          Code.NO_DEPLOY_IN_WINDOW,
          f.get("incident/pagerduty/I5").verdictReasons().get(0).code(),
          f.get("incident/pagerduty/I5").verdictReasons().toString());
      assertEquals(
          Verdict.NOT_CHANGE_RELATED,
          f.get("incident/pagerduty/I6").verdict(),
          "nine hours after a deploy and text blaming a certificate");
      Reason notSuspect = only(f.get("incident/pagerduty/I6").verdictReasons(), Code.NOT_A_SUSPECT);
      assertEquals("external", notSuspect.arg("why"), notSuspect.toString());
      assertTrue(Sentences.of(notSuspect).contains("outside any change"), notSuspect.toString());
      assertTrue(
          f.get("incident/pagerduty/I5").verdictReasons().stream()
              .noneMatch(r -> r.code() == Code.NOT_A_SUSPECT),
          "nothing was weighed, so there is no deploy to say this of");
    }
  }

  @Test
  void verdictsForEveryStagingHistory() throws Exception {
    try (Workspace w = Workspace.open(dir)) {
      // never staged
      w.writes().upsert(deploy("a-p", "alpha", "production", "v2.0.0", "", "2024-03-01T10:00:00Z"));
      w.writes()
          .upsert(incident("A", "alpha", "2024-03-01T10:30:00Z", "alpha errors", "after deploy"));
      // staged, runs failed, shipped anyway
      w.writes().upsert(deploy("b-s", "beta", "staging", "v2.0.0", "", "2024-03-01T08:00:00Z"));
      w.writes().upsert(run("b-r", "beta", "v2.0.0", "2024-03-01T08:20:00Z", 3));
      w.writes().upsert(deploy("b-p", "beta", "production", "v2.0.0", "", "2024-03-01T10:00:00Z"));
      w.writes()
          .upsert(incident("B", "beta", "2024-03-01T10:30:00Z", "beta errors", "after deploy"));
      // staged, never tested (a run of another version does not count)
      w.writes().upsert(deploy("c-s", "gamma", "staging", "v2.0.0", "", "2024-03-01T08:00:00Z"));
      w.writes().upsert(run("c-r", "gamma", "v1.9.0", "2024-03-01T08:20:00Z", 0));
      w.writes().upsert(deploy("c-p", "gamma", "production", "v2.0.0", "", "2024-03-01T10:00:00Z"));
      w.writes()
          .upsert(incident("C", "gamma", "2024-03-01T10:30:00Z", "gamma errors", "after deploy"));
      // flaky: failed then green on rerun -> escape
      w.writes().upsert(deploy("d-s", "delta", "staging", "v2.0.0", "", "2024-03-01T08:00:00Z"));
      w.writes().upsert(run("d-r1", "delta", "v2.0.0", "2024-03-01T08:20:00Z", 2));
      w.writes().upsert(run("d-r2", "delta", "v2.0.0", "2024-03-01T08:40:00Z", 0));
      w.writes().upsert(deploy("d-p", "delta", "production", "v2.0.0", "", "2024-03-01T10:00:00Z"));
      w.writes()
          .upsert(incident("D", "delta", "2024-03-01T10:30:00Z", "delta errors", "after deploy"));
      // production deploy names nothing to find it by
      w.writes().upsert(deploy("e-p", "epsilon", "production", "", "", "2024-03-01T10:00:00Z"));
      w.writes()
          .upsert(incident("E", "epsilon", "2024-03-01T10:30:00Z", "epsilon", "after deploy"));
      Map<String, Finding> f = analyse(w);
      assertEquals(Verdict.NOT_STAGED, f.get("incident/pagerduty/A").verdict());
      assertEquals(Verdict.FAILED_BUT_SHIPPED, f.get("incident/pagerduty/B").verdict());
      assertTrue(
          f.get("incident/pagerduty/B").verdictReasons().stream()
              .anyMatch(
                  r ->
                      r.code() == Code.RUN
                          && r.arg("outcome").equals("FAILED")
                          && r.number("failed", 0) == 3
                          && r.number("total", 0) == 20),
          f.get("incident/pagerduty/B").verdictReasons().toString());
      assertEquals(Verdict.STAGED_UNTESTED, f.get("incident/pagerduty/C").verdict());
      assertEquals(Verdict.ESCAPE, f.get("incident/pagerduty/D").verdict());
      assertEquals(Verdict.UNKNOWN, f.get("incident/pagerduty/E").verdict());
    }
  }

  /**
   * checkout v1.3.0 ships at 14:00, v1.4.0 at 16:00, errors start at 16:30 and production goes back
   * to v1.2.0 at 17:00: the responders rolled back past both, so the change that began it is
   * v1.3.0, the first after v1.2.0, although v1.4.0 is the latest.
   */
  private Finding rolledBackPastTwo(Path where, Deploy rollback, String resolved) throws Exception {
    return rolledBackPastTwo(where, rollback, resolved, "Error rate up on checkout.");
  }

  private Finding rolledBackPastTwo(Path where, Deploy rollback, String resolved, String text)
      throws Exception {
    try (Workspace w = Workspace.open(where)) {
      history(w, "checkout");
      w.writes()
          .upsert(
              deploy(
                  "checkout-p4",
                  "checkout",
                  "production",
                  "v1.4.0",
                  "aaaa4bbbbcccc",
                  "2024-03-04T16:00:00Z"));
      if (rollback != null) {
        w.writes().upsert(rollback);
      }
      w.writes()
          .upsert(
              incident(
                  "RB", "checkout", "2024-03-04T16:30:00Z", resolved, "Checkout errors", text));
      return analyse(w).get("incident/pagerduty/RB");
    }
  }

  @Test
  void aRollbackDuringTheIncidentPointsAtTheFirstChangeAfterItsTarget() throws Exception {
    Finding none = rolledBackPastTwo(dir.resolve("none"), null, "2024-03-04T18:00:00Z");
    assertEquals(
        "deploy/gitlab/checkout-p4",
        none.links().get(0).deployKey(),
        "without a rollback the latest deploy is the suspect");

    Finding f =
        rolledBackPastTwo(
            dir.resolve("flagged"),
            rollback("rb", "checkout", "v1.2.0", "2024-03-04T17:00:00Z"),
            "2024-03-04T18:00:00Z");
    assertEquals("deploy/gitlab/checkout-p3", f.links().get(0).deployKey(), f.toString());
    assertEquals(1, f.links().size(), "the later deploy is not linked as well");
    List<Reason> why = f.links().get(0).reasons();
    Reason rolledBack = only(why, Code.ROLLED_BACK_PAST);
    assertEquals("1.2.0", rolledBack.arg("to"), why.toString());
    assertEquals(-30 * 60_000L, rolledBack.number("beforeMs", 0), "30 min after onset");
    Reason later = only(why, Code.INTERVENING);
    assertEquals("1", later.arg("count"), why.toString());
    assertEquals("checkout", later.arg("service"), why.toString());
    assertEquals(
        "production was rolled back to 1.2.0 30 min after onset, while the incident was open;"
            + " this is the first deploy after 1.2.0",
        Sentences.of(rolledBack));
    assertTrue(f.confidence() >= 0.6, "a rollback is strong evidence: " + f.confidence());
  }

  @Test
  void aReleaseProductionWentBackToDuringTheIncidentIsNotTheCauseItCites() throws Exception {
    String text = "Error rate up on checkout. Production is on v1.2.0 now and stable.";
    Finding unrecorded = rolledBackPastTwo(dir.resolve("said"), null, "2024-03-04T18:00:00Z", text);
    assertEquals(
        "deploy/gitlab/checkout-p2",
        unrecorded.links().get(0).deployKey(),
        "without a rollback on record the version named is the change cited");

    Finding f =
        rolledBackPastTwo(
            dir.resolve("recorded"),
            rollback("rb", "checkout", "v1.2.0", "2024-03-04T17:00:00Z"),
            "2024-03-04T18:00:00Z",
            text);
    assertEquals("deploy/gitlab/checkout-p3", f.links().get(0).deployKey(), f.toString());
    assertFalse(f.links().get(0).explicit(), f.toString());
    assertEquals("1.2.0", only(f.links().get(0).reasons(), Code.ROLLED_BACK_PAST).arg("to"));
  }

  @Test
  void aRollbackDuringTheIncidentNeedsOnlyTheSettingNotTheThresholdForLinksByTime()
      throws Exception {
    Path where = dir.resolve("calibrated");
    try (Workspace w = Workspace.open(where)) {
      // 35 incidents that cite an earlier deploy of the day while a later one landed closer to
      // onset: replayed without their citations, time alone picks the later one every time, so
      // the threshold for links by time goes to its ceiling
      Instant day1 = Instant.parse("2024-01-01T00:00:00Z");
      for (int k = 1; k <= 35; k++) {
        Instant at = day1.plus(java.time.Duration.ofDays(k - 1));
        w.writes()
            .upsert(
                deploy("bill-a" + k, "billing", "production", "v1." + k + ".0", "", at.toString()));
        w.writes()
            .upsert(
                deploy(
                    "bill-b" + k,
                    "billing",
                    "production",
                    "v1." + k + ".1",
                    "",
                    at.plusSeconds(6 * 3600).toString()));
        w.writes()
            .upsert(
                incident(
                    "K" + k,
                    "billing",
                    at.plusSeconds(10 * 3600).toString(),
                    "Invoices failing",
                    "Invoices fail to render after v1." + k + ".0 went out."));
      }
      w.writes().commit();
    }
    Finding f =
        rolledBackPastTwo(
            where,
            rollback("rb", "checkout", "v1.2.0", "2024-03-04T17:00:00Z"),
            "2024-03-04T18:00:00Z");
    assertEquals(1, f.links().size(), f.toString());
    assertEquals("deploy/gitlab/checkout-p3", f.links().get(0).deployKey(), f.toString());
    assertTrue(
        f.links().get(0).confidence() < 0.95,
        "below the calibrated threshold, linked all the same: " + f.links().get(0).confidence());
    assertFalse(f.links().get(0).byTimeAlone(), "the responders' rollback, not time alone");
  }

  @Test
  void aRedeployOfAnEarlierCommitIsARollbackEvenWhenTheToolDoesNotSaySo() throws Exception {
    // GitLab's "re-deploy" of an older job: same commit and version as v1.2.0, no rollback flag
    Deploy redeploy =
        deploy(
            "redeploy",
            "checkout",
            "production",
            "v1.2.0",
            "aaaa2bbbbcccc",
            "2024-03-04T17:00:00Z");
    Finding f = rolledBackPastTwo(dir.resolve("inferred"), redeploy, "2024-03-04T18:00:00Z");
    assertEquals("deploy/gitlab/checkout-p3", f.links().get(0).deployKey(), f.toString());

    // the incident was resolved before that redeploy: it says nothing about this incident
    Finding after = rolledBackPastTwo(dir.resolve("after"), redeploy, "2024-03-04T16:40:00Z");
    assertEquals("deploy/gitlab/checkout-p4", after.links().get(0).deployKey(), after.toString());
  }

  @Test
  void theSameReleaseDeployedTwiceInARowIsNotARollback() throws Exception {
    // a retried deploy of what already runs (or a moving tag) must not point anywhere
    Deploy again =
        deploy(
            "again", "checkout", "production", "v1.4.0", "aaaa4bbbbcccc", "2024-03-04T17:00:00Z");
    Finding f = rolledBackPastTwo(dir.resolve("again"), again, "2024-03-04T18:00:00Z");
    assertEquals("deploy/gitlab/checkout-p4", f.links().get(0).deployKey(), f.toString());
    assertFalse(has(f.links().get(0).reasons(), Code.ROLLED_BACK_PAST), f.toString());
  }

  @Test
  void dependenciesClockSkewAndSeveralIncidentsFromOneDeploy() throws Exception {
    try (Workspace w = Workspace.open(dir)) {
      w.writes()
          .saveSettings(
              w.settings()
                  .with(
                      "services.dependencies",
                      JsonNodeFactory.instance
                          .objectNode()
                          .set("checkout", JsonNodeFactory.instance.arrayNode().add("payments"))));
      w.writes()
          .upsert(deploy("pay-s", "payments", "staging", "v3.0.0", "", "2024-03-01T08:00:00Z"));
      w.writes().upsert(run("pay-r", "payments", "v3.0.0", "2024-03-01T08:30:00Z", 0));
      w.writes()
          .upsert(deploy("pay-p", "payments", "production", "v3.0.0", "", "2024-03-01T10:00:00Z"));
      // checkout has no deploy: its incident comes from the dependency
      w.writes()
          .upsert(
              incident(
                  "X1",
                  "checkout",
                  "2024-03-01T10:20:00Z",
                  "Checkout failures",
                  "Errors after the payments rollout"));
      // the payments incident is reported two minutes before the deploy's recorded end
      w.writes()
          .upsert(
              incident(
                  "X2",
                  "payments",
                  "2024-03-01T09:58:00Z",
                  "Payments errors",
                  "Errors right after the release"));
      Map<String, Finding> f = analyse(w);
      assertEquals(
          "deploy/gitlab/pay-p", f.get("incident/pagerduty/X1").links().get(0).deployKey());
      assertTrue(
          has(f.get("incident/pagerduty/X1").links().get(0).reasons(), Code.UPSTREAM)
              || has(f.get("incident/pagerduty/X1").links().get(0).reasons(), Code.NAMED_UPSTREAM),
          f.get("incident/pagerduty/X1").toString());
      assertEquals(
          "deploy/gitlab/pay-p",
          f.get("incident/pagerduty/X2").links().get(0).deployKey(),
          "clock skew between tools is tolerated");
      assertEquals(Verdict.ESCAPE, f.get("incident/pagerduty/X2").verdict());
    }
  }

  @Test
  void aServiceTheIncidentNamesByAnyOfItsNamesIsWeighedWithoutADependencyTable() throws Exception {
    try (Workspace w = Workspace.open(dir)) {
      // no dependency table: only the alias table says "Payments Gateway" is payments
      w.writes().saveAliases(Map.of("Payments Gateway", "payments"));
      w.writes()
          .upsert(deploy("pay-p", "payments", "production", "v3.0.0", "", "2024-03-01T10:00:00Z"));
      w.writes()
          .upsert(
              incident(
                  "N1",
                  "checkout",
                  "2024-03-01T10:20:00Z",
                  "Checkout failures",
                  "We had shipped Payments Gateway about 20 min before."));
      w.writes()
          .upsert(
              incident(
                  "N2",
                  "checkout",
                  "2024-03-01T10:25:00Z",
                  "Checkout failures",
                  "Errors after the release."));
      // an incident of a service with deploys of its own cites a version of the service it names
      w.writes()
          .upsert(deploy("ship-p", "shipping", "production", "v1.0.0", "", "2024-03-01T09:00:00Z"));
      w.writes()
          .upsert(
              incident(
                  "N4",
                  "shipping",
                  "2024-03-01T10:30:00Z",
                  "Shipping labels fail",
                  "Broken since Payments Gateway v3.0.0 rolled out."));
      w.writes()
          .upsert(
              incident(
                  "N3",
                  "payments-gateway-eu",
                  "2024-03-01T10:25:00Z",
                  "payments-gateway-eu errors",
                  "payments-gateway-eu errors since ten."));
      Map<String, Finding> f = analyse(w);
      Finding n1 = f.get("incident/pagerduty/N1");
      java.util.List<DeployLink> weighed = new java.util.ArrayList<>(n1.links());
      weighed.addAll(n1.alternatives());
      DeployLink pay =
          weighed.stream()
              .filter(l -> l.deployKey().equals("deploy/gitlab/pay-p"))
              .findFirst()
              .orElseThrow(() -> new AssertionError(n1.toString()));
      assertTrue(has(pay.reasons(), Code.NAMED_SERVICE), pay.reasons().toString());
      Finding n2 = f.get("incident/pagerduty/N2");
      assertTrue(
          n2.links().isEmpty() && n2.alternatives().isEmpty(),
          "a service the incident does not name is not weighed: " + n2);
      Finding n4 = f.get("incident/pagerduty/N4");
      assertEquals("deploy/gitlab/pay-p", n4.links().get(0).deployKey(), n4.toString());
      assertTrue(n4.links().get(0).explicit(), "cited, not guessed: " + n4);
      Finding n3 = f.get("incident/pagerduty/N3");
      assertTrue(
          n3.links().isEmpty() && n3.alternatives().isEmpty(),
          "\"payments-gateway-eu errors\" names its own service, not payments: " + n3);
    }
  }

  @Test
  void aServiceGoesByItsOwnNameAndEveryAliasOfIt() {
    var names =
        Linker.namesByService(
            new dev.rehearsal.settings.ServiceNames(
                Map.of("Payments Gateway", "payments", "pay", "payments"),
                Map.of("site-search", "srch"),
                dev.rehearsal.settings.ServiceNames.defaultSuffixes()));
    assertEquals(
        java.util.Set.of("payments", "payments-gateway", "pay"),
        java.util.Set.copyOf(names.get("payments")));
    assertEquals("payments", names.get("payments").get(0), "its own name first");
    assertEquals(List.of("srch", "site-search"), names.get("srch"));
  }

  @Test
  void environmentsAreLookedAtInTheSettingsOrder() {
    // which environment is searched first decides ties (a commit shipped to production and to a
    // canary); an unordered set would change that from one run of the program to the next
    List<String> envs = List.of("production", "canary", "eu-prod", "us-prod", "blue", "green");
    var array = JsonNodeFactory.instance.arrayNode();
    envs.forEach(array::add);
    Rules rules =
        new Rules(
            dev.rehearsal.settings.Settings.defaults()
                .with("linking.productionEnvironments", array)
                .with("linking.stagingEnvironments", array));
    assertEquals(envs, List.copyOf(rules.productionEnvs));
    assertEquals(envs, List.copyOf(rules.stagingEnvs));
  }

  @Test
  void theSameInputsGiveTheSameLinksWhateverTheImportOrder() throws Exception {
    Map<String, Finding> a;
    Map<String, Finding> b;
    try (Workspace w = Workspace.open(dir.resolve("a"))) {
      history(w, "checkout");
      history(w, "search");
      w.writes().upsert(incident("O1", "checkout", "2024-03-02T15:00:00Z", "t", "release"));
      w.writes().upsert(incident("O2", "search", "2024-03-03T15:00:00Z", "t", "release"));
      a = analyse(w);
    }
    try (Workspace w = Workspace.open(dir.resolve("b"))) {
      w.writes().upsert(incident("O2", "search", "2024-03-03T15:00:00Z", "t", "release"));
      history(w, "search");
      w.writes().upsert(incident("O1", "checkout", "2024-03-02T15:00:00Z", "t", "release"));
      history(w, "checkout");
      b = analyse(w);
    }
    assertEquals(a.get("incident/pagerduty/O1").links(), b.get("incident/pagerduty/O1").links());
    assertEquals(a.get("incident/pagerduty/O2").links(), b.get("incident/pagerduty/O2").links());
  }

  private static List<Evidence> evidence(Finding f, Gap gap) {
    return f.scores().stream().filter(s -> s.gap() == gap).findFirst().orElseThrow().evidence();
  }

  private static boolean has(List<Reason> reasons, Code code) {
    return reasons.stream().anyMatch(r -> r.code() == code);
  }

  private static Reason only(List<Reason> reasons, Code code) {
    List<Reason> found = reasons.stream().filter(r -> r.code() == code).toList();
    assertEquals(1, found.size(), code + " in " + reasons);
    return found.get(0);
  }

  private static <T extends Evidence> List<T> ofType(List<Evidence> evidence, Class<T> type) {
    return evidence.stream().filter(type::isInstance).map(type::cast).toList();
  }

  @Test
  void gapsFromStructureAndTextWithEvidence() throws Exception {
    try (Workspace w = Workspace.open(dir)) {
      history(w, "checkout");
      // config: pool size differs, and the incident names it
      w.writes()
          .upsert(
              fact(
                  FactType.CONFIG,
                  "checkout",
                  "staging",
                  "db.pool.max_size",
                  "80",
                  Double.NaN,
                  "2024-02-01T00:00:00Z"));
      w.writes()
          .upsert(
              fact(
                  FactType.CONFIG,
                  "checkout",
                  "production",
                  "db.pool.max_size",
                  "20",
                  Double.NaN,
                  "2024-02-01T00:00:00Z"));
      w.writes()
          .upsert(
              fact(
                  FactType.CONFIG,
                  "checkout",
                  "staging",
                  "db.host",
                  "db.staging",
                  Double.NaN,
                  "2024-02-01T00:00:00Z"));
      w.writes()
          .upsert(
              fact(
                  FactType.CONFIG,
                  "checkout",
                  "production",
                  "db.host",
                  "db.prod",
                  Double.NaN,
                  "2024-02-01T00:00:00Z"));
      w.writes()
          .upsert(
              incident(
                  "G1",
                  "checkout",
                  "2024-03-04T15:00:00Z",
                  "Checkout errors",
                  "After the release, production had the db pool max size set to 20, staging uses 80."));
      // mocks: staging stubs stripe, and the incident names Stripe
      stagingMock(w, "stripe", "wiremock: 2 stubs");
      w.writes()
          .upsert(
              incident(
                  "G2",
                  "checkout",
                  "2024-03-04T15:10:00Z",
                  "Payments failing",
                  "Since the deploy, Stripe answered 429 Too Many Requests to the new code."));
      // nothing to go on
      w.writes()
          .upsert(
              incident(
                  "G3",
                  "checkout",
                  "2024-03-04T15:20:00Z",
                  "Checkout errors",
                  "An off-by-one error in the new code we deployed."));
      // a flag on in production, off in staging; one incident names it
      w.writes()
          .upsert(
              fact(
                  FactType.FLAG,
                  "checkout",
                  "staging",
                  "fast-checkout",
                  "off",
                  Double.NaN,
                  "2024-02-01T00:00:00Z"));
      w.writes()
          .upsert(
              fact(
                  FactType.FLAG,
                  "checkout",
                  "production",
                  "fast-checkout",
                  "on",
                  Double.NaN,
                  "2024-02-01T00:00:00Z"));
      w.writes()
          .upsert(
              incident(
                  "G4",
                  "checkout",
                  "2024-03-04T15:30:00Z",
                  "Checkout errors",
                  "Orders failed once fast-checkout took the new path after the deploy."));
      Map<String, Finding> f = analyse(w);
      // incidents that share their snapshots share evidence, but each keeps what it names
      List<Evidence> g1Config = evidence(f.get("incident/pagerduty/G1"), Gap.CONFIG);
      List<Evidence> g3Config = evidence(f.get("incident/pagerduty/G3"), Gap.CONFIG);
      List<Evidence> g4Config = evidence(f.get("incident/pagerduty/G4"), Gap.CONFIG);
      Evidence.ConfigDrift pool = ofType(g1Config, Evidence.ConfigDrift.class).get(0);
      assertEquals("db.pool.max_size", pool.key());
      assertEquals("20", pool.production());
      assertEquals("80", pool.staging());
      assertTrue(pool.named(), g1Config.toString());
      assertEquals("db.pool.max_size", pool.subject());
      Evidence.FlagDrift flag = ofType(g1Config, Evidence.FlagDrift.class).get(0);
      assertEquals(
          List.of("fast-checkout", "on", "off"),
          List.of(flag.flag(), flag.production(), flag.staging()));
      assertFalse(flag.named(), "G1 does not name the flag");
      assertTrue(
          ofType(g3Config, Evidence.ConfigDrift.class).stream()
              .noneMatch(Evidence.ConfigDrift::named),
          g3Config.toString());
      assertTrue(
          ofType(g3Config, Evidence.FlagDrift.class).stream().noneMatch(Evidence.FlagDrift::named));
      assertTrue(ofType(g4Config, Evidence.FlagDrift.class).get(0).named(), g4Config.toString());
      assertEquals("fast-checkout", ofType(g4Config, Evidence.FlagDrift.class).get(0).subject());
      assertFalse(ofType(g4Config, Evidence.ConfigDrift.class).get(0).named(), g4Config.toString());
      Finding g1 = f.get("incident/pagerduty/G1");
      assertEquals(Gap.CONFIG, g1.gaps().get(0));
      List<Evidence.ConfigDrift> drift =
          ofType(g1.scores().get(0).evidence(), Evidence.ConfigDrift.class);
      assertTrue(
          drift.stream().noneMatch(d -> d.key().equals("db.host")), "hosts are expected to differ");
      assertEquals(Gap.MOCKS, f.get("incident/pagerduty/G2").gaps().get(0));
      Finding explained = new Engine(w).withPassages(f.get("incident/pagerduty/G2"));
      List<Evidence.TextMatch> text =
          ofType(explained.scores().get(0).evidence(), Evidence.TextMatch.class);
      assertFalse(text.isEmpty(), explained.scores().get(0).toString());
      Evidence.Passage passage = text.get(0).passages().get(0);
      assertFalse(passage.marks().isEmpty(), "a passage with the matched words marked: " + passage);
      Evidence.Span mark = passage.marks().get(0);
      assertFalse(
          passage.text().substring(mark.start(), mark.end()).isBlank(), "a mark covers a word");
      assertEquals(List.of(Gap.UNEXPLAINED), f.get("incident/pagerduty/G3").gaps());
    }
  }

  @Test
  void gapWordsCountOnlyWhereTheTextTellsTheCause() throws Exception {
    try (Workspace w = Workspace.open(dir)) {
      history(w, "checkout");
      w.writes()
          .upsert(
              incident(
                  "S1",
                  "checkout",
                  "2024-03-04T15:00:00Z",
                  "Checkout errors",
                  "Errors began after the release. Config repo had no commits that day. The flag"
                      + " audit: nothing out of the ordinary."));
      w.writes()
          .upsert(
              incident(
                  "S2",
                  "checkout",
                  "2024-03-04T15:10:00Z",
                  "Checkout errors",
                  "Errors began after the release. Ingress in production has a 30 s idle"
                      + " timeout, staging ingress has none, so the long request got cut."));
      w.writes()
          .upsert(
              incident(
                  "S3",
                  "checkout",
                  "2024-03-04T15:20:00Z",
                  "Checkout errors",
                  "Errors began after the release. Staging has 2,000 rows in the orders table,"
                      + " production 40 million, unlike staging."));
      Map<String, Finding> f = analyse(w);
      GapScore s1 = score(f.get("incident/pagerduty/S1"), Gap.CONFIG);
      assertTrue(
          ofType(s1.evidence(), Evidence.TextMatch.class).isEmpty(),
          "the vocabulary's words are all in set-aside sentences: " + s1);
      assertEquals(
          List.of(
              "Config repo had no commits that day.",
              "The flag audit: nothing out of the ordinary."),
          ofType(s1.evidence(), Evidence.SetAside.class).get(0).sentences());
      assertEquals(List.of(Gap.UNEXPLAINED), f.get("incident/pagerduty/S1").gaps());

      Finding s2 = f.get("incident/pagerduty/S2");
      assertEquals(Gap.CONFIG, s2.gaps().get(0), s2.scores().toString());
      assertEquals(
          "Ingress in production has a 30 s idle timeout, staging ingress has none, so the long"
              + " request got cut.",
          ofType(score(s2, Gap.CONFIG).evidence(), Evidence.EnvironmentsCompared.class)
              .get(0)
              .sentence());

      // the rows make it a sentence about data, not about how staging is set up
      GapScore s3 = score(f.get("incident/pagerduty/S3"), Gap.CONFIG);
      assertTrue(
          ofType(s3.evidence(), Evidence.EnvironmentsCompared.class).isEmpty(), s3.toString());
      assertFalse(f.get("incident/pagerduty/S3").gaps().contains(Gap.CONFIG), s3.toString());
    }
  }

  @Test
  void wordsAboutMocksCountOnlyWhenTheIncidentPointsAtAMockedDependency() throws Exception {
    String sandbox =
        "Since the deploy the sandbox never returned 429 but the real provider did; our mocks and"
            + " the wiremock stubs always answer 200.";
    try (Workspace w = Workspace.open(dir)) {
      history(w, "checkout");
      w.writes().upsert(incident("W1", "checkout", "2024-03-04T15:00:00Z", "Errors", sandbox));
      GapScore noMocksKnown = score(analyse(w).get("incident/pagerduty/W1"), Gap.MOCKS);
      assertTrue(noMocksKnown.text() > 0.3, noMocksKnown.toString());
      assertTrue(
          ofType(noMocksKnown.evidence(), Evidence.MockWordsAlone.class).isEmpty(),
          "with no mocks known, the words are all there is: " + noMocksKnown);

      stagingMock(w, "fedex", "wiremock: 1 stub (POST /fedex/ship)");
      Finding f = analyse(w).get("incident/pagerduty/W1");
      GapScore mocksKnown = score(f, Gap.MOCKS);
      assertEquals(0, mocksKnown.text(), mocksKnown.toString());
      assertEquals(0, mocksKnown.score(), 1e-9, mocksKnown.toString());
      assertEquals(
          List.of("fedex"),
          ofType(mocksKnown.evidence(), Evidence.MockWordsAlone.class).get(0).mocked());
      assertFalse(f.gaps().contains(Gap.MOCKS), f.gaps().toString());
    }
  }

  /** Staging of checkout mocks a dependency, as its mock folder says, from the start of 2024. */
  private static void stagingMock(Workspace w, String dependency, String stubs)
      throws java.io.IOException {
    w.writes()
        .upsert(
            fact(
                FactType.MOCK,
                "checkout",
                "staging",
                dependency,
                stubs,
                Double.NaN,
                "2024-01-01T00:00:00Z"));
  }

  private static GapScore score(Finding f, Gap g) {
    return f.scores().stream().filter(s -> s.gap() == g).findFirst().orElseThrow();
  }

  @Test
  void aMockedDependencyCountsOnlyForIncidentsThatPointAtIt() throws Exception {
    try (Workspace w = Workspace.open(dir)) {
      history(w, "checkout");
      stagingMock(
          w, "stripe", "wiremock: 2 stubs (POST /stripe/v1/refunds, GET /stripe/v1/charges/[^/]+)");
      w.writes()
          .upsert(
              incident(
                  "M1",
                  "checkout",
                  "2024-03-04T15:00:00Z",
                  "Refunds failing",
                  "Since the deploy every POST /v1/refunds came back 400."));
      w.writes()
          .upsert(
              incident(
                  "M2",
                  "checkout",
                  "2024-03-04T15:10:00Z",
                  "Checkout errors",
                  "Since the deploy the basket total was rounded wrong for some currencies."));
      Map<String, Finding> f = analyse(w);
      GapScore pointed =
          f.get("incident/pagerduty/M1").scores().stream()
              .filter(s -> s.gap() == Gap.MOCKS)
              .findFirst()
              .orElseThrow();
      Evidence.MockedDependency mock =
          ofType(pointed.evidence(), Evidence.MockedDependency.class).get(0);
      assertEquals("stripe", mock.dependency());
      assertEquals(Evidence.PointedBy.CALL, mock.pointedBy());
      assertEquals("/v1/refunds", mock.pointer());
      assertTrue(pointed.structure() > 0.9, pointed.toString());
      GapScore untouched =
          f.get("incident/pagerduty/M2").scores().stream()
              .filter(s -> s.gap() == Gap.MOCKS)
              .findFirst()
              .orElseThrow();
      assertEquals(0, untouched.structure(), untouched.toString());
      assertTrue(
          ofType(untouched.evidence(), Evidence.MockedDependency.class).isEmpty(),
          untouched.toString());
    }
  }

  @Test
  void rowCountsWithoutAServiceAreTiedToItThroughItsConfiguration() throws Exception {
    try (Workspace w = Workspace.open(dir)) {
      history(w, "shipping");
      for (String env : List.of("production", "staging")) {
        w.writes()
            .upsert(
                fact(
                    FactType.CONFIG,
                    "shipping",
                    env,
                    "db.url",
                    "jdbc:postgresql://db." + env + ":5432/shop?currentSchema=fulfilment",
                    Double.NaN,
                    "2024-02-01T00:00:00Z"));
      }
      w.writes()
          .upsert(
              fact(
                  FactType.DATA_VOLUME,
                  "",
                  "production",
                  "fulfilment.shipments",
                  "",
                  48_000_000,
                  "2024-02-01T00:00:00Z"));
      w.writes()
          .upsert(
              fact(
                  FactType.DATA_VOLUME,
                  "",
                  "staging",
                  "fulfilment.shipments",
                  "",
                  40_000,
                  "2024-02-01T00:00:00Z"));
      w.writes()
          .upsert(
              incident(
                  "D1",
                  "shipping",
                  "2024-03-04T15:00:00Z",
                  "Shipping slow",
                  "After the release the new query did a full table scan on shipments."));
      w.writes()
          .upsert(
              incident(
                  "D2",
                  "shipping",
                  "2024-03-04T15:10:00Z",
                  "Shipping slow",
                  "Label printing hung after the release."));
      Map<String, Finding> f = analyse(w);
      Evidence.Ratio named =
          ofType(evidence(f.get("incident/pagerduty/D1"), Gap.DATA), Evidence.Ratio.class).get(0);
      assertEquals("fulfilment.shipments", named.measuredOn());
      assertTrue(named.named(), "the incident names the table by its name");
      assertEquals(1200, named.ratio(), 0.001);
      assertEquals(Gap.DATA, f.get("incident/pagerduty/D1").gaps().get(0));
      List<Evidence.Ratio> tied =
          ofType(evidence(f.get("incident/pagerduty/D2"), Gap.DATA), Evidence.Ratio.class);
      assertEquals(1, tied.size(), "tied to shipping by its JDBC URL's schema");
      assertFalse(tied.get(0).named());
      assertTrue(tied.get(0).productionSource().contains("shipping"), tied.toString());
      List<dev.rehearsal.model.TableOwner> owners = new Engine(w).tableOwners();
      assertEquals("shipping", owners.get(0).service());
      assertTrue(owners.get(0).applied());
    }
  }

  /** A JUnit run of a service in staging with these test cases, all passed. */
  private static StagingRun junit(String id, String service, String at, List<String> cases) {
    return new StagingRun(
        "junit",
        id,
        service,
        "staging",
        "v1.0.0",
        "",
        RunType.TESTS,
        service + "-integration",
        Instant.parse(at),
        60,
        new TestSummary(cases.size(), cases.size(), 0, 0, 0, List.of(), cases),
        null,
        Records.prov("junit-xml", id));
  }

  @Test
  void stagingTestNamesTieATableToTheRunsServiceAndSurviveTheSnapshot() throws Exception {
    try (Workspace w = Workspace.open(dir)) {
      history(w, "orders");
      history(w, "checkout");
      for (String env : List.of("production", "staging")) {
        for (String table : List.of("shop.order_lines", "shop.log")) {
          w.writes()
              .upsert(
                  fact(
                      FactType.DATA_VOLUME,
                      "",
                      env,
                      table,
                      "",
                      env.equals("production") ? 9_000_000 : 3_000,
                      "2024-02-01T00:00:00Z"));
        }
      }
      w.writes()
          .upsert(
              junit(
                  "j1",
                  "orders",
                  "2024-03-02T10:00:00Z",
                  List.of(
                      "com.acme.orders.OrderLinesRepositoryIT.insertsLine",
                      "com.acme.orders.OrderLinesRepositoryIT.deletesLine",
                      "com.acme.orders.AuditLogIT.writesLog")));
      w.writes()
          .upsert(
              junit(
                  "j0",
                  "orders",
                  "2024-03-01T10:00:00Z",
                  List.of("com.acme.orders.OrderLinesRepositoryIT.insertsLine")));
      w.writes()
          .upsert(
              junit(
                  "j2",
                  "checkout",
                  "2024-03-02T10:00:00Z",
                  List.of("com.acme.checkout.CartFlowIT.logsIn")));
      w.writes().commit();
      Rules rules = new Rules(w.settings());
      AnalysisData fromIndex = AnalysisData.load(w, rules, dev.rehearsal.task.TaskMonitor.NONE);
      assertEquals(2, fromIndex.tableTests.size(), fromIndex.tableTests.toString());
      AnalysisData.TableTest first = fromIndex.tableTests.get(1);
      assertEquals("com.acme.orders.OrderLinesRepositoryIT.insertsLine", first.test());
      assertEquals("orders-integration", first.run());
      assertEquals(Instant.parse("2024-03-01T10:00:00Z").toEpochMilli(), first.at(), "earliest");
      AnalysisData fromSnapshot = AnalysisData.load(w, rules, dev.rehearsal.task.TaskMonitor.NONE);
      assertTrue(fromSnapshot.loadParts.containsKey("snapshot"), fromSnapshot.loadParts.toString());
      assertEquals(fromIndex.tableTests, fromSnapshot.tableTests);

      List<dev.rehearsal.model.TableOwner> owners = new Engine(w).tableOwners();
      assertEquals(1, owners.size(), "shop.log is too short a name to look for: " + owners);
      dev.rehearsal.model.TableOwner o = owners.get(0);
      assertEquals("shop.order_lines", o.table());
      assertEquals("orders", o.service());
      assertTrue(o.applied());
      assertEquals(Reason.Code.TABLE_NAMED_IN_TESTS, o.reasons().get(0).code());
      assertEquals("2", o.reasons().get(0).arg("cases"));
    }
  }

  @Test
  void trafficSpikeAgainstStagingLoadTests() throws Exception {
    try (Workspace w = Workspace.open(dir)) {
      history(w, "checkout");
      w.writes().upsert(load("k6-1", "checkout", "v1.3.0", "2024-03-04T10:00:00Z", 300));
      for (int day = 1; day <= 28; day++) {
        String d = String.format("2024-02-%02dT00:00:00Z", Math.min(day, 29));
        w.writes()
            .upsert(fact(FactType.TRAFFIC_PEAK, "checkout", "production", "peak_rps", "", 1000, d));
      }
      w.writes()
          .upsert(
              fact(
                  FactType.TRAFFIC_PEAK,
                  "checkout",
                  "production",
                  "peak_rps",
                  "",
                  4200,
                  "2024-03-04T00:00:00Z"));
      w.writes()
          .upsert(
              incident(
                  "T1",
                  "checkout",
                  "2024-03-04T15:00:00Z",
                  "Checkout slow",
                  "Everything was slow in the evening after the release."));
      Finding f = analyse(w).get("incident/pagerduty/T1");
      assertEquals(Gap.TRAFFIC, f.gaps().get(0), f.scores().toString());
      Evidence.TrafficPeak peak =
          ofType(f.scores().get(0).evidence(), Evidence.TrafficPeak.class).get(0);
      assertEquals(4200, peak.peakRps(), 0.001);
      assertEquals(4.2, peak.peakRps() / peak.medianRps(), 0.001);
      assertEquals(300, peak.stagingPeakRps(), 0.001);
      assertEquals(14, peak.overLoadTest(), 0.001);
      assertEquals("k6", peak.load().tool());
      assertEquals("v1.3.0", peak.load().version());
      assertEquals("test/k6-json.json:1", peak.load().location(), "the run's file and line");
      assertTrue(peak.carriesScore());
    }
  }

  @Test
  void aSpikeTheLoadTestOfTheShippedVersionReachedDoesNotCount() throws Exception {
    try (Workspace w = Workspace.open(dir)) {
      history(w, "checkout");
      w.writes().upsert(load("k6-1", "checkout", "v1.3.0", "2024-03-04T10:00:00Z", 5000));
      for (int day = 1; day <= 28; day++) {
        String d = String.format("2024-02-%02dT00:00:00Z", Math.min(day, 29));
        w.writes()
            .upsert(fact(FactType.TRAFFIC_PEAK, "checkout", "production", "peak_rps", "", 1000, d));
      }
      w.writes()
          .upsert(
              fact(
                  FactType.TRAFFIC_PEAK,
                  "checkout",
                  "production",
                  "peak_rps",
                  "",
                  4200,
                  "2024-03-04T00:00:00Z"));
      w.writes()
          .upsert(
              incident(
                  "T2",
                  "checkout",
                  "2024-03-04T15:00:00Z",
                  "Checkout slow",
                  "Everything was slow in the evening after the release."));
      Finding f = analyse(w).get("incident/pagerduty/T2");
      GapScore traffic =
          f.scores().stream().filter(s -> s.gap() == Gap.TRAFFIC).findFirst().orElseThrow();
      Evidence.TrafficPeak peak = ofType(traffic.evidence(), Evidence.TrafficPeak.class).get(0);
      assertEquals(5000, peak.stagingPeakRps(), 0.001);
      assertFalse(peak.carriesScore(), "staging exercised more than production's peak");
      assertEquals(0, traffic.structure(), traffic.toString());
    }
  }

  @Test
  void reviewsWinSurviveReanalysisAndTheEngineStillShows() throws Exception {
    try (Workspace w = Workspace.open(dir)) {
      history(w, "checkout");
      w.writes()
          .upsert(
              incident(
                  "R1",
                  "checkout",
                  "2024-03-04T15:00:00Z",
                  "Checkout errors",
                  "after the release"));
      Finding before = analyse(w).get("incident/pagerduty/R1");
      w.writes()
          .putReview(
              new Review(
                  "incident/pagerduty/R1",
                  List.of("deploy/gitlab/checkout-p2"),
                  Verdict.ESCAPE,
                  List.of(Gap.DATA),
                  "the migration of p2",
                  "sre",
                  Instant.now()));
      // re-import of the incident does not drop the review
      w.writes()
          .upsert(
              incident(
                  "R1",
                  "checkout",
                  "2024-03-04T15:00:00Z",
                  "Checkout errors",
                  "after the release"));
      Finding after = analyse(w).get("incident/pagerduty/R1");
      assertTrue(after.reviewed());
      assertEquals(List.of("deploy/gitlab/checkout-p2"), after.effectiveDeployKeys());
      assertEquals(List.of(Gap.DATA), after.effectiveGaps());
      assertEquals(
          before.links().stream().map(DeployLink::deployKey).toList(),
          after.links().stream().map(DeployLink::deployKey).toList(),
          "the engine's own answer is kept");
      // and the review teaches the engine how long this workspace's incidents take to surface
      Reason lag = only(after.links().get(0).reasons(), Code.LEARNED_LAG);
      assertEquals("1", lag.arg("samples"));
      assertEquals(String.valueOf(25 * 3_600_000L), lag.arg("medianMs"));
      assertEquals(1, w.facets().count(DocKind.REVIEW));
      assertEquals(w.facets().count(DocKind.INCIDENT), w.facets().count(DocKind.FINDING));
    }
  }

  @Test
  void enoughReviewedEscapesTeachTheGapsOfTheNextOnes() throws Exception {
    try (Workspace w = Workspace.open(dir)) {
      reviewedEscapes(w);
      Finding next = analyse(w).get("incident/pagerduty/N1");
      assertEquals(Verdict.ESCAPE, next.verdict(), next.toString());
      GapScore data = score(next, Gap.DATA);
      // by default the reviewed escapes teach through the text model, not a look-alike vote
      assertTrue(Double.isNaN(data.learned()), data.toString());
      Evidence.TextVote vote = ofType(data.evidence(), Evidence.TextVote.class).get(0);
      assertTrue(vote.model().contains("24 reviewed incidents"), vote.model());
    }
  }

  @Test
  void theLookAlikeVoteOfReviewedEscapesCanBeSwitchedOn() throws Exception {
    try (Workspace w = Workspace.open(dir)) {
      w.writes()
          .saveSettings(
              w.settings().with("gaps.weights.learned", JsonNodeFactory.instance.numberNode(0.5)));
      reviewedEscapes(w);
      // more reviewed escapes than gaps.learnedMinExamples, of two gaps of the five: the nearest
      // hold fewer gaps than there are, which the vote must take
      GapScore data = score(analyse(w).get("incident/pagerduty/N1"), Gap.DATA);
      assertTrue(data.learned() > 0.5, data.toString());
      assertEquals(1, ofType(data.evidence(), Evidence.LearnedVote.class).size());
    }
  }

  /**
   * Twenty-four incidents of a deploy reviewed as escapes, half data and half config, and one more
   * of the same deploy, N1, about rows.
   */
  private void reviewedEscapes(Workspace w) throws Exception {
    history(w, "checkout");
    for (int k = 0; k < 24; k++) {
      boolean data = k % 2 == 0;
      String id = "L" + k;
      w.writes()
          .upsert(
              incident(
                  id,
                  "checkout",
                  "2024-03-04T1" + (k % 10) + ":00:00Z",
                  "Checkout errors",
                  data
                      ? "the orders table has grown to millions of rows since the release"
                      : "the pool size and the timeout differ from staging since the release"));
      w.writes()
          .putReview(
              new Review(
                  "incident/pagerduty/" + id,
                  List.of("deploy/gitlab/checkout-p3"),
                  Verdict.ESCAPE,
                  List.of(data ? Gap.DATA : Gap.CONFIG),
                  "",
                  "sre",
                  Instant.now()));
    }
    w.writes()
        .upsert(
            incident(
                "N1",
                "checkout",
                "2024-03-04T15:30:00Z",
                "Checkout errors",
                "errors after the release: millions of rows in the orders table"));
  }

  /**
   * The service's v1.1.0 production deploy of 2 March (the one {@link #history} writes), carrying
   * the change titled "Refactor cut-off calculation".
   */
  private static Deploy titledDeploy(String service) {
    return new Deploy(
        "gitlab",
        service + "-p1",
        service,
        "production",
        "production",
        "v1.1.0",
        "aaaa1bbbbcccc",
        "v1.1.0",
        DeployStatus.SUCCEEDED,
        Instant.parse("2024-03-02T13:58:00Z"),
        Instant.parse("2024-03-02T14:00:00Z"),
        false,
        "Refactor cut-off calculation\n\nMoves the cut-off into the order service.",
        "bot",
        List.of("pipeline:" + service + "-p1"),
        "",
        dev.rehearsal.Records.prov("gitlab-json", service + "-p1"));
  }

  @Test
  void aQuotedChangeTitleLinksItsDeployAndARuledOutOneIsLowered() throws Exception {
    try (Workspace w = Workspace.open(dir)) {
      history(w, "checkout");
      // the change titled "Refactor cut-off calculation" shipped on the 2nd, two changes ago
      w.writes().upsert(titledDeploy("checkout"));
      w.writes()
          .upsert(
              incident(
                  "T1",
                  "checkout",
                  "2024-03-04T20:00:00Z",
                  "Late orders",
                  "Orders miss the cut-off since the \u201cRefactor cut-off calculation\u201d"
                      + " change."));
      w.writes()
          .upsert(
              incident(
                  "T2",
                  "checkout",
                  "2024-03-04T15:00:00Z",
                  "Checkout errors after the release",
                  "Errors after the release. v1.3.0 was ruled out early; the cause is elsewhere."));
      Map<String, Finding> f = analyse(w);
      Finding t1 = f.get("incident/pagerduty/T1");
      assertEquals("deploy/gitlab/checkout-p1", t1.links().get(0).deployKey(), t1.toString());
      assertTrue(t1.links().get(0).explicit());
      Reason cited = only(t1.links().get(0).reasons(), Code.CITED);
      assertEquals("title", cited.arg("cited"));
      Finding t2 = f.get("incident/pagerduty/T2");
      assertTrue(
          t2.links().stream().noneMatch(l -> l.deployKey().equals("deploy/gitlab/checkout-p3")),
          "the deploy it rules out is not linked: " + t2.links());
      DeployLink ruled = alternative(t2, "deploy/gitlab/checkout-p3");
      assertTrue(has(ruled.reasons(), Code.RULED_OUT), ruled.reasons().toString());
    }
  }

  @Test
  void aChangeRuledOutInWordsNoRuleKnowsIsLoweredByHowItsSentenceReads() throws Exception {
    try (Workspace w = Workspace.open(dir)) {
      history(w, "checkout");
      w.writes()
          .upsert(
              incident(
                  "M1",
                  "checkout",
                  "2024-03-04T15:00:00Z",
                  "Checkout errors after the release",
                  "Errors after the release. We checked v1.3.0: it only bumps a test"
                      + " dependency."));
      Finding m1 = analyse(w).get("incident/pagerduty/M1");
      assertTrue(
          m1.links().stream().noneMatch(l -> l.deployKey().equals("deploy/gitlab/checkout-p3")),
          "the deploy it rules out is not linked: " + m1.links());
      DeployLink ruled = alternative(m1, "deploy/gitlab/checkout-p3");
      Reason r = only(ruled.reasons(), Code.RULED_OUT);
      assertEquals("v1.3.0", r.arg("text"));
      assertTrue(r.decimal("probability") >= RuleOutModel.THRESHOLD, r.toString());
      assertEquals(String.valueOf(RuleOutModel.shipped().trainedOn()), r.arg("trainedOn"));
      assertFalse(r.arg("words").isEmpty(), r.toString());
    }
  }

  @Test
  void aTitleWrittenWithoutQuotesLinksItsServicesDeployOnly() throws Exception {
    try (Workspace w = Workspace.open(dir)) {
      history(w, "checkout");
      history(w, "billing");
      // checkout's change "Refactor cut-off calculation" shipped on the 2nd, two changes ago;
      // billing shipped a change of the same title the same day
      for (String service : List.of("checkout", "billing")) {
        w.writes().upsert(titledDeploy(service));
      }
      w.writes()
          .upsert(
              incident(
                  "W1",
                  "checkout",
                  "2024-03-04T20:00:00Z",
                  "Late orders",
                  "Orders miss the cut-off since *Refactor cut-off calculation* went out."));
      w.writes()
          .upsert(
              incident(
                  "W2",
                  "search",
                  "2024-03-04T20:00:00Z",
                  "Slow search",
                  "Search is slow while we review the refactor cut-off calculation work."));
      Map<String, Finding> f = analyse(w);
      Finding w1 = f.get("incident/pagerduty/W1");
      assertEquals("deploy/gitlab/checkout-p1", w1.links().get(0).deployKey(), w1.toString());
      assertTrue(w1.links().get(0).explicit());
      Reason cited = only(w1.links().get(0).reasons(), Code.CITED);
      assertEquals("title", cited.arg("cited"));
      assertEquals("Refactor cut-off calculation", cited.arg("text"));
      // a service the incident neither is nor names: its title said in passing links nothing
      Finding w2 = f.get("incident/pagerduty/W2");
      assertTrue(w2.links().isEmpty(), w2.links().toString());
    }
  }

  /**
   * Forty daily billing releases; when {@code cited} of them have an incident citing the release
   * twenty hours later, plus one incident twenty hours after the 38th release that cites nothing.
   */
  private Finding lateIncidents(Workspace w, int cited) throws Exception {
    Instant day1 = Instant.parse("2024-01-01T00:00:00Z");
    for (int k = 1; k <= 40; k++) {
      Instant at = day1.plus(java.time.Duration.ofDays(k - 1));
      w.writes()
          .upsert(
              deploy(
                  "billing-p" + k, "billing", "production", "v1." + k + ".0", "", at.toString()));
      if (k <= cited) {
        w.writes()
            .upsert(
                incident(
                    "L" + k,
                    "billing",
                    at.plusSeconds(20 * 3600).toString(),
                    "Invoices failing",
                    "Invoices fail to render after v1." + k + ".0 went out."));
      }
    }
    Instant onset = day1.plus(java.time.Duration.ofDays(37)).plusSeconds(20 * 3600);
    w.writes()
        .upsert(
            incident(
                "U",
                "billing",
                onset.toString(),
                "Invoices failing",
                "Invoices fail to render since the new build."));
    return analyse(w).get("incident/pagerduty/U");
  }

  /**
   * {@code changes} billing releases, each deployed to staging 40 days before production, a day
   * apart; then an incident half an hour after the last one reached production.
   */
  private Finding changesThatSoakInStaging(Workspace w, int changes) throws Exception {
    Instant day1 = Instant.parse("2024-01-01T09:00:00Z");
    for (int k = 1; k <= changes; k++) {
      Instant staged = day1.plus(java.time.Duration.ofDays(k));
      Instant shipped = staged.plus(java.time.Duration.ofDays(40));
      String v = "v3." + k + ".0";
      w.writes().upsert(deploy("soak-s" + k, "billing", "staging", v, "", staged.toString()));
      w.writes().upsert(deploy("soak-p" + k, "billing", "production", v, "", shipped.toString()));
      if (k == changes) {
        w.writes()
            .upsert(
                incident(
                    "S",
                    "billing",
                    shipped.plusSeconds(1800).toString(),
                    "Invoices failing",
                    "Invoices fail to render after " + v + " went out."));
      }
    }
    return analyse(w).get("incident/pagerduty/S");
  }

  @Test
  void changesThatWaitLongInStagingAreFoundThere() throws Exception {
    try (Workspace w = Workspace.open(dir)) {
      Finding s = changesThatSoakInStaging(w, 25);
      assertEquals("deploy/gitlab/soak-p25", s.links().get(0).deployKey(), s.toString());
      // staged forty days before, further back than the setting's 30 days: every change here waits
      // that long, so the lookback follows them
      assertEquals(Verdict.STAGED_UNTESTED, s.verdict(), s.toString());
    }
  }

  @Test
  void aFewChangesDoNotMoveTheStagingLookback() throws Exception {
    try (Workspace w = Workspace.open(dir)) {
      Finding s = changesThatSoakInStaging(w, 5);
      assertEquals(Verdict.NOT_STAGED, s.verdict(), s.toString());
      Reason notStaged = only(s.verdictReasons(), Code.NOT_STAGED);
      assertEquals("30", notStaged.arg("days"));
      assertEquals("0", notStaged.arg("learnedOn"));
      assertTrue(
          Sentences.of(notStaged).contains("in the 30 days before"), Sentences.of(notStaged));
    }
  }

  /**
   * Twenty-four billing incidents that cite nothing, one after each of the first twenty-four
   * releases, {@code hoursAfter(k)} hours after release k.
   */
  private static void uncitedIncidents(
      Workspace w, java.util.function.IntToDoubleFunction hoursAfter) throws Exception {
    Instant day1 = Instant.parse("2024-01-01T00:00:00Z");
    for (int k = 1; k <= 24; k++) {
      long seconds = Math.round(hoursAfter.applyAsDouble(k) * 3600);
      w.writes()
          .upsert(
              incident(
                  "N" + k,
                  "billing",
                  day1.plus(java.time.Duration.ofDays(k - 1)).plusSeconds(seconds).toString(),
                  "Invoices slow",
                  "Invoices render slowly since the new build."));
    }
  }

  @Test
  void aSuspectByTimeMustBeginWhereIncidentsOutnumberChance() throws Exception {
    try (Workspace w = Workspace.open(dir)) {
      // the other incidents begin at every hour after a release: twenty hours after one is what
      // chance gives a service that ships daily
      uncitedIncidents(w, k -> k - 0.5);
      Finding u = lateIncidents(w, 0);
      assertTrue(u.links().isEmpty(), u.toString());
      assertEquals(Verdict.NOT_CHANGE_RELATED, u.verdict(), u.toString());
    }
  }

  @Test
  void aSuspectByTimeSaysHowManyIncidentsBeganThatLongAfterTheirDeploy() throws Exception {
    try (Workspace w = Workspace.open(dir)) {
      // every other incident also began twenty hours after a release: three times chance
      uncitedIncidents(w, k -> 20);
      Finding u = lateIncidents(w, 0);
      DeployLink link = u.links().get(0);
      assertEquals("deploy/gitlab/billing-p38", link.deployKey());
      assertTrue(link.byTimeAlone(), u.toString());
      Reason suspect = only(link.reasons(), Code.SUSPECT_BY_TIME);
      assertEquals("25", suspect.arg("observed"), suspect.toString());
      assertEquals(String.valueOf(16 * 3_600_000L), suspect.arg("bandFromMs"));
      assertEquals(String.valueOf(32 * 3_600_000L), suspect.arg("bandToMs"));
      assertTrue(
          suspect.decimal("expected") > 5 && suspect.decimal("expected") < 12, suspect.toString());
      assertTrue(
          Sentences.of(suspect)
              .contains("25 incidents here that cite nothing began between 16 h and 32 h after"),
          Sentences.of(suspect));
    }
  }

  @Test
  void theLastOwnDeployWithNothingAfterItIsASuspectByTimeAlone() throws Exception {
    try (Workspace w = Workspace.open(dir)) {
      Finding u = lateIncidents(w, 0);
      assertEquals(1, u.links().size(), u.toString());
      DeployLink link = u.links().get(0);
      assertEquals("deploy/gitlab/billing-p38", link.deployKey());
      assertTrue(link.byTimeAlone(), "twenty hours is long for the prior: a suspect by time alone");
      assertTrue(link.confidence() < 0.6, "with a lower confidence: " + link.confidence());
      Reason suspect = only(link.reasons(), Code.SUSPECT_BY_TIME);
      assertEquals("0", suspect.arg("calibratedOn"), "no incident's change is known");
      assertTrue(Sentences.of(suspect).contains("suspect by time alone"));
    }
  }

  @Test
  void theLagIsLearnedFromTheIncidentsThatCiteTheirChange() throws Exception {
    try (Workspace w = Workspace.open(dir)) {
      Finding u = lateIncidents(w, 35);
      DeployLink link = u.links().get(0);
      assertEquals("deploy/gitlab/billing-p38", link.deployKey());
      assertFalse(
          link.byTimeAlone(), "thirty-five incidents began twenty hours after their change");
      Reason lag = only(link.reasons(), Code.LEARNED_LAG);
      assertEquals("35", lag.arg("samples"));
      assertEquals(String.valueOf(20 * 3_600_000L), lag.arg("medianMs"));
      assertTrue(lag.decimal("share") > 0.6, lag.toString());
      assertTrue(Sentences.of(lag).contains("35 incidents here"), Sentences.of(lag));
    }
  }

  @Test
  void theThresholdIsSetOnTheIncidentsWhoseChangeIsKnown() throws Exception {
    try (Workspace w = Workspace.open(dir)) {
      // the incident blames an outside cause, so nothing is linked and the reason shows the
      // threshold the known incidents set
      Instant day1 = Instant.parse("2024-01-01T00:00:00Z");
      lateIncidents(w, 35);
      w.writes()
          .upsert(
              incident(
                  "X",
                  "billing",
                  day1.plus(java.time.Duration.ofDays(38)).plusSeconds(20 * 3600).toString(),
                  "Invoices failing",
                  "The TLS certificate expired; certificate expired alerts fired."));
      Finding x = analyse(w).get("incident/pagerduty/X");
      assertTrue(x.links().isEmpty(), x.toString());
      Reason below = only(x.verdictReasons(), Code.BELOW_THRESHOLD);
      assertEquals("35", below.arg("calibratedOn"));
      assertTrue(
          Sentences.of(below).contains("on 35 incidents whose change is known"),
          Sentences.of(below));
    }
  }
}
