package dev.rehearsal.importers.incidents;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rehearsal.importers.ImportContext;
import dev.rehearsal.importers.RecordSink;
import dev.rehearsal.importers.Sniff;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Rootly API v1 incidents, JSON:API: {"data": [{"id", "type": "incidents", "attributes": {...}}],
 * "links", "meta"} or one {"data": {...}} (FORMATS.md section 9).
 *
 * <p>Onset {@code started_at}, else {@code created_at}; detection {@code detected_at}, else {@code
 * created_at}; resolution {@code resolved_at}. Narrative {@code summary}; postmortem text from
 * {@code mitigation_message} and {@code resolution_message}. Severity, services, environments and
 * incident types are nested JSON:API documents ({"data": {"attributes": {"name"}}}).
 */
public final class RootlyJsonImporter extends JsonIncidentImporter {
  private static final Pattern TYPE_INCIDENTS = Pattern.compile("\"type\"\\s*:\\s*\"incidents\"");

  @Override
  public String id() {
    return "rootly-json";
  }

  @Override
  public String displayName() {
    return "Rootly incidents (API v1 JSON:API)";
  }

  @Override
  String source() {
    return "rootly";
  }

  @Override
  Set<String> listKeys() {
    return Set.of("data");
  }

  @Override
  public int recognizes(Sniff s) {
    if (!s.looksLikeJson() || !s.hasJsonKeys("data", "attributes")) {
      return NO;
    }
    boolean typed = TYPE_INCIDENTS.matcher(s.text()).find();
    boolean rootlyKeys =
        s.hasAnyJsonKey(
            "sequential_id", "mitigated_at", "in_triage_at", "retrospective_progress_status");
    if (typed && rootlyKeys) {
      return CERTAIN;
    }
    return typed && s.hasAnyJsonKey("started_at", "title") ? LIKELY : NO;
  }

  @Override
  String singleKey() {
    return "data";
  }

  @Override
  JsonNode unwrap(JsonNode node) {
    JsonNode inner = node.get("data");
    if (inner != null && inner.isObject() && !node.has("attributes")) {
      return inner;
    }
    return node;
  }

  @Override
  IncidentDraft map(JsonNode n, ImportContext ctx, RecordSink sink) throws RecordProblem {
    String type = text(n, "type");
    if (type != null && !type.equals("incidents")) {
      throw new RecordProblem("a Rootly '" + type + "' resource, not an incident");
    }
    JsonNode a = n.path("attributes");
    if (!a.isObject()) {
      throw new RecordProblem("no 'attributes' object");
    }
    IncidentDraft d = new IncidentDraft();
    d.sourceId = text(n, "id");
    if (d.sourceId == null) {
      throw new RecordProblem("no 'id'");
    }
    Instant started = Times.node(ctx, a.get("started_at"), "started_at", d.notes);
    Instant created = Times.node(ctx, a.get("created_at"), "created_at", d.notes);
    Instant detected = Times.node(ctx, a.get("detected_at"), "detected_at", d.notes);
    if (started == null && created == null) {
      throw new RecordProblem("no 'started_at' or 'created_at' time");
    }
    d.startedAt = started != null ? started : created;
    d.detectedAt = detected != null ? detected : created;
    d.resolvedAt = Times.node(ctx, a.get("resolved_at"), "resolved_at", d.notes);
    d.reference = text(a, "sequential_id");
    d.title = text(a, "title");
    d.description = text(a, "summary");
    String mitigation = text(a, "mitigation_message");
    String resolution = text(a, "resolution_message");
    d.postmortem =
        IncidentDraft.join(
            mitigation == null ? null : "Mitigation: " + mitigation,
            resolution == null ? null : "Resolution: " + resolution);
    d.status = text(a, "status");
    d.severity =
        first(
            a,
            "severity.data.attributes.name",
            "severity.data.attributes.severity",
            "severity.data.attributes.slug");
    d.url = text(a, "url");
    for (String s : related(a.get("services"))) {
      d.service(s);
    }
    List<String> envs = related(a.get("environments"));
    if (!envs.isEmpty()) {
      d.environment = ctx.environment(envs.get(0));
      if (envs.size() > 1) {
        d.note("several environments (" + String.join(", ", envs) + "); the first is used");
      }
    }
    for (String t : related(a.get("incident_types"))) {
      d.label("type", t);
    }
    for (String t : related(a.get("functionalities"))) {
      d.label("functionality", t);
    }
    for (String t : related(a.get("groups"))) {
      d.label("team", t);
    }
    String kind = text(a, "kind");
    if (kind != null && !kind.equals("normal")) {
      d.label("kind", kind);
    }
    JsonNode labels = a.get("labels");
    if (labels != null && labels.isObject()) {
      labels
          .fields()
          .forEachRemaining(
              e ->
                  d.label(
                      e.getKey(),
                      e.getValue().isValueNode()
                          ? e.getValue().asText()
                          : e.getValue().toString()));
    } else if (labels != null && labels.isArray()) {
      for (String l : names(labels, "name")) {
        d.label(l);
      }
    }
    return d;
  }

  /** Names of related resources: [{"data": {"attributes": {"name"}}}] or [{"name"}]. */
  private static List<String> related(JsonNode list) {
    List<String> out = new ArrayList<>();
    for (JsonNode r : IncidentIoJsonImporter.iter(list)) {
      String name =
          first(r, "data.attributes.name", "attributes.name", "name", "data.attributes.slug");
      if (name != null) {
        out.add(name);
      }
    }
    return out;
  }
}
