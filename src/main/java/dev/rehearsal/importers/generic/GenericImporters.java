package dev.rehearsal.importers.generic;

import dev.rehearsal.importers.Importer;
import java.util.List;

/** The generic importers, in detection order. */
public final class GenericImporters {
  private GenericImporters() {}

  public static List<Importer> all() {
    return List.of();
  }
}
