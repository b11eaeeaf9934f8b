package dev.rehearsal.ui.records;

import dev.rehearsal.model.Deploy;
import dev.rehearsal.model.EnvironmentFact;
import dev.rehearsal.model.StagingRun;
import dev.rehearsal.ui.task.WindowedScroll;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The imported records behind the findings, a tab each: deploys, staging runs and environment
 * facts, newest first, each table searchable in the workspace's syntax and read a page at a time (a
 * million rows scroll as a hundred do). Every column says where the record came from.
 */
public final class RecordsPane extends BorderPane {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final TabPane tabs = new TabPane();

  public RecordsPane(
      RecordsViewModel<Deploy> deploys,
      RecordsViewModel<StagingRun> runs,
      RecordsViewModel<EnvironmentFact> facts) {
    setId("records-view");
    Label title = new Label("Records");
    title.getStyleClass().add("view-title");
    Label how =
        new Label(
            "What the imports brought in, as the analysis reads it. Search in the workspace's"
                + " syntax, for example service:checkout AND env:production; times are UTC.");
    how.setWrapText(true);
    how.getStyleClass().add("muted-text");
    VBox head = new VBox(4, title, how);
    head.setPadding(new Insets(12, 16, 8, 16));
    setTop(head);
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    tabs.getTabs().add(tab("Deploys", "deploys", deploys, deployTable()));
    tabs.getTabs().add(tab("Staging runs", "runs", runs, runTable()));
    tabs.getTabs().add(tab("Environment facts", "facts", facts, factTable()));
    tabs.getSelectionModel()
        .selectedIndexProperty()
        .addListener(
            (o, a, i) -> {
              switch (i.intValue()) {
                case 1 -> runs.loadOnce();
                case 2 -> facts.loadOnce();
                default -> deploys.loadOnce();
              }
            });
    setCenter(tabs);
  }

  /** The tabs: Deploys, Staging runs, Environment facts. */
  public TabPane tabs() {
    return tabs;
  }

  private static <T> Tab tab(String name, String id, RecordsViewModel<T> vm, TableView<T> table) {
    TextField query = new TextField();
    query.setId("records-" + id + "-query");
    query.setPromptText("service:checkout AND env:production (blank: all)");
    query.textProperty().bindBidirectional(vm.queryProperty());
    query.setOnAction(e -> vm.search());
    HBox.setHgrow(query, Priority.ALWAYS);
    Button search = new Button("Search");
    search.setId("records-" + id + "-search");
    search.setOnAction(e -> vm.search());
    ProgressIndicator spinner = new ProgressIndicator();
    spinner.setPrefSize(18, 18);
    spinner.visibleProperty().bind(vm.busyProperty());
    HBox bar = new HBox(8, query, search, spinner);
    bar.setAlignment(Pos.CENTER_LEFT);
    Label status = new Label();
    status.setId("records-" + id + "-status");
    status.textProperty().bind(vm.statusProperty());
    status.getStyleClass().add("muted-text");
    Label error = new Label();
    error.getStyleClass().add("error-text");
    error.textProperty().bind(vm.errorProperty());
    error.managedProperty().bind(error.textProperty().isNotEmpty());
    table.setId("records-" + id + "-table");
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.setPlaceholder(new Label("No " + name.toLowerCase(Locale.ROOT) + " match."));
    // a million rows: the table holds a window of them, a scroll bar beside it spans them all
    WindowedScroll<T> scroll = WindowedScroll.over(table, vm.rows());
    scroll.bar().setId("records-" + id + "-scroll");
    Node rows = scroll.node();
    VBox box = new VBox(6, bar, error, status, rows);
    VBox.setVgrow(rows, Priority.ALWAYS);
    box.setPadding(new Insets(8, 16, 12, 16));
    Tab t = new Tab(name, box);
    t.setId("records-tab-" + id);
    return t;
  }

  private static TableView<Deploy> deployTable() {
    TableView<Deploy> t = new TableView<>();
    t.getColumns()
        .addAll(
            column("Time (UTC)", 130, d -> time(d.time())),
            column("Service", 140, Deploy::service),
            column("Environment", 110, Deploy::environment),
            column("Version", 110, Deploy::version),
            column("Commit", 90, d -> abbreviate(d.commitSha())),
            column("Status", 100, d -> d.status() == null ? "" : words(d.status().name())),
            column("Rollback", 70, d -> d.rollback() ? "yes" : ""),
            column("From", 120, Deploy::source),
            column("File", 260, d -> file(d.provenance())));
    return t;
  }

  private static TableView<StagingRun> runTable() {
    TableView<StagingRun> t = new TableView<>();
    t.getColumns()
        .addAll(
            column("Started (UTC)", 130, r -> time(r.time())),
            column("Service", 140, StagingRun::service),
            column("Version", 110, StagingRun::version),
            column("Kind", 80, r -> r.type() == null ? "" : words(r.type().name())),
            column("Outcome", 90, r -> r.outcome() == null ? "" : words(r.outcome().name())),
            column(
                "Tests",
                150,
                r ->
                    r.tests() == null
                        ? ""
                        : String.format(
                            Locale.ROOT,
                            "%,d run, %,d failed",
                            r.tests().total(),
                            r.tests().failed() + r.tests().errored())),
            column("Suite", 160, StagingRun::suite),
            column("From", 110, StagingRun::source),
            column("File", 260, r -> file(r.provenance())));
    return t;
  }

  private static TableView<EnvironmentFact> factTable() {
    TableView<EnvironmentFact> t = new TableView<>();
    t.getColumns()
        .addAll(
            column("As of (UTC)", 130, f -> time(f.asOf())),
            column("Kind", 110, f -> words(f.type().name())),
            column("Service", 140, EnvironmentFact::service),
            column("Environment", 110, EnvironmentFact::environment),
            column("Subject", 200, EnvironmentFact::subject),
            column(
                "Value",
                160,
                f ->
                    !f.value().isEmpty()
                        ? f.value()
                        : Double.isNaN(f.number())
                            ? ""
                            : String.format(Locale.ROOT, "%,.0f", f.number())),
            column("File", 260, f -> file(f.provenance())));
    return t;
  }

  private static <T> TableColumn<T, String> column(
      String name, double width, Function<T, String> value) {
    TableColumn<T, String> c = new TableColumn<>(name);
    c.setPrefWidth(width);
    c.setSortable(false); // newest first; a search narrows
    c.setCellValueFactory(
        d -> {
          T row = d.getValue();
          String v = row == null ? "" : value.apply(row);
          return new ReadOnlyStringWrapper(v == null ? "" : v);
        });
    return c;
  }

  private static String time(Instant t) {
    return t == null ? "" : TIME.format(t);
  }

  private static String abbreviate(String sha) {
    return sha == null ? "" : sha.length() > 10 ? sha.substring(0, 10) : sha;
  }

  /** "FAILED_BUT_SHIPPED" as "failed but shipped". */
  private static String words(String name) {
    return name.toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  private static String file(dev.rehearsal.model.Provenance p) {
    if (p == null || p.file() == null || p.file().isEmpty()) {
      return "";
    }
    String name = p.file();
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    return (slash >= 0 ? name.substring(slash + 1) : name) + (p.line() > 0 ? ":" + p.line() : "");
  }
}
