package dev.rehearsal.importers.deploys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jenkins builds: the remote API's JSON for a job ({@code /job/NAME/api/json} with {@code builds}
 * or {@code allBuilds}), for one build ({@code /job/NAME/42/api/json}), and DevLake's {@code
 * _raw_jenkins_api_builds*.csv} (plain and multibranch jobs). Times are epoch milliseconds. A build
 * is a deploy only when the job's name or the build's parameters say deploy, release, promote,
 * rollout or rollback, or a parameter names an environment, or the import states an environment for
 * the file; other builds are rejected as "not a deploy".
 */
public final class JenkinsBuildsImporter implements Importer {
  public static final String ID = "jenkins-builds";
  private static final String TOOL = "jenkins";
  private static final Pattern JOB_IN_URL = Pattern.compile("((?:/job/[^/]+)+)(?:/\\d+)?/?$");
  private static final String[] ENV_PARAMS = {
    "environment",
    "env",
    "target_env",
    "target_environment",
    "deploy_env",
    "deploy_environment",
    "deploy_to",
    "stage",
    "target",
    "tier"
  };
  private static final String[] VERSION_PARAMS = {
    "version",
    "release",
    "release_version",
    "app_version",
    "tag",
    "image_tag",
    "docker_tag",
    "release_tag",
    "build_version"
  };
  private static final String[] BRANCH_PARAMS = {"branch", "git_branch", "ref", "branch_name"};
  private static final String[] COMMIT_PARAMS = {"commit", "git_commit", "sha", "revision"};

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "Jenkins builds (remote API JSON, DevLake)";
  }

  @Override
  public RecordKind kind() {
    return RecordKind.DEPLOY;
  }

  @Override
  public int recognizes(Sniff s) {
    if (DevLakeCsv.isRawTable(s)) {
      return DevLakeCsv.hasKeys(s, "fullDisplayName", "timestamp")
              && (DevLakeCsv.hasKeys(s, "result") || DevLakeCsv.hasKeys(s, "building"))
          ? CERTAIN
          : NO;
    }
    if (!s.looksLikeJson()) {
      return NO;
    }
    String t = s.text();
    boolean jenkinsClass =
        t.contains("hudson.") || t.contains("org.jenkinsci.") || t.contains("jenkins.");
    if (s.hasJsonKeys("_class")
        && jenkinsClass
        && (s.hasAnyJsonKey("builds", "allBuilds")
            || s.hasJsonKeys("number", "timestamp") && s.hasAnyJsonKey("result", "building"))) {
      return CERTAIN;
    }
    if (s.hasJsonKeys("number", "timestamp", "duration", "fullDisplayName")) {
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
          row -> {
            String jobPath = Nodes.text(row.input(), "FullName");
            String project = Nodes.text(row.params(), "FullName");
            if (jobPath == null) {
              jobPath = project;
            }
            return build(
                row.data(),
                jobPath,
                project,
                Nodes.text(row.input(), "URL"),
                ctx,
                file,
                row.line(),
                row.index());
          });
      return;
    }
    new JsonStream("builds", "allBuilds")
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
                      if (!node.isObject() || !node.has("number")) {
                        throw new Reject("not a Jenkins build (" + Nodes.keys(node) + ")");
                      }
                      String jobPath = jobFromEnvelope(envelope);
                      return build(
                          node, jobPath, null, Nodes.text(envelope, "url"), ctx, file, line, index);
                    }));
  }

  private static String jobFromEnvelope(ObjectNode envelope) {
    String full = Nodes.text(envelope, "fullName");
    if (full != null) {
      return full;
    }
    String url = Nodes.text(envelope, "url");
    String fromUrl = jobFromUrl(url);
    return fromUrl != null ? fromUrl : Nodes.text(envelope, "name");
  }

  /** "folder/job" from https://host/job/folder/job/job/42/ (names URL-decoded). */
  static String jobFromUrl(String url) {
    if (url == null) {
      return null;
    }
    String path = url.replaceFirst("^https?://[^/]+", "").replaceFirst("[?#].*$", "");
    Matcher m = JOB_IN_URL.matcher(path);
    if (!m.find()) {
      return null;
    }
    StringBuilder sb = new StringBuilder();
    for (String part : m.group(1).split("/job/")) {
      if (part.isEmpty()) {
        continue;
      }
      if (sb.length() > 0) {
        sb.append('/');
      }
      sb.append(URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8));
    }
    return sb.length() == 0 ? null : sb.toString();
  }

  private Object build(
      JsonNode b,
      String jobPath,
      String project,
      String jobUrl,
      ImportContext ctx,
      String file,
      long line,
      long index)
      throws Reject {
    Draft d = new Draft(ctx);
    Long number = Nodes.number(b, "number");
    if (number == null) {
      throw new Reject("no build 'number'");
    }
    String job = jobPath;
    if (job == null) {
      job = jobFromUrl(Nodes.text(b, "url"));
    }
    String display = Nodes.text(b, "fullDisplayName");
    if (job == null && display != null) {
      job = display.replaceFirst("\\s+#\\d+\\s*$", "").replace(" » ", "/");
      d.note("job name read from the build's display name");
    }
    if (job == null) {
      throw new Reject(
          "build #"
              + number
              + " names no job (no fullDisplayName or url); give "
              + "the job as the service in a sidecar file");
    }
    Map<String, String> params = parameters(b);
    // multibranch: the last path segment is the branch, the rest is the project
    String branch = null;
    String service = job;
    boolean multibranch =
        project != null && job.startsWith(project + "/") && !job.equals(project)
            || hasAction(
                b,
                "jenkins.branch.BranchEventCause",
                "jenkins.branch.BranchIndexingCause",
                "jenkins.scm.api.SCMRevisionAction");
    if (multibranch && job.contains("/")) {
      int slash = job.lastIndexOf('/');
      service = job.substring(0, slash);
      branch = job.substring(slash + 1);
    }
    String envParam = null;
    String envValue = null;
    for (String k : ENV_PARAMS) {
      if (params.containsKey(k)) {
        envParam = k;
        envValue = params.get(k);
        break;
      }
    }
    String word = Words.deployWord(job);
    String paramWord = null;
    for (Map.Entry<String, String> e : params.entrySet()) {
      String w = Words.deployWord(e.getKey(), e.getValue());
      if (w != null) {
        paramWord = e.getKey() + "=" + e.getValue();
        break;
      }
    }
    if (word == null && paramWord == null && envValue == null && !d.hasEnvironment()) {
      throw Reject.notADeploy(
          "Jenkins job '"
              + job
              + "' build #"
              + number
              + " does not "
              + "deploy, release or promote by its name or parameters and names no environment; if "
              + "it does deploy, state its environment in a sidecar file or the import dialog");
    }
    d.sourceId = job + "#" + number;
    d.service = service;
    d.ref = branch;
    if (branch != null && branch.matches("(?i)PR-\\d+")) {
      d.id("pr", branch.substring(3));
    }
    d.id("build", number);
    if (envValue != null) {
      d.rawEnvironment = envValue;
      d.note("environment from build parameter " + envParam.toUpperCase(Locale.ROOT));
    } else {
      d.infer(Words.environmentIn(job, ctx), "the job name");
    }
    d.note(
        word != null
            ? "deploy job: its name says '" + word + "'"
            : paramWord != null
                ? "deploy build: parameter " + paramWord
                : envValue != null
                    ? "deploy build: parameter "
                        + envParam.toUpperCase(Locale.ROOT)
                        + " names an environment"
                    : "counted as a deploy because the import states its environment");
    for (String k : VERSION_PARAMS) {
      if (params.containsKey(k)) {
        d.version = params.get(k);
        break;
      }
    }
    for (String k : BRANCH_PARAMS) {
      if (d.ref == null && params.containsKey(k)) {
        d.ref = params.get(k);
      }
    }
    scm(b, d);
    for (String k : COMMIT_PARAMS) {
      if (Texts.isBlank(d.commit) && params.containsKey(k) && Words.sha(params.get(k))) {
        d.commit = params.get(k);
      }
    }
    if (Texts.isBlank(d.version) && Words.versionLike(d.ref)) {
      d.version = d.ref;
    }
    d.startedAt = Draft.epoch(Nodes.number(b, "timestamp"), "timestamp");
    if (d.startedAt == null) {
      throw new Reject("no build 'timestamp'");
    }
    Boolean building = Nodes.bool(b, "building");
    String result = Nodes.text(b, "result");
    if (Boolean.TRUE.equals(building)) {
      d.status = DeployStatus.IN_PROGRESS;
      if (result != null) {
        d.note("still building; result so far " + result);
      }
    } else {
      d.status = result(result, d);
      Long duration = Nodes.number(b, "duration");
      if (duration != null && result != null) {
        d.finishedAt = d.startedAt.plusMillis(duration);
      }
    }
    d.rollback =
        Words.saysRollback(job)
            || params.values().stream().anyMatch(v -> Words.saysRollback(v))
            || params.keySet().stream().anyMatch(k -> Words.saysRollback(k));
    d.description = Texts.firstNonBlank(Nodes.text(b, "description"), causes(b));
    d.actor = userCause(b);
    d.url =
        Texts.firstNonBlank(
            Nodes.text(b, "url"),
            jobUrl == null
                ? null
                : jobUrl.endsWith("/") ? jobUrl + number + "/" : jobUrl + "/" + number + "/");
    return d.build(TOOL, file, line, index, ID);
  }

  private static DeployStatus result(String result, Draft d) {
    if (result == null) {
      return DeployStatus.UNKNOWN;
    }
    switch (result.toUpperCase(Locale.ROOT)) {
      case "SUCCESS":
        return DeployStatus.SUCCEEDED;
      case "FAILURE":
      case "UNSTABLE":
        return DeployStatus.FAILED;
      case "ABORTED":
        return DeployStatus.CANCELLED;
      case "NOT_BUILT":
        return DeployStatus.CANCELLED;
      case "NOT_BUILD":
        d.note("result 'NOT_BUILD' is not a Jenkins result; read as NOT_BUILT");
        return DeployStatus.CANCELLED;
      default:
        d.note("result '" + result + "' is not a Jenkins result");
        return DeployStatus.UNKNOWN;
    }
  }

  /** Build parameters by lowercase name (ParametersAction). */
  private static Map<String, String> parameters(JsonNode b) {
    Map<String, String> out = new LinkedHashMap<>();
    JsonNode actions = b.get("actions");
    if (actions == null || !actions.isArray()) {
      return out;
    }
    for (JsonNode a : actions) {
      JsonNode ps = a.get("parameters");
      if (ps != null && ps.isArray()) {
        for (JsonNode p : ps) {
          String name = Nodes.text(p, "name");
          String value = Nodes.text(p, "value");
          if (name != null && value != null) {
            out.putIfAbsent(name.toLowerCase(Locale.ROOT), value);
          }
        }
      }
    }
    return out;
  }

  private static boolean hasAction(JsonNode b, String... classes) {
    JsonNode actions = b.get("actions");
    if (actions == null || !actions.isArray()) {
      return false;
    }
    for (JsonNode a : actions) {
      String c = Nodes.text(a, "_class");
      JsonNode causes = a.get("causes");
      for (String k : classes) {
        if (k.equals(c)) {
          return true;
        }
        if (causes != null && causes.isArray()) {
          for (JsonNode cause : causes) {
            if (k.equals(Nodes.text(cause, "_class"))) {
              return true;
            }
          }
        }
      }
    }
    return false;
  }

  /** Commit and branch from the git plugin's BuildData, PR refs from the change set. */
  private static void scm(JsonNode b, Draft d) {
    JsonNode actions = b.get("actions");
    if (actions != null && actions.isArray()) {
      for (JsonNode a : actions) {
        JsonNode rev = a.get("lastBuiltRevision");
        if (rev != null && rev.isObject() && Texts.isBlank(d.commit)) {
          d.commit = Nodes.text(rev, "SHA1");
          JsonNode branches = rev.get("branch");
          if (d.ref == null && branches != null && branches.isArray() && branches.size() > 0) {
            String name = Nodes.text(branches.get(0), "name");
            if (name != null) {
              d.ref =
                  name.replaceFirst("^refs/remotes/[^/]+/", "")
                      .replaceFirst("^origin/", "")
                      .replaceFirst("^refs/heads/", "");
            }
          }
        }
      }
    }
    for (String key : new String[] {"changeSet", "changeSets"}) {
      JsonNode cs = b.get(key);
      if (cs == null) {
        continue;
      }
      for (JsonNode set : cs.isArray() ? cs : java.util.List.of(cs)) {
        JsonNode items = set.get("items");
        if (items != null && items.isArray()) {
          for (JsonNode item : items) {
            d.tags(Words.changeRefs(Nodes.first(item, "comment", "msg")));
          }
        }
      }
    }
  }

  private static String causes(JsonNode b) {
    JsonNode actions = b.get("actions");
    if (actions == null || !actions.isArray()) {
      return null;
    }
    StringBuilder sb = new StringBuilder();
    for (JsonNode a : actions) {
      JsonNode causes = a.get("causes");
      if (causes != null && causes.isArray()) {
        for (JsonNode c : causes) {
          String s = Nodes.text(c, "shortDescription");
          if (s != null) {
            sb.append(sb.length() == 0 ? "" : "; ").append(s);
          }
        }
      }
    }
    return sb.length() == 0 ? null : sb.toString();
  }

  private static String userCause(JsonNode b) {
    JsonNode actions = b.get("actions");
    if (actions == null || !actions.isArray()) {
      return null;
    }
    for (JsonNode a : actions) {
      JsonNode causes = a.get("causes");
      if (causes != null && causes.isArray()) {
        for (JsonNode c : causes) {
          String u = Nodes.first(c, "userId", "userName");
          if (u != null) {
            return u;
          }
        }
      }
    }
    return null;
  }
}
