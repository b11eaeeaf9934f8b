package dev.rehearsal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.app.Session;
import dev.rehearsal.app.SettingsForm;
import dev.rehearsal.task.TaskMonitor;
import dev.rehearsal.ui.settings.SettingsViewModel;
import dev.rehearsal.ui.task.Background;
import dev.rehearsal.ui.task.Tasks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The settings view model without a toolkit, over the app layer of a real (empty) workspace: work
 * runs on the calling thread. The suggested service names are stated, since an empty workspace
 * suggests none; accepting and rejecting them is recorded.
 */
class SettingsViewModelTest {
  @TempDir Path dir;
  private Session session;
  private final List<String> decided = new ArrayList<>();
  private final List<String> saves = new ArrayList<>();
  private String status = "suggested";
  private String tableStatus = "suggested";
  private boolean tableDeclared;
  private int analysed;
  private SettingsViewModel vm;

  @BeforeEach
  void open() throws Exception {
    session = Session.openOrCreate(dir.resolve("ws"));
    vm = new SettingsViewModel(rules(), new Tasks(Background.DIRECT));
    vm.setOnAnalysed(() -> analysed++);
    vm.load();
  }

  @AfterEach
  void close() throws Exception {
    session.close();
  }

  private SettingsViewModel.Rules rules() {
    return new SettingsViewModel.Rules() {
      @Override
      public SettingsForm.Form load() throws Exception {
        SettingsForm.Form f = session.configuration().form();
        return new SettingsForm.Form(
            f.environments(),
            f.aliases(),
            f.dependencies(),
            f.fields(),
            List.of(
                new SettingsForm.Suggestion(
                    "notifications-fan-out",
                    "Notifications fan-out",
                    "notifications",
                    0.55,
                    status,
                    List.of("its staging runs test 4 releases the service deploys"))),
            List.of(
                new SettingsForm.TableSuggestion(
                    "shop.order_lines",
                    "orders",
                    0.6,
                    tableStatus,
                    tableDeclared,
                    List.of(
                        "its staging test OrderLinesRepositoryIT.insertsLine names the table"))),
            "");
      }

      @Override
      public SettingsForm.Check check(SettingsForm.Edits edits) {
        return session.configuration().check(edits);
      }

      @Override
      public SettingsForm.Saved save(SettingsForm.Edits edits, TaskMonitor m) throws Exception {
        saves.add("save");
        return session.configuration().save(edits, m);
      }

      @Override
      public SettingsForm.Saved decide(String name, boolean accept, TaskMonitor m) {
        decided.add((accept ? "accept " : "reject ") + name);
        status = accept ? "accepted" : "rejected";
        return new SettingsForm.Saved(true, "Saved. The analysis ran again over 0 incidents.");
      }

      @Override
      public SettingsForm.Saved decideTable(
          String table, String service, boolean accept, TaskMonitor m) {
        decided.add((accept ? "accept " : "reject ") + table + "=" + service);
        tableStatus = accept ? "applied" : "rejected";
        tableDeclared = accept;
        return new SettingsForm.Saved(true, "Saved. The analysis ran again over 0 incidents.");
      }
    };
  }

  private SettingsViewModel.Field field(String key) {
    return vm.fields().stream()
        .filter(f -> f.field().key().equals(key))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no field " + key));
  }

  @Test
  void theFormShowsTheRulesInForceGroupedAsTheViewShowsThem() {
    assertTrue(vm.loadedProperty().get());
    assertEquals("72", field("linking.windowHours").textProperty().get());
    assertEquals("0.6", field("linking.minConfidence").textProperty().get());
    assertEquals(
        "production, canary", field("linking.productionEnvironments").textProperty().get());
    assertEquals(
        List.of("linking.productionEnvironments", "linking.stagingEnvironments"),
        vm.fields(SettingsForm.ENVIRONMENTS).stream().map(f -> f.field().key()).toList());
    assertTrue(
        vm.environments().stream().anyMatch(r -> r.nameProperty().get().equals("production")));
    assertTrue(
        vm.fields().stream().noneMatch(f -> f.field().key().equals("linking.changeLanguage")),
        "vocabularies stay in the settings file");
    assertFalse(vm.dirtyProperty().get());
    assertTrue(vm.validProperty().get());
  }

