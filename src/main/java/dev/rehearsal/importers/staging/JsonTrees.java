package dev.rehearsal.importers.staging;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rehearsal.importers.ImportException;
import dev.rehearsal.util.Texts;
import java.io.IOException;
import java.util.Set;

/**
 * Reads one JSON value from a streaming parser into a tree while leaving out the fields that make
 * result files big (base64 attachments, captured output, stack traces), and cutting long strings,
 * so a report of any size needs the memory of one test case.
 */
final class JsonTrees {
  /** Longest string kept in a tree; longer ones are cut (their first line is all we use). */
  static final int MAX_STRING = 20_000;

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private JsonTrees() {}

  /** Reads the value the parser's current token starts, skipping fields named in {@code skip}. */
  static JsonNode read(JsonParser p, Set<String> skip) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.START_OBJECT) {
      ObjectNode o = F.objectNode();
      JsonToken k;
      while ((k = p.nextToken()) == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        if (skip.contains(name)) {
          p.skipChildren();
        } else {
          o.set(name, read(p, skip));
        }
      }
      if (k != JsonToken.END_OBJECT) {
        throw new IOException("the JSON object is cut off");
      }
      return o;
    }
    if (t == JsonToken.START_ARRAY) {
      ArrayNode a = F.arrayNode();
      JsonToken k;
      while ((k = p.nextToken()) != JsonToken.END_ARRAY) {
        if (k == null) {
          throw new IOException("the JSON list is cut off");
        }
        a.add(read(p, skip));
      }
      return a;
    }
    if (t == null) {
      throw new IOException("the JSON is cut off");
    }
    return switch (t) {
      case VALUE_STRING -> F.textNode(Texts.truncate(p.getText(), MAX_STRING));
      case VALUE_NUMBER_INT ->
          p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
              ? F.numberNode(p.getBigIntegerValue())
              : F.numberNode(p.getLongValue());
      case VALUE_NUMBER_FLOAT -> F.numberNode(p.getDoubleValue());
      case VALUE_TRUE -> F.booleanNode(true);
      case VALUE_FALSE -> F.booleanNode(false);
      case VALUE_NULL -> F.nullNode();
      default -> F.missingNode();
    };
  }

  /** The ImportException for a JSON syntax error or a cut-off file. */
  static ImportException failure(JsonParser p, IOException e) {
    long line = 0;
    if (e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe
        && jpe.getLocation() != null) {
      line = jpe.getLocation().getLineNr();
    } else if (p != null) {
      line = p.currentLocation().getLineNr();
    }
    String msg =
        e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe
            ? jpe.getOriginalMessage()
            : e.getMessage();
    if (msg != null && msg.contains("end-of-input")) {
      msg = "the file ends in the middle of the JSON (cut off?)";
    }
    return new ImportException("invalid JSON at line " + line + ": " + msg, line, e);
  }

  /** Text of a field, or null when absent, null, a container or blank. */
  static String text(JsonNode n, String field) {
    JsonNode v = n == null ? null : n.get(field);
    if (v == null || v.isNull() || v.isContainerNode() || v.isMissingNode()) {
      return null;
    }
    String s = v.asText();
    return s.isBlank() ? null : s;
  }
}
