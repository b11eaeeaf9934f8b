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
 * CircleCI workflows: DevLake's {@code _raw_circleci_api_workflows.csv} (its {@code input} column
 * holds the pipeline, with the commit and branch) and the API v2 page ({@code GET
 * /api/v2/pipeline/{id}/workflow}, {@code {"items": [...]}}). Like CI builds, a workflow is a
 * deploy only when its name says deploy, release, promote, rollout or rollback, or the import
 * states an environment for the file.
 */
public final class CircleCiWorkflowsImporter implements Importer {
  public static final String ID = "circleci-workflows";
  private static final String TOOL = "circleci";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "CircleCI workflows (API v2, DevLake)";
  }

  @Override
  public RecordKind kind() {
    return RecordKind.DEPLOY;
  }

  @Override
  public int recognizes(Sniff s) {
    if (DevLakeCsv.isRawTable(s)) {
      return DevLakeCsv.hasKeys(s, "project_slug", "pipeline_number", "stopped_at") ? CERTAIN : NO;
    }
    if (s.looksLikeJson() && s.hasJsonKeys("project_slug", "pipeline_number", "stopped_at")) {
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
          source,
          ctx,
          sink,
          row ->
              workflow(
                  row.data(),
                  row.input(),
                  Nodes.text(row.params(), "ProjectSlug"),
                  ctx,
                  file,
                  row.line(),
                  row.index()));
      return;
    }
    new JsonStream("items")
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
                    () -> workflow(node, null, null, ctx, file, line, index)));
  }

  private Object workflow(
      JsonNode n,
      JsonNode pipeline,
      String projectSlug,
      ImportContext ctx,
      String file,
      long line,
      long index)
      throws Reject {
    String id = Nodes.text(n, "id");
    if (id == null || !n.has("pipeline_number") && !n.has("pipeline_id")) {
      throw new Reject("not a CircleCI workflow (" + Nodes.keys(n) + ")");
    }
    Draft d = new Draft(ctx);
    String name = Nodes.text(n, "name");
    String word = Words.deployWord(name);
    if (word == null && !d.hasEnvironment()) {
      throw Reject.notADeploy(
          "CircleCI workflow '"
              + name
              + "' ("
              + id
              + ") does not deploy, "
              + "release or promote by its name; if it does, state its environment in a sidecar "
              + "file or the import dialog");
    }
    d.note(
        word != null
            ? "deploy workflow: its name says '" + word + "'"
            : "counted as a deploy because the import states its environment");
    d.sourceId = id;
    d.id("run", id);
    d.id("pipeline", Nodes.text(n, "pipeline_number"));
    d.service = project(Texts.firstNonBlank(Nodes.text(n, "project_slug"), projectSlug));
    d.infer(Words.environmentIn(name, ctx), "the workflow name");
    if (pipeline != null) {
      d.commit = Nodes.text(pipeline, "vcs.revision");
      d.ref = Nodes.first(pipeline, "vcs.branch", "vcs.tag");
      d.version = Nodes.text(pipeline, "vcs.tag");
      d.actor = Nodes.text(pipeline, "trigger.actor.login");
      d.tags(Words.changeRefs(Nodes.text(pipeline, "vcs.commit.subject")));
    }
    String status = Nodes.text(n, "status");
    d.status = status(status, d);
    d.startedAt = d.time(Nodes.text(n, "created_at"), "created_at");
    if (d.status != DeployStatus.IN_PROGRESS) {
      d.finishedAt = d.time(Nodes.text(n, "stopped_at"), "stopped_at");
    }
    if (d.startedAt == null && d.finishedAt == null) {
      throw new Reject("no 'created_at' or 'stopped_at' time");
    }
    d.rollback = Words.saysRollback(name);
    d.description = name;
    return d.build(TOOL, file, line, index, ID);
  }

  /** "coldgust/coldgust.github.io" from "gh/coldgust/coldgust.github.io". */
  static String project(String slug) {
    if (slug == null) {
      return null;
    }
    String s = slug.strip();
    int slash = s.indexOf('/');
    if (slash > 0 && s.substring(slash + 1).contains("/")) {
      String vcs = s.substring(0, slash).toLowerCase(Locale.ROOT);
      if (vcs.equals("gh")
          || vcs.equals("github")
          || vcs.equals("bb")
          || vcs.equals("bitbucket")
          || vcs.equals("circleci")
          || vcs.equals("gl")
          || vcs.equals("gitlab")) {
        return s.substring(slash + 1);
      }
    }
    return s;
  }

  private static DeployStatus status(String s, Draft d) {
    if (s == null) {
      return DeployStatus.UNKNOWN;
    }
    switch (s.toLowerCase(Locale.ROOT)) {
      case "success":
        return DeployStatus.SUCCEEDED;
      case "failed":
      case "error":
      case "unauthorized":
        return DeployStatus.FAILED;
      case "canceled":
      case "not_run":
        return DeployStatus.CANCELLED;
      case "running":
      case "on_hold":
      case "failing":
        return DeployStatus.IN_PROGRESS;
      default:
        d.note("status '" + s + "' is not a CircleCI workflow status");
        return DeployStatus.UNKNOWN;
    }
  }
}
