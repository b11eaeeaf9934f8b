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
 * An XML result file opened for streaming through {@link SafeXml}: decoded with the usual
 * encoding rules (byte-order marks, UTF-16, Windows-1252 fallback, reported as warnings), with
 * white space before the XML declaration skipped (JMeter and some CI tools write it; a strict
 * parser refuses it), and with line numbers that still count the skipped lines.
 */
final class XmlInput implements Closeable {
  private final Decoding.Decoded decoded;
  private final XMLStreamReader reader;
  private final int skippedLines;
  private final RecordSink sink;

  private XmlInput(Decoding.Decoded decoded, XMLStreamReader reader, int skippedLines,
      RecordSink sink) {
    this.decoded = decoded;
    this.reader = reader;
    this.skippedLines = skippedLines;
    this.sink = sink;
  }

  static XmlInput open(ImportSource source, RecordSink sink) throws IOException, ImportException {
    Decoding.Decoded d = Decoding.open(source.open());
    PushbackReader in = new PushbackReader(d.reader(), 1);
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
    try {
      return new XmlInput(d, SafeXml.open((Reader) in), lines, sink);
    } catch (XMLStreamException e) {
      in.close();
      throw new ImportException("the file cannot be read as XML: " + e.getMessage(), 1, e);
    }
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
    long at = e.getLocation() != null && e.getLocation().getLineNumber() > 0
        ? e.getLocation().getLineNumber() + skippedLines : line();
    String msg = e.getMessage() == null ? e.toString() : e.getMessage();
    if (e instanceof SafeXml.DoctypeRefusedException) {
      return new ImportException(msg, at, e);
    }
    // StAX messages start with "ParseError at [row,col]:[r,c]\nMessage: ..."; keep the message.
    int m = msg.indexOf("Message:");
    if (m >= 0) {
      msg = msg.substring(m + "Message:".length()).strip();
    }
    return new ImportException("the XML is cut off or malformed at line " + at + ": " + msg,
        at, e);
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
