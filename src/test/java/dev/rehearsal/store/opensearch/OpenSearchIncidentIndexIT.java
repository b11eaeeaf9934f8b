package dev.rehearsal.store.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.rehearsal.app.Demo;
import dev.rehearsal.app.Session;
import dev.rehearsal.demo.ScenarioGenerator;
import dev.rehearsal.index.SearchHit;
import dev.rehearsal.index.SearchRequest;
import dev.rehearsal.index.Workspace;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo workspace's incidents in a real OpenSearch node: all of them, written again without
 * change, and found by the same queries as the local workspace finds them. Needs a node
 * (.ci/opensearch.sh start; mvn -B -ntp -Popensearch verify) and fails without one.
 */
@Tag("opensearch")
public class OpenSearchIncidentIndexIT {
  /**
   * Words, phrases, field queries, wildcards and boolean operators, as people type them into the
   * search box; each is run against both stores.
   */
  static final List<String> QUERIES =
      List.of(
          "checkout",
          "payments",
          "timeout",
          "latency",
          "errors",
          "\"connection pool\"",
          "title:\"connection pool\"",
          "service:checkout",
          "service:payments",
          "severity:P1",
          "env:production",
          "latency AND errors",
          "latency OR timeout",
          "checkout NOT payments",
          "timeout -checkout",
          "(checkout OR payments) AND latency",
          "pool*",
          "time*",
          "*out",
          "title:error*",
          "body:rollback",
          "db.pool.max_size",
          "jackson-databind",
          "config*",
          "memory",
          "cache",
          "migration",
          "retries",
          "queue",
          "503",
          "deploy*",
          "title:database",
          "verdict:escape",
          "gap:config",
          "gap:traffic AND service:checkout",
          "reviewed:no",
          "confidence:[0.9 TO *]",
          // the values the local search reads its own way (read by the local parser, StoreQuery)
          "confidence:0.9",
          "verdict:passed",
          "verdict:\"not change related\"",
          "gap:mock OR gap:data",
          "reviewed:false AND latency",
          "reviewer:dana",
          "reviewer:DANA OR gap:mocks",
          "reviewed:yes",
          "service:payments-api",
          "service:\"Checkout API\" AND latency",
          // phrases with a slop, stop words, groups, boosts, exclusions alone, fuzzy words
          "\"pool connection\"~3",
          "\"the connection pool\"",
          "title:(pool OR timeout) AND NOT checkout",
          "latency^3 OR timeout",
          "NOT checkout",
          "timeot~1",
          "verdict:(escape OR staged_untested) AND latency");

  @TempDir static Path dir;
  private static Path workspace;
  private static OpenSearchIncidentIndex index;

  /** The incident reviewed before the pushes, by "Dana". */
  private static String reviewed;

  @BeforeAll
  static void buildTheDemoAndConnect() throws IOException {
    URI node = node();
    waitForNode(node);
    workspace = dir.resolve("ws");
    try (Session s = Session.openOrCreate(workspace)) {
      Demo.build(s, dir.resolve("scenario"), ScenarioGenerator.Options.demo(), null);
      // one incident reviewed twice, the review in force by a name written with capitals: who
      // made each goes to the store
      try (var escapes = s.rows().incidents("verdict:escape")) {
        reviewed = escapes.page(0, 1).get(0).key();
      }
      s.reviews()
          .save(
              new dev.rehearsal.app.Reviews.Request(
                  reviewed, true, null, null, null, false, "", "Ana"));
      sleepAMoment(); // each review is kept under the millisecond it was made in
      s.reviews()
          .save(
              new dev.rehearsal.app.Reviews.Request(
                  reviewed, true, null, null, null, false, "checked the pool", "Dana"));
    }
    index = OpenSearchIncidentIndex.connect(node, "rehearsal-it");
    index.drop();
  }

  private static void sleepAMoment() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @AfterAll
  static void dropTheIndex() throws IOException {
    if (index != null) {
      index.drop();
      index.close();
    }
  }

  /**
   * The node from -Dopensearch.url, or else the port .ci/opensearch.sh wrote; no node named is a
   * failure, not a skip.
   */
  public static URI node() throws IOException {
    String url = System.getProperty("opensearch.url", "");
    if (!url.isBlank()) {
      return URI.create(url.strip());
    }
    Path portFile = Path.of(System.getProperty("opensearch.portFile", "target/opensearch/port"));
    if (!Files.isRegularFile(portFile)) {
      fail(
          "no OpenSearch node: set -Dopensearch.url=http://host:port or run .ci/opensearch.sh"
              + " start (it writes "
              + portFile
              + ")");
    }
    return URI.create("http://127.0.0.1:" + Files.readString(portFile).strip());
  }

