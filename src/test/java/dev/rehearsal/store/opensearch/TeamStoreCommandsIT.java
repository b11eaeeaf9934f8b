package dev.rehearsal.store.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rehearsal.app.Demo;
import dev.rehearsal.app.Session;
import dev.rehearsal.cli.Main;
import dev.rehearsal.demo.ScenarioGenerator;
import dev.rehearsal.util.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The team workspace from the command line against a real node: {@code rehearsal store push} writes
 * the demo's incidents (again: nothing added), and {@code rehearsal search --store} finds what the
 * local search finds, in the same order. Needs a node (.ci/opensearch.sh start).
 */
@Tag("opensearch")
class TeamStoreCommandsIT {
  @TempDir static Path dir;
  private static Path workspace;
  private static String address;

  @BeforeAll
  static void buildTheDemo() throws Exception {
    URI node = OpenSearchIncidentIndexIT.node();
    address = "opensearch://" + node.getHost() + ":" + node.getPort() + "/rehearsal-cli-it";
    workspace = dir.resolve("ws");
    try (Session s = Session.openOrCreate(workspace)) {
      Demo.build(s, dir.resolve("scenario"), ScenarioGenerator.Options.demo(), null);
    }
  }

  @AfterAll
  static void dropTheIndex() throws Exception {
    try (OpenSearchIncidentIndex index =
        OpenSearchIncidentIndex.connect(
            dev.rehearsal.store.StoreAddress.parse(address),
            dev.rehearsal.store.StoreCredentials.NONE,
            null)) {
      index.drop();
    }
    new dev.rehearsal.app.TeamStore(
            dev.rehearsal.store.StoreAddress.parse(address.replace("cli-it", "cli-review-it")),
            dev.rehearsal.store.StoreCredentials.NONE,
            null)
        .drop();
  }

  private static String[] run(int expectedCode, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    assertEquals(expectedCode, code, String.join(" ", args) + "\n" + out + err);
    return new String[] {out.toString(), err.toString()};
  }

  private static List<String> keys(String json) throws Exception {
    List<String> keys = new ArrayList<>();
    for (JsonNode h : Json.mapper().readTree(json).get("hits")) {
      keys.add(h.get("key").asText());
    }
    return keys;
  }

  @Test
  void pushThenSearchTheTeamWorkspaceAsTheLocalOne() throws Exception {
    String ws = "--workspace=" + workspace;
    JsonNode first =
        Json.mapper().readTree(run(0, "store", "push", ws, "--store", address, "--json")[0]);
    int written = first.get("written").asInt();
    assertTrue(written >= 100, "the demo's incidents: " + written);
    assertEquals(written, first.get("inStore").asInt());
    JsonNode again =
        Json.mapper().readTree(run(0, "store", "push", ws, "--store", address, "--json")[0]);
    assertEquals(written, again.get("inStore").asInt(), "pushing again adds nothing");

    for (String q :
        List.of(
            "checkout",
            "latency AND errors",
            "severity:P1",
            "pool*",
            "verdict:escape",
            "gap:config")) {
      List<String> local =
          keys(
              run(
                  0,
                  "search",
                  ws,
                  q,
                  "--kind",
                  "incident",
                  "--sort",
                  "relevance",
                  "--limit",
                  "1000",
                  "--json")[0]);
      List<String> remote =
          keys(
              run(
                  0,
                  "search",
                  "--store",
                  address,
                  q,
                  "--sort",
                  "relevance",
                  "--limit",
                  "1000",
                  "--json")[0]);
      assertTrue(!local.isEmpty(), q + " finds something locally");
      // the same incidents in the same order (both score with the incidents' statistics)
      assertEquals(local, remote, q);
    }
    // with a service, a time range, an order and a page, as the local search reads them
    for (String[] filters :
        List.of(
            new String[] {"--service", "checkout", "--sort", "newest"},
            new String[] {"--from", "2023-02-01", "--to", "2023-05-01", "--sort", "oldest"},
            new String[] {"--offset", "5", "--limit", "7"})) {
      List<String> args = new java.util.ArrayList<>(List.of("search", "latency OR timeout"));
      args.addAll(List.of(filters));
      args.add("--json");
      List<String> localArgs = new java.util.ArrayList<>(args);
      localArgs.addAll(List.of(ws, "--kind", "incident"));
      List<String> remoteArgs = new java.util.ArrayList<>(args);
      remoteArgs.addAll(List.of("--store", address));
      List<String> local = keys(run(0, localArgs.toArray(String[]::new))[0]);
      List<String> remote = keys(run(0, remoteArgs.toArray(String[]::new))[0]);
      assertTrue(!local.isEmpty(), String.join(" ", filters) + " finds something locally");
      assertEquals(local, remote, String.join(" ", filters));
    }
    String text = run(0, "search", "--store", address, "checkout", "--limit", "2")[0];
    assertTrue(text.contains("match(es) in " + address), text);
    assertTrue(
        text.toLowerCase(java.util.Locale.ROOT).contains("[checkout]"), "why it matched: " + text);
    JsonNode hit =
        Json.mapper()
            .readTree(run(0, "search", "--store", address, "latency", "--json")[0])
            .get("hits")
            .get(0);
    assertTrue(
        hit.get("snippets")
            .toString()
            .toLowerCase(java.util.Locale.ROOT)
            .contains("<mark>latency</mark>"),
        hit.toString());

    String[] bad = run(2, "search", "--store", address, "title:(unclosed");
    assertTrue(bad[1].contains("is not valid search syntax"), bad[1]);
    String[] none = run(1, "search", "--store", address.replace("cli-it", "nothing-here"), "x");
    assertTrue(none[1].contains("rehearsal store push"), none[1]);
  }

  @Test
  void aReviewGivenWithTheStoreIsWrittenThereAtOnce() throws Exception {
    String team = address.replace("cli-it", "cli-review-it");
    run(0, "store", "push", "--workspace=" + workspace, "--store", team);
    Path copy = dir.resolve("review-copy");
    // no copy on this machine yet: the command makes one, then reviews in it
    String[] saved =
        run(
            0,
            "review",
            "OPS-126",
            "--no-link",
            "--note",
            "a certificate expired",
            "--reviewer",
            "ines",
            "--store",
            team,
            "--workspace=" + copy);
    assertTrue(saved[0].contains("The review is written to the team workspace " + team), saved[0]);
    String key;
    try (Session s = Session.open(copy)) {
      key = s.reviews().history("OPS-126").get(0).incidentKey();
    }
    try (OpenSearchIncidentIndex index =
        OpenSearchIncidentIndex.connect(
            dev.rehearsal.store.StoreAddress.parse(team),
            dev.rehearsal.store.StoreCredentials.NONE,
            null)) {
      assertEquals("ines", index.document(key).orElseThrow().get("reviewer"));
      assertEquals("not_change_related", index.document(key).orElseThrow().get("verdict"));
    }
    // refused by the rules, in the command line's words: nothing written
    String[] refused =
        run(
            1,
            "review",
            "OPS-126",
            "--no-link",
            "--verdict",
            "escape",
            "--store",
            team,
            "--workspace=" + copy);
    assertTrue(refused[1].contains("--no-link --verdict not_change_related"), refused[1]);
    // the workspace of one's own is no copy of it: refused, saying how to review there
    String[] notACopy =
        run(1, "review", "OPS-126", "--confirm", "--store", team, "--workspace=" + workspace);
    assertTrue(notACopy[1].contains("is not a copy of a team workspace"), notACopy[1]);
  }
}
