package dev.rehearsal.ui.detail;

import dev.rehearsal.app.IncidentDetails;
import dev.rehearsal.app.Sentences;
import dev.rehearsal.model.DeployLink;
import dev.rehearsal.model.Evidence;
import dev.rehearsal.model.Finding;
import dev.rehearsal.model.Gap;
import dev.rehearsal.model.GapScore;
import dev.rehearsal.model.Incident;
import dev.rehearsal.model.Review;
import dev.rehearsal.model.Verdict;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * One incident: what happened and when, the change held responsible with its reasons and the
 * alternatives weighed, staging's verdict and why, the gaps ranked with their evidence (marked
 * passages, configuration keys with both values, the mocked dependency and what mocks it), the
 * timeline, and the review form with the review history. Every sentence comes from {@link
 * Sentences}, as on the command line.
 */
public final class IncidentDetailView extends BorderPane {
  static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

  private final IncidentDetailViewModel vm;
  private final VBox body = new VBox(10);
  private final VBox review;
  private final ComboBox<Verdict> verdictBox = new ComboBox<>();
  private final ComboBox<String> linkBox = new ComboBox<>();
  private final TextField note = new TextField();
  private final ScrollPane scroll;

  public IncidentDetailView(IncidentDetailViewModel vm) {
    this.vm = vm;
    setId("incident-detail");
    getStyleClass().add("incident-detail");
    body.setPadding(new Insets(12, 14, 16, 14));
    body.setId("incident-detail-body");
    review = reviewForm();
    scroll = new ScrollPane(body);
    scroll.setFitToWidth(true);
    scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    scroll.getStyleClass().add("detail-scroll");
    ProgressIndicator spinner = new ProgressIndicator();
    spinner.setMaxSize(28, 28);
    spinner.visibleProperty().bind(vm.busyProperty());
    StackPane.setAlignment(spinner, Pos.TOP_RIGHT);
    StackPane.setMargin(spinner, new Insets(8, 18, 0, 0));
    spinner.setMouseTransparent(true);
    setCenter(new StackPane(scroll, spinner));
    vm.detailProperty().addListener((o, a, d) -> show(d));
    vm.errorProperty()
        .addListener(
            (o, a, e) -> {
              if (!e.isEmpty()) {
                Label l = wrapped(e);
                l.getStyleClass().add("error-text");
                l.setId("detail-error");
                body.getChildren().setAll(l);
              }
            });
    body.getChildren().setAll(placeholder());
  }

  private static Node placeholder() {
    Label l =
        wrapped(
            "Select an incident to read what the analysis says about it: the change behind it,"
                + " what staging said, the gaps that let it through, and the evidence for each."
                + " Double-click or press Enter to open it; Alt+Down and Alt+Up step through the"
                + " list.");
    l.getStyleClass().add("placeholder-text");
    return l;
  }

  /** Scrolls to the review form and moves the keyboard focus to it. */
  public void focusReview() {
    if (vm.detailProperty().get() != null) {
      scrollTo(review);
      verdictBox.requestFocus();
    }
  }

  /** Scrolls the detail so that a node of it is at the top (as far as the detail goes). */
  public void scrollTo(Node target) {
    if (target == null || target.getScene() == null) {
      return;
    }
    body.applyCss();
    body.layout();
    double y = body.sceneToLocal(target.localToScene(0, 0)).getY();
    double h = body.getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
    scroll.setVvalue(h <= 0 ? 0 : Math.min(1, Math.max(0, (y - 8) / h)));
  }

