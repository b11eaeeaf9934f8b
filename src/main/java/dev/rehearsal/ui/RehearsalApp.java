package dev.rehearsal.ui;

import dev.rehearsal.app.Locations;
import dev.rehearsal.app.Preferences;
import dev.rehearsal.app.Problems;
import dev.rehearsal.app.Rows;
import dev.rehearsal.app.Session;
import dev.rehearsal.app.SettingsForm;
import dev.rehearsal.model.IncidentRow;
import dev.rehearsal.task.TaskMonitor;
import dev.rehearsal.ui.detail.IncidentDetailView;
import dev.rehearsal.ui.detail.IncidentDetailViewModel;
import dev.rehearsal.ui.imports.ImportPane;
import dev.rehearsal.ui.imports.ImportViewModel;
import dev.rehearsal.ui.imports.MappingEditorViewModel;
import dev.rehearsal.ui.incidents.IncidentsView;
import dev.rehearsal.ui.incidents.IncidentsViewModel;
import dev.rehearsal.ui.rejections.RejectionsPane;
import dev.rehearsal.ui.search.SearchPane;
import dev.rehearsal.ui.search.SearchViewModel;
import dev.rehearsal.ui.settings.SettingsPane;
import dev.rehearsal.ui.settings.SettingsViewModel;
import dev.rehearsal.ui.shell.LoadingView;
import dev.rehearsal.ui.shell.Shortcuts;
import dev.rehearsal.ui.shell.StatusBar;
import dev.rehearsal.ui.task.Tasks;
import dev.rehearsal.ui.task.UiExecutor;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The desktop app: a menu bar, a side bar of views (incidents with the incident's detail and
 * review, dashboard, search, import, rejected records, settings), a notification area for results
 * and errors, and a status bar with the workspace and the work running, its progress and a cancel
 * button. The workspace opens off the FX thread; when it holds nothing, the app layer builds the
 * demo in it first. Everything the window does it asks of the app layer.
 *
 * <p>Parameters: {@code --workspace=DIR} (else the last opened, else the default); {@code
 * --config=DIR} where the window's preferences live; {@code --screenshot=FILE.png} writes a
 * snapshot once the incidents are shown; {@code --tour=DIR} writes a snapshot of each view into
 * DIR; {@code --exit-after-load} closes the app then; {@code --probe=FILE} measures the app for the
 * benchmark; {@code --theme=dark|light}.
 */
public final class RehearsalApp extends Application {
  private static final Logger LOG = Logger.getLogger(RehearsalApp.class.getName());

  /** The views of the side bar. */
  enum View {
    INCIDENTS("Incidents", Shortcuts.INCIDENTS),
    DASHBOARD("Dashboard", Shortcuts.DASHBOARD),
    SEARCH("Search", Shortcuts.SEARCH),
    IMPORT("Import", Shortcuts.IMPORTS),
    REJECTIONS("Rejected", Shortcuts.REJECTIONS),
    SETTINGS("Settings", Shortcuts.SETTINGS),
    RECORDS("Records", Shortcuts.RECORDS);

    final String title;
    final String key;

    View(String title, String key) {
      this.title = title;
      this.key = key;
    }
  }

  private final UiExecutor executor = new UiExecutor();
  private final Tasks tasks = new Tasks(executor);
  private final List<AppObserver> observers = new ArrayList<>();
  private volatile Session session;
  private dev.rehearsal.ui.task.TaskHandle warming; // the warm-up of the session shown, if running
  private Preferences preferences;
  private Stage stage;
  private Scene scene;
  private final StackPane content = new StackPane();
  private final StatusBar statusBar = new StatusBar(tasks);

  /** Whether the open workspace can be written, or who holds it; Retry looks again. */
  private final dev.rehearsal.ui.shell.WriteAccessViewModel access =
      new dev.rehearsal.ui.shell.WriteAccessViewModel(
          () -> {
            Session s = session;
            return s == null ? dev.rehearsal.app.WriteAccess.Status.FREE : s.access().check();
          },
          executor);

  private final ToggleGroup nav = new ToggleGroup();
  private final Map<View, ToggleButton> navButtons = new LinkedHashMap<>();
  private final javafx.beans.property.StringProperty lastNotice =
      new javafx.beans.property.SimpleStringProperty("");
  private final CheckMenuItem darkTheme = new CheckMenuItem("Dark theme");
  private final Menu recent = new Menu("Open recent");

  /** The Export menu of the incident list, once a workspace is open. */
  private dev.rehearsal.ui.export.ExportMenu exportMenu;

  private Views views;

