package dev.rehearsal.importers.staging;

import dev.rehearsal.importers.ImportContext;
import dev.rehearsal.importers.ImportException;
import dev.rehearsal.importers.ImportSource;
import dev.rehearsal.importers.Importer;
import dev.rehearsal.importers.RecordSink;
import dev.rehearsal.importers.Sniff;
import dev.rehearsal.importers.support.SafeXml;
import dev.rehearsal.model.RecordKind;
import dev.rehearsal.util.Texts;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * JUnit XML reports as the many tools that write them do: Maven Surefire/Failsafe, Gradle, Ant
 * ({@code TESTS-TestSuites.xml}), Eclipse, pytest, Jest, mocha, scalatest, bazel, TestNG's JUnit
 * reporter, and others. One file is one run: the test cases of all its suites (nested suites
 * included) are summed into one {@link dev.rehearsal.model.TestSummary}.
 *
 * <p>Cases are counted from the {@code <testcase>} elements, not from the suites' {@code tests=}
 * attributes (which disagree with the cases in real files: Surefire counts each rerun, hand-made
 * files round). A suite that holds no test case at all but states counts is counted from its
 * attributes, with a note. A case with {@code <error>} is errored, else with {@code <failure>}
 * failed, else with {@code <skipped>} (or {@code status="disabled"}) skipped, else passed;
 * Surefire's {@code <flakyFailure>} alone leaves a case passed (it passed on a rerun) and is noted.
 */
public final class JUnitXmlImporter implements Importer {
  static final String SOURCE = "junit";

  @Override
  public String id() {
    return "junit-xml";
  }

  @Override
  public String displayName() {
    return "JUnit XML test report (Surefire, Gradle, Ant, pytest, Jest, ...)";
  }

  @Override
  public RecordKind kind() {
    return RecordKind.STAGING_RUN;
  }

  @Override
  public int recognizes(Sniff sniff) {
    String root = sniff.xmlRoot();
    if (!root.equals("testsuites") && !root.equals("testsuite")) {
      return NO;
    }
    return sniff.text().contains("<testcase") ? CERTAIN : 90;
  }

  /** One open {@code <testsuite>}. */
  private static final class Suite {
    final String name;
    final String timestamp;
    final Integer tests;
    final Integer failures;
    final Integer errors;
    final Integer skipped;
    final boolean topLevel;
    final double time;
    int counted;
    final List<String> suiteProblems = new ArrayList<>();

    Suite(XMLStreamReader r, boolean topLevel) {
      this.name = Texts.cleanId(Attrs.attr(r, "name"));
      this.timestamp = Attrs.attr(r, "timestamp");
      this.tests = Attrs.intOrNull(Attrs.attr(r, "tests"));
      this.failures = Attrs.intOrNull(Attrs.attr(r, "failures"));
      this.errors = Attrs.intOrNull(Attrs.attr(r, "errors"));
      Integer s = Attrs.intOrNull(Attrs.attr(r, "skipped"));
      Integer d = Attrs.intOrNull(Attrs.attr(r, "disabled"));
      this.skipped = s == null && d == null ? null : (s == null ? 0 : s) + (d == null ? 0 : d);
      this.topLevel = topLevel;
      this.time = Attrs.number(Attrs.attr(r, "time"));
    }
  }

