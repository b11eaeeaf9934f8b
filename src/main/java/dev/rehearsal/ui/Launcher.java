package dev.rehearsal.ui;

import java.nio.file.Path;
import javafx.application.Application;

/** Starts the desktop app; the command line's {@code app} command and the jar call this. */
public final class Launcher {
  private Launcher() {}

  public static void main(String[] args) {
    Application.launch(RehearsalApp.class, args);
  }

  /** Opens the app on a workspace folder and returns when the window closes. */
  public static void launch(Path workspace) {
    Application.launch(RehearsalApp.class, "--workspace=" + workspace.toAbsolutePath());
  }
}
