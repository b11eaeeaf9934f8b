package dev.rehearsal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.app.ImportView;
import dev.rehearsal.app.IncidentDetails;
import dev.rehearsal.app.Reviews;
import dev.rehearsal.app.Rows;
import dev.rehearsal.model.DeployLink;
import dev.rehearsal.model.Finding;
import dev.rehearsal.model.Gap;
import dev.rehearsal.model.Incident;
import dev.rehearsal.model.Provenance;
import dev.rehearsal.model.Rejection;
import dev.rehearsal.model.Review;
import dev.rehearsal.model.Verdict;
import dev.rehearsal.task.TaskMonitor;
import dev.rehearsal.ui.detail.IncidentDetailViewModel;
import dev.rehearsal.ui.imports.ImportViewModel;
import dev.rehearsal.ui.incidents.IncidentsViewModel;
import dev.rehearsal.ui.task.Background;
import dev.rehearsal.ui.task.Tasks;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The window's view models without a toolkit: work runs on the calling thread. */
class ViewModelsTest {
  private static final Instant T = Instant.parse("2024-03-01T10:00:00Z");

  private static Incident incident() {
    return new Incident(
        "pagerduty",
        "P1",
        "OPS-1",
        "Checkout latency",
        "pool exhausted",
        "",
        List.of("checkout"),
        "production",
        "P1",
        "resolved",
        T,
        null,
        null,
        List.of(),
        "",
        new Provenance("f.json", 1, 0, "pagerduty", "P1", List.of()));
  }

  private static DeployLink link(String key) {
    return new DeployLink(
        key, "checkout", "2.1", "abc", "production", T, 0.9, false, false, List.of(), List.of());
  }

  static IncidentDetails.Detail detail(Review review) {
    Finding f =
        new Finding(
            "incident/pagerduty/P1",
            T,
            List.of("checkout"),
            List.of(link("deploy/github/1")),
            0.9,
            false,
            Verdict.ESCAPE,
            List.of(),
            List.of(Gap.CONFIG),
            List.of(),
            List.of(),
            review,
            List.of(link("deploy/github/2")));
    return new IncidentDetails.Detail(
        incident(),
        f,
        f.alternatives(),
        review == null ? List.of() : List.of(review),
        new IncidentDetails.Timeline(T.minusSeconds(3600), T, List.of()));
  }

  /** Saves what it is given, as a review made now. */
  private static final class Recorder implements IncidentDetailViewModel.Saver {
    final List<Reviews.Request> saved = new ArrayList<>();

    @Override
    public Reviews.Saved save(Reviews.Request r) {
      saved.add(r);
      return new Reviews.Saved(
          new Review(
              r.incident(),
              r.noLink() ? List.of() : r.links(),
              r.verdict(),
              r.gaps(),
              r.note(),
              r.reviewer(),
              T),
          true);
    }
  }

  @Test
  void theReviewFormStartsAtWhatIsInForceAndSavesOnlyWhatChanged() {
    Recorder saver = new Recorder();
    int[] reviewed = {0};
    IncidentDetailViewModel vm =
        new IncidentDetailViewModel(k -> detail(null), saver, Background.DIRECT);
    vm.setOnReviewed(() -> reviewed[0]++);
    vm.open("OPS-1");
    assertEquals(Verdict.ESCAPE, vm.verdictProperty().get());
    assertTrue(vm.gap(Gap.CONFIG).get());
    assertFalse(vm.gap(Gap.DATA).get());
    assertEquals("deploy/github/1", vm.linkProperty().get());
    assertEquals(
        List.of("deploy/github/1", "deploy/github/2", IncidentDetailViewModel.NO_CHANGE),
        vm.linkChoices());

    vm.saveCorrection();
    assertTrue(vm.reviewRefusedProperty().get(), "nothing changed: nothing saved");
    assertTrue(vm.reviewMessageProperty().get().startsWith("Nothing was changed"));
    assertTrue(saver.saved.isEmpty());

    vm.gap(Gap.CONFIG).set(false);
    vm.gap(Gap.DATA).set(true);
    vm.noteProperty().set("row counts");
    vm.saveCorrection();
    assertEquals(1, saver.saved.size());
    Reviews.Request r = saver.saved.get(0);
    assertEquals(List.of(Gap.DATA), r.gaps());
    assertNull(r.verdict(), "the verdict was left as it was");
    assertNull(r.links(), "the link was left as it was");
    assertFalse(r.noLink());
    assertFalse(r.confirm());
    assertEquals("row counts", r.note());
    assertEquals(1, reviewed[0]);
    assertFalse(vm.reviewRefusedProperty().get());
    assertTrue(vm.reviewMessageProperty().get().startsWith("Saved by"));
  }

