package dev.rehearsal.app;

import dev.rehearsal.importers.FileReport;
import dev.rehearsal.importers.ImportPlan;
import dev.rehearsal.importers.ImportSummary;
import dev.rehearsal.index.SearchHit;
import dev.rehearsal.model.ImportedRecord;
import dev.rehearsal.model.Rejection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An import as a window shows it, in plain values: before, each file with its detected format, the
 * detector's confidence, its first records in a line each and what it lacks; after, each file with
 * what it gave, the totals (accepted + rejected = seen), and the rejected records with file, line
 * and reason. Made from the import's own plan and summary; nothing is counted twice.
 */
public final class ImportView {
  private ImportView() {}

  /**
   * One file before the import.
   *
   * @param status "will import", "skipped" (no format recognised it) or "cannot be read"
   * @param confidence 0 to 100
   * @param lacks what it lacks, in words ("service", "environment", "a column mapping")
   * @param preview its first records, a line each
   * @param previewRejected its first records that would be rejected, as "line N: reason"
   * @param stated what was stated for it in the window, in words ("service checkout, version
   *     2.4.1"), or ""
   * @param mappable whether a column mapping can read it (a table or JSON file)
   */
  public record PlannedFile(
      String file,
      String status,
      String format,
      int confidence,
      List<String> lacks,
      List<String> preview,
      List<String> previewRejected,
      String message,
      String stated,
      boolean mappable) {

    public PlannedFile(
        String file,
        String status,
        String format,
        int confidence,
        List<String> lacks,
        List<String> preview,
        List<String> previewRejected,
        String message) {
      this(file, status, format, confidence, lacks, preview, previewRejected, message, "", false);
    }

    /**
     * The detected format with the detector's confidence ("JUnit XML test results, 100 %"), or ""
     * when no format was detected.
     */
    public String detected() {
      // a no-break space keeps the figure and its sign on one line where the column wraps
      return format == null || format.isBlank() ? "" : format + ", " + confidence + "\u00a0%";
    }

    /**
     * The note worth a column: the message, unless it only repeats the format the file will be read
     * as.
     */
    public String note() {
      return message == null || message.startsWith(READ_AS) ? "" : message;
    }

    /** Whether it lacks any of service, environment, version or time (what a statement fills). */
    public boolean lacksWhatAStatementFills() {
      return lacks.stream().anyMatch(STATABLE::contains);
    }
  }

  /** How a plan's message begins for a file that will be read (the format follows). */
  static final String READ_AS = "would be read as ";

  /**
   * The folder all these files are in (for a member of an archive, the archive's folder), so that
   * it can be shown once above them; "" when they share none below the file system's root.
   */
  public static String folderOf(List<String> files) {
    java.nio.file.Path common = null;
    for (String f : files) {
      int bang = f.indexOf("!/");
      java.nio.file.Path parent;
      try {
        parent = java.nio.file.Path.of(bang >= 0 ? f.substring(0, bang) : f).getParent();
      } catch (java.nio.file.InvalidPathException e) {
        return "";
      }
      if (parent == null) {
        return "";
      }
      if (common == null) {
        common = parent;
      } else {
        while (common != null && !parent.startsWith(common)) {
          common = common.getParent();
        }
        if (common == null) {
          return "";
        }
      }
    }
    if (common == null || common.getNameCount() == 0) {
      return "";
    }
    return common.toString();
  }

  /**
   * A file as named under a folder shown once above it ({@link #folderOf}): the rest of its path
   * ("junit/TEST-1.xml", "results.zip!/k6/summary.json"), or the whole name when it is not in it.
   */
  public static String inFolder(String file, String folder) {
    if (folder == null || folder.isEmpty() || !file.startsWith(folder)) {
      return file;
    }
    String rest = file.substring(folder.length());
    if (rest.startsWith("/") || rest.startsWith(java.io.File.separator)) {
      return rest.substring(1);
    }
    return file;
  }

  /** The lacks a statement can fill, as {@link PlannedFile#lacks} words them. */
  public static final List<String> STATABLE = List.of("service", "environment", "version", "time");

  /**
   * What the user states for one or more files that lack it, as typed: each field blank (not
   * stated) or a value. Carried into the import as an import manifest's row carries it
   * (docs/import-manifests.md): a file's own values and sidecars win over it.
   *
   * @param commit the commit the files tested (7 to 40 hexadecimal characters), as a manifest's
   *     {@code commit} column
   */
  public record Statement(
      String service, String environment, String version, String commit, String time) {
    public static final Statement NONE = new Statement("", "", "", "", "");

    /** The fields of a statement, in the order the window shows them. */
    public static final List<String> FIELDS =
        List.of("service", "environment", "version", "commit", "time");

    public Statement {
      service = service == null ? "" : service.strip();
      environment = environment == null ? "" : environment.strip();
      version = version == null ? "" : version.strip();
      commit = commit == null ? "" : commit.strip();
      time = time == null ? "" : time.strip();
    }

    /** A statement without a commit. */
    public Statement(String service, String environment, String version, String time) {
      this(service, environment, version, "", time);
    }

    public boolean isEmpty() {
      return service.isEmpty()
          && environment.isEmpty()
          && version.isEmpty()
          && commit.isEmpty()
          && time.isEmpty();
    }

    /** This statement with its blanks filled from an earlier one. */
    public Statement over(Statement earlier) {
      if (earlier == null) {
        return this;
      }
      return new Statement(
          service.isEmpty() ? earlier.service : service,
          environment.isEmpty() ? earlier.environment : environment,
          version.isEmpty() ? earlier.version : version,
          commit.isEmpty() ? earlier.commit : commit,
          time.isEmpty() ? earlier.time : time);
    }

    /** In words: "service checkout, environment staging". */
    public String words() {
      List<String> out = new ArrayList<>();
      if (!service.isEmpty()) {
        out.add("service " + service);
      }
      if (!environment.isEmpty()) {
        out.add("environment " + environment);
      }
      if (!version.isEmpty()) {
        out.add("version " + version);
      }
      if (!commit.isEmpty()) {
        out.add("commit " + commit);
      }
      if (!time.isEmpty()) {
        out.add("time " + time);
      }
      return String.join(", ", out);
    }
  }

