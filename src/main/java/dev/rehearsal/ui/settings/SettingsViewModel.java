package dev.rehearsal.ui.settings;

import dev.rehearsal.app.Problems;
import dev.rehearsal.app.SettingsForm;
import dev.rehearsal.task.TaskMonitor;
import dev.rehearsal.ui.task.TaskHandle;
import dev.rehearsal.ui.task.Tasks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The workspace's rules in the window: the environments table, the alias table with the service
 * names the records suggest (accept or reject each), the services the tables without one are taken
 * for (accept or reject each), the dependencies, and the analysis rules that fit one field. Every
 * edit is checked as it is typed by the app layer, in the settings' own words; Save is possible
 * only while nothing is refused, writes through the app layer and analyses again off the FX thread,
 * with progress; Revert discards the edits.
 */
public final class SettingsViewModel {
  /** The app layer's settings use cases ({@code Configuration}). */
  public interface Rules {
    /** The rules as they are saved. */
    SettingsForm.Form load() throws Exception;

    /** What is refused in edits; quick, called as the user types. */
    SettingsForm.Check check(SettingsForm.Edits edits);

    /** Saves edits and analyses again. */
    SettingsForm.Saved save(SettingsForm.Edits edits, TaskMonitor monitor) throws Exception;

    /** Accepts or rejects a suggested service name and analyses again. */
    SettingsForm.Saved decide(String name, boolean accept, TaskMonitor monitor) throws Exception;

    /** Accepts or rejects that a table belongs to a service and analyses again. */
    SettingsForm.Saved decideTable(
        String table, String service, boolean accept, TaskMonitor monitor) throws Exception;
  }

  /** A row of a table being edited: a name, the names on its right, and its refusal. */
  public static final class Row {
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty values = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");

    Row(String name, String values) {
      this.name.set(name);
      this.values.set(values);
    }

    public StringProperty nameProperty() {
      return name;
    }

    public StringProperty valuesProperty() {
      return values;
    }

    /** Why the row is refused, or "". */
    public ReadOnlyStringProperty errorProperty() {
      return error;
    }

    SettingsForm.Entry entry() {
      return new SettingsForm.Entry(name.get(), values.get());
    }
  }

  /** A setting in one field: what it is, the text typed and its refusal. */
  public static final class Field {
    private final SettingsForm.Field field;
    private final StringProperty text = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");

    Field(SettingsForm.Field field) {
      this.field = field;
      text.set(field.value());
    }

    public SettingsForm.Field field() {
      return field;
    }

    public StringProperty textProperty() {
      return text;
    }

    /** Why the value is refused (key, value and what is allowed), or "". */
    public ReadOnlyStringProperty errorProperty() {
      return error;
    }
  }

  private final Rules rules;
  private final Tasks tasks;
  private final ObservableList<Row> environments = FXCollections.observableArrayList();
  private final ObservableList<Row> aliases = FXCollections.observableArrayList();
  private final ObservableList<Row> dependencies = FXCollections.observableArrayList();
  private final ObservableList<Field> fields = FXCollections.observableArrayList();
  private final ObservableList<SettingsForm.Suggestion> suggestions =
      FXCollections.observableArrayList();
  private final ObservableList<SettingsForm.TableSuggestion> tables =
      FXCollections.observableArrayList();
  private final StringProperty tablesProblem = new SimpleStringProperty("");
  private final BooleanProperty loaded = new SimpleBooleanProperty();
  private final BooleanProperty valid = new SimpleBooleanProperty(true);
  private final BooleanProperty dirty = new SimpleBooleanProperty();
  private final BooleanProperty busy = new SimpleBooleanProperty();
  private final BooleanProperty writable = new SimpleBooleanProperty(true);
  private final StringProperty readOnly = new SimpleStringProperty("");
  private final StringProperty refusal = new SimpleStringProperty("");
  private final StringProperty message = new SimpleStringProperty("");
  private final StringProperty error = new SimpleStringProperty("");
  private final StringProperty step = new SimpleStringProperty("");
  private final DoubleProperty progress = new SimpleDoubleProperty(0);
  private SettingsForm.Edits saved;
  private boolean showing;
  private TaskHandle current;
  private Runnable onAnalysed = () -> {};

  public SettingsViewModel(Rules rules, Tasks tasks) {
    this.rules = rules;
    this.tasks = tasks;
    ListChangeListener<Object> changed = c -> recheck();
    environments.addListener(changed);
    aliases.addListener(changed);
    dependencies.addListener(changed);
  }

  public ObservableList<Row> environments() {
    return environments;
  }

  public ObservableList<Row> aliases() {
    return aliases;
  }

  public ObservableList<Row> dependencies() {
    return dependencies;
  }

  /** Every setting of one field, in the order the documentation lists them. */
  public ObservableList<Field> fields() {
    return fields;
  }

