package dev.rehearsal.ui.incidents;

import dev.rehearsal.model.IncidentRow;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.textfield.TextFields;

/** The incident list: a search field over a sortable table. Binds to its view model only. */
public final class IncidentsView extends BorderPane {
  static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

  private final TextField search;
  private final TableView<IncidentRow> table;
  private final HBox bar;

  public IncidentsView(IncidentsViewModel vm) {
    getStyleClass().add("incidents-view");
    search = TextFields.createClearableTextField();
    search.setId("incident-search");
    search.setPromptText(
        "Search incidents — Lucene syntax: checkout AND timeout, "
            + "title:\"connection pool\", service:payments");
    search.textProperty().bindBidirectional(vm.queryProperty());
    search.setOnAction(e -> vm.search());
    search.setTooltip(
        new Tooltip(
            "Press Enter to search. Words are ANDed; use quotes for "
                + "phrases, field:value for fields, * for wildcards."));
    HBox.setHgrow(search, Priority.ALWAYS);

    ProgressIndicator spinner = new ProgressIndicator();
    spinner.setPrefSize(18, 18);
    spinner.visibleProperty().bind(vm.busyProperty());

    Label status = new Label();
    status.setId("incident-status");
    status.textProperty().bind(vm.statusProperty());
    status.getStyleClass().add("status-text");

    bar = new HBox(8, search, spinner, status);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(8, 10, 4, 10));

    Label error = new Label();
    error.setId("incident-search-error");
    error.getStyleClass().add("error-text");
    error.textProperty().bind(vm.errorProperty());
    error.setWrapText(true);
    error.managedProperty().bind(error.textProperty().isNotEmpty());
    error.visibleProperty().bind(error.textProperty().isNotEmpty());
    error.setPadding(new Insets(0, 10, 4, 10));

    table = new TableView<>(vm.rows());
    table.setId("incident-table");
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.setPlaceholder(new Label("No incidents match."));
    TableColumn<IncidentRow, Instant> onset = new TableColumn<>("Onset");
    onset.setCellValueFactory(
        c -> new ReadOnlyObjectWrapper<>(c.getValue() == null ? null : c.getValue().onset()));
    onset.setCellFactory(
        c ->
            new javafx.scene.control.TableCell<>() {
              @Override
              protected void updateItem(Instant item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : TIME.format(item));
              }
            });
    onset.setPrefWidth(130);
    onset.setSortType(TableColumn.SortType.DESCENDING);
    TableColumn<IncidentRow, String> ref = text("Ref", r -> r.reference(), 80);
    TableColumn<IncidentRow, String> title = text("Title", r -> r.title(), 360);
    TableColumn<IncidentRow, String> services =
        text("Services", r -> String.join(", ", r.services()), 160);
    TableColumn<IncidentRow, String> severity = text("Severity", r -> r.severity(), 70);
    TableColumn<IncidentRow, String> verdict =
        text("Staging verdict", r -> VerdictLabels.label(r.verdict()), 170);
    verdict.setId("verdict-column");
    TableColumn<IncidentRow, String> gaps = text("Gap", r -> String.join(", ", r.gaps()), 110);
    TableColumn<IncidentRow, String> source = text("Source", r -> r.source(), 90);
    table.getColumns().add(onset);
    table.getColumns().add(ref);
    table.getColumns().add(title);
    table.getColumns().add(services);
    table.getColumns().add(severity);
    table.getColumns().add(verdict);
    table.getColumns().add(gaps);
    table.getColumns().add(source);
    // rows come a page at a time in the order the search gives; sorting is the search's
    table.getColumns().forEach(col -> col.setSortable(false));

    setTop(new VBox(bar, error));
    setCenter(table);
  }

  private static TableColumn<IncidentRow, String> text(
      String name, java.util.function.Function<IncidentRow, String> value, double width) {
    TableColumn<IncidentRow, String> c = new TableColumn<>(name);
    // a row whose page is still being read is null: its cells stay empty until it arrives
    c.setCellValueFactory(
        cell ->
            new ReadOnlyStringWrapper(cell.getValue() == null ? "" : value.apply(cell.getValue())));
    c.setPrefWidth(width);
    return c;
  }

  /** Adds a control at the end of the search bar (the Export menu). */
  public void addTool(javafx.scene.Node tool) {
    bar.getChildren().add(tool);
  }

  public TableView<IncidentRow> table() {
    return table;
  }

  public TextField searchField() {
    return search;
  }
}
