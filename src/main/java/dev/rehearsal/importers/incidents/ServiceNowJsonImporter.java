package dev.rehearsal.importers.incidents;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rehearsal.importers.ImportContext;
import dev.rehearsal.importers.ImportException;
import dev.rehearsal.importers.ImportSource;
import dev.rehearsal.importers.RecordSink;
import dev.rehearsal.importers.Sniff;
import dev.rehearsal.importers.support.DateOrderDetector;
import dev.rehearsal.importers.support.JsonRecords;
import dev.rehearsal.settings.DateOrder;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * ServiceNow incident table as JSON: the Table API {"result": [...]} or {"result": {...}}
 * (FORMATS.md section 10) and the old JSONv2 processor's {"records": [...]}.
 *
 * <p>Every field may be a string or an object {"display_value", "value", "link"}, record by record.
 * Raw date-time values ({@code yyyy-MM-dd HH:mm:ss}) are documented as UTC and read as UTC without
 * a flag; display values are rendered in the exporting user's zone and format, so they are read in
 * the import's zone and flagged. A record of plain strings is taken as raw when its choice fields
 * are codes ("6") or its reference fields sys_ids, as display values when they are labels
 * ("Resolved"); with no evidence either way its times are read as UTC and the record says so.
 */
public final class ServiceNowJsonImporter extends JsonIncidentImporter {
  private static final Pattern SYS_ID = Pattern.compile("[0-9a-f]{32}");
  private static final String[] CHOICES = {
    "state", "incident_state", "priority", "impact", "urgency", "severity"
  };
  private static final String[] REFERENCES = {
    "business_service",
    "cmdb_ci",
    "assignment_group",
    "caller_id",
    "opened_by",
    "assigned_to",
    "resolved_by"
  };
  private static final String[] TIMES = {"opened_at", "sys_created_on", "resolved_at", "closed_at"};

  enum Mode {
    RAW,
    DISPLAY,
    UNKNOWN
  }

  @Override
  public String id() {
    return "servicenow-json";
  }

  @Override
  public String displayName() {
    return "ServiceNow incidents (Table API / JSONv2 JSON)";
  }

  @Override
  String source() {
    return "servicenow";
  }

  @Override
  Set<String> listKeys() {
    return Set.of("result", "records");
  }

  @Override
  String singleKey() {
    return "result";
  }

  @Override
  public int recognizes(Sniff s) {
    if (!s.looksLikeJson() || !s.hasAnyJsonKey("result", "records")) {
      return NO;
    }
    if (s.hasJsonKeys("number")
        && s.hasAnyJsonKey("short_description", "opened_at")
        && s.hasAnyJsonKey("sys_id", "sys_class_name", "incident_state", "sys_created_on")) {
      return CERTAIN;
    }
    return NO;
  }

  @Override
  JsonNode unwrap(JsonNode node) {
    for (String k : new String[] {"result", "records"}) {
      JsonNode inner = node.get(k);
      if (inner != null && inner.isObject() && !node.has("number") && !node.has("sys_id")) {
        return inner;
      }
    }
    return node;
  }

  /**
   * First pass: the day/month order of display-value dates across the file (raw values are always
   * ISO).
   */
  @Override
  Prepared prepare(ImportSource source, ImportContext ctx, RecordSink sink)
      throws IOException, ImportException {
    if (ctx.options().dateOrder() != DateOrder.AUTO) {
      return new Prepared(ctx, Map.of());
    }
    DateOrderDetector det = new DateOrderDetector();
    RecordSink none =
        new RecordSink() {
          @Override
          public void accept(dev.rehearsal.model.ImportedRecord record) {}

          @Override
          public void acceptStatus(dev.rehearsal.model.DeployStatusEvent event) {}

          @Override
          public void reject(long line, long index, String reason) {}

          @Override
          public void warn(String message) {}
        };
    try {
      JsonRecords.stream(
          source,
          none,
          listKeys(),
          (node, line, index) -> {
            JsonNode rec = unwrap(node);
            if (rec == null || !rec.isObject()) {
              return;
            }
            Mode mode = mode(rec);
            for (String f : TIMES) {
              String dv = displayTime(rec, f, mode);
              if (dv != null) {
                det.add(dv);
              }
            }
          });
    } catch (ImportException e) {
      // the main pass reports where the file breaks
    }
    DateOrderDetector.Result r = det.result();
    if (!r.decided()) {
      sink.warn(
          r.problem() + "; records whose display dates could be read either way are " + "rejected");
      return new Prepared(ctx, Map.of());
    }
    if (r.order() == DateOrder.AUTO) {
      return new Prepared(ctx, Map.of());
    }
    sink.warn(
        "numeric display dates read "
            + (r.order() == DateOrder.DMY ? "day first (DMY)" : "month first (MDY)")
            + ", decided from the file's values");
    return new Prepared(ctx.withOptions(ctx.options().withDateOrder(r.order())), Map.of());
  }

