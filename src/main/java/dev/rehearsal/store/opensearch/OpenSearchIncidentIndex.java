package dev.rehearsal.store.opensearch;

import dev.rehearsal.index.DocKind;
import dev.rehearsal.index.RecordCodec;
import dev.rehearsal.index.Schema;
import dev.rehearsal.index.SearchRequest;
import dev.rehearsal.index.Workspace;
import dev.rehearsal.model.Incident;
import dev.rehearsal.settings.ServiceNames;
import dev.rehearsal.store.StoreAddress;
import dev.rehearsal.store.StoreCredentials;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch.core.BulkRequest;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.opensearch.client.transport.OpenSearchTransport;

/**
 * The incidents of a workspace in an OpenSearch index, searchable in the same query syntax as the
 * local workspace (docs/decisions/0021-team-workspace-on-opensearch.md).
 *
 * <p>The index is named {@code <prefix>-incidents-v<schema version>}: a change to the local schema
 * ({@link Schema#VERSION}) names a new index, as it names a new local index folder. Its mapping
 * mirrors the local schema for incidents: the text fields (title, body, extra) are analysed as
 * {@link Schema#textAnalyzer()} analyses them, with the built-ins of OpenSearch's analysis-common
 * module; the keyword fields hold lower-case whole values. Incidents are written by their key, so
 * writing a workspace again replaces each document and adds none.
 *
 * <p>Credentials come from the environment ({@value #USER_VARIABLE}, {@value #PASSWORD_VARIABLE})
 * when set; they are neither stored nor printed.
 */
public final class OpenSearchIncidentIndex implements Closeable {
  /** The user name for basic authentication, if the node asks for one. */
  public static final String USER_VARIABLE = StoreCredentials.USER_VARIABLE;

  /** The password for basic authentication. */
  public static final String PASSWORD_VARIABLE = StoreCredentials.PASSWORD_VARIABLE;

  /** Incidents per bulk request. */
  static final int BULK_SIZE = 500;

  /** The most hits a search returns (OpenSearch's default result window). */
  public static final int MAX_HITS = 10_000;

  /** The analyzer of the text fields, named in the index settings. */
  static final String TEXT_ANALYZER = "rehearsal_text";

  /** The normalizer of the keyword fields. */
  static final String KEYWORD_NORMALIZER = "rehearsal_keyword";

  /** The push that wrote a document (its run id), a keyword field of every incident. */
  static final String RUN = "run";

  /** When the review in force was made (epoch milliseconds), beside who made it. */
  static final String REVIEWED_AT = "reviewed_at";

  /**
   * Every review made of an incident, oldest first, as the workspace keeps them: who, when, the
   * change, verdict and gaps decided (absent: the engine's stood) and the note. Kept, not searched.
   */
  static final String REVIEWS = "reviews";

  /**
   * The incident's finding in full, as the workspace that analysed it stores it (its JSON, kept and
   * not searched): what a copy of the team workspace reads back, byte for byte.
   */
  static final String FINDING = "finding";

  /** The text fields of an incident. */
  static final List<String> TEXT_FIELDS = List.of(Schema.TITLE, Schema.BODY, Schema.EXTRA);

  /**
   * The keyword fields of an incident, and those the default search fields name though incidents
   * never hold them (version, commit), so that a query on them finds nothing rather than failing.
   */
  static final List<String> KEYWORD_FIELDS =
      List.of(
          Schema.KEY,
          Schema.KIND,
          Schema.SOURCE,
          Schema.FORMAT,
          Schema.FILE,
          Schema.SERVICE,
          Schema.ENV,
          Schema.STATUS,
          Schema.SEVERITY,
          Schema.IDS,
          Schema.VERSION_FIELD,
          Schema.COMMIT,
          Schema.VERDICT,
          Schema.GAP,
          Schema.REVIEWED,
          Schema.REVIEWER,
          RUN);

  private final OpenSearchClient client;
  private final OpenSearchTransport transport;
  private final String index;

  private OpenSearchIncidentIndex(OpenSearchTransport transport, String prefix) {
    this.transport = transport;
    this.client = new OpenSearchClient(transport);
    this.index = indexName(prefix);
  }

  /**
   * A connection to the node at {@code endpoint} (http or https, host and port), for the index of
   * incidents under {@code prefix}. Credentials are read from the environment.
   */
  public static OpenSearchIncidentIndex connect(URI endpoint, String prefix) throws IOException {
    return connect(endpoint, prefix, StoreCredentials.fromEnvironment(System.getenv()), null);
  }

