package dev.rehearsal.importers.incidents;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rehearsal.importers.ImportContext;
import dev.rehearsal.importers.RecordSink;
import dev.rehearsal.importers.Sniff;
import dev.rehearsal.importers.support.JsonRecords;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * incident.io API v2 incidents: list {"incidents": [...], "pagination_meta": {...}} and show
 * {"incident": {...}} (FORMATS.md section 6).
 *
 * <p>Lifecycle times live in {@code incident_timestamp_values[]}, named per account; names are
 * matched without case: onset from a name with "impact" and "start" (or "began"), detection from
 * one with "reported" (else {@code created_at}), resolution from one with "resolved" (else one with
 * "closed", noted). Without an onset timestamp, {@code startedAt} is {@code created_at}. Services
 * come from custom fields whose name contains "service"; an environment from a custom field whose
 * name contains "environment". Status is the status {@code category} (names are per account; the
 * name is kept as a label).
 */
public final class IncidentIoJsonImporter extends JsonIncidentImporter {

  @Override
  public String id() {
    return "incident-io-json";
  }

  @Override
  public String displayName() {
    return "incident.io incidents (API v2 JSON)";
  }

  @Override
  String source() {
    return "incident-io";
  }

  @Override
  Set<String> listKeys() {
    return Set.of("incidents");
  }

  @Override
  public int recognizes(Sniff s) {
    if (!s.looksLikeJson()) {
      return NO;
    }
    if (s.hasJsonKeys("incident_status", "reference")
        && s.hasAnyJsonKey(
            "incident_timestamp_values",
            "custom_field_entries",
            "slack_channel_id",
            "incident_role_assignments")) {
      return CERTAIN;
    }
    return NO;
  }

  @Override
  String singleKey() {
    return "incident";
  }

  @Override
  IncidentDraft map(JsonNode n, ImportContext ctx, RecordSink sink) throws RecordProblem {
    IncidentDraft d = new IncidentDraft();
    d.sourceId = text(n, "id");
    if (d.sourceId == null) {
      throw new RecordProblem("no 'id'");
    }
    Instant created = Times.node(ctx, n.get("created_at"), "created_at", d.notes);
    Instant impact = null;
    Instant reported = null;
    Instant resolved = null;
    Instant closed = null;
    String impactName = null;
    for (JsonNode tv : iter(n.get("incident_timestamp_values"))) {
      String name = text(tv, "incident_timestamp.name");
      if (name == null) {
        continue;
      }
      String lower = name.toLowerCase(Locale.ROOT);
      JsonNode value = tv.path("value").path("value");
      if (value.isMissingNode() || value.isNull()) {
        continue;
      }
      Instant at = Times.node(ctx, value, "incident_timestamp_values '" + name + "'", d.notes);
      if (lower.contains("impact") && (lower.contains("start") || lower.contains("began"))) {
        if (impact == null) {
          impact = at;
          impactName = name;
        }
      } else if (lower.contains("reported")) {
        reported = reported == null ? at : reported;
      } else if (lower.contains("resolved")) {
        resolved = resolved == null ? at : resolved;
      } else if (lower.contains("closed")) {
        closed = closed == null ? at : closed;
      }
    }
    if (impact != null) {
      d.startedAt = impact;
    } else if (created != null) {
      d.startedAt = created;
    } else {
      throw new RecordProblem("no 'created_at' time and no impact-start timestamp");
    }
    if (impactName != null) {
      d.note("onset from the timestamp '" + impactName + "'");
    }
    d.detectedAt = reported != null ? reported : created;
    d.resolvedAt = resolved;
    if (resolved == null && closed != null) {
      d.resolvedAt = closed;
      d.note("resolved time from the 'closed' timestamp (no 'resolved' timestamp)");
    }
    d.reference = text(n, "reference");
    d.title = text(n, "name");
    d.description = text(n, "summary");
    d.status = first(n, "incident_status.category", "incident_status.name");
    d.label("status", text(n, "incident_status.name"));
    d.severity = text(n, "severity.name");
    d.url = text(n, "permalink");
    d.label("type", text(n, "incident_type.name"));
    String mode = text(n, "mode");
    if (mode != null && !mode.equals("standard")) {
      d.label("mode", mode);
    }
    for (JsonNode entry : iter(n.get("custom_field_entries"))) {
      String field = text(entry, "custom_field.name");
      if (field == null) {
        continue;
      }
      String lower = field.toLowerCase(Locale.ROOT);
      List<String> values = values(entry.get("values"));
      if (lower.contains("service")) {
        values.forEach(d::service);
      } else if (lower.contains("environment") && !values.isEmpty()) {
        d.environment = ctx.environment(values.get(0));
        if (values.size() > 1) {
          d.note("several environments in '" + field + "'; the first is used");
        }
      }
    }
    return d;
  }

  /** The readable values of a custom field entry: catalog entry names, options, text. */
  static List<String> values(JsonNode list) {
    List<String> out = new ArrayList<>();
    for (JsonNode v : iter(list)) {
      String s =
          JsonRecords.firstText(v, "value_catalog_entry.name", "value_option.value", "value_text");
      if (s != null) {
        out.add(s);
      }
    }
    return out;
  }

  static Iterable<JsonNode> iter(JsonNode n) {
    return n != null && n.isArray() ? n : List.of();
  }
}
