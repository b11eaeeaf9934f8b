package dev.rehearsal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.app.ImportView;
import dev.rehearsal.app.Imports;
import dev.rehearsal.app.MappingView;
import dev.rehearsal.app.Session;
import dev.rehearsal.model.RecordKind;
import dev.rehearsal.settings.DateOrder;
import dev.rehearsal.ui.imports.ImportViewModel;
import dev.rehearsal.ui.imports.MappingEditorViewModel;
import dev.rehearsal.ui.task.Background;
import dev.rehearsal.ui.task.Tasks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The import view's statement for a group of files and its column-mapping editor, without a
 * toolkit: work runs on the calling thread.
 */
class ImportStatementsAndMappingsViewModelTest {
  @TempDir Path dir;

  private static ImportView.PlannedFile file(
      String name, String status, List<String> lacks, ImportView.Statement stated) {
    List<String> left = new ArrayList<>(lacks);
    if (stated != null) {
      if (!stated.service().isEmpty()) {
        left.remove("service");
      }
      if (!stated.version().isEmpty()) {
        left.remove("version");
      }
    }
    return new ImportView.PlannedFile(
        name,
        status,
        "JUnit XML",
        90,
        left,
        List.of(),
        List.of(),
        "",
        stated == null ? "" : stated.words(),
        false);
  }

  /**
   * A view model whose plan holds the files {@code files} makes of what was stated for each, and
   * whose import reads {@code records} records; what each plan and import was given is kept.
   */
  private static final class Recorded {
    final List<Map<String, ImportView.Statement>> planned = new ArrayList<>();
    final List<Map<String, ImportView.Statement>> imported = new ArrayList<>();
    final ImportViewModel vm;

    Recorded(
        java.util.function.Function<Map<String, ImportView.Statement>, List<ImportView.PlannedFile>>
            files,
        int records) {
      vm =
          new ImportViewModel(
              (in, stated) -> {
                planned.add(stated);
                return new ImportView.Plan(files.apply(stated), List.of());
              },
              (in, stated, m) -> {
                imported.add(stated);
                return new ImportView.Result(
                    List.of(),
                    records,
                    records,
                    0,
                    false,
                    List.of(),
                    List.of(),
                    "The analysis ran again.");
              },
              s -> Imports.check(s, ZoneOffset.UTC, DateOrder.AUTO),
              new Tasks(Background.DIRECT));
    }
  }