  /**
   * A connection to a team workspace's incidents: its address, the credentials to give (none for a
   * cluster that asks for none) and, for TLS with a CA the JVM does not know, that CA's PEM file
   * (null: the JVM's trust store).
   */
  public static OpenSearchIncidentIndex connect(
      StoreAddress address, StoreCredentials credentials, Path caFile) throws IOException {
    return connect(address.endpoint(), address.prefix(), credentials, caFile);
  }

  static OpenSearchIncidentIndex connect(
      URI endpoint, String prefix, StoreCredentials credentials, Path caFile) throws IOException {
    return new OpenSearchIncidentIndex(
        Connections.transport(endpoint, credentials, caFile), prefix);
  }

  /** The index for a prefix: lower case, as OpenSearch requires, with the schema version. */
  public static String indexName(String prefix) {
    String p = prefix == null || prefix.isBlank() ? "rehearsal" : prefix.strip();
    return p.toLowerCase(Locale.ROOT) + "-incidents-v" + Schema.VERSION;
  }

  /** This index's name. */
  public String indexName() {
    return index;
  }

  /** Creates an index with the settings and mapping unless it exists; true if it was created. */
  private boolean create(String name, String meta) throws IOException {
    if (client.indices().exists(e -> e.index(name)).value()) {
      return false;
    }
    // the settings and mapping as JSON: the client's typed builders do not cover every
    // analysis-common component by name
    send("PUT", "/" + name, indexBody(meta), "create index " + name);
    return true;
  }

  /** Sends a request as JSON; a refusal is an exception with OpenSearch's reason. */
  private String send(String method, String endpoint, String json, String what) throws IOException {
    return Connections.send(client, method, endpoint, json, what);
  }

  /**
   * The indexes the workspace's name points at now: the one run whose incidents are searched (none
   * before the first push). An index of the first slice's layout, named as the workspace itself,
   * counts too.
   */
  List<String> current() throws IOException {
    List<String> out = new ArrayList<>();
    if (!client.indices().exists(e -> e.index(index)).value()) {
      return out;
    }
    String body = send("GET", "/" + index + "/_alias", null, "list the indexes of " + index);
    com.fasterxml.jackson.databind.JsonNode n = dev.rehearsal.util.Json.mapper().readTree(body);
    n.fieldNames().forEachRemaining(out::add);
    return out;
  }

  /** The id of the push in force; none before the first push, or while two race for the name. */
  public Optional<String> runInForce() throws IOException {
    List<String> in = current();
    if (in.size() != 1 || !in.get(0).startsWith(index + "-r")) {
      return Optional.empty();
    }
    return Optional.of(in.get(0).substring(index.length() + 2));
  }

  /**
   * Deletes the workspace's incidents: every push's index, named or left behind by a push that lost
   * to another, and with them the name.
   */
  public void drop() throws IOException {
    Set<String> names = new LinkedHashSet<>(current());
    String body = send("GET", "/" + index + "-r*/_alias", null, "list the pushes of " + index);
    dev.rehearsal.util.Json.mapper().readTree(body).fieldNames().forEachRemaining(names::add);
    for (String name : names) {
      client.indices().delete(d -> d.index(name));
    }
  }

  /**
   * Writes every incident of the workspace with its finding (verdict, gaps, confidence, reviewed)
   * as one push; the number written.
   */
  public int upsert(Workspace workspace) throws IOException {
    return push(workspace, dev.rehearsal.task.TaskMonitor.NONE).written();
  }

  /**
   * What a push did.
   *
   * @param run the push's id, in every document it wrote and in its index's name
   * @param written the incidents written
   * @param replaced the indexes of earlier pushes the name no longer points at (deleted)
   */
  public record Pushed(String run, String index, int written, List<String> replaced) {}

