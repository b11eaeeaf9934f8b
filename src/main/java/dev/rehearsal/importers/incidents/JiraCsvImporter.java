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
 * Jira / Jira Service Management issues exported as CSV ("Export Excel CSV (all fields)" or
 * "(current fields)"), in any of the languages in {@link #TABLE}: Jira writes the column names in
 * the exporting user's language (English, French, German, Spanish here; "Issue key", "Issue id" and
 * "Custom field (...)" stay English in every locale), repeats a column once per value (Component/s,
 * Labels, Watchers, Comment ...) and leaves some headers blank. Every row is taken as an incident:
 * the user exports a filter of incidents.
 *
 * <p>Onset: a custom field named like "Incident start" / "Impact started" / "Début de l'incident"
 * when the file has one, else the creation time. Dates are read with the file's day/month order
 * decided from all its values first; a file whose numeric dates could all be read either way has
 * those rows rejected, never guessed.
 */
public final class JiraCsvImporter extends CsvIncidentImporter {
  static final Map<String, List<String>> TABLE = new LinkedHashMap<>();

  static {
    TABLE.put(
        "key",
        List.of(
            "Issue key",
            "Clé de ticket",
            "Clé",
            "Vorgangsschlüssel",
            "Schlüssel",
            "Clave de incidencia",
            "Clave",
            "Key"));
    TABLE.put("id", List.of("Issue id", "ID de ticket", "Vorgangs-ID", "ID de incidencia"));
    TABLE.put("summary", List.of("Résumé", "Zusammenfassung", "Resumen", "Summary"));
    TABLE.put("description", List.of("Descriptif", "Beschreibung", "Descripción", "Description"));
    TABLE.put(
        "created",
        List.of(
            "Création",
            "Créé",
            "Date de création",
            "Erstellt",
            "Erstellungsdatum",
            "Creada",
            "Creado",
            "Fecha de creación",
            "Created"));
    TABLE.put(
        "resolved",
        List.of(
            "Résolue",
            "Résolu",
            "Date de résolution",
            "Erledigt",
            "Gelöst",
            "Resuelta",
            "Resuelto",
            "Fecha de resolución",
            "Resolved"));
    TABLE.put("status", List.of("État", "Statut", "Estado", "Status"));
    TABLE.put("priority", List.of("Priorité", "Priorität", "Prioridad", "Priority"));
    TABLE.put(
        "components",
        List.of(
            "Composants",
            "Composant/s",
            "Komponente/n",
            "Komponenten",
            "Componente/s",
            "Componentes",
            "Component/s",
            "Components"));
    TABLE.put("labels", List.of("Étiquettes", "Stichwörter", "Etiquetas", "Labels"));
    TABLE.put(
        "type",
        List.of(
            "Type de ticket",
            "Type de demande",
            "Vorgangstyp",
            "Tipo de incidencia",
            "Issue Type"));
    TABLE.put("resolution", List.of("Résolution", "Lösung", "Resolución", "Resolution"));
    TABLE.put("environment", List.of("Environnement", "Umgebung", "Entorno", "Environment"));
    TABLE.put("comment", List.of("Commentaire", "Kommentar", "Comentario", "Comment"));
  }

  @Override
  public String id() {
    return "jira-csv";
  }

  @Override
  public String displayName() {
    return "Jira issues (CSV export, any language)";
  }

  @Override
  String source() {
    return "jira";
  }

  @Override
  Map<String, List<String>> headerTable() {
    return TABLE;
  }

  @Override
  List<String> timeFields() {
    return List.of("created", "resolved", "onset");
  }

  @Override
  public int recognizes(Sniff s) {
    List<String> h = header(s);
    if (h.size() < 3) {
      return NO;
    }
    if (hasAll(h, TABLE, "key", "summary")
        && (Headers.any(h, TABLE.get("id"))
            || Headers.any(h, TABLE.get("type"))
            || Headers.any(h, TABLE.get("status")))) {
      return 95;
    }
    return NO;
  }

  @Override
  void resolveMore(Headers h) {
    h.put("onset", h.findMatching(n -> JiraFields.isOnset(JiraFields.customName(n))));
    h.put(
        "severityField",
        h.findMatching(
            n -> n.startsWith("custom field ") && JiraFields.isSeverity(JiraFields.customName(n))));
    h.put(
        "firstResponse",
        h.findMatching(
            n ->
                n.startsWith("custom field ")
                    && JiraFields.customName(n).contains("date of first response")));
  }

