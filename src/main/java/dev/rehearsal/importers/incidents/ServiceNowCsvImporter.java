package dev.rehearsal.importers.incidents;

import dev.rehearsal.importers.ImportContext;
import dev.rehearsal.importers.RecordSink;
import dev.rehearsal.importers.Sniff;
import dev.rehearsal.importers.support.CsvTable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ServiceNow incident table exported as CSV from a list view (right-click the header, Export, CSV).
 * The export writes field names as headers ({@code number}, {@code short_description}, {@code
 * opened_at}, ...) and display values in the cells: choice labels ("Resolved", "1 - Critical"),
 * reference names ({@code business_service}, {@code cmdb_ci}), and date-times in the exporting
 * user's format and time zone, so times are read in the import's zone and flagged. Column labels
 * ("Number", "Short description", "Opened") are accepted too. Files in Windows-1252 are read with a
 * warning ({@code Decoding}).
 */
public final class ServiceNowCsvImporter extends CsvIncidentImporter {
  static final Map<String, List<String>> TABLE = new LinkedHashMap<>();

  static {
    TABLE.put("number", List.of("number"));
    TABLE.put("sysId", List.of("sys_id"));
    TABLE.put("title", List.of("short_description", "short description"));
    TABLE.put("description", List.of("description"));
    TABLE.put("opened", List.of("opened_at", "opened"));
    TABLE.put("created", List.of("sys_created_on", "created"));
    TABLE.put("resolved", List.of("resolved_at", "resolved"));
    TABLE.put("closed", List.of("closed_at", "closed"));
    TABLE.put("state", List.of("state", "incident_state", "incident state"));
    TABLE.put("priority", List.of("priority"));
    TABLE.put("businessService", List.of("business_service", "business service", "service"));
    TABLE.put("ci", List.of("cmdb_ci", "configuration item"));
    TABLE.put("closeNotes", List.of("close_notes", "resolution notes", "close notes"));
    TABLE.put("closeCode", List.of("close_code", "resolution code", "close code"));
    TABLE.put("category", List.of("category"));
    TABLE.put("subcategory", List.of("subcategory"));
    TABLE.put("group", List.of("assignment_group", "assignment group"));
    TABLE.put("impact", List.of("impact"));
    TABLE.put("urgency", List.of("urgency"));
  }

  private static final List<String> SN_FIELDS =
      List.of(
          "sys_id",
          "caller_id",
          "incident_state",
          "cmdb_ci",
          "business_service",
          "assignment_group",
          "close_code",
          "sys_created_on",
          "sys_updated_on",
          "opened_by");
  private static final List<String> SN_LABELS =
      List.of(
          "configuration item", "assignment group", "caller", "resolution code", "incident state");

  @Override
  public String id() {
    return "servicenow-csv";
  }

  @Override
  public String displayName() {
    return "ServiceNow incidents (list view CSV export)";
  }

  @Override
  String source() {
    return "servicenow";
  }

  @Override
  Map<String, List<String>> headerTable() {
    return TABLE;
  }

  @Override
  List<String> timeFields() {
    return List.of("opened", "created", "resolved", "closed");
  }

  @Override
  public int recognizes(Sniff s) {
    List<String> h = header(s);
    if (h.size() < 3 || !h.contains("number")) {
      return NO;
    }
    boolean title = Headers.any(h, TABLE.get("title"));
    boolean time = Headers.any(h, TABLE.get("opened")) || Headers.any(h, List.of("sys_created_on"));
    if (title && time && Headers.any(h, SN_FIELDS)) {
      return CERTAIN;
    }
    if (title && time && Headers.any(h, SN_LABELS)) {
      return LIKELY;
    }
    return NO;
  }

  @Override
  void checkHeader(Headers h, RecordSink sink) {
    if (!h.has("opened") && !h.has("created")) {
      sink.warn("no 'opened_at' (Opened) column; every row is rejected");
    }
  }

  @Override
  IncidentDraft map(Headers h, CsvTable.Row row, ImportContext ctx) throws RecordProblem {
    IncidentDraft d = new IncidentDraft();
    Instant opened = Times.optional(ctx, h.get(row, "opened"), h.column("opened"), d.notes);
    if (opened == null) {
      opened = Times.optional(ctx, h.get(row, "created"), h.column("created"), d.notes);
      if (opened == null) {
        throw new RecordProblem(
            "no '" + (h.has("opened") ? h.column("opened") : "opened_at") + "' time");
      }
      d.note("no opened time; start from '" + h.column("created") + "'");
    }
    d.startedAt = opened;
    d.resolvedAt = Times.optional(ctx, h.get(row, "resolved"), h.column("resolved"), d.notes);
    if (d.resolvedAt == null) {
      d.resolvedAt = Times.optional(ctx, h.get(row, "closed"), h.column("closed"), d.notes);
      if (d.resolvedAt != null) {
        d.note("no resolved time; resolved time from '" + h.column("closed") + "'");
      }
    }
    String number = h.get(row, "number");
    d.sourceId = number != null ? number : h.get(row, "sysId");
    if (d.sourceId == null) {
      throw new RecordProblem("no 'number'");
    }
    d.reference = number;
    d.title = h.get(row, "title");
    d.description = h.get(row, "description");
    d.postmortem = h.get(row, "closeNotes");
    d.status = h.get(row, "state");
    d.severity = h.get(row, "priority");
    d.service(h.get(row, "businessService"));
    d.service(h.get(row, "ci"));
    d.label("category", h.get(row, "category"));
    d.label("subcategory", h.get(row, "subcategory"));
    d.label("group", h.get(row, "group"));
    d.label("impact", h.get(row, "impact"));
    d.label("urgency", h.get(row, "urgency"));
    d.label("close code", h.get(row, "closeCode"));
    return d;
  }
}
