package dev.rehearsal.index;

import dev.rehearsal.model.Finding;
import dev.rehearsal.model.ImportedRecord;
import dev.rehearsal.model.Incident;
import dev.rehearsal.model.IncidentRow;
import dev.rehearsal.model.Rejection;
import dev.rehearsal.model.Review;
import dev.rehearsal.settings.ServiceNames;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;

/**
 * Reading what a workspace holds: one record by key, every record of a kind, the records a search
 * matches (a page of hits, or rows read a page at a time), rejections, reviews, and the incident
 * table's rows with their findings.
 */
public final class Records {
  private final IndexStore store;
  private final WorkspaceFiles files;

  Records(IndexStore store, WorkspaceFiles files) {
    this.store = store;
    this.files = files;
  }

  /** The stored object under a key. */
  public <T> Optional<T> get(String key, Class<T> type) throws IOException {
    RecordCodec codec = files.codec();
    return store.withSearcher(
        s -> {
          TopDocs td = s.search(new TermQuery(new Term(Schema.KEY, key)), 1);
          if (td.scoreDocs.length == 0) {
            return Optional.<T>empty();
          }
          Document d = s.storedFields().document(td.scoreDocs[0].doc, Set.of(Schema.STORED));
          return Optional.of(codec.decode(d.getBinaryValue(Schema.STORED), type));
        });
  }

  /** The stored JSON under a key, as the workspace holds it (a finding in its stored form). */
  public Optional<String> storedJson(String key) throws IOException {
    return store.withSearcher(
        s -> {
          TopDocs td = s.search(new TermQuery(new Term(Schema.KEY, key)), 1);
          if (td.scoreDocs.length == 0) {
            return Optional.<String>empty();
          }
          BytesRef b =
              s.storedFields()
                  .document(td.scoreDocs[0].doc, Set.of(Schema.STORED))
                  .getBinaryValue(Schema.STORED);
          return Optional.of(b.utf8ToString());
        });
  }

