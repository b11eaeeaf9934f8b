package dev.rehearsal.report;

import dev.rehearsal.report.pdf.Html;
import dev.rehearsal.report.pdf.ReportFonts;
import dev.rehearsal.util.Texts;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Small pieces the PDF reports share: printable text, figures, dates, tables. */
final class PdfParts {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private PdfParts() {}

  /** Data text as the embedded fonts can print it (an emoji becomes U+FFFD). */
  static String t(String text) {
    return ReportFonts.printable(text);
  }

  static String pct(Double share) {
    return share == null ? "\u2013" : Texts.fixed(share * 100, 1) + " %";
  }

  static String n(long v) {
    return Texts.grouped(v);
  }

  static String day(Instant at) {
    return at == null ? "" : DAY.format(at);
  }

  static String minute(Instant at) {
    return at == null ? "" : MINUTE.format(at);
  }

  /**
   * Opens a data table with its header row (none when {@code headers} is null), repeated on every
   * page the table runs over; widths in percent; {@code numeric} marks right-aligned columns.
   */
  static void table(Html h, String[] headers, int[] widths, boolean[] numeric) {
    h.open("table", "class=\"data\"");
    for (int w : widths) {
      h.raw("<col style=\"width: " + w + "%;\"/>");
    }
    if (headers != null) {
      h.open("thead").open("tr");
      for (int i = 0; i < headers.length; i++) {
        h.el("th", numeric != null && numeric[i] ? "class=\"n\"" : null, headers[i]);
      }
      h.close("tr").close("thead");
    }
    h.open("tbody");
  }

  static void row(Html h, boolean[] numeric, String... cells) {
    h.open("tr");
    for (int i = 0; i < cells.length; i++) {
      h.open("td", numeric != null && numeric[i] ? "class=\"n\"" : null);
      String[] lines = t(cells[i]).split("\n", -1);
      for (int k = 0; k < lines.length; k++) {
        if (k > 0) {
          h.raw("<br/>");
        }
        h.text(lines[k]);
      }
      h.close("td");
    }
    h.close("tr");
  }

  static void endTable(Html h) {
    h.close("tbody").close("table");
  }

  /** The start of a report's XHTML: the stylesheet, the title, the PDF's outline. */
  static void begin(Html h, String title, String css, String[][] outline) {
    h.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        .raw("<html xmlns=\"http://www.w3.org/1999/xhtml\"><head>")
        .el("title", t(title))
        .raw("<style>")
        .raw(Html.escape(css).replace("&quot;", "\"").replace("&#39;", "'"))
        .raw("</style>");
    if (outline.length > 0) {
      h.raw("<bookmarks>");
      for (String[] o : outline) {
        h.raw("<bookmark name=\"" + Html.escape(o[1]) + "\" href=\"#" + o[0] + "\"/>");
      }
      h.raw("</bookmarks>");
    }
    h.raw("</head><body>");
  }

  static void end(Html h) {
    h.raw("</body></html>");
  }

  /** A table of contents whose entries carry the page each section starts on. */
  static void toc(Html h, String[][] outline) {
    h.raw("<div class=\"toc\">").el("h2", "Contents");
    for (String[] o : outline) {
      h.raw("<p><a href=\"#" + o[0] + "\">").text(o[1]).raw("</a></p>");
    }
    h.raw("</div>");
  }
}
