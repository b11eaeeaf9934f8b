package dev.rehearsal.importers.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
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
   * removes NUL bytes, and counts both with the lines (by line feeds) they were met on. The JDK's
   * decoder does the decoding; one pass over what it produced counts lines and finds NULs.
   */
  static final class LenientUtf8Reader extends Reader {
    private static final int SHOWN_LINES = 10;
    private final InputStream in;
    private final CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 15);
    private final CharBuffer chars = CharBuffer.allocate(1 << 15);
    private boolean eof;
    private boolean done;
    private long consumed;
    private long line = 1;
    private int scanned;
    private long replaced;
    private long firstReplacedAt = -1;
    private long decodedBytes;
    private long decodedChars;
    private final LineSet replacedLines = new LineSet();
    private long nuls;
    private final LineSet nulLines = new LineSet();

    LenientUtf8Reader(InputStream in, long startOffset) {
      this.in = in;
      this.consumed = startOffset;
      bytes.flip();
      chars.flip();
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
        if (decodedBytes == decodedChars) {
          // every byte the decoder took became one character: no valid sequence outside ASCII
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
      while (!chars.hasRemaining()) {
        if (!fill()) {
          return -1;
        }
      }
      int n = Math.min(len, chars.remaining());
      chars.get(cbuf, off, n);
      return n;
    }

    private boolean fill() throws IOException {
      if (done) {
        return false;
      }
      chars.clear();
      scanned = 0;
      if (!eof) {
        bytes.compact();
        int r = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (r < 0) {
          eof = true;
        } else {
          bytes.position(bytes.position() + r);
        }
        bytes.flip();
      }
      while (true) {
        int before = bytes.position();
        int produced = chars.position();
        CoderResult res = decoder.decode(bytes, chars, eof);
        consumed += bytes.position() - before;
        decodedBytes += bytes.position() - before;
        decodedChars += chars.position() - produced;
        scan();
        if (res.isError()) {
          if (chars.remaining() < res.length()) {
            break; // no room now; the next fill meets the same bytes again
          }
          for (int k = 0; k < res.length(); k++) {
            byte b = bytes.get();
            if (firstReplacedAt < 0) {
              firstReplacedAt = consumed;
            }
            consumed++;
            replaced++;
            replacedLines.add(line);
            chars.put(CP1252_CHARS[b & 0xff]); // never a line feed or a NUL: b >= 0x80
          }
          scanned = chars.position();
          continue;
        }
        if (res.isUnderflow() && eof) {
          int flushed = chars.position();
          decoder.flush(chars);
          decodedChars += chars.position() - flushed;
          scan();
          done = true;
        }
        break;
      }
      chars.flip();
      return true;
    }

    /** Counts line feeds in what the decoder added, and removes NULs. */
    private void scan() {
      char[] a = chars.array();
      int end = chars.position();
      int i = scanned;
      for (; i < end; i++) {
        char c = a[i];
        if (c <= '\n') {
          if (c == '\n') {
            line++;
          } else if (c == 0) {
            break;
          }
        }
      }
      if (i < end) {
        // a NUL: from here on, keep what is not one
        int w = i;
        for (; i < end; i++) {
          char c = a[i];
          if (c == 0) {
            nuls++;
            nulLines.add(line);
            continue;
          }
          if (c == '\n') {
            line++;
          }
          a[w++] = c;
        }
        chars.position(w);
        end = w;
      }
      scanned = end;
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