  /**
   * Writes the workspace's incidents, each with what its finding says (the verdict and gaps in
   * force, reviews applied; the best link's confidence; whether reviewed), as a new push: into an
   * index of their own, which the workspace's name points at once every incident is in. Everyone
   * searching sees the earlier push until then and this one after, never a half-written one; the
   * earlier push's index is deleted. Cancelled between batches, the half-written index is deleted
   * and the earlier push stays in force.
   */
  public Pushed push(Workspace workspace, dev.rehearsal.task.TaskMonitor monitor)
      throws IOException {
    String run = newRunId();
    String target = index + "-r" + run;
    create(target, meta(run, workspace.services()));
    boolean done = false;
    try {
      ServiceNames names = workspace.services();
      Map<String, dev.rehearsal.index.FindingSummary> findings =
          workspace.records().findingSummaries();
      Map<String, dev.rehearsal.model.Review> reviews = new java.util.HashMap<>();
      workspace
          .records()
          .forEach(
              DocKind.REVIEW,
              dev.rehearsal.model.Review.class,
              r -> reviews.put(r.incidentKey(), r));
      Map<String, List<dev.rehearsal.model.Review>> history = new java.util.HashMap<>();
      workspace
          .records()
          .forEach(
              DocKind.REVIEW_HISTORY,
              dev.rehearsal.model.Review.class,
              r -> history.computeIfAbsent(r.incidentKey(), k -> new ArrayList<>()).add(r));
      List<Incident> incidents = workspace.records().list(DocKind.INCIDENT, Incident.class);
      int written = 0;
      for (int from = 0; from < incidents.size(); from += BULK_SIZE) {
        monitor.checkCancelled();
        monitor.progress(from, incidents.size(), "writing incidents to " + index);
        List<Incident> batch =
            incidents.subList(from, Math.min(incidents.size(), from + BULK_SIZE));
        BulkRequest.Builder bulk = new BulkRequest.Builder().index(target);
        for (Incident i : batch) {
          Map<String, Object> doc =
              document(
                  i,
                  names,
                  findings.get(i.key()),
                  reviews.get(i.key()),
                  history.getOrDefault(i.key(), List.of()),
                  run);
          workspace
              .records()
              .storedJson(dev.rehearsal.model.Finding.keyOf(i.key()))
              .ifPresent(json -> doc.put(FINDING, json));
          bulk.operations(o -> o.index(x -> x.id(i.key()).document(doc)));
        }
        Connections.bulk(client, bulk.build(), "incidents of index " + target);
        written += batch.size();
      }
      monitor.progress(incidents.size(), incidents.size(), "making the push searchable");
      client.indices().refresh(r -> r.index(target));
      monitor.checkCancelled(); // the last moment at which nobody has seen it
      List<String> before = current();
      point(target, before);
      done = true;
      for (String old : before) {
        if (!old.equals(target) && !old.equals(index)) {
          client.indices().delete(d -> d.index(old));
        }
      }
      return new Pushed(run, target, written, before);
    } catch (IOException | RuntimeException e) {
      if (!done) {
        try {
          client.indices().delete(d -> d.index(target));
        } catch (IOException | RuntimeException cleanup) {
          e.addSuppressed(cleanup);
        }
      }
      throw e;
    }
  }

  /**
   * Writes one incident again into the push in force, as the workspace now has it: its finding in
   * full with the review in force applied, who made that review and when, and every review made of
   * it. Everyone searching sees it at once. False, and nothing written, when nothing has been
   * pushed yet, when two pushes are being pointed at the name this moment, or when the push in
   * force holds another finding of the incident than {@code findingBefore} (the workspace's before
   * the review: someone analysed since the workspace was copied, and its finding is not written
   * over a newer one). The next push carries it then.
   */
  public boolean rewrite(Workspace workspace, String incidentKey, String findingBefore)
      throws IOException {
    String run = runInForce().orElse(null);
    if (run == null) {
      return false; // none pushed, two racing, or the first slice's layout with no run of its own
    }
    String target = index + "-r" + run;
    Object there = document(incidentKey).map(d -> d.get(FINDING)).orElse(null);
    if (there != null && !there.equals(findingBefore)) {
      return false;
    }
    var records = workspace.records();
    Incident incident =
        records
            .get(incidentKey, Incident.class)
            .orElseThrow(() -> new IOException("the workspace holds no incident " + incidentKey));
    String findingKey = dev.rehearsal.model.Finding.keyOf(incidentKey);
    dev.rehearsal.model.Finding finding =
        records.get(findingKey, dev.rehearsal.model.Finding.class).orElse(null);
    List<dev.rehearsal.model.Review> history = records.reviewHistory(incidentKey);
    Map<String, Object> doc =
        document(
            incident,
            workspace.services(),
            finding == null ? null : dev.rehearsal.index.FindingSummary.of(finding),
            history.isEmpty() ? null : history.get(history.size() - 1),
            history,
            run);
    records.storedJson(findingKey).ifPresent(json -> doc.put(FINDING, json));
    // a push written by an earlier version lacks the fields added since (an addition in place)
    send(
        "PUT",
        "/" + target + "/_mapping",
        "{\"properties\":{" + ADDED_FIELDS.substring(0, ADDED_FIELDS.length() - 1) + "}}",
        "add fields to " + target);
    client.index(
        x ->
            x.index(target)
                .id(incidentKey)
                .document(doc)
                .refresh(org.opensearch.client.opensearch._types.Refresh.True));
    return true;
  }

