package dev.rehearsal.report.pdf;

/**
 * A well-formed XHTML document written by hand, as the PDF layout reads it: text is escaped and
 * stripped of characters XML cannot hold, so no incident title can break the markup.
 */
public final class Html {
  private final StringBuilder sb = new StringBuilder(1 << 16);

  /** Opens an element: {@code open("table", "class=\"data\"")}. */
  public Html open(String tag, String attributes) {
    sb.append('<').append(tag);
    if (attributes != null && !attributes.isEmpty()) {
      sb.append(' ').append(attributes);
    }
    sb.append('>');
    return this;
  }

  public Html open(String tag) {
    return open(tag, null);
  }

  public Html close(String tag) {
    sb.append("</").append(tag).append('>');
    return this;
  }

  /** An element holding text: {@code el("td", "class=\"n\"", "42")}. */
  public Html el(String tag, String attributes, String text) {
    return open(tag, attributes).text(text).close(tag);
  }

  public Html el(String tag, String text) {
    return el(tag, null, text);
  }

  /** Escaped text. */
  public Html text(String text) {
    sb.append(escape(text));
    return this;
  }

  /** Markup written as it is (only ever the reports' own, never data). */
  public Html raw(String markup) {
    sb.append(markup);
    return this;
  }

  @Override
  public String toString() {
    return sb.toString();
  }

  /** Text escaped for XHTML, with characters XML 1.0 cannot hold left out. */
  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&':
          out.append("&amp;");
          break;
        case '<':
          out.append("&lt;");
          break;
        case '>':
          out.append("&gt;");
          break;
        case '"':
          out.append("&quot;");
          break;
        case '\'':
          out.append("&#39;");
          break;
        default:
          if (Character.isHighSurrogate(c)
              && i + 1 < text.length()
              && Character.isLowSurrogate(text.charAt(i + 1))) {
            out.append(c).append(text.charAt(++i));
          } else if (allowed(c)) {
            out.append(c);
          }
      }
    }
    return out.toString();
  }

  private static boolean allowed(char c) {
    if (Character.isSurrogate(c)) {
      return false; // a lone half of a pair
    }
    return c == '\t'
        || c == '\n'
        || c == '\r'
        || (c >= 0x20 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD);
  }
}
