package dev.rehearsal.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rehearsal.demo.DemoScenario;
import dev.rehearsal.demo.ScenarioGenerator;
import dev.rehearsal.importers.FileReport;
import dev.rehearsal.importers.ImportManifest;
import dev.rehearsal.importers.ImportOptions;
import dev.rehearsal.importers.ImportRunner;
import dev.rehearsal.importers.ImporterRegistry;
import dev.rehearsal.importers.RecordStore;
import dev.rehearsal.model.DeployStatusEvent;
import dev.rehearsal.model.ImportedRecord;
import dev.rehearsal.model.RecordKind;
import dev.rehearsal.model.Rejection;
import dev.rehearsal.settings.EnvironmentNames;
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
    configure(s, scenarioDir);
    List<Path> inputs = DemoScenario.dataFolders(scenarioDir);
    ImportOptions options = s.imports().defaults();
    return s.imports().run(inputs, options, then, monitor);
  }

  /**
   * Sets a workspace's rules up from a scenario folder as its organisation would: the service
   * dependencies of its settings and its alias table.
   */
  public static void configure(Session s, Path scenarioDir) throws IOException {
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
  }

  /**
   * What a scenario folder holds, counted as an import and the workspace count it.
   *
   * @param files the data files an import of the folder reads
   * @param sidecars {@code *.rehearsal.json} files that describe a data file beside them, read with
   *     it
   * @param manifests {@code rehearsal-manifest} files, read with the folder they describe
   * @param beside the files at the folder's top that describe the scenario (its README, ground
   *     truth, alias table and settings); an import of the whole folder lists them as skipped
   * @param factRecords the environment-fact records in the files, as an import accepts them
   * @param facts the distinct facts among them, as the workspace stores them: one per type,
   *     service, environment, subject and time, however many files or snapshots give it
   */
  public record Contents(
      long files,
      long sidecars,
      long manifests,
      List<String> beside,
      long factRecords,
      long facts) {}

  /** Counts a scenario folder's files and reads its facts back through the importers. */
  public static Contents contents(Path scenarioDir) throws IOException {
    long[] files = new long[3];
    List<Path> folders = DemoScenario.dataFolders(scenarioDir);
    for (Path folder : folders) {
      try (var walk = Files.walk(folder)) {
        walk.filter(Files::isRegularFile)
            .forEach(
                p -> {
                  String n = p.getFileName().toString();
                  if (ImportManifest.isImportManifestName(n)) {
                    files[2]++;
                  } else if (ImportManifest.isManifestName(n)) {
                    files[1]++;
                  } else {
                    files[0]++;
                  }
                });
      }
    }
    List<String> beside = new ArrayList<>();
    try (var list = Files.list(scenarioDir)) {
      list.filter(Files::isRegularFile)
          .map(p -> p.getFileName().toString())
          .sorted()
          .forEach(beside::add);
    }
    List<Path> factFolders =
        folders.stream().filter(f -> FACT_FOLDERS.contains(f.getFileName().toString())).toList();
    FactCount count = new FactCount();
    new ImportRunner(ImporterRegistry.standard(), EnvironmentNames.defaults(), false)
        .run(factFolders, ImportOptions.defaults(), count, TaskMonitor.NONE);
    return new Contents(files[0], files[1], files[2], beside, count.records, count.keys.size());
  }

  /** The scenario folders that hold environment facts. */
  private static final java.util.Set<String> FACT_FOLDERS =
      java.util.Set.of("config", "flags", "facts", "mocks");

  /** Counts fact records and their distinct keys; keeps nothing else. */
  private static final class FactCount implements RecordStore {
    long records;
    final java.util.Set<String> keys = new java.util.HashSet<>();

    @Override
    public void upsert(ImportedRecord record) {
      if (record.kind() == RecordKind.FACT) {
        records++;
        keys.add(record.key());
      }
    }

    @Override
    public void upsertStatus(DeployStatusEvent event) {}

    @Override
    public void rejected(Rejection rejection) {}

    @Override
    public void clearRejections(String file) {}

    @Override
    public void fileImported(FileReport report) {}

    @Override
    public void commit() {}
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
