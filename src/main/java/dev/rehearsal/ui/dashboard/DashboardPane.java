package dev.rehearsal.ui.dashboard;

import dev.rehearsal.app.DashboardView;
import dev.rehearsal.model.Gap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The dashboard of a period: escapes per quarter stacked by gap, escape rate and change failure
 * rate over the quarters, escapes by service, the staging-fidelity scorecard per service and gap
 * with what to fix first, and the repeat offenders. Every bar, point, cell and count opens the
 * incidents behind it.
 */
public final class DashboardPane extends BorderPane {
  private static final int SERVICES_SHOWN = 12;
  private static final int SCORECARD_ROWS = 15;
  private static final double SCORECARD_ROW = 26;

  private final DashboardViewModel vm;
  private final VBox body = new VBox(12);
  private final ScrollPane scroll;

  public DashboardPane(DashboardViewModel vm) {
    this.vm = vm;
    setId("dashboard-view");
    Label title = new Label("Dashboard");
    title.getStyleClass().add("view-title");
    ComboBox<String> period = new ComboBox<>(vm.periods());
    period.setId("dashboard-period");
    period.valueProperty().bindBidirectional(vm.periodProperty());
    // a quarter from the list, or any period typed: "2025-01-01 to 2025-03-31"
    period.setEditable(true);
    period.setPromptText("2025-Q4, or 2025-01-01 to 2025-03-31");
    period.setPrefWidth(250);
    period.setTooltip(
        new javafx.scene.control.Tooltip(
            "Choose a quarter, or type one (2025-Q4) or dates with both ends included"
                + " (2025-01-01 to 2025-03-31) and press Enter"));
    ProgressIndicator spinner = new ProgressIndicator();
    spinner.setPrefSize(18, 18);
    spinner.visibleProperty().bind(vm.busyProperty());
    Label hint =
        new Label("Click a bar, a point, a cell or a count to see the incidents behind it.");
    hint.getStyleClass().add("muted-text");
    javafx.scene.control.CheckBox follow =
        new javafx.scene.control.CheckBox("Same filter as the incident table");
    follow.setId("dashboard-follow-table");
    follow.selectedProperty().bindBidirectional(vm.followTableProperty());
    follow.setTooltip(
        new Tooltip(
            "Count only the incidents the incident table's search and column filters hold; a"
                + " service filter narrows the deploys too"));
    HBox head = new HBox(10, title, new Label("Period"), period, follow, spinner, hint);
    head.setAlignment(Pos.CENTER_LEFT);
    Label narrowed = new Label();
    narrowed.setId("dashboard-narrowed");
    narrowed.getStyleClass().add("muted-text");
    narrowed.textProperty().bind(vm.narrowedToProperty());
    narrowed.managedProperty().bind(narrowed.textProperty().isNotEmpty());
    narrowed.visibleProperty().bind(narrowed.textProperty().isNotEmpty());
    Label error = new Label();
    error.getStyleClass().add("error-text");
    error.textProperty().bind(vm.errorProperty());
    error.managedProperty().bind(error.textProperty().isNotEmpty());
    VBox top = new VBox(6, head, narrowed, error);
    top.setPadding(new Insets(12, 14, 6, 14));
    body.setPadding(new Insets(0, 14, 14, 14));
    scroll = new ScrollPane(body);
    scroll.setFitToWidth(true);
    setTop(top);
    setCenter(scroll);
    vm.viewProperty().addListener((o, a, v) -> show(v));
  }

  /** Scrolls to the scorecard, at the foot of the dashboard. */
  public void scrollToScorecard() {
    scroll.setVvalue(1);
  }

