package dev.rehearsal.cli;

import dev.rehearsal.analysis.CorpusEvaluation;
import dev.rehearsal.analysis.CrossValidation;
import dev.rehearsal.analysis.Evaluation;
import dev.rehearsal.app.Analyses;
import dev.rehearsal.app.Session;
import dev.rehearsal.model.Gap;
import dev.rehearsal.util.Json;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code rehearsal evaluate --truth FILE}: the analysis against labelled data, then the text model
 * cross-validated on the shipped write-ups; {@code rehearsal evaluate --writeups}: the latter
 * alone.
 */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description =
        "Measure the analysis against a ground-truth file (docs/truth-format.md): link "
            + "precision and recall next to the last-deploy baseline, verdict accuracy, per-gap "
            + "precision/recall/F1 with confusion matrices, the same per case and per style when "
            + "the file names them; then the text model of the gaps, cross-validated on the "
            + "labelled real incident write-ups shipped with Rehearsal (k-fold, text only). With "
            + "--writeups alone, only the latter (no workspace needed).")
final class EvaluateCommand implements Callable<Integer> {
  @Mixin WorkspaceOption ws;

  @Option(names = "--truth", paramLabel = "FILE", description = "Truth CSV")
  Path truthFile;

  @Option(
      names = "--writeups",
      description =
          "Only cross-validate the text model on the shipped write-ups; needs no workspace")
  boolean writeupsOnly;

