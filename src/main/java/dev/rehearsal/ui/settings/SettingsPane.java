package dev.rehearsal.ui.settings;

import dev.rehearsal.app.SettingsForm;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The settings view: a tab each for the environments, the services with their aliases, the names
 * the records suggest and the services tables belong to, the dependencies, and the analysis rules.
 * A refused value says why beside its field and Save waits until nothing is refused; Save writes
 * and analyses again with progress, Revert discards the edits.
 */
public final class SettingsPane extends BorderPane {
  private final SettingsViewModel vm;
  private final TabPane tabs = new TabPane();

  public SettingsPane(SettingsViewModel vm) {
    this.vm = vm;
    setId("settings-view");

    Label title = new Label("Settings");
    title.getStyleClass().add("view-title");
    Label how =
        new Label(
            "The workspace's rules: what its environments are called, which names mean one"
                + " service, what each service calls, and the thresholds of the analysis. Each"
                + " value is checked as you type; Save writes them to the workspace's settings"
                + " and alias files and runs the analysis again.");
    how.setWrapText(true);
    how.getStyleClass().add("muted-text");

    Button save = new Button("Save");
    save.setId("settings-save");
    save.setDefaultButton(true);
    save.disableProperty()
        .bind(
            vm.validProperty()
                .not()
                .or(vm.dirtyProperty().not())
                .or(vm.busyProperty())
                .or(vm.writableProperty().not()));
    save.setOnAction(e -> vm.save());
    Button revert = new Button("Revert");
    revert.setId("settings-revert");
    revert.disableProperty().bind(vm.dirtyProperty().not().or(vm.busyProperty()));
    revert.setOnAction(e -> vm.revert());
    ProgressBar bar = new ProgressBar();
    bar.setId("settings-progress");
    bar.setPrefWidth(200);
    bar.progressProperty().bind(vm.progressProperty());
    bar.visibleProperty().bind(vm.busyProperty());
    Label step = new Label();
    step.textProperty().bind(vm.stepProperty());
    step.visibleProperty().bind(vm.busyProperty());
    step.getStyleClass().add("muted-text");
    Label refusal = new Label();
    refusal.setId("settings-refusal");
    refusal.setWrapText(true);
    refusal.getStyleClass().add("error-text");
    refusal.textProperty().bind(vm.refusalProperty());
    HBox actions = new HBox(8, save, revert, bar, step);
    actions.setAlignment(Pos.CENTER_LEFT);

    Label message = new Label();
    message.setId("settings-message");
    message.setWrapText(true);
    message.getStyleClass().add("ok-text");
    message.textProperty().bind(vm.messageProperty());
    message.managedProperty().bind(message.textProperty().isNotEmpty());
    Label error = new Label();
    error.setId("settings-error");
    error.setWrapText(true);
    error.getStyleClass().add("error-text");
    error.textProperty().bind(vm.errorProperty());
    error.managedProperty().bind(error.textProperty().isNotEmpty());
    refusal.managedProperty().bind(refusal.textProperty().isNotEmpty());

    VBox top = new VBox(8, title, how, actions, refusal, message, error);
    top.setPadding(new Insets(12, 14, 8, 14));
    setTop(top);

    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    tabs.setId("settings-tabs");
    tabs.getTabs()
        .addAll(
            tab("Environments", "environments", environments()),
            tab("Services and aliases", "services", services()),
            tab("Dependencies", "dependencies", dependencies()),
            tab("Analysis rules", "rules", rules()));
    setCenter(tabs);
    setPadding(new Insets(0, 0, 4, 0));
  }

  /** Shows a tab: environments, services, dependencies or rules. */
  public void showTab(String id) {
    for (Tab t : tabs.getTabs()) {
      if (t.getId().equals("settings-tab-" + id)) {
        tabs.getSelectionModel().select(t);
      }
    }
  }

  private static Tab tab(String name, String id, Node content) {
    ScrollPane scroll = new ScrollPane(content);
    scroll.setFitToWidth(true);
    scroll.getStyleClass().add("settings-scroll");
    Tab t = new Tab(name, scroll);
    t.setId("settings-tab-" + id);
    return t;
  }

  private static VBox page(Node... children) {
    VBox v = new VBox(8, children);
    v.setPadding(new Insets(12, 14, 14, 14));
    return v;
  }

