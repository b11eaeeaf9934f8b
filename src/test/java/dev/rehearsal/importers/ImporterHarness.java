package dev.rehearsal.importers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rehearsal.model.DeployStatusEvent;
import dev.rehearsal.model.ImportedRecord;
import dev.rehearsal.model.Rejection;
import dev.rehearsal.util.Json;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one importer over one file and compares what it produced with a golden file: the input sits
 * in {@code src/test/resources/fixtures/...} (copied from the real samples with their licence), the
 * expected records in {@code src/test/resources/golden/NAME.json}. Run with {@code
 * -Drehearsal.updateGolden=true} to write missing or changed golden files; then read every one you
 * wrote before committing it.
 */
public final class ImporterHarness {
  private ImporterHarness() {}

  /** What a parse produced. */
  public record Result(
      List<ImportedRecord> records,
      List<DeployStatusEvent> statuses,
      List<Rejection> rejections,
      List<String> warnings) {
    public long seen() {
      return records.size() + statuses.size() + rejections.size();
    }

    @SuppressWarnings("unchecked")
    public <T extends ImportedRecord> List<T> of(Class<T> type) {
      List<T> out = new ArrayList<>();
      for (ImportedRecord r : records) {
        if (type.isInstance(r)) {
          out.add((T) r);
        }
      }
      return out;
    }
  }

  /** A test resource as a path ("fixtures/devlake/pagerduty/x.csv"). */
  public static Path resource(String relative) {
    URL url = ImporterHarness.class.getClassLoader().getResource(relative);
    if (url == null) {
      fail("test resource " + relative + " is missing");
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Parses a test resource with an importer and default context. */
  public static Result parse(Importer importer, String resource) {
    return parse(importer, resource, ImportContext.defaults());
  }

  public static Result parse(Importer importer, String resource, ImportContext ctx) {
    return parse(importer, new FileSource(resource(resource), resource), ctx);
  }

  /** Parses any source; the file-level error (if any) becomes a rejection, as in real imports. */
  public static Result parse(Importer importer, ImportSource source, ImportContext ctx) {
    List<ImportedRecord> records = new ArrayList<>();
    List<DeployStatusEvent> statuses = new ArrayList<>();
    List<Rejection> rejections = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    RecordSink sink =
        new RecordSink() {
          @Override
          public void accept(ImportedRecord record) {
            records.add(record);
          }

          @Override
          public void acceptStatus(DeployStatusEvent event) {
            statuses.add(event);
          }

          @Override
          public void reject(long line, long index, String reason) {
            rejections.add(new Rejection(source.displayName(), line, index, importer.id(), reason));
          }

          @Override
          public void warn(String message) {
            warnings.add(message);
          }
        };
    try {
      importer.parse(source, ctx, sink);
    } catch (ImportException e) {
      rejections.add(
          new Rejection(
              source.displayName(),
              e.line(),
              records.size() + statuses.size() + rejections.size(),
              importer.id(),
              "the rest of the file could not be read: " + e.getMessage()));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return new Result(records, statuses, rejections, warnings);
  }

  /** Detection must pick this importer for the resource. */
  public static void assertDetected(ImporterRegistry registry, String resource, String id) {
    try {
      Sniff s = Sniff.of(new FileSource(resource(resource), resource));
      var d = registry.detect(s);
      assertEquals(
          id,
          d.map(x -> x.importer().id()).orElse("(none: " + s.describe() + ")"),
          "detected importer for " + resource);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** Compares the result with {@code src/test/resources/golden/NAME.json}. */
  public static void assertGolden(Result result, String name) {
    ObjectNode root = Json.mapper().createObjectNode();
    root.put("seen", result.seen());
    root.put("accepted", result.records().size() + result.statuses().size());
    root.put("rejected", result.rejections().size());
    root.set("records", Json.mapper().valueToTree(result.records()));
    if (!result.statuses().isEmpty()) {
      root.set("statuses", Json.mapper().valueToTree(result.statuses()));
    }
    root.set("rejections", Json.mapper().valueToTree(result.rejections()));
    root.set("warnings", Json.mapper().valueToTree(result.warnings()));
    String actual;
    try {
      actual = Json.pretty().writeValueAsString(root) + "\n";
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    Path golden = Path.of("src/test/resources/golden", name + ".json");
    boolean update = Boolean.getBoolean("rehearsal.updateGolden");
    try {
      if (!Files.exists(golden) || update) {
        if (!update) {
          fail(
              "golden file "
                  + golden
                  + " does not exist; run with "
                  + "-Drehearsal.updateGolden=true, then read it before committing");
        }
        Files.createDirectories(golden.getParent());
        Files.writeString(golden, actual, StandardCharsets.UTF_8);
        return;
      }
      String expected = Files.readString(golden, StandardCharsets.UTF_8);
      assertEquals(expected, actual, "records differ from golden file " + golden);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
