package dev.rehearsal.report;

import static dev.rehearsal.report.PdfParts.day;
import static dev.rehearsal.report.PdfParts.minute;
import static dev.rehearsal.report.PdfParts.n;
import static dev.rehearsal.report.PdfParts.pct;
import static dev.rehearsal.report.PdfParts.t;

import dev.rehearsal.analysis.Aggregates;
import dev.rehearsal.app.Reports;
import dev.rehearsal.app.Sentences;
import dev.rehearsal.app.Session;
import dev.rehearsal.model.Gap;
import dev.rehearsal.model.GapScore;
import dev.rehearsal.report.pdf.Charts;
import dev.rehearsal.report.pdf.Html;
import dev.rehearsal.report.pdf.PdfDocument;
import dev.rehearsal.task.TaskMonitor;
import dev.rehearsal.util.Texts;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The quarterly staging-escape report: a cover with the period, the workspace and when it was made;
 * the headline figures against the previous period; charts of escapes per quarter by gap, the
 * escape rate and escapes by service; the staging-fidelity scorecard with what to fix first and the
 * evidence behind it; repeat offenders; the period's escapes with their change, verdict, gap and
 * one line of evidence; and an appendix with the rules, settings, data sources and measured
 * agreement with reviewers, so a reader can judge the method.
 */
public final class QuarterlyPdfExporter implements Exporter {
  /** Escapes listed in the table; the rest are counted and left to the CSV. */
  static final int MAX_ESCAPE_ROWS = 400;

  /** Services in the scorecard and the chart of escapes by service. */
  static final int MAX_SERVICES = 15;

  /** Weak spots listed under "what to fix first". */
  static final int FIX_FIRST = 5;

  private static final String[][] OUTLINE = {
    {"headline", "1  Headline figures"},
    {"trends", "2  Trends"},
    {"fidelity", "3  Staging fidelity: what to fix first"},
    {"offenders", "4  Repeat offenders"},
    {"escapes", "5  The period's escapes"},
    {"method", "Appendix: how these figures were made"}
  };

  private final Session session;

  public QuarterlyPdfExporter(Session session) {
    this.session = session;
  }

  @Override
  public String id() {
    return "quarterly-pdf";
  }

  @Override
  public String displayName() {
    return "Quarterly staging-escape report (PDF)";
  }

  @Override
  public FileType fileType() {
    return FileType.PDF;
  }

  @Override
  public Set<ExportScope.Kind> scopes() {
    return Set.of(ExportScope.Kind.PERIOD);
  }

  @Override
  public void write(ExportScope scope, Path target, TaskMonitor monitor) throws IOException {
    if (scope.kind() != ExportScope.Kind.PERIOD) {
      throw new IllegalArgumentException("the quarterly report covers a period, not one incident");
    }
    TaskMonitor m = monitor == null ? TaskMonitor.NONE : monitor;
    Reports.Quarterly q =
        session.reports().quarterly(scope.period(), scope.service(), scope.query(), m);
    m.checkCancelled();
    m.progress(0, -1, "laying out the report");
    PdfDocument doc = new PdfDocument();
    String xhtml = xhtml(q, doc);
    AtomicFile.write(target, out -> doc.write(xhtml, title(q), out));
  }

  /**
   * The sections of a report, for its bookmarks and its table of contents alike: a period with
   * nothing to report has only its note and the appendix.
   */
  private static String[][] outline(Reports.Quarterly q) {
    return q.empty() ? new String[][] {{"headline", "Nothing to report"}, OUTLINE[5]} : OUTLINE;
  }

  static String title(Reports.Quarterly q) {
    return "Staging escapes, "
        + q.period().label()
        + (q.service() == null ? "" : " \u2014 " + q.service());
  }

  String xhtml(Reports.Quarterly q, PdfDocument doc) throws IOException {
    Html h = new Html();
    String title = title(q);
    PdfParts.begin(h, title, PdfDocument.css("Rehearsal \u2014 " + t(title)), outline(q));
    cover(h, q);
    if (q.empty()) {
      h.raw("<h1 id=\"headline\">").text(outline(q)[0][1]).raw("</h1>");
      h.el(
          "p",
          q.inventory().records().get("incident").count() == 0
              ? "The workspace holds no incidents at all. Import incident, deploy and staging"
                  + " records (rehearsal import), run the analysis (rehearsal analyze) and make"
                  + " the report again."
              : "No incident of the workspace began in "
                  + q.period().label()
                  + (q.service() == null ? "" : " on " + t(q.service()))
                  + (q.query().isEmpty() ? "" : " matching \u201c" + t(q.query()) + "\u201d")
                  + ", so there are no escapes to report for it.");
      appendix(h, q);
      PdfParts.end(h);
      return h.toString();
    }
    headline(h, q);
    trends(h, q, doc);
    fidelity(h, q);
    offenders(h, q);
    escapes(h, q);
    appendix(h, q);
    PdfParts.end(h);
    return h.toString();
  }

