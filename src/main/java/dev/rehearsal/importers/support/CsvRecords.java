package dev.rehearsal.importers.support;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Delimited text read record by record in one pass, whatever its quotes do. RFC 4180 with what real
 * exports need: a cell that starts with a quote may hold separators, doubled quotes and line breaks
 * (read as {@code \n}); a quote inside an unquoted cell is kept as written; text after a closing
 * quote is kept too; lines end with {@code \n}, {@code \r\n} or {@code \r}.
 *
 * <p>A quote that is never closed would otherwise swallow the rest of the file into one cell. Two
 * things catch it, and either way only the broken record is lost, as a {@link Record#problem()}:
 *
 * <ul>
 *   <li>at each line break inside a quoted cell, the next lines are looked at: when the next three
 *       (six for a file of two columns) each read as a complete row of the expected width on their
 *       own, the cell has run away; the record ends there and reading goes on with those rows;
 *   <li>when the file ends inside a quoted cell, the lines after the one where that cell opened are
 *       read again as rows of their own (once per file: every line is read at most twice).
 * </ul>
 *
 * Each line is read once, looked at as a possible row at most a few times, and read again at most
 * once, so the work is linear in the size of the file ({@link #work()} counts it). No record may
 * exceed {@link #MAX_RECORD_CHARS} characters: a longer one is a broken record, not a full heap.
 */
public final class CsvRecords implements Closeable {
  /** The most characters one record (or one line) may hold. */
  public static final int MAX_RECORD_CHARS = 8 * 1024 * 1024;

  /** One record: its cells and the lines it spans, or why it could not be read. */
  public record Record(String[] cells, long line, long lastLine, String problem) {
    public boolean broken() {
      return problem != null;
    }
  }

  private record Line(String text, long number, boolean overlong) {}

  private final LineSource source;
  private char sep = ',';
  private final ArrayDeque<Line> pending = new ArrayDeque<>();
  private int width;
  private long work;
  private long reread;
  private long linesRead;

  public CsvRecords(Reader reader, char separator) {
    this.source = new LineSource(reader);
    this.sep = separator;
  }

  /** A reader whose separator is decided later, from {@link #peekNonBlank()}. */
  public CsvRecords(Reader reader) {
    this(reader, ',');
  }

  public void separator(char separator) {
    this.sep = separator;
  }

  /** The text of the first non-blank line still to be read, without reading it; null if none. */
  public String peekNonBlank() throws IOException {
    for (int j = 0; ; j++) {
      Line l = peek(j);
      if (l == null) {
        return null;
      }
      if (!l.text.isBlank()) {
        return l.text;
      }
    }
  }

  /**
   * How many cells a row has (the header's); from then on, a quoted cell followed by lines that
   * read as rows of this width is taken for a quote that was never closed. 0 or 1: never.
   */
  public void expectWidth(int cells) {
    this.width = cells;
  }

  /** Characters examined so far: the reading, the looks ahead and the lines read again. */
  public long work() {
    return work;
  }

  /** The number of the last line any record returned so far ends on. */
  public long linesRead() {
    return linesRead;
  }

  /** The next record (a blank line is a record of one empty cell), or null at the end. */
  public Record next() throws IOException {
    Line first = poll();
    if (first == null) {
      return null;
    }
    linesRead = Math.max(linesRead, first.number);
    if (first.overlong) {
      return broken(
          first, first, "line " + first.number + " is longer than " + LIMIT + "; not read");
    }
    List<String> cells = new ArrayList<>(Math.max(8, width + 1));
    Line line = first;
    String s = line.text;
    int n = s.length();
    int i = 0;
    work += n;
    // once a quoted cell runs over a line break: the line it opened on, and every line after it
    // that this record takes, to be read again if the record turns out to be a runaway quote
    Line spanFrom = null;
    List<Line> held = null;
    long chars = n;
    boolean overflow = false;
    boolean textAfterSpan = false;
    while (true) {
      if (i < n && s.charAt(i) == '"') {
        // a quoted cell: up to the closing quote, across lines if need be
        Line opened = line;
        StringBuilder cell = new StringBuilder();
        i++;
        while (true) {
          int q = s.indexOf('"', i);
          if (q < 0) {
            if (!overflow) {
              cell.append(s, i, n);
            }
            if (runsAway()) {
              return runaway(first, opened, line, held, overflow, false);
            }
            Line next = poll();
            if (next == null) {
              return runaway(first, opened, line, held, overflow, true);
            }
            linesRead = next.number;
            if (spanFrom == null) {
              spanFrom = opened;
            }
            chars += next.text.length() + 1;
            if (!overflow && (next.overlong || chars > MAX_RECORD_CHARS)) {
              overflow = true;
              held = null;
              cell.setLength(0);
              cells.clear();
            }
            if (!overflow) {
              if (held == null) {
                held = new ArrayList<>();
              }
              held.add(next);
              cell.append('\n');
            }
            line = next;
            s = next.text;
            n = s.length();
            i = 0;
            work += n;
            continue;
          }
          if (!overflow) {
            cell.append(s, i, q);
          }
          if (q + 1 < n && s.charAt(q + 1) == '"') {
            if (!overflow) {
              cell.append('"');
            }
            i = q + 2;
            continue;
          }
          i = q + 1;
          break;
        }
        int at = s.indexOf(sep, i);
        int end = at < 0 ? n : at;
        if (end > i) {
          // text after the closing quote, kept as written; after a cell over several lines it
          // says the quote that closed it was another cell's opening one
          textAfterSpan |= line != opened && !s.substring(i, end).isBlank();
          if (!overflow) {
            cell.append(s, i, end);
          }
        }
        if (!overflow) {
          cells.add(cell.toString());
        }
        if (at < 0) {
          break;
        }
        i = at + 1;
      } else {
        int at = s.indexOf(sep, i);
        if (at < 0) {
          if (!overflow) {
            cells.add(s.substring(i));
          }
          break;
        }
        if (!overflow) {
          cells.add(s.substring(i, at));
        }
        i = at + 1;
      }
    }
    if (overflow) {
      return broken(
          first,
          line,
          "the record from line "
              + first.number
              + " to line "
              + line.number
              + " is longer than "
              + LIMIT
              + "; not read");
    }
    if (spanFrom != null && (textAfterSpan || !fits(cells.size(), cells.get(cells.size() - 1)))) {
      // a quoted cell over several lines that ends in a record of the wrong shape: the quote
      // that opened it was never closed, and the one that closed it opened a later cell
      return misshapen(first, spanFrom, line, held, textAfterSpan, cells.size());
    }
    return new Record(cells.toArray(new String[0]), first.number, line.number, null);
  }

  private static final String LIMIT = String.format("%,d characters", MAX_RECORD_CHARS);

  /** Whether a row of this many cells has the expected width (a trailing empty cell allowed). */
  private boolean fits(int count, String last) {
    return width < 2 || count == width || count == width + 1 && last.isEmpty();
  }

  private Record broken(Line first, Line last, String problem) {
    return new Record(null, first.number, last.number, problem);
  }

  /**
   * Ends a record whose quoted cell opened on line {@code opened} and was not closed by line {@code
   * last}: the lines after {@code opened} are read again as rows of their own.
   */
  private Record runaway(
      Line first, Line opened, Line last, List<Line> held, boolean overflow, boolean atEnd) {
    boolean again = !overflow && readAgain(held, opened.number);
    String where =
        first.number == opened.number
            ? "line " + opened.number
            : "line " + opened.number + " (in the record from line " + first.number + ")";
    String rest;
    if (atEnd) {
      rest =
          again
              ? "the file ends inside it; the lines after it are read as rows of their own"
              : "the file ends inside it";
    } else {
      rest =
          "the lines after line "
              + last.number
              + " read as rows of their own, so the row is rejected and reading goes on there";
    }
    return broken(
        first,
        again ? opened : last,
        "a quoted cell opened in " + where + " is never closed: " + rest);
  }

  /** Ends a record over several lines that has the wrong shape; see {@link #next()}. */
  private Record misshapen(
      Line first, Line spanFrom, Line last, List<Line> held, boolean textAfter, int count) {
    boolean again = readAgain(held, spanFrom.number);
    String shape =
        textAfter
            ? "its closing quote is followed by more text"
            : "the record then has " + count + " cells, the header " + width;
    return broken(
        first,
        again ? spanFrom : last,
        "a quoted cell opened in line "
            + spanFrom.number
            + " runs over "
            + (last.number - spanFrom.number + 1)
            + " lines and "
            + shape
            + ": its quote is probably never closed, so the row is rejected"
            + (again ? " and the lines after it are read as rows of their own" : ""));
  }

  /**
   * Puts the held lines after line {@code after} back to be read again, when they were all kept and
   * reading them again stays within what was read once (so the work stays linear, always).
   */
  private boolean readAgain(List<Line> held, long after) {
    if (held == null) {
      return false;
    }
    List<Line> again = new ArrayList<>();
    long size = 0;
    for (Line l : held) {
      if (l.number > after) {
        again.add(l);
        size += l.text.length() + 1;
      }
    }
    if (again.isEmpty() || reread + size > source.chars) {
      return false;
    }
    reread += size;
    for (int k = again.size() - 1; k >= 0; k--) {
      pending.addFirst(again.get(k));
    }
    linesRead = after;
    return true;
  }

  /** Whether the next few lines each read as a complete row of the expected width. */
  private boolean runsAway() throws IOException {
    int k = width >= 3 ? 3 : width == 2 ? 6 : 0;
    for (int j = 0; j < k; j++) {
      Line l = peek(j);
      if (l == null) {
        return j > 0; // the file ends after rows only
      }
      if (l.overlong || !isRow(l.text)) {
        return false;
      }
    }
    return k > 0;
  }

  /**
   * Whether one line on its own is a complete row of the expected width: every quoted cell closed
   * on the line and followed by a separator or the end, no quote inside an unquoted cell.
   */
  private boolean isRow(String s) {
    int n = s.length();
    work += n;
    if (s.isBlank()) {
      return false;
    }
    int cells = 0;
    int i = 0;
    boolean lastEmpty = false;
    while (true) {
      cells++;
      if (cells > width + 1) {
        return false;
      }
      if (i < n && s.charAt(i) == '"') {
        i++;
        while (true) {
          int q = s.indexOf('"', i);
          if (q < 0) {
            return false;
          }
          if (q + 1 < n && s.charAt(q + 1) == '"') {
            i = q + 2;
            continue;
          }
          i = q + 1;
          break;
        }
        lastEmpty = false;
        if (i == n) {
          break;
        }
        if (s.charAt(i) != sep) {
          return false;
        }
        i++;
      } else {
        int at = s.indexOf(sep, i);
        int end = at < 0 ? n : at;
        if (s.indexOf('"', i) >= 0 && s.indexOf('"', i) < end) {
          return false;
        }
        lastEmpty = end == i;
        if (at < 0) {
          break;
        }
        i = at + 1;
      }
    }
    return cells == width || cells == width + 1 && lastEmpty;
  }

  private Line poll() throws IOException {
    Line l = pending.pollFirst();
    return l != null ? l : source.next();
  }

  private Line peek(int j) throws IOException {
    while (pending.size() <= j) {
      Line l = source.next();
      if (l == null) {
        return null;
      }
      pending.addLast(l);
    }
    Iterator<Line> it = pending.iterator();
    for (int k = 0; k < j; k++) {
      it.next();
    }
    return it.next();
  }

  @Override
  public void close() throws IOException {
    source.close();
  }

  /** Physical lines of a reader, each without its line break, numbered from 1. */
  private static final class LineSource implements Closeable {
    private final Reader in;
    private final char[] buf = new char[1 << 15];
    private int pos;
    private int end;
    private boolean eof;
    private boolean skipLf;
    private long number;
    long chars;

    LineSource(Reader in) {
      this.in = in;
    }

    private boolean fill() throws IOException {
      if (eof) {
        return false;
      }
      int r = in.read(buf, 0, buf.length);
      if (r < 0) {
        eof = true;
        return false;
      }
      pos = 0;
      end = r;
      chars += r;
      return true;
    }

    Line next() throws IOException {
      StringBuilder sb = null;
      long length = 0;
      boolean overlong = false;
      while (true) {
        if (pos >= end && !fill()) {
          if (sb == null) {
            return null; // no characters after the last line break
          }
          return new Line(sb.toString(), ++number, overlong);
        }
        if (skipLf) {
          skipLf = false;
          if (buf[pos] == '\n') {
            pos++;
            continue;
          }
        }
        int start = pos;
        int stop = start;
        while (stop < end && buf[stop] != '\n' && buf[stop] != '\r') {
          stop++;
        }
        int len = stop - start;
        length += len;
        if (length > MAX_RECORD_CHARS) {
          overlong = true;
        }
        if (stop < end) {
          skipLf = buf[stop] == '\r';
          pos = stop + 1;
          String text;
          if (sb == null) {
            text = new String(buf, start, len);
          } else {
            if (!overlong) {
              sb.append(buf, start, len);
            }
            text = sb.toString();
          }
          return new Line(overlong ? "" : text, ++number, overlong);
        }
        if (sb == null) {
          sb = new StringBuilder(Math.max(16, len * 2));
        }
        if (!overlong) {
          sb.append(buf, start, len);
        } else {
          sb.setLength(0);
        }
        pos = end;
      }
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