  /**
   * Points the workspace's name at a push's index and away from the earlier ones, in one request
   * (OpenSearch applies the actions together). An index of the first slice's layout, named as the
   * workspace itself, is deleted in the same request, since a name cannot be both. Two people
   * pushing at once: the later request wins whole; the index of the earlier, no longer named, is
   * left until it is dropped.
   */
  private void point(String target, List<String> before) throws IOException {
    StringBuilder actions = new StringBuilder("{\"actions\":[");
    actions
        .append("{\"add\":{\"index\":\"")
        .append(target)
        .append("\",\"alias\":\"")
        .append(index)
        .append("\"}}");
    if (before.contains(index)) {
      actions.append(",{\"remove_index\":{\"index\":\"").append(index).append("\"}}");
    }
    if (before.stream().anyMatch(old -> !old.equals(index))) {
      // every earlier push's index, by pattern: one that another person's push pointed the name
      // at since this push looked is let go too, so the name never points at two pushes
      actions
          .append(",{\"remove\":{\"index\":\"")
          .append(index)
          .append("-r*\",\"alias\":\"")
          .append(index)
          .append("\"}}");
    }
    actions.append("]}");
    send("POST", "/_aliases", actions.toString(), "point " + index + " at " + target);
  }

  /**
   * What a push says of itself in its mapping's {@code _meta}: its run id, and the workspace's
   * service names (the person's table, the names inferred, the suffixes), so that a search reads a
   * {@code service:} term as the workspace reads it.
   */
  static String meta(String run, ServiceNames names) throws IOException {
    Map<String, Object> m = new LinkedHashMap<>(OpenSearchRecords.namesAsJson(names));
    m.put(RUN, run);
    return dev.rehearsal.util.Json.mapper().writeValueAsString(Map.of("rehearsal", m));
  }

  /**
   * The service names the push in force was written with; the defaults when it has none. Read
   * before each search, it is also what says that nothing was pushed yet.
   */
  ServiceNames names() throws IOException {
    String body;
    try (Response response =
        client
            .generic()
            .execute(
                Requests.builder().method("GET").endpoint("/" + index + "/_mapping").build())) {
      body = response.getBody().map(Body::bodyAsString).orElse("");
      if (response.getStatus() == 404) {
        throw new IOException(
            "it holds no incidents yet (no index "
                + index
                + "); `rehearsal store push` writes a workspace's incidents there");
      }
      if (response.getStatus() >= 300) {
        throw new IOException("OpenSearch did not read the mapping of " + index + ": " + body);
      }
    }
    com.fasterxml.jackson.databind.JsonNode all = dev.rehearsal.util.Json.mapper().readTree(body);
    var it = all.elements();
    if (!it.hasNext()) {
      return ServiceNames.defaults();
    }
    com.fasterxml.jackson.databind.JsonNode r =
        it.next().path("mappings").path("_meta").path("rehearsal");
    if (r.isMissingNode()) {
      return ServiceNames.defaults();
    }
    return OpenSearchRecords.namesOf(r);
  }

  /** A push's id: its UTC time to the millisecond and a random part, sortable by time. */
  static String newRunId() {
    String time =
        java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS")
            .withZone(java.time.ZoneOffset.UTC)
            .format(java.time.Instant.now());
    return time.toLowerCase(Locale.ROOT)
        + "-"
        + Integer.toString(java.util.concurrent.ThreadLocalRandom.current().nextInt(1 << 20), 36);
  }

  /**
   * Every finding of the push in force, by incident key: its JSON as the workspace that analysed it
   * stored it. Read a page at a time, in key order.
   */
  public void forEachFinding(java.util.function.BiConsumer<String, String> incidentAndJson)
      throws IOException {
    if (current().isEmpty()) {
      return;
    }
    Connections.forEachHit(
        client,
        index,
        Map.of("match_all", Map.of()),
        Schema.KEY,
        List.of(Schema.KEY, FINDING),
        doc -> {
          if (doc.path(FINDING).isTextual()) {
            incidentAndJson.accept(doc.path(Schema.KEY).asText(), doc.path(FINDING).asText());
          }
        });
  }

