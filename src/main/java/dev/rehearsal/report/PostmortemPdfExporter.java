package dev.rehearsal.report;

import static dev.rehearsal.report.PdfParts.minute;
import static dev.rehearsal.report.PdfParts.t;

import dev.rehearsal.app.IncidentDetails;
import dev.rehearsal.app.Reports;
import dev.rehearsal.app.Sentences;
import dev.rehearsal.app.Session;
import dev.rehearsal.model.DeployLink;
import dev.rehearsal.model.Finding;
import dev.rehearsal.model.Gap;
import dev.rehearsal.model.GapScore;
import dev.rehearsal.model.Incident;
import dev.rehearsal.model.Review;
import dev.rehearsal.report.pdf.Charts;
import dev.rehearsal.report.pdf.Html;
import dev.rehearsal.report.pdf.PdfDocument;
import dev.rehearsal.task.TaskMonitor;
import dev.rehearsal.util.Texts;
import java.awt.Color;
import java.awt.Paint;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The postmortem pack of one incident: the incident, its timeline, the change linked and why, the
 * alternatives the linker weighed, what staging said and why, each gap with its evidence, the
 * review, and questions for the postmortem meeting drawn from the evidence.
 */
public final class PostmortemPdfExporter implements Exporter {
  private static final String[][] OUTLINE = {
    {"incident", "1  The incident"},
    {"change", "2  The change behind it"},
    {"staging", "3  What staging said"},
    {"gaps", "4  The gaps and their evidence"},
    {"review", "5  Review"},
    {"questions", "6  Questions for the meeting"}
  };

  private final Session session;

  public PostmortemPdfExporter(Session session) {
    this.session = session;
  }

  @Override
  public String id() {
    return "postmortem-pdf";
  }

  @Override
  public String displayName() {
    return "Postmortem pack for one incident (PDF)";
  }

  @Override
  public FileType fileType() {
    return FileType.PDF;
  }

  @Override
  public Set<ExportScope.Kind> scopes() {
    return Set.of(ExportScope.Kind.INCIDENT);
  }

  @Override
  public void write(ExportScope scope, Path target, TaskMonitor monitor) throws IOException {
    if (scope.kind() != ExportScope.Kind.INCIDENT) {
      throw new IllegalArgumentException("the postmortem pack is of one incident (--incident)");
    }
    TaskMonitor m = monitor == null ? TaskMonitor.NONE : monitor;
    m.progress(0, -1, "reading the incident");
    Reports.Postmortem p = session.reports().postmortem(scope.incident());
    m.checkCancelled();
    m.progress(0, -1, "laying out the pack");
    PdfDocument doc = new PdfDocument();
    String xhtml = xhtml(p, doc);
    AtomicFile.write(target, out -> doc.write(xhtml, title(p), out));
  }

  static String title(Reports.Postmortem p) {
    Incident i = p.detail().incident();
    return "Postmortem pack: " + handle(i);
  }

  static String handle(Incident i) {
    return i.reference().isEmpty() ? Sentences.shortKey(i.key()) : i.reference();
  }

  /**
   * The sections of a pack, for its bookmarks: an incident not analysed yet has only itself and the
   * questions.
   */
  private static String[][] outline(Finding f) {
    return f == null ? new String[][] {OUTLINE[0], OUTLINE[5]} : OUTLINE;
  }

  String xhtml(Reports.Postmortem p, PdfDocument doc) {
    Html h = new Html();
    Incident i = p.detail().incident();
    Finding f = p.detail().finding();
    PdfParts.begin(h, title(p), PdfDocument.css("Rehearsal \u2014 " + t(title(p))), outline(f));
    h.raw("<h1 id=\"incident\">").text(t(handle(i) + ": " + i.title())).raw("</h1>");
    h.el(
        "p",
        "class=\"muted\"",
        "Postmortem pack made "
            + minute(p.madeAt())
            + " by Rehearsal from the workspace "
            + t(p.workspace()));
    facts(h, p);
    timeline(h, p, doc);
    if (f == null) {
      h.el(
          "p",
          "The incident has not been analysed yet: run rehearsal analyze, then make the pack"
              + " again for the change, the staging verdict and the gaps.");
      questions(h, f);
      PdfParts.end(h);
      return h.toString();
    }
    change(h, p, f);
    staging(h, f);
    gaps(h, f);
    review(h, p);
    questions(h, f);
    PdfParts.end(h);
    return h.toString();
  }

  private static void facts(Html h, Reports.Postmortem p) {
    Incident i = p.detail().incident();
    boolean[] num = {false, false};
    PdfParts.table(h, null, new int[] {22, 78}, num);
    PdfParts.row(h, num, "Source", i.source() + " " + i.sourceId());
    PdfParts.row(h, num, "Services", String.join(", ", p.services()));
    if (!i.severity().isEmpty()) {
      PdfParts.row(h, num, "Severity", i.severity());
    }
    if (!i.status().isEmpty()) {
      PdfParts.row(h, num, "Status", i.status());
    }
    PdfParts.row(h, num, "Onset", minute(i.startedAt()));
    if (i.detectedAt() != null) {
      PdfParts.row(h, num, "Detected", minute(i.detectedAt()));
    }
    PdfParts.row(
        h, num, "Resolved", i.resolvedAt() == null ? "not recorded" : minute(i.resolvedAt()));
    if (!i.url().isEmpty()) {
      PdfParts.row(h, num, "Link", i.url());
    }
    PdfParts.endTable(h);
    if (!i.description().isEmpty()) {
      h.el("h3", "What was recorded");
      h.el("p", t(Texts.truncate(i.description(), 1500)));
    }
  }

