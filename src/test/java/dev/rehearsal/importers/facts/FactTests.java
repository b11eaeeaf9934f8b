package dev.rehearsal.importers.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.rehearsal.importers.FileSource;
import dev.rehearsal.importers.ImportContext;
import dev.rehearsal.importers.ImportSource;
import dev.rehearsal.importers.Importer;
import dev.rehearsal.importers.ImporterHarness;
import dev.rehearsal.importers.Sniff;
import dev.rehearsal.importers.TargetHints;
import dev.rehearsal.model.EnvironmentFact;
import dev.rehearsal.model.FactType;
import dev.rehearsal.model.Rejection;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Helpers shared by the fact importer tests. */
final class FactTests {
  private FactTests() {}

  static final Instant AT = Instant.parse("2024-03-01T00:00:00Z");

  /** A context whose hints say what a sidecar would. */
  static ImportContext hints(String service, String env, Instant at) {
    return ImportContext.defaults()
        .withHints(new TargetHints(service, env, null, null, at, "sidecar rehearsal.json"));
  }

  /** Every record the file holds ended in exactly one accept or reject. */
  static void countsAddUp(ImporterHarness.Result r) {
    assertEquals(r.seen(), r.records().size() + r.statuses().size() + r.rejections().size());
    Set<Long> indexes = new HashSet<>();
    for (Rejection j : r.rejections()) {
      assertTrue(indexes.add(j.index()), "index " + j.index() + " rejected twice: " + j);
    }
  }

  static List<EnvironmentFact> facts(ImporterHarness.Result r) {
    return r.of(EnvironmentFact.class);
  }

  static List<EnvironmentFact> facts(ImporterHarness.Result r, FactType type) {
    return facts(r).stream().filter(f -> f.type() == type).toList();
  }

  static EnvironmentFact fact(ImporterHarness.Result r, FactType type, String subject) {
    List<EnvironmentFact> found =
        facts(r, type).stream().filter(f -> f.subject().equals(subject)).toList();
    if (found.isEmpty()) {
      fail(
          "no "
              + type
              + " fact for '"
              + subject
              + "' among "
              + facts(r).stream().map(EnvironmentFact::subject).toList());
    }
    return found.get(found.size() - 1);
  }

  static Rejection rejection(ImporterHarness.Result r, String containing) {
    return r.rejections().stream()
        .filter(j -> j.reason().contains(containing))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "no rejection mentions '" + containing + "': " + r.rejections()));
  }

  /** A source over text written to a temporary file with the given name. */
  static ImportSource file(Path dir, String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return new FileSource(p, name);
  }

  static int score(Importer importer, String resource) {
    try {
      return importer.recognizes(
          Sniff.of(new FileSource(ImporterHarness.resource(resource), resource)));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** A source whose text is given, without a file (for names the runner would hide). */
  static ImportSource text(String name, String content) {
    return new ImportSource() {
      @Override
      public String displayName() {
        return name;
      }

      @Override
      public String fileName() {
        int slash = name.lastIndexOf('/');
        return slash < 0 ? name : name.substring(slash + 1);
      }

      @Override
      public long size() {
        return content.length();
      }

      @Override
      public InputStream open() {
        return new java.io.ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
      }

      @Override
      public Path path() {
        return null;
      }

      @Override
      public ImportSource sibling(String n) {
        return null;
      }
    };
  }
}
