package dev.rehearsal.importers.support;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The delimited-text reader: well-formed files read as RFC 4180 says (checked against OpenCSV's RFC
 * 4180 parser on generated tables), and a quote that is never closed costs its own row only, with
 * work linear in the file.
 */
public class CsvRecordsTest {

  static final String HEADER =
      "Incident ID,Incident Number,Title,Description,Service Name,Escalation Policy,Urgency,"
          + "Priority,Status,Created At,Resolved At,Team,URL";

  /**
   * A PagerDuty-style export of {@code rows} rows whose row {@code bad} opens a quote (0: none).
   */
  public static String pagerDuty(int rows, int bad) {
    StringBuilder sb = new StringBuilder(HEADER).append('\n');
    for (int i = 1; i <= rows; i++) {
      String title = i == bad ? "\"Payment down, row " + i : "Checkout latency high " + i;
      sb.append("Q")
          .append(i)
          .append(',')
          .append(1000 + i)
          .append(',')
          .append(title)
          .append(",,Checkout API,Payments on-call,high,P1,resolved,2024-03-04T22:14:05Z,")
          .append("2024-03-04T23:40:11Z,Payments,https://acme.pagerduty.com/incidents/Q")
          .append(i)
          .append('\n');
    }
    return sb.toString();
  }

  private static List<CsvRecords.Record> read(String text, int width) throws IOException {
    List<CsvRecords.Record> out = new ArrayList<>();
    try (CsvRecords r = new CsvRecords(new StringReader(text), ',')) {
      r.expectWidth(width);
      CsvRecords.Record rec;
      while ((rec = r.next()) != null) {
        out.add(rec);
      }
    }
    return out;
  }

  private static long work(String text, int width) throws IOException {
    try (CsvRecords r = new CsvRecords(new StringReader(text), ',')) {
      r.expectWidth(width);
      while (r.next() != null) {
        // read to the end
      }
      return r.work();
    }
  }

  private static List<String[]> openCsv(String text) throws Exception {
    List<String[]> out = new ArrayList<>();
    try (CSVReader r =
        new CSVReaderBuilder(new BufferedReader(new StringReader(text)))
            .withCSVParser(new RFC4180ParserBuilder().build())
            .withKeepCarriageReturn(false)
            .build()) {
      String[] row;
      while ((row = r.readNext()) != null) {
        out.add(row);
      }
    }
    return out;
  }

  @Test
  void anUnclosedQuoteInRowThreeCostsThatRowOnly() throws Exception {
    List<CsvRecords.Record> recs = read(pagerDuty(1000, 3), 13);
    assertEquals(1001, recs.size(), "header + 1,000 rows");
    List<CsvRecords.Record> broken = recs.stream().filter(CsvRecords.Record::broken).toList();
    assertEquals(1, broken.size());
    assertEquals(4, broken.get(0).line(), "row 3 is on line 4");
    assertTrue(broken.get(0).problem().contains("never closed"), broken.get(0).problem());
    assertEquals("Q4", recs.get(4).cells()[0]);
    assertEquals(5, recs.get(4).line());
    assertEquals("Q1000", recs.get(1000).cells()[0]);
  }

  @Test
  void anUnclosedQuoteNearTheEndCostsThatRowOnly() throws Exception {
    List<CsvRecords.Record> recs = read(pagerDuty(1000, 999), 13);
    assertEquals(1001, recs.size());
    assertTrue(recs.get(999).broken(), "row 999");
    assertEquals("Q1000", recs.get(1000).cells()[0]);
    List<CsvRecords.Record> last = read(pagerDuty(10, 10), 13);
    assertEquals(11, last.size());
    assertTrue(last.get(10).broken());
    assertTrue(last.get(10).problem().contains("the file ends inside it"));
  }

  @Test
  void theRowsAfterAnUnclosedQuoteAreReadEvenWhenTheyHoldQuotedLineBreaks() throws Exception {
    // row 2 opens a quote; row 3 has a legitimate quoted cell over two lines, so the lines after
    // row 2 do not all read as rows on their own: the file's end brings the rows back
    String text =
        "id,title,note\n"
            + "1,one,fine\n"
            + "2,\"two,broken\n"
            + "3,three,\"spans\n"
            + "two lines\"\n"
            + "4,four,fine\n";
    List<CsvRecords.Record> recs = read(text, 3);
    assertEquals(5, recs.size(), recs.toString());
    assertTrue(recs.get(2).broken());
    assertEquals(3, recs.get(2).line());
    assertArrayEquals(new String[] {"3", "three", "spans\ntwo lines"}, recs.get(3).cells());
    assertArrayEquals(new String[] {"4", "four", "fine"}, recs.get(4).cells());
  }

  @Test
  void legitimateQuotedLineBreaksStayInTheirCell() throws Exception {
    String text =
        "id,title,note\n"
            + "1,\"a, b\",\"first line\n"
            + "second line, with commas\n"
            + "third line\"\n"
            + "2,x,\"\"\"quoted\"\" word\"\r\n"
            + "3,y,z\r"
            + "4,\"cr\rinside\",w\n";
    List<CsvRecords.Record> recs = read(text, 3);
    assertEquals(5, recs.size());
    assertArrayEquals(
        new String[] {"1", "a, b", "first line\nsecond line, with commas\nthird line"},
        recs.get(1).cells());
    assertEquals(5, recs.get(2).line());
    assertArrayEquals(new String[] {"2", "x", "\"quoted\" word"}, recs.get(2).cells());
    assertArrayEquals(new String[] {"3", "y", "z"}, recs.get(3).cells());
    assertArrayEquals(new String[] {"4", "cr\ninside", "w"}, recs.get(4).cells());
  }

