package dev.rehearsal.ui;

import dev.rehearsal.demo.DemoWorkspace;
import dev.rehearsal.demo.ScenarioGenerator;
import dev.rehearsal.index.DocKind;
import dev.rehearsal.index.Workspace;
import dev.rehearsal.ui.incidents.IncidentsView;
import dev.rehearsal.ui.incidents.IncidentsViewModel;
import dev.rehearsal.ui.shell.LoadingView;
import dev.rehearsal.ui.task.UiExecutor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Application;
import javafx.application.Platform;
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
 * The desktop app. Opens the workspace off the FX thread; when the workspace holds no incidents yet
 * it builds the demo workspace first, showing progress; then shows the incident list.
 *
 * <p>Parameters: {@code --workspace=DIR}; {@code --screenshot=FILE.png} writes a snapshot of the
 * window once the incidents are shown; {@code --exit-after-load} closes the app after that.
 */
public final class RehearsalApp extends Application {
  private static final Logger LOG = Logger.getLogger(RehearsalApp.class.getName());

  private final UiExecutor executor = new UiExecutor();
  private volatile Workspace workspace;
  private Stage stage;
  private final StackPane content = new StackPane();
  private BenchProbe probe;
  private final Label footer = new Label();

  public static void main(String[] args) {
    launch(args);
  }

  @Override
  public void start(Stage primary) {
    this.stage = primary;
    Map<String, String> named = getParameters().getNamed();
    Path dir =
        named.containsKey("workspace") ? Path.of(named.get("workspace")) : Workspace.defaultDir();

    BorderPane root = new BorderPane();
    root.setId("app-root");
    root.setTop(header(dir));
    root.setCenter(content);
    footer.getStyleClass().add("status-text");
    HBox status = new HBox(footer);
    status.getStyleClass().add("status-bar");
    status.setPadding(new Insets(4, 10, 4, 10));
    root.setBottom(status);

    Scene scene = new Scene(root, 1280, 800);
    scene.getStylesheets().add(RehearsalApp.class.getResource("rehearsal.css").toExternalForm());
    primary.setTitle("Rehearsal — " + dir.toAbsolutePath());
    primary.setScene(scene);
    if (named.containsKey("probe")) {
      probe = new BenchProbe(Path.of(named.get("probe")));
      probe.watchFirstFrame(scene);
    }
    primary.show();
    boolean exitAfter =
        named.containsKey("exit-after-load")
            || getParameters().getUnnamed().contains("--exit-after-load");
    openWorkspace(dir, named.get("screenshot"), exitAfter);
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

  private void openWorkspace(Path dir, String screenshot, boolean exitAfter) {
    Task<Workspace> task =
        executor.submit(
            m -> {
              m.progress(0, 100, "opening the workspace");
              Workspace w = Workspace.open(dir);
              if (w.count(DocKind.INCIDENT) == 0) {
                m.progress(0, 100, "building the demo workspace");
                DemoWorkspace.build(
                    w, dir.resolve("demo-input"), ScenarioGenerator.Options.demo(), m);
              }
              return w;
            },
            w -> {
              this.workspace = w;
              showIncidents(w, screenshot, exitAfter);
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

  private void showIncidents(Workspace w, String screenshot, boolean exitAfter) {
    footer.textProperty().unbind();
    footer.setText("Workspace " + w.dir().toAbsolutePath());
    IncidentsViewModel vm = new IncidentsViewModel((q, m) -> w.incidentRows(q, m), executor);
    IncidentsView view = new IncidentsView(vm);
    content.getChildren().setAll(view);
    vm.rows()
        .addListener(
            (javafx.collections.ListChangeListener<Object>)
                c -> {
                  if (probe != null) {
                    BenchProbe p = probe;
                    probe = null;
                    p.tableReady(view, vm);
                  }
                  if (screenshot != null && !vm.rows().isEmpty()) {
                    Platform.runLater(
                        () -> {
                          try {
                            Snapshots.write(stage.getScene(), Path.of(screenshot));
                          } catch (IOException e) {
                            LOG.log(Level.WARNING, "screenshot failed", e);
                          }
                          if (exitAfter) {
                            Platform.exit();
                          }
                        });
                  }
                });
    vm.search();
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
    if (workspace != null) {
      workspace.close();
    }
  }
}
