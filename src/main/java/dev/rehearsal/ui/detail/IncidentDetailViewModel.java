package dev.rehearsal.ui.detail;

import dev.rehearsal.app.IncidentDetails;
import dev.rehearsal.app.Problems;
import dev.rehearsal.app.Reviews;
import dev.rehearsal.app.Sentences;
import dev.rehearsal.model.DeployLink;
import dev.rehearsal.model.Finding;
import dev.rehearsal.model.Gap;
import dev.rehearsal.model.Verdict;
import dev.rehearsal.ui.task.Background;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * One incident as a reviewer reads it, and the review form: the change held responsible, the
 * staging verdict and the gaps, each set to what is in force, which the reviewer confirms or
 * corrects with a note. The rules of a review are the app layer's ({@link Reviews}); this only says
 * which parts the reviewer changed.
 */
public final class IncidentDetailViewModel {
  /** Reads an incident's detail (the app layer's {@link IncidentDetails}). */
  @FunctionalInterface
  public interface Loader {
    IncidentDetails.Detail load(String key) throws Exception;
  }

  /** Saves a review (the app layer's {@link Reviews}). */
  @FunctionalInterface
  public interface Saver {
    Reviews.Saved save(Reviews.Request request) throws Exception;
  }

  /** Reads a stored record by its key (the app layer's {@link IncidentDetails#record}). */
  @FunctionalInterface
  public interface Recorder {
    List<IncidentDetails.Field> record(String key) throws Exception;
  }

  /** The link choice that says no change caused the incident. */
  public static final String NO_CHANGE = "no change caused it";

  private final Loader loader;
  private final Saver saver;
  private final Recorder recorder;
  private final StringProperty record = new SimpleStringProperty("");
  private long recordGeneration;
  private final Background background;
  private final ObjectProperty<IncidentDetails.Detail> detail = new SimpleObjectProperty<>();
  private final StringProperty error = new SimpleStringProperty("");
  private final BooleanProperty busy = new SimpleBooleanProperty();
  private final BooleanProperty writable = new SimpleBooleanProperty(true);
  private final StringProperty readOnly = new SimpleStringProperty("");
  private final ObjectProperty<Verdict> verdict = new SimpleObjectProperty<>();
  private final Map<Gap, BooleanProperty> gaps = new EnumMap<>(Gap.class);
  private final ObjectProperty<String> link = new SimpleObjectProperty<>();
  private final ObservableList<String> linkChoices = FXCollections.observableArrayList();
  private final StringProperty note = new SimpleStringProperty("");
  private final StringProperty reviewer =
      new SimpleStringProperty(System.getProperty("user.name", ""));
  private final StringProperty reviewMessage = new SimpleStringProperty("");
  private final BooleanProperty reviewRefused = new SimpleBooleanProperty();
  private final StringProperty reviewShared = new SimpleStringProperty("");
  private Runnable onReviewed = () -> {};
  private long generation;

  public IncidentDetailViewModel(Loader loader, Saver saver, Background background) {
    this(loader, saver, k -> List.of(), background);
  }

  public IncidentDetailViewModel(
      Loader loader, Saver saver, Recorder recorder, Background background) {
    this.loader = loader;
    this.saver = saver;
    this.recorder = recorder;
    this.background = background;
    for (Gap g : Gap.values()) {
      gaps.put(g, new SimpleBooleanProperty());
    }
  }

  public ReadOnlyObjectProperty<IncidentDetails.Detail> detailProperty() {
    return detail;
  }

  public ReadOnlyStringProperty errorProperty() {
    return error;
  }

  /**
   * Whether the workspace can be written now (the window binds it to its write access); while it
   * cannot, saving a review is refused with {@link #readOnlyProperty}'s reason.
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

  public ObjectProperty<Verdict> verdictProperty() {
    return verdict;
  }

  /** Whether the form marks a gap. */
  public BooleanProperty gap(Gap g) {
    return gaps.get(g);
  }

  /** The deploy the form holds responsible (a key), or {@link #NO_CHANGE}. */
  public ObjectProperty<String> linkProperty() {
    return link;
  }

  /** The deploys the engine linked and weighed, and {@link #NO_CHANGE}. */
  public ObservableList<String> linkChoices() {
    return linkChoices;
  }

  public StringProperty noteProperty() {
    return note;
  }

  public StringProperty reviewerProperty() {
    return reviewer;
  }

  /** What the last review did, or why it was refused. */
  public ReadOnlyStringProperty reviewMessageProperty() {
    return reviewMessage;
  }

  public ReadOnlyBooleanProperty reviewRefusedProperty() {
    return reviewRefused;
  }

  /**
   * What became of the last review saved in the team workspace the shown workspace is a copy of (a
   * sentence; empty in a workspace of one's own).
   */
  public ReadOnlyStringProperty reviewSharedProperty() {
    return reviewShared;
  }

  /** Called after a review was saved (the table and figures change). */
  public void setOnReviewed(Runnable r) {
    onReviewed = r == null ? () -> {} : r;
  }

  /** The record of the timeline mark last clicked, one field per line; empty before a click. */
  public ReadOnlyStringProperty recordProperty() {
    return record;
  }

  /** Shows the stored record behind a timeline mark (read off the FX thread). */
  public void showRecord(String key) {
    long mine = ++recordGeneration;
    if (key == null || key.isEmpty()) {
      record.set("");
      return;
    }
    background.run(
        m -> recorder.record(key),
        fields -> {
          if (mine != recordGeneration) {
            return;
          }
          record.set(
              fields.isEmpty()
                  ? key + ": no such record in the workspace"
                  : String.join(
                      "\n", fields.stream().map(f -> f.name() + ": " + f.value()).toList()));
        },
        failure -> {
          if (mine == recordGeneration) {
            record.set(Problems.describe("Reading " + key, failure).message());
          }
        });
  }

