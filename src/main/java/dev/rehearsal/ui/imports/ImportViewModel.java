package dev.rehearsal.ui.imports;

import dev.rehearsal.app.ImportView;
import dev.rehearsal.app.Problems;
import dev.rehearsal.model.Rejection;
import dev.rehearsal.task.TaskMonitor;
import dev.rehearsal.ui.task.TaskHandle;
import dev.rehearsal.ui.task.Tasks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * Importing from the window: the files chosen or dropped, what the import would do with each
 * (format, confidence, first records, what it lacks), the import itself with progress and cancel,
 * and afterwards each file's counts and the rejected records (file, line, reason), which the user
 * can filter. The analysis re-runs after the import, as part of it.
 */
public final class ImportViewModel {
  /**
   * Plans an import with what was stated for some of its files, by the name the plan shows (the app
   * layer's {@code Imports.preview}).
   */
  @FunctionalInterface
  public interface Planner {
    ImportView.Plan plan(List<Path> inputs, Map<String, ImportView.Statement> stated)
        throws Exception;
  }

  /** Runs an import and the analysis after it (the app layer's {@code Imports}). */
  @FunctionalInterface
  public interface Runner {
    ImportView.Result run(
        List<Path> inputs, Map<String, ImportView.Statement> stated, TaskMonitor monitor)
        throws Exception;
  }

  /** Checks a statement as typed (the app layer's {@code Imports.check}). */
  @FunctionalInterface
  public interface Checker {
    ImportView.StatementCheck check(ImportView.Statement statement);
  }

  private final Planner planner;
  private final Runner runner;
  private final Tasks tasks;
  private final ObservableList<Path> inputs = FXCollections.observableArrayList();
  private final ObservableList<ImportView.PlannedFile> planned =
      FXCollections.observableArrayList();
  private final ObservableList<ImportView.FileResult> results = FXCollections.observableArrayList();
  private final ObservableList<Rejection> rejections = FXCollections.observableArrayList();
  private final FilteredList<Rejection> shownRejections = new FilteredList<>(rejections);
  private final StringProperty rejectionFilter = new SimpleStringProperty("");
  private final ObjectProperty<ImportView.Result> result = new SimpleObjectProperty<>();
  private final StringProperty summary = new SimpleStringProperty("");
  private final StringProperty error = new SimpleStringProperty("");
  private final StringProperty message = new SimpleStringProperty("");
  private final DoubleProperty progress = new SimpleDoubleProperty(0);
  private final BooleanProperty running = new SimpleBooleanProperty();
  private final BooleanProperty planning = new SimpleBooleanProperty();

  private final BooleanProperty writable = new SimpleBooleanProperty(true);
  private final StringProperty readOnly = new SimpleStringProperty("");
  private TaskHandle current;
  private Runnable onImported = () -> {};

  // stating what files lack, once for the files selected
  private final Checker checker;
  private final Map<String, ImportView.Statement> stated = new LinkedHashMap<>();
  private final ObservableList<ImportView.PlannedFile> selected =
      FXCollections.observableArrayList();
  private final StringProperty service = new SimpleStringProperty("");
  private final StringProperty environment = new SimpleStringProperty("");
  private final StringProperty version = new SimpleStringProperty("");
  private final StringProperty commit = new SimpleStringProperty("");
  private final StringProperty time = new SimpleStringProperty("");
  private final Map<String, StringProperty> refused = new LinkedHashMap<>();
  private final BooleanProperty canFill = new SimpleBooleanProperty();
  private final BooleanProperty canForget = new SimpleBooleanProperty();
  private final StringProperty fillMessage = new SimpleStringProperty("");

  // how the plan is shown: the folder once above it, and the columns worth showing
  private final StringProperty folder = new SimpleStringProperty("");
  private final BooleanProperty anyStated = new SimpleBooleanProperty();
  private final BooleanProperty anyNote = new SimpleBooleanProperty();

  public ImportViewModel(Planner planner, Runner runner, Tasks tasks) {
    this(planner, runner, s -> new ImportView.StatementCheck(Map.of()), tasks);
  }