  /**
   * A statement as checked: the fields refused, each with why and how to write it (a name of {@link
   * Statement#FIELDS} to the message); empty when it can be used.
   */
  public record StatementCheck(java.util.Map<String, String> refused) {
    public StatementCheck {
      refused = java.util.Map.copyOf(refused);
    }

    public boolean ok() {
      return refused.isEmpty();
    }
  }

  /** Every file of an import before it runs, and problems with its manifests. */
  public record Plan(List<PlannedFile> files, List<String> problems) {
    public boolean anythingToImport() {
      return files.stream().anyMatch(f -> f.status().equals(WILL_IMPORT));
    }
  }

  /** One file after the import; {@code seen == accepted + rejected}. */
  public record FileResult(
      String file,
      String status,
      String format,
      long seen,
      long accepted,
      long rejected,
      String message) {}

  /**
   * An import after it ran.
   *
   * @param rejections the rejected records with file, line and reason (the first of each file the
   *     import kept; all of them are in the workspace's rejections)
   * @param analysis what the analysis after the import did, or why it did not run, in a sentence
   */
  public record Result(
      List<FileResult> files,
      long seen,
      long accepted,
      long rejected,
      boolean cancelled,
      List<String> problems,
      List<Rejection> rejections,
      String analysis) {}

  static final String WILL_IMPORT = "will import";

  /** The window's view of a plan. */
  public static Plan of(ImportPlan plan) {
    return of(plan, java.util.Map.of());
  }

  /** The window's view of a plan, with what was stated for its files. */
  public static Plan of(ImportPlan plan, java.util.Map<String, Statement> stated) {
    List<PlannedFile> files = new ArrayList<>();
    for (ImportPlan.File f : plan.files()) {
      List<String> preview = new ArrayList<>();
      for (ImportedRecord r : f.preview()) {
        preview.add(r.kind().code() + ": " + SearchHit.titleOf(r));
      }
      List<String> rejected = new ArrayList<>();
      for (Rejection r : f.rejected()) {
        rejected.add((r.line() > 0 ? "line " + r.line() + ": " : "") + r.reason());
      }
      List<String> lacks = new ArrayList<>();
      for (ImportPlan.Lack l : f.lacks()) {
        lacks.add(
            l == ImportPlan.Lack.MAPPING ? "a column mapping" : l.name().toLowerCase(Locale.ROOT));
      }
      files.add(
          new PlannedFile(
              f.file(),
              switch (f.status()) {
                case IMPORTED -> WILL_IMPORT;
                case SKIPPED -> "skipped";
                default -> "cannot be read";
              },
              f.formatName() == null || f.formatName().isBlank() ? f.format() : f.formatName(),
              f.confidence(),
              lacks,
              preview,
              rejected,
              f.message(),
              stated.getOrDefault(f.file(), Statement.NONE).words(),
              f.lacks().contains(ImportPlan.Lack.MAPPING)
                  || f.format() != null && f.format().startsWith("generic-")));
    }
    return new Plan(files, plan.problems());
  }

  /** The window's view of an import's outcome. */
  public static Result of(Imports.Outcome outcome) {
    ImportSummary s = outcome.summary();
    List<FileResult> files = new ArrayList<>();
    List<Rejection> rejections = new ArrayList<>();
    for (FileReport f : s.files()) {
      files.add(
          new FileResult(
              f.file(),
              f.status().name().toLowerCase(Locale.ROOT),
              f.formatName() == null || f.formatName().isBlank() ? f.format() : f.formatName(),
              f.seen(),
              f.accepted(),
              f.rejected(),
              f.message()));
      rejections.addAll(f.rejections());
    }
    String analysis;
    if (s.cancelled()) {
      analysis = "Nothing was kept: the workspace is as it was before the import.";
    } else if (outcome.analysis() != null) {
      analysis =
          "The analysis ran again over "
              + String.format(Locale.ROOT, "%,d", outcome.analysis().incidents())
              + " incidents.";
    } else if (!outcome.analysisProblem().isEmpty()) {
      analysis = Problems.sentence(outcome.analysisProblem());
    } else {
      analysis = "The analysis did not run.";
    }
    return new Result(
        files,
        s.seen(),
        s.accepted(),
        s.rejected(),
        s.cancelled(),
        s.problems(),
        rejections,
        analysis);
  }
}
