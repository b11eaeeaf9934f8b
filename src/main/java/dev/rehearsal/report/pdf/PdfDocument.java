package dev.rehearsal.report.pdf;

import com.openhtmltopdf.extend.FSObjectDrawer;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.render.DefaultObjectDrawerFactory;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jfree.chart.JFreeChart;

/**
 * A report laid out from XHTML and CSS to PDF (openhtmltopdf on PDFBox, decision 0015): the
 * embedded fonts, A4 pages with their numbers, a table of contents, table headers repeated on every
 * page a table runs over, and charts drawn as vectors where the markup holds {@code <object
 * type="application/x-chart" data-chart="id"/>}.
 */
public final class PdfDocument {
  /** The object type the markup gives a chart. */
  public static final String CHART_TYPE = "application/x-chart";

  private final Map<String, JFreeChart> charts = new LinkedHashMap<>();

  /**
   * Loggers kept quiet below warnings: openhtmltopdf logs every font it loads at INFO, and PDFBox
   * warns that no Helvetica is installed when the chart drawer sets up its default font, which the
   * reports never print with (their text uses the embedded fonts; chart labels are drawn as
   * shapes). Held here so the settings stay.
   */
  private static final java.util.logging.Logger QUIET =
      quiet("org.apache.pdfbox.pdmodel.font.PDType1Font", java.util.logging.Level.SEVERE);

  /** PDFBox says at INFO that it builds its font cache (once per machine): not news to a user. */
  private static final java.util.logging.Logger QUIET_CACHE =
      quiet(
          "org.apache.pdfbox.pdmodel.font.FileSystemFontProvider", java.util.logging.Level.WARNING);

  static {
    for (String name : com.openhtmltopdf.util.XRLog.listRegisteredLoggers()) {
      com.openhtmltopdf.util.XRLog.setLevel(name, java.util.logging.Level.WARNING);
    }
  }

  private static java.util.logging.Logger quiet(String name, java.util.logging.Level level) {
    java.util.logging.Logger l = java.util.logging.Logger.getLogger(name);
    l.setLevel(level);
    return l;
  }

  /** Adds a chart; returns the markup that places it, {@code height} in millimetres. */
  public String chart(String id, JFreeChart chart, int heightMm) {
    charts.put(id, chart);
    return "<object type=\""
        + CHART_TYPE
        + "\" data-chart=\""
        + Html.escape(id)
        + "\" style=\"width: 100%; height: "
        + heightMm
        + "mm;\"></object>";
  }

  /** The stylesheet every report shares; {@code runningTitle} stands at the top of each page. */
  public static String css(String runningTitle) {
    String title = runningTitle.replace("\\", "\\\\").replace("\"", "\\\"");
    return "@page { size: A4; margin: 20mm 16mm 18mm 16mm;"
        + " @top-left { content: \""
        + title
        + "\"; font-family: "
        + ReportFonts.CSS_FAMILIES
        + "; font-size: 7.5pt; color: #777; }"
        + " @bottom-right { content: \"Page \" counter(page) \" of \" counter(pages);"
        + " font-family: "
        + ReportFonts.CSS_FAMILIES
        + "; font-size: 7.5pt; color: #777; } }"
        + "@page :first { @top-left { content: \"\"; } @bottom-right { content: \"\"; } }"
        + "body { font-family: "
        + ReportFonts.CSS_FAMILIES
        + "; font-size: 9.5pt; line-height: 1.35; color: #222; }"
        + "div.cover { page-break-after: always; padding-top: 60mm; }"
        + "div.cover h1 { font-size: 26pt; margin: 0 0 4mm 0; color: #1f4e79; }"
        + "div.cover p.sub { font-size: 13pt; color: #444; margin: 0 0 14mm 0; }"
        + "div.cover table.facts td { padding: 1.2mm 4mm 1.2mm 0; font-size: 10pt; }"
        + "h1 { font-size: 16pt; color: #1f4e79; margin: 0 0 4mm 0; }"
        + "h1.section { page-break-before: always; }"
        + "h2 { font-size: 12pt; color: #1f4e79; margin: 6mm 0 2mm 0; page-break-after: avoid; }"
        + "h3 { font-size: 10pt; margin: 4mm 0 1.5mm 0; page-break-after: avoid; }"
        + "p { margin: 0 0 2mm 0; }"
        + "p.note { color: #666; font-size: 8.5pt; }"
        + "ul { margin: 0 0 2mm 0; padding-left: 5mm; }"
        + "li { margin-bottom: 1mm; }"
        + "table.data { width: 100%; border-collapse: collapse; table-layout: fixed;"
        + " -fs-table-paginate: paginate; -fs-border-rendering: no-bevel; margin: 1mm 0 3mm 0; }"
        + "table.data thead { display: table-header-group; }"
        + "table.data th { background: #e8eef5; text-align: left; font-weight: bold;"
        + " padding: 1.2mm 1.5mm; border-bottom: 0.6pt solid #9ab; font-size: 8.5pt; }"
        + "table.data td { padding: 1mm 1.5mm; border-bottom: 0.4pt solid #ddd; font-size: 8.5pt;"
        + " vertical-align: top; word-wrap: break-word; }"
        + "table.data tr { page-break-inside: avoid; }"
        + "td.n, th.n { text-align: right; }"
        + "td, th, p, li, h1, h2, h3 { word-wrap: break-word; }"
        + "table.figures td.big { font-size: 18pt; font-weight: bold; color: #1f4e79; }"
        + "table.figures td { padding: 1mm 4mm 1mm 0; vertical-align: bottom; }"
        + "div.toc a { color: #222; text-decoration: none; }"
        + "div.toc p { margin: 0 0 1.5mm 0; }"
        + "div.toc a::after { content: leader('.') target-counter(attr(href), page); }"
        + "div.chart { page-break-inside: avoid; margin: 2mm 0 4mm 0; }"
        + "span.gap { font-weight: bold; }"
        + "div.block { page-break-inside: avoid; }"
        + ".muted { color: #777; }"
        + "blockquote { margin: 1mm 0 2mm 4mm; color: #444; font-size: 8.5pt; }";
  }

  /**
   * Lays the document out and writes the PDF.
   *
   * @param xhtml a whole XHTML document
   */
  public void write(String xhtml, String title, OutputStream out) throws IOException {
    PdfRendererBuilder b = new PdfRendererBuilder();
    b.useFastMode();
    b.withHtmlContent(xhtml, null);
    b.useDefaultPageSize(210, 297, BaseRendererBuilder.PageSizeUnits.MM);
    for (ReportFonts.Face f : ReportFonts.FACES) {
      b.useFont(
          () -> new java.io.ByteArrayInputStream(ReportFonts.embeddable(f.resource())),
          f.family(),
          f.weight(),
          BaseRendererBuilder.FontStyle.NORMAL,
          true);
    }
    DefaultObjectDrawerFactory drawers = new DefaultObjectDrawerFactory();
    drawers.registerDrawer(CHART_TYPE, chartDrawer());
    b.useObjectDrawerFactory(drawers);
    b.withProducer("Rehearsal");
    b.toStream(out);
    b.run();
  }

  private FSObjectDrawer chartDrawer() {
    return (element, x, y, width, height, device, ctx, dotsPerPixel) -> {
      JFreeChart chart = charts.get(element.getAttribute("data-chart"));
      if (chart != null) {
        float w = (float) (width / dotsPerPixel);
        float h = (float) (height / dotsPerPixel);
        device.drawWithGraphics(
            (float) x, (float) y, w, h, g -> chart.draw(g, new Rectangle2D.Double(0, 0, w, h)));
      }
      return null;
    };
  }
}
