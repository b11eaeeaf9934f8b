package dev.rehearsal.store.opensearch;

import dev.rehearsal.store.StoreCredentials;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.core5.http.HttpHost;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.transport.OpenSearchTransport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

/**
 * How the team store's indexes reach the cluster: one HTTP transport per connection, with basic
 * authentication when credentials are given and TLS trusting a given CA (or the JVM's trust store).
 */
final class Connections {
  private Connections() {}

  /**
   * A transport to the node at {@code endpoint} (http or https, host and port; 9200 when none).
   *
   * @param caFile the PEM file of the cluster's CA, for an https endpoint; null for the JVM's own
   *     trust store
   */
  static OpenSearchTransport transport(URI endpoint, StoreCredentials credentials, Path caFile)
      throws IOException {
    String scheme = endpoint.getScheme() == null ? "http" : endpoint.getScheme();
    int port = endpoint.getPort() < 0 ? 9200 : endpoint.getPort();
    HttpHost host = new HttpHost(scheme, endpoint.getHost(), port);
    javax.net.ssl.SSLContext tls =
        caFile != null && "https".equals(scheme) ? TrustedCa.context(caFile) : null;
    if (caFile != null && tls == null) {
      throw new IOException(
          "a CA file was given for a store reached without TLS: write the address as"
              + " opensearch+https://...");
    }
    ApacheHttpClient5TransportBuilder builder =
        ApacheHttpClient5TransportBuilder.builder(host).setMapper(new JacksonJsonpMapper());
    builder.setHttpClientConfigCallback(
        http -> {
          if (credentials.present()) {
            BasicCredentialsProvider provider = new BasicCredentialsProvider();
            provider.setCredentials(
                new AuthScope(host),
                new UsernamePasswordCredentials(credentials.user(), credentials.password()));
            http.setDefaultCredentialsProvider(provider);
          }
          if (tls != null) {
            http.setConnectionManager(
                org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder
                    .create()
                    .setTlsStrategy(
                        org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder.create()
                            .setSslContext(tls)
                            .build())
                    .build());
          }
          return http;
        });
    return builder.build();
  }

  /**
   * Sends a request with a JSON body (or none) and returns the answer's body; a refusal is an
   * exception with OpenSearch's reason, saying what was being done.
   */
  static String send(
      org.opensearch.client.opensearch.OpenSearchClient client,
      String method,
      String endpoint,
      String json,
      String what)
      throws IOException {
    org.opensearch.client.opensearch.generic.Requests.JsonBodyBuilder b =
        org.opensearch.client.opensearch.generic.Requests.builder()
            .method(method)
            .endpoint(endpoint);
    if (json != null) {
      b.json(json);
    }
    try (org.opensearch.client.opensearch.generic.Response response =
        client.generic().execute(b.build())) {
      String body =
          response
              .getBody()
              .map(org.opensearch.client.opensearch.generic.Body::bodyAsString)
              .orElse("");
      if (response.getStatus() >= 300) {
        throw new IOException(
            "OpenSearch did not " + what + ": " + (body.isEmpty() ? response.getReason() : body));
      }
      return body;
    }
  }

  /** Hits read per page by {@link #forEachHit}. */
  static final int PAGE = 1000;

  /**
   * Every document of an index (or of what an alias names) that a query matches, in the order of a
   * unique keyword field, each as its {@code _source} holding the fields asked for. Read a page at
   * a time through a point in time, so that what is written or swapped in meanwhile is not mixed
   * in, with {@code search_after} on that field.
   */
  static void forEachHit(
      org.opensearch.client.opensearch.OpenSearchClient client,
      String index,
      java.util.Map<String, Object> query,
      String sortField,
      java.util.List<String> fields,
      java.util.function.Consumer<com.fasterxml.jackson.databind.JsonNode> source)
      throws IOException {
    com.fasterxml.jackson.databind.ObjectMapper json = dev.rehearsal.util.Json.mapper();
    String pit =
        json.readTree(
                send(
                    client,
                    "POST",
                    "/" + index + "/_search/point_in_time?keep_alive=5m",
                    null,
                    "open a point in time on " + index))
            .path("pit_id")
            .asText();
    try {
      Object after = null;
      while (true) {
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("size", PAGE);
        body.put("query", query);
        body.put("pit", java.util.Map.of("id", pit, "keep_alive", "5m"));
        body.put("sort", java.util.List.of(java.util.Map.of(sortField, "asc")));
        body.put("_source", fields);
        if (after != null) {
          body.put("search_after", java.util.List.of(after));
        }
        com.fasterxml.jackson.databind.JsonNode hits =
            json.readTree(
                    send(
                        client,
                        "POST",
                        "/_search",
                        json.writeValueAsString(body),
                        "read the documents of " + index))
                .path("hits")
                .path("hits");
        for (com.fasterxml.jackson.databind.JsonNode h : hits) {
          source.accept(h.path("_source"));
          after = h.path("sort").get(0).asText();
        }
        if (hits.size() < PAGE) {
          return;
        }
      }
    } finally {
      send(
          client,
          "DELETE",
          "/_search/point_in_time",
          json.writeValueAsString(java.util.Map.of("pit_id", java.util.List.of(pit))),
          "close a point in time on " + index);
    }
  }

  /**
   * Sends a bulk request; any document refused makes it an exception naming the first few and why,
   * saying what was being written.
   */
  static void bulk(
      org.opensearch.client.opensearch.OpenSearchClient client,
      org.opensearch.client.opensearch.core.BulkRequest request,
      String what)
      throws IOException {
    org.opensearch.client.opensearch.core.BulkResponse response = client.bulk(request);
    if (response.errors()) {
      java.util.List<String> failed = new java.util.ArrayList<>();
      for (org.opensearch.client.opensearch.core.bulk.BulkResponseItem item : response.items()) {
        if (item.error() != null && failed.size() < 5) {
          failed.add(item.id() + ": " + item.error().reason());
        }
      }
      throw new IOException("OpenSearch refused " + what + ": " + failed);
    }
  }
}