  /** How many incidents the index holds. */
  /** Whether anything was pushed: the workspace's name points at an index of incidents. */
  public boolean exists() throws IOException {
    return client.indices().exists(e -> e.index(index)).value();
  }

  public long count() throws IOException {
    return client.count(c -> c.index(index)).count();
  }

  /** The stored document of an incident, as written. */
  @SuppressWarnings("unchecked")
  public Optional<Map<String, Object>> document(String key) throws IOException {
    var response = client.get(g -> g.index(index).id(key).refresh(true), Map.class);
    return response.found()
        ? Optional.of((Map<String, Object>) response.source())
        : Optional.empty();
  }

  /**
   * The keys of the incidents that match a query in the local search syntax, best first, as the
   * local workspace finds and orders them; at most {@code limit}.
   *
   * <p>The query is read by the local parser and sent clause by clause ({@link StoreQuery}): each
   * word a term of each default field, summed, every word required; phrases as the same text's
   * phrase. Both stores score with BM25 over the incidents alone (this index holds nothing else;
   * the local search counts its incidents apart from its other records, {@code
   * index/IncidentStatistics}), so the same incidents come in the same order; ties by key.
   */
  public List<String> search(String query, int limit) throws IOException {
    List<String> keys = new ArrayList<>();
    find(query, limit).hits().forEach(h -> keys.add(h.key()));
    return keys;
  }

  /**
   * One incident found: its key, title and onset, and passages showing why it matched
   * (HTML-escaped, the matches in {@code <mark>}, as the local search's snippets).
   */
  public record Hit(String key, String title, java.time.Instant time, List<String> snippets) {}

  /** What a search found: how many incidents match in all, and the first of them, best first. */
  public record Found(long total, List<Hit> hits) {}

  /**
   * The incidents that match a query in the local search syntax, as {@link #search} finds them,
   * with their titles and onsets and the number that match in all.
   */
  public Found find(String query, int limit) throws IOException {
    // up to MAX_HITS at once, where a request's page holds at most SearchRequest.MAX_LIMIT
    return found(
        SearchRequest.incidentsBestFirst(query, 1).withHighlight(true),
        Math.max(1, Math.min(limit, MAX_HITS)));
  }

  /**
   * The incidents a search request matches, as the local search finds them: its query, service,
   * environment and time range, in its order (best first, newest or oldest first; ties by key), a
   * page from its offset. Its kinds must be incidents alone: this index holds nothing else.
   */
  public Found find(SearchRequest request) throws IOException {
    if (!request.kinds().equals(java.util.Set.of(DocKind.INCIDENT))) {
      throw new IllegalArgumentException(
          "the team workspace's search finds incidents: ask for incidents alone");
    }
    return found(request, request.limit());
  }

  private Found found(SearchRequest request, int size) throws IOException {
    try {
      return findIn(request, names(), size);
    } catch (org.opensearch.client.opensearch._types.OpenSearchException e) {
      // a query the cluster cannot parse, or a cluster that refuses: its reason, not a trace
      String reason = e.error() == null ? e.getMessage() : e.error().reason();
      if (e.error() != null && e.error().rootCause() != null && !e.error().rootCause().isEmpty()) {
        reason = e.error().rootCause().get(0).reason();
      }
      throw new IOException("the search failed: " + reason, e);
    }
  }

  /** The factor the node's BM25 scores carry (by its version), asked once per connection. */
  private double scoreFactor() throws IOException {
    if (scoreFactor == 0) {
      scoreFactor = StoreQuery.scoreFactor(client.info().version().number());
    }
    return scoreFactor;
  }

  private volatile double scoreFactor;