  private static void timeline(Html h, Reports.Postmortem p, PdfDocument doc) {
    IncidentDetails.Timeline tl = p.detail().timeline();
    h.el("h2", "Timeline");
    List<String> lanes = new ArrayList<>();
    List<Charts.Mark> marks = new ArrayList<>();
    for (IncidentDetails.Event e : tl.events()) {
      if (e.service().isEmpty()) {
        continue;
      }
      String lane = t(e.service()) + (e.upstream() ? " (upstream)" : "");
      if (!lanes.contains(lane)) {
        lanes.add(lane);
      }
      marks.add(new Charts.Mark(e.at().toEpochMilli(), lane, kind(e)));
    }
    if (lanes.isEmpty()) {
      h.el(
          "p",
          "No deploy or staging run of the incident's services was recorded in the week before"
              + " onset.");
      return;
    }
    Map<String, Paint> kinds = new LinkedHashMap<>();
    kinds.put("linked change", new Color(0xC0, 0x1B, 0x1B));
    kinds.put("production deploy", new Color(0x1F, 0x4E, 0x79));
    kinds.put("staging deploy", new Color(0x59, 0xA1, 0x4F));
    kinds.put("rollback", new Color(0x9C, 0x75, 0x5F));
    kinds.put("other deploy", new Color(0xBA, 0xB0, 0xAC));
    kinds.put("test run passed", new Color(0x76, 0xB7, 0xB2));
    kinds.put("test run failed", new Color(0xE1, 0x57, 0x59));
    kinds.put("load test", new Color(0xF2, 0x8E, 0x2B));
    Incident i = p.detail().incident();
    int height = Math.min(120, 40 + 9 * lanes.size());
    h.raw("<div class=\"chart\">")
        .raw(
            doc.chart(
                "timeline",
                Charts.timeline(
                    lanes,
                    marks,
                    kinds,
                    i.startedAt().toEpochMilli(),
                    i.resolvedAt() == null ? null : i.resolvedAt().toEpochMilli(),
                    tl.from().toEpochMilli(),
                    tl.to().toEpochMilli()),
                height))
        .raw("</div>");
    h.el(
        "p",
        "class=\"note\"",
        "A week before onset to a day after resolution, UTC; the shaded band is the incident,"
            + " from onset to resolution. "
            + tl.events().size()
            + " events.");
  }

  private static String kind(IncidentDetails.Event e) {
    if (e.linked()) {
      return "linked change";
    }
    switch (e.kind()) {
      case PRODUCTION_DEPLOY:
        return "production deploy";
      case STAGING_DEPLOY:
        return "staging deploy";
      case ROLLBACK:
        return "rollback";
      case TEST_RUN:
        return e.failed() ? "test run failed" : "test run passed";
      case LOAD_TEST:
        return "load test";
      default:
        return "other deploy";
    }
  }

  private static void change(Html h, Reports.Postmortem p, Finding f) {
    h.raw("<h1 id=\"change\" class=\"section\">").text(OUTLINE[1][1]).raw("</h1>");
    Reports.Change c = p.change();
    if (c == null) {
      h.el("p", "No change is linked: " + f.effectiveVerdict().label() + ".");
      List<String> why = Sentences.of(f.verdictReasons());
      list(h, why);
    } else if (c.link() != null) {
      DeployLink l = c.link();
      h.raw("<p><b>").text(t(Sentences.change(l))).raw("</b></p>");
      h.el(
          "p",
          "Confidence "
              + Texts.fixed(l.confidence(), 2)
              + (l.explicit() ? "; the incident cites it" : "")
              + (l.byTimeAlone() ? "; a suspect by time alone" : "")
              + (f.guess() ? "; weak enough to be a guess" : "")
              + (l.commitSha().isEmpty() ? "" : "; commit " + l.commitSha())
              + "; deploy "
              + c.deployId()
              + (f.review() != null && f.review().deployKeys() != null
                  ? "; confirmed by review"
                  : ""));
      h.el("h3", "Why this change");
      list(h, Sentences.of(l.reasons()));
      for (var e : l.evidence()) {
        h.open("blockquote").text(t(Sentences.summary(e))).close("blockquote");
      }
    } else {
      h.el(
          "p",
          "The reviewer named the deploy "
              + c.deployId()
              + (c.deploy() == null
                  ? ""
                  : " (" + t(c.service() + " " + c.version()) + " at " + minute(c.at()) + ")")
              + "; the engine had not linked it.");
    }
    h.el("h2", "Alternatives weighed");
    List<DeployLink> alt = p.detail().alternatives();
    if (alt.isEmpty()) {
      h.el("p", "The linker weighed no other deploy.");
      return;
    }
    boolean[] num = {false, true, false};
    PdfParts.table(h, new String[] {"change", "score", "reasons"}, new int[] {34, 9, 57}, num);
    for (DeployLink l : alt) {
      PdfParts.row(
          h,
          num,
          Sentences.change(l),
          Texts.fixed(l.confidence(), 2),
          String.join("; ", Sentences.of(l.reasons())));
    }
    PdfParts.endTable(h);
  }

