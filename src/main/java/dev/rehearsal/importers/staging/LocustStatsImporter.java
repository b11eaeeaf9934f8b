package dev.rehearsal.importers.staging;

import dev.rehearsal.importers.ImportContext;
import dev.rehearsal.importers.ImportException;
import dev.rehearsal.importers.ImportSource;
import dev.rehearsal.importers.Importer;
import dev.rehearsal.importers.RecordSink;
import dev.rehearsal.importers.Sniff;
import dev.rehearsal.importers.support.CsvTable;
import dev.rehearsal.model.LoadSummary;
import dev.rehearsal.model.RecordKind;
import dev.rehearsal.model.RunType;
import dev.rehearsal.util.Texts;
import java.io.IOException;
import java.util.Locale;

/**
 * Locust's request statistics CSV ({@code --csv PREFIX}): {@code PREFIX_stats.csv} from 1.0 on
 * (header {@code Type,Name,Request Count,Failure Count,...,Requests/s,Failures/s,50%,...,100%},
 * totals row {@code Aggregated}), and the quoted pre-1.0 files {@code PREFIX_requests.csv} / {@code
 * PREFIX_stats.csv} (header {@code "Method"|"Type","Name","# requests","# failures",...}, totals
 * row {@code "None","Total"}) whose percentiles sit in a second file, {@code
 * PREFIX_distribution.csv} / {@code PREFIX_response_times.csv}, read from beside it when present.
 * One stats file is one load run, figured from its totals row (FORMATS.md §16).
 *
 * <p>A stats CSV has no time of day, no user count and no per-second data: the run time comes from
 * the hints, max VUs stays unknown and peak rps is the mean rate (both noted). A percentile written
 * {@code N/A} stays unknown.
 */
public final class LocustStatsImporter implements Importer {
  static final String SOURCE = "locust";

  @Override
  public String id() {
    return "locust-stats-csv";
  }

  @Override
  public String displayName() {
    return "Locust statistics CSV (PREFIX_stats.csv)";
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
    if (sniff.csvHeaderHas("name", "request count", "failure count", "requests/s")) {
      return CERTAIN;
    }
    if (sniff.csvHeaderHas("name", "# requests", "# failures", "requests/s")) {
      return CERTAIN;
    }
    if (sniff.csvHeaderHas("name", "# requests", "50%", "100%")
        && !sniff.csvHeaderHas("# failures")) {
      return CERTAIN; // the pre-1.0 percentile file
    }
    return NO;
  }

  @Override
  public void parse(ImportSource source, ImportContext ctx, RecordSink sink)
      throws IOException, ImportException {
    RunDraft run = new RunDraft();
    run.type = RunType.LOAD;
    run.noTimeReason = "a Locust stats CSV does not record when the test ran";
    try (CsvTable t = CsvTable.open(source, sink)) {
      readStats(t, run, source, sink);
      t.notes().forEach(sink::warn);
    }
    if (run.load != null) {
      run.emit(this, SOURCE, source, ctx, sink);
    }
  }