  @Test
  void whatIsTypedIsCheckedAsTypedThenStatedForTheGroupAndCarriedIntoTheImport() {
    List<String> lacking = List.of("service", "version");
    Recorded r =
        new Recorded(
            stated ->
                List.of(
                    file("a.xml", "will import", lacking, stated.get("a.xml")),
                    file("b.xml", "will import", lacking, stated.get("b.xml")),
                    file("c.json", "will import", List.of(), stated.get("c.json")),
                    file("notes.md", "skipped", List.of(), null)),
            4);
    List<Map<String, ImportView.Statement>> plannedWith = r.planned;
    List<Map<String, ImportView.Statement>> importedWith = r.imported;
    ImportViewModel vm = r.vm;
    vm.add(List.of(Path.of("results")));
    assertEquals(Map.of(), plannedWith.get(0));
    assertEquals(List.of("service", "version"), vm.planned().get(0).lacks());

    vm.serviceProperty().set("checkout");
    assertFalse(vm.canFillProperty().get(), "nothing selected yet");
    vm.fill();
    assertTrue(vm.fillMessageProperty().get().startsWith("Select the files"));
    vm.selected().setAll(vm.planned().get(3));
    assertFalse(vm.canFillProperty().get(), "a skipped file takes no statement");
    vm.selected().setAll(vm.planned().get(0), vm.planned().get(1));
    assertTrue(vm.canFillProperty().get());

    vm.timeProperty().set("yesterday at noon");
    String refusal = vm.refusedProperty("time").get();
    assertTrue(
        refusal.contains("'yesterday at noon' is not a timestamp format Rehearsal reads"), refusal);
    assertTrue(refusal.contains("2024-03-01T10:15:00Z"), "says how to write it: " + refusal);
    assertEquals("", vm.refusedProperty("service").get());
    assertFalse(vm.canFillProperty().get());
    int plans = plannedWith.size();
    vm.fill();
    assertEquals(plans, plannedWith.size(), "a refused statement is not stated");
    assertTrue(vm.fillMessageProperty().get().startsWith("Nothing was stated"));

    vm.timeProperty().set("2024-03-01 10:15");
    assertEquals("", vm.refusedProperty("time").get());
    vm.timeProperty().set("");
    vm.fill();
    assertEquals(
        Map.of(
            "a.xml", new ImportView.Statement("checkout", "", "", ""),
            "b.xml", new ImportView.Statement("checkout", "", "", "")),
        plannedWith.get(plannedWith.size() - 1));
    assertEquals(List.of("version"), vm.planned().get(0).lacks(), "the Lacks column follows");
    assertEquals("service checkout", vm.planned().get(1).stated());
    assertEquals(
        "Stated for 2 files: service checkout. A file's own values win over it.",
        vm.fillMessageProperty().get());

    // a second statement fills what the first left blank, for the files selected now
    vm.selected().setAll(vm.planned().get(0));
    vm.serviceProperty().set("");
    vm.versionProperty().set("2.4.1");
    vm.fill();
    assertEquals(List.of(), vm.planned().get(0).lacks());
    assertEquals(List.of("version"), vm.planned().get(1).lacks());
    assertEquals(new ImportView.Statement("checkout", "", "2.4.1", ""), vm.stated().get("a.xml"));

    vm.start();
    assertEquals(1, importedWith.size());
    assertEquals(
        Map.of(
            "a.xml", new ImportView.Statement("checkout", "", "2.4.1", ""),
            "b.xml", new ImportView.Statement("checkout", "", "", "")),
        importedWith.get(0),
        "the import carries what was stated");
    assertTrue(vm.stated().isEmpty(), "a finished import starts afresh");
  }

  @Test
  void aCommitIsCheckedAsTypedAndStatedForTheGroupLikeTheOtherFields() {
    Recorded r =
        new Recorded(
            stated ->
                List.of(
                    file("a.xml", "will import", List.of("version"), stated.get("a.xml")),
                    file("b.xml", "will import", List.of("version"), stated.get("b.xml"))),
            2);
    List<Map<String, ImportView.Statement>> plannedWith = r.planned;
    List<Map<String, ImportView.Statement>> importedWith = r.imported;
    ImportViewModel vm = r.vm;
    vm.add(List.of(Path.of("results")));
    vm.selected().setAll(vm.planned());

    vm.commitProperty().set("v2.4.1");
    String refusal = vm.refusedProperty("commit").get();
    assertTrue(refusal.startsWith("'v2.4.1' is not a commit"), refusal);
    assertTrue(refusal.contains("7 to 40 hexadecimal characters"), "says what one is: " + refusal);
    assertFalse(vm.canFillProperty().get());
    int plans = plannedWith.size();
    vm.fill();
    assertEquals(plans, plannedWith.size(), "a refused commit is not stated");
    assertTrue(vm.fillMessageProperty().get().contains("is not a commit"));

    vm.commitProperty().set("3f9a2c1");
    assertEquals("", vm.refusedProperty("commit").get());
    assertTrue(vm.canFillProperty().get(), "a commit alone is worth stating");
    vm.fill();
    ImportView.Statement withCommit = new ImportView.Statement("", "", "", "3f9a2c1", "");
    assertEquals(
        Map.of("a.xml", withCommit, "b.xml", withCommit), plannedWith.get(plannedWith.size() - 1));
    assertEquals("commit 3f9a2c1", vm.planned().get(0).stated());
    assertEquals(
        "Stated for 2 files: commit 3f9a2c1. A file's own values win over it.",
        vm.fillMessageProperty().get());

    // a service stated later keeps the commit stated before
    vm.commitProperty().set("");
    vm.serviceProperty().set("checkout");
    vm.fill();
    vm.start();
    assertEquals(
        Map.of(
            "a.xml", new ImportView.Statement("checkout", "", "", "3f9a2c1", ""),
            "b.xml", new ImportView.Statement("checkout", "", "", "3f9a2c1", "")),
        importedWith.get(0),
        "the import carries the commit");
  }

