package dev.rehearsal.ui.shell;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;

/**
 * A band above the views while the workspace cannot be written: why (who holds it), and Retry. It
 * takes no room while the workspace can be written. The message wraps to as many lines as the
 * window's width needs (a border pane gives its centre the width left beside the button, where a
 * row of boxes measured the message on one line and cut it), and Retry keeps its width.
 */
public final class ReadOnlyBanner extends BorderPane {
  public ReadOnlyBanner(WriteAccessViewModel vm) {
    setId("readonly-banner");
    getStyleClass().add("readonly-banner");
    setPadding(new Insets(6, 10, 6, 10));
    Label text = new Label();
    text.setId("readonly-message");
    text.setWrapText(true);
    text.setMaxWidth(Double.MAX_VALUE);
    text.setMinHeight(Region.USE_PREF_SIZE);
    text.textProperty().bind(vm.messageProperty());
    Button retry = new Button("Retry");
    retry.setId("readonly-retry");
    retry.setMinWidth(Region.USE_PREF_SIZE);
    retry.disableProperty().bind(vm.checkingProperty());
    retry.setOnAction(e -> vm.retry());
    BorderPane.setAlignment(text, Pos.CENTER_LEFT);
    BorderPane.setAlignment(retry, Pos.CENTER_RIGHT);
    BorderPane.setMargin(retry, new Insets(0, 0, 0, 10));
    setCenter(text);
    setRight(retry);
    visibleProperty().bind(vm.writableProperty().not());
    managedProperty().bind(visibleProperty());
  }
}