  @Override
  public void parse(ImportSource source, ImportContext ctx, RecordSink sink)
      throws IOException, ImportException {
    RunDraft run = new RunDraft();
    run.noTimeReason = "no suite has a readable 'timestamp'";
    CaseTally tally = new CaseTally();
    List<String> problems = new ArrayList<>();
    Deque<Suite> suites = new ArrayDeque<>();
    Deque<String> open = new ArrayDeque<>();
    List<String> topNames = new ArrayList<>();
    Attrs.Timed rootTime = null;
    Attrs.Timed earliest = null;
    String rootName = null;
    Integer declaredRoot = null;
    int declaredTop = 0;
    boolean declaredTopComplete = true;
    double rootDuration = Double.NaN;
    double topDuration = 0;
    boolean anyTopDuration = false;
    int flaky = 0;
    long cases = 0;
    try (XmlInput in = XmlInput.open(source, sink)) {
      XMLStreamReader r = in.reader();
      try {
        while (r.hasNext()) {
          int ev = r.next();
          if (ev == XMLStreamConstants.START_ELEMENT) {
            String n = r.getLocalName();
            if (open.isEmpty()) {
              if (!n.equals("testsuites") && !n.equals("testsuite")) {
                throw new ImportException(
                    "the XML root is <"
                        + n
                        + ">, not <testsuites> or "
                        + "<testsuite>: this is not a JUnit report",
                    in.line());
              }
              run.line = in.rootLine();
              if (n.equals("testsuites")) {
                rootName = Texts.cleanId(Attrs.attr(r, "name"));
                declaredRoot = Attrs.intOrNull(Attrs.attr(r, "tests"));
                rootDuration = Attrs.number(Attrs.attr(r, "time"));
                rootTime =
                    Attrs.time(
                        ctx,
                        Attrs.attr(r, "timestamp"),
                        "the report's timestamp '" + Attrs.attr(r, "timestamp") + "'",
                        problems);
                open.push(n);
                continue;
              }
            }
            switch (n) {
              case "testsuite" -> {
                boolean top = suites.isEmpty();
                Suite s = new Suite(r, top);
                if (top) {
                  topNames.add(s.name);
                  if (s.tests == null) {
                    declaredTopComplete = false;
                  } else {
                    declaredTop += s.tests;
                  }
                  if (!Double.isNaN(s.time)) {
                    if (s.time >= 0) {
                      topDuration += s.time;
                      anyTopDuration = true;
                    } else {
                      problems.add(
                          "suite '"
                              + s.name
                              + "' has a negative time ("
                              + s.time
                              + " s); left out of the run's duration");
                    }
                  }
                }
                if (rootTime == null && s.timestamp != null) {
                  Attrs.Timed t =
                      Attrs.time(
                          ctx,
                          s.timestamp,
                          "the timestamp '" + s.timestamp + "' of suite '" + s.name + "'",
                          problems);
                  if (t != null && (earliest == null || t.instant().isBefore(earliest.instant()))) {
                    earliest = t;
                  }
                }
                suites.push(s);
                open.push(n);
              }
              case "properties" -> open.push(n);
              case "property" -> {
                if ("properties".equals(open.peek())) {
                  String name = Attrs.attr(r, "name");
                  String value = Attrs.attr(r, "value");
                  if (value == null) {
                    value = SafeXml.elementText(r, 4096);
                  } else {
                    SafeXml.skipElement(r);
                  }
                  String owner =
                      suites.isEmpty() ? "the report" : "suite '" + suites.peek().name + "'";
                  run.facts.offer(name, value, "property '" + name + "' of " + owner);
                } else {
                  SafeXml.skipElement(r);
                }
              }
              case "testcase" -> {
                if (readCase(r, tally)) {
                  flaky++;
                }
                cases++;
                if (!suites.isEmpty()) {
                  suites.peek().counted++;
                }
                if ((cases & 4095) == 0) {
                  ctx.monitor().checkCancelled();
                }
              }
              case "error", "failure" -> {
                String msg = Attrs.attr(r, "message");
                String text = SafeXml.elementText(r, 2000);
                if (!suites.isEmpty()) {
                  String m = CaseTally.firstLine(msg == null || msg.isBlank() ? text : msg);
                  suites.peek().suiteProblems.add(m);
                }
              }
              default -> SafeXml.skipElement(r);
            }
          } else if (ev == XMLStreamConstants.END_ELEMENT) {
            String n = open.isEmpty() ? "" : open.pop();
            if (n.equals("testsuite") && !suites.isEmpty()) {
              Suite s = suites.pop();
              closeSuite(s, tally, run);
              if (!suites.isEmpty()) {
                suites.peek().counted += s.counted;
              }
            }
          }
        }
      } catch (XMLStreamException e) {
        throw in.failure(e);
      }
    }
    // the run's time: the report's own timestamp, else the earliest suite's
    Attrs.Timed chosen = rootTime != null ? rootTime : earliest;
    if (chosen != null) {
      run.startedAt = chosen.instant();
      chosen.notes().forEach(run::note);
    }
    problems.forEach(run::note);
    if (flaky > 0) {
      run.note(
          flaky
              + " test case(s) failed and then passed on a rerun (Surefire "
              + "flakyFailure/flakyError); counted as passed");
    }
    Integer declared =
        declaredRoot != null
            ? declaredRoot
            : declaredTopComplete && !topNames.isEmpty() ? Integer.valueOf(declaredTop) : null;
    if (declared != null && declared != tally.total()) {
      run.note(
          "the report states "
              + declared
              + " tests but holds "
              + tally.total()
              + "; counted what it holds");
    }
    tally.addNotes(run.notes);
    run.tests = tally.summary();
    run.durationSeconds =
        !Double.isNaN(rootDuration) && rootDuration >= 0
            ? rootDuration
            : anyTopDuration ? topDuration : Double.NaN;
    if (rootName != null && !rootName.isEmpty()) {
      run.suite = rootName;
    } else if (topNames.size() == 1) {
      run.suite = topNames.get(0);
    } else if (topNames.size() > 1) {
      run.suite = topNames.get(0) + " (+" + (topNames.size() - 1) + " more suites)";
    }
    run.emit(this, SOURCE, source, ctx, sink);
  }

