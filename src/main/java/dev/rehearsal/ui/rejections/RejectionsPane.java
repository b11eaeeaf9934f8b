package dev.rehearsal.ui.rejections;

import dev.rehearsal.app.Problems;
import dev.rehearsal.model.Rejection;
import dev.rehearsal.ui.task.Background;
import java.util.List;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Every record the workspace's imports rejected, with file, line and reason; filter and copy. */
public final class RejectionsPane extends BorderPane {
  /** Rejections read at most. */
  public static final int MAX = 100_000;

  /** Reads the workspace's rejections (the app layer's {@code Rows.rejections}). */
  @FunctionalInterface
  public interface Source {
    List<Rejection> read(int max) throws Exception;
  }

  private final Source source;
  private final Background background;
  private final ObservableList<Rejection> all = FXCollections.observableArrayList();
  private final FilteredList<Rejection> shown = new FilteredList<>(all);
  private final Label status = new Label();

  public RejectionsPane(Source source, Background background) {
    this.source = source;
    this.background = background;
    setId("rejections-view");
    Label title = new Label("Rejected records");
    title.getStyleClass().add("view-title");
    Label how =
        new Label(
            "Every record an import could not use, with where it is and why. Fix the file and"
                + " import it again: records already imported are replaced, not doubled.");
    how.setWrapText(true);
    how.getStyleClass().add("muted-text");
    TextField filter = new TextField();
    filter.setId("rejections-filter");
    filter.setPromptText("Filter by file, line, format or reason");
    HBox.setHgrow(filter, Priority.ALWAYS);
    Button reload = new Button("Reload");
    reload.setOnAction(e -> reload());
    filter
        .textProperty()
        .addListener(
            (o, a, f) -> {
              String n = f.strip().toLowerCase(Locale.ROOT);
              shown.setPredicate(
                  n.isEmpty()
                      ? null
                      : r ->
                          (r.file() + " " + r.line() + " " + r.format() + " " + r.reason())
                              .toLowerCase(Locale.ROOT)
                              .contains(n));
              count();
            });
    status.getStyleClass().add("muted-text");
    status.setId("rejections-status");
    VBox top = new VBox(8, title, how, new HBox(8, filter, reload), status);
    top.setPadding(new Insets(12, 14, 8, 14));
    RejectionTable table = new RejectionTable(shown, "rejections-table");
    BorderPane.setMargin(table, new Insets(0, 14, 12, 14));
    setTop(top);
    setCenter(table);
  }

  /** Reads the rejections again, off the FX thread. */
  public void reload() {
    background.run(
        m -> source.read(MAX),
        list -> {
          all.setAll(list);
          count();
        },
        failure -> status.setText(Problems.describe("Reading the rejections", failure).message()));
  }

  private void count() {
    status.setText(
        String.format(
            "%,d rejected record%s%s",
            all.size(),
            all.size() == 1 ? "" : "s",
            shown.size() == all.size() ? "" : String.format(", %,d shown", shown.size())));
  }
}
