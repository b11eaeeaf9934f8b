package dev.rehearsal.importers.facts;

import dev.rehearsal.importers.Importer;
import java.util.List;

/** The environment fact importers, in detection order. */
public final class FactImporters {
  private FactImporters() {}

  public static List<Importer> all() {
    return List.of();
  }
}
