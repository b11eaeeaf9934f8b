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

  public long warnings() {
    return files.stream().mapToLong(f -> f.warnings().size()).sum();
  }

  public List<FileReport> skipped() {
    return files.stream().filter(f -> f.status() == FileReport.Status.SKIPPED).toList();
  }

  public List<FileReport> failed() {
    return files.stream().filter(f -> f.status() == FileReport.Status.FAILED).toList();
  }
}