  @Test
  void aVerdictThatIsNotAnEscapeTakesTheGapsAwayAndNoChangeSaysNoLink() {
    Recorder saver = new Recorder();
    IncidentDetailViewModel vm =
        new IncidentDetailViewModel(k -> detail(null), saver, Background.DIRECT);
    vm.open("OPS-1");
    vm.verdictProperty().set(Verdict.NOT_CHANGE_RELATED);
    vm.linkProperty().set(IncidentDetailViewModel.NO_CHANGE);
    vm.saveCorrection();
    Reviews.Request r = saver.saved.get(0);
    assertEquals(Verdict.NOT_CHANGE_RELATED, r.verdict());
    assertEquals(List.of(), r.gaps());
    assertTrue(r.noLink());

    vm.noteProperty().set("checked");
    vm.confirm();
    Reviews.Request c = saver.saved.get(1);
    assertTrue(c.confirm());
    assertNull(c.gaps());
    assertEquals("checked", c.note());
  }

  @Test
  void aRefusedReviewShowsTheRulesMessage() {
    IncidentDetailViewModel vm =
        new IncidentDetailViewModel(
            k -> detail(null),
            r -> {
              throw new IllegalArgumentException("each gap once, most important first");
            },
            Background.DIRECT);
    vm.open("OPS-1");
    vm.gap(Gap.MOCKS).set(true);
    vm.saveCorrection();
    assertTrue(vm.reviewRefusedProperty().get());
    assertEquals("Each gap once, most important first.", vm.reviewMessageProperty().get());
  }

  @Test
  void aTimelineMarkClickedShowsItsRecordAndOpeningAnotherIncidentClearsIt() {
    IncidentDetailViewModel vm =
        new IncidentDetailViewModel(
            k -> detail(null),
            r -> null,
            key ->
                key.equals("deploy/github/7")
                    ? List.of(
                        new dev.rehearsal.app.IncidentDetails.Field("key", key),
                        new dev.rehearsal.app.IncidentDetails.Field("version", "2.4.1"))
                    : List.of(),
            Background.DIRECT);
    vm.open("OPS-1");
    assertEquals("", vm.recordProperty().get());
    vm.showRecord("deploy/github/7");
    assertEquals("key: deploy/github/7\nversion: 2.4.1", vm.recordProperty().get());
    vm.showRecord("deploy/github/8");
    assertEquals("deploy/github/8: no such record in the workspace", vm.recordProperty().get());
    vm.open("OPS-2");
    assertEquals("", vm.recordProperty().get(), "another incident, no record picked");
  }

  @Test
  void anImportIsPlannedRunAndItsRejectionsFilteredAndCountsAddUp() {
    Path a = Path.of("incidents.csv");
    Path b = Path.of("deploys.json");
    List<List<Path>> planned = new ArrayList<>();
    List<Rejection> rejected =
        List.of(
            new Rejection("incidents.csv", 4, 2, "pagerduty-csv", "no creation time"),
            new Rejection("incidents.csv", 9, 7, "pagerduty-csv", "'soon' is not a time"));
    TaskMonitor[] monitor = {null};
    ImportViewModel vm =
        new ImportViewModel(
            (in, stated) -> {
              planned.add(in);
              return new ImportView.Plan(
                  List.of(
                      new ImportView.PlannedFile(
                          "incidents.csv",
                          "will import",
                          "PagerDuty CSV",
                          90,
                          List.of(),
                          List.of("incident: OPS-1 Checkout latency"),
                          List.of("line 4: no creation time"),
                          "")),
                  List.of());
            },
            (in, stated, m) -> {
              monitor[0] = m;
              m.progress(5, 10, "reading incidents.csv");
              return new ImportView.Result(
                  List.of(
                      new ImportView.FileResult(
                          "incidents.csv", "imported", "PagerDuty CSV", 10, 8, 2, "")),
                  10,
                  8,
                  2,
                  false,
                  List.of(),
                  rejected,
                  "The analysis ran again over 8 incidents.");
            },
            new Tasks(Background.DIRECT));
    int[] imported = {0};
    vm.setOnImported(() -> imported[0]++);
    vm.add(List.of(a));
    vm.add(List.of(a, b));
    assertEquals(List.of(a, b), vm.inputs(), "each input once");
    assertEquals(List.of(a, b), planned.get(planned.size() - 1));
    assertEquals(1, vm.planned().size());
    vm.start();
    assertFalse(vm.runningProperty().get());
    assertEquals(1, imported[0]);
    assertEquals(
        "1 file: 10 records read, 8 imported, 2 rejected. The analysis ran again over 8"
            + " incidents.",
        vm.summaryProperty().get());
    assertEquals(2, vm.rejections().size());
    vm.rejectionFilterProperty().set("SOON");
    assertEquals(1, vm.rejections().size(), "the filter ignores case");
    assertEquals(9, vm.rejections().get(0).line());
    vm.rejectionFilterProperty().set("");
    assertEquals(2, vm.rejections().size());
    assertTrue(vm.inputs().isEmpty(), "a finished import clears the inputs");
  }

