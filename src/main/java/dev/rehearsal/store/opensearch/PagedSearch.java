package dev.rehearsal.store.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearsal.index.Schema;
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
 * workspace's table reads one view of its index. A page within the first or the last {@value
 * #WINDOW} rows is one request ({@code from} and {@code size}; the last rows as the first of the
 * order's mirror). A page beyond is reached with {@code search_after}, from whichever end (or row
 * already read) is nearer, walking there a window at a time with no document read but the sort
 * values: a table scrolled to its middle reads each row once on the way and a jump back is one
 * request. A table ordered by time (the default) finds a page far from both ends without walking:
 * by counts of the rows newer (or older) than a time, halving the range of times. The order ends
 * with the key, unique per document, so that {@code search_after} is exact and the mirror is exact.
 */
final class PagedSearch implements Closeable {
  /** The most rows OpenSearch gives with {@code from} and {@code size} (its result window). */
  static final int WINDOW = 10_000;

  private static final String KEEP_ALIVE = "10m";

  private final OpenSearchClient client;
  private final String index;
  private final Map<String, Object> query;
  private final List<String> fields;
  private final int window;
  private final ObjectMapper json = Json.mapper();

  /** One way through the rows: its sort, and the rows already read with the sort values before. */
  private static final class Way {
    final List<Object> sort;
    final TreeMap<Integer, JsonNode> cursors = new TreeMap<>();

    Way(List<Object> sort) {
      this.sort = sort;
    }
  }

  private final Way forward;
  private final Way backward;

  /** Whether the table is ordered by time (a page far in is then found by counts). */
  private final boolean byTime;

  private final boolean descending;

  private String pit;
  private final long total;

  PagedSearch(
      OpenSearchClient client,
      String index,
      Map<String, Object> query,
      dev.rehearsal.index.RowOrder order,
      Map<String, String> orderFields,
      List<String> fields,
      int window)
      throws IOException {
    this.client = client;
    this.index = index;
    this.query = query;
    this.forward = new Way(Queries.order(order, orderFields, false));
    this.backward = new Way(Queries.order(order, orderFields, true));
    this.byTime = order.byTime();
    this.descending = order.descending();
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
      Map<String, Object> body = body(forward, 0, false);
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
    int n = (int) Math.min(count, total - from);
    int after = (int) (total - from - n); // rows after the page
    if (from + n <= window) {
      return read(forward, from, n, null, from, true);
    }
    if (after + n <= window) {
      return reversed(read(backward, after, n, null, after, true));
    }
    var f = forward.cursors.floorEntry(from);
    var b = backward.cursors.floorEntry(after);
    int ahead = from - (f == null ? 0 : f.getKey());
    int behind = after - (b == null ? 0 : b.getKey());
    if (byTime && Math.min(ahead, behind) > window) {
      JsonNode cursor = cursorByTime(from);
      if (cursor != null) {
        forward.cursors.put(from, cursor);
        return read(forward, 0, n, cursor, from, true);
      }
    }
    return ahead <= behind ? walk(forward, f, from, n) : reversed(walk(backward, b, after, n));
  }

  /**
   * The sort values just before row {@code k} of a table ordered by time, found without reading the
   * rows before it: the time of row k by halving the range of times with counts (how many rows are
   * newer, or older, than a time), then its place among the rows of that time, which go by key.
   * Null when those rows are too many to count into (the table walks there instead).
   */
  private JsonNode cursorByTime(int k) throws IOException {
    JsonNode range =
        search(
                Map.of(
                    "size",
                    0,
                    "aggs",
                    Map.of(
                        "first", Map.of("min", Map.of("field", Schema.TIME)),
                        "last", Map.of("max", Map.of("field", Schema.TIME)))),
                query)
            .path("aggregations");
    long lo = range.path("first").path("value").asLong();
    long hi = range.path("last").path("value").asLong();
    // newest first: the earliest time with at most k rows newer; oldest first: the latest time
    // with at most k rows older
    while (lo < hi) {
      long mid = descending ? lo + (hi - lo) / 2 : lo + (hi - lo + 1) / 2;
      if (countBeyond(mid, descending) <= k) {
        if (descending) {
          hi = mid;
        } else {
          lo = mid;
        }
      } else if (descending) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    long at = lo;
    long into = k - countBeyond(at, descending); // rows of that time before row k
    String key = "";
    if (into > 0) {
      if (into > window) {
        return null;
      }
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("size", 1);
      body.put("from", into - 1);
      body.put("sort", List.of(Map.of(Schema.KEY, Map.of("order", "asc"))));
      body.put("_source", false);
      JsonNode hits =
          search(body, withTime(Map.of("term", Map.of(Schema.TIME, at)))).path("hits").path("hits");
      if (hits.isEmpty()) {
        return null;
      }
      key = hits.get(0).path("sort").get(0).asText();
    }
    return json.createArrayNode().add(at).add(key);
  }

  /** How many rows are newer than a time (or, oldest first, older). */
  private long countBeyond(long time, boolean newer) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("size", 0);
    body.put("track_total_hits", true);
    return search(
            body, withTime(Map.of("range", Map.of(Schema.TIME, Map.of(newer ? "gt" : "lt", time)))))
        .path("hits")
        .path("total")
        .path("value")
        .asLong();
  }

  /** The table's query with a condition on time. */
  private Map<String, Object> withTime(Map<String, Object> condition) {
    return Map.of("bool", Map.of("filter", List.of(query, condition)));
  }

  /** A search of the table's point in time: the body given, with this query. */
  private JsonNode search(Map<String, Object> body, Map<String, Object> q) throws IOException {
    Map<String, Object> b = new LinkedHashMap<>(body);
    b.put("query", q);
    b.put("pit", Map.of("id", pit, "keep_alive", KEEP_ALIVE));
    return json.readTree(
        Connections.send(client, "POST", "/_search", json.writeValueAsString(b), "count rows"));
  }

  /** Walks one way to row {@code to}, reading sort values only, then reads the page there. */
  private List<JsonNode> walk(Way way, Map.Entry<Integer, JsonNode> start, int to, int n)
      throws IOException {
    int at = start == null ? 0 : start.getKey();
    JsonNode after = start == null ? null : start.getValue();
    while (at < to) {
      int step = Math.min(window, to - at);
      List<JsonNode> passed = read(way, 0, step, after, at, false);
      if (passed.isEmpty()) {
        return List.of();
      }
      at += passed.size();
      after = way.cursors.get(at);
    }
    return read(way, 0, n, after, to, true);
  }

  private static List<JsonNode> reversed(List<JsonNode> rows) {
    List<JsonNode> out = new ArrayList<>(rows);
    java.util.Collections.reverse(out);
    return out;
  }

  /**
   * Rows one way: {@code from} rows on, or after the sort values {@code after}; {@code at} is the
   * first row's place that way, so that the last row's sort values are kept as a cursor.
   */
  private List<JsonNode> read(
      Way way, int from, int size, JsonNode after, int at, boolean documents) throws IOException {
    Map<String, Object> body = body(way, size, documents);
    if (after != null) {
      body.put("search_after", after);
    } else if (from > 0) {
      body.put("from", from);
    }
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
      way.cursors.put(at + out.size(), hits.get(hits.size() - 1).path("sort"));
    }
    return out;
  }

  private Map<String, Object> body(Way way, int size, boolean documents) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("size", size);
    body.put("query", query);
    body.put("pit", Map.of("id", pit, "keep_alive", KEEP_ALIVE));
    body.put("sort", way.sort);
    body.put("_source", documents ? fields : false);
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
