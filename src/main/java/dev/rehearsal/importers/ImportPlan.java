package dev.rehearsal.importers;

import dev.rehearsal.model.ImportedRecord;
import dev.rehearsal.model.RecordKind;
import dev.rehearsal.model.Rejection;
import java.util.List;

/**
 * What an import would do, before it does it: every file with the format it would be read as, how
 * sure the detection is, its first records, and what it lacks.
 */
public record ImportPlan(List<File> files, List<String> manifests, List<String> problems) {

  public ImportPlan {
    files = List.copyOf(files);
    manifests = List.copyOf(manifests);
    problems = List.copyOf(problems);
  }

  /** What a file lacks for its records to be of use. */
  public enum Lack {
    /** A staging result that names no service (and no hint gives one). */
    SERVICE,
    /** A staging result that names no environment. */
    ENVIRONMENT,
    /** A staging result that names neither version nor commit. */
    VERSION,
    /** Records without a time of their own. */
    TIME,
    /** A generic CSV/JSON file without a column mapping. */
    MAPPING
  }

  /**
   * One file of the plan.
   *
   * @param status IMPORTED when it would be read, SKIPPED or FAILED (with {@code message})
   * @param confidence the detector's score, 0 (none) to 100 (the file carries the format's own
   *     markers); see {@link Importer#recognizes}
   * @param preview its first records as they would be imported
   * @param rejected the first records that would be rejected
   * @param lacks what it lacks, with hints from manifests, sidecars and options already applied
   */
  public record File(
      String file,
      FileReport.Status status,
      String format,
      String formatName,
      RecordKind kind,
      int confidence,
      List<ImportedRecord> preview,
      List<Rejection> rejected,
      List<Lack> lacks,
      String message) {
    public File {
      preview = List.copyOf(preview);
      rejected = List.copyOf(rejected);
      lacks = List.copyOf(lacks);
      message = message == null ? "" : message;
    }
  }
}
