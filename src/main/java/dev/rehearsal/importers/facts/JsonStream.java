package dev.rehearsal.importers.facts;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rehearsal.importers.ImportException;
import dev.rehearsal.importers.ImportSource;
import dev.rehearsal.importers.RecordSink;
import dev.rehearsal.importers.support.Decoding;
import dev.rehearsal.util.Json;
import java.io.IOException;
import java.io.Reader;
import java.util.Set;

/**
 * Streams JSON records one at a time for the fact and generic importers.
 *
 * <p>Unlike the shared {@code JsonRecords}, it never descends into an object-valued field just
 * because the field is called {@code response}, {@code data} or {@code status}: a WireMock stub
 * ({@code {"request": {...}, "response": {...}}}) or a generic row with a {@code status} object
 * stays one record. Shapes: a top-level array (each element a record); an object holding its list
 * under one of the given keys (each element a record, the other fields ignored); any other object
 * (itself one record); and several values one after another (JSON Lines).
 */
public final class JsonStream {

  /** Receives one record with the line it starts on and its 0-based position. */
  @FunctionalInterface
  public interface Handler {
    void record(JsonNode node, long line, long index) throws IOException, ImportException;
  }

  /** Receives the elements of top-level arrays and the other top-level fields of an object. */
  public interface FieldVisitor {
    /** Whether to read this top-level field (others are skipped without being built). */
    boolean wants(String field);

    /** One element of a wanted top-level array field. */
    default void element(String field, JsonNode node, long line, long index)
        throws IOException, ImportException {}

    /** A wanted top-level field that is not an array. */
    default void value(String field, JsonNode node, long line)
        throws IOException, ImportException {}
  }

  private JsonStream() {}

  /** Opens a source as text with the usual encoding rules; encoding notes go to the sink. */
  public static Decoding.Decoded open(ImportSource source) throws IOException {
    return Decoding.open(source.open());
  }

  /**
   * Streams records from a source.
   *
   * @param listKeys the keys an envelope object keeps its list under
   * @return the number of records
   */
  public static long records(
      ImportSource source, RecordSink sink, Set<String> listKeys, Handler handler)
      throws IOException, ImportException {
    Decoding.Decoded d = open(source);
    try (Reader r = d.reader()) {
      return records(r, listKeys, handler);
    } finally {
      d.notes().forEach(sink::warn);
    }
  }

