package dev.rehearsal.importers.staging;

import dev.rehearsal.importers.Importer;
import java.util.List;

/** The staging result importers, in detection order. */
public final class StagingImporters {
  private StagingImporters() {}

  public static List<Importer> all() {
    return List.of();
  }
}
