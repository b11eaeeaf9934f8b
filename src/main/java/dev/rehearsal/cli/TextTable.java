package dev.rehearsal.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain-text table with aligned columns; numbers are right-aligned. */
final class TextTable {
  private final String[] header;
  private final boolean[] right;
  private final List<String[]> rows = new ArrayList<>();

  TextTable(String... header) {
    this.header = header;
    this.right = new boolean[header.length];
  }

  TextTable rightAlign(int... columns) {
    for (int c : columns) {
      right[c] = true;
    }
    return this;
  }

  void add(Object... cells) {
    String[] row = new String[header.length];
    for (int i = 0; i < header.length; i++) {
      Object c = i < cells.length ? cells[i] : "";
      row[i] =
          c instanceof Long || c instanceof Integer
              ? String.format("%,d", c)
              : String.valueOf(c == null ? "" : c);
    }
    rows.add(row);
  }

  boolean isEmpty() {
    return rows.isEmpty();
  }

  void print(PrintWriter out) {
    int[] width = new int[header.length];
    for (int i = 0; i < header.length; i++) {
      width[i] = header[i].length();
      for (String[] r : rows) {
        width[i] = Math.max(width[i], r[i].length());
      }
    }
    line(out, header, width);
    for (String[] r : rows) {
      line(out, r, width);
    }
  }

  private void line(PrintWriter out, String[] cells, int[] width) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        sb.append("  ");
      }
      String c = cells[i];
      int pad = width[i] - c.length();
      if (right[i]) {
        sb.append(" ".repeat(pad)).append(c);
      } else {
        sb.append(c);
        if (i < cells.length - 1) {
          sb.append(" ".repeat(pad));
        }
      }
    }
    out.println(sb.toString().stripTrailing());
  }
}
