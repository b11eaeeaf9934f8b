package dev.rehearsal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An analysis killed with SIGKILL at any moment leaves the previous analysis whole: the same
 * findings and the same aggregates (what the dashboard reads) as before it started. Runs the
 * packaged jar in child JVMs and kills the analysis at several moments, among them while it has
 * written segments that are not committed yet.
 */
class KillMidAnalyzeIT {
  @TempDir Path tmp;

  private record Run(int code, String out) {}

  private Run rehearsal(Path ws, String... args) throws Exception {
    Process p = start(ws, args);
    assertTrue(p.waitFor(10, TimeUnit.MINUTES), "rehearsal " + List.of(args) + " finished");
    return new Run(p.exitValue(), Files.readString(tmp.resolve("child.log")));
  }

  private Process start(Path ws, String... args) throws Exception {
    String jar = System.getProperty("rehearsal.jar");
    assertTrue(jar != null && new File(jar).isFile(), "the packaged jar is needed: " + jar);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd =
        new ArrayList<>(List.of(java, "-Drehearsal.index.ramBufferMB=1", "-Xmx512m", "-jar", jar));
    cmd.addAll(List.of(args));
    cmd.addAll(List.of("--workspace", ws.toString()));
    return new ProcessBuilder(cmd)
        .redirectErrorStream(true)
        .redirectOutput(tmp.resolve("child.log").toFile())
        .start();
  }

  private static Set<String> files(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
    }
  }

  /** What the dashboard and the lists read, as the command line prints it. */
  private String state(Path ws) throws Exception {
    Run agg = rehearsal(ws, "aggregates", "--from", "2000-01-01", "--to", "2100-01-01", "--json");
    assertEquals(0, agg.code(), agg.out());
    Run stats = rehearsal(ws, "stats", "--json");
    assertEquals(0, stats.code(), stats.out());
    return agg.out() + "\n" + stats.out();
  }

  @Test
  void anAnalysisKilledAtAnyMomentLeavesThePreviousOneWhole() throws Exception {
    Path ws = tmp.resolve("ws");
    Run demo =
        rehearsal(
            ws,
            "demo",
            "--out",
            tmp.resolve("demo").toString(),
            "--incidents",
            "800",
            "--deploys",
            "3000",
            "--import");
    assertEquals(0, demo.code(), demo.out());
    Run first = rehearsal(ws, "analyze");
    assertEquals(0, first.code(), first.out());
    String before = state(ws);
    Path index =
        ws.resolve(dev.rehearsal.index.Schema.indexFolder(dev.rehearsal.index.Schema.VERSION));

    int killedWithPendingSegments = 0;
    // killed at once, after a while, and as soon as uncommitted segments are on disk
    long[] delaysMillis = {400, -1, -1};
    for (long delay : delaysMillis) {
      Set<String> committed = files(index);
      Process child = start(ws, "analyze");
      if (delay > 0) {
        Thread.sleep(delay);
      } else {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && child.isAlive()) {
          Set<String> now = files(index);
          now.removeAll(committed);
          if (now.stream().anyMatch(f -> f.endsWith(".si") || f.endsWith(".fdt"))) {
            killedWithPendingSegments++;
            break;
          }
          Thread.sleep(5);
        }
      }
      child.destroyForcibly(); // SIGKILL: no shutdown hooks, no commit
      assertTrue(child.waitFor(30, TimeUnit.SECONDS));
      assertEquals(
          before, state(ws), "after a kill " + (delay > 0 ? delay + " ms in" : "mid-write"));
    }
    assertTrue(killedWithPendingSegments > 0, "at least one kill met uncommitted segments");
    Run again = rehearsal(ws, "analyze");
    assertEquals(0, again.code(), again.out());
    assertEquals(before, state(ws), "a full analysis afterwards gives the same figures");
  }
}
