package dev.rehearsal.ui.shell;

import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.stage.Window;

/**
 * A tooltip that shows only while it has text. A table cell installs one when it is made and
 * empties it for a value short enough to read in the cell: installing and removing a tooltip as
 * each cell is given another row adds and removes its mouse handlers every time, which a table of a
 * few hundred cells pays on every scroll step and every search.
 */
public final class QuietTooltip extends Tooltip {

  @Override
  public void show(Window owner) {
    if (hasText()) {
      super.show(owner);
    }
  }

  @Override
  public void show(Window owner, double anchorX, double anchorY) {
    if (hasText()) {
      super.show(owner, anchorX, anchorY);
    }
  }

  @Override
  public void show(Node owner, double anchorX, double anchorY) {
    if (hasText()) {
      super.show(owner, anchorX, anchorY);
    }
  }

  private boolean hasText() {
    String text = getText();
    return text != null && !text.isEmpty();
  }
}
