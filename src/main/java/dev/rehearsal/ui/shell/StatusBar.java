package dev.rehearsal.ui.shell;

import dev.rehearsal.ui.task.Tasks;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The window's bottom line: the workspace (marked when it holds demo data) on the left; on the
 * right the work running now, with its progress, what it does and a button to cancel it.
 */
public final class StatusBar extends HBox {
  private final Label workspace = new Label();
  private final Label demo = new Label("DEMO DATA");
  private final Label readOnly = new Label("READ-ONLY");
  private final Label task = new Label();
  private final ProgressBar progress = new ProgressBar();
  private final Button cancel = new Button("Cancel");
  private final Label notice = new Label();
  private final javafx.scene.control.Hyperlink noticeAction = new javafx.scene.control.Hyperlink();
  private final javafx.animation.PauseTransition noticeTimer =
      new javafx.animation.PauseTransition();
  private final Tasks tasks;

  public StatusBar(Tasks tasks) {
    super(10);
    this.tasks = tasks;
    setId("status-bar");
    getStyleClass().add("status-bar");
    setAlignment(Pos.CENTER_LEFT);
    setPadding(new Insets(3, 10, 3, 10));
    workspace.getStyleClass().add("status-text");
    workspace.setId("status-workspace");
    workspace.setMinWidth(0);
    demo.getStyleClass().addAll("chip", "chip-demo");
    demo.setId("status-demo");
    demo.setVisible(false);
    demo.managedProperty().bind(demo.visibleProperty());
    readOnly.getStyleClass().addAll("chip", "chip-demo");
    readOnly.setId("status-readonly");
    readOnly.setVisible(false);
    readOnly.managedProperty().bind(readOnly.visibleProperty());
    task.getStyleClass().add("status-text");
    task.setId("status-task");
    task.setMinWidth(Region.USE_PREF_SIZE);
    progress.setPrefWidth(160);
    progress.setId("status-progress");
    cancel.setId("status-cancel");
    cancel.getStyleClass().add("small-button");
    notice.setId("status-notice");
    notice.getStyleClass().add("notice");
    notice.setVisible(false);
    notice.setMinWidth(0);
    notice.setMaxWidth(Double.MAX_VALUE);
    notice.setOnMouseClicked(e -> hideNotice());
    // the action sits inside the notice, right after its text (which is cut short before it is)
    noticeAction.setId("status-notice-action");
    noticeAction.setPadding(new Insets(0, 2, 0, 2));
    notice.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
    notice.setGraphicTextGap(12);
    noticeTimer.setOnFinished(e -> hideNotice());
    HBox.setHgrow(notice, Priority.ALWAYS);
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.SOMETIMES);
    workspace.setMaxWidth(420);
    getChildren().addAll(demo, readOnly, workspace, spacer, notice, task, progress, cancel);
    tasks.running().addListener((ListChangeListener<Tasks.Running>) c -> update());
    update();
  }

  /**
   * Shows a result or a problem in the bar for a while (a problem longer); a click hides it. It
   * covers none of the window's controls.
   */
  public void notice(String text, boolean problem) {
    notice(text, problem, null, null);
  }

  /**
   * Shows a result with something to do about it (a report written: "Open"), a link beside the
   * notice for a while; clicking the link does it and hides the notice.
   */
  public void notice(String text, boolean problem, String actionText, Runnable action) {
    notice.setText(text);
    notice.getStyleClass().removeAll("notice-ok", "notice-problem");
    notice.getStyleClass().add(problem ? "notice-problem" : "notice-ok");
    notice.setTooltip(new javafx.scene.control.Tooltip(text + "\n(click to hide)"));
    notice.setVisible(true);
    boolean acts = action != null;
    noticeAction.setText(acts ? actionText : "");
    noticeAction.setOnAction(
        acts
            ? e -> {
              hideNotice();
              action.run();
            }
            : null);
    notice.setGraphic(acts ? noticeAction : null);
    noticeTimer.setDuration(javafx.util.Duration.seconds(problem || acts ? 30 : 10));
    noticeTimer.playFromStart();
  }

  private void hideNotice() {
    notice.setVisible(false);
    noticeAction.setOnAction(null);
    notice.setGraphic(null);
  }

  public void workspace(String text, boolean isDemo) {
    workspace.setText(text);
    demo.setVisible(isDemo);
  }

  /** Marks the workspace as read-only for now (the banner above the views says why). */
  public void readOnly(boolean on, String why) {
    readOnly.setVisible(on);
    readOnly.setTooltip(on ? new javafx.scene.control.Tooltip(why) : null);
  }

  private void update() {
    task.textProperty().unbind();
    progress.progressProperty().unbind();
    if (tasks.running().isEmpty()) {
      task.setText("");
      progress.setVisible(false);
      cancel.setVisible(false);
      return;
    }
    Tasks.Running r = tasks.running().get(tasks.running().size() - 1);
    int others = tasks.running().size() - 1;
    task.textProperty()
        .bind(
            javafx.beans.binding.Bindings.createStringBinding(
                () -> {
                  String m = r.handle().messageProperty().get();
                  return r.name()
                      + (m == null || m.isBlank() ? "" : ": " + m)
                      + (others > 0 ? "  (+" + others + " more)" : "");
                },
                r.handle().messageProperty()));
    progress.progressProperty().bind(r.handle().progressProperty());
    progress.setVisible(true);
    cancel.setVisible(true);
    cancel.setOnAction(e -> r.handle().cancel());
  }
}
