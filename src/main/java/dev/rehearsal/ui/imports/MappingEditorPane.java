package dev.rehearsal.ui.imports;

import dev.rehearsal.app.MappingView;
import dev.rehearsal.model.RecordKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The column-mapping editor: for each record field of the kind chosen, the file's field it is read
 * from or a fixed value (required ones marked), the first rows as mapped, why the mapping cannot be
 * used yet, and the mappings the workspace keeps.
 */
final class MappingEditorPane extends VBox {
  private static final String NONE = "";

  MappingEditorPane(MappingEditorViewModel vm) {
    super(6);
    setId("mapping-editor");
    setPadding(new Insets(0, 14, 8, 14));

    Label heading = new Label();
    heading.getStyleClass().add("section-heading");
    heading.setId("mapping-heading");
    vm.sourceProperty()
        .addListener(
            (o, a, s) ->
                heading.setText(
                    s == null
                        ? "Column mapping"
                        : "Column mapping for "
                            + Path.of(s.file()).getFileName()
                            + " ("
                            + s.format()
                            + ", "
                            + s.fields().size()
                            + " fields)"));
    heading.setText("Column mapping");
    TextField name = new TextField();
    name.setId("mapping-name");
    name.setPromptText("a name for the mapping");
    name.setPrefColumnCount(14);
    name.textProperty().bindBidirectional(vm.nameProperty());
    ComboBox<RecordKind> kind =
        new ComboBox<>(FXCollections.observableArrayList(RecordKind.values()));
    kind.setId("mapping-kind");
    kind.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(RecordKind k) {
            return k == null
                ? ""
                : switch (k) {
                  case INCIDENT -> "Incidents";
                  case DEPLOY -> "Deploys";
                  case STAGING_RUN -> "Staging runs";
                  case FACT -> "Environment facts";
                };
          }

          @Override
          public RecordKind fromString(String s) {
            return null;
          }
        });
    kind.valueProperty().bindBidirectional(vm.kindProperty());
    Button save = new Button("Save mapping");
    save.setId("mapping-save");
    save.disableProperty().bind(vm.canSaveProperty().not().or(vm.busyProperty()));
    save.setOnAction(e -> vm.save());
    Button close = new Button("Close");
    close.setId("mapping-close");
    close.setOnAction(e -> vm.close());
    Region grow = new Region();
    HBox.setHgrow(grow, Priority.ALWAYS);
    HBox top =
        new HBox(
            8, heading, grow, new Label("Name"), name, new Label("Records are"), kind, save, close);
    top.setAlignment(Pos.CENTER_LEFT);

    Label status = new Label();
    status.setId("mapping-status");
    status.setWrapText(true);
    status.getStyleClass().add("muted-text");
    status.textProperty().bind(vm.statusProperty());
    status.managedProperty().bind(status.textProperty().isNotEmpty());

    // each record field: the file's field it is read from, or a fixed value
    TableView<MappingEditorViewModel.FieldRow> fields = new TableView<>(vm.rows());
    fields.setId("mapping-fields");
    fields.setEditable(true);
    fields.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    fields.setPlaceholder(new Label("Choose what kind of records the file holds."));
    TableColumn<MappingEditorViewModel.FieldRow, String> field = new TableColumn<>("Field");
    field.setCellValueFactory(
        r ->
            new ReadOnlyStringWrapper(r.getValue().name() + (r.getValue().required() ? " *" : "")));
    field.setPrefWidth(125);
    field.setCellFactory(
        c ->
            new TableCell<>() {
              @Override
              protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                getStyleClass().remove("strong-text");
                if (!empty && item != null && item.endsWith(" *")) {
                  getStyleClass().add("strong-text");
                  setTooltip(new Tooltip("required: a column or a fixed value"));
                } else {
                  setTooltip(null);
                }
              }
            });
    TableColumn<MappingEditorViewModel.FieldRow, MappingEditorViewModel.FieldRow> column =
        new TableColumn<>("Read from");
    column.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(r.getValue()));
    column.setPrefWidth(170);
    column.setCellFactory(c -> new ColumnCell(vm));
    TableColumn<MappingEditorViewModel.FieldRow, MappingEditorViewModel.FieldRow> constant =
        new TableColumn<>("Fixed value");
    constant.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(r.getValue()));
    constant.setPrefWidth(120);
    constant.setCellFactory(c -> new ConstantCell());
    TableColumn<MappingEditorViewModel.FieldRow, String> sample = new TableColumn<>("First value");
    sample.setCellValueFactory(r -> r.getValue().sampleProperty());
    sample.setPrefWidth(150);
    fields.getColumns().add(field);
    fields.getColumns().add(column);
    fields.getColumns().add(constant);
    fields.getColumns().add(sample);
    Label legend = new Label("* required");
    legend.getStyleClass().add("muted-text");
    VBox left = new VBox(4, fields, legend);
    VBox.setVgrow(fields, Priority.ALWAYS);
    left.setPrefWidth(560);
    left.setMinWidth(500);

    // why it cannot be used yet, and the first rows as it reads them
    ListView<String> problems = new ListView<>(vm.problems());
    problems.setId("mapping-problems");
    problems.getStyleClass().add("error-list");
    problems.setPrefHeight(60);
    problems.setMinHeight(40);
    problems.setCellFactory(
        l ->
            new javafx.scene.control.ListCell<>() {
              @Override
              protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                getStyleClass().remove("error-text");
                if (!empty) {
                  getStyleClass().add("error-text");
                }
              }
            });
    problems.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.problems()));
    problems.managedProperty().bind(problems.visibleProperty());
    TableView<MappingView.Row> preview = new TableView<>();
    preview.setId("mapping-preview");
    preview.setPlaceholder(new Label("The first rows show here as the mapping reads them."));
    preview.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
    vm.previewProperty().addListener((o, a, p) -> showPreview(preview, p));

    TableView<MappingView.Saved> saved = new TableView<>(vm.saved());
    saved.setId("mapping-saved");
    saved.setPlaceholder(new Label("No mapping is saved in this workspace yet."));
    saved.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    saved.getColumns().add(col("Saved mapping", MappingView.Saved::name, 130));
    saved.getColumns().add(col("Records", MappingView.Saved::kind, 90));
    saved.getColumns().add(col("Fields", s -> Integer.toString(s.mapped()), 50));
    saved.getColumns().add(col("Made for a file with", MappingView.Saved::madeFor, 220));
    TableColumn<MappingView.Saved, MappingView.Saved> remove = new TableColumn<>("");
    remove.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(r.getValue()));
    remove.setPrefWidth(80);
    remove.setCellFactory(
        c ->
            new TableCell<>() {
              private final Button b = new Button("Remove");

              @Override
              protected void updateItem(MappingView.Saved item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                  setGraphic(null);
                } else {
                  b.setId("mapping-remove-" + item.name());
                  b.setOnAction(e -> vm.remove(item.name()));
                  setGraphic(b);
                }
              }
            });
    saved.getColumns().add(remove);
    saved.setPrefHeight(100);
    saved.setMinHeight(70);

    VBox right =
        new VBox(
            4,
            problems,
            section("First rows as mapped"),
            preview,
            section("Saved mappings"),
            saved);
    VBox.setVgrow(preview, Priority.ALWAYS);
    right.setPrefWidth(420);
    HBox body = new HBox(10, left, right);
    HBox.setHgrow(right, Priority.ALWAYS);
    VBox.setVgrow(body, Priority.ALWAYS);
    getChildren().addAll(top, status, body);
  }

  private static Label section(String s) {
    Label l = new Label(s);
    l.getStyleClass().add("section-heading");
    return l;
  }

  private static void showPreview(TableView<MappingView.Row> table, MappingView.Preview p) {
    table.getColumns().clear();
    if (p == null) {
      table.getItems().clear();
      return;
    }
    TableColumn<MappingView.Row, String> becomes = new TableColumn<>("Becomes");
    becomes.setCellValueFactory(r -> new ReadOnlyStringWrapper(r.getValue().outcome()));
    becomes.setPrefWidth(290);
    becomes.setCellFactory(
        c ->
            new TableCell<>() {
              @Override
              protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null || item.isEmpty() ? null : new Tooltip(item));
                getStyleClass().remove("error-text");
                if (!empty && item != null && item.startsWith("rejected")) {
                  getStyleClass().add("error-text");
                }
              }
            });
    table.getColumns().add(becomes);
    List<String> fields = new ArrayList<>(p.fields());
    for (int i = 0; i < fields.size(); i++) {
      int at = i;
      TableColumn<MappingView.Row, String> c = new TableColumn<>(fields.get(i));
      c.setCellValueFactory(
          r ->
              new ReadOnlyStringWrapper(
                  at < r.getValue().values().size() ? r.getValue().values().get(at) : ""));
      int widest = fields.get(i).length();
      for (MappingView.Row r : p.rows()) {
        if (at < r.values().size()) {
          widest = Math.max(widest, r.values().get(at).length());
        }
      }
      c.setPrefWidth(Math.max(60, Math.min(170, 18 + 7.5 * widest)));
      table.getColumns().add(c);
    }
    table.getItems().setAll(p.rows());
  }

  private static <T> TableColumn<T, String> col(
      String name, java.util.function.Function<T, String> value, double w) {
    TableColumn<T, String> c = new TableColumn<>(name);
    c.setCellValueFactory(r -> new ReadOnlyStringWrapper(value.apply(r.getValue())));
    c.setPrefWidth(w);
    return c;
  }

  /** The file's field a record field is read from: a choice of the file's fields, or none. */
  private static final class ColumnCell
      extends TableCell<MappingEditorViewModel.FieldRow, MappingEditorViewModel.FieldRow> {
    private final ComboBox<String> box = new ComboBox<>();
    private final MappingEditorViewModel vm;
    private MappingEditorViewModel.FieldRow bound;

    ColumnCell(MappingEditorViewModel vm) {
      this.vm = vm;
      box.setMaxWidth(Double.MAX_VALUE);
      box.setConverter(
          new StringConverter<>() {
            @Override
            public String toString(String s) {
              return s == null || s.isEmpty() ? "\u2014" : s;
            }

            @Override
            public String fromString(String s) {
              return s;
            }
          });
      vm.sourceProperty().addListener((o, a, s) -> choices());
      choices();
    }

    private void choices() {
      List<String> c = new ArrayList<>();
      c.add(NONE);
      MappingView.Source s = vm.sourceProperty().get();
      if (s != null) {
        c.addAll(s.fields());
      }
      box.getItems().setAll(c);
    }

    @Override
    protected void updateItem(MappingEditorViewModel.FieldRow item, boolean empty) {
      super.updateItem(item, empty);
      if (bound != null) {
        box.valueProperty().unbindBidirectional(bound.columnProperty());
        bound = null;
      }
      if (empty || item == null) {
        setGraphic(null);
        return;
      }
      box.valueProperty().bindBidirectional(item.columnProperty());
      box.setId("mapping-column-" + item.name());
      bound = item;
      setGraphic(box);
    }
  }

  /** A fixed value for every row. */
  private static final class ConstantCell
      extends TableCell<MappingEditorViewModel.FieldRow, MappingEditorViewModel.FieldRow> {
    private final TextField text = new TextField();
    private MappingEditorViewModel.FieldRow bound;

    @Override
    protected void updateItem(MappingEditorViewModel.FieldRow item, boolean empty) {
      super.updateItem(item, empty);
      if (bound != null) {
        text.textProperty().unbindBidirectional(bound.constantProperty());
        bound = null;
      }
      if (empty || item == null) {
        setGraphic(null);
        return;
      }
      text.textProperty().bindBidirectional(item.constantProperty());
      text.setId("mapping-constant-" + item.name());
      bound = item;
      setGraphic(text);
    }
  }
}
