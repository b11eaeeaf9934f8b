package dev.rehearsal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** The tour's pictures at the screen's scale: a scene drawn with two pixels for each unit. */
class SnapshotsTest extends FxRobot {
  @Test
  void aSceneIsDrawnAtTheScaleAsked() throws Exception {
    FxToolkit.registerPrimaryStage();
    WritableImage[] img = new WritableImage[2];
    interact(
        () -> {
          Rectangle r = new Rectangle(50, 20, 30, 10);
          r.setFill(Color.RED);
          Pane root = new Pane(r);
          Scene scene = new Scene(root, 200, 100, Color.WHITE);
          img[0] = Snapshots.snapshot(scene, 1);
          img[1] = Snapshots.snapshot(scene, 2);
        });
    assertEquals(200, img[0].getWidth());
    assertEquals(100, img[0].getHeight());
    assertEquals(400, img[1].getWidth(), "two pixels for each unit");
    assertEquals(200, img[1].getHeight());
    // the rectangle where it stands, at either scale; the scene's fill elsewhere
    assertEquals(Color.RED, img[0].getPixelReader().getColor(60, 25));
    assertEquals(Color.RED, img[1].getPixelReader().getColor(120, 50));
    assertEquals(Color.RED, img[1].getPixelReader().getColor(158, 58));
    assertEquals(Color.WHITE, img[1].getPixelReader().getColor(90, 50), "left of it, at 2x");
    assertEquals(Color.WHITE, img[1].getPixelReader().getColor(170, 50), "right of it, at 2x");
  }
}
