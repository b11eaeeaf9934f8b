package dev.rehearsal.store.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.app.Demo;
import dev.rehearsal.app.Reviews;
import dev.rehearsal.app.Rows;
import dev.rehearsal.app.Session;
import dev.rehearsal.app.Tables;
import dev.rehearsal.app.TeamStore;
import dev.rehearsal.app.TeamTables;
import dev.rehearsal.demo.ScenarioGenerator;
import dev.rehearsal.index.DocKind;
import dev.rehearsal.index.RecordCodec;
import dev.rehearsal.index.RowOrder;
import dev.rehearsal.index.Schema;
import dev.rehearsal.model.Deploy;
import dev.rehearsal.model.EnvironmentFact;
import dev.rehearsal.model.Incident;
import dev.rehearsal.model.IncidentRow;
import dev.rehearsal.model.StagingRun;
import dev.rehearsal.settings.ServiceNames;
import dev.rehearsal.store.StoreAddress;
import dev.rehearsal.store.StoreCredentials;
import dev.rehearsal.task.TaskMonitor;
import dev.rehearsal.util.Json;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The team workspace's tables read where it is kept (no copy) give the local workspace's rows in
 * the same order, and its columns' values the same counts: every table, ordered by time and by
 * columns, filtered by queries, read a page at a time across the result window; an index written by
 * an earlier version is given its fields; records are filed again when the service names change.
 * Needs a node (.ci/opensearch.sh start).
 */
@Tag("opensearch")
class TeamTablesIT {
  @TempDir static Path dir;
  private static Path local;
  private static URI node;
  private static TeamStore store;

  @BeforeAll
  static void pushTheDemo() throws Exception {
    node = OpenSearchIncidentIndexIT.node();
    local = dir.resolve("local");
    store = store("team-it-tables");
    store.drop();
    try (Session s = Session.openOrCreate(local)) {
      Demo.build(s, dir.resolve("scenario"), ScenarioGenerator.Options.demo(), TaskMonitor.NONE);
      String first =
          s.workspace().records().list(DocKind.INCIDENT, Incident.class).stream()
              .map(Incident::key)
              .sorted()
              .findFirst()
              .orElseThrow();
      s.reviews()
          .save(new Reviews.Request(first, true, null, null, null, false, "checked", "dana"));
      store.push(s, TaskMonitor.NONE);
    }
  }

  @AfterAll
  static void drop() throws Exception {
    store.drop();
    store("team-it-tables-old").drop();
    store("team-it-tables-renamed").drop();
  }

  private static TeamStore store(String prefix) {
    return new TeamStore(
        StoreAddress.parse("opensearch://" + node.getHost() + ":" + node.getPort() + "/" + prefix),
        StoreCredentials.NONE,
        null);
  }

  /** A table read whole, a page at a time. */
  private static List<Object> all(Rows.Source<?> rows, int page) throws IOException {
    List<Object> out = new ArrayList<>();
    try (rows) {
      for (int from = 0; from < rows.size(); from += page) {
        out.addAll(rows.page(from, page));
      }
    }
    return out;
  }

  private static String key(Object row) {
    if (row instanceof IncidentRow i) {
      return i.key();
    } else if (row instanceof Deploy d) {
      return d.key();
    } else if (row instanceof StagingRun r) {
      return r.key();
    }
    return ((EnvironmentFact) row).key();
  }

  /**
   * What a row is ordered by: the column's value as the index holds it, and its time. Rows equal in
   * both may come in either order (locally in the order they were written, in the store by key).
   */
  private static List<Object> place(Object row, String column, ServiceNames names) {
    Object value;
    java.time.Instant time;
    if (row instanceof IncidentRow i) {
      time = i.onset();
      value =
          switch (column) {
            case Schema.VERDICT -> i.verdict();
            case Schema.GAP -> i.gaps().isEmpty() ? "" : i.gaps().get(0);
            case Schema.SERVICE -> i.services().stream().sorted().findFirst().orElse("");
            case Schema.SEVERITY -> RecordCodec.normalised(i.severity() + " ");
            default -> "";
          };
    } else if (row instanceof Deploy d) {
      time = d.time();
      value =
          switch (column) {
            case Schema.SERVICE -> names.canonical(d.service());
            case Schema.STATUS -> d.status().name();
            case Schema.VERSION_FIELD -> RecordCodec.normalised(d.version() + " ");
            default -> "";
          };
    } else if (row instanceof StagingRun r) {
      time = r.time();
      value = column.equals(Schema.SUITE) ? RecordCodec.normalised(r.suite() + " ") : "";
    } else {
      EnvironmentFact f = (EnvironmentFact) row;
      time = f.time();
      value = column.equals(Schema.VALUE) ? RecordCodec.normalised(f.value() + " ") : "";
    }
    return List.of(value, time == null ? "" : time);
  }

