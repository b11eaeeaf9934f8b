package dev.rehearsal.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rehearsal.app.Rows;
import dev.rehearsal.app.Session;
import dev.rehearsal.app.TeamStore;
import dev.rehearsal.app.TeamTables;
import dev.rehearsal.index.DocKind;
import dev.rehearsal.index.RecordCodec;
import dev.rehearsal.index.RowOrder;
import dev.rehearsal.index.SearchRequest;
import dev.rehearsal.model.ImportedRecord;
import dev.rehearsal.store.opensearch.OpenSearchRecords;
import dev.rehearsal.task.TaskMonitor;
import dev.rehearsal.util.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The team store at a multiple of the benchmark's size, on whatever cluster it is given ({@code
 * bench --store ADDRESS --replicas N}): a simulation, not a scenario. The benchmark's workspace
 * (made by an earlier {@code bench} at the same {@code --workspace}) is pushed as it is, then each
 * of its incidents, deploys, staging runs and facts is written N − 1 times more under another id,
 * its times moved on by a year each time (a decade of history at 10), through the same writer as an
 * import. Measured at that size: the rate of the writes, the index's size, the tables read there
 * (first, middle and last page, a column counted) of every kind, the benchmark's searches asked as
 * queries over the incidents of the records, and the rate at which a copy reads the records back.
 * The figures say where the analysis can run and what it must read at that size (decision 0021's
 * plan).
 */
final class StoreAtScale {
  private StoreAtScale() {}

  static Map<String, Object> run(Path base, TeamStore store, int replicas, PrintWriter log)
      throws IOException {
    Path wsDir = base.resolve("workspace");
    if (!Files.isDirectory(wsDir)) {
      throw new IOException(
          "no benchmark workspace at "
              + wsDir
              + ": run `rehearsal bench --workspace "
              + base
              + "` first, then again with --store and --replicas");
    }
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("address", store.address().toString());
    f.put("replicas", replicas);
    try (Session session = Session.open(wsDir)) {
      store.drop();
      say(log, "pushing the benchmark's workspace");
      TeamStore.Pushed p = store.push(session, TaskMonitor.NONE);
      f.put("pushSeconds", Math.round(p.millis() / 10.0) / 100.0);
      f.put("pushedRecords", p.records());
      List<Map<String, Object>> writes = new ArrayList<>();
      try (OpenSearchRecords records =
          OpenSearchRecords.connect(store.address(), store.credentials(), store.caFile())) {
        for (int r = 1; r < replicas; r++) {
          long t0 = System.nanoTime();
          long n = replicate(session, records, r);
          records.commit();
          double s = (System.nanoTime() - t0) / 1e9;
          Map<String, Object> w = new LinkedHashMap<>();
          w.put("replica", r);
          w.put("records", n);
          w.put("seconds", Math.round(s * 10) / 10.0);
          w.put("recordsPerSecond", Math.round(n / s));
          writes.add(w);
          say(log, "replica " + r + ": " + w);
        }
        f.put("writes", writes);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (DocKind k : List.of(DocKind.INCIDENT, DocKind.DEPLOY, DocKind.RUN, DocKind.FACT)) {
          counts.put(k.code(), records.count(k));
        }
        f.put("records", counts);
        f.put("indexBytes", records.sizeOnDisk());

        say(log, "searching the incidents of the records");
        f.put("search", search(session, records));
        say(log, "reading every incident back, as a copy does");
        long t0 = System.nanoTime();
        long[] read = {0};
        long[] bytes = {0};
        records.forEach(
            DocKind.INCIDENT,
            (key, json) -> {
              read[0]++;
              bytes[0] += json.length();
            });
        double s = (System.nanoTime() - t0) / 1e9;
        f.put(
            "copyRead",
            Map.of(
                "records",
                read[0],
                "seconds",
                Math.round(s * 10) / 10.0,
                "recordsPerSecond",
                Math.round(read[0] / s),
                "jsonMegabytes",
                bytes[0] >> 20));
      }
      say(log, "reading the tables");
      Map<String, Object> tables = new LinkedHashMap<>();
      try (TeamTables team = store.tables()) {
        for (Rows.Table t : List.of(Rows.Table.DEPLOYS, Rows.Table.RUNS, Rows.Table.FACTS)) {
          tables.put(t.name().toLowerCase(java.util.Locale.ROOT), TeamStoreFigures.timed(team, t));
        }
      }
      f.put("tables", tables);
    }
    return f;
  }

  private static void say(PrintWriter log, String what) {
    if (log != null) {
      log.println("[store at scale] " + what);
      log.flush();
    }
  }

  /** Every record of the workspace written once more under another id, a year later per copy. */
  private static long replicate(Session session, OpenSearchRecords records, int r)
      throws IOException {
    Duration shift = Duration.ofDays(365L * r);
    long[] n = {0};
    try {
      for (DocKind kind : List.of(DocKind.INCIDENT, DocKind.DEPLOY, DocKind.RUN, DocKind.FACT)) {
        Class<? extends ImportedRecord> type = RecordCodec.recordClass(kind);
        session
            .workspace()
            .records()
            .forEach(
                kind,
                type,
                rec -> {
                  try {
                    ObjectNode tree = Json.mapper().valueToTree(rec);
                    tree.put("sourceId", tree.path("sourceId").asText() + "~" + r);
                    var names = new ArrayList<String>();
                    tree.fieldNames().forEachRemaining(names::add);
                    for (String field : names) {
                      JsonNode v = tree.get(field);
                      if (v.isTextual() && v.asText().length() >= 20 && v.asText().endsWith("Z")) {
                        try {
                          tree.put(field, Instant.parse(v.asText()).plus(shift).toString());
                        } catch (java.time.format.DateTimeParseException notATime) {
                          // a text that only looks like one
                        }
                      }
                    }
                    ImportedRecord copy = Json.mapper().treeToValue(tree, type);
                    records.putRecord(copy, Json.mapper().writeValueAsString(copy));
                    n[0]++;
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                });
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return n[0];
  }

  /**
   * The benchmark's distinct queries asked of the store's records as queries over incidents, newest
   * first: each one's count and first page, p50 and p95 after one warming pass.
   */
  private static Map<String, Object> search(Session session, OpenSearchRecords records)
      throws IOException {
    Set<String> queries = new LinkedHashSet<>();
    for (SearchRequest q : Benchmark.mix(session.workspace())) {
      queries.add(q.query() == null ? "" : q.query());
    }
    List<String> list = new ArrayList<>(queries);
    for (String q : list) {
      ask(records, q);
    }
    long[] nanos = new long[list.size()];
    for (int i = 0; i < list.size(); i++) {
      long t0 = System.nanoTime();
      ask(records, list.get(i));
      nanos[i] = System.nanoTime() - t0;
    }
    Arrays.sort(nanos);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("queries", list.size());
    m.put("p50Ms", Math.round(nanos[(int) (nanos.length * 0.50)] / 1e4) / 100.0);
    m.put("p95Ms", Math.round(nanos[(int) (nanos.length * 0.95)] / 1e4) / 100.0);
    return m;
  }

  private static void ask(OpenSearchRecords records, String query) throws IOException {
    try (OpenSearchRecords.Paged rows = records.rows(DocKind.INCIDENT, query, RowOrder.NEWEST)) {
      rows.page(0, TeamStoreFigures.PAGE);
    }
  }
}