  private void show(DashboardView.View v) {
    if (v == null) {
      body.getChildren().clear();
      return;
    }
    List<Node> n = new ArrayList<>();
    n.add(totals(v.total()));
    HBox charts = new HBox(12, byQuarter(v), rates(v));
    charts.getChildren().forEach(c -> HBox.setHgrow(c, Priority.ALWAYS));
    n.add(charts);
    HBox second = new HBox(12, byService(v), offenders(v));
    second.setMaxHeight(290);
    second.getChildren().forEach(c -> HBox.setHgrow(c, Priority.ALWAYS));
    n.add(second);
    n.add(heading("Staging fidelity per service and gap (1 = staging caught everything)"));
    n.add(scorecard(v));
    body.getChildren().setAll(n);
  }

  private Node totals(DashboardView.Figures t) {
    FlowPane p = new FlowPane(6, 4);
    p.setId("dashboard-totals");
    p.getChildren()
        .addAll(
            link(t.incidents() + " incidents", () -> vm.open(null, null, null, m("INCIDENTS"))),
            new Label("\u00b7"),
            link(
                t.changeRelated() + " change-related",
                () -> vm.open(null, null, null, m("CHANGE_RELATED"))),
            new Label("\u00b7"),
            escapesLink(t),
            new Label(
                "  escape rate "
                    + percent(t.escapeRate())
                    + ", change failure rate "
                    + percent(t.changeFailureRate())
                    + " ("
                    + t.failedChanges()
                    + " of "
                    + t.productionDeploys()
                    + " production deploys)"));
    p.getStyleClass().add("dashboard-totals");
    return p;
  }

  private Hyperlink escapesLink(DashboardView.Figures t) {
    Hyperlink l =
        link(t.escapes() + " passed staging", () -> vm.open(null, null, null, m("ESCAPES")));
    l.setId("dashboard-escapes");
    return l;
  }

  private static DashboardView.Measure m(String name) {
    return DashboardView.Measure.valueOf(name);
  }

  private Node byQuarter(DashboardView.View v) {
    CategoryAxis x = new CategoryAxis();
    NumberAxis y = new NumberAxis();
    y.setLabel("escapes");
    StackedBarChart<String, Number> chart = new StackedBarChart<>(x, y);
    chart.setId("chart-escapes-by-quarter");
    chart.setTitle("Escapes per quarter, by gap");
    chart.setAnimated(false);
    chart.setPrefHeight(260);
    List<String> quarters = v.quarters().stream().map(DashboardView.Quarter::quarter).toList();
    x.getCategories().setAll(quarters);
    for (Gap g : Gap.values()) {
      XYChart.Series<String, Number> s = new XYChart.Series<>();
      s.setName(g.code());
      for (DashboardView.Quarter q : v.quarters()) {
        long c = q.figures().escapesByGap().getOrDefault(g, 0L);
        XYChart.Data<String, Number> d = new XYChart.Data<>(q.quarter(), c);
        clickable(
            d,
            q.quarter() + ": " + c + " escapes through " + g.code(),
            () -> vm.open(q.quarter(), null, g, m("ESCAPES")));
        s.getData().add(d);
      }
      chart.getData().add(s);
    }
    return chart;
  }

  private Node rates(DashboardView.View v) {
    CategoryAxis x = new CategoryAxis();
    NumberAxis y = new NumberAxis(0, 100, 20);
    y.setLabel("%");
    LineChart<String, Number> chart = new LineChart<>(x, y);
    chart.setId("chart-rates");
    chart.setTitle("Escape rate and change failure rate");
    chart.setAnimated(false);
    chart.setPrefHeight(260);
    XYChart.Series<String, Number> escape = new XYChart.Series<>();
    escape.setName("escape rate");
    XYChart.Series<String, Number> cfr = new XYChart.Series<>();
    cfr.setName("change failure rate");
    for (DashboardView.Quarter q : v.quarters()) {
      if (q.figures().escapeRate() != null) {
        XYChart.Data<String, Number> d =
            new XYChart.Data<>(q.quarter(), q.figures().escapeRate() * 100);
        clickable(
            d,
            q.quarter() + ": escape rate " + percent(q.figures().escapeRate()),
            () -> vm.open(q.quarter(), null, null, m("ESCAPES")));
        escape.getData().add(d);
      }
      if (q.figures().changeFailureRate() != null) {
        XYChart.Data<String, Number> d =
            new XYChart.Data<>(q.quarter(), q.figures().changeFailureRate() * 100);
        clickable(
            d,
            q.quarter() + ": change failure rate " + percent(q.figures().changeFailureRate()),
            () -> vm.open(q.quarter(), null, null, m("CHANGE_RELATED")));
        cfr.getData().add(d);
      }
    }
    chart.getData().add(escape);
    chart.getData().add(cfr);
    return chart;
  }

