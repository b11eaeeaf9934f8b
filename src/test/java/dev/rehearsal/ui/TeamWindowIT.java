package dev.rehearsal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.app.Demo;
import dev.rehearsal.app.Session;
import dev.rehearsal.app.TeamStore;
import dev.rehearsal.demo.ScenarioGenerator;
import dev.rehearsal.index.DocKind;
import dev.rehearsal.model.Finding;
import dev.rehearsal.model.Incident;
import dev.rehearsal.store.StoreAddress;
import dev.rehearsal.store.StoreCredentials;
import dev.rehearsal.store.opensearch.OpenSearchIncidentIndex;
import dev.rehearsal.store.opensearch.OpenSearchIncidentIndexIT;
import dev.rehearsal.task.TaskMonitor;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window on a copy of a team workspace, against a real node: File → Analyse team workspace
 * brings the copy up to date, analyses it and pushes the findings in one step, and a review made in
 * the incident's detail reaches the team workspace at once. Needs a node (.ci/opensearch.sh start).
 */
@Tag("opensearch")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TeamWindowIT extends FxRobot {
  private static Path dir;
  private static TeamStore team;
  private static URI node;
  private static javafx.application.Application app;
  private static int incidents;

  @BeforeAll
  static void start() throws Exception {
    node = OpenSearchIncidentIndexIT.node();
    dir = Files.createTempDirectory("rehearsal-team-window");
    team =
        new TeamStore(
            StoreAddress.parse(
                "opensearch://" + node.getHost() + ":" + node.getPort() + "/team-window-it"),
            StoreCredentials.NONE,
            null);
    team.drop();
    try (Session s = Session.openOrCreate(dir.resolve("mine"))) {
      Demo.build(
          s, dir.resolve("scenario"), new ScenarioGenerator.Options(5, 150, 3000, -1, 10), null);
      incidents = (int) s.workspace().facets().count(DocKind.INCIDENT);
      // the records and rules only: the team workspace has no findings until it is analysed
      team.pushRules(s);
    }
    team.importFiles(
        dev.rehearsal.demo.DemoScenario.dataFolders(dir.resolve("scenario")),
        null,
        TaskMonitor.NONE);
    try (Session copy = Session.openOrCreate(dir.resolve("copy"))) {
      team.pull(copy, TaskMonitor.NONE);
    }
    FxToolkit.registerPrimaryStage();
    app =
        FxToolkit.setupApplication(
            RehearsalApp.class,
            "--workspace=" + dir.resolve("copy"),
            "--config=" + dir.resolve("config"));
  }

  @AfterAll
  static void stop() throws Exception {
    FxToolkit.cleanupApplication(app);
    FxToolkit.cleanupStages();
    team.drop();
  }

  private static void waitFor(int seconds, java.util.concurrent.Callable<Boolean> condition)
      throws Exception {
    WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
  }

  private RehearsalApp window() {
    return (RehearsalApp) app;
  }

  @Test
  @Order(1)
  void analysingTheTeamWorkspaceFromTheWindowPushesItsFindingsForEveryone() throws Exception {
    waitFor(60, () -> window().views() != null);
    Stage stage =
        (Stage)
            listWindows().stream()
                .filter(w -> w instanceof Stage s && s.getTitle().startsWith("Rehearsal"))
                .findFirst()
                .orElseThrow();
    assertTrue(stage.getTitle().contains("(team workspace)"), stage.getTitle());
    assertTrue(team.findings().isEmpty(), "nothing analysed in the team workspace yet");
    clickOn("File");
    MenuItem analyse =
        stage.getScene().getRoot().lookupAll(".menu-bar").stream()
            .flatMap(n -> ((javafx.scene.control.MenuBar) n).getMenus().get(0).getItems().stream())
            .filter(i -> "menu-team-analyse".equals(i.getId()))
            .findFirst()
            .orElseThrow();
    assertFalse(analyse.isDisable(), "a copy of a team workspace can be analysed from the menu");
    clickOn("Analyse team workspace");
    waitFor(
        180,
        () ->
            window().lastNoticeProperty().get().startsWith("Analysed " + incidents + " incidents"));
    String notice = window().lastNoticeProperty().get();
    assertTrue(notice.contains("which everyone now sees"), notice);
    assertEquals(incidents, team.findings().size(), "every incident's finding is in the store");
    try (Session copy = Session.open(dir.resolve("copy"))) {
      for (var e : team.findings().entrySet()) {
        assertEquals(
            copy.workspace().records().storedJson(Finding.keyOf(e.getKey())).orElseThrow(),
            e.getValue(),
            "the store holds the copy's finding of " + e.getKey());
      }
    }
  }

  @Test
  @Order(2)
  void aReviewMadeInTheWindowReachesTheTeamWorkspaceAtOnce() throws Exception {
    String key;
    try (Session copy = Session.open(dir.resolve("copy"))) {
      key =
          copy.workspace().records().list(DocKind.INCIDENT, Incident.class).stream()
              .map(Incident::key)
              .sorted()
              .findFirst()
              .orElseThrow();
    }
    interact(() -> window().views().detail.open(key));
    waitFor(
        20,
        () ->
            lookup("#detail-title").tryQuery().isPresent()
                && window().views().detail.detailProperty().get() != null);
    Label message = lookup("#review-message").queryAs(Label.class);
    interact(() -> window().views().detail.noteProperty().set("checked with the owners"));
    interact(() -> window().views().detail.reviewerProperty().set("ravi"));
    interact(() -> window().views().detail.confirm());
    waitFor(30, () -> message.getText().startsWith("Saved by"));
    assertTrue(
        message.getText().contains("written to the team workspace " + team.address()),
        message.getText());
    waitFor(20, () -> window().lastNoticeProperty().get().startsWith("Review saved, written"));
    try (OpenSearchIncidentIndex index =
        OpenSearchIncidentIndex.connect(node, team.address().prefix())) {
      var doc = index.document(key).orElseThrow();
      assertEquals("ravi", doc.get("reviewer"), "everyone searching sees who reviewed it");
      assertEquals(List.of("ravi"), reviewers(doc), "and every review made of it");
    }
    assertTrue(team.findings().get(key).contains("\"ravi\""), "with the reviewed finding");
  }

  private static List<Object> reviewers(java.util.Map<String, Object> doc) {
    return ((List<?>) doc.get("reviews"))
        .stream().map(r -> ((java.util.Map<?, ?>) r).get("reviewer")).map(o -> (Object) o).toList();
  }
}
