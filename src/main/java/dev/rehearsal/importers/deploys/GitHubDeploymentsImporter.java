package dev.rehearsal.importers.deploys;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rehearsal.importers.ImportContext;
import dev.rehearsal.importers.ImportException;
import dev.rehearsal.importers.ImportSource;
import dev.rehearsal.importers.Importer;
import dev.rehearsal.importers.RecordSink;
import dev.rehearsal.importers.Sniff;
import dev.rehearsal.model.DeployStatus;
import dev.rehearsal.model.DeployStatusEvent;
import dev.rehearsal.model.Provenance;
import dev.rehearsal.model.RecordKind;
import dev.rehearsal.util.Texts;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GitHub deployments in every shape they are exported in: the REST list and single object ({@code
 * GET /repos/{owner}/{repo}/deployments[/{id}]}), the REST list of one deployment's statuses
 * (turned into {@link DeployStatusEvent}s, keyed by the deployment id read from {@code
 * deployment_url}), GraphQL response pages ({@code data.repository.deployments.nodes}, camelCase),
 * DevLake's stored PascalCase copy of those nodes ({@code _raw_github_graphql_deployment.csv}), and
 * the {@code deployment} and {@code deployment_status} webhook payloads, one per file or a list of
 * them.
 */
public final class GitHubDeploymentsImporter implements Importer {
  public static final String ID = "github-deployments";
  private static final String TOOL = "github";
  private static final Pattern DEPLOYMENT_IN_URL = Pattern.compile("/deployments/(\\d+)");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "GitHub deployments and deployment statuses (REST, GraphQL, webhooks, DevLake)";
  }

  @Override
  public RecordKind kind() {
    return RecordKind.DEPLOY;
  }

  @Override
  public int recognizes(Sniff s) {
    if (DevLakeCsv.isRawTable(s)) {
      return DevLakeCsv.hasKeys(s, "CommitOid", "LatestStatus")
              || DevLakeCsv.hasKeys(s, "DatabaseId", "CommitOid")
          ? CERTAIN
          : NO;
    }
    if (!s.looksLikeJson() || s.hasJsonKeys("workflow_job")) {
      return NO; // job payloads of environment-protected jobs carry a deployment too
    }
    if (s.hasJsonKeys("original_environment", "statuses_url")
        || s.hasJsonKeys("deployment", "original_environment")
        || s.hasJsonKeys("deployment_status", "deployment")
        || s.hasJsonKeys("deployment_url", "state")
            && s.hasAnyJsonKey("target_url", "log_url", "environment_url")) {
      return CERTAIN;
    }
    // GraphQL: the node fields sit deeper than the keys the sniff collects, so look at the text
    String t = s.text();
    boolean graphQlFields = t.contains("\"commitOid\"") || t.contains("\"latestStatus\"");
    if (graphQlFields && s.hasAnyJsonKey("deployments", "nodes", "edges", "databaseId")) {
      return CERTAIN;
    }
    return NO;
  }

  @Override
  public void parse(ImportSource source, ImportContext ctx, RecordSink sink)
      throws IOException, ImportException {
    String file = source.displayName();
    boolean[] warnedNoStatus = {false};
    if (!Sources.looksLikeJson(source)) {
      DevLakeCsv.read(
          source,
          ctx,
          sink,
          row ->
              graphql(
                  row.data(),
                  ctx,
                  file,
                  row.line(),
                  row.index(),
                  tail(Nodes.text(row.params(), "Name"))));
      return;
    }
    JsonStream stream =
        new JsonStream(
            "data.repository.deployments.nodes",
            "data.repository.deployments.edges",
            "repository.deployments.nodes",
            "repository.deployments.edges",
            "deployments.nodes",
            "deployments.edges",
            "nodes",
            "edges",
            "deployments");
    stream.stream(
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
                  JsonNode n = node.has("node") && node.size() <= 2 ? node.get("node") : node;
                  if (!n.isObject()) {
                    throw new Reject("expected a deployment object but found " + Nodes.keys(n));
                  }
                  if (n.has("deployment_status") && n.has("deployment")) {
                    return webhook(n, n.get("deployment_status"), ctx, file, line, index);
                  }
                  if (n.has("deployment") && n.get("deployment").isObject()) {
                    return webhook(n, null, ctx, file, line, index);
                  }
                  if (n.has("deployment_url") && n.has("state")) {
                    return status(n, ctx, file, line, index);
                  }
                  if (Nodes.has(n, "databaseId")
                      || Nodes.has(n, "commitOid")
                      || Nodes.has(n, "latestStatus")
                      || Nodes.has(n, "createdAt")) {
                    String fallback =
                        Nodes.first(envelope, "data.repository.name", "repository.name");
                    return graphql(n, ctx, file, line, index, fallback);
                  }
                  if (n.has("sha") || n.has("statuses_url") || n.has("original_environment")) {
                    if (!warnedNoStatus[0]) {
                      warnedNoStatus[0] = true;
                      sink.warn(
                          "GitHub REST deployments carry no status of their own: import the "
                              + "deployment statuses too (GET /repos/{owner}/{repo}/deployments/{id}/"
                              + "statuses) to fill status and finish time");
                    }
                    return rest(n, null, ctx, file, line, index).build(TOOL, file, line, index, ID);
                  }
                  throw new Reject(
                      "not a GitHub deployment, deployment status or webhook payload ("
                          + Nodes.keys(n)
                          + ")");
                }));
  }

  /** A REST deployment object (also the "deployment" of webhook payloads). */
  private Draft rest(
      JsonNode n, String repoName, ImportContext ctx, String file, long line, long index)
      throws Reject {
    Draft d = new Draft(ctx);
    String id = Nodes.text(n, "id");
    if (id == null) {
      throw new Reject("no deployment 'id'");
    }
    d.sourceId = id;
    d.id("deploy", id);
    d.service =
        repoName != null ? repoName : repoFromApiUrl(Nodes.first(n, "repository_url", "url"));
    d.rawEnvironment = Nodes.text(n, "environment");
    String original = Nodes.text(n, "original_environment");
    if (original != null && d.rawEnvironment != null && !original.equals(d.rawEnvironment)) {
      d.note(
          "requested for environment '" + original + "', deployed to '" + d.rawEnvironment + "'");
    }
    d.commit = Nodes.text(n, "sha");
    ref(d, Nodes.text(n, "ref"), null);
    d.startedAt = d.time(Nodes.text(n, "created_at"), "created_at");
    if (d.startedAt == null) {
      throw new Reject("no 'created_at' time");
    }
    String task = Nodes.text(n, "task");
    d.description = Nodes.text(n, "description");
    d.rollback = Words.saysRollback(task, d.description);
    if (task != null && !task.equals("deploy")) {
      d.note("task '" + task + "'");
    }
    d.actor = Nodes.text(n, "creator.login");
    d.url = Nodes.text(n, "url");
    return d;
  }

  /** A webhook payload: deployment (created) or deployment_status (with the deployment). */
  private Object webhook(
      JsonNode payload, JsonNode ds, ImportContext ctx, String file, long line, long index)
      throws Reject {
    Draft d =
        rest(
            payload.get("deployment"),
            Nodes.text(payload, "repository.name"),
            ctx,
            file,
            line,
            index);
    JsonNode run = payload.get("workflow_run");
    if (run != null && run.isObject()) {
      d.id("run", Nodes.text(run, "id"));
      d.tag(Texts.firstNonBlank(Nodes.text(run, "html_url")));
      d.tags(Words.changeRefs(Nodes.text(run, "head_commit.message")));
    }
    if (ds != null && ds.isObject()) {
      String state = Nodes.text(ds, "state");
      d.status = DeployStatus.fromText(state);
      Instant at =
          d.time(Nodes.first(ds, "created_at", "updated_at"), "deployment_status.created_at");
      if (terminal(state) && at != null) {
        d.finishedAt = at;
      }
      if (Texts.isBlank(d.description)) {
        d.description = Nodes.text(ds, "description");
      }
      String log = Nodes.first(ds, "log_url", "target_url");
      if (log != null) {
        d.url = log;
      }
      String envUrl = Nodes.text(ds, "environment_url");
      if (envUrl != null) {
        d.tag(envUrl);
      }
      d.note("status '" + state + "' from the deployment_status webhook");
    }
    return d.build(TOOL, file, line, index, ID);
  }

  /** One REST deployment status: an event for the deployment named in deployment_url. */
  private DeployStatusEvent status(
      JsonNode n, ImportContext ctx, String file, long line, long index) throws Reject {
    String deploymentId = null;
    for (String u : new String[] {Nodes.text(n, "deployment_url"), Nodes.text(n, "url")}) {
      if (u != null) {
        Matcher m = DEPLOYMENT_IN_URL.matcher(u);
        if (m.find()) {
          deploymentId = m.group(1);
          break;
        }
      }
    }
    if (deploymentId == null) {
      throw new Reject(
          "the status names no deployment: 'deployment_url' has no " + "/deployments/{id}");
    }
    String statusId = Nodes.text(n, "id");
    if (statusId == null) {
      throw new Reject("no status 'id'");
    }
    Draft d = new Draft(ctx);
    Instant at = d.time(Nodes.first(n, "created_at", "updated_at"), "created_at");
    if (at == null) {
      throw new Reject("no 'created_at' time");
    }
    String state = Nodes.text(n, "state");
    String env = Texts.cleanId(Nodes.text(n, "environment"));
    String desc = Texts.cleanText(Nodes.text(n, "description"));
    if (desc.length() > Draft.MAX_TEXT) {
      desc = Texts.truncate(desc, Draft.MAX_TEXT);
      d.note("description cut to " + Draft.MAX_TEXT + " characters");
    }
    Provenance p =
        new Provenance(
            file,
            line,
            index,
            ID,
            Texts.cleanId(deploymentId) + "/" + Texts.cleanId(statusId),
            d.notes);
    return new DeployStatusEvent(
        TOOL,
        Texts.cleanId(deploymentId),
        Texts.cleanId(statusId),
        DeployStatus.fromText(state),
        at,
        ctx.environment(env),
        desc,
        p);
  }

  /** A GraphQL Deployment node, camelCase (API) or PascalCase (DevLake). */
  private Object graphql(
      JsonNode n, ImportContext ctx, String file, long line, long index, String fallbackRepo)
      throws Reject {
    Draft d = new Draft(ctx);
    String dbId = Nodes.text(n, "databaseId");
    String nodeId = Nodes.text(n, "id");
    if (dbId != null) {
      d.sourceId = dbId;
      d.id("deploy", dbId);
    } else if (nodeId != null) {
      d.sourceId = nodeId;
      d.note(
          "no databaseId: keyed by the GraphQL node id, so it will not match the same "
              + "deployment imported from the REST API");
    } else {
      throw new Reject("no 'databaseId' or 'id'");
    }
    d.service =
        Texts.firstNonBlank(
            Nodes.text(n, "repository.name"),
            tail(Nodes.text(n, "repository.nameWithOwner")),
            tail(Nodes.text(n, "repository.url")),
            fallbackRepo);
    JsonNode env = Nodes.child(n, "environment");
    d.rawEnvironment = env.isObject() ? Nodes.text(env, "name") : Nodes.text(n, "environment");
    d.commit = Nodes.first(n, "commitOid", "commit.oid");
    ref(d, Nodes.text(n, "ref.name"), Nodes.text(n, "ref.prefix"));
    d.startedAt = d.time(Nodes.text(n, "createdAt"), "createdAt");
    if (d.startedAt == null) {
      throw new Reject("no 'createdAt' time");
    }
    String task = Nodes.text(n, "task");
    d.description = Nodes.text(n, "description");
    d.rollback = Words.saysRollback(task, d.description);
    d.actor = Nodes.text(n, "creator.login");
    d.tags(Words.changeRefs(Nodes.text(n, "commit.message")));
    // status: the latest status, else the deployment's own state
    List<JsonNode> statuses = new ArrayList<>();
    JsonNode list = Nodes.at(n, "statuses.nodes");
    if (list.isArray()) {
      list.forEach(statuses::add);
    }
    JsonNode latest = Nodes.child(n, "latestStatus");
    if (latest.isObject()) {
      statuses.add(latest);
    }
    String latestState = Nodes.text(latest, "state");
    String newestState = null;
    Instant newestAt = null;
    Instant finish = null;
    boolean failedBefore = false;
    for (JsonNode s : statuses) {
      String st = Nodes.text(s, "state");
      Instant at = d.time(Nodes.first(s, "updatedAt", "createdAt"), "statuses.updatedAt");
      if (at == null) {
        continue;
      }
      if (newestAt == null || at.isAfter(newestAt)) {
        newestAt = at;
        newestState = st;
      }
      if (terminal(st)) {
        DeployStatus ds = DeployStatus.fromText(st);
        failedBefore |= ds == DeployStatus.FAILED;
        if (finish == null || at.isAfter(finish)) {
          finish = at;
        }
      }
    }
    if (latestState == null) {
      latestState = newestState; // no latestStatus: the newest status stands in for it
    }
    if (latestState != null) {
      if ("inactive".equalsIgnoreCase(latestState)) {
        d.status = failedBefore ? DeployStatus.FAILED : DeployStatus.SUCCEEDED;
        d.note("inactive: a later deploy to the same environment replaced it");
      } else {
        d.status = DeployStatus.fromText(latestState);
      }
      if (d.status != DeployStatus.IN_PROGRESS && d.status != DeployStatus.UNKNOWN) {
        d.finishedAt = finish;
      }
    } else {
      d.status = deploymentState(Nodes.text(n, "state"));
    }
    return d.build(TOOL, file, line, index, ID);
  }

  /** A deployment's own state (GraphQL DeploymentState) when it has no statuses. */
  private static DeployStatus deploymentState(String state) {
    if (state == null) {
      return DeployStatus.UNKNOWN;
    }
    return switch (state.toUpperCase(Locale.ROOT)) {
      case "ACTIVE", "INACTIVE" -> DeployStatus.SUCCEEDED;
      case "ERROR", "FAILURE" -> DeployStatus.FAILED;
      case "ABANDONED" -> DeployStatus.CANCELLED;
      case "PENDING", "QUEUED", "IN_PROGRESS", "WAITING" -> DeployStatus.IN_PROGRESS;
      default -> DeployStatus.UNKNOWN;
    };
  }

  /** success, failure and error end a deployment; inactive only marks it replaced later. */
  private static boolean terminal(String state) {
    if (state == null) {
      return false;
    }
    String s = state.toLowerCase(Locale.ROOT);
    return s.equals("success") || s.equals("failure") || s.equals("error");
  }

  private static void ref(Draft d, String name, String prefix) {
    if (name == null) {
      return;
    }
    String n = name;
    boolean tag = "refs/tags/".equals(prefix);
    if (n.startsWith("refs/tags/")) {
      n = n.substring("refs/tags/".length());
      tag = true;
    } else if (n.startsWith("refs/heads/")) {
      n = n.substring("refs/heads/".length());
    }
    d.ref = n;
    if (tag || Words.versionLike(n)) {
      d.version = n;
    } else if (Words.sha(n) && Texts.isBlank(d.commit)) {
      d.commit = n;
    }
  }

  /** "example" from https://api.github.com/repos/octocat/example[/deployments/1]. */
  static String repoFromApiUrl(String url) {
    if (url == null) {
      return null;
    }
    Matcher m = Pattern.compile("/repos/[^/]+/([^/?#]+)").matcher(url);
    return m.find() ? m.group(1) : null;
  }

  /** The last path segment: "OpenBIC" from "facebook/OpenBIC" or its URL. */
  static String tail(String s) {
    if (s == null) {
      return null;
    }
    String t = s.strip();
    while (t.endsWith("/")) {
      t = t.substring(0, t.length() - 1);
    }
    if (t.endsWith(".git")) {
      t = t.substring(0, t.length() - 4);
    }
    int i = t.lastIndexOf('/');
    String out = i >= 0 ? t.substring(i + 1) : t;
    return out.isBlank() ? null : out;
  }
}