  private static void waitForNode(URI node) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest health =
        HttpRequest.newBuilder(node.resolve("/_cluster/health?wait_for_status=yellow&timeout=10s"))
            .timeout(Duration.ofSeconds(15))
            .build();
    try {
      HttpResponse<String> r = http.send(health, HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200 && r.statusCode() != 401) {
        fail("OpenSearch at " + node + " answered " + r.statusCode() + ": " + r.body());
      }
    } catch (IOException e) {
      fail("OpenSearch at " + node + " cannot be reached: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fail("interrupted while reaching OpenSearch at " + node);
    }
  }

  @Test
  void everyIncidentIsWrittenAndWritingAgainChangesNothing() throws IOException {
    List<String> local = localKeys("", 1000);
    assertTrue(local.size() >= 100, "the demo has incidents: " + local.size());
    int written;
    try (Workspace ws = Workspace.open(workspace)) {
      written = index.upsert(ws);
    }
    assertEquals(local.size(), written);
    assertEquals(local.size(), index.count(), "every incident is in the index");
    List<String> sample = new ArrayList<>(new TreeSet<>(local)).subList(0, 10);
    List<Map<String, Object>> before = new ArrayList<>();
    for (String key : sample) {
      before.add(index.document(key).orElseThrow(() -> new AssertionError("missing " + key)));
    }

    try (Workspace ws = Workspace.open(workspace)) {
      assertEquals(local.size(), index.upsert(ws));
    }
    assertEquals(local.size(), index.count(), "writing again adds nothing");
    for (int i = 0; i < sample.size(); i++) {
      Map<String, Object> was = new java.util.HashMap<>(before.get(i));
      Map<String, Object> now =
          new java.util.HashMap<>(index.document(sample.get(i)).orElseThrow());
      assertNotEquals(
          was.remove(OpenSearchIncidentIndex.RUN), now.remove(OpenSearchIncidentIndex.RUN));
      assertEquals(was, now, sample.get(i) + ": the same but for the push that wrote it");
    }
    assertEquals(1, index.current().size(), "the earlier push's index is gone: " + index.current());
    assertEquals(new TreeSet<>(local), new TreeSet<>(index.search("", 10_000)));
    // who made the review in force, and when
    Map<String, Object> doc = index.document(reviewed).orElseThrow();
    assertEquals("dana", doc.get(dev.rehearsal.index.Schema.REVIEWER), doc.toString());
    assertTrue(doc.get(OpenSearchIncidentIndex.REVIEWED_AT) != null, doc.toString());
    assertEquals("yes", doc.get(dev.rehearsal.index.Schema.REVIEWED));
    // and every review made of it, oldest first
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> reviews =
        (List<Map<String, Object>>) doc.get(OpenSearchIncidentIndex.REVIEWS);
    assertEquals(2, reviews.size(), reviews.toString());
    assertEquals("Ana", reviews.get(0).get("reviewer"));
    assertTrue(
        reviews.get(0).get("at").toString().compareTo(reviews.get(1).get("at").toString()) < 0,
        reviews.toString());
    assertEquals("Dana", reviews.get(1).get("reviewer"));
    assertEquals("checked the pool", reviews.get(1).get("note"));
  }

  @Test
  void theQueriesFindTheSameIncidentsAsTheLocalWorkspace() throws IOException {
    try (Workspace ws = Workspace.open(workspace)) {
      index.upsert(ws);
    }
    List<String> differentSets = new ArrayList<>();
    List<String> differentOrders = new ArrayList<>();
    int sameOrder = 0;
    int withHits = 0;
    StringBuilder table = new StringBuilder();
    for (String q : QUERIES) {
      List<String> local = localKeys(q, 1000);
      List<String> remote = index.search(q, 10_000);
      Set<String> l = new LinkedHashSet<>(local);
      Set<String> r = new LinkedHashSet<>(remote);
      if (!local.isEmpty()) {
        withHits++;
      }
      boolean sameSet = l.equals(r);
      boolean ordered = sameSet && local.equals(remote);
      if (ordered) {
        sameOrder++;
      } else if (sameSet) {
        differentOrders.add(q);
      }
      table.append(
          String.format(
              "%-40s local %4d  opensearch %4d  %s%n",
              q,
              local.size(),
              remote.size(),
              sameSet ? (ordered ? "same order" : "same set") : ""));
      if (!sameSet) {
        Set<String> onlyLocal = new TreeSet<>(l);
        onlyLocal.removeAll(r);
        Set<String> onlyRemote = new TreeSet<>(r);
        onlyRemote.removeAll(l);
        differentSets.add(q + ": only local " + onlyLocal + ", only OpenSearch " + onlyRemote);
      }
    }
    System.out.printf(
        "OpenSearch parity: %d queries, %d with hits, %d same set, %d same order%n%s",
        QUERIES.size(), withHits, QUERIES.size() - differentSets.size(), sameOrder, table);
    assertTrue(withHits >= 20, "at least 20 queries find something locally: " + withHits);
    assertEquals(List.of(), differentSets, "queries whose hits differ");
    // both stores score with the incidents' own statistics, the query read clause by clause
    assertEquals(List.of(), differentOrders, "queries whose hits come in another order");
  }