  /**
   * The same rows in the same places: at each position the same value and time, and each run of
   * rows equal in both the same records.
   */
  private static void assertSameRows(
      List<Object> expected, List<Object> got, String column, ServiceNames names, String what) {
    assertEquals(expected.size(), got.size(), what + ": rows");
    int start = 0;
    for (int i = 0; i <= expected.size(); i++) {
      boolean end =
          i == expected.size()
              || !place(expected.get(i), column, names)
                  .equals(place(expected.get(start), column, names));
      if (i < expected.size()) {
        assertEquals(
            place(expected.get(i), column, names),
            place(got.get(i), column, names),
            what + ": the row at " + i);
      }
      if (end) {
        Set<String> a = new HashSet<>();
        Set<String> b = new HashSet<>();
        for (int j = start; j < i; j++) {
          a.add(key(expected.get(j)));
          b.add(key(got.get(j)));
        }
        assertEquals(a, b, what + ": the rows from " + start + " to " + i);
        start = i;
      }
    }
  }

  private static void send(URI node, String method, String path, String body) throws Exception {
    var http = java.net.http.HttpClient.newHttpClient();
    var r =
        http.send(
            java.net.http.HttpRequest.newBuilder(node.resolve(path))
                .method(method, java.net.http.HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    assertTrue(r.statusCode() < 300, path + ": " + r.body());
  }

  private record Case(Rows.Table table, String query, String column, boolean descending) {}

  private static Rows.Source<?> source(Tables t, Case c) throws IOException {
    Rows.Order o = new Rows.Order(c.column(), c.descending());
    return switch (c.table()) {
      case INCIDENTS -> t.incidents(c.query(), o);
      case DEPLOYS -> t.deploys(c.query(), o);
      case RUNS -> t.runs(c.query(), o);
      case FACTS -> t.facts(c.query(), o);
    };
  }

  @Test
  void everyTableGivesTheLocalRowsInTheSameOrder() throws Exception {
    List<Case> cases =
        List.of(
            new Case(Rows.Table.INCIDENTS, "", Schema.TIME, true),
            new Case(Rows.Table.INCIDENTS, "", Schema.TIME, false),
            new Case(Rows.Table.INCIDENTS, "", Schema.VERDICT, true),
            new Case(Rows.Table.INCIDENTS, "", Schema.GAP, false),
            new Case(Rows.Table.INCIDENTS, "", Schema.SERVICE, false),
            new Case(Rows.Table.INCIDENTS, "checkout OR payments", Schema.SEVERITY, true),
            new Case(Rows.Table.INCIDENTS, "verdict:escape AND gap:config", Schema.TIME, true),
            new Case(Rows.Table.INCIDENTS, "reviewer:dana", Schema.TIME, true),
            new Case(Rows.Table.DEPLOYS, "", Schema.TIME, true),
            new Case(Rows.Table.DEPLOYS, "", Schema.SERVICE, false),
            new Case(Rows.Table.DEPLOYS, "env:staging", Schema.VERSION_FIELD, true),
            new Case(Rows.Table.DEPLOYS, "service:checkout AND status:failed", Schema.TIME, true),
            new Case(Rows.Table.RUNS, "", Schema.TIME, false),
            new Case(Rows.Table.RUNS, "timeout", Schema.SUITE, false),
            new Case(Rows.Table.FACTS, "", Schema.VALUE, true),
            new Case(Rows.Table.FACTS, "env:production AND pool", Schema.TIME, true));
    try (Session s = Session.open(local);
        TeamTables team = store.tables()) {
      ServiceNames names = s.workspace().services();
      for (Case c : cases) {
        List<Object> here = all(source(s.rows(), c), 500);
        List<Object> there = all(source(team, c), 500);
        assertSameRows(here, there, c.column(), names, c.toString());
        if (c.query().isEmpty()) {
          assertTrue(here.size() > 100, c + ": a table of some size");
        }
      }
    }
  }

  @Test
  void columnsCountTheSameValues() throws Exception {
    Map<Rows.Table, List<String>> columns =
        Map.of(
            Rows.Table.INCIDENTS,
            List.of(
                Rows.SERVICE, Rows.SEVERITY, Rows.STATUS, Rows.VERDICT, Rows.GAP, Rows.REVIEWED),
            Rows.Table.DEPLOYS,
            List.of(Rows.SERVICE, Rows.ENVIRONMENT, Rows.STATUS, Rows.VERSION),
            Rows.Table.RUNS,
            List.of(Rows.SERVICE, Rows.STATUS, Rows.SUBTYPE, Rows.SUITE),
            Rows.Table.FACTS,
            List.of(Rows.SERVICE, Rows.ENVIRONMENT, Rows.SUBTYPE));
    try (Session s = Session.open(local);
        TeamTables team = store.tables()) {
      for (var e : columns.entrySet()) {
        for (String column : e.getValue()) {
          Map<String, Long> here = s.rows().values(e.getKey(), column);
          assertTrue(!here.isEmpty(), e.getKey() + " " + column + ": values");
          assertEquals(
              new ArrayList<>(here.entrySet()),
              new ArrayList<>(team.values(e.getKey(), column).entrySet()),
              e.getKey() + " " + column);
        }
      }
      assertEquals(Map.of("yes", 1L, "no", 399L), team.values(Rows.Table.INCIDENTS, Rows.REVIEWED));
    }
  }

  @Test
  void farPagesAreReachedBeyondTheResultWindow() throws Exception {
    try (Session s = Session.open(local);
        OpenSearchRecords records =
            OpenSearchRecords.connect(store.address(), StoreCredentials.NONE, null)) {
      records.window(1000); // OpenSearch's is 10,000: the same path, reached sooner
      List<Object> here = all(s.rows().deploys("", Rows.Order.NEWEST), 700);
      List<Object> there = new ArrayList<>();
      try (OpenSearchRecords.Paged rows = records.rows(DocKind.DEPLOY, "", RowOrder.NEWEST)) {
        assertEquals(here.size(), rows.total());
        // the last page first, then back to the start, then every page in turn
        List<String> last = rows.page(here.size() - 50, 100);
        assertEquals(50, last.size());
        assertEquals(
            key(here.get(here.size() - 1)),
            Json.mapper().readValue(last.get(49), Deploy.class).key());
        for (int from = 0; from < here.size(); from += 700) {
          for (String json : rows.page(from, 700)) {
            there.add(Json.mapper().readValue(json, Deploy.class));
          }
        }
        assertEquals(List.of(), rows.page(here.size(), 10));
      }
      assertSameRows(here, there, Schema.TIME, s.workspace().services(), "deploys by pages");
      // ordered by a column, a page far from both ends is walked to, from the nearer end
      List<Object> byService =
          all(s.rows().deploys("", new Rows.Order(Schema.SERVICE, false)), 700);
      try (OpenSearchRecords.Paged rows =
          records.rows(DocKind.DEPLOY, "", new RowOrder(Schema.SERVICE, false))) {
        for (int from : List.of(3000, here.size() - 2300, 1700)) {
          List<Object> page = new ArrayList<>();
          for (String json : rows.page(from, 300)) {
            page.add(Json.mapper().readValue(json, Deploy.class));
          }
          List<Object> expected = byService.subList(from, from + 300);
          assertEquals(
              expected.stream()
                  .map(r -> place(r, Schema.SERVICE, s.workspace().services()))
                  .toList(),
              page.stream().map(r -> place(r, Schema.SERVICE, s.workspace().services())).toList(),
              "by service, from " + from);
        }
      }
      // ordered by time, a page far from both ends is found by counts
      int near = here.size() - 2500;
      try (OpenSearchRecords.Paged rows = records.rows(DocKind.DEPLOY, "", RowOrder.NEWEST)) {
        List<Object> page = new ArrayList<>();
        for (String json : rows.page(near, 300)) {
          page.add(Json.mapper().readValue(json, Deploy.class));
        }
        assertSameRows(
            here.subList(near, near + 300),
            page,
            Schema.TIME,
            s.workspace().services(),
            "a page walked to from the end");
        List<Object> first = new ArrayList<>();
        for (String json : rows.page(1500, 300)) {
          first.add(Json.mapper().readValue(json, Deploy.class));
        }
        assertSameRows(
            here.subList(1500, 1800),
            first,
            Schema.TIME,
            s.workspace().services(),
            "from the start");
      }
    }
  }

  @Test
  void aQueryTheLocalSearchRefusesIsRefusedBeforeItIsSent() throws Exception {
    try (TeamTables team = store.tables()) {
      Rows.QuerySyntaxException e =
          assertThrows(
              Rows.QuerySyntaxException.class,
              () -> team.deploys("service:(checkout", Rows.Order.NEWEST));
      assertTrue(e.getMessage().contains("checkout"), e.getMessage());
      IllegalArgumentException order =
          assertThrows(
              IllegalArgumentException.class,
              () -> team.deploys("", new Rows.Order("title", true)));
      assertTrue(order.getMessage().contains("cannot be ordered by title"), order.getMessage());
    }
  }

  @Test
  void anIndexWrittenByAnEarlierVersionIsGivenItsFields() throws Exception {
    TeamStore old = store("team-it-tables-old");
    old.drop();
    String index = OpenSearchRecords.indexName("team-it-tables-old");
    StringBuilder bulk = new StringBuilder();
    List<Deploy> deploys;
    try (Session s = Session.open(local)) {
      deploys = s.workspace().records().list(DocKind.DEPLOY, Deploy.class).subList(0, 300);
    }
    for (Deploy d : deploys) {
      bulk.append(
              Json.mapper()
                  .writeValueAsString(Map.of("index", Map.of("_index", index, "_id", d.key()))))
          .append('\n')
          .append(
              Json.mapper()
                  .writeValueAsString(
                      Map.of(
                          "kind",
                          "deploy",
                          "key",
                          d.key(),
                          "file",
                          d.provenance().file(),
                          "json",
                          Json.mapper().writeValueAsString(d),
                          "session",
                          "earlier")))
          .append('\n');
    }
    // the mapping the first versions wrote: kind, key, file, json and the connection alone
    send(
        node,
        "PUT",
        "/" + index,
        "{\"mappings\":{\"dynamic\":\"strict\",\"properties\":{\"kind\":{\"type\":\"keyword\"},"
            + "\"key\":{\"type\":\"keyword\"},\"file\":{\"type\":\"keyword\"},"
            + "\"json\":{\"type\":\"keyword\",\"index\":false,\"doc_values\":false},"
            + "\"session\":{\"type\":\"keyword\"}}}}");
    send(node, "POST", "/_bulk?refresh=true", bulk.toString());
    try (TeamTables team = old.tables()) {
      java.io.IOException e =
          assertThrows(java.io.IOException.class, () -> team.deploys("", Rows.Order.NEWEST));
      assertTrue(e.getMessage().contains("rehearsal store upgrade"), e.getMessage());
    }
    assertEquals(300, old.upgrade());
    assertEquals(0, old.upgrade(), "once");
    try (TeamTables team = old.tables()) {
      ServiceNames names = ServiceNames.defaults(); // no rules were written
      String service = names.canonical(deploys.get(0).service());
      Rows.Source<Deploy> rows =
          team.deploys("service:" + service, new Rows.Order("version", false));
      List<Object> got = all(rows, 100);
      List<Object> expected = new ArrayList<>();
      deploys.stream()
          .filter(d -> names.canonical(d.service()).equals(service))
          .sorted(
              java.util.Comparator.comparing(
                      (Deploy d) -> RecordCodec.normalised(d.version() + " "))
                  .thenComparing(Deploy::time, java.util.Comparator.reverseOrder())
                  .thenComparing(Deploy::key))
          .forEach(expected::add);
      assertTrue(!expected.isEmpty());
      assertEquals(
          expected.stream().map(TeamTablesIT::key).toList(),
          got.stream().map(TeamTablesIT::key).toList());
    }
  }

  @Test
  void recordsAreFiledAgainWhenTheServiceNamesChange() throws Exception {
    TeamStore again = store("team-it-tables-renamed");
    again.drop();
    try (Session s = Session.open(local)) {
      again.push(s, TaskMonitor.NONE);
    }
    BiFunction<Session, TeamTables, Void> same =
        (s, team) -> {
          try {
            assertEquals(
                new ArrayList<>(s.rows().values(Rows.Table.DEPLOYS, Rows.SERVICE).entrySet()),
                new ArrayList<>(team.values(Rows.Table.DEPLOYS, Rows.SERVICE).entrySet()));
            return null;
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        };
    Path copy = dir.resolve("renamed");
    try (Session s = Session.openOrCreate(copy)) {
      again.pull(s, TaskMonitor.NONE);
      // the team decides that search is "discovery" from now on
      s.configuration().setAlias("search-svc", "discovery", TaskMonitor.NONE);
      assertTrue(
          s.rows().values(Rows.Table.DEPLOYS, Rows.SERVICE).containsKey("discovery"),
          "renamed here");
      again.push(s, TaskMonitor.NONE);
      try (TeamTables team = again.tables()) {
        same.apply(s, team);
        assertEquals(
            s.rows().deploys("service:discovery", Rows.Order.NEWEST).size(),
            team.deploys("service:discovery", Rows.Order.NEWEST).size());
      }
    }
  }
}