  /** An imported record (incident, deploy, run, fact) by key. */
  public Optional<ImportedRecord> record(String key) throws IOException {
    int slash = key.indexOf('/');
    if (slash < 0) {
      return Optional.empty();
    }
    DocKind kind;
    try {
      kind = DocKind.fromCode(key.substring(0, slash));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (kind.ordinal() > DocKind.FACT.ordinal()) {
      return Optional.empty();
    }
    return get(key, RecordCodec.recordClass(kind)).map(r -> (ImportedRecord) r);
  }

  long countOf(DocKind kind) throws IOException {
    return store.withSearcher(s -> (long) s.count(ofKind(kind)));
  }

  /** Streams every stored object of a kind, decoded, in index order. */
  public <T> void forEach(DocKind kind, Class<T> type, Consumer<T> consumer) throws IOException {
    RecordCodec codec = files.codec();
    forEachMatching(ofKind(kind), json -> codec.decode(json, type), consumer);
  }

  /**
   * Streams the stored JSON of every document of a kind, undecoded. The bytes are valid only during
   * the call: decode them there, or copy them.
   */
  public void forEachStored(DocKind kind, Consumer<BytesRef> consumer) throws IOException {
    forEachMatching(ofKind(kind), json -> json, consumer);
  }

  public <T> List<T> list(DocKind kind, Class<T> type) throws IOException {
    List<T> out = new ArrayList<>();
    forEach(kind, type, out::add);
    return out;
  }

  /**
   * The keys of the incidents a user's handle names: a full key ("incident/pagerduty/Q1ABC"),
   * source/id ("pagerduty/Q1ABC"), or the id or reference the tool shows ("OPS-126", "#1030",
   * "Q1ABC"); a bare number ("1030") also names the incident shown as "#1030". Several keys when
   * the handle is ambiguous, none when nothing matches.
   */
  public List<String> incidentKeysFor(String handle) throws IOException {
    String h = handle.strip();
    String full = h.startsWith("incident/") ? h : "incident/" + h;
    if (get(full, Incident.class).isPresent()) {
      return List.of(full);
    }
    List<String> keys = keysWithId(h.toLowerCase(Locale.ROOT));
    if (keys.isEmpty() && !h.isEmpty() && h.chars().allMatch(Character::isDigit)) {
      keys = keysWithId("#" + h);
    }
    return keys;
  }

  private List<String> keysWithId(String id) throws IOException {
    return store.withSearcher(
        s -> {
          Query q =
              new BooleanQuery.Builder()
                  .add(ofKind(DocKind.INCIDENT), BooleanClause.Occur.FILTER)
                  .add(new TermQuery(new Term(Schema.IDS, id)), BooleanClause.Occur.FILTER)
                  .build();
          TopDocs td = s.search(q, 20);
          List<String> keys = new ArrayList<>();
          for (var sd : td.scoreDocs) {
            keys.add(s.storedFields().document(sd.doc, Set.of(Schema.KEY)).get(Schema.KEY));
          }
          java.util.Collections.sort(keys);
          return keys;
        });
  }

  /** Rejections kept from imports, of one file or all ({@code file} null), at most {@code max}. */
  public List<Rejection> rejections(String file, int max) throws IOException {
    BooleanQuery.Builder q =
        new BooleanQuery.Builder().add(ofKind(DocKind.REJECTION), BooleanClause.Occur.FILTER);
    if (file != null) {
      q.add(new TermQuery(new Term(Schema.FILE, file)), BooleanClause.Occur.FILTER);
    }
    List<Rejection> out = new ArrayList<>();
    RecordCodec codec = files.codec();
    try {
      forEachMatching(
          q.build(),
          json -> codec.decode(json, Rejection.class),
          r -> {
            if (out.size() >= max) {
              throw new StopIteration();
            }
            out.add(r);
          });
    } catch (StopIteration stop) {
      // enough
    }
    out.sort(
        Comparator.comparing(Rejection::file)
            .thenComparingLong(Rejection::line)
            .thenComparingLong(Rejection::index));
    return out;
  }

  /** Every review of an incident, oldest first; the last is the one in force. */
  public List<Review> reviewHistory(String incidentKey) throws IOException {
    List<Review> out = new ArrayList<>();
    RecordCodec codec = files.codec();
    forEachMatching(
        new BooleanQuery.Builder()
            .add(ofKind(DocKind.REVIEW_HISTORY), BooleanClause.Occur.FILTER)
            .add(
                new TermQuery(new Term(Schema.IDS, incidentKey.toLowerCase(Locale.ROOT))),
                BooleanClause.Occur.FILTER)
            .build(),
        json -> codec.decode(json, Review.class),
        out::add);
    out.sort(Comparator.comparing(Review::at));
    return out;
  }

  /** Searches with Lucene query syntax; see {@link Search}. */
  public SearchResult search(SearchRequest request) throws IOException {
    RecordCodec codec = files.codec();
    return store.withSearcher(s -> Search.run(s, request, codec, findingsForSearch));
  }

  /**
   * The records a search matches, newest (or oldest) first, read a page at a time from one view of
   * the index; close them when done.
   */
  public <T> SortedRows<T> rows(SearchRequest filter, boolean newestFirst, Class<T> type)
      throws IOException {
    return rows(filter, new RowOrder(Schema.TIME, newestFirst), type);
  }

  /** The records a search matches in an order, read a page at a time; close them when done. */
  public <T> SortedRows<T> rows(SearchRequest filter, RowOrder order, Class<T> type)
      throws IOException {
    RecordCodec codec = files.codec();
    return new SortedRows<>(
        store.searchers(),
        Search.filtered(filter, files.services(), findingsForSearch),
        order,
        null,
        json -> codec.decode(json, type));
  }

  /**
   * The incidents a search matches as table rows (with their verdicts and gaps), newest first, read
   * a page at a time; close them when done. A syntax error throws {@link SearchSyntaxException}.
   */
  public SortedRows<IncidentRow> incidentRows(String query) throws IOException {
    return incidentRows(query, null, RowOrder.NEWEST);
  }

  /**
   * The incidents a search matches, among the given keys (all when null), as table rows in an
   * order, read a page at a time; close them when done.
   */
  public SortedRows<IncidentRow> incidentRows(
      String query, java.util.Collection<String> among, RowOrder order) throws IOException {
    ServiceNames names = files.services();
    Query q =
        Search.filtered(
            SearchRequest.of(query).withKinds(Set.of(DocKind.INCIDENT)), names, findingsForSearch);
    if (among != null) {
      q =
          new BooleanQuery.Builder()
              .add(q, BooleanClause.Occur.MUST)
              .add(Search.keys(among), BooleanClause.Occur.FILTER)
              .build();
    }
    Map<String, FindingSummary> findings = findingSummaries();
    return new SortedRows<>(
        store.searchers(),
        q,
        order == null ? RowOrder.NEWEST : order,
        findings,
        json -> {
          Incident i = LeanReads.incident(json);
          List<String> canonical = new ArrayList<>();
          for (String s : i.services()) {
            String c = names.canonical(s);
            if (!c.isEmpty() && !canonical.contains(c)) {
              canonical.add(c);
            }
          }
          FindingSummary f = findings.get(i.key());
          return IncidentRow.of(
              i,
              canonical,
              f == null ? null : f.verdict(),
              f == null ? List.of() : f.gaps(),
              f == null ? Double.NaN : f.confidence(),
              f != null && f.reviewed());
        });
  }

  /** The keys of the incidents a search matches (Lucene syntax; blank for all). */
  public Set<String> incidentKeys(String query) throws IOException {
    Query q =
        Search.filtered(
            SearchRequest.of(query).withKinds(Set.of(DocKind.INCIDENT)),
            files.services(),
            findingsForSearch);
    Set<String> out = new java.util.HashSet<>();
    store.withSearcher(
        s -> {
          Leaves.visit(
              s,
              q,
              leaf -> {
                var keys = DocValues.getSorted(leaf.reader(), Schema.KEY);
                return doc -> {
                  if (keys.advanceExact(doc)) {
                    out.add(keys.lookupOrd(keys.ordValue()).utf8ToString());
                  }
                };
              });
          return null;
        });
    return out;
  }

  /**
   * Streams the stored objects of a kind whose time falls in [from, to), decoded; either end may be
   * null.
   */
  public <T> void forEachBetween(
      DocKind kind,
      java.time.Instant from,
      java.time.Instant to,
      Class<T> type,
      Consumer<T> consumer)
      throws IOException {
    if (from == null && to == null) {
      forEach(kind, type, consumer);
      return;
    }
    long lo = from == null ? Long.MIN_VALUE : from.toEpochMilli();
    long hi = to == null ? Long.MAX_VALUE : to.toEpochMilli() - 1;
    RecordCodec codec = files.codec();
    forEachMatching(
        new BooleanQuery.Builder()
            .add(ofKind(kind), BooleanClause.Occur.FILTER)
            .add(
                org.apache.lucene.document.LongField.newRangeQuery(Schema.TIME, lo, hi),
                BooleanClause.Occur.FILTER)
            .build(),
        json -> codec.decode(json, type),
        consumer);
  }

  /**
   * Streams the findings whose incident's onset falls in [from, to) (either end null), read without
   * what no report or figure shows ({@link LeanReads#finding}), in index order. Findings without an
   * onset are left out.
   */
  public void forEachLeanFinding(
      java.time.Instant from, java.time.Instant to, Consumer<Finding> consumer) throws IOException {
    forEachFindingBetween(from, to, LeanReads::finding, consumer);
  }

  /**
   * Streams the findings whose incident's onset falls in [from, to) (either end null), read with
   * only what counting them needs ({@link LeanReads#findingToCount}: no scores), in index order.
   * Findings without an onset are left out.
   */
  public void forEachFindingToCount(
      java.time.Instant from, java.time.Instant to, Consumer<Finding> consumer) throws IOException {
    forEachFindingBetween(from, to, LeanReads::findingToCount, consumer);
  }

  private void forEachFindingBetween(
      java.time.Instant from,
      java.time.Instant to,
      Function<BytesRef, Finding> decode,
      Consumer<Finding> consumer)
      throws IOException {
    Query q = ofKind(DocKind.FINDING);
    if (from != null || to != null) {
      // the time field holds whole milliseconds: a range that holds every onset of the period,
      // then the period itself on the onsets read
      long lo = from == null ? Long.MIN_VALUE : from.toEpochMilli();
      long hi = to == null ? Long.MAX_VALUE : to.toEpochMilli();
      q =
          new BooleanQuery.Builder()
              .add(q, BooleanClause.Occur.FILTER)
              .add(
                  org.apache.lucene.document.LongField.newRangeQuery(Schema.TIME, lo, hi),
                  BooleanClause.Occur.FILTER)
              .build();
    }
    forEachMatching(
        q,
        decode,
        f -> {
          java.time.Instant t = f.onset();
          if (t != null && (from == null || !t.isBefore(from)) && (to == null || t.isBefore(to))) {
            consumer.accept(f);
          }
        });
  }

  /**
   * The incidents whose onset falls in [from, to) (either end null), among the given keys (all when
   * null), with their findings, oldest first, read a slice at a time; close them when done. See
   * {@link IncidentsByOnset}.
   */
  public IncidentsByOnset incidentsByOnset(
      java.time.Instant from, java.time.Instant to, java.util.Collection<String> among)
      throws IOException {
    return incidentsByOnset(from, to, among, IncidentsByOnset.SLICE);
  }

  /** {@link #incidentsByOnset}, decoding {@code slice} incidents at a time. */
  IncidentsByOnset incidentsByOnset(
      java.time.Instant from, java.time.Instant to, java.util.Collection<String> among, int slice)
      throws IOException {
    return new IncidentsByOnset(store.acquire(), from, to, among, slice);
  }

  /** The finding summaries of one reader of the index. */
  private record Summaries(Object reader, Map<String, FindingSummary> byIncident) {}

  private volatile Summaries summaries;

  /** What the search's finding fields ({@code verdict:}, {@code reviewer:}, ...) read. */
  private final Search.Findings findingsForSearch =
      new Search.Findings() {
        @Override
        public Map<String, FindingSummary> byIncident() throws IOException {
          return findingSummaries();
        }

        @Override
        public Map<String, String> reviewers() throws IOException {
          return Records.this.reviewers();
        }
      };

  /**
   * Who made each incident's review in force, by incident key (reviews without a name left out).
   */
  public Map<String, String> reviewers() throws IOException {
    Map<String, String> out = new HashMap<>();
    forEach(
        DocKind.REVIEW,
        dev.rehearsal.model.Review.class,
        r -> {
          if (!r.reviewer().isBlank()) {
            out.put(r.incidentKey(), r.reviewer());
          }
        });
    return out;
  }

  /**
   * For every finding: incident key to what the table shows of it (verdict, gaps, confidence,
   * reviewed), read from doc values (no JSON decoding), so the incident table can show them at a
   * hundred thousand rows. Kept until the index changes: every search of the incident table needs
   * all of them. Unmodifiable.
   */
  public Map<String, FindingSummary> findingSummaries() throws IOException {
    return store.withSearcher(
        s -> {
          Object reader =
              s.getIndexReader().getReaderCacheHelper() == null
                  ? null
                  : s.getIndexReader().getReaderCacheHelper().getKey();
          Summaries cached = summaries;
          if (reader != null && cached != null && cached.reader() == reader) {
            return cached.byIncident();
          }
          Map<String, FindingSummary> out = java.util.Collections.unmodifiableMap(readSummaries(s));
          summaries = new Summaries(reader, out);
          return out;
        });
  }

  private static Map<String, FindingSummary> readSummaries(IndexSearcher s) throws IOException {
    Map<String, FindingSummary> out = new HashMap<>();
    // a few verdicts and sets of gaps, each held once
    Map<String, List<String>> sameGaps = new HashMap<>();
    int prefix = DocKind.FINDING.code().length() + 1;
    Leaves.visit(
        s,
        ofKind(DocKind.FINDING),
        leaf -> {
          var keys = DocValues.getSorted(leaf.reader(), Schema.KEY);
          var status = DocValues.getSorted(leaf.reader(), Schema.STATUS);
          var gaps = DocValues.getSortedSet(leaf.reader(), Schema.GAP);
          var confidence = DocValues.getNumeric(leaf.reader(), Schema.NUMBER);
          var subtype = DocValues.getSorted(leaf.reader(), Schema.SUBTYPE);
          return doc -> {
            if (!keys.advanceExact(doc)) {
              return;
            }
            // finding keys are "finding/" + the incident key, case kept
            String key = keys.lookupOrd(keys.ordValue()).utf8ToString().substring(prefix);
            String verdict =
                status.advanceExact(doc)
                    ? status.lookupOrd(status.ordValue()).utf8ToString().intern()
                    : "";
            StringBuilder g = new StringBuilder();
            if (gaps.advanceExact(doc)) {
              for (int k = 0; k < gaps.docValueCount(); k++) {
                g.append(k > 0 ? "," : "").append(gaps.lookupOrd(gaps.nextOrd()).utf8ToString());
              }
            }
            List<String> gapList =
                sameGaps.computeIfAbsent(
                    g.toString(), x -> x.isEmpty() ? List.of() : List.of(x.split(",")));
            double conf =
                confidence.advanceExact(doc) ? Double.longBitsToDouble(confidence.longValue()) : 0;
            boolean reviewed =
                subtype.advanceExact(doc)
                    && subtype.lookupOrd(subtype.ordValue()).utf8ToString().equals(Schema.REVIEWED);
            out.put(key, new FindingSummary(verdict, gapList, conf, reviewed));
          };
        });
    return out;
  }

  // ---------------------------------------------------------------- the one reading loop

  static Query ofKind(DocKind kind) {
    return new TermQuery(new Term(Schema.KIND, kind.code()));
  }

  /**
   * Decodes the stored JSON of every live document a query matches, in index order, each segment's
   * documents read sequentially into one reused buffer.
   */
  <T> void forEachMatching(Query query, Function<BytesRef, T> decode, Consumer<T> consumer)
      throws IOException {
    store.withSearcher(
        s -> {
          Leaves.visit(
              s,
              query,
              leaf -> {
                StoredFields stored = sequentialStoredFields(leaf.reader());
                JsonVisitor visitor = new JsonVisitor();
                return doc -> {
                  BytesRef json = visitor.read(stored, doc);
                  if (json != null) {
                    consumer.accept(decode.apply(json));
                  }
                };
              });
          return null;
        });
  }

  /**
   * Stored fields of a segment for reading many documents in doc id order. Lucene compresses stored
   * fields in blocks of many documents; the ordinary reader decompresses a block again for every
   * document read from it, while the sequential (merge) instance decompresses each block once and
   * serves its documents in turn: several times faster over a whole kind. The instance belongs to
   * one thread.
   */
  public static StoredFields sequentialStoredFields(org.apache.lucene.index.LeafReader reader)
      throws IOException {
    if (reader instanceof org.apache.lucene.index.CodecReader codecReader
        && codecReader.getFieldsReader() != null) {
      return codecReader.getFieldsReader().getMergeInstance();
    }
    return reader.storedFields();
  }

  /**
   * Reads a document's stored JSON into one buffer that is used again for the next document, where
   * the stored fields reader would copy every document's JSON into a new array and wrap it in a new
   * {@link Document}.
   */
  static final class JsonVisitor extends org.apache.lucene.index.StoredFieldVisitor {
    private final BytesRef json = new BytesRef(new byte[1 << 14]);
    private boolean found;

    /** The stored JSON of a document; valid until the next call. Null when it has none. */
    BytesRef read(StoredFields stored, int doc) throws IOException {
      found = false;
      stored.document(doc, this);
      return found ? json : null;
    }

    @Override
    public Status needsField(org.apache.lucene.index.FieldInfo field) {
      return found ? Status.STOP : field.name.equals(Schema.STORED) ? Status.YES : Status.NO;
    }

    @Override
    public void binaryField(
        org.apache.lucene.index.FieldInfo field, org.apache.lucene.store.DataInput in, int length)
        throws IOException {
      if (json.bytes.length < length) {
        json.bytes = new byte[org.apache.lucene.util.ArrayUtil.oversize(length, 1)];
      }
      in.readBytes(json.bytes, 0, length);
      json.offset = 0;
      json.length = length;
      found = true;
    }
  }

  private static final class StopIteration extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StopIteration() {
      super(null, null, false, false);
    }
  }
}
