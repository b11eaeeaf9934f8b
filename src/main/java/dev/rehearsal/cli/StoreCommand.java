package dev.rehearsal.cli;

import dev.rehearsal.app.Session;
import dev.rehearsal.app.TeamStore;
import dev.rehearsal.util.Json;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code rehearsal store}: the team workspace on OpenSearch (decision 0021). */
@Command(
    name = "store",
    mixinStandardHelpOptions = true,
    description =
        "The team workspace on OpenSearch: write a local workspace's incidents there (push);"
            + " `rehearsal search --store ADDRESS` searches them.",
    subcommands = {StoreCommand.Push.class})
final class StoreCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }

  @Command(
      name = "push",
      mixinStandardHelpOptions = true,
      description =
          "Write the workspace's incidents with their findings to the team workspace as one push:"
              + " everyone searching sees the earlier push until this one is complete.")
  static final class Push implements Callable<Integer> {
    @Mixin WorkspaceOption ws;

    @Mixin StoreOptions storeOptions;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      if (!storeOptions.given()) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--store ADDRESS is required (opensearch://host:9200/prefix)");
      }
      TeamStore store = storeOptions.resolve(spec);
      PrintWriter out = spec.commandLine().getOut();
      try (Session s = ws.open()) {
        if (s.isEmpty()) {
          spec.commandLine().getErr().println("rehearsal: " + Messages.emptyWorkspace(s.dir()));
          return 1;
        }
        ConsoleProgress progress = new ConsoleProgress();
        TeamStore.Pushed p;
        try {
          p = store.push(s, progress);
        } catch (java.io.IOException e) {
          progress.done();
          spec.commandLine()
              .getErr()
              .println(
                  "rehearsal: the team workspace at " + store.address() + ": " + e.getMessage());
          return 1;
        }
        progress.done();
        if (ws.json) {
          Map<String, Object> json = new LinkedHashMap<>();
          json.put("store", store.address().toString());
          json.put("run", p.run());
          json.put("index", p.index());
          json.put("written", p.written());
          json.put("inStore", p.inStore());
          json.put("millis", p.millis());
          out.println(Json.pretty().writeValueAsString(json));
        } else {
          out.printf(
              "Wrote %,d incidents with their findings to %s in %.1f s (push %s, index %s); it"
                  + " holds %,d.%n",
              p.written(), store.address(), p.millis() / 1000.0, p.run(), p.index(), p.inStore());
        }
        return 0;
      }
    }
  }
}