  private static void readStats(CsvTable t, RunDraft run, ImportSource source, RecordSink sink)
      throws IOException, ImportException {
    String requestsCol = t.firstPresent("Request Count", "# requests");
    String failuresCol = t.firstPresent("Failure Count", "# failures");
    if (requestsCol != null && failuresCol == null && t.has("50%")) {
      sink.warn(
          "a Locust percentile distribution file: it holds no run of its own; its "
              + "percentiles are read together with the PREFIX_requests.csv or PREFIX_stats.csv "
              + "beside it");
      return;
    }
    if (requestsCol == null || failuresCol == null || !t.has("Name")) {
      throw new ImportException(
          "the header has no 'Name', request count and failure count "
              + "columns: not a Locust stats file",
          1);
    }
    boolean legacy = requestsCol.startsWith("#");
    String typeCol = t.firstPresent("Type", "Method");
    double reqs = 0;
    double fails = 0;
    double rps = 0;
    boolean anyRps = false;
    long rows = 0;
    CsvTable.Row total = null;
    CsvTable.Row row;
    while ((row = t.next()) != null) {
      String name = Texts.cleanId(row.get("Name"));
      String type = typeCol == null ? "" : Texts.cleanId(row.get(typeCol));
      boolean isTotal =
          name.equalsIgnoreCase("Aggregated")
              || name.equalsIgnoreCase("Total")
                  && (type.isEmpty() || type.equalsIgnoreCase("None"));
      Double r = count(row.get(requestsCol));
      Double f = count(row.get(failuresCol));
      if (r == null || f == null) {
        sink.reject(
            row.line(),
            row.index(),
            "row '"
                + Texts.truncate(name, 80)
                + "' not "
                + "read: the request or failure count is "
                + (r == null ? "'" + row.get(requestsCol) + "'" : "'" + row.get(failuresCol) + "'")
                + ", not a number");
        continue;
      }
      if (isTotal) {
        total = row;
        continue;
      }
      rows++;
      reqs += r;
      fails += f;
      double x = Attrs.number(row.get("Requests/s"));
      if (!Double.isNaN(x)) {
        rps += x;
        anyRps = true;
      }
    }
    long requests;
    long failed;
    double meanRps;
    double p95 = Double.NaN;
    double p99 = Double.NaN;
    if (total != null) {
      requests = count(total.get(requestsCol)).longValue();
      failed = count(total.get(failuresCol)).longValue();
      meanRps = Attrs.number(total.get("Requests/s"));
      p95 = percentile(total, "95%", run);
      p99 = percentile(total, "99%", run);
      run.line = total.line();
    } else {
      requests = (long) reqs;
      failed = (long) fails;
      meanRps = anyRps ? rps : Double.NaN;
      run.note(
          "no totals row ('Aggregated' or 'Total'): requests, failures and rps are the "
              + "sums of the "
              + rows
              + " rows; percentiles are not known");
    }
    if (legacy && total != null && Double.isNaN(p95) && Double.isNaN(p99)) {
      double[] fromDistribution = distribution(source, run, sink);
      p95 = fromDistribution[0];
      p99 = fromDistribution[1];
    }
    run.note("peak rps is the mean rate: a Locust stats CSV has no per-second counts");
    run.note("max VUs is not known: a Locust stats CSV does not record the user count");
    run.load = new LoadSummary(requests, failed, meanRps, meanRps, p95, p99, Double.NaN, false);
  }

  private static Double count(String s) {
    double d = Attrs.number(s);
    return Double.isNaN(d) || d < 0 ? null : d;
  }

  private static double percentile(CsvTable.Row row, String col, RunDraft run) {
    String v = row.get(col);
    if (v == null) {
      return Double.NaN;
    }
    if (v.strip().equalsIgnoreCase("N/A")) {
      run.note("the " + col + " percentile is written N/A (no requests): not known");
      return Double.NaN;
    }
    double d = Attrs.number(v);
    if (Double.isNaN(d)) {
      run.note("the " + col + " percentile '" + Texts.truncate(v, 40) + "' is not a number");
    }
    return d;
  }

  /** p95 and p99 of the Total row of the pre-1.0 percentile file beside this one, if any. */
  private static double[] distribution(ImportSource source, RunDraft run, RecordSink sink) {
    double[] out = {Double.NaN, Double.NaN};
    String name = source.fileName();
    String lower = name.toLowerCase(Locale.ROOT);
    String other = null;
    if (lower.endsWith("_requests.csv")) {
      other = name.substring(0, name.length() - "_requests.csv".length()) + "_distribution.csv";
    } else if (lower.endsWith("_stats.csv")) {
      other = name.substring(0, name.length() - "_stats.csv".length()) + "_response_times.csv";
    }
    ImportSource dist = other == null ? null : source.sibling(other);
    if (dist == null) {
      run.note(
          "percentiles are not known: Locust before 1.0 writes them to a separate file"
              + (other == null ? "" : " (" + other + ")")
              + " that is not beside this one");
      return out;
    }
    try (CsvTable t = CsvTable.scan(dist)) {
      CsvTable.Row row;
      while ((row = t.next()) != null) {
        String n = Texts.cleanId(row.get("Name"));
        if (n.equalsIgnoreCase("Total")
            || n.equalsIgnoreCase("None Total")
            || n.equalsIgnoreCase("Aggregated")) {
          out[0] = percentile(row, "95%", run);
          out[1] = percentile(row, "99%", run);
          run.note("percentiles read from " + other);
          return out;
        }
      }
      run.note(other + " has no Total row: percentiles are not known");
    } catch (IOException | ImportException e) {
      sink.warn(other + " cannot be read: " + e.getMessage());
      run.note("percentiles are not known: " + other + " cannot be read");
    }
    return out;
  }
}
