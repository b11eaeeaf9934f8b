package dev.rehearsal.cli;

import dev.rehearsal.index.DocKind;
import dev.rehearsal.index.Schema;
import dev.rehearsal.index.Workspace;
import dev.rehearsal.util.Json;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
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
    try (Workspace w = ws.open()) {
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("workspace", w.dir().toAbsolutePath().toString());
      data.put("schemaVersion", w.schemaVersion());
      Map<String, Long> counts = new LinkedHashMap<>();
      for (var e : w.counts().entrySet()) {
        counts.put(e.getKey().code(), e.getValue());
      }
      data.put("documents", counts);
      Map<String, Object> kinds = new LinkedHashMap<>();
      for (DocKind k :
          new DocKind[] {DocKind.INCIDENT, DocKind.DEPLOY, DocKind.RUN, DocKind.FACT}) {
        Map<String, Object> kd = new LinkedHashMap<>();
        kd.put("count", counts.get(k.code()));
        Instant[] range = w.timeRange(k);
        if (range != null) {
          kd.put("from", range[0].toString());
          kd.put("to", range[1].toString());
        }
        kd.put("services", w.valueCounts(k, Schema.SERVICE));
        kd.put("environments", w.valueCounts(k, Schema.ENV));
        kd.put("status", w.valueCounts(k, Schema.STATUS));
        kinds.put(k.code(), kd);
      }
      data.put("records", kinds);
      data.put("formats", w.countsByFormat());
      w.openNotes().forEach(n -> out.println("note: " + n));
      if (ws.json) {
        out.println(Json.pretty().writeValueAsString(data));
        return 0;
      }
      out.println(
          "Workspace " + data.get("workspace") + " (index schema v" + w.schemaVersion() + ")");
      TextTable t = new TextTable("KIND", "RECORDS", "FROM", "TO").rightAlign(1);
      for (var e : kinds.entrySet()) {
        @SuppressWarnings("unchecked")
        Map<String, Object> kd = (Map<String, Object>) e.getValue();
        t.add(e.getKey(), kd.get("count"), kd.getOrDefault("from", ""), kd.getOrDefault("to", ""));
      }
      out.println();
      t.print(out);
      out.printf(
          "%nrejected records kept: %,d; files imported: %,d%n",
          counts.get(DocKind.REJECTION.code()), counts.get(DocKind.IMPORT_LOG.code()));
      for (var e : kinds.entrySet()) {
        @SuppressWarnings("unchecked")
        Map<String, Object> kd = (Map<String, Object>) e.getValue();
        @SuppressWarnings("unchecked")
        Map<String, Long> services = (Map<String, Long>) kd.get("services");
        @SuppressWarnings("unchecked")
        Map<String, Long> envs = (Map<String, Long>) kd.get("environments");
        if (!services.isEmpty() || !envs.isEmpty()) {
          out.printf("%n%s by environment: %s%n", e.getKey(), envs);
          out.printf("%s by service (%d): %s%n", e.getKey(), services.size(), abbreviate(services));
        }
      }
      Map<String, Map<String, Long>> formats = w.countsByFormat();
      if (!formats.isEmpty()) {
        out.println();
        TextTable f = new TextTable("FORMAT", "FILES", "ACCEPTED", "REJECTED").rightAlign(1, 2, 3);
        formats.forEach((k, v) -> f.add(k, v.get("files"), v.get("accepted"), v.get("rejected")));
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
