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
import java.io.IOException;
import java.time.Instant;
import java.util.Locale;

/**
 * Kubernetes rollout history from {@code kubectl get replicasets -o json|yaml} (one object, a
 * {@code kind: List}, typed {@code ReplicaSetList}s, several documents one after another as in
 * {@code kubectl cluster-info dump} or {@code kubectl rollout history -o json}) and Deployment
 * objects. Each ReplicaSet with a {@code deployment.kubernetes.io/revision} annotation is one
 * rollout of its owner Deployment; a Deployment object is the rollout of its current revision, with
 * the status its Progressing condition reports. Both use the key {@code
 * <namespace>/<deployment>/<revision>}, so the current ReplicaSet and its Deployment meet in one
 * record.
 */
public final class KubernetesRolloutsImporter implements Importer {
  public static final String ID = "kubernetes-rollouts";
  private static final String TOOL = "kubernetes";
  static final String REVISION = "deployment.kubernetes.io/revision";
  static final String REVISION_HISTORY = "deployment.kubernetes.io/revision-history";
  static final String CHANGE_CAUSE = "kubernetes.io/change-cause";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "Kubernetes ReplicaSets and Deployments (kubectl JSON or YAML)";
  }

  @Override
  public RecordKind kind() {
    return RecordKind.DEPLOY;
  }

  @Override
  public int recognizes(Sniff s) {
    String t = s.text();
    boolean kind =
        t.matches(
            "(?s).*(\"kind\"\\s*:\\s*\"(ReplicaSet|Deployment|ReplicaSetList|"
                + "DeploymentList)\"|\\bkind:\\s*(ReplicaSet|Deployment|ReplicaSetList|DeploymentList)"
                + "\\s).*");
    if (kind && t.contains(REVISION)) {
      return CERTAIN;
    }
    if (kind && (t.contains("\"apiVersion\"") || t.contains("apiVersion:"))) {
      return 20; // manifests without rollout state: other readers (configuration) may know better
    }
    return NO;
  }

  @Override
  public void parse(ImportSource source, ImportContext ctx, RecordSink sink)
      throws IOException, ImportException {
    String file = source.displayName();
    new JsonStream("items")
        .stream(
            source,
            sink,
            true,
            (node, envelope, line, index) ->
                Emit.one(
                    sink,
                    ctx,
                    line,
                    index,
                    () -> object(node, Nodes.text(envelope, "kind"), ctx, file, line, index)));
  }

  private Object object(
      JsonNode n, String listKind, ImportContext ctx, String file, long line, long index)
      throws Reject {
    String kind = Nodes.text(n, "kind");
    if (kind == null && listKind != null && listKind.endsWith("List") && !listKind.equals("List")) {
      kind = listKind.substring(0, listKind.length() - 4); // typed lists leave items untyped
    }
    if ("ReplicaSet".equals(kind)) {
      return replicaSet(n, ctx, file, line, index);
    }
    if ("Deployment".equals(kind)) {
      return deployment(n, ctx, file, line, index);
    }
    throw Reject.notADeploy(
        "a "
            + (kind == null ? "object without kind" : kind)
            + (Nodes.text(n, "metadata.name") == null
                ? ""
                : " '" + Nodes.text(n, "metadata.name") + "'")
            + ", not a ReplicaSet or Deployment");
  }

  private Object replicaSet(JsonNode rs, ImportContext ctx, String file, long line, long index)
      throws Reject {
    JsonNode meta = rs.path("metadata");
    String name = Nodes.text(meta, "name");
    String revision = Nodes.field(meta.path("annotations"), REVISION);
    if (revision == null) {
      throw Reject.notADeploy(
          "ReplicaSet '"
              + name
              + "' has no "
              + REVISION
              + " annotation: it is not part of a Deployment's rollout history");
    }
    Draft d = new Draft(ctx);
    String owner = null;
    JsonNode owners = meta.path("ownerReferences");
    if (owners.isArray()) {
      for (JsonNode o : owners) {
        if ("Deployment".equals(Nodes.text(o, "kind"))) {
          owner = Nodes.text(o, "name");
        }
      }
    }
    if (owner == null && name != null) {
      String hash = Nodes.field(meta.path("labels"), "pod-template-hash");
      if (hash != null && name.endsWith("-" + hash)) {
        owner = name.substring(0, name.length() - hash.length() - 1);
        d.note("no owner reference: Deployment name read from the ReplicaSet name");
      }
    }
    if (owner == null) {
      throw new Reject("ReplicaSet '" + name + "' names no owner Deployment");
    }
    common(d, meta, owner, revision, Nodes.at(rs, "spec.template"), ctx);
    d.id("replicaset", name);
    d.startedAt = d.time(Nodes.text(meta, "creationTimestamp"), "metadata.creationTimestamp");
    if (d.startedAt == null) {
      throw new Reject("ReplicaSet '" + name + "' has no creationTimestamp");
    }
    String history = Nodes.field(meta.path("annotations"), REVISION_HISTORY);
    if (history != null) {
      d.rollback = true;
      d.note(
          "this ReplicaSet also served revision(s) "
              + history
              + ": revision "
              + revision
              + " is a rollback to it, and its time is when the ReplicaSet was first created, not "
              + "when it was rolled back to");
    } else {
      d.note("time is the ReplicaSet's creation (when this revision was rolled out)");
    }
    return d.build(TOOL, file, line, index, ID);
  }

  private Object deployment(JsonNode dep, ImportContext ctx, String file, long line, long index)
      throws Reject {
    JsonNode meta = dep.path("metadata");
    String name = Nodes.text(meta, "name");
    String revision = Nodes.field(meta.path("annotations"), REVISION);
    if (name == null) {
      throw new Reject("Deployment has no metadata.name");
    }
    if (revision == null) {
      throw new Reject(
          "Deployment '"
              + name
              + "' has no "
              + REVISION
              + " annotation: it has "
              + "not rolled out yet");
    }
    Draft d = new Draft(ctx);
    common(d, meta, name, revision, Nodes.at(dep, "spec.template"), ctx);
    JsonNode progressing = null;
    JsonNode conditions = Nodes.at(dep, "status.conditions");
    if (conditions.isArray()) {
      for (JsonNode c : conditions) {
        if ("Progressing".equals(Nodes.text(c, "type"))) {
          progressing = c;
        }
      }
    }
    if (progressing != null) {
      String reason = Nodes.text(progressing, "reason");
      Instant at =
          d.time(
              Nodes.first(progressing, "lastUpdateTime", "lastTransitionTime"),
              "Progressing.lastUpdateTime");
      String r = reason == null ? "" : reason;
      switch (r) {
        case "NewReplicaSetAvailable" -> {
          d.status = DeployStatus.SUCCEEDED;
          d.finishedAt = at;
        }
        case "ProgressDeadlineExceeded" -> {
          d.status = DeployStatus.FAILED;
          d.finishedAt = at;
        }
        case "ReplicaSetUpdated", "NewReplicaSetCreated", "FoundNewReplicaSet" -> {
          d.status = DeployStatus.IN_PROGRESS;
          d.startedAt = at;
        }
        case "DeploymentPaused" -> {
          d.status = DeployStatus.IN_PROGRESS;
          d.startedAt = at;
          d.note("rollout paused");
        }
        default -> {
          d.note("Progressing condition reason '" + r + "'");
          d.startedAt = at;
        }
      }
      d.note(
          "status and time from the Deployment's Progressing condition ("
              + (reason == null ? "no reason" : reason)
              + ")");
    }
    if ("1".equals(revision.strip()) && d.startedAt == null) {
      d.startedAt = d.time(Nodes.text(meta, "creationTimestamp"), "metadata.creationTimestamp");
    }
    if (d.startedAt == null && d.finishedAt == null) {
      throw new Reject(
          "Deployment '"
              + name
              + "' revision "
              + revision
              + " has no rollout "
              + "time: no Progressing condition, and its creationTimestamp is only revision 1's");
    }
    return d.build(TOOL, file, line, index, ID);
  }

  /** What ReplicaSets and Deployments share: key, service, environment, image, cause. */
  private static void common(
      Draft d,
      JsonNode meta,
      String deployment,
      String revision,
      JsonNode template,
      ImportContext ctx)
      throws Reject {
    String ns = Nodes.text(meta, "namespace");
    String rev = revision.strip();
    if (!rev.matches("\\d+")) {
      throw new Reject("revision annotation '" + rev + "' is not a number");
    }
    d.sourceId = (ns == null ? "" : ns) + "/" + deployment + "/" + rev;
    d.id("revision", rev);
    d.service = deployment;
    JsonNode labels = meta.path("labels");
    String envLabel =
        Nodes.firstField(
            labels,
            "environment",
            "env",
            "app.kubernetes.io/environment",
            "tags.datadoghq.com/env");
    if (envLabel != null) {
      d.rawEnvironment = envLabel;
      d.note("environment from a label");
    } else if (Words.knownEnvironment(ns, ctx)) {
      d.infer(ns, "the namespace '" + ns + "'");
    } else {
      String[] split = Words.splitEnvironmentSuffix(ns, ctx);
      if (split != null) {
        d.infer(split[1], "the namespace '" + ns + "'");
      }
    }
    String version =
        Nodes.firstField(
            labels, "app.kubernetes.io/version", "version", "tags.datadoghq.com/version");
    JsonNode containers = Nodes.at(template, "spec.containers");
    String image = null;
    if (containers.isArray() && containers.size() > 0) {
      image = Nodes.text(containers.get(0), "image");
      if (containers.size() > 1) {
        d.note("version is the first of " + containers.size() + " containers' image");
      }
    }
    if (image != null) {
      d.tag(image);
    }
    if (version == null) {
      version = imageTag(image);
    }
    d.version = version;
    String cause = Nodes.field(meta.path("annotations"), CHANGE_CAUSE);
    if (cause != null) {
      d.description = cause;
      d.tags(Words.changeRefs(cause));
      if (cause.toLowerCase(Locale.ROOT).matches(".*(rollout undo|rollback|roll back).*")) {
        d.rollback = true;
      }
    }
  }

  /** "9.2-alpine" from "postgres:9.2-alpine"; the digest for "repo@sha256:..."; null without. */
  static String imageTag(String image) {
    if (image == null) {
      return null;
    }
    int at = image.indexOf('@');
    if (at >= 0) {
      return image.substring(at + 1);
    }
    int slash = image.lastIndexOf('/');
    int colon = image.lastIndexOf(':');
    if (colon > slash) {
      return image.substring(colon + 1);
    }
    return null;
  }
}
