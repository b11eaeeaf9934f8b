package dev.rehearsal.cli;

import dev.rehearsal.app.Period;
import dev.rehearsal.app.Session;
import dev.rehearsal.report.CsvFormat;
import dev.rehearsal.report.ExportScope;
import dev.rehearsal.report.Exporter;
import dev.rehearsal.report.ExporterRegistry;
import dev.rehearsal.util.Json;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code rehearsal report}: the gap reports as files, through the same exporters the window's
 * Export menu uses: the incidents CSV, the figures CSV, the quarterly PDF, or the postmortem pack
 * of one incident.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description =
        "Writes the gap reports: --csv (one line per incident), --aggregates-csv (quarter x"
            + " service x gap), --pdf (the quarterly staging-escape report, or with --incident"
            + " the postmortem pack of one incident). Reads the stored analysis (run `rehearsal"
            + " analyze` first); reviews win over the engine.")
final class ReportCommand implements Callable<Integer> {
  @Mixin WorkspaceOption ws;

  @Option(
      names = "--quarter",
      paramLabel = "YYYY-Qn",
      description = "One calendar quarter (UTC), e.g. 2026-Q3; instead of --from/--to")
  String quarter;

  @Option(names = "--from", paramLabel = "TIME", description = "From this time (inclusive)")
  String from;

  @Option(names = "--to", paramLabel = "TIME", description = "Until this time (exclusive)")
  String to;

  @Option(names = "--service", paramLabel = "NAME", description = "Only this service")
  String service;

  @Option(
      names = "--search",
      paramLabel = "QUERY",
      description = "Only the incidents this search matches (as `rehearsal search`)")
  String search;

  @Option(names = "--csv", paramLabel = "FILE", description = "The incidents, one line each")
  Path csv;

  @Option(
      names = "--aggregates-csv",
      paramLabel = "FILE",
      description = "The figures by quarter, service and gap")
  Path aggregatesCsv;

  @Option(
      names = "--pdf",
      paramLabel = "FILE",
      description = "The quarterly report, or the postmortem pack with --incident")
  Path pdf;

  @Option(
      names = "--incident",
      paramLabel = "ID",
      description = "The postmortem pack of this incident (its key, source/id or tool id)")
  String incident;

  @Option(
      names = "--separator",
      paramLabel = "SEP",
      defaultValue = ",",
      description = "CSV separator: ',' (default) or ';' for spreadsheets that expect it, or tab")
  String separator;

  @Option(
      names = "--bom",
      description = "Start the CSV files with a byte order mark, so Excel reads accents right")
  boolean bom;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (csv == null && aggregatesCsv == null && pdf == null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "name at least one file: --csv, --aggregates-csv or --pdf");
    }
    if (incident != null && (csv != null || aggregatesCsv != null)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--incident makes the postmortem pack: give it with --pdf only");
    }
    if (incident != null && (quarter != null || from != null || to != null || service != null)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--incident cannot be combined with a period or a service");
    }
    CsvFormat format;
    try {
      format = new CsvFormat(CsvFormat.separator(separator), bom);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--separator: " + e.getMessage());
    }
    Period period = TimeOptions.period(spec, quarter, from, to);
    List<Map<String, Object>> written = new ArrayList<>();
    try (Session s = ws.open()) {
      if (!s.analyses().analysed()) {
        throw new IllegalStateException(
            "the workspace has no analysis yet; run `rehearsal analyze` first");
      }
      ExporterRegistry exporters = ExporterRegistry.standard(s, format);
      ExportScope scope =
          incident != null
              ? ExportScope.incident(incident)
              : ExportScope.of(period, service, search);
      if (csv != null) {
        written.add(run(exporters, "incidents-csv", scope, csv));
      }
      if (aggregatesCsv != null) {
        written.add(run(exporters, "aggregates-csv", scope, aggregatesCsv));
      }
      if (pdf != null) {
        written.add(
            run(exporters, incident != null ? "postmortem-pdf" : "quarterly-pdf", scope, pdf));
      }
    }
    if (ws.json) {
      out.println(Json.pretty().writeValueAsString(written));
    } else {
      for (Map<String, Object> w : written) {
        out.println(
            "wrote "
                + w.get("file")
                + " ("
                + w.get("report")
                + ", "
                + w.get("bytes")
                + " bytes, "
                + w.get("millis")
                + " ms)");
      }
    }
    return 0;
  }

  private Map<String, Object> run(
      ExporterRegistry exporters, String id, ExportScope scope, Path file) throws Exception {
    Exporter e = exporters.byId(id).orElseThrow();
    long t0 = System.nanoTime();
    e.write(scope, file, new ConsoleProgress());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("report", e.displayName());
    m.put("id", id);
    m.put("file", file.toString());
    m.put("bytes", Files.size(file));
    m.put("millis", (System.nanoTime() - t0) / 1_000_000);
    return m;
  }
}
