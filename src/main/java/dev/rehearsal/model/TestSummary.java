package dev.rehearsal.model;

import java.util.List;

/**
 * Per-test-case outcomes of a run, summarised: counts, the failing cases with their first message
 * line, and the names of the cases (for search). Lists are capped by the importer; the counts are
 * always complete.
 */
public record TestSummary(
    int total,
    int passed,
    int failed,
    int errored,
    int skipped,
    List<String> failures,
    List<String> caseNames) {

  public static final int MAX_LISTED = 500;
  public static final TestSummary NONE = new TestSummary(0, 0, 0, 0, 0, List.of(), List.of());

  public TestSummary {
    failures = failures == null ? List.of() : List.copyOf(failures);
    caseNames = caseNames == null ? List.of() : List.copyOf(caseNames);
  }

  public boolean anyFailed() {
    return failed + errored > 0;
  }
}
