package dev.rehearsal.ui.export;

import dev.rehearsal.model.IncidentRow;
import dev.rehearsal.report.Exporter;
import java.io.File;
import java.util.function.Supplier;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The Export button of the incident list: one item per exporter, each asking where to save. The
 * period exports cover what the search shows; the postmortem pack, the selected incident.
 */
public final class ExportMenu extends MenuButton {
  /** Asks where to write an export: the exporter and a proposed name; null when cancelled. */
  @FunctionalInterface
  public interface Chooser {
    File choose(Exporter exporter, String proposedName);
  }

  private Chooser chooser = this::saveDialog;

  /** Replaces the save dialog (a test writes to a folder of its own). */
  public void setChooser(Chooser c) {
    chooser = c == null ? this::saveDialog : c;
  }

  public ExportMenu(ExportViewModel vm, Supplier<String> query, Supplier<IncidentRow> selected) {
    super("Export");
    setId("export-menu");
    // the button sits at the window's right edge: its list opens leftwards, inside the window
    setPopupSide(javafx.geometry.Side.LEFT);
    disableProperty().bind(vm.busyProperty());
    for (Exporter e : vm.periodExporters()) {
      MenuItem item = new MenuItem(e.displayName() + " of the incidents shown");
      item.setOnAction(
          a -> {
            File f = chooser.choose(e, ExportViewModel.suggestedName(e, null));
            if (f != null) {
              vm.exportSearch(e, query.get(), f.toPath());
            }
          });
      getItems().add(item);
    }
    getItems().add(new SeparatorMenuItem());
    for (Exporter e : vm.incidentExporters()) {
      MenuItem item = new MenuItem(e.displayName() + " of the selected incident");
      item.setOnAction(
          a -> {
            IncidentRow row = selected.get();
            if (row == null) {
              return;
            }
            String handle = row.reference().isEmpty() ? row.key() : row.reference();
            File f = chooser.choose(e, ExportViewModel.suggestedName(e, handle));
            if (f != null) {
              vm.exportIncident(e, row.key(), f.toPath());
            }
          });
      getItems().add(item);
    }
  }

  private File saveDialog(Exporter e, String name) {
    FileChooser chooser = new FileChooser();
    chooser.setTitle(e.displayName());
    chooser.setInitialFileName(name);
    chooser
        .getExtensionFilters()
        .add(
            new FileChooser.ExtensionFilter(
                e.fileType().description(), "*." + e.fileType().extension()));
    Window w = getScene() == null ? null : getScene().getWindow();
    return chooser.showSaveDialog(w);
  }
}