  private void show(IncidentDetails.Detail d) {
    if (d == null) {
      body.getChildren().setAll(placeholder());
      return;
    }
    List<Node> n = new ArrayList<>();
    Incident i = d.incident();
    Finding f = d.finding();
    Label title = wrapped((i.reference().isEmpty() ? "" : i.reference() + "  ") + i.title());
    title.getStyleClass().add("detail-title");
    title.setId("detail-title");
    n.add(title);
    n.add(
        muted(
            String.join(
                "   ",
                nonEmpty(
                    "services "
                        + (i.services().isEmpty() ? "none" : String.join(", ", i.services())),
                    i.severity().isEmpty() ? "" : "severity " + i.severity(),
                    i.status().isEmpty() ? "" : i.status(),
                    "from " + i.source()))));
    n.add(
        muted(
            String.join(
                "   ",
                nonEmpty(
                    "onset " + time(i.startedAt()),
                    i.detectedAt() == null ? "" : "detected " + time(i.detectedAt()),
                    i.resolvedAt() == null ? "" : "resolved " + time(i.resolvedAt())))));
    if (f == null) {
      n.add(wrapped("Not analysed yet: the analysis runs after each import."));
    } else {
      n.add(summary(f));
    }
    n.add(heading("Timeline"));
    n.add(new TimelineView(d.timeline(), vm::showRecord, vm.recordProperty()));
    if (f != null) {
      n.add(heading("Change held responsible"));
      n.addAll(links(f));
      if (!d.alternatives().isEmpty()) {
        n.add(heading("Also weighed"));
        for (DeployLink l : d.alternatives()) {
          n.add(bold(change(l) + String.format(Locale.ROOT, "   %.2f", l.confidence())));
          n.add(bullets(Sentences.of(l.reasons()).stream().limit(3).toList()));
        }
      }
      n.add(heading("Staging verdict: " + f.verdict().label()));
      n.add(bullets(Sentences.of(f.verdictReasons())));
      for (Evidence e : f.stagingEvidence()) {
        n.add(evidence(e));
      }
      if (!f.scores().isEmpty()) {
        n.add(heading("Gaps, ranked"));
        n.addAll(gaps(f));
      }
    }
    Label rev = heading("Review");
    rev.setId("review-heading");
    n.add(rev);
    for (Review r : d.reviews()) {
      Label l = wrapped("Reviewed " + Sentences.review(r));
      l.getStyleClass().add("review-history");
      n.add(l);
    }
    if (f != null && f.reviewed()) {
      n.add(
          muted(
              "The analysis said: "
                  + f.verdict().label()
                  + (f.gaps().isEmpty() ? "" : ", gaps " + codes(f.gaps()))
                  + (f.links().isEmpty() ? ", no change" : ", " + f.links().get(0).deployKey())));
    }
    n.add(review);
    if (!i.description().isEmpty() || !i.postmortem().isEmpty()) {
      n.add(heading("What the incident says"));
      n.add(wrapped(i.description() + (i.postmortem().isEmpty() ? "" : "\n\n" + i.postmortem())));
    }
    body.getChildren().setAll(n);
  }

  private Node summary(Finding f) {
    FlowPane p = new FlowPane(8, 6);
    p.setId("detail-summary");
    Label v = chip(f.effectiveVerdict().label());
    v.setId("detail-verdict");
    if (f.effectiveVerdict() == Verdict.ESCAPE) {
      v.getStyleClass().add("chip-escape");
    }
    p.getChildren().add(v);
    for (Gap g : f.effectiveGaps()) {
      Label c = chip("gap: " + g.code());
      c.getStyleClass().add("chip-gap");
      p.getChildren().add(c);
    }
    if (!f.links().isEmpty()) {
      p.getChildren()
          .add(
              chip(
                  String.format(Locale.ROOT, "confidence %.2f", f.confidence())
                      + (f.guess() ? " (a guess)" : "")));
    }
    Label r = chip(f.reviewed() ? "reviewed" : "not reviewed");
    r.setId("detail-reviewed");
    r.getStyleClass().add(f.reviewed() ? "chip-reviewed" : "chip-muted");
    p.getChildren().add(r);
    return p;
  }

  private List<Node> links(Finding f) {
    List<Node> n = new ArrayList<>();
    if (f.links().isEmpty()) {
      n.add(wrapped("None: no deploy explains it well enough."));
    }
    for (DeployLink l : f.links()) {
      Label head =
          bold(
              change(l)
                  + String.format(Locale.ROOT, "   confidence %.2f", l.confidence())
                  + (l.byTimeAlone() ? " (by time alone)" : ""));
      head.setId("detail-link");
      n.add(head);
      n.add(muted(l.deployKey()));
      n.add(bullets(Sentences.of(l.reasons())));
      for (Evidence e : l.evidence()) {
        n.add(evidence(e));
      }
    }
    return n;
  }