  private Node byService(DashboardView.View v) {
    CategoryAxis x = new CategoryAxis();
    NumberAxis y = new NumberAxis();
    y.setLabel("escapes");
    BarChart<String, Number> chart = new BarChart<>(x, y);
    chart.setId("chart-escapes-by-service");
    chart.setMaxHeight(280);
    chart.setTitle("Escapes by service");
    chart.setLegendVisible(false);
    chart.setAnimated(false);
    chart.setPrefHeight(260);
    XYChart.Series<String, Number> s = new XYChart.Series<>();
    v.services().stream()
        .sorted(Comparator.comparingLong((DashboardView.Service r) -> -r.figures().escapes()))
        .limit(SERVICES_SHOWN)
        .forEach(
            r -> {
              XYChart.Data<String, Number> d =
                  new XYChart.Data<>(r.service(), r.figures().escapes());
              clickable(
                  d,
                  r.service() + ": " + r.figures().escapes() + " escapes",
                  () -> vm.open(null, r.service(), null, m("ESCAPES")));
              s.getData().add(d);
            });
    chart.getData().add(s);
    return chart;
  }

  private Node offenders(DashboardView.View v) {
    VBox box = new VBox(4);
    box.setId("dashboard-offenders");
    box.getChildren().add(heading("Repeat offenders"));
    if (v.offenders().isEmpty()) {
      box.getChildren().add(muted("No service escaped through the same gap again and again."));
    }
    for (DashboardView.Offender o : v.offenders()) {
      box.getChildren()
          .add(
              link(
                  o.service()
                      + ": "
                      + o.escapes()
                      + " escapes through "
                      + o.gap().code()
                      + " ("
                      + String.join(", ", o.quarters())
                      + ")",
                  () -> vm.open(null, o.service(), o.gap(), m("ESCAPES"))));
    }
    box.setPrefWidth(360);
    box.setMinWidth(260);
    ScrollPane scroll = new ScrollPane(box);
    scroll.setFitToWidth(true);
    scroll.setPrefHeight(270);
    scroll.setMaxHeight(280);
    scroll.setPrefWidth(380);
    scroll.getStyleClass().add("plain-scroll");
    return scroll;
  }

