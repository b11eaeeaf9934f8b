package dev.rehearsal.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rehearsal.util.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * The labelled corpus of real incident write-ups: well formed, free of the held-out sources, and
 * with enough write-ups of every gap, with and without shipped text, to evaluate on.
 */
class WriteupsCorpusTest {
  private static final String RESOURCE = "/dev/rehearsal/analysis/writeups/writeups.jsonl";
  private static final Set<String> GAPS = Set.of("data", "traffic", "config", "mocks", "none");

  /** Licences under which the text may be redistributed, so the record must carry it. */
  private static final Set<String> SHIPPABLE_LICENCES =
      Set.of(
          "MIT",
          "BSD-3-Clause",
          "Apache-2.0",
          "MIT OR Apache-2.0",
          "CC-BY-4.0",
          "CC-BY-SA-3.0",
          "CC-BY-SA-4.0");

  /** Repositories held out for an independent check, or derived from one. */
  private static final Set<String> HELD_OUT_REPOSITORIES =
      Set.of("danluu/post-mortems", "icco/postmortems", "hjacobs/kubernetes-failure-stories");

  private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  /** Trimmed texts stay near this many characters; the marker and a line end may add a few. */
  private static final int MAX_TEXT_CHARS = 6_100;

  private static List<JsonNode> records;

  @BeforeAll
  static void load() throws IOException {
    records = new ArrayList<>();
    try (InputStream in = WriteupsCorpusTest.class.getResourceAsStream(RESOURCE)) {
      assertNotNull(in, "missing resource " + RESOURCE);
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        assertFalse(line.isBlank(), "blank line " + number);
        records.add(Json.mapper().readTree(line));
      }
    }
  }

  @Test
  void holdsAtLeastFiveHundredWriteups() {
    assertTrue(records.size() >= 500, "only " + records.size() + " write-ups");
  }

  @Test
  void idsAreUniqueAndSorted() {
    Set<String> seen = new HashSet<>();
    String previous = "";
    for (JsonNode r : records) {
      String id = text(r, "id");
      assertFalse(id.isBlank(), "record without id");
      assertTrue(seen.add(id), "duplicate id " + id);
      assertTrue(previous.compareTo(id) < 0, "not sorted by id at " + id);
      previous = id;
    }
  }

  @Test
  void everyGapLabelIsValid() {
    for (JsonNode r : records) {
      String id = text(r, "id");
      String gap = text(r, "gap");
      assertTrue(GAPS.contains(gap), id + ": unknown gap " + gap);
      JsonNode secondary = r.get("secondary");
      assertTrue(secondary != null && secondary.isArray(), id + ": secondary is not a list");
      Set<String> distinct = new HashSet<>();
      for (JsonNode s : secondary) {
        String other = s.asText();
        assertTrue(GAPS.contains(other) && !other.equals("none"), id + ": bad secondary " + other);
        assertFalse(other.equals(gap), id + ": secondary repeats the gap");
        assertTrue(distinct.add(other), id + ": secondary lists " + other + " twice");
      }
      assertTrue(r.has("change") && r.get("change").isBoolean(), id + ": change is not a boolean");
      assertTrue(r.has("trimmed") && r.get("trimmed").isBoolean(), id + ": trimmed not a boolean");
    }
  }

  @Test
  void everyRecordSaysWhereItCameFromAndWhy() {
    for (JsonNode r : records) {
      String id = text(r, "id");
      assertFalse(text(r, "source").isBlank(), id + ": no source");
      assertFalse(text(r, "path").isBlank(), id + ": no path");
      assertFalse(text(r, "licence").isBlank(), id + ": no licence");
      assertFalse(text(r, "why").isBlank(), id + ": no reason for the label");
      assertFalse(text(r, "title").isBlank(), id + ": no title");
      String commit = text(r, "commit");
      assertTrue(commit.isEmpty() || COMMIT.matcher(commit).matches(), id + ": bad commit");
      String date = text(r, "date");
      assertTrue(date.isEmpty() || DATE.matcher(date).matches(), id + ": bad date " + date);
    }
  }

  @Test
  void textIsShippedExactlyWhereTheLicenceAllowsIt() {
    for (JsonNode r : records) {
      String id = text(r, "id");
      boolean shippable = SHIPPABLE_LICENCES.contains(text(r, "licence"));
      String body = text(r, "text");
      if (shippable) {
        assertFalse(body.isBlank(), id + ": shippable record without text");
        assertTrue(body.length() <= MAX_TEXT_CHARS, id + ": text of " + body.length() + " chars");
      } else {
        assertTrue(body.isEmpty(), id + ": text shipped under licence " + text(r, "licence"));
      }
    }
  }

  @Test
  void noRecordComesFromAHeldOutSource() {
    for (JsonNode r : records) {
      String id = text(r, "id");
      String source = text(r, "source");
      String where = (source + " " + text(r, "path") + " " + text(r, "url") + " " + id);
      where = where.toLowerCase(Locale.ROOT);
      assertFalse(HELD_OUT_REPOSITORIES.contains(source), id + ": held-out source " + source);
      assertFalse(where.contains("danluu"), id + ": from danluu/post-mortems");
      assertFalse(where.contains("icco/postmortems"), id + ": from icco/postmortems");
      assertFalse(where.contains("kubernetes-failure-stories"), id + ": from k8s.af");
      assertFalse(where.contains("k8s.af"), id + ": from k8s.af");
      assertFalse(where.contains("void"), id + ": from the VOID database");
      assertFalse(where.contains("githubstatus"), id + ": from GitHub's status history");
      assertFalse(where.contains("data-samples/github"), id + ": CloudIR-Bench github part");
      assertFalse(where.contains("raw-public/github"), id + ": GitHub status reports");
      assertFalse(where.contains("summarization"), id + ": a model-written summary");
    }
  }

  @Test
  void everyGapHasEnoughWriteups(TestReporter reporter) {
    Map<String, int[]> counts = new TreeMap<>();
    for (String gap : GAPS) {
      counts.put(gap, new int[3]);
    }
    for (JsonNode r : records) {
      int[] c = counts.get(text(r, "gap"));
      c[r.get("change").asBoolean() ? 0 : 1]++;
      if (!text(r, "text").isEmpty()) {
        c[2]++;
      }
    }
    StringBuilder table =
        new StringBuilder("write-ups per gap (after a change / not / with text):");
    counts.forEach(
        (gap, c) -> {
          String line = (c[0] + c[1]) + " (" + c[0] + " / " + c[1] + " / " + c[2] + ")";
          reporter.publishEntry(gap, line);
          table.append(System.lineSeparator()).append("  ").append(gap).append(": ").append(line);
        });
    // The counts are this test's report: shown in the build log as well as to JUnit listeners.
    System.out.println(table);
    counts.forEach((gap, c) -> assertTrue(c[0] + c[1] >= 50, gap + " has only " + (c[0] + c[1])));
    counts.forEach((gap, c) -> assertTrue(c[2] >= 35, gap + " has only " + c[2] + " with text"));
    int total = counts.values().stream().mapToInt(c -> c[0] + c[1]).sum();
    assertEquals(records.size(), total, "counts do not add up");
  }

  private static String text(JsonNode r, String field) {
    JsonNode value = r.get(field);
    return value == null || value.isNull() ? "" : value.asText();
  }
}