  @Test
  void filtersAndOrderAreKeptAcrossSearches() {
    List<String> queries = new ArrayList<>();
    List<Rows.Order> orders = new ArrayList<>();
    IncidentsViewModel vm =
        new IncidentsViewModel(
            (q, o, m) -> {
              queries.add(q);
              orders.add(o);
              return new Rows.Source<>() {
                @Override
                public int size() {
                  return 0;
                }

                @Override
                public List<dev.rehearsal.model.IncidentRow> page(int from, int count) {
                  return List.of();
                }

                @Override
                public void close() {}
              };
            },
            column -> {
              Map<String, Long> m = new java.util.LinkedHashMap<>();
              m.put("escape", 3L);
              m.put("not_staged", 1L);
              return m;
            },
            Background.DIRECT);
    vm.loadChoices();
    assertEquals(List.of("escape", "not_staged"), vm.choices(Rows.VERDICT));
    vm.orderBy(new Rows.Order(Rows.CONFIDENCE, true));
    vm.filter(Rows.GAP).set("config");
    vm.queryProperty().set("checkout");
    vm.search();
    assertEquals("(checkout) AND gap:(\"config\")", queries.get(queries.size() - 1));
    assertEquals(new Rows.Order(Rows.CONFIDENCE, true), orders.get(orders.size() - 1));
    vm.queryProperty().set("payments");
    vm.search();
    assertEquals("(payments) AND gap:(\"config\")", queries.get(queries.size() - 1));
    assertEquals(
        new Rows.Order(Rows.CONFIDENCE, true), orders.get(orders.size() - 1), "order kept");
  }

  @Test
  void theDashboardListsItsQuartersAndOpensTheIncidentsBehindAFigure() {
    dev.rehearsal.app.DashboardView.Figures f = someFigures();
    List<dev.rehearsal.app.Period> asked = new ArrayList<>();
    dev.rehearsal.ui.dashboard.DashboardViewModel vm =
        new dev.rehearsal.ui.dashboard.DashboardViewModel(
            (p, n, m) -> {
              asked.add(p);
              return new dev.rehearsal.app.DashboardView.View(
                  p,
                  f,
                  List.of(
                      new dev.rehearsal.app.DashboardView.Quarter("2024-Q1", f),
                      new dev.rehearsal.app.DashboardView.Quarter("2024-Q2", f)),
                  List.of(),
                  List.of());
            },
            (p, service, gap, m, n) -> List.of("incident/a/1", "incident/a/2", "incident/a/3"),
            Background.DIRECT);
    List<String> opened = new ArrayList<>();
    String[] label = {""};
    vm.setOnIncidents(
        (keys, l) -> {
          opened.addAll(keys);
          label[0] = l;
        });
    vm.load();
    assertEquals(List.of("all time", "2024-Q2", "2024-Q1"), vm.periods(), "newest quarter first");
    vm.periodProperty().set("2024-Q1");
    assertEquals("2024-Q1", asked.get(asked.size() - 1).label());
    vm.open(null, "checkout", Gap.CONFIG, dev.rehearsal.app.DashboardView.Measure.ESCAPES);
    assertEquals(3, opened.size());
    assertEquals("escapes through config of checkout in 2024-Q1", label[0]);
    // a period typed as dates, both ends included
    vm.periodProperty().set("2024-01-15 to 2024-02-29");
    dev.rehearsal.app.Period typed = asked.get(asked.size() - 1);
    assertEquals("2024-01-15 to 2024-02-29", typed.label());
    assertEquals(java.time.Instant.parse("2024-01-15T00:00:00Z"), typed.from());
    assertEquals(java.time.Instant.parse("2024-03-01T00:00:00Z"), typed.to());
    assertEquals("", vm.errorProperty().get());
    // one that cannot be read is refused with how to write it, and nothing is asked
    int before = asked.size();
    vm.periodProperty().set("last spring");
    assertEquals(before, asked.size());
    assertTrue(
        vm.errorProperty().get().contains("write a quarter (2025-Q4) or dates"),
        vm.errorProperty().get());
    vm.periodProperty().set("2024-03-01 to 2024-02-01");
    assertTrue(vm.errorProperty().get().contains("ends"), vm.errorProperty().get());
    vm.periodProperty().set("to 2024-02-29");
    assertEquals("the start to 2024-02-29", asked.get(asked.size() - 1).label());
    assertEquals(null, asked.get(asked.size() - 1).from());
    assertEquals("", vm.errorProperty().get());
  }

