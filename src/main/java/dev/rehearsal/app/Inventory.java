package dev.rehearsal.app;

import dev.rehearsal.importers.ImporterRegistry;
import dev.rehearsal.index.DocKind;
import dev.rehearsal.index.Facets;
import dev.rehearsal.index.Schema;
import dev.rehearsal.index.Workspace;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a workspace holds: records per kind, their time span, services, environments, formats. */
public final class Inventory {
  private Inventory() {}

  /**
   * The records of one kind.
   *
   * @param count the records stored: one per incident, deploy, staging run or fact, however many
   *     files said it
   * @param accepted the records the imports of the files behind them accepted; more than {@code
   *     count} when files repeat each other (a configuration snapshot restating a value with the
   *     same as-of time, the same deploy in two exports)
   * @param from earliest record, or null when there are none
   * @param to latest record, or null
   */
  public record Kind(
      long count,
      long accepted,
      Instant from,
      Instant to,
      Map<String, Long> services,
      Map<String, Long> environments,
      Map<String, Long> statuses) {}

  /**
   * A workspace's contents.
   *
   * @param documents every document kind the index holds, with its count
   * @param records incidents, deploys, staging runs and facts
   * @param formats per importer: files, accepted and rejected records
   */
  public record Summary(
      String workspace,
      int schemaVersion,
      boolean demo,
      Map<String, Long> documents,
      Map<String, Kind> records,
      Map<String, Map<String, Long>> formats) {}

  /** The kinds of imported records, in the order they are listed. */
  private static final DocKind[] RECORD_KINDS = {
    DocKind.INCIDENT, DocKind.DEPLOY, DocKind.RUN, DocKind.FACT
  };

  /** How many records of each kind the workspace stores (see {@link Session#recordCounts}). */
  static Map<String, Long> counts(Session s) throws IOException {
    Map<String, Long> out = new LinkedHashMap<>();
    for (DocKind k : RECORD_KINDS) {
      out.put(k.code(), s.workspace().facets().count(k));
    }
    return out;
  }

  static Summary of(Session s) throws IOException {
    Workspace w = s.workspace();
    Map<String, Long> counts = new LinkedHashMap<>();
    for (var e : w.facets().counts().entrySet()) {
      counts.put(e.getKey().code(), e.getValue());
    }
    ImporterRegistry registry = ImporterRegistry.standard();
    Facets.ImportTotals imports =
        w.facets()
            .importTotals(format -> registry.byId(format).map(i -> i.kind().code()).orElse(""));
    Map<String, Long> accepted = imports.acceptedByKind();
    Map<String, Kind> kinds = new LinkedHashMap<>();
    for (DocKind k : RECORD_KINDS) {
      Instant[] range = w.facets().timeRange(k);
      kinds.put(
          k.code(),
          new Kind(
              counts.get(k.code()),
              accepted.getOrDefault(k.code(), 0L),
              range == null ? null : range[0],
              range == null ? null : range[1],
              w.facets().valueCounts(k, Schema.SERVICE),
              w.facets().valueCounts(k, Schema.ENV),
              w.facets().valueCounts(k, Schema.STATUS)));
    }
    return new Summary(
        w.dir().toAbsolutePath().toString(),
        w.schemaVersion(),
        s.isDemo(),
        counts,
        kinds,
        imports.byFormat());
  }
}
