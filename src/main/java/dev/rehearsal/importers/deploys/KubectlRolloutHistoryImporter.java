package dev.rehearsal.importers.deploys;

import dev.rehearsal.importers.ImportContext;
import dev.rehearsal.importers.ImportException;
import dev.rehearsal.importers.ImportSource;
import dev.rehearsal.importers.Importer;
import dev.rehearsal.importers.RecordSink;
import dev.rehearsal.importers.Sniff;
import dev.rehearsal.model.RecordKind;
import dev.rehearsal.util.Texts;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text {@code kubectl rollout history deployment/NAME} prints: the object line ({@code
 * deployment.apps/NAME}, older kubectl {@code deployments "NAME"}), the header {@code REVISION
 * CHANGE-CAUSE}, one row per revision. The table has no times, images or namespaces, so a row
 * becomes a deploy only when the import gives a time (sidecar file, import manifest or dialog);
 * otherwise each row is rejected saying so. Several commands' outputs may be concatenated in one
 * file.
 */
public final class KubectlRolloutHistoryImporter implements Importer {
  public static final String ID = "kubectl-rollout-history-text";
  private static final String TOOL = "kubernetes";
  private static final Pattern OBJECT =
      Pattern.compile(
          "^(?:deployment(?:\\.apps|\\.extensions)?/(\\S+)|deployments?\\s+\"([^\"]+)\")\\s*$");
  private static final Pattern HEADER = Pattern.compile("^REVISION\\s+CHANGE-CAUSE\\s*$");
  private static final Pattern ROW = Pattern.compile("^(\\d+)\\s+(.*?)\\s*$");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "kubectl rollout history (text)";
  }

  @Override
  public RecordKind kind() {
    return RecordKind.DEPLOY;
  }

  @Override
  public int recognizes(Sniff s) {
    if (s.looksLikeJson() || s.looksLikeXml()) {
      return NO;
    }
    List<String> lines = s.lines(6);
    boolean object = false;
    for (String l : lines) {
      if (OBJECT.matcher(l.strip()).matches()) {
        object = true;
      } else if (HEADER.matcher(l.strip()).matches()) {
        return object ? CERTAIN : LIKELY;
      } else if (!l.isBlank() && !object) {
        return NO;
      }
    }
    return NO;
  }

  @Override
  public void parse(ImportSource source, ImportContext ctx, RecordSink sink)
      throws IOException, ImportException {
    String file = source.displayName();
    long index = 0;
    String deployment = null;
    boolean inTable = false;
    boolean sawHeader = false;
    try (LineReader r = new LineReader(source, sink)) {
      String line;
      while ((line = r.next()) != null) {
        String l = line.strip();
        if (l.isEmpty()) {
          inTable = false;
          continue;
        }
        Matcher o = OBJECT.matcher(l);
        if (o.matches()) {
          deployment = o.group(1) != null ? o.group(1) : o.group(2);
          inTable = false;
          continue;
        }
        if (HEADER.matcher(l).matches()) {
          inTable = true;
          sawHeader = true;
          continue;
        }
        if (l.equals("No rollout history found.")) {
          sink.warn(
              "line "
                  + r.number()
                  + ": kubectl found no rollout history"
                  + (deployment == null ? "" : " for " + deployment));
          continue;
        }
        if (l.contains(" with revision #")) {
          throw new ImportException(
              "line "
                  + r.number()
                  + " starts the pod template of one "
                  + "revision (kubectl rollout history --revision=N), which this importer does not "
                  + "read; export the ReplicaSets with kubectl get rs -o json instead",
              r.number());
        }
        final long lineNo = r.number();
        final long i = index++;
        final String dep = deployment;
        final boolean table = inTable;
        Emit.one(sink, ctx, lineNo, i, () -> row(l, dep, table, ctx, file, lineNo, i));
      }
    }
    if (!sawHeader && index == 0) {
      throw new ImportException("no REVISION  CHANGE-CAUSE table found", 1);
    }
  }

  private Object row(
      String l,
      String deployment,
      boolean inTable,
      ImportContext ctx,
      String file,
      long line,
      long index)
      throws Reject {
    Matcher m = ROW.matcher(l);
    if (!inTable || !m.matches()) {
      throw new Reject("not a row of the REVISION  CHANGE-CAUSE table: '" + Nodes.shorten(l) + "'");
    }
    String revision = m.group(1);
    String cause = m.group(2);
    Draft d = new Draft(ctx);
    if (ctx.hints().at() == null) {
      throw new Reject(
          "no time: kubectl rollout history prints none; give the time in a "
              + "sidecar file or the import dialog, or export the ReplicaSets (kubectl get rs -o "
              + "json), which carry their creation times");
    }
    d.startedAt = ctx.hints().at();
    d.note(
        "time from "
            + (Texts.isBlank(ctx.hints().origin()) ? "the import's hints" : ctx.hints().origin())
            + ": the table has none");
    d.service = deployment;
    String env = ctx.hints().environment();
    d.sourceId = (env == null ? "" : Texts.cleanId(env) + "/") + deployment + "/" + revision;
    d.id("revision", revision);
    if (!cause.isEmpty() && !cause.equals("<none>")) {
      d.description = cause;
      d.tags(Words.changeRefs(cause));
      String c = cause.toLowerCase(Locale.ROOT);
      d.rollback = c.contains("rollout undo") || Words.saysRollback(cause);
    }
    if (deployment == null) {
      throw new Reject("the table names no deployment (no deployment.apps/NAME line above it)");
    }
    return d.build(TOOL, file, line, index, ID);
  }
}