  /** The views of one open workspace. */
  final class Views {
    final IncidentsViewModel incidents;
    final IncidentsView incidentsView;
    final IncidentDetailViewModel detail;
    final IncidentDetailView detailView;
    final ImportViewModel imports;
    final MappingEditorViewModel mappings;
    final ImportPane importPane;
    final SearchViewModel search;
    final SearchPane searchPane;
    final RejectionsPane rejections;
    final dev.rehearsal.ui.dashboard.DashboardViewModel dashboard;
    final dev.rehearsal.ui.dashboard.DashboardPane dashboardPane;
    final SettingsViewModel settings;
    final SettingsPane settingsPane;
    final dev.rehearsal.ui.records.RecordsViewModel<dev.rehearsal.model.Deploy> deploys;
    final dev.rehearsal.ui.records.RecordsViewModel<dev.rehearsal.model.StagingRun> runs;
    final dev.rehearsal.ui.records.RecordsViewModel<dev.rehearsal.model.EnvironmentFact> facts;
    final dev.rehearsal.ui.records.RecordsPane recordsPane;
    final Map<View, Node> byView = new LinkedHashMap<>();

    Views(Session s) {
      incidents =
          new IncidentsViewModel(
              (q, o, m) -> s.rows().incidents(q, o),
              column -> s.rows().values(Rows.Table.INCIDENTS, column),
              executor);
      deploys =
          new dev.rehearsal.ui.records.RecordsViewModel<>(
              (q, m) -> s.rows().deploys(q), executor, "deploy", "deploys");
      runs =
          new dev.rehearsal.ui.records.RecordsViewModel<>(
              (q, m) -> s.rows().runs(q), executor, "staging run", "staging runs");
      facts =
          new dev.rehearsal.ui.records.RecordsViewModel<>(
              (q, m) -> s.rows().facts(q), executor, "environment fact", "environment facts");
      dashboard =
          new dev.rehearsal.ui.dashboard.DashboardViewModel(
              (p, n, m) -> s.dashboard().view(p, n, m),
              (p, service, gap, m, n) -> s.dashboard().incidentsBehind(p, service, gap, m, n),
              executor);
      // the dashboard may count what the incident table holds: its search and column filters
      dashboard.tableQueryProperty().bind(incidents.effectiveQueryProperty());
      dashboard.tableServiceProperty().bind(incidents.filter(Rows.SERVICE));
      dashboard.setOnIncidents(
          (keys, label) -> {
            show(View.INCIDENTS);
            incidents.showOnly(keys, keys.size() + " " + label);
          });
      detail =
          new IncidentDetailViewModel(
              key -> s.incidents().of(key),
              r -> {
                // in a copy of a team workspace, a review is written there too
                dev.rehearsal.app.TeamStore team = shownTeam;
                return team == null ? s.reviews().save(r) : team.review(s, r);
              },
              key -> s.incidents().record(key),
              executor);
      detailView = new IncidentDetailView(detail);
      incidents.setAmongSource((keys, q, o, m) -> s.rows().incidentsAmong(keys, q, o));
      incidentsView = new IncidentsView(incidents, detailView);
      incidentsView.setOnOpen(this::openSelected);
      // the incident selected in the whole list (not the table's row, which the window's
      // sliding replaces): its detail opens once its row is read
      incidents
          .selectedKeyProperty()
          .addListener(
              (o, a, key) -> {
                if (key != null) {
                  detail.open(key);
                }
              });
      detail.setOnReviewed(
          () -> {
            incidents.search();
            incidents.loadChoices();
            dashboard.load();
            String team = detail.reviewSharedProperty().get();
            notice(
                "Review saved"
                    + (team.isEmpty() ? "" : ", " + team)
                    + ". The table, its filters and the dashboard show it.",
                detail.reviewRefusedProperty().get());
          });
      imports =
          new ImportViewModel(
              (in, stated) -> s.imports().preview(in, stated),
              (in, stated, m) -> s.imports().importAndAnalyse(in, stated, m),
              statement -> s.imports().check(statement),
              tasks);
      mappings = new MappingEditorViewModel(MappingEditorViewModel.Store.of(s), executor);
      mappings.setOnSaved(imports::plan);
      importPane = new ImportPane(imports, mappings);
      imports.setOnImported(
          () -> {
            incidents.search();
            incidents.loadChoices();
            dashboard.load();
            rejections().reload();
            deploys.refresh();
            runs.refresh();
            facts.refresh();
            var r = imports.resultProperty().get();
            notice(
                r == null ? "Imported." : "Import done: " + summaryOf(r),
                r != null && r.rejected() > 0);
          });
      search = new SearchViewModel((q, limit) -> s.rows().find(q, null, 0, limit), executor);
      searchPane = new SearchPane(search, this::openIncident);
      rejections = new RejectionsPane(max -> s.rows().rejections(null, max), executor);
      dashboardPane = new dev.rehearsal.ui.dashboard.DashboardPane(dashboard);
      byView.put(View.INCIDENTS, incidentsView);
      byView.put(View.DASHBOARD, dashboardPane);
      byView.put(View.SEARCH, searchPane);
      byView.put(View.IMPORT, importPane);
      settings = new SettingsViewModel(rules(s), tasks);
      settings.setOnAnalysed(
          () -> {
            incidents.search();
            incidents.loadChoices();
            dashboard.load();
            notice(settings.messageProperty().get(), false);
          });
      settingsPane = new SettingsPane(settings);
      byView.put(View.REJECTIONS, rejections);
      byView.put(View.SETTINGS, settingsPane);
      recordsPane = new dev.rehearsal.ui.records.RecordsPane(deploys, runs, facts);
      byView.put(View.RECORDS, recordsPane);
      // what writes waits while another process holds the workspace; reading goes on
      imports.writableProperty().bind(access.writableProperty());
      imports.readOnlyProperty().bind(access.messageProperty());
      detail.writableProperty().bind(access.writableProperty());
      detail.readOnlyProperty().bind(access.messageProperty());
      settings.writableProperty().bind(access.writableProperty());
      settings.readOnlyProperty().bind(access.messageProperty());
    }

