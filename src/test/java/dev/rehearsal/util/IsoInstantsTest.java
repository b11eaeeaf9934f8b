package dev.rehearsal.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IsoInstantsTest {
  @Test
  void agreesWithInstantOnRandomInstants() {
    Random r = new Random(7);
    long min = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
    for (int i = 0; i < 200_000; i++) {
      long sec = min + (long) (r.nextDouble() * (max - min));
      int nano =
          switch (i % 4) {
            case 0 -> 0;
            case 1 -> r.nextInt(1000) * 1_000_000;
            case 2 -> r.nextInt(1_000_000) * 1_000;
            default -> r.nextInt(1_000_000_000);
          };
      Instant t = Instant.ofEpochSecond(sec, nano);
      String text = t.toString();
      assertEquals(text, IsoInstants.formatCanonical(t));
      assertEquals(text, IsoInstants.text(t));
      assertEquals(t, IsoInstants.parseCanonical(text), text);
    }
  }

  @Test
  void writesOtherYearsAsInstantDoes() {
    for (String s :
        new String[] {
          "+12023-01-02T17:47:58Z", "-0001-12-31T23:59:59.5Z", "9999-12-31T23:59:59Z"
        }) {
      Instant t = Instant.parse(s);
      assertEquals(t.toString(), IsoInstants.text(t), s);
    }
  }

  @Test
  void readsEveryFractionLength() {
    for (String s :
        new String[] {
          "2023-01-02T17:47:58.2Z",
          "2023-01-02T17:47:58.22Z",
          "2023-01-02T17:47:58.2225Z",
          "2023-01-02T17:47:58.123456789Z",
          "2024-02-29T00:00:00Z",
          "1969-12-31T23:59:59.999Z"
        }) {
      assertEquals(Instant.parse(s), IsoInstants.parseCanonical(s), s);
    }
  }

  @Test
  void leavesOtherFormsToTheStandardParser() throws Exception {
    for (String s :
        new String[] {
          "2023-02-29T00:00:00Z",
          "2023-01-02T24:00:00Z",
          "2023-01-02T23:59:60Z",
          "2023-01-02t17:47:58z",
          "2023-01-02T17:47:58.Z",
          "2023-01-02T17:47:58+01:00",
          "+12023-01-02T17:47:58Z",
          "2023-1-02T17:47:58Z",
          "2023-01-02T17:47:58.1234567890Z",
          "2023-01-02 17:47:58Z"
        }) {
      assertNull(IsoInstants.parseCanonical(s), s);
    }
    // through the mapper, those go to Jackson's own handling
    var m = Json.mapper();
    assertEquals(
        Instant.parse("2023-01-02T23:59:59Z"),
        m.readValue("\"2023-01-02t23:59:59z\"", Instant.class));
    assertEquals(Instant.ofEpochSecond(1_700_000_000L), m.readValue("1700000000", Instant.class));
    assertThrows(
        JsonMappingException.class, () -> m.readValue("\"2023-02-29T00:00:00Z\"", Instant.class));
    assertEquals(
        "\"+12023-01-02T17:47:58Z\"",
        m.writeValueAsString(Instant.parse("+12023-01-02T17:47:58Z")));
    assertEquals(
        "\"2023-01-02T17:47:58.220Z\"",
        m.writeValueAsString(Instant.parse("2023-01-02T17:47:58.22Z")));
  }
}
