package dev.rehearsal.ui.detail;

import dev.rehearsal.app.IncidentDetails;
import dev.rehearsal.app.IncidentDetails.EventKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.Shape;
import javafx.scene.text.Text;

/**
 * An incident's timeline on one time axis: its own moments (onset, detection, resolution) on the
 * first lane, production deploys and rollbacks, staging deploys, and staging runs on the lanes
 * below, the services it depends on marked apart. Zoom with the slider; a mark's tooltip says what
 * it is, and a click shows its stored record below, field by field.
 */
final class TimelineView extends VBox {
  private static final String[] LANES = {"incident", "production", "staging", "runs"};
  private static final double LANE = 22;
  private static final double LEFT = 78;
  private static final double BASE_WIDTH = 560;

  private final IncidentDetails.Timeline timeline;
  private final Pane canvas = new Pane();
  private final Label picked = new Label();
  private final java.util.function.Consumer<String> onPick;
  private double zoom = 1;

  /**
   * @param onPick told the key of the record behind a mark clicked
   * @param record the record picked, as text, shown below the timeline
   */
  TimelineView(
      IncidentDetails.Timeline timeline,
      java.util.function.Consumer<String> onPick,
      javafx.beans.value.ObservableValue<String> record) {
    super(4);
    this.timeline = timeline;
    this.onPick = onPick;
    setId("timeline");
    getStyleClass().add("timeline");
    canvas.getStyleClass().add("timeline-canvas");
    ScrollPane scroll = new ScrollPane(canvas);
    scroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    scroll.setPrefViewportHeight(LANE * LANES.length + 30);
    scroll.setFitToHeight(true);
    Slider z = new Slider(1, 8, 1);
    z.setPrefWidth(120);
    z.valueProperty()
        .addListener(
            (o, a, b) -> {
              zoom = b.doubleValue();
              draw();
            });
    Label zl = new Label("zoom");
    zl.getStyleClass().add("muted-text");
    picked.getStyleClass().add("muted-text");
    picked.setId("timeline-picked");
    picked.setWrapText(true);
    Label legend =
        new Label(
            timeline.events().size()
                + " marks, "
                + IncidentDetailView.time(timeline.from())
                + " to "
                + IncidentDetailView.time(timeline.to())
                + ";  \u25cf failed in red, the change held responsible ringed, upstream services"
                + " hollow");
    legend.getStyleClass().add("muted-text");
    legend.setWrapText(true);
    HBox controls = new HBox(6, zl, z);
    controls.setAlignment(Pos.CENTER_LEFT);
    Label recordText = new Label();
    recordText.setId("timeline-record");
    recordText.getStyleClass().add("timeline-record");
    recordText.setWrapText(true);
    recordText.textProperty().bind(record);
    recordText.managedProperty().bind(recordText.textProperty().isNotEmpty());
    recordText.visibleProperty().bind(recordText.managedProperty());
    getChildren().addAll(scroll, controls, legend, picked, recordText);
    draw();
  }

  private void draw() {
    canvas.getChildren().clear();
    double width = BASE_WIDTH * zoom;
    canvas.setPrefSize(LEFT + width + 12, LANE * LANES.length + 22);
    long from = timeline.from().toEpochMilli();
    long span = Math.max(1, timeline.to().toEpochMilli() - from);
    for (int i = 0; i < LANES.length; i++) {
      double y = LANE * i + LANE / 2 + 2;
      Text name = new Text(4, y + 4, LANES[i]);
      name.getStyleClass().add("timeline-lane");
      Line axis = new Line(LEFT, y, LEFT + width, y);
      axis.getStyleClass().add("timeline-axis");
      canvas.getChildren().addAll(axis, name);
    }
    // day ticks
    Instant day = timeline.from().truncatedTo(java.time.temporal.ChronoUnit.DAYS);
    double bottom = LANE * LANES.length + 4;
    for (Instant t = day; !t.isAfter(timeline.to()); t = t.plus(Duration.ofDays(1))) {
      double x = LEFT + width * (t.toEpochMilli() - from) / span;
      if (x < LEFT) {
        continue;
      }
      Line tick = new Line(x, 0, x, bottom);
      tick.getStyleClass().add("timeline-tick");
      Text label = new Text(x + 2, bottom + 12, IncidentDetailView.time(t).substring(5, 10));
      label.getStyleClass().add("timeline-lane");
      canvas.getChildren().addAll(tick, label);
    }
    List<IncidentDetails.Event> events = timeline.events();
    for (IncidentDetails.Event e : events) {
      double x = LEFT + width * (e.at().toEpochMilli() - from) / span;
      double y = LANE * lane(e.kind()) + LANE / 2 + 2;
      Shape mark = mark(e, x, y);
      String what =
          e.label()
              + " \u2014 "
              + IncidentDetailView.time(e.at())
              + (e.upstream() ? " (upstream)" : "")
              + (e.linked() ? " (held responsible)" : "");
      Tooltip.install(mark, new Tooltip(what));
      mark.setOnMouseClicked(
          ev -> {
            picked.setText(what);
            onPick.accept(e.key());
          });
      canvas.getChildren().add(mark);
    }
  }

  private static Shape mark(IncidentDetails.Event e, double x, double y) {
    Shape s;
    if (lane(e.kind()) == 0) {
      Rectangle r = new Rectangle(x - 2, y - 8, 4, 16);
      s = r;
    } else {
      s = new Circle(x, y, e.linked() ? 6.5 : 4.5);
    }
    s.getStyleClass().add("mark");
    s.getStyleClass().add("mark-" + e.kind().name().toLowerCase(java.util.Locale.ROOT));
    if (e.failed()) {
      s.getStyleClass().add("mark-failed");
    }
    if (e.linked()) {
      s.getStyleClass().add("mark-linked");
    }
    if (e.upstream()) {
      s.getStyleClass().add("mark-upstream");
    }
    s.setCursor(javafx.scene.Cursor.HAND);
    return s;
  }

  private static int lane(EventKind k) {
    return switch (k) {
      case ONSET, DETECTED, RESOLVED -> 0;
      case PRODUCTION_DEPLOY, ROLLBACK -> 1;
      case STAGING_DEPLOY, OTHER_DEPLOY -> 2;
      case TEST_RUN, LOAD_TEST -> 3;
    };
  }

  @Override
  protected double computeMinWidth(double height) {
    return 0;
  }

  static Insets pad() {
    return new Insets(4);
  }
}
