package dev.rehearsal.importers.incidents;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rehearsal.importers.ImportContext;
import dev.rehearsal.importers.RecordSink;
import dev.rehearsal.importers.Sniff;
import dev.rehearsal.importers.support.JsonRecords;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * FireHydrant API incidents: {"data": [IncidentEntity...], "pagination": {...}} from {@code GET
 * /v1/incidents}, or one IncidentEntity (FORMATS.md section 8).
 *
 * <p>Onset {@code started_at}, else {@code created_at}; {@code detectedAt} is {@code created_at}
 * when it differs. Resolution: the {@code occurred_at} of the milestone whose type (or, in {@code
 * lifecycle_phases[].milestones[]}, slug) is {@code resolved}. Status is {@code current_milestone};
 * services {@code services[].name}; environment the first of {@code environments[].name}.
 */
public final class FireHydrantJsonImporter extends JsonIncidentImporter {

  @Override
  public String id() {
    return "firehydrant-json";
  }

  @Override
  public String displayName() {
    return "FireHydrant incidents (API JSON)";
  }

  @Override
  String source() {
    return "firehydrant";
  }

  @Override
  Set<String> listKeys() {
    return Set.of("data");
  }

  @Override
  public int recognizes(Sniff s) {
    if (!s.looksLikeJson()) {
      return NO;
    }
    int hits = 0;
    for (String k :
        new String[] {
          "current_milestone",
          "milestones",
          "incident_url",
          "customer_impact_summary",
          "lifecycle_phases",
          "severity_color",
          "tag_list"
        }) {
      if (s.hasJsonKeys(k)) {
        hits++;
      }
    }
    if (hits >= 2 && s.hasAnyJsonKey("name", "started_at", "created_at")) {
      return CERTAIN;
    }
    return NO;
  }

  @Override
  String singleKey() {
    return "data";
  }

  @Override
  IncidentDraft map(JsonNode n, ImportContext ctx, RecordSink sink) throws RecordProblem {
    IncidentDraft d = new IncidentDraft();
    d.sourceId = text(n, "id");
    if (d.sourceId == null) {
      throw new RecordProblem("no 'id'");
    }
    Instant started = Times.node(ctx, n.get("started_at"), "started_at", d.notes);
    Instant created = Times.node(ctx, n.get("created_at"), "created_at", d.notes);
    if (started == null && created == null) {
      throw new RecordProblem("no 'started_at' or 'created_at' time");
    }
    d.startedAt = started != null ? started : created;
    d.detectedAt = created;
    d.resolvedAt = milestone(n, "resolved", ctx, d);
    d.reference = text(n, "number");
    d.title = text(n, "name");
    String impact = text(n, "customer_impact_summary");
    d.description =
        IncidentDraft.join(
            text(n, "summary"),
            text(n, "description"),
            impact == null ? null : "Customer impact: " + impact);
    d.status = text(n, "current_milestone");
    d.severity = text(n, "severity");
    d.label("priority", text(n, "priority"));
    d.url = text(n, "incident_url");
    for (String s : names(n.get("services"), "name")) {
      d.service(s);
    }
    List<String> envs = names(n.get("environments"), "name");
    if (!envs.isEmpty()) {
      d.environment = ctx.environment(envs.get(0));
      if (envs.size() > 1) {
        d.note("several environments (" + String.join(", ", envs) + "); the first is used");
      }
    }
    for (String t : names(n.get("tag_list"), "name")) {
      d.label(t);
    }
    JsonNode labels = n.get("labels");
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
    }
    for (String f : names(n.get("functionalities"), "name")) {
      d.label("functionality", f);
    }
    return d;
  }

  /** The occurred_at of a milestone with this type or slug, or null. */
  private static Instant milestone(JsonNode n, String slug, ImportContext ctx, IncidentDraft d)
      throws RecordProblem {
    for (JsonNode m : IncidentIoJsonImporter.iter(n.get("milestones"))) {
      if (slug.equals(lower(JsonRecords.text(m, "type")))) {
        Instant at =
            Times.node(ctx, m.get("occurred_at"), "milestones[" + slug + "].occurred_at", d.notes);
        if (at != null) {
          return at;
        }
      }
    }
    for (JsonNode phase : IncidentIoJsonImporter.iter(n.get("lifecycle_phases"))) {
      for (JsonNode m : IncidentIoJsonImporter.iter(phase.get("milestones"))) {
        if (slug.equals(lower(JsonRecords.text(m, "slug")))) {
          Instant at =
              Times.node(
                  ctx,
                  m.get("occurred_at"),
                  "lifecycle_phases[].milestones[" + slug + "].occurred_at",
                  d.notes);
          if (at != null) {
            return at;
          }
        }
      }
    }
    return null;
  }

  private static String lower(String s) {
    return s == null ? null : s.toLowerCase(Locale.ROOT);
  }
}
