package dev.rehearsal.ui.incidents;

import dev.rehearsal.app.Rows;
import dev.rehearsal.model.IncidentRow;
import dev.rehearsal.ui.shell.Copy;
import dev.rehearsal.ui.shell.QuietTooltip;
import dev.rehearsal.ui.task.WindowedScroll;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.textfield.TextFields;

/**
 * The incident list: a search field and column filters over a table the workspace orders (click a
 * column's header), with the selected incident's detail beside it. The table holds the view model's
 * window of the rows, with a scroll bar beside it that spans them all; its selection is the view
 * model's, mapped through the window. Binds to its view model only.
 */
public final class IncidentsView extends BorderPane {
  static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

  private final TextField search;
  private final TableView<IncidentRow> table;
  private final WindowedScroll<IncidentRow> scroll;
  private final IncidentsViewModel vm;
  private boolean syncing; // the table's selection is being set from the view model's
  private boolean fromTable; // the view model's selection is being set from the table's
  private boolean shortcutClick; // a mouse button went down or up with the shortcut key held
  private final HBox bar;
  private final SplitPane split;
  private final Map<TableColumn<IncidentRow, ?>, String> sortField = new HashMap<>();
  private Runnable onOpen = () -> {};

  public IncidentsView(IncidentsViewModel vm, Node detail) {
    this.vm = vm;
    getStyleClass().add("incidents-view");
    search = TextFields.createClearableTextField();
    search.setId("incident-search");
    search.setPromptText(
        "Search incidents: checkout AND timeout, title:\"connection pool\", gap:config,"
            + " verdict:escape, severity:P1, reviewed:no");
    search.textProperty().bindBidirectional(vm.queryProperty());
    search.setOnAction(e -> vm.search());
    search.setTooltip(
        new Tooltip(
            "Press Enter to search (Lucene syntax). Words are ANDed; quotes for phrases,"
                + " field:value for fields (service, severity, verdict, gap, reviewed,"
                + " reviewer, confidence:[0.8 TO 1]), * for wildcards."));
    HBox.setHgrow(search, Priority.ALWAYS);

    // what the rows are, and a spinner while a search runs, on a line of their own under the
    // table: a new count or query there changes nothing else's place, so a search's result
    // repaints the table and that line, not the search bar and the filters above it
    ProgressIndicator spinner = new ProgressIndicator();
    spinner.setPrefSize(14, 14);
    spinner.visibleProperty().bind(vm.busyProperty());
    Label status = new Label();
    status.setId("incident-status");
    status.textProperty().bind(vm.statusProperty());
    status.getStyleClass().add("status-text");
    status.setMinWidth(0);
    status.setMaxWidth(Double.MAX_VALUE);
    HBox.setHgrow(status, Priority.ALWAYS);
    HBox statusLine = new HBox(6, spinner, status);
    statusLine.setAlignment(Pos.CENTER_LEFT);
    statusLine.setPadding(new Insets(3, 8, 3, 8));

    bar = new HBox(8, search);
    bar.setAlignment(Pos.CENTER_LEFT);

    FlowPane filters = new FlowPane(10, 4);
    filters.setAlignment(Pos.CENTER_LEFT);
    IncidentsViewModel.FILTERS.forEach(
        (column, name) -> filters.getChildren().add(filter(vm, column, name)));

    Label error = new Label();
    error.setId("incident-search-error");
    error.getStyleClass().add("error-text");
    error.textProperty().bind(vm.errorProperty());
    error.setWrapText(true);
    error.managedProperty().bind(error.textProperty().isNotEmpty());
    error.visibleProperty().bind(error.textProperty().isNotEmpty());

    Label amongText = new Label();
    amongText.textProperty().bind(vm.amongLabelProperty());
    javafx.scene.control.Hyperlink all = new javafx.scene.control.Hyperlink("Show all incidents");
    all.setId("incident-show-all");
    all.setOnAction(e -> vm.showAll());
    HBox amongBar = new HBox(8, new Label("Showing only:"), amongText, all);
    amongBar.setId("incident-among");
    amongBar.setAlignment(Pos.CENTER_LEFT);
    amongBar.getStyleClass().add("among-bar");
    amongBar.visibleProperty().bind(vm.amongLabelProperty().isNotEmpty());
    amongBar.managedProperty().bind(amongBar.visibleProperty());
    VBox top = new VBox(6, bar, filters, amongBar, error);
    top.setPadding(new Insets(8, 10, 6, 10));

    table = new TableView<>();
    // a hundred thousand rows: the table holds a window of them, a scroll bar beside it spans all
    // (its items set before its sort order, which setting the items would clear)
    scroll = WindowedScroll.over(table, vm.window());
    table.setId("incident-table");
    // the title takes the room the others leave
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_SUBSEQUENT_COLUMNS);
    table.setPlaceholder(new Label("No incidents match."));
    table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);

    TableColumn<IncidentRow, Instant> onset = new TableColumn<>("Onset");
    onset.setCellValueFactory(
        c -> new ReadOnlyObjectWrapper<>(c.getValue() == null ? null : c.getValue().onset()));
    onset.setCellFactory(
        c ->
            new TableCell<>() {
              @Override
              protected void updateItem(Instant item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : TIME.format(item));
              }
            });
    width(onset, 132, 128);
    sortField.put(onset, Rows.TIME);
    table.getColumns().add(onset);
    table.getColumns().add(width(text("Ref", IncidentRow::reference, null), 70, 55));
    TableColumn<IncidentRow, String> title = text("Title", IncidentRow::title, null);
    title.setPrefWidth(280);
    title.setMinWidth(140);
    table.getColumns().add(title);
    table
        .getColumns()
        .add(width(text("Services", r -> String.join(", ", r.services()), Rows.SERVICE), 100, 70));
    table.getColumns().add(width(text("Sev.", IncidentRow::severity, Rows.SEVERITY), 48, 40));
    TableColumn<IncidentRow, String> verdict =
        text("Verdict", r -> VerdictLabels.brief(r.verdict()), Rows.VERDICT);
    verdict.setId("verdict-column");
    verdict.setCellFactory(c -> new VerdictCell());
    table.getColumns().add(width(verdict, 104, 96));
    table.getColumns().add(width(text("Gap", r -> String.join(", ", r.gaps()), Rows.GAP), 80, 60));
    table
        .getColumns()
        .add(
            width(
                text(
                    "Conf.",
                    r ->
                        Double.isNaN(r.confidence()) || r.verdict().isEmpty()
                            ? ""
                            : String.format(Locale.ROOT, "%.2f", r.confidence()),
                    Rows.CONFIDENCE),
                52,
                50));
    table
        .getColumns()
        .add(width(text("Rev.", r -> r.reviewed() ? "\u2713" : "", Rows.REVIEWED), 44, 40));
    TableColumn<IncidentRow, String> source = text("Source", IncidentRow::source, null);
    source.setVisible(false);
    table.getColumns().add(width(source, 80, 60));
    // the header's menu button chooses the columns shown
    table.setTableMenuButtonVisible(true);
    table.getColumns().forEach(col -> col.setSortable(sortField.containsKey(col)));
    onset.setSortType(TableColumn.SortType.DESCENDING);
    table.getSortOrder().add(onset);
    // the workspace orders the rows, a page at a time: a click on a header asks it
    table.setSortPolicy(
        t -> {
          if (t.getSortOrder().isEmpty()) {
            vm.orderBy(Rows.Order.NEWEST);
            return true;
          }
          TableColumn<IncidentRow, ?> c = t.getSortOrder().get(0);
          vm.orderBy(
              new Rows.Order(sortField.get(c), c.getSortType() == TableColumn.SortType.DESCENDING));
          return true;
        });

    table.setOnMouseClicked(
        e -> {
          if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
            onOpen.run();
          }
        });
    table.addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (e.getCode() == KeyCode.ENTER) {
            onOpen.run();
            e.consume();
          } else if (KeyCombination.keyCombination("Shortcut+C").match(e)) {
            Copy.text(Copy.tsv(table));
            e.consume();
          }
        });
    MenuItem copy = new MenuItem("Copy rows as text");
    copy.setOnAction(e -> Copy.text(Copy.tsv(table)));
    MenuItem copyCsv = new MenuItem("Copy rows as CSV");
    copyCsv.setOnAction(e -> Copy.text(Copy.csv(table)));
    MenuItem open = new MenuItem("Open incident");
    open.setOnAction(e -> onOpen.run());
    table.setContextMenu(new ContextMenu(open, copy, copyCsv));

    scroll.bar().setId("incident-scroll");
    // a click with the shortcut key held may take the selection away (as the button is pressed or
    // released, as the table decides): the user's choice
    table.addEventFilter(
        MouseEvent.ANY,
        e ->
            shortcutClick =
                e.isShortcutDown()
                    && (e.getEventType() == MouseEvent.MOUSE_PRESSED
                        || e.getEventType() == MouseEvent.MOUSE_RELEASED));
    table.addEventFilter(KeyEvent.ANY, e -> shortcutClick = false);
    table
        .getSelectionModel()
        .selectedIndexProperty()
        .addListener(
            (o, a, local) -> {
              if (syncing) {
                return;
              }
              if (local.intValue() >= 0) {
                fromTable = true;
                try {
                  vm.select(vm.window().offset() + local.intValue());
                } finally {
                  fromTable = false;
                }
              } else if (shortcutClick) {
                vm.select(-1);
              }
              // otherwise none selected in the table means the window replaced its rows as it
              // slid, which is not the user's choice: the view model keeps its selection
            });
    vm.selectedIndexProperty()
        .addListener(
            (o, a, at) -> {
              showSelection();
              if (!fromTable && at.intValue() >= 0) {
                // selected elsewhere (next, previous): in sight, a few rows below the top
                scroll.scrollTo(Math.max(0, at.intValue() - 3));
              }
            });
    vm.window().addListener((javafx.beans.InvalidationListener) o -> showSelection());

    VBox list = new VBox(scroll.node(), statusLine);
    VBox.setVgrow(scroll.node(), Priority.ALWAYS);
    split = new SplitPane(list, detail);
    split.setOrientation(Orientation.HORIZONTAL);
    split.setDividerPositions(0.6);
    SplitPane.setResizableWithParent(detail, false);

    setTop(top);
    setCenter(split);
  }

  /** Called when the user opens the selected incident (double-click, Enter, the menu). */
  public void setOnOpen(Runnable r) {
    onOpen = r == null ? () -> {} : r;
  }

  private static ComboBox<String> filter(IncidentsViewModel vm, String column, String name) {
    ComboBox<String> box = new ComboBox<>();
    box.setId("filter-" + column);
    box.setPromptText(name + ": any");
    box.getItems().add(null);
    vm.choices(column)
        .addListener(
            (javafx.collections.ListChangeListener<String>)
                c -> {
                  String chosen = box.getValue();
                  box.getItems().setAll(vm.choices(column));
                  box.getItems().add(0, null);
                  box.setValue(chosen);
                });
    box.setButtonCell(new FilterCell(name));
    box.setCellFactory(l -> new FilterCell(name));
    box.valueProperty().bindBidirectional(vm.filter(column));
    box.valueProperty().addListener((o, a, b) -> vm.search());
    box.setTooltip(new Tooltip("Show only the incidents with this " + name.toLowerCase()));
    return box;
  }

  /** "Verdict: any" for no choice, "Verdict: escape" for one. */
  private static final class FilterCell extends ListCell<String> {
    private final String name;

    FilterCell(String name) {
      this.name = name;
    }

    @Override
    protected void updateItem(String item, boolean empty) {
      super.updateItem(item, empty);
      setText(empty ? name + ": any" : name + ": " + (item == null ? "any" : label(name, item)));
    }

    private static String label(String name, String item) {
      return name.equals("Verdict") ? VerdictLabels.label(item) : item;
    }
  }

  /** The verdict, coloured by what it means for staging. */
  private static final class VerdictCell extends TableCell<IncidentRow, String> {
    /**
     * An escape's verdict: a pseudo-class, not a style class (a cell's style classes changing makes
     * it look up its styles again; a pseudo-class only switches between the styles it has).
     */
    private static final PseudoClass ESCAPE = PseudoClass.getPseudoClass("escape");

    private final QuietTooltip tip = new QuietTooltip();

    VerdictCell() {
      setTooltip(tip);
    }

    @Override
    protected void updateItem(String item, boolean empty) {
      super.updateItem(item, empty);
      IncidentRow r = empty ? null : getTableRow() == null ? null : getTableRow().getItem();
      setText(empty ? null : item);
      tip.setText(
          empty || item == null || item.isEmpty()
              ? ""
              : r == null ? item : VerdictLabels.label(r.verdict()));
      pseudoClassStateChanged(ESCAPE, r != null && r.verdict().equals("escape"));
    }
  }

  private static <T extends TableColumn<IncidentRow, ?>> T width(T c, double pref, double min) {
    c.setPrefWidth(pref);
    c.setMinWidth(min);
    c.setMaxWidth(pref * 1.6);
    return c;
  }

  private TableColumn<IncidentRow, String> text(
      String name, Function<IncidentRow, String> value, String sortBy) {
    TableColumn<IncidentRow, String> c = new TableColumn<>(name);
    // a row whose page is still being read is null: its cells stay empty until it arrives
    c.setCellValueFactory(
        cell ->
            new ReadOnlyStringWrapper(cell.getValue() == null ? "" : value.apply(cell.getValue())));
    c.setCellFactory(col -> new TipCell());
    if (sortBy != null) {
      sortField.put(c, sortBy);
    }
    return c;
  }

  /** Adds a control at the end of the search bar (the Export menu). */
  public void addTool(javafx.scene.Node tool) {
    bar.getChildren().add(tool);
  }

  /** A text cell whose whole text shows as a tooltip (the cell may cut it). */
  private static final class TipCell extends TableCell<IncidentRow, String> {
    private final QuietTooltip tip = new QuietTooltip();

    TipCell() {
      setTooltip(tip);
    }

    @Override
    protected void updateItem(String item, boolean empty) {
      super.updateItem(item, empty);
      setText(empty ? null : item);
      tip.setText(empty || item == null || item.length() < 12 ? "" : item);
    }
  }

  public TableView<IncidentRow> table() {
    return table;
  }

  public TextField searchField() {
    return search;
  }

  /** The scroll bar beside the table, which spans every row. */
  public WindowedScroll<IncidentRow> scroll() {
    return scroll;
  }

  /** The table selects the view model's row when its window holds it, else none. */
  private void showSelection() {
    int at = vm.selectedIndexProperty().get();
    int local = at - vm.window().offset();
    boolean inside = at >= 0 && local >= 0 && local < vm.window().size();
    var selection = table.getSelectionModel();
    syncing = true;
    try {
      if (!inside) {
        if (!selection.isEmpty()) {
          selection.clearSelection();
        }
      } else if (selection.getSelectedIndex() != local
          || !java.util.Objects.equals(selection.getSelectedItem(), vm.window().get(local))) {
        // (a row read again after its page was let go is equal: a range the user selected stays)
        selection.clearAndSelect(local);
        table.getFocusModel().focus(local);
      }
    } finally {
      syncing = false;
    }
  }
}
