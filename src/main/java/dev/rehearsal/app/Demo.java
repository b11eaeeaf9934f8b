package dev.rehearsal.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rehearsal.demo.DemoScenario;
import dev.rehearsal.demo.ScenarioGenerator;
import dev.rehearsal.importers.ImportOptions;
import dev.rehearsal.task.TaskMonitor;
import dev.rehearsal.util.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo workspace: a generated history of a fictional organisation, written in its tools' export
 * formats, then set up and imported the way a user would (its alias table and service dependencies,
 * then its files), and analysed. The workspace is marked as holding demo data.
 */
public final class Demo {
  private Demo() {}

  /** What building the demo did. */
  public record Built(ScenarioGenerator.Summary scenario, Imports.Outcome imported) {}

  /** Generates a scenario into {@code scenarioDir}, then installs, imports and analyses it. */
  public static Built build(
      Session s, Path scenarioDir, ScenarioGenerator.Options options, TaskMonitor monitor)
      throws IOException {
    TaskMonitor m = monitor == null ? TaskMonitor.NONE : monitor;
    ScenarioGenerator.Summary scenario =
        new ScenarioGenerator(options).generate(scenarioDir, Progress.part(m, 0, 30));
    Imports.Outcome imported =
        install(s, scenarioDir, Imports.Then.ANALYSE, Progress.part(m, 30, 100));
    mark(s, scenario);
    return new Built(scenario, imported);
  }

  /**
   * Sets a workspace up from a scenario folder as its organisation would (alias table and service
   * dependencies) and imports its data folders.
   */
  public static Imports.Outcome install(
      Session s, Path scenarioDir, Imports.Then then, TaskMonitor monitor) throws IOException {
    Path settings = scenarioDir.resolve("settings.json");
    if (Files.isRegularFile(settings)) {
      JsonNode deps =
          Json.mapper().readTree(settings.toFile()).path("services").path("dependencies");
      if (deps.isObject()) {
        Map<String, List<String>> table = new LinkedHashMap<>();
        deps.fields()
            .forEachRemaining(
                e -> {
                  List<String> to = new ArrayList<>();
                  e.getValue().forEach(v -> to.add(v.asText()));
                  table.put(e.getKey(), to);
                });
        s.configuration().setDependencies(table);
      }
    }
    Path aliases = scenarioDir.resolve("aliases.csv");
    if (Files.isRegularFile(aliases)) {
      s.configuration().loadAliases(aliases, TaskMonitor.NONE);
    }
    List<Path> inputs = DemoScenario.dataFolders(scenarioDir);
    ImportOptions options = s.imports().defaults();
    return s.imports().run(inputs, options, then, monitor);
  }

  /** Marks a workspace as holding demo data. */
  static void mark(Session s, ScenarioGenerator.Summary scenario) throws IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("demo", true);
    m.put("scenario", scenario.out().toString());
    Files.writeString(
        s.dir().resolve(Session.DEMO_MARKER),
        Json.pretty().writeValueAsString(m),
        StandardCharsets.UTF_8);
  }
}
