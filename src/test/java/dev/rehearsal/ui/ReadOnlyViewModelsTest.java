package dev.rehearsal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.app.ImportView;
import dev.rehearsal.app.Reviews;
import dev.rehearsal.app.SettingsForm;
import dev.rehearsal.app.WriteAccess;
import dev.rehearsal.model.Review;
import dev.rehearsal.ui.detail.IncidentDetailViewModel;
import dev.rehearsal.ui.imports.ImportViewModel;
import dev.rehearsal.ui.settings.SettingsViewModel;
import dev.rehearsal.ui.shell.WriteAccessViewModel;
import dev.rehearsal.ui.task.Background;
import dev.rehearsal.ui.task.Tasks;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The window while another process holds its workspace, without a toolkit: the banner's view model
 * says who holds it and what Retry found, and the view models that write refuse with its reason
 * without calling the app layer.
 */
class ReadOnlyViewModelsTest {
  private static final String WHY =
      "Read-only for now: rehearsal import (process 42, since 2026-01-01T00:00:00Z) is writing"
          + " this workspace.";

  private static WriteAccess.Status held() {
    return new WriteAccess.Status(
        WriteAccess.State.HELD, "rehearsal import (process 42, since 2026-01-01T00:00:00Z)", WHY);
  }

  @Test
  void theBannerSaysWhoHoldsTheWorkspaceAndRetryLooksAgain() {
    Deque<WriteAccess.Status> answers = new ArrayDeque<>();
    WriteAccessViewModel vm = new WriteAccessViewModel(answers::pop, Background.DIRECT);
    assertTrue(vm.writableProperty().get());
    assertEquals("", vm.messageProperty().get());

    vm.show(held());
    assertFalse(vm.writableProperty().get());
    assertEquals(WHY, vm.messageProperty().get());

    answers.add(held());
    vm.retry();
    assertFalse(vm.writableProperty().get());
    assertEquals(
        "Still read-only: rehearsal import (process 42, since 2026-01-01T00:00:00Z) is writing"
            + " it.",
        vm.outcomeProperty().get());
    assertFalse(vm.checkingProperty().get());

    answers.add(WriteAccess.Status.FREE);
    vm.retry();
    assertTrue(vm.writableProperty().get());
    assertEquals("", vm.messageProperty().get());
    assertEquals("The workspace can be written again.", vm.outcomeProperty().get());

    WriteAccessViewModel failing =
        new WriteAccessViewModel(
            () -> {
              throw new java.nio.file.AccessDeniedException("/ws/index-v9");
            },
            Background.DIRECT);
    failing.retry();
    assertEquals(
        "Looking at the workspace failed: /ws/index-v9 cannot be read or written here.",
        failing.outcomeProperty().get());
  }

  @Test
  void theViewModelsThatWriteRefuseWithTheReasonAndCallNothing() {
    List<String> calls = new ArrayList<>();
    WriteAccessViewModel access = new WriteAccessViewModel(() -> held(), Background.DIRECT);
    access.show(held());

    ImportViewModel imports =
        new ImportViewModel(
            (in, stated) ->
                new ImportView.Plan(
                    List.of(
                        new ImportView.PlannedFile(
                            "incidents.csv",
                            "will import",
                            "PagerDuty CSV",
                            90,
                            List.of(),
                            List.of(),
                            List.of(),
                            "")),
                    List.of()),
            (in, stated, m) -> {
              calls.add("import");
              return null;
            },
            new Tasks(Background.DIRECT));
    imports.writableProperty().bind(access.writableProperty());
    imports.readOnlyProperty().bind(access.messageProperty());
    imports.add(List.of(Path.of("incidents.csv")));
    imports.start();
    assertEquals(WHY, imports.errorProperty().get());
    assertFalse(imports.runningProperty().get());

    IncidentDetailViewModel detail =
        new IncidentDetailViewModel(
            k -> ViewModelsTest.detail(null),
            r -> {
              calls.add("review");
              return new Reviews.Saved(
                  new Review(r.incident(), List.of(), null, null, "", "sam", Instant.EPOCH), true);
            },
            Background.DIRECT);
    detail.writableProperty().bind(access.writableProperty());
    detail.readOnlyProperty().bind(access.messageProperty());
    detail.open("OPS-1");
    detail.confirm();
    assertTrue(detail.reviewRefusedProperty().get());
    assertEquals(WHY, detail.reviewMessageProperty().get());

    SettingsForm.Suggestion suggestion =
        new SettingsForm.Suggestion(
            "checkout-svc", "checkout-svc", "checkout", 0.6, "suggested", List.of());
    SettingsForm.TableSuggestion table =
        new SettingsForm.TableSuggestion(
            "order_lines", "orders", 0.7, "suggested", false, List.of());
    SettingsViewModel settings =
        new SettingsViewModel(
            new SettingsViewModel.Rules() {
              @Override
              public SettingsForm.Form load() {
                return new SettingsForm.Form(
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(suggestion),
                    List.of(table),
                    "");
              }

              @Override
              public SettingsForm.Check check(SettingsForm.Edits edits) {
                return new SettingsForm.Check(List.of(), List.of(), List.of(), Map.of());
              }

              @Override
              public SettingsForm.Saved save(
                  SettingsForm.Edits edits, dev.rehearsal.task.TaskMonitor m) {
                calls.add("settings");
                return new SettingsForm.Saved(true, "Saved.");
              }

              @Override
              public SettingsForm.Saved decide(
                  String name, boolean accept, dev.rehearsal.task.TaskMonitor m) {
                calls.add("decide");
                return new SettingsForm.Saved(true, "Saved.");
              }

              @Override
              public SettingsForm.Saved decideTable(
                  String table, String service, boolean accept, dev.rehearsal.task.TaskMonitor m) {
                calls.add("decideTable");
                return new SettingsForm.Saved(true, "Saved.");
              }
            },
            new Tasks(Background.DIRECT));
    settings.writableProperty().bind(access.writableProperty());
    settings.readOnlyProperty().bind(access.messageProperty());
    settings.load();
    settings.accept(suggestion);
    assertEquals(WHY, settings.errorProperty().get());
    settings.acceptTable(table);
    assertEquals(WHY, settings.errorProperty().get());
    assertEquals(List.of(), calls, "nothing that writes was called");

    // Retry finds the workspace free: the same actions reach the app layer
    access.show(WriteAccess.Status.FREE);
    settings.accept(suggestion);
    settings.rejectTable(table);
    detail.confirm();
    assertEquals(List.of("decide", "decideTable", "review"), calls);
  }
}
