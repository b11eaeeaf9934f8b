package dev.rehearsal.importers.incidents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.rehearsal.importers.FileSource;
import dev.rehearsal.importers.ImportContext;
import dev.rehearsal.importers.Importer;
import dev.rehearsal.importers.ImporterHarness;
import dev.rehearsal.importers.ImporterRegistry;
import dev.rehearsal.importers.Sniff;
import dev.rehearsal.model.Incident;
import dev.rehearsal.model.Rejection;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Helpers shared by the incident importer tests. */
final class IncidentTests {
  private IncidentTests() {}

  static final String DOC = "fixtures/incidents-documented/";

  static List<Incident> incidents(ImporterHarness.Result r) {
    return r.of(Incident.class);
  }

  /** The one accepted incident with this reference. */
  static Incident byRef(ImporterHarness.Result r, String reference) {
    List<Incident> found =
        incidents(r).stream().filter(i -> i.reference().equals(reference)).toList();
    if (found.size() != 1) {
      fail(
          "expected one incident with reference "
              + reference
              + ", found "
              + found.size()
              + " in "
              + incidents(r).stream().map(Incident::reference).toList());
    }
    return found.get(0);
  }

  static Incident bySourceId(ImporterHarness.Result r, String sourceId) {
    return incidents(r).stream()
        .filter(i -> i.sourceId().equals(sourceId))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no incident " + sourceId));
  }

  /** Counts add up, and are what the test expects. */
  static void assertCounts(ImporterHarness.Result r, int accepted, int rejected) {
    assertEquals(r.seen(), r.records().size() + r.statuses().size() + r.rejections().size());
    assertEquals(accepted, r.records().size(), () -> "accepted; rejections: " + r.rejections());
    assertEquals(rejected, r.rejections().size(), () -> "rejected: " + r.rejections());
  }

  /** The one rejection at this line; its reason contains every fragment. */
  static Rejection assertRejected(ImporterHarness.Result r, long line, String... fragments) {
    List<Rejection> at = r.rejections().stream().filter(x -> x.line() == line).toList();
    assertEquals(1, at.size(), () -> "rejections at line " + line + ": " + r.rejections());
    for (String f : fragments) {
      assertTrue(
          at.get(0).reason().contains(f),
          () -> "reason '" + at.get(0).reason() + "' should contain '" + f + "'");
    }
    return at.get(0);
  }

  /** Parsing twice gives the same records, so the same keys. */
  static void assertIdempotent(Importer importer, String resource) {
    ImporterHarness.Result a = ImporterHarness.parse(importer, resource);
    ImporterHarness.Result b = ImporterHarness.parse(importer, resource);
    List<String> ka = a.records().stream().map(x -> x.key()).toList();
    List<String> kb = b.records().stream().map(x -> x.key()).toList();
    assertFalse(ka.isEmpty(), "nothing imported from " + resource);
    assertEquals(ka, kb);
    assertEquals(a.records(), b.records());
    assertEquals(ka.size(), ka.stream().distinct().count(), "keys are unique in " + resource);
  }

  /** The same content imported from another place gives the same keys (no path in ids). */
  static void assertKeysIndependentOfPath(Importer importer, String resource, Path tmp)
      throws IOException {
    Path copy = tmp.resolve("moved-" + Path.of(resource).getFileName());
    Files.copy(ImporterHarness.resource(resource), copy);
    ImporterHarness.Result a = ImporterHarness.parse(importer, resource);
    ImporterHarness.Result b =
        ImporterHarness.parse(importer, new FileSource(copy), ImportContext.defaults());
    assertEquals(
        a.records().stream().map(x -> x.key()).toList(),
        b.records().stream().map(x -> x.key()).toList());
    assertNotEquals(a.records().get(0).provenance().file(), b.records().get(0).provenance().file());
  }

  /** Parses text written to a temporary file. */
  static ImporterHarness.Result parseText(Importer importer, Path dir, String name, String content)
      throws IOException {
    return parseText(importer, dir, name, content, ImportContext.defaults());
  }

  static ImporterHarness.Result parseText(
      Importer importer, Path dir, String name, String content, ImportContext ctx)
      throws IOException {
    return parseBytes(importer, dir, name, content.getBytes(StandardCharsets.UTF_8), ctx);
  }

  static ImporterHarness.Result parseBytes(
      Importer importer, Path dir, String name, byte[] content, ImportContext ctx)
      throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, content);
    return ImporterHarness.parse(importer, new FileSource(p, name), ctx);
  }

  /** A resource's text, cut after {@code fraction} of its characters. */
  static String cut(String resource, double fraction, Charset cs) throws IOException {
    String s = Files.readString(ImporterHarness.resource(resource), cs);
    return s.substring(0, (int) (s.length() * fraction));
  }

  static String read(String resource) throws IOException {
    return Files.readString(ImporterHarness.resource(resource), StandardCharsets.UTF_8);
  }

  /** The importer detection picks for a resource, or "" when none. */
  static String detected(String resource) throws IOException {
    Sniff s = Sniff.of(new FileSource(ImporterHarness.resource(resource), resource));
    return ImporterRegistry.standard().detect(s).map(d -> d.importer().id()).orElse("");
  }

  /** Ids of the incident importers. */
  static List<String> ourIds() {
    return IncidentImporters.all().stream().map(Importer::id).toList();
  }

  /** Detection picks none of the incident importers for this resource. */
  static void assertNotOurs(String resource) throws IOException {
    String id = detected(resource);
    assertFalse(ourIds().contains(id), resource + " was taken by " + id);
  }
}
