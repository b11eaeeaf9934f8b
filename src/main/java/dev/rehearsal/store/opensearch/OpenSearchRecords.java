package dev.rehearsal.store.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rehearsal.importers.ColumnMapping;
import dev.rehearsal.importers.FileReport;
import dev.rehearsal.importers.RecordStore;
import dev.rehearsal.index.DocKind;
import dev.rehearsal.index.RecordCodec;
import dev.rehearsal.index.RowOrder;
import dev.rehearsal.index.Schema;
import dev.rehearsal.model.DeployStatusEvent;
import dev.rehearsal.model.ImportedRecord;
import dev.rehearsal.model.Rejection;
import dev.rehearsal.model.Review;
import dev.rehearsal.settings.ServiceNames;
import dev.rehearsal.store.StoreAddress;
import dev.rehearsal.store.StoreCredentials;
import dev.rehearsal.util.Json;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.core.BulkRequest;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.opensearch.client.transport.OpenSearchTransport;

/**
 * The records of a team workspace in OpenSearch: every imported record (incidents, deploys, staging
 * runs, facts), the deploys' status events, rejections, each file's import report, every review
 * with who made it and when, and the workspace's rules (settings, alias table, rejected names,
 * column mappings). It is the team store's side of the import contract ({@link RecordStore}): an
 * import writes into it as into a local workspace, by key, so importing the same files again
 * replaces each record and adds none.
 *
 * <p>One index, {@code <prefix>-records-v<schema version>}: each document holds a record's kind,
 * key, file and its JSON exactly as the local workspace stores it (kept, not searched), so that a
 * workspace made from the store reads the same records. A {@link #commit} makes what was written
 * visible and moves the store's generation on: a copy made from the store knows whether it is
 * behind.
 */
public final class OpenSearchRecords implements RecordStore, Closeable {
  /** Documents per bulk request. */
  static final int BULK_SIZE = 1000;

  /** Bytes of JSON per bulk request, at most (a bulk of large records is sent sooner). */
  static final int BULK_BYTES = 8 << 20;

  static final String KIND = "kind";
  static final String KEY = "key";
  static final String FILE = "file";
  static final String JSON = "json";

  /**
   * The connection that last wrote a document: what a copy reads again when that connection's
   * commit is one the copy has not seen.
   */
  static final String SESSION = "session";

  /**
   * The kind of a commit's record: which connection committed, on top of which generation (its
   * {@link #FILE}, zero-padded so that generations sort as text).
   */
  static final String COMMIT = "commit";

  /** More connections than this to read again, and a copy reads everything instead. */
  static final int MAX_SESSIONS = 1000;

  /** The kind of the store's own documents: its generation and its rules. */
  static final String META = "meta";

  private static final String GENERATION_ID = "meta-generation";
  private static final String RULES_ID = "meta-rules";

  /**
   * Written once every record's searchable fields are in its document (at the index's creation, or
   * when an earlier version's index has been given them): tables and counts are then read here.
   */
  private static final String FIELDS_ID = "meta-fields";

  /** The version of the searchable fields (1: those of {@link RecordCodec#derive}). */
  static final int FIELDS_VERSION = 1;

  /** The service names records are filed under (see {@link #filingNames}). */
  private static final String NAMES_ID = "meta-names";

  /** The kinds of record whose documents carry searchable fields. */
  static final List<DocKind> RECORD_KINDS =
      List.of(DocKind.INCIDENT, DocKind.DEPLOY, DocKind.RUN, DocKind.FACT);

  /** Keyword fields of records: lower-cased whole values, searched, ordered and counted by. */
  static final List<String> KEYWORDS =
      List.of(
          Schema.SOURCE,
          Schema.FORMAT,
          Schema.SERVICE,
          Schema.ENV,
          Schema.STATUS,
          Schema.SEVERITY,
          Schema.IDS,
          Schema.VERSION_FIELD,
          Schema.COMMIT,
          Schema.SUBTYPE,
          Schema.SUITE,
          Schema.VALUE);

  /** Text fields of records, analysed as the local index analyses them. */
  static final List<String> TEXTS = List.of(Schema.TITLE, Schema.BODY, Schema.TESTS, Schema.EXTRA);