    private SettingsViewModel.Rules rules(Session s) {
      return new SettingsViewModel.Rules() {
        @Override
        public SettingsForm.Form load() throws Exception {
          return s.configuration().form();
        }

        @Override
        public SettingsForm.Check check(SettingsForm.Edits edits) {
          return s.configuration().check(edits);
        }

        @Override
        public SettingsForm.Saved save(SettingsForm.Edits edits, TaskMonitor m) throws Exception {
          return s.configuration().save(edits, m);
        }

        @Override
        public SettingsForm.Saved decide(String name, boolean accept, TaskMonitor m)
            throws Exception {
          return s.configuration().decide(name, accept, m);
        }

        @Override
        public SettingsForm.Saved decideTable(
            String table, String service, boolean accept, TaskMonitor m) throws Exception {
          return s.configuration().decideTable(table, service, accept, m);
        }
      };
    }

    RejectionsPane rejections() {
      return rejections;
    }

    void openSelected() {
      IncidentRow row = incidents.selected();
      if (row != null) {
        detail.open(row.key());
        detailView.requestFocus();
      }
    }

    void openIncident(String key) {
      show(View.INCIDENTS);
      detail.open(key);
    }

    void close() {
      incidents.close();
      deploys.close();
      runs.close();
      facts.close();
    }
  }

  private static String summaryOf(dev.rehearsal.app.ImportView.Result r) {
    return String.format(
        "%,d records read, %,d imported, %,d rejected.", r.seen(), r.accepted(), r.rejected());
  }

  public static void main(String[] args) {
    launch(args);
  }

