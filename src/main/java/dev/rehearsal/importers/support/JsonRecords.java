package dev.rehearsal.importers.support;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearsal.importers.ImportException;
import dev.rehearsal.importers.ImportSource;
import dev.rehearsal.importers.RecordSink;
import dev.rehearsal.util.Json;
import java.io.IOException;
import java.io.Reader;
import java.util.Set;

/**
 * Streams the records of a JSON file one at a time, so a file of any size needs the memory of one
 * record. Handles the shapes exports come in: a top-level array; an object whose list sits under
 * one of the given keys (API envelopes like {@code {"incidents": [...]}} or {@code {"data":
 * [...]}}), found at any depth; one bare object (a single API response); and several JSON values
 * one after another (JSON Lines, {@code kubectl} dumps).
 */
public final class JsonRecords {

  /** Receives one record with its position. */
  @FunctionalInterface
  public interface Handler {
    /**
     * @param node the record
     * @param line the line the record starts on
     * @param index the record's 0-based position in the file
     */
    void record(JsonNode node, long line, long index) throws IOException;
  }

  private JsonRecords() {}

  /**
   * Opens the source as text (with the usual encoding rules, warnings to the sink) and streams its
   * records.
   *
   * @param listKeys keys under which the list of records sits in an envelope object; a bare object
   *     that has none of them is itself the one record
   * @return the number of records streamed
   */
  public static long stream(
      ImportSource source, RecordSink sink, Set<String> listKeys, Handler handler)
      throws IOException, ImportException {
    Decoding.Decoded decoded = Decoding.open(source.open());
    try (Reader reader = decoded.reader()) {
      return stream(reader, listKeys, handler);
    } finally {
      decoded.notes().forEach(sink::warn);
    }
  }

  /** Streams records from a reader; see {@link #stream(ImportSource, RecordSink, Set, Handler)}. */
  public static long stream(Reader reader, Set<String> listKeys, Handler handler)
      throws IOException, ImportException {
    ObjectMapper mapper = Json.mapper();
    long index = 0;
    long line = 1;
    try (JsonParser p = Json.factory().createParser(reader)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        line = p.currentTokenLocation().getLineNr();
        if (t == JsonToken.START_ARRAY) {
          index = streamArray(p, mapper, handler, index);
        } else if (t == JsonToken.START_OBJECT) {
          index = streamObject(p, mapper, listKeys, handler, index);
        } else {
          throw new ImportException("expected a JSON object or list but found " + t, line);
        }
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      long at = e.getLocation() == null ? line : e.getLocation().getLineNr();
      throw new ImportException(
          "invalid JSON at line " + at + ": " + e.getOriginalMessage(), at, e);
    }
    return index;
  }

  private static long streamArray(JsonParser p, ObjectMapper mapper, Handler handler, long index)
      throws IOException, ImportException {
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t == null) {
        throw new ImportException("the JSON list is cut off before its end", lineOf(p));
      }
      long line = p.currentTokenLocation().getLineNr();
      JsonNode node = mapper.readTree(p);
      handler.record(node, line, index++);
    }
    return index;
  }

  /** What reading one object found: records streamed from a list inside it, or the object. */
  private static final class Outcome {
    long index;
    boolean streamed;
    com.fasterxml.jackson.databind.node.ObjectNode buffered;
  }

  /**
   * Inside an object: if a field named like a list key holds an array, stream that array and skip
   * the rest; a wrapper field (GraphQL's data.repository.deployments ...) is searched the same way,
   * and kept as an ordinary field when it holds no list. At the top level an object without a list
   * is the one record.
   */
  private static long streamObject(
      JsonParser p, ObjectMapper mapper, Set<String> listKeys, Handler handler, long index)
      throws IOException, ImportException {
    long startLine = p.currentTokenLocation().getLineNr();
    Outcome o = readObject(p, mapper, listKeys, handler, index);
    index = o.index;
    if (!o.streamed) {
      JsonNode nested = findNestedList(o.buffered, listKeys);
      if (nested != null) {
        for (JsonNode n : nested) {
          handler.record(n, startLine, index++);
        }
      } else if (o.buffered.size() > 0) {
        handler.record(o.buffered, startLine, index++);
      }
    }
    return index;
  }

  private static Outcome readObject(
      JsonParser p, ObjectMapper mapper, Set<String> listKeys, Handler handler, long index)
      throws IOException, ImportException {
    Outcome o = new Outcome();
    o.index = index;
    o.buffered = mapper.createObjectNode();
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken v = p.nextToken();
      if (!o.streamed && listKeys.contains(name) && v == JsonToken.START_ARRAY) {
        o.index = streamArray(p, mapper, handler, o.index);
        o.streamed = true;
      } else if (!o.streamed
          && v == JsonToken.START_OBJECT
          && WRAPPERS.contains(name)
          && !listKeys.contains(name)) {
        Outcome inner = readObject(p, mapper, listKeys, handler, o.index);
        o.index = inner.index;
        if (inner.streamed) {
          o.streamed = true;
        } else {
          o.buffered.set(name, inner.buffered);
        }
      } else {
        JsonNode value = mapper.readTree(p);
        if (!o.streamed) {
          o.buffered.set(name, value);
        }
      }
    }
    if (t != JsonToken.END_OBJECT) {
      throw new ImportException("the JSON object is cut off before its end", lineOf(p));
    }
    return o;
  }

  /** GraphQL connection objects whose nodes are the records. */
  private static final Set<String> GRAPHQL_CONNECTIONS =
      Set.of("deployments", "incidents", "workflowRuns", "pullRequests", "releases");

  /** Wrapper objects on the way to a list: GraphQL "data", "repository", ... */
  private static final Set<String> WRAPPERS =
      Set.of(
          "data",
          "repository",
          "result",
          "response",
          "project",
          "application",
          "status",
          "body",
          "payload",
          "organization",
          "viewer");

  /**
   * A list under a list key, directly or inside envelope objects only: a record's own nested lists
   * (JSON:API relationships.*.data) are part of the record, not records.
   */
  private static JsonNode findNestedList(JsonNode node, Set<String> listKeys) {
    if (node == null || !node.isObject()) {
      return null;
    }
    for (String k : listKeys) {
      JsonNode v = node.get(k);
      if (v != null && v.isArray()) {
        return v;
      }
    }
    var it = node.fields();
    while (it.hasNext()) {
      var e = it.next();
      if (e.getValue().isObject()
          && (WRAPPERS.contains(e.getKey()) || GRAPHQL_CONNECTIONS.contains(e.getKey()))) {
        JsonNode found = findNestedList(e.getValue(), listKeys);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private static long lineOf(JsonParser p) {
    return p.currentLocation().getLineNr();
  }

  // -------------------------------------------------------------- node helpers

  /** Text at a dotted path ("service.summary"), or null when absent, null or blank. */
  public static String text(JsonNode node, String dottedPath) {
    JsonNode v = at(node, dottedPath);
    if (v == null || v.isNull() || v.isMissingNode() || v.isContainerNode()) {
      return null;
    }
    String s = v.asText();
    return s.isBlank() ? null : s;
  }

  /** The first non-blank text among several dotted paths. */
  public static String firstText(JsonNode node, String... paths) {
    for (String p : paths) {
      String s = text(node, p);
      if (s != null) {
        return s;
      }
    }
    return null;
  }

  /** The node at a dotted path, or a missing node. */
  public static JsonNode at(JsonNode node, String dottedPath) {
    JsonNode n = node;
    for (String part : dottedPath.split("\\.")) {
      if (n == null) {
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
      }
      n = n.path(part);
    }
    return n;
  }
}
