package dev.rehearsal.ui.shell;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/** Copies a table's selected rows (all rows when none is selected) as text or CSV. */
public final class Copy {
  /** Rows copied at most when nothing is selected. */
  static final int MAX_ROWS = 10_000;

  private Copy() {}

  /** Tab-separated, a header line first. */
  public static String tsv(TableView<?> table) {
    return join(table, "\t", false);
  }

  /** RFC 4180 CSV, a header line first. */
  public static String csv(TableView<?> table) {
    return join(table, ",", true);
  }

  /** Puts text on the clipboard. */
  public static void text(String s) {
    ClipboardContent c = new ClipboardContent();
    c.putString(s);
    Clipboard.getSystemClipboard().setContent(c);
  }

  private static String join(TableView<?> table, String sep, boolean quote) {
    List<Integer> rows = new ArrayList<>(table.getSelectionModel().getSelectedIndices());
    if (rows.isEmpty()) {
      for (int i = 0; i < Math.min(MAX_ROWS, table.getItems().size()); i++) {
        rows.add(i);
      }
    }
    StringBuilder sb = new StringBuilder();
    List<? extends TableColumn<?, ?>> cols = table.getVisibleLeafColumns();
    for (int c = 0; c < cols.size(); c++) {
      sb.append(c > 0 ? sep : "").append(cell(cols.get(c).getText(), sep, quote));
    }
    sb.append('\n');
    for (int r : rows) {
      for (int c = 0; c < cols.size(); c++) {
        Object v = cols.get(c).getCellData(r);
        sb.append(c > 0 ? sep : "").append(cell(v == null ? "" : String.valueOf(v), sep, quote));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  private static String cell(String v, String sep, boolean quote) {
    if (quote) {
      return v.contains(",") || v.contains("\"") || v.contains("\n")
          ? "\"" + v.replace("\"", "\"\"") + "\""
          : v;
    }
    return v.replace(sep, " ").replace('\n', ' ');
  }
}
