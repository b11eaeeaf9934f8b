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
 * Bamboo deployment results: DevLake's {@code _raw_bamboo_api_deploy_builds.csv} and the REST page
 * it comes from ({@code GET /rest/api/latest/deploy/environment/{id}/results}, {@code {"results":
 * [...]}}). A result does not name its environment; DevLake keeps it in the {@code input} column,
 * for the REST page it comes from the import's hints. Times are epoch milliseconds.
 */
public final class BambooDeploysImporter implements Importer {
  public static final String ID = "bamboo-deploys";
  private static final String TOOL = "bamboo";
  private static final Pattern LINK = Pattern.compile("<a\\s+href=\"([^\"]+)\"[^>]*>([^<]*)</a>");
  private static final Pattern TAG = Pattern.compile("<[^>]+>");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "Bamboo deployment results (REST, DevLake)";
  }

  @Override
  public RecordKind kind() {
    return RecordKind.DEPLOY;
  }

  @Override
  public int recognizes(Sniff s) {
    if (DevLakeCsv.isRawTable(s)) {
      return DevLakeCsv.hasKeys(s, "deploymentState")
              || DevLakeCsv.hasKeys(s, "deploymentVersionName")
          ? CERTAIN
          : NO;
    }
    if (s.looksLikeJson() && s.hasJsonKeys("deploymentState", "lifeCycleState")) {
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
              result(
                  row.data(),
                  Nodes.text(row.params(), "PlanKey"),
                  Nodes.text(row.input(), "name"),
                  ctx,
                  file,
                  row.line(),
                  row.index()));
      return;
    }
    new JsonStream("results")
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
                    () ->
                        result(
                            node,
                            null,
                            Nodes.first(envelope, "environment.name", "name"),
                            ctx,
                            file,
                            line,
                            index)));
  }

  private Object result(
      JsonNode n,
      String planKey,
      String environment,
      ImportContext ctx,
      String file,
      long line,
      long index)
      throws Reject {
    String id = Nodes.text(n, "id");
    if (id == null || !(n.has("deploymentState") || n.has("lifeCycleState"))) {
      throw new Reject("not a Bamboo deployment result (" + Nodes.keys(n) + ")");
    }
    Draft d = new Draft(ctx);
    d.sourceId = id;
    d.id("deploy", id);
    String plan = null;
    String buildKey = null;
    JsonNode items = Nodes.at(n, "deploymentVersion.items");
    if (items.isArray()) {
      for (JsonNode item : items) {
        if (plan == null) {
          plan = Nodes.first(item, "planResultKey.entityKey.key");
          buildKey = Nodes.first(item, "planResultKey.key");
        }
      }
    }
    d.service = Texts.firstNonBlank(plan, planKey);
    if (!Texts.isBlank(d.service)) {
      d.note("service is the Bamboo plan key (a result does not name its deployment project)");
    }
    d.rawEnvironment = environment;
    d.version = Nodes.first(n, "deploymentVersionName", "deploymentVersion.name");
    d.ref = Nodes.text(n, "deploymentVersion.planBranchName");
    String reason = Nodes.text(n, "reasonSummary");
    if (reason != null) {
      Matcher m = LINK.matcher(reason);
      while (m.find()) {
        String href = m.group(1);
        String text = m.group(2).strip();
        if (href.contains("/browse/user/")) {
          d.actor = text;
        } else {
          d.tag(href);
          if (buildKey == null && text.matches("[A-Z0-9]+-[A-Z0-9]+-\\d+")) {
            buildKey = text;
          }
        }
      }
      d.description = TAG.matcher(reason).replaceAll("").replace("&amp;", "&").strip();
    }
    d.id("build", buildKey);
    String life = Nodes.text(n, "lifeCycleState");
    String state = Nodes.text(n, "deploymentState");
    d.status = status(life, state, d);
    d.startedAt = Draft.epoch(Nodes.number(n, "startedDate"), "startedDate");
    if (d.startedAt == null) {
      d.startedAt = Draft.epoch(Nodes.number(n, "queuedDate"), "queuedDate");
    }
    if (d.status != DeployStatus.IN_PROGRESS) {
      d.finishedAt = Draft.epoch(Nodes.number(n, "finishedDate"), "finishedDate");
    }
    if (d.startedAt == null && d.finishedAt == null) {
      throw new Reject("no 'startedDate', 'queuedDate' or 'finishedDate' time");
    }
    d.rollback = Words.saysRollback(reason);
    return d.build(TOOL, file, line, index, ID);
  }

  /** The life cycle decides whether it ended; the deployment state says how. */
  private static DeployStatus status(String life, String state, Draft d) {
    String l = life == null ? "FINISHED" : life.toUpperCase(Locale.ROOT).replace(' ', '_');
    switch (l) {
      case "QUEUED":
      case "PENDING":
      case "IN_PROGRESS":
        if (state != null && !state.equalsIgnoreCase("UNKNOWN")) {
          d.note("life cycle " + life + " with state " + state);
        }
        return DeployStatus.IN_PROGRESS;
      case "NOT_BUILT":
        d.note(
            "life cycle NOT_BUILT: the deployment did not run"
                + (state == null ? "" : " (state " + state + ")"));
        return DeployStatus.CANCELLED;
      default:
        break;
    }
    String s = state == null ? "" : state.toUpperCase(Locale.ROOT).replace(' ', '_');
    switch (s) {
      case "SUCCESS":
      case "SUCCESSFUL":
        return DeployStatus.SUCCEEDED;
      case "FAILED":
        return DeployStatus.FAILED;
      case "REPLACED":
      case "SKIPPED":
      case "NOT_BUILT":
        return DeployStatus.CANCELLED;
      default:
        d.note("deployment state '" + state + "' says neither success nor failure");
        return DeployStatus.UNKNOWN;
    }
  }
}
