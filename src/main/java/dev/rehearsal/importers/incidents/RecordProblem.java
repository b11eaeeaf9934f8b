package dev.rehearsal.importers.incidents;

/**
 * One record that cannot be imported, with the reason in words the user can act on. Thrown by a
 * mapping, caught by the importer's record loop and turned into a rejection of that record only.
 */
final class RecordProblem extends Exception {
  private static final long serialVersionUID = 1L;

  RecordProblem(String reason) {
    super(reason, null, false, false);
  }
}
