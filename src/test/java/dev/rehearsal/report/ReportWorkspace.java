package dev.rehearsal.report;

import dev.rehearsal.Records;
import dev.rehearsal.app.Session;
import dev.rehearsal.model.DeployLink;
import dev.rehearsal.model.DeployStatus;
import dev.rehearsal.model.Evidence;
import dev.rehearsal.model.Finding;
import dev.rehearsal.model.Gap;
import dev.rehearsal.model.GapScore;
import dev.rehearsal.model.Incident;
import dev.rehearsal.model.Reason;
import dev.rehearsal.model.Review;
import dev.rehearsal.model.Verdict;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * A small workspace with a known answer for the report tests: four incidents of 2026-Q3 (two
 * escapes, one reviewed; one not caused by a change; one not analysed) and one of 2026-Q2, with
 * titles that hold formulas, accents, Greek, Cyrillic, CJK, Hangul and an emoji.
 */
final class ReportWorkspace {
  static final String CJK_TITLE = "結帳服務 タイムアウト 결제 지연 — Ωmega Жёлтый café";
  static final String FORMULA_TITLE = "=HYPERLINK(\"http://evil\",\"click\")";
  static final String EMOJI_TITLE = "Checkout down 🔥🔥 again 👩‍💻";
  static final String LONG_TITLE =
      "Checkout latency rose for customers paying with saved cards while the pool of database"
          + " connections stayed at its staging size, which nobody had changed since the"
          + " migration, and retries made it worse across every region for several hours";

  private ReportWorkspace() {}

  static Incident incident(String id, String title, String service, String onset) {
    Incident i = Records.incident(id, title, "Recorded by the on-call engineer.", service, onset);
    return new Incident(
        i.source(),
        i.sourceId(),
        "OPS-" + id,
        i.title(),
        i.description(),
        i.postmortem(),
        i.services(),
        i.environment(),
        i.severity(),
        i.status(),
        i.startedAt(),
        null,
        i.startedAt().plusSeconds(3600),
        i.labels(),
        i.url(),
        i.provenance());
  }

  static DeployLink link(String id, String service, String version, String at, boolean byTime) {
    return new DeployLink(
        "deploy/gitlab/" + id,
        service,
        version,
        "abcdef1234567890",
        "production",
        Instant.parse(at),
        byTime ? 0.55 : 0.91,
        false,
        byTime,
        List.of(
            new Reason(
                Reason.Code.SAME_SERVICE,
                java.util.Map.of(
                    "service", service,
                    "version", version,
                    "env", "production",
                    "at", at,
                    "beforeMs", "1800000"))),
        List.of());
  }

  static Finding escape(
      Incident i, DeployLink l, List<Gap> gaps, List<GapScore> scores, Review review) {
    return new Finding(
        i.key(),
        i.startedAt(),
        i.services(),
        List.of(l),
        l.confidence(),
        false,
        Verdict.ESCAPE,
        List.of(),
        gaps,
        scores,
        List.of(),
        review,
        List.of());
  }

  /** Fills the workspace at {@code dir}. */
  static void fill(Path dir) throws IOException {
    try (Session s = Session.openOrCreate(dir)) {
      var w = s.workspace().writes();
      Incident a = incident("101", CJK_TITLE, "checkout", "2026-07-10T08:00:00Z");
      Incident b = incident("102", FORMULA_TITLE, "payments", "2026-08-01T12:00:00Z");
      Incident c = incident("103", EMOJI_TITLE, "checkout", "2026-09-02T16:30:00Z");
      Incident d = incident("104", LONG_TITLE, "search", "2026-09-20T09:00:00Z");
      Incident e = incident("099", "Search slow in spring", "search", "2026-05-03T10:00:00Z");
      for (Incident i : List.of(a, b, c, d, e)) {
        w.upsert(i);
      }
      w.upsert(
          Records.deploy(
              "7001",
              "checkout",
              "production",
              "4.2.0",
              "abcdef1234567890",
              "2026-07-10T07:30:00Z",
              DeployStatus.SUCCEEDED));
      w.upsert(
          Records.deploy(
              "7002",
              "checkout",
              "production",
              "4.3.0",
              "abcdef1234567890",
              "2026-09-02T16:00:00Z",
              DeployStatus.SUCCEEDED));
      GapScore config =
          new GapScore(
              Gap.CONFIG,
              0.82,
              0.4,
              0.9,
              Double.NaN,
              List.of(
                  new Evidence.ConfigDrift(
                      "db.pool.max",
                      "50",
                      "10",
                      Instant.parse("2026-07-01T00:00:00Z"),
                      Instant.parse("2026-07-01T00:00:00Z"),
                      true)));
      GapScore traffic =
          new GapScore(
              Gap.TRAFFIC,
              0.31,
              0.2,
              0.3,
              Double.NaN,
              List.of(
                  new Evidence.TrafficPeak(
                      "checkout",
                      2400,
                      Instant.parse("2026-07-10T00:00:00Z"),
                      800,
                      300,
                      true,
                      new Evidence.LoadTest(
                          "k6",
                          "checkout-peak",
                          "4.2.0",
                          Instant.parse("2026-07-09T12:00:00Z"),
                          "k6/checkout-peak.json"))));
      w.putFinding(
          escape(
              a,
              link("7001", "checkout", "4.2.0", "2026-07-10T07:30:00Z", false),
              List.of(Gap.CONFIG),
              List.of(config, traffic),
              null));
      GapScore mocks =
          new GapScore(
              Gap.MOCKS,
              0.7,
              0.5,
              0.8,
              Double.NaN,
              List.of(
                  new Evidence.MockedDependency(
                      "stripe", "wiremock: 3 stubs", Evidence.PointedBy.NAME, "stripe")));
      Review review =
          new Review(
              c.key(),
              null,
              null,
              List.of(Gap.MOCKS),
              "@ops: the mock never times out",
              "Zoë",
              Instant.parse("2026-09-05T10:00:00Z"));
      w.putReview(review);
      w.putFinding(
          escape(
              c,
              link("7002", "checkout", "4.3.0", "2026-09-02T16:00:00Z", true),
              List.of(Gap.UNEXPLAINED),
              List.of(mocks),
              review));
      w.putFinding(
          new Finding(
              b.key(),
              b.startedAt(),
              List.of("payments"),
              List.of(),
              0,
              false,
              Verdict.NOT_CHANGE_RELATED,
              List.of(new Reason(Reason.Code.TEXT_SILENT, java.util.Map.of())),
              List.of(),
              List.of(),
              List.of(),
              null,
              List.of()));
      w.putFinding(
          new Finding(
              e.key(),
              e.startedAt(),
              List.of("search"),
              List.of(),
              0,
              false,
              Verdict.NOT_CHANGE_RELATED,
              List.of(),
              List.of(),
              List.of(),
              List.of(),
              null,
              List.of()));
      w.commit();
    }
  }
}
