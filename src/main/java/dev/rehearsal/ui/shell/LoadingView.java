package dev.rehearsal.ui.shell;

import dev.rehearsal.ui.task.TaskHandle;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;

/** A title, a progress bar, the current step and a cancel button, bound to running work. */
public final class LoadingView extends VBox {
  public LoadingView(String title, String explanation, TaskHandle work) {
    super(12);
    setId("loading-view");
    setAlignment(Pos.CENTER);
    setPadding(new Insets(40));
    Label heading = new Label(title);
    heading.getStyleClass().add("loading-title");
    Label text = new Label(explanation);
    text.setWrapText(true);
    text.setMaxWidth(560);
    text.getStyleClass().add("loading-explanation");
    ProgressBar bar = new ProgressBar();
    bar.setId("loading-progress");
    bar.setPrefWidth(480);
    bar.progressProperty().bind(work.progressProperty());
    Label step = new Label();
    step.setId("loading-step");
    step.getStyleClass().add("status-text");
    step.textProperty().bind(work.messageProperty());
    Button cancel = new Button("Cancel");
    cancel.setOnAction(e -> work.cancel());
    getChildren().addAll(heading, text, bar, step, cancel);
  }
}