  private Node environments() {
    VBox fields = new VBox(6);
    VBox rows = new VBox(4);
    Button add = new Button("Add an environment");
    add.setId("settings-add-environment");
    add.setOnAction(e -> vm.add(vm.environments()));
    vm.fields()
        .addListener(
            (ListChangeListener<SettingsViewModel.Field>)
                c -> fields.getChildren().setAll(grid(vm.fields(SettingsForm.ENVIRONMENTS))));
    table(
        rows,
        vm.environments(),
        "environment",
        "environment",
        "the names tools write for it (* matches anything), separated by commas",
        "Remove this environment");
    return page(
        section("Names of environments"),
        muted(
            "Each environment the analysis knows and the names the tools write for it; the first"
                + " pattern that matches a name wins, and a name no pattern matches is kept as it"
                + " is. The names apply to records imported from now on: records already in keep"
                + " the environment they were read as until their files are imported again."
                + " Production deploys can cause incidents; a change must have passed staging to"
                + " be an escape."),
        rows,
        add,
        section("Which environments are production and staging"),
        fields);
  }

  private Node services() {
    VBox fields = new VBox(6);
    vm.fields()
        .addListener(
            (ListChangeListener<SettingsViewModel.Field>)
                c -> fields.getChildren().setAll(grid(vm.fields(SettingsForm.SERVICES))));
    VBox rows = new VBox(4);
    Button add = new Button("Add an alias");
    add.setId("settings-add-alias");
    add.setOnAction(e -> vm.add(vm.aliases()));
    table(
        rows,
        vm.aliases(),
        "alias",
        "a name a tool writes",
        "the service it means",
        "Remove this alias");
    Label none = muted("No aliases: names are still read alike (\"Checkout API\" is checkout).");
    none.visibleProperty().bind(Bindings.isEmpty(vm.aliases()));
    none.managedProperty().bind(none.visibleProperty());

    VBox suggestions = new VBox(8);
    suggestions.setId("settings-suggestions");
    vm.suggestions()
        .addListener(
            (ListChangeListener<SettingsForm.Suggestion>) c -> fillSuggestions(suggestions));
    vm.dirtyProperty().addListener((o, a, b) -> fillSuggestions(suggestions));
    fillSuggestions(suggestions);

    VBox tables = new VBox(8);
    tables.setId("settings-tables");
    vm.tables()
        .addListener((ListChangeListener<SettingsForm.TableSuggestion>) c -> fillTables(tables));
    vm.dirtyProperty().addListener((o, a, b) -> fillTables(tables));
    vm.tablesProblemProperty().addListener((o, a, b) -> fillTables(tables));
    fillTables(tables);
    return page(
        section("Alias table"),
        muted(
            "A name a tool writes for a service, and the service it means. Your table always"
                + " wins over what Rehearsal infers."),
        none,
        rows,
        add,
        fields,
        section("Names the records suggest"),
        muted(
            "Names Rehearsal takes for another service, from the words they share, releases their"
                + " staging runs and deploys share, incidents that follow the service's deploys,"
                + " cite its changes or write its name, each weighed against chance. Confident"
                + " ones apply until you reject them; accept one to put it in"
                + " your alias table. Either runs the analysis again."),
        suggestions,
        section("Tables and the services they belong to"),
        muted(
            "Row counts that came without a service (database statistics) count for the service"
                + " a table is tied to: declared in the settings, or worked out from the"
                + " services' configuration (database URLs, schema and table keys), their"
                + " incidents and their staging tests' names. Accept one to declare it the"
                + " service's; reject one so that it never applies. Either runs the analysis"
                + " again."),
        tables);
  }

  private void fillTables(VBox box) {
    box.getChildren().clear();
    if (!vm.tablesProblemProperty().get().isEmpty()) {
      Label problem = new Label(vm.tablesProblemProperty().get());
      problem.setWrapText(true);
      problem.getStyleClass().add("error-text");
      box.getChildren().add(problem);
    }
    if (vm.tables().isEmpty()) {
      box.getChildren()
          .add(
              muted(
                  "No suggestions: every table's row counts name their service, or nothing ties"
                      + " a table to one."));
      return;
    }
    if (vm.dirtyProperty().get()) {
      box.getChildren()
          .add(muted("Save or revert your edits to accept or reject a table's service."));
    }
    for (SettingsForm.TableSuggestion t : vm.tables()) {
      Label head =
          new Label(
              t.table()
                  + "  \u2192  "
                  + t.service()
                  + "    score "
                  + String.format(Locale.ROOT, "%.2f", t.score())
                  + "    "
                  + t.status()
                  + (t.declared() ? " (declared)" : ""));
      head.getStyleClass().add("strong-text");
      VBox card = new VBox(3, head);
      for (String why : t.evidence()) {
        Label l = new Label("\u2022 " + why);
        l.setWrapText(true);
        card.getChildren().add(l);
      }
      // an id is a CSS name: "shop.order_lines" would read as an id and a class
      String id = (t.table() + "-" + t.service()).replaceAll("[^A-Za-z0-9_-]", "_");
      boolean declared = t.declared() && t.status().equals("applied");
      Button accept = decision("Accept", "table-accept-" + id, declared, () -> vm.acceptTable(t));
      Button reject =
          decision(
              "Reject",
              "table-reject-" + id,
              t.status().equals("rejected"),
              () -> vm.rejectTable(t));
      card.getChildren().add(new HBox(8, accept, reject));
      card.getStyleClass().add("suggestion-card");
      card.setPadding(new Insets(8));
      box.getChildren().add(card);
    }
  }

