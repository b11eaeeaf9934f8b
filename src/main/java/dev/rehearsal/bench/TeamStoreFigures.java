package dev.rehearsal.bench;

import dev.rehearsal.app.Rows;
import dev.rehearsal.app.Session;
import dev.rehearsal.app.Tables;
import dev.rehearsal.app.TeamStore;
import dev.rehearsal.index.SearchHit;
import dev.rehearsal.index.SearchRequest;
import dev.rehearsal.index.Workspace;
import dev.rehearsal.task.TaskMonitor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The team store beside the local workspace, in the same run ({@code bench --store}): the push of
 * the benchmark's incidents with their findings, and the benchmark's 200 searches asked of both.
 * The store's search finds incidents, so each is asked as a search of incidents on both sides, with
 * its query, service, environment, time range and order: the time of each against the store,
 * whether the two count the same matches, and whether their first {@link #HITS} are the same
 * incidents in the same order.
 */
final class TeamStoreFigures {
  /** Hits compared per query. */
  static final int HITS = 100;

  private TeamStoreFigures() {}

  static Map<String, Object> measure(Session session, Workspace ws, TeamStore store)
      throws IOException {
    return measure(session, ws, store, List.of(), null);
  }

  /**
   * The figures, and with {@code inputs} and a folder for the copy: the scenario's files imported
   * straight into the store (every record again by key, beside the local import), then the store
   * analysed through a copy made from it (the copy, the analysis, the push of its findings), and
   * whether the findings it then holds are the local workspace's, byte for byte.
   */
  static Map<String, Object> measure(
      Session session,
      Workspace ws,
      TeamStore store,
      List<java.nio.file.Path> inputs,
      java.nio.file.Path copyDir)
      throws IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("address", store.address().toString());
    TeamStore.Pushed p = store.push(session, TaskMonitor.NONE);
    m.put("pushSeconds", Math.round(p.millis() / 10.0) / 100.0);
    m.put("pushedRecords", p.records());
    m.put("pushedIncidents", p.written());
    m.put("pushRun", p.run());
    if (!inputs.isEmpty() && copyDir != null) {
      long t0 = System.nanoTime();
      var imported = store.importFiles(inputs, null, TaskMonitor.NONE);
      m.put("importSeconds", seconds(t0));
      m.put("importAccepted", imported.accepted());
      m.put("importRejected", imported.rejected());
      dev.rehearsal.util.FileTrees.delete(copyDir);
      try (Session copy = Session.openOrCreate(copyDir)) {
        TeamStore.Analysed a = store.analyse(copy, TaskMonitor.NONE);
        m.put("copySeconds", Math.round(a.pulled().millis() / 10.0) / 100.0);
        m.put("copiedRecords", a.pulled().records());
        m.put("analysisSeconds", Math.round(a.report().timings().get("total") / 10.0) / 100.0);
        m.put("findingsPushSeconds", Math.round(a.pushed().millis() / 10.0) / 100.0);
      }
      TeamStore.Agreement agree = store.agreement(session);
      m.put("findingsSame", agree.same());
      m.put("findingsDifferent", agree.different());
      m.put("findingsMissing", agree.onlyHere() + agree.onlyThere());
    }

    // each request of the mix as a search of incidents (the store's search finds incidents): its
    // query, service, environment, time range and order, the first page of HITS
    List<SearchRequest> list = new ArrayList<>();
    for (SearchRequest q : Benchmark.mix(ws)) {
      list.add(
          q.withKinds(Set.of(dev.rehearsal.index.DocKind.INCIDENT))
              .withPage(0, HITS)
              .withHighlight(false));
    }
    for (SearchRequest q : list) {
      store.search(q); // warm the node's caches and the client once
    }
    long[] nanos = new long[list.size()];
    int sameTotal = 0;
    int sameSet = 0;
    int sameOrder = 0;
    List<String> differ = new ArrayList<>();
    List<String> otherOrder = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      SearchRequest q = list.get(i);
      long t0 = System.nanoTime();
      var found = store.search(q);
      nanos[i] = System.nanoTime() - t0;
      List<String> remote = found.hits().stream().map(h -> h.key()).toList();
      var localResult = ws.records().search(q);
      List<String> local = localResult.hits().stream().map(SearchHit::key).toList();
      if (localResult.total() == found.total()) {
        sameTotal++;
      } else if (differ.size() < 10) {
        differ.add(q + " (" + localResult.total() + " here, " + found.total() + " there)");
      }
      if (Set.copyOf(local).equals(Set.copyOf(remote))) {
        sameSet++;
        if (local.equals(remote)) {
          sameOrder++;
        } else if (otherOrder.size() < 10) {
          otherOrder.add(q.toString());
        }
      }
    }
    Arrays.sort(nanos);
    m.put("queries", list.size());
    m.put("p50Ms", Math.round(nanos[(int) (nanos.length * 0.50)] / 1e4) / 100.0);
    m.put("p95Ms", Math.round(nanos[(int) (nanos.length * 0.95)] / 1e4) / 100.0);
    m.put("sameCount", sameTotal);
    m.put("sameSetOfFirst" + HITS, sameSet);
    m.put("sameOrderOfFirst" + HITS, sameOrder);
    m.put("differentCounts", differ);
    m.put("otherOrders", otherOrder);
    m.put("tables", tables(session, store));
    return m;
  }

  /** Rows per page of a table, as the window reads them. */
  static final int PAGE = 100;

  /**
   * The tables read from the store where it is kept (no copy) beside the local ones: per table, the
   * time to open it (newest first) with its first page, a page in the middle and the last page
   * (reached with {@code search_after} past OpenSearch's result window), and the counts of its
   * service column; whether both sides count the same rows and the same values.
   */
  static Map<String, Object> tables(Session session, TeamStore store) throws IOException {
    Map<String, Object> out = new LinkedHashMap<>();
    try (dev.rehearsal.app.TeamTables team = store.tables()) {
      for (Rows.Table table : Rows.Table.values()) {
        Map<String, Object> t = new LinkedHashMap<>();
        Map<String, Object> here = timed(session.rows(), table);
        Map<String, Object> there = timed(team, table);
        t.put("rows", here.get("rows"));
        t.put("sameRows", here.get("rows").equals(there.get("rows")));
        t.put(
            "sameServiceCounts",
            new ArrayList<>(session.rows().values(table, Rows.SERVICE).entrySet())
                .equals(new ArrayList<>(team.values(table, Rows.SERVICE).entrySet())));
        here.remove("rows");
        there.remove("rows");
        t.put("local", here);
        t.put("store", there);
        out.put(table.name().toLowerCase(java.util.Locale.ROOT), t);
      }
    }
    return out;
  }

  static Map<String, Object> timed(Tables tables, Rows.Table table) throws IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    long t0 = System.nanoTime();
    Rows.Source<?> rows =
        switch (table) {
          case INCIDENTS -> tables.incidents("", Rows.Order.NEWEST);
          case DEPLOYS -> tables.deploys("", Rows.Order.NEWEST);
          case RUNS -> tables.runs("", Rows.Order.NEWEST);
          case FACTS -> tables.facts("", Rows.Order.NEWEST);
        };
    try (rows) {
      rows.page(0, PAGE);
      m.put("firstPageMs", millis(t0));
      int n = rows.size();
      m.put("rows", n);
      long t1 = System.nanoTime();
      rows.page(Math.max(0, n / 2), PAGE);
      m.put("middlePageMs", millis(t1));
      long t2 = System.nanoTime();
      rows.page(Math.max(0, n - PAGE), PAGE);
      m.put("lastPageMs", millis(t2));
    }
    long t3 = System.nanoTime();
    tables.values(table, Rows.SERVICE);
    m.put("serviceCountsMs", millis(t3));
    return m;
  }

  private static double millis(long t0) {
    return Math.round((System.nanoTime() - t0) / 1e4) / 100.0;
  }

  private static double seconds(long t0) {
    return Math.round((System.nanoTime() - t0) / 1e7) / 100.0;
  }
}
