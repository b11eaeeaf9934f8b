package dev.rehearsal.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.app.Demo;
import dev.rehearsal.app.Session;
import dev.rehearsal.app.TeamStore;
import dev.rehearsal.demo.ScenarioGenerator;
import dev.rehearsal.store.StoreAddress;
import dev.rehearsal.store.StoreCredentials;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench --store}'s figures on the demo workspace against a real node: every incident pushed,
 * and each of the benchmark's distinct queries counting as many matches there as here. Needs a node
 * (.ci/opensearch.sh start).
 */
@Tag("opensearch")
class TeamStoreFiguresIT {
  @TempDir Path dir;

  private static URI node() throws Exception {
    String url = System.getProperty("opensearch.url", "");
    if (!url.isBlank()) {
      return URI.create(url.strip());
    }
    Path portFile = Path.of(System.getProperty("opensearch.portFile", "target/opensearch/port"));
    assertTrue(Files.isRegularFile(portFile), "no OpenSearch node: run .ci/opensearch.sh start");
    return URI.create("http://127.0.0.1:" + Files.readString(portFile).strip());
  }

  @Test
  void theBenchmarksQueriesCountTheSameMatchesThereAsHere() throws Exception {
    URI node = node();
    StoreAddress address =
        StoreAddress.parse(
            "opensearch://" + node.getHost() + ":" + node.getPort() + "/rehearsal-bench-it");
    TeamStore store = new TeamStore(address, StoreCredentials.NONE, null);
    try (Session s = Session.openOrCreate(dir.resolve("ws"))) {
      Demo.build(s, dir.resolve("scenario"), ScenarioGenerator.Options.demo(), null);
      Map<String, Object> f =
          TeamStoreFigures.measure(
              s,
              s.workspace(),
              store,
              dev.rehearsal.demo.DemoScenario.dataFolders(dir.resolve("scenario")),
              dir.resolve("copy"));
      int incidents = (Integer) f.get("pushedIncidents");
      assertTrue(incidents >= 100, "the demo's incidents: " + f);
      int queries = (Integer) f.get("queries");
      assertTrue(queries >= 50, "the mix's distinct queries: " + f);
      assertEquals(queries, f.get("sameCount"), "every query counts the same matches: " + f);
      assertEquals(
          queries, f.get("sameOrderOfFirst100"), "every query's first 100 in the same order: " + f);
      assertEquals(400L, f.get("findingsSame"), "the store analysed gives every finding: " + f);
      assertEquals(0L, f.get("findingsDifferent"), f.toString());
      assertEquals(0L, f.get("findingsMissing"), f.toString());
      assertTrue((Long) f.get("pushedRecords") > 20_000, "every record is pushed: " + f);
      @SuppressWarnings("unchecked")
      Map<String, Map<String, Object>> tables = (Map<String, Map<String, Object>>) f.get("tables");
      assertEquals(
          List.of("incidents", "deploys", "runs", "facts"), List.copyOf(tables.keySet()), f + "");
      tables.forEach(
          (table, t) -> {
            assertEquals(true, t.get("sameRows"), table + ": the same rows in the store: " + t);
            assertEquals(true, t.get("sameServiceCounts"), table + ": " + t);
            assertTrue((Integer) t.get("rows") > 300, table + ": " + t);
          });
    } finally {
      store.drop();
    }
  }
}
