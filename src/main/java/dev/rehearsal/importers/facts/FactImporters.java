package dev.rehearsal.importers.facts;

import dev.rehearsal.importers.Importer;
import java.util.List;

/**
 * The environment fact importers, in detection order (on equal scores the earlier one wins): the
 * formats with their own markers first, the weakly recognised generic config shapes last.
 */
public final class FactImporters {
  private FactImporters() {}

  public static List<Importer> all() {
    return List.of(
        new ConfigMapImporter(),
        new LaunchDarklyImporter(),
        new UnleashImporter(),
        new FlagsJsonImporter(),
        new WireMockImporter(),
        new DataVolumeCsvImporter(),
        new TrafficCsvImporter(),
        new DotenvImporter(),
        new PropertiesImporter(),
        new YamlConfigImporter(),
        new JsonConfigImporter());
  }
}
