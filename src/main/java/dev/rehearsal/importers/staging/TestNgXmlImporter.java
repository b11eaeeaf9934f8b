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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * TestNG's {@code testng-results.xml}: one file is one run. Every {@code <test-method>} that is not
 * a configuration method ({@code is-config="true"}: before/after hooks) is a test case: PASS
 * passed, FAIL failed, SKIP skipped. A configuration method that FAILs is counted as an errored
 * case (it is why the tests after it were skipped); passing configuration methods are not counted.
 * The start is the earliest {@code started-at} of the suites (else of the methods). Service,
 * environment and version come from test-method {@code <attribute>}s and from group names written
 * as {@code service=checkout}.
 */
public final class TestNgXmlImporter implements Importer {
  static final String SOURCE = "testng";

  @Override
  public String id() {
    return "testng-xml";
  }

  @Override
  public String displayName() {
    return "TestNG results (testng-results.xml)";
  }

  @Override
  public RecordKind kind() {
    return RecordKind.STAGING_RUN;
  }

  @Override
  public int recognizes(Sniff sniff) {
    return sniff.xmlRoot().equals("testng-results") ? CERTAIN : NO;
  }

  @Override
  public void parse(ImportSource source, ImportContext ctx, RecordSink sink)
      throws IOException, ImportException {
    RunDraft run = new RunDraft();
    run.noTimeReason = "no suite or test method has a readable 'started-at'";
    CaseTally tally = new CaseTally();
    List<String> problems = new ArrayList<>();
    List<String> suiteNames = new ArrayList<>();
    Attrs.Timed earliestSuite = null;
    Attrs.Timed earliestMethod = null;
    Instant latestEnd = null;
    double suiteMillis = 0;
    boolean anySuiteMillis = false;
    Integer declaredTotal = null;
    String className = "";
    int configFailures = 0;
    int unknownStatus = 0;
    long methods = 0;
    try (XmlInput in = XmlInput.open(source, sink)) {
      XMLStreamReader r = in.reader();
      boolean rootSeen = false;
      try {
        while (r.hasNext()) {
          int ev = r.next();
          if (ev != XMLStreamConstants.START_ELEMENT) {
            continue;
          }
          String n = r.getLocalName();
          if (!rootSeen) {
            rootSeen = true;
            if (!n.equals("testng-results")) {
              throw new ImportException(
                  "the XML root is <"
                      + n
                      + ">, not <testng-results>: "
                      + "this is not a TestNG results file",
                  in.line());
            }
            run.line = in.rootLine();
            declaredTotal = Attrs.intOrNull(Attrs.attr(r, "total"));
            continue;
          }
          switch (n) {
            case "suite" -> {
              String name = Texts.cleanId(Attrs.attr(r, "name"));
              suiteNames.add(name);
              Attrs.Timed t =
                  Attrs.time(
                      ctx,
                      Attrs.attr(r, "started-at"),
                      "the started-at '"
                          + Attrs.attr(r, "started-at")
                          + "' of suite '"
                          + name
                          + "'",
                      problems);
              if (t != null
                  && (earliestSuite == null || t.instant().isBefore(earliestSuite.instant()))) {
                earliestSuite = t;
              }
              Attrs.Timed end =
                  Attrs.time(
                      ctx,
                      Attrs.attr(r, "finished-at"),
                      "the finished-at '"
                          + Attrs.attr(r, "finished-at")
                          + "' of suite '"
                          + name
                          + "'",
                      problems);
              if (end != null && (latestEnd == null || end.instant().isAfter(latestEnd))) {
                latestEnd = end.instant();
              }
              double ms = Attrs.number(Attrs.attr(r, "duration-ms"));
              if (!Double.isNaN(ms) && ms >= 0) {
                suiteMillis += ms;
                anySuiteMillis = true;
              }
            }
            case "group" -> {
              String g = Attrs.attr(r, "name");
              run.facts.offerTag(g, "TestNG group '" + Texts.cleanId(g) + "'");
              SafeXml.skipElement(r);
            }
            case "class" -> className = Attrs.attr(r, "name");
            case "test-method" -> {
              methods++;
              Method m = readMethod(r, run);
              if (earliestSuite == null && m.started != null) {
                Attrs.Timed t =
                    Attrs.time(
                        ctx,
                        m.started,
                        "the started-at '" + m.started + "' of method '" + m.name + "'",
                        problems);
                if (t != null
                    && (earliestMethod == null || t.instant().isBefore(earliestMethod.instant()))) {
                  earliestMethod = t;
                }
              }
              String caseName = CaseTally.caseName(className, m.name);
              String st = m.status == null ? "" : m.status.strip().toUpperCase(Locale.ROOT);
              if (m.config) {
                if (st.equals("FAIL")) {
                  configFailures++;
                  tally.add(
                      caseName,
                      CaseTally.Outcome.ERRORED,
                      "configuration method failed"
                          + (m.message.isEmpty() ? "" : ": " + m.message));
                }
              } else {
                switch (st) {
                  case "PASS" -> tally.add(caseName, CaseTally.Outcome.PASSED, null);
                  case "FAIL" -> tally.add(caseName, CaseTally.Outcome.FAILED, m.message);
                  case "SKIP" -> tally.add(caseName, CaseTally.Outcome.SKIPPED, null);
                  default -> {
                    unknownStatus++;
                    tally.add(
                        caseName,
                        CaseTally.Outcome.ERRORED,
                        "status '" + Texts.cleanId(m.status) + "' is not a TestNG status");
                  }
                }
              }
              if ((methods & 4095) == 0) {
                ctx.monitor().checkCancelled();
              }
            }
            default -> {
              // testng-results, reporter-output, test, groups: keep walking inside
            }
          }
        }
      } catch (XMLStreamException e) {
        throw in.failure(e);
      }
    }
    Attrs.Timed chosen = earliestSuite != null ? earliestSuite : earliestMethod;
    if (chosen != null) {
      run.startedAt = chosen.instant();
      chosen.notes().forEach(run::note);
      if (latestEnd != null
          && !latestEnd.isBefore(chosen.instant())
          && !(anySuiteMillis && suiteNames.size() == 1)) {
        run.durationSeconds = (latestEnd.toEpochMilli() - chosen.instant().toEpochMilli()) / 1000.0;
      }
    }
    if (Double.isNaN(run.durationSeconds) && anySuiteMillis) {
      run.durationSeconds = suiteMillis / 1000.0;
    }
    problems.forEach(run::note);
    if (configFailures > 0) {
      run.note(
          configFailures + " configuration method(s) failed; each counted as an errored " + "case");
    }
    if (unknownStatus > 0) {
      run.note(
          unknownStatus
              + " test method(s) have a status TestNG does not write; counted as "
              + "errored");
    }
    int testCount = tally.total() - configFailures;
    if (declaredTotal != null && declaredTotal != testCount) {
      run.note(
          "the file's header states "
              + declaredTotal
              + " tests but it holds "
              + testCount
              + " test methods; counted what it holds");
    }
    tally.addNotes(run.notes);
    run.tests = tally.summary();
    if (suiteNames.size() == 1) {
      run.suite = suiteNames.get(0);
    } else if (suiteNames.size() > 1) {
      run.suite = suiteNames.get(0) + " (+" + (suiteNames.size() - 1) + " more suites)";
    }
    run.emit(this, SOURCE, source, ctx, sink);
  }

