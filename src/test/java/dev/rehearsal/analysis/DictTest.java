package dev.rehearsal.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DictTest {

  @Test
  void givesTheIdsAHashMapWouldGiveAcrossManyGrowths() {
    sameIdsAsAHashMap(new Dict());
    sameIdsAsAHashMap(Dict.compact());
  }

  @Test
  void theDefaultDictionaryHandsOutOneStringPerValue() {
    Dict d = new Dict();
    String name = new String("checkout");
    d.id(name);
    assertSame(name, d.value(0));
    assertSame(d.value(0), d.value(0));
    Dict c = Dict.compact();
    c.id(name);
    assertEquals(name, c.value(0));
  }

  @Test
  void findsTheStartOfAnotherDictionarysValueByItsBytes() {
    Dict shas = Dict.compact();
    shas.id("0000000");
    int sha = shas.id("abc1234def");
    int accented = shas.id("\u00e9t\u00e9-2024");
    Dict prefixes = new Dict();
    int seven = prefixes.id("abc1234");
    int five = prefixes.id("abc12");
    int accent = prefixes.id("\u00e9t\u00e9");
    assertEquals(seven, prefixes.findPrefix(shas, sha, 7));
    assertEquals(five, prefixes.findPrefix(shas, sha, 5));
    assertEquals(-1, prefixes.findPrefix(shas, sha, 6));
    assertEquals(-1, prefixes.findPrefix(shas, 0, 7));
    // lengths are in UTF-8 bytes: "\u00e9t\u00e9" is three characters and five bytes
    assertEquals(5, prefixes.byteLength(accent));
    assertEquals(accent, prefixes.findPrefix(shas, accented, 5));
    assertEquals(-1, prefixes.findPrefix(shas, accented, 3));
    assertThrows(IndexOutOfBoundsException.class, () -> prefixes.findPrefix(shas, sha, 11));
  }

  private static void sameIdsAsAHashMap(Dict d) {
    Map<String, Integer> expected = new HashMap<>();
    List<String> order = new ArrayList<>();
    Random random = new Random(11);
    for (int k = 0; k < 50_000; k++) {
      // repeats, near-duplicates and non-ASCII text
      String s =
          switch (random.nextInt(4)) {
            case 0 -> Integer.toHexString(random.nextInt(20_000));
            case 1 -> "v" + random.nextInt(300) + ".é" + random.nextInt(50);
            case 2 -> "服务-" + random.nextInt(1000);
            default -> "";
          };
      Integer want = expected.get(s);
      if (want == null) {
        want = order.size();
        expected.put(s, want);
        order.add(s);
      }
      assertEquals(want, d.id(s), s);
    }
    assertEquals(order.size(), d.size());
    for (int i = 0; i < order.size(); i++) {
      assertEquals(order.get(i), d.value(i));
      assertEquals(i, d.find(order.get(i)));
    }
    assertEquals(-1, d.find("never added"));
    assertEquals(d.size(), order.size(), "find adds nothing");
  }

  @Test
  void valuesWhoseHashesCollideStayApart() {
    // "Aa" and "BB" have the same 31-based hash over their bytes
    Dict d = new Dict();
    assertEquals(0, d.id("Aa"));
    assertEquals(1, d.id("BB"));
    assertEquals(0, d.find("Aa"));
    assertEquals(1, d.find("BB"));
    assertEquals("BB", d.value(1));
  }

  @Test
  void idsFromBytesAreTheIdsOfTheirText() {
    Dict d = new Dict();
    byte[] b = "xxabcxx".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(0, d.id(b, 2, 3));
    assertEquals(0, d.id("abc"));
    assertEquals(1, d.id(b, 0, 2));
    assertEquals("xx", d.value(1));
  }

  @Test
  void columnComparesInCodePointOrderAndSelectsByOrder() {
    Utf8Column c = new Utf8Column();
    for (String s : List.of("b", "a", "ab", "", "é", "z")) {
      c.add(s);
    }
    assertTrue(c.compare(1, 0) < 0);
    assertTrue(c.compare(1, 2) < 0, "a prefix first");
    assertTrue(c.compare(3, 1) < 0, "the empty string first");
    assertTrue(c.compare(5, 4) < 0, "bytes compare unsigned: é after z");
    assertEquals(0, c.compare(2, 2));
    Utf8Column s = c.select(new int[] {3, 1, 2, 0, 5, 4});
    assertEquals(
        List.of("", "a", "ab", "b", "z", "é"),
        List.of(s.get(0), s.get(1), s.get(2), s.get(3), s.get(4), s.get(5)));
    assertEquals(2, c.byteLength(4));
    assertThrows(IndexOutOfBoundsException.class, () -> c.get(6));
    assertEquals(6, c.trim().size());
    assertEquals("é", c.get(4));
  }
}
