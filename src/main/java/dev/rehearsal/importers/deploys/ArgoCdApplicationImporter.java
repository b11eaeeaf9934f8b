package dev.rehearsal.importers.deploys;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rehearsal.importers.ImportContext;
import dev.rehearsal.importers.ImportException;
import dev.rehearsal.importers.ImportSource;
import dev.rehearsal.importers.Importer;
import dev.rehearsal.importers.RecordSink;
import dev.rehearsal.importers.Sniff;
import dev.rehearsal.importers.support.Decoding;
import dev.rehearsal.model.DeployStatus;
import dev.rehearsal.model.RecordKind;
import dev.rehearsal.util.Texts;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Argo CD Applications as YAML or JSON ({@code kubectl get application NAME -o yaml|json}, {@code
 * argocd app get NAME -o yaml|json}, a {@code kind: List} of them, or several documents): each
 * {@code status.history[]} entry is one successful sync, and {@code status.operationState} (the
 * latest operation, which may have failed) is one more deploy when it is not already in the
 * history. The history entries are read with the application's name and labels but one at a time,
 * each keeping the line it starts on.
 */
public final class ArgoCdApplicationImporter implements Importer {
  public static final String ID = "argocd-application";
  private static final String TOOL = "argocd";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "Argo CD Application history (YAML or JSON)";
  }

  @Override
  public RecordKind kind() {
    return RecordKind.DEPLOY;
  }

  @Override
  public int recognizes(Sniff s) {
    String t = s.text();
    boolean argo = t.contains("argoproj.io/");
    boolean app =
        t.matches("(?s).*(\"kind\"\\s*:\\s*\"Application\"|\\bkind:\\s*Application\\s" + ").*");
    boolean history = t.contains("history") || t.contains("operationState");
    if (argo && app && history) {
      return CERTAIN;
    }
    if (argo && app) {
      return LIKELY;
    }
    return NO;
  }

  /** One history entry or operation, with the line it starts on. */
  private record Entry(JsonNode node, long line) {}

  @Override
  public void parse(ImportSource source, ImportContext ctx, RecordSink sink)
      throws IOException, ImportException {
    String file = source.displayName();
    Decoding.Decoded decoded = Decoding.open(source.open());
    long[] index = {0};
    try (BufferedReader reader = new BufferedReader(decoded.reader(), 1 << 16)) {
      boolean yaml = !startsWithJson(reader);
      try (JsonParser p = JsonStream.parser(reader, yaml)) {
        JsonToken t;
        long line = 1;
        try {
          while ((t = p.nextToken()) != null) {
            line = p.currentTokenLocation().getLineNr();
            if (t == JsonToken.START_OBJECT) {
              object(p, ctx, sink, file, index);
            } else if (t == JsonToken.START_ARRAY) {
              while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
                object(p, ctx, sink, file, index);
              }
              if (t != JsonToken.END_ARRAY) {
                throw new ImportException(
                    "the list of applications is cut off or holds " + "something else than objects",
                    p.currentLocation().getLineNr());
              }
            } else if (t != JsonToken.VALUE_NULL) {
              throw new ImportException(
                  "expected an Argo CD Application object at line " + line, line);
            }
          }
        } catch (JsonProcessingException e) {
          long at = e.getLocation() == null ? line : e.getLocation().getLineNr();
          throw new ImportException(
              "the file is not valid "
                  + (yaml ? "YAML" : "JSON")
                  + " at line "
                  + at
                  + " ("
                  + Nodes.shorten(String.valueOf(e.getOriginalMessage()))
                  + ")",
              at,
              e);
        }
      }
    } finally {
      decoded.notes().forEach(sink::warn);
    }
  }

  private static boolean startsWithJson(BufferedReader r) throws IOException {
    r.mark(4096);
    try {
      int c;
      int n = 0;
      while ((c = r.read()) >= 0 && n++ < 4000) {
        if (!Character.isWhitespace(c) && c != '\uFEFF') {
          return c == '{' || c == '[';
        }
      }
      return false;
    } finally {
      r.reset();
    }
  }

  /** An Application, or a List whose items are Applications. */
  private void object(JsonParser p, ImportContext ctx, RecordSink sink, String file, long[] index)
      throws IOException, ImportException {
    ObjectMapper m = JsonStream.mapper();
    long appLine = p.currentTokenLocation().getLineNr();
    JsonNode metadata = null;
    JsonNode spec = null;
    String kind = null;
    List<Entry> history = new ArrayList<>();
    Entry operation = null;
    boolean list = false;
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken v = p.nextToken();
      if (v == null) {
        break;
      }
      switch (name) {
        case "metadata" -> metadata = m.readTree(p);
        case "spec" -> spec = m.readTree(p);
        case "kind" -> {
          if (v.isScalarValue()) {
            kind = p.getText();
          } else {
            p.skipChildren();
          }
        }
        case "items" -> {
          if (v == JsonToken.START_ARRAY) {
            list = true;
            while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
              object(p, ctx, sink, file, index);
            }
            if (t != JsonToken.END_ARRAY) {
              throw new ImportException(
                  "the list's items are cut off", p.currentLocation().getLineNr());
            }
          } else {
            p.skipChildren();
          }
        }
        case "status" -> {
          if (v == JsonToken.START_OBJECT) {
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
              String f = p.currentName();
              JsonToken fv = p.nextToken();
              if (f.equals("history") && fv == JsonToken.START_ARRAY) {
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                  if (t == null) {
                    throw new ImportException(
                        "status.history is cut off", p.currentLocation().getLineNr());
                  }
                  long line = p.currentTokenLocation().getLineNr();
                  history.add(new Entry(m.readTree(p), line));
                }
              } else if (f.equals("operationState") && fv == JsonToken.START_OBJECT) {
                long line = p.currentTokenLocation().getLineNr();
                operation = new Entry(m.readTree(p), line);
              } else {
                p.skipChildren();
              }
            }
            if (t != JsonToken.END_OBJECT) {
              throw new ImportException(
                  "the application's status is cut off", p.currentLocation().getLineNr());
            }
          } else {
            p.skipChildren();
          }
        }
        default -> p.skipChildren();
      }
    }
    if (t != JsonToken.END_OBJECT) {
      throw new ImportException(
          "an application is cut off before its end (the file looks " + "truncated)",
          p.currentLocation().getLineNr());
    }
    if (list && kind != null && kind.endsWith("List")) {
      return;
    }
    if (list && history.isEmpty() && operation == null) {
      return;
    }
    String appName = Texts.cleanId(Nodes.text(metadata, "name"));
    if (kind != null && !kind.equals("Application")) {
      long i = index[0]++;
      sink.reject(appLine, i, "not an Argo CD Application (kind " + kind + ")");
      return;
    }
    if (history.isEmpty() && operation == null) {
      sink.warn(
          "application '"
              + appName
              + "' (line "
              + appLine
              + ") has no sync history "
              + "and no operation state: nothing to import from it");
      return;
    }
    App app = new App(appName, metadata, spec, ctx);
    final Entry op = operation;
    for (Entry e : history) {
      long i = index[0]++;
      Emit.one(
          sink,
          ctx,
          e.line(),
          i,
          () -> historyEntry(app, e.node(), operationFor(e, op), file, e.line(), i));
    }
    if (op != null && !inHistory(op.node(), history)) {
      long i = index[0]++;
      Emit.one(sink, ctx, op.line(), i, () -> operation(app, op.node(), file, op.line(), i));
    }
  }

  /** The application's identity and where its environment can be read from. */
  private static final class App {
    final String name;
    final String service;
    final String labelEnv;
    final String labelKey;
    final String suffixEnv;
    final String namespace;
    final String cluster;
    final ImportContext ctx;

    App(String name, JsonNode metadata, JsonNode spec, ImportContext ctx) {
      this.name = name;
      this.ctx = ctx;
      String env = null;
      String key = null;
      for (String k :
          new String[] {"environment", "env", "app.kubernetes.io/environment", "stage"}) {
        String v = Nodes.field(Nodes.child(metadata, "labels"), k);
        if (v != null) {
          env = v;
          key = k;
          break;
        }
      }
      labelEnv = env;
      labelKey = key;
      String[] split = Words.splitEnvironmentSuffix(name, ctx);
      service = split != null ? split[0] : name;
      suffixEnv = split != null ? split[1] : null;
      namespace = Nodes.text(spec, "destination.namespace");
      cluster = Nodes.first(spec, "destination.name", "destination.server");
    }

    void fill(Draft d) {
      d.service = service;
      if (!service.equals(name)) {
        d.note(
            "service '"
                + service
                + "' is application '"
                + name
                + "' without its "
                + "environment suffix");
      }
      if (labelEnv != null) {
        d.rawEnvironment = labelEnv;
        d.note("environment from label " + labelKey);
        return;
      }
      if (suffixEnv != null) {
        d.infer(suffixEnv, "the application name '" + name + "'");
      } else if (Words.knownEnvironment(namespace, ctx)) {
        d.infer(namespace, "the destination namespace '" + namespace + "'");
      } else if (Words.knownEnvironment(cluster, ctx)) {
        d.infer(cluster, "the destination cluster '" + cluster + "'");
      }
    }
  }

  /** The latest operation when it is the same sync as this history entry. */
  private static JsonNode operationFor(Entry e, Entry operation) {
    if (operation == null) {
      return null;
    }
    return sameSync(operation.node(), e.node()) ? operation.node() : null;
  }

  private static boolean inHistory(JsonNode op, List<Entry> history) {
    for (Entry e : history) {
      if (sameSync(op, e.node())) {
        return true;
      }
    }
    return false;
  }

  private static boolean sameSync(JsonNode op, JsonNode h) {
    if (!"Succeeded".equalsIgnoreCase(Nodes.text(op, "phase"))) {
      return false;
    }
    String started = Nodes.text(op, "startedAt");
    String finished = Nodes.text(op, "finishedAt");
    return started != null && started.equals(Nodes.text(h, "deployStartedAt"))
        || finished != null && finished.equals(Nodes.text(h, "deployedAt"));
  }

  private Object historyEntry(App app, JsonNode h, JsonNode op, String file, long line, long index)
      throws Reject {
    if (app.name.isEmpty()) {
      throw new Reject("the application has no metadata.name");
    }
    String id = Nodes.text(h, "id");
    if (id == null) {
      throw new Reject("history entry has no 'id'");
    }
    Draft d = new Draft(app.ctx);
    d.sourceId = app.name + "/" + id;
    d.id("deploy", app.name + "/" + id);
    app.fill(d);
    revisions(d, h);
    d.startedAt = d.time(Nodes.text(h, "deployStartedAt"), "deployStartedAt");
    d.finishedAt = d.time(Nodes.text(h, "deployedAt"), "deployedAt");
    if (d.startedAt == null && d.finishedAt == null) {
      throw new Reject("history entry " + id + " has no 'deployedAt' time");
    }
    d.status = DeployStatus.SUCCEEDED;
    actor(d, h.path("initiatedBy"));
    if (op != null) {
      if (Texts.isBlank(d.actor)) {
        actor(d, Nodes.at(op, "operation.initiatedBy"));
      }
      String message = Nodes.text(op, "message");
      if (message != null) {
        d.description = Texts.isBlank(d.description) ? message : d.description + "\n" + message;
      }
      d.rollback = rollbackInfo(op);
      d.note("also the application's latest operation (status.operationState)");
    }
    return d.build(TOOL, file, line, index, ID);
  }

  private Object operation(App app, JsonNode op, String file, long line, long index) throws Reject {
    if (app.name.isEmpty()) {
      throw new Reject("the application has no metadata.name");
    }
    if (Boolean.TRUE.equals(Nodes.bool(op, "operation.sync.dryRun"))) {
      throw Reject.notADeploy("the latest operation of '" + app.name + "' was a dry run");
    }
    Draft d = new Draft(app.ctx);
    String started = Nodes.text(op, "startedAt");
    if (started == null) {
      throw new Reject("the operation has no 'startedAt' time");
    }
    d.startedAt = d.time(started, "operationState.startedAt");
    d.sourceId = app.name + "/operation/" + d.startedAt;
    app.fill(d);
    String phase = Nodes.text(op, "phase");
    d.status = phase(phase, d);
    if (d.status != DeployStatus.IN_PROGRESS) {
      d.finishedAt = d.time(Nodes.text(op, "finishedAt"), "operationState.finishedAt");
    }
    JsonNode result = op.path("syncResult");
    JsonNode sync = Nodes.at(op, "operation.sync");
    String revision = Nodes.first(result, "revision");
    if (revision == null) {
      revision = Nodes.text(sync, "revision");
    }
    ObjectNode pseudo = JsonStream.mapper().createObjectNode();
    pseudo.put("revision", revision);
    if (result.has("source")) {
      pseudo.set("source", result.get("source"));
    }
    if (result.has("revisions")) {
      pseudo.set("revisions", result.get("revisions"));
      pseudo.set("sources", result.path("sources"));
    }
    revisions(d, pseudo);
    actor(d, Nodes.at(op, "operation.initiatedBy"));
    String message = Nodes.text(op, "message");
    if (message != null) {
      d.description = Texts.isBlank(d.description) ? message : d.description + "\n" + message;
    }
    d.rollback = rollbackInfo(op);
    JsonNode resources = Nodes.at(op, "operation.sync.resources");
    if (resources.isArray() && resources.size() > 0) {
      d.note("sync of " + resources.size() + " selected resource(s) only");
    }
    d.note("the application's latest operation (status.operationState, phase " + phase + ")");
    return d.build(TOOL, file, line, index, ID);
  }

  private static DeployStatus phase(String phase, Draft d) {
    if (phase == null) {
      return DeployStatus.UNKNOWN;
    }
    return switch (phase.toLowerCase(Locale.ROOT)) {
      case "succeeded" -> DeployStatus.SUCCEEDED;
      case "failed", "error" -> DeployStatus.FAILED;
      case "running", "terminating" -> DeployStatus.IN_PROGRESS;
      default -> {
        d.note("phase '" + phase + "' is not an Argo CD operation phase");
        yield DeployStatus.UNKNOWN;
      }
    };
  }

  /** An operation started by `argocd app rollback` says so in its info. */
  private static boolean rollbackInfo(JsonNode op) {
    JsonNode info = Nodes.at(op, "operation.info");
    if (info.isArray()) {
      for (JsonNode i : info) {
        if (Words.saysRollback(Nodes.text(i, "name"), Nodes.text(i, "value"))) {
          return true;
        }
      }
    }
    return false;
  }

  private static void actor(Draft d, JsonNode initiatedBy) {
    if (initiatedBy == null || !initiatedBy.isObject()) {
      return;
    }
    String user = Nodes.text(initiatedBy, "username");
    if (user != null) {
      d.actor = user;
    } else if (Boolean.TRUE.equals(Nodes.bool(initiatedBy, "automated"))) {
      d.actor = "automated";
    }
  }

  /** Commit, chart version and ref from revision(s) and source(s). */
  private static void revisions(Draft d, JsonNode h) {
    List<String[]> pairs = new ArrayList<>(); // revision, chart, targetRevision, repoURL, path
    JsonNode revs = h.path("revisions");
    JsonNode srcs = h.path("sources");
    if (revs.isArray() && revs.size() > 0) {
      for (int i = 0; i < revs.size(); i++) {
        JsonNode s = srcs.isArray() && i < srcs.size() ? srcs.get(i) : null;
        pairs.add(
            new String[] {
              revs.get(i).asText(null),
              Nodes.text(s, "chart"),
              Nodes.text(s, "targetRevision"),
              Nodes.text(s, "repoURL"),
              Nodes.text(s, "path")
            });
      }
    } else {
      JsonNode s = h.path("source");
      pairs.add(
          new String[] {
            Nodes.text(h, "revision"),
            Nodes.text(s, "chart"),
            Nodes.text(s, "targetRevision"),
            Nodes.text(s, "repoURL"),
            Nodes.text(s, "path")
          });
    }
    StringBuilder desc = new StringBuilder();
    for (String[] p : pairs) {
      String rev = p[0];
      String chart = p[1];
      String target = p[2];
      if (rev != null && !rev.isBlank()) {
        if (chart != null) {
          if (Texts.isBlank(d.version)) {
            d.version = rev;
            d.note("version is the Helm chart " + chart + "'s version");
          }
        } else if (Words.sha(rev)) {
          if (Texts.isBlank(d.commit)) {
            d.commit = rev;
          }
        } else if (Texts.isBlank(d.version)) {
          d.version = rev;
        }
      }
      if (target != null && d.ref == null) {
        d.ref = target;
        if (Texts.isBlank(d.version) && Words.versionLike(target)) {
          d.version = target;
        }
      }
      if (p[3] != null) {
        desc.append(desc.length() == 0 ? "synced " : "; ").append(p[3]);
        if (p[4] != null) {
          desc.append(" path ").append(p[4]);
        }
        if (chart != null) {
          desc.append(" chart ").append(chart);
        }
      }
    }
    if (desc.length() > 0 && Texts.isBlank(d.description)) {
      d.description = desc.toString();
    }
  }
}
