package dev.rehearsal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.app.Demo;
import dev.rehearsal.app.Rows;
import dev.rehearsal.app.Session;
import dev.rehearsal.demo.ScenarioGenerator;
import dev.rehearsal.model.IncidentRow;
import dev.rehearsal.model.Rejection;
import dev.rehearsal.ui.imports.MappingEditorViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window's main flows, headless, on a small demo workspace: open it, filter, search, open an
 * incident and read its evidence, correct its gaps, import a real export with bad rows and see the
 * rejections, and keep everything in view at 1366 x 768.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DesktopFlowsTest extends FxRobot {
  private static Path dir;
  private static javafx.application.Application app;

  @BeforeAll
  static void start() throws Exception {
    dir = Files.createTempDirectory("rehearsal-flows");
    try (Session s = Session.openOrCreate(dir.resolve("ws"))) {
      Demo.build(
          s, dir.resolve("scenario"), new ScenarioGenerator.Options(5, 150, 3000, -1, 10), null);
    }
    FxToolkit.registerPrimaryStage();
    app =
        FxToolkit.setupApplication(
            RehearsalApp.class,
            "--workspace=" + dir.resolve("ws"),
            "--config=" + dir.resolve("config"));
  }

  @AfterAll
  static void stop() throws Exception {
    FxToolkit.cleanupApplication(app);
    FxToolkit.cleanupStages();
  }

  @SuppressWarnings("unchecked")
  private TableView<IncidentRow> table() {
    return lookup("#incident-table").queryAs(TableView.class);
  }

  private static void waitFor(int seconds, java.util.concurrent.Callable<Boolean> condition)
      throws Exception {
    WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
  }

  /**
   * Waits for a condition on the scene, read on the FX thread: a lookup from the test's thread can
   * walk a parent whose children the FX thread is changing, and fail for that.
   */
  private static void waitForScene(int seconds, java.util.concurrent.Callable<Boolean> condition)
      throws Exception {
    WaitForAsyncUtils.waitFor(
        seconds,
        TimeUnit.SECONDS,
        () -> WaitForAsyncUtils.asyncFx(condition).get(10, TimeUnit.SECONDS));
  }

  private boolean rowsLoaded() throws Exception {
    return WaitForAsyncUtils.asyncFx(
            () -> {
              TableView<IncidentRow> t = table();
              return !t.getItems().isEmpty() && t.getItems().get(0) != null;
            })
        .get(10, TimeUnit.SECONDS);
  }

  private Stage stage() {
    return (Stage)
        listWindows().stream()
            .filter(w -> w instanceof Stage s && s.getTitle().startsWith("Rehearsal"))
            .findFirst()
            .orElseThrow();
  }

  @Test
  @Order(1)
  void theDemoOpensMarkedAsDemoData() throws Exception {
    waitForScene(60, () -> lookup("#incident-table").tryQuery().isPresent());
    waitFor(60, this::rowsLoaded);
    assertEquals(150, table().getItems().size());
    assertTrue(lookup("#status-demo").query().isVisible(), "the status bar says demo data");
    assertTrue(stage().getTitle().contains("demo data"), stage().getTitle());
  }

  @Test
  @Order(2)
  void aColumnFilterNarrowsTheTableToWhatItSays() throws Exception {
    waitFor(60, this::rowsLoaded);
    @SuppressWarnings("unchecked")
    ComboBox<String> gap = lookup("#filter-gap").queryAs(ComboBox.class);
    waitFor(20, () -> gap.getItems().contains("config"));
    interact(() -> gap.setValue("config"));
    waitFor(20, () -> rowsLoaded() && table().getItems().size() < 150);
    int n = table().getItems().size();
    for (int i = 0; i < n; i++) {
      IncidentRow r = table().getItems().get(i);
      waitFor(10, () -> r != null);
      assertTrue(r.gaps().contains("config"), r.key() + " " + r.gaps());
    }
    Label status = lookup("#incident-status").queryAs(Label.class);
    assertTrue(status.getText().startsWith(n + " incident"), status.getText());
    interact(() -> gap.setValue(null));
    waitFor(20, () -> table().getItems().size() == 150);
  }

  @Test
  @Order(3)
  void aSearchWithASyntaxErrorSaysWhereInPlainWords() throws Exception {
    waitFor(60, this::rowsLoaded);
    TextField field = lookup("#incident-search").queryAs(TextField.class);
    interact(() -> field.setText("title:(pool"));
    clickOn(field).type(KeyCode.ENTER);
    Label error = lookup("#incident-search-error").queryAs(Label.class);
    waitFor(10, () -> !error.getText().isEmpty());
    assertTrue(error.getText().contains("character"), error.getText());
    assertFalse(error.getText().contains("<EOF>"), error.getText());
    interact(() -> field.setText(""));
    clickOn(field).type(KeyCode.ENTER);
    waitFor(10, () -> error.getText().isEmpty() && table().getItems().size() == 150);
  }

  @Test
  @Order(4)
  void anEscapeOpensWithItsChangeVerdictGapsAndEvidence() throws Exception {
    waitFor(60, this::rowsLoaded);
    int escape = firstEscapeWithGaps();
    interact(
        () -> {
          table().getSelectionModel().clearAndSelect(escape);
          table().requestFocus();
        });
    type(KeyCode.ENTER);
    IncidentRow row = table().getItems().get(escape);
    Label title = waitForDetail(row);
    assertTrue(title.getText().contains(row.title()), title.getText());
    assertEquals(
        "passed staging (escape)", lookup("#detail-verdict").queryAs(Label.class).getText());
    assertTrue(lookup("#detail-link").tryQuery().isPresent(), "the change held responsible");
    assertTrue(
        lookup("#gap-" + row.gaps().get(0)).tryQuery().isPresent(), "the gap in force is shown");
    assertTrue(lookup("#timeline").tryQuery().isPresent());
    assertTrue(
        lookup(".passage-mark").tryQuery().isPresent(),
        "the incident's words that carried a gap are marked");
  }

  @Test
  @Order(5)
  void correctingTheGapsSavesAReviewTheTableShows() throws Exception {
    waitFor(60, this::rowsLoaded);
    int escape = firstEscapeWithGaps();
    IncidentRow row = table().getItems().get(escape);
    interact(() -> table().getSelectionModel().clearAndSelect(escape));
    waitForDetail(row);
    Label message = lookup("#review-message").queryAs(Label.class);
    push(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.R);
    clickOn("#review-save");
    waitFor(10, () -> message.getText().startsWith("Nothing was changed"));

    String from = row.gaps().get(0);
    String to = from.equals("data") ? "traffic" : "data";
    RehearsalApp a = (RehearsalApp) app;
    interact(() -> a.views().dashboard.load());
    waitFor(30, () -> a.views().dashboard.viewProperty().get() != null);
    long escapesThroughToBefore =
        a.views().dashboard.viewProperty().get().total().escapesByGap().getOrDefault(gap(to), 0L);
    for (String g : List.of("data", "traffic", "config", "mocks", "unexplained")) {
      CheckBox c = lookup("#review-gap-" + g).queryAs(CheckBox.class);
      interact(() -> c.setSelected(g.equals(to)));
    }
    TextField note = lookup("#review-note").queryAs(TextField.class);
    interact(() -> note.setText("row counts, not config"));
    clickOn("#review-save");
    waitFor(20, () -> message.getText().startsWith("Saved by"));
    assertTrue(message.getText().contains("gaps: " + to), message.getText());
    waitFor(
        20,
        () -> {
          IncidentRow now = findRow(row.key());
          return now != null && now.reviewed() && now.gaps().equals(List.of(to));
        });
    waitForScene(
        20, () -> "reviewed".equals(lookup("#detail-reviewed").queryAs(Label.class).getText()));
    Label notice = lookup("#status-notice").queryAs(Label.class);
    assertTrue(notice.isVisible() && notice.getText().startsWith("Review saved"), notice.getText());
    assertTrue(
        lookup(".review-history").queryAllAs(Label.class).stream()
            .anyMatch(l -> l.getText().contains("row counts, not config")),
        "the review history shows the note");
    // the dashboard counts the escape under the gap the reviewer gave
    waitFor(
        30,
        () ->
            a.views()
                    .dashboard
                    .viewProperty()
                    .get()
                    .total()
                    .escapesByGap()
                    .getOrDefault(gap(to), 0L)
                == escapesThroughToBefore + 1);
  }

  @Test
  @Order(6)
  void importingARealExportWithBadRowsListsEachRejectionAndTheCountsAddUp() throws Exception {
    Path jira = Path.of("src/test/resources/fixtures/jira-csv-export-fr/JIRA.csv");
    assertTrue(Files.isRegularFile(jira), jira.toAbsolutePath().toString());
    clickOn("#nav-import");
    waitForScene(10, () -> lookup("#import-view").tryQuery().isPresent());
    RehearsalApp a = (RehearsalApp) app;
    interact(() -> a.views().importPane.dropped(List.of(jira.toAbsolutePath())));
    @SuppressWarnings("unchecked")
    TableView<Object> plan = lookup("#import-plan").queryAs(TableView.class);
    waitFor(60, () -> plan.getItems().size() == 1);
    Button start = lookup("#import-start").queryAs(Button.class);
    waitFor(10, () -> !start.isDisabled());
    clickOn(start);
    Label summary = lookup("#import-summary").queryAs(Label.class);
    Label error = lookup("#import-error").queryAs(Label.class);
    try {
      waitFor(180, () -> !summary.getText().isEmpty() || !error.getText().isEmpty());
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError(
          "the import did not end: "
              + a.views().imports.messageProperty().get()
              + " "
              + a.views().imports.progressProperty().get()
              + " running "
              + a.views().imports.runningProperty().get(),
          e);
    }
    assertEquals("", error.getText());
    // the same counts the importer's golden file holds for this export
    assertTrue(
        summary.getText().startsWith("1 file: 516 records read, 334 imported, 182 rejected."),
        summary.getText());
    @SuppressWarnings("unchecked")
    TableView<Rejection> rejected = lookup("#import-rejections").queryAs(TableView.class);
    assertFalse(rejected.getItems().isEmpty());
    Rejection first = rejected.getItems().get(0);
    assertTrue(first.file().endsWith("JIRA.csv"), first.file());
    assertTrue(first.line() > 0);
    assertFalse(first.reason().isBlank());
    TextField filter = lookup("#import-rejection-filter").queryAs(TextField.class);
    int before = rejected.getItems().size();
    interact(() -> filter.setText("no creation time"));
    assertTrue(rejected.getItems().size() <= before);
    assertTrue(rejected.getItems().stream().allMatch(r -> r.reason().contains("no creation time")));
    // the incident table shows the imported incidents once the analysis has run again
    clickOn("#nav-incidents");
    waitFor(60, () -> table().getItems().size() == 150 + 334);
  }

  @Test
  @Order(7)
  void at1366By768TheMenuTheTableAndTheStatusBarAreInView() throws Exception {
    clickOn("#nav-incidents");
    Stage s = stage();
    interact(
        () -> {
          s.setMaximized(false);
          s.setX(0);
          s.setY(0);
          s.setWidth(1366);
          s.setHeight(768);
        });
    WaitForAsyncUtils.waitForFxEvents();
    for (String id : List.of("#menu-bar", "#status-bar", "#incident-table", "#nav-import")) {
      Node n = lookup(id).query();
      var b = n.localToScene(n.getLayoutBounds());
      javafx.scene.Parent root = s.getScene().getRoot();
      assertTrue(
          b.getMinY() >= 0 && b.getMaxY() <= s.getScene().getHeight() + 0.5,
          id
              + " "
              + b
              + " in a scene of "
              + s.getScene().getHeight()
              + ", root "
              + root.getLayoutBounds().getHeight()
              + " (min "
              + root.minHeight(-1)
              + ")");
      assertTrue(b.getMinX() >= 0 && b.getMaxX() <= s.getScene().getWidth() + 0.5, id + " " + b);
    }
  }

  private static dev.rehearsal.model.Gap gap(String code) {
    return dev.rehearsal.model.Gap.parse(code);
  }

  @Test
  @Order(8)
  void aFigureOfTheDashboardOpensTheIncidentsBehindIt() throws Exception {
    clickOn("#nav-dashboard");
    RehearsalApp a = (RehearsalApp) app;
    waitFor(30, () -> a.views().dashboard.viewProperty().get() != null);
    long escapes = a.views().dashboard.viewProperty().get().total().escapes();
    assertTrue(escapes > 0);
    clickOn("#dashboard-escapes");
    showsTheIncidentsBehind(a, escapes);

    // a cell of the scorecard (a table: only the rows in sight are made) opens its escapes
    clickOn("#nav-dashboard");
    waitForScene(30, () -> lookup("#dashboard-scorecard").tryQuery().isPresent());
    interact(() -> a.views().dashboardPane.scrollToScorecard());
    WaitForAsyncUtils.waitForFxEvents();
    javafx.scene.control.TableCell<?, ?> cell =
        (javafx.scene.control.TableCell<?, ?>)
            lookup(".score-cell")
                .match(
                    n ->
                        n instanceof javafx.scene.control.TableCell<?, ?> c
                            && c.getText() != null
                            && c.getText().endsWith(")")
                            && c.isVisible())
                .query();
    String text = cell.getText();
    long behind =
        Long.parseLong(text.substring(text.lastIndexOf('(') + 1, text.length() - 1).strip());
    assertTrue(behind > 0, text);
    clickOn(cell);
    String among = showsTheIncidentsBehind(a, behind);
    assertTrue(among.contains("escapes through"), among);
  }

  /**
   * Waits for the incident table to hold the {@code count} incidents behind a figure just clicked
   * (the label is set at once and the rows read in the background; a timeout fails the test), then
   * shows all again; returns what the table said it holds.
   */
  private String showsTheIncidentsBehind(RehearsalApp a, long count) throws Exception {
    waitFor(
        30,
        () ->
            lookup("#incident-table").tryQuery().isPresent()
                && !a.views().incidents.amongLabelProperty().get().isEmpty()
                && !a.views().incidents.busyProperty().get()
                && table().getItems().size() == count);
    assertEquals(count, table().getItems().size());
    String among = a.views().incidents.amongLabelProperty().get();
    clickOn("#incident-show-all");
    waitFor(30, () -> a.views().incidents.amongLabelProperty().get().isEmpty());
    return among;
  }

  @Test
  @Order(9)
  void aSettingIsRefusedAsTypedThenSavedAndTheAnalysisRunsAgain() throws Exception {
    clickOn("#nav-incidents");
    push(KeyCode.CONTROL, KeyCode.DIGIT6);
    waitForScene(10, () -> lookup("#settings-view").tryQuery().isPresent());
    RehearsalApp a = (RehearsalApp) app;
    var settings = a.views().settings;
    waitFor(30, () -> settings.loadedProperty().get() && !settings.busyProperty().get());
    clickOn("Analysis rules");
    TextField window = lookup("#setting-linking-windowHours").queryAs(TextField.class);
    assertEquals("72", window.getText());
    Label refused = lookup("#setting-error-linking-windowHours").queryAs(Label.class);
    Button save = lookup("#settings-save").queryAs(Button.class);
    assertTrue(save.isDisabled(), "nothing to save yet");

    clickOn(window).push(KeyCode.CONTROL, KeyCode.A).write("-5");
    waitFor(10, () -> refused.isVisible());
    assertEquals(
        "linking.windowHours is -5; it must be a number above 0 and up to 8760", refused.getText());
    assertTrue(save.isDisabled(), "Save waits while a value is refused");
    assertTrue(
        lookup("#settings-refusal")
            .queryAs(Label.class)
            .getText()
            .startsWith("1 value is refused"));

    clickOn(window).push(KeyCode.CONTROL, KeyCode.A).write("96");
    waitFor(10, () -> !refused.isVisible() && !save.isDisabled());
    long findingsBefore = a.views().dashboard.viewProperty().get().total().incidents();
    clickOn(save);
    Label message = lookup("#settings-message").queryAs(Label.class);
    Label error = lookup("#settings-error").queryAs(Label.class);
    waitFor(180, () -> !message.getText().isEmpty() || !error.getText().isEmpty());
    // the message and the status bar's notice are set in one handler on the FX thread, which this
    // thread may read half way through: let it finish first
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals("", error.getText());
    assertEquals(
        String.format(
            java.util.Locale.ROOT,
            "Saved. The analysis ran again over %,d incidents.",
            findingsBefore),
        message.getText());
    String file = Files.readString(dir.resolve("ws").resolve("settings.json"));
    assertTrue(file.contains("\"windowHours\" : 96"), file);
    Label notice = lookup("#status-notice").queryAs(Label.class);
    assertEquals(message.getText(), notice.getText());
    // read again from the workspace: the saved value, nothing left to save
    waitFor(30, () -> !settings.busyProperty().get() && !settings.dirtyProperty().get());
    assertEquals("96", lookup("#setting-linking-windowHours").queryAs(TextField.class).getText());
    assertTrue(save.isDisabled());
  }

  @Test
  @Order(10)
  void theIncidentsShownAreExportedAsAQuarterlyReportThroughTheExportMenu() throws Exception {
    clickOn("#nav-incidents");
    waitFor(30, this::rowsLoaded);
    var menu = lookup("#export-menu").queryAs(dev.rehearsal.ui.export.ExportMenu.class);
    Path out = Files.createDirectories(dir.resolve("exports"));
    // the save dialog is the platform's; the flow writes where the user would have chosen
    interact(() -> menu.setChooser((e, name) -> out.resolve(name).toFile()));
    // the desktop's viewer is the platform's too: the flow records what it was asked to open
    List<Path> opened = new java.util.concurrent.CopyOnWriteArrayList<>();
    interact(() -> ((RehearsalApp) app).setFileOpener(opened::add));
    clickOn("#export-menu");
    clickOn("Quarterly staging-escape report (PDF) of the incidents shown");
    Path pdf = out.resolve("quarterly-all-time.pdf");
    waitFor(120, () -> Files.isRegularFile(pdf) && !menu.isDisabled());
    // when it is written, the status bar says where and offers to open it
    waitForScene(
        30, () -> lookup("#status-notice-action").tryQuery().map(Node::isVisible).orElse(false));
    assertEquals(
        "Wrote " + pdf.toAbsolutePath(),
        lookup("#status-notice").queryAs(javafx.scene.control.Label.class).getText());
    assertEquals(
        "Open",
        lookup("#status-notice-action").queryAs(javafx.scene.control.Hyperlink.class).getText());
    clickOn("#status-notice-action");
    waitFor(10, () -> !opened.isEmpty());
    assertEquals(List.of(pdf.toAbsolutePath()), opened);
    assertFalse(
        lookup("#status-notice-action").tryQuery().map(Node::isVisible).orElse(false),
        "the notice is done with");
    // a desktop that cannot open it: said as a problem, with no link to try again
    interact(
        () ->
            ((RehearsalApp) app)
                .setFileOpener(
                    f -> {
                      throw new UnsupportedOperationException("no viewer here");
                    }));
    clickOn("#export-menu");
    clickOn("Incidents (CSV) of the incidents shown");
    waitForScene(
        60, () -> lookup("#status-notice-action").tryQuery().map(Node::isVisible).orElse(false));
    clickOn("#status-notice-action");
    Label notice = lookup("#status-notice").queryAs(Label.class);
    waitFor(10, () -> notice.getText().startsWith("Could not open"));
    assertEquals("Could not open incidents-all-time.csv: no viewer here", notice.getText());
    assertTrue(
        notice.getStyleClass().contains("notice-problem"), notice.getStyleClass().toString());
    assertFalse(lookup("#status-notice-action").tryQuery().map(Node::isVisible).orElse(false));
    try (var d = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
      String text = new org.apache.pdfbox.text.PDFTextStripper().getText(d);
      assertTrue(text.contains("Staging escapes"), "the report's cover");
      assertTrue(text.contains("Appendix: how these figures were made"), "the appendix");
      assertTrue(d.getNumberOfPages() > 3, "pages: " + d.getNumberOfPages());
    }
  }

  private int firstEscapeWithGaps() throws Exception {
    waitFor(30, this::rowsLoaded);
    for (int i = 0; i < table().getItems().size(); i++) {
      int at = i;
      waitFor(10, () -> table().getItems().get(at) != null);
      IncidentRow r = table().getItems().get(i);
      if (r.verdict().equals("escape")
          && !r.gaps().isEmpty()
          && !r.gaps().contains("unexplained")
          && !r.reviewed()) {
        return i;
      }
    }
    throw new AssertionError("the demo has an escape with a gap");
  }

  /** The table's row of an incident, read on the FX thread (which replaces the rows). */
  private IncidentRow findRow(String key) throws Exception {
    return WaitForAsyncUtils.asyncFx(
            () -> {
              for (IncidentRow r : table().getItems()) {
                if (r != null && r.key().equals(key)) {
                  return r;
                }
              }
              return (IncidentRow) null;
            })
        .get(10, TimeUnit.SECONDS);
  }

  @Test
  @Order(11)
  @SuppressWarnings("unchecked")
  void theDeploysRunsAndFactsAreTablesThatASearchNarrows() throws Exception {
    push(KeyCode.CONTROL, KeyCode.DIGIT7);
    waitForScene(10, () -> lookup("#records-view").tryQuery().isPresent());
    Label status = lookup("#records-deploys-status").queryAs(Label.class);
    waitFor(30, () -> status.getText().contains(" deploys ("));
    TableView<dev.rehearsal.model.Deploy> deploys =
        lookup("#records-deploys-table").queryAs(TableView.class);
    int all = deploys.getItems().size();
    assertTrue(all > 1000, "the demo's deploys: " + status.getText());
    clickOn("#records-deploys-query").write("env:production").push(KeyCode.ENTER);
    waitFor(30, () -> status.getText().contains("match \"env:production\""));
    int production = deploys.getItems().size();
    assertTrue(production > 0 && production < all, production + " of " + all);
    var first = deploys.getItems().get(0);
    assertEquals("production", first.environment(), "newest production deploy first");
    clickOn("Staging runs");
    Label runs = lookup("#records-runs-status").queryAs(Label.class);
    waitFor(30, () -> runs.getText().contains(" staging runs ("));
    assertTrue(lookup("#records-runs-table").queryAs(TableView.class).getItems().size() > 0);
    clickOn("Environment facts");
    Label facts = lookup("#records-facts-status").queryAs(Label.class);
    waitFor(30, () -> facts.getText().contains(" environment facts ("));
    assertTrue(lookup("#records-facts-table").queryAs(TableView.class).getItems().size() > 0);
  }

  @SuppressWarnings("unchecked")
  /**
   * A row of the plan as shown (the plan's rows take the height of their text, so the table keeps a
   * hidden row for measuring, which a click must not aim at).
   */
  private Node planRow(int index) {
    return lookup("#import-plan .table-row-cell")
        .match(
            (javafx.scene.control.TableRow<?> r) ->
                r.getIndex() == index
                    && r.getItem() != null
                    && r.isVisible()
                    && r.getParent() != null
                    && r.getParent().isVisible())
        .query();
  }

  private TableView<dev.rehearsal.app.ImportView.PlannedFile> planTable() {
    return lookup("#import-plan").queryAs(TableView.class);
  }

  private void importAndWait(String expectedStart) throws Exception {
    Button start = lookup("#import-start").queryAs(Button.class);
    waitFor(30, () -> !start.isDisabled());
    clickOn(start);
    Label summary = lookup("#import-summary").queryAs(Label.class);
    Label error = lookup("#import-error").queryAs(Label.class);
    waitFor(180, () -> summary.getText().startsWith(expectedStart) || !error.getText().isEmpty());
    assertEquals("", error.getText());
    assertTrue(summary.getText().startsWith(expectedStart), summary.getText());
  }

  /** The staging runs or deploys tab of the records view, narrowed by a search. */
  @SuppressWarnings("unchecked")
  private <T> TableView<T> records(String tab, String id, String query) throws Exception {
    push(KeyCode.CONTROL, KeyCode.DIGIT7);
    waitForScene(10, () -> lookup("#records-view").tryQuery().isPresent());
    clickOn(tab);
    TextField q = lookup("#records-" + id + "-query").queryAs(TextField.class);
    interact(q::clear);
    clickOn(q).write(query).push(KeyCode.ENTER);
    Label status = lookup("#records-" + id + "-status").queryAs(Label.class);
    waitFor(30, () -> status.getText().contains("match \"" + query + "\""));
    return lookup("#records-" + id + "-table").queryAs(TableView.class);
  }

  @Test
  @Order(12)
  void twoResultsLackingTheirServiceAreFilledInOnceForTheGroupAndImported() throws Exception {
    Path in = Files.createDirectories(dir.resolve("results"));
    Path junit = Path.of("src/test/resources/fixtures/jenkins-junit-plugin/junit-report-1233.xml");
    Path a = Files.copy(junit, in.resolve("TEST-checkout-1.xml"));
    Path b = Files.copy(junit, in.resolve("TEST-checkout-2.xml"));
    waitFor(60, () -> ((RehearsalApp) app).views() != null);
    clickOn("#nav-import");
    waitForScene(10, () -> lookup("#import-view").tryQuery().isPresent());
    RehearsalApp app0 = (RehearsalApp) app;
    interact(() -> app0.views().importPane.dropped(List.of(a, b)));
    waitFor(60, () -> planTable().getItems().size() == 2);
    for (var f : planTable().getItems()) {
      assertTrue(f.lacks().contains("service"), f.lacks().toString());
    }
    // select both rows: a click on the first, Shift+Down for the second
    clickOn(planRow(0));
    push(KeyCode.SHIFT, KeyCode.DOWN);
    waitFor(10, () -> app0.views().imports.selected().size() == 2);

    Button fill = lookup("#import-state-fill").queryAs(Button.class);
    Label refused = lookup("#import-state-refused").queryAs(Label.class);
    clickOn("#import-state-time").write("last tuesday");
    waitFor(5, () -> refused.getText().contains("is not a timestamp format Rehearsal reads"));
    assertTrue(refused.getText().contains("2024-03-01T10:15:00Z"), refused.getText());
    assertTrue(fill.isDisabled(), "a refused time is not stated");
    interact(() -> lookup("#import-state-time").queryAs(TextField.class).clear());
    waitFor(5, () -> refused.getText().isEmpty());
    clickOn("#import-state-commit").write("release-7");
    waitFor(5, () -> refused.getText().contains("'release-7' is not a commit"));
    assertTrue(refused.getText().contains("7 to 40 hexadecimal characters"), refused.getText());
    assertTrue(fill.isDisabled(), "a refused commit is not stated");
    interact(() -> lookup("#import-state-commit").queryAs(TextField.class).clear());
    waitFor(5, () -> refused.getText().isEmpty());
    clickOn("#import-state-service").write("flowcheck");
    clickOn("#import-state-environment").write("staging");
    clickOn("#import-state-version").write("7.7.7");
    clickOn("#import-state-commit").write("9c0ffee1");
    clickOn(fill);
    waitFor(
        60,
        () ->
            planTable().getItems().size() == 2
                && planTable().getItems().stream()
                    .allMatch(
                        f ->
                            f.lacks().isEmpty()
                                && f.stated()
                                    .equals(
                                        "service flowcheck, environment staging, version 7.7.7,"
                                            + " commit 9c0ffee1")));
    importAndWait("2 files: ");

    TableView<dev.rehearsal.model.StagingRun> runs =
        records("Staging runs", "runs", "service:flowcheck");
    waitFor(10, () -> !runs.getItems().isEmpty() && runs.getItems().get(0) != null);
    int n = runs.getItems().size();
    for (int i = 0; i < n; i++) {
      int at = i;
      waitFor(10, () -> runs.getItems().get(at) != null);
      var r = runs.getItems().get(i);
      assertEquals("flowcheck", r.service());
      assertEquals("staging", r.environment());
      assertEquals("7.7.7", r.version());
      assertEquals("9c0ffee1", r.commitSha(), "the commit stated for the group");
    }
  }

  @Test
  @Order(13)
  @SuppressWarnings("unchecked")
  void aGenericCsvIsMappedSavedAndImported() throws Exception {
    Path csv = Files.createDirectories(dir.resolve("generic")).resolve("release-log.csv");
    Files.writeString(
        csv,
        "when,svc,build,outcome\n"
            + "2024-05-01T09:00:00Z,mapflow,3.1.0,success\n"
            + "2024-05-02T09:00:00Z,mapflow,3.1.1,failed\n"
            + "2024-05-03T09:00:00Z,mapflow,3.2.0,success\n");
    waitFor(60, () -> ((RehearsalApp) app).views() != null);
    clickOn("#nav-import");
    waitForScene(10, () -> lookup("#import-view").tryQuery().isPresent());
    RehearsalApp app0 = (RehearsalApp) app;
    interact(() -> app0.views().importPane.dropped(List.of(csv)));
    waitFor(60, () -> planTable().getItems().size() == 1);
    assertEquals(List.of("a column mapping"), planTable().getItems().get(0).lacks());
    clickOn(planRow(0));
    Button map = lookup("#import-map-columns").queryAs(Button.class);
    waitFor(5, () -> !map.isDisabled());
    clickOn(map);
    waitForScene(30, () -> lookup("#mapping-editor").tryQuery().map(Node::isVisible).orElse(false));
    TableView<Object> fields = lookup("#mapping-fields").queryAs(TableView.class);
    waitFor(10, () -> !fields.getItems().isEmpty());

    clickOn("#mapping-kind");
    clickOn("Deploys");
    MappingEditorViewModel editor = app0.views().mappings;
    waitFor(10, () -> editor.row("environment") != null);
    javafx.scene.control.ListView<String> problems =
        lookup("#mapping-problems").queryAs(javafx.scene.control.ListView.class);
    waitFor(
        10, () -> problems.getItems().stream().anyMatch(p -> p.startsWith("'time' is required")));
    Button save = lookup("#mapping-save").queryAs(Button.class);
    assertTrue(save.isDisabled(), "an incomplete mapping is not saved");

    ComboBox<String> time = lookup("#mapping-column-time").queryAs(ComboBox.class);
    interact(() -> time.setValue("when"));
    ComboBox<String> service = lookup("#mapping-column-service").queryAs(ComboBox.class);
    interact(() -> service.setValue("svc"));
    clickOn("#mapping-constant-environment").write("production");
    ComboBox<String> version = lookup("#mapping-column-version").queryAs(ComboBox.class);
    interact(() -> version.setValue("build"));
    waitFor(20, () -> problems.getItems().isEmpty() && !save.isDisabled());
    TableView<dev.rehearsal.app.MappingView.Row> preview =
        lookup("#mapping-preview").queryAs(TableView.class);
    waitFor(
        20,
        () ->
            preview.getItems().size() == 3
                && preview.getItems().get(0).outcome().startsWith("deploy: mapflow 3.1.0"));
    clickOn("#mapping-name").push(KeyCode.CONTROL, KeyCode.A).write("release-log");
    clickOn(save);
    TableView<Object> saved = lookup("#mapping-saved").queryAs(TableView.class);
    waitFor(20, () -> saved.getItems().size() == 1);
    // saved, it reads the file: the plan says so
    waitFor(
        60,
        () ->
            planTable().getItems().size() == 1
                && planTable().getItems().get(0).status().equals("will import")
                && planTable().getItems().get(0).format().contains("'release-log'"));
    clickOn("#mapping-close");
    importAndWait("1 file: 3 records read, 3 imported, 0 rejected.");

    TableView<dev.rehearsal.model.Deploy> deploys =
        records("Deploys", "deploys", "service:mapflow");
    waitFor(20, () -> deploys.getItems().size() == 3);
  }

  @Test
  @Order(14)
  void pushingToATeamWorkspaceSaysWhatIsWrongBeforeItStarts() throws Exception {
    waitFor(60, () -> ((RehearsalApp) app).views() != null);
    clickOn("File");
    clickOn("Push to team workspace\u2026");
    waitForScene(10, () -> lookup("#team-store-dialog").tryQuery().isPresent());
    clickOn("#team-store-address").write("http://search.example.org:9200/platform");
    clickOn("#team-store-push");
    Label error = lookup("#team-store-error").queryAs(Label.class);
    waitFor(5, () -> error.getText().contains("opensearch://"));
    assertTrue(
        lookup("#team-store-dialog").tryQuery().map(Node::isVisible).orElse(false),
        "the dialog stays open to be corrected");
    TextField address = lookup("#team-store-address").queryAs(TextField.class);
    interact(() -> address.setText("opensearch://search.example.org:9200/platform"));
    TextField ca = lookup("#team-store-ca").queryAs(TextField.class);
    interact(() -> ca.setText("/etc/ssl/team-ca.pem"));
    clickOn("#team-store-push");
    waitFor(
        5, () -> error.getText().contains("opensearch+https://search.example.org:9200/platform"));
    clickOn("#team-store-cancel");
    waitForScene(5, () -> lookup("#team-store-dialog").tryQuery().isEmpty());
  }

  @Test
  @Order(15)
  void openingATeamWorkspaceThatCannotBeReachedSaysSoAndKeepsTheWorkspaceOpen() throws Exception {
    waitFor(60, () -> ((RehearsalApp) app).views() != null);
    java.nio.file.Path before = ((RehearsalApp) app).session().dir();
    // a workspace of one's own: nothing to analyse as a team workspace
    javafx.scene.control.MenuItem analyse =
        stage().getScene().getRoot().lookupAll(".menu-bar").stream()
            .flatMap(n -> ((javafx.scene.control.MenuBar) n).getMenus().get(0).getItems().stream())
            .filter(i -> "menu-team-analyse".equals(i.getId()))
            .findFirst()
            .orElseThrow();
    assertTrue(analyse.isDisable(), "File → Analyse team workspace is for copies of one");
    assertNull(((RehearsalApp) app).shownTeam());
    clickOn("File");
    clickOn("Open team workspace\u2026");
    waitForScene(10, () -> lookup("#team-store-dialog").tryQuery().isPresent());
    TextField address = lookup("#team-store-address").queryAs(TextField.class);
    // the window keeps what was typed for the push before (its CA file among it): cleared here
    TextField ca = lookup("#team-store-ca").queryAs(TextField.class);
    assertEquals("/etc/ssl/team-ca.pem", ca.getText(), "the dialog remembers what was typed");
    interact(() -> ca.setText(""));
    interact(() -> address.setText("opensearch://127.0.0.1:9200"));
    clickOn("#team-store-open");
    Label error = lookup("#team-store-error").queryAs(Label.class);
    waitFor(5, () -> error.getText().contains("no prefix"));
    assertTrue(
        lookup("#team-store-dialog").tryQuery().map(Node::isVisible).orElse(false),
        "the dialog stays open to be corrected");
    // a node that does not answer: the dialog closes, the failure is said, nothing else changes
    interact(() -> address.setText("opensearch://127.0.0.1:1/team"));
    clickOn("#team-store-open");
    waitForScene(5, () -> lookup("#team-store-dialog").tryQuery().isEmpty());
    waitFor(
        30,
        () ->
            ((RehearsalApp) app)
                .lastNoticeProperty()
                .get()
                .startsWith("Opening the team workspace at opensearch://127.0.0.1:1/team failed"));
    assertEquals(before, ((RehearsalApp) app).session().dir(), "the workspace shown stays open");
  }

  private Label waitForDetail(IncidentRow row) throws Exception {
    waitFor(
        20,
        () ->
            lookup("#detail-title").tryQuery().isPresent()
                && lookup("#detail-title").queryAs(Label.class).getText().contains(row.title()));
    return lookup("#detail-title").queryAs(Label.class);
  }

  static boolean unused(Window w) {
    return w == null;
  }

  static String unused(Rows r) {
    return String.valueOf(r);
  }
}