  /** The field of a setting by its dotted key. */
  public Field field(String key) {
    return fields.stream()
        .filter(f -> f.field().key().equals(key))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no field for " + key));
  }

  /** The fields of one group ({@link SettingsForm#ENVIRONMENTS}, a group of rules ...). */
  public List<Field> fields(String group) {
    return fields.stream().filter(f -> f.field().group().equals(group)).toList();
  }

  /** The service names the records suggest, with their score, status and evidence. */
  public ObservableList<SettingsForm.Suggestion> suggestions() {
    return suggestions;
  }

  /**
   * The services the tables whose row counts came without one are taken for, with their score,
   * status and evidence; applied ones first per table.
   */
  public ObservableList<SettingsForm.TableSuggestion> tables() {
    return tables;
  }

  /** Why the tables' owners could not be worked out, or "". */
  public ReadOnlyStringProperty tablesProblemProperty() {
    return tablesProblem;
  }

  /** Whether the rules have been read. */
  public ReadOnlyBooleanProperty loadedProperty() {
    return loaded;
  }

  /** Whether nothing typed is refused: Save needs it. */
  public ReadOnlyBooleanProperty validProperty() {
    return valid;
  }

  /** Whether anything differs from what is saved. */
  public ReadOnlyBooleanProperty dirtyProperty() {
    return dirty;
  }

  /** Whether the rules are being read, saved or the analysis runs after a change. */
  /**
   * Whether the workspace can be written now (the window binds it to its write access); while it
   * cannot, saving and deciding on suggestions are refused with {@link #readOnlyProperty}'s reason.
   */
  public BooleanProperty writableProperty() {
    return writable;
  }

  /** Why the workspace cannot be written now, naming who holds it. */
  public StringProperty readOnlyProperty() {
    return readOnly;
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return busy;
  }

  /** The first refusal in a sentence, or "" (shown beside Save while it is disabled). */
  public ReadOnlyStringProperty refusalProperty() {
    return refusal;
  }

  /** What the last save or decision did, the analysis after it included. */
  public ReadOnlyStringProperty messageProperty() {
    return message;
  }

  /** Why reading or saving failed, or "". */
  public ReadOnlyStringProperty errorProperty() {
    return error;
  }

  /** What the work running does now. */
  public ReadOnlyStringProperty stepProperty() {
    return step;
  }

  public ReadOnlyDoubleProperty progressProperty() {
    return progress;
  }

  /** Called after a change was saved and the analysis ran again (the tables and figures change). */
  public void setOnAnalysed(Runnable r) {
    onAnalysed = r == null ? () -> {} : r;
  }

  /** Reads the rules as saved, off the FX thread; edits not saved are discarded. */
  public void load() {
    if (busy.get()) {
      return;
    }
    busy.set(true);
    error.set("");
    tasks.run(
        "Reading the settings",
        m -> rules.load(),
        form -> {
          busy.set(false);
          show(form);
        },
        failure -> {
          busy.set(false);
          error.set(Problems.describe("Reading the settings", failure).message());
        });
  }

  /** Discards the edits: the rules as they were read. */
  public void revert() {
    if (saved == null || busy.get()) {
      return;
    }
    showing = true;
    environments.setAll(rows(saved.environments()));
    aliases.setAll(rows(saved.aliases()));
    dependencies.setAll(rows(saved.dependencies()));
    for (Field f : fields) {
      f.text.set(saved.fields().getOrDefault(f.field().key(), f.field().value()));
    }
    showing = false;
    message.set("");
    recheck();
  }

  private void show(SettingsForm.Form form) {
    showing = true;
    environments.setAll(rows(form.environments()));
    aliases.setAll(rows(form.aliases()));
    dependencies.setAll(rows(form.dependencies()));
    List<Field> fs = new ArrayList<>();
    for (SettingsForm.Field f : form.fields()) {
      Field field = new Field(f);
      field.text.addListener((o, a, b) -> recheck());
      fs.add(field);
    }
    fields.setAll(fs);
    suggestions.setAll(form.suggestions());
    tables.setAll(form.tables());
    tablesProblem.set(form.tablesProblem());
    showing = false;
    saved = edits();
    loaded.set(true);
    recheck();
  }

  private List<Row> rows(List<SettingsForm.Entry> entries) {
    List<Row> out = new ArrayList<>();
    for (SettingsForm.Entry e : entries) {
      out.add(row(e.name(), e.values()));
    }
    return out;
  }

  private Row row(String name, String values) {
    Row r = new Row(name, values);
    r.name.addListener((o, a, b) -> recheck());
    r.values.addListener((o, a, b) -> recheck());
    return r;
  }

  /** Adds an empty row to a table (refused until it is filled in). */
  public Row add(ObservableList<Row> table) {
    Row r = row("", "");
    table.add(r);
    return r;
  }