  private final OpenSearchTransport transport;
  private final OpenSearchClient client;
  private final String index;
  private final List<BulkOperation> pending = new ArrayList<>();
  private long pendingBytes;
  private long written;

  /** The saved column mappings, read once: an import asks for them at every file. */
  private Map<String, ColumnMapping> mappings;

  /** This connection, in every document it writes and in the record of its commits. */
  private final String session =
      Long.toString(System.currentTimeMillis(), 36)
          + "-"
          + Long.toString(
              java.util.concurrent.ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);

  /** Whether the index is known to exist with this version's mapping. */
  private boolean ready;

  private OpenSearchRecords(OpenSearchTransport transport, String prefix) {
    this.transport = transport;
    this.client = new OpenSearchClient(transport);
    this.index = indexName(prefix);
  }

  /** A connection to a team workspace's records. */
  public static OpenSearchRecords connect(
      StoreAddress address, StoreCredentials credentials, Path caFile) throws IOException {
    return new OpenSearchRecords(
        Connections.transport(address.endpoint(), credentials, caFile), address.prefix());
  }

  /** The index for a prefix, lower case, with the local schema's version. */
  public static String indexName(String prefix) {
    String p = prefix == null || prefix.isBlank() ? "rehearsal" : prefix.strip();
    return p.toLowerCase(Locale.ROOT) + "-records-v" + Schema.VERSION;
  }

  public String indexName() {
    return index;
  }

  /**
   * The index's name and the id OpenSearch gave it when it was made: an index deleted and made
   * again under the same name is another store, whose generations start again.
   */
  public String identity() throws IOException {
    JsonNode n =
        Json.mapper()
            .readTree(
                Connections.send(
                    client,
                    "GET",
                    "/" + index + "/_settings/index.uuid",
                    null,
                    "read the id of " + index));
    return index + "/" + n.path(index).path("settings").path("index").path("uuid").asText("");
  }

  /** Whether the store holds any records (its index exists). */
  public boolean exists() throws IOException {
    return client.indices().exists(e -> e.index(index)).value();
  }

  /**
   * Creates the index unless it exists; an index made before documents carried their connection
   * gets that field (an addition OpenSearch makes in place).
   */
  public void create() throws IOException {
    if (ready) {
      return;
    }
    if (exists()) {
      Connections.send(
          client,
          "PUT",
          "/" + index + "/_mapping",
          "{\"properties\":{\"" + SESSION + "\":{\"type\":\"keyword\"}}}",
          "add the connection field to " + index);
      ready = true;
      if (getMeta(FIELDS_ID) == null) {
        upgrade();
      }
      return;
    }
    String body =
        """
        {
          "settings": {
            "index": {"number_of_shards": 1, "number_of_replicas": 0},
            "analysis": %s
          },
          "mappings": {
            "dynamic": "strict",
            "_meta": {"rehearsal": {"schema": %d}},
            "properties": {
              "%s": {"type": "keyword"}, "%s": {"type": "keyword"}, "%s": {"type": "keyword"},
              "%s": {"type": "keyword", "index": false, "doc_values": false},
              "%s": {"type": "keyword"},
              %s
            }
          }
        }
        """
            .formatted(
                OpenSearchIncidentIndex.analysis(),
                Schema.VERSION,
                KIND,
                KEY,
                FILE,
                JSON,
                SESSION,
                fieldProperties());
    try {
      Connections.send(client, "PUT", "/" + index, body, "create " + index);
      ready = true;
      putMeta(FIELDS_ID, Integer.toString(FIELDS_VERSION));
    } catch (IOException e) {
      // another person's import created it in the meantime
      if (!String.valueOf(e.getMessage()).contains("resource_already_exists_exception")) {
        throw e;
      }
      ready = true;
    }
  }

  // ------------------------------------------------------------------ writing: the import contract

  @Override
  public void upsert(ImportedRecord r) throws IOException {
    putRecord(r, Json.mapper().writeValueAsString(r));
  }

  /**
   * Keeps an imported record as {@link #putStored} does, with its searchable fields (service names
   * filed as {@link #filingNames} reads them): what the team workspace's tables and counts read.
   */
  public void putRecord(ImportedRecord r, String json) throws IOException {
    Map<String, Object> doc = stored(DocKind.of(r.kind()), r.key(), r.provenance().file(), json);
    StoreFields.of(codec(), r, doc, false);
    add(r.key(), doc, json.length());
  }

