package dev.rehearsal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.importers.ImportOptions;
import dev.rehearsal.importers.ImportRunner;
import dev.rehearsal.importers.ImportSummary;
import dev.rehearsal.importers.ImporterRegistry;
import dev.rehearsal.index.DocKind;
import dev.rehearsal.index.SearchRequest;
import dev.rehearsal.index.Workspace;
import java.io.BufferedWriter;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process killed with SIGKILL in the middle of an import leaves a workspace that opens at its
 * last commit, and importing the same file again completes it. Runs the packaged jar in a child
 * JVM, kills it once the child has flushed uncommitted segments to disk, then checks.
 */
class KillMidImportIT {
  @TempDir Path tmp;

  private static void deploys(Path file, int from, int count) throws Exception {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("time,service,environment,version,status,commit,id\n");
      Instant base = Instant.parse("2024-01-01T00:00:00Z");
      for (int i = from; i < from + count; i++) {
        w.write(
            base.plusSeconds(i * 60L)
                + ",svc-"
                + (i % 40)
                + ","
                + (i % 2 == 0 ? "production" : "staging")
                + ",v1."
                + (i % 1000)
                + ".0,success,"
                + String.format("%040x", i)
                + ",dep-"
                + i
                + "\n");
      }
    }
  }

  private static ImportSummary importInProcess(Path ws, Path file) throws Exception {
    try (Workspace w = Workspace.open(ws)) {
      return new ImportRunner(ImporterRegistry.standard(), w.settings().environments())
          .run(List.of(file), ImportOptions.defaults(), w.writes().importStore(), null);
    }
  }

  private static Set<String> files(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
    }
  }

  @Test
  void killedImportLeavesTheLastCommitAndImportingAgainCompletesIt() throws Exception {
    Path ws = tmp.resolve("ws");
    Path small = tmp.resolve("small.csv");
    Path big = tmp.resolve("big.csv");
    deploys(small, 0, 1_000);
    deploys(big, 1_000, 200_000);

    ImportSummary first = importInProcess(ws, small);
    assertEquals(1_000, first.accepted());
    Path index =
        ws.resolve(dev.rehearsal.index.Schema.indexFolder(dev.rehearsal.index.Schema.VERSION));
    Set<String> committed = files(index);

    String jar = System.getProperty("rehearsal.jar");
    assertTrue(jar != null && new File(jar).isFile(), "the packaged jar is needed: " + jar);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child =
        new ProcessBuilder(
                java,
                "-Drehearsal.index.ramBufferMB=2",
                "-Xmx512m",
                "-jar",
                jar,
                "import",
                big.toString(),
                "--workspace",
                ws.toString())
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("child.log").toFile())
            .start();
    boolean flushed = false;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline && child.isAlive()) {
      Set<String> now = files(index);
      now.removeAll(committed);
      now.remove("write.lock");
      if (now.stream().anyMatch(f -> f.endsWith(".si"))) {
        flushed = true;
        break;
      }
      Thread.sleep(20);
    }
    assertTrue(
        child.isAlive(),
        "the child finished before it could be killed: "
            + Files.readString(tmp.resolve("child.log")));
    assertTrue(flushed, "the child wrote segments before being killed");
    child.destroyForcibly(); // SIGKILL: no shutdown hooks, no commit
    assertTrue(child.waitFor(30, TimeUnit.SECONDS));
    assertEquals(137, child.exitValue(), "killed by SIGKILL");

    try (Workspace w = Workspace.open(ws)) {
      assertEquals(
          1_000, w.facets().count(DocKind.DEPLOY), "the workspace opens at its last commit");
      assertEquals(
          1_000,
          w.records().search(SearchRequest.of("v1.5.0 OR svc-3")).total() > 0 ? 1_000 : -1,
          "and answers searches");
    }
    ImportSummary again = importInProcess(ws, big);
    assertEquals(200_000, again.accepted());
    try (Workspace w = Workspace.open(ws)) {
      assertEquals(201_000, w.facets().count(DocKind.DEPLOY), "importing again completes it");
    }
    importInProcess(ws, big);
    try (Workspace w = Workspace.open(ws)) {
      assertEquals(201_000, w.facets().count(DocKind.DEPLOY), "and a third import changes nothing");
    }
  }
}