  @Test
  void aValueOutsideWhatIsAllowedIsRefusedAsTypedWithKeyValueAndWhatIsAllowed() {
    SettingsViewModel.Field window = field("linking.windowHours");
    window.textProperty().set("-4");
    assertEquals(
        "linking.windowHours is -4; it must be a number above 0 and up to 8760",
        window.errorProperty().get());
    assertFalse(vm.validProperty().get(), "Save waits");
    assertTrue(vm.refusalProperty().get().startsWith("1 value is refused"));

    window.textProperty().set("lots");
    assertEquals(
        "linking.windowHours is \"lots\"; it must be a number above 0 and up to 8760",
        window.errorProperty().get());
    field("linking.maxLinks").textProperty().set("2.5");
    assertEquals(
        "linking.maxLinks is 2.5; it must be a whole number from 1 to 20",
        field("linking.maxLinks").errorProperty().get());
    field("import.naiveTimeZone").textProperty().set("Mars/Olympus");
    assertTrue(
        field("import.naiveTimeZone").errorProperty().get().contains("a time zone such as UTC"));
    field("linking.stagingEnvironments").textProperty().set(" , ");
    assertEquals(
        "linking.stagingEnvironments is []; it must be a list of at least one string",
        field("linking.stagingEnvironments").errorProperty().get());
    assertTrue(vm.refusalProperty().get().startsWith("4 values are refused"));

    vm.save();
    assertEquals(List.of(), saves, "nothing is saved while a value is refused");

    window.textProperty().set("96");
    assertEquals("", window.errorProperty().get());
    vm.revert();
    assertEquals("72", window.textProperty().get());
    assertEquals("", field("linking.maxLinks").errorProperty().get());
    assertTrue(vm.validProperty().get());
    assertFalse(vm.dirtyProperty().get(), "Revert discards the edits");
  }

  @Test
  void tableRowsAreRefusedWhenBlankRepeatedOrNamedAsTheAnalysisWouldNotReadThem() {
    SettingsViewModel.Row env = vm.add(vm.environments());
    assertEquals("name an environment", env.errorProperty().get());
    env.nameProperty().set("EU Prod");
    assertEquals(
        "\"EU Prod\" is not a name the analysis uses; write it in lower case with hyphens"
            + " (eu-prod)",
        env.errorProperty().get());
    env.nameProperty().set("staging");
    assertEquals("\"staging\" is in the table twice", env.errorProperty().get());
    env.nameProperty().set("eu-prod");
    assertEquals("", env.errorProperty().get());

    SettingsViewModel.Row alias = vm.add(vm.aliases());
    alias.nameProperty().set("Checkout Web");
    assertEquals("an alias and a service name, neither blank", alias.errorProperty().get());
    alias.valuesProperty().set("checkout");
    assertEquals("", alias.errorProperty().get());
    // names are read alike: the same alias written twice is fine while it means one service
    SettingsViewModel.Row again = vm.add(vm.aliases());
    again.nameProperty().set("checkout web");
    again.valuesProperty().set("Checkout");
    assertEquals("", again.errorProperty().get());
    again.valuesProperty().set("storefront");
    assertEquals(
        "\"checkout web\" reads as \"Checkout Web\", which means checkout",
        again.errorProperty().get());
    again.nameProperty().set("Checkout Web");
    assertEquals("\"Checkout Web\" is in the table twice", again.errorProperty().get());
    vm.remove(vm.aliases(), again);
    assertTrue(vm.validProperty().get());
    vm.remove(vm.environments(), env);
    assertTrue(vm.dirtyProperty().get(), "the alias is still new");
  }