  @Override
  public void start(Stage stage) {
    this.stage = stage;
    Map<String, String> named = getParameters().getNamed();
    preferences =
        named.containsKey("config")
            ? Preferences.in(Path.of(named.get("config")))
            : Preferences.system();
    Path dir =
        named.containsKey("workspace")
            ? Path.of(named.get("workspace"))
            : preferences.last() != null
                ? preferences.last()
                : Locations.system().defaultWorkspace();
    boolean exitAfter =
        named.containsKey("exit-after-load")
            || getParameters().getUnnamed().contains("--exit-after-load");
    if (named.containsKey("tour")) {
      observers.add(new Tour(this, Path.of(named.get("tour")), exitAfter));
    } else if (named.containsKey("screenshot") || exitAfter) {
      observers.add(
          new ScreenshotObserver(
              named.containsKey("screenshot") ? Path.of(named.get("screenshot")) : null,
              exitAfter));
    }
    if (named.containsKey("probe")) {
      observers.add(new BenchProbe(this, Path.of(named.get("probe"))));
    }

    BorderPane root = new BorderPane();
    root.setId("app-root");
    root.setTop(menuBar());
    root.setLeft(sideBar());
    // a view taller than the window scrolls or clips inside it; it never pushes the status bar
    // off the screen
    content.setMinSize(0, 0);
    javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
    clip.widthProperty().bind(content.widthProperty());
    clip.heightProperty().bind(content.heightProperty());
    content.setClip(clip);
    javafx.scene.layout.VBox center =
        new javafx.scene.layout.VBox(new dev.rehearsal.ui.shell.ReadOnlyBanner(access), content);
    VBox.setVgrow(content, Priority.ALWAYS);
    root.setCenter(center);
    access
        .writableProperty()
        .addListener((o, was, now) -> statusBar.readOnly(!now, access.messageProperty().get()));
    access
        .outcomeProperty()
        .addListener(
            (o, was, now) -> {
              if (!now.isEmpty()) {
                notice(now, !access.writableProperty().get());
              }
            });
    root.setBottom(statusBar);

    Rectangle2D screen = Screen.getPrimary().getVisualBounds();
    Preferences.Window place =
        Preferences.placement(
            preferences.saved().window(),
            screen.getMinX(),
            screen.getMinY(),
            screen.getWidth(),
            screen.getHeight(),
            MIN_WIDTH,
            MIN_HEIGHT);
    scene = new Scene(root, place.width(), place.height());
    scene.getStylesheets().add(RehearsalApp.class.getResource("rehearsal.css").toExternalForm());
    String theme = named.getOrDefault("theme", preferences.saved().theme());
    darkTheme.setSelected("dark".equals(theme));
    applyTheme();
    darkTheme
        .selectedProperty()
        .addListener(
            (o, a, b) -> {
              applyTheme();
              preferences.theme(b ? "dark" : "light");
            });
    acceptDrops();
    stage.setScene(scene);
    stage.setMinWidth(Math.min(MIN_WIDTH, screen.getWidth()));
    stage.setMinHeight(Math.min(MIN_HEIGHT, screen.getHeight()));
    stage.setX(place.x());
    stage.setY(place.y());
    stage.setWidth(place.width());
    stage.setHeight(place.height());
    stage.setMaximized(place.maximized());
    stage.setTitle("Rehearsal");
    stage.setOnCloseRequest(e -> rememberWindow());
    observers.forEach(o -> o.beforeShown(scene));
    stage.show();
    // JavaFX 21 under a window manager can open the stage at 200 x 200 (JDK-8316423): size it
    // again once it is shown
    Platform.runLater(
        () -> {
          if (!stage.isMaximized()) {
            stage.sizeToScene();
          }
        });
    show(View.INCIDENTS);
    open(dir);
    LOG.info(
        () ->
            "screen "
                + screen
                + ", placed "
                + place
                + ", stage "
                + stage.getWidth()
                + " x "
                + stage.getHeight());
  }

  static final double MIN_WIDTH = 1000;
  static final double MIN_HEIGHT = 620;

  private void rememberWindow() {
    if (stage == null || preferences == null) {
      return;
    }
    preferences.window(
        new Preferences.Window(
            stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized()));
  }

  private void applyTheme() {
    String dark = RehearsalApp.class.getResource("rehearsal-dark.css").toExternalForm();
    scene.getStylesheets().remove(dark);
    if (darkTheme.isSelected()) {
      scene.getStylesheets().add(dark);
    }
  }

  private void acceptDrops() {
    scene.setOnDragOver(
        e -> {
          if (e.getDragboard().hasFiles() && views != null) {
            e.acceptTransferModes(TransferMode.COPY);
          }
          e.consume();
        });
    scene.setOnDragDropped(
        e -> {
          boolean ok = false;
          if (e.getDragboard().hasFiles() && views != null) {
            show(View.IMPORT);
            views.importPane.dropped(
                e.getDragboard().getFiles().stream().map(File::toPath).toList());
            ok = true;
          }
          e.setDropCompleted(ok);
          e.consume();
        });
  }