  private static void cover(Html h, Reports.Quarterly q) {
    h.raw("<div class=\"cover\">");
    h.el("h1", "Staging escapes");
    h.el(
        "p",
        "class=\"sub\"",
        "Incidents caused by changes that passed staging, and the gaps" + " that let them through");
    h.raw("<table class=\"facts\">");
    fact(h, "Period", q.period().label() + periodSpan(q));
    if (q.service() != null) {
      fact(h, "Service", t(q.service()));
    }
    if (!q.query().isEmpty()) {
      fact(h, "Incidents matching", t(q.query()));
    }
    fact(h, "Workspace", t(q.workspace()) + (q.inventory().demo() ? " (demo data)" : ""));
    fact(h, "Made", minute(q.madeAt()) + " by Rehearsal");
    h.raw("</table>");
    h.raw("</div>");
    PdfParts.toc(h, outline(q));
  }

  private static String periodSpan(Reports.Quarterly q) {
    if (q.period().from() == null || q.period().to() == null) {
      return "";
    }
    return " ("
        + day(q.period().from())
        + " to "
        + day(q.period().to().minusSeconds(1))
        + ", by incident onset, UTC)";
  }

  private static void fact(Html h, String name, String value) {
    h.open("tr").el("td", "class=\"muted\"", name).el("td", value).close("tr");
  }

  private static void headline(Html h, Reports.Quarterly q) {
    h.raw("<h1 id=\"headline\">").text(OUTLINE[0][1]).raw("</h1>");
    Aggregates.Figures f = q.figures().total();
    Aggregates.Figures p = q.previous() == null ? null : q.previous().total();
    h.raw("<table class=\"figures\"><tr>");
    for (String big :
        new String[] {
          n(f.incidents()), n(f.changeRelated()), n(f.escapes()), pct(f.escapeRate())
        }) {
      h.el("td", "class=\"big\"", big);
    }
    h.raw("</tr><tr>");
    for (String label :
        new String[] {"incidents", "caused by a change", "escapes", "escape rate"}) {
      h.el("td", "class=\"muted\"", label);
    }
    h.raw("</tr></table>");
    h.el(
        "p",
        "An escape is an incident caused by a change that was deployed to staging, tested there,"
            + " passed, and still broke production. The escape rate is escapes among the"
            + " incidents caused by a change.");
    boolean[] num = {false, true, true, true};
    PdfParts.table(
        h,
        new String[] {
          "",
          q.period().label(),
          q.previous() == null ? "previous period" : q.period().previous().label(),
          "change"
        },
        new int[] {34, 22, 22, 22},
        num);
    row(h, num, "Incidents", f.incidents(), p == null ? null : p.incidents());
    row(h, num, "Caused by a change", f.changeRelated(), p == null ? null : p.changeRelated());
    row(h, num, "Escapes", f.escapes(), p == null ? null : p.escapes());
    PdfParts.row(
        h,
        num,
        "Escape rate",
        pct(f.escapeRate()),
        p == null ? "\u2013" : pct(p.escapeRate()),
        p == null || f.escapeRate() == null || p.escapeRate() == null
            ? "\u2013"
            : points(f.escapeRate() - p.escapeRate()));
    PdfParts.row(
        h,
        num,
        "Change failure rate",
        pct(f.changeFailureRate()),
        p == null ? "\u2013" : pct(p.changeFailureRate()),
        p == null || f.changeFailureRate() == null || p.changeFailureRate() == null
            ? "\u2013"
            : points(f.changeFailureRate() - p.changeFailureRate()));
    for (Gap g : Gap.values()) {
      row(
          h,
          num,
          "Escapes through " + g.code(),
          f.escapesByGap().getOrDefault(g, 0L),
          p == null ? null : p.escapesByGap().getOrDefault(g, 0L));
    }
    PdfParts.endTable(h);
    h.el(
        "p",
        "class=\"note\"",
        "An escape with two gaps counts for both. The change failure rate is the share of"
            + " production deploys that caused an incident ("
            + n(f.failedChanges())
            + " of "
            + n(f.productionDeploys())
            + ").");
  }

