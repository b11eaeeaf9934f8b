package dev.rehearsal.cli;

import dev.rehearsal.app.Imports;
import dev.rehearsal.app.Session;
import dev.rehearsal.importers.FileReport;
import dev.rehearsal.importers.ImportOptions;
import dev.rehearsal.importers.ImportSummary;
import dev.rehearsal.importers.TargetHints;
import dev.rehearsal.importers.support.TimeParser;
import dev.rehearsal.model.Rejection;
import dev.rehearsal.settings.DateOrder;
import dev.rehearsal.util.Json;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rehearsal import FILE|DIR...}: imports files, folders and zip archives. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description =
        "Import exported files, folders or zip archives into the workspace. The "
            + "format of each file is detected from its content.")
final class ImportCommand implements Callable<Integer> {
  @Mixin WorkspaceOption ws;

  @Mixin StoreOptions storeOptions;

  @Parameters(arity = "0..*", paramLabel = "FILE|DIR", description = "Files, folders or .zip")
  List<Path> inputs = List.of();

  @Option(
      names = "--list-formats",
      description = "List the formats Rehearsal reads, with the id --format takes, and stop")
  boolean listFormats;

  @Option(
      names = {"-v", "--verbose"},
      description = "List every file (by default, one line per format)")
  boolean verbose;

  @Option(
      names = "--format",
      paramLabel = "ID",
      description = "Read every file with this importer instead of detecting (see --list-formats)")
  String format;

  @Option(
      names = "--mapping",
      paramLabel = "NAME",
      description = "Saved column mapping for the generic CSV/JSON importers")
  String mapping;

  @Option(
      names = "--service",
      description = "Service the result files are about, when they " + "do not say")
  String service;

  @Option(names = "--env", description = "Environment of the result files, when they do not say")
  String env;

  @Option(
      names = "--tested-version",
      paramLabel = "VERSION",
      description = "Version the result files tested, when they do not say")
  String version;

  @Option(names = "--commit", description = "Commit the result files tested")
  String commit;

  @Option(
      names = "--at",
      paramLabel = "TIME",
      description = "When the runs happened, when the " + "files do not say")
  String at;

  @Option(
      names = "--manifest",
      paramLabel = "FILE",
      description =
          "Import manifest (CSV or JSON) naming service, environment, version and "
              + "time per file")
  Path manifest;

  @Option(
      names = "--zone",
      paramLabel = "ZONE",
      description = "Time zone for timestamps written without one (default from settings: UTC)")
  String zone;

  @Option(
      names = "--date-order",
      paramLabel = "AUTO|DMY|MDY",
      description = "Day/month order of numeric dates; AUTO decides per file and never guesses")
  String dateOrder;

  @Option(
      names = "--strict",
      description = "Fail (exit 1) unless every file and record is imported")
  boolean strict;