  private static String change(DeployLink l) {
    String what = l.version().isEmpty() ? abbreviate(l.commitSha()) : l.version();
    return l.service()
        + " "
        + (what.isEmpty() ? "(no version)" : what)
        + " to "
        + l.environment()
        + (l.at() == null ? "" : " at " + time(l.at()));
  }

  private static String abbreviate(String sha) {
    return sha == null ? "" : sha.length() > 10 ? sha.substring(0, 10) : sha;
  }

  private List<Node> gaps(Finding f) {
    List<Node> n = new ArrayList<>();
    List<GapScore> scores = new ArrayList<>(f.scores());
    scores.sort(Comparator.comparingDouble(GapScore::score).reversed());
    for (GapScore s : scores) {
      boolean inForce = f.effectiveGaps().contains(s.gap());
      Label head =
          bold(
              s.gap().code()
                  + String.format(Locale.ROOT, "   %.2f", s.score())
                  + String.format(
                      Locale.ROOT,
                      "  (words %.2f, structure %.2f%s)",
                      s.text(),
                      s.structure(),
                      Double.isNaN(s.learned())
                          ? ""
                          : String.format(Locale.ROOT, ", reviewed look-alikes %.2f", s.learned()))
                  + (inForce ? "   \u2190 in force" : ""));
      head.getStyleClass().add(inForce ? "gap-in-force" : "gap-other");
      head.setId("gap-" + s.gap().code());
      n.add(head);
      List<Evidence.ConfigDrift> drift = new ArrayList<>();
      List<Evidence> rest = new ArrayList<>();
      for (Evidence e : s.evidence()) {
        if (e instanceof Evidence.ConfigDrift c) {
          drift.add(c);
        } else {
          rest.add(e);
        }
      }
      if (!drift.isEmpty()) {
        n.add(configTable(drift));
      }
      for (Evidence e : rest) {
        n.add(evidence(e));
      }
      if (s.evidence().isEmpty()) {
        n.add(muted("no evidence"));
      }
    }
    return n;
  }

  /** The configuration keys that drifted, each with its production and staging value. */
  private static Node configTable(List<Evidence.ConfigDrift> drift) {
    GridPane g = new GridPane();
    g.setId("config-drift");
    g.getStyleClass().add("config-table");
    g.setHgap(14);
    g.setVgap(3);
    g.setPadding(new Insets(2, 0, 2, 16));
    for (int pct : new int[] {40, 30, 30}) {
      ColumnConstraints c = new ColumnConstraints();
      c.setPercentWidth(pct);
      g.getColumnConstraints().add(c);
    }
    g.addRow(0, bold("config key"), bold("production"), bold("staging"));
    int r = 1;
    for (Evidence.ConfigDrift c : drift) {
      Label k = wrapped(c.key() + (c.named() ? "  (named in the incident)" : ""));
      k.setTooltip(new Tooltip(Sentences.summary(c) + "; " + Sentences.detail(c)));
      g.addRow(r++, k, value(c.production()), value(c.staging()));
    }
    return g;
  }

  private static Label value(String v) {
    Label l = wrapped(v == null ? "(not set)" : v);
    l.getStyleClass().add("mono");
    if (v != null && v.length() > 30) {
      l.setTooltip(new Tooltip(v));
    }
    return l;
  }

