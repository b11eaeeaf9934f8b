package dev.rehearsal.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.app.Demo;
import dev.rehearsal.app.Imports;
import dev.rehearsal.app.Session;
import dev.rehearsal.demo.ScenarioGenerator;
import dev.rehearsal.demo.Style;
import dev.rehearsal.importers.FileReport;
import dev.rehearsal.importers.ImportSummary;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Scenarios in styles import and evaluate: the importers read what the generator writes (the facts
 * written as organisations have them, without times, are the only rejections), and the evaluation
 * reports every case and the style. Three styles cover every naming, fact shape and time zone.
 * Figures are not asserted here: what they are is measured, not tested.
 */
class StyleEvaluationTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"startup", "enterprise", "scaleup"})
  void aStyledScenarioImportsAndIsEvaluatedPerCase(String name) throws Exception {
    Style style = Style.named(name).orElseThrow();
    Path scenario = dir.resolve("scenario");
    new ScenarioGenerator(new ScenarioGenerator.Options(3, 80, 1000, -1, 10), style)
        .generate(scenario, null);
    try (Session session = Session.openOrCreate(dir.resolve("ws"))) {
      ImportSummary imported =
          Demo.install(session, scenario, Imports.Then.PREPARE, null).summary();
      assertEquals(imported.seen(), imported.accepted() + imported.rejected());
      assertTrue(imported.skipped().isEmpty(), "no file left unrecognised");
      assertTrue(imported.failed().isEmpty(), "no file failed");
      for (FileReport f : imported.files()) {
        if (f.rejected() > 0) {
          // configuration and WireMock folders without any time of their own
          assertEquals(Style.Facts.AS_EXPORTED, style.facts(), f.file() + " " + f.rejections());
          assertTrue(f.file().matches(".*/(config|mocks)/.*"), f.file());
        }
      }
      Engine engine = new Engine(session.workspace());
      AnalysisReport report = engine.run(null, false);
      Truth truth = Truth.read(scenario.resolve("truth.csv"));
      assertTrue(truth.problems().isEmpty(), truth.problems().toString());
      Evaluation.Result r = Evaluation.evaluate(truth, report.findings(), engine.baselineLinks());
      assertEquals(80, r.matched(), "every labelled incident is in the workspace");
      Map<String, Long> cases = new TreeMap<>();
      truth.rows().values().forEach(row -> cases.merge(row.caseName(), 1L, Long::sum));
      assertEquals(cases.keySet(), r.byCase().keySet());
      cases.forEach((c, n) -> assertEquals(n, r.byCase().get(c).incidents(), c));
      assertEquals(List.of(name), List.copyOf(r.byStyle().keySet()));
      Evaluation.Slice all = r.byStyle().get(name);
      assertEquals(r.links(), all.links());
      assertEquals(r.baseline(), all.baseline());
      assertEquals(r.verdictAccuracy(), all.verdictAccuracy(), 1e-12);
      assertEquals(r.gapMacroF1(), all.gapMacroF1(), 1e-12);
    }
  }
}
