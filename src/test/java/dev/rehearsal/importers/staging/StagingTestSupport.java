package dev.rehearsal.importers.staging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rehearsal.importers.FileSource;
import dev.rehearsal.importers.ImportContext;
import dev.rehearsal.importers.Importer;
import dev.rehearsal.importers.ImporterHarness;
import dev.rehearsal.importers.TargetHints;
import dev.rehearsal.model.StagingRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Helpers the staging importer tests share. */
final class StagingTestSupport {
  private StagingTestSupport() {}

  /** A time the hints give for files that state none. */
  static final Instant HINT_AT = Instant.parse("2024-03-01T10:15:00Z");

  /** Hints as a sidecar would give them: service, environment, version and time. */
  static TargetHints sidecar(String service, String env, String version, Instant at) {
    return new TargetHints(service, env, version, null, at, "sidecar test.rehearsal.json");
  }

  /** A default context whose hints give only the run time. */
  static ImportContext atHint() {
    return ImportContext.defaults().withHints(sidecar(null, null, null, HINT_AT));
  }

  /** Parses bytes written to a temporary file, named {@code tmp/NAME} in the results. */
  static ImporterHarness.Result parseBytes(
      Importer importer, Path dir, String name, byte[] bytes, ImportContext ctx)
      throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.write(p, bytes);
    return ImporterHarness.parse(importer, new FileSource(p, "tmp/" + name), ctx);
  }

  /** Reads a test resource's bytes. */
  static byte[] bytes(String resource) throws IOException {
    return Files.readAllBytes(ImporterHarness.resource(resource));
  }

  /** The one run a result holds, checking the counts add up. */
  static StagingRun onlyRun(ImporterHarness.Result r) {
    List<StagingRun> runs = r.of(StagingRun.class);
    assertEquals(1, runs.size(), "runs in " + r.records() + " / " + r.rejections());
    assertEquals(r.seen(), r.records().size() + r.statuses().size() + r.rejections().size());
    return runs.get(0);
  }

  /** Whether any note of the run contains the text. */
  static boolean hasNote(StagingRun run, String text) {
    return run.provenance().notes().stream().anyMatch(n -> n.contains(text));
  }
}
