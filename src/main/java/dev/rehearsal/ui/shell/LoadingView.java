package dev.rehearsal.ui.shell;

import javafx.concurrent.Worker;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;

/** A title, a progress bar and the current step, bound to a running task. */
public final class LoadingView extends VBox {
  public LoadingView(String title, String explanation, Worker<?> worker) {
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
    bar.progressProperty().bind(worker.progressProperty());
    Label step = new Label();
    step.setId("loading-step");
    step.getStyleClass().add("status-text");
    step.textProperty().bind(worker.messageProperty());
    getChildren().addAll(heading, text, bar, step);
  }
}
