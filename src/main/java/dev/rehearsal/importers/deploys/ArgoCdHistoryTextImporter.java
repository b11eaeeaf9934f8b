package dev.rehearsal.importers.deploys;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The table {@code argocd app history APPNAME} prints: before Argo CD 2.11 a header {@code ID DATE
 * REVISION} and one row per history entry; from 2.11 grouped by source, each group opened by {@code
 * SOURCE <repoURL>}. DATE is Go's {@code time.String()} in the zone of the machine that ran the CLI
 * ({@code 2024-03-04 23:00:06 +0100 CET}); REVISION is the target revision followed by the first 7
 * characters of the synced commit in parentheses. The table does not name its application, so the
 * service comes from the import's hints; without one every row is rejected saying so. An entry of a
 * multi-source application appears once per source and is imported once.
 */
public final class ArgoCdHistoryTextImporter implements Importer {
  public static final String ID = "argocd-history-text";
  private static final String TOOL = "argocd";
  private static final Pattern SOURCE = Pattern.compile("^SOURCE\\s+(\\S+)\\s*$");
  private static final Pattern HEADER = Pattern.compile("^ID\\s+DATE\\s+REVISION\\s*$");
  private static final Pattern ROW =
      Pattern.compile(
          "^(\\d+)\\s+(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)? [+-]\\d{4}(?: \\S+)?)"
              + "(?:\\s{2,}(.*))?$"); // on a stripped line: a lazy group before \\s*$ is quadratic
  private static final String GO_ZERO = "0001-01-01 00:00:00";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "Argo CD app history (argocd app history text)";
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
    for (String l : s.lines(4)) {
      String t = l.strip();
      if (t.isEmpty()) {
        continue;
      }
      if (HEADER.matcher(t).matches()) {
        return CERTAIN;
      }
      if (!SOURCE.matcher(t).matches()) {
        return NO;
      }
    }
    return NO;
  }

  /** One history entry, possibly over several rows (one per source). */
  private static final class Item {
    final String id;
    final long line;
    final String date;
    final List<String> revisions = new ArrayList<>();
    final List<String> sources = new ArrayList<>();

    Item(String id, long line, String date) {
      this.id = id;
      this.line = line;
      this.date = date;
    }
  }

  @Override
  public void parse(ImportSource source, ImportContext ctx, RecordSink sink)
      throws IOException, ImportException {
    String file = source.displayName();
    // A history holds at most revisionHistoryLimit entries (default 10), so the rows of one
    // table are gathered by id before they are sent: a multi-source entry spans several groups.
    Map<String, Item> items = new LinkedHashMap<>();
    List<long[]> bad = new ArrayList<>();
    List<String> badReasons = new ArrayList<>();
    String repo = null;
    boolean header = false;
    try (LineReader r = new LineReader(source, sink)) {
      String line;
      while ((line = r.next()) != null) {
        String l = line.strip();
        if (l.isEmpty()) {
          continue;
        }
        Matcher sm = SOURCE.matcher(l);
        if (sm.matches()) {
          repo = sm.group(1);
          continue;
        }
        if (HEADER.matcher(l).matches()) {
          header = true;
          continue;
        }
        Matcher m = ROW.matcher(line.strip());
        if (!header || !m.matches()) {
          bad.add(new long[] {r.number()});
          badReasons.add(
              header
                  ? "not a history row (ID, DATE, REVISION): '" + Nodes.shorten(l) + "'"
                  : "a row before the ID  DATE  REVISION header: '" + Nodes.shorten(l) + "'");
          continue;
        }
        String id = m.group(1);
        Item it = items.get(id);
        if (it == null) {
          it = new Item(id, r.number(), m.group(2));
          items.put(id, it);
        }
        it.revisions.add(m.group(3) == null ? "" : m.group(3));
        it.sources.add(repo);
      }
    }
    if (!header && items.isEmpty() && bad.isEmpty()) {
      throw new ImportException("no ID  DATE  REVISION table found", 1);
    }
    long index = 0;
    int b = 0;
    // records go out in line order: malformed rows where they were met
    for (Item it : items.values()) {
      while (b < bad.size() && bad.get(b)[0] < it.line) {
        sink.reject(bad.get(b)[0], index++, badReasons.get(b));
        b++;
      }
      final long i = index++;
      Emit.one(sink, ctx, it.line, i, () -> entry(it, ctx, file, i));
    }
    while (b < bad.size()) {
      sink.reject(bad.get(b)[0], index++, badReasons.get(b));
      b++;
    }
  }

  private Object entry(Item it, ImportContext ctx, String file, long index) throws Reject {
    Draft d = new Draft(ctx);
    String app = ctx.hints().service();
    if (app == null) {
      throw new Reject(
          "no service: argocd app history does not print the application's name; "
              + "give it as the service in a sidecar file (NAME.rehearsal.json) or the import "
              + "dialog");
    }
    if (it.date.startsWith(GO_ZERO)) {
      throw new Reject("entry " + it.id + " has no deploy time (0001-01-01 is Go's zero time)");
    }
    d.finishedAt = d.time(it.date, "DATE");
    d.status = DeployStatus.SUCCEEDED;
    d.sourceId = Texts.cleanId(app) + "/" + it.id;
    d.id("deploy", Texts.cleanId(app) + "/" + it.id);
    StringBuilder desc = new StringBuilder();
    for (int k = 0; k < it.revisions.size(); k++) {
      String cell = it.revisions.get(k).strip();
      String target = cell;
      String commit = null;
      // "TARGET (COMMIT)": the commit is the hex digits in the last parentheses
      int open = cell.lastIndexOf('(');
      if (cell.endsWith(")") && open >= 0 && isHex(cell.substring(open + 1, cell.length() - 1))) {
        target = cell.substring(0, open).strip();
        commit = cell.substring(open + 1, cell.length() - 1);
      }
      if (commit != null && Texts.isBlank(d.commit)) {
        d.commit = commit;
      }
      if (!target.isEmpty()) {
        if (d.ref == null) {
          d.ref = target;
        }
        if (Texts.isBlank(d.version)
            && (commit == null || Words.versionLike(target))
            && !Words.sha(target)
            && !target.equals("HEAD")) {
          d.version = target;
        }
      }
      String src = it.sources.get(k);
      if (src != null) {
        desc.append(desc.length() == 0 ? "synced " : "; ").append(src);
      }
    }
    d.description = desc.toString();
    d.note("time is when the sync finished (deployedAt), in the zone the argocd CLI printed");
    return d.build(TOOL, file, it.line, index, ID);
  }

  private static boolean isHex(String s) {
    if (s.length() < 7) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (Character.digit(s.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }
}
