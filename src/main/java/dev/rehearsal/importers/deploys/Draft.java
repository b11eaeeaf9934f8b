package dev.rehearsal.importers.deploys;

import dev.rehearsal.importers.ImportContext;
import dev.rehearsal.importers.TargetHints;
import dev.rehearsal.importers.support.TimeParseException;
import dev.rehearsal.model.Deploy;
import dev.rehearsal.model.DeployStatus;
import dev.rehearsal.model.Provenance;
import dev.rehearsal.util.Texts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A deploy being read: the mapper fills what the source says, then {@link #build} cleans the
 * values, fills blanks from the import's hints (the file's own values win), checks what a deploy
 * needs, and makes the record with its provenance and notes.
 */
final class Draft {
  /** Narrative fields are cut to this many characters. */
  static final int MAX_TEXT = 200_000;

  final ImportContext ctx;
  final List<String> notes = new ArrayList<>();
  final Set<String> identifiers = new LinkedHashSet<>();
  String sourceId;
  String service;
  String rawEnvironment;

  /** An environment read from a name (not a field); used only when hints give none. */
  String inferredEnvironment;

  String inferredFrom;

  /**
   * The environment a tool's convention implies when nothing names one (a bare Heroku app is
   * production); it sets the normalised environment and leaves the raw one empty.
   */
  String conventionEnvironment;

  String conventionNote;
  String version;
  String commit;
  String ref;
  DeployStatus status = DeployStatus.UNKNOWN;
  Instant startedAt;
  Instant finishedAt;
  boolean rollback;
  String description;
  String actor;
  String url;

  /** When false, hints do not fill the service (GitLab applies them itself, first). */
  boolean serviceFromHints = true;

  Draft(ImportContext ctx) {
    this.ctx = ctx;
  }

  /** Parses a time through the import's rules; a time without zone is noted. */
  Instant time(String raw, String field) throws Reject {
    try {
      return ctx.optionalInstant(raw, notes);
    } catch (TimeParseException e) {
      throw new Reject("'" + field + "' " + e.getMessage());
    }
  }

  /** Epoch milliseconds (or seconds, by magnitude) to an instant; null for null or 0. */
  static Instant epoch(Long value, String field) throws Reject {
    if (value == null || value == 0) {
      return null;
    }
    try {
      return dev.rehearsal.importers.support.TimeParser.epochNumber(value);
    } catch (java.time.DateTimeException e) {
      throw new Reject("'" + field + "' is " + value + ", not a valid epoch time");
    }
  }

  /** Adds "prefix:value" when the value is there. */
  void id(String prefix, Object value) {
    if (value == null) {
      return;
    }
    String v = Texts.cleanId(value.toString());
    if (!v.isEmpty()) {
      identifiers.add(prefix + ":" + v);
    }
  }

  /** Adds a plain identifier ("https://...", "config-change"). */
  void tag(String value) {
    String v = Texts.cleanId(value);
    if (!v.isEmpty()) {
      identifiers.add(v);
    }
  }

  void tags(Collection<String> values) {
    for (String v : values) {
      tag(v);
    }
  }

  void note(String note) {
    if (!notes.contains(note)) {
      notes.add(note);
    }
  }

  /** An environment a name suggests; hints and the source's own fields win over it. */
  void infer(String environment, String from) {
    if (environment != null && Texts.isBlank(inferredEnvironment)) {
      inferredEnvironment = environment;
      inferredFrom = from;
    }
  }

  /** Whether an environment is known so far (from the source or from hints). */
  boolean hasEnvironment() {
    return !Texts.isBlank(rawEnvironment) || hints().environment() != null;
  }

  TargetHints hints() {
    return ctx.hints();
  }

  /** Makes the deploy. */
  Deploy build(String tool, String file, long line, long index, String format) throws Reject {
    TargetHints h = ctx.hints();
    String from = h.origin() == null || h.origin().isBlank() ? "the import's hints" : h.origin();
    String svc = Texts.cleanId(service);
    if (svc.isEmpty() && serviceFromHints && h.service() != null) {
      svc = Texts.cleanId(h.service());
      note("service from " + from);
    }
    String env = Texts.cleanId(rawEnvironment);
    if (env.isEmpty() && h.environment() != null) {
      env = Texts.cleanId(h.environment());
      note("environment from " + from);
    }
    if (env.isEmpty() && !Texts.isBlank(inferredEnvironment)) {
      env = Texts.cleanId(inferredEnvironment);
      note("environment read from " + inferredFrom);
    }
    String ver = Texts.cleanId(version);
    if (ver.isEmpty() && h.version() != null) {
      ver = Texts.cleanId(h.version());
      note("version from " + from);
    }
    String sha = Texts.cleanId(commit);
    if (sha.isEmpty() && h.commit() != null) {
      sha = Texts.cleanId(h.commit());
      note("commit from " + from);
    }
    String normalised = ctx.environment(env);
    if (env.isEmpty() && !Texts.isBlank(conventionEnvironment)) {
      normalised = ctx.environment(conventionEnvironment);
      note(conventionNote);
    } else if (env.isEmpty()) {
      note(
          "no environment: the source names none; state it in a sidecar file or the import "
              + "dialog");
    }
    if (svc.isEmpty()) {
      throw new Reject(
          "no service: the record names no repository, project, application or "
              + "job; give the service in a sidecar file (NAME.rehearsal.json) or the import dialog");
    }
    if (startedAt == null && finishedAt == null) {
      throw new Reject("no start or finish time");
    }
    String id = Texts.cleanId(sourceId);
    if (id.isEmpty()) {
      throw new Reject("no id to identify the deploy");
    }
    String desc = Texts.cleanText(description);
    if (desc.length() > MAX_TEXT) {
      desc = Texts.truncate(desc, MAX_TEXT);
      note("description cut to " + MAX_TEXT + " characters");
    }
    if (startedAt != null && finishedAt != null && finishedAt.isBefore(startedAt)) {
      note("finish time is before start time in the source");
    }
    String link = Texts.cleanId(url);
    Provenance p = new Provenance(file, line, index, format, id, notes);
    return new Deploy(
        tool,
        id,
        svc,
        normalised,
        env,
        ver,
        sha,
        Texts.cleanId(ref),
        status,
        startedAt,
        finishedAt,
        rollback,
        desc,
        Texts.cleanId(actor),
        new ArrayList<>(identifiers),
        link,
        p);
  }
}