  private MenuBar menuBar() {
    Menu file = new Menu("File");
    MenuItem open = item("Open workspace\u2026", Shortcuts.OPEN_WORKSPACE, this::chooseWorkspace);
    MenuItem importItem = item("Import\u2026", Shortcuts.IMPORT, () -> show(View.IMPORT));
    MenuItem export = item("Export\u2026", Shortcuts.EXPORT, this::export);
    MenuItem teamPush = item("Push to team workspace\u2026", null, this::pushToTeamStore);
    MenuItem teamOpen = item("Open team workspace\u2026", null, this::openTeamStore);
    teamPush.setId("menu-team-push");
    teamOpen.setId("menu-team-open");
    teamAnalyse.setId("menu-team-analyse");
    teamAnalyse.setOnAction(e -> analyseTeamStore());
    teamAnalyse.setDisable(true);
    MenuItem quit = item("Quit", Shortcuts.QUIT, this::quit);
    file.setOnShowing(e -> fillRecent());
    file.getItems()
        .addAll(
            open,
            recent,
            new SeparatorMenuItem(),
            importItem,
            export,
            new SeparatorMenuItem(),
            teamOpen,
            teamAnalyse,
            teamPush,
            new SeparatorMenuItem(),
            quit);

    Menu view = new Menu("View");
    for (View v : View.values()) {
      view.getItems().add(item(v.title, v.key, () -> show(v)));
    }
    view.getItems().addAll(new SeparatorMenuItem(), darkTheme);

    Menu incident = new Menu("Incident");
    incident
        .getItems()
        .addAll(
            item("Search incidents", Shortcuts.SEARCH_INCIDENTS, this::focusIncidentSearch),
            item("Search everything", Shortcuts.SEARCH_EVERYTHING, this::focusGlobalSearch),
            new SeparatorMenuItem(),
            item("Next incident", Shortcuts.NEXT, () -> step(1)),
            item("Previous incident", Shortcuts.PREVIOUS, () -> step(-1)),
            item("Review", Shortcuts.REVIEW, this::review),
            item("Confirm the analysis", Shortcuts.CONFIRM, this::confirm));

    Menu help = new Menu("Help");
    help.getItems()
        .addAll(
            item("Keyboard shortcuts", Shortcuts.HELP, this::showShortcuts),
            item("About Rehearsal", null, this::about));
    MenuBar bar = new MenuBar(file, view, incident, help);
    bar.setId("menu-bar");
    return bar;
  }

  private static MenuItem item(String text, String key, Runnable action) {
    MenuItem m = new MenuItem(text);
    if (key != null) {
      m.setAccelerator(KeyCombination.keyCombination(key));
    }
    m.setOnAction(e -> action.run());
    return m;
  }

  private Region sideBar() {
    VBox side = new VBox(2);
    side.setId("side-bar");
    side.getStyleClass().add("side-bar");
    side.setPadding(new Insets(10, 6, 10, 6));
    Label name = new Label("Rehearsal");
    name.getStyleClass().add("app-title");
    Label tag = new Label("what passed staging,\nand what let it through");
    tag.getStyleClass().add("app-tagline");
    VBox brand = new VBox(2, name, tag);
    brand.setPadding(new Insets(0, 6, 12, 6));
    side.getChildren().add(brand);
    for (View v : View.values()) {
      ToggleButton b = new ToggleButton(v.title);
      b.setId("nav-" + v.name().toLowerCase());
      b.getStyleClass().add("nav-button");
      b.setToggleGroup(nav);
      b.setMaxWidth(Double.MAX_VALUE);
      b.setAlignment(Pos.CENTER_LEFT);
      b.setOnAction(
          e -> {
            show(v);
          });
      navButtons.put(v, b);
      side.getChildren().add(b);
    }
    side.setPrefWidth(150);
    side.setMinWidth(130);
    return side;
  }

  /** Shows a view of the open workspace. */
  void show(View v) {
    ToggleButton b = navButtons.get(v);
    if (b != null) {
      b.setSelected(true);
    }
    if (views == null) {
      return;
    }
    Node n = views.byView.get(v);
    if (content.getChildren().size() != 1 || content.getChildren().get(0) != n) {
      content.getChildren().setAll(n);
    }
    if (v == View.REJECTIONS) {
      views.rejections.reload();
    }
    if (v == View.SETTINGS
        && !views.settings.dirtyProperty().get()
        && !views.settings.busyProperty().get()) {
      // what the command line changed meanwhile shows too
      views.settings.load();
    }
    if (v == View.RECORDS) {
      views.deploys.loadOnce(); // the first tab; the others read when chosen
    }
    if (v == View.DASHBOARD) {
      if (views.dashboard.viewProperty().get() == null) {
        views.dashboard.load();
      } else {
        views.dashboard.refreshIfStale(); // the table's filter changed since
      }
    }
  }

  Views views() {
    return views;
  }

  /** The folder of the open workspace, or null. */
  Path sessionDir() {
    Session s = session;
    return s == null ? null : s.dir();
  }

  Scene scene() {
    return scene;
  }

  CheckMenuItem darkTheme() {
    return darkTheme;
  }

  /** Whether the open workspace can be written, as the window shows it. */
  dev.rehearsal.ui.shell.WriteAccessViewModel writeAccess() {
    return access;
  }

  /** The Export menu of the incident list, or null before a workspace is open. */
  dev.rehearsal.ui.export.ExportMenu exportMenu() {
    return exportMenu;
  }

