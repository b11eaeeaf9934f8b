package dev.rehearsal.importers.generic;

import dev.rehearsal.importers.Importer;
import java.util.List;

/**
 * The generic importers, in detection order. Both recognise nothing on their own: they are chosen
 * by id ({@code --format generic-csv|generic-json}) together with a saved column mapping ({@code
 * --mapping NAME}).
 */
public final class GenericImporters {
  private GenericImporters() {}

  public static List<Importer> all() {
    return List.of(new GenericCsvImporter(), new GenericJsonImporter());
  }
}
