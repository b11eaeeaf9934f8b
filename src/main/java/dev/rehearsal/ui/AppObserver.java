package dev.rehearsal.ui;

import dev.rehearsal.ui.incidents.IncidentsView;
import dev.rehearsal.ui.incidents.IncidentsViewModel;
import javafx.scene.Scene;

/**
 * Something that watches the app start without being part of it: the screenshot a launch can ask
 * for, the benchmark's probe. Called on the FX thread.
 */
interface AppObserver {
  /** The scene is about to be shown for the first time. */
  default void beforeShown(Scene scene) {}

  /** The incident table has its first rows. */
  default void incidentsShown(Scene scene, IncidentsView view, IncidentsViewModel vm) {}
}