  @Test
  void aTwoColumnFileNeedsMoreRowsAheadBeforeItCallsAQuoteRunaway() throws Exception {
    // prose with one comma per line inside a quoted cell of a two-column file: three such lines
    // are not enough to end the cell
    String text = "k,v\n" + "a,\"one, two\n" + "three, four\n" + "five, six\n" + "seven\"\n";
    List<CsvRecords.Record> recs = read(text, 2);
    assertEquals(2, recs.size());
    assertEquals("one, two\nthree, four\nfive, six\nseven", recs.get(1).cells()[1]);
  }

  @Test
  void textAfterAClosingQuoteIsKept() throws Exception {
    List<CsvRecords.Record> recs = read("a,b\n\"x\"y,z\n", 2);
    assertArrayEquals(new String[] {"xy", "z"}, recs.get(1).cells());
    // a space after a cell over two lines is only a space
    List<CsvRecords.Record> spaced = read("a,b\n\"x\ny\" ,z\n", 2);
    assertArrayEquals(new String[] {"x\ny ", "z"}, spaced.get(1).cells());
  }

  @Test
  void aRecordLongerThanTheLimitIsBrokenNotHeld() throws Exception {
    String huge = "x".repeat(CsvRecords.MAX_RECORD_CHARS + 10);
    List<CsvRecords.Record> recs = read("a,b\n1," + huge + "\n2,ok\n", 2);
    assertEquals(3, recs.size());
    assertTrue(recs.get(1).broken());
    assertTrue(recs.get(1).problem().contains("longer than"), recs.get(1).problem());
    assertArrayEquals(new String[] {"2", "ok"}, recs.get(2).cells());
    List<CsvRecords.Record> quoted = read("a,b\n1,\"" + huge + "\"\n2,ok\n", 2);
    assertTrue(quoted.get(1).broken());
    assertArrayEquals(new String[] {"2", "ok"}, quoted.get(2).cells());
  }

  @Test
  void readingStaysLinearWhateverTheQuotesDo() throws Exception {
    long w10 = work(pagerDuty(10_000, 3), 13);
    long w20 = work(pagerDuty(20_000, 3), 13);
    long w40 = work(pagerDuty(40_000, 3), 13);
    // quadratic re-reading gives 16 from 10k to 40k rows; linear gives 4 (and a little less,
    // as the header and the broken row do not grow)
    assertTrue(w20 < 2.2 * w10, w10 + " -> " + w20);
    assertTrue(w40 < 4.4 * w10, w10 + " -> " + w40);
    // the same files without the stray quote grow alike, and the quote costs a few lines' work,
    // not a share of the file
    long c10 = work(pagerDuty(10_000, 0), 13);
    long c40 = work(pagerDuty(40_000, 0), 13);
    assertTrue(c40 < 4.4 * c10, c10 + " -> " + c40);
    assertTrue(w10 < 1.05 * c10 && w40 < 1.05 * c40, w10 + " / " + c10 + ", " + w40 + " / " + c40);
    // every character is looked at a few times at most
    String text = pagerDuty(40_000, 3);
    assertTrue(w40 < 3L * text.length(), w40 + " for " + text.length() + " characters");
    // the worst case for reading again: every other line opens a quote
    StringBuilder sb = new StringBuilder("a,b,c\n");
    for (int i = 0; i < 20_000; i++) {
      sb.append(i % 2 == 0 ? "1,\"x,y\n" : "2,z,w\n");
    }
    long bad = work(sb.toString(), 3);
    assertTrue(bad < 6L * sb.length(), bad + " for " + sb.length() + " characters");
  }

  @Test
  void noRowsIsNothing() throws Exception {
    assertEquals(0, read("", 3).size());
    try (CsvRecords r = new CsvRecords(new StringReader("\n\n  \nid,x\n"))) {
      assertEquals("id,x", r.peekNonBlank());
      assertArrayEquals(new String[] {""}, r.next().cells());
    }
    assertNull(new CsvRecords(new StringReader("")).peekNonBlank());
  }

  /** Well-formed tables read the same as OpenCSV's RFC 4180 parser reads them. */
  @Test
  void wellFormedTablesReadAsRfc4180Says() throws Exception {
    java.util.Random random = new java.util.Random(20240304L);
    String alphabet = "abc ,\"\n";
    for (int t = 0; t < 300; t++) {
      int width = 1 + random.nextInt(6);
      int rows = 1 + random.nextInt(20);
      StringBuilder sb = new StringBuilder();
      for (int r = 0; r < rows; r++) {
        for (int i = 0; i < width; i++) {
          if (i > 0) {
            sb.append(',');
          }
          StringBuilder c = new StringBuilder();
          int len = random.nextInt(13);
          for (int k = 0; k < len; k++) {
            c.append(alphabet.charAt(random.nextInt(alphabet.length())));
          }
          String cell = c.toString();
          boolean quote =
              cell.isEmpty()
                  || cell.indexOf(',') >= 0
                  || cell.indexOf('"') >= 0
                  || cell.indexOf('\n') >= 0;
          sb.append(quote ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell);
        }
        sb.append('\n');
      }
      String text = sb.toString();
      List<String[]> expected = openCsv(text);
      List<CsvRecords.Record> actual = read(text, width);
      assertEquals(expected.size(), actual.size(), text);
      for (int i = 0; i < expected.size(); i++) {
        assertArrayEquals(expected.get(i), actual.get(i).cells(), text);
      }
    }
  }
}
