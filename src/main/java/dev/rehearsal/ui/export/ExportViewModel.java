package dev.rehearsal.ui.export;

import dev.rehearsal.app.Period;
import dev.rehearsal.report.ExportScope;
import dev.rehearsal.report.Exporter;
import dev.rehearsal.report.ExporterRegistry;
import dev.rehearsal.ui.task.Background;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;

/**
 * The window's Export menu: the exporters the command line's {@code report} uses, run in the
 * background over the search the incident list shows, or over the incident selected in it; a status
 * line says what was written or what went wrong, and the file written can be opened from there.
 * Holds no controls.
 */
public final class ExportViewModel {
  private final ExporterRegistry exporters;
  private final Background background;
  private final SimpleStringProperty status = new SimpleStringProperty("");
  private final SimpleBooleanProperty busy = new SimpleBooleanProperty();
  private final SimpleBooleanProperty failed = new SimpleBooleanProperty();
  private final SimpleObjectProperty<Path> written = new SimpleObjectProperty<>();
  private final Consumer<Path> opener;

  /** Exports whose files nothing opens (tests). */
  public ExportViewModel(ExporterRegistry exporters, Background background) {
    this(exporters, background, file -> {});
  }

  /**
   * @param opener opens a file written with the program the desktop opens its type with
   */
  public ExportViewModel(ExporterRegistry exporters, Background background, Consumer<Path> opener) {
    this.exporters = exporters;
    this.background = background;
    this.opener = opener;
  }

  /** The exporters of a period, then those of one incident. */
  public List<Exporter> periodExporters() {
    return exporters.forScope(ExportScope.Kind.PERIOD);
  }

  public List<Exporter> incidentExporters() {
    return exporters.forScope(ExportScope.Kind.INCIDENT);
  }

  /** A file name to propose: "staging-escapes-all-time.pdf", "postmortem-OPS-126.pdf". */
  public static String suggestedName(Exporter e, String incident) {
    String base =
        incident != null
            ? "postmortem-" + incident.replaceAll("[^A-Za-z0-9._-]+", "-")
            : e.id().replace("-csv", "").replace("-pdf", "") + "-all-time";
    return e.fileType().fileName(base);
  }

  /** Writes every incident the search matches (all time) with an exporter of a period. */
  public void exportSearch(Exporter e, String query, Path target) {
    run(e, ExportScope.of(Period.ALL, null, query), target);
  }

  /** Writes one incident's export (the postmortem pack). */
  public void exportIncident(Exporter e, String incidentKey, Path target) {
    run(e, ExportScope.incident(incidentKey), target);
  }

  private void run(Exporter e, ExportScope scope, Path target) {
    busy.set(true);
    written.set(null);
    failed.set(false);
    status.set("Writing " + e.displayName() + " ...");
    background.run(
        m -> {
          e.write(scope, target, m);
          return target;
        },
        done -> {
          busy.set(false);
          // the file first: whoever hears the status finds it there, to offer to open it
          written.set(done.toAbsolutePath());
          status.set("Wrote " + done.toAbsolutePath());
        },
        failure -> {
          busy.set(false);
          failed.set(true);
          status.set(
              "Could not write "
                  + target.getFileName()
                  + ": "
                  + (failure.getMessage() == null
                      ? failure.getClass().getSimpleName()
                      : failure.getMessage()));
        });
  }

  /**
   * Opens the file the last export wrote, as the desktop opens its type (a PDF viewer, a
   * spreadsheet); nothing when the last export failed or is still running. A desktop that cannot
   * open it is said in the status line.
   */
  public void open() {
    Path file = written.get();
    if (file == null) {
      return;
    }
    try {
      opener.accept(file);
    } catch (RuntimeException e) {
      failed.set(true);
      status.set(
          "Could not open "
              + file.getFileName()
              + ": "
              + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    }
  }

  /** The file the last export wrote; null while one runs and after one failed. */
  public ReadOnlyObjectProperty<Path> writtenProperty() {
    return written;
  }

  /** Whether the status line says what went wrong. */
  public ReadOnlyBooleanProperty failedProperty() {
    return failed;
  }

  public ReadOnlyStringProperty statusProperty() {
    return status;
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return busy;
  }
}
