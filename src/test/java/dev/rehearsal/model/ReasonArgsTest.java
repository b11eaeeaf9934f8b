package dev.rehearsal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A reason's arguments behave as the LinkedHashMap they replace. */
class ReasonArgsTest {
  @Test
  void putsAndReplacesAsALinkedHashMap() {
    Random r = new Random(7);
    String[] names = {"deploy", "service", "at", "beforeMs", "x", "y"};
    for (int n = 0; n < 2000; n++) {
      Map<String, String> expected = new LinkedHashMap<>();
      ReasonArgs.Builder b = new ReasonArgs.Builder(r.nextInt(3));
      for (int k = r.nextInt(9); k > 0; k--) {
        String name = names[r.nextInt(names.length)];
        String value = r.nextInt(10) == 0 ? null : Integer.toString(r.nextInt(100));
        expected.put(name, value);
        b.put(name, value);
      }
      ReasonArgs args = b.build();
      // another one with the same entries, put in reverse order: equal, with the same hash
      List<Map.Entry<String, String>> entries = new ArrayList<>(expected.entrySet());
      ReasonArgs.Builder reversed = new ReasonArgs.Builder(entries.size());
      for (int k = entries.size() - 1; k >= 0; k--) {
        reversed.put(entries.get(k).getKey(), entries.get(k).getValue());
      }
      assertEquals(args, reversed.build());
      assertEquals(args.hashCode(), reversed.build().hashCode());
      Map<String, String> changed = new LinkedHashMap<>(expected);
      changed.put("x", "changed");
      assertEquals(expected.equals(changed), args.equals(ReasonArgs.copyOf(changed)));
      assertEquals(expected, args);
      assertEquals(args, expected);
      assertEquals(expected.hashCode(), args.hashCode());
      assertEquals(new ArrayList<>(expected.entrySet()), new ArrayList<>(args.entrySet()));
      assertEquals(expected.toString(), args.toString());
      for (String name : names) {
        assertEquals(expected.get(name), args.get(name));
        assertEquals(expected.containsKey(name), args.containsKey(name));
        assertEquals(expected.getOrDefault(name, "-"), args.getOrDefault(name, "-"));
      }
    }
  }

  @Test
  void aReasonWithMoreArgumentsKeepsTheirPlaces() {
    Reason r = Reason.of(Reason.Code.TIMING, "beforeMs", 5, "deploy", "d/1", "skipped", null);
    assertEquals(List.of("beforeMs", "deploy"), new ArrayList<>(r.args().keySet()));
    Map<String, String> more = new LinkedHashMap<>();
    more.put("deploy", "d/2");
    more.put("service", "checkout");
    Reason w = r.with(more);
    assertEquals(List.of("beforeMs", "deploy", "service"), new ArrayList<>(w.args().keySet()));
    assertEquals("d/2", w.arg("deploy"));
    assertEquals("d/1", r.arg("deploy"), "the first reason is unchanged");
    assertEquals(w, r.with("deploy", "d/2", "service", "checkout"), "names and values, no map");
    assertThrows(IllegalArgumentException.class, () -> r.with("deploy"));
    assertEquals("", w.arg("absent"));
    assertNull(w.args().get("absent"));
  }

  @Test
  void isUnmodifiableAndCopiedOnce() {
    Reason r = Reason.of(Reason.Code.TIMING, "beforeMs", 5);
    assertThrows(UnsupportedOperationException.class, () -> r.args().put("a", "b"));
    assertThrows(UnsupportedOperationException.class, () -> r.args().clear());
    var it = r.args().entrySet().iterator();
    it.next();
    assertThrows(UnsupportedOperationException.class, it::remove);
    assertSame(r.args(), new Reason(r.code(), r.args()).args());
    Map<String, String> given = new LinkedHashMap<>(Map.of("a", "1"));
    Reason copied = new Reason(Reason.Code.TIMING, given);
    given.put("b", "2");
    assertFalse(copied.args().containsKey("b"), "a map given is copied");
    assertTrue(new Reason(Reason.Code.TEXT_SILENT, null).args().isEmpty());
  }
}
