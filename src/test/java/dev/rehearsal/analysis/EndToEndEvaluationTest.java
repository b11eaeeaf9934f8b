package dev.rehearsal.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.app.Demo;
import dev.rehearsal.app.Session;
import dev.rehearsal.demo.ScenarioGenerator;
import dev.rehearsal.importers.ImportSummary;
import dev.rehearsal.index.Workspace;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * From generated export files to evaluation figures, on a seed the rules were not tuned on (tuning
 * used seeds 1-6; see docs/decisions/0003, 0004 and 0006). Fails when the analysis gets worse than
 * the targets (link precision 0.90 at recall 0.85, gap macro-F1 0.80).
 */
class EndToEndEvaluationTest {
  @TempDir Path dir;

  @Test
  void generatedFilesImportAnalyseAndMeetTheTargets() throws Exception {
    try (Session session = Session.openOrCreate(dir.resolve("ws"))) {
      Workspace ws = session.workspace();
      Demo.Built built =
          Demo.build(
              session,
              dir.resolve("scenario"),
              new ScenarioGenerator.Options(21, 400, 8000, -1, 20),
              null);
      ImportSummary imported = built.imported().summary();
      assertEquals(0, imported.rejected(), "the generator writes files the importers read");
      assertEquals(imported.seen(), imported.accepted());
      assertTrue(imported.skipped().isEmpty(), "no file is left unrecognised");

      Engine engine = new Engine(ws);
      AnalysisReport report = engine.run(null, false);
      Truth truth = Truth.read(dir.resolve("scenario/truth.csv"));
      assertTrue(truth.problems().isEmpty(), truth.problems().toString());
      Evaluation.Result r = Evaluation.evaluate(truth, report.findings(), engine.baselineLinks());
      assertEquals(400, r.matched(), "every labelled incident is in the workspace");

      // gap classification meets its target
      assertTrue(r.gapMacroF1() >= 0.80, "gap macro-F1 " + r.gapMacroF1());
      // linking beats the last-deploy baseline by far more than 20 points
      assertTrue(
          r.links().precision() >= r.baseline().precision() + 0.20,
          "precision " + r.links().precision() + " vs baseline " + r.baseline().precision());
      assertTrue(
          r.links().recall() >= r.baseline().recall() + 0.20,
          "recall " + r.links().recall() + " vs baseline " + r.baseline().recall());
      // the target: precision 0.90 at recall 0.85 on a seed the rules were not tuned on
      assertTrue(r.links().precision() >= 0.90, "link precision " + r.links().precision());
      assertTrue(r.links().recall() >= 0.85, "link recall " + r.links().recall());
      assertTrue(r.verdictAccuracy() >= 0.88, "verdict accuracy " + r.verdictAccuracy());
    }
  }
}
