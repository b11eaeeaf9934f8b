package dev.rehearsal.importers.incidents;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.rehearsal.importers.ImportContext;
import dev.rehearsal.importers.ImportException;
import dev.rehearsal.importers.ImportSource;
import dev.rehearsal.importers.RecordSink;
import dev.rehearsal.importers.Sniff;
import dev.rehearsal.importers.support.Decoding;
import dev.rehearsal.importers.support.JsonRecords;
import dev.rehearsal.util.Json;
import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Jira (Cloud, Server, Data Center; Jira Service Management) REST API issues: the {@code
 * /rest/api/2/search} (or {@code /rest/api/3/search}) response {"expand", "startAt", "maxResults",
 * "total", "issues": [{"id", "key", "self", "fields": {...}}]}, one issue, or a bare list of
 * issues. Every issue in the file is taken as an incident (the user exports a filter of incidents).
 *
 * <p>When the response carries {@code "names"} (requested with {@code expand=names}), custom fields
 * are recognised by their names: an impact-start time ("Incident start", "Impact started", ...)
 * becomes the onset, a root-cause / postmortem text the postmortem, an affected-service field more
 * services, a severity field the severity. Without it, custom fields are ignored (their ids say
 * nothing).
 */
public final class JiraJsonImporter extends JsonIncidentImporter {

  @Override
  public String id() {
    return "jira-json";
  }

  @Override
  public String displayName() {
    return "Jira issues (REST API JSON)";
  }

  @Override
  String source() {
    return "jira";
  }

  @Override
  Set<String> listKeys() {
    return Set.of("issues");
  }

  @Override
  public int recognizes(Sniff s) {
    if (!s.looksLikeJson() || !s.hasJsonKeys("fields", "key")) {
      return NO;
    }
    if (s.hasJsonKeys("issues")) {
      return CERTAIN;
    }
    return s.hasAnyJsonKey("issuetype", "summary", "created", "resolutiondate") ? LIKELY : NO;
  }

  /** First pass: the top-level "names" object (custom field id to name), when present. */
  @Override
  Prepared prepare(ImportSource source, ImportContext ctx, RecordSink sink)
      throws IOException, ImportException {
    Map<String, String> names = new LinkedHashMap<>();
    Decoding.Decoded decoded = Decoding.open(source.open());
    try (Reader r = decoded.reader();
        JsonParser p = Json.factory().createParser(r)) {
      if (p.nextToken() == JsonToken.START_OBJECT) {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          JsonToken v = p.nextToken();
          if (name.equals("names") && v == JsonToken.START_OBJECT) {
            JsonNode n = Json.mapper().readTree(p);
            n.fields()
                .forEachRemaining(
                    e -> {
                      if (e.getValue().isTextual()) {
                        names.put(e.getKey(), e.getValue().asText());
                      }
                    });
          } else {
            p.skipChildren();
          }
        }
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      // the main pass reports where the JSON breaks
    }
    return new Prepared(ctx, names);
  }

  @Override
  IncidentDraft map(JsonNode record, ImportContext ctx, RecordSink sink) throws RecordProblem {
    return map(record, new Prepared(ctx, Map.of()), sink);
  }