  public ImportViewModel(Planner planner, Runner runner, Checker checker, Tasks tasks) {
    this.planner = planner;
    this.runner = runner;
    this.checker = checker;
    this.tasks = tasks;
    for (String f : ImportView.Statement.FIELDS) {
      refused.put(f, new SimpleStringProperty(""));
    }
    for (StringProperty p : typedFields()) {
      p.addListener((o, a, b) -> checkStatement());
    }
    selected.addListener(
        (javafx.collections.ListChangeListener<ImportView.PlannedFile>)
            c -> {
              checkStatement();
              checkForget();
            });
    planned.addListener(
        (javafx.collections.ListChangeListener<ImportView.PlannedFile>) c -> planChanged());
    rejectionFilter.addListener(
        (o, a, f) -> {
          String needle = f == null ? "" : f.strip().toLowerCase(Locale.ROOT);
          shownRejections.setPredicate(
              needle.isEmpty()
                  ? null
                  : r ->
                      (r.file() + " " + r.line() + " " + r.format() + " " + r.reason())
                          .toLowerCase(Locale.ROOT)
                          .contains(needle));
        });
  }

  public ObservableList<Path> inputs() {
    return inputs;
  }

  public ObservableList<ImportView.PlannedFile> planned() {
    return planned;
  }

  /**
   * The folder every planned file is in, shown once above the plan ("" when they share none); each
   * row names its file under it ({@link #shownName}).
   */
  public ReadOnlyStringProperty folderProperty() {
    return folder;
  }

  /** A planned file's name as its row shows it: under {@link #folderProperty}. */
  public String shownName(ImportView.PlannedFile f) {
    return ImportView.inFolder(f.file(), folder.get());
  }

  /** Whether something was stated for a planned file (the "stated" column is worth showing). */
  public ReadOnlyBooleanProperty anyStatedProperty() {
    return anyStated;
  }

  /** Whether a planned file has a note beyond its format (the note column is worth showing). */
  public ReadOnlyBooleanProperty anyNoteProperty() {
    return anyNote;
  }

  private void planChanged() {
    folder.set(ImportView.folderOf(planned.stream().map(ImportView.PlannedFile::file).toList()));
    anyStated.set(planned.stream().anyMatch(f -> !f.stated().isEmpty()));
    anyNote.set(planned.stream().anyMatch(f -> !f.note().isEmpty()));
  }

  public ObservableList<ImportView.FileResult> results() {
    return results;
  }

  /** The rejected records of the last import, those the filter lets through. */
  public ObservableList<Rejection> rejections() {
    return shownRejections;
  }

  public StringProperty rejectionFilterProperty() {
    return rejectionFilter;
  }

  public ReadOnlyObjectProperty<ImportView.Result> resultProperty() {
    return result;
  }

  /** The last import's totals in a sentence; accepted + rejected = seen. */
  public ReadOnlyStringProperty summaryProperty() {
    return summary;
  }

  public ReadOnlyStringProperty errorProperty() {
    return error;
  }

  public ReadOnlyStringProperty messageProperty() {
    return message;
  }

  public ReadOnlyDoubleProperty progressProperty() {
    return progress;
  }

  public ReadOnlyBooleanProperty runningProperty() {
    return running;
  }

  /**
   * Whether the workspace can be written now (the window binds it to its write access); while it
   * cannot, importing is refused with {@link #readOnlyProperty}'s reason.
   */
  public BooleanProperty writableProperty() {
    return writable;
  }

  /** Why the workspace cannot be written now, naming who holds it. */
  public StringProperty readOnlyProperty() {
    return readOnly;
  }

  public ReadOnlyBooleanProperty planningProperty() {
    return planning;
  }

  /** The service to state for the files selected, as typed. */
  public StringProperty serviceProperty() {
    return service;
  }

  public StringProperty environmentProperty() {
    return environment;
  }

  public StringProperty versionProperty() {
    return version;
  }

  /** The commit the files selected tested (7 to 40 hexadecimal characters), as typed. */
  public StringProperty commitProperty() {
    return commit;
  }

  public StringProperty timeProperty() {
    return time;
  }

