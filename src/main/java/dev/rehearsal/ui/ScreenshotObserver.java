package dev.rehearsal.ui;

import dev.rehearsal.ui.incidents.IncidentsView;
import dev.rehearsal.ui.incidents.IncidentsViewModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Platform;
import javafx.scene.Scene;

/** Writes a snapshot of the window once the incidents are shown, and closes the app if asked. */
final class ScreenshotObserver implements AppObserver {
  private static final Logger LOG = Logger.getLogger(ScreenshotObserver.class.getName());

  private final Path file;
  private final boolean exitAfter;
  private boolean done;

  ScreenshotObserver(Path file, boolean exitAfter) {
    this.file = file;
    this.exitAfter = exitAfter;
  }

  @Override
  public void incidentsShown(Scene scene, IncidentsView view, IncidentsViewModel vm) {
    if (done) {
      return;
    }
    done = true;
    // after the next pulse: the rows are laid out and painted
    Platform.runLater(
        () -> {
          if (file != null) {
            try {
              Snapshots.write(scene, file);
            } catch (IOException e) {
              LOG.log(Level.WARNING, "the screenshot could not be written", e);
            }
          }
          if (exitAfter) {
            Platform.exit();
          }
        });
  }
}