  @SuppressWarnings("rawtypes")
  private Found findIn(SearchRequest request, ServiceNames names, int size) throws IOException {
    // the query and filters as the local search reads them, clause by clause (StoreQuery)
    String translated =
        java.util.Base64.getEncoder()
            .encodeToString(
                dev.rehearsal.util.Json.mapper()
                    .writeValueAsBytes(StoreQuery.of(request, names, scoreFactor())));
    org.opensearch.client.opensearch._types.SortOrder timeOrder =
        request.sort() == SearchRequest.Sort.OLDEST
            ? org.opensearch.client.opensearch._types.SortOrder.Asc
            : org.opensearch.client.opensearch._types.SortOrder.Desc;
    boolean byScore = request.sort() == SearchRequest.Sort.RELEVANCE;
    boolean highlight =
        request.highlight() && request.query() != null && !request.query().isBlank();
    SearchResponse<Map> response =
        client.search(
            s -> {
              s.index(index)
                  .from(request.offset())
                  .size(Math.max(1, size))
                  .source(src -> src.filter(f -> f.includes(Schema.TITLE, Schema.TIME)))
                  .trackTotalHits(t -> t.enabled(true));
              if (highlight) {
                // why each matched, marked as the local search marks it
                s.highlight(
                    h -> {
                      h.encoder(
                              org.opensearch.client.opensearch.core.search.HighlighterEncoder.Html)
                          .preTags("<mark>")
                          .postTags("</mark>")
                          .numberOfFragments(2)
                          .fragmentSize(160);
                      for (String f : Schema.HIGHLIGHT_FIELDS) {
                        h.fields(f, x -> x);
                      }
                      return h;
                    });
              }
              // best first, or by onset; records that tie in key order, as locally
              if (byScore) {
                s.sort(
                    so ->
                        so.score(
                            sc ->
                                sc.order(org.opensearch.client.opensearch._types.SortOrder.Desc)));
              } else {
                s.sort(so -> so.field(f -> f.field(Schema.TIME).order(timeOrder)));
              }
              return s.sort(
                      so ->
                          so.field(
                              f ->
                                  f.field(Schema.KEY)
                                      .order(
                                          org.opensearch.client.opensearch._types.SortOrder.Asc)))
                  .query(
                      q ->
                          q.bool(
                              b ->
                                  b.filter(
                                          f ->
                                              f.term(
                                                  t ->
                                                      t.field(Schema.KIND)
                                                          .value(
                                                              FieldValue.of(
                                                                  DocKind.INCIDENT.code()))))
                                      .must(m -> m.wrapper(w -> w.query(translated)))));
            },
            Map.class);
    List<Hit> hits = new ArrayList<>();
    for (var h : response.hits().hits()) {
      Map source = h.source() == null ? Map.of() : h.source();
      Object title = source.get(Schema.TITLE);
      Object time = source.get(Schema.TIME);
      List<String> snippets = new ArrayList<>();
      for (String f : Schema.HIGHLIGHT_FIELDS) {
        snippets.addAll(h.highlight().getOrDefault(f, List.of()));
      }
      hits.add(
          new Hit(
              h.id(),
              title == null ? "" : title.toString(),
              time instanceof Number n ? java.time.Instant.ofEpochMilli(n.longValue()) : null,
              snippets));
    }
    long total = response.hits().total() == null ? hits.size() : response.hits().total().value();
    return new Found(total, hits);
  }

  /**
   * The orders of the incidents table: keyword fields as themselves, what the findings say by the
   * ranks that order them as the local table does.
   */
  private static final Map<String, String> ORDERS;

  static {
    Map<String, String> m = new LinkedHashMap<>();
    for (String f :
        List.of(
            Schema.SERVICE,
            Schema.ENV,
            Schema.STATUS,
            Schema.SEVERITY,
            Schema.SOURCE,
            Schema.FORMAT,
            Schema.REVIEWED)) {
      m.put(f, f);
    }
    m.put(Schema.VERDICT, RowSorts.VERDICT_RANK);
    m.put(Schema.GAP, RowSorts.GAP_RANK);
    m.put(Schema.CONFIDENCE, Schema.CONFIDENCE);
    ORDERS = Map.copyOf(m);
  }

  /**
   * One row of the incidents table as the push in force holds it: the incident's key, its services
   * as the push's names read them, and what its finding says (verdict empty and confidence NaN
   * before any analysis).
   */
  public record Row(
      String key,
      List<String> services,
      String verdict,
      List<String> gaps,
      double confidence,
      boolean reviewed) {}

  /** Rows of the incidents table: how many, and a page of them. */
  public static final class Rows implements Closeable {
    private final PagedSearch search;

    Rows(PagedSearch search) {
      this.search = search;
    }

    public long total() {
      return search.total();
    }

    public List<Row> page(int from, int count) throws IOException {
      List<Row> out = new ArrayList<>();
      for (com.fasterxml.jackson.databind.JsonNode n : search.page(from, count)) {
        out.add(
            new Row(
                n.path(Schema.KEY).asText(),
                strings(n.path(Schema.SERVICE)),
                n.path(Schema.VERDICT).asText(""),
                strings(n.path(Schema.GAP)),
                n.has(Schema.CONFIDENCE) ? n.path(Schema.CONFIDENCE).asDouble() : Double.NaN,
                "yes".equals(n.path(Schema.REVIEWED).asText())));
      }
      return out;
    }

