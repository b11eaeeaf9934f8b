package dev.rehearsal.importers.incidents;

import dev.rehearsal.importers.Importer;
import java.util.List;

/** The incident importers, in detection order. */
public final class IncidentImporters {
  private IncidentImporters() {}

  public static List<Importer> all() {
    return List.of();
  }
}
