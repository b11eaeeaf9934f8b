package dev.rehearsal.report;

import dev.rehearsal.analysis.Aggregates;
import dev.rehearsal.app.Session;
import dev.rehearsal.model.Gap;
import dev.rehearsal.task.TaskMonitor;
import dev.rehearsal.util.Texts;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The figures of a period, quarter by service by gap: incidents, change-related incidents, escapes
 * (through the gap, or all of them on the row whose gap is "all"), the escape rate and staging's
 * fidelity on the gap (docs/decisions/0005-aggregates.md). Each quarter starts with the row of all
 * services together. Columns: {@link #HEADER}.
 */
public final class AggregatesCsvExporter implements Exporter {
  /** The columns, in order. */
  public static final List<String> HEADER =
      List.of(
          "quarter",
          "service",
          "gap",
          "incidents",
          "change_related",
          "escapes",
          "escape_rate",
          "fidelity");

  /** The service column of the row that adds up every service. */
  public static final String ALL_SERVICES = "(all services)";

  private final Session session;
  private final CsvFormat format;

  public AggregatesCsvExporter(Session session, CsvFormat format) {
    this.session = session;
    this.format = format;
  }

  @Override
  public String id() {
    return "aggregates-csv";
  }

  @Override
  public String displayName() {
    return "Figures by quarter, service and gap (CSV)";
  }

  @Override
  public FileType fileType() {
    return FileType.CSV;
  }

  @Override
  public Set<ExportScope.Kind> scopes() {
    return Set.of(ExportScope.Kind.PERIOD);
  }

  @Override
  public void write(ExportScope scope, Path target, TaskMonitor monitor) throws IOException {
    if (scope.kind() != ExportScope.Kind.PERIOD) {
      throw new IllegalArgumentException("the figures CSV covers a period, not one incident");
    }
    TaskMonitor m = monitor == null ? TaskMonitor.NONE : monitor;
    m.progress(0, -1, "reading findings");
    // counted as they are read, so the findings of a whole workspace are never held at once; and
    // read without their scores: the file gives fidelity as a figure, not what its evidence names
    Aggregates.Quarters counts =
        new Aggregates.Quarters(scope.period().from(), scope.period().to(), false);
    session
        .reports()
        .forEachFindingToCount(scope.period(), scope.service(), scope.query(), counts::add);
    m.checkCancelled();
    String service = scope.service() == null || scope.service().isBlank() ? null : scope.service();
    List<Aggregates> quarters = counts.figures(session.workspace(), service);
    AtomicFile.write(
        target,
        out -> {
          try (CsvOutput csv = new CsvOutput(out, format)) {
            csv.row(HEADER.toArray(String[]::new));
            for (Aggregates q : quarters) {
              m.checkCancelled();
              String quarter = q.quarters().isEmpty() ? "" : q.quarters().get(0).quarter();
              rows(csv, quarter, ALL_SERVICES, q.total(), null);
              for (Aggregates.ServiceFigures s : q.services()) {
                rows(csv, quarter, s.service(), s.figures(), s);
              }
            }
          }
        });
  }

  private static void rows(
      CsvOutput csv,
      String quarter,
      String service,
      Aggregates.Figures f,
      Aggregates.ServiceFigures s) {
    csv.row(
        quarter,
        service,
        "all",
        Long.toString(f.incidents()),
        Long.toString(f.changeRelated()),
        Long.toString(f.escapes()),
        rate(f.escapes(), f.changeRelated()),
        "");
    for (Gap g : Gap.values()) {
      long escapes = f.escapesByGap().getOrDefault(g, 0L);
      String fidelity = "";
      if (g != Gap.UNEXPLAINED) {
        if (s == null) {
          fidelity = f.changeRelated() == 0 ? "" : share(1 - (double) escapes / f.changeRelated());
        } else {
          Double score = s.fidelity().get(g).score();
          fidelity = score == null ? "" : share(score);
        }
      }
      csv.row(
          quarter,
          service,
          g.code(),
          Long.toString(f.incidents()),
          Long.toString(f.changeRelated()),
          Long.toString(escapes),
          rate(escapes, f.changeRelated()),
          fidelity);
    }
  }

  private static String rate(long part, long of) {
    return of == 0 ? "" : share((double) part / of);
  }

  private static String share(double v) {
    return Texts.fixed(v, 4);
  }
}