  @Test
  void thePlanNamesItsFolderOnceAndShowsTheColumnsWorthShowing() {
    ImportView.Statement[] statement = {null};
    ImportViewModel vm =
        new ImportViewModel(
            (in, stated) ->
                new ImportView.Plan(
                    List.of(
                        new ImportView.PlannedFile(
                            "/data/ci/junit/TEST-a.xml",
                            "will import",
                            "JUnit XML",
                            90,
                            List.of("service"),
                            List.of(),
                            List.of(),
                            "would be read as JUnit XML",
                            statement[0] == null ? "" : statement[0].words(),
                            false),
                        new ImportView.PlannedFile(
                            "/data/ci/k6.zip!/load/summary.json",
                            "will import",
                            "k6 summary",
                            100,
                            List.of(),
                            List.of(),
                            List.of(),
                            "would be read as k6 summary")),
                    List.of()),
            (in, stated, m) -> null,
            s -> Imports.check(s, ZoneOffset.UTC, DateOrder.AUTO),
            new Tasks(Background.DIRECT));
    vm.add(List.of(Path.of("/data/ci")));
    assertEquals("/data/ci", vm.folderProperty().get());
    assertEquals("junit/TEST-a.xml", vm.shownName(vm.planned().get(0)));
    assertEquals("k6.zip!/load/summary.json", vm.shownName(vm.planned().get(1)));
    assertEquals("JUnit XML, 90\u00a0%", vm.planned().get(0).detected());
    assertFalse(vm.anyNoteProperty().get(), "'would be read as' only repeats the format");
    assertFalse(vm.anyStatedProperty().get());

    statement[0] = new ImportView.Statement("checkout", "", "", "");
    vm.plan();
    assertTrue(vm.anyStatedProperty().get());
    vm.clear();
    assertEquals("", vm.folderProperty().get());
  }

  @Test
  void aFolderIsNamedOnlyWhenTheFilesShareOne() {
    assertEquals("/a/b", ImportView.folderOf(List.of("/a/b/x.csv", "/a/b/c/y.csv")));
    assertEquals("/a", ImportView.folderOf(List.of("/a/b/x.csv", "/a/c.zip!/d/y.csv")));
    assertEquals("", ImportView.folderOf(List.of("/a/x.csv", "/b/y.csv")), "only the root shared");
    assertEquals("", ImportView.folderOf(List.of("x.csv")), "no folder");
    assertEquals("x.csv", ImportView.inFolder("/a/b/x.csv", "/a/b"));
    assertEquals("/a/bc/x.csv", ImportView.inFolder("/a/bc/x.csv", "/a/b"), "not a part of it");
    ImportView.PlannedFile skipped =
        new ImportView.PlannedFile(
            "x.md", "skipped", "", 0, List.of(), List.of(), List.of(), "not recognised: text");
    assertEquals("", skipped.detected());
    assertEquals("not recognised: text", skipped.note());
  }

  @Test
  void forgettingWhatWasStatedPlansAgainWithoutIt() {
    Recorded r =
        new Recorded(
            stated ->
                List.of(file("a.xml", "will import", List.of("service"), stated.get("a.xml"))),
            1);
    List<Map<String, ImportView.Statement>> plannedWith = r.planned;
    ImportViewModel vm = r.vm;
    vm.add(List.of(Path.of("a.xml")));
    vm.selected().setAll(vm.planned());
    assertFalse(vm.canForgetProperty().get(), "nothing stated yet: nothing to forget");
    vm.serviceProperty().set("checkout");
    vm.fill();
    assertEquals(List.of(), vm.planned().get(0).lacks());
    vm.selected().setAll(vm.planned());
    assertTrue(vm.canForgetProperty().get());
    vm.selected().clear();
    assertFalse(vm.canForgetProperty().get(), "no file selected");
    vm.selected().setAll(vm.planned());
    vm.forgetStated();
    assertEquals(Map.of(), plannedWith.get(plannedWith.size() - 1));
    assertEquals(List.of("service"), vm.planned().get(0).lacks());
    assertEquals("Forgot what was stated for 1 file.", vm.fillMessageProperty().get());
    assertFalse(vm.canForgetProperty().get(), "forgotten: nothing left to forget");
  }

