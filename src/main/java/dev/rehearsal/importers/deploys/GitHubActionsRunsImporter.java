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

/**
 * GitHub Actions workflow runs: the REST list ({@code {"total_count", "workflow_runs": [...]}}),
 * one run, the {@code workflow_run} webhook payload (one or a list), and DevLake's {@code
 * _raw_github_api_runs.csv}. A run is a deploy only when its workflow's name or file says deploy,
 * release, promote, rollout or rollback, or when the import states an environment for the file;
 * every other run is rejected as "not a deploy" with the workflow named.
 */
public final class GitHubActionsRunsImporter implements Importer {
  public static final String ID = "github-actions-runs";
  private static final String TOOL = "github";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "GitHub Actions workflow runs (REST, webhook, DevLake)";
  }

  @Override
  public RecordKind kind() {
    return RecordKind.DEPLOY;
  }

  @Override
  public int recognizes(Sniff s) {
    if (DevLakeCsv.isRawTable(s)) {
      return DevLakeCsv.hasKeys(s, "workflow_id", "run_number", "head_sha") ? CERTAIN : NO;
    }
    if (!s.looksLikeJson()) {
      return NO;
    }
    if (s.hasAnyJsonKey("original_environment", "deployment_status", "deployment_url")) {
      return NO; // deployment payloads carry a workflow_run too; they are deployments
    }
    if (s.hasJsonKeys("workflow_runs", "total_count")
        || s.hasJsonKeys("workflow_run", "workflow")
        || s.hasJsonKeys("workflow_id", "run_number", "head_sha", "run_attempt")) {
      return CERTAIN;
    }
    if (s.hasJsonKeys("workflow_id", "run_number", "head_sha")) {
      return LIKELY;
    }
    return NO;
  }

  @Override
  public void parse(ImportSource source, ImportContext ctx, RecordSink sink)
      throws IOException, ImportException {
    String file = source.displayName();
    if (!Sources.looksLikeJson(source)) {
      DevLakeCsv.read(
          source,
          ctx,
          sink,
          row ->
              run(
                  row.data(),
                  null,
                  GitHubDeploymentsImporter.tail(Nodes.text(row.params(), "Name")),
                  ctx,
                  file,
                  row.line(),
                  row.index()));
      return;
    }
    new JsonStream("workflow_runs")
        .stream(
            source,
            sink,
            false,
            (node, envelope, line, index) ->
                Emit.one(
                    sink,
                    ctx,
                    line,
                    index,
                    () -> {
                      if (node.has("workflow_run") && node.get("workflow_run").isObject()) {
                        return run(
                            node.get("workflow_run"),
                            node.get("workflow"),
                            Nodes.text(node, "repository.name"),
                            ctx,
                            file,
                            line,
                            index);
                      }
                      if (node.has("run_number") || node.has("workflow_id")) {
                        return run(node, null, null, ctx, file, line, index);
                      }
                      throw new Reject(
                          "not a GitHub Actions workflow run (" + Nodes.keys(node) + ")");
                    }));
  }

  private Object run(
      JsonNode r,
      JsonNode workflow,
      String repo,
      ImportContext ctx,
      String file,
      long line,
      long index)
      throws Reject {
    Draft d = new Draft(ctx);
    String id = Nodes.text(r, "id");
    if (id == null) {
      throw new Reject("no run 'id'");
    }
    String name = Texts.firstNonBlank(Nodes.text(r, "name"), Nodes.text(workflow, "name"));
    String path = Texts.firstNonBlank(Nodes.text(r, "path"), Nodes.text(workflow, "path"));
    String word = Words.deployWord(name, path);
    String named =
        "workflow '"
            + Texts.firstNonBlank(name, path, "(unnamed)")
            + "'"
            + (!path.isEmpty() && !path.equals(name) ? " (" + path + ")" : "");
    if (word == null && !d.hasEnvironment()) {
      throw Reject.notADeploy(
          named
              + " run "
              + id
              + " does not deploy, release or promote by "
              + "its name; if it does, state its environment in a sidecar file or the import "
              + "dialog");
    }
    d.sourceId = id;
    d.id("run", id);
    d.id("build", Nodes.text(r, "run_number"));
    d.service =
        Texts.firstNonBlank(
            Nodes.text(r, "repository.name"),
            repo,
            GitHubDeploymentsImporter.repoFromApiUrl(Nodes.text(r, "url")));
    d.infer(Words.environmentIn(name, ctx), "the workflow name");
    d.note(
        word != null
            ? "deploy " + named + ": its name says '" + word + "'"
            : named + " counted as a deploy because the import states its environment");
    d.commit = Nodes.text(r, "head_sha");
    String branch = Nodes.text(r, "head_branch");
    d.ref = branch;
    if (Words.versionLike(branch)) {
      d.version = branch;
    }
    d.startedAt = d.time(Nodes.first(r, "run_started_at", "created_at"), "run_started_at");
    if (d.startedAt == null) {
      throw new Reject("no 'run_started_at' or 'created_at' time");
    }
    d.status = status(Nodes.text(r, "status"), Nodes.text(r, "conclusion"), d);
    if (d.status != DeployStatus.IN_PROGRESS && d.status != DeployStatus.UNKNOWN
        || "completed".equalsIgnoreCase(Nodes.text(r, "status"))) {
      d.finishedAt = d.time(Nodes.text(r, "updated_at"), "updated_at");
    }
    d.rollback = Words.saysRollback(name, path);
    d.description =
        Texts.firstNonBlank(Nodes.text(r, "display_title"), Nodes.text(r, "head_commit.message"));
    d.actor = Nodes.first(r, "triggering_actor.login", "actor.login");
    d.url = Nodes.text(r, "html_url");
    JsonNode prs = r.get("pull_requests");
    if (prs != null && prs.isArray()) {
      for (JsonNode pr : prs) {
        d.id("pr", Nodes.text(pr, "number"));
      }
    }
    d.tags(Words.changeRefs(Nodes.text(r, "head_commit.message")));
    d.tags(Words.changeRefs(Nodes.text(r, "display_title")));
    return d.build(TOOL, file, line, index, ID);
  }

  /** The conclusion when there is one, else the run status. */
  private static DeployStatus status(String status, String conclusion, Draft d) {
    String c = conclusion == null ? null : conclusion.toLowerCase(Locale.ROOT);
    if (c != null) {
      switch (c) {
        case "success":
          return DeployStatus.SUCCEEDED;
        case "failure":
        case "timed_out":
        case "startup_failure":
          return DeployStatus.FAILED;
        case "cancelled":
        case "skipped":
        case "stale":
          return DeployStatus.CANCELLED;
        default:
          d.note("conclusion '" + conclusion + "' says neither success nor failure");
          return DeployStatus.UNKNOWN; // neutral, action_required
      }
    }
    String s = status == null ? "" : status.toLowerCase(Locale.ROOT);
    switch (s) {
      case "queued":
      case "in_progress":
      case "waiting":
      case "pending":
      case "requested":
        return DeployStatus.IN_PROGRESS;
      case "completed":
        d.note("completed without a conclusion");
        return DeployStatus.UNKNOWN;
      default:
        return DeployStatus.fromText(status);
    }
  }
}