    private static List<String> strings(com.fasterxml.jackson.databind.JsonNode n) {
      List<String> out = new ArrayList<>();
      if (n.isArray()) {
        n.forEach(x -> out.add(x.asText()));
      } else if (!n.isMissingNode() && !n.isNull()) {
        out.add(n.asText());
      }
      return out;
    }

    @Override
    public void close() {
      search.close();
    }
  }

  /**
   * The incidents of the push in force a query in the local search syntax matches, in a table's
   * order, read a page at a time from one point in time. Close when done.
   */
  public Rows rows(String query, dev.rehearsal.index.RowOrder order) throws IOException {
    return new Rows(
        new PagedSearch(
            client,
            index,
            Queries.matching(DocKind.INCIDENT, query, names()),
            order,
            ORDERS,
            List.of(
                Schema.KEY,
                Schema.SERVICE,
                Schema.VERDICT,
                Schema.GAP,
                Schema.CONFIDENCE,
                Schema.REVIEWED),
            window));
  }

  /** The rows read per request before {@code search_after} is used (tests make it small). */
  private int window = PagedSearch.WINDOW;

  void window(int rows) {
    this.window = rows;
  }

  /**
   * The values a keyword field of the push's incidents holds (their verdicts, gaps and review state
   * among them), with how many incidents hold each.
   */
  public Map<String, Long> values(String field) throws IOException {
    names(); // says so when nothing was pushed yet
    return Queries.valueCounts(client, index, Queries.matching(DocKind.INCIDENT), field);
  }

  /** Makes what was written searchable now rather than at the next refresh. */
  public void refresh() throws IOException {
    client.indices().refresh(r -> r.index(index));
  }

  @Override
  public void close() throws IOException {
    transport.close();
  }

  /**
   * An incident's document: the fields the local index gives it, with the same values (canonical
   * service names, lower-case keywords, body as description and postmortem, extra as the raw
   * service names, reference, severity and labels).
   */
  static Map<String, Object> document(Incident i, ServiceNames names) {
    return document(i, names, null, null, List.of(), null);
  }

