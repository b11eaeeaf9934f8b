package dev.rehearsal.app;

import dev.rehearsal.analysis.AnalysisReport;
import dev.rehearsal.analysis.Engine;
import dev.rehearsal.importers.ColumnMapping;
import dev.rehearsal.importers.ImportOptions;
import dev.rehearsal.importers.ImportPlan;
import dev.rehearsal.importers.ImportRunner;
import dev.rehearsal.importers.ImportSummary;
import dev.rehearsal.importers.Importer;
import dev.rehearsal.importers.ImporterRegistry;
import dev.rehearsal.importers.TargetHints;
import dev.rehearsal.importers.support.TimeParseException;
import dev.rehearsal.importers.support.TimeParser;
import dev.rehearsal.index.Workspace;
import dev.rehearsal.settings.DateOrder;
import dev.rehearsal.task.CancelledException;
import dev.rehearsal.task.TaskMonitor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Importing files, folders and zip archives: what an import would do ({@link #plan}), and doing it
 * ({@link #run}), which also prepares the next analysis and, when asked, runs it. One error policy
 * for every front end: what was imported stands; a later step that fails is reported in the
 * outcome, not thrown.
 */
public final class Imports {
  /** Records shown per file before an import. */
  public static final int PREVIEW_RECORDS = 5;

  private final Workspace ws;
  private final Analyses analyses;
  private final WriteAccess access;
  private final ImporterRegistry registry = ImporterRegistry.standard();

  Imports(Workspace ws, Analyses analyses, WriteAccess access) {
    this.ws = ws;
    this.analyses = analyses;
    this.access = access;
  }

  /** The formats Rehearsal reads, for listings and the import dialog. */
  public List<Importer> formats() {
    return registry.importers();
  }

  /** The options of an import in this workspace: its time zone and date order. */
  public ImportOptions defaults() {
    return ImportOptions.defaults()
        .withNaiveZone(ws.settings().naiveZone())
        .withDateOrder(ws.settings().dateOrder());
  }

  /**
   * What importing these inputs would do: every file with its detected format and confidence, its
   * first records, and what it lacks (service, environment, version or time of a staging result; a
   * mapping for a generic CSV or JSON). Writes nothing.
   */
  public ImportPlan plan(List<Path> inputs, ImportOptions options) throws IOException {
    checkFormat(options);
    return runner().plan(inputs, options, ws.files().mappings(), PREVIEW_RECORDS);
  }

  /** What to do after the records are in. */
  public enum Then {
    /** Prepare the next analysis's input (the command line's import). */
    PREPARE,
    /** Prepare it and analyse (the window, the demo). */
    ANALYSE
  }

  /**
   * The result of an import: what each file gave, and how the steps after it went.
   *
   * @param preparationProblem why the analysis's input could not be prepared, or "" (the next
   *     analysis then reads the index instead)
   * @param analysis the analysis run after the import, or null
   * @param analysisProblem why that analysis failed, or ""
   */
  public record Outcome(
      ImportSummary summary,
      String preparationProblem,
      AnalysisReport analysis,
      String analysisProblem) {

    /** Whether anything at all was imported. */
    public boolean importedAnything() {
      return summary.accepted() > 0;
    }
  }

  /** Imports, then prepares (and, with {@link Then#ANALYSE}, runs) the analysis. */
  public Outcome run(List<Path> inputs, ImportOptions options, Then then, TaskMonitor monitor)
      throws IOException {
    checkFormat(options);
    return access.write("Importing", () -> importThen(inputs, options, then, monitor));
  }

  private Outcome importThen(
      List<Path> inputs, ImportOptions options, Then then, TaskMonitor monitor) throws IOException {
    TaskMonitor m = monitor == null ? TaskMonitor.NONE : monitor;
    boolean analyse = then == Then.ANALYSE;
    ImportSummary summary =
        runner()
            .run(
                inputs, options, ws.writes().importStore(), Progress.part(m, 0, analyse ? 70 : 90));
    if (summary.cancelled()) {
      return new Outcome(summary, "", null, "");
    }
    String preparation = "";
    try {
      // the next analysis then starts from its input snapshot (decision 0009)
      Engine.prepare(ws, Progress.part(m, analyse ? 70 : 90, analyse ? 80 : 100));
    } catch (CancelledException e) {
      // the records are in; what was cancelled is the step after them
      return new Outcome(
          summary,
          "the analysis's input was not prepared (cancelled); the next analysis reads the index"
              + " instead",
          null,
          analyse ? "the analysis was cancelled" : "");
    } catch (dev.rehearsal.analysis.InputBudget.TooLargeException e) {
      // the import stands; the analysis needs a larger heap, and the message says how large
      preparation = e.getMessage();
    } catch (IOException | UncheckedIOException e) {
      preparation =
          "the analysis's input could not be prepared ("
              + e.getMessage()
              + "); the next analysis reads the index instead";
    }
    if (!analyse) {
      return new Outcome(summary, preparation, null, "");
    }
    try {
      return new Outcome(summary, preparation, analyses.run(Progress.part(m, 80, 100)), "");
    } catch (CancelledException e) {
      return new Outcome(summary, preparation, null, "the analysis was cancelled");
    } catch (IOException | RuntimeException e) {
      return new Outcome(summary, preparation, null, "the analysis failed: " + e.getMessage());
    }
  }

  /** What importing these inputs would do, as the window shows it (see {@link #plan}). */
  public ImportView.Plan preview(List<Path> inputs) throws IOException {
    return preview(inputs, Map.of());
  }

  /**
   * What importing these inputs would do with what was stated for some of their files (by the name
   * the plan shows for each), as the window shows it: what a file lacks is judged with its
   * statement applied.
   */
  public ImportView.Plan preview(List<Path> inputs, Map<String, ImportView.Statement> stated)
      throws IOException {
    return ImportView.of(plan(inputs, withStated(defaults(), stated)), stated);
  }

  /**
   * Imports with the workspace's options and analyses after, as the window does; the outcome as the
   * window shows it.
   */
  public ImportView.Result importAndAnalyse(List<Path> inputs, TaskMonitor monitor)
      throws IOException {
    return importAndAnalyse(inputs, Map.of(), monitor);
  }

  /** {@link #importAndAnalyse(List, TaskMonitor)} with what was stated for some of the files. */
  public ImportView.Result importAndAnalyse(
      List<Path> inputs, Map<String, ImportView.Statement> stated, TaskMonitor monitor)
      throws IOException {
    return ImportView.of(run(inputs, withStated(defaults(), stated), Then.ANALYSE, monitor));
  }

  /** Checks a statement as typed, with the workspace's zone and date order for its time. */
  public ImportView.StatementCheck check(ImportView.Statement statement) {
    return check(statement, ws.settings().naiveZone(), ws.settings().dateOrder());
  }

  /** Longest value a statement takes. */
  static final int MAX_STATED = 200;

  /**
   * Checks a statement as typed: names on one line and of a sensible length, a commit that is a SHA
   * (7 to 40 hexadecimal characters), a time Rehearsal can read (read in {@code zone} when it says
   * none). A refused commit or time says how to write one.
   */
  public static ImportView.StatementCheck check(
      ImportView.Statement s, ZoneId zone, DateOrder order) {
    Map<String, String> refused = new LinkedHashMap<>();
    name("service", s.service(), refused);
    name("environment", s.environment(), refused);
    name("version", s.version(), refused);
    if (!s.commit().isEmpty() && !COMMIT.matcher(s.commit()).matches()) {
      refused.put(
          "commit",
          "'"
              + shortened(s.commit())
              + "' is not a commit: a commit is its SHA, 7 to 40 hexadecimal characters (0-9,"
              + " a-f), such as 3f9a2c1.");
    }
    if (!s.time().isEmpty()) {
      try {
        new TimeParser(zone, order).parse(s.time());
      } catch (TimeParseException e) {
        refused.put(
            "time",
            Problems.sentence(e.getMessage())
                + " Write a time as 2024-03-01T10:15:00Z, 2024-03-01T10:15:00+02:00 or"
                + " 2024-03-01 10:15 (read in "
                + (zone.normalized().equals(ZoneOffset.UTC) ? "UTC" : zone.getId())
                + ").");
      }
    }
    return new ImportView.StatementCheck(refused);
  }

  /** A commit as a manifest's commit column names it: an abbreviated or full SHA. */
  private static final java.util.regex.Pattern COMMIT =
      java.util.regex.Pattern.compile("[0-9a-fA-F]{7,40}");

  private static String shortened(String value) {
    String one = value.replaceAll("\\p{Cntrl}", " ");
    return one.length() > 48 ? one.substring(0, 47) + "\u2026" : one;
  }

  private static void name(String field, String value, Map<String, String> refused) {
    if (value.length() > MAX_STATED) {
      refused.put(
          field, "A " + field + " of at most " + MAX_STATED + " characters; this one has more.");
    } else if (value.chars().anyMatch(Character::isISOControl)) {
      refused.put(field, "A " + field + " on one line, without tabs or control characters.");
    }
  }

  /** The options with statements carried as an import manifest carries its rows. */
  private ImportOptions withStated(
      ImportOptions options, Map<String, ImportView.Statement> stated) {
    if (stated == null || stated.isEmpty()) {
      return options;
    }
    TimeParser time = new TimeParser(options.naiveZone(), options.dateOrder());
    Map<String, TargetHints> hints = new LinkedHashMap<>();
    for (var e : stated.entrySet()) {
      ImportView.Statement s = e.getValue();
      ImportView.StatementCheck c = check(s, options.naiveZone(), options.dateOrder());
      if (!c.ok()) {
        throw new IllegalArgumentException(
            "what was stated for " + e.getKey() + " is refused: " + c.refused().values());
      }
      Instant at;
      try {
        at = s.time().isEmpty() ? null : time.parse(s.time()).instant();
      } catch (TimeParseException ex) {
        throw new IllegalArgumentException(ex.getMessage(), ex);
      }
      hints.put(
          e.getKey(),
          new TargetHints(
              blankToNull(s.service()),
              blankToNull(s.environment()),
              blankToNull(s.version()),
              blankToNull(s.commit()),
              at,
              "stated in the import window"));
    }
    return options.withStated(hints);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  /** A plan with mappings of the caller's (the mapping editor's draft). */
  ImportPlan plan(List<Path> inputs, ImportOptions options, Map<String, ColumnMapping> mappings)
      throws IOException {
    checkFormat(options);
    return runner().plan(inputs, options, mappings, PREVIEW_RECORDS);
  }

  private ImportRunner runner() {
    return new ImportRunner(registry, ws.settings().environments());
  }

  private void checkFormat(ImportOptions options) {
    if (options.format() != null && registry.byId(options.format()).isEmpty()) {
      throw new IllegalArgumentException(
          "no importer has the id '"
              + options.format()
              + "'; known ids: "
              + String.join(", ", registry.importers().stream().map(Importer::id).toList()));
    }
  }
}
