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
 * incident.io incidents exported as CSV. No public column list exists (FORMATS.md section 7), so
 * columns are matched by name, without case, accents or punctuation, from {@link #TABLE}; every
 * column whose name has the word "service(s)" adds services, a column with "environment" gives the
 * environment. A file is claimed only when it has a Reference column, a Name/Title column, a time
 * column and an incident.io word (Incident Lead, Impact started, Reported at, Slack channel,
 * Incident type, Status category, Permalink, Postmortem document).
 */
public final class IncidentIoCsvImporter extends CsvIncidentImporter {
  static final Map<String, List<String>> TABLE = new LinkedHashMap<>();
  static final List<String> WORDS =
      List.of(
          "incident lead",
          "impact started",
          "impact started at",
          "reported at",
          "slack channel",
          "slack channel name",
          "slack channel id",
          "incident type",
          "status category",
          "permalink",
          "postmortem document",
          "postmortem document url");

  static {
    TABLE.put("id", List.of("id", "incident id"));
    TABLE.put("reference", List.of("reference", "incident reference", "ref"));
    TABLE.put("title", List.of("name", "title", "incident name"));
    TABLE.put("summary", List.of("summary", "description"));
    TABLE.put("status", List.of("status category", "status", "incident status"));
    TABLE.put("statusName", List.of("status", "incident status"));
    TABLE.put("severity", List.of("severity"));
    TABLE.put("type", List.of("incident type", "type"));
    TABLE.put("created", List.of("created at", "created", "declared at", "declared"));
    TABLE.put("reported", List.of("reported at", "reported"));
    TABLE.put(
        "impact",
        List.of(
            "impact started",
            "impact started at",
            "impact start",
            "impact start time",
            "impact began"));
    TABLE.put("resolved", List.of("resolved at", "resolved", "resolved time"));
    TABLE.put("closed", List.of("closed at", "closed"));
    TABLE.put("url", List.of("permalink", "url", "link", "incident url"));
    TABLE.put("mode", List.of("mode"));
  }

  @Override
  public String id() {
    return "incident-io-csv";
  }

  @Override
  public String displayName() {
    return "incident.io incidents (CSV export)";
  }

  @Override
  String source() {
    return "incident-io";
  }

  @Override
  Map<String, List<String>> headerTable() {
    return TABLE;
  }

  @Override
  List<String> timeFields() {
    return List.of("created", "reported", "impact", "resolved", "closed");
  }

  @Override
  public int recognizes(Sniff s) {
    List<String> h = header(s);
    if (h.size() < 4) {
      return NO;
    }
    boolean time =
        Headers.any(h, TABLE.get("created"))
            || Headers.any(h, TABLE.get("reported"))
            || Headers.any(h, TABLE.get("impact"));
    if (time && Headers.any(h, WORDS) && hasAll(h, TABLE, "reference", "title")) {
      return 85;
    }
    return NO;
  }

  @Override
  void checkHeader(Headers h, RecordSink sink) {
    if (!h.has("created") && !h.has("reported") && !h.has("impact")) {
      sink.warn(
          "no time column (Created at, Reported at or Impact started); every row is " + "rejected");
    }
  }

  @Override
  IncidentDraft map(Headers h, CsvTable.Row row, ImportContext ctx) throws RecordProblem {
    IncidentDraft d = new IncidentDraft();
    Instant created = Times.optional(ctx, h.get(row, "created"), h.column("created"), d.notes);
    Instant reported = Times.optional(ctx, h.get(row, "reported"), h.column("reported"), d.notes);
    Instant impact = Times.optional(ctx, h.get(row, "impact"), h.column("impact"), d.notes);
    if (impact != null) {
      d.startedAt = impact;
    } else if (created != null) {
      d.startedAt = created;
    } else if (reported != null) {
      d.startedAt = reported;
      d.note("no creation time; start from '" + h.column("reported") + "'");
    } else {
      throw new RecordProblem(
          "no '" + (h.has("created") ? h.column("created") : "Created at") + "' time");
    }
    d.detectedAt = reported != null ? reported : created;
    d.resolvedAt = Times.optional(ctx, h.get(row, "resolved"), h.column("resolved"), d.notes);
    if (d.resolvedAt == null) {
      d.resolvedAt = Times.optional(ctx, h.get(row, "closed"), h.column("closed"), d.notes);
      if (d.resolvedAt != null) {
        d.note("resolved time from '" + h.column("closed") + "' (no resolved time)");
      }
    }
    String reference = h.get(row, "reference");
    d.sourceId = h.get(row, "id");
    if (d.sourceId == null) {
      d.sourceId = reference;
    }
    if (d.sourceId == null) {
      throw new RecordProblem("no id and no reference");
    }
    d.reference = reference;
    d.title = h.get(row, "title");
    d.description = h.get(row, "summary");
    d.status = h.get(row, "status");
    if (h.has("statusName") && !h.column("statusName").equals(h.column("status"))) {
      d.label("status", h.get(row, "statusName"));
    }
    d.severity = h.get(row, "severity");
    d.label("type", h.get(row, "type"));
    String mode = h.get(row, "mode");
    if (mode != null && !mode.equalsIgnoreCase("standard")) {
      d.label("mode", mode);
    }
    d.url = h.get(row, "url");
    for (String col : h.allMatching(IncidentIoCsvImporter::isServiceColumn)) {
      for (String s : split(row.get(col))) {
        d.service(s);
      }
    }
    String envCol = h.findMatching(n -> n.contains("environment"));
    if (envCol != null && row.get(envCol) != null) {
      List<String> envs = split(row.get(envCol));
      d.environment = ctx.environment(envs.get(0));
      if (envs.size() > 1) {
        d.note("several environments (" + String.join(", ", envs) + "); the first is used");
      }
    }
    return d;
  }

  static boolean isServiceColumn(String norm) {
    for (String w : norm.split(" ")) {
      if (w.equals("service") || w.equals("services")) {
        return true;
      }
    }
    return false;
  }
}
