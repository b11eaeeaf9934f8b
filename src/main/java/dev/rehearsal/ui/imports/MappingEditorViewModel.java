package dev.rehearsal.ui.imports;

import dev.rehearsal.app.MappingView;
import dev.rehearsal.app.Mappings;
import dev.rehearsal.app.Problems;
import dev.rehearsal.model.RecordKind;
import dev.rehearsal.ui.task.Background;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The column-mapping editor of the import view: a CSV or JSON file's fields, the kind of records it
 * holds, for each record field the file's field it is read from or a fixed value (the required ones
 * marked), the first rows as the mapping reads them, why it cannot be used yet, and the mappings
 * the workspace keeps, which can be removed. Saving keeps the file's fields with the mapping, so
 * the next file with the same fields is read through it without being named.
 */
public final class MappingEditorViewModel {
  /** The app layer's {@code Mappings}. */
  public interface Store {
    MappingView.Source read(Path file) throws Exception;

    Optional<MappingView.Draft> draftOf(String name) throws Exception;

    MappingView.Preview preview(MappingView.Source source, MappingView.Draft draft)
        throws Exception;

    void save(MappingView.Source source, MappingView.Draft draft) throws Exception;

    List<MappingView.Saved> saved() throws Exception;

    boolean remove(String name) throws Exception;

    /** The session's {@code Mappings}, asked for at each call (the window's store). */
    static Store of(dev.rehearsal.app.Session s) {
      return new Store() {
        @Override
        public MappingView.Source read(Path file) throws Exception {
          return s.mappings().read(file);
        }

        @Override
        public Optional<MappingView.Draft> draftOf(String name) throws Exception {
          return s.mappings().draftOf(name);
        }

        @Override
        public MappingView.Preview preview(MappingView.Source source, MappingView.Draft draft)
            throws Exception {
          return s.mappings().preview(source, draft);
        }

        @Override
        public void save(MappingView.Source source, MappingView.Draft draft) throws Exception {
          s.mappings().save(source, draft);
        }

        @Override
        public List<MappingView.Saved> saved() throws Exception {
          return s.mappings().saved();
        }

        @Override
        public boolean remove(String name) throws Exception {
          return s.mappings().remove(name);
        }
      };
    }
  }

  /** One record field: the file's field it is read from ("" for none) or a fixed value. */
  public static final class FieldRow {
    private final MappingView.Field field;
    private final StringProperty column = new SimpleStringProperty("");
    private final StringProperty constant = new SimpleStringProperty("");
    private final StringProperty sample = new SimpleStringProperty("");

    FieldRow(MappingView.Field field) {
      this.field = field;
    }

    public String name() {
      return field.name();
    }

    public boolean required() {
      return field.required();
    }

    /** The file's field this one is read from, or "". */
    public StringProperty columnProperty() {
      return column;
    }

    /** A value for every row, used where the column gives none. */
    public StringProperty constantProperty() {
      return constant;
    }

    /** The first value the chosen column holds. */
    public ReadOnlyStringProperty sampleProperty() {
      return sample;
    }
  }

  private final Store store;
  private final Background background;
  private final BooleanProperty open = new SimpleBooleanProperty();
  private final ObjectProperty<MappingView.Source> source = new SimpleObjectProperty<>();
  private final StringProperty name = new SimpleStringProperty("");
  private final ObjectProperty<RecordKind> kind = new SimpleObjectProperty<>();
  private final ObservableList<FieldRow> rows = FXCollections.observableArrayList();
  private final ObjectProperty<MappingView.Preview> preview = new SimpleObjectProperty<>();
  private final ObservableList<String> problems = FXCollections.observableArrayList();
  private final BooleanProperty canSave = new SimpleBooleanProperty();
  private final BooleanProperty busy = new SimpleBooleanProperty();
  private final StringProperty status = new SimpleStringProperty("");
  private final ObservableList<MappingView.Saved> saved = FXCollections.observableArrayList();
  private Runnable onSaved = () -> {};
  private boolean loading;
  private long generation;

  public MappingEditorViewModel(Store store, Background background) {
    this.store = store;
    this.background = background;
    name.addListener((o, a, b) -> refresh());
    kind.addListener(
        (o, a, k) -> {
          if (!loading) {
            rebuild(k, currentColumns(), currentConstants());
            refresh();
          }
        });
  }

  /** Whether the editor is shown. */
  public ReadOnlyBooleanProperty openProperty() {
    return open;
  }

  /** The file being mapped: its fields and first rows. */
  public ReadOnlyObjectProperty<MappingView.Source> sourceProperty() {
    return source;
  }

  public StringProperty nameProperty() {
    return name;
  }

  /** The kind of records the file holds; choosing another lists that kind's fields. */
  public ObjectProperty<RecordKind> kindProperty() {
    return kind;
  }

  /** The record fields of the kind, each with its column or fixed value. */
  public ObservableList<FieldRow> rows() {
    return rows;
  }

  /** The row of a record field, or null when the kind has no such field. */
  public FieldRow row(String field) {
    return rows.stream().filter(r -> r.name().equals(field)).findFirst().orElse(null);
  }

  /** The first rows as the mapping reads them. */
  public ReadOnlyObjectProperty<MappingView.Preview> previewProperty() {
    return preview;
  }

  /** Why the mapping cannot be saved yet, a sentence each. */
  public ObservableList<String> problems() {
    return problems;
  }

  public ReadOnlyBooleanProperty canSaveProperty() {
    return canSave;
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return busy;
  }

  /** What the last action did, or why it failed. */
  public ReadOnlyStringProperty statusProperty() {
    return status;
  }

  /** The mappings the workspace keeps. */
  public ObservableList<MappingView.Saved> saved() {
    return saved;
  }

