package dev.rehearsal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rehearsal.util.Json;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A 1.2 GB PagerDuty incidents CSV (5.8 million rows, in the columns of the web UI's export) whose
 * third row opens a quote that is never closed, imported by the packaged jar in a JVM of 1 GB: that
 * row alone is rejected, with its file, line and reason, every other row is imported, and the
 * analysis's input, which cannot fit, is refused with the heap it needs; nothing is thrown. Not
 * part of {@code mvn verify}: run it with {@code mvn -B -ntp -Phuge verify
 * -Dit.test=HugePagerDutyImportIT} (about ten minutes on two cores). Its time and peak resident
 * size go to {@code target/huge-pagerduty-import.txt} and to the test's output. That reading a CSV
 * stays linear in its rows, with a stray quote or without, is held at a small size in {@code mvn
 * verify} ({@code CsvRecordsTest.readingStaysLinearWhateverTheQuotesDo}).
 */
@Tag("huge")
class HugePagerDutyImportIT {
  /**
   * How many rows; {@code -Drehearsal.huge.pagerduty.rows=N} tries the case small (below a million
   * rows the analysis may fit in the heap, and is then not refused).
   */
  static final int ROWS = Integer.getInteger("rehearsal.huge.pagerduty.rows", 5_800_000);

  /** The row whose title opens a quote that is never closed. */
  static final int STRAY_QUOTE_ROW = 3;

  /** The columns of PagerDuty's incidents CSV, as the documented export has them. */
  static final String HEADER =
      "Incident ID,Incident Number,Title,Description,Service Name,Escalation Policy,Urgency,"
          + "Priority,Status,Created At,Resolved At,Team,URL";

  private static final String[] TITLES = {
    "Checkout API 5xx rate above 5%",
    "Search latency p99 over 2s",
    "Order confirmation emails not sent",
    "Payment provider timeouts",
    "Inventory sync lagging behind",
    "Login failures spiking",
    "Disk usage above 90% on db-primary",
    "Queue depth growing on shipping-events"
  };
  private static final String[] SERVICES = {
    "Checkout API", "Search", "Notifications", "Payments",
    "Inventory", "Auth", "Shipping", "Catalog"
  };
  private static final String[] POLICIES = {
    "Payments on-call", "Platform", "Search on-call", "Core on-call"
  };
  private static final String[] TEAMS = {"Payments", "Platform", "Search", "Core"};

  /**
   * Writes the export row by row; returns the line the stray quote's row starts on. Every sixteenth
   * row has a description over two lines that cites a release, every fourth another with a comma,
   * every tenth a creation time without a zone; some rows are still open.
   */
  private static long write(Path file) throws Exception {
    long strayLine = -1;
    long line = 1;
    long base = Instant.parse("2024-01-01T00:00:00Z").getEpochSecond();
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write(HEADER);
      w.write('\n');
      StringBuilder sb = new StringBuilder(512);
      for (int i = 1; i <= ROWS; i++) {
        line++;
        sb.setLength(0);
        String id = id(i);
        sb.append(id).append(',').append(1000 + i).append(',');
        if (i == STRAY_QUOTE_ROW) {
          strayLine = line;
          sb.append("\"Payment API down, row ").append(i);
        } else {
          sb.append(TITLES[i % TITLES.length]);
        }
        sb.append(',');
        if (i % 16 == 0) {
          sb.append("\"Error rate rose after release 2024.")
              .append(i / 100_000)
              .append('.')
              .append(i % 1000)
              .append("-1.\nFull scan on orders table.\"");
          line++;
        } else if (i % 4 == 1) {
          sb.append("\"Latency above SLO, paged ").append(i % 7).append(" times\"");
        }
        sb.append(',').append(SERVICES[i % SERVICES.length]);
        sb.append(',').append(POLICIES[i % POLICIES.length]);
        sb.append(',').append(i % 3 == 0 ? "low" : "high");
        sb.append(',');
        if (i % 6 != 5) {
          sb.append('P').append(1 + i % 5);
        }
        String status = i % 97 == 0 ? "triggered" : i % 50 == 0 ? "acknowledged" : "resolved";
        sb.append(',').append(status).append(',');
        long created = base + i * 5L;
        if (i % 10 == 7) {
          sb.append(
              LocalDateTime.ofEpochSecond(created, 0, ZoneOffset.UTC).toString().replace('T', ' '));
        } else {
          sb.append(Instant.ofEpochSecond(created));
        }
        sb.append(',');
        if (status.equals("resolved")) {
          sb.append(Instant.ofEpochSecond(created + 600 + i % 5400));
        }
        sb.append(',')
            .append(i % 5 == 0 ? "\"Search, Platform\"" : TEAMS[i % TEAMS.length])
            .append(",https://acme.pagerduty.com/incidents/")
            .append(id)
            .append('\n');
        w.append(sb);
      }
    }
    return strayLine;
  }

  /** An id in PagerDuty's shape ("Q" and twelve letters or digits), different for each row. */
  private static String id(int i) {
    String s = Long.toString(i * 2_654_435_761L, 36).toUpperCase(java.util.Locale.ROOT);
    return "Q" + "0".repeat(12 - s.length()) + s;
  }

  @Test
  void aGigabyteOfIncidentsWithAStrayQuoteLosesOnlyThatRowInAGigabyteOfHeap() throws Exception {
    try (BufferedReader fixture =
        new BufferedReader(
            new InputStreamReader(
                getClass()
                    .getResourceAsStream("/fixtures/incidents-documented/pagerduty/incidents.csv"),
                StandardCharsets.UTF_8))) {
      assertEquals(fixture.readLine(), HEADER, "the rows are written in the export's columns");
    }
    Path work = HugeRun.work("huge-pagerduty");
    Path csv = work.resolve("incidents.csv");
    long strayLine = write(csv);
    Path ws = HugeRun.empty(work.resolve("ws"));

    HugeRun.Result run =
        HugeRun.rehearsal(
            work,
            "import",
            "1g",
            List.of("import", csv.toString(), "--workspace", ws.toString(), "--json"));
    String stderr = run.stderr();
    assertEquals(0, run.exit(), stderr);
    assertFalse(stderr.contains("Exception"), stderr);
    assertFalse(stderr.contains("OutOfMemoryError"), stderr);
    assertFalse(
        Pattern.compile("^\\s+at [\\w.$]+\\(", Pattern.MULTILINE).matcher(stderr).find(),
        "no stack trace: " + stderr);

    JsonNode summary = Json.mapper().readTree(run.out().toFile());
    assertEquals(1, summary.path("files").size(), summary.toString());
    JsonNode file = summary.path("files").get(0);
    assertEquals("IMPORTED", file.path("status").asText(), file.toString());
    assertEquals("pagerduty-csv", file.path("format").asText());
    assertEquals(ROWS, file.path("seen").asLong());
    assertEquals(ROWS - 1, file.path("accepted").asLong());
    assertEquals(1, file.path("rejected").asLong());
    JsonNode rejection = file.path("rejections").get(0);
    assertEquals(1, file.path("rejections").size(), file.path("rejections").toString());
    assertTrue(rejection.path("file").asText().endsWith("incidents.csv"), rejection.toString());
    assertEquals(strayLine, rejection.path("line").asLong(), rejection.toString());
    assertEquals(STRAY_QUOTE_ROW - 1, rejection.path("index").asLong(), rejection.toString());
    assertTrue(rejection.path("reason").asText().contains("never closed"), rejection.toString());

    // the analysis's input of millions of incidents cannot fit in 1 GB: refused, saying with what
    // heap it would run, and the records stay imported
    boolean refused = stderr.contains("needs about");
    assertTrue(refused || ROWS < 1_000_000, "the analysis says what it needs: " + stderr);
    Matcher xmx = Pattern.compile("run with -Xmx(\\d+)g").matcher(stderr);
    if (refused) {
      assertTrue(xmx.find(), stderr);
      assertTrue(stderr.contains("The imported records are kept"), stderr);
    }

    HugeRun.report(
        "huge-pagerduty-import.txt",
        String.format(
            "PagerDuty CSV, rows %,d with a stray quote on line %d, file %,d bytes: import %.0f s"
                + " (its own %,d ms), peak RSS %s; accepted %,d, rejected %,d; the analysis %s%n",
            ROWS,
            strayLine,
            Files.size(csv),
            run.seconds(),
            summary.path("millis").asLong(),
            run.peakRss(),
            file.path("accepted").asLong(),
            file.path("rejected").asLong(),
            refused ? "asks for -Xmx" + xmx.group(1) + "g" : "fits"));
  }
}
