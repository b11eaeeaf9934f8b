package dev.rehearsal.ui.search;

import dev.rehearsal.app.Rows;
import dev.rehearsal.model.Evidence;
import dev.rehearsal.model.RecordKind;
import dev.rehearsal.ui.detail.IncidentDetailView;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.textfield.TextFields;

/** Search across everything, with the passages that matched; an incident hit opens it. */
public final class SearchPane extends BorderPane {
  static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

  private final TextField field;

  public SearchPane(SearchViewModel vm, Consumer<String> openIncident) {
    setId("search-view");
    Label title = new Label("Search everything");
    title.getStyleClass().add("view-title");
    field = TextFields.createClearableTextField();
    field.setId("global-search");
    field.setPromptText(
        "Lucene syntax across incidents, deploys, runs and facts: gap:config, \"connection"
            + " pool\", service:checkout AND kind:deploy, verdict:escape AND severity:P1");
    field.textProperty().bindBidirectional(vm.queryProperty());
    field.setOnAction(e -> vm.search());
    field.setTooltip(
        new Tooltip(
            "Enter searches. Fields: title, body, service, env, severity, status, version,"
                + " suite, verdict, gap, reviewed, confidence:[0.8 TO 1]."));
    HBox.setHgrow(field, Priority.ALWAYS);
    ProgressIndicator spinner = new ProgressIndicator();
    spinner.setPrefSize(18, 18);
    spinner.visibleProperty().bind(vm.busyProperty());
    HBox bar = new HBox(8, field, spinner);
    bar.setAlignment(Pos.CENTER_LEFT);
    Label status = new Label();
    status.setId("global-search-status");
    status.getStyleClass().add("muted-text");
    status.textProperty().bind(vm.statusProperty());
    Label error = new Label();
    error.setId("global-search-error");
    error.setWrapText(true);
    error.getStyleClass().add("error-text");
    error.textProperty().bind(vm.errorProperty());
    error.managedProperty().bind(error.textProperty().isNotEmpty());
    VBox top = new VBox(6, title, bar, status, error);
    top.setPadding(new Insets(12, 14, 8, 14));

    ListView<Rows.Hit> list = new ListView<>(vm.hits());
    list.setId("global-search-hits");
    list.setPlaceholder(new Label("Type a search and press Enter."));
    list.setCellFactory(l -> new HitCell());
    list.setOnMouseClicked(
        e -> {
          Rows.Hit h = list.getSelectionModel().getSelectedItem();
          if (e.getClickCount() == 2 && h != null && h.kind() == RecordKind.INCIDENT) {
            openIncident.accept(h.key());
          }
        });
    list.setOnKeyPressed(
        e -> {
          Rows.Hit h = list.getSelectionModel().getSelectedItem();
          if (e.getCode() == KeyCode.ENTER && h != null && h.kind() == RecordKind.INCIDENT) {
            openIncident.accept(h.key());
          }
        });
    BorderPane.setMargin(list, new Insets(0, 14, 12, 14));
    setTop(top);
    setCenter(list);
  }

  public TextField field() {
    return field;
  }

  /** A hit: kind, time and title on a line, then its marked passages. */
  private static final class HitCell extends ListCell<Rows.Hit> {
    @Override
    protected void updateItem(Rows.Hit h, boolean empty) {
      super.updateItem(h, empty);
      if (empty || h == null) {
        setGraphic(null);
        setText(null);
        return;
      }
      Label head =
          new Label(
              h.kind().code()
                  + "   "
                  + (h.time() == null ? "" : TIME.format(h.time()))
                  + "   "
                  + h.title());
      head.getStyleClass().add("strong-text");
      VBox box = new VBox(2, head);
      for (Evidence.Passage p : h.snippets()) {
        var flow = IncidentDetailView.passage(p);
        flow.setMaxWidth(900);
        box.getChildren().add(flow);
      }
      box.setMaxWidth(Double.MAX_VALUE);
      setText(null);
      setGraphic(box);
    }
  }
}
