package dev.rehearsal.importers.deploys;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.rehearsal.importers.ImportException;
import dev.rehearsal.importers.ImportSource;
import dev.rehearsal.importers.RecordSink;
import dev.rehearsal.importers.support.Decoding;
import dev.rehearsal.util.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Streams the records of a JSON or YAML file one at a time: a top-level list, a list found at one
 * of a few exact paths inside a top-level object (API envelopes such as {@code {"workflow_runs":
 * [...]}} or GraphQL's {@code data.repository.deployments.nodes}), a bare object that is itself the
 * record, and several values one after another (JSON Lines, kubectl dumps, multi-document YAML).
 * Only the paths given are followed, so a record that happens to hold a field called "payload" or
 * "status" stays one record.
 *
 * <p>Fields of an envelope that come before its list are handed to the handler as context (the job
 * a list of Jenkins builds belongs to, the repository of a GraphQL page).
 */
final class JsonStream {

  /** Receives one record. */
  @FunctionalInterface
  interface Handler {
    /**
     * @param node the record
     * @param envelope the enclosing object's fields read before the list (empty for a bare record
     *     or a top-level list)
     * @param line line the record starts on
     * @param index 0-based position among the file's records
     */
    void record(JsonNode node, ObjectNode envelope, long line, long index) throws IOException;
  }

  private static final YAMLFactory YAML = createYaml();

  private static YAMLFactory createYaml() {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(Integer.MAX_VALUE); // the default 3 MB refuses real dumps
    options.setMaxAliasesForCollections(50); // alias bombs stay refused
    return YAMLFactory.builder().loaderOptions(options).build();
  }

  private final List<String[]> paths = new ArrayList<>();
  private final ObjectMapper mapper = Json.mapper();
  private long index;

  /**
   * @param listPaths dotted paths at which a list of records may sit inside a top object
   */
  JsonStream(String... listPaths) {
    for (String p : listPaths) {
      paths.add(p.split("\\."));
    }
  }

  /** Opens the source as JSON (or as YAML when it does not start like JSON) and streams it. */
  long stream(ImportSource source, RecordSink sink, boolean allowYaml, Handler handler)
      throws IOException, ImportException {
    Decoding.Decoded decoded = Decoding.open(source.open());
    try (BufferedReader reader = new BufferedReader(decoded.reader(), 1 << 16)) {
      boolean yaml = allowYaml && !startsLikeJson(reader);
      JsonFactory factory = yaml ? YAML : Json.factory();
      try (JsonParser p = factory.createParser(reader)) {
        return stream(p, handler);
      }
    } finally {
      decoded.notes().forEach(sink::warn);
    }
  }

  private static boolean startsLikeJson(BufferedReader r) throws IOException {
    r.mark(1 << 15);
    try {
      int c;
      int n = 0;
      while ((c = r.read()) >= 0 && n++ < (1 << 15) - 1) {
        if (!Character.isWhitespace(c) && c != '\uFEFF') {
          return c == '{' || c == '[';
        }
      }
      return true;
    } finally {
      r.reset();
    }
  }

  /** Streams every value the parser yields. */
  long stream(JsonParser p, Handler handler) throws IOException, ImportException {
    long line = 1;
    try {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        line = p.currentTokenLocation().getLineNr();
        if (t == JsonToken.START_ARRAY) {
          streamArray(p, mapper.createObjectNode(), handler);
        } else if (t == JsonToken.START_OBJECT) {
          ObjectNode top = mapper.createObjectNode();
          if (!streamObject(p, paths, top, top, handler)) {
            handler.record(top, mapper.createObjectNode(), line, index++);
          }
        } else if (t == JsonToken.VALUE_NULL && p.getParsingContext().inRoot()) {
          continue; // an empty YAML document
        } else {
          throw new ImportException(
              "expected a JSON object or list at line " + line + " but found " + describe(t), line);
        }
      }
    } catch (JsonProcessingException e) {
      long at = e.getLocation() == null ? line : e.getLocation().getLineNr();
      String msg = e.getOriginalMessage();
      if (msg != null && msg.length() > 200) {
        msg = msg.substring(0, 200) + "...";
      }
      String kind = p instanceof com.fasterxml.jackson.dataformat.yaml.YAMLParser ? "YAML" : "JSON";
      throw new ImportException(
          "the file is not valid " + kind + " at line " + at + " (" + msg + ")", at, e);
    }
    return index;
  }

  private static String describe(JsonToken t) {
    return switch (t) {
      case VALUE_STRING -> "a text value";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "true/false";
      case VALUE_NULL -> "null";
      default -> t.toString();
    };
  }

  private void streamArray(JsonParser p, ObjectNode envelope, Handler handler)
      throws IOException, ImportException {
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t == null) {
        throw new ImportException(
            "the list is cut off before its end (the file looks " + "truncated)",
            p.currentLocation().getLineNr());
      }
      long line = p.currentTokenLocation().getLineNr();
      JsonNode node = mapper.readTree(p);
      handler.record(node, envelope, line, index++);
    }
  }

  /**
   * Reads an object's fields into {@code into}; a field on one of the paths is followed, and a list
   * at a path's end is streamed. Returns whether a list was streamed.
   */
  private boolean streamObject(
      JsonParser p, List<String[]> open, ObjectNode into, ObjectNode envelope, Handler handler)
      throws IOException, ImportException {
    boolean streamed = false;
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken v = p.nextToken();
      List<String[]> next = new ArrayList<>();
      boolean listHere = false;
      for (String[] path : open) {
        if (path[0].equals(name)) {
          if (path.length == 1) {
            listHere = true;
          } else {
            next.add(java.util.Arrays.copyOfRange(path, 1, path.length));
          }
        }
      }
      if (!streamed && listHere && v == JsonToken.START_ARRAY) {
        streamArray(p, envelope.deepCopy(), handler);
        streamed = true;
      } else if (!streamed && !next.isEmpty() && v == JsonToken.START_OBJECT) {
        ObjectNode child = mapper.createObjectNode();
        into.set(name, child);
        streamed = streamObject(p, next, child, envelope, handler);
      } else if (v == null) {
        break;
      } else {
        JsonNode value = mapper.readTree(p);
        if (!streamed) {
          into.set(name, value);
        }
      }
    }
    if (t != JsonToken.END_OBJECT) {
      throw new ImportException(
          "an object is cut off before its end (the file looks " + "truncated)",
          p.currentLocation().getLineNr());
    }
    return streamed;
  }

  /** A parser over a reader, JSON or YAML. */
  static JsonParser parser(Reader reader, boolean yaml) throws IOException {
    return (yaml ? YAML : Json.factory()).createParser(reader);
  }

  static ObjectMapper mapper() {
    return Json.mapper();
  }
}
