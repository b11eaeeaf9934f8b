package dev.rehearsal.cli;

import dev.rehearsal.analysis.AnalysisReport;
import dev.rehearsal.app.Sentences;
import dev.rehearsal.app.Session;
import dev.rehearsal.model.Finding;
import dev.rehearsal.model.Gap;
import dev.rehearsal.model.Verdict;
import dev.rehearsal.util.Json;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rehearsal analyze}: links, verdicts and gaps for every incident. */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    description =
        "Link every incident to the change behind it, judge what staging said, and "
            + "classify the gap of each escape. Stores the findings in the workspace. With --store,"
            + " analyses the team workspace through a local copy (--workspace, or a folder of this"
            + " machine's cache) and writes the findings back there as one push.")
final class AnalyzeCommand implements Callable<Integer> {
  @Mixin WorkspaceOption ws;

  @Mixin StoreOptions storeOptions;

  @Option(
      names = "--findings",
      description =
          "Also print every finding (with --json: " + "all of them; otherwise the escapes)")
  boolean findings;

  @Option(names = "--timings", description = "Also print how long each step took")
  boolean timings;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    dev.rehearsal.app.TeamStore store = storeOptions.given() ? storeOptions.resolve(spec) : null;
    try (Session s = store == null ? ws.open() : ws.openOrCreateNamedOr(store.defaultCopy())) {
      if (store == null && s.isEmpty()) {
        spec.commandLine().getErr().println("rehearsal: " + Messages.emptyWorkspace(s.dir()));
        return 1;
      }
      AnalysisReport r;
      dev.rehearsal.app.TeamStore.Analysed team = null;
      if (store == null) {
        ConsoleProgress progress = new ConsoleProgress();
        r = s.analyses().run(progress);
        progress.done();
      } else {
        team = StoreOptions.attempt(spec, store, progress -> store.analyse(s, progress));
        if (team == null) {
          return 1;
        }
        r = team.report();
      }
      if (ws.json) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("incidents", r.incidents());
        m.put("linked", r.linked());
        m.put("reviewed", r.reviewed());
        m.put("learnedVote", r.learnedVoteUsed());
        m.put("verdicts", lower(r.verdicts()));
        m.put("gaps", lower(r.gaps()));
        m.put("timingsMillis", r.timings());
        if (team != null) {
          m.put("store", store.address().toString());
          m.put("copy", s.dir().toAbsolutePath().toString());
          m.put("generation", team.pulled().generation());
          m.put("recordsCopied", team.pulled().records());
          m.put("run", team.pushed().run());
          m.put("findingsWritten", team.pushed().written());
        }
        if (findings) {
          m.put("findings", r.findings());
        }
        out.println(Json.pretty().writeValueAsString(m));
        return 0;
      }
      out.printf(
          "%,d incidents analysed in %.1f s: %,d linked to a change, %,d reviewed%s%n%n",
          r.incidents(),
          r.timings().get("total") / 1000.0,
          r.linked(),
          r.reviewed(),
          r.learnedVoteUsed() ? " (learned vote in use)" : "");
      if (team != null) {
        out.printf(
            "Read %,d records of %s (generation %d%s) through the copy at %s; the findings are"
                + " written there as push %s, which everyone now sees.%n%n",
            team.pulled().records(),
            store.address(),
            team.pulled().generation(),
            team.pulled().upToDate() ? ", the copy was up to date" : "",
            s.dir().toAbsolutePath(),
            team.pushed().run());
      }
      TextTable t = new TextTable("VERDICT", "INCIDENTS").rightAlign(1);
      for (Verdict v : Verdict.values()) {
        t.add(v.label(), r.verdicts().getOrDefault(v, 0L));
      }
      t.print(out);
      out.println();
      TextTable g = new TextTable("GAP (ESCAPES)", "INCIDENTS").rightAlign(1);
      for (Gap gap : Gap.values()) {
        g.add(gap.code(), r.gaps().getOrDefault(gap, 0L));
      }
      g.print(out);
      if (timings) {
        out.println();
        TextTable tt = new TextTable("STEP", "SECONDS").rightAlign(1);
        r.timings().forEach((k, v) -> tt.add(k, String.format(Locale.ROOT, "%.2f", v / 1000.0)));
        tt.print(out);
      }
      if (findings) {
        for (Finding f : r.findings()) {
          if (f.effectiveVerdict() == Verdict.ESCAPE) {
            out.printf(
                Locale.ROOT,
                "%n%s  %s  gaps %s  confidence %.2f%n",
                Sentences.minute(f.onset()),
                Sentences.shortKey(f.incidentKey()),
                f.effectiveGaps().isEmpty()
                    ? "none"
                    : String.join(", ", f.effectiveGaps().stream().map(Gap::code).toList()),
                f.confidence());
            f.links()
                .forEach(
                    l ->
                        out.println(
                            "    "
                                + Sentences.change(l)
                                + ": "
                                + String.join("; ", Sentences.of(l.reasons()))));
          }
        }
      }
      return 0;
    }
  }

  private static <E extends Enum<E>> Map<String, Long> lower(Map<E, Long> m) {
    Map<String, Long> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(k.name().toLowerCase(java.util.Locale.ROOT), v));
    return out;
  }
}
