package dev.rehearsal.ui.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.app.Session;
import dev.rehearsal.report.CsvFormat;
import dev.rehearsal.report.Exporter;
import dev.rehearsal.report.ExporterRegistry;
import dev.rehearsal.ui.task.Background;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's Export menu runs the same exporters as the command line, and says what it did. */
class ExportViewModelTest {
  @TempDir Path dir;

  @Test
  void aDesktopThatCannotOpenTheFileIsSaidInTheStatusLine() throws Exception {
    try (Session s = Session.openOrCreate(dir.resolve("ws"))) {
      ExportViewModel vm =
          new ExportViewModel(
              ExporterRegistry.standard(s, CsvFormat.RFC_4180),
              Background.DIRECT,
              file -> {
                throw new UnsupportedOperationException("no program opens .csv files here");
              });
      Path out = dir.resolve("incidents.csv");
      vm.exportSearch(vm.periodExporters().get(0), "", out);
      vm.open();
      assertEquals(
          "Could not open incidents.csv: no program opens .csv files here",
          vm.statusProperty().get());
      assertTrue(vm.failedProperty().get());
      assertTrue(Files.isRegularFile(out), "the file written stays");
    }
  }

  @Test
  void exportsThroughTheRegistryAndReportsTheFile() throws Exception {
    try (Session s = Session.openOrCreate(dir.resolve("ws"))) {
      List<Path> opened = new java.util.ArrayList<>();
      ExportViewModel vm =
          new ExportViewModel(
              ExporterRegistry.standard(s, CsvFormat.RFC_4180), Background.DIRECT, opened::add);
      assertEquals(
          List.of("incidents-csv", "aggregates-csv", "quarterly-pdf"),
          vm.periodExporters().stream().map(Exporter::id).toList());
      assertEquals(
          List.of("postmortem-pdf"), vm.incidentExporters().stream().map(Exporter::id).toList());
      Exporter csv = vm.periodExporters().get(0);
      Path out = dir.resolve("incidents.csv");
      vm.exportSearch(csv, "", out);
      assertTrue(Files.readString(out).startsWith("id,reference,source,title,"));
      assertEquals("Wrote " + out.toAbsolutePath(), vm.statusProperty().get());
      assertFalse(vm.busyProperty().get());
      assertFalse(vm.failedProperty().get());
      assertEquals(out.toAbsolutePath(), vm.writtenProperty().get());
      vm.open();
      assertEquals(List.of(out.toAbsolutePath()), opened, "the file written is what opens");

      vm.exportIncident(vm.incidentExporters().get(0), "OPS-1", dir.resolve("pack.pdf"));
      assertTrue(
          vm.statusProperty().get().startsWith("Could not write pack.pdf: no incident 'OPS-1'"),
          vm.statusProperty().get());
      assertFalse(Files.exists(dir.resolve("pack.pdf")), "a failed export leaves no file");
      assertTrue(vm.failedProperty().get(), "a failure is shown as a problem");
      assertEquals(null, vm.writtenProperty().get(), "nothing to open after a failure");
      vm.open();
      assertEquals(1, opened.size(), "nor is the earlier file opened again");
      assertEquals(
          "postmortem-OPS-126.pdf",
          ExportViewModel.suggestedName(vm.incidentExporters().get(0), "OPS-126"));
    }
  }
}
