package dev.rehearsal.ui;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.PopupWindow;
import javafx.stage.Window;
import javax.imageio.ImageIO;

/** Writes what a scene shows to a PNG file. Call on the FX thread. */
public final class Snapshots {
  private Snapshots() {}

  /**
   * Writes the scene with the menus and popups open over it (an open menu is a window of its own,
   * which a snapshot of the scene leaves out).
   */
  public static void write(Scene scene, Path png) throws IOException {
    WritableImage img = scene.snapshot(null);
    if (png.getParent() != null) {
      Files.createDirectories(png.getParent());
    }
    BufferedImage out = SwingFXUtils.fromFXImage(img, null);
    Window owner = scene.getWindow();
    if (owner != null) {
      Graphics2D g = out.createGraphics();
      try {
        for (Window w : Window.getWindows()) {
          if (w instanceof PopupWindow p
              && p.isShowing()
              && p.getScene() != null
              && ownedBy(p, owner)) {
            BufferedImage pop = SwingFXUtils.fromFXImage(p.getScene().snapshot(null), null);
            int x = (int) Math.round(p.getX() + p.getScene().getX() - owner.getX() - scene.getX());
            int y = (int) Math.round(p.getY() + p.getScene().getY() - owner.getY() - scene.getY());
            g.drawImage(pop, x, y, null);
          }
        }
      } finally {
        g.dispose();
      }
    }
    ImageIO.write(out, "png", png.toFile());
  }

  private static boolean ownedBy(PopupWindow p, Window owner) {
    Window w = p;
    for (int depth = 0; w instanceof PopupWindow pw && depth < 10; depth++) {
      w = pw.getOwnerWindow();
    }
    return w == owner;
  }
}