  /**
   * The scorecard as a table: a workspace has hundreds of services, and a table makes only the rows
   * in sight (sortable by any column; a cell with escapes opens them).
   */
  private Node scorecard(DashboardView.View v) {
    TableView<DashboardView.Service> t =
        new TableView<>(FXCollections.observableArrayList(v.services()));
    t.setId("dashboard-scorecard");
    t.getStyleClass().add("scorecard");
    t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
    t.setPlaceholder(new Label("No service has incidents or deploys in this period."));
    TableColumn<DashboardView.Service, String> service = new TableColumn<>("service");
    service.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().service()));
    service.setPrefWidth(220);
    t.getColumns().add(service);
    for (Gap gap : Gap.real()) {
      TableColumn<DashboardView.Service, DashboardView.Fidelity> c = new TableColumn<>(gap.code());
      c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue().fidelity().get(gap)));
      // lowest fidelity first when sorted up; a service without a score for the gap last
      c.setComparator(
          Comparator.nullsLast(
              Comparator.comparing(
                  DashboardView.Fidelity::score, Comparator.nullsLast(Comparator.naturalOrder()))));
      c.setCellFactory(col -> new ScoreCell(gap));
      c.setPrefWidth(110);
      t.getColumns().add(c);
    }
    TableColumn<DashboardView.Service, String> fix = new TableColumn<>("fix first");
    fix.setCellValueFactory(
        c -> {
          Gap worst = c.getValue().fixFirst();
          if (worst == null) {
            return new ReadOnlyStringWrapper("");
          }
          List<String> named = c.getValue().fidelity().get(worst).contributors();
          return new ReadOnlyStringWrapper(
              worst.code() + (named.isEmpty() ? "" : ": " + named.get(0)));
        });
    fix.setPrefWidth(260);
    t.getColumns().add(fix);
    t.setFixedCellSize(SCORECARD_ROW);
    // as tall as its rows, up to a screenful; the rows past it scroll inside the table
    double height = 32 + Math.max(1, Math.min(v.services().size(), SCORECARD_ROWS)) * SCORECARD_ROW;
    t.setPrefHeight(height);
    t.setMinHeight(height);
    t.setMaxHeight(height);
    return t;
  }

  /** A service's fidelity for one gap: the score, the escapes, coloured; click for the escapes. */
  private final class ScoreCell extends TableCell<DashboardView.Service, DashboardView.Fidelity> {
    private final Gap gap;

    ScoreCell(Gap gap) {
      this.gap = gap;
      getStyleClass().add("score-cell");
      setOnMouseClicked(
          e -> {
            DashboardView.Service s = getTableRow() == null ? null : getTableRow().getItem();
            DashboardView.Fidelity f = getItem();
            if (s != null && f != null && f.escapes() > 0) {
              vm.open(null, s.service(), gap, m("ESCAPES"));
            }
          });
    }

    @Override
    protected void updateItem(DashboardView.Fidelity f, boolean empty) {
      super.updateItem(f, empty);
      getStyleClass().removeAll("score-bad", "score-fair", "score-good");
      setTooltip(null);
      setCursor(javafx.scene.Cursor.DEFAULT);
      DashboardView.Service s = getTableRow() == null ? null : getTableRow().getItem();
      if (empty || s == null) {
        setText(null);
        return;
      }
      if (f == null || f.score() == null) {
        setText("\u2013");
        return;
      }
      getStyleClass()
          .add(f.score() < 0.8 ? "score-bad" : f.score() < 0.95 ? "score-fair" : "score-good");
      if (f.escapes() == 0) {
        setText(fixed(f.score()));
        return;
      }
      setText(fixed(f.score()) + "  (" + f.escapes() + ")");
      setTooltip(
          new Tooltip(
              s.service()
                  + ", "
                  + gap.code()
                  + ": "
                  + f.escapes()
                  + " escapes"
                  + (f.contributors().isEmpty()
                      ? ""
                      : "; most named: " + String.join(", ", f.contributors()))
                  + " (click for the incidents)"));
      setCursor(javafx.scene.Cursor.HAND);
    }
  }

  private static void clickable(XYChart.Data<String, Number> d, String what, Runnable open) {
    d.nodeProperty()
        .addListener(
            (o, a, node) -> {
              if (node != null) {
                Tooltip.install(node, new Tooltip(what + " (click for the incidents)"));
                node.setOnMouseClicked(e -> open.run());
                node.setCursor(javafx.scene.Cursor.HAND);
              }
            });
  }

  private static Hyperlink link(String text, Runnable action) {
    Hyperlink l = new Hyperlink(text);
    l.setOnAction(e -> action.run());
    return l;
  }

  private static Label heading(String s) {
    Label l = new Label(s);
    l.getStyleClass().add("section-heading");
    return l;
  }

  private static Label muted(String s) {
    Label l = new Label(s);
    l.getStyleClass().add("muted-text");
    l.setWrapText(true);
    return l;
  }

  private static String percent(Double d) {
    return d == null ? "n/a" : String.format(Locale.ROOT, "%.0f %%", d * 100);
  }

  private static String fixed(double d) {
    return String.format(Locale.ROOT, "%.2f", d);
  }
}
