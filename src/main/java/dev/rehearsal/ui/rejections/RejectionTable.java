package dev.rehearsal.ui.rejections;

import dev.rehearsal.model.Rejection;
import dev.rehearsal.ui.shell.Copy;
import dev.rehearsal.ui.shell.QuietTooltip;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/** Rejected records: file, line, format and reason, sortable, copied as text or CSV. */
public final class RejectionTable extends TableView<Rejection> {
  public RejectionTable(ObservableList<Rejection> rows, String id) {
    super(rows);
    setId(id);
    setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    setPlaceholder(new Label("No rejected records."));
    getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
    getColumns().add(column("File", Rejection::file, 260));
    TableColumn<Rejection, Long> line = new TableColumn<>("Line");
    line.setCellValueFactory(
        c -> new ReadOnlyObjectWrapper<>(c.getValue() == null ? null : c.getValue().line()));
    line.setPrefWidth(60);
    getColumns().add(line);
    getColumns().add(column("Format", Rejection::format, 110));
    getColumns().add(column("Reason", Rejection::reason, 420));
    MenuItem copy = new MenuItem("Copy rows as text");
    copy.setOnAction(e -> Copy.text(Copy.tsv(this)));
    MenuItem csv = new MenuItem("Copy rows as CSV");
    csv.setOnAction(e -> Copy.text(Copy.csv(this)));
    setContextMenu(new ContextMenu(copy, csv));
    addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (KeyCombination.keyCombination("Shortcut+C").match(e)) {
            Copy.text(Copy.tsv(this));
            e.consume();
          }
        });
  }

  private static TableColumn<Rejection, String> column(
      String name, Function<Rejection, String> value, double width) {
    TableColumn<Rejection, String> c = new TableColumn<>(name);
    c.setCellValueFactory(
        r -> new ReadOnlyObjectWrapper<>(r.getValue() == null ? "" : value.apply(r.getValue())));
    c.setPrefWidth(width);
    c.setCellFactory(
        col ->
            new TableCell<>() {
              private final QuietTooltip tip = new QuietTooltip();

              {
                setTooltip(tip);
              }

              @Override
              protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                tip.setText(empty || item == null || item.length() < 20 ? "" : item);
              }
            });
    return c;
  }
}
