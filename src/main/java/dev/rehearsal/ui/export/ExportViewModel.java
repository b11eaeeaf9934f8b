package dev.rehearsal.ui.export;

import dev.rehearsal.app.Period;
import dev.rehearsal.report.ExportScope;
import dev.rehearsal.report.Exporter;
import dev.rehearsal.report.ExporterRegistry;
import dev.rehearsal.ui.task.Background;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;

/**
 * The window's Export menu: the exporters the command line's {@code report} uses, run in the
 * background over the search the incident list shows, or over the incident selected in it; a status
 * line says what was written or what went wrong. Holds no controls.
 */
public final class ExportViewModel {
  private final ExporterRegistry exporters;
  private final Background background;
  private final SimpleStringProperty status = new SimpleStringProperty("");
  private final SimpleBooleanProperty busy = new SimpleBooleanProperty();

  public ExportViewModel(ExporterRegistry exporters, Background background) {
    this.exporters = exporters;
    this.background = background;
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
    status.set("Writing " + e.displayName() + " ...");
    background.run(
        m -> {
          e.write(scope, target, m);
          return target;
        },
        done -> {
          busy.set(false);
          status.set("Wrote " + done.toAbsolutePath());
        },
        failure -> {
          busy.set(false);
          status.set(
              "Could not write "
                  + target.getFileName()
                  + ": "
                  + (failure.getMessage() == null
                      ? failure.getClass().getSimpleName()
                      : failure.getMessage()));
        });
  }

  public ReadOnlyStringProperty statusProperty() {
    return status;
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return busy;
  }
}