  /**
   * An Accept or Reject button of a suggestion's card: disabled when it is already {@code done},
   * while edits wait to be saved, while a task runs and while the workspace cannot be written.
   */
  private Button decision(String text, String id, boolean done, Runnable action) {
    Button b = new Button(text);
    b.setId(id);
    b.disableProperty()
        .bind(
            Bindings.createBooleanBinding(
                () ->
                    done
                        || vm.dirtyProperty().get()
                        || vm.busyProperty().get()
                        || !vm.writableProperty().get(),
                vm.dirtyProperty(),
                vm.busyProperty(),
                vm.writableProperty()));
    b.setOnAction(e -> action.run());
    return b;
  }

  private void fillSuggestions(VBox box) {
    box.getChildren().clear();
    if (vm.suggestions().isEmpty()) {
      box.getChildren()
          .add(
              muted(
                  "No suggestions: every name the tools wrote reads as a service that deploys,"
                      + " or is in your alias table."));
      return;
    }
    if (vm.dirtyProperty().get()) {
      Label wait = new Label("Save or revert your edits to accept or reject a suggestion.");
      wait.getStyleClass().add("muted-text");
      box.getChildren().add(wait);
    }
    for (SettingsForm.Suggestion s : vm.suggestions()) {
      Label head =
          new Label(
              s.name()
                  + "  \u2192  "
                  + s.service()
                  + "    score "
                  + String.format(Locale.ROOT, "%.2f", s.score())
                  + "    "
                  + s.status());
      head.getStyleClass().add("strong-text");
      VBox card = new VBox(3, head);
      if (!s.written().isEmpty()) {
        card.getChildren().add(muted("written as: " + s.written()));
      }
      for (String why : s.evidence()) {
        Label l = new Label("\u2022 " + why);
        l.setWrapText(true);
        card.getChildren().add(l);
      }
      Button accept =
          decision("Accept", "suggestion-accept-" + s.name(), false, () -> vm.accept(s));
      Button reject =
          decision(
              "Reject",
              "suggestion-reject-" + s.name(),
              s.status().equals("rejected"),
              () -> vm.reject(s));
      HBox buttons = new HBox(8, accept, reject);
      card.getChildren().add(buttons);
      card.getStyleClass().add("suggestion-card");
      card.setPadding(new Insets(8));
      box.getChildren().add(card);
    }
  }

  private Node dependencies() {
    VBox rows = new VBox(4);
    Button add = new Button("Add a service");
    add.setId("settings-add-dependency");
    add.setOnAction(e -> vm.add(vm.dependencies()));
    table(
        rows,
        vm.dependencies(),
        "dependency",
        "service",
        "the services it calls, separated by commas",
        "Remove this service's dependencies");
    Label none = muted("No dependencies declared.");
    none.visibleProperty().bind(Bindings.isEmpty(vm.dependencies()));
    none.managedProperty().bind(none.visibleProperty());
    return page(
        section("What each service calls"),
        muted(
            "A deploy of a service a failing service calls can have caused its incident: the"
                + " linking weighs it as a dependency's change."),
        none,
        rows,
        add);
  }

  private Node rules() {
    VBox box = new VBox(10);
    vm.fields()
        .addListener(
            (ListChangeListener<SettingsViewModel.Field>)
                c -> {
                  Map<String, List<SettingsViewModel.Field>> groups = new LinkedHashMap<>();
                  for (SettingsViewModel.Field f : vm.fields()) {
                    String g = f.field().group();
                    if (!g.equals(SettingsForm.ENVIRONMENTS) && !g.equals(SettingsForm.SERVICES)) {
                      groups.computeIfAbsent(g, k -> new java.util.ArrayList<>()).add(f);
                    }
                  }
                  box.getChildren().clear();
                  groups.forEach((g, fs) -> box.getChildren().addAll(section(g), grid(fs)));
                });
    return page(
        muted(
            "The rules the analysis links, judges and classifies by (docs/settings.md says what"
                + " each means). The vocabularies and the weights by environment stay in the"
                + " workspace's settings.json; the tables each service owns are accepted or"
                + " rejected on the Services tab."),
        box);
  }

