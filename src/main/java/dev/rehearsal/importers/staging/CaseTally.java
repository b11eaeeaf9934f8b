package dev.rehearsal.importers.staging;

import dev.rehearsal.model.TestSummary;
import dev.rehearsal.util.Texts;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts test cases into a {@link TestSummary}: the counts are always complete, the lists of
 * failing cases and case names stop at {@link TestSummary#MAX_LISTED}, and only the first line of a
 * failure message is kept (never a stack trace).
 */
final class CaseTally {

  /** How one test case ended. */
  enum Outcome {
    PASSED,
    FAILED,
    ERRORED,
    SKIPPED
  }

  /** Longest first line of a failure message kept in the summary. */
  static final int MESSAGE_CHARS = 300;

  private int total;
  private int failed;
  private int errored;
  private int skipped;
  private long unlistedFailures;
  private long unlistedNames;
  private final List<String> failures = new ArrayList<>();
  private final List<String> names = new ArrayList<>();

  /** "Class.test" from a class (or feature, suite) name and a test name, either may be blank. */
  static String caseName(String owner, String name) {
    String o = Texts.cleanId(owner);
    String n = Texts.cleanId(name);
    if (o.isEmpty() && n.isEmpty()) {
      return "(unnamed test case)";
    }
    if (o.isEmpty()) {
      return n;
    }
    if (n.isEmpty()) {
      return o;
    }
    return o + "." + n;
  }

  /** The first non-blank line of a message, cut to {@link #MESSAGE_CHARS}; "" for none. */
  static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    String t = Texts.cleanText(message);
    for (String line : t.split("\n", 50)) {
      if (!line.isBlank()) {
        return Texts.firstLine(line, MESSAGE_CHARS);
      }
    }
    return "";
  }

  /**
   * The line of a failure text that says what went wrong: pytest's first {@code E } line (its
   * tracebacks start with the test's source and put the error on lines marked "E"), else the first
   * line.
   */
  static String summaryLine(String text) {
    if (text == null) {
      return "";
    }
    String t = Texts.cleanText(text);
    int scanned = 0;
    for (String line : t.split("\n", 400)) {
      String l = line.strip();
      if (l.length() > 2 && l.charAt(0) == 'E' && Character.isWhitespace(l.charAt(1))) {
        return Texts.firstLine(l.substring(1).strip(), MESSAGE_CHARS);
      }
      if (++scanned >= 399) {
        break;
      }
    }
    return firstLine(t);
  }

  /** Counts one case; for failed and errored cases the message's first line is listed. */
  void add(String caseName, Outcome outcome, String message) {
    total++;
    switch (outcome) {
      case FAILED -> failed++;
      case ERRORED -> errored++;
      case SKIPPED -> skipped++;
      default -> {}
    }
    if (names.size() < TestSummary.MAX_LISTED) {
      names.add(Texts.truncate(caseName, 500));
    } else {
      unlistedNames++;
    }
    if (outcome == Outcome.FAILED || outcome == Outcome.ERRORED) {
      listFailure(caseName, outcome, message);
    }
  }

  /** Lists a failure without counting a case (the counts came from elsewhere). */
  void listFailure(String caseName, Outcome outcome, String message) {
    if (failures.size() < TestSummary.MAX_LISTED) {
      String m = firstLine(message);
      if (m.isEmpty()) {
        m = outcome == Outcome.ERRORED ? "error (no message)" : "failed (no message)";
      }
      failures.add(Texts.truncate(caseName, 500) + ": " + m);
    } else {
      unlistedFailures++;
    }
  }

  /**
   * Counts cases a file states only as numbers (a suite with counts but no case elements). Values
   * below zero are read as zero; more failures than tests raise the total.
   */
  void addCounts(int tests, int failures, int errors, int skips) {
    int f = Math.max(0, failures);
    int e = Math.max(0, errors);
    int s = Math.max(0, skips);
    int t = Math.max(Math.max(0, tests), f + e + s);
    total += t;
    failed += f;
    errored += e;
    skipped += s;
  }

  int total() {
    return total;
  }

  int failed() {
    return failed;
  }

  int errored() {
    return errored;
  }

  int skipped() {
    return skipped;
  }

  TestSummary summary() {
    return new TestSummary(
        total, total - failed - errored - skipped, failed, errored, skipped, failures, names);
  }

  /** Notes saying how much the lists left out, if anything. */
  void addNotes(List<String> notes) {
    if (unlistedFailures > 0) {
      notes.add(
          unlistedFailures
              + " more failing test cases are counted but not listed (the "
              + "list keeps "
              + TestSummary.MAX_LISTED
              + ")");
    }
    if (unlistedNames > 0) {
      notes.add(
          unlistedNames
              + " more test case names are not listed (the list keeps "
              + TestSummary.MAX_LISTED
              + ")");
    }
  }
}
