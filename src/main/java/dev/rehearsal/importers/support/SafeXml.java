package dev.rehearsal.importers.support;

import java.io.InputStream;
import java.io.Reader;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The only way importers read XML: a streaming StAX reader that never resolves external entities,
 * never loads a DTD, and refuses any document that declares a DOCTYPE (so entity expansion attacks
 * never start). Nothing is ever fetched from the network or the disk.
 */
public final class SafeXml {
  private static final XMLInputFactory FACTORY = createFactory();

  private SafeXml() {}

  private static XMLInputFactory createFactory() {
    XMLInputFactory f = XMLInputFactory.newDefaultFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    f.setProperty(XMLInputFactory.IS_COALESCING, false);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    f.setXMLResolver(
        (publicId, systemId, baseUri, ns) -> {
          throw new XMLStreamException("external entity '" + systemId + "' refused");
        });
    trySet(f, "http://javax.xml.XMLConstants/property/accessExternalDTD", "");
    trySet(f, "http://javax.xml.XMLConstants/property/accessExternalSchema", "");
    return f;
  }

  private static void trySet(XMLInputFactory f, String name, Object value) {
    try {
      f.setProperty(name, value);
    } catch (IllegalArgumentException ignored) {
      // property not known to this StAX implementation; the resolver above still refuses
    }
  }

  /** Thrown when a document declares a DOCTYPE. */
  public static final class DoctypeRefusedException extends XMLStreamException {
    private static final long serialVersionUID = 1L;

    DoctypeRefusedException(int line) {
      super(
          "the XML declares a DOCTYPE (line "
              + line
              + "); documents with DTDs or entity "
              + "declarations are refused for safety and nothing was fetched");
    }
  }

  /** A reader over bytes; the XML declaration or byte-order mark decides the encoding. */
  public static XMLStreamReader open(InputStream in) throws XMLStreamException {
    return guard(FACTORY.createXMLStreamReader(in));
  }

  /** A reader over already-decoded text. */
  public static XMLStreamReader open(Reader in) throws XMLStreamException {
    return guard(FACTORY.createXMLStreamReader(in));
  }

  private static XMLStreamReader guard(XMLStreamReader r) {
    return new javax.xml.stream.util.StreamReaderDelegate(r) {
      @Override
      public int next() throws XMLStreamException {
        int ev = super.next();
        if (ev == XMLStreamConstants.DTD) {
          throw new DoctypeRefusedException(getLocation().getLineNumber());
        }
        if (ev == XMLStreamConstants.ENTITY_REFERENCE) {
          throw new XMLStreamException(
              "entity reference '&"
                  + getLocalName()
                  + ";' refused (line "
                  + getLocation().getLineNumber()
                  + ")");
        }
        return ev;
      }
    };
  }

  /**
   * Reads the text content of the current element up to its end tag, keeping at most {@code max}
   * characters (the rest is counted, not kept) so a 50 MB text node stays cheap. Nested elements'
   * text is included.
   */
  public static String elementText(XMLStreamReader r, int max) throws XMLStreamException {
    StringBuilder sb = new StringBuilder();
    long dropped = 0;
    int depth = 1;
    while (depth > 0) {
      int ev = r.next();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (ev == XMLStreamConstants.END_ELEMENT) {
        depth--;
      } else if (ev == XMLStreamConstants.CHARACTERS
          || ev == XMLStreamConstants.CDATA
          || ev == XMLStreamConstants.SPACE) {
        int len = r.getTextLength();
        int room = max - sb.length();
        if (room > 0) {
          int take = Math.min(room, len);
          sb.append(r.getTextCharacters(), r.getTextStart(), take);
          dropped += len - take;
        } else {
          dropped += len;
        }
      } else if (ev == XMLStreamConstants.END_DOCUMENT) {
        break;
      }
    }
    if (dropped > 0) {
      sb.append(" [... ").append(dropped).append(" characters cut]");
    }
    return sb.toString();
  }

  /** Skips the current element and everything inside it. */
  public static void skipElement(XMLStreamReader r) throws XMLStreamException {
    int depth = 1;
    while (depth > 0 && r.hasNext()) {
      int ev = r.next();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (ev == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
  }
}
