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
        "The team workspace on OpenSearch: write a local workspace there (push), or copy it into a"
            + " local one (pull). `rehearsal import --store`, `rehearsal analyze --store` and"
            + " `rehearsal search --store` and `rehearsal rows --store` work on it too.",
    subcommands = {StoreCommand.Push.class, StoreCommand.Pull.class, StoreCommand.Upgrade.class})
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
          "Write the workspace to the team workspace: its rules, every record by key (again:"
              + " nothing added), every review, then its incidents with their findings as one"
              + " push: everyone sees the earlier push until this one is complete.")
  static final class Push implements Callable<Integer> {
    @Mixin WorkspaceOption ws;

    @CommandLine.Option(
        names = "--rules-only",
        description =
            "Write only the workspace's rules (settings, alias table, rejected names, column"
                + " mappings), which imports into the team workspace and copies of it then use")
    boolean rulesOnly;

    @Mixin StoreOptions storeOptions;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      TeamStore store = storeOptions.required(spec);
      PrintWriter out = spec.commandLine().getOut();
      try (Session s = ws.open()) {
        if (rulesOnly) {
          Boolean pushed =
              StoreOptions.attempt(
                  spec,
                  store,
                  progress -> {
                    store.pushRules(s);
                    return true;
                  });
          if (pushed == null) {
            return 1;
          }
          out.println("Wrote the rules of " + s.dir() + " to " + store.address() + ".");
          return 0;
        }
        if (s.isEmpty()) {
          spec.commandLine().getErr().println("rehearsal: " + Messages.emptyWorkspace(s.dir()));
          return 1;
        }
        TeamStore.Pushed p = StoreOptions.attempt(spec, store, progress -> store.push(s, progress));
        if (p == null) {
          return 1;
        }
        if (ws.json) {
          Map<String, Object> json = new LinkedHashMap<>();
          json.put("store", store.address().toString());
          json.put("run", p.run());
          json.put("index", p.index());
          json.put("written", p.written());
          json.put("inStore", p.inStore());
          json.put("records", p.records());
          json.put("generation", p.generation());
          json.put("millis", p.millis());
          out.println(Json.pretty().writeValueAsString(json));
        } else {
          out.printf(
              "Wrote %,d records and %,d incidents with their findings to %s in %.1f s (push %s,"
                  + " index %s, generation %d); it holds %,d incidents.%n",
              p.records(),
              p.written(),
              store.address(),
              p.millis() / 1000.0,
              p.run(),
              p.index(),
              p.generation(),
              p.inStore());
        }
        return 0;
      }
    }
  }

  @Command(
      name = "pull",
      mixinStandardHelpOptions = true,
      description =
          "Copy the team workspace into a local workspace (--workspace; by default a folder of"
              + " this machine's cache for the store): its rules, every record and every review."
              + " A copy made before is brought up to date.")
  static final class Pull implements Callable<Integer> {
    @Mixin WorkspaceOption ws;

    @Mixin StoreOptions storeOptions;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      TeamStore store = storeOptions.required(spec);
      PrintWriter out = spec.commandLine().getOut();
      try (Session s = ws.openOrCreateNamedOr(store.defaultCopy())) {
        TeamStore.Pulled p = StoreOptions.attempt(spec, store, progress -> store.pull(s, progress));
        if (p == null) {
          return 1;
        }
        if (ws.json) {
          Map<String, Object> json = new LinkedHashMap<>();
          json.put("store", store.address().toString());
          json.put("workspace", s.dir().toAbsolutePath().toString());
          json.put("records", p.records());
          json.put("reviews", p.reviews());
          json.put("findings", p.findings());
          json.put("generation", p.generation());
          json.put("upToDate", p.upToDate());
          json.put("changesOnly", p.changesOnly());
          json.put("millis", p.millis());
          out.println(Json.pretty().writeValueAsString(json));
        } else {
          out.println(store.describe(p) + " The copy is at " + s.dir().toAbsolutePath() + ".");
        }
        return 0;
      }
    }
  }

  @Command(
      name = "upgrade",
      mixinStandardHelpOptions = true,
      description =
          "Give a team workspace written by an earlier version its records' searchable fields,"
              + " which its tables and counts (`rehearsal rows --store`) read: once, for everyone."
              + " Any import into it or push does the same.")
  static final class Upgrade implements Callable<Integer> {
    @Mixin StoreOptions storeOptions;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      TeamStore store = storeOptions.required(spec);
      Long done = StoreOptions.attempt(spec, store, progress -> store.upgrade());
      if (done == null) {
        return 1;
      }
      spec.commandLine()
          .getOut()
          .println(
              done == 0
                  ? "The records of " + store.address() + " already have their searchable fields."
                  : String.format(
                      "Gave %,d records of %s their searchable fields.", done, store.address()));
      return 0;
    }
  }
}