  @Override
  void checkHeader(Headers h, RecordSink sink) {
    if (!h.has("created") && !h.has("onset")) {
      if (h.has("firstResponse") || h.has("comment")) {
        sink.warn(
            "the file has no creation time column ("
                + String.join(", ", TABLE.get("created"))
                + ") and no incident-start field: each issue is placed at "
                + "its earliest dated activity (first response, comments), noted on the record, "
                + "and rejected when it has none; export again with the Created column for exact "
                + "times");
      } else {
        sink.warn(
            "the file has no creation time column ("
                + String.join(", ", TABLE.get("created"))
                + ") and no incident-start field, so no row can be placed in "
                + "time: every row is rejected; export again with the Created column");
      }
    }
  }

  @Override
  IncidentDraft map(Headers h, CsvTable.Row row, ImportContext ctx) throws RecordProblem {
    IncidentDraft d = new IncidentDraft();
    Instant created = Times.optional(ctx, h.get(row, "created"), h.column("created"), d.notes);
    Instant onset = Times.optional(ctx, h.get(row, "onset"), h.column("onset"), d.notes);
    if (onset != null) {
      d.startedAt = onset;
      d.note("onset from the field '" + h.column("onset") + "'");
    } else if (created != null) {
      d.startedAt = created;
    } else if (!h.has("created")) {
      d.startedAt = earliestActivity(h, row, ctx, d);
      if (d.startedAt == null) {
        throw new RecordProblem(
            "no creation time: the file has no 'Created' column (or its "
                + "translation: Création, Erstellt, Creada), and the issue has no dated first "
                + "response or comment");
      }
    } else {
      throw new RecordProblem("no '" + h.column("created") + "' time");
    }
    d.detectedAt = created;
    d.resolvedAt = Times.optional(ctx, h.get(row, "resolved"), h.column("resolved"), d.notes);
    String key = h.get(row, "key");
    d.sourceId = h.get(row, "id");
    if (d.sourceId == null) {
      d.sourceId = key;
    }
    if (d.sourceId == null) {
      throw new RecordProblem("no issue id or key");
    }
    d.reference = key;
    d.title = h.get(row, "summary");
    d.description = h.get(row, "description");
    d.status = h.get(row, "status");
    String priority = h.get(row, "priority");
    String severity = h.get(row, "severityField");
    if (severity != null) {
      d.severity = severity;
      d.label("priority", priority);
    } else {
      d.severity = priority;
    }
    for (String c : h.all(row, "components")) {
      d.service(c);
    }
    for (String col :
        h.allMatching(
            n -> n.startsWith("custom field ") && JiraFields.isService(JiraFields.customName(n)))) {
      for (String v : row.all(col)) {
        split(v).forEach(d::service);
      }
    }
    for (String col : h.allMatching(n -> JiraFields.isPostmortem(JiraFields.customName(n)))) {
      for (String v : row.all(col)) {
        d.postmortem = IncidentDraft.join(d.postmortem, v);
      }
    }
    for (String l : h.all(row, "labels")) {
      d.label(l);
    }
    d.label("type", h.get(row, "type"));
    d.label("resolution", h.get(row, "resolution"));
    String env = h.get(row, "environment");
    if (env != null) {
      String normalised = ctx.environment(env);
      if (ctx.environments().table().containsKey(normalised)) {
        d.environment = normalised;
      } else {
        d.label("environment", env);
      }
    }
    return d;
  }

  /**
   * Without a creation time: the earliest time the issue shows, its first response or a comment's
   * date (Jira writes a comment as "date;author;text", and tools that split cells on ';' leave the
   * date alone in its cell). Cells that are not times are skipped; the record notes where its time
   * came from.
   */
  private static Instant earliestActivity(
      Headers h, CsvTable.Row row, ImportContext ctx, IncidentDraft d) {
    Instant best = null;
    String from = null;
    List<String> bestNotes = List.of();
    List<String> candidates = new java.util.ArrayList<>();
    String first = h.get(row, "firstResponse");
    if (first != null) {
      candidates.add(first);
    }
    for (String c : h.all(row, "comment")) {
      int semi = c.indexOf(';');
      String head = (semi > 0 ? c.substring(0, semi) : c).strip();
      if (head.length() <= 40 && !head.isEmpty() && Character.isDigit(head.charAt(0))) {
        candidates.add(head);
      }
    }
    for (int k = 0; k < candidates.size(); k++) {
      String raw = candidates.get(k);
      Instant t;
      List<String> notes = new java.util.ArrayList<>();
      try {
        t = ctx.optionalInstant(raw, notes);
      } catch (dev.rehearsal.importers.support.TimeParseException e) {
        continue; // a comment that only starts with a number
      }
      if (t != null && (best == null || t.isBefore(best))) {
        best = t;
        from = k == 0 && first != null ? "its first response" : "its earliest comment";
        bestNotes = notes;
      }
    }
    if (best != null) {
      bestNotes.forEach(d::note);
      d.note(
          "no creation time in the file: onset is "
              + from
              + " ("
              + best
              + "), an "
              + "upper bound");
    }
    return best;
  }
}
