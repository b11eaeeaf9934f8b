package dev.rehearsal.importers.incidents;

import dev.rehearsal.importers.ImportContext;
import dev.rehearsal.importers.RecordSink;
import dev.rehearsal.importers.Sniff;
import dev.rehearsal.importers.support.CsvTable;
import dev.rehearsal.importers.support.Ids;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Opsgenie alerts or incidents exported as CSV. No public column list exists (FORMATS.md section
 * 11), so columns are matched by name, without case, accents or punctuation, from {@link #TABLE}. A
 * file is claimed only when it has an id or tinyId column, a message/title column, a created-like
 * column and an Opsgenie word: TinyId, Alias, Owner Team or Impacted Services.
 */
public final class OpsgenieCsvImporter extends CsvIncidentImporter {
  static final Map<String, List<String>> TABLE = new LinkedHashMap<>();

  static {
    TABLE.put("id", List.of("id", "alert id", "incident id"));
    TABLE.put("tiny", List.of("tinyid", "tiny id"));
    TABLE.put("alias", List.of("alias"));
    TABLE.put("title", List.of("message", "title", "name", "summary"));
    TABLE.put("description", List.of("description", "details"));
    TABLE.put(
        "created",
        List.of(
            "createdat", "created at", "created", "creation date", "created date", "create date"));
    TABLE.put(
        "impactStart",
        List.of(
            "impactstartdate",
            "impact start date",
            "impact start",
            "impact started at",
            "impact started"));
    TABLE.put(
        "resolved",
        List.of(
            "impactenddate",
            "impact end date",
            "impact end",
            "resolved at",
            "resolved",
            "resolved date",
            "closed at",
            "closedat",
            "closed",
            "close time",
            "closed date"));
    TABLE.put("status", List.of("status", "state"));
    TABLE.put("priority", List.of("priority"));
    TABLE.put("team", List.of("owner team", "ownerteam", "team", "teams"));
    TABLE.put(
        "services",
        List.of(
            "impacted services", "impactedservices", "impacted service", "services", "service"));
    TABLE.put("tags", List.of("tags", "tag"));
    TABLE.put("source", List.of("source"));
    TABLE.put("url", List.of("url", "link", "web url", "links web"));
  }

  @Override
  public String id() {
    return "opsgenie-csv";
  }

  @Override
  public String displayName() {
    return "Opsgenie alerts or incidents (CSV export)";
  }

  @Override
  String source() {
    return "opsgenie";
  }

  @Override
  Map<String, List<String>> headerTable() {
    return TABLE;
  }

  @Override
  List<String> timeFields() {
    return List.of("created", "impactStart", "resolved");
  }

  @Override
  public int recognizes(Sniff s) {
    List<String> h = header(s);
    if (h.size() < 4) {
      return NO;
    }
    boolean idLike = Headers.any(h, TABLE.get("id")) || Headers.any(h, TABLE.get("tiny"));
    boolean ogWord =
        Headers.any(h, TABLE.get("tiny"))
            || Headers.any(h, TABLE.get("alias"))
            || Headers.any(h, List.of("owner team", "ownerteam"))
            || Headers.any(h, List.of("impacted services", "impactedservices"));
    if (idLike && ogWord && hasAll(h, TABLE, "title", "created")) {
      return 90;
    }
    return NO;
  }

  @Override
  void checkHeader(Headers h, RecordSink sink) {
    if (!h.has("created") && !h.has("impactStart")) {
      sink.warn(
          "no creation time column (one of: "
              + String.join(", ", TABLE.get("created"))
              + "); every row is rejected");
    }
  }

  @Override
  IncidentDraft map(Headers h, CsvTable.Row row, ImportContext ctx) throws RecordProblem {
    IncidentDraft d = new IncidentDraft();
    Instant created = Times.optional(ctx, h.get(row, "created"), h.column("created"), d.notes);
    Instant impact =
        Times.optional(ctx, h.get(row, "impactStart"), h.column("impactStart"), d.notes);
    if (created == null && impact == null) {
      throw new RecordProblem(
          "no '" + (h.has("created") ? h.column("created") : "Created At") + "' time");
    }
    d.startedAt = impact != null ? impact : created;
    d.detectedAt = created;
    d.resolvedAt = Times.optional(ctx, h.get(row, "resolved"), h.column("resolved"), d.notes);
    String tiny = h.get(row, "tiny");
    String alias = h.get(row, "alias");
    String title = h.get(row, "title");
    d.sourceId = h.get(row, "id");
    if (d.sourceId == null) {
      d.sourceId = Ids.digest("opsgenie", tiny, alias, h.get(row, "created"), title);
      d.note(
          "the row has no id; its key is derived from tinyId, alias, creation time and "
              + "message");
    }
    d.reference = tiny;
    d.title = title;
    d.description = h.get(row, "description");
    d.status = h.get(row, "status");
    d.severity = h.get(row, "priority");
    d.url = h.get(row, "url");
    for (String s : split(h.get(row, "services"))) {
      d.service(s);
    }
    for (String tag : split(h.get(row, "tags"))) {
      String svc = OpsgenieMapping.serviceTag(tag);
      if (svc != null) {
        d.service(svc);
      }
      d.label(tag);
    }
    d.label("team", h.get(row, "team"));
    d.label("alias", alias);
    d.label("source", h.get(row, "source"));
    return d;
  }
}
