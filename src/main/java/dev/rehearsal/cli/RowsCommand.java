package dev.rehearsal.cli;

import dev.rehearsal.app.Rows;
import dev.rehearsal.app.Session;
import dev.rehearsal.app.Tables;
import dev.rehearsal.app.TeamTables;
import dev.rehearsal.model.Deploy;
import dev.rehearsal.model.EnvironmentFact;
import dev.rehearsal.model.IncidentRow;
import dev.rehearsal.model.StagingRun;
import dev.rehearsal.util.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rehearsal rows TABLE [QUERY]}: a page of a table (incidents, deploys, runs, facts) in an
 * order, or a column's values with their counts: what the window's tables show, of a local
 * workspace or, with {@code --store}, of a team workspace read where it is kept.
 */
@Command(
    name = "rows",
    mixinStandardHelpOptions = true,
    description =
        "Show a page of a table (incidents, deploys, runs or facts) that a query matches, in an"
            + " order, or with --values a column's values and how many rows hold each. With"
            + " --store, read from the team workspace without copying it.")
final class RowsCommand implements Callable<Integer> {
  @Mixin WorkspaceOption ws;

  @Mixin StoreOptions storeOptions;

  @Parameters(index = "0", paramLabel = "TABLE", description = "incidents, deploys, runs or facts")
  String table;

  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "QUERY",
      description = "Query in the search syntax (empty matches all)")
  String query = "";

  @Option(
      names = "--order",
      paramLabel = "COLUMN",
      defaultValue = "time",
      description =
          "time, service, env, status, version, severity, suite, subtype, value; for incidents"
              + " also verdict, gap, confidence, reviewed (default ${DEFAULT-VALUE}, newest"
              + " first)")
  String order;

  @Option(names = "--ascending", description = "Lowest (oldest) first")
  boolean ascending;

  @Option(names = "--offset", defaultValue = "0", description = "Rows to skip")
  int offset;

  @Option(names = "--limit", defaultValue = "20", description = "Rows to show (max 1000)")
  int limit;

  @Option(
      names = "--values",
      paramLabel = "COLUMN",
      description = "Show the column's values and how many rows hold each instead of rows")
  String values;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Rows.Table t = table();
    if (offset < 0 || limit < 1 || limit > 1000) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--offset must be 0 or more and --limit from 1 to 1000");
    }
    PrintWriter out = spec.commandLine().getOut();
    try {
      if (storeOptions.given()) {
        try (TeamTables tables = storeOptions.resolve(spec).tables()) {
          return show(tables, t, out);
        }
      }
      try (Session s = ws.open()) {
        if (s.isEmpty()) {
          spec.commandLine().getErr().println("rehearsal: " + Messages.emptyWorkspace(s.dir()));
          return 1;
        }
        return show(s.rows(), t, out);
      }
    } catch (Rows.QuerySyntaxException e) {
      spec.commandLine().getErr().println("rehearsal: " + e.getMessage());
      return 2;
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    } catch (IOException | UncheckedIOException e) {
      String why = e instanceof UncheckedIOException u ? u.getCause().getMessage() : e.getMessage();
      spec.commandLine()
          .getErr()
          .println(
              "rehearsal: "
                  + (storeOptions.given()
                      ? "the team workspace " + storeOptions.store + " could not be read: "
                      : "")
                  + why);
      return 1;
    }
  }

  private Rows.Table table() {
    switch (table.strip().toLowerCase(Locale.ROOT)) {
      case "incidents":
      case "incident":
        return Rows.Table.INCIDENTS;
      case "deploys":
      case "deploy":
        return Rows.Table.DEPLOYS;
      case "runs":
      case "run":
        return Rows.Table.RUNS;
      case "facts":
      case "fact":
        return Rows.Table.FACTS;
      default:
        throw new CommandLine.ParameterException(
            spec.commandLine(), "no table '" + table + "': incidents, deploys, runs or facts");
    }
  }

  private int show(Tables tables, Rows.Table t, PrintWriter out) throws IOException {
    if (values != null) {
      Map<String, Long> counts = tables.values(t, values.strip().toLowerCase(Locale.ROOT));
      if (ws.json) {
        out.println(Json.pretty().writeValueAsString(counts));
      } else {
        TextTable tt = new TextTable(values.toUpperCase(Locale.ROOT), "ROWS").rightAlign(1);
        counts.forEach(tt::add);
        tt.print(out);
      }
      return 0;
    }
    Rows.Order o = new Rows.Order(order.strip().toLowerCase(Locale.ROOT), !ascending);
    Rows.Source<?> rows =
        switch (t) {
          case INCIDENTS -> tables.incidents(query, o);
          case DEPLOYS -> tables.deploys(query, o);
          case RUNS -> tables.runs(query, o);
          case FACTS -> tables.facts(query, o);
        };
    try (rows) {
      List<?> page = rows.page(offset, limit);
      if (ws.json) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("total", rows.size());
        json.put("offset", offset);
        json.put("rows", page);
        out.println(Json.pretty().writeValueAsString(json));
        return 0;
      }
      out.printf(
          "%,d row(s)%s%n%n",
          rows.size(),
          rows.size() > page.size()
              ? String.format("; showing %d-%d", offset + 1, offset + page.size())
              : "");
      TextTable tt = header(t);
      for (Object r : page) {
        add(tt, r);
      }
      tt.print(out);
      return 0;
    }
  }

  private static TextTable header(Rows.Table t) {
    return switch (t) {
      case INCIDENTS -> new TextTable("ONSET", "INCIDENT", "SERVICES", "VERDICT", "GAPS", "TITLE");
      case DEPLOYS -> new TextTable("TIME", "SERVICE", "VERSION", "ENVIRONMENT", "STATUS", "KEY");
      case RUNS -> new TextTable("TIME", "SERVICE", "VERSION", "TYPE", "OUTCOME", "SUITE");
      case FACTS -> new TextTable("TIME", "SERVICE", "ENVIRONMENT", "SUBJECT", "VALUE");
    };
  }

  private static void add(TextTable tt, Object r) {
    if (r instanceof IncidentRow i) {
      tt.add(
          time(i.onset()),
          i.reference().isEmpty() ? i.key() : i.reference(),
          String.join(", ", i.services()),
          i.verdict(),
          String.join(", ", i.gaps()),
          abbreviated(i.title()));
    } else if (r instanceof Deploy d) {
      tt.add(
          time(d.time()),
          d.service(),
          d.version(),
          d.environment(),
          d.status().name().toLowerCase(Locale.ROOT),
          d.key());
    } else if (r instanceof StagingRun s) {
      tt.add(
          time(s.time()),
          s.service(),
          s.version(),
          s.type().name().toLowerCase(Locale.ROOT),
          s.outcome().name().toLowerCase(Locale.ROOT),
          s.suite());
    } else if (r instanceof EnvironmentFact f) {
      tt.add(time(f.time()), f.service(), f.environment(), f.subject(), abbreviated(f.value()));
    }
  }

  private static String time(Instant t) {
    return t == null ? "" : SearchCommand.TIME.format(t);
  }

  private static String abbreviated(String s) {
    String one = s == null ? "" : s.replace('\n', ' ');
    return one.length() > 70 ? one.substring(0, 69) + "\u2026" : one;
  }
}