  /** The key of the incident shown, or null. */
  public String key() {
    return detail.get() == null ? null : detail.get().incident().key();
  }

  /** Shows an incident (read off the FX thread); a later call wins over an earlier one. */
  public void open(String key) {
    if (key == null) {
      return;
    }
    ++recordGeneration; // a record still being read belongs to the incident shown before
    record.set("");
    long mine = ++generation;
    busy.set(true);
    background.run(
        m -> loader.load(key),
        d -> {
          if (mine != generation) {
            return;
          }
          busy.set(false);
          error.set("");
          boolean same = key.equals(key());
          detail.set(d);
          if (!same) {
            reviewMessage.set("");
            reviewRefused.set(false);
            note.set("");
          }
          resetForm();
        },
        failure -> {
          if (mine != generation) {
            return;
          }
          busy.set(false);
          error.set(Problems.describe("Opening the incident", failure).message());
        });
  }

  /** Sets the form back to what is in force. */
  public void resetForm() {
    IncidentDetails.Detail d = detail.get();
    Finding f = d == null ? null : d.finding();
    verdict.set(f == null ? null : f.effectiveVerdict());
    List<Gap> inForce = f == null ? List.of() : f.effectiveGaps();
    gaps.forEach((g, p) -> p.set(inForce.contains(g)));
    List<String> choices = new ArrayList<>();
    if (f != null) {
      for (String k : f.effectiveDeployKeys()) {
        choices.add(k);
      }
      for (DeployLink l : f.links()) {
        if (!choices.contains(l.deployKey())) {
          choices.add(l.deployKey());
        }
      }
      for (DeployLink l : d.alternatives()) {
        if (!choices.contains(l.deployKey())) {
          choices.add(l.deployKey());
        }
      }
    }
    choices.add(NO_CHANGE);
    linkChoices.setAll(choices);
    link.set(linkInForce(f));
  }

  private static String linkInForce(Finding f) {
    if (f == null || f.effectiveDeployKeys().isEmpty()) {
      return NO_CHANGE;
    }
    return f.effectiveDeployKeys().get(0);
  }

  /** Accepts what the analysis says (link, verdict, gaps), with the note. */
  public void confirm() {
    if (key() == null) {
      return;
    }
    save(new Reviews.Request(key(), true, null, null, null, false, note.get(), reviewer.get()));
  }

  /**
   * Saves what the reviewer changed in the form (the parts left as they are stay the analysis's),
   * with the note.
   */
  public void saveCorrection() {
    IncidentDetails.Detail d = detail.get();
    if (d == null) {
      return;
    }
    Finding f = d.finding();
    Verdict was = f == null ? null : f.effectiveVerdict();
    List<Gap> gapsWere = f == null ? List.of() : f.effectiveGaps();
    String linkWas = linkInForce(f);

    Verdict v = verdict.get() != null && verdict.get() != was ? verdict.get() : null;
    List<Gap> chosen = chosenGaps(gapsWere);
    List<Gap> g = new LinkedHashSet<>(chosen).equals(new LinkedHashSet<>(gapsWere)) ? null : chosen;
    Verdict effective = v != null ? v : was;
    if (effective != null && effective != Verdict.ESCAPE && !chosen.isEmpty()) {
      // only an escape has gaps: a verdict that is not one takes them away
      g = List.of();
    }
    List<String> links = null;
    boolean noLink = false;
    String l = link.get();
    if (l != null && !l.equals(linkWas)) {
      if (l.equals(NO_CHANGE)) {
        noLink = true;
      } else {
        links = List.of(l);
      }
    }
    if (v == null && g == null && links == null && !noLink) {
      refused(
          "Nothing was changed: change the change held responsible, the verdict or the gaps,"
              + " or press Confirm to accept what the analysis says.");
      return;
    }
    save(new Reviews.Request(key(), false, v, g, links, noLink, note.get(), reviewer.get()));
  }

  private List<Gap> chosenGaps(List<Gap> inForce) {
    // the gaps in force keep their rank; those added follow
    Set<Gap> out = new LinkedHashSet<>();
    for (Gap g : inForce) {
      if (gaps.get(g).get()) {
        out.add(g);
      }
    }
    for (Gap g : Gap.values()) {
      if (gaps.get(g).get()) {
        out.add(g);
      }
    }
    return new ArrayList<>(out);
  }

  private void save(Reviews.Request request) {
    if (!writable.get()) {
      refused(readOnly.get());
      return;
    }
    String key = request.incident();
    busy.set(true);
    background.run(
        m -> saver.save(request),
        saved -> {
          busy.set(false);
          // kept here but not taken by the team workspace: said as a problem
          reviewRefused.set(saved.notInTeam());
          reviewShared.set(saved.team());
          reviewMessage.set(
              "Saved "
                  + Sentences.review(saved.review())
                  + (saved.appliedToFinding() ? "" : " (applies when the analysis next runs)")
                  + (saved.team().isEmpty() ? "" : "; " + saved.team()));
          note.set("");
          onReviewed.run();
          open(key);
        },
        failure -> {
          busy.set(false);
          refused(Problems.describe("Saving the review", failure).message());
        });
  }

  private void refused(String message) {
    reviewRefused.set(true);
    reviewMessage.set(message);
  }
}
