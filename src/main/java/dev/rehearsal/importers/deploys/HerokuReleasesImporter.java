package dev.rehearsal.importers.deploys;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rehearsal.importers.ImportContext;
import dev.rehearsal.importers.ImportException;
import dev.rehearsal.importers.ImportSource;
import dev.rehearsal.importers.Importer;
import dev.rehearsal.importers.RecordSink;
import dev.rehearsal.importers.Sniff;
import dev.rehearsal.model.DeployStatus;
import dev.rehearsal.model.RecordKind;
import dev.rehearsal.util.Texts;
import java.io.IOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Heroku releases: the Platform API's {@code GET /apps/{app}/releases} (a bare JSON array) and
 * {@code heroku releases --json}, which prints the same array. The app name carries the environment
 * by convention ("checkout-staging"): an ending the environment table knows is split off; a bare
 * app name is production unless the import states otherwise. The description is the only place a
 * release says what it was: "Deploy 69eec518" (a commit), "Rollback to v12" (a rollback), "Set FOO
 * config vars" (a configuration change, kept and marked "config-change").
 */
public final class HerokuReleasesImporter implements Importer {
  public static final String ID = "heroku-releases";
  private static final String TOOL = "heroku";
  private static final Pattern DEPLOY = Pattern.compile("(?i)^deploy\\s+([0-9a-f]{7,40})\\b");
  private static final Pattern ROLLBACK = Pattern.compile("(?i)^rollback to (v\\d+)");
  private static final Pattern CONFIG =
      Pattern.compile(
          "(?i)(config vars?\\b|^(?:set|remove|update|add|attach|detach)\\b.*\\bby\\b)");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "Heroku releases (Platform API JSON, heroku releases --json)";
  }

  @Override
  public RecordKind kind() {
    return RecordKind.DEPLOY;
  }

  @Override
  public int recognizes(Sniff s) {
    if (!s.looksLikeJson()) {
      return NO;
    }
    if (s.hasJsonKeys("version", "description", "status", "app", "user")
        && s.hasAnyJsonKey("slug", "addon_plan_names", "output_stream_url", "current")) {
      return CERTAIN;
    }
    return NO;
  }

  @Override
  public void parse(ImportSource source, ImportContext ctx, RecordSink sink)
      throws IOException, ImportException {
    String file = source.displayName();
    new JsonStream()
        .stream(
            source,
            sink,
            false,
            (node, envelope, line, index) ->
                Emit.one(sink, ctx, line, index, () -> release(node, ctx, file, line, index)));
  }

  private Object release(JsonNode n, ImportContext ctx, String file, long line, long index)
      throws Reject {
    if (!n.isObject() || !n.has("version") && !n.has("description")) {
      throw new Reject("not a Heroku release (" + Nodes.keys(n) + ")");
    }
    Draft d = new Draft(ctx);
    String app = Nodes.first(n, "app.name");
    Long version = Nodes.number(n, "version");
    String id = Nodes.text(n, "id");
    if (app == null && ctx.hints().service() == null) {
      throw new Reject(
          "no 'app.name': the release names no app; give the service in a sidecar "
              + "file or the import dialog");
    }
    if (id == null && (app == null || version == null)) {
      throw new Reject("no release 'id' (and no app name and version to stand in for it)");
    }
    d.sourceId = id != null ? id : app + "/v" + version;
    if (id != null) {
      d.id("deploy", id);
    }
    if (app != null) {
      String[] split = Words.splitEnvironmentSuffix(app, ctx);
      if (split != null) {
        d.service = split[0];
        d.rawEnvironment = split[1];
        d.note("service and environment read from the app name '" + app + "'");
      } else {
        d.service = app;
        d.conventionEnvironment = "production";
        d.conventionNote = "app name '" + app + "' names no environment: read as production";
      }
    }
    if (version != null) {
      d.id("release", "v" + version);
    }
    String desc = Nodes.text(n, "description");
    d.description = desc;
    if (desc != null) {
      Matcher dm = DEPLOY.matcher(desc.strip());
      if (dm.find()) {
        d.commit = dm.group(1);
      }
      Matcher rm = ROLLBACK.matcher(desc.strip());
      if (rm.find()) {
        d.rollback = true;
        d.id("rollback-to", rm.group(1).toLowerCase(Locale.ROOT));
      }
      if (CONFIG.matcher(desc).find()) {
        d.tag("config-change");
      }
    }
    if (version != null) {
      d.version = "v" + version;
      d.note("version is Heroku's release number");
    }
    String status = Nodes.text(n, "status");
    d.status = status(status, d);
    d.startedAt = d.time(Nodes.text(n, "created_at"), "created_at");
    if (d.status != DeployStatus.IN_PROGRESS && d.status != DeployStatus.UNKNOWN) {
      d.finishedAt = d.time(Nodes.text(n, "updated_at"), "updated_at");
    }
    if (d.startedAt == null && d.finishedAt == null) {
      throw new Reject("no 'created_at' time");
    }
    d.actor = Nodes.first(n, "user.email", "user.id");
    if (Boolean.TRUE.equals(Nodes.bool(n, "current"))) {
      d.note("the release the app runs now");
    }
    d.url = Texts.firstNonBlank(Nodes.text(n, "output_stream_url"));
    return d.build(TOOL, file, line, index, ID);
  }

  private static DeployStatus status(String s, Draft d) {
    if (s == null) {
      return DeployStatus.UNKNOWN;
    }
    switch (s.toLowerCase(Locale.ROOT)) {
      case "succeeded":
        return DeployStatus.SUCCEEDED;
      case "failed":
        return DeployStatus.FAILED;
      case "expired":
        d.note("release expired (its release phase did not finish in time)");
        return DeployStatus.FAILED;
      case "pending":
        return DeployStatus.IN_PROGRESS;
      default:
        d.note("status '" + s + "' is not one Heroku documents");
        return DeployStatus.UNKNOWN;
    }
  }
}