  private List<StringProperty> typedFields() {
    return List.of(service, environment, version, commit, time);
  }

  /**
   * Why the value typed for a field (one of {@link ImportView.Statement#FIELDS}) is refused, with
   * how to write it; "" while it is fine.
   */
  public ReadOnlyStringProperty refusedProperty(String field) {
    StringProperty p = refused.get(field);
    if (p == null) {
      throw new IllegalArgumentException("no field " + field + "; fields: " + refused.keySet());
    }
    return p;
  }

  /** Whether what is typed can be stated for the files selected. */
  public ReadOnlyBooleanProperty canFillProperty() {
    return canFill;
  }

  /** What the last statement did, or why nothing can be stated yet. */
  public ReadOnlyStringProperty fillMessageProperty() {
    return fillMessage;
  }

  /** Whether something was stated for one of the files selected (what Forget would forget). */
  public ReadOnlyBooleanProperty canForgetProperty() {
    return canForget;
  }

  private void checkForget() {
    canForget.set(selected.stream().anyMatch(f -> stated.containsKey(f.file())));
  }

  /** The planned files selected in the plan (the table keeps it in step). */
  public ObservableList<ImportView.PlannedFile> selected() {
    return selected;
  }

  /** What was stated for each file so far, by the name the plan shows. */
  public Map<String, ImportView.Statement> stated() {
    return java.util.Collections.unmodifiableMap(stated);
  }

  private ImportView.Statement typed() {
    return new ImportView.Statement(
        service.get(), environment.get(), version.get(), commit.get(), time.get());
  }

  /** The files selected a statement is for: those to be imported. */
  private List<ImportView.PlannedFile> targets() {
    return selected.stream().filter(f -> f.status().equals("will import")).toList();
  }

  private void checkStatement() {
    ImportView.Statement s = typed();
    ImportView.StatementCheck c = checker.check(s);
    refused.forEach((field, p) -> p.set(c.refused().getOrDefault(field, "")));
    canFill.set(c.ok() && !s.isEmpty() && !targets().isEmpty());
  }

  /**
   * States what is typed for the files selected (blank fields leave what was stated before), as an
   * import manifest would for each, and plans again: what they lack is judged with it.
   */
  public void fill() {
    checkStatement();
    ImportView.Statement s = typed();
    List<ImportView.PlannedFile> to = targets();
    if (to.isEmpty()) {
      fillMessage.set(
          "Select the files to state it for in the table above (Ctrl or Shift + click).");
      return;
    }
    if (s.isEmpty()) {
      fillMessage.set("Type a service, an environment, a version, a commit or a time to state.");
      return;
    }
    if (!canFill.get()) {
      fillMessage.set("Nothing was stated: " + String.join(" ", refusedNow()));
      return;
    }
    for (ImportView.PlannedFile f : to) {
      stated.put(f.file(), s.over(stated.get(f.file())));
    }
    fillMessage.set(
        "Stated for "
            + to.size()
            + (to.size() == 1 ? " file: " : " files: ")
            + s.words()
            + ". A file's own values win over it.");
    checkForget();
    plan();
  }

  /** Forgets what was stated for the files selected, and plans again. */
  public void forgetStated() {
    int n = 0;
    for (ImportView.PlannedFile f : selected) {
      if (stated.remove(f.file()) != null) {
        n++;
      }
    }
    fillMessage.set(
        n == 0
            ? "Nothing was stated for the files selected."
            : "Forgot what was stated for " + n + (n == 1 ? " file." : " files."));
    checkForget();
    if (n > 0) {
      plan();
    }
  }

  private List<String> refusedNow() {
    return refused.values().stream().map(StringProperty::get).filter(v -> !v.isEmpty()).toList();
  }

  /** Called after an import that changed the workspace (the tables and figures change). */
  public void setOnImported(Runnable r) {
    onImported = r == null ? () -> {} : r;
  }

  /** Adds files, folders or zips and plans the import of all chosen so far. */
  public void add(List<Path> paths) {
    for (Path p : paths) {
      if (!inputs.contains(p)) {
        inputs.add(p);
      }
    }
    plan();
  }

