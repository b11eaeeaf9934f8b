package dev.rehearsal.cli;

import dev.rehearsal.app.Session;
import dev.rehearsal.index.DocKind;
import dev.rehearsal.index.SearchHit;
import dev.rehearsal.index.SearchRequest;
import dev.rehearsal.index.SearchResult;
import dev.rehearsal.util.Json;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rehearsal search QUERY}: Lucene query syntax across everything imported. */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description =
        "Search incidents, deploys, staging runs and facts with Lucene query syntax, "
            + "e.g. 'checkout AND timeout', 'title:\"connection pool\"', 'service:payments', "
            + "'version:v2.14.*'.")
final class SearchCommand implements Callable<Integer> {
  static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'").withZone(ZoneOffset.UTC);

  @Mixin WorkspaceOption ws;

  @Mixin StoreOptions storeOptions;

  @Parameters(arity = "0..1", paramLabel = "QUERY", description = "Query (empty matches all)")
  String query = "";

  @Option(
      names = "--kind",
      split = ",",
      paramLabel = "KIND",
      description = "incident, deploy, run or fact (repeat or comma-separate)")
  List<String> kinds;

  @Option(names = "--service", description = "Only this (canonical) service")
  String service;

  @Option(names = "--env", description = "Only this environment")
  String env;

  @Option(names = "--from", paramLabel = "TIME", description = "From this time (inclusive)")
  String from;

  @Option(names = "--to", paramLabel = "TIME", description = "Until this time (exclusive)")
  String to;

  @Option(
      names = "--sort",
      defaultValue = "newest",
      description = "newest, oldest or relevance (default ${DEFAULT-VALUE})")
  SearchRequest.Sort sort;

  @Option(names = "--limit", defaultValue = "20", description = "Hits per page (max 1000)")
  int limit;

  @Option(names = "--offset", defaultValue = "0", description = "Hits to skip")
  int offset;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Set<DocKind> kindSet = EnumSet.noneOf(DocKind.class);
    if (kinds != null) {
      for (String k : kinds) {
        try {
          kindSet.add(DocKind.of(dev.rehearsal.model.RecordKind.fromCode(k.strip())));
        } catch (IllegalArgumentException e) {
          throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
      }
    }
    SearchRequest req;
    try {
      req =
          new SearchRequest(
              query,
              kindSet,
              service,
              env,
              time(from, "--from"),
              time(to, "--to"),
              sort,
              offset,
              limit,
              true);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    if (storeOptions.given()) {
      return searchStore(out, req);
    }
    try (Session s = ws.open()) {
      if (s.isEmpty()) {
        spec.commandLine().getErr().println("rehearsal: " + Messages.emptyWorkspace(s.dir()));
        return 1;
      }
      SearchResult r;
      try {
        r = s.rows().search(req);
      } catch (dev.rehearsal.app.Rows.QuerySyntaxException e) {
        spec.commandLine().getErr().println("rehearsal: " + e.getMessage());
        return 2;
      }
      if (ws.json) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("total", r.total());
        json.put("offset", offset);
        json.put("millis", r.millis());
        json.put(
            "hits",
            r.hits().stream()
                .map(
                    h -> {
                      Map<String, Object> m = new LinkedHashMap<>();
                      m.put("key", h.key());
                      m.put("kind", h.kind().code());
                      m.put("time", h.time());
                      m.put("title", h.title());
                      m.put("snippets", h.snippets());
                      m.put("record", h.record());
                      return m;
                    })
                .toList());
        out.println(Json.pretty().writeValueAsString(json));
        return 0;
      }
      out.printf(
          "%,d match(es) (%d ms)%s%n",
          r.total(),
          r.millis(),
          r.total() > offset + r.hits().size()
              ? String.format("; showing %d-%d", offset + 1, offset + r.hits().size())
              : "");
      for (SearchHit h : r.hits()) {
        out.printf("%n%s  %-8s %s%n", TIME.format(h.time()), h.kind().code(), h.title());
        out.printf("    %s%n", h.key());
        for (String snippet : h.snippets()) {
          out.println("    " + SearchHit.plain(snippet).replace('\n', ' '));
        }
      }
      return 0;
    }
  }

  /**
   * The team workspace's incidents the request finds (its searches find incidents), as the local
   * search finds them: query, service, environment, time range, order and page.
   */
  private int searchStore(PrintWriter out, SearchRequest req) throws Exception {
    if (kinds != null && !kinds.stream().allMatch(k -> k.strip().equals("incident"))) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "the team workspace's search finds incidents: --kind can only be incident with --store"
              + " (rows deploys|runs|facts --store reads the other records)");
    }
    dev.rehearsal.app.TeamStore store = storeOptions.resolve(spec);
    dev.rehearsal.store.opensearch.OpenSearchIncidentIndex.Found found;
    long t0 = System.nanoTime();
    try {
      found = store.search(req.withKinds(java.util.Set.of(dev.rehearsal.index.DocKind.INCIDENT)));
    } catch (dev.rehearsal.app.Rows.QuerySyntaxException e) {
      spec.commandLine().getErr().println("rehearsal: " + e.getMessage());
      return 2;
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    } catch (java.io.IOException e) {
      spec.commandLine()
          .getErr()
          .println("rehearsal: the team workspace at " + store.address() + ": " + e.getMessage());
      return 1;
    }
    long millis = (System.nanoTime() - t0) / 1_000_000;
    if (ws.json) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("store", store.address().toString());
      json.put("total", found.total());
      json.put("offset", offset);
      json.put("millis", millis);
      json.put(
          "hits",
          found.hits().stream()
              .map(
                  h -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("key", h.key());
                    m.put("kind", "incident");
                    m.put("time", h.time());
                    m.put("title", h.title());
                    m.put("snippets", h.snippets());
                    return m;
                  })
              .toList());
      out.println(Json.pretty().writeValueAsString(json));
      return 0;
    }
    out.printf(
        "%,d match(es) in %s (%d ms)%s%n",
        found.total(),
        store.address(),
        millis,
        found.total() > offset + found.hits().size()
            ? String.format("; showing %d-%d", offset + 1, offset + found.hits().size())
            : "");
    for (var h : found.hits()) {
      out.printf(
          "%n%s  %-8s %s%n    %s%n",
          h.time() == null ? "                 " : TIME.format(h.time()),
          "incident",
          h.title(),
          h.key());
      for (String snippet : h.snippets()) {
        out.println("    " + SearchHit.plain(snippet).replace('\n', ' '));
      }
    }
    return 0;
  }

  private Instant time(String raw, String option) {
    return TimeOptions.parse(spec, raw, option);
  }
}
