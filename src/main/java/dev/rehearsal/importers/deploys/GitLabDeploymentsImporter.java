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
 * GitLab deployments: the REST list and single object ({@code GET
 * /projects/:id/deployments[/:deployment_id]}) and DevLake's {@code
 * _raw_gitlab_api_deployments.csv}. A deployment object does not carry its project's name, so the
 * service comes from the import's hints (sidecar, manifest, dialog) first, then from the project
 * path inside {@code deployable.pipeline.web_url} or {@code deployable.commit.web_url} ({@code
 * https://host/<group>/<project>/-/...}); a record with neither is rejected.
 */
public final class GitLabDeploymentsImporter implements Importer {
  public static final String ID = "gitlab-deployments";
  private static final String TOOL = "gitlab";
  private static final Pattern PROJECT_IN_URL =
      Pattern.compile(
          "^https?://[^/]+/(.+?)/-/(?:pipelines|commit|jobs|merge_requests|environments|tags)/");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "GitLab deployments (REST, DevLake)";
  }

  @Override
  public RecordKind kind() {
    return RecordKind.DEPLOY;
  }

  @Override
  public int recognizes(Sniff s) {
    if (DevLakeCsv.isRawTable(s)) {
      return DevLakeCsv.hasKeys(s, "deployable", "environment") ? CERTAIN : NO;
    }
    if (!s.looksLikeJson()) {
      return NO;
    }
    if (s.hasJsonKeys("deployable", "environment") && s.hasAnyJsonKey("iid", "sha", "ref")) {
      return CERTAIN;
    }
    return NO;
  }

  @Override
  public void parse(ImportSource source, ImportContext ctx, RecordSink sink)
      throws IOException, ImportException {
    String file = source.displayName();
    if (!Sources.looksLikeJson(source)) {
      DevLakeCsv.read(
          source, ctx, sink, row -> deployment(row.data(), ctx, file, row.line(), row.index()));
      return;
    }
    new JsonStream()
        .stream(
            source,
            sink,
            false,
            (node, envelope, line, index) ->
                Emit.one(sink, ctx, line, index, () -> deployment(node, ctx, file, line, index)));
  }

  private Object deployment(JsonNode n, ImportContext ctx, String file, long line, long index)
      throws Reject {
    if (!n.isObject() || !n.has("id") || !(n.has("environment") || n.has("deployable"))) {
      throw new Reject("not a GitLab deployment (" + Nodes.keys(n) + ")");
    }
    Draft d = new Draft(ctx);
    d.serviceFromHints = false;
    String id = Nodes.text(n, "id");
    d.sourceId = id;
    d.id("deploy", id);
    JsonNode job = n.path("deployable");
    String pipelineUrl = Nodes.text(job, "pipeline.web_url");
    String commitUrl = Nodes.text(job, "commit.web_url");
    String project = project(pipelineUrl);
    if (project == null) {
      project = project(commitUrl);
    }
    if (project == null) {
      project = project(Nodes.text(job, "web_url"));
    }
    if (ctx.hints().service() != null) {
      d.service = ctx.hints().service();
      d.note(
          "service from "
              + (Texts.isBlank(ctx.hints().origin()) ? "the import's hints" : ctx.hints().origin())
              + (project != null ? " (the URLs name project '" + project + "')" : ""));
    } else if (project != null) {
      d.service = project;
    } else {
      throw new Reject(
          "no service: a GitLab deployment does not name its project and this one "
              + "has no deployable.pipeline.web_url or deployable.commit.web_url to read it from; "
              + "give the service in a sidecar file (NAME.rehearsal.json) or the import dialog");
    }
    JsonNode env = n.path("environment");
    d.rawEnvironment = env.isObject() ? Nodes.text(env, "name") : Nodes.text(n, "environment");
    String ref = Nodes.first(n, "ref", "deployable.ref");
    d.ref = ref;
    Boolean tag = Nodes.bool(job, "tag");
    if (Boolean.TRUE.equals(tag) || tag == null && Words.versionLike(ref)) {
      d.version = ref;
    }
    d.commit = Nodes.first(n, "sha", "deployable.commit.id");
    d.status = status(Nodes.text(n, "status"), Nodes.text(job, "status"), d);
    d.startedAt = d.time(Nodes.text(job, "started_at"), "deployable.started_at");
    if (d.startedAt == null) {
      d.startedAt = d.time(Nodes.text(n, "created_at"), "created_at");
    }
    boolean done = d.status != DeployStatus.IN_PROGRESS && d.status != DeployStatus.UNKNOWN;
    if (done) {
      d.finishedAt = d.time(Nodes.text(job, "finished_at"), "deployable.finished_at");
      if (d.finishedAt == null) {
        d.finishedAt = d.time(Nodes.text(n, "updated_at"), "updated_at");
      }
    }
    if (d.startedAt == null && d.finishedAt == null) {
      throw new Reject("no 'created_at' or deployable start/finish time");
    }
    String jobName = Nodes.text(job, "name");
    d.rollback = Words.saysRollback(jobName);
    d.description = Texts.firstNonBlank(Nodes.text(job, "commit.title"));
    d.actor = Nodes.first(n, "user.username", "deployable.user.username");
    d.id("pipeline", Nodes.text(job, "pipeline.id"));
    d.id("build", Nodes.text(job, "id"));
    d.url = Texts.firstNonBlank(Nodes.text(job, "web_url"), pipelineUrl);
    if (pipelineUrl != null) {
      d.tag(pipelineUrl);
    }
    d.tags(Words.changeRefs(Nodes.text(job, "commit.message")));
    return d.build(TOOL, file, line, index, ID);
  }

  /** The deployment status; the job's status when the deployment has none. */
  private static DeployStatus status(String status, String jobStatus, Draft d) {
    String s = status != null ? status : jobStatus;
    if (s == null) {
      return DeployStatus.UNKNOWN;
    }
    DeployStatus st =
        switch (s.toLowerCase(Locale.ROOT)) {
          case "success" -> DeployStatus.SUCCEEDED;
          case "failed" -> DeployStatus.FAILED;
          case "canceled", "cancelled", "skipped" -> DeployStatus.CANCELLED;
          case "created", "running", "blocked", "pending" -> DeployStatus.IN_PROGRESS;
          default -> null;
        };
    if (st == null) {
      d.note("status '" + s + "' is not a GitLab deployment status");
      st = DeployStatus.UNKNOWN;
    }
    if (status != null && jobStatus != null && !status.equalsIgnoreCase(jobStatus)) {
      d.note("deployment status '" + status + "', its job's status '" + jobStatus + "'");
    }
    return st;
  }

  /** "group/sub/project" from https://host/group/sub/project/-/pipelines/1. */
  static String project(String url) {
    if (url == null) {
      return null;
    }
    Matcher m = PROJECT_IN_URL.matcher(url.strip());
    return m.find() ? m.group(1) : null;
  }
}
