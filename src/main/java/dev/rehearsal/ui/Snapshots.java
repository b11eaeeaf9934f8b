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
    Window owner = scene.getWindow();
    // at the screen's own scale (2 on a 4K screen at 200 %): the picture is what the person sees,
    // not a quarter of its pixels
    double scale = owner == null ? 1 : Math.max(1, owner.getOutputScaleX());
    WritableImage img = snapshot(scene, scale);
    if (png.getParent() != null) {
      Files.createDirectories(png.getParent());
    }
    BufferedImage out = SwingFXUtils.fromFXImage(img, null);
    if (owner != null) {
      Graphics2D g = out.createGraphics();
      try {
        for (Window w : Window.getWindows()) {
          if (w instanceof PopupWindow p
              && p.isShowing()
              && p.getScene() != null
              && ownedBy(p, owner)) {
            BufferedImage pop = SwingFXUtils.fromFXImage(snapshot(p.getScene(), scale), null);
            double x = p.getX() + p.getScene().getX() - owner.getX() - scene.getX();
            double y = p.getY() + p.getScene().getY() - owner.getY() - scene.getY();
            g.drawImage(pop, (int) Math.round(x * scale), (int) Math.round(y * scale), null);
          } else if (w instanceof javafx.stage.Stage dialog
              && dialog != owner
              && dialog.getOwner() == owner
              && dialog.isShowing()
              && dialog.getScene() != null) {
            // a dialog the window opened, where it stands over it (its content, not its frame)
            BufferedImage d = SwingFXUtils.fromFXImage(snapshot(dialog.getScene(), scale), null);
            double x = dialog.getX() + dialog.getScene().getX() - owner.getX() - scene.getX();
            double y = dialog.getY() + dialog.getScene().getY() - owner.getY() - scene.getY();
            int dx = (int) Math.round(x * scale);
            int dy = (int) Math.round(y * scale);
            g.drawImage(d, dx, dy, null);
            g.setColor(java.awt.Color.GRAY);
            g.drawRect(dx - 1, dy - 1, d.getWidth() + 1, d.getHeight() + 1);
          }
        }
      } finally {
        g.dispose();
      }
    }
    ImageIO.write(out, "png", png.toFile());
  }

  /** A scene drawn at a scale: {@code scale} pixels for each of its units, its fill behind it. */
  static WritableImage snapshot(Scene scene, double scale) {
    if (scale == 1) {
      return scene.snapshot(null);
    }
    javafx.scene.SnapshotParameters p = new javafx.scene.SnapshotParameters();
    p.setTransform(javafx.scene.transform.Transform.scale(scale, scale));
    p.setFill(scene.getFill() == null ? javafx.scene.paint.Color.WHITE : scene.getFill());
    WritableImage img =
        new WritableImage(
            (int) Math.ceil(scene.getWidth() * scale), (int) Math.ceil(scene.getHeight() * scale));
    return scene.getRoot().snapshot(p, img);
  }

  private static boolean ownedBy(PopupWindow p, Window owner) {
    Window w = p;
    for (int depth = 0; w instanceof PopupWindow pw && depth < 10; depth++) {
      w = pw.getOwnerWindow();
    }
    return w == owner;
  }
}
