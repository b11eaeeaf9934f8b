package dev.rehearsal.app;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.rehearsal.util.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the window remembers between starts, per user: the workspaces opened (the last first), the
 * window's place and size, the theme. Kept in {@code preferences.json} in the platform's
 * configuration folder ({@link Locations#configDir()}); a file that cannot be read is set aside and
 * the defaults are used, so a bad file never stops the app from starting.
 */
public final class Preferences {
  private static final Logger LOG = Logger.getLogger(Preferences.class.getName());

  /** Workspaces remembered. */
  public static final int RECENT = 8;

  /** The file in the configuration folder. */
  public static final String FILE = "preferences.json";

  /**
   * The window's place and size in screen coordinates, as the user left it.
   *
   * @param maximized whether it was maximised (the place and size are then the ones to restore)
   */
  public record Window(double x, double y, double width, double height, boolean maximized) {}

  /**
   * Everything remembered.
   *
   * @param recent workspace folders, the last opened first
   * @param window null until the window was closed once
   * @param theme "light" or "dark"
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Saved(List<String> recent, Window window, String theme) {
    public Saved {
      recent = recent == null ? List.of() : List.copyOf(recent);
      theme = "dark".equals(theme) ? "dark" : "light";
    }

    static final Saved NONE = new Saved(List.of(), null, "light");
  }

  private final Path file;
  private Saved saved;

  private Preferences(Path file, Saved saved) {
    this.file = file;
    this.saved = saved;
  }

  /** The preferences kept in a folder (read now; missing or unreadable: the defaults). */
  public static Preferences in(Path configDir) {
    Path f = configDir.resolve(FILE);
    Saved s = Saved.NONE;
    if (Files.isRegularFile(f)) {
      try {
        s = Json.mapper().readValue(Files.readString(f, StandardCharsets.UTF_8), Saved.class);
        if (s == null) {
          s = Saved.NONE;
        }
      } catch (IOException | RuntimeException e) {
        LOG.log(Level.WARNING, f + " cannot be read; it is set aside and the defaults are used", e);
        try {
          Files.move(
              f, f.resolveSibling(FILE + ".unreadable"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException moveFailed) {
          LOG.log(Level.FINE, "could not set " + f + " aside", moveFailed);
        }
      }
    }
    return new Preferences(f, s);
  }

  /** The user's preferences on this machine. */
  public static Preferences system() {
    return in(Locations.system().configDir());
  }

  public synchronized Saved saved() {
    return saved;
  }

  /** Workspace folders opened before, the last first, those that no longer exist left out. */
  public synchronized List<Path> recent() {
    List<Path> out = new ArrayList<>();
    for (String r : saved.recent()) {
      Path p = Path.of(r);
      if (Files.isDirectory(p)) {
        out.add(p);
      }
    }
    return out;
  }

  /** The workspace opened last, or null. */
  public synchronized Path last() {
    List<Path> r = recent();
    return r.isEmpty() ? null : r.get(0);
  }

  /** Remembers a workspace as the one opened last. */
  public synchronized void opened(Path workspace) {
    String p = workspace.toAbsolutePath().normalize().toString();
    List<String> r = new ArrayList<>();
    r.add(p);
    for (String s : saved.recent()) {
      if (!s.equals(p) && r.size() < RECENT) {
        r.add(s);
      }
    }
    saved = new Saved(r, saved.window(), saved.theme());
    save();
  }

  /** Forgets a workspace (it was moved or deleted). */
  public synchronized void forget(Path workspace) {
    String p = workspace.toAbsolutePath().normalize().toString();
    List<String> r = new ArrayList<>(saved.recent());
    r.remove(p);
    saved = new Saved(r, saved.window(), saved.theme());
    save();
  }

  public synchronized void window(Window w) {
    saved = new Saved(saved.recent(), w, saved.theme());
    save();
  }

  public synchronized void theme(String theme) {
    saved = new Saved(saved.recent(), saved.window(), theme);
    save();
  }

  /**
   * Where a window of the remembered size goes on a screen whose usable area is given, or, the
   * first time, one that fills most of it: never larger than the screen, never off it.
   *
   * @return x, y, width, height
   */
  public static Window placement(
      Window remembered,
      double screenX,
      double screenY,
      double screenWidth,
      double screenHeight,
      double minWidth,
      double minHeight) {
    if (remembered == null) {
      // first start: a small screen whole, a large one mostly (at most 1680 x 1050), centred
      double w = screenWidth < 1600 ? screenWidth : Math.min(1680, screenWidth * 0.85);
      double h = screenHeight < 1000 ? screenHeight : Math.min(1050, screenHeight * 0.85);
      // a window as large as the screen opens maximised: a window manager fits it, frame and all
      return new Window(
          screenX + (screenWidth - w) / 2,
          screenY + (screenHeight - h) / 2,
          w,
          h,
          w >= screenWidth && h >= screenHeight);
    }
    double w = clamp(remembered.width(), Math.min(minWidth, screenWidth), screenWidth);
    double h = clamp(remembered.height(), Math.min(minHeight, screenHeight), screenHeight);
    double x = clamp(remembered.x(), screenX, screenX + screenWidth - w);
    double y = clamp(remembered.y(), screenY, screenY + screenHeight - h);
    return new Window(x, y, w, h, remembered.maximized());
  }

  private static double clamp(double v, double lo, double hi) {
    if (Double.isNaN(v)) {
      return lo;
    }
    return Math.max(lo, Math.min(hi, v));
  }

  private void save() {
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(FILE + ".tmp");
      Files.writeString(tmp, Json.pretty().writeValueAsString(saved), StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      // preferences are a convenience: the app works on without them
      LOG.log(Level.WARNING, "preferences could not be saved to " + file, e);
    }
  }
}
