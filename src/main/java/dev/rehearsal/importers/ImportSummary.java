package dev.rehearsal.importers;

import java.util.List;

/** The outcome of one import command: a report per file, manifest problems, totals. */
public record ImportSummary(
    List<FileReport> files,
    List<String> manifestsUsed,
    List<String> problems,
    boolean cancelled,
    long millis) {

  public ImportSummary {
    files = List.copyOf(files);
    manifestsUsed = List.copyOf(manifestsUsed);
    problems = List.copyOf(problems);
  }

  public long seen() {
    return files.stream().mapToLong(FileReport::seen).sum();
  }

  public long accepted() {
    return files.stream().mapToLong(FileReport::accepted).sum();
  }

  public long rejected() {
    return files.stream().mapToLong(FileReport::rejected).sum();
  }

  /** The accepted records by kind over every file (see {@link FileReport#acceptedByKind}). */
  public java.util.Map<String, Long> acceptedByKind() {
    java.util.Map<String, Long> out = new java.util.TreeMap<>();
    files.forEach(f -> f.acceptedByKind().forEach((k, n) -> out.merge(k, n, Long::sum)));
    return out;
  }

  public long warnings() {
    return files.stream().mapToLong(f -> f.warnings().size()).sum();
  }

  public List<FileReport> skipped() {
    return files.stream().filter(f -> f.status() == FileReport.Status.SKIPPED).toList();
  }

  public List<FileReport> failed() {
    return files.stream().filter(f -> f.status() == FileReport.Status.FAILED).toList();
  }

  /** Whether an import did what was asked and, when it did not, why, in words for the user. */
  public record Outcome(boolean succeeded, String reason) {}

  /**
   * The one rule for whether an import succeeded, for the command line's exit code and the window
   * alike. Without {@code strict}: something was imported. With it: everything was, that is no
   * record rejected, no file skipped or failed, no manifest problem, and not cancelled.
   */
  public Outcome outcome(boolean strict) {
    List<String> missed = new java.util.ArrayList<>();
    if (rejected() > 0) {
      missed.add(String.format("%,d record(s) rejected", rejected()));
    }
    if (!skipped().isEmpty()) {
      missed.add(files(skipped(), "skipped"));
    }
    if (!failed().isEmpty()) {
      missed.add(files(failed(), "failed"));
    }
    if (!problems.isEmpty()) {
      missed.add(problems.size() + " manifest problem(s)");
    }
    if (cancelled) {
      missed.add("the import was cancelled");
    }
    if (accepted() == 0) {
      String why =
          files.isEmpty()
              ? "no file was found to import"
              : missed.isEmpty() ? "the files hold no records" : String.join("; ", missed);
      return new Outcome(false, "nothing was imported: " + why);
    }
    if (strict && !missed.isEmpty()) {
      return new Outcome(
          false,
          "--strict: not everything was imported: "
              + String.join("; ", missed)
              + String.format(" (%,d record(s) were imported)", accepted()));
    }
    return new Outcome(true, "");
  }

  private static String files(List<FileReport> list, String what) {
    FileReport first = list.get(0);
    return list.size()
        + " file(s) "
        + what
        + " ("
        + first.file()
        + ": "
        + first.message()
        + (list.size() > 1 ? "; and " + (list.size() - 1) + " more" : "")
        + ")";
  }
}