  @Option(
      names = "--show-rejections",
      paramLabel = "N",
      defaultValue = "10",
      description = "How many rejections to list (default ${DEFAULT-VALUE})")
  int showRejections;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (listFormats) {
      listFormats(spec.commandLine().getOut());
      return 0;
    }
    if (inputs.isEmpty()) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "give the files, folders or zip archives to import (rehearsal import FILE|DIR...)");
    }
    for (Path p : inputs) {
      if (!Files.exists(p)) {
        throw new CommandLine.ParameterException(spec.commandLine(), p + " does not exist");
      }
    }
    if (manifest != null && !Files.isRegularFile(manifest)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "manifest " + manifest + " does not exist");
    }
    PrintWriter out = spec.commandLine().getOut();
    if (storeOptions.given()) {
      return intoTeamStore(out);
    }
    try (Session s = ws.openOrCreate()) {
      if (s.created() && !ws.json) {
        out.println("Created a new workspace at " + s.dir().toAbsolutePath());
      }
      ImportOptions options = options(s.configuration().settings());
      ConsoleProgress progress = new ConsoleProgress();
      Imports.Outcome outcome;
      try {
        outcome = s.imports().run(inputs, options, Imports.Then.PREPARE, progress);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      }
      progress.done();
      ImportSummary summary = outcome.summary();
      if (!outcome.preparationProblem().isEmpty()) {
        spec.commandLine().getErr().println("rehearsal: " + outcome.preparationProblem());
      }
      if (ws.json) {
        out.println(Json.pretty().writeValueAsString(summary));
      } else {
        print(out, summary, showRejections, verbose);
        if (summary.accepted() > 0) {
          Holdings.print(out, summary.acceptedByKind(), s.recordCounts());
        }
      }
      ImportSummary.Outcome result = summary.outcome(strict);
      if (!result.succeeded()) {
        spec.commandLine().getErr().println("rehearsal: " + result.reason());
        return 1;
      }
      return 0;
    }
  }

  /**
   * Imports straight into the team workspace: the same importers and the same account of what was
   * accepted and rejected, with the team's rules; nothing is written to a local workspace.
   */
  private int intoTeamStore(PrintWriter out) throws Exception {
    dev.rehearsal.app.TeamStore store = storeOptions.resolve(spec);
    ImportSummary summary;
    try {
      summary =
          StoreOptions.attempt(
              spec,
              store,
              progress -> store.importFiles(inputs, options(store.settings()), progress));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    if (summary == null) {
      return 1;
    }
    if (ws.json) {
      out.println(Json.pretty().writeValueAsString(summary));
    } else {
      print(out, summary, showRejections, verbose);
      out.println("Imported into the team workspace at " + store.address() + ".");
    }
    ImportSummary.Outcome result = summary.outcome(strict);
    if (!result.succeeded()) {
      spec.commandLine().getErr().println("rehearsal: " + result.reason());
      return 1;
    }
    return 0;
  }

  private ImportOptions options(dev.rehearsal.settings.Settings settings) {
    ZoneId z;
    try {
      z = zone != null ? ZoneId.of(zone) : settings.naiveZone();
    } catch (RuntimeException e) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "'"
              + zone
              + "' is not a time zone (use a name like Europe/Berlin or an offset like +02:00)");
    }
    DateOrder order;
    try {
      order = dateOrder != null ? DateOrder.parse(dateOrder) : settings.dateOrder();
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    Instant when = null;
    if (at != null) {
      try {
        when = new TimeParser(z, order).parse(at).instant();
      } catch (Exception e) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--at: " + e.getMessage());
      }
    }
    TargetHints hints = new TargetHints(service, env, version, commit, when, "command line");
    return new ImportOptions(z, order, hints, format, mapping, manifest, strict, null);
  }

  private void listFormats(PrintWriter out) {
    TextTable t = new TextTable("ID", "READS", "FORMAT");
    for (var i : dev.rehearsal.importers.ImporterRegistry.standard().importers()) {
      t.add(i.id(), i.kind().name().toLowerCase(java.util.Locale.ROOT), i.displayName());
    }
    t.print(out);
    out.println(
        "\nEach file's format is detected from its content; --format ID reads every file with"
            + " one importer (the generic ones need --mapping NAME).");
  }

  /**
   * The import's result: one line per format (every file with {@code verbose}), the totals, then
   * what was skipped, failed or rejected and the warnings, the long lists cut at {@code
   * maxRejections} unless {@code verbose}.
   */
  static void print(PrintWriter out, ImportSummary s, int maxRejections, boolean verbose) {
    if (verbose) {
      TextTable t =
          new TextTable("FILE", "FORMAT", "SEEN", "ACCEPTED", "REJECTED", "WARNINGS")
              .rightAlign(2, 3, 4, 5);
      for (FileReport f : s.files()) {
        if (f.status() == FileReport.Status.IMPORTED || f.status() == FileReport.Status.CANCELLED) {
          t.add(
              f.file(),
              f.format(),
              f.seen(),
              f.accepted(),
              f.rejected(),
              (long) f.warnings().size());
        }
      }
      if (!t.isEmpty()) {
        t.print(out);
      }
    } else {
      java.util.Map<String, long[]> byFormat = new java.util.TreeMap<>();
      for (FileReport f : s.files()) {
        if (f.status() == FileReport.Status.IMPORTED || f.status() == FileReport.Status.CANCELLED) {
          long[] c = byFormat.computeIfAbsent(f.formatName(), k -> new long[5]);
          c[0]++;
          c[1] += f.seen();
          c[2] += f.accepted();
          c[3] += f.rejected();
          c[4] += f.warnings().size();
        }
      }
      TextTable t =
          new TextTable("FORMAT", "FILES", "SEEN", "ACCEPTED", "REJECTED", "WARNINGS")
              .rightAlign(1, 2, 3, 4, 5);
      byFormat.forEach((k, c) -> t.add(k, c[0], c[1], c[2], c[3], c[4]));
      if (!t.isEmpty()) {
        t.print(out);
      }
    }
    long imported =
        s.files().stream().filter(f -> f.status() == FileReport.Status.IMPORTED).count();
    out.printf(
        "%n%,d file(s) imported: %,d records seen, %,d accepted, %,d rejected, %,d "
            + "warning(s); %,d skipped, %,d failed (%.1f s)%n",
        imported,
        s.seen(),
        s.accepted(),
        s.rejected(),
        s.warnings(),
        s.skipped().size(),
        s.failed().size(),
        s.millis() / 1000.0);
    if (s.cancelled()) {
      out.println(
          "The import was cancelled; what was read so far is kept. Importing again "
              + "completes it.");
    }
    for (String m : s.manifestsUsed()) {
      out.println("manifest used: " + m);
    }
    for (String p : s.problems()) {
      out.println("manifest problem: " + p);
    }
    int limit = verbose ? Integer.MAX_VALUE : Math.max(maxRejections, 10);
    listFiles(out, "Skipped", s.skipped(), limit);
    listFiles(out, "Failed", s.failed(), limit);
    int shown = 0;
    for (FileReport f : s.files()) {
      for (Rejection r : f.rejections()) {
        if (shown == 0 && maxRejections > 0) {
          out.println("\nRejected records (all are listed by `rehearsal rejections`):");
        }
        if (shown++ < maxRejections) {
          out.println("  " + r.location() + ": " + r.reason());
        }
      }
    }
    List<String> warnings = new java.util.ArrayList<>();
    for (FileReport f : s.files()) {
      for (String w : f.warnings()) {
        warnings.add(f.file() + ": " + w);
      }
    }
    if (!warnings.isEmpty()) {
      out.println("\nWarnings:");
      warnings.stream().limit(limit).forEach(w -> out.println("  " + w));
      more(out, warnings.size(), limit);
    }
  }

  private static void listFiles(PrintWriter out, String title, List<FileReport> files, int limit) {
    if (files.isEmpty()) {
      return;
    }
    out.println("\n" + title + ":");
    files.stream().limit(limit).forEach(f -> out.println("  " + f.file() + ": " + f.message()));
    more(out, files.size(), limit);
  }

  private static void more(PrintWriter out, int size, int limit) {
    if (size > limit) {
      out.printf("  ... and %,d more (--verbose lists them all)%n", size - limit);
    }
  }
}
