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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
   * gaps), and the text model cross-validated on the labelled real write-ups.
   */
  public record EvaluationReport(
      Path truthFile,
      List<String> truthProblems,
      Evaluation.Result result,
      CorpusEvaluation.Result writeups) {}

  /** Runs the analysis without storing it and compares it with the truth file. */
  public EvaluationReport evaluate(Path truthFile, TaskMonitor monitor) throws IOException {
    if (!Files.isRegularFile(truthFile)) {
      throw new java.nio.file.NoSuchFileException(truthFile.toString());
    }
    Truth truth = Truth.read(truthFile);
    Engine engine = new Engine(ws);
    AnalysisReport report = engine.run(monitor, false);
    Evaluation.Result r = Evaluation.evaluate(truth, report.findings(), engine.baselineLinks());
    return new EvaluationReport(truthFile, truth.problems(), r, writeups());
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
   * again; this workspace is not changed. Both analyses are judged on the labelled incidents not
   * reviewed.
   */
  public ReviewedEvaluation evaluateAfterReviews(Path truthFile, double share, TaskMonitor monitor)
      throws IOException {
    if (!Files.isRegularFile(truthFile)) {
      throw new java.nio.file.NoSuchFileException(truthFile.toString());
    }
    if (!(share > 0 && share < 1)) {
      throw new IllegalArgumentException(
          "the share of incidents reviewed is a number between 0 and 1, not " + share);
    }
    Truth truth = Truth.read(truthFile);
    Engine engine = new Engine(ws);
    AnalysisReport before = engine.run(monitor, false);
    List<Finding> labelled =
        before.findings().stream()
            .filter(f -> f.onset() != null && truth.rows().containsKey(f.incidentKey()))
            .sorted(
                java.util.Comparator.comparing(Finding::onset).thenComparing(Finding::incidentKey))
            .toList();
    List<Finding> first = labelled.subList(0, (int) Math.round(labelled.size() * share));
    Path copy = Files.createTempDirectory("rehearsal-reviewed-");
    try {
      copyTree(ws.dir(), copy);
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
            Evaluation.evaluate(unreviewed, before.findings(), engine.baselineLinks()),
            Evaluation.evaluate(unreviewed, after.findings(), again.baselineLinks()));
      }
    } finally {
      deleteTree(copy);
    }
  }

  /** Files that say who holds a workspace: the copy is held by no one. */
  private static final java.util.Set<String> COPY_SKIPS =
      java.util.Set.of("write.lock", "writer.json");

  private static void copyTree(Path from, Path to) throws IOException {
    try (var paths = Files.walk(from)) {
      for (Path p : (Iterable<Path>) paths::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else if (!COPY_SKIPS.contains(p.getFileName().toString())) {
          Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /**
   * The text model cross-validated on the shipped write-ups (decision 0014); needs no workspace.
   */
  public static CorpusEvaluation.Result writeups() {
    return CorpusEvaluation.run();
  }
}
