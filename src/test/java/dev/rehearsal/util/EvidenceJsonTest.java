package dev.rehearsal.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rehearsal.model.Evidence;
import org.junit.jupiter.api.Test;

/** Evidence in JSON names its type once, in "kind", and reads back as written. */
class EvidenceJsonTest {
  private final Evidence cited =
      new Evidence.CitedReference("id", "deployment 2555789802", "deploy/github/2555789802");

  @Test
  void aCitedReferenceNamesItsTypeOnce() throws Exception {
    String json = Json.mapper().writerFor(Evidence.class).writeValueAsString(cited);
    // a reader that keeps the last of two equal names (jq, JavaScript) sees the type
    JsonNode n = Json.mapper().readTree(json);
    assertEquals("cited-reference", n.path("kind").asText(), json);
    assertEquals("id", n.path("cited").asText(), json);
    assertEquals(1, json.split("\"kind\"", -1).length - 1, json);
    assertEquals(cited, Json.mapper().readValue(json, Evidence.class));
  }

  @Test
  void aCitedReferenceWrittenWithItsKindTwiceReadsTheSame() throws Exception {
    String before =
        "{\"kind\":\"cited-reference\",\"kind\":\"id\",\"text\":\"deployment 2555789802\","
            + "\"deployKey\":\"deploy/github/2555789802\"}";
    assertEquals(cited, Json.mapper().readValue(before, Evidence.class));
  }
}
