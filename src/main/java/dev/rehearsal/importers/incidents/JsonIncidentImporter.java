package dev.rehearsal.importers.incidents;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.rehearsal.importers.ImportContext;
import dev.rehearsal.importers.ImportException;
import dev.rehearsal.importers.ImportSource;
import dev.rehearsal.importers.Importer;
import dev.rehearsal.importers.RecordSink;
import dev.rehearsal.importers.support.Decoding;
import dev.rehearsal.importers.support.JsonRecords;
import dev.rehearsal.model.RecordKind;
import dev.rehearsal.task.CancelledException;
import dev.rehearsal.util.Json;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Set;

/**
 * The record loop shared by the incident JSON importers: streams the records with {@link
 * JsonRecords} (list envelopes, bare lists, single objects, JSON Lines), maps each one, and rejects
 * only the record a mapping cannot read.
 */
abstract class JsonIncidentImporter implements Importer {

  /** Keys under which an envelope holds the list of records. */
  abstract Set<String> listKeys();

  /** The tool, lowercase, for record keys. */
  abstract String source();

  /** Maps one record (already unwrapped from a single-object envelope by {@link #unwrap}). */
  abstract IncidentDraft map(JsonNode record, ImportContext ctx, RecordSink sink)
      throws RecordProblem;

  /** Maps one record with what {@link #prepare} found in the whole file; default: ignores it. */
  IncidentDraft map(JsonNode record, Prepared prepared, RecordSink sink) throws RecordProblem {
    return map(record, prepared.ctx(), sink);
  }

  /**
   * What a first pass over the file found: the context to parse with (a day/month order decided for
   * the file) and file-level facts such as Jira's custom field names.
   */
  record Prepared(ImportContext ctx, java.util.Map<String, String> facts) {}

  /**
   * A single-object response wraps its record ({"incident": {...}}, {"data": {...}}); returns the
   * record. Default: the object under {@link #singleKey()} when the node is such an envelope (it
   * has no "id" of its own), else the node itself.
   */
  JsonNode unwrap(JsonNode node) {
    String key = singleKey();
    JsonNode inner = key == null ? null : node.get(key);
    if (inner != null && inner.isObject() && !node.has("id")) {
      return inner;
    }
    return node;
  }

  /** Called once before the records are streamed; may run a first pass. Default: nothing. */
  Prepared prepare(ImportSource source, ImportContext ctx, RecordSink sink)
      throws IOException, ImportException {
    return new Prepared(ctx, java.util.Map.of());
  }

  @Override
  public RecordKind kind() {
    return RecordKind.INCIDENT;
  }

  /**
   * The key under which a single-object response holds its one record ({"data": {...}}), or null.
   * Such a file is read as that one record, so that lists nested inside the record (a JSON:API
   * "relationships" object holding "data" lists) are never taken for the record list.
   */
  String singleKey() {
    return null;
  }

  @Override
  public void parse(ImportSource source, ImportContext ctx, RecordSink target)
      throws IOException, ImportException {
    RecordSink sink = OnceSink.of(target);
    Prepared c = prepare(source, ctx, sink);
    if (singleKey() != null && single(source, c, sink)) {
      return;
    }
    JsonRecords.stream(
        source,
        sink,
        listKeys(),
        (node, line, index) -> handle(node, line, index, source, c, sink));
  }

  private void handle(
      JsonNode node, long line, long index, ImportSource source, Prepared c, RecordSink sink) {
    if ((index & 255) == 0) {
      c.ctx().monitor().checkCancelled();
    }
    try {
      JsonNode rec = unwrap(node);
      if (rec == null || !rec.isObject()) {
        throw new RecordProblem("not a JSON object but " + kindOf(rec));
      }
      IncidentDraft d = map(rec, c, sink);
      sink.accept(d.build(source(), id(), source, line, index, c.ctx()));
    } catch (RecordProblem e) {
      sink.reject(line, index, e.getMessage());
    } catch (CancelledException e) {
      throw e;
    } catch (RuntimeException e) {
      sink.reject(line, index, "the record could not be read: " + e);
    }
  }

  /**
   * Reads the file as a single-object response when its top-level object holds an object under
   * {@link #singleKey()} (and no record list before it). Returns false, having read nothing into
   * the sink, when the file has another shape or cannot be parsed (the list reader then reports
   * it).
   */
  private boolean single(ImportSource source, Prepared c, RecordSink sink) throws IOException {
    Decoding.Decoded decoded = Decoding.open(source.open());
    JsonNode found = null;
    long line = 0;
    try (Reader reader = decoded.reader();
        JsonParser p = Json.factory().createParser(reader)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return false;
      }
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken v = p.nextToken();
        if (found == null && name.equals(singleKey()) && v == JsonToken.START_OBJECT) {
          line = p.currentTokenLocation().getLineNr();
          found = Json.mapper().readTree(p);
          continue;
        }
        if (listKeys().contains(name) && v == JsonToken.START_ARRAY) {
          return false;
        }
        p.skipChildren();
      }
      if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
        return false; // cut off, or more values follow (JSON Lines): the list reader decides
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return false;
    }
    if (found == null) {
      return false;
    }
    decoded.notes().forEach(sink::warn);
    handle(found, line, 0, source, c, sink);
    return true;
  }

  static String kindOf(JsonNode n) {
    if (n == null || n.isNull()) {
      return "null";
    }
    if (n.isArray()) {
      return "a list";
    }
    if (n.isTextual()) {
      return "a string";
    }
    if (n.isNumber()) {
      return "a number";
    }
    return n.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
  }

  /** Names ("name" or another key) of the objects in a list, skipping blanks. */
  static java.util.List<String> names(JsonNode list, String key) {
    java.util.List<String> out = new ArrayList<>();
    if (list != null && list.isArray()) {
      for (JsonNode n : list) {
        String s = n.isTextual() ? n.asText() : JsonRecords.text(n, key);
        if (s != null && !s.isBlank()) {
          out.add(s);
        }
      }
    }
    return out;
  }

  /** Text at a dotted path or null. */
  static String text(JsonNode n, String path) {
    return JsonRecords.text(n, path);
  }

  static String first(JsonNode n, String... paths) {
    return JsonRecords.firstText(n, paths);
  }
}