  @Override
  IncidentDraft map(JsonNode n, Prepared prepared, RecordSink sink) throws RecordProblem {
    ImportContext ctx = prepared.ctx();
    JsonNode f = n.path("fields");
    if (!f.isObject()) {
      throw new RecordProblem("no 'fields' object: not a Jira issue");
    }
    IncidentDraft d = new IncidentDraft();
    String key = text(n, "key");
    d.sourceId = first(n, "id", "key");
    if (d.sourceId == null) {
      throw new RecordProblem("no 'id' or 'key'");
    }
    d.reference = key;
    Instant created = Times.node(ctx, f.get("created"), "created", d.notes);
    Instant onset = null;
    String onsetName = null;
    for (var e : prepared.facts().entrySet()) {
      String norm = Headers.norm(e.getValue());
      JsonNode value = f.get(e.getKey());
      if (value == null || value.isNull() || value.isMissingNode()) {
        continue;
      }
      if (JiraFields.isOnset(norm) && onset == null) {
        onset = Times.node(ctx, value, e.getValue(), d.notes);
        onsetName = e.getValue();
      } else if (JiraFields.isPostmortem(norm)) {
        d.postmortem = IncidentDraft.join(d.postmortem, plain(value));
      } else if (JiraFields.isService(norm)) {
        for (String s : JiraJsonImporter.valueNames(value)) {
          d.service(s);
        }
      } else if (JiraFields.isSeverity(norm)) {
        d.severity = String.join(", ", valueNames(value));
      }
    }
    if (onset != null) {
      d.startedAt = onset;
      d.note("onset from the field '" + onsetName + "'");
    } else if (created != null) {
      d.startedAt = created;
    } else {
      throw new RecordProblem("no 'created' time");
    }
    d.detectedAt = created;
    d.resolvedAt = Times.node(ctx, f.get("resolutiondate"), "resolutiondate", d.notes);
    d.title = text(f, "summary");
    d.description = plain(f.get("description"));
    d.status = text(f, "status.name");
    String priority = text(f, "priority.name");
    if (d.severity == null || d.severity.isBlank()) {
      d.severity = priority;
    } else {
      d.label("priority", priority);
    }
    for (String c : names(f.get("components"), "name")) {
      d.service(c);
    }
    for (String l : names(f.get("labels"), "name")) {
      d.label(l);
    }
    d.label("type", text(f, "issuetype.name"));
    d.label("resolution", text(f, "resolution.name"));
    String env = plain(f.get("environment"));
    if (env != null) {
      String normalised = ctx.environment(env);
      if (ctx.environments().table().containsKey(normalised)) {
        d.environment = normalised;
      } else {
        d.label("environment", env);
      }
    }
    String self = text(n, "self");
    if (self != null && key != null && self.contains("/rest/api/")) {
      d.url = self.substring(0, self.indexOf("/rest/api/")) + "/browse/" + key;
    }
    return d;
  }

  /** Names of a custom field value: options {"value"}, objects {"name"}, strings, lists. */
  static java.util.List<String> valueNames(JsonNode v) {
    java.util.List<String> out = new java.util.ArrayList<>();
    if (v == null || v.isNull()) {
      return out;
    }
    if (v.isArray()) {
      for (JsonNode x : v) {
        out.addAll(valueNames(x));
      }
    } else if (v.isObject()) {
      String s = JsonRecords.firstText(v, "name", "value", "label", "displayName");
      if (s != null) {
        out.add(s);
      }
    } else if (!v.asText().isBlank()) {
      out.add(v.asText());
    }
    return out;
  }

  /**
   * Text of a field: a string (API v2), or the text nodes of an Atlassian Document Format tree (API
   * v3), one line per paragraph.
   */
  static String plain(JsonNode v) {
    if (v == null || v.isNull() || v.isMissingNode()) {
      return null;
    }
    if (v.isValueNode()) {
      String s = v.asText();
      return s.isBlank() ? null : s;
    }
    if (v.isObject() && v.has("type") && v.has("content")) {
      StringBuilder sb = new StringBuilder();
      adf(v, sb);
      String s = sb.toString().strip();
      return s.isEmpty() ? null : s;
    }
    java.util.List<String> names = valueNames(v);
    return names.isEmpty() ? null : String.join(", ", names);
  }

  private static void adf(JsonNode node, StringBuilder sb) {
    String type = JsonRecords.text(node, "type");
    if ("text".equals(type)) {
      sb.append(node.path("text").asText());
      return;
    }
    if ("hardBreak".equals(type)) {
      sb.append('\n');
      return;
    }
    for (JsonNode c : IncidentIoJsonImporter.iter(node.get("content"))) {
      adf(c, sb);
    }
    if ("paragraph".equals(type)
        || "heading".equals(type)
        || "listItem".equals(type)
        || "codeBlock".equals(type)) {
      sb.append('\n');
    }
  }
}
