package dev.rehearsal.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** Writes what a scene shows to a PNG file. Call on the FX thread. */
public final class Snapshots {
  private Snapshots() {}

  public static void write(Scene scene, Path png) throws IOException {
    WritableImage img = scene.snapshot(null);
    if (png.getParent() != null) {
      Files.createDirectories(png.getParent());
    }
    ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", png.toFile());
  }
}