  /** Figures of some period: 10 incidents, 6 change-related, 4 escapes (3 config, 1 data). */
  private static dev.rehearsal.app.DashboardView.Figures someFigures() {
    return new dev.rehearsal.app.DashboardView.Figures(
        10, 6, 4, Map.of(Gap.CONFIG, 3L, Gap.DATA, 1L), 100, 5, 4 / 6.0, 0.05);
  }

  /** Work handed to a {@link Background} that runs it only when the test says so. */
  private static final class Deferred implements Background {
    record Job(Runnable run, boolean[] cancelled) {}

    final List<Job> jobs = new ArrayList<>();

    @Override
    public <T> dev.rehearsal.ui.task.TaskHandle run(
        dev.rehearsal.ui.task.UiExecutor.Work<T> work,
        java.util.function.Consumer<T> onSuccess,
        java.util.function.Consumer<Throwable> onFailure) {
      boolean[] cancelled = {false};
      dev.rehearsal.task.TaskMonitor monitor =
          new dev.rehearsal.task.TaskMonitor() {
            @Override
            public void progress(long done, long total, String message) {}

            @Override
            public boolean isCancelled() {
              return cancelled[0];
            }
          };
      jobs.add(
          new Job(
              () -> {
                try {
                  onSuccess.accept(work.run(monitor));
                } catch (Exception e) {
                  onFailure.accept(e);
                }
              },
              cancelled));
      return new dev.rehearsal.ui.task.TaskHandle() {
        @Override
        public javafx.beans.property.ReadOnlyDoubleProperty progressProperty() {
          return new javafx.beans.property.SimpleDoubleProperty(-1);
        }

        @Override
        public javafx.beans.property.ReadOnlyStringProperty messageProperty() {
          return new javafx.beans.property.SimpleStringProperty("");
        }

        @Override
        public javafx.beans.property.ReadOnlyBooleanProperty runningProperty() {
          return new javafx.beans.property.SimpleBooleanProperty(!cancelled[0]);
        }

        @Override
        public void cancel() {
          cancelled[0] = true;
        }
      };
    }
  }

  @Test
  void aPeriodChosenWhileTheFiguresAreReadStopsTheReadingOfTheOneBefore() {
    dev.rehearsal.app.DashboardView.Figures f = someFigures();
    Deferred background = new Deferred();
    dev.rehearsal.ui.dashboard.DashboardViewModel vm =
        new dev.rehearsal.ui.dashboard.DashboardViewModel(
            (p, n, m) -> {
              m.checkCancelled(); // as the app layer's counting does, every so many findings
              return new dev.rehearsal.app.DashboardView.View(
                  p, f, List.of(), List.of(), List.of());
            },
            (p, service, gap, m, n) -> List.of(),
            background);
    vm.load(); // all time, the first period shown
    assertEquals(1, background.jobs.size());
    vm.periodProperty().set("2024-Q1"); // chosen before all time was counted
    assertEquals(2, background.jobs.size());
    assertTrue(background.jobs.get(0).cancelled()[0], "all time is no longer asked about");
    assertFalse(background.jobs.get(1).cancelled()[0]);
    assertTrue(vm.busyProperty().get());
    // the stopped reading ends (cancelled) after the new one started: nothing of it shows
    background.jobs.get(0).run().run();
    assertTrue(vm.busyProperty().get(), "still reading 2024-Q1");
    assertEquals("", vm.errorProperty().get(), "a reading stopped on purpose is no error");
    assertEquals(null, vm.viewProperty().get());
    background.jobs.get(1).run().run();
    assertFalse(vm.busyProperty().get());
    assertEquals("2024-Q1", vm.viewProperty().get().period().label());
    // once shown, a new load stops nothing and starts one reading
    vm.load();
    assertEquals(3, background.jobs.size());
    assertFalse(background.jobs.get(1).cancelled()[0]);
  }

