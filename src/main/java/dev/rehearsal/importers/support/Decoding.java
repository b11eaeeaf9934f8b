package dev.rehearsal.importers.support;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
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
 * mark (or with the tell-tale zero bytes of ASCII text) is read as UTF-16, text whose first
 * megabyte is not valid UTF-8 is read as Windows-1252 (the ServiceNow and Excel case), and a stray
 * invalid byte later in a UTF-8 file is read as Windows-1252 rather than dropped. Every such
 * decision is reported through {@link Decoded#notes()}.
 */
public final class Decoding {
  public static final Charset CP1252 = Charset.forName("windows-1252");
  private static final int SNIFF = 1 << 20;
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
      if (lenient != null && lenient.replaced() > 0) {
        notes.add(
            lenient.replaced()
                + " byte(s) were not valid UTF-8 and were read as "
                + "Windows-1252 (first at byte "
                + lenient.firstReplacedAt()
                + ")");
      }
      return notes;
    }
  }

  /** Opens a stream as text, deciding the encoding from its first bytes. */
  public static Decoded open(InputStream raw) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
    in.mark(SNIFF + 8);
    byte[] head = in.readNBytes(SNIFF);
    in.reset();
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
    if (!isValidUtf8(head, n == SNIFF)) {
      return new Decoded(
          new InputStreamReader(in, CP1252),
          "windows-1252",
          "the file is not valid UTF-8; read as Windows-1252",
          null);
    }
    LenientUtf8Reader r = new LenientUtf8Reader(in, 0);
    return new Decoded(r, "UTF-8", null, r);
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

  /** Whether the bytes are valid UTF-8; a sequence cut by the end of a truncated head is fine. */
  static boolean isValidUtf8(byte[] b, boolean truncated) {
    int i = 0;
    int n = b.length;
    while (i < n) {
      int c = b[i] & 0xff;
      if (c < 0x80) {
        i++;
        continue;
      }
      int len;
      if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
      } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
      } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
      } else {
        return false;
      }
      if (i + len > n) {
        return truncated;
      }
      for (int k = 1; k < len; k++) {
        if ((b[i + k] & 0xC0) != 0x80) {
          return false;
        }
      }
      i += len;
    }
    return true;
  }

  /** UTF-8 decoding that reads each invalid byte as Windows-1252 and counts them. */
  static final class LenientUtf8Reader extends Reader {
    private final InputStream in;
    private final CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
    private final CharBuffer chars = CharBuffer.allocate(1 << 16);
    private boolean eof;
    private boolean done;
    private long replaced;
    private long firstReplacedAt = -1;
    private long consumed;

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
        CoderResult res = decoder.decode(bytes, chars, eof);
        consumed += bytes.position() - before;
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
            chars.put(CP1252_CHARS[b & 0xff]);
          }
          continue;
        }
        if (res.isUnderflow() && eof) {
          decoder.flush(chars);
          done = true;
        }
        break;
      }
      chars.flip();
      return true;
    }

    @Override
    public void close() throws IOException {
      in.close();
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