  /** Called after a mapping was saved or removed (what the import would do changes). */
  public void setOnSaved(Runnable r) {
    onSaved = r == null ? () -> {} : r;
  }

  /**
   * Opens the editor on a file: the mapping saved for a file with its fields when there is one,
   * else a first draft (fields named like the record's taken, the likely kind chosen).
   */
  public void open(Path file) {
    busy.set(true);
    status.set("");
    background.run(
        m -> {
          MappingView.Source s = store.read(file);
          MappingView.Draft d =
              s.savedFor().isEmpty()
                  ? Mappings.suggest(s, Mappings.guessKind(s))
                  : store.draftOf(s.savedFor()).orElse(Mappings.suggest(s, Mappings.guessKind(s)));
          return new Object[] {s, d, store.saved()};
        },
        r -> {
          busy.set(false);
          @SuppressWarnings("unchecked")
          List<MappingView.Saved> list = (List<MappingView.Saved>) r[2];
          saved.setAll(list);
          load((MappingView.Source) r[0], (MappingView.Draft) r[1]);
          open.set(true);
          if (!source.get().savedFor().isEmpty()) {
            status.set(
                "The mapping '"
                    + source.get().savedFor()
                    + "' is saved for a file with these fields: it reads this one.");
          }
        },
        e -> {
          busy.set(false);
          open.set(true);
          source.set(null);
          rows.clear();
          problems.setAll(Problems.describe("Reading the file", e).message());
          canSave.set(false);
        });
  }

  private void load(MappingView.Source s, MappingView.Draft d) {
    loading = true;
    try {
      source.set(s);
      kind.set(d.kind());
      rebuild(d.kind(), d.columns(), d.constants());
      name.set(d.name());
    } finally {
      loading = false;
    }
    refresh();
  }

  private Map<String, String> currentColumns() {
    Map<String, String> out = new LinkedHashMap<>();
    for (FieldRow r : rows) {
      String c = r.column.get();
      if (c != null && !c.isBlank()) {
        out.put(r.name(), c);
      }
    }
    return out;
  }

  private Map<String, String> currentConstants() {
    Map<String, String> out = new LinkedHashMap<>();
    for (FieldRow r : rows) {
      String c = r.constant.get();
      if (c != null && !c.isBlank()) {
        out.put(r.name(), c.strip());
      }
    }
    return out;
  }

  /** Lists a kind's fields, keeping what was chosen for fields of the same name. */
  private void rebuild(RecordKind k, Map<String, String> columns, Map<String, String> constants) {
    if (k == null) {
      rows.clear();
      return;
    }
    List<FieldRow> fresh = Mappings.fields(k).stream().map(FieldRow::new).toList();
    for (FieldRow r : fresh) {
      r.column.set(columns.getOrDefault(r.name(), ""));
      r.constant.set(constants.getOrDefault(r.name(), ""));
      r.sample.set(sampleOf(r.column.get()));
      r.column.addListener(
          (o, a, c) -> {
            r.sample.set(sampleOf(c));
            refresh();
          });
      r.constant.addListener((o, a, c) -> refresh());
    }
    rows.setAll(fresh);
  }

  private String sampleOf(String column) {
    MappingView.Source s = source.get();
    return s == null || column == null || column.isBlank() ? "" : s.sample(column);
  }

  /** The mapping as edited. */
  public MappingView.Draft draft() {
    return new MappingView.Draft(name.get(), kind.get(), currentColumns(), currentConstants());
  }

  /** Reads the file's first rows through the mapping as edited (the live preview). */
  public void refresh() {
    MappingView.Source s = source.get();
    if (loading || s == null) {
      return;
    }
    MappingView.Draft d = draft();
    long g = ++generation;
    background.run(
        m -> store.preview(s, d),
        p -> {
          if (g == generation) {
            preview.set(p);
            problems.setAll(p.problems());
            canSave.set(p.usable());
          }
        },
        e -> {
          if (g == generation) {
            problems.setAll(Problems.describe("Reading the file", e).message());
            canSave.set(false);
          }
        });
  }

  /** Saves the mapping as edited; the next file with the same fields is read through it. */
  public void save() {
    MappingView.Source s = source.get();
    if (s == null) {
      return;
    }
    MappingView.Draft d = draft();
    if (!problems.isEmpty()) {
      status.set("Not saved: " + String.join(" ", problems));
      return;
    }
    busy.set(true);
    background.run(
        m -> {
          store.save(s, d);
          return store.saved();
        },
        list -> {
          busy.set(false);
          saved.setAll(list);
          status.set(
              "Saved '"
                  + d.name()
                  + "'. This file and the next with the same fields are read through it.");
          onSaved.run();
        },
        e -> {
          busy.set(false);
          status.set(Problems.describe("Saving the mapping", e).message());
        });
  }

  /** Lists the saved mappings again. */
  public void loadSaved() {
    background.run(m -> store.saved(), saved::setAll, e -> status.set(e.getMessage()));
  }

  /** Removes a saved mapping. */
  public void remove(String mapping) {
    busy.set(true);
    background.run(
        m -> {
          boolean removed = store.remove(mapping);
          return removed ? store.saved() : null;
        },
        list -> {
          busy.set(false);
          if (list == null) {
            status.set("No mapping is saved as '" + mapping + "'.");
            return;
          }
          saved.setAll(list);
          status.set("Removed '" + mapping + "'.");
          onSaved.run();
          refresh();
        },
        e -> {
          busy.set(false);
          status.set(Problems.describe("Removing the mapping", e).message());
        });
  }

  /** Hides the editor. */
  public void close() {
    open.set(false);
  }
}
