package dev.rehearsal.ui;

import dev.rehearsal.app.Locations;
import dev.rehearsal.app.Session;
import dev.rehearsal.ui.incidents.IncidentsView;
import dev.rehearsal.ui.incidents.IncidentsViewModel;
import dev.rehearsal.ui.shell.LoadingView;
import dev.rehearsal.ui.task.UiExecutor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Application;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The desktop app: a window that opens the workspace off the FX thread (the app layer builds the
 * demo workspace first when nothing is imported yet), then shows the incidents.
 *
 * <p>Parameters: {@code --workspace=DIR}; {@code --screenshot=FILE.png} writes a snapshot once the
 * incidents are shown; {@code --exit-after-load} closes the app then; {@code --probe=FILE} measures
 * the app for the benchmark.
 */
public final class RehearsalApp extends Application {
  private static final Logger LOG = Logger.getLogger(RehearsalApp.class.getName());

  private final UiExecutor executor = new UiExecutor();
  private final List<AppObserver> observers = new ArrayList<>();
  private volatile Session session;
  private IncidentsViewModel incidents;
  private Scene scene;
  private final StackPane content = new StackPane();
  private final Label footer = new Label();

  public static void main(String[] args) {
    launch(args);
  }

  @Override
  public void start(Stage stage) {
    Map<String, String> named = getParameters().getNamed();
    Path dir =
        named.containsKey("workspace")
            ? Path.of(named.get("workspace"))
            : Locations.system().defaultWorkspace();
    boolean exitAfter =
        named.containsKey("exit-after-load")
            || getParameters().getUnnamed().contains("--exit-after-load");
    if (named.containsKey("screenshot") || exitAfter) {
      observers.add(
          new ScreenshotObserver(
              named.containsKey("screenshot") ? Path.of(named.get("screenshot")) : null,
              exitAfter));
    }
    if (named.containsKey("probe")) {
      observers.add(new BenchProbe(Path.of(named.get("probe"))));
    }

    BorderPane root = new BorderPane();
    root.setId("app-root");
    root.setTop(header(dir));
    root.setCenter(content);
    footer.getStyleClass().add("status-text");
    HBox status = new HBox(footer);
    status.getStyleClass().add("status-bar");
    status.setPadding(new Insets(4, 10, 4, 10));
    root.setBottom(status);

    scene = new Scene(root, 1280, 800);
    scene.getStylesheets().add(RehearsalApp.class.getResource("rehearsal.css").toExternalForm());
    stage.setTitle("Rehearsal — " + dir.toAbsolutePath());
    stage.setScene(scene);
    observers.forEach(o -> o.beforeShown(scene));
    stage.show();
    open(dir);
  }

  private Region header(Path dir) {
    Label name = new Label("Rehearsal");
    name.getStyleClass().add("app-title");
    Label tagline = new Label("Which incidents passed staging, and what let them through");
    tagline.getStyleClass().add("app-tagline");
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    Label ws = new Label(dir.toAbsolutePath().toString());
    ws.getStyleClass().add("workspace-path");
    HBox h = new HBox(12, name, tagline, spacer, ws);
    h.setAlignment(Pos.CENTER_LEFT);
    h.getStyleClass().add("app-header");
    h.setPadding(new Insets(10, 14, 10, 14));
    return h;
  }

  private void open(Path dir) {
    Task<Session> task =
        executor.submit(
            m -> {
              m.progress(0, 100, "opening the workspace");
              Session s = Session.openOrBuildDemo(dir, m);
              // other processes (the command line) may read and write the workspace while the
              // window shows it; the window's own writes wait for theirs
              return s.identify(
                  "the Rehearsal window",
                  java.time.Duration.ofMinutes(2),
                  notice -> m.progress(-1, -1, notice));
            },
            s -> {
              this.session = s;
              showIncidents(s);
            },
            this::failed);
    content
        .getChildren()
        .setAll(
            new LoadingView(
                "Opening the workspace",
                "When a workspace has nothing imported yet, Rehearsal builds a demo from a generated "
                    + "history of a fictional shop (PagerDuty and Jira incidents, GitLab, GitHub and "
                    + "Heroku deploys, JUnit and k6 staging runs, configuration snapshots) so you can "
                    + "explore it. Your own files are imported with the import command.",
                task));
    footer.textProperty().bind(task.messageProperty());
  }

  private void showIncidents(Session s) {
    footer.textProperty().unbind();
    footer.setText("Workspace " + s.dir().toAbsolutePath() + (s.isDemo() ? " — demo data" : ""));
    incidents = new IncidentsViewModel((q, m) -> s.rows().incidents(q), executor);
    IncidentsView view = new IncidentsView(incidents);
    dev.rehearsal.ui.export.ExportViewModel export =
        new dev.rehearsal.ui.export.ExportViewModel(
            dev.rehearsal.report.ExporterRegistry.standard(
                s, dev.rehearsal.report.CsvFormat.RFC_4180),
            executor);
    view.addTool(
        new dev.rehearsal.ui.export.ExportMenu(
            export,
            () -> incidents.queryProperty().get(),
            () -> view.table().getSelectionModel().getSelectedItem()));
    export
        .statusProperty()
        .addListener((obs, was, now) -> footer.setText(now.isEmpty() ? footer.getText() : now));
    content.getChildren().setAll(view);
    incidents
        .rows()
        .addListener(
            new javafx.collections.ListChangeListener<Object>() {
              @Override
              public void onChanged(Change<?> c) {
                if (!incidents.rows().isEmpty()) {
                  incidents.rows().removeListener(this);
                  observers.forEach(o -> o.incidentsShown(scene, view, incidents));
                }
              }
            });
    incidents.search();
  }

  private void failed(Throwable t) {
    footer.textProperty().unbind();
    LOG.log(Level.SEVERE, "the workspace could not be opened", t);
    Label msg = new Label("The workspace could not be opened: " + t.getMessage());
    msg.setWrapText(true);
    msg.getStyleClass().add("error-text");
    msg.setId("open-error");
    content.getChildren().setAll(msg);
  }

  @Override
  public void stop() throws IOException {
    executor.shutdown();
    if (incidents != null) {
      incidents.close();
    }
    if (session != null) {
      session.close();
    }
  }
}