  @Test
  void saveWritesTheSettingsFileAndTheAliasTableAndAnalysesAgain() throws Exception {
    field("linking.windowHours").textProperty().set("96");
    SettingsViewModel.Row dep = vm.add(vm.dependencies());
    dep.nameProperty().set("checkout");
    dep.valuesProperty().set("payments, inventory");
    SettingsViewModel.Row alias = vm.add(vm.aliases());
    alias.nameProperty().set("Checkout Web");
    alias.valuesProperty().set("checkout");
    assertTrue(vm.dirtyProperty().get());
    vm.save();
    assertEquals(List.of("save"), saves);
    assertEquals("", vm.errorProperty().get());
    assertEquals("Saved. The analysis ran again over 0 incidents.", vm.messageProperty().get());
    assertEquals(1, analysed, "the window's tables and figures are told");

    String file =
        Files.readString(dir.resolve("ws").resolve("settings.json"), StandardCharsets.UTF_8);
    assertTrue(file.contains("\"windowHours\" : 96"), file);
    assertTrue(file.contains("\"checkout\" : [ \"payments\", \"inventory\" ]"), file);
    assertFalse(file.contains("minConfidence"), "only what changed is written: " + file);
    assertEquals("checkout", session.configuration().aliases().get("Checkout Web"));
    assertEquals(96, session.configuration().settings().number("linking.windowHours"));

    // read again after saving: what was saved is what the form now starts from
    assertFalse(vm.dirtyProperty().get());
    assertEquals("96", field("linking.windowHours").textProperty().get());
    assertEquals("checkout", vm.dependencies().get(0).nameProperty().get());
  }

  @Test
  void savingWhatIsAlreadySavedWritesNothingAndDoesNotAnalyse() throws Exception {
    SettingsForm.Saved s =
        session
            .configuration()
            .save(
                new SettingsForm.Edits(
                    vm.environments().stream()
                        .map(
                            r ->
                                new SettingsForm.Entry(
                                    r.nameProperty().get(), r.valuesProperty().get()))
                        .toList(),
                    List.of(),
                    List.of(),
                    java.util.Map.of()),
                TaskMonitor.NONE);
    assertFalse(s.changed());
    assertFalse(Files.exists(dir.resolve("ws").resolve("settings.json")));
  }

  @Test
  void aSuggestionIsAcceptedOrRejectedThroughTheAppLayerAndTheListIsReadAgain() {
    assertEquals(1, vm.suggestions().size());
    SettingsForm.Suggestion s = vm.suggestions().get(0);
    vm.accept(s);
    assertEquals(List.of("accept notifications-fan-out"), decided);
    assertEquals("accepted", vm.suggestions().get(0).status());
    assertEquals(1, analysed);
    vm.reject(vm.suggestions().get(0));
    assertEquals(List.of("accept notifications-fan-out", "reject notifications-fan-out"), decided);
    assertEquals("rejected", vm.suggestions().get(0).status());
    assertEquals(2, analysed);

    // with edits not saved, a decision waits: reading the table again would lose them
    field("linking.windowHours").textProperty().set("48");
    vm.accept(vm.suggestions().get(0));
    assertEquals(2, decided.size());
  }

  @Test
  void aTablesServiceIsAcceptedOrRejectedThroughTheAppLayerAndTheListIsReadAgain() {
    assertEquals(1, vm.tables().size());
    SettingsForm.TableSuggestion t = vm.tables().get(0);
    assertEquals("suggested", t.status());
    assertEquals(0.6, t.score());
    assertFalse(t.evidence().isEmpty());
    vm.acceptTable(t);
    assertEquals(List.of("accept shop.order_lines=orders"), decided);
    assertEquals("applied", vm.tables().get(0).status());
    assertTrue(vm.tables().get(0).declared());
    assertEquals(1, analysed);
    assertEquals("Saved. The analysis ran again over 0 incidents.", vm.messageProperty().get());
    vm.rejectTable(vm.tables().get(0));
    assertEquals(
        List.of("accept shop.order_lines=orders", "reject shop.order_lines=orders"), decided);
    assertEquals("rejected", vm.tables().get(0).status());
    assertEquals(2, analysed);

    // with edits not saved, a decision waits
    field("linking.windowHours").textProperty().set("48");
    vm.acceptTable(vm.tables().get(0));
    assertEquals(2, decided.size());
  }

  @Test
  void theTablesOfARealWorkspaceAreReadThroughTheAppLayer() throws Exception {
    SettingsForm.Form f = session.configuration().form();
    assertEquals(List.of(), f.tables(), "an empty workspace has no table without a service");
    assertEquals("", f.tablesProblem());
  }
}
