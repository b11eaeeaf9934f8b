package dev.rehearsal.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Rehearsal keeps things on this machine: the default workspace in the platform's data folder
 * (XDG on Linux, %APPDATA% on Windows, Application Support on macOS), and the user's preferences. A
 * workspace in the older place (~/.rehearsal/workspace) is still found.
 */
public final class Locations {
  private final Map<String, String> env;
  private final String os;
  private final Path home;

  Locations(Map<String, String> env, String os, Path home) {
    this.env = env;
    this.os = os.toLowerCase(Locale.ROOT);
    this.home = home;
  }

  /** The locations of this machine and user. */
  public static Locations system() {
    return new Locations(
        System.getenv(),
        System.getProperty("os.name", ""),
        Path.of(System.getProperty("user.home")));
  }

  /**
   * The workspace used when none is named: $REHEARSAL_WORKSPACE; else the older
   * ~/.rehearsal/workspace when it holds a workspace and the platform's folder does not; else the
   * platform's data folder.
   */
  public Path defaultWorkspace() {
    String named = env.get("REHEARSAL_WORKSPACE");
    if (named != null && !named.isBlank()) {
      return Path.of(named);
    }
    Path platform = dataDir().resolve("workspace");
    Path older = home.resolve(".rehearsal").resolve("workspace");
    if (!Files.isDirectory(platform) && Files.isDirectory(older)) {
      return older;
    }
    return platform;
  }

  /**
   * The platform's folder for caches the application can always rebuild: $XDG_CACHE_HOME/rehearsal
   * (~/.cache/rehearsal) on Linux, ~/Library/Caches/Rehearsal on macOS,
   * %LOCALAPPDATA%\Rehearsal\cache on Windows.
   */
  public Path cacheDir() {
    if (os.startsWith("windows")) {
      String local = env.get("LOCALAPPDATA");
      return (local == null || local.isBlank()
              ? home.resolve("AppData").resolve("Local")
              : Path.of(local))
          .resolve("Rehearsal")
          .resolve("cache");
    }
    if (os.startsWith("mac")) {
      return home.resolve("Library").resolve("Caches").resolve("Rehearsal");
    }
    String xdg = env.get("XDG_CACHE_HOME");
    return (xdg == null || xdg.isBlank() ? home.resolve(".cache") : Path.of(xdg))
        .resolve("rehearsal");
  }

  /**
   * Points the PDF library's font cache (built once, the first time a report draws a chart) at
   * {@link #cacheDir()} instead of a file of its own in the home folder, unless the JVM was told
   * where to keep it.
   */
  static void useCacheFolder() {
    if (System.getProperty("pdfbox.fontcache") == null) {
      Path dir = system().cacheDir();
      try {
        // the library uses the folder only when it exists
        Files.createDirectories(dir);
        System.setProperty("pdfbox.fontcache", dir.toString());
      } catch (java.io.IOException | SecurityException e) {
        // left to the library's own choice (the home folder, else the temporary one)
      }
    }
  }

  /** The platform's folder for the application's data. */
  public Path dataDir() {
    if (os.startsWith("windows")) {
      String appData = env.get("APPDATA");
      return (appData == null || appData.isBlank()
              ? home.resolve("AppData").resolve("Roaming")
              : Path.of(appData))
          .resolve("Rehearsal");
    }
    if (os.startsWith("mac")) {
      return home.resolve("Library").resolve("Application Support").resolve("Rehearsal");
    }
    String xdg = env.get("XDG_DATA_HOME");
    return (xdg == null || xdg.isBlank() ? home.resolve(".local").resolve("share") : Path.of(xdg))
        .resolve("rehearsal");
  }

  /** The platform's folder for the user's preferences (recent workspaces, window size). */
  public Path configDir() {
    if (os.startsWith("windows") || os.startsWith("mac")) {
      return dataDir();
    }
    String xdg = env.get("XDG_CONFIG_HOME");
    return (xdg == null || xdg.isBlank() ? home.resolve(".config") : Path.of(xdg))
        .resolve("rehearsal");
  }
}
