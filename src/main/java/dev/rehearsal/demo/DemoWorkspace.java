package dev.rehearsal.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.opencsv.CSVReader;
import dev.rehearsal.importers.ImportOptions;
import dev.rehearsal.importers.ImportRunner;
import dev.rehearsal.importers.ImportSummary;
import dev.rehearsal.importers.ImporterRegistry;
import dev.rehearsal.index.Workspace;
import dev.rehearsal.settings.Settings;
import dev.rehearsal.task.TaskMonitor;
import dev.rehearsal.util.Json;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds a workspace from a generated scenario: writes the scenario, installs its service aliases
 * and dependencies in the workspace, and imports its files the way a user would.
 */
public final class DemoWorkspace {
  /** The folders of a scenario that hold tool exports. */
  public static final List<String> DATA_FOLDERS =
      List.of("incidents", "deploys", "staging", "config", "flags", "facts", "mocks");

  private DemoWorkspace() {}

  /** What building the demo did. */
  public record Result(
      ScenarioGenerator.Summary scenario,
      ImportSummary imported,
      dev.rehearsal.analysis.AnalysisReport analysis) {}

  public static Result build(
      Workspace ws, Path scenarioDir, ScenarioGenerator.Options options, TaskMonitor monitor)
      throws IOException {
    TaskMonitor m = monitor == null ? TaskMonitor.NONE : monitor;
    ScenarioGenerator.Summary scenario =
        new ScenarioGenerator(options).generate(scenarioDir, scaled(m, 0, 30));
    ImportSummary imported = importScenario(ws, scenarioDir, scaled(m, 30, 85));
    var analysis = new dev.rehearsal.analysis.Engine(ws).run(scaled(m, 85, 100));
    return new Result(scenario, imported, analysis);
  }

  /** Installs aliases and settings from a scenario folder, then imports its data folders. */
  public static ImportSummary importScenario(Workspace ws, Path scenarioDir, TaskMonitor m)
      throws IOException {
    installNames(ws, scenarioDir);
    List<Path> inputs = new ArrayList<>();
    for (String f : DATA_FOLDERS) {
      Path p = scenarioDir.resolve(f);
      if (Files.isDirectory(p)) {
        inputs.add(p);
      }
    }
    ImportRunner runner =
        new ImportRunner(ImporterRegistry.standard(), ws.settings().environments());
    TaskMonitor mon = m == null ? TaskMonitor.NONE : m;
    ImportSummary summary =
        runner.run(inputs, ImportOptions.defaults(), ws.importStore(), scaled(mon, 0, 90));
    // the next analysis then starts from its input snapshot (decision 0009)
    dev.rehearsal.analysis.Engine.prepare(ws, scaled(mon, 90, 100));
    return summary;
  }

  /** Copies the scenario's alias table and service dependencies into the workspace. */
  public static void installNames(Workspace ws, Path scenarioDir) throws IOException {
    Path settingsFile = scenarioDir.resolve("settings.json");
    if (Files.isRegularFile(settingsFile)) {
      JsonNode deps =
          Json.mapper().readTree(settingsFile.toFile()).path("services").path("dependencies");
      if (deps.isObject()) {
        Settings s = ws.settings().with("services.dependencies", deps);
        ws.saveSettings(s);
      }
    }
    Path aliasFile = scenarioDir.resolve("aliases.csv");
    if (Files.isRegularFile(aliasFile)) {
      Map<String, String> aliases = new TreeMap<>(ws.aliases());
      try (Reader r = Files.newBufferedReader(aliasFile, StandardCharsets.UTF_8);
          CSVReader csv = new CSVReader(r)) {
        String[] row;
        while ((row = csv.readNext()) != null) {
          if (row.length >= 2 && !row[0].equalsIgnoreCase("alias")) {
            aliases.put(row[0], row[1]);
          }
        }
      } catch (com.opencsv.exceptions.CsvException e) {
        throw new IOException(aliasFile + ": " + e.getMessage(), e);
      }
      ws.saveAliases(aliases);
    }
  }

  /** A monitor that maps 0..100 of a part onto from..to of the whole. */
  static TaskMonitor scaled(TaskMonitor m, int from, int to) {
    return new TaskMonitor() {
      @Override
      public void progress(long done, long total, String message) {
        long pct = total > 0 ? from + (to - from) * Math.min(done, total) / total : from;
        m.progress(pct, 100, message);
      }

      @Override
      public boolean isCancelled() {
        return m.isCancelled();
      }
    };
  }
}