  @Option(
      names = "--review-first",
      paramLabel = "SHARE",
      description =
          "Also measure what reviews teach: review the earliest SHARE (0 to 1) of the labelled"
              + " incidents as the truth says, in a copy of the workspace, and judge the rest"
              + " before and after")
  Double reviewFirst;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (truthFile == null) {
      if (!writeupsOnly) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "give --truth FILE, or --writeups for the write-ups alone");
      }
      CorpusEvaluation.Result w = Analyses.writeups();
      if (ws.json) {
        out.println(Json.pretty().writeValueAsString(Map.of("writeups", json(w))));
      } else {
        printWriteups(out, w);
      }
      return 0;
    }
    if (!Files.isRegularFile(truthFile)) {
      throw new CommandLine.ParameterException(spec.commandLine(), truthFile + " does not exist");
    }
    try (Session s = ws.open()) {
      if (s.isEmpty()) {
        spec.commandLine().getErr().println("rehearsal: " + Messages.emptyWorkspace(s.dir()));
        return 1;
      }
      ConsoleProgress progress = new ConsoleProgress();
      Analyses.EvaluationReport e = s.analyses().evaluate(truthFile, reviewFirst, progress);
      progress.done();
      Evaluation.Result r = e.result();
      if (ws.json) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("truth", truthFile.toString());
        m.put("truthProblems", e.truthProblems());
        m.put("evaluation", r);
        m.put("linkPrecision", r.links().precision());
        m.put("linkRecall", r.links().recall());
        m.put("baselinePrecision", r.baseline().precision());
        m.put("baselineRecall", r.baseline().recall());
        m.put("gapMacroF1", r.gapMacroF1());
        m.put("verdictAccuracy", r.verdictAccuracy());
        m.put("byCase", slices(r.byCase()));
        m.put("byStyle", slices(r.byStyle()));
        if (e.afterReviews() != null) {
          var rv = e.afterReviews();
          Map<String, Object> after = new LinkedHashMap<>();
          after.put("share", reviewFirst);
          after.put("reviews", rv.reviews());
          after.put("refused", rv.refused());
          after.put("before", rv.before());
          after.put("after", rv.after());
          m.put("afterReviews", after);
        }
        m.put("writeups", json(e.writeups()));
        out.println(Json.pretty().writeValueAsString(m));
        return 0;
      }
      print(out, r, e.truthProblems());
      if (e.afterReviews() != null) {
        printReviewed(out, e.afterReviews());
      }
      printWriteups(out, e.writeups());
      return 0;
    }
  }

  /** Before and after the first share was reviewed, on the incidents not reviewed. */
  private static void printReviewed(PrintWriter out, Analyses.ReviewedEvaluation rv) {
    out.println();
    out.println(
        "AFTER REVIEWS: the earliest labelled incidents reviewed as the truth says ("
            + rv.reviews()
            + " reviews"
            + (rv.refused() > 0 ? ", " + rv.refused() + " refused by the review rules" : "")
            + ", in a copy of the workspace); the other "
            + rv.after().labelled()
            + " judged");
    TextTable t = new TextTable("", "BEFORE", "AFTER").rightAlign(1, 2);
    t.add(
        "link precision",
        pct(rv.before().links().precision()),
        pct(rv.after().links().precision()));
    t.add("link recall", pct(rv.before().links().recall()), pct(rv.after().links().recall()));
    t.add(
        "verdict accuracy", pct(rv.before().verdictAccuracy()), pct(rv.after().verdictAccuracy()));
    t.add("gap macro-F1", pct(rv.before().gapMacroF1()), pct(rv.after().gapMacroF1()));
    t.add("first gap right", pct(firstGapShare(rv.before())), pct(firstGapShare(rv.after())));
    t.print(out);
  }

  private static double firstGapShare(Evaluation.Result r) {
    return r.escapesFound() == 0 ? 0 : (double) r.firstGapRight() / r.escapesFound();
  }

  private static String pct(double v) {
    return String.format(Locale.ROOT, "%.3f", v);
  }

  /** Slices with their rates spelled out, for scripts. */
  private static Map<String, Object> slices(Map<String, Evaluation.Slice> slices) {
    Map<String, Object> out = new LinkedHashMap<>();
    slices.forEach(
        (k, v) -> {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("incidents", v.incidents());
          m.put("linkPrecision", v.links().precision());
          m.put("linkRecall", v.links().recall());
          m.put("baselinePrecision", v.baseline().precision());
          m.put("baselineRecall", v.baseline().recall());
          m.put("verdictAccuracy", v.verdictAccuracy());
          m.put("escapes", v.escapes());
          m.put("gapMacroF1", v.gapMacroF1());
          m.put("links", v.links());
          m.put("baseline", v.baseline());
          out.put(k, m);
        });
    return out;
  }

  /**
   * One row per case or style: links and the baseline, verdict accuracy, and (for styles) gap
   * macro-F1. A figure without anything to count is shown as "-".
   */
  static void printSlices(
      PrintWriter out, String title, Map<String, Evaluation.Slice> slices, boolean gaps) {
    if (slices.isEmpty()) {
      return;
    }
    out.println();
    out.println(title);
    List<String> header =
        new ArrayList<>(
            List.of("", "INCIDENTS", "LINK P", "LINK R", "BASELINE P", "BASELINE R", "VERDICT"));
    if (gaps) {
      header.add("GAP MACRO-F1");
    }
    TextTable t = new TextTable(header.toArray(new String[0]));
    for (int i = 1; i < header.size(); i++) {
      t.rightAlign(i);
    }
    for (var e : slices.entrySet()) {
      Evaluation.Slice v = e.getValue();
      List<Object> row = new ArrayList<>();
      row.add(e.getKey());
      row.add(v.incidents());
      row.add(v.links().predicted() == 0 ? "-" : pct(v.links().precision()));
      row.add(v.links().actual() == 0 ? "-" : pct(v.links().recall()));
      row.add(v.baseline().predicted() == 0 ? "-" : pct(v.baseline().precision()));
      row.add(v.baseline().actual() == 0 ? "-" : pct(v.baseline().recall()));
      row.add(pct(v.verdictAccuracy()));
      if (gaps) {
        row.add(v.escapes() == 0 ? "-" : pct(v.gapMacroF1()));
      }
      t.add(row.toArray());
    }
    t.print(out);
  }

  static void print(PrintWriter out, Evaluation.Result r, List<String> truthProblems) {
    out.printf("%,d labelled incidents, %,d found in the workspace%n", r.labelled(), r.matched());
    truthProblems.forEach(p -> out.println("  truth problem: " + p));
    if (!r.unmatched().isEmpty()) {
      out.println("  not in the workspace (first ones): " + r.unmatched());
    }
    out.println("\nLinks (incident -> causing deploy)");
    TextTable t =
        new TextTable("", "PRECISION", "RECALL", "F1", "CORRECT", "PREDICTED", "TRUE")
            .rightAlign(1, 2, 3, 4, 5, 6);
    t.add(
        "Rehearsal",
        pct(r.links().precision()),
        pct(r.links().recall()),
        pct(r.links().f1()),
        r.links().truePositives(),
        r.links().predicted(),
        r.links().actual());
    t.add(
        "baseline: last deploy",
        pct(r.baseline().precision()),
        pct(r.baseline().recall()),
        pct(r.baseline().f1()),
        r.baseline().truePositives(),
        r.baseline().predicted(),
        r.baseline().actual());
    t.print(out);
    printSlices(
        out,
        "By case (the shape of the cause, docs/truth-format.md; precision over every link "
            + "made for the case's incidents)",
        r.byCase(),
        false);
    if (r.byStyle().size() > 1) {
      printSlices(out, "By style", r.byStyle(), true);
    }
    out.printf("%nVerdict accuracy: %s%n", pct(r.verdictAccuracy()));
    confusion(out, "truth \\ engine", r.verdictConfusion());
    out.printf(
        "%nGaps over %,d labelled escapes (end to end: an escape the engine did not "
            + "call an escape has no gap)%n",
        r.escapesLabelled());
    TextTable g =
        new TextTable("GAP", "PRECISION", "RECALL", "F1", "CORRECT", "PREDICTED", "TRUE")
            .rightAlign(1, 2, 3, 4, 5, 6);
    for (Gap gap : Gap.values()) {
      Evaluation.Score s = r.gaps().get(gap);
      g.add(
          gap.code(),
          pct(s.precision()),
          pct(s.recall()),
          pct(s.f1()),
          s.truePositives(),
          s.predicted(),
          s.actual());
    }
    g.print(out);
    out.printf(
        "macro-F1 over data, traffic, config, mocks: %s (given a correct escape "
            + "verdict: %s)%n",
        pct(r.gapMacroF1()), pct(r.gapMacroF1GivenVerdict()));
    out.printf(
        "first gap right for the escapes found: %s (%,d of %,d)%n",
        r.escapesFound() == 0 ? "-" : pct((double) r.firstGapRight() / r.escapesFound()),
        r.firstGapRight(),
        r.escapesFound());
    confusion(out, "primary gap: truth \\ engine", r.gapConfusion());
  }

  private static void confusion(PrintWriter out, String title, Map<String, Map<String, Long>> m) {
    TreeSet<String> cols = new TreeSet<>();
    m.values().forEach(row -> cols.addAll(row.keySet()));
    String[] header = new String[cols.size() + 1];
    header[0] = title;
    int i = 1;
    for (String c : cols) {
      header[i++] = c;
    }
    TextTable t = new TextTable(header);
    for (int k = 1; k < header.length; k++) {
      t.rightAlign(k);
    }
    for (var e : new java.util.TreeMap<>(m).entrySet()) {
      Object[] row = new Object[header.length];
      row[0] = e.getKey();
      int k = 1;
      for (String c : cols) {
        row[k++] = e.getValue().getOrDefault(c, 0L);
      }
      t.add(row);
    }
    out.println();
    t.print(out);
  }

  /** The cross-validation's figures as plain maps, for --json. */
  static Map<String, Object> json(CorpusEvaluation.Result w) {
    CrossValidation.Result k = w.kfold();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("writeups", k.items());
    m.put("sources", w.sources());
    m.put("folds", k.folds());
    m.put("innerFolds", CorpusEvaluation.INNER_FOLDS);
    m.put("seed", k.seed());
    m.put("chosenC", w.chosenC());
    m.put("macroF1", k.macroF1());
    m.put("accuracy", k.accuracy());
    Map<String, Object> gaps = new LinkedHashMap<>();
    k.scores()
        .forEach(
            (g, s) -> {
              Map<String, Object> one = new LinkedHashMap<>();
              one.put("precision", s.precision());
              one.put("recall", s.recall());
              one.put("f1", s.f1());
              one.put("correct", s.truePositives());
              one.put("predicted", s.predicted());
              one.put("labelled", s.actual());
              gaps.put(label(g), one);
            });
    m.put("classes", gaps);
    Map<String, Map<String, Long>> confusion = new LinkedHashMap<>();
    for (Gap t : Gap.values()) {
      Map<String, Long> row = new LinkedHashMap<>();
      for (Gap p : Gap.values()) {
        row.put(label(p), k.confusion()[t.ordinal()][p.ordinal()]);
      }
      confusion.put(label(t), row);
    }
    m.put("confusion", confusion);
    m.put("millis", w.millis());
    return m;
  }

  /** "none" for the write-ups' fifth class, as the labelling guide calls it. */
  private static String label(Gap g) {
    return g == Gap.UNEXPLAINED ? "none" : g.code();
  }

  static void printWriteups(PrintWriter out, CorpusEvaluation.Result w) {
    CrossValidation.Result k = w.kfold();
    out.printf(
        "%nText model on %,d real incident write-ups from %d sources (shipped corpus, labels per "
            + "docs/labelling-guide.md), text only: stratified %d-fold cross-validation, seed %d; "
            + "penalty chosen per fold by an inner %d-fold cross-validation (chosen C: %s)%n",
        k.items(),
        w.sources(),
        k.folds(),
        k.seed(),
        CorpusEvaluation.INNER_FOLDS,
        w.chosenC().stream()
            .map(c -> String.format(Locale.ROOT, "%.0f", c))
            .reduce((a, b) -> a + ", " + b)
            .orElse(""));
    TextTable t =
        new TextTable("GAP", "PRECISION", "RECALL", "F1", "CORRECT", "PREDICTED", "LABELLED")
            .rightAlign(1, 2, 3, 4, 5, 6);
    k.scores()
        .forEach(
            (g, s) ->
                t.add(
                    label(g),
                    pct(s.precision()),
                    pct(s.recall()),
                    pct(s.f1()),
                    s.truePositives(),
                    s.predicted(),
                    s.actual()));
    t.print(out);
    out.printf(
        "macro-F1 over data, traffic, config, mocks: %s (none is a fifth class: a gap write-up "
            + "called none is a miss of its gap, a none write-up called a gap a false alarm of "
            + "that gap); accuracy over all five: %s%n",
        pct(k.macroF1()), pct(k.accuracy()));
    Map<String, Map<String, Long>> m = new LinkedHashMap<>();
    for (Gap truth : Gap.values()) {
      Map<String, Long> row = new LinkedHashMap<>();
      for (Gap p : Gap.values()) {
        row.put(label(p), k.confusion()[truth.ordinal()][p.ordinal()]);
      }
      m.put(label(truth), row);
    }
    confusion(out, "label \\ model", m);
  }
}