  /**
   * Streams records from a reader; see {@link #records(ImportSource, RecordSink, Set, Handler)}.
   */
  public static long records(Reader reader, Set<String> listKeys, Handler handler)
      throws IOException, ImportException {
    ObjectMapper mapper = Json.mapper();
    long[] index = {0};
    long line = 1;
    try (JsonParser p = Json.factory().createParser(reader)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        line = p.currentTokenLocation().getLineNr();
        if (t == JsonToken.START_ARRAY) {
          streamArray(p, mapper, handler, index);
        } else if (t == JsonToken.START_OBJECT) {
          streamObject(p, mapper, listKeys, handler, index, line);
        } else {
          throw new ImportException(
              "expected a JSON object or list at line " + line + " but found " + describe(t), line);
        }
      }
    } catch (JsonProcessingException e) {
      throw invalid(e, line);
    }
    return index[0];
  }

  private static void streamArray(JsonParser p, ObjectMapper mapper, Handler handler, long[] index)
      throws IOException, ImportException {
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t == null) {
        throw new ImportException(
            "the JSON list is cut off before its end", p.currentLocation().getLineNr());
      }
      long line = p.currentTokenLocation().getLineNr();
      JsonNode node = mapper.readTree(p);
      handler.record(node, line, index[0]++);
    }
  }

  private static void streamObject(
      JsonParser p,
      ObjectMapper mapper,
      Set<String> listKeys,
      Handler handler,
      long[] index,
      long startLine)
      throws IOException, ImportException {
    ObjectNode buffered = mapper.createObjectNode();
    boolean streamed = false;
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken v = p.nextToken();
      if (v == null) {
        break;
      }
      if (streamed) {
        p.skipChildren();
        continue;
      }
      if (v == JsonToken.START_ARRAY && listKeys != null && listKeys.contains(name)) {
        streamArray(p, mapper, handler, index);
        streamed = true;
      } else {
        buffered.set(name, (JsonNode) mapper.readTree(p));
      }
    }
    if (t != JsonToken.END_OBJECT) {
      throw new ImportException(
          "the JSON object that starts at line " + startLine + " is cut off before its end",
          p.currentLocation().getLineNr());
    }
    if (!streamed) {
      handler.record(buffered, startLine, index[0]++);
    }
  }

  /**
   * Walks the top level of a JSON object, handing over the elements of wanted array fields one at a
   * time and the wanted non-array fields whole; unwanted fields are skipped unbuilt.
   */
  public static void fields(Reader reader, FieldVisitor visitor)
      throws IOException, ImportException {
    ObjectMapper mapper = Json.mapper();
    long line = 1;
    try (JsonParser p = Json.factory().createParser(reader)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        throw new ImportException("the file is empty", 1);
      }
      if (t != JsonToken.START_OBJECT) {
        throw new ImportException("expected a JSON object but found " + describe(t), 1);
      }
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken v = p.nextToken();
        if (v == null) {
          break;
        }
        line = p.currentTokenLocation().getLineNr();
        if (!visitor.wants(name)) {
          p.skipChildren();
        } else if (v == JsonToken.START_ARRAY) {
          long i = 0;
          JsonToken e;
          while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
            if (e == null) {
              throw new ImportException(
                  "the list '" + name + "' is cut off before its end",
                  p.currentLocation().getLineNr());
            }
            long l = p.currentTokenLocation().getLineNr();
            JsonNode node = mapper.readTree(p);
            visitor.element(name, node, l, i++);
          }
        } else {
          visitor.value(name, mapper.readTree(p), line);
        }
      }
      if (t != JsonToken.END_OBJECT) {
        throw new ImportException(
            "the JSON object is cut off before its end", p.currentLocation().getLineNr());
      }
    } catch (JsonProcessingException e) {
      throw invalid(e, line);
    }
  }

  // ------------------------------------------------------------------ flattening

  /**
   * Flattens every JSON value of a text (one object, or several one after another) into dotted
   * keys, lists as {@code [n]}, without building a tree.
   */
  static void flatten(Reader reader, YamlEvents.FlatHandler h) throws IOException, ImportException {
    long line = 1;
    try (JsonParser p = Json.factory().createParser(reader)) {
      JsonToken t;
      int doc = -1;
      while ((t = p.nextToken()) != null) {
        doc++;
        line = p.currentTokenLocation().getLineNr();
        h.document(doc, line);
        if (t != JsonToken.START_OBJECT) {
          String what = t == JsonToken.START_ARRAY ? "a list" : "a single value";
          p.skipChildren();
          h.notAMap(doc, line, what);
          continue;
        }
        java.util.ArrayDeque<Object[]> stack = new java.util.ArrayDeque<>();
        // frame: {isMap, prefix, count(int[]), startLine}
        stack.push(new Object[] {true, "", new int[] {0}, line});
        String key = null;
        long keyLine = line;
        while (!stack.isEmpty()) {
          JsonToken e = p.nextToken();
          if (e == null) {
            throw new ImportException(
                "the JSON object that starts at line " + line + " is cut off before its end",
                p.currentLocation().getLineNr());
          }
          Object[] top = stack.peek();
          boolean isMap = (Boolean) top[0];
          String prefix = (String) top[1];
          int[] count = (int[]) top[2];
          if (e == JsonToken.END_OBJECT || e == JsonToken.END_ARRAY) {
            stack.pop();
            if (count[0] == 0 && !prefix.isEmpty()) {
              h.entry(
                  doc,
                  prefix,
                  e == JsonToken.END_OBJECT ? "{}" : "[]",
                  (Long) top[3],
                  java.util.List.of());
            }
            continue;
          }
          if (e == JsonToken.FIELD_NAME) {
            key = p.currentName();
            keyLine = p.currentTokenLocation().getLineNr();
            continue;
          }
          String full;
          long at;
          if (isMap) {
            full = YamlEvents.join(prefix, key);
            at = keyLine;
          } else {
            full = prefix + "[" + count[0] + "]";
            at = p.currentTokenLocation().getLineNr();
          }
          count[0]++;
          if (e == JsonToken.START_OBJECT) {
            stack.push(new Object[] {true, full, new int[] {0}, at});
          } else if (e == JsonToken.START_ARRAY) {
            stack.push(new Object[] {false, full, new int[] {0}, at});
          } else {
            h.entry(
                doc, full, e == JsonToken.VALUE_NULL ? "" : p.getText(), at, java.util.List.of());
          }
        }
      }
    } catch (JsonProcessingException e) {
      throw invalid(e, line);
    }
  }

  /**
   * Reads the JSON value at the parser's current token into a tree, noting the line of every key of
   * every object in {@code keyLines}.
   */
  static JsonNode readWithLines(
      JsonParser p, java.util.Map<JsonNode, java.util.Map<String, Long>> keyLines)
      throws IOException, ImportException {
    com.fasterxml.jackson.databind.node.JsonNodeFactory f =
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
    JsonToken t = p.currentToken();
    if (t == JsonToken.START_OBJECT) {
      ObjectNode obj = f.objectNode();
      java.util.Map<String, Long> lines = new java.util.HashMap<>();
      keyLines.put(obj, lines);
      JsonToken k;
      while ((k = p.nextToken()) == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        lines.put(name, (long) p.currentTokenLocation().getLineNr());
        if (p.nextToken() == null) {
          break;
        }
        obj.set(name, readWithLines(p, keyLines));
      }
      if (k != JsonToken.END_OBJECT) {
        throw new ImportException(
            "the JSON object is cut off before its end", p.currentLocation().getLineNr());
      }
      return obj;
    }
    if (t == JsonToken.START_ARRAY) {
      com.fasterxml.jackson.databind.node.ArrayNode arr = f.arrayNode();
      JsonToken e;
      while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
        if (e == null) {
          throw new ImportException(
              "the JSON list is cut off before its end", p.currentLocation().getLineNr());
        }
        arr.add(readWithLines(p, keyLines));
      }
      return arr;
    }
    return Json.mapper().readTree(p);
  }

  static ImportException invalid(JsonProcessingException e, long fallbackLine) {
    long at = e.getLocation() == null ? fallbackLine : e.getLocation().getLineNr();
    String msg = e.getOriginalMessage();
    if (msg != null && msg.contains("end-of-input")) {
      return new ImportException(
          "the JSON is cut off at line " + at + " (" + firstLine(msg) + ")", at, e);
    }
    return new ImportException("invalid JSON at line " + at + ": " + firstLine(msg), at, e);
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  private static String describe(JsonToken t) {
    return t == null ? "nothing" : t.isScalarValue() ? "a bare value" : t.toString();
  }

  // ------------------------------------------------------------------ node helpers

  /**
   * The node at a path: a literal key first, then dotted segments, each of which may end in {@code
   * [n]} for a list element ({@code services[0].name}) or be a bare number.
   */
  public static JsonNode at(JsonNode node, String path) {
    if (node == null || path == null) {
      return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
    JsonNode direct = node.get(path);
    if (direct != null) {
      return direct;
    }
    JsonNode n = node;
    for (String part : path.split("\\.")) {
      String key = part;
      java.util.List<Integer> idx = new java.util.ArrayList<>();
      int br = key.indexOf('[');
      if (br >= 0 && key.endsWith("]")) {
        for (String s : key.substring(br + 1, key.length() - 1).split("\\]\\[")) {
          try {
            idx.add(Integer.parseInt(s.strip()));
          } catch (NumberFormatException e) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
          }
        }
        key = key.substring(0, br);
      }
      if (!key.isEmpty()) {
        if (n.isArray() && key.chars().allMatch(Character::isDigit)) {
          n = n.path(Integer.parseInt(key));
        } else {
          n = n.path(key);
        }
      }
      for (int i : idx) {
        n = n.path(i);
      }
      if (n.isMissingNode()) {
        return n;
      }
    }
    return n;
  }

  /** Text of a scalar at a path, or null when absent, null, blank or not a scalar. */
  public static String text(JsonNode node, String path) {
    JsonNode v = at(node, path);
    if (v == null || v.isMissingNode() || v.isNull() || v.isContainerNode()) {
      return null;
    }
    String s = v.asText();
    return s.isBlank() ? null : s;
  }

  /** The first non-blank scalar text among several paths, or null. */
  public static String firstText(JsonNode node, String... paths) {
    for (String p : paths) {
      String s = text(node, p);
      if (s != null) {
        return s;
      }
    }
    return null;
  }
}