  /**
   * Queries written at random from the demo's words, fields and the syntax's operators (a fixed
   * seed): each finds the same incidents in the same order in both stores.
   */
  @Test
  void randomQueriesFindTheSameIncidentsInTheSameOrder() throws IOException {
    try (Workspace ws = Workspace.open(workspace)) {
      index.upsert(ws);
    }
    java.util.Random r = new java.util.Random(20261207);
    List<String> differ = new ArrayList<>();
    int withHits = 0;
    for (int i = 0; i < 150; i++) {
      String q = randomQuery(r, 0);
      List<String> local = localKeys(q, 1000);
      List<String> remote = index.search(q, 10_000);
      if (!local.isEmpty()) {
        withHits++;
      }
      if (!local.equals(remote)) {
        differ.add(q + " (" + local.size() + " here, " + remote.size() + " there)");
      }
    }
    assertTrue(withHits >= 50, "at least 50 of the random queries find something: " + withHits);
    assertEquals(List.of(), differ, "random queries whose hits or order differ");
  }

  private static final String[] WORDS = {
    "checkout",
    "payments",
    "timeout",
    "latency",
    "errors",
    "pool",
    "connection",
    "cache",
    "queue",
    "database",
    "config",
    "rollback",
    "deploy",
    "memory",
    "503",
    "migration",
    "retries",
    "flag",
    "traffic",
    "spike",
    "the",
    "staging",
    "orders",
    "slow"
  };

  private static final String[] FIELDS = {"title:", "body:", "service:", "severity:", ""};

  private static String randomQuery(java.util.Random r, int depth) {
    int kind = r.nextInt(depth > 1 ? 6 : 10);
    String w = WORDS[r.nextInt(WORDS.length)];
    String w2 = WORDS[r.nextInt(WORDS.length)];
    switch (kind) {
      case 0:
        return "\"" + w + " " + w2 + "\"" + (r.nextBoolean() ? "~" + r.nextInt(4) : "");
      case 1:
        return w.substring(0, Math.max(2, w.length() - 2)) + "*";
      case 2:
        return FIELDS[r.nextInt(FIELDS.length)] + w;
      case 3:
        return w + "^" + (2 + r.nextInt(3));
      case 4:
        return new String[] {
              "verdict:escape", "gap:config", "gap:data", "reviewed:no", "confidence:0.5"
            }
            [r.nextInt(5)];
      case 5:
        return w;
      case 6:
        return randomQuery(r, depth + 1) + " AND " + randomQuery(r, depth + 1);
      case 7:
        return randomQuery(r, depth + 1) + " OR " + randomQuery(r, depth + 1);
      case 8:
        return randomQuery(r, depth + 1) + (r.nextBoolean() ? " -" : " NOT ") + w;
      default:
        return "(" + randomQuery(r, depth + 1) + " OR " + randomQuery(r, depth + 1) + ") " + w;
    }
  }

  @Test
  void aPushIsSeenWholeOrNotAtAll() throws IOException {
    OpenSearchIncidentIndex.Pushed first;
    try (Workspace ws = Workspace.open(workspace)) {
      first = index.push(ws, dev.rehearsal.task.TaskMonitor.NONE);
    }
    assertEquals(List.of(first.index()), index.current());
    long count = index.count();
    // a push cancelled after its first batch: the first push stays in force, nothing is left
    dev.rehearsal.task.TaskMonitor cancelAfterOneBatch =
        new dev.rehearsal.task.TaskMonitor() {
          private int batches;

          @Override
          public void progress(long done, long total, String message) {
            batches++;
          }

          @Override
          public boolean isCancelled() {
            return batches >= 1;
          }
        };
    try (Workspace ws = Workspace.open(workspace)) {
      assertThrows(
          dev.rehearsal.task.CancelledException.class, () -> index.push(ws, cancelAfterOneBatch));
    }
    assertEquals(List.of(first.index()), index.current(), "the earlier push is still the one");
    assertEquals(count, index.count());
    OpenSearchIncidentIndex.Pushed second;
    try (Workspace ws = Workspace.open(workspace)) {
      second = index.push(ws, dev.rehearsal.task.TaskMonitor.NONE);
    }
    assertNotEquals(first.run(), second.run());
    assertEquals(List.of(second.index()), index.current());
    assertEquals(List.of(first.index()), second.replaced());
    String key = localKeys("", 1).get(0);
    assertEquals(second.run(), index.document(key).orElseThrow().get(OpenSearchIncidentIndex.RUN));
  }

  /** The incident keys the local workspace finds, best first, through the app's search call. */
  private static List<String> localKeys(String query, int limit) throws IOException {
    SearchRequest request = SearchRequest.incidentsBestFirst(query, limit);
    List<String> keys = new ArrayList<>();
    try (Session s = Session.open(workspace)) {
      for (SearchHit h : s.rows().search(request).hits()) {
        keys.add(h.key());
      }
    }
    return keys;
  }
}
