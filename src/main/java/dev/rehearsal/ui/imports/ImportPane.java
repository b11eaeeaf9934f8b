package dev.rehearsal.ui.imports;

import dev.rehearsal.app.ImportView;
import dev.rehearsal.ui.rejections.RejectionTable;
import dev.rehearsal.ui.shell.QuietTooltip;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;

/**
 * The import view: choose or drop files, folders and zips; read what each holds before importing;
 * import with progress and cancel; then each file's counts and the rejected records.
 */
public final class ImportPane extends BorderPane {
  private final ImportViewModel vm;
  private final MappingEditorViewModel mappings;
  private final TableView<ImportView.PlannedFile> plan;

  public ImportPane(ImportViewModel vm, MappingEditorViewModel mappings) {
    this.vm = vm;
    this.mappings = mappings;
    setId("import-view");
    getStyleClass().add("import-view");

    Label title = new Label("Import");
    title.getStyleClass().add("view-title");
    Label how =
        new Label(
            "Add the files your tools export (incidents, deploys, staging test and load results,"
                + " configuration snapshots), folders or zip archives, or drop them anywhere on"
                + " the window. Rehearsal shows what it finds in each before anything is"
                + " imported; every record is imported or rejected with its file, line and"
                + " reason, and the analysis runs again afterwards.");
    how.setWrapText(true);
    how.getStyleClass().add("muted-text");
    Button files = new Button("Add files\u2026");
    files.setId("import-add-files");
    files.setOnAction(e -> chooseFiles());
    Button folder = new Button("Add a folder\u2026");
    folder.setOnAction(e -> chooseFolder());
    Button clear = new Button("Clear");
    clear.setOnAction(e -> vm.clear());
    Button start = new Button("Import");
    start.setId("import-start");
    start.setDefaultButton(true);
    start.setOnAction(e -> vm.start());
    start
        .disableProperty()
        .bind(
            vm.runningProperty()
                .or(vm.planningProperty())
                .or(javafx.beans.binding.Bindings.isEmpty(vm.planned()))
                .or(vm.writableProperty().not()));
    Button cancel = new Button("Cancel");
    cancel.setId("import-cancel");
    cancel.disableProperty().bind(vm.runningProperty().not());
    cancel.setOnAction(e -> vm.cancel());
    ProgressBar bar = new ProgressBar();
    bar.setId("import-progress");
    bar.setPrefWidth(220);
    bar.progressProperty().bind(vm.progressProperty());
    bar.visibleProperty().bind(vm.runningProperty());
    Label step = new Label();
    step.textProperty().bind(vm.messageProperty());
    step.visibleProperty().bind(vm.runningProperty());
    step.getStyleClass().add("muted-text");
    HBox actions = new HBox(8, files, folder, clear, start, cancel, bar, step);
    actions.setAlignment(Pos.CENTER_LEFT);

    Label error = new Label();
    error.setId("import-error");
    error.setWrapText(true);
    error.getStyleClass().add("error-text");
    error.textProperty().bind(vm.errorProperty());
    error.managedProperty().bind(error.textProperty().isNotEmpty());

    VBox top = new VBox(8, title, how, actions, error);
    top.setPadding(new Insets(12, 14, 8, 14));

    // before: the plan, and the first records of the file selected
    plan = new TableView<>(vm.planned());
    plan.setId("import-plan");
    plan.setPlaceholder(new Label("No files chosen yet."));
    // every column wraps and the columns share the table's width by what they hold (the file, what
    // it lacks and what was stated the most), so nothing is cut at 1366 wide; the folder is shown
    // once above the table, each row names its file under it
    plan.getStyleClass().add("wrapping-rows");
    plan.getColumns().add(wrapped("File", vm::shownName, 3));
    plan.getColumns().add(wrapped("Detected format", ImportView.PlannedFile::detected, 2.6));
    TableColumn<ImportView.PlannedFile, String> status =
        wrapped("Status", ImportView.PlannedFile::status, 1.1);
    status.setMinWidth(90); // "will import" on one line
    plan.getColumns().add(status);
    plan.getColumns().add(wrapped("Lacks", f -> String.join(", ", f.lacks()), 2.2));
    TableColumn<ImportView.PlannedFile, String> stated =
        wrapped("Stated here", ImportView.PlannedFile::stated, 3);
    stated.visibleProperty().bind(vm.anyStatedProperty());
    plan.getColumns().add(stated);
    TableColumn<ImportView.PlannedFile, String> note =
        wrapped("Note", ImportView.PlannedFile::note, 2.6);
    note.visibleProperty().bind(vm.anyNoteProperty());
    plan.getColumns().add(note);
    plan.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
    plan.widthProperty().addListener((o, a, b) -> share(plan));
    for (TableColumn<ImportView.PlannedFile, ?> c : plan.getColumns()) {
      c.visibleProperty().addListener((o, a, b) -> share(plan));
    }
    plan.getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.MULTIPLE);
    plan.getSelectionModel()
        .getSelectedItems()
        .addListener(
            (javafx.collections.ListChangeListener<ImportView.PlannedFile>)
                c ->
                    vm.selected()
                        .setAll(
                            plan.getSelectionModel().getSelectedItems().stream()
                                .filter(java.util.Objects::nonNull)
                                .toList()));
    ListView<String> preview = new ListView<>();
    preview.setId("import-preview");
    preview.setPlaceholder(new Label("Select a file to see its first records."));
    preview.setCellFactory(
        l ->
            new javafx.scene.control.ListCell<>() {
              {
                setWrapText(true);
                prefWidthProperty().bind(l.widthProperty().subtract(24));
                setMaxWidth(Region.USE_PREF_SIZE);
              }

              @Override
              protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
              }
            });
    plan.getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, a, f) -> {
              if (f == null) {
                preview.getItems().clear();
              } else {
                preview.getItems().setAll(f.preview());
                f.previewRejected().forEach(r -> preview.getItems().add("rejected: " + r));
                if (preview.getItems().isEmpty() && !f.message().isEmpty()) {
                  // a file that will not be read says why instead
                  preview.getItems().add(f.message());
                }
              }
            });
    // the first file's records show at once; another is a click away
    vm.planned()
        .addListener(
            (javafx.collections.ListChangeListener<ImportView.PlannedFile>)
                c -> {
                  if (!vm.planned().isEmpty()
                      && plan.getSelectionModel().getSelectedItem() == null) {
                    plan.getSelectionModel().select(0);
                  }
                });
    VBox records = new VBox(4, section("First records of the file selected"), preview);
    VBox.setVgrow(preview, Priority.ALWAYS);
    Button map = new Button("Map columns\u2026");
    map.setId("import-map-columns");
    map.setTooltip(
        new Tooltip(
            "Say which column of a CSV or JSON file holds each field; saved, it reads the next"
                + " file with the same columns too"));
    map.disableProperty()
        .bind(
            javafx.beans.binding.Bindings.createBooleanBinding(
                () -> {
                  ImportView.PlannedFile f = plan.getSelectionModel().getSelectedItem();
                  return f == null || !f.mappable();
                },
                plan.getSelectionModel().selectedItemProperty()));
    map.setOnAction(
        e -> {
          ImportView.PlannedFile f = plan.getSelectionModel().getSelectedItem();
          if (f != null) {
            mappings.open(Path.of(f.file()));
          }
        });
    Region grow = new Region();
    HBox.setHgrow(grow, Priority.ALWAYS);
    Label planFolder = new Label();
    planFolder.setId("import-plan-folder");
    planFolder.getStyleClass().add("muted-text");
    planFolder.setTextOverrun(javafx.scene.control.OverrunStyle.LEADING_ELLIPSIS);
    planFolder.setMinWidth(0);
    planFolder
        .textProperty()
        .bind(
            javafx.beans.binding.Bindings.createStringBinding(
                () -> vm.folderProperty().get().isEmpty() ? "" : "in " + vm.folderProperty().get(),
                vm.folderProperty()));
    Tooltip folderTip = new Tooltip();
    folderTip.textProperty().bind(vm.folderProperty());
    planFolder.setTooltip(folderTip);
    HBox.setHgrow(planFolder, Priority.SOMETIMES);
    Label planTitle = section("Before importing");
    planTitle.setMinWidth(Region.USE_PREF_SIZE);
    map.setMinWidth(Region.USE_PREF_SIZE);
    HBox planHead = new HBox(8, planTitle, planFolder, grow, map);
    planHead.setAlignment(Pos.CENTER_LEFT);
    VBox planBox = new VBox(4, planHead, plan, statementBar());
    VBox.setVgrow(plan, Priority.ALWAYS);
    HBox before = new HBox(10, planBox, records);
    HBox.setHgrow(planBox, Priority.ALWAYS);
    // the records beside the plan keep their width whatever the bar under the plan asks for
    records.setPrefWidth(330);
    records.setMinWidth(330);
    before.setPadding(new Insets(0, 14, 8, 14));

    // after: per file, and the rejections
    Label summary = new Label();
    summary.setId("import-summary");
    summary.setWrapText(true);
    summary.textProperty().bind(vm.summaryProperty());
    summary.getStyleClass().add("strong-text");
    TableView<ImportView.FileResult> results = new TableView<>(vm.results());
    results.setId("import-results");
    results.setPlaceholder(new Label("Nothing imported yet."));
    results.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    results.getColumns().add(col("File", ImportView.FileResult::file, 260));
    results.getColumns().add(col("Status", ImportView.FileResult::status, 80));
    results.getColumns().add(col("Format", ImportView.FileResult::format, 140));
    results.getColumns().add(col("Read", f -> String.format("%,d", f.seen()), 70));
    results.getColumns().add(col("Imported", f -> String.format("%,d", f.accepted()), 75));
    results.getColumns().add(col("Rejected", f -> String.format("%,d", f.rejected()), 75));
    results.getColumns().add(col("Note", ImportView.FileResult::message, 200));
    TextField filter = new TextField();
    filter.setId("import-rejection-filter");
    filter.setPromptText("Filter the rejected records (file, line, reason)");
    filter.textProperty().bindBidirectional(vm.rejectionFilterProperty());
    RejectionTable rejected = new RejectionTable(vm.rejections(), "import-rejections");
    VBox after =
        new VBox(
            4,
            section("After the import"),
            summary,
            results,
            section("Rejected records"),
            filter,
            rejected);
    VBox.setVgrow(rejected, Priority.ALWAYS);
    results.setPrefHeight(110);
    results.setMinHeight(60);
    rejected.setMinHeight(60);
    after.setPadding(new Insets(0, 14, 8, 14));

    SplitPane split = new SplitPane(before, after);
    split.setOrientation(javafx.geometry.Orientation.VERTICAL);
    split.setDividerPositions(0.48);
    // the mapping editor takes the place of the import's results while it is open
    MappingEditorPane editor = new MappingEditorPane(mappings);
    mappings
        .openProperty()
        .addListener(
            (o, a, open) -> {
              double at = split.getDividerPositions()[0];
              split.getItems().set(1, open ? editor : after);
              split.setDividerPositions(open ? Math.min(at, 0.4) : at);
            });
    setTop(top);
    setCenter(split);
  }

  /**
   * Service, environment, version and time stated once for the files selected in the plan, each
   * checked as typed; what a field refuses shows under the bar.
   */
  private VBox statementBar() {
    Label lead =
        new Label(
            "State what the files selected lack, as an import manifest would (a file's own"
                + " values win):");
    lead.getStyleClass().add("muted-text");
    lead.setWrapText(true);
    lead.setMinHeight(Region.USE_PREF_SIZE);
    TextField service = statementField("import-state-service", "service", vm.serviceProperty(), 8);
    TextField env =
        statementField("import-state-environment", "environment", vm.environmentProperty(), 8);
    TextField version = statementField("import-state-version", "version", vm.versionProperty(), 6);
    TextField commit = statementField("import-state-commit", "commit", vm.commitProperty(), 7);
    TextField time =
        statementField("import-state-time", "time, 2024-03-01 10:15", vm.timeProperty(), 12);
    Button fill = new Button("Fill in");
    fill.setId("import-state-fill");
    fill.setMinWidth(Region.USE_PREF_SIZE);
    fill.disableProperty().bind(vm.canFillProperty().not());
    fill.setOnAction(e -> vm.fill());
    fill.setTooltip(
        new Tooltip(
            "States these values for the files selected, as an import manifest would; a file's"
                + " own values win"));
    Button forget = new Button("Forget");
    forget.setId("import-state-forget");
    forget.setMinWidth(Region.USE_PREF_SIZE);
    forget.setTooltip(new Tooltip("Forgets what was stated for the files selected"));
    forget.disableProperty().bind(vm.canForgetProperty().not());
    forget.setOnAction(e -> vm.forgetStated());
    HBox fields = new HBox(6, service, env, version, commit, time, fill, forget);
    fields.setAlignment(Pos.CENTER_LEFT);
    for (TextField t : List.of(service, env, version, commit, time)) {
      t.setMinWidth(60);
      HBox.setHgrow(t, Priority.ALWAYS);
    }
    Label refused = new Label();
    refused.setId("import-state-refused");
    refused.setWrapText(true);
    refused.getStyleClass().add("error-text");
    refused
        .textProperty()
        .bind(
            javafx.beans.binding.Bindings.createStringBinding(
                () ->
                    ImportView.Statement.FIELDS.stream()
                        .map(f -> vm.refusedProperty(f).get())
                        .filter(m -> !m.isEmpty())
                        .reduce((a, b) -> a + " " + b)
                        .orElse(""),
                ImportView.Statement.FIELDS.stream()
                    .map(vm::refusedProperty)
                    .toArray(javafx.beans.Observable[]::new)));
    refused.setMinHeight(Region.USE_PREF_SIZE);
    refused.managedProperty().bind(refused.textProperty().isNotEmpty());
    refused.visibleProperty().bind(refused.managedProperty());
    Label done = new Label();
    done.setId("import-state-message");
    done.setWrapText(true);
    done.setMinHeight(Region.USE_PREF_SIZE);
    done.getStyleClass().add("muted-text");
    done.textProperty().bind(vm.fillMessageProperty());
    done.managedProperty()
        .bind(done.textProperty().isNotEmpty().and(refused.managedProperty().not()));
    done.visibleProperty().bind(done.managedProperty());
    return new VBox(3, lead, fields, refused, done);
  }

  private TextField statementField(
      String id, String prompt, javafx.beans.property.StringProperty value, int columns) {
    TextField t = new TextField();
    t.setId(id);
    t.setPromptText(prompt);
    t.setPrefColumnCount(columns);
    t.textProperty().bindBidirectional(value);
    String field = prompt.contains(",") ? prompt.substring(0, prompt.indexOf(',')) : prompt;
    vm.refusedProperty(field)
        .addListener(
            (o, a, b) -> {
              t.getStyleClass().remove("refused");
              if (b != null && !b.isEmpty()) {
                t.getStyleClass().add("refused");
              }
            });
    t.setOnAction(e -> vm.fill());
    return t;
  }

  private static Label section(String s) {
    Label l = new Label(s);
    l.getStyleClass().add("section-heading");
    return l;
  }

  private void chooseFiles() {
    FileChooser c = new FileChooser();
    c.setTitle("Files to import");
    List<File> chosen = c.showOpenMultipleDialog(getScene().getWindow());
    if (chosen != null) {
      vm.add(chosen.stream().map(File::toPath).toList());
    }
  }

  private void chooseFolder() {
    DirectoryChooser c = new DirectoryChooser();
    c.setTitle("A folder to import");
    File d = c.showDialog(getScene().getWindow());
    if (d != null) {
      vm.add(List.of(d.toPath()));
    }
  }

  /** Selects the planned files that pass (as a click with Ctrl would). */
  public void selectPlanned(java.util.function.Predicate<ImportView.PlannedFile> which) {
    plan.getSelectionModel().clearSelection();
    for (int i = 0; i < plan.getItems().size(); i++) {
      if (which.test(plan.getItems().get(i))) {
        plan.getSelectionModel().select(i);
      }
    }
  }

  /** Adds what was dropped on the window. */
  public void dropped(List<Path> paths) {
    vm.add(paths);
  }

  /**
   * Shares a table's width among its visible columns by the share each asks for ({@link #wrapped});
   * a column resized by hand keeps its width until the table's width or columns change.
   */
  private static void share(TableView<?> table) {
    double available = table.getWidth() - 20; // borders, and room for a vertical scroll bar
    if (available <= 0) {
      return;
    }
    double total = 0;
    for (TableColumn<?, ?> c : table.getColumns()) {
      if (c.isVisible() && c.getUserData() instanceof Double share) {
        total += share;
      }
    }
    for (TableColumn<?, ?> c : table.getColumns()) {
      if (c.isVisible() && c.getUserData() instanceof Double share) {
        c.setPrefWidth(Math.max(c.getMinWidth(), Math.floor(available * share / total)));
      }
    }
  }

  /**
   * A column whose cells wrap their text to the column's width (the row grows), so that nothing in
   * it is cut; {@code share} is its part of the table's width beside the others ({@link #share}).
   */
  private static <T> TableColumn<T, String> wrapped(
      String name, Function<T, String> value, double share) {
    TableColumn<T, String> c = new TableColumn<>(name);
    c.setCellValueFactory(
        r -> new ReadOnlyObjectWrapper<>(r.getValue() == null ? "" : value.apply(r.getValue())));
    c.setUserData(share);
    c.setMinWidth(60);
    c.setCellFactory(
        col ->
            new TableCell<>() {
              private final Text text = new Text();

              {
                text.wrappingWidthProperty().bind(col.widthProperty().subtract(12));
                text.fillProperty().bind(textFillProperty());
                text.fontProperty().bind(fontProperty());
                setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
                setPrefHeight(javafx.scene.control.Control.USE_COMPUTED_SIZE);
              }

              @Override
              protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                text.setText(empty || item == null ? "" : item);
                setGraphic(empty ? null : text);
              }
            });
    return c;
  }

  private static <T> TableColumn<T, String> col(String name, Function<T, String> value, double w) {
    TableColumn<T, String> c = new TableColumn<>(name);
    c.setCellValueFactory(
        r -> new ReadOnlyObjectWrapper<>(r.getValue() == null ? "" : value.apply(r.getValue())));
    c.setPrefWidth(w);
    c.setCellFactory(
        col ->
            new TableCell<>() {
              private final QuietTooltip tip = new QuietTooltip();

              {
                setTooltip(tip);
              }

              {
                // a path keeps its file name in view
                if (name.equals("File")) {
                  setTextOverrun(javafx.scene.control.OverrunStyle.LEADING_ELLIPSIS);
                }
              }

              @Override
              protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                tip.setText(empty || item == null || item.length() < 16 ? "" : item);
              }
            });
    return c;
  }
}
