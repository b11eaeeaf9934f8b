package dev.rehearsal.report;

import dev.rehearsal.app.Reports;
import dev.rehearsal.app.Sentences;
import dev.rehearsal.app.Session;
import dev.rehearsal.model.Finding;
import dev.rehearsal.model.Gap;
import dev.rehearsal.model.GapScore;
import dev.rehearsal.model.Incident;
import dev.rehearsal.model.Review;
import dev.rehearsal.task.TaskMonitor;
import dev.rehearsal.util.Texts;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The incidents of a period, one line each: the incident, the change held responsible, what staging
 * said, the gaps with their scores and one line of evidence for each gap in force, and the review.
 * Reviews win over the engine. Columns: {@link #HEADER}.
 */
public final class IncidentsCsvExporter implements Exporter {
  /** The columns, in order. */
  public static final List<String> HEADER =
      List.of(
          "id",
          "reference",
          "source",
          "title",
          "services",
          "severity",
          "onset",
          "resolved",
          "change_service",
          "change_version",
          "change_commit",
          "change_deploy_id",
          "change_time",
          "confidence",
          "suspect_by_time_alone",
          "verdict",
          "gaps",
          "gap_scores",
          "evidence_data",
          "evidence_traffic",
          "evidence_config",
          "evidence_mocks",
          "review_state",
          "reviewer",
          "note");

  private final Session session;
  private final CsvFormat format;

  public IncidentsCsvExporter(Session session, CsvFormat format) {
    this.session = session;
    this.format = format;
  }

  @Override
  public String id() {
    return "incidents-csv";
  }

  @Override
  public String displayName() {
    return "Incidents (CSV)";
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
      throw new IllegalArgumentException("the incidents CSV covers a period, not one incident");
    }
    TaskMonitor m = monitor == null ? TaskMonitor.NONE : monitor;
    Reports reports = session.reports();
    long[] written = {0};
    // each incident is written as it is read: the file never waits for the whole period in memory
    AtomicFile.write(
        target,
        out -> {
          try (CsvOutput csv = new CsvOutput(out, format)) {
            csv.row(HEADER.toArray(String[]::new));
            written[0] =
                reports.forEachEntry(
                    scope.period(),
                    scope.service(),
                    scope.query(),
                    m,
                    e -> csv.row(row(reports, e)));
          }
        });
    m.progress(written[0], written[0], "written");
  }

  /** One incident's cells, in the order of {@link #HEADER}. */
  static String[] row(Reports reports, Reports.Entry e) throws IOException {
    Incident i = e.incident();
    Finding f = e.finding();
    Reports.Change c = reports.change(f).orElse(null);
    Review r = e.review();
    String[] evidence = new String[4];
    List<GapScore> scores = new ArrayList<>();
    if (f != null && e.escape()) {
      scores.addAll(f.scores());
      scores.sort(Comparator.comparingDouble(GapScore::score).reversed());
      Gap[] real = Gap.real();
      for (int k = 0; k < real.length; k++) {
        if (e.gaps().contains(real[k])) {
          for (GapScore s : scores) {
            if (s.gap() == real[k]) {
              evidence[k] = Sentences.oneLine(s);
            }
          }
        }
      }
    }
    List<String> scored = new ArrayList<>();
    for (GapScore s : scores) {
      scored.add(Sentences.scored(s));
    }
    boolean byTime =
        f != null
            && c != null
            && c.link() != null
            && c.link().byTimeAlone()
            && (r == null || r.deployKeys() == null);
    return new String[] {
      Sentences.shortKey(i.key()),
      i.reference(),
      i.source(),
      i.title(),
      String.join(", ", e.services()),
      i.severity(),
      time(i.startedAt()),
      time(i.resolvedAt()),
      c == null ? "" : c.service(),
      c == null ? "" : c.version(),
      c == null ? "" : c.commit(),
      c == null ? "" : c.deployId(),
      c == null ? "" : time(c.at()),
      f == null || f.links().isEmpty() ? "" : Texts.fixed(f.confidence(), 2),
      f == null ? "" : byTime ? "yes" : "no",
      e.verdict() == null ? "" : e.verdict().name().toLowerCase(Locale.ROOT),
      String.join(", ", e.gaps().stream().map(Gap::code).toList()),
      String.join(", ", scored),
      evidence[0],
      evidence[1],
      evidence[2],
      evidence[3],
      f == null ? "not analysed" : r == null ? "unreviewed" : "reviewed",
      r == null ? "" : r.reviewer(),
      r == null ? "" : r.note()
    };
  }

  static String time(Instant t) {
    return t == null ? "" : t.toString();
  }
}
