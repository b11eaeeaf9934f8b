package dev.rehearsal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exit code of {@code import}: without {@code --strict}, non-zero when nothing at all was
 * imported; with it, non-zero when anything was not (a record rejected, a file skipped or failed).
 * The reason is on stderr, the summary (and its JSON) still printed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportOutcomeTest {
  @TempDir static Path dir;

  Path good;
  Path empty;
  Path unknown;
  Path bomb;

  @BeforeAll
  void files() throws Exception {
    good = dir.resolve("deploys.csv");
    Files.writeString(
        good,
        "id,service,environment,version,time,status\n"
            + "d1,checkout,production,1.0,2025-01-02T10:00:00Z,success\n",
        StandardCharsets.UTF_8);
    empty = dir.resolve("empty.csv");
    Files.writeString(empty, "");
    unknown = dir.resolve("unknown.csv");
    Files.writeString(unknown, "colour,size\nred,4\nblue,7\n");
    bomb = dir.resolve("bomb.zip");
    try (OutputStream o = Files.newOutputStream(bomb);
        ZipOutputStream z = new ZipOutputStream(o)) {
      z.putNextEntry(new ZipEntry("zeros.csv"));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 20; i++) {
        z.write(zeros);
      }
      z.closeEntry();
    }
  }

  private CliTest.Run run(String ws, boolean strict, Path... inputs) {
    java.util.List<String> args = new java.util.ArrayList<>();
    args.add("import");
    for (Path p : inputs) {
      args.add(p.toString());
    }
    args.add("--workspace");
    args.add(dir.resolve(ws).toString());
    if (strict) {
      args.add("--strict");
    }
    return CliTest.run(args.toArray(new String[0]));
  }

  @Test
  void strictFailsWhenAFileWasSkippedOrFailed() {
    for (Path p : new Path[] {empty, unknown, bomb}) {
      CliTest.Run lenient = run("ws-" + p.getFileName(), false, good, p);
      assertEquals(0, lenient.code(), p + ": " + lenient.out() + lenient.err());
      CliTest.Run strict = run("ws-" + p.getFileName(), true, good, p);
      assertEquals(1, strict.code(), p + ": " + strict.out() + strict.err());
      assertTrue(strict.err().contains("--strict: not everything was imported"), strict.err());
      assertTrue(strict.err().contains(p.getFileName().toString()), strict.err());
      assertTrue(strict.out().contains("1 file(s) imported"), "the summary is still printed");
      assertFalse(strict.err().contains("\tat "), "no stack trace: " + strict.err());
    }
  }

  @Test
  void nothingImportedFailsWithTheReasonEvenWithoutStrict() {
    CliTest.Run r = run("ws-nothing", false, empty, unknown, bomb);
    assertEquals(1, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("nothing was imported"), r.err());
    assertTrue(r.err().contains("2 file(s) skipped"), r.err());
    assertTrue(r.err().contains("1 file(s) failed (" + bomb), r.err());
    assertTrue(r.err().contains("zip bomb"), r.err());
  }

  @Test
  void strictFailureStillPrintsTheJson() throws Exception {
    CliTest.Run r =
        CliTest.run(
            "import",
            good.toString(),
            empty.toString(),
            "--workspace",
            dir.resolve("ws-json").toString(),
            "--strict",
            "--json");
    assertEquals(1, r.code(), r.err());
    assertEquals(1, r.json().path("files").get(0).path("accepted").asInt(), r.out());
  }

  @Test
  void anAnalysisThatCannotFitSaysSoWhileTheImportStands() throws Exception {
    String ws = dir.resolve("ws-heap").toString();
    System.setProperty("rehearsal.analysis.maxHeap", Long.toString(1L << 20));
    try {
      CliTest.Run r = CliTest.run("import", good.toString(), "--workspace", ws, "--json");
      assertEquals(0, r.code(), r.out() + r.err());
      assertEquals(1, r.json().path("files").get(0).path("accepted").asInt(), r.out());
      assertTrue(r.err().contains("needs about 48 MB of heap"), r.err());
      assertTrue(r.err().contains("run with -Xmx1g"), r.err());
      assertTrue(r.err().contains("The imported records are kept."), r.err());
      CliTest.Run a = CliTest.run("analyze", "--workspace", ws);
      assertEquals(1, a.code(), a.out() + a.err());
      assertTrue(a.err().contains("-Xmx1g"), a.err());
      assertFalse(a.err().contains("\tat "), "no stack trace: " + a.err());
    } finally {
      System.clearProperty("rehearsal.analysis.maxHeap");
    }
    CliTest.Run stats = CliTest.run("stats", "--workspace", ws, "--json");
    assertEquals(0, stats.code(), stats.err());
    assertEquals(1, stats.json().path("documents").path("deploy").asInt(), stats.out());
  }
}