  private static void staging(Html h, Finding f) {
    h.raw("<h1 id=\"staging\" class=\"section\">").text(OUTLINE[2][1]).raw("</h1>");
    h.raw("<p><b>")
        .text("Verdict: " + f.effectiveVerdict().label())
        .raw("</b>")
        .text(
            f.review() != null && f.review().verdict() != null
                ? " (the reviewer's; the engine said " + f.verdict().label() + ")"
                : "")
        .raw("</p>");
    h.el("h3", "Why");
    list(h, Sentences.of(f.verdictReasons()));
    if (!f.stagingEvidence().isEmpty()) {
      h.el("h3", "Staging's deploys and runs of the change");
      boolean[] num = {false, false};
      PdfParts.table(h, new String[] {"what", "where"}, new int[] {62, 38}, num);
      for (String[] line : Sentences.lines(f.stagingEvidence())) {
        PdfParts.row(h, num, line[0], line[1]);
      }
      PdfParts.endTable(h);
    }
  }

  private static void gaps(Html h, Finding f) {
    h.raw("<h1 id=\"gaps\" class=\"section\">").text(OUTLINE[3][1]).raw("</h1>");
    List<Gap> inForce = f.effectiveGaps();
    if (f.scores().isEmpty()) {
      h.el(
          "p",
          "Gaps are weighed for escapes only; this incident is "
              + f.effectiveVerdict().label()
              + (inForce.isEmpty()
                  ? "."
                  : ", and the reviewer named: "
                      + String.join(", ", inForce.stream().map(Gap::code).toList())
                      + "."));
      return;
    }
    h.el(
        "p",
        "Gaps in force: "
            + (inForce.isEmpty()
                ? "none"
                : String.join(", ", inForce.stream().map(Gap::code).toList()))
            + (f.review() != null && f.review().gaps() != null ? " (the reviewer's)" : "")
            + ". Each gap's score combines the incident's words, what differs between staging"
            + " and production, and, once reviews exist, similar reviewed escapes.");
    List<GapScore> scores = new ArrayList<>(f.scores());
    scores.sort(Comparator.comparingDouble(GapScore::score).reversed());
    for (GapScore s : scores) {
      h.raw("<div class=\"block\">");
      h.raw("<h2>")
          .text(
              s.gap().code()
                  + " \u2014 score "
                  + Texts.fixed(s.score(), 2)
                  + (inForce.contains(s.gap()) ? " (in force)" : ""))
          .raw("</h2>");
      h.el(
          "p",
          "class=\"note\"",
          "words "
              + part(s.text())
              + ", structure "
              + part(s.structure())
              + ", reviewed escapes "
              + part(s.learned()));
      List<String[]> lines = Sentences.lines(s.evidence());
      if (lines.isEmpty()) {
        h.el("p", "No evidence.");
      } else {
        boolean[] num = {false, false};
        PdfParts.table(h, new String[] {"evidence", "from"}, new int[] {55, 45}, num);
        for (String[] line : lines) {
          PdfParts.row(h, num, line[0], line[1]);
        }
        PdfParts.endTable(h);
      }
      h.raw("</div>");
    }
  }

  private static String part(double v) {
    return Double.isNaN(v) ? "\u2013" : Texts.fixed(v, 2);
  }

  private static void review(Html h, Reports.Postmortem p) {
    h.raw("<h1 id=\"review\" class=\"section\">").text(OUTLINE[4][1]).raw("</h1>");
    List<Review> reviews = p.detail().reviews();
    if (reviews.isEmpty()) {
      h.el("p", "Not reviewed yet: the findings above are the engine's.");
      return;
    }
    h.el("p", "Every review, oldest first; the last is in force.");
    List<String> lines = new ArrayList<>();
    for (Review r : reviews) {
      lines.add(Sentences.review(r));
    }
    list(h, lines);
  }

  private static void questions(Html h, Finding f) {
    h.raw("<h1 id=\"questions\" class=\"section\">").text(OUTLINE[5][1]).raw("</h1>");
    List<String> qs = Sentences.questions(f);
    if (qs.isEmpty()) {
      h.el("p", "The evidence raises no particular question.");
      return;
    }
    h.el("p", "Drawn from the evidence above, for the postmortem meeting to answer.");
    h.open("ol");
    for (String q : qs) {
      h.el("li", t(q));
    }
    h.close("ol");
  }

  private static void list(Html h, List<String> items) {
    if (items.isEmpty()) {
      return;
    }
    h.open("ul");
    for (String s : items) {
      h.el("li", t(s));
    }
    h.close("ul");
  }
}