  private void fillRecent() {
    recent.getItems().clear();
    for (Path p : preferences.recent()) {
      MenuItem m = new MenuItem(p.toString());
      m.setOnAction(e -> open(p));
      recent.getItems().add(m);
    }
    recent.setDisable(recent.getItems().isEmpty());
  }

  private void chooseWorkspace() {
    DirectoryChooser c = new DirectoryChooser();
    c.setTitle("Open or create a workspace (an empty folder gets the demo)");
    File d = c.showDialog(stage);
    if (d != null) {
      open(d.toPath());
    }
  }

  private void focusIncidentSearch() {
    show(View.INCIDENTS);
    if (views != null) {
      views.incidentsView.searchField().requestFocus();
    }
  }

  private void focusGlobalSearch() {
    show(View.SEARCH);
    if (views != null) {
      views.searchPane.field().requestFocus();
    }
  }

  private void step(int by) {
    if (views != null) {
      show(View.INCIDENTS);
      views.incidents.step(by);
    }
  }

  private void review() {
    if (views != null) {
      show(View.INCIDENTS);
      views.detailView.focusReview();
    }
  }

  private void confirm() {
    if (views != null && views.detail.key() != null) {
      views.detail.confirm();
    }
  }

  private void export() {
    if (exportMenu == null) {
      notice("Open a workspace first: reports are written from its analysis.", true);
      return;
    }
    show(View.INCIDENTS);
    exportMenu.show();
  }

  /** The team workspace's address and files, kept while the window is open (never credentials). */
  private dev.rehearsal.ui.store.TeamStoreViewModel teamStore;

  /**
   * The team workspace the shown workspace is a copy of, which its reviews are written to; null
   * when it is a workspace of one's own (or its address cannot be read).
   */
  private volatile dev.rehearsal.app.TeamStore shownTeam;

  /** The team workspace the shown workspace is a copy of; null when it is not a copy. */
  dev.rehearsal.app.TeamStore shownTeam() {
    return shownTeam;
  }

  /** File → Analyse team workspace: enabled while the shown workspace is a copy of one. */
  private final MenuItem teamAnalyse = new MenuItem("Analyse team workspace");

  /**
   * File → Analyse team workspace: the copy brought up to date, analysed and its findings pushed,
   * in one step; the views then show the new findings.
   */
  void analyseTeamStore() {
    Session s = session;
    dev.rehearsal.app.TeamStore team = shownTeam;
    Views v = views;
    if (s == null || team == null || v == null) {
      notice("Open a team workspace first (File \u2192 Open team workspace\u2026).", true);
      return;
    }
    teamStoreVm()
        .analyse(
            s,
            team,
            () -> {
              if (session == s && views == v) {
                v.incidents.search();
                v.incidents.loadChoices();
                v.dashboard.load();
                v.rejections.reload();
                v.deploys.refresh();
                v.runs.refresh();
                v.facts.refresh();
              }
            });
  }

  /** The team workspace's view model, made (with its notices) the first time it is needed. */
  private dev.rehearsal.ui.store.TeamStoreViewModel teamStoreVm() {
    if (teamStore == null) {
      teamStore = new dev.rehearsal.ui.store.TeamStoreViewModel(executor, System::getenv);
      notices(teamStore.statusProperty(), false);
      notices(teamStore.failureProperty(), true);
    }
    return teamStore;
  }

  /** File → Push to team workspace…: the open workspace's incidents and findings, pushed. */
  private void pushToTeamStore() {
    teamStoreDialog();
  }

  /**
   * File → Open team workspace…: the team workspace copied into this machine's copy of it, which
   * the window then opens as its workspace.
   */
  private void openTeamStore() {
    teamStoreDialog(dev.rehearsal.ui.store.TeamStoreDialog.Purpose.OPEN);
  }

  /** The session of the workspace shown, or null while none is open. */
  Session session() {
    return session;
  }

  /** The team workspace's view model, once the dialog has been opened. */
  dev.rehearsal.ui.store.TeamStoreViewModel teamStore() {
    return teamStore;
  }

  /** Opens the push dialog; the dialog shown, or null when no workspace is open. */
  javafx.scene.control.Dialog<ButtonType> teamStoreDialog() {
    return teamStoreDialog(dev.rehearsal.ui.store.TeamStoreDialog.Purpose.PUSH);
  }