  @Test
  void aMappingIsEditedWithItsRequiredFieldsPreviewedLiveSavedFoundAgainAndRemoved()
      throws Exception {
    Path csv = dir.resolve("deploy-log.csv");
    String header = "when,service,env,version,result\n";
    Files.writeString(
        csv,
        header
            + "2024-03-01T10:00:00Z,checkout,production,2.4.1,success\n"
            + "2024-03-02T10:00:00Z,search,production,1.9.0,failed\n");
    try (Session s = Session.openOrCreate(dir.resolve("ws"))) {
      MappingEditorViewModel vm =
          new MappingEditorViewModel(MappingEditorViewModel.Store.of(s), Background.DIRECT);
      int[] saved = {0};
      vm.setOnSaved(() -> saved[0]++);
      vm.open(csv);
      assertTrue(vm.openProperty().get());
      assertEquals(
          List.of("when", "service", "env", "version", "result"),
          vm.sourceProperty().get().fields());
      assertEquals(RecordKind.DEPLOY, vm.kindProperty().get(), "a version column: deploys");
      assertEquals("deploy-log", vm.nameProperty().get());
      assertEquals("service", vm.row("service").columnProperty().get(), "same name, taken");
      assertEquals("checkout", vm.row("service").sampleProperty().get());
      assertTrue(vm.row("time").required());
      assertFalse(vm.row("version").required());
      assertFalse(vm.canSaveProperty().get());
      assertTrue(
          vm.problems()
              .contains(
                  "'time' is required for deploys: choose the column it is read from, or give it a"
                      + " fixed value."),
          vm.problems().toString());
      assertTrue(vm.problems().stream().anyMatch(p -> p.startsWith("'environment' is required")));

      vm.row("time").columnProperty().set("when");
      assertEquals("2024-03-01T10:00:00Z", vm.row("time").sampleProperty().get());
      vm.row("environment").constantProperty().set("production");
      assertTrue(vm.problems().isEmpty(), vm.problems().toString());
      assertTrue(vm.canSaveProperty().get());
      MappingView.Preview p = vm.previewProperty().get();
      assertEquals(List.of("time", "service", "environment", "version"), p.fields());
      assertEquals(2, p.rows().size());
      assertTrue(
          p.rows().get(1).outcome().startsWith("deploy: search 1.9.0 to production"),
          p.rows().get(1).outcome());

      vm.nameProperty().set(" ");
      assertTrue(vm.problems().contains("Give the mapping a name."));
      vm.save();
      assertTrue(vm.statusProperty().get().startsWith("Not saved"));
      assertEquals(0, saved[0]);
      vm.nameProperty().set("deploy-log");

      // another kind lists its fields and keeps what was chosen for the same names
      vm.kindProperty().set(RecordKind.INCIDENT);
      assertEquals("when", vm.row("time").columnProperty().get());
      assertEquals(null, vm.row("version"));
      assertTrue(vm.row("title") != null);
      vm.kindProperty().set(RecordKind.DEPLOY);
      vm.row("environment").constantProperty().set("production");
      vm.row("version").columnProperty().set("version");
      vm.row("status").columnProperty().set("result");
      assertTrue(vm.canSaveProperty().get(), vm.problems().toString());

      vm.save();
      assertEquals(1, saved[0]);
      assertEquals(1, vm.saved().size());
      assertEquals("deploy-log", vm.saved().get(0).name());
      assertTrue(vm.statusProperty().get().startsWith("Saved 'deploy-log'"));

      // the next file with the same columns opens with the saved mapping
      Path next = dir.resolve("week-2.csv");
      Files.writeString(next, header + "2024-03-08T10:00:00Z,checkout,production,2.5.0,success\n");
      vm.close();
      assertFalse(vm.openProperty().get());
      vm.open(next);
      assertEquals("deploy-log", vm.nameProperty().get());
      assertEquals("result", vm.row("status").columnProperty().get());
      assertTrue(vm.statusProperty().get().contains("'deploy-log' is saved"));
      assertEquals("will import", s.imports().preview(List.of(next)).files().get(0).status());

      vm.remove("deploy-log");
      assertEquals(2, saved[0]);
      assertTrue(vm.saved().isEmpty());
      assertEquals("Removed 'deploy-log'.", vm.statusProperty().get());
      assertEquals("skipped", s.imports().preview(List.of(next)).files().get(0).status());
    }
  }

