package dev.rehearsal.importers.incidents;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rehearsal.importers.ImportContext;
import dev.rehearsal.importers.support.Ids;
import dev.rehearsal.importers.support.JsonRecords;
import java.time.Instant;

/**
 * One PagerDuty REST API incident object to a draft, shared by the JSON importer and the DevLake
 * raw-table importer.
 *
 * <p>Onset: PagerDuty has no impact-start field, so {@code startedAt} is {@code created_at} (the
 * trigger time). Resolution: {@code resolved_at} when present, else the newest {@code
 * resolve_log_entry} among the embedded {@code log_entries}, else {@code last_status_change_at} of
 * an incident whose status is {@code resolved} (each fallback noted on the record).
 */
final class PagerDutyMapping {
  private PagerDutyMapping() {}

  /** A show response wraps the incident: {"incident": {...}}. */
  static JsonNode unwrap(JsonNode n) {
    JsonNode inner = n.get("incident");
    if (inner != null && inner.isObject() && !n.has("id") && !n.has("incident_number")) {
      return inner;
    }
    return n;
  }

  /** Whether a node looks like a PagerDuty incident at all. */
  static boolean looksLikeIncident(JsonNode n) {
    return n.has("incident_number")
        || "incident".equals(JsonRecords.text(n, "type"))
        || n.has("escalation_policy") && n.has("created_at");
  }

  static IncidentDraft map(JsonNode n, ImportContext ctx) throws RecordProblem {
    IncidentDraft d = new IncidentDraft();
    String type = JsonRecords.text(n, "type");
    if (type != null && !type.equals("incident") && !type.equals("incident_reference")) {
      throw new RecordProblem("a PagerDuty '" + type + "' object, not an incident");
    }
    String createdRaw = JsonRecords.text(n, "created_at");
    d.startedAt = Times.required(ctx, createdRaw, "created_at", d.notes);
    String number = JsonRecords.text(n, "incident_number");
    String title = JsonRecords.firstText(n, "title", "summary", "description");
    d.sourceId = JsonRecords.text(n, "id");
    if (d.sourceId == null) {
      d.sourceId = Ids.digest("pagerduty", number, createdRaw, title);
      d.note("the record has no 'id'; its key is derived from number, creation time and title");
    }
    d.reference = number == null ? null : "#" + number;
    d.title = title;
    String prefixed = number == null || title == null ? null : "[#" + number + "] " + title;
    String desc = JsonRecords.text(n, "description");
    String summary = JsonRecords.text(n, "summary");
    d.description =
        IncidentDraft.join(
            details(n.path("body").path("details")),
            same(desc, title, prefixed) ? null : desc,
            same(summary, title, prefixed) ? null : summary);
    d.status = JsonRecords.text(n, "status");
    d.url = JsonRecords.text(n, "html_url");
    String service = JsonRecords.firstText(n, "service.summary", "service.name");
    if (service == null && JsonRecords.text(n, "service.id") != null) {
      service = JsonRecords.text(n, "service.id");
      d.note("the service is given only by its id " + service);
    }
    d.service(service);
    String priority = JsonRecords.firstText(n, "priority.summary", "priority.name");
    String urgency = JsonRecords.text(n, "urgency");
    d.severity = priority != null ? priority : urgency;
    d.label("urgency", urgency);
    for (String team : JsonIncidentImporter.names(n.get("teams"), "summary")) {
      d.label("team", team);
    }
    d.resolvedAt = Times.optional(ctx, JsonRecords.text(n, "resolved_at"), "resolved_at", d.notes);
    if (d.resolvedAt == null) {
      Instant fromLog = lastResolve(n.get("log_entries"), ctx, d);
      if (fromLog != null) {
        d.resolvedAt = fromLog;
        d.note("resolved time from the incident's resolve log entry");
      } else if ("resolved".equalsIgnoreCase(d.status)) {
        d.resolvedAt =
            Times.optional(
                ctx,
                JsonRecords.text(n, "last_status_change_at"),
                "last_status_change_at",
                d.notes);
        if (d.resolvedAt != null) {
          d.note("resolved time from 'last_status_change_at' (the status is resolved)");
        }
      }
    }
    return d;
  }

  private static boolean same(String text, String title, String prefixed) {
    return text == null || text.equals(title) || text.equals(prefixed);
  }

  private static String details(JsonNode details) {
    if (details == null || details.isMissingNode() || details.isNull()) {
      return null;
    }
    if (details.isValueNode()) {
      return details.asText();
    }
    return details.toPrettyString();
  }

  private static Instant lastResolve(JsonNode entries, ImportContext ctx, IncidentDraft d)
      throws RecordProblem {
    Instant last = null;
    if (entries == null || !entries.isArray()) {
      return null;
    }
    for (JsonNode e : entries) {
      if ("resolve_log_entry".equals(JsonRecords.text(e, "type"))) {
        Instant at =
            Times.optional(
                ctx, JsonRecords.text(e, "created_at"), "log_entries[].created_at", d.notes);
        if (at != null && (last == null || at.isAfter(last))) {
          last = at;
        }
      }
    }
    return last;
  }
}
