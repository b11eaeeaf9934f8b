package dev.rehearsal.ui;

import dev.rehearsal.model.IncidentRow;
import dev.rehearsal.ui.incidents.IncidentsView;
import dev.rehearsal.ui.incidents.IncidentsViewModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.util.Duration;

/**
 * Walks through the views once the incidents are shown and writes a snapshot of each into a folder:
 * the pictures of the README, taken from the running app. Each step acts, waits until what it shows
 * is there (at most a few seconds), and snapshots.
 */
final class Tour implements AppObserver {
  private static final Logger LOG = Logger.getLogger(Tour.class.getName());

  private record Step(String name, Runnable action, BooleanSupplier ready, String shot) {}

  private final RehearsalApp app;
  private final Path dir;
  private final boolean exitAfter;
  private final List<Step> steps = new ArrayList<>();
  private boolean started;

  Tour(RehearsalApp app, Path dir, boolean exitAfter) {
    this.app = app;
    this.dir = dir;
    this.exitAfter = exitAfter;
  }

  @Override
  public void incidentsShown(Scene scene, IncidentsView view, IncidentsViewModel vm) {
    if (started) {
      return;
    }
    started = true;
    RehearsalApp.Views v = app.views();
    if (app.shownTeam() != null) {
      teamSteps(v, vm);
      next(scene, 0, 0);
      return;
    }
    steps.add(
        new Step(
            "incidents",
            () -> vm.select(0),
            () -> v.detail.detailProperty().get() != null && !v.detail.busyProperty().get(),
            "incidents.png"));
    steps.add(
        new Step(
            "filtered",
            () -> {
              vm.filter(dev.rehearsal.app.Rows.GAP).set("config");
              vm.filter(dev.rehearsal.app.Rows.VERDICT).set("escape");
            },
            () -> !vm.busyProperty().get() && !vm.rows().isEmpty() && vm.rows().get(0) != null,
            null));
    steps.add(
        new Step(
            "detail",
            () -> vm.select(0),
            () -> {
              IncidentRow r = vm.selected();
              return r != null
                  && v.detail.detailProperty().get() != null
                  && r.key().equals(v.detail.key())
                  && !v.detail.busyProperty().get();
            },
            "incident-detail.png"));
    steps.add(
        new Step(
            "gaps",
            () -> v.detailView.scrollTo(scene.lookup("#gap-config")),
            () -> true,
            "incident-gaps.png"));
    steps.add(
        new Step(
            "review",
            () -> {
              // a correction, as a reviewer would make it: the config gap alone, with a note
              for (dev.rehearsal.model.Gap g : dev.rehearsal.model.Gap.values()) {
                v.detail.gap(g).set(g == dev.rehearsal.model.Gap.CONFIG);
              }
              v.detail.noteProperty().set("the Helm override of the timeout; the mock was fine");
              v.detail.reviewerProperty().set("dana");
              v.detail.saveCorrection();
            },
            () ->
                v.detail.reviewMessageProperty().get().startsWith("Saved")
                    && !v.detail.busyProperty().get()
                    && v.detail.detailProperty().get() != null
                    && v.detail.detailProperty().get().finding() != null
                    && v.detail.detailProperty().get().finding().reviewed(),
            null));
    steps.add(
        new Step(
            "review shown",
            () -> v.detailView.scrollTo(scene.lookup("#review-heading")),
            () -> true,
            "incident-review.png"));
    steps.add(
        new Step(
            "dashboard",
            () -> app.show(RehearsalApp.View.DASHBOARD),
            () -> v.dashboard.viewProperty().get() != null && !v.dashboard.busyProperty().get(),
            "dashboard.png"));
    steps.add(
        new Step(
            "dashboard narrowed as the table",
            () -> v.dashboard.followTableProperty().set(true),
            () ->
                v.dashboard.viewProperty().get() != null
                    && !v.dashboard.busyProperty().get()
                    && !v.dashboard.narrowedToProperty().get().isEmpty(),
            "dashboard-filtered.png"));
    steps.add(
        new Step(
            "dashboard whole again",
            () -> v.dashboard.followTableProperty().set(false),
            () -> v.dashboard.viewProperty().get() != null && !v.dashboard.busyProperty().get(),
            null));
    steps.add(
        new Step(
            "scorecard",
            () -> v.dashboardPane.scrollToScorecard(),
            () -> true,
            "dashboard-scorecard.png"));
    steps.add(
        new Step(
            "behind a figure",
            () ->
                v.dashboard.open(
                    null,
                    null,
                    dev.rehearsal.model.Gap.CONFIG,
                    dev.rehearsal.app.DashboardView.Measure.ESCAPES),
            () ->
                !vm.amongLabelProperty().get().isEmpty()
                    && !vm.busyProperty().get()
                    && !vm.rows().isEmpty()
                    && vm.rows().get(0) != null,
            "dashboard-incidents.png"));
    steps.add(new Step("all again", vm::showAll, () -> !vm.busyProperty().get(), null));
    steps.add(
        new Step(
            "search",
            () -> {
              app.show(RehearsalApp.View.SEARCH);
              v.search.queryProperty().set("\"connection pool\" OR timeout");
              v.search.search();
            },
            () -> !v.search.busyProperty().get() && !v.search.hits().isEmpty(),
            "search.png"));
    Path[] sample = {null};
    steps.add(
        new Step(
            "import plan",
            () -> {
              app.show(RehearsalApp.View.IMPORT);
              sample[0] = sampleWithBadRows();
              if (sample[0] != null) {
                v.imports.add(List.of(sample[0]));
              }
            },
            () -> !v.imports.planningProperty().get() && !v.imports.planned().isEmpty(),
            "import-plan.png"));
    steps.add(
        new Step(
            "import",
            () -> v.imports.start(),
            () -> !v.imports.runningProperty().get() && v.imports.resultProperty().get() != null,
            "import.png"));
    Path[] results = {null, null};
    steps.add(
        new Step(
            "results lacking their service",
            () -> {
              results[0] = tourFile("TEST-checkout.api.CartIT.xml", junit("checkout.api.CartIT"));
              results[1] =
                  tourFile("TEST-checkout.api.PaymentIT.xml", junit("checkout.api.PaymentIT"));
              if (results[0] != null && results[1] != null) {
                v.imports.add(List.of(results[0], results[1]));
              }
            },
            () -> !v.imports.planningProperty().get() && v.imports.planned().size() == 2,
            null));
    steps.add(
        new Step(
            "stated for the group",
            () -> {
              v.importPane.selectPlanned(f -> true);
              v.imports.serviceProperty().set("checkout");
              v.imports.environmentProperty().set("staging");
              v.imports.versionProperty().set("v2.14.3");
              v.imports.commitProperty().set("3f9a2c1");
              v.imports.fill();
            },
            () ->
                !v.imports.planningProperty().get()
                    && v.imports.planned().size() == 2
                    && v.imports.planned().stream().allMatch(f -> !f.stated().isEmpty()),
            null));
    steps.add(
        new Step(
            "a time refused",
            () -> {
              v.importPane.selectPlanned(f -> true);
              v.imports.timeProperty().set("last tuesday");
            },
            () -> !v.imports.refusedProperty("time").get().isEmpty(),
            "import-statement.png"));
    Path[] generic = {null};
    steps.add(
        new Step(
            "a file no importer knows",
            () -> {
              v.imports.timeProperty().set("");
              v.imports.clear();
              generic[0] =
                  tourFile(
                      "release-log.csv",
                      "Deployed at,Service,Target,Build,Result,Operator\n"
                          + "2023-08-14 09:12,checkout,prod-eu,v2.14.3,ok,dana\n"
                          + "2023-08-14 11:40,search,prod-eu,v5.2.0,ok,lee\n"
                          + "2023-08-15 08:03,payments,prod-eu,v9.1.1,rolled back,dana\n"
                          + "next friday,catalog,prod-eu,v3.0.0,ok,sam\n"
                          + "2023-08-15 16:27,checkout,prod-us,v2.14.4,ok,lee\n");
              if (generic[0] != null) {
                v.imports.add(List.of(generic[0]));
              }
            },
            () -> !v.imports.planningProperty().get() && v.imports.planned().size() == 1,
            null));
    steps.add(
        new Step(
            "mapping opened",
            () -> {
              v.importPane.selectPlanned(f -> true);
              if (generic[0] != null) {
                v.mappings.open(generic[0]);
              }
            },
            () ->
                v.mappings.openProperty().get()
                    && !v.mappings.busyProperty().get()
                    && v.mappings.row("environment") != null,
            null));
    steps.add(
        new Step(
            "mapping filled",
            () -> {
              v.mappings.row("time").columnProperty().set("Deployed at");
              v.mappings.row("environment").columnProperty().set("Target");
              v.mappings.row("version").columnProperty().set("Build");
              v.mappings.row("status").columnProperty().set("Result");
              v.mappings.row("actor").columnProperty().set("Operator");
            },
            () ->
                v.mappings.previewProperty().get() != null
                    && v.mappings.previewProperty().get().usable()
                    && !v.mappings.previewProperty().get().rows().isEmpty()
                    && !v.mappings.previewProperty().get().rows().get(0).outcome().isEmpty(),
            "import-mapping.png"));
    steps.add(
        new Step(
            "mapping closed",
            () -> {
              v.mappings.close();
              v.imports.clear();
            },
            () -> true,
            null));
    steps.add(
        new Step(
            "rejections",
            () -> app.show(RehearsalApp.View.REJECTIONS),
            () -> true,
            "rejections.png"));
    steps.add(
        new Step(
            "settings",
            () -> {
              app.show(RehearsalApp.View.SETTINGS);
              v.settingsPane.showTab("services");
            },
            () -> v.settings.loadedProperty().get() && !v.settings.busyProperty().get(),
            "settings-services.png"));
    steps.add(
        new Step(
            "settings refused",
            () -> {
              // a value typed out of range: refused beside its field, and Save waits
              v.settingsPane.showTab("rules");
              v.settings.field("linking.windowHours").textProperty().set("0");
            },
            () -> !v.settings.validProperty().get(),
            "settings.png"));
    steps.add(new Step("settings reverted", v.settings::revert, () -> true, null));
    steps.add(
        new Step(
            "records",
            () -> app.show(RehearsalApp.View.RECORDS),
            () -> !v.deploys.busyProperty().get() && !v.deploys.statusProperty().get().isEmpty(),
            "records.png"));
    steps.add(
        new Step(
            "export menu",
            () -> {
              app.show(RehearsalApp.View.INCIDENTS);
              if (app.exportMenu() != null) {
                app.exportMenu().show();
              }
            },
            () -> app.exportMenu() == null || app.exportMenu().isShowing(),
            "export.png"));
    steps.add(
        new Step(
            "export menu closed",
            () -> {
              if (app.exportMenu() != null) {
                app.exportMenu().hide();
              }
            },
            () -> true,
            null));
    // the incidents shown written as CSV (into a scratch folder, not the save dialog): the status
    // bar says where, with the link that opens it
    Path[] scratch = {null};
    steps.add(
        new Step(
            "export written",
            () -> {
              if (app.exportMenu() == null) {
                return;
              }
              try {
                scratch[0] = java.nio.file.Files.createTempDirectory("rehearsal-tour-export");
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
              app.exportMenu().setChooser((e, name) -> scratch[0].resolve(name).toFile());
              app.exportMenu().getItems().get(0).fire();
            },
            () ->
                app.exportMenu() == null
                    || app.lastNoticeProperty().get().startsWith("Wrote ")
                    || app.lastNoticeProperty().get().startsWith("Could not"),
            "export-written.png"));
    steps.add(
        new Step(
            "export scratch removed",
            () -> {
              if (app.exportMenu() != null) {
                app.exportMenu().setChooser(null);
              }
              if (scratch[0] != null) {
                try (var files = java.nio.file.Files.list(scratch[0])) {
                  for (Path f : files.toList()) {
                    java.nio.file.Files.deleteIfExists(f);
                  }
                  java.nio.file.Files.deleteIfExists(scratch[0]);
                } catch (java.io.IOException e) {
                  LOG.fine("the tour's export was left in " + scratch[0]);
                }
              }
            },
            () -> true,
            null));
    javafx.scene.control.Dialog<?>[] teamDialog = {null};
    steps.add(
        new Step(
            "team workspace",
            () -> {
              // an address typed as a URL of the cluster: the dialog says how to write it
              teamDialog[0] = app.teamStoreDialog();
              if (app.teamStore() != null) {
                app.teamStore().addressProperty().set("http://search.example.org:9200/platform");
                app.teamStore().check();
              }
            },
            () -> app.teamStore() == null || !app.teamStore().errorProperty().get().isEmpty(),
            "team-store.png"));
    Runnable closeTeamDialog =
        () -> {
          if (teamDialog[0] != null) {
            teamDialog[0].close();
          }
        };
    steps.add(new Step("team workspace closed", closeTeamDialog, () -> true, null));
    steps.add(
        new Step(
            "team workspace to open",
            () -> {
              // File → Open team workspace…, an address as it should be written
              teamDialog[0] =
                  app.teamStoreDialog(dev.rehearsal.ui.store.TeamStoreDialog.Purpose.OPEN);
              if (app.teamStore() != null) {
                app.teamStore()
                    .addressProperty()
                    .set("opensearch+https://search.example.org:9200/platform");
                app.teamStore().check();
              }
            },
            () -> true,
            "team-store-open.png"));
    steps.add(new Step("team workspace to open closed", closeTeamDialog, () -> true, null));
    steps.add(
        new Step(
            "held by another process",
            () ->
                app.writeAccess()
                    .show(
                        dev.rehearsal.app.WriteAccess.Status.heldBy(
                            "rehearsal import (process 48213, since 2026-12-05T09:41:07Z)")),
            () -> !app.writeAccess().writableProperty().get(),
            "read-only.png"));
    steps.add(
        new Step(
            "writable again",
            () -> app.writeAccess().show(dev.rehearsal.app.WriteAccess.Status.FREE),
            () -> app.writeAccess().writableProperty().get(),
            null));
    steps.add(
        new Step(
            "dark",
            () -> {
              app.show(RehearsalApp.View.INCIDENTS);
              app.darkTheme().setSelected(true);
            },
            () -> true,
            "incidents-dark.png"));
    steps.add(new Step("light again", () -> app.darkTheme().setSelected(false), () -> true, null));
    next(scene, 0, 0);
  }

  /**
   * The tour of a copy of a team workspace: File → Analyse team workspace (the copy brought up to
   * date, analysed, its findings pushed), then an escape's review, which reaches the team workspace
   * at once. It writes to the team workspace it is run on.
   */
  private void teamSteps(RehearsalApp.Views v, IncidentsViewModel vm) {
    String[] notice = {""};
    steps.add(
        new Step(
            "team workspace analysed",
            () -> {
              notice[0] = app.lastNoticeProperty().get();
              app.analyseTeamStore();
            },
            () -> {
              String now = app.lastNoticeProperty().get();
              return !now.equals(notice[0]) && !vm.busyProperty().get() && !vm.rows().isEmpty();
            },
            "team-store-analysed.png"));
    steps.add(
        new Step(
            "team escapes",
            () -> vm.filter(dev.rehearsal.app.Rows.VERDICT).set("escape"),
            () -> !vm.busyProperty().get() && !vm.rows().isEmpty() && vm.rows().get(0) != null,
            null));
    steps.add(
        new Step(
            "team escape",
            () -> vm.select(0),
            () -> v.detail.detailProperty().get() != null && !v.detail.busyProperty().get(),
            null));
    steps.add(
        new Step(
            "team review",
            () -> {
              v.detail.reviewerProperty().set("dana");
              v.detail.noteProperty().set("confirmed in the postmortem");
              v.detail.confirm();
            },
            () ->
                !v.detail.busyProperty().get()
                    && v.detail.reviewMessageProperty().get().startsWith("Saved"),
            "team-store-reviewed.png"));
  }

  /**
   * A traffic file in the demo's own format with two rows that cannot be read, beside the demo's
   * files: what an import with rejections looks like.
   */
  private Path sampleWithBadRows() {
    Path ws = app.sessionDir();
    if (ws == null) {
      return null;
    }
    Path f = ws.resolve("tour-input").resolve("traffic-peaks-week-33.csv");
    try {
      java.nio.file.Files.createDirectories(f.getParent());
      java.nio.file.Files.writeString(
          f,
          "environment,service,peak_rps,as_of\n"
              + "production,checkout,2290,2023-08-14\n"
              + "staging,checkout,11,2023-08-14\n"
              + "production,search,5854,2023-08-15\n"
              + "staging,search,lots,2023-08-15\n"
              + "production,payments,1312,15th of August\n"
              + "staging,payments,14,2023-08-15\n");
      return f;
    } catch (IOException e) {
      LOG.log(Level.WARNING, "the tour's sample file could not be written", e);
      return null;
    }
  }

  /** A JUnit report of a staging run that names no service, environment or version. */
  private static String junit(String suite) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<testsuite name=\""
        + suite
        + "\" tests=\"3\" failures=\"0\" errors=\"0\" skipped=\"0\" time=\"4.2\""
        + " timestamp=\"2023-08-14T08:40:00Z\">\n"
        + "  <testcase classname=\""
        + suite
        + "\" name=\"acceptsAValidCart\" time=\"1.4\"/>\n"
        + "  <testcase classname=\""
        + suite
        + "\" name=\"refusesAnEmptyCart\" time=\"1.3\"/>\n"
        + "  <testcase classname=\""
        + suite
        + "\" name=\"totalsInTheCartsCurrency\" time=\"1.5\"/>\n"
        + "</testsuite>\n";
  }

