package dev.rehearsal.app;

import dev.rehearsal.util.BuildInfo;

/** The version the window's About box shows, the same line as {@code rehearsal --version}. */
public final class Version {
  private Version() {}

  /** "Rehearsal 0.1.0 (commit 1a2b3c4)", as the build recorded it. */
  public static String describe() {
    return BuildInfo.current().describe();
  }
}
