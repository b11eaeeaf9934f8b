package dev.rehearsal.app;

import dev.rehearsal.analysis.AnalysisReport;
import dev.rehearsal.analysis.CorpusEvaluation;
import dev.rehearsal.analysis.Engine;
import dev.rehearsal.analysis.Evaluation;
import dev.rehearsal.analysis.Truth;
import dev.rehearsal.index.DocKind;
import dev.rehearsal.index.Workspace;
import dev.rehearsal.model.Finding;
import dev.rehearsal.model.Verdict;
import dev.rehearsal.task.TaskMonitor;
import dev.rehearsal.util.FileTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Running the analysis, and measuring it against labelled data. */
public final class Analyses {
  private final Workspace ws;
  private final WriteAccess access;

  Analyses(Workspace ws, WriteAccess access) {
    this.ws = ws;
    this.access = access;
  }

  /** Analyses every incident and stores the findings (reviews win over the engine). */
  public AnalysisReport run(TaskMonitor monitor) throws IOException {
    return access.write("Analysing", () -> new Engine(ws).run(monitor));
  }

  /** Whether the workspace holds an analysis. */
  public boolean analysed() throws IOException {
    return ws.facets().count(DocKind.FINDING) > 0;
  }

  /**
   * The analysis measured against a truth file (links next to the last-deploy baseline, verdicts,
   * gaps), what reviews teach when asked ({@code afterReviews}, null otherwise), and the text model
   * cross-validated on the labelled real write-ups.
   */
  public record EvaluationReport(
      Path truthFile,
      List<String> truthProblems,
      Evaluation.Result result,
      ReviewedEvaluation afterReviews,
      CorpusEvaluation.Result writeups) {}

  /** Runs the analysis without storing it and compares it with the truth file. */
  public EvaluationReport evaluate(Path truthFile, TaskMonitor monitor) throws IOException {
    return evaluate(truthFile, null, monitor);
  }

  /**
   * As {@link #evaluate(Path, TaskMonitor)}; with {@code reviewFirst}, also what reviews of that
   * share of the labelled incidents teach ({@link #afterReviews}), from the same analysis.
   */
  public EvaluationReport evaluate(Path truthFile, Double reviewFirst, TaskMonitor monitor)
      throws IOException {
    if (!Files.isRegularFile(truthFile)) {
      throw new java.nio.file.NoSuchFileException(truthFile.toString());
    }
    if (reviewFirst != null && !(reviewFirst > 0 && reviewFirst < 1)) {
      throw new IllegalArgumentException(
          "the share of incidents reviewed is a number between 0 and 1, not " + reviewFirst);
    }
    Truth truth = Truth.read(truthFile);
    Engine engine = new Engine(ws);
    AnalysisReport report = engine.run(monitor, false);
    Map<String, String> baseline = engine.baselineLinks();
    Evaluation.Result r = Evaluation.evaluate(truth, report.findings(), baseline);
    ReviewedEvaluation reviewed =
        reviewFirst == null ? null : afterReviews(truth, report, baseline, reviewFirst, monitor);
    return new EvaluationReport(truthFile, truth.problems(), r, reviewed, writeups());
  }

  /**
   * What reviews teach, measured (decision 0029): the analysis of the labelled incidents a reviewer
   * has not reached, before and after the first share of them (by onset) were reviewed as the truth
   * file says.
   *
   * @param reviews the reviews saved
   * @param refused truth rows the review rules refused (a verdict without a change, ...)
   * @param before the incidents not reviewed, analysed without the reviews
   * @param after the same incidents, analysed with them
   */
  public record ReviewedEvaluation(
      int reviews, int refused, Evaluation.Result before, Evaluation.Result after) {}

  /**
   * Reviews the earliest {@code share} of the labelled incidents as the truth file says (the change
   * that caused each or none, the verdict, the gaps), in a copy of the workspace, and analyses it
   * again; this workspace is not changed. Both analyses, {@code before} (this workspace's) and the
   * copy's, are judged on the labelled incidents not reviewed.
   */
  private ReviewedEvaluation afterReviews(
      Truth truth,
      AnalysisReport before,
      Map<String, String> baseline,
      double share,
      TaskMonitor monitor)
      throws IOException {
    List<Finding> labelled =
        before.findings().stream()
            .filter(f -> f.onset() != null && truth.rows().containsKey(f.incidentKey()))
            .sorted(
                java.util.Comparator.comparing(Finding::onset).thenComparing(Finding::incidentKey))
            .toList();
    List<Finding> first = labelled.subList(0, (int) Math.round(labelled.size() * share));
    Path copy = Files.createTempDirectory("rehearsal-reviewed-");
    try {
      FileTrees.copy(ws.dir(), copy, HOLDER_FILES);
      try (Workspace w = Workspace.open(copy)) {
        Reviews reviews = new Reviews(w, java.time.Clock.systemUTC());
        java.util.Set<String> reviewed = new java.util.HashSet<>();
        int refused = 0;
        for (Finding f : first) {
          Truth.Row row = truth.rows().get(f.incidentKey());
          try {
            reviews.save(
                new Reviews.Request(
                    f.incidentKey(),
                    false,
                    row.verdict(),
                    row.verdict() == Verdict.ESCAPE && !row.gaps().isEmpty() ? row.gaps() : null,
                    row.deployKeys().isEmpty() ? null : row.deployKeys(),
                    row.deployKeys().isEmpty(),
                    "",
                    "evaluation"));
            reviewed.add(f.incidentKey());
          } catch (Reviews.Refused e) {
            refused++;
          }
        }
        Engine again = new Engine(w);
        AnalysisReport after = again.run(monitor, false);
        java.util.Map<String, Truth.Row> rest = new java.util.LinkedHashMap<>(truth.rows());
        rest.keySet().removeAll(reviewed);
        Truth unreviewed = new Truth(rest, truth.problems());
        return new ReviewedEvaluation(
            reviewed.size(),
            refused,
            Evaluation.evaluate(unreviewed, before.findings(), baseline),
            Evaluation.evaluate(unreviewed, after.findings(), again.baselineLinks()));
      }
    } finally {
      FileTrees.delete(copy);
    }
  }

  /** Files that say who holds a workspace: the copy is held by no one. */
  private static final java.util.Set<String> HOLDER_FILES =
      java.util.Set.of("write.lock", "writer.json");

  /**
   * The text model cross-validated on the shipped write-ups (decision 0014); needs no workspace.
   */
  public static CorpusEvaluation.Result writeups() {
    return CorpusEvaluation.run();
  }
}