  @Test
  void theDashboardFollowsTheIncidentTablesFilterWhenAskedForEveryFigureAndCell() {
    dev.rehearsal.app.DashboardView.Figures f = someFigures();
    List<dev.rehearsal.app.Dashboard.Narrowing> figuresAsked = new ArrayList<>();
    List<dev.rehearsal.app.Dashboard.Narrowing> behindAsked = new ArrayList<>();
    dev.rehearsal.ui.dashboard.DashboardViewModel vm =
        new dev.rehearsal.ui.dashboard.DashboardViewModel(
            (p, n, m) -> {
              figuresAsked.add(n);
              return new dev.rehearsal.app.DashboardView.View(
                  p, f, List.of(), List.of(), List.of());
            },
            (p, service, gap, m, n) -> {
              behindAsked.add(n);
              return List.of("incident/a/1");
            },
            Background.DIRECT);
    // the table's filter, as the window binds it
    IncidentsViewModel table =
        new IncidentsViewModel((q, o, m) -> null, c -> Map.of(), Background.DIRECT);
    table.filter(Rows.SERVICE).set("checkout");
    table.queryProperty().set("pool");
    String composed = table.composedQuery();
    vm.tableQueryProperty().set(composed);
    vm.tableServiceProperty().bind(table.filter(Rows.SERVICE));
    String[] label = {""};
    vm.setOnIncidents((keys, l) -> label[0] = l);

    vm.load();
    assertEquals(dev.rehearsal.app.Dashboard.Narrowing.NONE, figuresAsked.get(0), "off at first");
    assertEquals("", vm.narrowedToProperty().get());

    vm.followTableProperty().set(true); // reads again at once
    dev.rehearsal.app.Dashboard.Narrowing n = figuresAsked.get(figuresAsked.size() - 1);
    assertEquals(new dev.rehearsal.app.Dashboard.Narrowing(composed, "checkout"), n);
    assertEquals("(pool) AND service:(\"checkout\")", n.query());
    assertEquals(
        "Only the incidents of the table's filter count: (pool) AND service:(\"checkout\")",
        vm.narrowedToProperty().get());
    vm.open(null, null, Gap.CONFIG, dev.rehearsal.app.DashboardView.Measure.ESCAPES);
    assertEquals(n, behindAsked.get(0), "the incidents behind a cell are narrowed the same way");
    assertEquals("escapes through config in all time, of the table's filter", label[0]);

    // the table's filter changes while the dashboard is not shown: read again when it is
    int asked = figuresAsked.size();
    table.filter(Rows.SERVICE).set(null);
    vm.tableQueryProperty().set("pool");
    assertEquals(asked, figuresAsked.size(), "nothing is read while another view shows");
    vm.refreshIfStale();
    assertEquals(
        new dev.rehearsal.app.Dashboard.Narrowing("pool", null),
        figuresAsked.get(figuresAsked.size() - 1));
    vm.refreshIfStale();
    assertEquals(asked + 1, figuresAsked.size(), "read once");

    vm.followTableProperty().set(false);
    assertEquals(
        dev.rehearsal.app.Dashboard.Narrowing.NONE, figuresAsked.get(figuresAsked.size() - 1));
    assertEquals("", vm.narrowedToProperty().get());
    vm.open(null, null, null, dev.rehearsal.app.DashboardView.Measure.INCIDENTS);
    assertEquals(dev.rehearsal.app.Dashboard.Narrowing.NONE, behindAsked.get(1));
    assertEquals("incidents in all time", label[0]);
  }
}
