package dev.rehearsal.ui.shell;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.application.HostServices;

/**
 * Opens a file as the desktop opens its type (a report in the PDF viewer, a CSV in the
 * spreadsheet), through JavaFX's host services. On Linux those hand the file to {@code xdg-open};
 * where it is not installed they would only print a stack trace, so this says so instead, for the
 * window to show.
 */
public final class DesktopOpener implements Consumer<Path> {
  private final HostServices host;
  private final String os;
  private final String path;

  public DesktopOpener(HostServices host) {
    this(host, System.getProperty("os.name", ""), System.getenv("PATH"));
  }

  DesktopOpener(HostServices host, String os, String path) {
    this.host = host;
    this.os = os;
    this.path = path == null ? "" : path;
  }

  @Override
  public void accept(Path file) {
    boolean linux = os.toLowerCase(java.util.Locale.ROOT).contains("linux");
    if (linux && !onPath("xdg-open")) {
      throw new UnsupportedOperationException(
          "nothing opens files on this desktop (xdg-open, from the xdg-utils package, is not"
              + " installed); the file is at "
              + file);
    }
    host.showDocument(file.toUri().toString());
  }

  /** Whether a program of this name is an executable file in a folder of PATH. */
  boolean onPath(String program) {
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isBlank() && Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }
}
