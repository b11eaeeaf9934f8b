package dev.rehearsal.store.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rehearsal.index.DocKind;
import dev.rehearsal.index.RowOrder;
import dev.rehearsal.index.Schema;
import dev.rehearsal.settings.ServiceNames;
import dev.rehearsal.util.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.opensearch.client.opensearch.OpenSearchClient;

/**
 * The requests both of the team workspace's indexes answer tables and counts with: a query in the
 * local search syntax over one kind, a table's order, and a keyword field's values counted.
 */
final class Queries {
  private Queries() {}

  /** The keyword fields a table of records can be ordered by, as locally. */
  static final Set<String> KEYWORD_ORDERS =
      Set.of(
          Schema.SERVICE,
          Schema.ENV,
          Schema.STATUS,
          Schema.SEVERITY,
          Schema.VERSION_FIELD,
          Schema.COMMIT,
          Schema.SUBTYPE,
          Schema.SUITE,
          Schema.VALUE,
          Schema.SOURCE,
          Schema.FORMAT);

  /**
   * The documents of a kind a query matches, as the local parser reads it ({@link StoreQuery}:
   * {@code service:} read by {@code names}); every one of the kind for a blank query.
   */
  static Map<String, Object> matching(DocKind kind, String query, ServiceNames names) {
    return every(kind, StoreQuery.of(query, names));
  }

  /** Every document of a kind. */
  static Map<String, Object> matching(DocKind kind) {
    return every(kind, null);
  }

  private static Map<String, Object> every(DocKind kind, Map<String, Object> query) {
    Map<String, Object> bool = new LinkedHashMap<>();
    bool.put("filter", List.of(Map.of("term", Map.of(Schema.KIND, kind.code()))));
    if (query != null) {
      bool.put("must", List.of(query));
    }
    return Map.of("bool", bool);
  }

  /**
   * A table's order as a sort: by time in the order's direction; or by a field (its lowest value
   * standing for a row with several, rows without one last either way), ties newest first; then by
   * key, so that every row has one place. {@code fields} maps the order's field to the field sorted
   * on (an incident's verdict to its rank); a field not among them cannot order rows. With {@code
   * reversed}, its exact mirror (every direction turned, rows without a value first): the last rows
   * of a table read as the first of its mirror.
   */
  static List<Object> order(RowOrder order, Map<String, String> fields, boolean reversed) {
    String dir = order.descending() != reversed ? "desc" : "asc";
    String newest = reversed ? "asc" : "desc";
    List<Object> sort = new ArrayList<>();
    if (order.byTime()) {
      sort.add(Map.of(Schema.TIME, Map.of("order", dir)));
    } else {
      String field = fields.get(order.field());
      if (field == null) {
        throw new IllegalArgumentException("rows cannot be ordered by " + order.field());
      }
      sort.add(
          Map.of(
              field,
              Map.of("order", dir, "missing", reversed ? "_first" : "_last", "mode", "min")));
      sort.add(Map.of(Schema.TIME, Map.of("order", newest)));
    }
    sort.add(Map.of(Schema.KEY, Map.of("order", reversed ? "desc" : "asc")));
    return sort;
  }

  /** Keyword fields sorted as themselves. */
  static Map<String, String> asThemselves(Set<String> keywords) {
    Map<String, String> same = new LinkedHashMap<>();
    keywords.forEach(k -> same.put(k, k));
    return same;
  }

  /** How many documents a query matches hold each value of a keyword field. */
  static Map<String, Long> valueCounts(
      OpenSearchClient client, String index, Map<String, Object> query, String field)
      throws IOException {
    Map<String, Long> out = new TreeMap<>();
    Map<String, Object> after = null;
    while (true) {
      Map<String, Object> composite = new LinkedHashMap<>();
      composite.put("size", 1000);
      composite.put("sources", List.of(Map.of("v", Map.of("terms", Map.of("field", field)))));
      if (after != null) {
        composite.put("after", after);
      }
      Map<String, Object> body =
          Map.of(
              "size", 0, "query", query, "aggs", Map.of("values", Map.of("composite", composite)));
      JsonNode agg =
          Json.mapper()
              .readTree(
                  Connections.send(
                      client,
                      "POST",
                      "/" + index + "/_search",
                      Json.mapper().writeValueAsString(body),
                      "count the values of " + field + " in " + index))
              .path("aggregations")
              .path("values");
      for (JsonNode b : agg.path("buckets")) {
        out.merge(b.path("key").path("v").asText(), b.path("doc_count").asLong(), Long::sum);
      }
      if (!agg.has("after_key") || agg.path("buckets").isEmpty()) {
        return out;
      }
      after = Map.of("v", agg.path("after_key").path("v").asText());
    }
  }
}
