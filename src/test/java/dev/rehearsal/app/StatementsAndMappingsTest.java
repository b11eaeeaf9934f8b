package dev.rehearsal.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.model.Deploy;
import dev.rehearsal.model.RecordKind;
import dev.rehearsal.model.StagingRun;
import dev.rehearsal.settings.DateOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the import window states for files that lack it, and the column mappings it edits: the same
 * import manifests and saved mappings the command line reads.
 */
class StatementsAndMappingsTest {
  @TempDir Path dir;
  private Session session;

  @BeforeEach
  void open() throws Exception {
    session = Session.openOrCreate(dir.resolve("ws"));
  }

  @AfterEach
  void close() throws Exception {
    session.close();
  }

  private static Path junit() {
    return Path.of("src/test/resources/fixtures/jenkins-junit-plugin/junit-report-1233.xml")
        .toAbsolutePath();
  }

  @Test
  void aStatementFillsWhatAResultLacksAsAManifestRowWould() throws Exception {
    Path copy = Files.copy(junit(), Files.createDirectories(dir.resolve("in")).resolve("a.xml"));
    Path other = Files.copy(junit(), dir.resolve("in").resolve("b.xml"));
    ImportView.Plan before = session.imports().preview(List.of(copy, other));
    assertEquals(2, before.files().size());
    for (ImportView.PlannedFile f : before.files()) {
      assertTrue(f.lacks().containsAll(List.of("service", "version")), f.lacks().toString());
      assertTrue(f.lacksWhatAStatementFills());
      assertEquals("", f.stated());
    }
    ImportView.Statement s = new ImportView.Statement("checkout", "staging", "2.4.1", "");
    Map<String, ImportView.Statement> stated =
        Map.of(before.files().get(0).file(), s, before.files().get(1).file(), s);
    ImportView.Plan after = session.imports().preview(List.of(copy, other), stated);
    for (ImportView.PlannedFile f : after.files()) {
      assertEquals(List.of(), f.lacks(), f.file());
      assertEquals("service checkout, environment staging, version 2.4.1", f.stated());
    }
    ImportView.Result r = session.imports().importAndAnalyse(List.of(copy, other), stated, null);
    assertTrue(r.accepted() > 0, r.toString());
    try (Rows.Source<StagingRun> runs = session.rows().runs("")) {
      assertTrue(runs.size() > 0);
      for (StagingRun run : runs.page(0, runs.size())) {
        assertEquals("checkout", run.service());
        assertEquals("staging", run.environment());
        assertEquals("2.4.1", run.version());
      }
    }
  }

  @Test
  void aStatedCommitReachesTheImportedRunsAsAManifestRowsCommitWould() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    Path stated = Files.copy(junit(), in.resolve("stated.xml"));
    ImportView.Statement s = new ImportView.Statement("checkout", "staging", "", "3F9A2C1D", "");
    assertEquals("service checkout, environment staging, commit 3F9A2C1D", s.words());
    ImportView.Plan plan = session.imports().preview(List.of(stated), Map.of(stated.toString(), s));
    assertEquals(
        List.of(),
        plan.files().get(0).lacks(),
        "a commit names what was tested, as a version does");
    session.imports().importAndAnalyse(List.of(stated), Map.of(stated.toString(), s), null);

    // the same file listed in an import manifest with the same commit gives the same runs
    Path listed = Files.createDirectories(dir.resolve("listed"));
    Files.copy(junit(), listed.resolve("listed.xml"));
    Files.writeString(
        listed.resolve("rehearsal-manifest.csv"),
        "file,service,environment,commit\nlisted.xml,checkout,staging,3F9A2C1D\n");
    session.imports().importAndAnalyse(List.of(listed), null);

