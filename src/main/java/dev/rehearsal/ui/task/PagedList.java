package dev.rehearsal.ui.task;

import dev.rehearsal.app.Rows;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.collections.ObservableListBase;

/**
 * The rows of a table read a page at a time from the workspace, off the FX thread: a row whose page
 * is not loaded yet reads as null (the table shows an empty row) until its page arrives, and then
 * the table is told. Only the last pages used are kept. Replace the source for a new search.
 *
 * @param <T> a row
 */
public final class PagedList<T> extends ObservableListBase<T> {
  /**
   * Rows per page read: more than the tallest window shows. A scroll bar dragged across a million
   * rows reads a page at nearly every frame, and every row read lives until its page leaves the
   * last ones kept, so the page is as small as a screenful allows.
   */
  public static final int PAGE = 64;

  /**
   * Pages kept in memory, the last used: about a thousand rows, enough to scroll back a few screens
   * without reading again, and few enough that the rows a collection finds alive are cheap to copy.
   */
  static final int KEPT = 16;

  private final Background background;
  private Rows.Source<T> source;
  private int size;
  private long generation;
  private final Map<Integer, List<T>> pages =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, List<T>> eldest) {
          return size() > KEPT;
        }
      };
  private final Set<Integer> pending = new java.util.HashSet<>();

  public PagedList(Background background) {
    this.background = background;
  }

  /**
   * Shows another source's rows (closing the one shown before); its first page is read before the
   * table is told, so that a new search does not flash empty rows.
   */
  public void show(Rows.Source<T> next, List<T> firstPage) {
    Rows.Source<T> before = source;
    int oldSize = size;
    source = next;
    size = next == null ? 0 : next.size();
    generation++;
    pages.clear();
    pending.clear();
    if (firstPage != null && !firstPage.isEmpty()) {
      pages.put(0, firstPage);
    }
    beginChange();
    if (oldSize > 0) {
      nextRemove(0, new java.util.ArrayList<>(java.util.Collections.nCopies(oldSize, (T) null)));
    }
    if (size > 0) {
      nextAdd(0, size);
    }
    endChange();
    closeQuietly(before);
  }

  @Override
  public T get(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException(index + " of " + size);
    }
    int page = index / PAGE;
    List<T> rows = pages.get(page);
    if (rows == null) {
      load(page);
      rows = pages.get(page); // loaded at once when the background runs on this thread
      if (rows == null) {
        return null;
      }
    }
    int at = index - page * PAGE;
    return at < rows.size() ? rows.get(at) : null;
  }

  /** Whether a row's page is loaded (it reads as null until then). */
  public boolean loaded(int index) {
    return pages.containsKey(index / PAGE);
  }

  private void load(int page) {
    if (source == null || !pending.add(page)) {
      return;
    }
    Rows.Source<T> from = source;
    long mine = generation;
    background.run(
        m -> from.page(page * PAGE, PAGE),
        rows -> {
          if (mine != generation) {
            return;
          }
          pending.remove(page);
          pages.put(page, rows);
          int first = page * PAGE;
          int last = Math.min(size, first + rows.size());
          if (last > first) {
            beginChange();
            for (int i = first; i < last; i++) {
              nextUpdate(i);
            }
            endChange();
          }
        },
        failure -> {
          if (mine == generation) {
            pending.remove(page);
          }
        });
  }

  @Override
  public int size() {
    return size;
  }

  /** Closes the source shown. */
  public void close() {
    closeQuietly(source);
    source = null;
  }

  private static void closeQuietly(Rows.Source<?> s) {
    if (s != null) {
      try {
        s.close();
      } catch (java.io.IOException ignored) {
        // closing releases a view of the index; nothing is lost if it fails
      }
    }
  }
}
