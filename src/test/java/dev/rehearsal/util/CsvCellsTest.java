package dev.rehearsal.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.index.Workspace;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Formula cells are written as text, and read back as they were. */
class CsvCellsTest {
  @TempDir Path dir;

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

  @Test
  void theAliasTableStoresFormulasAsTextAndReadsThemBack() throws Exception {
    try (Workspace w = Workspace.open(dir.resolve("ws"))) {
      w.writes().saveAliases(Map.of("=EVIL()", "checkout", "pay", "-payments"));
      String file =
          Files.readString(
              dir.resolve("ws").resolve(dev.rehearsal.index.WorkspaceFiles.ALIASES_FILE),
              StandardCharsets.UTF_8);
      assertTrue(file.contains("'=EVIL()"), file);
      assertTrue(file.contains("'-payments"), file);
      assertFalse(file.contains("\n=EVIL()"), file);
      assertEquals(Map.of("=EVIL()", "checkout", "pay", "-payments"), w.files().aliases());
    }
  }
}
