package dev.rehearsal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.app.Period;
import dev.rehearsal.app.Session;
import dev.rehearsal.task.TaskMonitor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PDF reports read back with PDFBox: headings, figures and table rows that match the
 * workspace's known answer; text in every script; the empty cases; the page structure.
 */
class PdfReportsTest {
  @TempDir static Path dir;
  static Session session;
  static Path quarterly;
  static Path pack;

  @BeforeAll
  static void make() throws IOException {
    ReportWorkspace.fill(dir.resolve("ws"));
    session = Session.open(dir.resolve("ws"));
    quarterly = dir.resolve("q3.pdf");
    new QuarterlyPdfExporter(session)
        .write(ExportScope.of(Period.quarter("2026-Q3")), quarterly, TaskMonitor.NONE);
    if (System.getProperty("reports.keep") != null) {
      java.nio.file.Files.copy(
          quarterly,
          Path.of(System.getProperty("reports.keep"), "q3.pdf"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    pack = dir.resolve("pack.pdf");
    new PostmortemPdfExporter(session)
        .write(ExportScope.incident("OPS-101"), pack, TaskMonitor.NONE);
    if (System.getProperty("reports.keep") != null) {
      java.nio.file.Files.copy(
          pack,
          Path.of(System.getProperty("reports.keep"), "pack.pdf"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
  }

  @AfterAll
  static void close() throws IOException {
    session.close();
  }

  /** The titles of a PDF's bookmarks, each checked to lead to a page. */
  static List<String> bookmarks(Path pdf) throws IOException {
    try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
      List<String> titles = new ArrayList<>();
      for (var item : d.getDocumentCatalog().getDocumentOutline().children()) {
        titles.add(item.getTitle());
        assertNotNull(item.findDestinationPage(d), "the bookmark " + item.getTitle() + " leads");
      }
      return titles;
    }
  }

  @Test
  void everyBookmarkLeadsToItsSection() throws IOException {
    assertEquals(6, bookmarks(quarterly).size());
    assertEquals(6, bookmarks(pack).size());
    Path notAnalysed = dir.resolve("long.pdf");
    new PostmortemPdfExporter(session)
        .write(ExportScope.incident("OPS-104"), notAnalysed, TaskMonitor.NONE);
    assertTrue(text(notAnalysed).contains("has not been analysed yet"), "OPS-104 is not");
    assertEquals(
        List.of("1  The incident", "6  Questions for the meeting"), bookmarks(notAnalysed));
  }

  static String text(Path pdf) throws IOException {
    try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
      return new PDFTextStripper().getText(d);
    }
  }

  @Test
  void theQuarterlyReportHoldsTheHeadingsAndFiguresOfTheQuarter() throws IOException {
    String t = text(quarterly).replaceAll("\\s+", " ");
    for (String heading :
        List.of(
            "Staging escapes",
            "Contents",
            "1 Headline figures",
            "2 Trends",
            "3 Staging fidelity: what to fix first",
            "4 Repeat offenders",
            "5 The period's escapes",
            "Appendix: how these figures were made",
            "Rules and settings in force",
            "Data sources",
            "Measured agreement with reviewers")) {
      assertTrue(t.contains(heading), "heading " + heading);
    }
    assertTrue(t.contains("2026-Q3 (2026-07-01 to 2026-09-30"), "the period on the cover");
    // 3 analysed incidents, 2 caused by a change, both escapes: 100 %
    assertTrue(
        Pattern.compile("3\\s+2\\s+2\\s+100\\.0 %").matcher(t).find(),
        "headline figures: " + t.substring(0, Math.min(t.length(), 1500)));
    assertTrue(t.contains("Escapes 2 0 +2"), "against the previous quarter");
    // the escapes table, newest first, with change, verdict, gap and evidence
    String table = t.substring(t.lastIndexOf("5 The period's escapes"));
    int c = table.indexOf("OPS-103");
    int a = table.indexOf("OPS-101");
    assertTrue(c > 0 && a > c, "both escapes listed, newest first: " + table);
    assertTrue(
        Pattern.compile("checkout 4\\.2\\.0 to production at 2026-\\s?07-\\s?10 07:30 UTC")
            .matcher(table)
            .find(),
        "the change, wherever the cell wraps it: " + table);
    assertTrue(t.contains("config key db.pool.max differs: production 50, staging 10"), "evidence");
    assertTrue(
        table.substring(c, a).contains("reviewed"), "the reviewed escape is marked: " + table);
    assertFalse(
        table.substring(a, table.indexOf("Appendix")).contains("reviewed"), "the other is not");
    assertFalse(t.contains("OPS-099"), "the incident of the quarter before is not listed");
    // the one review named mocks where the engine said unexplained
    assertTrue(t.contains("the first gap of an escape 1 0 0.0 %"), "agreement with reviewers");
    assertTrue(t.contains("1 incident reviewed in the whole workspace"), "agreement");
    // the method's accuracy where the answer is known, each row naming its data
    assertTrue(t.contains("Measured accuracy of the method"), "the method's accuracy");
    for (String[] row :
        QuarterlyPdfExporter.methodAccuracyRows()
            .subList(1, QuarterlyPdfExporter.methodAccuracyRows().size())) {
      assertTrue(t.contains(row[0]), "a row for " + row[0]);
    }
    String[] regulated =
        QuarterlyPdfExporter.methodAccuracyRows().stream()
            .filter(r -> r[0].equals("held-out wording H: regulated, seeds 81, 82"))
            .findFirst()
            .orElseThrow();
    // the row's cells in order, before the next row (a wrapped cell may break inside a figure)
    int at = t.indexOf(regulated[0]);
    int next = t.indexOf("held-out", at + regulated[0].length());
    assertTrue(
        at >= 0 && next > at && t.substring(at, next).contains(regulated[2]),
        "the figures beside their data: " + regulated[2]);
  }

  @Test
  void everyScriptPrintsAndAnEmojiTakesOneMark() throws IOException {
    String t = text(pack) + text(quarterly).replaceAll("\\s+", " ");
    assertTrue(t.contains("結帳服務"), "Chinese");
    assertTrue(t.contains("タイムアウト"), "Japanese");
    assertTrue(t.contains("결제 지연"), "Korean");
    assertTrue(t.contains("Ωmega"), "Greek");
    assertTrue(t.contains("Жёлтый"), "Cyrillic");
    assertTrue(t.contains("café"), "Latin with accents");
    assertTrue(
        t.contains("Checkout down \uFFFD\uFFFD again \uFFFD"),
        "each emoji, joined ones too, becomes one replacement mark");
    try (PDDocument d = Loader.loadPDF(quarterly.toFile())) {
      for (PDPage p : d.getPages()) {
        for (COSName n : p.getResources().getFontNames()) {
          PDFont f = p.getResources().getFont(n);
          assertTrue(f.isEmbedded(), "font embedded: " + f.getName());
        }
      }
    }
  }

  @Test
  void theTableOfContentsGivesPagesAndEveryPageItsNumber() throws IOException {
    try (PDDocument d = Loader.loadPDF(quarterly.toFile())) {
      int pages = d.getNumberOfPages();
      assertTrue(pages >= 6, "cover, headline, trends, fidelity, offenders, escapes, appendix");
      PDFTextStripper s = new PDFTextStripper();
      s.setStartPage(2);
      s.setEndPage(2);
      String toc = s.getText(d);
      Matcher m = Pattern.compile("5 The period's escapes[ .]*(\\d+)").matcher(toc);
      assertTrue(m.find(), "the contents give the escapes' page: " + toc);
      int escapesPage = Integer.parseInt(m.group(1));
      s.setStartPage(escapesPage);
      s.setEndPage(escapesPage);
      assertTrue(s.getText(d).contains("5 The period's escapes"), "and it is there");
      for (int p = 2; p <= pages; p++) {
        s.setStartPage(p);
        s.setEndPage(p);
        assertTrue(s.getText(d).contains("Page " + p + " of " + pages), "page number on " + p);
      }
    }
  }

  @Test
  void longTitlesWrapInsideThePage() throws IOException {
    Path all = dir.resolve("long.pdf");
    new PostmortemPdfExporter(session)
        .write(ExportScope.incident("OPS-104"), all, TaskMonitor.NONE);
    try (PDDocument d = Loader.loadPDF(all.toFile())) {
      float width = d.getPage(0).getMediaBox().getWidth();
      List<Float> rightEdges = new ArrayList<>();
      PDFTextStripper s =
          new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) {
              for (TextPosition p : positions) {
                rightEdges.add(p.getXDirAdj() + p.getWidthDirAdj());
              }
            }
          };
      String t = s.getText(d);
      assertFalse(rightEdges.isEmpty());
      for (float x : rightEdges) {
        assertTrue(x <= width - 30, "text runs past the right margin at " + x + " of " + width);
      }
      assertTrue(text(all).contains("several hours"), "the whole title is printed");
      assertTrue(t.isEmpty() || t.length() > 0);
    }
  }

  @Test
  void thePostmortemPackHoldsTheChangeTheGapsAndQuestions() throws IOException {
    String t = text(pack);
    for (String heading :
        List.of(
            "OPS-101: ",
            "Timeline",
            "2 The change behind it",
            "Alternatives weighed",
            "3 What staging said",
            "4 The gaps and their evidence",
            "5 Review",
            "6 Questions for the meeting")) {
      assertTrue(t.contains(heading), "heading " + heading);
    }
    assertTrue(t.contains("checkout 4.2.0 to production at 2026-07-10 07:30 UTC"));
    assertTrue(t.contains("config — score 0.82 (in force)"), t);
    assertTrue(t.contains("config key db.pool.max differs: production 50, staging 10"));
    assertTrue(
        t.replace("\n", " ")
            .contains(
                "Staging's db.pool.max (10) differs from production's (50): who owns keeping"
                    + " them in step?"),
        "a question drawn from the drifted key");
    assertTrue(t.contains("Not reviewed yet"));
  }

  @Test
  void anEmptyQuarterAndAnEmptyWorkspaceSaySo() throws IOException {
    Path empty = dir.resolve("empty-quarter.pdf");
    new QuarterlyPdfExporter(session)
        .write(ExportScope.of(Period.quarter("2025-Q1")), empty, TaskMonitor.NONE);
    String t = text(empty);
    assertTrue(t.contains("Nothing to report"));
    assertTrue(t.contains("No incident of the workspace began in 2025-Q1"), t);
    // none of its bookmarks names a section the empty report does not have
    assertEquals(
        List.of("Nothing to report", "Appendix: how these figures were made"), bookmarks(empty));
    try (Session none = Session.openOrCreate(dir.resolve("empty-ws"))) {
      Path nothing = dir.resolve("empty-ws.pdf");
      new QuarterlyPdfExporter(none)
          .write(ExportScope.of(Period.quarter("2026-Q3")), nothing, TaskMonitor.NONE);
      assertTrue(text(nothing).contains("The workspace holds no incidents at all"));
      Path csv = dir.resolve("empty.csv");
      new IncidentsCsvExporter(none, CsvFormat.RFC_4180)
          .write(ExportScope.of(Period.ALL), csv, TaskMonitor.NONE);
      assertEquals(
          String.join(",", IncidentsCsvExporter.HEADER) + "\r\n",
          java.nio.file.Files.readString(csv));
    }
  }
}
