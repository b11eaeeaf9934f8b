package dev.rehearsal.index;

import static dev.rehearsal.Records.deploy;
import static dev.rehearsal.Records.incident;
import static dev.rehearsal.Records.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.Records;
import dev.rehearsal.model.Deploy;
import dev.rehearsal.model.DeployStatus;
import dev.rehearsal.model.DeployStatusEvent;
import dev.rehearsal.model.Incident;
import dev.rehearsal.model.IncidentRow;
import dev.rehearsal.model.Rejection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceTest {
  @TempDir Path dir;

  private void fill(Workspace w) throws Exception {
    w.writes()
        .upsert(
            incident(
                "P1",
                "Checkout latency above SLO",
                "The connection pool was exhausted after the deploy of v2.14.3",
                "Checkout API",
                "2024-03-01T10:00:00Z"));
    w.writes()
        .upsert(
            incident(
                "P2",
                "Search returns nothing",
                "Index rebuild failed",
                "search-svc",
                "2024-03-05T10:00:00Z"));
    w.writes()
        .upsert(
            deploy(
                "101",
                "checkout-service",
                "production",
                "v2.14.3",
                "abc1234def",
                "2024-03-01T09:30:00Z",
                DeployStatus.SUCCEEDED));
    w.writes()
        .upsert(
            deploy(
                "102",
                "checkout-service",
                "staging",
                "v2.14.3",
                "abc1234def",
                "2024-02-29T09:30:00Z",
                DeployStatus.SUCCEEDED));
    w.writes().upsert(run("r1", "checkout", "v2.14.3", "2024-02-29T10:00:00Z", 40, 0));
    w.writes().commit();
  }

  @Test
  void emptyWorkspaceOpensAndCountsZero() throws Exception {
    try (Workspace w = Workspace.open(dir)) {
      assertEquals(0, w.facets().count(DocKind.INCIDENT));
      assertTrue(Files.isDirectory(dir.resolve("index-v" + Schema.VERSION)));
    }
    assertTrue(Workspace.exists(dir));
  }

  @Test
  void upsertingTheSameRecordTwiceKeepsOne() throws Exception {
    try (Workspace w = Workspace.open(dir)) {
      fill(w);
      fill(w);
      assertEquals(2, w.facets().count(DocKind.INCIDENT));
      assertEquals(2, w.facets().count(DocKind.DEPLOY));
      assertEquals(1, w.facets().count(DocKind.RUN));
      // a changed record under the same key replaces the old one
      w.writes()
          .upsert(
              incident(
                  "P1",
                  "Checkout latency above SLO (updated)",
                  "",
                  "Checkout API",
                  "2024-03-01T10:00:00Z"));
      w.writes().commit();
      assertEquals(2, w.facets().count(DocKind.INCIDENT));
      assertEquals(
          "Checkout latency above SLO (updated)",
          w.records().get("incident/pagerduty/P1", Incident.class).orElseThrow().title());
    }
  }

  @Test
  void reopeningKeepsWhatWasCommittedAndNothingElse() throws Exception {
    try (Workspace w = Workspace.open(dir)) {
      fill(w);
      w.writes().upsert(incident("P3", "uncommitted", "", "x", "2024-03-06T10:00:00Z"));
      // closed without commit: P3 must not survive
    }
    try (Workspace w = Workspace.open(dir)) {
      assertEquals(2, w.facets().count(DocKind.INCIDENT));
      Incident i = w.records().get("incident/pagerduty/P1", Incident.class).orElseThrow();
      assertEquals(Instant.parse("2024-03-01T10:00:00Z"), i.startedAt());
      assertEquals("pagerduty-json", i.provenance().format());
      assertTrue(w.records().record("incident/pagerduty/P3").isEmpty());
    }
  }

  @Test
  void aSchemaVersionChangeRebuildsTheIndexFromStoredRecords() throws Exception {
    try (Workspace w = Workspace.open(dir, 1)) {
      fill(w);
      w.writes().importStore().rejected(new Rejection("a.csv", 3, 2, "x", "bad time"));
      w.writes().commit();
    }
    try (Workspace w = Workspace.open(dir, 2)) {
      assertFalse(Files.exists(dir.resolve("index-v1")), "the old index is removed");
      assertTrue(Files.isDirectory(dir.resolve("index-v2")));
      assertTrue(w.openNotes().get(0).contains("rebuilt from schema v1 to v2"));
      assertEquals(2, w.facets().count(DocKind.INCIDENT));
      assertEquals(2, w.facets().count(DocKind.DEPLOY));
      assertEquals(1, w.records().rejections(null, 10).size());
      // the rebuilt index answers searches, not only counts
      assertEquals(1, w.records().search(SearchRequest.of("connection pool")).total());
    }
    // an index written by a newer version is refused, not misread
    try (Workspace w = Workspace.open(dir, 2)) {
      w.writes().commit();
    }
    assertThrows(java.io.IOException.class, () -> Workspace.open(dir, 1).close());
  }

  @Test
  void aRebuildKeepsReviewsAndDropsFindingsForTheNextAnalysisToRemake() throws Exception {
    // a finding written by an older schema is in an older stored form: it is not carried over
    try (Workspace w = Workspace.open(dir, 1)) {
      fill(w);
      w.writes()
          .putReview(
              new dev.rehearsal.model.Review(
                  "incident/pagerduty/P1",
                  null,
                  dev.rehearsal.model.Verdict.ESCAPE,
                  List.of(dev.rehearsal.model.Gap.CONFIG),
                  "pool size",
                  "sam",
                  Instant.parse("2024-03-02T10:00:00Z")));
      w.writes()
          .putFinding(
              new dev.rehearsal.model.Finding(
                  "incident/pagerduty/P1",
                  Instant.parse("2024-03-01T10:00:00Z"),
                  List.of("checkout"),
                  List.of(),
                  0,
                  false,
                  dev.rehearsal.model.Verdict.NOT_CHANGE_RELATED,
                  List.of(),
                  List.of(),
                  List.of(),
                  List.of(),
                  null,
                  List.of()));
      w.writes().commit();
      assertEquals(1, w.facets().count(DocKind.FINDING));
    }
    try (Workspace w = Workspace.open(dir, 2)) {
      assertEquals(0, w.facets().count(DocKind.FINDING));
      assertEquals(1, w.facets().count(DocKind.REVIEW));
      assertEquals(
          "pool size",
          w.records()
              .get("review/incident/pagerduty/P1", dev.rehearsal.model.Review.class)
              .orElseThrow()
              .note());
    }
  }

  @Test
  void manyReadAtOnceAndOneWritesWhileAnotherWaitsOrSaysWhoWrites() throws Exception {
    try (Workspace a = Workspace.open(dir);
        Workspace b = Workspace.open(dir)) {
      a.whenBusy("rehearsal import", java.time.Duration.ZERO, m -> {});
      a.writes().upsert(incident("P1", "One", "body", "checkout", "2024-03-01T10:00:00Z"));
      // a holds the writer until it commits: b reads, and its write is refused naming a
      b.whenBusy("Rehearsal window", java.time.Duration.ZERO, m -> {});
      assertEquals(0, b.facets().count(DocKind.INCIDENT), "b reads the last commit");
      WorkspaceBusyException busy =
          assertThrows(
              WorkspaceBusyException.class,
              () ->
                  b.writes()
                      .upsert(incident("P2", "Two", "body", "checkout", "2024-03-02T10:00:00Z")));
      assertTrue(
          busy.getMessage()
              .contains(
                  "is being written by rehearsal import (process " + ProcessHandle.current().pid()),
          busy.getMessage());
      // b waits for a when told to, and says so once
      List<String> notices = new java.util.concurrent.CopyOnWriteArrayList<>();
      b.whenBusy("Rehearsal window", java.time.Duration.ofSeconds(20), notices::add);
      var writer =
          java.util.concurrent.CompletableFuture.runAsync(
              () -> {
                try {
                  b.writes()
                      .upsert(incident("P2", "Two", "body", "checkout", "2024-03-02T10:00:00Z"));
                  b.writes().commit();
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              });
      Thread.sleep(600);
      a.writes().commit();
      writer.get(20, java.util.concurrent.TimeUnit.SECONDS);
      assertEquals(1, notices.size(), notices.toString());
      assertTrue(notices.get(0).startsWith("waiting for rehearsal import"), notices.get(0));
      Thread.sleep(1100); // a sees b's commit at its next look
      assertEquals(2, a.facets().count(DocKind.INCIDENT));
      assertFalse(Files.exists(dir.resolve("writer.json")), "nobody writes now");
    }
  }

  @Test
  void searchAcrossKindsWithFiltersSortingPagingAndHighlights() throws Exception {
    try (Workspace w = Workspace.open(dir)) {
      fill(w);
      SearchResult all = w.records().search(SearchRequest.of(""));
      assertEquals(5, all.total());
      // newest first by default
      assertEquals("incident/pagerduty/P2", all.hits().get(0).key());

      SearchResult version = w.records().search(SearchRequest.of("v2.14.3"));
      assertEquals(4, version.total(), "incident text, two deploys and the run cite it");

      SearchResult deploys =
          w.records()
              .search(
                  SearchRequest.of("v2.14.3")
                      .withKinds(Set.of(DocKind.DEPLOY))
                      .withEnvironment("production"));
      assertEquals(1, deploys.total());
      assertInstanceOf(Deploy.class, deploys.hits().get(0).record());

      SearchResult byService = w.records().search(SearchRequest.of("").withService("checkout"));
      assertEquals(4, byService.total(), "aliases: Checkout API, checkout-service, checkout");

      SearchResult range =
          w.records()
              .search(
                  SearchRequest.of("")
                      .withRange(
                          Instant.parse("2024-03-01T00:00:00Z"),
                          Instant.parse("2024-03-02T00:00:00Z")));
      assertEquals(2, range.total());

      SearchResult phrase = w.records().search(SearchRequest.of("\"connection pool\""));
      assertEquals(1, phrase.total());
      String snippet = phrase.hits().get(0).snippets().get(0);
      assertTrue(snippet.contains("<mark>connection pool</mark>"), snippet);

      SearchResult fielded = w.records().search(SearchRequest.of("title:search"));
      assertEquals(1, fielded.total());

      SearchResult oldest =
          w.records()
              .search(SearchRequest.of("").withSort(SearchRequest.Sort.OLDEST).withPage(1, 2));
      assertEquals(5, oldest.total(), "the total does not depend on the page");
      assertEquals(2, oldest.hits().size());
      assertEquals(
          "run/junit/r1", oldest.hits().get(0).key(), "2nd oldest: staging deploy, then run");

      SearchResult tests = w.records().search(SearchRequest.of("OrderIT"));
      assertEquals(1, tests.total(), "test names are searchable");
    }
  }

  @Test
  void aSyntaxErrorIsAMessageNotAStackTrace() throws Exception {
    try (Workspace w = Workspace.open(dir)) {
      SearchSyntaxException e =
          assertThrows(
              SearchSyntaxException.class,
              () -> w.records().search(SearchRequest.of("title:(unclosed")));
      assertTrue(
          e.getMessage().startsWith("the query \"title:(unclosed\" is not valid"), e.getMessage());
      assertFalse(e.getMessage().contains("Exception"), e.getMessage());
    }
  }

  @Test
  void pagingLimitsAreChecked() {
    assertThrows(IllegalArgumentException.class, () -> SearchRequest.of("x").withPage(0, 5000));
    assertThrows(IllegalArgumentException.class, () -> SearchRequest.of("x").withPage(200_000, 10));
  }

  @Test
  void rejectionsAreKeptPerFileAndClearedWhenTheFileIsImportedAgain() throws Exception {
    try (Workspace w = Workspace.open(dir)) {
      var store = w.writes().importStore();
      store.rejected(new Rejection("a.csv", 3, 2, "csv", "no time"));
      store.rejected(new Rejection("a.csv", 9, 8, "csv", "bad date"));
      store.rejected(new Rejection("b.csv", 2, 1, "csv", "no id"));
      store.commit();
      assertEquals(3, w.records().rejections(null, 100).size());
      assertEquals(
          List.of(3L, 9L),
          w.records().rejections("a.csv", 100).stream().map(Rejection::line).toList());
      store.clearRejections("a.csv");
      store.commit();
      assertEquals(1, w.records().rejections(null, 100).size());
    }
  }

  @Test
  void pagesOfRowsKeepTheirOrderWhateverOrderTheirDocumentsHave() throws Exception {
    try (Workspace w = Workspace.open(dir)) {
      // 300 deploys over three commits (three segments), their times shuffled against the order
      // they are written in
      List<Integer> minutes = new java.util.ArrayList<>();
      for (int i = 0; i < 300; i++) {
        minutes.add(i);
      }
      java.util.Collections.shuffle(minutes, new java.util.Random(5));
      for (int i = 0; i < 300; i++) {
        w.writes()
            .upsert(
                deploy(
                    "d" + i,
                    "web",
                    "production",
                    "v" + minutes.get(i),
                    "",
                    Instant.parse("2024-01-01T00:00:00Z")
                        .plusSeconds(60L * minutes.get(i))
                        .toString(),
                    DeployStatus.SUCCEEDED));
        if (i % 100 == 99) {
          w.writes().commit();
        }
      }
      try (SortedRows<Deploy> rows =
          w.records()
              .rows(SearchRequest.of("").withKinds(Set.of(DocKind.DEPLOY)), true, Deploy.class)) {
        assertEquals(300, rows.size());
        List<String> read = new java.util.ArrayList<>();
        for (int from = 0; from < 300; from += 37) {
          rows.page(from, 37).forEach(d -> read.add(d.version()));
        }
        List<String> newestFirst = new java.util.ArrayList<>();
        for (int m = 299; m >= 0; m--) {
          newestFirst.add("v" + m);
        }
        assertEquals(newestFirst, read);
        assertEquals(
            List.of("v3", "v2", "v1", "v0"),
            rows.page(296, 10).stream().map(Deploy::version).toList());
        assertEquals(List.of(), rows.page(300, 10));
      }
    }
  }

  @Test
  void deployStatusesArrivingApartAreFoldedIntoTheirDeployInEitherOrder() throws Exception {
    try (Workspace w = Workspace.open(dir)) {
      var store = w.writes().importStore();
      Deploy d =
          deploy(
              "555", "web", "production", "v1", "", "2024-01-01T10:00:00Z", DeployStatus.UNKNOWN);
      // statuses first (their deploy is not imported yet)
      store.upsertStatus(
          new DeployStatusEvent(
              "gitlab",
              "555",
              "s1",
              DeployStatus.IN_PROGRESS,
              Instant.parse("2024-01-01T09:59:00Z"),
              "production",
              "",
              Records.prov("gh", "s1")));
      store.upsertStatus(
          new DeployStatusEvent(
              "gitlab",
              "555",
              "s2",
              DeployStatus.FAILED,
              Instant.parse("2024-01-01T10:05:00Z"),
              "production",
              "",
              Records.prov("gh", "s2")));
      store.commit();
      store.upsert(d);
      store.commit();
      assertEquals(
          DeployStatus.FAILED, w.records().get(d.key(), Deploy.class).orElseThrow().status());
      assertEquals(Map.of("failed", 1L), w.facets().valueCounts(DocKind.DEPLOY, Schema.STATUS));
    }
  }

  @Test
  void aliasChangesReachTheServiceFilter() throws Exception {
    try (Workspace w = Workspace.open(dir)) {
      fill(w);
      assertEquals(1, w.records().search(SearchRequest.of("").withService("search")).total());
      w.writes().saveAliases(Map.of("search-svc", "discovery"));
      assertEquals(0, w.records().search(SearchRequest.of("").withService("search")).total());
      assertEquals(1, w.records().search(SearchRequest.of("").withService("discovery")).total());
    }
    try (Workspace w = Workspace.open(dir)) {
      assertEquals(Map.of("search-svc", "discovery"), w.files().aliases());
      assertEquals(
          Set.of("checkout", "discovery"),
          w.facets().valueCounts(DocKind.INCIDENT, Schema.SERVICE).keySet());
      assertTrue(EnumSet.allOf(DocKind.class).size() > 4);
    }
  }

  private static dev.rehearsal.model.Finding finding(
      String incidentKey, dev.rehearsal.model.Verdict verdict, List<dev.rehearsal.model.Gap> gaps) {
    return new dev.rehearsal.model.Finding(
        incidentKey,
        Instant.parse("2024-03-01T10:00:00Z"),
        List.of("checkout-api"),
        List.of(),
        0.8,
        false,
        verdict,
        List.of(),
        gaps,
        List.of(),
        List.of(),
        null,
        List.of());
  }

  private static Set<String> storedFindingKeys(Workspace w) throws Exception {
    Set<String> keys = new java.util.TreeSet<>();
    w.records()
        .forEach(
            DocKind.FINDING, dev.rehearsal.model.Finding.class, f -> keys.add(f.incidentKey()));
    return keys;
  }

  @Test
  void replacingFindingsDeletesTheEarlierOnesOnlyOnceAllTheNewOnesAreMade() throws Exception {
    var escape = dev.rehearsal.model.Verdict.ESCAPE;
    try (Workspace w = Workspace.open(dir)) {
      w.writes()
          .replaceFindings(
              List.of(
                  finding("incident/x/A", escape, List.of()),
                  finding("incident/x/B", escape, List.of())));
      w.writes().commit();
      assertEquals(Set.of("incident/x/A", "incident/x/B"), storedFindingKeys(w));

      // the third finding cannot be made: the two made before it are taken back, and the
      // earlier findings stay, even once something else is committed
      IllegalStateException e =
          assertThrows(
              IllegalStateException.class,
              () ->
                  w.writes()
                      .replaceFindings(
                          3,
                          i -> {
                            if (i == 2) {
                              throw new IllegalStateException("broken");
                            }
                            return finding("incident/x/N" + i, escape, List.of());
                          }));
      assertEquals("broken", e.getMessage());
      w.writes().commit();
      assertEquals(Set.of("incident/x/A", "incident/x/B"), storedFindingKeys(w));

      // a replacement that succeeds leaves only its own, one document per incident
      w.writes()
          .replaceFindings(2, i -> finding("incident/x/" + (char) ('B' + i), escape, List.of()));
      w.writes().commit();
      assertEquals(Set.of("incident/x/B", "incident/x/C"), storedFindingKeys(w));
      assertEquals(2, w.facets().count(DocKind.FINDING));
    }
  }

  @Test
  void tableRowsCarryTheCommittedFindings() throws Exception {
    try (Workspace w = Workspace.open(dir)) {
      fill(w);
      Incident p1 =
          incident(
              "P1",
              "Checkout latency above SLO",
              "The connection pool was exhausted after the deploy of v2.14.3",
              "Checkout API",
              "2024-03-01T10:00:00Z");
      w.writes()
          .putFinding(
              finding(
                  p1.key(),
                  dev.rehearsal.model.Verdict.ESCAPE,
                  List.of(dev.rehearsal.model.Gap.CONFIG, dev.rehearsal.model.Gap.DATA)));
      w.writes().commit();
      List<IncidentRow> rows;
      try (SortedRows<IncidentRow> all = w.records().incidentRows("")) {
        rows = all.page(0, 100);
      }
      assertEquals(2, rows.size());
      IncidentRow row =
          rows.stream().filter(r -> r.key().equals(p1.key())).findFirst().orElseThrow();
      assertEquals("Checkout latency above SLO", row.title());
      assertEquals("#P1", row.reference());
      assertEquals("P2", row.severity());
      assertEquals("escape", row.verdict());
      assertEquals(List.of("config", "data"), row.gaps());
      // read once per version of the index, not once per search
      org.junit.jupiter.api.Assertions.assertSame(
          w.records().findingSummaries(), w.records().findingSummaries());

      // a new analysis's finding is seen as soon as it is committed
      w.writes().putFinding(finding(p1.key(), dev.rehearsal.model.Verdict.NOT_STAGED, List.of()));
      w.writes().commit();
      try (SortedRows<IncidentRow> matching = w.records().incidentRows("checkout")) {
        assertEquals(1, matching.size());
        row = matching.page(0, 10).get(0);
      }
      assertEquals(p1.key(), row.key());
      assertEquals("not_staged", row.verdict());
      assertEquals(List.of(), row.gaps());
    }
  }
}
