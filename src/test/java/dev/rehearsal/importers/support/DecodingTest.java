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
}
