package dev.rehearsal.importers.staging;

import dev.rehearsal.importers.ImportContext;
import dev.rehearsal.importers.ImportException;
import dev.rehearsal.importers.ImportSource;
import dev.rehearsal.importers.Importer;
import dev.rehearsal.importers.RecordSink;
import dev.rehearsal.importers.Sniff;
import dev.rehearsal.importers.support.TimeParseException;
import dev.rehearsal.importers.support.TimeParser;
import dev.rehearsal.model.RecordKind;
import dev.rehearsal.model.RunType;
import dev.rehearsal.util.Texts;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * JMeter results saved as CSV ({@code .jtl} or {@code .csv}), with or without the header line. One
 * file is one load run; each row is one sample (request). Without a header the columns are read in
 * JMeter's default order ({@code timeStamp, elapsed, label, responseCode, responseMessage,
 * threadName, dataType, success, ...}). Rows written by a Transaction Controller (message "Number
 * of samples in transaction ...") summarise other rows and are not counted as requests. A row that
 * cannot be read is rejected with its line; the rest still count.
 */
public final class JMeterCsvImporter implements Importer {
  static final String SOURCE = "jmeter";

  private static final Pattern HEADERLESS =
      Pattern.compile(
          "\\s*(\\d{10,13}|\\d{4}[-/]\\d{1,2}[-/]\\d{1,2}[ T]\\d{1,2}:\\d{2}:\\d{2}(?:[.,]\\d+)?)"
              + "\\s*[,;\\t]\\s*-?\\d+\\s*[,;\\t].*");

  /**
   * A cell that is true or false after the first (JMeter's success column), found with {@code
   * find}: written as "anything, then the cell, then anything" and matched whole, a long line made
   * the matcher try every separator against every rest of the line.
   */
  private static final Pattern BOOLEAN_CELL =
      Pattern.compile("[,;\\t]\\s*(?i:true|false)\\s*(?:[,;\\t]|$)");

  private static final String TRANSACTION = "number of samples in transaction";

  @Override
  public String id() {
    return "jmeter-jtl-csv";
  }

  @Override
  public String displayName() {
    return "JMeter results (JTL/CSV)";
  }

  @Override
  public RecordKind kind() {
    return RecordKind.STAGING_RUN;
  }

  @Override
  public int recognizes(Sniff sniff) {
    if (sniff.isBinary() || sniff.looksLikeJson() || sniff.looksLikeXml()) {
      return NO;
    }
    if (sniff.csvHeaderHas("timestamp", "elapsed")
        && (sniff.csvHeaderHas("label") || sniff.csvHeaderHas("success"))) {
      return CERTAIN;
    }
    for (String line : sniff.lines(3)) {
      if (line.isBlank()) {
        continue;
      }
      if (HEADERLESS.matcher(line).matches() && BOOLEAN_CELL.matcher(line).find()) {
        return LIKELY;
      }
      break;
    }
    return NO;
  }

  @Override
  public void parse(ImportSource source, ImportContext ctx, RecordSink sink)
      throws IOException, ImportException {
    RunDraft run = new RunDraft();
    run.type = RunType.LOAD;
    run.noTimeReason = "the file holds no readable sample";
    LoadTally tally = new LoadTally();
    Map<String, Integer> col = new HashMap<>();
    long transactions = 0;
    long rejected = 0;
    long rowIndex = 0;
    boolean noSuccess = false;
    try (CsvLines csv = CsvLines.open(source, sink)) {
      CsvLines.Row row = csv.next();
      if (row == null) {
        throw new ImportException("the file is empty", 1);
      }
      if (row.problem() != null) {
        throw new ImportException("the first row cannot be read: " + row.problem(), row.line());
      }
      if (isHeader(row.cells())) {
        for (int i = 0; i < row.cells().length; i++) {
          col.putIfAbsent(Texts.cleanId(row.cells()[i]).toLowerCase(Locale.ROOT), i);
        }
        if (!col.containsKey("timestamp") || !col.containsKey("elapsed")) {
          throw new ImportException(
              "the header has no 'timeStamp' and 'elapsed' columns: " + "not a JMeter results file",
              row.line());
        }
        if (!col.containsKey("success")) {
          noSuccess = true;
          run.note("the file has no 'success' column: every sample counted as successful");
        }
        row = csv.next();
      } else {
        String[] defaults = {
          "timestamp",
          "elapsed",
          "label",
          "responsecode",
          "responsemessage",
          "threadname",
          "datatype",
          "success"
        };
        for (int i = 0; i < defaults.length; i++) {
          col.put(defaults[i], i);
        }
        run.note(
            "the file has no header line: columns read in JMeter's default order "
                + "(timeStamp, elapsed, label, responseCode, responseMessage, threadName, dataType, "
                + "success)");
      }
      int ts = col.get("timestamp");
      int el = col.get("elapsed");
      int ok = col.getOrDefault("success", -1);
      int msg = col.getOrDefault("responsemessage", -1);
      int thread = col.getOrDefault("threadname", -1);
      int all = col.getOrDefault("allthreads", -1);
      for (; row != null; row = csv.next()) {
        long index = rowIndex++;
        String reason = row.problem();
        String rawTs = row.cell(ts);
        String rawEl = row.cell(el);
        Long start = null;
        Long elapsed = null;
        Boolean success = null;
        if (reason != null) {
          // a row that could not be read as cells: rejected below
        } else if (rawTs == null || rawTs.isBlank()) {
          reason = "no 'timeStamp'";
        } else {
          try {
            start = startMillis(rawTs.strip(), ctx, run);
          } catch (TimeParseException e) {
            reason = e.getMessage();
          }
        }
        if (reason == null) {
          elapsed = Attrs.longOrNull(rawEl);
          if (elapsed == null || elapsed < 0) {
            reason =
                "'elapsed' is "
                    + (rawEl == null ? "missing" : "'" + Texts.truncate(rawEl, 40) + "'")
                    + ", not a number of milliseconds";
          }
        }
        if (reason == null && ok >= 0) {
          String s = row.cell(ok);
          if (s != null && s.strip().equalsIgnoreCase("true")) {
            success = true;
          } else if (s != null && s.strip().equalsIgnoreCase("false")) {
            success = false;
          } else {
            reason =
                "'success' is "
                    + (s == null ? "missing" : "'" + Texts.truncate(s, 40) + "'")
                    + ", not true or false";
          }
        }
        if (reason != null) {
          sink.reject(row.line(), index, "sample not counted: " + reason);
          rejected++;
          continue;
        }
        String m = row.cell(msg);
        if (m != null && m.strip().toLowerCase(Locale.ROOT).startsWith(TRANSACTION)) {
          transactions++;
          continue;
        }
        tally.sample(start, elapsed, noSuccess || success);
        if (all >= 0) {
          tally.users(Attrs.number(row.cell(all)));
        } else if (thread >= 0) {
          tally.thread(row.cell(thread));
        }
        if ((rowIndex & 65535) == 0) {
          ctx.monitor().checkCancelled();
        }
      }
    }
    if (transactions > 0) {
      run.note(
          transactions
              + " Transaction Controller row(s) summarise other samples and are "
              + "not counted as requests");
    }
    if (rejected > 0) {
      run.note(
          rejected
              + " sample row(s) could not be read and are not counted (see the "
              + "rejections)");
    }
    finish(run, tally, source, ctx, sink, this);
  }

  /** Sets time, duration and load on the draft and emits it. */
  static void finish(
      RunDraft run,
      LoadTally tally,
      ImportSource source,
      ImportContext ctx,
      RecordSink sink,
      Importer importer) {
    Long first = tally.firstStart();
    if (first != null) {
      run.startedAt = Instant.ofEpochMilli(first);
      run.durationSeconds = tally.spanSeconds();
    }
    run.load = tally.summary(false, run);
    run.emit(importer, SOURCE, source, ctx, sink);
  }

  private static boolean isHeader(String[] cells) {
    for (String c : cells) {
      String t = Texts.cleanId(c).toLowerCase(Locale.ROOT);
      if (t.equals("timestamp") || t.equals("elapsed")) {
        return true;
      }
    }
    return false;
  }

  /** Epoch milliseconds from JMeter's timeStamp: epoch millis, or a formatted date-time. */
  static long startMillis(String raw, ImportContext ctx, RunDraft run) throws TimeParseException {
    boolean digits = !raw.isEmpty() && raw.length() <= 19;
    for (int i = 0; i < raw.length() && digits; i++) {
      digits = Character.isDigit(raw.charAt(i));
    }
    if (digits) {
      long v = Long.parseLong(raw);
      if (v < 100_000_000L) {
        throw new TimeParseException("'" + raw + "' is too small to be an epoch time");
      }
      return TimeParser.epochNumber(v).toEpochMilli();
    }
    return ctx.instant(raw, run.notes).toEpochMilli();
  }
}
