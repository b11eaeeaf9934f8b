package dev.rehearsal.cli;

import com.opencsv.CSVReader;
import dev.rehearsal.index.Workspace;
import dev.rehearsal.util.Json;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code rehearsal aliases}: the table that maps tools' service names to one name. */
@Command(
    name = "aliases",
    mixinStandardHelpOptions = true,
    description = "Show or edit the service alias table (\"Checkout API\" -> checkout).",
    subcommands = {
      AliasesCommand.Set.class,
      AliasesCommand.Remove.class,
      AliasesCommand.Load.class
    })
final class AliasesCommand implements Callable<Integer> {
  @Mixin WorkspaceOption ws;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (Workspace w = ws.open()) {
      Map<String, String> a = w.aliases();
      if (ws.json) {
        out.println(Json.pretty().writeValueAsString(a));
      } else if (a.isEmpty()) {
        out.println(
            "No aliases. Names are still normalised: \"Checkout API\" and "
                + "\"checkout-service\" both become \"checkout\".");
      } else {
        TextTable t = new TextTable("ALIAS", "SERVICE");
        a.forEach(t::add);
        t.print(out);
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
      try (Workspace w = ws.open()) {
        Map<String, String> a = new TreeMap<>(w.aliases());
        a.put(alias, service);
        w.saveAliases(a);
      }
      spec.commandLine()
          .getOut()
          .println(
              "\""
                  + alias
                  + "\" now means "
                  + service
                  + "; it applies to records imported from now on and to the next analysis.");
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
      try (Workspace w = ws.open()) {
        Map<String, String> a = new TreeMap<>(w.aliases());
        if (a.remove(alias) == null) {
          spec.commandLine().getErr().println("rehearsal: no alias '" + alias + "'");
          return 1;
        }
        w.saveAliases(a);
      }
      spec.commandLine().getOut().println("Alias \"" + alias + "\" removed.");
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
      Map<String, String> add = new TreeMap<>();
      try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
          CSVReader csv = new CSVReader(r)) {
        String[] row;
        while ((row = csv.readNext()) != null) {
          if (row.length >= 2 && !row[0].isBlank() && !row[0].equalsIgnoreCase("alias")) {
            add.put(row[0].strip(), row[1].strip());
          }
        }
      }
      try (Workspace w = ws.open()) {
        Map<String, String> a = new TreeMap<>(w.aliases());
        a.putAll(add);
        w.saveAliases(a);
        spec.commandLine()
            .getOut()
            .println(add.size() + " alias(es) loaded; " + a.size() + " in the table.");
      }
      return 0;
    }
  }
}
