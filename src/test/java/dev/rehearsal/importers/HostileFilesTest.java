package dev.rehearsal.importers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.model.DeployStatusEvent;
import dev.rehearsal.model.ImportedRecord;
import dev.rehearsal.model.Incident;
import dev.rehearsal.model.Rejection;
import dev.rehearsal.settings.EnvironmentNames;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged and hostile files through the import runner, as a user meets them: every file is
 * accounted for (imported, skipped or failed, with a reason), every record counted, and nothing
 * ends in a stack trace.
 */
class HostileFilesTest {

  static final String PD_HEADER =
      "Incident ID,Incident Number,Title,Description,Service Name,Escalation Policy,Urgency,"
          + "Priority,Status,Created At,Resolved At,Team,URL\n";

  @TempDir Path dir;

  /** A store in memory. */
  static final class MemoryStore implements RecordStore {
    final Map<String, ImportedRecord> records = new LinkedHashMap<>();
    final List<Rejection> rejections = new ArrayList<>();

    @Override
    public void upsert(ImportedRecord record) {
      records.put(record.key(), record);
    }

    @Override
    public void upsertStatus(DeployStatusEvent event) {}

    @Override
    public void rejected(Rejection rejection) {
      rejections.add(rejection);
    }

    @Override
    public void clearRejections(String file) {
      rejections.removeIf(r -> r.file().equals(file));
    }

    @Override
    public void fileImported(FileReport report) {}

    @Override
    public void commit() {}
  }

  final MemoryStore store = new MemoryStore();

  ImportSummary run(ImportOptions options, Path... inputs) throws IOException {
    return new ImportRunner(ImporterRegistry.standard(), EnvironmentNames.defaults())
        .run(List.of(inputs), options, store, null);
  }

  ImportSummary run(Path... inputs) throws IOException {
    return run(ImportOptions.defaults(), inputs);
  }

  static String pdRow(int i, String title) {
    return "Q"
        + i
        + ","
        + (1000 + i)
        + ","
        + title
        + ",,Checkout API,Payments on-call,high,P1,resolved,2024-03-04T22:14:05Z,"
        + "2024-03-04T23:40:11Z,Payments,https://acme.pagerduty.com/incidents/Q"
        + i
        + "\n";
  }

  static FileReport only(ImportSummary s) {
    assertEquals(1, s.files().size(), s.files().toString());
    return s.files().get(0);
  }

  static void assertCountsAddUp(FileReport f) {
    assertEquals(f.seen(), f.accepted() + f.rejected(), f.toString());
  }

  // ------------------------------------------------------------------ encodings and NULs

  @Test
  void aNulByteEarlyOrLateIsRemovedSaidAndEveryRowCounted() throws Exception {
    for (int early : new int[] {2, 3_000}) {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      b.write(PD_HEADER.getBytes(StandardCharsets.UTF_8));
      for (int i = 1; i <= 3_000; i++) {
        String row = pdRow(i, "Checkout latency " + i);
        if (i == early) {
          int at = row.indexOf("latency");
          b.write(row.substring(0, at).getBytes(StandardCharsets.UTF_8));
          b.write(0);
          b.write(row.substring(at).getBytes(StandardCharsets.UTF_8));
        } else {
          b.write(row.getBytes(StandardCharsets.UTF_8));
        }
      }
      Path f = dir.resolve("nul-" + early + ".csv");
      Files.write(f, b.toByteArray());
      FileReport r = only(run(f));
      assertEquals(FileReport.Status.IMPORTED, r.status(), r.message());
      assertEquals("pagerduty-csv", r.format());
      assertEquals(3_000, r.seen());
      assertEquals(3_000, r.accepted());
      assertTrue(
          r.warnings().contains("1 NUL byte(s) were removed (line " + (early + 1) + ")"),
          r.warnings().toString());
      Incident inc = (Incident) store.records.get("incident/pagerduty/Q" + early);
      assertEquals("Checkout latency " + early, inc.title());
    }
  }

  @Test
  void binaryDataIsStillSkippedAsBinary() throws Exception {
    byte[] png = new byte[2048];
    for (int i = 0; i < png.length; i++) {
      png[i] = (byte) (i * 31 % 256);
    }
    Path f = dir.resolve("image.png");
    Files.write(f, png);
    FileReport r = only(run(f));
    assertEquals(FileReport.Status.SKIPPED, r.status());
    assertTrue(r.message().contains("binary data"), r.message());
  }

  @Test
  void oneInvalidByteLeavesTheOtherRowsInUtf8() throws Exception {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write(PD_HEADER.getBytes(StandardCharsets.UTF_8));
    b.write(pdRow(1, "Łukasz café 🙁").getBytes(StandardCharsets.UTF_8));
    b.write(
        pdRow(2, "Caf\u00e9 in Windows-1252")
            .getBytes(dev.rehearsal.importers.support.Decoding.CP1252));
    b.write(pdRow(3, "Łukasz café 🙁").getBytes(StandardCharsets.UTF_8));
    Path f = dir.resolve("mixed.csv");
    Files.write(f, b.toByteArray());
    FileReport r = only(run(f));
    assertEquals(3, r.accepted());
    assertEquals("Łukasz café 🙁", ((Incident) store.records.get("incident/pagerduty/Q1")).title());
    assertEquals(
        "Caf\u00e9 in Windows-1252",
        ((Incident) store.records.get("incident/pagerduty/Q2")).title());
    assertEquals("Łukasz café 🙁", ((Incident) store.records.get("incident/pagerduty/Q3")).title());
    assertTrue(
        r.warnings().stream()
            .anyMatch(w -> w.contains("line 3") && w.contains("everything else was read as UTF-8")),
        r.warnings().toString());
  }

  // ------------------------------------------------------------------ detection

  @Test
  void jsonThatIsNoFormatIsSkippedWithAHintNotReadAsConfiguration() throws Exception {
    Path f = dir.resolve("data.json");
    Files.writeString(f, "{\"some\":\"json\",\"n\":1}");
    FileReport r = only(run(f));
    assertEquals(FileReport.Status.SKIPPED, r.status(), r.format() + " " + r.message());
    assertTrue(r.message().contains("--format generic-json --mapping NAME"), r.message());
    assertTrue(store.rejections.isEmpty());
  }

  @Test
  void aPagerDutyExportWhoseHeadIsOneHugeTitleIsNotConfiguration() throws Exception {
    Path f = dir.resolve("incidents.json");
    Files.writeString(
        f,
        "{\"incidents\": [{\"title\": \""
            + "x".repeat(200_000)
            + "\", \"incident_number\": 1, \"urgency\": \"high\"}], \"limit\": 25, "
            + "\"offset\": 0, \"more\": false}");
    FileReport r = only(run(f));
    assertTrue(!r.format().equals("config-json"), r.toString());
    assertEquals(0, r.rejected(), r.toString());
  }

  @Test
  void anEmptyPagerDutyPageIsAPagerDutyPageWithNoIncidents() throws Exception {
    Path f = dir.resolve("page.json");
    Files.writeString(f, "{\"incidents\": [], \"limit\": 100, \"offset\": 0, \"more\": false}");
    FileReport r = only(run(f));
    assertEquals(FileReport.Status.IMPORTED, r.status(), r.message());
    assertEquals("pagerduty-json", r.format());
    assertEquals(0, r.seen());
    assertEquals(0, r.rejected());
    assertTrue(r.warnings().contains("the file holds no records"), r.warnings().toString());
  }
}
