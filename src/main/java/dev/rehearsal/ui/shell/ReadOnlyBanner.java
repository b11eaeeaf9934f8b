package dev.rehearsal.ui.shell;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * A band above the views while the workspace cannot be written: why (who holds it), and Retry. It
 * takes no room while the workspace can be written.
 */
public final class ReadOnlyBanner extends HBox {
  public ReadOnlyBanner(WriteAccessViewModel vm) {
    super(10);
    setId("readonly-banner");
    getStyleClass().add("readonly-banner");
    setAlignment(Pos.CENTER_LEFT);
    setPadding(new Insets(6, 10, 6, 10));
    Label text = new Label();
    text.setId("readonly-message");
    text.setWrapText(true);
    text.setMaxWidth(Double.MAX_VALUE);
    text.textProperty().bind(vm.messageProperty());
    HBox.setHgrow(text, Priority.ALWAYS);
    Button retry = new Button("Retry");
    retry.setId("readonly-retry");
    retry.disableProperty().bind(vm.checkingProperty());
    retry.setOnAction(e -> vm.retry());
    getChildren().addAll(text, retry);
    visibleProperty().bind(vm.writableProperty().not());
    managedProperty().bind(visibleProperty());
  }
}
