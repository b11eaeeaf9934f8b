package dev.rehearsal.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.rehearsal.Records;
import dev.rehearsal.settings.ServiceNames;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.junit.jupiter.api.Test;

/**
 * An incident's document holds where its text tells the cause (decision 0024): the body without the
 * sentences set aside, marked, and the sentence that sets production against staging.
 */
class CauseFieldsTest {
  private final RecordCodec codec = new RecordCodec(new ServiceNames(Map.of(), List.of()));

  private Document encode(String title, String description) {
    return codec.encode(
        Records.incident("P1", title, description, "checkout", "2026-03-02T10:00:00Z"));
  }

  @Test
  void anIncidentWithSentencesSetAsideHoldsItsBodyWithoutThem() {
    Document d =
        encode(
            "Checkout errors",
            "The new query scanned 40 million rows. CPU looked normal. Toggled the flag off.");
    assertArrayEquals(new String[] {"aside"}, d.getValues(Schema.PROSE));
    assertEquals("The new query scanned 40 million rows.", d.get(Schema.CAUSE));
    assertNull(d.get(Schema.CONTRAST));
  }

  @Test
  void theSentenceComparingTheEnvironmentsIsIndexedOnItsOwn() {
    Document d =
        encode(
            "Timeouts on upload",
            "Production ingress has a 30 s idle timeout, staging ingress has none.");
    assertArrayEquals(new String[] {"contrast"}, d.getValues(Schema.PROSE));
    assertNull(d.get(Schema.CAUSE), "nothing was set aside");
    assertEquals(
        "Production ingress has a 30 s idle timeout, staging ingress has none.",
        d.get(Schema.CONTRAST));
  }

  @Test
  void anIncidentWithoutABodyHasNeither() {
    Document d = encode("Production unlike staging: timeouts", "");
    assertEquals(0, d.getValues(Schema.PROSE).length);
    assertNull(d.get(Schema.CONTRAST));
  }
}
