package dev.rehearsal.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.importers.ImportOptions;
import dev.rehearsal.importers.ImportRunner;
import dev.rehearsal.importers.ImporterRegistry;
import dev.rehearsal.index.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The analysis refuses an input that would not fit in the heap, naming the heap it needs. */
class InputBudgetTest {
  @TempDir Path dir;

  @Test
  void theBenchmarkSizeFitsInAGigabyteAndTenMillionDeploysDoNot() {
    long bench = InputBudget.estimate(1_000_000, 100_000, 20_000, 5_000);
    assertTrue(bench > 380L << 20 && bench < 520L << 20, "about the measured 412-420 MB: " + bench);
    assertTrue(InputBudget.estimate(10_000_000, 0, 0, 0) > 2L << 30);
  }

  @Test
  void anInputTooLargeIsRefusedBeforeItIsLoaded() throws Exception {
    Path csv = dir.resolve("deploys.csv");
    StringBuilder sb = new StringBuilder("id,service,environment,version,time,status\n");
    for (int i = 0; i < 1000; i++) {
      sb.append("d").append(i).append(",checkout,production,1.").append(i);
      sb.append(",2025-01-02T10:00:00Z,success\n");
    }
    Files.writeString(csv, sb);
    try (Workspace w = Workspace.open(dir.resolve("ws"))) {
      new ImportRunner(ImporterRegistry.standard(), w.settings().environments())
          .run(List.of(csv), ImportOptions.defaults(), w.writes().importStore(), null);
      long need = InputBudget.estimate(1000, 0, 0, 0);
      InputBudget.check(w, need); // just fits
      InputBudget.TooLargeException e =
          assertThrows(InputBudget.TooLargeException.class, () -> InputBudget.check(w, need - 1));
      assertEquals(need, e.needed());
      assertTrue(e.getMessage().contains("1,000 deploys"), e.getMessage());
      assertTrue(e.getMessage().contains("-Xmx1g"), e.getMessage());
      System.setProperty("rehearsal.analysis.maxHeap", Long.toString(need - 1));
      try {
        assertThrows(InputBudget.TooLargeException.class, () -> Engine.prepare(w, null));
        assertThrows(InputBudget.TooLargeException.class, () -> new Engine(w).run(null));
      } finally {
        System.clearProperty("rehearsal.analysis.maxHeap");
      }
      Engine.prepare(w, null);
    }
  }
}
