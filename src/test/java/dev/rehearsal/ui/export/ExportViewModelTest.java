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
  void exportsThroughTheRegistryAndReportsTheFile() throws Exception {
    try (Session s = Session.openOrCreate(dir.resolve("ws"))) {
      ExportViewModel vm =
          new ExportViewModel(ExporterRegistry.standard(s, CsvFormat.RFC_4180), Background.DIRECT);
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

      vm.exportIncident(vm.incidentExporters().get(0), "OPS-1", dir.resolve("pack.pdf"));
      assertTrue(
          vm.statusProperty().get().startsWith("Could not write pack.pdf: no incident 'OPS-1'"),
          vm.statusProperty().get());
      assertFalse(Files.exists(dir.resolve("pack.pdf")), "a failed export leaves no file");
      assertEquals(
          "postmortem-OPS-126.pdf",
          ExportViewModel.suggestedName(vm.incidentExporters().get(0), "OPS-126"));
    }
  }
}