  /**
   * Opens the team workspace dialog for pushing or opening; the dialog shown, or null when a push
   * has no workspace open to push.
   */
  javafx.scene.control.Dialog<ButtonType> teamStoreDialog(
      dev.rehearsal.ui.store.TeamStoreDialog.Purpose purpose) {
    Session s = session;
    if (s == null && purpose == dev.rehearsal.ui.store.TeamStoreDialog.Purpose.PUSH) {
      notice("Open a workspace first: its incidents and findings are what is pushed.", true);
      return null;
    }
    teamStoreVm();
    Runnable confirm =
        purpose == dev.rehearsal.ui.store.TeamStoreDialog.Purpose.PUSH
            ? () -> teamStore.push(s)
            : () -> teamStore.open(s, this::open);
    javafx.scene.control.Dialog<ButtonType> d =
        dev.rehearsal.ui.store.TeamStoreDialog.create(stage, teamStore, purpose, confirm);
    d.show();
    return d;
  }

  private void showShortcuts() {
    GridPane g = new GridPane();
    g.setHgap(18);
    g.setVgap(4);
    int r = 0;
    for (var e : Shortcuts.all().entrySet()) {
      Label k = new Label(Shortcuts.shown(e.getKey()));
      k.getStyleClass().add("mono");
      g.addRow(r++, k, new Label(e.getValue()));
    }
    Alert a = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE);
    a.initOwner(stage);
    a.setTitle("Keyboard shortcuts");
    a.setHeaderText("Keyboard shortcuts");
    a.getDialogPane().setContent(g);
    a.getDialogPane().setId("shortcuts-dialog");
    a.show();
  }

  private void about() {
    Alert a =
        new Alert(
            Alert.AlertType.INFORMATION,
            "Rehearsal tells which production incidents were caused by changes that passed"
                + " staging, and which gap (data, traffic, config or mocks) let each one through."
                + " It reads the files your tools export and keeps everything in a local"
                + " workspace.",
            ButtonType.CLOSE);
    a.initOwner(stage);
    a.setHeaderText(dev.rehearsal.app.Version.describe());
    a.show();
  }

  /** Shows each new value of a property (a view model's status line) as a notice. */
  private void notices(javafx.beans.value.ObservableValue<String> messages, boolean problem) {
    messages.addListener(
        (obs, was, now) -> {
          if (!now.isEmpty()) {
            notice(now, problem);
          }
        });
  }

  /** Shows a result or a problem in the status bar for a while. */
  void notice(String text, boolean problem) {
    lastNotice.set(text);
    statusBar.notice(text, problem);
  }

  /** Shows a result with a link beside it that acts on it ("Open"). */
  void notice(String text, boolean problem, String actionText, Runnable action) {
    lastNotice.set(text);
    statusBar.notice(text, problem, actionText, action);
  }

  /**
   * Opens a file written from the window (a report) as the desktop opens its type: through the
   * platform's host services (xdg-open on Linux), not AWT.
   */
  private java.util.function.Consumer<Path> fileOpener =
      file -> new dev.rehearsal.ui.shell.DesktopOpener(getHostServices()).accept(file);

  /** Replaces how written files are opened (a test records them instead of starting a viewer). */
  void setFileOpener(java.util.function.Consumer<Path> opener) {
    fileOpener = opener;
  }

  /** The last notice shown. */
  javafx.beans.property.ReadOnlyStringProperty lastNoticeProperty() {
    return lastNotice;
  }

  private void quit() {
    rememberWindow();
    Platform.exit();
  }

  /** Opens a workspace (closing the one open), building the demo in it when it holds nothing. */
  void open(Path dir) {
    if (warming != null) {
      warming.cancel();
      warming = null;
    }
    Session before = session;
    Views old = views;
    views = null;
    session = null;
    access.show(dev.rehearsal.app.WriteAccess.Status.FREE);
    if (old != null) {
      old.close();
    }
    var handle =
        tasks.run(
            "Opening the workspace",
            m -> {
              if (before != null) {
                before.close();
              }
              m.progress(0, 100, "opening the workspace");
              Session s = Session.openOrBuildDemo(dir, m);
              // other processes (the command line) may read and write the workspace while the
              // window shows it: while one holds it, the window reads and refuses what writes,
              // saying who holds it (a write that finds it taken in between waits for it)
              s.identify(
                  "the Rehearsal window",
                  java.time.Duration.ofMinutes(2),
                  notice -> m.progress(-1, -1, notice));
              try {
                s.access().guard();
              } catch (IOException | RuntimeException e) {
                s.close();
                throw e;
              }
              return s;
            },
            this::opened,
            t -> failed(dir, t));
    LoadingView loading =
        new LoadingView(
            "Opening the workspace",
            "When a workspace has nothing imported yet, Rehearsal builds a demo from a generated"
                + " history of a fictional shop (PagerDuty and Jira incidents, GitLab, GitHub and"
                + " Heroku deploys, JUnit and k6 staging runs, configuration snapshots) so you can"
                + " explore it. Your own files come in with File \u2192 Import, or by dropping"
                + " them on the window.",
            handle);
    content.getChildren().setAll(loading);
    statusBar.workspace(dir.toAbsolutePath().toString(), false);
  }

  private void opened(Session s) {
    this.session = s;
    access.show(s.access().status());
    s.access()
        .onChange(
            status ->
                executor.onFx(
                    () -> {
                      if (session == s) {
                        access.show(status);
                      }
                    }));
    preferences.opened(s.dir());
    boolean demo = s.isDemo();
    String team = dev.rehearsal.app.TeamStore.copyOf(s.dir()).orElse(null);
    stage.setTitle(
        "Rehearsal \u2014 "
            + (team != null ? team + " (team workspace)" : s.dir().getFileName())
            + (demo ? " (demo data)" : ""));
    statusBar.workspace(
        team != null ? "team workspace " + team : s.dir().toAbsolutePath().toString(), demo);
    shownTeam = team == null ? null : teamStoreVm().storeFor(team);
    teamAnalyse.setDisable(team == null);
    views = new Views(s);
    View shown = View.INCIDENTS;
    for (var e : navButtons.entrySet()) {
      if (e.getValue().isSelected()) {
        shown = e.getKey();
      }
    }
    show(shown);
    for (String n : s.notes()) {
      notice(n, false);
    }
    IncidentsViewModel incidents = views.incidents;
    IncidentsView view = views.incidentsView;
    dev.rehearsal.ui.export.ExportViewModel export =
        new dev.rehearsal.ui.export.ExportViewModel(
            dev.rehearsal.report.ExporterRegistry.standard(
                s, dev.rehearsal.report.CsvFormat.RFC_4180),
            executor,
            file -> fileOpener.accept(file));
    exportMenu =
        new dev.rehearsal.ui.export.ExportMenu(
            export, incidents::composedQuery, () -> incidents.selected());
    view.addTool(exportMenu);
    // a report written is offered to open; a failure (to write or to open) is shown as a problem
    export
        .statusProperty()
        .addListener(
            (obs, was, now) -> {
              if (now.isEmpty()) {
                return;
              }
              if (export.failedProperty().get()) {
                notice(now, true);
              } else if (export.writtenProperty().get() != null) {
                notice(now, false, "Open", export::open);
              } else {
                notice(now, false);
              }
            });
    incidents
        .rows()
        .addListener(
            new javafx.collections.ListChangeListener<Object>() {
              @Override
              public void onChanged(Change<?> c) {
                if (!incidents.rows().isEmpty()) {
                  incidents.rows().removeListener(this);
                  observers.forEach(o -> o.incidentsShown(scene, view, incidents));
                  warmUp(s);
                }
              }
            });
    incidents.search();
    incidents.loadChoices();
  }

  /**
   * Once the incidents show, opens in the background what a person opens first (see {@link
   * Session#warmUp}), so that the first incident and the first dashboard open as fast as the next.
   */
  private void warmUp(Session s) {
    warming =
        executor.run(
            m -> {
              s.warmUp(m);
              return null;
            },
            done -> warming = null,
            t -> {
              warming = null;
              // nothing a person asked for failed: what they open next says so if it fails too
              LOG.log(Level.FINE, "warming up the incident view and the dashboard", t);
            });
  }

  private void failed(Path dir, Throwable t) {
    Problems.Problem p = Problems.describe("Opening the workspace " + dir, t);
    LOG.log(Level.WARNING, "the workspace could not be opened", t);
    Label msg = new Label(p.message());
    msg.setWrapText(true);
    msg.setMaxWidth(640);
    msg.getStyleClass().add("error-text");
    msg.setId("open-error");
    VBox box = new VBox(12, msg);
    box.setAlignment(Pos.CENTER);
    box.setPadding(new Insets(40));
    if (p.retry()) {
      javafx.scene.control.Button retry = new javafx.scene.control.Button("Try again");
      retry.setOnAction(e -> open(dir));
      box.getChildren().add(retry);
    }
    javafx.scene.control.Button other =
        new javafx.scene.control.Button("Open another workspace\u2026");
    other.setOnAction(e -> chooseWorkspace());
    box.getChildren().add(other);
    VBox.setVgrow(msg, Priority.NEVER);
    content.getChildren().setAll(box);
  }

  @Override
  public void stop() throws IOException {
    executor.shutdown();
    if (views != null) {
      views.close();
    }
    if (session != null) {
      session.close();
    }
  }
}
