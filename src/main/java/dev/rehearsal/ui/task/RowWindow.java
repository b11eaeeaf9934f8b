package dev.rehearsal.ui.task;

import java.util.Collections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableListBase;

/**
 * At most {@code capacity} consecutive rows of a longer list, as a list a table can hold; {@link
 * #moveTo} slides it along. A JavaFX 21 table does work in proportion to the row index it shows on
 * every layout (its scroll position is worked out by walking the rows before it), so a window
 * bounds that work however long the list (what it bought: docs/performance-history.md, "The app at
 * full size"). Rows read as the longer list reads them (null until their page arrives); a row of
 * the window that arrives is reported as updated, and a new set of rows (a search) brings the
 * window back to the first row, its rows reported as updated too, so that the table reuses its
 * cells: a JavaFX 21 table rebuilds every cell when a change replaces its rows or removes all of
 * them (its count goes through zero).
 */
public final class RowWindow<T> extends ObservableListBase<T> {
  private final ObservableList<T> all;
  private final int capacity;
  private int offset;
  private int size;

  public RowWindow(ObservableList<T> all, int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("a window holds at least one row");
    }
    this.all = all;
    this.capacity = capacity;
    this.size = Math.min(capacity, all.size());
    all.addListener((ListChangeListener<T>) this::changed);
  }

  /** The index, in the longer list, of the window's first row. */
  public int offset() {
    return offset;
  }

  /** How many rows the longer list has. */
  public int total() {
    return all.size();
  }

  /** The longer list. */
  public ObservableList<T> rows() {
    return all;
  }

  /** Whether the window holds fewer rows than the longer list. */
  public boolean partial() {
    return all.size() > capacity;
  }

  public int capacity() {
    return capacity;
  }

  @Override
  public T get(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException(index + " of " + size);
    }
    return all.get(offset + index);
  }

  @Override
  public int size() {
    return size;
  }

  /**
   * Moves the window to start at {@code start} of the longer list (kept inside it); the table is
   * told that every row was replaced.
   */
  public void moveTo(int start) {
    int s = Math.max(0, Math.min(start, all.size() - size));
    if (s == offset) {
      return;
    }
    offset = s;
    beginChange();
    // the rows replaced are not read again (that would read their pages): the table only needs
    // to know that every row changed
    nextReplace(0, size, Collections.nCopies(size, null));
    endChange();
  }

  private void changed(ListChangeListener.Change<? extends T> c) {
    boolean updatesOnly = true;
    while (c.next()) {
      if (!c.wasUpdated()) {
        updatesOnly = false;
        break;
      }
    }
    c.reset();
    beginChange();
    if (updatesOnly) {
      // rows that arrived: those inside the window are updated there
      while (c.next()) {
        int from = Math.max(c.getFrom(), offset);
        int to = Math.min(c.getTo(), offset + size);
        for (int i = from; i < to; i++) {
          nextUpdate(i - offset);
        }
      }
    } else {
      // other rows altogether (a search): the window starts again at the first; the rows it
      // keeps are updated in place and only the count's difference is added or removed
      int before = size;
      offset = 0;
      size = Math.min(capacity, all.size());
      int kept = Math.min(before, size);
      for (int i = 0; i < kept; i++) {
        nextUpdate(i);
      }
      if (before > size) {
        nextRemove(size, Collections.nCopies(before - size, null));
      } else if (size > before) {
        nextAdd(before, size);
      }
    }
    endChange();
  }
}
