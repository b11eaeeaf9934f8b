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
  static class MemoryStore implements RecordStore {
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

  // ------------------------------------------------------------------ folders and links

  static final String DEPLOYS =
      "id,service,environment,version,time,status\n"
          + "d1,checkout,production,1.0,2025-01-02T10:00:00Z,success\n";

  @Test
  void anUnreadableFolderIsReportedAndTheRestImported() throws Exception {
    Path top = dir.resolve("exports");
    Files.createDirectories(top.resolve("locked"));
    Files.createDirectories(top.resolve("open"));
    Files.writeString(top.resolve("open/deploys.csv"), DEPLOYS);
    Files.writeString(top.resolve("locked/deploys.csv"), DEPLOYS.replace("d1", "d2"));
    Files.writeString(top.resolve("first.csv"), DEPLOYS.replace("d1", "d3"));
    ImportRunner runner =
        new ImportRunner(ImporterRegistry.standard(), EnvironmentNames.defaults())
            .listingFoldersWith(
                folder -> {
                  if (folder.endsWith("locked")) {
                    throw new java.nio.file.AccessDeniedException(folder.toString());
                  }
                  return Files.newDirectoryStream(folder);
                });
    ImportSummary s = runner.run(List.of(top), ImportOptions.defaults(), store, null);
    assertEquals(2, s.accepted(), s.files().toString());
    FileReport locked =
        s.files().stream().filter(f -> f.file().endsWith("locked")).findFirst().orElseThrow();
    assertEquals(FileReport.Status.FAILED, locked.status());
    assertTrue(locked.message().contains("permission denied"), locked.message());
    assertEquals(3, s.files().size(), s.files().toString());
  }

  @Test
  void anUnreadableFolderOnDiskIsReportedWhenPermissionsHold() throws Exception {
    Path top = dir.resolve("real");
    Path locked = Files.createDirectories(top.resolve("locked"));
    Files.writeString(top.resolve("deploys.csv"), DEPLOYS);
    Files.writeString(locked.resolve("deploys.csv"), DEPLOYS.replace("d1", "d2"));
    locked.toFile().setReadable(false, false);
    locked.toFile().setExecutable(false, false);
    try {
      org.junit.jupiter.api.Assumptions.assumeFalse(
          Files.isReadable(locked), "running as root: permissions do not stop reading");
      ImportSummary s = run(top);
      assertEquals(1, s.accepted());
      assertTrue(
          s.failed().stream().anyMatch(f -> f.message().contains("permission denied")),
          s.files().toString());
    } finally {
      locked.toFile().setReadable(true, false);
      locked.toFile().setExecutable(true, false);
    }
  }

  @Test
  void linksToNothingLoopsAndFoldersAreReportedNotFollowed() throws Exception {
    Path top = Files.createDirectories(dir.resolve("links"));
    Files.writeString(top.resolve("deploys.csv"), DEPLOYS);
    Files.createSymbolicLink(top.resolve("dangling.csv"), top.resolve("missing.csv"));
    Files.createSymbolicLink(top.resolve("a.csv"), top.resolve("b.csv"));
    Files.createSymbolicLink(top.resolve("b.csv"), top.resolve("a.csv"));
    Files.createSymbolicLink(top.resolve("self"), top);
    Files.createSymbolicLink(top.resolve("again.csv"), top.resolve("deploys.csv"));
    long t = System.nanoTime();
    ImportSummary s = run(top);
    assertTrue((System.nanoTime() - t) / 1_000_000_000.0 < 30, "no loop");
    Map<String, FileReport> byName = new LinkedHashMap<>();
    s.files().forEach(f -> byName.put(Path.of(f.file()).getFileName().toString(), f));
    assertEquals(
        List.of("a.csv", "again.csv", "b.csv", "dangling.csv", "deploys.csv", "self"),
        List.copyOf(byName.keySet()));
    assertTrue(byName.get("dangling.csv").message().contains("not found"), s.toString());
    assertTrue(byName.get("a.csv").message().contains("cannot be followed"), s.toString());
    assertTrue(byName.get("self").message().contains("folder is not followed"), s.toString());
    assertEquals(FileReport.Status.IMPORTED, byName.get("again.csv").status());
    assertEquals(FileReport.Status.IMPORTED, byName.get("deploys.csv").status());
  }

  @Test
  void tenThousandSmallFilesAreEachAccountedFor() throws Exception {
    Path top = Files.createDirectories(dir.resolve("many"));
    for (int i = 0; i < 10_000; i++) {
      Path sub = Files.createDirectories(top.resolve("part" + i / 1000));
      Files.writeString(
          sub.resolve("d" + i + ".csv"),
          "id,service,environment,version,time,status\nd"
              + i
              + ",checkout,production,1."
              + i
              + ",2025-01-02T10:00:00Z,success\n");
    }
    ImportSummary s = run(top);
    assertEquals(10_000, s.files().size());
    assertEquals(10_000, s.accepted());
    assertEquals(10_000, store.records.size());
    assertTrue(s.outcome(true).succeeded(), s.outcome(true).reason());
  }

  // ------------------------------------------------------------------ archives

  private Path zip(String name, Map<String, byte[]> entries) throws IOException {
    Path z = dir.resolve(name);
    try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(z))) {
      for (var e : entries.entrySet()) {
        out.putNextEntry(new java.util.zip.ZipEntry(e.getKey()));
        out.write(e.getValue());
        out.closeEntry();
      }
    }
    return z;
  }

  @Test
  void zipEntriesThatClimbOutAreListedAsSkipped() throws Exception {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("deploys.csv", DEPLOYS.getBytes(StandardCharsets.UTF_8));
    entries.put("../../evil.csv", DEPLOYS.replace("d1", "e1").getBytes(StandardCharsets.UTF_8));
    entries.put("/etc/evil.csv", DEPLOYS.replace("d1", "e2").getBytes(StandardCharsets.UTF_8));
    entries.put("a/../../evil2.csv", DEPLOYS.replace("d1", "e3").getBytes(StandardCharsets.UTF_8));
    entries.put("a..b.csv", DEPLOYS.replace("d1", "d4").getBytes(StandardCharsets.UTF_8));
    Path z = zip("slip.zip", entries);
    ImportSummary s = run(z);
    assertEquals(5, s.files().size(), s.files().toString());
    assertEquals(3, s.skipped().size(), s.files().toString());
    for (FileReport f : s.skipped()) {
      assertTrue(f.message().contains("points outside the archive"), f.message());
    }
    assertEquals(2, s.accepted(), "deploys.csv and a..b.csv");
    assertTrue(Files.notExists(dir.getParent().resolve("evil.csv")));
  }

  @Test
  void zipBombsAreRefusedByRatioEntriesAndLyingSizes() throws Exception {
    // the ratio: 20 MB of zeros in a few kilobytes
    Path ratio = zip("ratio.zip", Map.of("zeros.csv", new byte[20 << 20]));
    FileReport r = only(run(ratio));
    assertEquals(FileReport.Status.FAILED, r.status());
    assertTrue(r.message().contains("zip bomb"), r.message());

    // the number of entries, against a lowered limit
    Map<String, byte[]> many = new LinkedHashMap<>();
    for (int i = 0; i < 11; i++) {
      many.put("d" + i + ".csv", DEPLOYS.getBytes(StandardCharsets.UTF_8));
    }
    Path manyZip = zip("many.zip", many);
    ImportOptions limited =
        ImportOptions.defaults().withLimits(new ImportOptions.ArchiveLimits(10, 1 << 30, 200));
    FileReport m = only(run(limited, manyZip));
    assertEquals(FileReport.Status.FAILED, m.status());
    assertTrue(m.message().contains("more than the limit of 10"), m.message());

    // an entry whose header says 100 bytes and inflates to a megabyte of text
    StringBuilder big = new StringBuilder(DEPLOYS);
    for (int i = 2; big.length() < 1 << 20; i++) {
      big.append("d").append(i).append(",checkout,production,1.").append(i);
      big.append(",2025-01-02T10:00:00Z,success\n");
    }
    Path lying =
        zip("lying.zip", Map.of("deploys.csv", big.toString().getBytes(StandardCharsets.UTF_8)));
    lie(lying, 100);
    ImportSummary ls = run(lying);
    FileReport l = only(ls);
    assertCountsAddUp(l);
    assertTrue(l.accepted() < 10, l.toString());
    assertTrue(
        l.rejections().stream().anyMatch(x -> x.reason().contains("zip bomb"))
            || l.message().contains("zip bomb"),
        l.toString());
  }

  /** Rewrites every central directory entry's uncompressed size to {@code size}. */
  private static void lie(Path zip, int size) throws IOException {
    byte[] b = Files.readAllBytes(zip);
    for (int i = 0; i + 46 < b.length; i++) {
      if (b[i] == 'P' && b[i + 1] == 'K' && b[i + 2] == 1 && b[i + 3] == 2) {
        b[i + 24] = (byte) size;
        b[i + 25] = (byte) (size >> 8);
        b[i + 26] = 0;
        b[i + 27] = 0;
      }
    }
    Files.write(zip, b);
  }

  // ------------------------------------------------------------------ XML

  @Test
  void xmlNeverFetchesAnythingNorExpandsEntities() throws Exception {
    var server =
        com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    java.util.concurrent.atomic.AtomicInteger hits =
        new java.util.concurrent.atomic.AtomicInteger();
    server.createContext(
        "/",
        ex -> {
          hits.incrementAndGet();
          byte[] body = "<!ENTITY x \"fetched\">".getBytes(StandardCharsets.UTF_8);
          ex.sendResponseHeaders(200, body.length);
          ex.getResponseBody().write(body);
          ex.close();
        });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/evil";
      String[] docs = {
        // an external entity over the network
        "<?xml version=\"1.0\"?><!DOCTYPE testsuite [<!ENTITY xxe SYSTEM \""
            + url
            + "\">]><testsuite name=\"&xxe;\"><testcase name=\"a\"/></testsuite>",
        // an external DTD
        "<?xml version=\"1.0\"?><!DOCTYPE testsuite SYSTEM \""
            + url
            + ".dtd\"><testsuite name=\"x\"><testcase name=\"a\"/></testsuite>",
        // a parameter entity
        "<?xml version=\"1.0\"?><!DOCTYPE testsuite [<!ENTITY % p SYSTEM \""
            + url
            + "\"> %p;]><testsuite name=\"x\"><testcase name=\"a\"/></testsuite>",
        // quadratic blow-up: one big entity referenced many times
        "<?xml version=\"1.0\"?><!DOCTYPE testsuite [<!ENTITY a \""
            + "x".repeat(50_000)
            + "\">]><testsuite name=\""
            + "&a;".repeat(50_000)
            + "\"><testcase name=\"a\"/></testsuite>",
      };
      for (int i = 0; i < docs.length; i++) {
        for (String format : List.of("junit-xml", "testng-xml", "jmeter-jtl-xml")) {
          Path f = dir.resolve("hostile-" + i + "-" + format + ".xml");
          Files.writeString(
              f,
              docs[i].replace(
                  "testsuite",
                  format.equals("testng-xml")
                      ? "testng-results"
                      : format.startsWith("jmeter") ? "testResults" : "testsuite"));
          long t = System.nanoTime();
          FileReport r = only(run(ImportOptions.defaults().withFormat(format), f));
          assertTrue((System.nanoTime() - t) / 1_000_000 < 5_000, "refused without expanding");
          assertEquals(0, r.accepted(), format + " " + i + ": " + r);
          assertCountsAddUp(r);
          assertTrue(
              r.rejections().stream().anyMatch(x -> x.reason().contains("DOCTYPE")),
              format + " " + i + ": " + r);
          store.records.clear();
        }
      }
      assertEquals(0, hits.get(), "nothing was fetched");
    } finally {
      server.stop(0);
    }
  }

  // ------------------------------------------------------------------ nesting

  @Test
  void deeplyNestedFilesAreRejectedNotOverflowed() throws Exception {
    int depth = 100_000;
    // JSON and YAML to every importer (any of them may be forced on such a file); XML to the XML
    // importers, whose nested suites are read recursively
    Map<String, String> files = new LinkedHashMap<>();
    files.put("deep.json", "[".repeat(depth) + "]".repeat(depth));
    files.put("deep-object.json", "{\"a\":".repeat(depth) + "1" + "}".repeat(depth));
    files.put("deep.yml", "a: " + "[".repeat(depth) + "]".repeat(depth) + "\n");
    files.put(
        "deep-junit.xml",
        "<testsuites>"
            + "<testsuite name=\"s\">".repeat(depth)
            + "</testsuite>".repeat(depth)
            + "</testsuites>");
    files.put(
        "deep-testng.xml",
        "<testng-results>"
            + "<suite name=\"s\">".repeat(depth)
            + "</suite>".repeat(depth)
            + "</testng-results>");
    for (var e : files.entrySet()) {
      Path f = dir.resolve(e.getKey());
      Files.writeString(f, e.getValue());
      for (Importer i : ImporterRegistry.standard().importers()) {
        if (e.getKey().endsWith(".xml") != i.id().endsWith("-xml")) {
          continue;
        }
        ImportSummary s = run(ImportOptions.defaults().withFormat(i.id()).withMapping("none"), f);
        FileReport r = only(s);
        assertCountsAddUp(r);
        for (Rejection x : r.rejections()) {
          assertTrue(
              !x.reason().contains("StackOverflow") && !x.reason().contains("please report"),
              i.id() + " on " + e.getKey() + ": " + x.reason());
        }
      }
    }
  }

  // ------------------------------------------------------------------ the store

  @Test
  void idsAndServiceNamesTooLongToStoreAreRejectedWithTheirLength() throws Exception {
    String big = "s".repeat(100_000);
    Path f = dir.resolve("big-cells.csv");
    Files.writeString(
        f,
        "id,service,environment,version,time,status\n"
            + "d1,"
            + big
            + ",production,1.0,2025-01-02T10:00:00Z,success\n"
            + "d2,checkout,production,"
            + big
            + ",2025-01-02T10:00:00Z,success\n"
            + big
            + ",checkout,production,1.0,2025-01-02T10:00:00Z,success\n"
            + "d4,checkout,production,1.0,2025-01-02T10:00:00Z,success\n");
    try (dev.rehearsal.index.Workspace w = dev.rehearsal.index.Workspace.open(dir.resolve("ws"))) {
      ImportSummary s =
          new ImportRunner(ImporterRegistry.standard(), EnvironmentNames.defaults())
              .run(List.of(f), ImportOptions.defaults(), w.writes().importStore(), null);
      FileReport r = only(s);
      assertEquals(4, r.seen(), r.toString());
      assertEquals(2, r.accepted(), r.toString());
      assertTrue(r.rejections().get(0).reason().contains("a service name is 100,000 characters"));
      assertTrue(r.rejections().get(1).reason().contains("its id is 100,000 characters"));
      assertEquals(2, w.facets().count(dev.rehearsal.index.DocKind.DEPLOY));
    }
  }

  @Test
  void aStoreThatFailsStopsTheImportWithTheCause() throws Exception {
    Path f = dir.resolve("deploys.csv");
    StringBuilder sb = new StringBuilder("id,service,environment,version,time,status\n");
    for (int i = 0; i < 100; i++) {
      sb.append("d").append(i).append(",checkout,production,1.0,2025-01-02T10:00:00Z,success\n");
    }
    Files.writeString(f, sb);
    RecordStore failing =
        new MemoryStore() {
          @Override
          public void upsert(ImportedRecord record) {
            if (records.size() == 10) {
              throw new IllegalStateException("disk on fire");
            }
            super.upsert(record);
          }
        };
    java.io.IOException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            java.io.IOException.class,
            () ->
                new ImportRunner(ImporterRegistry.standard(), EnvironmentNames.defaults())
                    .run(List.of(f), ImportOptions.defaults(), failing, null));
    assertTrue(e.getMessage().contains("the workspace could not store"), e.getMessage());
    assertTrue(e.getMessage().contains("the import stopped"), e.getMessage());
    assertTrue(e.getMessage().contains("disk on fire"), e.getMessage());
  }

  // ------------------------------------------------------------------ long values

  /** Best of three parse times of a config snapshot with one value of {@code size} characters. */
  private double configWithAValueOf(int size, String unit) throws Exception {
    Path f = dir.resolve("checkout.staging.2024-03-01." + size + ".properties");
    Files.writeString(
        f, "server.port=8080\napp.note=" + unit.repeat(size / unit.length()) + "!\nb=1\n");
    Importer props = ImporterRegistry.standard().byId("config-properties").orElseThrow();
    double best = Double.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      long t = System.nanoTime();
      props.parse(new FileSource(f, f.toString()), ImportContext.defaults(), new MemorySink());
      best = Math.min(best, (System.nanoTime() - t) / 1e9);
    }
    return best;
  }

  /** A sink that keeps nothing. */
  static final class MemorySink implements RecordSink {
    @Override
    public void accept(ImportedRecord record) {}

    @Override
    public void acceptStatus(DeployStatusEvent event) {}

    @Override
    public void reject(long line, long index, String reason) {}

    @Override
    public void warn(String message) {}
  }

  @Test
  void aLongConfigurationValueIsReadInLinearTime() throws Exception {
    // found by fuzzing: a value of 1.5 MB took minutes in the secret detector's URL pattern
    for (String unit : new String[] {"x", "a "}) {
      configWithAValueOf(10_000, unit); // warm up
      double small = configWithAValueOf(30_000, unit);
      double large = configWithAValueOf(300_000, unit);
      // ten times the characters: ten times the time when linear, a hundred when quadratic
      assertTrue(
          large < 30 * Math.max(small, 0.002),
          String.format("'%s': 30 K %.3f s, 300 K %.3f s", unit, small, large));
    }
  }
}