  /** Forgets the files chosen and what the last import did. */
  public void clear() {
    inputs.clear();
    planned.clear();
    stated.clear();
    selected.clear();
    checkForget();
    for (StringProperty p : typedFields()) {
      p.set("");
    }
    fillMessage.set("");
    error.set("");
  }

  /** Works out what importing the chosen inputs would do, off the FX thread. */
  public void plan() {
    List<Path> in = new ArrayList<>(inputs);
    if (in.isEmpty()) {
      planned.clear();
      return;
    }
    Map<String, ImportView.Statement> st = new LinkedHashMap<>(stated);
    planning.set(true);
    error.set("");
    tasks.run(
        "Reading what the files hold",
        m -> planner.plan(in, st),
        p -> {
          planning.set(false);
          planned.setAll(p.files());
          if (!p.problems().isEmpty()) {
            error.set(String.join(" ", p.problems()));
          } else if (!p.anythingToImport()) {
            error.set(
                p.files().stream().anyMatch(ImportView.PlannedFile::mappable)
                    ? "None of these files is in a format Rehearsal knows. A CSV or JSON file is"
                        + " read through a column mapping: select it and choose Map columns."
                    : "None of these files is in a format Rehearsal reads; the table says what"
                        + " each looked like.");
          }
        },
        failure -> {
          planning.set(false);
          error.set(Problems.describe("Reading the files", failure).message());
        });
  }

  /** Imports the chosen inputs, then the analysis runs again; progress and cancel on the way. */
  public void start() {
    List<Path> in = new ArrayList<>(inputs);
    if (in.isEmpty() || running.get()) {
      return;
    }
    if (!writable.get()) {
      error.set(readOnly.get());
      return;
    }
    Map<String, ImportView.Statement> st = new LinkedHashMap<>(stated);
    running.set(true);
    error.set("");
    progress.set(0);
    message.set("starting");
    boolean[] done = {false};
    TaskHandle h =
        tasks.run(
            "Importing " + in.size() + (in.size() == 1 ? " input" : " inputs"),
            m ->
                runner.run(
                    in,
                    st,
                    new TaskMonitor() {
                      @Override
                      public void progress(long done, long total, String text) {
                        m.progress(done, total, text);
                      }

                      @Override
                      public boolean isCancelled() {
                        return m.isCancelled();
                      }
                    }),
            r -> {
              done[0] = true;
              finished();
              show(r);
              if (r.accepted() > 0) {
                onImported.run();
              }
            },
            failure -> {
              done[0] = true;
              finished();
              error.set(Problems.describe("The import", failure).message());
            });
    if (!done[0]) {
      current = h;
      progress.bind(h.progressProperty());
      message.bind(h.messageProperty());
    }
  }

  private void finished() {
    running.set(false);
    current = null;
    progress.unbind();
    message.unbind();
  }

  /** Asks the running import to stop. */
  public void cancel() {
    if (current != null) {
      current.cancel();
    }
  }

  private void show(ImportView.Result r) {
    result.set(r);
    results.setAll(r.files());
    rejections.setAll(r.rejections());
    summary.set(summaryOf(r));
    if (!r.problems().isEmpty()) {
      error.set(String.join(" ", r.problems()));
    }
    if (!r.cancelled()) {
      inputs.clear();
      planned.clear();
      stated.clear();
      checkForget();
      fillMessage.set("");
    }
  }

  /** "3 files: 1,204 records read, 1,203 imported, 1 rejected. The analysis ran again ..." */
  static String summaryOf(ImportView.Result r) {
    if (r.cancelled()) {
      return String.format(
              Locale.ROOT,
              "Cancelled after reading %,d record%s.",
              r.seen(),
              r.seen() == 1 ? "" : "s")
          + " "
          + r.analysis();
    }
    return String.format(
            Locale.ROOT,
            "%d file%s: %,d record%s read, %,d imported, %,d rejected.",
            r.files().size(),
            r.files().size() == 1 ? "" : "s",
            r.seen(),
            r.seen() == 1 ? "" : "s",
            r.accepted(),
            r.rejected())
        + " "
        + r.analysis();
  }
}
