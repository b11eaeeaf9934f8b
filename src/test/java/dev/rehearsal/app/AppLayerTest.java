package dev.rehearsal.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.analysis.Aggregates;
import dev.rehearsal.demo.ScenarioGenerator;
import dev.rehearsal.importers.FileReport;
import dev.rehearsal.importers.ImportPlan;
import dev.rehearsal.model.DeployLink;
import dev.rehearsal.model.Finding;
import dev.rehearsal.model.Gap;
import dev.rehearsal.model.Incident;
import dev.rehearsal.model.IncidentRow;
import dev.rehearsal.model.Review;
import dev.rehearsal.model.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The use cases the command line and the window share, on one small demo workspace. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AppLayerTest {
  @TempDir static Path dir;
  private Session session;
  private Demo.Built built;

  @BeforeAll
  void demo() throws Exception {
    session = Session.openOrCreate(dir.resolve("ws"));
    built =
        Demo.build(
            session,
            dir.resolve("scenario"),
            new ScenarioGenerator.Options(5, 150, 3000, -1, 10),
            null);
  }

  @AfterAll
  void close() throws Exception {
    session.close();
  }

  @Test
  void theDemoIsImportedAnalysedAndMarked() throws Exception {
    assertTrue(session.created());
    assertTrue(session.isDemo(), "marked as demo data");
    assertEquals(0, built.imported().summary().rejected());
    assertNotNull(built.imported().analysis(), "imported, then analysed");
    assertEquals(150, built.imported().analysis().incidents());
    assertTrue(session.analyses().analysed());
    assertTrue(session.inventory().demo());
  }

  @Test
  void aFolderThatHoldsNoWorkspaceIsRefusedByOpenAndMadeByOpenOrCreate() throws Exception {
    Path empty = dir.resolve("not-a-workspace");
    NotAWorkspaceException e =
        assertThrows(NotAWorkspaceException.class, () -> Session.open(empty));
    assertTrue(e.getMessage().contains("is not a Rehearsal workspace"), e.getMessage());
    assertTrue(e.getMessage().contains("rehearsal import --workspace"), e.getMessage());
    assertFalse(Files.exists(empty), "opening to read creates nothing");
    try (Session s = Session.openOrCreate(empty)) {
      assertTrue(s.created());
      assertTrue(s.isEmpty());
    }
    try (Session s = Session.open(empty)) {
      assertFalse(s.created());
    }
  }

  @Test
  void aPlanShowsFormatsConfidencePreviewAndWhatFilesLack() throws Exception {
    ImportPlan plan =
        session
            .imports()
            .plan(
                List.of(
                    built.scenario().out().resolve("incidents"),
                    fixture("jenkins-junit-plugin/junit-report-1233.xml")),
                session.imports().defaults());
    ImportPlan.File incidents =
        plan.files().stream()
            .filter(f -> f.kind() == dev.rehearsal.model.RecordKind.INCIDENT)
            .findFirst()
            .orElseThrow();
    assertTrue(incidents.confidence() >= 50, incidents.toString());
    assertEquals(Imports.PREVIEW_RECORDS, incidents.preview().size(), "the first records");
    assertTrue(incidents.lacks().isEmpty(), incidents.lacks().toString());
    ImportPlan.File junit =
        plan.files().stream()
            .filter(f -> f.file().endsWith("junit-report-1233.xml"))
            .findFirst()
            .orElseThrow();
    assertEquals(FileReport.Status.IMPORTED, junit.status());
    assertTrue(
        junit.lacks().containsAll(List.of(ImportPlan.Lack.SERVICE, ImportPlan.Lack.VERSION)),
        "a real JUnit report says neither service nor version: " + junit.lacks());
    long before = session.inventory().documents().get("incident");
    assertEquals(150, before, "planning writes nothing");
  }

  /** A real export file: from the folder the build points at, else the project's own copy. */
  private static Path fixture(String path) {
    Path shared = Path.of(System.getProperty("rehearsal.fixtures", "../shared/fixtures/real"));
    return (Files.isRegularFile(shared.resolve(path))
            ? shared
            : Path.of("src/test/resources/fixtures"))
        .resolve(path);
  }

  @Test
  void theIncidentTablePagesThroughEveryIncidentNewestFirst() throws Exception {
    try (Rows.Source<IncidentRow> rows = session.rows().incidents("")) {
      assertEquals(150, rows.size());
      List<IncidentRow> first = rows.page(0, 100);
      List<IncidentRow> rest = rows.page(100, 100);
      assertEquals(100, first.size());
      assertEquals(50, rest.size(), "the last page is short");
      for (int i = 1; i < first.size(); i++) {
        assertFalse(first.get(i).onset().isAfter(first.get(i - 1).onset()), "newest first");
      }
      assertTrue(first.stream().anyMatch(r -> !r.verdict().isEmpty()), "rows carry the verdict");
    }
    assertThrows(Rows.QuerySyntaxException.class, () -> session.rows().incidents("title:(broken"));
  }

  /**
   * A table reads its pages in whatever order the user scrolls, each page's rows from the readers
   * and the buffer kept since the last page: every page read so equals the same rows read at once.
   */
  @Test
  void pagesReadInAnyOrderAndAgainAreTheRowsReadAtOnce() throws Exception {
    try (Rows.Source<dev.rehearsal.model.Deploy> rows = session.rows().deploys("")) {
      List<dev.rehearsal.model.Deploy> all = rows.page(0, rows.size());
      assertTrue(all.size() > 100, "deploys: " + all.size());
      int size = 37;
      int pages = (all.size() + size - 1) / size;
      List<Integer> order = new java.util.ArrayList<>();
      order.add(pages - 1);
      for (int p = 0; p < pages; p += 2) {
        order.add(p);
      }
      for (int p = pages - 2; p >= 0; p -= 3) {
        order.add(p);
      }
      order.add(pages - 1);
      for (int p : order) {
        int from = p * size;
        assertEquals(
            all.subList(from, Math.min(all.size(), from + size)),
            rows.page(from, size),
            "page " + p);
      }
    }
    try (Rows.Source<IncidentRow> rows = session.rows().incidents("")) {
      List<IncidentRow> all = rows.page(0, rows.size());
      assertEquals(all.subList(120, 150), rows.page(120, 40));
      assertEquals(all.subList(0, 30), rows.page(0, 30));
      assertEquals(all.subList(60, 90), rows.page(60, 30));
    }
  }

  @Test
  void theIncidentTableIsOrderedAndFilteredByWhatItsFindingsSay() throws Exception {
    List<IncidentRow> all;
    try (Rows.Source<IncidentRow> rows = session.rows().incidents("")) {
      all = rows.page(0, rows.size());
    }
    long escapes = all.stream().filter(r -> r.verdict().equals("escape")).count();
    long config = all.stream().filter(r -> r.gaps().contains("config")).count();
    assertTrue(escapes > 0 && escapes < all.size(), "the demo has escapes and others");
    try (Rows.Source<IncidentRow> rows = session.rows().incidents("verdict:escape")) {
      assertEquals(escapes, rows.size());
      assertTrue(rows.page(0, rows.size()).stream().allMatch(r -> r.verdict().equals("escape")));
    }
    try (Rows.Source<IncidentRow> rows = session.rows().incidents("gap:config")) {
      assertEquals(config, rows.size());
    }
    // the values read their own way: a verdict's other names, yes and no, "at least" a confidence
    try (Rows.Source<IncidentRow> rows = session.rows().incidents("verdict:\"passed staging\"")) {
      assertEquals(escapes, rows.size());
    }
    long unreviewed = all.stream().filter(r -> !r.reviewed()).count();
    for (String q : List.of("reviewed:no", "reviewed:false", "reviewed:0")) {
      try (Rows.Source<IncidentRow> rows = session.rows().incidents(q)) {
        assertEquals(unreviewed, rows.size(), q);
      }
    }
    long sure = all.stream().filter(r -> !r.verdict().isEmpty() && r.confidence() >= 0.9).count();
    assertTrue(sure > 0, "some links at 0.9 or more");
    try (Rows.Source<IncidentRow> rows = session.rows().incidents("confidence:0.9")) {
      assertEquals(sure, rows.size());
    }
    // the window's filters quote their values
    String both = Rows.withFilters("", Map.of(Rows.GAP, List.of("config")));
    try (Rows.Source<IncidentRow> rows = session.rows().incidents(both)) {
      assertEquals(config, rows.size(), both);
    }
    try (Rows.Source<IncidentRow> rows =
        session.rows().incidents("", new Rows.Order(Rows.CONFIDENCE, true))) {
      List<IncidentRow> page = rows.page(0, rows.size());
      for (int i = 1; i < page.size(); i++) {
        double a = page.get(i - 1).confidence();
        double b = page.get(i).confidence();
        assertFalse(!Double.isNaN(b) && a < b, "most confident first: " + a + " then " + b);
      }
    }
    try (Rows.Source<IncidentRow> rows =
        session.rows().incidents("", new Rows.Order(Rows.SERVICE, false))) {
      List<IncidentRow> page = rows.page(0, rows.size());
      assertEquals(all.size(), page.size(), "ordering loses no row");
    }
    Map<String, Long> verdicts = session.rows().values(Rows.Table.INCIDENTS, Rows.VERDICT);
    assertEquals(escapes, verdicts.get("escape"));
    assertEquals(all.size(), verdicts.values().stream().mapToLong(Long::longValue).sum());
    String filtered =
        Rows.withFilters("checkout", Map.of(Rows.VERDICT, List.of("escape", "a \"quoted\" one")));
    assertEquals("(checkout) AND verdict:(\"escape\" OR \"a \\\"quoted\\\" one\")", filtered);
    Rows.QuerySyntaxException bad =
        assertThrows(
            Rows.QuerySyntaxException.class, () -> session.rows().incidents("title:(broken"));
    assertTrue(bad.getMessage().contains("character"), bad.getMessage());
    assertFalse(bad.getMessage().contains("<EOF>"), "plain words: " + bad.getMessage());
  }

  @Test
  void aSearchAcrossEverythingMarksWhereItMatched() throws Exception {
    Rows.Found found = session.rows().find("latency", null, 0, 20);
    assertTrue(found.total() > 0);
    Rows.Hit hit = found.hits().get(0);
    assertFalse(hit.title().isBlank());
    assertTrue(
        found.hits().stream()
            .flatMap(h -> h.snippets().stream())
            .anyMatch(
                p ->
                    !p.marks().isEmpty()
                        && p.text()
                            .substring(p.marks().get(0).start(), p.marks().get(0).end())
                            .toLowerCase(java.util.Locale.ROOT)
                            .startsWith("latenc")),
        "a snippet marks the word searched for");
  }

  @Test
  void aCancelledImportLeavesTheWorkspaceAsItWas() throws Exception {
    // a traffic file long enough to be cancelled in the middle (imports look every 1,024 records)
    StringBuilder csv = new StringBuilder("environment,service,peak_rps,as_of\n");
    for (int i = 0; i < 5000; i++) {
      csv.append(i % 2 == 0 ? "production" : "staging")
          .append(",cancel-test-")
          .append(i)
          .append(",")
          .append(100 + i)
          .append(",2023-03-01\n");
    }
    csv.append("production,cancel-test-bad,lots,2023-03-01\n");
    Path file = dir.resolve("cancelled").resolve("traffic.csv");
    Files.createDirectories(file.getParent());
    Files.writeString(file, csv.toString());
    long before;
    try (Rows.Source<dev.rehearsal.model.EnvironmentFact> facts = session.rows().facts("")) {
      before = facts.size();
    }
    long rejectedBefore = session.rows().rejections(null, 100_000).size();
    dev.rehearsal.task.TaskMonitor cancelInTheMiddle =
        new dev.rehearsal.task.TaskMonitor() {
          boolean cancelled;

          @Override
          public void progress(long done, long total, String message) {
            // every 1,024 records the import says which file it reads
            if (message != null
                && message.endsWith("traffic.csv")
                && !message.startsWith("reading")) {
              cancelled = true;
            }
          }

          @Override
          public boolean isCancelled() {
            return cancelled;
          }
        };
    ImportView.Result r = session.imports().importAndAnalyse(List.of(file), cancelInTheMiddle);
    assertTrue(r.cancelled());
    assertTrue(r.seen() >= 1024 && r.seen() < 5001, "cancelled in the middle: " + r.seen());
    try (Rows.Source<dev.rehearsal.model.EnvironmentFact> facts = session.rows().facts("")) {
      assertEquals(before, facts.size(), "no record of the cancelled import was kept");
    }
    assertEquals(rejectedBefore, session.rows().rejections(null, 100_000).size());
    assertFalse(Files.exists(session.dir().resolve("writer.json")), "the writer was let go");
    assertTrue(r.analysis().contains("as it was"), r.analysis());
  }

  @Test
  void anIncidentComesWithItsTimelineAlternativesAndPassages() throws Exception {
    Finding linked = anEscape();
    IncidentDetails.Detail d = session.incidents().of(linked.incidentKey());
    assertEquals(linked.incidentKey(), d.incident().key());
    assertTrue(d.analysed());
    String deploy = linked.links().get(0).deployKey();
    IncidentDetails.Event mark =
        d.timeline().events().stream()
            .filter(e -> e.key().equals(deploy))
            .findFirst()
            .orElseThrow();
    assertTrue(mark.linked(), "the linked deploy is marked on the timeline");
    assertEquals(IncidentDetails.EventKind.PRODUCTION_DEPLOY, mark.kind());
    // a mark's record, field by field, as the timeline shows it when clicked
    java.util.Map<String, String> record = new java.util.LinkedHashMap<>();
    session.incidents().record(deploy).forEach(f -> record.put(f.name(), f.value()));
    assertEquals(deploy, record.get("key"));
    assertEquals(linked.links().get(0).commitSha(), record.get("commit sha"), record.toString());
    assertTrue(record.get("version").endsWith(linked.links().get(0).version()), record.toString());
    assertEquals("production", record.get("environment"), record.toString());
    assertTrue(record.containsKey("provenance file"), record.toString());
    assertEquals(List.of(), session.incidents().record("deploy/none/0"));
    assertEquals(List.of(), session.incidents().record("bogus"));
    assertTrue(
        d.timeline().events().stream().anyMatch(e -> e.kind() == IncidentDetails.EventKind.ONSET));
    List<Instant> times = d.timeline().events().stream().map(IncidentDetails.Event::at).toList();
    for (int i = 1; i < times.size(); i++) {
      assertFalse(times.get(i).isBefore(times.get(i - 1)), "in time order");
    }
    for (DeployLink alt : d.alternatives()) {
      assertTrue(alt.confidence() <= linked.confidence(), "alternatives rank below the link");
      assertFalse(alt.reasons().isEmpty(), "each alternative says why it was weighed");
    }
  }

  private Finding anEscape() throws Exception {
    for (String key :
        session
            .dashboard()
            .incidentsBehind(
                new Dashboard.Cell(Period.ALL, null, null, Aggregates.Measure.ESCAPES))) {
      Finding f = session.incidents().of(key).finding();
      if (!f.links().isEmpty()) {
        return f;
      }
    }
    throw new AssertionError("the demo has escapes");
  }

  @Test
  void theIncidentsBehindACellAreThoseItCounts() throws Exception {
    Aggregates all = session.dashboard().figures(Period.ALL);
    List<String> escapes =
        session
            .dashboard()
            .incidentsBehind(
                new Dashboard.Cell(Period.ALL, null, null, Aggregates.Measure.ESCAPES));
    assertEquals(all.total().escapes(), escapes.size());
    for (Gap g : Gap.values()) {
      List<String> behind =
          session
              .dashboard()
              .incidentsBehind(new Dashboard.Cell(Period.ALL, null, g, Aggregates.Measure.ESCAPES));
      assertEquals(
          all.total().escapesByGap().getOrDefault(g, 0L).longValue(), behind.size(), g.code());
    }
    Aggregates.Period q = all.quarters().get(0);
    Period quarter = Period.quarter(q.quarter());
    assertEquals(
        q.figures().incidents(),
        session
            .dashboard()
            .incidentsBehind(new Dashboard.Cell(quarter, null, null, Aggregates.Measure.INCIDENTS))
            .size());
  }

  @Test
  void theDashboardNarrowedAsTheIncidentTableIsCountsExactlyTheTablesIncidents() throws Exception {
    DashboardView.View all = session.dashboard().view(Period.ALL);
    assertEquals(all, session.dashboard().view(Period.ALL, Dashboard.Narrowing.NONE));
    String service = all.services().get(0).service();
    Dashboard.Narrowing byGap =
        new Dashboard.Narrowing(Rows.withFilters("", Map.of(Rows.GAP, List.of("config"))), null);
    Dashboard.Narrowing byService =
        new Dashboard.Narrowing(
            Rows.withFilters("", Map.of(Rows.SERVICE, List.of(service))), service);
    for (Dashboard.Narrowing n : List.of(byGap, byService)) {
      java.util.Set<String> table = new java.util.HashSet<>();
      try (Rows.Source<IncidentRow> rows = session.rows().incidents(n.query())) {
        rows.page(0, rows.size()).forEach(r -> table.add(r.key()));
      }
      assertTrue(table.size() > 0 && table.size() < all.total().incidents(), n + ": " + table);
      DashboardView.View v = session.dashboard().view(Period.ALL, n);
      assertEquals(table.size(), v.total().incidents(), n.toString());
      assertEquals(table, new java.util.HashSet<>(behind(Period.ALL, null, null, n)));
      assertEquals(
          v.total().escapes(),
          session
              .dashboard()
              .incidentsBehind(Period.ALL, null, null, DashboardView.Measure.ESCAPES, n)
              .size());
      for (Gap g : Gap.values()) {
        assertEquals(
            v.total().escapesByGap().getOrDefault(g, 0L).longValue(),
            behind(Period.ALL, null, g, n).size(),
            n + " " + g);
      }
      for (DashboardView.Service s : v.services()) {
        assertEquals(
            s.figures().incidents(), behind(Period.ALL, s.service(), null, n).size(), s.service());
      }
      for (DashboardView.Quarter q : v.quarters()) {
        assertEquals(
            q.figures().incidents(),
            behind(Period.quarter(q.quarter()), null, null, n).size(),
            q.quarter());
      }
    }
    // the table's service filter narrows the deploys too: the change failure rate is the service's
    DashboardView.Figures ofService =
        all.services().stream()
            .filter(s -> s.service().equals(service))
            .findFirst()
            .orElseThrow()
            .figures();
    DashboardView.View narrowed = session.dashboard().view(Period.ALL, byService);
    assertEquals(ofService.productionDeploys(), narrowed.total().productionDeploys());
    assertTrue(narrowed.total().productionDeploys() < all.total().productionDeploys());
    assertEquals(
        all.total().productionDeploys(),
        session.dashboard().view(Period.ALL, byGap).total().productionDeploys(),
        "a filter that names no service counts every deploy");
  }

  @Test
  void aPeriodCountsTheProductionDeploysOfItsDaysAndReadsNoOthers() throws Exception {
    // a period's figures read only the production deploys of its days (a deploy counts when its
    // UTC day starts on or after the period's first day and before the period's end)
    DashboardView.View all = session.dashboard().view(Period.ALL);
    long total = all.total().productionDeploys();
    assertTrue(total > 100, "the demo ships");
    Instant first = session.workspace().facets().timeRange(dev.rehearsal.index.DocKind.DEPLOY)[0];
    Instant midnight =
        first.truncatedTo(java.time.temporal.ChronoUnit.DAYS).plus(java.time.Duration.ofDays(20));
    // cut at midnight: each day falls on one side
    assertEquals(
        total, deploys(Period.between(null, midnight)) + deploys(Period.between(midnight, null)));
    // cut in the day, at every other hour of a few days: the day of the cut counts on both sides
    int daysWithDeploys = 0;
    for (int day = 0; day < 3; day++) {
      Instant start = midnight.plus(java.time.Duration.ofDays(day));
      long ofDay = deploys(Period.between(start, start.plus(java.time.Duration.ofDays(1))));
      daysWithDeploys += ofDay > 0 ? 1 : 0;
      for (int hour = 1; hour < 24; hour += 2) {
        Instant cut = start.plus(java.time.Duration.ofHours(hour).plusMinutes(7));
        assertEquals(
            total + ofDay,
            deploys(Period.between(null, cut)) + deploys(Period.between(cut, null)),
            "cut at " + cut);
      }
    }
    assertTrue(daysWithDeploys > 0, "deploys on the days cut");
    // the quarter the demo spans, read alone, is that quarter of all time
    for (DashboardView.Quarter q : all.quarters()) {
      assertEquals(
          q.figures(), session.dashboard().view(Period.quarter(q.quarter())).total(), q.quarter());
    }
  }

  private long deploys(Period p) throws Exception {
    return session.dashboard().view(p).total().productionDeploys();
  }

  @Test
  void figuresNoLongerAskedAboutStopBeingCounted() {
    dev.rehearsal.task.TaskMonitor cancelled =
        new dev.rehearsal.task.TaskMonitor() {
          @Override
          public void progress(long done, long total, String message) {}

          @Override
          public boolean isCancelled() {
            return true;
          }
        };
    assertThrows(
        dev.rehearsal.task.CancelledException.class,
        () -> session.dashboard().view(Period.ALL, Dashboard.Narrowing.NONE, cancelled));
  }

  @Test
  void warmingUpOpensTheOldestEscapeAndChangesNothing() throws Exception {
    Incident oldest = session.incidents().oldestEscape().orElseThrow();
    List<dev.rehearsal.index.SearchHit> escapes =
        session
            .workspace()
            .records()
            .search(
                new dev.rehearsal.index.SearchRequest(
                    "verdict:escape",
                    java.util.Set.of(dev.rehearsal.index.DocKind.INCIDENT),
                    null,
                    null,
                    null,
                    null,
                    dev.rehearsal.index.SearchRequest.Sort.NEWEST,
                    0,
                    1000,
                    false))
            .hits();
    Instant earliest = escapes.stream().map(h -> h.time()).min(Instant::compareTo).orElseThrow();
    assertEquals(earliest, oldest.startedAt());
    DashboardView.View before = session.dashboard().view(Period.ALL);
    session.warmUp(dev.rehearsal.task.TaskMonitor.NONE);
    assertEquals(before, session.dashboard().view(Period.ALL));
  }

  @Test
  void theGapToFixFirstIsTheLowestFidelityEscapesWentThrough() {
    DashboardView.Figures none = new DashboardView.Figures(0, 0, 0, Map.of(), 0, 0, null, null);
    DashboardView.Service s =
        new DashboardView.Service(
            "checkout",
            none,
            Map.of(
                Gap.DATA, new DashboardView.Fidelity(0.5, 0, List.of()), // lowest, but no escape
                Gap.TRAFFIC, new DashboardView.Fidelity(0.7, 2, List.of("peak")),
                Gap.CONFIG, new DashboardView.Fidelity(0.7, 1, List.of()),
                Gap.MOCKS, new DashboardView.Fidelity(null, 0, List.of())));
    assertEquals(Gap.TRAFFIC, s.fixFirst(), "the first of two equal, among gaps with escapes");
    assertEquals(
        null,
        new DashboardView.Service(
                "search", none, Map.of(Gap.DATA, new DashboardView.Fidelity(1.0, 0, List.of())))
            .fixFirst());
  }

  private List<String> behind(Period p, String service, Gap gap, Dashboard.Narrowing n)
      throws Exception {
    return session
        .dashboard()
        .incidentsBehind(
            p,
            service,
            gap,
            gap == null ? DashboardView.Measure.INCIDENTS : DashboardView.Measure.ESCAPES,
            n);
  }

  @Test
  void reviewsThatContradictThemselvesAreRefusedWithHowToWriteThem() throws Exception {
    Finding escape = anEscape();
    String key = escape.incidentKey();
    Reviews reviews = session.reviews();
    Reviews.Refused gapsWithoutChange =
        assertThrows(
            Reviews.Refused.class,
            () ->
                reviews.save(
                    new Reviews.Request(
                        key,
                        false,
                        Verdict.NOT_CHANGE_RELATED,
                        List.of(Gap.CONFIG),
                        null,
                        false,
                        "",
                        "ana")));
    // in the review form's words for the window, in the options' words for the command line
    assertTrue(
        gapsWithoutChange.getMessage().contains("clear the gaps, or choose the verdict 'escape'"),
        gapsWithoutChange.getMessage());
    assertFalse(gapsWithoutChange.getMessage().contains("--"), gapsWithoutChange.getMessage());
    assertTrue(
        gapsWithoutChange.forCommandLine().contains("drop --gaps"),
        gapsWithoutChange.forCommandLine());
    Reviews.Refused verdictWithoutChange =
        assertThrows(
            Reviews.Refused.class,
            () ->
                reviews.save(
                    new Reviews.Request(key, false, Verdict.ESCAPE, null, null, true, "", "ana")));
    assertTrue(
        verdictWithoutChange.getMessage().contains("choose the verdict 'not change related'"),
        verdictWithoutChange.getMessage());
    assertFalse(
        verdictWithoutChange.getMessage().contains("--"), verdictWithoutChange.getMessage());
    assertTrue(
        verdictWithoutChange.forCommandLine().contains("--verdict not_change_related"),
        verdictWithoutChange.forCommandLine());
    assertThrows(
        Reviews.Refused.class,
        () ->
            reviews.save(
                new Reviews.Request(
                    key,
                    false,
                    Verdict.ESCAPE,
                    List.of(Gap.UNEXPLAINED, Gap.DATA),
                    null,
                    false,
                    "",
                    "ana")));
    assertThrows(
        Reviews.Refused.class,
        () ->
            reviews.save(
                new Reviews.Request(
                    key, false, null, null, List.of("gitlab/nosuch"), false, "", "ana")));
  }

  @Test
  void everyReviewIsKeptWithWhoAndWhenAndTheLatestIsInForce() throws Exception {
    Finding escape = anEscape();
    String key = escape.incidentKey();
    Reviews first =
        new Reviews(
            session.workspace(),
            Clock.fixed(Instant.parse("2026-01-01T10:00:00Z"), ZoneOffset.UTC));
    Reviews second =
        new Reviews(
            session.workspace(),
            Clock.fixed(Instant.parse("2026-01-02T10:00:00Z"), ZoneOffset.UTC));
    first.save(
        new Reviews.Request(
            key, false, Verdict.ESCAPE, List.of(Gap.DATA), null, false, "rows", "ana"));
    Reviews.Saved saved =
        second.save(
            new Reviews.Request(key, true, null, List.of(Gap.TRAFFIC), null, false, "peak", "bo"));
    assertTrue(saved.appliedToFinding());
    List<Review> history = session.reviews().history(key);
    assertTrue(history.size() >= 2, history.toString());
    Review last = history.get(history.size() - 1);
    assertEquals("bo", last.reviewer());
    assertEquals(List.of(Gap.TRAFFIC), last.gaps());
    assertEquals("ana", history.get(history.size() - 2).reviewer());
    // a search by who made the review in force, whatever the case
    for (String q : List.of("reviewer:bo", "reviewer:BO")) {
      try (Rows.Source<IncidentRow> rows = session.rows().incidents(q)) {
        assertEquals(1, rows.size(), q);
        assertEquals(key, rows.page(0, 1).get(0).key(), q);
      }
    }
    try (Rows.Source<IncidentRow> rows = session.rows().incidents("reviewer:ana")) {
      assertEquals(0, rows.size(), "an earlier review is not the one in force");
    }
    Finding now = session.incidents().of(key).finding();
    assertEquals(List.of(Gap.TRAFFIC), now.effectiveGaps(), "the latest review is in force");
    assertEquals(escape.gaps(), now.gaps(), "and the engine's answer stays visible");
  }

  @Test
  void aliasesAreSetLoadedAndRemoved() throws Exception {
    Path file = dir.resolve("aliases.csv");
    Files.writeString(file, "alias,service\nCheckout Web,checkout\nPay Svc,payments\n");
    Configuration c = session.configuration();
    Configuration.Loaded loaded = c.loadAliases(file, null);
    assertEquals(2, loaded.added());
    assertEquals("checkout", c.aliases().get("Checkout Web"));
    assertTrue(c.removeAlias("Pay Svc", null));
    assertFalse(c.removeAlias("Pay Svc", null));
    Map<String, List<String>> deps = c.dependencies();
    assertFalse(deps.isEmpty(), "the demo's dependencies were installed");
  }
}
