package dev.rehearsal.importers.incidents;

import dev.rehearsal.importers.ImportContext;
import dev.rehearsal.importers.ImportSource;
import dev.rehearsal.importers.TargetHints;
import dev.rehearsal.model.Incident;
import dev.rehearsal.model.Provenance;
import dev.rehearsal.util.Texts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a mapping found in one record, before it becomes an {@link Incident}: raw values go in,
 * {@link #build} cleans them (ids and names through {@link Texts#cleanId}, narratives through
 * {@link Texts#cleanText}), bounds long texts, fills service and environment from the import's
 * hints when the record names none, and checks what an incident must have.
 */
final class IncidentDraft {
  /** Narrative fields (description, postmortem) are cut beyond this many characters. */
  static final int MAX_NARRATIVE = 200_000;

  /** Titles are cut beyond this many characters. */
  static final int MAX_TITLE = 2_000;

  final List<String> notes = new ArrayList<>();
  String sourceId;
  String reference;
  String title;
  String description;
  String postmortem;
  final List<String> services = new ArrayList<>();

  /** Normalised environment, or null when the record names none. */
  String environment;

  String severity;
  String status;
  Instant startedAt;
  Instant detectedAt;
  Instant resolvedAt;
  final List<String> labels = new ArrayList<>();
  String url;

  void service(String raw) {
    if (raw != null && !raw.isBlank()) {
      services.add(raw);
    }
  }

  void label(String raw) {
    if (raw != null && !raw.isBlank()) {
      labels.add(raw);
    }
  }

  /** A label "prefix:value" when the value is not blank. */
  void label(String prefix, String value) {
    if (value != null && !value.isBlank()) {
      labels.add(prefix + ":" + Texts.cleanId(value));
    }
  }

  void note(String note) {
    if (!notes.contains(note)) {
      notes.add(note);
    }
  }

  /** Joins narrative parts that are present and not repeats of one another. */
  static String join(String... parts) {
    List<String> kept = new ArrayList<>();
    for (String p : parts) {
      if (p == null || p.isBlank()) {
        continue;
      }
      String s = p.strip();
      boolean dup = false;
      for (String k : kept) {
        if (k.equals(s) || k.contains(s)) {
          dup = true;
          break;
        }
      }
      if (!dup) {
        kept.removeIf(s::contains);
        kept.add(s);
      }
    }
    return String.join("\n\n", kept);
  }

  Incident build(
      String source, String format, ImportSource file, long line, long index, ImportContext ctx)
      throws RecordProblem {
    String id = Texts.cleanId(sourceId);
    if (id.isEmpty()) {
      throw new RecordProblem("no id");
    }
    if (startedAt == null) {
      throw new RecordProblem("no start or creation time");
    }
    Set<String> svc = new LinkedHashSet<>();
    for (String s : services) {
      String c = Texts.cleanId(s);
      if (!c.isEmpty()) {
        svc.add(c);
      }
    }
    TargetHints hints = ctx.hints();
    if (svc.isEmpty() && hints.service() != null && !hints.service().isBlank()) {
      svc.add(Texts.cleanId(hints.service()));
      note("service '" + Texts.cleanId(hints.service()) + "' from " + origin(hints));
    }
    String env = environment;
    if ((env == null || env.isBlank())
        && hints.environment() != null
        && !hints.environment().isBlank()) {
      env = ctx.environment(hints.environment());
      note("environment '" + env + "' from " + origin(hints));
    }
    Set<String> lab = new LinkedHashSet<>();
    for (String l : labels) {
      String c = Texts.cleanId(l);
      if (!c.isEmpty()) {
        lab.add(c);
      }
    }
    Instant detected = detectedAt != null && detectedAt.equals(startedAt) ? null : detectedAt;
    if (resolvedAt != null && resolvedAt.isBefore(startedAt)) {
      note("resolved before it started: the source's times are inconsistent");
    }
    String t = bounded("title", Texts.cleanText(title), MAX_TITLE);
    String d = bounded("description", Texts.cleanText(description), MAX_NARRATIVE);
    String p = bounded("postmortem", Texts.cleanText(postmortem), MAX_NARRATIVE);
    Provenance prov = new Provenance(file.displayName(), line, index, format, id, notes);
    return new Incident(
        source,
        id,
        Texts.cleanId(reference),
        t,
        d,
        p,
        List.copyOf(svc),
        env,
        Texts.cleanId(severity),
        Texts.cleanId(status),
        startedAt,
        detected,
        resolvedAt,
        List.copyOf(lab),
        Texts.cleanId(url),
        prov);
  }

  private String bounded(String field, String text, int max) {
    if (text.length() > max) {
      note(field + " cut to " + max + " characters (it had " + text.length() + ")");
      return Texts.truncate(text, max);
    }
    return text;
  }

  private static String origin(TargetHints h) {
    return h.origin() == null || h.origin().isBlank() ? "the import's hints" : h.origin();
  }
}