  /** A suite with no test case of its own: counted from its attributes or its error. */
  private static void closeSuite(Suite s, CaseTally tally, RunDraft run) {
    if (s.counted > 0) {
      for (String p : s.suiteProblems) {
        run.note("suite '" + s.name + "' also reports a problem outside its test cases: " + p);
      }
      return;
    }
    int tests = s.tests == null ? 0 : s.tests;
    int f = s.failures == null ? 0 : s.failures;
    int e = s.errors == null ? 0 : s.errors;
    int k = s.skipped == null ? 0 : s.skipped;
    if (tests > 0 || f + e + k > 0) {
      tally.addCounts(tests, f, e, k);
      s.counted = Math.max(tests, f + e + k);
      run.note(
          "suite '"
              + s.name
              + "' holds no test case elements; counted from its "
              + "attributes (tests="
              + tests
              + ", failures="
              + f
              + ", errors="
              + e
              + ", skipped="
              + k
              + ")");
      for (String p : s.suiteProblems) {
        tally.listFailure(s.name, e > 0 ? CaseTally.Outcome.ERRORED : CaseTally.Outcome.FAILED, p);
      }
    } else if (!s.suiteProblems.isEmpty()) {
      for (String p : s.suiteProblems) {
        tally.add(s.name, CaseTally.Outcome.ERRORED, p);
        s.counted++;
      }
      run.note(
          "suite '"
              + s.name
              + "' reports "
              + s.suiteProblems.size()
              + " error(s) outside "
              + "any test case; each counted as an errored case");
    }
  }

  /**
   * Reads one {@code <testcase>} up to its end tag and counts it.
   *
   * @return whether the case was flaky (failed, then passed on a rerun)
   */
  private static boolean readCase(XMLStreamReader r, CaseTally tally) throws XMLStreamException {
    String owner = Attrs.attr(r, "classname");
    if (owner == null) {
      owner = Attrs.attr(r, "class");
    }
    String name = CaseTally.caseName(owner, Attrs.attr(r, "name"));
    String status = Attrs.attr(r, "status");
    boolean error = false;
    boolean failure = false;
    boolean skipped = false;
    boolean flaky = false;
    String message = null;
    String errorMessage = null;
    int depth = 1;
    while (depth > 0 && r.hasNext()) {
      int ev = r.next();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        String n = r.getLocalName();
        if (depth == 1 && (n.equals("error") || n.equals("failure"))) {
          String msg = Attrs.attr(r, "message");
          String type = Attrs.attr(r, "type");
          String text;
          if (msg == null || msg.isBlank()) {
            text = CaseTally.summaryLine(SafeXml.elementText(r, 20_000));
          } else if (msg.length() > CaseTally.MESSAGE_CHARS) {
            // a long message attribute has lost its line breaks (XML attribute normalisation);
            // the element text usually holds the same text with them (pytest)
            String body = CaseTally.summaryLine(SafeXml.elementText(r, 20_000));
            text = body.isEmpty() ? CaseTally.firstLine(msg) : body;
          } else {
            text = CaseTally.firstLine(msg);
            SafeXml.skipElement(r);
          }
          if (text.isEmpty() && type != null) {
            text = Texts.cleanId(type);
          }
          if (n.equals("error")) {
            error = true;
            if (errorMessage == null) {
              errorMessage = text;
            }
          } else {
            failure = true;
            if (message == null) {
              message = text;
            }
          }
        } else if (depth == 1 && n.equals("skipped")) {
          skipped = true;
          SafeXml.skipElement(r);
        } else if (depth == 1 && (n.equals("flakyFailure") || n.equals("flakyError"))) {
          flaky = true;
          SafeXml.skipElement(r);
        } else {
          SafeXml.skipElement(r);
        }
      } else if (ev == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
    String st = status == null ? "" : status.strip().toLowerCase(Locale.ROOT);
    CaseTally.Outcome outcome;
    String msg = null;
    if (error || st.equals("error") || st.equals("errored")) {
      outcome = CaseTally.Outcome.ERRORED;
      msg = errorMessage != null ? errorMessage : message;
    } else if (failure || st.equals("failed") || st.equals("failure") || st.equals("fail")) {
      outcome = CaseTally.Outcome.FAILED;
      msg = message;
    } else if (skipped
        || st.equals("disabled")
        || st.equals("skipped")
        || st.equals("notrun")
        || st.equals("ignored")) {
      outcome = CaseTally.Outcome.SKIPPED;
    } else {
      outcome = CaseTally.Outcome.PASSED;
    }
    tally.add(name, outcome, msg);
    return flaky && outcome == CaseTally.Outcome.PASSED;
  }
}
