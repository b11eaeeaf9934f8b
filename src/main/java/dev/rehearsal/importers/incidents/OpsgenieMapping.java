package dev.rehearsal.importers.incidents;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rehearsal.importers.ImportContext;
import dev.rehearsal.importers.RecordSink;
import dev.rehearsal.importers.support.Ids;
import dev.rehearsal.importers.support.JsonRecords;
import java.util.Locale;

/**
 * One Opsgenie REST API incident (v1 incidents API) or alert (v2 alerts API) object to a draft,
 * shared by the JSON importer and the DevLake raw-table importer.
 *
 * <p>Onset: {@code impactStartDate} when present, else {@code createdAt}; {@code detectedAt} is
 * {@code createdAt} when it differs. Resolution: {@code impactEndDate} (incidents; alerts carry no
 * close time). Services: {@code impactedServices}, which the API gives as Opsgenie service ids,
 * plus tags written {@code service:NAME} or {@code service=NAME}.
 */
final class OpsgenieMapping {
  private OpsgenieMapping() {}

  static final String SERVICE_ID_WARNING =
      "Opsgenie gives impacted services as service ids; "
          + "add the ids to the service alias table to map them to service names";

  /** A single response wraps the record: {"data": {...}}. */
  static JsonNode unwrap(JsonNode n) {
    JsonNode inner = n.get("data");
    if (inner != null && inner.isObject() && !n.has("tinyId") && !n.has("id")) {
      return inner;
    }
    return n;
  }

  static boolean looksLikeRecord(JsonNode n) {
    return n.has("tinyId") && (n.has("message") || n.has("createdAt"));
  }

  static IncidentDraft map(JsonNode n, ImportContext ctx, RecordSink sink) throws RecordProblem {
    IncidentDraft d = new IncidentDraft();
    String createdRaw = JsonRecords.text(n, "createdAt");
    java.time.Instant created = Times.node(ctx, n.get("createdAt"), "createdAt", d.notes);
    java.time.Instant impact =
        Times.node(ctx, n.get("impactStartDate"), "impactStartDate", d.notes);
    if (created == null && impact == null) {
      throw new RecordProblem("no 'createdAt' time");
    }
    d.startedAt = impact != null ? impact : created;
    d.detectedAt = created;
    d.resolvedAt = Times.node(ctx, n.get("impactEndDate"), "impactEndDate", d.notes);
    String tiny = JsonRecords.text(n, "tinyId");
    String message = JsonRecords.text(n, "message");
    d.sourceId = JsonRecords.text(n, "id");
    if (d.sourceId == null) {
      d.sourceId = Ids.digest("opsgenie", tiny, JsonRecords.text(n, "alias"), createdRaw, message);
      d.note(
          "the record has no 'id'; its key is derived from tinyId, alias, creation time "
              + "and message");
    }
    d.reference = tiny;
    d.title = message;
    d.description = JsonRecords.text(n, "description");
    d.status = JsonRecords.text(n, "status");
    d.severity = JsonRecords.text(n, "priority");
    d.url = JsonRecords.text(n, "links.web");
    JsonNode impacted = n.get("impactedServices");
    if (impacted != null && impacted.isArray() && impacted.size() > 0) {
      for (String s : JsonIncidentImporter.names(impacted, "name")) {
        d.service(s);
      }
      sink.warn(SERVICE_ID_WARNING);
    }
    for (String tag : JsonIncidentImporter.names(n.get("tags"), "name")) {
      String svc = serviceTag(tag);
      if (svc != null) {
        d.service(svc);
      }
      d.label(tag);
    }
    d.label("team", JsonRecords.text(n, "ownerTeam"));
    d.label("alias", JsonRecords.text(n, "alias"));
    d.label("source", JsonRecords.text(n, "source"));
    return d;
  }

  /** The service named by a tag "service:NAME" / "service=NAME", or null. */
  static String serviceTag(String tag) {
    String t = tag.strip();
    String lower = t.toLowerCase(Locale.ROOT);
    for (String p : new String[] {"service:", "service=", "service/"}) {
      if (lower.startsWith(p) && t.length() > p.length()) {
        return t.substring(p.length()).strip();
      }
    }
    return null;
  }
}