  private static void row(Html h, boolean[] num, String label, long now, Long before) {
    PdfParts.row(
        h,
        num,
        label,
        n(now),
        before == null ? "\u2013" : n(before),
        before == null ? "\u2013" : signed(now - before));
  }

  private static String signed(long d) {
    return d > 0 ? "+" + n(d) : d < 0 ? "\u2212" + n(-d) : "0";
  }

  private static String points(double d) {
    String v = Texts.fixed(Math.abs(d) * 100, 1);
    return (d > 0 ? "+" : d < 0 ? "\u2212" : "") + v + " points";
  }

  private static void trends(Html h, Reports.Quarterly q, PdfDocument doc) {
    h.raw("<h1 id=\"trends\" class=\"section\">").text(OUTLINE[1][1]).raw("</h1>");
    Map<String, Map<Gap, Long>> byGap = new LinkedHashMap<>();
    Map<String, Double> rate = new LinkedHashMap<>();
    for (Aggregates.Period p : q.history().quarters()) {
      byGap.put(p.quarter(), p.figures().escapesByGap());
      rate.put(p.quarter(), p.figures().escapeRate());
    }
    h.el("h2", "Escapes per quarter, by gap");
    h.raw("<div class=\"chart\">").raw(doc.chart("by-gap", Charts.escapesByGap(byGap), 72));
    h.raw("</div>");
    h.el("h2", "Escape rate per quarter");
    h.raw("<div class=\"chart\">")
        .raw(doc.chart("rate", Charts.escapeRate(rate), 58))
        .raw("</div>");
    Map<String, Long> byService = new LinkedHashMap<>();
    q.figures().services().stream()
        .filter(s -> s.figures().escapes() > 0)
        .limit(MAX_SERVICES)
        .forEach(s -> byService.put(t(s.service()), s.figures().escapes()));
    h.el("h2", "Escapes by service, " + q.period().label());
    if (byService.isEmpty()) {
      h.el("p", "No escapes in the period.");
    } else {
      int height = Math.min(110, 22 + 7 * byService.size());
      h.raw("<div class=\"chart\">")
          .raw(doc.chart("by-service", Charts.escapesByService(byService), height))
          .raw("</div>");
    }
    h.el(
        "p",
        "class=\"note\"",
        "The charts reach back "
            + Reports.HISTORY_QUARTERS
            + " quarters where the workspace has them; reviews win over the engine's findings.");
  }

  private static void fidelity(Html h, Reports.Quarterly q) {
    h.raw("<h1 id=\"fidelity\" class=\"section\">").text(OUTLINE[2][1]).raw("</h1>");
    h.el(
        "p",
        "Staging's fidelity on a gap is one minus the share of a service's change-related"
            + " incidents that escaped through that gap: 100 % means none did. A dash: too few"
            + " change-related incidents to say.");
    List<Aggregates.ServiceFigures> services =
        q.figures().services().stream()
            .filter(s -> s.figures().changeRelated() > 0)
            .limit(MAX_SERVICES)
            .toList();
    h.el("h2", "What to fix first");
    List<Weak> weak = weakest(q);
    if (weak.isEmpty()) {
      h.el("p", "No service escaped through a gap in the period.");
    } else {
      h.open("ul");
      for (Weak w : weak) {
        Aggregates.Fidelity fi = w.service().fidelity().get(w.gap());
        h.open("li").raw("<span class=\"gap\">");
        h.text(t(w.service().service()) + ", " + w.gap().code() + ": ");
        h.raw("</span>");
        h.text(
            n(fi.escapes())
                + (fi.escapes() == 1 ? " escape" : " escapes")
                + ", fidelity "
                + pct(fi.score())
                + (fi.contributors().isEmpty()
                    ? ""
                    : "; named most: "
                        + fi.contributors().stream()
                            .map(c -> t(c.subject()) + " (" + c.escapes() + ")")
                            .collect(Collectors.joining(", "))));
        for (String[] ev : w.evidence()) {
          h.open("blockquote").text(t(ev[0]) + ": " + t(ev[1])).close("blockquote");
        }
        h.close("li");
      }
      h.close("ul");
    }
    h.el("h2", "Scorecard");
    boolean[] num = {false, true, true, true, true, true, true};
    PdfParts.table(
        h,
        new String[] {"service", "change-related", "escapes", "data", "traffic", "config", "mocks"},
        new int[] {28, 14, 10, 12, 12, 12, 12},
        num);
    for (Aggregates.ServiceFigures s : services) {
      List<String> cells = new ArrayList<>();
      cells.add(s.service());
      cells.add(n(s.figures().changeRelated()));
      cells.add(n(s.figures().escapes()));
      for (Gap g : Gap.real()) {
        Aggregates.Fidelity fi = s.fidelity().get(g);
        cells.add(fi.score() == null ? "\u2013" : pct(fi.score()) + " (" + fi.escapes() + ")");
      }
      PdfParts.row(h, num, cells.toArray(String[]::new));
    }
    PdfParts.endTable(h);
    int more =
        (int) q.figures().services().stream().filter(s -> s.figures().changeRelated() > 0).count()
            - services.size();
    h.el(
        "p",
        "class=\"note\"",
        "Fidelity, with the escapes through the gap in brackets; services with the most escapes"
            + " first"
            + (more > 0 ? "; " + more + " more services in the figures CSV." : "."));
  }