  /** What one test-method says. */
  private static final class Method {
    String name;
    String status;
    String started;
    boolean config;
    String message = "";
  }

  /** Reads a test-method up to its end tag: status, config flag, first message line, attributes. */
  private static Method readMethod(XMLStreamReader r, RunDraft run) throws XMLStreamException {
    Method m = new Method();
    m.name = Attrs.attr(r, "name");
    m.status = Attrs.attr(r, "status");
    m.started = Attrs.attr(r, "started-at");
    m.config = "true".equalsIgnoreCase(Attrs.attr(r, "is-config"));
    String exceptionClass = null;
    int depth = 1;
    while (depth > 0 && r.hasNext()) {
      int ev = r.next();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        String n = r.getLocalName();
        switch (n) {
          case "exception" -> {
            exceptionClass = Attrs.attr(r, "class");
            depth++;
          }
          case "message" -> {
            if (m.message.isEmpty()) {
              m.message = CaseTally.firstLine(SafeXml.elementText(r, 2000));
            } else {
              SafeXml.skipElement(r);
            }
          }
          case "attributes" -> depth++;
          case "attribute" -> {
            String name = Attrs.attr(r, "name");
            String value = SafeXml.elementText(r, 1000);
            run.facts.offer(
                name,
                value,
                "attribute '"
                    + Texts.cleanId(name)
                    + "' of method '"
                    + Texts.cleanId(m.name)
                    + "'");
          }
          default -> SafeXml.skipElement(r);
        }
      } else if (ev == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
    if (m.message.isEmpty() && exceptionClass != null) {
      m.message = Texts.cleanId(exceptionClass);
    }
    return m;
  }
}