  /** One piece of evidence: its sentence, and what backs it (marked passages, a source). */
  private static Node evidence(Evidence e) {
    VBox box = new VBox(2);
    box.setPadding(new Insets(0, 0, 0, 16));
    Label s = wrapped("\u2022 " + Sentences.summary(e));
    box.getChildren().add(s);
    List<Evidence.Passage> passages = List.of();
    if (e instanceof Evidence.TextMatch m) {
      passages = m.passages();
    } else if (e instanceof Evidence.TextVote v) {
      passages = v.passages();
    }
    if (!passages.isEmpty()) {
      for (Evidence.Passage p : passages) {
        box.getChildren().add(passage(p));
      }
    } else if (e instanceof Evidence.MockedDependency m) {
      Label by = wrapped("mocked by " + m.mockedBy());
      by.getStyleClass().addAll("muted-text", "mono");
      by.setPadding(new Insets(0, 0, 0, 12));
      box.getChildren().add(by);
    } else {
      String d = Sentences.detail(e);
      if (!d.isEmpty()) {
        Label l = wrapped(d);
        l.getStyleClass().add("muted-text");
        l.setPadding(new Insets(0, 0, 0, 12));
        box.getChildren().add(l);
      }
    }
    return box;
  }

  /** A passage of the incident's text with the matched words marked. */
  public static TextFlow passage(Evidence.Passage p) {
    TextFlow flow = new TextFlow();
    flow.getStyleClass().add("passage");
    flow.setPadding(new Insets(2, 6, 2, 12));
    int at = 0;
    String t = p.text().replace('\n', ' ');
    for (Evidence.Span s : p.marks()) {
      int start = Math.max(at, Math.min(s.start(), t.length()));
      int end = Math.max(start, Math.min(s.end(), t.length()));
      if (start > at) {
        flow.getChildren().add(text(t.substring(at, start), "passage-text"));
      }
      if (end > start) {
        flow.getChildren().add(text(t.substring(start, end), "passage-mark"));
      }
      at = end;
    }
    if (at < t.length()) {
      flow.getChildren().add(text(t.substring(at), "passage-text"));
    }
    return flow;
  }

  private static Text text(String s, String style) {
    Text t = new Text(s);
    t.getStyleClass().add(style);
    return t;
  }

  private VBox reviewForm() {
    verdictBox.setId("review-verdict");
    verdictBox.getItems().setAll(Verdict.values());
    verdictBox.valueProperty().bindBidirectional(vm.verdictProperty());
    verdictBox.setButtonCell(new VerdictCell());
    verdictBox.setCellFactory(l -> new VerdictCell());

    linkBox.setId("review-link");
    linkBox.setItems(vm.linkChoices());
    linkBox.valueProperty().bindBidirectional(vm.linkProperty());
    linkBox.setMaxWidth(Double.MAX_VALUE);
    linkBox.setButtonCell(new LinkCell());
    linkBox.setCellFactory(l -> new LinkCell());

    FlowPane gapBoxes = new FlowPane(10, 4);
    for (Gap g : Gap.values()) {
      CheckBox c = new CheckBox(g.code());
      c.setId("review-gap-" + g.code());
      c.setMinWidth(Label.USE_PREF_SIZE);
      c.selectedProperty().bindBidirectional(vm.gap(g));
      gapBoxes.getChildren().add(c);
    }
    note.setId("review-note");
    note.setPromptText("Note (why; what was checked)");
    note.textProperty().bindBidirectional(vm.noteProperty());
    TextField reviewer = new TextField();
    reviewer.setId("review-reviewer");
    reviewer.setPromptText("Reviewer");
    reviewer.textProperty().bindBidirectional(vm.reviewerProperty());
    reviewer.setPrefColumnCount(10);

    GridPane g = new GridPane();
    g.setHgap(8);
    g.setVgap(6);
    ColumnConstraints labels = new ColumnConstraints();
    labels.setMinWidth(Label.USE_PREF_SIZE);
    ColumnConstraints fields = new ColumnConstraints();
    fields.setHgrow(Priority.ALWAYS);
    g.getColumnConstraints().addAll(labels, fields);
    g.addRow(0, new Label("Change"), linkBox);
    g.addRow(1, new Label("Verdict"), verdictBox);
    g.addRow(2, new Label("Gaps"), gapBoxes);
    g.addRow(3, new Label("Note"), note);
    g.addRow(4, new Label("Reviewer"), reviewer);

    Button confirm = new Button("Confirm");
    confirm.setId("review-confirm");
    confirm.setTooltip(new Tooltip("Accept the change, verdict and gaps the analysis gives"));
    confirm.setOnAction(e -> vm.confirm());
    Button save = new Button("Save correction");
    save.setId("review-save");
    save.setDefaultButton(false);
    save.setTooltip(new Tooltip("Save the parts you changed; the others stay the analysis's"));
    save.setOnAction(e -> vm.saveCorrection());
    Button reset = new Button("Reset");
    reset.setOnAction(e -> vm.resetForm());
    confirm.disableProperty().bind(vm.busyProperty().or(vm.writableProperty().not()));
    save.disableProperty().bind(vm.busyProperty().or(vm.writableProperty().not()));
    HBox buttons = new HBox(8, confirm, save, reset);
    Label message = new Label();
    message.setId("review-message");
    message.setWrapText(true);
    message.textProperty().bind(vm.reviewMessageProperty());
    vm.reviewRefusedProperty()
        .addListener(
            (o, a, refused) -> {
              message.getStyleClass().removeAll("error-text", "ok-text");
              message.getStyleClass().add(refused ? "error-text" : "ok-text");
            });
    VBox box = new VBox(8, g, buttons, message);
    box.getStyleClass().add("review-form");
    box.setPadding(new Insets(8));
    return box;
  }

