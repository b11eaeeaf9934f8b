package dev.rehearsal.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.demo.ScenarioGenerator;
import dev.rehearsal.index.DocKind;
import dev.rehearsal.index.Workspace;
import dev.rehearsal.index.WorkspaceBusyException;
import dev.rehearsal.model.IncidentRow;
import dev.rehearsal.report.CsvFormat;
import dev.rehearsal.report.ExportScope;
import dev.rehearsal.report.ExporterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session that guards its writes, as the window does, while another writer holds the workspace:
 * it says who holds it, keeps reading, refuses every write at once without changing anything, and
 * writes again once a check finds the workspace free.
 */
class ReadOnlySessionTest {
  @TempDir Path dir;

  @Test
  void whileAnotherWriterHoldsTheWorkspaceItReadsAndRefusesWritesUntilRetryFindsItFree()
      throws Exception {
    Path ws = dir.resolve("ws");
    try (Session s = Session.openOrCreate(ws)) {
      Demo.build(
          s, dir.resolve("scenario"), new ScenarioGenerator.Options(3, 40, 400, -1, 5), null);
    }
    List<String> waited = new CopyOnWriteArrayList<>();
    List<WriteAccess.Status> told = new CopyOnWriteArrayList<>();
    try (Session s = Session.open(ws);
        Workspace other = Workspace.open(ws)) {
      // as the window identifies itself: it would wait minutes for a writer if not guarded
      s.identify("the Rehearsal window", Duration.ofMinutes(2), waited::add);
      s.access().onChange(told::add);
      assertEquals(WriteAccess.State.WRITABLE, s.access().guard().state());

      // another writer takes the workspace and keeps it (its writes are not committed yet)
      other.whenBusy("rehearsal import", Duration.ZERO, m -> {});
      other.writes().deleteAll(DocKind.REJECTION);

      WriteAccess.Status held = s.access().check();
      assertEquals(WriteAccess.State.HELD, held.state());
      assertFalse(held.writable());
      assertTrue(
          held.holder().startsWith("rehearsal import (process " + ProcessHandle.current().pid()),
          held.holder());
      assertTrue(held.message().startsWith("Read-only for now: rehearsal import"), held.message());
      assertTrue(held.message().contains("Retry"), held.message());
      assertEquals(List.of(held), told, "listeners hear of the change once");

      // reading works: the table, an incident, the dashboard, an export
      IncidentRow first;
      try (Rows.Source<IncidentRow> rows = s.rows().incidents("")) {
        assertEquals(40, rows.size());
        first = rows.page(0, 1).get(0);
      }
      assertEquals(first.key(), s.incidents().of(first.key()).incident().key());
      assertEquals(40, s.dashboard().view(Period.ALL).total().incidents());
      Path csv = dir.resolve("incidents.csv");
      ExporterRegistry.standard(s, CsvFormat.RFC_4180)
          .byId("incidents-csv")
          .orElseThrow()
          .write(ExportScope.of(Period.ALL), csv, null);
      assertEquals(41, Files.readAllLines(csv).size(), "a header and every incident");

      // every write is refused at once, naming the holder, and changes nothing
      long reviews = s.workspace().facets().count(DocKind.REVIEW);
      String settings = settingsFile(ws);
      refused(
          "Saving the review", () -> s.reviews().save(confirm(first.key())), s.access().status());
      refused(
          "Saving the settings",
          () -> s.configuration().save(s.configuration().settings()),
          s.access().status());
      refused(
          "Saving the service names",
          () -> s.configuration().setAlias("co", "checkout", null),
          s.access().status());
      refused("Analysing", () -> s.analyses().run(null), s.access().status());
      refused(
          "Importing",
          () -> s.imports().importAndAnalyse(List.of(dir.resolve("scenario")), null),
          s.access().status());
      assertEquals(List.of(), waited, "refused at once, never waiting for the other writer");
      assertEquals(reviews, s.workspace().facets().count(DocKind.REVIEW));
      assertEquals(settings, settingsFile(ws));
      Problems.Problem p =
          Problems.describe(
              "Saving the review",
              assertThrows(
                  WorkspaceBusyException.class, () -> s.reviews().save(confirm(first.key()))));
      assertEquals(Problems.Kind.BUSY, p.kind());
      assertTrue(p.retry());

      // the other writer finishes: a check (Retry) finds the workspace free, and writes go on
      other.writes().discard();
      assertEquals(WriteAccess.State.WRITABLE, s.access().check().state());
      assertEquals(WriteAccess.State.WRITABLE, told.get(told.size() - 1).state());
      s.reviews().save(confirm(first.key()));
      assertEquals(reviews + 1, s.workspace().facets().count(DocKind.REVIEW));
      assertEquals(List.of(), waited);
    }
  }

  @Test
  void aSessionThatDoesNotGuardWaitsForTheWriterAsItsPatienceSays() throws Exception {
    Path ws = dir.resolve("ws");
    try (Session s = Session.openOrCreate(ws);
        Workspace other = Workspace.open(ws)) {
      other.whenBusy("rehearsal import", Duration.ZERO, m -> {});
      other.writes().deleteAll(DocKind.REJECTION);
      List<String> waited = new CopyOnWriteArrayList<>();
      s.identify("rehearsal review", Duration.ofMillis(300), waited::add);
      WorkspaceBusyException e =
          assertThrows(
              WorkspaceBusyException.class,
              () -> s.configuration().setAlias("co", "checkout", null));
      assertTrue(e.getMessage().contains("(waited 0 s)"), e.getMessage());
      assertEquals(1, waited.size(), "the command line waits, and says so");
      assertEquals(WriteAccess.State.WRITABLE, s.access().status().state(), "nobody looked");
      other.writes().discard();
    }
  }

  private static String settingsFile(Path ws) throws java.io.IOException {
    Path f = ws.resolve(dev.rehearsal.settings.Settings.FILE);
    return Files.isRegularFile(f) ? Files.readString(f) + Files.getLastModifiedTime(f) : "none";
  }

  private static Reviews.Request confirm(String key) {
    return new Reviews.Request(key, true, null, null, null, false, "", "sam");
  }

  private static void refused(String what, Executable write, WriteAccess.Status status) {
    WorkspaceBusyException e = assertThrows(WorkspaceBusyException.class, write, what);
    assertTrue(e.getMessage().startsWith(what + " has to wait: the workspace "), e.getMessage());
    assertTrue(e.getMessage().endsWith("is being written by " + status.holder()), e.getMessage());
  }
}
