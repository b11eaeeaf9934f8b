package dev.rehearsal.importers.deploys;

import dev.rehearsal.importers.ImportContext;
import dev.rehearsal.importers.support.Ids;
import dev.rehearsal.model.DeployStatus;
import dev.rehearsal.util.Texts;
import java.util.Locale;
import java.util.function.Function;

/**
 * Rehearsal's own deploy format, shared by the CSV and the JSON Lines importer: one deploy per row
 * or line with {@code time, service, environment, version, status} and optionally {@code commit,
 * id, started, url, rollback, description, ref, actor}.
 */
final class GenericDeploys {
  private GenericDeploys() {}

  /** The source of records from the generic files, whichever of the two formats. */
  static final String TOOL = "generic";

  static final String[] REQUIRED = {"time", "service", "environment", "version", "status"};
  static final String[] OPTIONAL = {
    "commit", "id", "started", "url", "rollback", "description", "ref", "actor"
  };

  /** Maps one row; {@code get} returns a field's text or null. */
  static Draft map(Function<String, String> get, ImportContext ctx) throws Reject {
    Draft d = new Draft(ctx);
    String time = get.apply("time");
    if (time == null) {
      throw new Reject("no 'time'");
    }
    d.service = get.apply("service");
    d.rawEnvironment = get.apply("environment");
    d.version = get.apply("version");
    d.commit = get.apply("commit");
    d.ref = get.apply("ref");
    d.actor = get.apply("actor");
    d.url = get.apply("url");
    d.description = get.apply("description");
    String status = get.apply("status");
    d.status = DeployStatus.fromText(status);
    if (status != null
        && d.status == DeployStatus.UNKNOWN
        && !status.strip().equalsIgnoreCase("unknown")) {
      d.note("status '" + status + "' is not one Rehearsal knows; kept as unknown");
    }
    java.time.Instant at = d.time(time, "time");
    d.startedAt = d.time(get.apply("started"), "started");
    if (d.status == DeployStatus.IN_PROGRESS) {
      if (d.startedAt == null) {
        d.startedAt = at; // still running: its time is when it started
      }
    } else {
      d.finishedAt = at;
    }
    String rollback = get.apply("rollback");
    if (rollback != null) {
      switch (rollback.strip().toLowerCase(Locale.ROOT)) {
        case "true", "yes", "y", "1" -> d.rollback = true;
        case "false", "no", "n", "0", "" -> d.rollback = false;
        default ->
            throw new Reject(
                "'rollback' is '" + Nodes.shorten(rollback) + "'; write true or false");
      }
    }
    if (d.url != null) {
      d.tag(d.url);
    }
    d.tags(Words.changeRefs(d.description));
    String id = get.apply("id");
    if (id != null) {
      d.sourceId = id;
      d.id("deploy", id);
    } else {
      // no id: one from what identifies the deploy (never from the file's path or line)
      d.sourceId =
          Ids.digest(
              Texts.cleanId(d.service).toLowerCase(Locale.ROOT),
              Texts.cleanId(d.rawEnvironment).toLowerCase(Locale.ROOT),
              Texts.cleanId(d.version),
              at.toString());
    }
    return d;
  }
}