  /** A service's weak spot on one gap, with example evidence: {incident, one line}. */
  private record Weak(Aggregates.ServiceFigures service, Gap gap, List<String[]> evidence) {}

  private static List<Weak> weakest(Reports.Quarterly q) {
    List<Weak> out = new ArrayList<>();
    for (Aggregates.ServiceFigures s : q.figures().services()) {
      for (Gap g : Gap.real()) {
        if (s.fidelity().get(g).escapes() > 0) {
          out.add(new Weak(s, g, List.of()));
        }
      }
    }
    out.sort(
        Comparator.comparingLong((Weak w) -> -w.service().fidelity().get(w.gap()).escapes())
            .thenComparingDouble(
                w -> {
                  Double sc = w.service().fidelity().get(w.gap()).score();
                  return sc == null ? 1.0 : sc;
                })
            .thenComparing(w -> w.service().service())
            .thenComparing(Weak::gap));
    List<Weak> top = new ArrayList<>();
    for (Weak w : out.subList(0, Math.min(FIX_FIRST, out.size()))) {
      List<String[]> ev = new ArrayList<>();
      for (Reports.Entry e : q.escapes()) {
        if (ev.size() >= 2) {
          break;
        }
        if (e.service().equals(w.service().service()) && e.gaps().contains(w.gap())) {
          for (GapScore s : e.finding().scores()) {
            String line = s.gap() == w.gap() ? Sentences.oneLine(s) : "";
            if (!line.isEmpty()) {
              ev.add(new String[] {handle(e), line});
            }
          }
        }
      }
      top.add(new Weak(w.service(), w.gap(), ev));
    }
    return top;
  }

  private static void offenders(Html h, Reports.Quarterly q) {
    h.raw("<h1 id=\"offenders\" class=\"section\">").text(OUTLINE[3][1]).raw("</h1>");
    List<Aggregates.RepeatOffender> list = q.figures().repeatOffenders();
    if (list.isEmpty()) {
      h.el(
          "p",
          "No service escaped through the same gap often enough in the period to count as a"
              + " repeat offender.");
      return;
    }
    h.el(
        "p",
        "Services that escaped through the same gap again and again: the same hole in staging,"
            + " not bad luck.");
    boolean[] num = {false, false, true, false, false};
    PdfParts.table(
        h,
        new String[] {"service", "gap", "escapes", "quarters", "incidents"},
        new int[] {20, 10, 10, 18, 42},
        num);
    for (Aggregates.RepeatOffender o : list) {
      PdfParts.row(
          h,
          num,
          o.service(),
          o.gap().code(),
          n(o.escapes()),
          String.join(" ", o.quarters()),
          o.incidentKeys().stream()
                  .map(Sentences::shortKey)
                  .limit(6)
                  .collect(Collectors.joining(", "))
              + (o.escapes() > 6 ? ", \u2026" : ""));
    }
    PdfParts.endTable(h);
  }

