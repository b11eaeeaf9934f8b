package dev.rehearsal.model;

/** The result of a staging run as a whole. */
public enum RunOutcome {
  PASSED,
  FAILED,
  /** The run holds no test case or no request: it tested nothing. */
  EMPTY
}