  /** A file of the tour's own beside the workspace, or null when it cannot be written. */
  private Path tourFile(String name, String content) {
    Path ws = app.sessionDir();
    if (ws == null) {
      return null;
    }
    Path f = ws.resolve("tour-input").resolve(name);
    try {
      java.nio.file.Files.createDirectories(f.getParent());
      java.nio.file.Files.writeString(f, content);
      return f;
    } catch (IOException e) {
      LOG.log(Level.WARNING, "the tour's sample file could not be written", e);
      return null;
    }
  }

  private void next(Scene scene, int index, int waited) {
    if (index >= steps.size()) {
      if (exitAfter) {
        Platform.exit();
      }
      return;
    }
    Step s = steps.get(index);
    if (waited == 0) {
      s.action().run();
    }
    Timeline t =
        new Timeline(
            new KeyFrame(
                Duration.millis(250),
                e -> {
                  if (s.ready().getAsBoolean() || waited > 240) {
                    if (waited > 240) {
                      LOG.warning("tour step " + s.name() + " did not get ready; shot as it is");
                    }
                    // one more pulse so that what arrived is laid out and painted
                    Platform.runLater(
                        () -> {
                          if (s.shot() != null) {
                            try {
                              Snapshots.write(scene, dir.resolve(s.shot()));
                            } catch (IOException ex) {
                              LOG.log(Level.WARNING, "snapshot " + s.shot() + " failed", ex);
                            }
                          }
                          next(scene, index + 1, 0);
                        });
                  } else {
                    next(scene, index, waited + 1);
                  }
                }));
    t.play();
  }
}