  /** A deploy the review can hold responsible, as "service version to environment at time". */
  private final class LinkCell extends ListCell<String> {
    @Override
    protected void updateItem(String key, boolean empty) {
      super.updateItem(key, empty);
      setText(empty || key == null ? "" : linkText(key));
    }
  }

  private String linkText(String key) {
    IncidentDetails.Detail d = vm.detailProperty().get();
    if (d != null && d.finding() != null) {
      List<DeployLink> all = new ArrayList<>(d.finding().links());
      all.addAll(d.alternatives());
      for (DeployLink l : all) {
        if (l.deployKey().equals(key)) {
          return change(l) + String.format(Locale.ROOT, " (%.2f)", l.confidence());
        }
      }
    }
    return key;
  }

  private static final class VerdictCell extends ListCell<Verdict> {
    @Override
    protected void updateItem(Verdict v, boolean empty) {
      super.updateItem(v, empty);
      setText(empty || v == null ? "" : v.label());
    }
  }

  // ------------------------------------------------------------------ small pieces

  private static Label heading(String s) {
    Label l = new Label(s);
    l.getStyleClass().add("section-heading");
    l.setWrapText(true);
    VBox.setMargin(l, new Insets(8, 0, 0, 0));
    return l;
  }

  private static Label wrapped(String s) {
    Label l = new Label(s);
    l.setWrapText(true);
    l.setMinHeight(Label.USE_PREF_SIZE);
    l.setMaxWidth(Double.MAX_VALUE);
    return l;
  }

  private static Label muted(String s) {
    Label l = wrapped(s);
    l.getStyleClass().add("muted-text");
    return l;
  }

  private static Label bold(String s) {
    Label l = wrapped(s);
    l.getStyleClass().add("strong-text");
    return l;
  }

  private static Label chip(String s) {
    Label l = new Label(s);
    l.getStyleClass().add("chip");
    return l;
  }

  private static Node bullets(List<String> lines) {
    VBox v = new VBox(2);
    v.setPadding(new Insets(0, 0, 0, 16));
    for (String s : lines) {
      v.getChildren().add(wrapped("\u2022 " + s));
    }
    return v;
  }

  private static List<String> nonEmpty(String... parts) {
    List<String> out = new ArrayList<>();
    for (String p : parts) {
      if (p != null && !p.isBlank()) {
        out.add(p);
      }
    }
    return out;
  }

  private static String codes(List<Gap> gaps) {
    return String.join(", ", gaps.stream().map(Gap::code).toList());
  }

  static String time(Instant t) {
    return t == null ? "" : TIME.format(t);
  }

  static Separator separator() {
    return new Separator();
  }
}
