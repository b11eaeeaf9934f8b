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
 * Bitbucket Cloud deployments: DevLake's {@code _raw_bitbucket_api_deployments.csv} and the REST
 * page it is collected from ({@code GET /2.0/repositories/{workspace}/{repo}/deployments/}, {@code
 * {"values": [...]}}). A deployment whose state is UNDEPLOYED never ran (its step is still waiting
 * to be started) and is rejected as "not a deploy".
 */
public final class BitbucketDeploymentsImporter implements Importer {
  public static final String ID = "bitbucket-deployments";
  private static final String TOOL = "bitbucket";
  private static final Pattern REPO_IN_URL =
      Pattern.compile("^https?://(?:www\\.)?bitbucket\\.org/([^/]+/[^/#?]+)");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "Bitbucket Pipelines deployments (REST, DevLake)";
  }

  @Override
  public RecordKind kind() {
    return RecordKind.DEPLOY;
  }

  @Override
  public int recognizes(Sniff s) {
    if (DevLakeCsv.isRawTable(s)) {
      return s.text().contains("\"\"type\"\": \"\"deployment\"\"")
              || DevLakeCsv.hasKeys(s, "environment", "release", "state", "step")
          ? CERTAIN
          : NO;
    }
    if (!s.looksLikeJson()) {
      return NO;
    }
    if (s.hasJsonKeys("environment", "release", "state", "uuid")
        && s.hasAnyJsonKey("step", "environment_type", "deployable")
        && !s.hasJsonKeys("iid")) {
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
              deployment(
                  row.data(),
                  Nodes.text(row.params(), "FullName"),
                  ctx,
                  file,
                  row.line(),
                  row.index()));
      return;
    }
    new JsonStream("values")
        .stream(
            source,
            sink,
            false,
            (node, envelope, line, index) ->
                Emit.one(
                    sink, ctx, line, index, () -> deployment(node, null, ctx, file, line, index)));
  }

  private Object deployment(
      JsonNode n, String repo, ImportContext ctx, String file, long line, long index)
      throws Reject {
    String uuid = Nodes.text(n, "uuid");
    if (uuid == null || !n.has("state")) {
      throw new Reject("not a Bitbucket deployment (" + Nodes.keys(n) + ")");
    }
    String state = Nodes.text(n, "state.name");
    if ("UNDEPLOYED".equalsIgnoreCase(state)) {
      throw Reject.notADeploy(
          "Bitbucket lists deployment "
              + uuid
              + " to '"
              + Nodes.text(n, "environment.name")
              + "' as UNDEPLOYED: its step never ran");
    }
    Draft d = new Draft(ctx);
    String id = uuid.replace("{", "").replace("}", "");
    d.sourceId = id;
    d.id("deploy", id);
    String releaseUrl = Nodes.text(n, "release.url");
    d.service =
        Texts.firstNonBlank(
            repo,
            repoFromUrl(releaseUrl),
            repoFromUrl(Nodes.text(n, "state.url")),
            repoFromUrl(Nodes.text(n, "release.commit.links.html.href")));
    d.rawEnvironment = Nodes.text(n, "environment.name");
    d.commit = Nodes.text(n, "release.commit.hash");
    String release = Nodes.text(n, "release.name");
    if (release != null) {
      d.id("pipeline", release.startsWith("#") ? release.substring(1) : release);
    }
    d.status = status(state, Nodes.first(n, "state.status.name", "state.result.name"), d);
    d.startedAt = d.time(Nodes.text(n, "state.started_on"), "state.started_on");
    if (d.status != DeployStatus.IN_PROGRESS) {
      d.finishedAt = d.time(Nodes.text(n, "state.completed_on"), "state.completed_on");
    }
    if (d.startedAt == null && d.finishedAt == null) {
      d.startedAt = d.time(Nodes.text(n, "release.created_on"), "release.created_on");
      if (d.startedAt != null) {
        d.note("time is when the release was created: the deployment has not started");
      }
    }
    if (d.startedAt == null && d.finishedAt == null) {
      throw new Reject(
          "no 'state.started_on', 'state.completed_on' or 'release.created_on' " + "time");
    }
    d.url = Texts.firstNonBlank(Nodes.text(n, "state.url"), releaseUrl);
    if (releaseUrl != null) {
      d.tag(releaseUrl);
    }
    d.rollback = Words.saysRollback(Nodes.text(n, "step.name"));
    return d.build(TOOL, file, line, index, ID);
  }

  private static DeployStatus status(String state, String result, Draft d) {
    String s = state == null ? "" : state.toUpperCase(Locale.ROOT);
    switch (s) {
      case "COMPLETED":
        if (result == null) {
          d.note("state COMPLETED without a result in the export");
          return DeployStatus.UNKNOWN;
        }
        return result(result, d);
      case "IN_PROGRESS":
      case "PENDING":
        return DeployStatus.IN_PROGRESS;
      case "ROLLED_BACK":
        d.note("state ROLLED_BACK: this deploy was later rolled back");
        return DeployStatus.UNKNOWN;
      case "":
        return DeployStatus.UNKNOWN;
      default:
        return result(state, d);
    }
  }

  private static DeployStatus result(String r, Draft d) {
    switch (r.toUpperCase(Locale.ROOT)) {
      case "SUCCESSFUL":
      case "SUCCESS":
        return DeployStatus.SUCCEEDED;
      case "FAILED":
      case "ERROR":
        return DeployStatus.FAILED;
      case "STOPPED":
      case "CANCELLED":
        return DeployStatus.CANCELLED;
      default:
        d.note("state '" + r + "' is not a Bitbucket deployment state");
        return DeployStatus.UNKNOWN;
    }
  }

  /** "workspace/repo" from a bitbucket.org URL. */
  static String repoFromUrl(String url) {
    if (url == null) {
      return null;
    }
    Matcher m = REPO_IN_URL.matcher(url.strip());
    return m.find() ? m.group(1) : null;
  }
}