  /**
   * An incident's document with what its finding says (none before an analysis), who made the
   * review in force and when (none when it was not reviewed), every review made of it, oldest
   * first, and the push that wrote it.
   */
  static Map<String, Object> document(
      Incident i,
      ServiceNames names,
      dev.rehearsal.index.FindingSummary finding,
      dev.rehearsal.model.Review review,
      List<dev.rehearsal.model.Review> history,
      String run) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put(Schema.KEY, i.key());
    d.put(Schema.KIND, DocKind.INCIDENT.code());
    StoreFields.of(new RecordCodec(names), i, d, true);
    if (finding != null) {
      putKeyword(d, Schema.VERDICT, finding.verdict());
      RowSorts.verdictRank(finding.verdict()).ifPresent(r -> d.put(RowSorts.VERDICT_RANK, r));
      if (!finding.gaps().isEmpty()) {
        d.put(Schema.GAP, finding.gaps());
        RowSorts.gapRank(finding.gaps().get(0)).ifPresent(r -> d.put(RowSorts.GAP_RANK, r));
      }
      if (!finding.verdict().isEmpty()) {
        d.put(Schema.CONFIDENCE, finding.confidence());
      }
      d.put(Schema.REVIEWED, finding.reviewed() ? "yes" : "no");
    }
    if (review != null) {
      putKeyword(d, Schema.REVIEWER, review.reviewer());
      if (review.at() != null) {
        d.put(REVIEWED_AT, review.at().toEpochMilli());
      }
    }
    if (!history.isEmpty()) {
      d.put(REVIEWS, reviews(history));
    }
    if (run != null) {
      d.put(RUN, run);
    }
    return d;
  }

  /** The reviews as the store keeps them, oldest first. */
  private static List<Map<String, Object>> reviews(List<dev.rehearsal.model.Review> history) {
    List<dev.rehearsal.model.Review> sorted = new ArrayList<>(history);
    sorted.sort(
        java.util.Comparator.comparing(
            dev.rehearsal.model.Review::at,
            java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())));
    List<Map<String, Object>> out = new ArrayList<>();
    for (dev.rehearsal.model.Review r : sorted) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("reviewer", r.reviewer());
      if (r.at() != null) {
        m.put("at", r.at().toString());
      }
      if (r.deployKeys() != null) {
        m.put("deploys", r.deployKeys());
      }
      if (r.verdict() != null) {
        m.put("verdict", r.verdict().name().toLowerCase(Locale.ROOT));
      }
      if (r.gaps() != null) {
        m.put("gaps", r.gaps().stream().map(dev.rehearsal.model.Gap::code).toList());
      }
      if (!r.note().isBlank()) {
        m.put("note", r.note());
      }
      out.add(m);
    }
    return out;
  }

  private static void putKeyword(Map<String, Object> d, String field, String value) {
    if (value != null && !value.isBlank()) {
      d.put(field, value.strip().toLowerCase(Locale.ROOT));
    }
  }

  /**
   * The index's settings and mapping as JSON. The text analyzer is {@link Schema#textAnalyzer()} in
   * OpenSearch's built-ins: the same pattern splits identifiers at joiners (pattern_replace), then
   * the standard tokenizer, English possessives, lower case, ASCII folding, Lucene's English stop
   * words and the Porter stemmer, in that order. Keyword fields are lower-cased whole values.
   */
  /**
   * Fields added to the mapping after the first team workspaces were written: service names as
   * written, and the ranks incidents are ordered by (put on an existing push's index in place
   * before a review writes a document there).
   */
  static final String ADDED_FIELDS =
      "\""
          + Schema.SERVICE_RAW
          + "\":{\"type\":\"keyword\"},\""
          + RowSorts.VERDICT_RANK
          + "\":{\"type\":\"integer\"},\""
          + RowSorts.GAP_RANK
          + "\":{\"type\":\"integer\"},";

  static String indexBody() {
    return indexBody("{}");
  }

  /** The settings and mapping, with {@code meta} (a JSON object) as the mapping's {@code _meta}. */
  static String indexBody(String meta) {
    StringBuilder properties = new StringBuilder();
    for (String f : KEYWORD_FIELDS) {
      properties
          .append("\"")
          .append(f)
          .append("\":{\"type\":\"keyword\",\"normalizer\":\"")
          .append(KEYWORD_NORMALIZER)
          .append("\"},");
    }
    for (String f : TEXT_FIELDS) {
      properties
          .append("\"")
          .append(f)
          .append("\":{\"type\":\"text\",\"analyzer\":\"")
          .append(TEXT_ANALYZER)
          .append("\"},");
    }
    properties.append("\"" + Schema.CONFIDENCE + "\":{\"type\":\"double\"},");
    properties.append(ADDED_FIELDS);
    properties.append("\"" + REVIEWED_AT + "\":{\"type\":\"date\",\"format\":\"epoch_millis\"},");
    properties.append("\"" + REVIEWS + "\":{\"type\":\"object\",\"enabled\":false},");
    properties.append(
        "\"" + FINDING + "\":{\"type\":\"keyword\",\"index\":false,\"doc_values\":false},");
    properties.append("\"" + Schema.TIME + "\":{\"type\":\"date\",\"format\":\"epoch_millis\"}");
    return """
        {
          "settings": {
            "index": {"number_of_shards": 1, "number_of_replicas": 0},
            "analysis": %s
          },
          "mappings": {
            "_meta": %s,
            "dynamic": "strict",
            "properties": {%s}
          }
        }
        """
        .formatted(analysis(), meta, properties);
  }

  /**
   * The text analyzer and keyword normalizer, as index settings' {@code analysis}. The text
   * analyzer is {@link Schema#textAnalyzer()} in OpenSearch's built-ins: the same pattern splits
   * identifiers at joiners (pattern_replace), then the standard tokenizer, English possessives,
   * lower case, ASCII folding, Lucene's English stop words and the Porter stemmer, in that order.
   * Keyword fields are lower-cased whole values.
   */
  static String analysis() {
    return """
        {
          "char_filter": {
            "rehearsal_joiners": {
              "type": "pattern_replace",
              "pattern": "%s",
              "replacement": " "
            }
          },
          "filter": {
            "rehearsal_possessive": {"type": "stemmer", "language": "possessive_english"},
            "rehearsal_stop": {"type": "stop", "stopwords": "_english_"}
          },
          "analyzer": {
            "%s": {
              "type": "custom",
              "char_filter": ["rehearsal_joiners"],
              "tokenizer": "standard",
              "filter": ["rehearsal_possessive", "lowercase", "asciifolding",
                         "rehearsal_stop", "porter_stem"]
            }
          },
          "normalizer": {
            "%s": {"type": "custom", "filter": ["lowercase"]}
          }
        }
        """
        .formatted(Schema.JOINERS_PATTERN.replace("\\", "\\\\"), TEXT_ANALYZER, KEYWORD_NORMALIZER);
  }
}