  @Override
  public void upsertStatus(DeployStatusEvent event) throws IOException {
    putStored(DocKind.DEPLOY_STATUS, event.key(), "", Json.mapper().writeValueAsString(event));
  }

  @Override
  public void rejected(Rejection r) throws IOException {
    putStored(
        DocKind.REJECTION,
        RecordCodec.rejectionKey(r),
        r.file(),
        Json.mapper().writeValueAsString(r));
  }

  @Override
  public void clearRejections(String file) throws IOException {
    flush();
    if (!exists()) {
      return;
    }
    // the ids found first, then deleted in bulk: delete-by-query is a module a cluster may lack
    List<String> keys = new ArrayList<>();
    Connections.forEachHit(
        client,
        index,
        Map.of(
            "bool",
            Map.of(
                "filter",
                List.of(
                    Map.of("term", Map.of(KIND, DocKind.REJECTION.code())),
                    Map.of("term", Map.of(FILE, file))))),
        KEY,
        List.of(KEY),
        doc -> keys.add(doc.path(KEY).asText()));
    for (String key : keys) {
      pending.add(BulkOperation.of(o -> o.delete(d -> d.id(key))));
      if (pending.size() >= BULK_SIZE) {
        flush();
      }
    }
    flush();
  }

  @Override
  public void fileImported(FileReport report) throws IOException {
    putStored(
        DocKind.IMPORT_LOG,
        RecordCodec.importLogKey(report.file()),
        report.file(),
        Json.mapper().writeValueAsString(report));
  }

  /** Keeps a review in the store's history of reviews (the latest of an incident is in force). */
  public void putReview(Review r) throws IOException {
    putStored(
        DocKind.REVIEW_HISTORY,
        RecordCodec.reviewHistoryKey(r),
        "",
        Json.mapper().writeValueAsString(r));
  }

  /**
   * Keeps a document exactly as the local workspace stores it: its kind, key, file and JSON (the
   * bytes a local workspace holds, so a copy made from the store holds the same).
   */
  public void putStored(DocKind kind, String key, String file, String json) throws IOException {
    add(key, stored(kind, key, file, json), json.length());
  }

