package dev.rehearsal.importers.staging;

import dev.rehearsal.importers.ImportContext;
import dev.rehearsal.importers.ImportException;
import dev.rehearsal.importers.ImportSource;
import dev.rehearsal.importers.Importer;
import dev.rehearsal.importers.RecordSink;
import dev.rehearsal.importers.Sniff;
import dev.rehearsal.importers.support.SafeXml;
import dev.rehearsal.model.RecordKind;
import dev.rehearsal.model.RunType;
import dev.rehearsal.util.Texts;
import java.io.IOException;
import java.util.Locale;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * JMeter results saved as XML ({@code <testResults>} with {@code <httpSample>} and {@code <sample>}
 * elements). One file is one load run; each top-level sample is one request ({@code t} elapsed ms,
 * {@code ts} start epoch ms, {@code s} success, {@code na} active threads). Sub-samples inside a
 * request (redirects, embedded resources) belong to it and are not counted again; a Transaction
 * Controller's parent sample is not a request, its child samples are.
 */
public final class JMeterXmlImporter implements Importer {
  @Override
  public String id() {
    return "jmeter-jtl-xml";
  }

  @Override
  public String displayName() {
    return "JMeter results (JTL/XML)";
  }

  @Override
  public RecordKind kind() {
    return RecordKind.STAGING_RUN;
  }

  @Override
  public int recognizes(Sniff sniff) {
    return sniff.xmlRoot().equals("testResults") ? CERTAIN : NO;
  }

  private static boolean isSample(String name) {
    return name.equals("httpSample") || name.equals("sample");
  }

  /** Counters over the parse. */
  private static final class State {
    long index;
    long rejected;
    long transactions;
  }

  @Override
  public void parse(ImportSource source, ImportContext ctx, RecordSink sink)
      throws IOException, ImportException {
    RunDraft run = new RunDraft();
    run.type = RunType.LOAD;
    run.noTimeReason = "the file holds no readable sample";
    LoadTally tally = new LoadTally();
    State st = new State();
    ImportException stop = null;
    try (XmlInput in = XmlInput.open(source, sink)) {
      XMLStreamReader r = in.reader();
      boolean root = false;
      try {
        while (r.hasNext()) {
          int ev = r.next();
          if (ev != XMLStreamConstants.START_ELEMENT) {
            continue;
          }
          String n = r.getLocalName();
          if (!root) {
            root = true;
            if (!n.equals("testResults")) {
              throw new ImportException(
                  "the XML root is <"
                      + n
                      + ">, not <testResults>: this "
                      + "is not a JMeter results file",
                  in.line());
            }
            run.line = in.rootLine();
            continue;
          }
          if (isSample(n)) {
            sample(r, in, ctx, sink, run, tally, st);
            if ((st.index & 65535) == 0) {
              ctx.monitor().checkCancelled();
            }
          } else {
            SafeXml.skipElement(r);
          }
        }
      } catch (XMLStreamException e) {
        stop = in.failure(e);
      } catch (ImportException e) {
        if (tally.requests() == 0 && st.index == 0) {
          throw e;
        }
        stop = e;
      }
    }
    if (st.transactions > 0) {
      run.note(
          st.transactions
              + " Transaction Controller sample(s) summarise other samples; "
              + "their child samples are counted instead");
    }
    if (st.rejected > 0) {
      run.note(
          st.rejected
              + " sample(s) could not be read and are not counted (see the "
              + "rejections)");
    }
    if (stop != null) {
      if (tally.requests() == 0) {
        throw stop;
      }
      run.note(
          "the file could not be read after line "
              + stop.line()
              + " ("
              + stop.getMessage()
              + "); the figures cover the "
              + tally.requests()
              + " samples before it");
    }
    JMeterCsvImporter.finish(run, tally, source, ctx, sink, this);
    if (stop != null) {
      throw stop;
    }
  }

  /** Reads one sample element (and what it holds) up to its end tag. */
  private static void sample(
      XMLStreamReader r,
      XmlInput in,
      ImportContext ctx,
      RecordSink sink,
      RunDraft run,
      LoadTally tally,
      State st)
      throws XMLStreamException {
    long line = in.line();
    String rm = Attrs.attr(r, "rm");
    boolean transaction =
        rm != null
            && rm.strip().toLowerCase(Locale.ROOT).startsWith("number of samples in transaction");
    if (transaction) {
      st.transactions++;
      int depth = 1;
      while (depth > 0 && r.hasNext()) {
        int ev = r.next();
        if (ev == XMLStreamConstants.START_ELEMENT) {
          if (isSample(r.getLocalName())) {
            sample(r, in, ctx, sink, run, tally, st);
          } else {
            SafeXml.skipElement(r);
          }
        } else if (ev == XMLStreamConstants.END_ELEMENT) {
          depth--;
        }
      }
      return;
    }
    long index = st.index++;
    String t = Attrs.attr(r, "t");
    String ts = Attrs.attr(r, "ts");
    String s = Attrs.attr(r, "s");
    String na = Attrs.attr(r, "na");
    String tn = Attrs.attr(r, "tn");
    count(line, index, t, ts, s, na, tn, ctx, sink, run, tally, st);
    // the attributes are complete at the start tag: count first, then skip what it holds
    SafeXml.skipElement(r);
  }

  private static void count(
      long line,
      long index,
      String t,
      String ts,
      String s,
      String na,
      String tn,
      ImportContext ctx,
      RecordSink sink,
      RunDraft run,
      LoadTally tally,
      State st) {
    String reason = null;
    Long start = null;
    Long elapsed = Attrs.longOrNull(t);
    if (ts == null || ts.isBlank()) {
      reason = "no 'ts' (time stamp)";
    } else {
      try {
        start = JMeterCsvImporter.startMillis(ts.strip(), ctx, run);
      } catch (dev.rehearsal.importers.support.TimeParseException e) {
        reason = e.getMessage();
      }
    }
    if (reason == null && (elapsed == null || elapsed < 0)) {
      reason =
          "'t' is "
              + (t == null ? "missing" : "'" + Texts.truncate(t, 40) + "'")
              + ", not a number of milliseconds";
    }
    boolean ok = true;
    if (reason == null) {
      if (s == null) {
        run.note("some samples have no 's' (success) attribute: counted as successful");
      } else if (s.strip().equalsIgnoreCase("false")) {
        ok = false;
      } else if (!s.strip().equalsIgnoreCase("true")) {
        reason = "'s' is '" + Texts.truncate(s, 40) + "', not true or false";
      }
    }
    if (reason != null) {
      sink.reject(line, index, "sample not counted: " + reason);
      st.rejected++;
      return;
    }
    tally.sample(start, elapsed, ok);
    if (na != null) {
      tally.users(Attrs.number(na));
    } else {
      tally.thread(tn);
    }
  }
}
