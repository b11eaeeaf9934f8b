package dev.rehearsal.store.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearsal.util.Json;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.opensearch.client.opensearch.OpenSearchClient;

/**
 * The documents a query matches, in an order, read a page at a time from one point in time (what
 * the index held when the rows were asked for, whatever is written meanwhile), as a local
 * workspace's table reads one view of its index. A page within the first {@value #WINDOW} rows is
 * one request ({@code from} and {@code size}); a page beyond is reached with {@code search_after}
 * from the nearest row already read, so a table scrolled to its millionth row reads each row once
 * on the way and a jump back is one request. The order must end with a field unique per document
 * (the key), so that {@code search_after} is exact.
 */
final class PagedSearch implements Closeable {
  /** The most rows OpenSearch gives with {@code from} and {@code size} (its result window). */
  static final int WINDOW = 10_000;

  private static final String KEEP_ALIVE = "10m";

  private final OpenSearchClient client;
  private final String index;
  private final Map<String, Object> query;
  private final List<Object> sort;
  private final List<String> fields;
  private final int window;
  private final ObjectMapper json = Json.mapper();

  /** Row positions already read, each with the sort values of the row just before it. */
  private final TreeMap<Integer, JsonNode> cursors = new TreeMap<>();

  private String pit;
  private final long total;

  PagedSearch(
      OpenSearchClient client,
      String index,
      Map<String, Object> query,
      List<Object> sort,
      List<String> fields)
      throws IOException {
    this(client, index, query, sort, fields, WINDOW);
  }

  /** With a smaller window than OpenSearch's, so that tests reach the far pages cheaply. */
  PagedSearch(
      OpenSearchClient client,
      String index,
      Map<String, Object> query,
      List<Object> sort,
      List<String> fields,
      int window)
      throws IOException {
    this.client = client;
    this.index = index;
    this.query = query;
    this.sort = sort;
    this.fields = fields;
    this.window = window;
    this.pit =
        json.readTree(
                Connections.send(
                    client,
                    "POST",
                    "/" + index + "/_search/point_in_time?keep_alive=" + KEEP_ALIVE,
                    null,
                    "open a point in time on " + index))
            .path("pit_id")
            .asText();
    try {
      Map<String, Object> body = body(0);
      body.put("track_total_hits", true);
      this.total =
          json.readTree(
                  Connections.send(
                      client, "POST", "/_search", json.writeValueAsString(body), "count rows"))
              .path("hits")
              .path("total")
              .path("value")
              .asLong();
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  /** How many documents match. */
  long total() {
    return total;
  }

  /** Rows {@code from} to {@code from + count} (fewer at the end), each its {@code _source}. */
  List<JsonNode> page(int from, int count) throws IOException {
    if (from >= total || count <= 0) {
      return List.of();
    }
    if (from + count <= window) {
      Map<String, Object> body = body(count);
      body.put("from", from);
      return read(body, from);
    }
    var floor = cursors.floorEntry(from);
    int at = floor == null ? 0 : floor.getKey();
    JsonNode after = floor == null ? null : floor.getValue();
    while (at < from) {
      // walk to the page: rows read on the way leave their cursors for the next jump
      int step = Math.min(window, from - at);
      List<JsonNode> walked = readAfter(after, step, at);
      if (walked.isEmpty()) {
        return List.of();
      }
      at += walked.size();
      after = cursors.get(at);
    }
    return readAfter(after, count, from);
  }

  private List<JsonNode> readAfter(JsonNode after, int count, int at) throws IOException {
    Map<String, Object> body = body(count);
    if (after != null) {
      body.put("search_after", after);
    }
    return read(body, at);
  }

  private List<JsonNode> read(Map<String, Object> body, int at) throws IOException {
    JsonNode hits =
        json.readTree(
                Connections.send(
                    client,
                    "POST",
                    "/_search",
                    json.writeValueAsString(body),
                    "read rows of " + index))
            .path("hits")
            .path("hits");
    List<JsonNode> out = new ArrayList<>(hits.size());
    for (JsonNode h : hits) {
      out.add(h.path("_source"));
    }
    if (!out.isEmpty()) {
      cursors.put(at + out.size(), hits.get(hits.size() - 1).path("sort"));
    }
    return out;
  }

  private Map<String, Object> body(int size) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("size", size);
    body.put("query", query);
    body.put("pit", Map.of("id", pit, "keep_alive", KEEP_ALIVE));
    body.put("sort", sort);
    body.put("_source", fields);
    body.put("track_total_hits", false);
    return body;
  }

  @Override
  public void close() {
    try {
      Connections.send(
          client,
          "DELETE",
          "/_search/point_in_time",
          json.writeValueAsString(Map.of("pit_id", List.of(pit))),
          "close a point in time on " + index);
    } catch (IOException e) {
      // it expires on its own
    } catch (RuntimeException e) {
      throw new UncheckedIOException(new IOException(e));
    }
  }
}
