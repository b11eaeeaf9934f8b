package dev.rehearsal.cli;

import dev.rehearsal.app.Inventory;
import dev.rehearsal.app.Session;
import dev.rehearsal.index.DocKind;
import dev.rehearsal.util.Json;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code rehearsal stats}: what the workspace holds. */
@Command(
    name = "stats",
    mixinStandardHelpOptions = true,
    description =
        "Show what the workspace holds: records per kind, services, environments, "
            + "formats imported, rejections.")
final class StatsCommand implements Callable<Integer> {
  @Mixin WorkspaceOption ws;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (Session s = ws.open()) {
      Inventory.Summary sum = s.inventory();
      s.notes().forEach(n -> out.println("note: " + n));
      if (ws.json) {
        out.println(Json.pretty().writeValueAsString(sum));
        return 0;
      }
      out.println(
          "Workspace "
              + sum.workspace()
              + " (index schema v"
              + sum.schemaVersion()
              + ")"
              + (sum.demo() ? " \u2014 demo data" : ""));
      TextTable t = new TextTable("KIND", "STORED", "ACCEPTED", "FROM", "TO").rightAlign(1, 2);
      sum.records()
          .forEach(
              (kind, k) ->
                  t.add(
                      kind,
                      k.count(),
                      k.accepted(),
                      k.from() == null ? "" : k.from().toString(),
                      k.to() == null ? "" : k.to().toString()));
      out.println();
      t.print(out);
      out.println(
          "\nSTORED: one record per incident, deploy, staging run or fact (a fact is one service,"
              + " environment, subject and time).\nACCEPTED: the records the imports of these"
              + " files accepted; a record two files give (a snapshot restating a value, the same"
              + " deploy in two exports) is stored once.");
      long read = sum.documents().get(DocKind.IMPORT_LOG.code());
      long imported = sum.formats().values().stream().mapToLong(v -> v.get("files")).sum();
      out.printf(
          "%nfiles read by imports: %,d (%,d imported, %,d skipped); rejected records kept: %,d%n",
          read, imported, read - imported, sum.documents().get(DocKind.REJECTION.code()));
      sum.records()
          .forEach(
              (kind, k) -> {
                if (!k.services().isEmpty() || !k.environments().isEmpty()) {
                  out.printf("%n%s by environment: %s%n", kind, abbreviate(k.environments()));
                  out.printf(
                      "%s by service (%d): %s%n",
                      kind, k.services().size(), abbreviate(k.services()));
                }
              });
      if (!sum.formats().isEmpty()) {
        out.println();
        TextTable f = new TextTable("FORMAT", "FILES", "ACCEPTED", "REJECTED").rightAlign(1, 2, 3);
        sum.formats()
            .forEach((k, v) -> f.add(k, v.get("files"), v.get("accepted"), v.get("rejected")));
        f.print(out);
      }
      return 0;
    }
  }

  private static String abbreviate(Map<String, Long> m) {
    StringBuilder sb = new StringBuilder();
    int n = 0;
    for (var e : m.entrySet()) {
      if (n++ == 15) {
        sb.append(", ... ").append(m.size() - 15).append(" more");
        break;
      }
      sb.append(n > 1 ? ", " : "").append(e.getKey()).append('=').append(e.getValue());
    }
    return sb.toString();
  }
}