  private static void escapes(Html h, Reports.Quarterly q) {
    h.raw("<h1 id=\"escapes\" class=\"section\">").text(OUTLINE[4][1]).raw("</h1>");
    List<Reports.Entry> list = q.escapes();
    if (list.isEmpty()) {
      h.el("p", "No escapes in the period.");
      return;
    }
    h.el(
        "p",
        n(list.size())
            + (list.size() == 1 ? " escape" : " escapes")
            + ", newest first"
            + (list.size() > MAX_ESCAPE_ROWS
                ? "; the newest " + MAX_ESCAPE_ROWS + " are listed, all are in the incidents CSV"
                : "")
            + ". The evidence is the strongest for the first gap.");
    boolean[] num = null;
    PdfParts.table(
        h,
        new String[] {"incident", "title", "change", "verdict", "gaps", "evidence"},
        new int[] {12, 19, 18, 10, 12, 29},
        num);
    for (Reports.Entry e : list.subList(0, Math.min(MAX_ESCAPE_ROWS, list.size()))) {
      String evidence = "";
      List<Gap> gaps = e.gaps();
      if (!gaps.isEmpty()) {
        for (GapScore s : e.finding().scores()) {
          if (s.gap() == gaps.get(0)) {
            evidence = Sentences.oneLine(s);
          }
        }
      }
      String change = "";
      for (var l : e.finding().links()) {
        if (e.finding().effectiveDeployKeys().contains(l.deployKey())) {
          change = Sentences.change(l);
          break;
        }
      }
      if (change.isEmpty() && !e.finding().effectiveDeployKeys().isEmpty()) {
        change = Sentences.shortKey(e.finding().effectiveDeployKeys().get(0)) + " (by review)";
      }
      PdfParts.row(
          h,
          num,
          handle(e) + "\n" + day(e.onset()),
          e.incident().title(),
          change,
          e.verdict().label() + (e.review() != null ? ", reviewed" : ""),
          gaps.stream().map(Gap::code).collect(Collectors.joining(", ")),
          evidence);
    }
    PdfParts.endTable(h);
  }

  static String handle(Reports.Entry e) {
    String ref = e.incident().reference();
    return ref.isEmpty() ? Sentences.shortKey(e.incident().key()) : ref;
  }

  /** The method's accuracy where the answer is known, as the README states it. */
  static final String METHOD_ACCURACY = "/dev/rehearsal/report/method-accuracy.csv";

  /**
   * The method's measured accuracy on generated scenarios whose answer is known, with the data each
   * figure comes from and whether the rules were tuned on it: what a reader needs to judge the
   * findings before any incident of this workspace is reviewed.
   */
  private static void methodAccuracy(Html h) {
    List<String[]> rows = methodAccuracyRows();
    h.el("h2", "Measured accuracy of the method");
    h.el(
        "p",
        "On generated histories whose answer is known (written in the styles of several kinds of"
            + " organisation, each scenario with 400 incidents, no alias table; the held-out"
            + " styles with seeds 81 and 82 in wording written apart from the rules, the learned"
            + " models and their training sentences (phrase bank H, measured once), seeds 71 and"
            + " 72 in bank G (measured once before the latest rules, then once more after one"
            + " rollback wording was taken out; its rule-outs were read for the latest rules),"
            + " seeds 61 and 62 in bank F (measured once before the"
            + " latest rules; its gap stories now train the text model), the same seeds in bank E"
            + " (measured"
            + " once after each earlier round of rules; its sentences now train the models, so it"
            + " is no longer held out), with seeds 46 to 51 in bank D (its wording read for seven rules; 49"
            + " to 51 generated after the service-name rules), seeds 41 to 43 in bank D (the"
            + " latest rules were chosen reading them), seeds 31 and 32 in bank C (read for two"
            + " rules) and seeds 21 to"
            + " 24 in bank B (read for two), the plain style with 21 and 22). The rules' settings"
            + " were chosen on other styles"
            + " and seeds; apart from what the rows say, the held-out styles were never used to"
            + " choose them."
            + " The baseline links each incident to the last deploy of its"
            + " service before onset, as incident tools do. The text model's figure is a 10-fold"
            + " cross-validation on real postmortems. The last column is, of the escapes the"
            + " method found, the share whose first gap is the right one.");
    boolean[] num = {false, false, true, true, true, true, true, true};
    PdfParts.table(h, rows.get(0), new int[] {23, 12, 10, 10, 15, 10, 10, 10}, num);
    for (String[] r : rows.subList(1, rows.size())) {
      PdfParts.row(h, num, r);
    }
    PdfParts.endTable(h);
  }

