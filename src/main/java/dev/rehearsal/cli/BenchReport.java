package dev.rehearsal.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/** The benchmark's figures as tables for a terminal. */
final class BenchReport {
  private BenchReport() {}

  @SuppressWarnings("unchecked")
  static void print(PrintWriter out, Object figures) {
    Map<String, Object> f = (Map<String, Object>) figures;
    if (f.containsKey("runs")) {
      for (Object run : (List<Object>) f.get("runs")) {
        printOne(out, (Map<String, Object>) run);
        out.println();
      }
      if (((Number) f.get("runsPerSize")).intValue() > 1) {
        out.println("Medians of " + f.get("runsPerSize") + " runs per size:");
        for (Object m : (List<Object>) f.get("medians")) {
          out.println("  " + m);
        }
      }
      out.println(
          "Growth (exponent of size, from the medians; n log n between these sizes is "
              + "nLogNExponent):");
      ((Map<String, Object>) f.get("growth")).forEach((k, v) -> out.println("  " + k + ": " + v));
      return;
    }
    printOne(out, f);
  }

  @SuppressWarnings("unchecked")
  private static void printOne(PrintWriter out, Map<String, Object> f) {
    out.println("Scale " + f.get("scale") + " on " + f.get("machine"));
    TextTable t = new TextTable("FIGURE", "VALUE", "TARGET").rightAlign(1);
    t.add("records imported", f.get("records"), "");
    t.add("import seconds", f.get("importSeconds"), "");
    t.add("import records/s", f.get("importRecordsPerSecond"), "");
    t.add("files read once first, seconds", f.get("filesReadOnceSeconds"), "");
    t.add("parse alone seconds", f.get("parseSeconds"), "");
    t.add("index alone seconds", f.get("indexSeconds"), "");
    t.add("import / (parse + index)", f.get("importToFloorRatio"), "<= 1.5");
    t.add("import heap MB: live peak (own pass)", f.get("importPeakLiveHeapMB"), "< max heap");
    t.add("import heap MB: used peak (sampled)", f.get("importPeakUsedHeapMB"), "");
    t.add("analysis seconds: first in this JVM", f.get("analysisSeconds"), "<= 10");
    t.add("analysis seconds per 1,000 incidents", f.get("analysisSecondsPer1000Incidents"), "");
    t.add("analysis seconds: run again", f.get("analysisAgainSeconds"), "<= 10");
    t.add("analysis heap MB: live peak (own pass)", f.get("analysisPeakLiveHeapMB"), "< max heap");
    t.add("analysis heap MB: used peak (sampled)", f.get("analysisPeakUsedHeapMB"), "");
    Object duck = f.get("duckdb");
    if (duck instanceof Map<?, ?> d) {
      t.add("DuckDB load ms", d.get("loadMillis"), "");
      t.add(
          "DuckDB ASOF join ms: first / again",
          d.get("asofJoinMillis") + " / " + d.get("asofJoinAgainMillis"),
          "");
      t.add(
          "Rehearsal linking ms: first / again",
          d.get("rehearsalLinkMillis") + " / " + d.get("rehearsalLinkAgainMillis"),
          "");
      t.add("linking / ASOF join: first", d.get("linkToJoinRatio"), "<= 1.0");
      t.add("linking / ASOF join: again", d.get("linkAgainToJoinRatio"), "<= 1.0");
    } else if (duck != null) {
      t.add("DuckDB", duck, "");
    }
    Map<String, Object> s = (Map<String, Object>) f.get("search");
    if (s != null) {
      t.add("search p50 ms", s.get("p50Ms"), "");
      t.add("search p95 ms", s.get("p95Ms"), "<= 100");
      t.add("search p99 ms", s.get("p99Ms"), "");
    }
    Map<String, Object> store = (Map<String, Object>) f.get("store");
    if (store != null) {
      t.add(
          "team store: push s (" + store.get("pushedIncidents") + " incidents)",
          store.get("pushSeconds"),
          "");
      t.add(
          "team store: search p50 / p95 ms (" + store.get("queries") + " queries)",
          store.get("p50Ms") + " / " + store.get("p95Ms"),
          "");
      t.add(
          "team store: same first 100 as local, set / order",
          store.get("sameSetOfFirst100") + " / " + store.get("sameOrderOfFirst100"),
          "");
      if (store.get("tables") instanceof Map<?, ?> tables) {
        tables.forEach(
            (table, v) -> {
              Map<String, Object> tv = (Map<String, Object>) v;
              Map<String, Object> here = (Map<String, Object>) tv.get("local");
              Map<String, Object> there = (Map<String, Object>) tv.get("store");
              t.add(
                  "team store: "
                      + table
                      + " table ms, first / middle / last page / service counts, store (local)",
                  String.format(
                      "%s / %s / %s / %s (%s / %s / %s / %s)",
                      there.get("firstPageMs"),
                      there.get("middlePageMs"),
                      there.get("lastPageMs"),
                      there.get("serviceCountsMs"),
                      here.get("firstPageMs"),
                      here.get("middlePageMs"),
                      here.get("lastPageMs"),
                      here.get("serviceCountsMs")),
                  Boolean.TRUE.equals(tv.get("sameRows"))
                          && Boolean.TRUE.equals(tv.get("sameServiceCounts"))
                      ? "same rows and counts"
                      : "DIFFERENT rows or counts");
            });
      }
    }
    Object reports = f.get("reports");
    if (reports instanceof Map<?, ?> r) {
      t.add(
          "incidents CSV s (" + r.get("incidentsCsvIncidents") + " incidents)",
          r.get("incidentsCsvSeconds"),
          "<= 5 at 100,000");
      t.add("figures CSV s", r.get("aggregatesCsvSeconds"), "");
      t.add(
          "quarterly PDF s ("
              + r.get("quarterlyPdfQuarter")
              + ", "
              + r.get("quarterlyPdfIncidents")
              + " incidents, "
              + r.get("quarterlyPdfPages")
              + " pages)",
          r.get("quarterlyPdfSeconds"),
          "<= 10 at 25,000");
      t.add("postmortem pack s", r.get("postmortemPdfSeconds"), "");
    }
    Object app = f.get("app");
    if (app instanceof Map<?, ?> a) {
      if (a.containsKey("error")) {
        t.add("app", a.get("error"), "");
      } else {
        t.add("app: launch to first frame ms", a.get("launchToFirstFrameMs"), "<= 2000");
        t.add("app: launch to filled table ms", a.get("launchToTableMs"), "");
        t.add("app: longest stall scrolling ms", a.get("maxStallScrollMs"), "<= 50");
        t.add("app: longest stall searching ms", a.get("maxStallSearchMs"), "<= 50");
        // the FX thread's own work in its longest frame, apart from waiting for a busy machine
        t.add(
            "app: FX-thread CPU, longest scrolling frame ms", a.get("maxFxThreadCpuScrollMs"), "");
        t.add(
            "app: FX-thread CPU, longest searching frame ms", a.get("maxFxThreadCpuSearchMs"), "");
        t.add("app: deploys table filled ms", a.get("deploysFillMs"), "");
        t.add("app: longest stall scrolling deploys ms", a.get("deploysMaxStallScrollMs"), "<= 50");
        t.add(
            "app: opening an incident ms, first / longest of " + a.get("openIncidents"),
            a.get("openIncidentFirstMs") + " / " + a.get("openIncidentMaxMs"),
            "<= 300");
        t.add(
            "app: dashboard of a quarter ms (" + a.get("dashboardQuarter") + ")",
            a.get("dashboardQuarterMs"),
            "<= 1000");
        for (String error : List.of("openIncidentError", "dashboardError", "deploysError")) {
          if (a.containsKey(error)) {
            t.add("app: " + error, a.get(error), "");
          }
        }
        t.add("app: display", a.get("mode"), "");
      }
    }
    t.print(out);
    Object formats = f.get("formats");
    if (formats instanceof Map<?, ?> fm) {
      out.println();
      TextTable ft =
          new TextTable("FORMAT", "RECORDS", "READ S", "RECORDS/S", "PARSE-ONLY RECORDS/S")
              .rightAlign(1, 2, 3, 4);
      fm.forEach(
          (k, v) -> {
            Map<?, ?> m = (Map<?, ?>) v;
            ft.add(
                k,
                m.get("records"),
                m.get("readSeconds"),
                m.get("recordsPerSecond"),
                m.get("parseOnlyRecordsPerSecond"));
          });
      ft.print(out);
    }
    out.println("analysis timings (ms): " + f.get("analysisTimingsMs"));
    out.println("analysis again (ms): " + f.get("analysisAgainTimingsMs"));
  }
}