    try (Rows.Source<StagingRun> runs = session.rows().runs("")) {
      List<StagingRun> all = runs.page(0, runs.size());
      List<StagingRun> fromStatement =
          all.stream().filter(r -> r.provenance().file().endsWith("stated.xml")).toList();
      List<StagingRun> fromManifest =
          all.stream().filter(r -> r.provenance().file().endsWith("listed.xml")).toList();
      assertFalse(fromStatement.isEmpty());
      assertEquals(fromManifest.size(), fromStatement.size());
      for (StagingRun run : fromStatement) {
        assertEquals("3f9a2c1d", run.commitSha());
        assertEquals("", run.version(), "no version was stated");
      }
      for (StagingRun run : fromManifest) {
        assertEquals("3f9a2c1d", run.commitSha());
      }
    }
  }

  @Test
  void aCommitThatIsNotAShaIsRefusedWithWhatOneIs() {
    for (String bad : List.of("3f9a2c", "v2.4.1", "3f9a2c1g", "a".repeat(41), "main")) {
      ImportView.StatementCheck c =
          Imports.check(
              new ImportView.Statement("", "", "", bad, ""), ZoneOffset.UTC, DateOrder.AUTO);
      assertEquals(List.of("commit"), List.copyOf(c.refused().keySet()), bad);
      String m = c.refused().get("commit");
      assertTrue(m.startsWith("'" + bad.substring(0, Math.min(bad.length(), 47))), m);
      assertTrue(m.contains("7 to 40 hexadecimal characters"), m);
    }
    for (String good : List.of("3f9a2c1", "3F9A2C1D", "0123456789abcdef0123456789abcdef01234567")) {
      assertTrue(
          Imports.check(
                  new ImportView.Statement("", "", "", good, ""), ZoneOffset.UTC, DateOrder.AUTO)
              .ok(),
          good);
    }
    assertThrows(
        IllegalArgumentException.class,
        () ->
            session
                .imports()
                .preview(
                    List.of(junit()),
                    Map.of(junit().toString(), new ImportView.Statement("", "", "", "main", ""))),
        "a refused commit is never carried into an import");
  }

  @Test
  void aFilesOwnValuesWinOverAStatement() throws Exception {
    Path f = dir.resolve("own.xml");
    Files.writeString(
        f,
        "<testsuite name=\"s\" tests=\"1\" failures=\"0\" timestamp=\"2024-03-01T10:00:00Z\">"
            + "<properties><property name=\"service\" value=\"payments\"/></properties>"
            + "<testcase name=\"t\" classname=\"c\" time=\"0.1\"/></testsuite>");
    ImportView.Statement s = new ImportView.Statement("checkout", "staging", "9.9", "");
    session.imports().importAndAnalyse(List.of(f), Map.of(f.toString(), s), null);
    try (Rows.Source<StagingRun> runs = session.rows().runs("")) {
      assertEquals(1, runs.size());
      StagingRun run = runs.page(0, 1).get(0);
      assertEquals("payments", run.service(), "the file's own service wins");
      assertEquals("9.9", run.version(), "the statement fills what the file left blank");
    }
  }

  @Test
  void aTimeThatCannotBeReadIsRefusedWithHowToWriteIt() {
    ImportView.StatementCheck c =
        Imports.check(
            new ImportView.Statement("checkout", "", "", "yesterday at noon"),
            ZoneOffset.UTC,
            DateOrder.AUTO);
    assertFalse(c.ok());
    assertEquals(List.of("time"), List.copyOf(c.refused().keySet()));
    String m = c.refused().get("time");
    assertTrue(m.contains("'yesterday at noon' is not a timestamp format Rehearsal reads"), m);
    assertTrue(m.contains("2024-03-01T10:15:00Z"), m);
    assertTrue(m.contains("read in UTC"), m);
    assertTrue(
        Imports.check(
                new ImportView.Statement("", "", "", "2024-03-01 10:15"),
                ZoneOffset.UTC,
                DateOrder.AUTO)
            .ok());
    ImportView.StatementCheck ambiguous =
        Imports.check(
            new ImportView.Statement("", "", "", "03/04/2024"), ZoneOffset.UTC, DateOrder.AUTO);
    assertTrue(ambiguous.refused().get("time").contains("day/month"), ambiguous.toString());
    assertTrue(
        Imports.check(new ImportView.Statement("a\nb", "", "", ""), ZoneOffset.UTC, DateOrder.AUTO)
            .refused()
            .get("service")
            .contains("one line"));
  }

  @Test
  void aStatedTimeGoesOnTheRecordsThatHaveNone() throws Exception {
    Path f = dir.resolve("untimed.xml");
    Files.writeString(
        f,
        "<testsuite name=\"s\" tests=\"1\" failures=\"0\">"
            + "<testcase name=\"t\" classname=\"c\" time=\"0.1\"/></testsuite>");
    ImportView.Statement s =
        new ImportView.Statement("checkout", "staging", "1.0", "2024-03-01T10:15:00Z");
    ImportView.Plan plan = session.imports().preview(List.of(f), Map.of(f.toString(), s));
    assertEquals(List.of(), plan.files().get(0).lacks());
    session.imports().importAndAnalyse(List.of(f), Map.of(f.toString(), s), null);
    try (Rows.Source<StagingRun> runs = session.rows().runs("")) {
      assertEquals(1, runs.size());
      assertEquals(Instant.parse("2024-03-01T10:15:00Z"), runs.page(0, 1).get(0).startedAt());
    }
  }

  private static final String HEADER = "When,Svc,Env,Ver,Result\n";

  @Test
  void aMappingIsCheckedPreviewedSavedAndReadsTheNextFileWithTheSameHeader() throws Exception {
    Path csv = dir.resolve("deploy-log.csv");
    Files.writeString(
        csv,
        HEADER
            + "2024-03-01T10:00:00Z,checkout,production,2.4.1,success\n"
            + "not a time,checkout,production,2.4.2,success\n"
            + "2024-03-02T10:00:00Z,search,production,1.9.0,failed\n");
    ImportView.Plan unmapped = session.imports().preview(List.of(csv));
    assertEquals("skipped", unmapped.files().get(0).status());
    assertEquals(List.of("a column mapping"), unmapped.files().get(0).lacks());
    assertTrue(unmapped.files().get(0).mappable());

    Mappings mappings = session.mappings();
    MappingView.Source source = mappings.read(csv);
    assertEquals("CSV", source.format());
    assertEquals(List.of("When", "Svc", "Env", "Ver", "Result"), source.fields());
    assertEquals(3, source.rows().size());
    assertEquals("checkout", source.sample("Svc"));

    MappingView.Draft draft = Mappings.suggest(source, RecordKind.DEPLOY);
    assertEquals("deploy-log", draft.name());
    MappingView.Preview incomplete = mappings.preview(source, draft);
    assertFalse(incomplete.usable());
    assertTrue(
        incomplete.problems().stream()
            .anyMatch(p -> p.startsWith("'time' is required for deploys")),
        incomplete.problems().toString());
    assertTrue(incomplete.problems().stream().anyMatch(p -> p.startsWith("'service' is required")));
    assertThrows(IllegalArgumentException.class, () -> mappings.save(source, draft));
    assertTrue(Mappings.fields(RecordKind.DEPLOY).contains(new MappingView.Field("service", true)));
    assertTrue(
        Mappings.fields(RecordKind.DEPLOY).contains(new MappingView.Field("version", false)));

    MappingView.Draft full =
        new MappingView.Draft(
            "deploy-log",
            RecordKind.DEPLOY,
            Map.of("time", "When", "service", "Svc", "version", "Ver", "status", "Result"),
            Map.of("environment", "production"));
    MappingView.Preview preview = mappings.preview(source, full);
    assertTrue(preview.usable(), preview.problems().toString());
    assertEquals(List.of("time", "service", "environment", "version", "status"), preview.fields());
    assertEquals(
        List.of("2024-03-01T10:00:00Z", "checkout", "production", "2.4.1", "success"),
        preview.rows().get(0).values());
    assertTrue(
        preview.rows().get(0).outcome().startsWith("deploy: checkout 2.4.1 to production"),
        preview.rows().get(0).outcome());
    assertTrue(
        preview.rows().get(1).outcome().startsWith("rejected: "), preview.rows().get(1).outcome());
    assertTrue(preview.rows().get(2).outcome().startsWith("deploy: search 1.9.0"));

    mappings.save(source, full);
    assertEquals(1, mappings.saved().size());
    MappingView.Saved saved = mappings.saved().get(0);
    assertEquals("deploy-log", saved.name());
    assertEquals("deploys", saved.kind());
    assertEquals("When, Svc, Env, Ver, Result", saved.madeFor());
    assertTrue(Files.isRegularFile(dir.resolve("ws/mappings/deploy-log.json")));

    // the next file with the same header, its columns in another order and case
    Path next = dir.resolve("next-week.csv");
    Files.writeString(
        next,
        "svc,when,env,ver,result\n"
            + "checkout,2024-03-08T10:00:00Z,production,2.5.0,success\n"
            + "search,2024-03-09T10:00:00Z,production,1.9.1,success\n");
    assertEquals("deploy-log", mappings.read(next).savedFor());
    ImportView.PlannedFile planned = session.imports().preview(List.of(next)).files().get(0);
    assertEquals("will import", planned.status());
    assertEquals(100, planned.confidence());
    assertTrue(planned.format().contains("'deploy-log'"), planned.format());
    assertEquals(List.of(), planned.lacks());
    ImportView.Result r = session.imports().importAndAnalyse(List.of(next), null);
    assertEquals(2, r.accepted(), r.toString());
    assertEquals(0, r.rejected());
    try (Rows.Source<Deploy> deploys = session.rows().deploys("")) {
      assertEquals(2, deploys.size());
      assertTrue(
          deploys.page(0, 2).stream().allMatch(d -> d.environment().equals("production")),
          "the fixed value");
    }

    // a second mapping for the same header is refused; removing the first lets it be
    MappingView.Draft rival =
        new MappingView.Draft("other", full.kind(), full.columns(), full.constants());
    assertTrue(
        mappings.problems(source, rival).stream()
            .anyMatch(p -> p.contains("'deploy-log' is already saved")));
    assertTrue(mappings.remove("Deploy-Log"));
    assertEquals(List.of(), mappings.saved());
    assertEquals("skipped", session.imports().preview(List.of(next)).files().get(0).status());
    assertEquals(List.of(), mappings.problems(source, rival));
  }

  @Test
  void aCsvInsideAZipIsMappedFromItsEntryAndTheSavedMappingReadsItOnImport() throws Exception {
    Path zip =
        dev.rehearsal.importers.TestZips.write(
            dir.resolve("exports.zip"),
            Map.of(
                "logs/release-log.csv",
                "stamp,app,stage,build\n"
                    + "2024-04-01T08:00:00Z,zipped,production,1.0.0\n"
                    + "2024-04-02T08:00:00Z,zipped,production,1.0.1\n"
                    + "2024-04-03T08:00:00Z,zipped,production,1.1.0\n",
                "notes.txt",
                "not data"));
    ImportView.PlannedFile entry =
        session.imports().preview(List.of(zip)).files().stream()
            .filter(f -> f.file().endsWith("release-log.csv"))
            .findFirst()
            .orElseThrow();
    assertEquals(zip + "!/logs/release-log.csv", entry.file());
    assertEquals("skipped", entry.status());
    assertTrue(entry.mappable(), "a CSV inside a zip is offered a column mapping");

    Mappings mappings = session.mappings();
    MappingView.Source source = mappings.read(Path.of(entry.file()));
    assertEquals(entry.file(), source.file());
    assertEquals("CSV", source.format());
    assertEquals(List.of("stamp", "app", "stage", "build"), source.fields());
    assertEquals(3, source.rows().size());
    assertEquals("zipped", source.sample("app"));
    assertEquals("release-log", Mappings.suggest(source, RecordKind.DEPLOY).name());

    MappingView.Draft draft =
        new MappingView.Draft(
            "zipped-releases",
            RecordKind.DEPLOY,
            Map.of("time", "stamp", "service", "app", "environment", "stage", "version", "build"),
            Map.of());
    MappingView.Preview preview = mappings.preview(source, draft);
    assertTrue(preview.usable(), preview.problems().toString());
    assertEquals(3, preview.rows().size());
    assertTrue(
        preview.rows().get(2).outcome().startsWith("deploy: zipped 1.1.0 to production"),
        preview.rows().get(2).outcome());
    mappings.save(source, draft);

    ImportView.PlannedFile mapped =
        session.imports().preview(List.of(zip)).files().stream()
            .filter(f -> f.file().endsWith("release-log.csv"))
            .findFirst()
            .orElseThrow();
    assertEquals("will import", mapped.status());
    assertTrue(mapped.format().contains("'zipped-releases'"), mapped.format());
    // the member alone, named as the plan names it, is planned alone
    ImportView.Plan alone = session.imports().preview(List.of(Path.of(entry.file())));
    assertEquals(List.of(entry.file()), alone.files().stream().map(f -> f.file()).toList());
    assertEquals("will import", alone.files().get(0).status());
    ImportView.Result r = session.imports().importAndAnalyse(List.of(zip), null);
    assertEquals(3, r.accepted(), r.toString());
    try (Rows.Source<Deploy> deploys = session.rows().deploys("service:zipped")) {
      assertEquals(3, deploys.size());
      for (Deploy d : deploys.page(0, 3)) {
        assertEquals("production", d.environment());
        assertEquals(zip + "!/logs/release-log.csv", d.provenance().file());
      }
    }

    IllegalArgumentException missing =
        assertThrows(
            IllegalArgumentException.class, () -> mappings.read(Path.of(zip + "!/logs/other.csv")));
    assertTrue(
        missing.getMessage().contains("holds no file named logs/other.csv"), missing.getMessage());
    IllegalArgumentException text =
        assertThrows(
            IllegalArgumentException.class, () -> mappings.read(Path.of(zip + "!/notes.txt")));
    assertTrue(text.getMessage().contains("neither a table"), text.getMessage());
  }

  @Test
  void aJsonFileShowsItsFieldsOneObjectDown() throws Exception {
    Path json = dir.resolve("runs.json");
    Files.writeString(
        json,
        "[{\"started\":\"2024-03-01T10:00:00Z\",\"target\":{\"service\":\"checkout\","
            + "\"env\":\"staging\"},\"total\":12,\"failed\":0}]");
    MappingView.Source s = session.mappings().read(json);
    assertEquals("JSON", s.format());
    assertEquals(List.of("started", "target.service", "target.env", "total", "failed"), s.fields());
    assertEquals("checkout", s.sample("target.service"));
    Path xml = junit();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> session.mappings().read(xml));
    assertTrue(e.getMessage().contains("neither a table"), e.getMessage());
  }
}
