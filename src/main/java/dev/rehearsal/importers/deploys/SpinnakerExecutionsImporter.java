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
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Spinnaker pipeline executions as Gate returns them ({@code GET /applications/{app}/pipelines} is
 * a list, {@code GET /pipelines/{id}} one execution). An execution is a deploy when one of its
 * stages deploys or rolls back (deploy, createServerGroup, deployManifest, rollbackServerGroup,
 * ...) or its name says deploy, release, promote, rollout or rollback; bake-only, webhook-only and
 * wait-only pipelines are rejected as "not a deploy" with their stage types listed.
 */
public final class SpinnakerExecutionsImporter implements Importer {
  public static final String ID = "spinnaker-executions";
  private static final String TOOL = "spinnaker";
  private static final Set<String> DEPLOY_STAGES =
      Set.of(
          "deploy",
          "createservergroup",
          "cloneservergroup",
          "deploymanifest",
          "patchmanifest",
          "deploycloudformation",
          "deployservice",
          "deployappengineconfiguration",
          "deploycloudrun",
          "deploystack",
          "rollbackservergroup",
          "rollbackcluster",
          "undorolloutmanifest",
          "enableservergroup",
          "deploycloudfoundryservice",
          "createfunction",
          "updatefunction",
          "kubernetesdeploy");
  private static final Set<String> ROLLBACK_STAGES =
      Set.of("rollbackservergroup", "rollbackcluster", "undorolloutmanifest");
  private static final String[] ENV_PARAMS = {
    "environment", "env", "stage", "target_environment", "targetEnvironment", "deployEnvironment"
  };
  private static final String[] VERSION_PARAMS = {
    "version",
    "release",
    "tag",
    "image_tag",
    "imageTag",
    "appVersion",
    "app_version",
    "buildVersion"
  };

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "Spinnaker pipeline executions (Gate JSON)";
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
    if (s.hasJsonKeys("application", "stages") && s.hasAnyJsonKey("pipelineConfigId", "buildTime")
        || s.hasJsonKeys("pipelineConfigId", "trigger")) {
      return CERTAIN;
    }
    return NO;
  }

  @Override
  public void parse(ImportSource source, ImportContext ctx, RecordSink sink)
      throws IOException, ImportException {
    String file = source.displayName();
    new JsonStream("executions")
        .stream(
            source,
            sink,
            false,
            (node, envelope, line, index) ->
                Emit.one(sink, ctx, line, index, () -> execution(node, ctx, file, line, index)));
  }

  private Object execution(JsonNode e, ImportContext ctx, String file, long line, long index)
      throws Reject {
    String id = Nodes.text(e, "id");
    if (id == null || !e.has("stages") && !e.has("application")) {
      throw new Reject("not a Spinnaker pipeline execution (" + Nodes.keys(e) + ")");
    }
    String name = Nodes.text(e, "name");
    List<JsonNode> stages = new ArrayList<>();
    Set<String> types = new LinkedHashSet<>();
    JsonNode st = e.get("stages");
    if (st != null && st.isArray()) {
      for (JsonNode s : st) {
        stages.add(s);
        String t = Nodes.text(s, "type");
        if (t != null) {
          types.add(t);
        }
      }
    }
    String deployStage = null;
    boolean rollbackStage = false;
    for (String t : types) {
      String k = t.toLowerCase(Locale.ROOT);
      if (deployStage == null && DEPLOY_STAGES.contains(k)) {
        deployStage = t;
      }
      rollbackStage |= ROLLBACK_STAGES.contains(k);
    }
    String word = Words.deployWord(name);
    if (deployStage == null && word == null) {
      throw Reject.notADeploy(
          "Spinnaker pipeline '"
              + name
              + "' execution "
              + id
              + " has no deploy stage (stages: "
              + (types.isEmpty() ? "none" : String.join(", ", types))
              + ")");
    }
    Draft d = new Draft(ctx);
    d.sourceId = id;
    d.id("deploy", id);
    d.note(
        deployStage != null
            ? "deploy pipeline: stage '" + deployStage + "'"
            : "deploy pipeline: its name says '" + word + "'");
    d.service = Nodes.text(e, "application");
    JsonNode trigger = e.path("trigger");
    JsonNode params = trigger.path("parameters");
    for (String k : ENV_PARAMS) {
      String v = Nodes.text(params, k);
      if (v != null) {
        d.rawEnvironment = v;
        d.note("environment from trigger parameter '" + k + "'");
        break;
      }
    }
    if (Texts.isBlank(d.rawEnvironment)) {
      environmentFromStages(stages, d);
    }
    for (String k : VERSION_PARAMS) {
      String v = Nodes.text(params, k);
      if (v != null) {
        d.version = v;
        break;
      }
    }
    if (Texts.isBlank(d.version)) {
      d.version =
          Nodes.first(trigger, "tag", "artifacts.0.version", "buildInfo.artifacts.0.version");
      JsonNode artifacts = trigger.path("artifacts");
      if (Texts.isBlank(d.version) && artifacts.isArray()) {
        for (JsonNode a : artifacts) {
          if (Texts.isBlank(d.version)) {
            d.version = Nodes.text(a, "version");
          }
        }
      }
    }
    d.commit = Nodes.first(trigger, "hash", "buildInfo.scm.0.sha1", "sha");
    d.ref = Nodes.first(trigger, "branch", "buildInfo.scm.0.branch");
    String build = Nodes.first(trigger, "buildNumber", "buildInfo.number");
    d.id("build", build);
    d.id("pipeline", Nodes.text(e, "pipelineConfigId"));
    d.startedAt = Draft.epoch(Nodes.number(e, "startTime"), "startTime");
    if (d.startedAt == null) {
      d.startedAt = Draft.epoch(Nodes.number(e, "buildTime"), "buildTime");
    }
    String status = Nodes.text(e, "status");
    d.status = status(status, Boolean.TRUE.equals(Nodes.bool(e, "canceled")), d);
    if (d.status != DeployStatus.IN_PROGRESS) {
      d.finishedAt = Draft.epoch(Nodes.number(e, "endTime"), "endTime");
    }
    if (d.startedAt == null && d.finishedAt == null) {
      throw new Reject("no 'startTime', 'buildTime' or 'endTime'");
    }
    d.rollback = rollbackStage || Words.saysRollback(name);
    d.description = name;
    d.actor = Nodes.first(trigger, "user", "authentication.user");
    if ("[anonymous]".equals(d.actor)) {
      d.actor = null;
    }
    d.tags(Words.changeRefs(Nodes.text(trigger, "buildInfo.scm.0.message")));
    return d.build(TOOL, file, line, index, ID);
  }

  /** The target of the first deploy stage: its stack (moniker), else its account. */
  private static void environmentFromStages(List<JsonNode> stages, Draft d) {
    for (JsonNode s : stages) {
      String t = Nodes.text(s, "type");
      if (t == null || !DEPLOY_STAGES.contains(t.toLowerCase(Locale.ROOT))) {
        continue;
      }
      JsonNode c = s.path("context");
      String stack =
          Nodes.first(c, "moniker.stack", "stack", "clusters.0.stack", "clusters.0.moniker.stack");
      if (stack != null) {
        d.rawEnvironment = stack;
        d.note("environment is the stack of stage '" + Nodes.text(s, "name") + "'");
        return;
      }
      String account =
          Nodes.first(c, "account", "credentials", "clusters.0.account", "clusters.0.credentials");
      if (account != null) {
        d.rawEnvironment = account;
        d.note("environment is the account of stage '" + Nodes.text(s, "name") + "'");
        return;
      }
    }
  }

  private static DeployStatus status(String s, boolean canceled, Draft d) {
    if (s == null) {
      return canceled ? DeployStatus.CANCELLED : DeployStatus.UNKNOWN;
    }
    switch (s.toUpperCase(Locale.ROOT)) {
      case "SUCCEEDED":
        return DeployStatus.SUCCEEDED;
      case "TERMINAL":
      case "FAILED_CONTINUE":
        return DeployStatus.FAILED;
      case "CANCELED":
      case "STOPPED":
      case "SKIPPED":
        return DeployStatus.CANCELLED;
      case "RUNNING":
      case "NOT_STARTED":
      case "PAUSED":
      case "SUSPENDED":
      case "BUFFERED":
      case "REDIRECT":
        return DeployStatus.IN_PROGRESS;
      default:
        d.note("status '" + s + "' is not a Spinnaker execution status");
        return DeployStatus.UNKNOWN;
    }
  }
}
