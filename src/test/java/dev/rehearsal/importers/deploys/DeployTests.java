package dev.rehearsal.importers.deploys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.rehearsal.importers.ImportContext;
import dev.rehearsal.importers.Importer;
import dev.rehearsal.importers.ImporterHarness;
import dev.rehearsal.importers.TargetHints;
import dev.rehearsal.model.Deploy;
import dev.rehearsal.model.ImportedRecord;
import dev.rehearsal.model.Rejection;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** What the deploy importer tests share. */
final class DeployTests {
  private DeployTests() {}

  static final String REAL = "fixtures/";
  static final String DOC = "fixtures/documented-deploys/";

  static ImporterHarness.Result parse(Importer importer, String resource) {
    return ImporterHarness.parse(importer, resource);
  }

  static ImporterHarness.Result parse(Importer importer, String resource, TargetHints hints) {
    return ImporterHarness.parse(importer, resource, ImportContext.defaults().withHints(hints));
  }

  /** Hints as a sidecar file would give them. */
  static TargetHints sidecar(String service, String environment, Instant at) {
    return new TargetHints(service, environment, null, null, at, "sidecar x.rehearsal.json");
  }

  static List<Deploy> deploys(ImporterHarness.Result r) {
    return r.of(Deploy.class);
  }

  static Deploy deploy(ImporterHarness.Result r, String sourceId) {
    return deploys(r).stream()
        .filter(d -> d.sourceId().equals(sourceId))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "no deploy with source id "
                        + sourceId
                        + " in "
                        + deploys(r).stream().map(Deploy::sourceId).collect(Collectors.toList())));
  }

  static Rejection rejection(ImporterHarness.Result r, long index) {
    return r.rejections().stream()
        .filter(x -> x.index() == index)
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no rejection at index " + index + " in " + r.rejections()));
  }

  /** Counts, and that every record position 0..seen-1 ends in exactly one outcome. */
  static void assertCounts(ImporterHarness.Result r, int accepted, int rejected) {
    assertEquals(accepted, r.records().size() + r.statuses().size(), "accepted");
    assertEquals(rejected, r.rejections().size(), "rejected");
    assertEquals(accepted + rejected, r.seen(), "seen == accepted + rejected");
    java.util.Set<Long> indexes = new java.util.TreeSet<>();
    for (ImportedRecord rec : r.records()) {
      assertTrue(
          indexes.add(rec.provenance().index()), "index used twice: " + rec.provenance().index());
    }
    for (var s : r.statuses()) {
      assertTrue(indexes.add(s.provenance().index()), "index used twice");
    }
    for (Rejection x : r.rejections()) {
      assertTrue(indexes.add(x.index()), "index used twice: " + x.index());
    }
    long expect = 0;
    for (long i : indexes) {
      if (i != expect++) {
        fail("record indexes are not 0.." + (r.seen() - 1) + ": " + indexes);
      }
    }
  }

  /** Element {@code i} of a JSON list resource, written alone to a file in {@code dir}. */
  static java.nio.file.Path element(String resource, int i, java.nio.file.Path dir)
      throws java.io.IOException {
    var list =
        dev.rehearsal.util.Json.mapper().readTree(ImporterHarness.resource(resource).toFile());
    java.nio.file.Path out = dir.resolve("single-" + i + ".json");
    java.nio.file.Files.writeString(
        out,
        dev.rehearsal.util.Json.pretty().writeValueAsString(list.get(i)),
        java.nio.charset.StandardCharsets.UTF_8);
    return out;
  }

  static ImporterHarness.Result parseFile(Importer importer, java.nio.file.Path file) {
    return ImporterHarness.parse(
        importer, new dev.rehearsal.importers.FileSource(file), ImportContext.defaults());
  }

  /** Every rejection says "not a deploy". */
  static void assertAllNotADeploy(ImporterHarness.Result r) {
    for (Rejection x : r.rejections()) {
      assertTrue(x.reason().startsWith("not a deploy: "), x.reason());
      assertTrue(x.line() > 0, "rejection has a line: " + x);
    }
  }

  /** Parsing the same file twice gives the same keys: re-import replaces, never duplicates. */
  static void assertIdempotent(Importer importer, String resource, TargetHints hints) {
    var a = hints == null ? parse(importer, resource) : parse(importer, resource, hints);
    var b = hints == null ? parse(importer, resource) : parse(importer, resource, hints);
    assertEquals(keys(a), keys(b));
    assertEquals(a.records(), b.records());
  }

  static List<String> keys(ImporterHarness.Result r) {
    return r.records().stream().map(ImportedRecord::key).collect(Collectors.toList());
  }

  /** Keys are unique within the file unless the source repeats a record on purpose. */
  static void assertUniqueKeys(ImporterHarness.Result r) {
    List<String> k = keys(r);
    assertEquals(k.size(), new java.util.HashSet<>(k).size(), "duplicate keys: " + k);
  }
}