  /** The rows of {@link #METHOD_ACCURACY}, its header first. */
  public static List<String[]> methodAccuracyRows() {
    try (var in = QuarterlyPdfExporter.class.getResourceAsStream(METHOD_ACCURACY);
        var csv =
            new com.opencsv.CSVReader(
                new java.io.InputStreamReader(
                    java.util.Objects.requireNonNull(in, METHOD_ACCURACY),
                    java.nio.charset.StandardCharsets.UTF_8))) {
      return csv.readAll();
    } catch (java.io.IOException | com.opencsv.exceptions.CsvException e) {
      throw new IllegalStateException("the packaged " + METHOD_ACCURACY + " cannot be read", e);
    }
  }

  private static void appendix(Html h, Reports.Quarterly q) {
    h.raw("<h1 id=\"method\" class=\"section\">").text(OUTLINE[5][1]).raw("</h1>");
    h.el("h2", "Method");
    h.el(
        "p",
        "Rehearsal links each incident to the production change that most plausibly caused it"
            + " (cited changes, the time before onset, rollbacks during the incident, the"
            + " incident's words), looks that change up in staging's deploys and test runs for"
            + " a verdict, and for escapes weighs four gaps (data, traffic, configuration,"
            + " mocked dependencies) from the incident's words and from what differs between"
            + " staging and production. Every finding carries its reasons and evidence; a"
            + " reviewer's decision wins over the engine's.");
    h.el("h2", "Measured agreement with reviewers");
    Reports.Agreement a = q.agreement();
    if (a.reviewed() == 0) {
      h.el(
          "p",
          "No incident of this workspace has been reviewed yet, so the engine's accuracy here"
              + " is not measured; review a sample of incidents to measure it on this workspace."
              + " Its accuracy where the answer is known follows.");
    } else {
      boolean[] num = {false, true, true, true};
      PdfParts.table(
          h,
          new String[] {"part of the finding", "judged", "engine kept", "agreement"},
          new int[] {40, 20, 20, 20},
          num);
      agree(h, num, "the change that caused it", a.changeJudged(), a.changeKept());
      agree(h, num, "the staging verdict", a.verdictJudged(), a.verdictKept());
      agree(h, num, "the first gap of an escape", a.gapJudged(), a.gapKept());
      PdfParts.endTable(h);
      h.el(
          "p",
          "class=\"note\"",
          n(a.reviewed())
              + (a.reviewed() == 1 ? " incident" : " incidents")
              + " reviewed in the whole workspace. Reviewers tend to look at doubtful"
              + " findings first, so agreement on a sample chosen that way understates it.");
    }
    methodAccuracy(h);
    h.el("h2", "Data sources");
    boolean[] num = {false, true, true, true};
    PdfParts.table(
        h,
        new String[] {"format", "files", "records imported", "records rejected"},
        new int[] {46, 18, 18, 18},
        num);
    for (var e : q.inventory().formats().entrySet()) {
      Map<String, Long> v = e.getValue();
      PdfParts.row(
          h,
          num,
          e.getKey(),
          n(v.getOrDefault("files", 0L)),
          n(v.getOrDefault("accepted", 0L)),
          n(v.getOrDefault("rejected", 0L)));
    }
    PdfParts.endTable(h);
    Map<String, Long> kinds = new LinkedHashMap<>();
    q.inventory().records().forEach((k, v) -> kinds.put(k, v.count()));
    h.el(
        "p",
        "class=\"note\"",
        "The workspace holds "
            + kinds.entrySet().stream()
                .map(e -> n(e.getValue()) + " " + e.getKey() + " records")
                .collect(Collectors.joining(", "))
            + ".");
    h.el("h2", "Rules and settings in force");
    h.el(
        "p",
        "The workspace's settings (settings.json); a key marked \u201cchanged\u201d differs from"
            + " the defaults. Word lists are left out.");
    boolean[] sn = {false, false};
    PdfParts.table(h, new String[] {"setting", "value"}, new int[] {45, 55}, sn);
    for (var e : q.settings().entrySet()) {
      if (e.getKey().toLowerCase(java.util.Locale.ROOT).contains("language")
          || e.getKey().toLowerCase(java.util.Locale.ROOT).contains("words")
          || e.getKey().toLowerCase(java.util.Locale.ROOT).contains("cues")
          || e.getValue().length() > 160) {
        continue;
      }
      PdfParts.row(
          h,
          sn,
          e.getKey() + (q.changedSettings().contains(e.getKey()) ? " (changed)" : ""),
          e.getValue());
    }
    PdfParts.endTable(h);
  }

  private static void agree(Html h, boolean[] num, String what, long judged, long kept) {
    PdfParts.row(
        h, num, what, n(judged), n(kept), judged == 0 ? "\u2013" : pct((double) kept / judged));
  }
}
