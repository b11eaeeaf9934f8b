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

  /**
   * The product's exporters over a session: the incidents CSV, the figures CSV, the quarterly
   * report and the postmortem pack. The command line and the window both take them from here.
   */
  public static ExporterRegistry standard(dev.rehearsal.app.Session session, CsvFormat csv) {
    return new ExporterRegistry(
        List.of(
            new IncidentsCsvExporter(session, csv),
            new AggregatesCsvExporter(session, csv),
            new QuarterlyPdfExporter(session),
            new PostmortemPdfExporter(session)));
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
