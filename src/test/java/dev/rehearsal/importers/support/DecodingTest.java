package dev.rehearsal.importers.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DecodingTest {

  private static String read(byte[] bytes, StringBuilder notes) throws Exception {
    Decoding.Decoded d = Decoding.open(new ByteArrayInputStream(bytes));
    StringBuilder sb = new StringBuilder();
    try (Reader r = d.reader()) {
      char[] buf = new char[7]; // small buffer: decoding must work across reads
      int n;
      while ((n = r.read(buf)) > 0) {
        sb.append(buf, 0, n);
      }
    }
    d.notes().forEach(x -> notes.append(x).append('\n'));
    return sb.toString();
  }

  @Test
  void utf8WithAndWithoutBom() throws Exception {
    String text = "Zoë, 東京, 🔥 café";
    StringBuilder notes = new StringBuilder();
    assertEquals(text, read(text.getBytes(StandardCharsets.UTF_8), notes));
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write(bom);
    b.write(text.getBytes(StandardCharsets.UTF_8));
    assertEquals(text, read(b.toByteArray(), notes));
    assertEquals("", notes.toString());
  }

  @Test
  void utf16WithBomBothOrders() throws Exception {
    String text = "id,title\n1,Zoë 東京\n";
    StringBuilder notes = new StringBuilder();
    assertEquals(text, read(text.getBytes(StandardCharsets.UTF_16), notes)); // BE with BOM
    ByteArrayOutputStream le = new ByteArrayOutputStream();
    le.write(0xFF);
    le.write(0xFE);
    le.write(text.getBytes(StandardCharsets.UTF_16LE));
    assertEquals(text, read(le.toByteArray(), notes));
  }

  @Test
  void invalidUtf8IsReadAsWindows1252WithAWarning() throws Exception {
    byte[] cp1252 = "Caf\u00e9 \u201cquoted\u201d \u20ac5".getBytes(Decoding.CP1252);
    StringBuilder notes = new StringBuilder();
    assertEquals("Caf\u00e9 \u201cquoted\u201d \u20ac5", read(cp1252, notes));
    assertTrue(notes.toString().contains("Windows-1252"), notes.toString());
  }

  @Test
  void aStrayInvalidByteLateInAUtf8FileIsKeptAndCounted() throws Exception {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    String head = "x".repeat(2_000_000) + "é";
    b.write(head.getBytes(StandardCharsets.UTF_8));
    b.write(0xE9); // a lone cp1252 é after the sniffed part
    b.write("nd".getBytes(StandardCharsets.UTF_8));
    StringBuilder notes = new StringBuilder();
    String out = read(b.toByteArray(), notes);
    assertTrue(out.endsWith("éénd"), out.substring(out.length() - 10));
    assertTrue(notes.toString().contains("1 byte(s) were not valid UTF-8"), notes.toString());
  }

  @Test
  void oneInvalidByteLeavesTheValidUtf8AsUtf8AndSaysWhere() throws Exception {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write("id,name\n1,Łukasz café 🙁\n2,caf".getBytes(StandardCharsets.UTF_8));
    b.write(0xE9); // Windows-1252 é, in the first kilobytes of the file
    b.write("\n3,Łukasz café 🙁\n".getBytes(StandardCharsets.UTF_8));
    StringBuilder notes = new StringBuilder();
    String out = read(b.toByteArray(), notes);
    assertEquals("id,name\n1,Łukasz café 🙁\n2,café\n3,Łukasz café 🙁\n", out);
    assertTrue(
        notes.toString().contains("1 byte(s) were not valid UTF-8 and were read as Windows-1252"),
        notes.toString());
    assertTrue(notes.toString().contains("line 3"), notes.toString());
    assertTrue(notes.toString().contains("everything else was read as UTF-8"), notes.toString());
  }

  @Test
  void invalidSequencesAreNotReadAsUtf8() throws Exception {
    // an overlong form, a surrogate, a sequence cut by the end: each byte read as Windows-1252
    byte[] bytes = {
      (byte) 0xC0,
      (byte) 0xAF,
      ' ',
      (byte) 0xED,
      (byte) 0xA0,
      (byte) 0x80,
      ' ',
      (byte) 0xE2,
      (byte) 0x82
    };
    StringBuilder notes = new StringBuilder();
    String out = read(bytes, notes);
    String cp = new String(bytes, Decoding.CP1252);
    assertEquals(cp, out);
    assertTrue(notes.toString().contains("read as Windows-1252"), notes.toString());
  }

  @Test
  void nulBytesAreRemovedWhereverTheyAreAndSaidWhere() throws Exception {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write("a,b\n1,x".getBytes(StandardCharsets.UTF_8));
    b.write(0);
    b.write(",y\n".getBytes(StandardCharsets.UTF_8));
    b.write("2,z\n".repeat(40_000).getBytes(StandardCharsets.UTF_8));
    b.write(0);
    b.write(0);
    b.write("3,w\n".getBytes(StandardCharsets.UTF_8));
    StringBuilder notes = new StringBuilder();
    String out = read(b.toByteArray(), notes);
    assertEquals(-1, out.indexOf('\u0000'));
    assertTrue(out.startsWith("a,b\n1,x,y\n2,z\n"));
    assertTrue(out.endsWith("2,z\n3,w\n"));
    assertTrue(
        notes.toString().contains("3 NUL byte(s) were removed (lines 2 and 40003)"),
        notes.toString());
  }
}