  @Test
  void aCsvInsideAZipIsMappedFromItsEntryAndSaved() throws Exception {
    Path zip =
        dev.rehearsal.importers.TestZips.write(
            dir.resolve("exports.zip"),
            Map.of(
                "ci/releases.csv",
                "stamp,app,stage,build\n"
                    + "2024-04-01T08:00:00Z,zipped,production,1.0.0\n"
                    + "2024-04-02T08:00:00Z,zipped,production,1.0.1\n"));
    try (Session s = Session.openOrCreate(dir.resolve("ws"))) {
      ImportView.PlannedFile planned = s.imports().preview(List.of(zip)).files().get(0);
      assertTrue(planned.mappable());
      MappingEditorViewModel vm =
          new MappingEditorViewModel(MappingEditorViewModel.Store.of(s), Background.DIRECT);
      vm.open(Path.of(planned.file()));
      assertTrue(vm.openProperty().get());
      assertTrue(
          vm.problems().stream().noneMatch(p -> p.contains("not a file")),
          vm.problems().toString());
      assertEquals(planned.file(), vm.sourceProperty().get().file());
      assertEquals(List.of("stamp", "app", "stage", "build"), vm.sourceProperty().get().fields());
      assertEquals("releases", vm.nameProperty().get());
      vm.kindProperty().set(RecordKind.DEPLOY);
      vm.row("time").columnProperty().set("stamp");
      vm.row("service").columnProperty().set("app");
      vm.row("environment").columnProperty().set("stage");
      vm.row("version").columnProperty().set("build");
      assertEquals("zipped", vm.row("service").sampleProperty().get());
      assertTrue(vm.canSaveProperty().get(), vm.problems().toString());
      MappingView.Preview p = vm.previewProperty().get();
      assertEquals(2, p.rows().size());
      assertTrue(
          p.rows().get(1).outcome().startsWith("deploy: zipped 1.0.1 to production"),
          p.rows().get(1).outcome());
      vm.save();
      assertTrue(
          vm.statusProperty().get().startsWith("Saved 'releases'"), vm.statusProperty().get());
      ImportView.PlannedFile after = s.imports().preview(List.of(zip)).files().get(0);
      assertEquals("will import", after.status());
      assertTrue(after.format().contains("'releases'"), after.format());
    }
  }

  @Test
  void aFileNoMappingCanReadSaysSo() throws Exception {
    Path xml = dir.resolve("report.xml");
    Files.writeString(xml, "<testsuite/>");
    try (Session s = Session.openOrCreate(dir.resolve("ws"))) {
      MappingEditorViewModel vm =
          new MappingEditorViewModel(MappingEditorViewModel.Store.of(s), Background.DIRECT);
      vm.open(xml);
      assertTrue(vm.openProperty().get());
      assertFalse(vm.canSaveProperty().get());
      assertEquals(1, vm.problems().size());
      assertTrue(vm.problems().get(0).contains("neither a table"), vm.problems().toString());
    }
  }
}