  /** Fields in a grid: the setting in words, its key, the value, what is allowed; refusal below. */
  private static GridPane grid(List<SettingsViewModel.Field> fields) {
    GridPane g = new GridPane();
    g.setHgap(12);
    g.setVgap(3);
    // the same columns in every group, so the groups line up
    ColumnConstraints label = new ColumnConstraints(200);
    ColumnConstraints key = new ColumnConstraints(310);
    ColumnConstraints value = new ColumnConstraints();
    ColumnConstraints allowed = new ColumnConstraints();
    allowed.setHgrow(Priority.ALWAYS);
    g.getColumnConstraints().addAll(label, key, value, allowed);
    int r = 0;
    for (SettingsViewModel.Field f : fields) {
      TextField t = new TextField();
      t.setId("setting-" + f.field().key().replace('.', '-'));
      t.textProperty().bindBidirectional(f.textProperty());
      // word lists need the room to be read; numbers and words do not
      t.setPrefWidth(f.field().value().length() > 16 ? 380 : 200);
      refusedStyle(t, f.errorProperty());
      Label k = new Label(f.field().key());
      k.getStyleClass().addAll("mono", "muted-text");
      Label allowedText = muted(f.field().allowed());
      allowedText.setWrapText(false);
      g.addRow(r++, new Label(f.field().label()), k, t, allowedText);
      Label err = refusal(f.errorProperty());
      err.setId("setting-error-" + f.field().key().replace('.', '-'));
      g.add(err, 0, r++, 4, 1);
    }
    return g;
  }

  /** The rows of a table: two fields, a Remove button and the row's refusal below them. */
  private void table(
      VBox box,
      ObservableList<SettingsViewModel.Row> rows,
      String id,
      String namePrompt,
      String valuesPrompt,
      String removeText) {
    Runnable fill =
        () -> {
          box.getChildren().clear();
          int i = 0;
          for (SettingsViewModel.Row row : rows) {
            TextField name = new TextField();
            name.setId(id + "-name-" + i);
            name.setPromptText(namePrompt);
            name.setPrefWidth(220);
            name.textProperty().bindBidirectional(row.nameProperty());
            refusedStyle(name, row.errorProperty());
            TextField values = new TextField();
            values.setId(id + "-values-" + i);
            values.setPromptText(valuesPrompt);
            values.textProperty().bindBidirectional(row.valuesProperty());
            HBox.setHgrow(values, Priority.ALWAYS);
            Button remove = new Button("Remove");
            remove.setTooltip(new javafx.scene.control.Tooltip(removeText));
            remove.setOnAction(e -> vm.remove(rows, row));
            remove.disableProperty().bind(vm.busyProperty());
            Label arrow = new Label("\u2192");
            HBox line = new HBox(8, name, arrow, values, remove);
            line.setAlignment(Pos.CENTER_LEFT);
            Label err = refusal(row.errorProperty());
            err.setId(id + "-error-" + i);
            box.getChildren().addAll(line, err);
            i++;
          }
        };
    rows.addListener((ListChangeListener<SettingsViewModel.Row>) c -> fill.run());
    fill.run();
  }

  private static void refusedStyle(TextField t, javafx.beans.value.ObservableStringValue error) {
    error.addListener(
        (o, a, b) -> {
          t.getStyleClass().remove("refused");
          if (b != null && !b.isEmpty()) {
            t.getStyleClass().add("refused");
          }
        });
  }

  private static Label refusal(javafx.beans.value.ObservableStringValue error) {
    Label l = new Label();
    l.getStyleClass().add("error-text");
    l.setWrapText(true);
    l.textProperty().bind(error);
    l.visibleProperty().bind(l.textProperty().isNotEmpty());
    l.managedProperty().bind(l.visibleProperty());
    return l;
  }

  private static Label section(String s) {
    Label l = new Label(s);
    l.getStyleClass().add("section-heading");
    l.setMaxWidth(Double.MAX_VALUE);
    return l;
  }

  private static Label muted(String s) {
    Label l = new Label(s);
    l.setWrapText(true);
    l.getStyleClass().add("muted-text");
    return l;
  }
}
