package dev.rehearsal.importers.deploys;

import dev.rehearsal.importers.Importer;
import java.util.List;

/** The deploy importers, in detection order. */
public final class DeployImporters {
  private DeployImporters() {}

  public static List<Importer> all() {
    return List.of();
  }
}
