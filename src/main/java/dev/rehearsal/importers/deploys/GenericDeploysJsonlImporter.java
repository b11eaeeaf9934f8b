package dev.rehearsal.importers.deploys;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rehearsal.importers.ImportContext;
import dev.rehearsal.importers.ImportException;
import dev.rehearsal.importers.ImportSource;
import dev.rehearsal.importers.Importer;
import dev.rehearsal.importers.RecordSink;
import dev.rehearsal.importers.Sniff;
import dev.rehearsal.model.RecordKind;
import java.io.IOException;

/**
 * Rehearsal's generic deploy JSON Lines: one JSON object per line with the same fields as the CSV
 * ({@code time, service, environment, version, status}, optionally {@code commit, id, started, url,
 * rollback, description, ref, actor}). A JSON list of such objects is read too. A line that is not
 * valid JSON is rejected on its own; the lines around it still import.
 */
public final class GenericDeploysJsonlImporter implements Importer {
  public static final String ID = "deploys-jsonl";
  private static final String TOOL = GenericDeploys.TOOL;

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "Deploys, Rehearsal JSON Lines (time, service, environment, version, status)";
  }

  @Override
  public RecordKind kind() {
    return RecordKind.DEPLOY;
  }

  @Override
  public int recognizes(Sniff s) {
    if (!s.looksLikeJson()) {
      return NO;
    }
    for (String k : GenericDeploys.REQUIRED) {
      if (!s.jsonKeys().contains(k)) {
        return NO;
      }
    }
    return 70;
  }

  @Override
  public void parse(ImportSource source, ImportContext ctx, RecordSink sink)
      throws IOException, ImportException {
    String file = source.displayName();
    if (Sources.firstChar(source) == '[') {
      new JsonStream()
          .stream(
              source,
              sink,
              false,
              (node, envelope, line, index) ->
                  Emit.one(sink, ctx, line, index, () -> map(node, ctx, file, line, index)));
      return;
    }
    long index = 0;
    try (LineReader r = new LineReader(source, sink)) {
      String line;
      while ((line = r.next()) != null) {
        if (line.isBlank()) {
          continue;
        }
        final String text = line;
        final long lineNo = r.number();
        final long i = index++;
        Emit.one(
            sink,
            ctx,
            lineNo,
            i,
            () -> {
              JsonNode node;
              try {
                node = JsonStream.mapper().readTree(text);
              } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new Reject(
                    "the line is not valid JSON ("
                        + Nodes.shorten(String.valueOf(e.getOriginalMessage()))
                        + ")");
              }
              if (node == null || !node.isObject()) {
                throw new Reject("the line is not a JSON object");
              }
              return map(node, ctx, file, lineNo, i);
            });
      }
    }
  }

  private Object map(JsonNode node, ImportContext ctx, String file, long line, long index)
      throws Reject {
    if (!node.isObject()) {
      throw new Reject("not a JSON object");
    }
    return GenericDeploys.map(k -> Nodes.text(node, k), ctx).build(TOOL, file, line, index, ID);
  }
}
