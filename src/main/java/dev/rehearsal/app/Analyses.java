package dev.rehearsal.app;

import dev.rehearsal.analysis.AnalysisReport;
import dev.rehearsal.analysis.CorpusEvaluation;
import dev.rehearsal.analysis.Engine;
import dev.rehearsal.analysis.Evaluation;
import dev.rehearsal.analysis.Truth;
import dev.rehearsal.index.DocKind;
import dev.rehearsal.index.Workspace;
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
   * The text model cross-validated on the shipped write-ups (decision 0014); needs no workspace.
   */
  public static CorpusEvaluation.Result writeups() {
    return CorpusEvaluation.run();
  }
}