  private Map<String, Object> stored(DocKind kind, String key, String file, String json) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put(KIND, kind.code());
    doc.put(KEY, key);
    doc.put(FILE, file == null ? "" : file);
    doc.put(JSON, json);
    doc.put(SESSION, session);
    return doc;
  }

  private void add(String key, Map<String, Object> doc, long bytes) throws IOException {
    pending.add(BulkOperation.of(o -> o.index(x -> x.id(key).document(doc))));
    pendingBytes += bytes;
    if (pending.size() >= BULK_SIZE || pendingBytes >= BULK_BYTES) {
      flush();
    }
  }

  /** Sends what is waiting; the index is made on the first write. */
  private void flush() throws IOException {
    if (pending.isEmpty()) {
      return;
    }
    create();
    Connections.bulk(
        client,
        new BulkRequest.Builder().index(index).operations(pending).build(),
        "records of " + index);
    written += pending.size();
    pending.clear();
    pendingBytes = 0;
  }

  /** How many documents this connection has written. */
  public long written() {
    return written;
  }

  /**
   * Makes everything written visible to everyone, then moves the store's generation on (with
   * optimistic concurrency: two imports committing at once each move it once).
   */
  @Override
  public void commit() throws IOException {
    flush();
    create();
    client.indices().refresh(r -> r.index(index));
    for (int attempt = 0; ; attempt++) {
      JsonNode current = getMeta(GENERATION_ID);
      long generation =
          current == null ? 0 : Long.parseLong(current.path("_source").path(JSON).asText("0"));
      // the record of this commit, before the generation moves: a copy at this generation reads
      // again what this connection wrote (a record left by an attempt that lost to another
      // commit only makes a copy read more)
      recordCommit(generation);
      String condition =
          current == null
              ? "?op_type=create"
              : "?if_seq_no="
                  + current.path("_seq_no").asLong()
                  + "&if_primary_term="
                  + current.path("_primary_term").asLong();
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put(KIND, META);
      doc.put(KEY, GENERATION_ID);
      doc.put(FILE, "");
      doc.put(JSON, Long.toString(generation + 1));
      try {
        Connections.send(
            client,
            "PUT",
            "/" + index + "/_doc/" + GENERATION_ID + condition + "&refresh=true",
            Json.mapper().writeValueAsString(doc),
            "move the generation of " + index + " on");
        return;
      } catch (IOException e) {
        if (attempt >= 20 || !String.valueOf(e.getMessage()).contains("conflict")) {
          throw e;
        }
      }
    }
  }

  private void recordCommit(long onTopOf) throws IOException {
    String id = "meta-commit-" + onTopOf + "-" + session;
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put(KIND, COMMIT);
    doc.put(KEY, id);
    doc.put(FILE, padded(onTopOf));
    doc.put(SESSION, session);
    putNow(id, doc, "record a commit in " + index);
  }

  private static String padded(long generation) {
    return String.format(Locale.ROOT, "%019d", generation);
  }

  /**
   * The connections whose commits moved the generation from {@code from} to {@code to}: what a copy
   * of generation {@code from} reads again to be at {@code to}. Empty when nothing is to be read;
   * null when some step has no record (a commit by an older version) or there are more than {@value
   * #MAX_SESSIONS}: the copy then reads everything.
   */
  public Set<String> committedSince(long from, long to) throws IOException {
    if (from >= to) {
      return Set.of();
    }
    Map<String, Object> query =
        allOf(
            Map.of("term", Map.of(KIND, COMMIT)),
            Map.of("range", Map.of(FILE, Map.of("gte", padded(from), "lt", padded(to)))));
    Set<String> sessions = new java.util.TreeSet<>();
    Set<Long> steps = new java.util.HashSet<>();
    Connections.forEachHit(
        client,
        index,
        query,
        KEY,
        List.of(FILE, SESSION),
        doc -> {
          steps.add(Long.parseLong(doc.path(FILE).asText()));
          sessions.add(doc.path(SESSION).asText());
        });
    if (steps.size() < to - from || sessions.size() > MAX_SESSIONS) {
      return null;
    }
    return sessions;
  }

  /**
   * Every document of these kinds last written by one of these connections, with its kind, key and
   * stored JSON: a page at a time through a point in time, by key.
   */
  public void forEachWrittenBy(Set<String> sessions, List<DocKind> kinds, RecordConsumer consumer)
      throws IOException {
    if (sessions.isEmpty() || !exists()) {
      return;
    }
    Map<String, Object> query =
        allOf(
            Map.of("terms", Map.of(SESSION, List.copyOf(sessions))),
            Map.of("terms", Map.of(KIND, kinds.stream().map(DocKind::code).toList())));
    Connections.forEachHit(
        client,
        index,
        query,
        KEY,
        List.of(KIND, KEY, JSON),
        doc ->
            consumer.accept(
                DocKind.fromCode(doc.path(KIND).asText()),
                doc.path(KEY).asText(),
                doc.path(JSON).asText()));
  }

  /** A query every one of whose clauses a document must meet (none scored). */
  private static Map<String, Object> allOf(Map<String, Object> first, Map<String, Object> second) {
    return Map.of("bool", Map.of("filter", List.of(first, second)));
  }

  /** A document read: its kind, key and stored JSON. */
  @FunctionalInterface
  public interface RecordConsumer {
    void accept(DocKind kind, String key, String json);
  }

  /** The store's generation: how many commits it has seen (0 before the first). */
  public long generation() throws IOException {
    JsonNode n = getMeta(GENERATION_ID);
    return n == null ? 0 : Long.parseLong(n.path("_source").path(JSON).asText("0"));
  }

  private JsonNode getMeta(String id) throws IOException {
    if (!exists()) {
      return null;
    }
    try (org.opensearch.client.opensearch.generic.Response response =
        client
            .generic()
            .execute(
                org.opensearch.client.opensearch.generic.Requests.builder()
                    .method("GET")
                    .endpoint("/" + index + "/_doc/" + id)
                    .build())) {
      String body =
          response
              .getBody()
              .map(org.opensearch.client.opensearch.generic.Body::bodyAsString)
              .orElse("");
      if (response.getStatus() == 404) {
        return null;
      }
      if (response.getStatus() >= 300) {
        throw new IOException("OpenSearch did not read " + id + " of " + index + ": " + body);
      }
      return Json.mapper().readTree(body);
    }
  }

  // ------------------------------------------------------------------ the workspace's rules

  /**
   * The workspace's rules as the team shares them: the settings a person changed (over the
   * defaults), the alias table, the inferred names a person rejected and the saved column mappings.
   */
  public record Rules(
      JsonNode settings,
      Map<String, String> aliases,
      List<String> rejectedAliases,
      List<ColumnMapping> mappings) {}

  /** Keeps the workspace's rules, replacing the ones kept before. */
  public void putRules(Rules rules) throws IOException {
    ObjectNode json = Json.mapper().createObjectNode();
    json.set("settings", rules.settings());
    json.set("aliases", Json.mapper().valueToTree(rules.aliases()));
    json.set("rejectedAliases", Json.mapper().valueToTree(rules.rejectedAliases()));
    json.set("mappings", Json.mapper().valueToTree(rules.mappings()));
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put(KIND, META);
    doc.put(KEY, RULES_ID);
    doc.put(FILE, "");
    doc.put(JSON, Json.mapper().writeValueAsString(json));
    pending.add(BulkOperation.of(o -> o.index(x -> x.id(RULES_ID).document(doc))));
    flush();
    mappings = null;
  }

  /** The rules kept; null when none were. */
  public Rules rules() throws IOException {
    JsonNode n = getMeta(RULES_ID);
    if (n == null) {
      return null;
    }
    JsonNode r = Json.mapper().readTree(n.path("_source").path(JSON).asText("{}"));
    Map<String, String> aliases = new LinkedHashMap<>();
    r.path("aliases")
        .fields()
        .forEachRemaining(e -> aliases.put(e.getKey(), e.getValue().asText()));
    List<String> rejected = new ArrayList<>();
    r.path("rejectedAliases").forEach(x -> rejected.add(x.asText()));
    List<ColumnMapping> mappings = new ArrayList<>();
    for (JsonNode m : r.path("mappings")) {
      mappings.add(Json.mapper().treeToValue(m, ColumnMapping.class));
    }
    JsonNode settings = r.path("settings");
    return new Rules(
        settings.isObject() ? settings : Json.mapper().createObjectNode(),
        aliases,
        rejected,
        mappings);
  }

  @Override
  public Map<String, ColumnMapping> mappings() {
    if (mappings == null) {
      try {
        Rules r = rules();
        Map<String, ColumnMapping> out = new LinkedHashMap<>();
        if (r != null) {
          for (ColumnMapping m : r.mappings()) {
            out.put(m.name(), m);
          }
        }
        mappings = out;
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return mappings;
  }

  // ------------------------------------------------------------------ searchable fields

  /** The mapping of the fields derived from records, as JSON properties (no braces). */
  static String fieldProperties() {
    StringBuilder p = new StringBuilder();
    for (String f : KEYWORDS) {
      p.append("\"")
          .append(f)
          .append("\":{\"type\":\"keyword\",\"normalizer\":\"")
          .append(OpenSearchIncidentIndex.KEYWORD_NORMALIZER)
          .append("\"},");
    }
    for (String f : TEXTS) {
      p.append("\"")
          .append(f)
          .append("\":{\"type\":\"text\",\"analyzer\":\"")
          .append(OpenSearchIncidentIndex.TEXT_ANALYZER)
          .append("\"},");
    }
    p.append("\"").append(Schema.SERVICE_RAW).append("\":{\"type\":\"keyword\"},");
    p.append("\"").append(Schema.NUMBER).append("\":{\"type\":\"double\"},");
    p.append("\"").append(Schema.TIME).append("\":{\"type\":\"date\",\"format\":\"epoch_millis\"}");
    return p.toString();
  }

  /** Whether every record's searchable fields are in its document. */
  public boolean searchable() throws IOException {
    if (!searchable) {
      JsonNode n = getMeta(FIELDS_ID);
      searchable =
          n != null && Integer.parseInt(n.path("_source").path(JSON).asText("0")) >= FIELDS_VERSION;
    }
    return searchable;
  }

  /** Known to have the searchable fields (it cannot lose them): asked once per connection. */
  private boolean searchable;

  /**
   * Gives an index written by an earlier version the searchable fields: the analyzers (the index is
   * closed for the moment that takes), the fields' mapping (an addition in place), then every
   * record without them, its fields derived from its stored JSON and added to its document (its
   * connection unchanged: a copy does not read it again). The number of records given them.
   */
  public long upgrade() throws IOException {
    if (!exists() || searchable()) {
      return 0;
    }
    JsonNode mapping =
        Json.mapper()
            .readTree(
                Connections.send(
                    client,
                    "GET",
                    "/" + index + "/_mapping",
                    null,
                    "read the mapping of " + index));
    if (!mapping.path(index).path("mappings").path("properties").has(Schema.TIME)) {
      Connections.send(client, "POST", "/" + index + "/_close", null, "close " + index);
      try {
        Connections.send(
            client,
            "PUT",
            "/" + index + "/_settings",
            "{\"analysis\":" + OpenSearchIncidentIndex.analysis() + "}",
            "add the analyzers to " + index);
      } finally {
        Connections.send(
            client, "POST", "/" + index + "/_open?wait_for_active_shards=1", null, "open " + index);
      }
      Connections.send(
          client,
          "PUT",
          "/" + index + "/_mapping",
          "{\"properties\":{" + fieldProperties() + "}}",
          "add the searchable fields to " + index);
    }
    RecordCodec codec = codec();
    List<BulkOperation> updates = new ArrayList<>();
    long[] done = {0};
    Map<String, Object> lacking =
        Map.of(
            "bool",
            Map.of(
                "filter",
                List.of(
                    Map.of(
                        "terms", Map.of(KIND, RECORD_KINDS.stream().map(DocKind::code).toList()))),
                "must_not",
                List.of(Map.of("exists", Map.of("field", Schema.TIME)))));
    try {
      Connections.forEachHit(
          client,
          index,
          lacking,
          KEY,
          List.of(KIND, KEY, JSON),
          doc -> {
            DocKind kind = DocKind.fromCode(doc.path(KIND).asText());
            try {
              ImportedRecord r =
                  Json.mapper().readValue(doc.path(JSON).asText(), RecordCodec.recordClass(kind));
              Map<String, Object> fields = StoreFields.of(codec, r, new LinkedHashMap<>(), false);
              String id = doc.path(KEY).asText();
              updates.add(BulkOperation.of(o -> o.update(u -> u.id(id).document(fields))));
              if (updates.size() >= BULK_SIZE) {
                sendUpdates(updates);
              }
              done[0]++;
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          });
      sendUpdates(updates);
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    }
    client.indices().refresh(r -> r.index(index));
    putMeta(FIELDS_ID, Integer.toString(FIELDS_VERSION));
    return done[0];
  }

  private void sendUpdates(List<BulkOperation> updates) throws IOException {
    if (updates.isEmpty()) {
      return;
    }
    Connections.bulk(
        client,
        new BulkRequest.Builder().index(index).operations(updates).build(),
        "searchable fields of " + index);
    updates.clear();
  }

  /** Writes one of the store's own documents now, visible at once. */
  private void putMeta(String id, String json) throws IOException {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put(KIND, META);
    doc.put(KEY, id);
    doc.put(FILE, "");
    doc.put(JSON, json);
    putNow(id, doc, "write " + id + " of " + index);
  }

  /** Writes a document by its id, visible to searches at once. */
  private void putNow(String id, Map<String, Object> doc, String what) throws IOException {
    Connections.send(
        client,
        "PUT",
        "/" + index + "/_doc/" + id + "?refresh=true",
        Json.mapper().writeValueAsString(doc),
        what);
  }

  private ServiceNames filing;
  private RecordCodec codec;

  private RecordCodec codec() throws IOException {
    if (codec == null) {
      codec = new RecordCodec(filingNames());
    }
    return codec;
  }

  /**
   * The service names the records here are filed under: those the last push or analysis wrote (the
   * analysing workspace's table, inferred names and suffixes), else the team's rules (its alias
   * table and suffixes). Every writer files by them, so that a table filtered or counted by service
   * reads one set of names.
   */
  public ServiceNames filingNames() throws IOException {
    if (filing != null) {
      return filing;
    }
    JsonNode n = getMeta(NAMES_ID);
    if (n != null) {
      JsonNode r = Json.mapper().readTree(n.path("_source").path(JSON).asText("{}"));
      filing = namesOf(r);
    } else {
      Rules rules = rules();
      filing =
          rules == null
              ? ServiceNames.defaults()
              : new ServiceNames(
                  rules.aliases(),
                  Map.of(),
                  dev.rehearsal.settings.Settings.fromJson(rules.settings()).serviceSuffixes());
    }
    return filing;
  }

  /** Service names as the store writes them down: the table, the inferred names, the suffixes. */
  static Map<String, Object> namesAsJson(ServiceNames names) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("aliases", names.aliases());
    m.put("inferred", names.inferred());
    m.put("suffixes", names.suffixes());
    return m;
  }

  /** Service names as {@link #namesAsJson} wrote them. */
  static ServiceNames namesOf(JsonNode r) {
    Map<String, String> aliases = new LinkedHashMap<>();
    r.path("aliases")
        .fields()
        .forEachRemaining(e -> aliases.put(e.getKey(), e.getValue().asText()));
    Map<String, String> inferred = new LinkedHashMap<>();
    r.path("inferred")
        .fields()
        .forEachRemaining(e -> inferred.put(e.getKey(), e.getValue().asText()));
    List<String> suffixes = new ArrayList<>();
    r.path("suffixes").forEach(x -> suffixes.add(x.asText()));
    return new ServiceNames(
        aliases, inferred, suffixes.isEmpty() ? ServiceNames.defaultSuffixes() : suffixes);
  }

  /**
   * Files the records under a workspace's service names (a push, or an analysis's findings pushed):
   * every record that names a service whose name now reads otherwise has its service field written
   * again, in place; then these are the names every writer files by. The number of records filed
   * again.
   */
  public long refile(ServiceNames names) throws IOException {
    create();
    ServiceNames before = filingNames();
    Map<String, String> all = new java.util.TreeMap<>();
    java.util.Set<String> changed = new java.util.TreeSet<>();
    for (String raw : rawServices()) {
      String now = names.canonical(raw);
      all.put(raw, now);
      if (!now.equals(before.canonical(raw))) {
        changed.add(raw);
      }
    }
    long[] updated = {0};
    List<String> raws = new ArrayList<>(changed);
    List<BulkOperation> updates = new ArrayList<>();
    try {
      for (int i = 0; i < raws.size(); i += 500) {
        List<String> batch = raws.subList(i, Math.min(raws.size(), i + 500));
        Connections.forEachHit(
            client,
            index,
            Map.of("terms", Map.of(Schema.SERVICE_RAW, batch)),
            KEY,
            List.of(KEY, Schema.SERVICE_RAW),
            doc -> {
              List<String> services = new ArrayList<>();
              JsonNode raw = doc.path(Schema.SERVICE_RAW);
              for (JsonNode r : raw.isArray() ? raw : List.of(raw)) {
                String c = all.getOrDefault(r.asText(), "");
                if (!c.isEmpty() && !services.contains(c)) {
                  services.add(c);
                }
              }
              Map<String, Object> fields = new LinkedHashMap<>();
              fields.put(Schema.SERVICE, services); // none: an empty list, which holds no value
              String id = doc.path(KEY).asText();
              updates.add(BulkOperation.of(o -> o.update(u -> u.id(id).document(fields))));
              updated[0]++;
              if (updates.size() >= BULK_SIZE) {
                try {
                  sendUpdates(updates);
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              }
            });
      }
      sendUpdates(updates);
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    }
    if (updated[0] > 0) {
      client.indices().refresh(r -> r.index(index));
    }
    putMeta(NAMES_ID, Json.mapper().writeValueAsString(namesAsJson(names)));
    filing = names;
    codec = null;
    return updated[0];
  }

  /** Every service name the records here were written with, as written. */
  private java.util.Set<String> rawServices() throws IOException {
    return Queries.valueCounts(client, index, Map.of("match_all", Map.of()), Schema.SERVICE_RAW)
        .keySet();
  }

  // ------------------------------------------------------------------ tables and counts

  /**
   * The records of a kind a query in the local search syntax matches, in a table's order, read a
   * page at a time from one point in time: each page the stored JSON of its records. Close when
   * done.
   */
  public Paged rows(DocKind kind, String query, RowOrder order) throws IOException {
    requireSearchable();
    return new Paged(
        new PagedSearch(
            client,
            index,
            Queries.matching(kind, query, filingNames()),
            order,
            Queries.asThemselves(Queries.KEYWORD_ORDERS),
            List.of(JSON),
            window));
  }

  /** Rows of records: how many, and a page's stored JSON. */
  public static final class Paged implements Closeable {
    private final PagedSearch search;

    Paged(PagedSearch search) {
      this.search = search;
    }

    public long total() {
      return search.total();
    }

    /** The stored JSON of rows {@code from} to {@code from + count}. */
    public List<String> page(int from, int count) throws IOException {
      List<String> out = new ArrayList<>();
      for (JsonNode n : search.page(from, count)) {
        out.add(n.path(JSON).asText());
      }
      return out;
    }

    @Override
    public void close() {
      search.close();
    }
  }

  /** The rows read per request before {@code search_after} is used (tests make it small). */
  private int window = PagedSearch.WINDOW;

  void window(int rows) {
    this.window = rows;
  }

  /**
   * The values a keyword field of a kind's records holds, with how many records hold each (a record
   * with several counted once for each), as the local workspace counts them.
   */
  public Map<String, Long> values(DocKind kind, String field) throws IOException {
    requireSearchable();
    return Queries.valueCounts(client, index, Queries.matching(kind), field);
  }

  /**
   * The stored JSON of records by key (those the store holds), in the order asked: one request for
   * a page of a table.
   */
  public Map<String, String> storedJson(List<String> keys) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    if (keys.isEmpty()) {
      return out;
    }
    JsonNode docs =
        Json.mapper()
            .readTree(
                Connections.send(
                    client,
                    "POST",
                    "/" + index + "/_mget?_source=" + JSON,
                    Json.mapper().writeValueAsString(Map.of("ids", keys)),
                    "read records of " + index))
            .path("docs");
    for (JsonNode d : docs) {
      if (d.path("found").asBoolean()) {
        out.put(d.path("_id").asText(), d.path("_source").path(JSON).asText());
      }
    }
    return out;
  }

  private void requireSearchable() throws IOException {
    if (!exists()) {
      throw new IOException(
          "the team workspace holds no records yet (no index "
              + index
              + "); `rehearsal import --store` or `rehearsal store push` writes them there");
    }
    if (!searchable()) {
      throw new IOException(
          "the team workspace's records were written by an earlier version of Rehearsal and"
              + " cannot be listed or counted by column yet; `rehearsal store upgrade --store "
              + "ADDRESS` gives them their searchable fields (once, for everyone)");
    }
  }

  // ------------------------------------------------------------------ reading in bulk

  /** How many documents of a kind the store holds. */
  public long count(DocKind kind) throws IOException {
    if (!exists()) {
      return 0;
    }
    return client
        .count(
            c ->
                c.index(index)
                    .query(q -> q.term(t -> t.field(KIND).value(v -> v.stringValue(kind.code())))))
        .count();
  }

  /**
   * Every document of a kind, by key order, with its stored JSON: read a page at a time through a
   * point in time (what a commit made visible when the read began, whatever is written meanwhile)
   * and {@code search_after} on the key.
   */
  public void forEach(DocKind kind, BiConsumer<String, String> keyAndJson) throws IOException {
    if (!exists()) {
      return;
    }
    Connections.forEachHit(
        client,
        index,
        Map.of("term", Map.of(KIND, kind.code())),
        KEY,
        List.of(KEY, JSON),
        doc -> keyAndJson.accept(doc.path(KEY).asText(), doc.path(JSON).asText()));
  }

  /** The bytes the records index takes on the cluster's disks, as OpenSearch counts them. */
  public long sizeOnDisk() throws IOException {
    return Json.mapper()
        .readTree(
            Connections.send(
                client,
                "GET",
                "/_cat/indices/" + index + "?bytes=b&h=store.size&format=json",
                null,
                "read the size of " + index))
        .path(0)
        .path("store.size")
        .asLong(-1);
  }

  /** Deletes the store's records and rules. */
  public void drop() throws IOException {
    pending.clear();
    if (exists()) {
      client.indices().delete(d -> d.index(index));
    }
  }

  /** Lets the connection go; what was written and not committed may or may not be visible. */
  @Override
  public void close() throws IOException {
    transport.close();
  }
}
