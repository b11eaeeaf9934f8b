package dev.rehearsal.importers.staging;

import dev.rehearsal.importers.ImportException;
import dev.rehearsal.importers.ImportSource;
import dev.rehearsal.importers.RecordSink;
import dev.rehearsal.importers.support.Decoding;
import dev.rehearsal.importers.support.SafeXml;
import java.io.Closeable;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * An XML result file opened for streaming through {@link SafeXml}: decoded with the usual encoding
 * rules (byte-order marks, UTF-16, Windows-1252 fallback, reported as warnings), with white space
 * before the XML declaration skipped (JMeter and some CI tools write it; a strict parser refuses
 * it), and with line numbers that still count the skipped lines.
 */
final class XmlInput implements Closeable {
  private final Decoding.Decoded decoded;
  private final XMLStreamReader reader;
  private final int skippedLines;
  private final RecordSink sink;

  private XmlInput(
      Decoding.Decoded decoded, XMLStreamReader reader, int skippedLines, RecordSink sink) {
    this.decoded = decoded;
    this.reader = reader;
    this.skippedLines = skippedLines;
    this.sink = sink;
  }

  static XmlInput open(ImportSource source, RecordSink sink) throws IOException, ImportException {
    Decoding.Decoded d = Decoding.open(source.open());
    PushbackReader in = new PushbackReader(d.reader(), HEAD);
    int lines = 0;
    int c;
    while ((c = in.read()) >= 0) {
      if (c == '\n') {
        lines++;
      } else if (!(c == ' ' || c == '\t' || c == '\r' || c == '\uFEFF')) {
        in.unread(c);
        break;
      }
    }
    char[] head = new char[HEAD];
    int n = 0;
    int r;
    while (n < HEAD && (r = in.read(head, n, HEAD - n)) > 0) {
      n += r;
    }
    if (n > 0) {
      in.unread(head, 0, n);
    }
    int rootLine = lines + rootLine(new String(head, 0, n));
    try {
      XmlInput x = new XmlInput(d, SafeXml.open((Reader) in), lines, sink);
      x.rootLine = rootLine;
      return x;
    } catch (XMLStreamException e) {
      in.close();
      throw new ImportException("the file cannot be read as XML: " + e.getMessage(), 1, e);
    }
  }

  private static final int HEAD = 1 << 16;
  private int rootLine = 1;

  /**
   * The 1-based line of the root element's start tag within the head text: after the XML
   * declaration, comments, processing instructions and any DOCTYPE. (A StAX reader only knows where
   * a start tag ends, which for a tag written over several lines is later.)
   */
  private static int rootLine(String t) {
    int i = 0;
    while (i < t.length()) {
      int lt = t.indexOf('<', i);
      if (lt < 0) {
        return 1;
      }
      String end =
          t.startsWith("<?", lt)
              ? "?>"
              : t.startsWith("<!--", lt) ? "-->" : t.startsWith("<!", lt) ? ">" : null;
      if (end == null) {
        int line = 1;
        for (int k = 0; k < lt; k++) {
          if (t.charAt(k) == '\n') {
            line++;
          }
        }
        return line;
      }
      int e = t.indexOf(end, lt + 2);
      if (e < 0) {
        return 1;
      }
      i = e + end.length();
    }
    return 1;
  }

  /** The 1-based line where the root element starts. */
  long rootLine() {
    return rootLine;
  }

  XMLStreamReader reader() {
    return reader;
  }

  /** The 1-based line of the reader's current position in the file. */
  long line() {
    try {
      return Math.max(1, reader.getLocation().getLineNumber()) + skippedLines;
    } catch (RuntimeException e) {
      return 0;
    }
  }

  /** The ImportException for an XML error: where it is and what it is, in plain words. */
  ImportException failure(XMLStreamException e) {
    long at =
        e.getLocation() != null && e.getLocation().getLineNumber() > 0
            ? e.getLocation().getLineNumber() + skippedLines
            : line();
    String msg = e.getMessage() == null ? e.toString() : e.getMessage();
    if (e instanceof SafeXml.DoctypeRefusedException) {
      return new ImportException(msg, at, e);
    }
    // StAX messages start with "ParseError at [row,col]:[r,c]\nMessage: ..."; keep the message.
    int m = msg.indexOf("Message:");
    if (m >= 0) {
      msg = msg.substring(m + "Message:".length()).strip();
    }
    return new ImportException("the XML is cut off or malformed at line " + at + ": " + msg, at, e);
  }

  @Override
  public void close() throws IOException {
    try {
      reader.close();
    } catch (XMLStreamException ignored) {
      // closing a reader over a local file loses nothing
    }
    try {
      decoded.reader().close();
    } finally {
      decoded.notes().forEach(sink::warn);
    }
  }
}
