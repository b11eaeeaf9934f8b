package dev.rehearsal.importers.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Turns bytes into text the way exports need: a UTF-8 byte-order mark is skipped, UTF-16 with a
 * mark (or with the tell-tale zero bytes of ASCII text) is read as UTF-16, and everything else is
 * read as UTF-8 sequence by sequence: what is valid UTF-8 stays UTF-8, and only a byte that is not
 * (a Windows-1252 export from ServiceNow or Excel, or one stray byte in a UTF-8 file) is read as
 * Windows-1252. NUL bytes are removed. The notes say how many bytes were read which way, and on
 * which lines ({@link Decoded#notes()}).
 */
public final class Decoding {
  public static final Charset CP1252 = Charset.forName("windows-1252");

  /** The first bytes looked at for a byte-order mark or the zeros of UTF-16. */
  private static final int SNIFF = 512;

  private static final char[] CP1252_CHARS = new char[256];

  static {
    byte[] all = new byte[256];
    for (int i = 0; i < 256; i++) {
      all[i] = (byte) i;
    }
    String decoded = new String(all, CP1252);
    for (int i = 0; i < 256; i++) {
      CP1252_CHARS[i] = decoded.charAt(i);
    }
  }

  private Decoding() {}

  /** A reader over decoded text and what was decided about its encoding. */
  public static final class Decoded {
    private final Reader reader;
    private final String charset;
    private final String note;
    private final LenientUtf8Reader lenient;

    Decoded(Reader reader, String charset, String note, LenientUtf8Reader lenient) {
      this.reader = reader;
      this.charset = charset;
      this.note = note;
      this.lenient = lenient;
    }

    public Reader reader() {
      return reader;
    }

    public String charset() {
      return charset;
    }

    /** Warnings about the encoding: known at open, plus invalid bytes met while reading. */
    public java.util.List<String> notes() {
      var notes = new java.util.ArrayList<String>();
      if (note != null) {
        notes.add(note);
      }
      if (lenient != null) {
        notes.addAll(lenient.notes());
      }
      return notes;
    }
  }

  /** Opens a stream as text, deciding the encoding from its first bytes. */
  public static Decoded open(InputStream raw) throws IOException {
    PushbackInputStream in = new PushbackInputStream(raw, SNIFF);
    byte[] head = in.readNBytes(SNIFF);
    in.unread(head);
    int n = head.length;
    if (n >= 3
        && (head[0] & 0xff) == 0xEF
        && (head[1] & 0xff) == 0xBB
        && (head[2] & 0xff) == 0xBF) {
      in.skipNBytes(3);
      LenientUtf8Reader r = new LenientUtf8Reader(in, 3);
      return new Decoded(r, "UTF-8 (BOM)", null, r);
    }
    if (n >= 2 && (head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF) {
      in.skipNBytes(2);
      return new Decoded(
          new InputStreamReader(in, StandardCharsets.UTF_16BE), "UTF-16BE (BOM)", null, null);
    }
    if (n >= 2 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE) {
      in.skipNBytes(2);
      return new Decoded(
          new InputStreamReader(in, StandardCharsets.UTF_16LE), "UTF-16LE (BOM)", null, null);
    }
    String utf16 = utf16WithoutBom(head);
    if (utf16 != null) {
      Charset cs = utf16.equals("LE") ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE;
      return new Decoded(
          new InputStreamReader(in, cs),
          cs.name(),
          "no byte-order mark, but the zero bytes say " + cs.name() + "; read as such",
          null);
    }
    LenientUtf8Reader r = new LenientUtf8Reader(in, 0);
    return new Decoded(r, "UTF-8", null, r);
  }

  /** Whether these first bytes are UTF-16 text (with a byte-order mark or the zeros of ASCII). */
  public static boolean isUtf16(byte[] b) {
    if (b.length >= 2
        && ((b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF
            || (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE)) {
      return true;
    }
    return utf16WithoutBom(b) != null;
  }

  private static String utf16WithoutBom(byte[] b) {
    int n = Math.min(b.length, 512) & ~1;
    if (n < 8) {
      return null;
    }
    int evenZero = 0;
    int oddZero = 0;
    for (int i = 0; i < n; i += 2) {
      if (b[i] == 0) {
        evenZero++;
      }
      if (b[i + 1] == 0) {
        oddZero++;
      }
    }
    int pairs = n / 2;
    if (oddZero > pairs * 0.7 && evenZero < pairs * 0.1) {
      return "LE";
    }
    if (evenZero > pairs * 0.7 && oddZero < pairs * 0.1) {
      return "BE";
    }
    return null;
  }

  /**
   * UTF-8 decoding that reads each byte that is not part of a valid UTF-8 sequence as Windows-1252,
   * removes NUL bytes, and counts both with the lines (by line feeds) they were met on.
   */
  static final class LenientUtf8Reader extends Reader {
    private static final int SHOWN_LINES = 10;
    private final InputStream in;
    private final byte[] bytes = new byte[1 << 15];
    private int bpos;
    private int blen;
    private boolean eof;
    private final char[] chars = new char[1 << 15];
    private int cpos;
    private int clen;
    private long line = 1;
    private long consumed;
    private long replaced;
    private long firstReplacedAt = -1;
    private long utf8Sequences;
    private final LineSet replacedLines = new LineSet();
    private long nuls;
    private final LineSet nulLines = new LineSet();

    LenientUtf8Reader(InputStream in, long startOffset) {
      this.in = in;
      this.consumed = startOffset;
    }

    long replaced() {
      return replaced;
    }

    long firstReplacedAt() {
      return firstReplacedAt;
    }

    /** What was read other than as UTF-8, and where. */
    java.util.List<String> notes() {
      var notes = new java.util.ArrayList<String>();
      if (replaced > 0) {
        if (utf8Sequences == 0) {
          notes.add(
              "the file is not valid UTF-8; read as Windows-1252 ("
                  + replaced
                  + " byte(s) outside ASCII, "
                  + replacedLines.describe()
                  + ")");
        } else {
          notes.add(
              replaced
                  + " byte(s) were not valid UTF-8 and were read as Windows-1252 (first at byte "
                  + firstReplacedAt
                  + ", "
                  + replacedLines.describe()
                  + "); everything else was read as UTF-8");
        }
      }
      if (nuls > 0) {
        notes.add(nuls + " NUL byte(s) were removed (" + nulLines.describe() + ")");
      }
      return notes;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      while (cpos >= clen) {
        if (!fill()) {
          return -1;
        }
      }
      int n = Math.min(len, clen - cpos);
      System.arraycopy(chars, cpos, cbuf, off, n);
      cpos += n;
      return n;
    }

    /** Decodes the next bytes; false at the end. */
    private boolean fill() throws IOException {
      cpos = 0;
      clen = 0;
      while (clen == 0) {
        if (blen - bpos < 4 && !eof) {
          System.arraycopy(bytes, bpos, bytes, 0, blen - bpos);
          blen -= bpos;
          bpos = 0;
          int r = in.read(bytes, blen, bytes.length - blen);
          if (r < 0) {
            eof = true;
          } else {
            blen += r;
          }
          continue;
        }
        if (bpos >= blen) {
          return false;
        }
        decode();
      }
      return true;
    }

    /** Decodes whole sequences from the bytes at hand into the character buffer. */
    private void decode() {
      int o = 0;
      int limit = chars.length - 2;
      while (bpos < blen && o < limit) {
        int b = bytes[bpos] & 0xff;
        if (b < 0x80) {
          bpos++;
          consumed++;
          if (b == 0) {
            nuls++;
            nulLines.add(line);
            continue;
          }
          if (b == '\n') {
            line++;
          }
          chars[o++] = (char) b;
          continue;
        }
        int len = b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b <= 0xF4 ? 4 : 0;
        if (b < 0xC2) {
          len = 0;
        }
        if (len > 0 && bpos + len > blen) {
          if (!eof) {
            break; // the rest of the sequence comes with the next read
          }
          len = 0; // cut off by the end of the file
        }
        if (len > 0 && validSequence(b, len)) {
          int cp = b & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
          for (int k = 1; k < len; k++) {
            cp = cp << 6 | bytes[bpos + k] & 0x3F;
          }
          if (cp >= 0x10000) {
            chars[o++] = Character.highSurrogate(cp);
            chars[o++] = Character.lowSurrogate(cp);
          } else {
            chars[o++] = (char) cp;
          }
          bpos += len;
          consumed += len;
          utf8Sequences++;
          continue;
        }
        if (firstReplacedAt < 0) {
          firstReplacedAt = consumed;
        }
        replaced++;
        replacedLines.add(line);
        chars[o++] = CP1252_CHARS[b];
        bpos++;
        consumed++;
      }
      clen = o;
    }

    /** Whether the bytes from {@code bpos} are one valid sequence (no overlong form, surrogate). */
    private boolean validSequence(int lead, int len) {
      int b1 = bytes[bpos + 1] & 0xff;
      int lo = 0x80;
      int hi = 0xBF;
      if (lead == 0xE0) {
        lo = 0xA0;
      } else if (lead == 0xED) {
        hi = 0x9F;
      } else if (lead == 0xF0) {
        lo = 0x90;
      } else if (lead == 0xF4) {
        hi = 0x8F;
      }
      if (b1 < lo || b1 > hi) {
        return false;
      }
      for (int k = 2; k < len; k++) {
        if ((bytes[bpos + k] & 0xC0) != 0x80) {
          return false;
        }
      }
      return true;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }

    /** Line numbers met, the first few kept. */
    private static final class LineSet {
      private final long[] first = new long[SHOWN_LINES];
      private int kept;
      private long count;
      private long last;

      void add(long line) {
        if (line == last) {
          return;
        }
        last = line;
        count++;
        if (kept < first.length) {
          first[kept++] = line;
        }
      }

      String describe() {
        StringBuilder sb = new StringBuilder(count == 1 ? "line " : "lines ");
        for (int i = 0; i < kept; i++) {
          sb.append(i == 0 ? "" : i == kept - 1 && count == kept ? " and " : ", ").append(first[i]);
        }
        if (count > kept) {
          sb.append(" and ").append(count - kept).append(" more");
        }
        return sb.toString();
      }
    }
  }

  /** Reads a whole small stream as text with the same rules (tests, manifests, settings). */
  public static String readAll(InputStream in) throws IOException {
    try (Reader r = open(in).reader()) {
      StringBuilder sb = new StringBuilder();
      char[] buf = new char[8192];
      int n;
      while ((n = r.read(buf)) > 0) {
        sb.append(buf, 0, n);
      }
      return sb.toString();
    }
  }
}
