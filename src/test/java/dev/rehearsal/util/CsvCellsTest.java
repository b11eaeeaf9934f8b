package dev.rehearsal.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Formula cells are written as text, and read back as they were. */
class CsvCellsTest {
  @Test
  void formulaCellsGetALeadingApostrophe() {
    for (String f : new String[] {"=EVIL()", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"}) {
      assertEquals("'" + f, CsvCells.neutralise(f), f);
      assertEquals(f, CsvCells.restore(CsvCells.neutralise(f)), f);
    }
    for (String plain : new String[] {"checkout", "", "a=b", "'quoted", "1.0", " =x"}) {
      assertEquals(plain, CsvCells.neutralise(plain), plain);
      assertEquals(plain, CsvCells.restore(plain), plain);
    }
    assertEquals(null, CsvCells.neutralise((String) null));
  }

  @Test
  void theWriterNeutralisesEveryCell() throws Exception {
    StringWriter out = new StringWriter();
    try (var csv = CsvCells.writer(out)) {
      csv.writeNext(new String[] {"alias", "service"}, false);
      csv.writeNext(new String[] {"=HYPERLINK(\"http://x\")", "checkout"});
    }
    assertEquals("alias,service\n\"'=HYPERLINK(\"\"http://x\"\")\",\"checkout\"\n", out.toString());
  }
}
