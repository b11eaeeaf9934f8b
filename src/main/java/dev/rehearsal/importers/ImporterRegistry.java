package dev.rehearsal.importers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * All importers, and the choice of one for a file by its content. Each importer scores the file's
 * head; the highest score wins, and on a tie the one registered first.
 */
public final class ImporterRegistry {
  private final List<Importer> importers;

  public ImporterRegistry(List<Importer> importers) {
    this.importers = List.copyOf(importers);
    var ids = new java.util.HashSet<String>();
    for (Importer i : importers) {
      if (!ids.add(i.id())) {
        throw new IllegalStateException("two importers share the id " + i.id());
      }
    }
  }

  /** Every importer Rehearsal ships. */
  public static ImporterRegistry standard() {
    List<Importer> all = new ArrayList<>();
    all.addAll(dev.rehearsal.importers.incidents.IncidentImporters.all());
    all.addAll(dev.rehearsal.importers.deploys.DeployImporters.all());
    all.addAll(dev.rehearsal.importers.staging.StagingImporters.all());
    all.addAll(dev.rehearsal.importers.facts.FactImporters.all());
    all.addAll(dev.rehearsal.importers.generic.GenericImporters.all());
    return new ImporterRegistry(all);
  }

  public List<Importer> importers() {
    return Collections.unmodifiableList(importers);
  }

  public Optional<Importer> byId(String id) {
    return importers.stream().filter(i -> i.id().equalsIgnoreCase(id)).findFirst();
  }

  /** The importer chosen for a file, with its score. */
  public record Detection(Importer importer, int score) {}

  /** The best importer for the file, or empty when none recognises it. */
  public Optional<Detection> detect(Sniff sniff) {
    if (sniff.isDocumentation()) {
      return Optional.empty(); // a README beside the exports; --format still forces a reader
    }
    Importer best = null;
    int bestScore = Importer.NO;
    for (Importer i : importers) {
      int s;
      try {
        s = i.recognizes(sniff);
      } catch (RuntimeException e) {
        s = Importer.NO; // a recogniser must never sink detection
      }
      if (s > bestScore) {
        best = i;
        bestScore = s;
      }
    }
    return best == null ? Optional.empty() : Optional.of(new Detection(best, bestScore));
  }
}
