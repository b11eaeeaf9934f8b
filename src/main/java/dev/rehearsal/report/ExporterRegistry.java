package dev.rehearsal.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The exporters of a workspace, by id: what the Export menu and {@code rehearsal report} list. */
public final class ExporterRegistry {
  private final Map<String, Exporter> byId = new LinkedHashMap<>();

  public ExporterRegistry(List<Exporter> exporters) {
    for (Exporter e : exporters) {
      if (byId.put(e.id(), e) != null) {
        throw new IllegalArgumentException("two exporters have the id " + e.id());
      }
    }
  }

  public List<Exporter> all() {
    return List.copyOf(byId.values());
  }

  public Optional<Exporter> byId(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The exporters that take a kind of scope. */
  public List<Exporter> forScope(ExportScope.Kind kind) {
    List<Exporter> out = new ArrayList<>();
    for (Exporter e : byId.values()) {
      if (e.scopes().contains(kind)) {
        out.add(e);
      }
    }
    return out;
  }
}