  public void remove(ObservableList<Row> table, Row r) {
    table.remove(r);
  }

  /** What the form holds now. */
  SettingsForm.Edits edits() {
    Map<String, String> values = new LinkedHashMap<>();
    for (Field f : fields) {
      values.put(f.field().key(), f.text.get() == null ? "" : f.text.get());
    }
    return new SettingsForm.Edits(
        entries(environments), entries(aliases), entries(dependencies), values);
  }

  private static List<SettingsForm.Entry> entries(List<Row> rows) {
    return rows.stream().map(Row::entry).toList();
  }

  /** Checks what is typed, through the app layer, and shows each refusal beside its field. */
  private void recheck() {
    if (showing || saved == null) {
      return;
    }
    SettingsForm.Edits e = edits();
    SettingsForm.Check c = rules.check(e);
    mark(environments, c.environments());
    mark(aliases, c.aliases());
    mark(dependencies, c.dependencies());
    for (Field f : fields) {
      f.error.set(c.fields().getOrDefault(f.field().key(), ""));
    }
    valid.set(c.ok());
    int refused = refusals(c);
    refusal.set(
        c.ok()
            ? ""
            : (refused == 1 ? "1 value is refused: " : refused + " values are refused; the first: ")
                + c.first());
    dirty.set(!e.equals(saved));
  }

  private static int refusals(SettingsForm.Check c) {
    int n = c.fields().size();
    for (List<String> rows : List.of(c.environments(), c.aliases(), c.dependencies())) {
      n += (int) rows.stream().filter(m -> !m.isEmpty()).count();
    }
    return n;
  }

  private static void mark(List<Row> rows, List<String> errors) {
    for (int i = 0; i < rows.size(); i++) {
      rows.get(i).error.set(i < errors.size() ? errors.get(i) : "");
    }
  }

  /**
   * Saves the edits and analyses again, off the FX thread; nothing happens while one is refused.
   */
  public void save() {
    if (!valid.get() || busy.get() || saved == null) {
      return;
    }
    if (!writable.get()) {
      error.set(readOnly.get());
      return;
    }
    SettingsForm.Edits e = edits();
    run("Saving the settings and analysing again", m -> rules.save(e, m));
  }

  /**
   * Accepts a suggested service name into the alias table, and analyses again. Waits for edits to
   * be saved or reverted first, so that none is lost when the table is read again.
   */
  public void accept(SettingsForm.Suggestion s) {
    decide(s, true);
  }

  /** Rejects a suggested service name: it no longer applies; the analysis runs again. */
  public void reject(SettingsForm.Suggestion s) {
    decide(s, false);
  }

  private void decide(SettingsForm.Suggestion s, boolean accept) {
    if (dirty.get() || busy.get()) {
      return;
    }
    if (!writable.get()) {
      error.set(readOnly.get());
      return;
    }
    run((accept ? "Accepting " : "Rejecting ") + s.name(), m -> rules.decide(s.name(), accept, m));
  }

  /**
   * Accepts that a table belongs to a service (the settings declare it), and analyses again. Waits
   * for edits to be saved or reverted first, as for service names.
   */
  public void acceptTable(SettingsForm.TableSuggestion t) {
    decideTable(t, true);
  }

  /** Rejects that a table belongs to a service: the pair never applies; the analysis runs again. */
  public void rejectTable(SettingsForm.TableSuggestion t) {
    decideTable(t, false);
  }

  private void decideTable(SettingsForm.TableSuggestion t, boolean accept) {
    if (dirty.get() || busy.get()) {
      return;
    }
    if (!writable.get()) {
      error.set(readOnly.get());
      return;
    }
    run(
        (accept ? "Accepting " : "Rejecting ") + t.table() + " as " + t.service() + "'s",
        m -> rules.decideTable(t.table(), t.service(), accept, m));
  }

  private void run(String name, dev.rehearsal.ui.task.UiExecutor.Work<SettingsForm.Saved> work) {
    busy.set(true);
    error.set("");
    message.set("");
    progress.set(0);
    step.set("starting");
    boolean[] done = {false};
    TaskHandle h =
        tasks.run(
            name,
            work,
            r -> {
              done[0] = true;
              finished();
              message.set(r.analysis());
              if (r.changed()) {
                onAnalysed.run();
              }
              load();
            },
            failure -> {
              done[0] = true;
              finished();
              error.set(Problems.describe(name, failure).message());
            });
    if (!done[0]) {
      current = h;
      progress.bind(h.progressProperty());
      step.bind(h.messageProperty());
    }
  }

  private void finished() {
    busy.set(false);
    current = null;
    progress.unbind();
    step.unbind();
  }

  /** Asks the analysis running after a save to stop (what was saved stands). */
  public void cancel() {
    if (current != null) {
      current.cancel();
    }
  }
}
