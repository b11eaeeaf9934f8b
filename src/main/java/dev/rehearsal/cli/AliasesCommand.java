package dev.rehearsal.cli;

import dev.rehearsal.app.Configuration;
import dev.rehearsal.app.Sentences;
import dev.rehearsal.app.Session;
import dev.rehearsal.util.Json;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rehearsal aliases}: the table that maps tools' service names to one name. */
@Command(
    name = "aliases",
    mixinStandardHelpOptions = true,
    description = "Show or edit the service alias table (\"Checkout API\" -> checkout).",
    subcommands = {
      AliasesCommand.Set.class,
      AliasesCommand.Remove.class,
      AliasesCommand.Load.class,
      AliasesCommand.Suggest.class,
      AliasesCommand.Tables.class
    })
final class AliasesCommand implements Callable<Integer> {
  @Mixin WorkspaceOption ws;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (Session s = ws.open()) {
      Map<String, String> a = s.configuration().aliases();
      if (ws.json) {
        out.println(Json.pretty().writeValueAsString(a));
      } else if (a.isEmpty()
          && s.configuration().suggestions().stream().noneMatch(x -> x.applied())) {
        out.println(
            "No aliases. Names are still normalised: \"Checkout API\" and "
                + "\"checkout-service\" both become \"checkout\".");
      } else {
        TextTable t = new TextTable("ALIAS", "SERVICE", "FROM");
        a.forEach((k, v) -> t.add(k, v, "your table"));
        for (var x : s.configuration().suggestions()) {
          if (x.applied()) {
            t.add(x.name(), x.service(), "inferred (" + x.score() + ")");
          }
        }
        t.print(out);
        out.println();
        out.println(
            "Inferred names apply until you reject them; `rehearsal aliases suggest` shows why.");
      }
      return 0;
    }
  }

  @Command(
      name = "set",
      mixinStandardHelpOptions = true,
      description = "Map an alias to a service name.")
  static final class Set implements Callable<Integer> {
    @Mixin WorkspaceOption ws;

    @Parameters(index = "0", paramLabel = "ALIAS")
    String alias;

    @Parameters(index = "1", paramLabel = "SERVICE")
    String service;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      try (Session s = ws.openOrCreate()) {
        if (s.created() && !ws.json) {
          out.println("Created a new workspace at " + s.dir().toAbsolutePath());
        }
        s.configuration().setAlias(alias, service, new ConsoleProgress());
      }
      if (ws.json) {
        out.println(Json.pretty().writeValueAsString(Map.of("alias", alias, "service", service)));
      } else {
        out.println(
            "\""
                + alias
                + "\" now means "
                + service
                + "; it applies to records imported from now on and to the next analysis.");
      }
      return 0;
    }
  }

  @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove an alias.")
  static final class Remove implements Callable<Integer> {
    @Mixin WorkspaceOption ws;

    @Parameters(index = "0", paramLabel = "ALIAS")
    String alias;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      try (Session s = ws.open()) {
        if (!s.configuration().removeAlias(alias, new ConsoleProgress())) {
          spec.commandLine().getErr().println("rehearsal: no alias '" + alias + "'");
          return 1;
        }
      }
      PrintWriter out = spec.commandLine().getOut();
      if (ws.json) {
        out.println(Json.pretty().writeValueAsString(Map.of("removed", alias)));
      } else {
        out.println("Alias \"" + alias + "\" removed.");
      }
      return 0;
    }
  }

  @Command(
      name = "load",
      mixinStandardHelpOptions = true,
      description = "Add the aliases of a CSV file with columns alias,service.")
  static final class Load implements Callable<Integer> {
    @Mixin WorkspaceOption ws;

    @Parameters(index = "0", paramLabel = "FILE")
    Path file;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      if (!Files.isRegularFile(file)) {
        throw new CommandLine.ParameterException(spec.commandLine(), file + " does not exist");
      }
      PrintWriter out = spec.commandLine().getOut();
      try (Session s = ws.openOrCreate()) {
        if (s.created() && !ws.json) {
          out.println("Created a new workspace at " + s.dir().toAbsolutePath());
        }
        ConsoleProgress progress = new ConsoleProgress();
        Configuration.Loaded loaded = s.configuration().loadAliases(file, progress);
        progress.done();
        if (ws.json) {
          out.println(Json.pretty().writeValueAsString(loaded));
        } else {
          out.println(loaded.added() + " alias(es) loaded; " + loaded.inTable() + " in the table.");
        }
      }
      return 0;
    }
  }

  @Command(
      name = "tables",
      mixinStandardHelpOptions = true,
      description =
          "Show which service each table is tied to when its row counts came without one"
              + " (database statistics), and why: the settings declare it (services.tables), the"
              + " service's configuration names its schema or the table, the service's incidents"
              + " or staging tests name it. Applied ones count in the analysis; accept a"
              + " suggestion to declare it, reject one so that it never applies.")
  static final class Tables implements Callable<Integer> {
    @Mixin WorkspaceOption ws;

    @Option(
        names = "--accept",
        split = ",",
        paramLabel = "TABLE=SERVICE",
        description = "Declare these tables the services' (services.tables)")
    List<String> accept;

    @Option(
        names = "--reject",
        split = ",",
        paramLabel = "TABLE=SERVICE",
        description = "Never tie these tables to these services (services.rejectedTables)")
    List<String> reject;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      List<String[]> accepted = pairs(accept);
      List<String[]> rejected = pairs(reject);
      try (Session s = ws.open()) {
        try {
          for (String[] p : accepted) {
            s.configuration().acceptTable(p[0], p[1]);
          }
          for (String[] p : rejected) {
            s.configuration().rejectTable(p[0], p[1]);
          }
        } catch (IllegalArgumentException e) {
          throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (!ws.json && !accepted.isEmpty()) {
          out.println(
              accepted.size()
                  + " accepted into the settings' services.tables; the next analysis"
                  + " (`rehearsal analyze`) uses them.");
        }
        if (!ws.json && !rejected.isEmpty()) {
          out.println(
              rejected.size()
                  + " rejected (services.rejectedTables); the next analysis (`rehearsal analyze`)"
                  + " leaves them out.");
        }
        var owners = s.configuration().tableOwners();
        if (ws.json) {
          out.println(Json.pretty().writeValueAsString(owners));
          return 0;
        }
        if (owners.isEmpty()) {
          out.println(
              "No suggestions: every table's row counts name their service, or nothing ties a"
                  + " table to one.");
          return 0;
        }
        TextTable t = new TextTable("TABLE", "SERVICE", "SCORE", "STATUS");
        for (var x : owners) {
          t.add(
              x.table(),
              x.service(),
              dev.rehearsal.util.Texts.fixed(x.score(), 2),
              x.status().name().toLowerCase(java.util.Locale.ROOT));
        }
        t.print(out);
        out.println();
        for (var x : owners) {
          out.println(x.table() + " \u2192 " + x.service() + ":");
          for (String r : Sentences.of(x.reasons())) {
            out.println("  - " + r);
          }
        }
        out.println();
        out.println(
            "Accept with --accept TABLE=SERVICE (it is declared in the settings' services.tables),"
                + " reject with --reject TABLE=SERVICE (it never applies).");
        return 0;
      }
    }

    /** "TABLE=SERVICE" pairs; a usage error names the one that is not. */
    private List<String[]> pairs(List<String> args) {
      List<String[]> out = new java.util.ArrayList<>();
      for (String a : args == null ? List.<String>of() : args) {
        int eq = a.lastIndexOf('=');
        if (eq <= 0 || eq == a.length() - 1) {
          throw new CommandLine.ParameterException(
              spec.commandLine(),
              "'" + a + "' is not TABLE=SERVICE (for example fulfilment.shipments=shipping)");
        }
        out.add(new String[] {a.substring(0, eq).strip(), a.substring(eq + 1).strip()});
      }
      return out;
    }
  }

  @Command(
      name = "suggest",
      mixinStandardHelpOptions = true,
      description =
          "Show the service names Rehearsal inferred from the records (words, releases that staging"
              + " runs and deploys share, incidents that follow deploys), and accept or reject"
              + " them. Confident ones apply until rejected; an accepted one goes into your alias"
              + " table.")
  static final class Suggest implements Callable<Integer> {
    @Mixin WorkspaceOption ws;

    @Option(names = "--accept", split = ",", paramLabel = "NAME", description = "Accept these")
    List<String> accept;

    @Option(names = "--reject", split = ",", paramLabel = "NAME", description = "Reject these")
    List<String> reject;

    @Option(names = "--again", description = "Work the suggestions out again from the records")
    boolean again;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      try (Session s = ws.open()) {
        try {
          if (again) {
            s.configuration().inferAgain();
          }
          if (accept != null) {
            out.println(s.configuration().accept(accept) + " accepted into your alias table.");
          }
          if (reject != null) {
            out.println(s.configuration().reject(reject) + " rejected.");
          }
        } catch (IllegalArgumentException e) {
          throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        var suggestions = s.configuration().suggestions();
        if (ws.json) {
          out.println(Json.pretty().writeValueAsString(suggestions));
          return 0;
        }
        if (suggestions.isEmpty()) {
          out.println(
              "No suggestions: every name the tools wrote reads as a service that deploys, or is"
                  + " in your alias table.");
          return 0;
        }
        TextTable t = new TextTable("NAME", "TAKEN FOR", "SCORE", "STATUS", "WRITTEN AS");
        for (var x : suggestions) {
          t.add(
              x.name(),
              x.service(),
              x.score(),
              x.status().name().toLowerCase(java.util.Locale.ROOT),
              String.join(" | ", x.written()));
        }
        t.print(out);
        out.println();
        for (var x : suggestions) {
          out.println(x.name() + " \u2192 " + x.service() + ":");
          for (String r : Sentences.of(x.reasons())) {
            out.println("  - " + r);
          }
        }
        out.println();
        out.println(
            "Accept with --accept NAME (it joins your alias table), reject with --reject NAME.");
        return 0;
      }
    }
  }
}