  @Override
  IncidentDraft map(JsonNode n, ImportContext ctx, RecordSink sink) throws RecordProblem {
    IncidentDraft d = new IncidentDraft();
    Mode mode = mode(n);
    String cls = raw(n, "sys_class_name");
    if (cls != null && !cls.equals("incident")) {
      d.label("class", cls);
    }
    String number = firstNonNull(display(n, "number", mode), raw(n, "number"));
    d.sourceId = number != null ? number : raw(n, "sys_id");
    if (d.sourceId == null) {
      throw new RecordProblem("no 'number' or 'sys_id'");
    }
    d.reference = number;
    Instant opened = time(n, "opened_at", mode, ctx, d);
    if (opened == null) {
      opened = time(n, "sys_created_on", mode, ctx, d);
      if (opened == null) {
        throw new RecordProblem("no 'opened_at' time");
      }
      d.note("no 'opened_at'; start from 'sys_created_on'");
    }
    d.startedAt = opened;
    d.resolvedAt = time(n, "resolved_at", mode, ctx, d);
    if (d.resolvedAt == null) {
      d.resolvedAt = time(n, "closed_at", mode, ctx, d);
      if (d.resolvedAt != null) {
        d.note("no 'resolved_at'; resolved time from 'closed_at'");
      }
    }
    d.title = shown(n, "short_description", mode);
    d.description = shown(n, "description", mode);
    d.postmortem = shown(n, "close_notes", mode);
    d.status =
        firstNonNull(
            display(n, "state", mode),
            display(n, "incident_state", mode),
            raw(n, "state"),
            raw(n, "incident_state"));
    d.severity = firstNonNull(display(n, "priority", mode), raw(n, "priority"));
    for (String f : new String[] {"business_service", "cmdb_ci"}) {
      String name = display(n, f, mode);
      if (name != null) {
        d.service(name);
      } else if (raw(n, f) != null) {
        d.service(raw(n, f));
        d.note(
            "'"
                + f
                + "' is given only as the sys_id "
                + raw(n, f)
                + " (export with display values to get its name)");
      }
    }
    d.label("category", shown(n, "category", mode));
    d.label("subcategory", shown(n, "subcategory", mode));
    d.label("group", display(n, "assignment_group", mode));
    d.label("impact", firstNonNull(display(n, "impact", mode), raw(n, "impact")));
    d.label("urgency", firstNonNull(display(n, "urgency", mode), raw(n, "urgency")));
    d.label("close code", shown(n, "close_code", mode));
    return d;
  }

  @SafeVarargs
  private static <T> T firstNonNull(T... values) {
    for (T v : values) {
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  /** Whether the record's plain-string values are raw values or display values. */
  static Mode mode(JsonNode n) {
    var it = n.fieldNames();
    while (it.hasNext()) {
      if (it.next().startsWith("dv_")) {
        return Mode.RAW; // JSONv2 with displayvalue=all: raw fields plus dv_ copies
      }
    }
    for (String f : CHOICES) {
      JsonNode v = n.get(f);
      if (v != null && v.isTextual() && !v.asText().isBlank()) {
        return v.asText().strip().matches("-?\\d+") ? Mode.RAW : Mode.DISPLAY;
      }
    }
    for (String f : REFERENCES) {
      JsonNode v = n.get(f);
      if (v != null && v.isTextual() && !v.asText().isBlank()) {
        return SYS_ID.matcher(v.asText().strip()).matches() ? Mode.RAW : Mode.DISPLAY;
      }
      if (v != null && v.isObject() && !v.has("display_value")) {
        return Mode.RAW;
      }
    }
    return Mode.UNKNOWN;
  }

  /** The raw value of a field: an object's "value", or a plain string. */
  static String raw(JsonNode n, String f) {
    JsonNode v = n.get(f);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isObject()) {
      return JsonRecords.text(v, "value");
    }
    return v.isValueNode() && !v.asText().isBlank() ? v.asText() : null;
  }

  /** The display value of a field when the record has one, else null. */
  static String display(JsonNode n, String f, Mode mode) {
    JsonNode v = n.get(f);
    if (v != null && v.isObject()) {
      return JsonRecords.text(v, "display_value");
    }
    String dv = JsonRecords.text(n, "dv_" + f);
    if (dv != null) {
      return dv;
    }
    if (mode == Mode.DISPLAY && v != null && v.isValueNode() && !v.asText().isBlank()) {
      return v.asText();
    }
    return null;
  }

  /** Text as a person reads it: the display value, else the raw value. */
  static String shown(JsonNode n, String f, Mode mode) {
    String d = display(n, f, mode);
    return d != null ? d : raw(n, f);
  }

  /** The display-value text of a time field, when the record holds one (for the first pass). */
  static String displayTime(JsonNode n, String f, Mode mode) {
    JsonNode v = n.get(f);
    if (v != null && v.isObject()) {
      return JsonRecords.text(v, "value") == null ? JsonRecords.text(v, "display_value") : null;
    }
    return mode == Mode.DISPLAY ? raw(n, f) : null;
  }

  private static Instant time(JsonNode n, String f, Mode mode, ImportContext ctx, IncidentDraft d)
      throws RecordProblem {
    JsonNode v = n.get(f);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isObject()) {
      String value = JsonRecords.text(v, "value");
      if (value != null) {
        return Times.documentedUtc(ctx, value, f);
      }
      return Times.optional(ctx, JsonRecords.text(v, "display_value"), f, d.notes);
    }
    String s = raw(n, f);
    if (s == null) {
      return null;
    }
    switch (mode) {
      case DISPLAY:
        return Times.optional(ctx, s, f, d.notes);
      case UNKNOWN:
        d.note(
            "times read as UTC, as the Table API writes raw values; the record does not "
                + "show whether it holds raw or display values");
        return Times.documentedUtc(ctx, s, f);
      default:
        return Times.documentedUtc(ctx, s, f);
    }
  }
}
