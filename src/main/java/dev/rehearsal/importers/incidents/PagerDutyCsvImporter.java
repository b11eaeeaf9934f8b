package dev.rehearsal.importers.incidents;

import dev.rehearsal.importers.ImportContext;
import dev.rehearsal.importers.RecordSink;
import dev.rehearsal.importers.Sniff;
import dev.rehearsal.importers.support.CsvTable;
import dev.rehearsal.importers.support.Ids;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PagerDuty incidents exported as CSV from the web UI or Analytics. No public column list exists
 * (FORMATS.md section 11), so columns are matched by name, without case, accents or punctuation
 * ("Created At", "created_at" and "CREATED-AT" are the same), from {@link #TABLE}. A file is
 * claimed only when it has an id or number column, a title-like, a created-like and a service-like
 * column, and a PagerDuty word: Urgency or Escalation Policy.
 */
public final class PagerDutyCsvImporter extends CsvIncidentImporter {
  static final Map<String, List<String>> TABLE = new LinkedHashMap<>();

  static {
    TABLE.put("id", List.of("incident id", "id", "incident_id"));
    TABLE.put("number", List.of("incident number", "number", "incident no", "incident num"));
    TABLE.put(
        "title",
        List.of(
            "title",
            "incident title",
            "summary",
            "incident summary",
            "name",
            "description",
            "incident description"));
    TABLE.put(
        "description",
        List.of(
            "details",
            "body",
            "incident details",
            "description",
            "incident description",
            "summary"));
    TABLE.put(
        "created",
        List.of(
            "created at",
            "created on",
            "created",
            "created date",
            "opened at",
            "opened on",
            "opened",
            "triggered at",
            "triggered on",
            "triggered"));
    TABLE.put("resolved", List.of("resolved at", "resolved on", "resolved", "resolved date"));
    TABLE.put(
        "service",
        List.of(
            "service name", "service", "service summary", "impacted service", "technical service"));
    TABLE.put("urgency", List.of("urgency"));
    TABLE.put("escalation", List.of("escalation policy", "escalation policy name"));
    TABLE.put("status", List.of("status", "incident status", "state"));
    TABLE.put("priority", List.of("priority", "priority name", "priority summary"));
    TABLE.put("url", List.of("url", "link", "html url", "incident url", "incident link"));
    TABLE.put("team", List.of("team", "teams", "team name", "team names"));
  }

  @Override
  public String id() {
    return "pagerduty-csv";
  }

  @Override
  public String displayName() {
    return "PagerDuty incidents (web UI CSV export)";
  }

  @Override
  String source() {
    return "pagerduty";
  }

  @Override
  Map<String, List<String>> headerTable() {
    return TABLE;
  }

  @Override
  List<String> timeFields() {
    return List.of("created", "resolved");
  }

  @Override
  public int recognizes(Sniff s) {
    List<String> h = header(s);
    if (h.size() < 4) {
      return NO;
    }
    boolean idLike = Headers.any(h, TABLE.get("id")) || Headers.any(h, TABLE.get("number"));
    boolean pdWord =
        Headers.any(h, TABLE.get("urgency")) || Headers.any(h, TABLE.get("escalation"));
    if (idLike && pdWord && hasAll(h, TABLE, "title", "created", "service")) {
      return 90;
    }
    return NO;
  }

  @Override
  void checkHeader(Headers h, RecordSink sink) {
    if (!h.has("created")) {
      sink.warn(
          "no creation time column (one of: "
              + String.join(", ", TABLE.get("created"))
              + "); every row is rejected");
    }
  }

  @Override
  IncidentDraft map(Headers h, CsvTable.Row row, ImportContext ctx) throws RecordProblem {
    IncidentDraft d = new IncidentDraft();
    String createdCol = h.column("created");
    d.startedAt =
        Times.required(
            ctx, h.get(row, "created"), createdCol == null ? "Created" : createdCol, d.notes);
    d.resolvedAt = Times.optional(ctx, h.get(row, "resolved"), h.column("resolved"), d.notes);
    String number = h.get(row, "number");
    if (number != null && number.startsWith("#")) {
      number = number.substring(1);
    }
    String title = h.get(row, "title");
    String service = h.get(row, "service");
    d.sourceId = h.get(row, "id");
    if (d.sourceId == null && number != null) {
      d.sourceId = "#" + number;
    }
    if (d.sourceId == null) {
      d.sourceId = Ids.digest("pagerduty", h.get(row, "created"), title, service);
      d.note(
          "the row has no incident id or number; its key is derived from creation time, "
              + "title and service");
    }
    d.reference = number == null ? null : "#" + number;
    d.title = title;
    if (h.has("description") && !h.column("description").equals(h.column("title"))) {
      d.description = h.get(row, "description");
    }
    d.service(service);
    d.status = h.get(row, "status");
    String urgency = h.get(row, "urgency");
    String priority = h.get(row, "priority");
    d.severity = priority != null ? priority : urgency;
    d.label("urgency", urgency);
    d.label("escalation policy", h.get(row, "escalation"));
    for (String t : split(h.get(row, "team"))) {
      d.label("team", t);
    }
    d.url = h.get(row, "url");
    return d;
  }
}
