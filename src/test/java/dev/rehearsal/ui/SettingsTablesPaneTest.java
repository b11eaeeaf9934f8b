package dev.rehearsal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.app.SettingsForm;
import dev.rehearsal.task.TaskMonitor;
import dev.rehearsal.ui.settings.SettingsPane;
import dev.rehearsal.ui.settings.SettingsViewModel;
import dev.rehearsal.ui.task.Background;
import dev.rehearsal.ui.task.Tasks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Services tab's tables, headless: each table's services with score, status and reasons, and
 * Accept and Reject that go to the app layer (stated here) and read the list again.
 */
class SettingsTablesPaneTest extends FxRobot {
  private final List<String> decided = new ArrayList<>();
  private String status = "suggested";
  private boolean declared;
  private SettingsViewModel vm;

  private SettingsViewModel.Rules rules() {
    return new SettingsViewModel.Rules() {
      @Override
      public SettingsForm.Form load() {
        return new SettingsForm.Form(
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(
                new SettingsForm.TableSuggestion(
                    "shop.order_lines",
                    "orders",
                    0.6,
                    status,
                    declared,
                    List.of(
                        "its staging test OrderLinesRepositoryIT.insertsLine names the table (run"
                            + " orders-it of 2024-03-02); 3 of the 4 test cases that name it are"
                            + " the service's"))),
            "");
      }

      @Override
      public SettingsForm.Check check(SettingsForm.Edits edits) {
        return new SettingsForm.Check(List.of(), List.of(), List.of(), Map.of());
      }

      @Override
      public SettingsForm.Saved save(SettingsForm.Edits edits, TaskMonitor m) {
        throw new AssertionError("nothing is saved here");
      }

      @Override
      public SettingsForm.Saved decide(String name, boolean accept, TaskMonitor m) {
        throw new AssertionError("no service name is decided here");
      }

      @Override
      public SettingsForm.Saved decideTable(
          String table, String service, boolean accept, TaskMonitor m) {
        decided.add((accept ? "accept " : "reject ") + table + "=" + service);
        status = accept ? "applied" : "rejected";
        declared = accept;
        return new SettingsForm.Saved(true, "Saved. The analysis ran again over 0 incidents.");
      }
    };
  }

  @BeforeEach
  void show() throws Exception {
    FxToolkit.registerPrimaryStage();
    vm = new SettingsViewModel(rules(), new Tasks(Background.DIRECT));
    FxToolkit.setupSceneRoot(
        () -> {
          SettingsPane pane = new SettingsPane(vm);
          pane.setPrefSize(1366, 768);
          pane.showTab("services");
          vm.load();
          return pane;
        });
    FxToolkit.showStage();
    WaitForAsyncUtils.waitForFxEvents();
  }

  @AfterEach
  void hide() throws Exception {
    FxToolkit.cleanupStages();
  }

  @Test
  void aTablesServiceIsShownWithItsReasonsAndAcceptedThenRejected() throws Exception {
    Label head =
        lookup(n -> n instanceof Label l && l.getText().startsWith("shop.order_lines"))
            .queryAs(Label.class);
    assertTrue(
        head.getText().contains("orders") && head.getText().contains("0.60"), head.getText());
    assertTrue(head.getText().endsWith("suggested"), head.getText());
    assertTrue(
        lookup(n -> n instanceof Label l && l.getText().contains("OrderLinesRepositoryIT"))
            .tryQuery()
            .isPresent());

    Button accept = lookup("#table-accept-shop_order_lines-orders").queryAs(Button.class);
    interact(accept::fire);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(List.of("accept shop.order_lines=orders"), decided);
    // the list was read again: declared now, nothing left to accept
    Button again = lookup("#table-accept-shop_order_lines-orders").queryAs(Button.class);
    assertTrue(again.isDisabled(), "a declared owner has nothing to accept");
    Button reject = lookup("#table-reject-shop_order_lines-orders").queryAs(Button.class);
    assertFalse(reject.isDisabled());
    interact(reject::fire);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(
        List.of("accept shop.order_lines=orders", "reject shop.order_lines=orders"), decided);
    assertTrue(
        lookup("#table-reject-shop_order_lines-orders").queryAs(Button.class).isDisabled(),
        "a rejected pair cannot be rejected again");
    assertTrue(
        lookup(n -> n instanceof Label l && l.getText().startsWith("shop.order_lines"))
            .queryAs(Label.class)
            .getText()
            .endsWith("rejected"));
  }
}
