package dev.rehearsal.index;

import com.opencsv.CSVReader;
import com.opencsv.CSVWriter;
import com.opencsv.exceptions.CsvException;
import dev.rehearsal.importers.ColumnMapping;
import dev.rehearsal.importers.FileReport;
import dev.rehearsal.importers.RecordStore;
import dev.rehearsal.model.Deploy;
import dev.rehearsal.model.DeployStatus;
import dev.rehearsal.model.DeployStatusEvent;
import dev.rehearsal.model.ImportedRecord;
import dev.rehearsal.model.Incident;
import dev.rehearsal.model.Rejection;
import dev.rehearsal.settings.ServiceNames;
import dev.rehearsal.settings.Settings;
import dev.rehearsal.util.Json;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.BytesRef;

/**
 * A workspace: a folder that holds everything imported, in a Lucene index that is the store of
 * record, plus the user's settings, service aliases and column mappings as small files beside it.
 * One long-lived {@link IndexWriter} and one {@link SearcherManager}; changes become visible and
 * durable at {@link #commit()}. A process killed mid-import leaves the last commit intact.
 */
public final class Workspace implements Closeable {
  public static final String ALIASES_FILE = "aliases.csv";
  public static final String MAPPINGS_DIR = "mappings";
  private static final Pattern INDEX_DIR = Pattern.compile("index-v(\\d+)");

  private final Path dir;
  private final int schemaVersion;
  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final List<String> openNotes = new ArrayList<>();
  private volatile Settings settings;
  private volatile ServiceNames services;
  private volatile RecordCodec codec;

  /** Commit user data: the generation of the imported records (see {@link #inputGeneration}). */
  static final String INPUT_GENERATION = "rehearsal.inputGeneration";

  private volatile String inputGeneration;
  private volatile boolean inputChanged;

  private Workspace(Path dir, int schemaVersion) throws IOException {
    this.dir = dir;
    this.schemaVersion = schemaVersion;
    Files.createDirectories(dir);
    this.settings = Settings.load(dir.resolve(Settings.FILE));
    this.services =
        new ServiceNames(readAliases(dir.resolve(ALIASES_FILE)), settings.serviceSuffixes());
    this.codec = new RecordCodec(services);
    Path indexDir = dir.resolve(Schema.indexFolder(schemaVersion));
    Optional<Path> older = newerOrOlder(dir, schemaVersion);
    boolean migrate = false;
    if (older.isPresent()
        && !Files.exists(indexDir.resolve("write.lock"))
        && !hasSegments(indexDir)) {
      int v = version(older.get());
      if (v > schemaVersion) {
        throw new IOException(
            "the workspace "
                + dir
                + " was written by a newer Rehearsal "
                + "(index schema v"
                + v
                + "); this version reads v"
                + schemaVersion);
      }
      migrate = true;
    }
    this.directory = FSDirectory.open(indexDir);
    IndexWriterConfig cfg = writerConfig();
    cfg.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    cfg.setCommitOnClose(false);
    try {
      this.writer = new IndexWriter(directory, cfg);
    } catch (LockObtainFailedException e) {
      directory.close();
      throw new WorkspaceBusyException(
          "the workspace "
              + dir
              + " is open in another Rehearsal "
              + "window or command; close it first",
          e);
    }
    if (migrate) {
      rebuildFrom(older.get());
    }
    for (Map.Entry<String, String> e : writer.getLiveCommitData()) {
      if (e.getKey().equals(INPUT_GENERATION)) {
        inputGeneration = e.getValue();
      }
    }
    if (inputGeneration == null || migrate) {
      // a new workspace, or one last written by a version that did not keep the generation
      inputChanged = true;
      inputGeneration = commitWithGeneration();
    }
    this.searchers = new SearcherManager(writer, null);
    writeMeta();
  }

  /** The default workspace folder: $REHEARSAL_WORKSPACE, else ~/.rehearsal/workspace. */
  public static Path defaultDir() {
    String env = System.getenv("REHEARSAL_WORKSPACE");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    return Path.of(System.getProperty("user.home"), ".rehearsal", "workspace");
  }

  /** Whether a folder already holds a workspace. */
  public static boolean exists(Path dir) {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.anyMatch(p -> INDEX_DIR.matcher(p.getFileName().toString()).matches());
    } catch (IOException e) {
      return false;
    }
  }

  public static Workspace open(Path dir) throws IOException {
    return new Workspace(dir, Schema.VERSION);
  }

  /** Opens with a given schema version; tests use it to prove a version change rebuilds. */
  public static Workspace open(Path dir, int schemaVersion) throws IOException {
    return new Workspace(dir, schemaVersion);
  }

  public Path dir() {
    return dir;
  }

  public int schemaVersion() {
    return schemaVersion;
  }

  /** What happened when the workspace opened (a rebuild after a schema change). */
  public List<String> openNotes() {
    return List.copyOf(openNotes);
  }

  public Settings settings() {
    return settings;
  }

  public ServiceNames services() {
    return services;
  }

  public RecordCodec codec() {
    return codec;
  }

  // ---------------------------------------------------------------- schema versions

  private static Optional<Path> newerOrOlder(Path dir, int current) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> INDEX_DIR.matcher(p.getFileName().toString()).matches())
          .filter(p -> version(p) != current)
          .filter(Workspace::hasSegments)
          .max(Comparator.comparingInt(Workspace::version));
    }
  }

  private static int version(Path p) {
    Matcher m = INDEX_DIR.matcher(p.getFileName().toString());
    return m.matches() ? Integer.parseInt(m.group(1)) : -1;
  }

  private static boolean hasSegments(Path indexDir) {
    if (!Files.isDirectory(indexDir)) {
      return false;
    }
    try (Stream<Path> s = Files.list(indexDir)) {
      return s.anyMatch(p -> p.getFileName().toString().startsWith("segments_"));
    } catch (IOException e) {
      return false;
    }
  }

  /** Re-indexes every stored record of an older index under this schema, then removes it. */
  private void rebuildFrom(Path old) throws IOException {
    long n = 0;
    try (Directory od = FSDirectory.open(old);
        DirectoryReader r = DirectoryReader.open(od)) {
      for (LeafReaderContext leaf : r.leaves()) {
        StoredFields stored = sequentialStoredFields(leaf.reader());
        var live = leaf.reader().getLiveDocs();
        for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
          if (live != null && !live.get(doc)) {
            continue;
          }
          Document d = stored.document(doc);
          String key = d.get(Schema.KEY);
          BytesRef json = d.getBinaryValue(Schema.STORED);
          if (key == null || json == null) {
            continue;
          }
          Document rebuilt = reencode(key, json);
          if (rebuilt != null) {
            writer.updateDocument(new Term(Schema.KEY, key), rebuilt);
            n++;
          }
        }
      }
    }
    writer.commit();
    deleteTree(old);
    openNotes.add(
        "the index was rebuilt from schema v"
            + version(old)
            + " to v"
            + schemaVersion
            + " ("
            + n
            + " documents)");
  }

  /** Builds the current-schema document for a stored key and JSON. */
  private Document reencode(String key, BytesRef json) {
    DocKind kind = DocKind.fromCode(key.substring(0, key.indexOf('/')));
    switch (kind) {
      case INCIDENT:
      case DEPLOY:
      case RUN:
      case FACT:
        return codec.encode(codec.decode(json, RecordCodec.recordClass(kind)));
      case REJECTION:
        return rejectionDoc(codec.decode(json, Rejection.class), key);
      case IMPORT_LOG:
        return importLogDoc(codec.decode(json, FileReport.class));
      default:
        return StoredDocs.reencode(kind, key, json, codec);
    }
  }

  private static void deleteTree(Path p) throws IOException {
    try (Stream<Path> s = Files.walk(p)) {
      for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(q);
      }
    }
  }

  private void writeMeta() throws IOException {
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("schemaVersion", schemaVersion);
    meta.put("index", Schema.indexFolder(schemaVersion));
    meta.put("application", "Rehearsal");
    Files.writeString(
        dir.resolve("workspace.json"),
        Json.pretty().writeValueAsString(meta),
        StandardCharsets.UTF_8);
  }

  // ---------------------------------------------------------------- writing

  /** Adds or replaces an imported record (by its key). */
  public void upsert(ImportedRecord r) throws IOException {
    writer.updateDocument(new Term(Schema.KEY, r.key()), codec.encode(r));
    inputChanged = true;
  }

  /** Adds or replaces a prepared document by key. */
  public void put(String key, Document doc) throws IOException {
    writer.updateDocument(new Term(Schema.KEY, key), doc);
    inputChanged = true;
  }

  public void delete(String key) throws IOException {
    writer.deleteDocuments(new Term(Schema.KEY, key));
    inputChanged = true;
  }

  /** Deletes every document of a kind. */
  public void deleteAll(DocKind kind) throws IOException {
    writer.deleteDocuments(new Term(Schema.KIND, kind.code()));
    if (kind != DocKind.FINDING && kind != DocKind.REVIEW) {
      inputChanged = true;
    }
  }

  /** Stores a review (replacing an earlier one of the same incident). Call {@link #commit()}. */
  public void putReview(dev.rehearsal.model.Review r) throws IOException {
    writer.updateDocument(new Term(Schema.KEY, r.key()), StoredDocs.review(r, codec));
  }

  /** Stores an analysis finding (replacing the earlier one). Call {@link #commit()}. */
  public void putFinding(dev.rehearsal.model.Finding f) throws IOException {
    writer.updateDocument(new Term(Schema.KEY, f.key()), StoredDocs.finding(f, codec, ""));
  }

  /**
   * How the workspace index is written. Flushed segments are not packed into compound files:
   * packing copies every byte a second time, and a workspace holds few, large segments.
   */
  public static IndexWriterConfig writerConfig() {
    IndexWriterConfig cfg = new IndexWriterConfig(Schema.analyzer());
    // the indexing buffer; a system property lets tests force early flushes
    cfg.setRAMBufferSizeMB(Integer.getInteger("rehearsal.index.ramBufferMB", 96));
    cfg.setUseCompoundFile(false);
    // up to 20 segments of a size before they are merged, not 10 (decision 0011)
    org.apache.lucene.index.TieredMergePolicy merges =
        new org.apache.lucene.index.TieredMergePolicy();
    merges.setSegmentsPerTier(
        Double.parseDouble(System.getProperty("rehearsal.index.segmentsPerTier", "20")));
    cfg.setMergePolicy(merges);
    return cfg;
  }

  /** Replaces every stored finding with these. Call {@link #commit()}. */
  public void replaceFindings(List<dev.rehearsal.model.Finding> findings) throws IOException {
    replaceFindings(findings.size(), findings::get);
  }

  /**
   * Replaces every stored finding with the {@code n} that {@code make} gives, each written as soon
   * as it is made, on several threads: the caller need not hold them all at once. The in-memory
   * segments the threads filled are then written out on as many threads (a commit would write them
   * one after the other on its own). The earlier findings are deleted only once all the new ones
   * are added; if making one fails, those already added are deleted and the earlier ones stay. Call
   * {@link #commit()}.
   */
  public void replaceFindings(int n, IntFunction<dev.rehearsal.model.Finding> make)
      throws IOException {
    String run = Long.toString(findingRuns.incrementAndGet()) + "-" + System.nanoTime();
    // the findings are made on the common pool's threads and this one, each taking the next;
    // every thread has stopped before a failure is handled, so none adds one after the undo
    AtomicInteger next = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Runnable work =
        () -> {
          int i;
          while (failure.get() == null && (i = next.getAndIncrement()) < n) {
            try {
              writer.addDocument(StoredDocs.finding(make.apply(i), codec, run));
            } catch (Throwable e) {
              failure.compareAndSet(null, e);
            }
          }
        };
    inParallel(work, failure);
    if (failure.get() == null) {
      // each call writes out one in-memory segment, if any is left
      inParallel(
          () -> {
            try {
              writer.flushNextBuffer();
            } catch (Throwable e) {
              failure.compareAndSet(null, e);
            }
          },
          failure);
    }
    Throwable e = failure.get();
    if (e != null) {
      writer.deleteDocuments(new Term(Schema.RUN, run));
      if (e instanceof IOException io) {
        throw io;
      } else if (e instanceof UncheckedIOException io) {
        throw io.getCause();
      } else if (e instanceof RuntimeException r) {
        throw r;
      } else if (e instanceof Error err) {
        throw err;
      }
      throw new IOException(e);
    }
    // a delete applies to the documents added before it: the earlier findings, not these
    writer.deleteDocuments(
        new BooleanQuery.Builder()
            .add(
                new TermQuery(new Term(Schema.KIND, DocKind.FINDING.code())),
                BooleanClause.Occur.FILTER)
            .add(new TermQuery(new Term(Schema.RUN, run)), BooleanClause.Occur.MUST_NOT)
            .build());
  }

  /**
   * Runs {@code work} on this thread and on each of the common pool's, and returns when all have
   * finished; an interruption while waiting is recorded in {@code failure}.
   */
  private static void inParallel(Runnable work, AtomicReference<Throwable> failure) {
    List<Future<?>> others = new ArrayList<>();
    for (int k = 0; k < ForkJoinPool.getCommonPoolParallelism(); k++) {
      others.add(ForkJoinPool.commonPool().submit(work));
    }
    work.run();
    boolean interrupted = false;
    for (var f : others) {
      while (true) {
        try {
          f.get();
          break;
        } catch (InterruptedException e) {
          interrupted = true; // the others are still adding: wait for them, then say so
          failure.compareAndSet(
              null, new java.io.InterruptedIOException("interrupted while storing findings"));
        } catch (java.util.concurrent.ExecutionException e) {
          failure.compareAndSet(null, e.getCause());
          break;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Tells the findings of one {@link #replaceFindings} call from all others. */
  private static final AtomicLong findingRuns = new AtomicLong();

  /** Makes all changes durable and visible to searches. */
  public void commit() throws IOException {
    String next = commitWithGeneration();
    searchers.maybeRefreshBlocking();
    if (next != null) {
      // only once searches see the commit: an analysis that reads the new generation reads
      // the records it stands for
      inputGeneration = next;
    }
  }

  /**
   * Commits; when imported records (incidents, deploys, runs, facts, statuses, rejections) changed
   * since the last commit, the commit carries a new input generation, returned (null when none).
   */
  private synchronized String commitWithGeneration() throws IOException {
    String next = null;
    if (inputChanged) {
      inputChanged = false;
      next = java.util.UUID.randomUUID().toString();
      writer.setLiveCommitData(Map.of(INPUT_GENERATION, next).entrySet());
    }
    try {
      writer.commit();
    } catch (IOException | RuntimeException e) {
      if (next != null) {
        inputChanged = true; // the next commit renews the generation again
      }
      throw e;
    }
    return next;
  }

  /**
   * The generation of the imported records as of the last commit: it changes with every commit that
   * added, replaced or deleted any of them, and with nothing else (findings and reviews are not
   * imported records). Derived data such as the analysis's input snapshot is valid for one
   * generation.
   */
  public String inputGeneration() {
    return inputGeneration;
  }

  /** The store an import writes into. */
  public RecordStore importStore() {
    return new RecordStore() {
      @Override
      public void upsert(ImportedRecord record) throws IOException {
        Workspace.this.upsert(record);
      }

      @Override
      public void upsertStatus(DeployStatusEvent event) throws IOException {
        put(event.key(), StoredDocs.status(event, codec));
      }

      @Override
      public void rejected(Rejection r) throws IOException {
        String key = DocKind.REJECTION.code() + "/" + r.file() + "/" + r.line() + "/" + r.index();
        put(key, rejectionDoc(r, key));
      }

      @Override
      public void clearRejections(String file) throws IOException {
        BooleanQuery q =
            new BooleanQuery.Builder()
                .add(
                    new TermQuery(new Term(Schema.KIND, DocKind.REJECTION.code())),
                    BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(Schema.FILE, file)), BooleanClause.Occur.FILTER)
                .build();
        writer.deleteDocuments(q);
      }

      @Override
      public void fileImported(FileReport report) throws IOException {
        put(DocKind.IMPORT_LOG.code() + "/" + report.file(), importLogDoc(report));
      }

      @Override
      public void commit() throws IOException {
        Workspace.this.commit();
        if (reconcileStatuses() > 0) {
          Workspace.this.commit();
        }
      }

      @Override
      public Map<String, ColumnMapping> mappings() {
        try {
          return Workspace.this.mappings();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
  }

  /**
   * Folds deploy status events into their deploys: the latest event by time sets the deploy's
   * status (and its finish time when the deploy has none). Deploys not imported yet keep their
   * events waiting. Returns how many deploys changed.
   */
  public int reconcileStatuses() throws IOException {
    if (count(DocKind.DEPLOY_STATUS) == 0) {
      return 0;
    }
    Map<String, DeployStatusEvent> latest = new java.util.HashMap<>();
    Map<String, Instant> finished = new java.util.HashMap<>();
    forEach(
        DocKind.DEPLOY_STATUS,
        DeployStatusEvent.class,
        e -> {
          latest.merge(
              e.deployKey(),
              e,
              (a, b) ->
                  b.at().isAfter(a.at())
                          || b.at().equals(a.at()) && b.statusId().compareTo(a.statusId()) > 0
                      ? b
                      : a);
          // the deploy finished when it first reached an end state (later "inactive" events
          // only say a newer deploy replaced it)
          if (e.status() == DeployStatus.SUCCEEDED
              || e.status() == DeployStatus.FAILED
              || e.status() == DeployStatus.CANCELLED) {
            finished.merge(e.deployKey(), e.at(), (a, b) -> a.isBefore(b) ? a : b);
          }
        });
    int changed = 0;
    for (var e : latest.entrySet()) {
      Optional<Deploy> d = get(e.getKey(), Deploy.class);
      if (d.isEmpty()) {
        continue;
      }
      DeployStatusEvent ev = e.getValue();
      Deploy dep = d.get();
      Instant end = dep.finishedAt() == null ? finished.get(e.getKey()) : null;
      if (dep.status() != ev.status() || end != null) {
        upsert(dep.withStatus(ev.status(), end));
        changed++;
      }
    }
    return changed;
  }

  private Document rejectionDoc(Rejection r, String key) {
    Document d = RecordCodec.base(DocKind.REJECTION, key, Instant.now(), codec.json(r));
    d.add(new StringField(Schema.FILE, r.file(), Field.Store.NO));
    d.add(new TextField(Schema.BODY, r.reason(), Field.Store.NO));
    return d;
  }

  private Document importLogDoc(FileReport report) {
    Document d =
        RecordCodec.base(
            DocKind.IMPORT_LOG,
            DocKind.IMPORT_LOG.code() + "/" + report.file(),
            Instant.now(),
            codec.json(report));
    d.add(new StringField(Schema.FILE, report.file(), Field.Store.NO));
    return d;
  }

  // ---------------------------------------------------------------- reading

  /** Runs a function with a searcher over the last commit; the searcher is released after. */
  public <T> T withSearcher(SearcherFunction<T> fn) throws IOException {
    IndexSearcher s = searchers.acquire();
    try {
      return fn.apply(s);
    } finally {
      searchers.release(s);
    }
  }

  /** A function of a searcher. */
  @FunctionalInterface
  public interface SearcherFunction<T> {
    T apply(IndexSearcher searcher) throws IOException;
  }

  public long count(DocKind kind) throws IOException {
    return withSearcher(s -> (long) s.count(new TermQuery(new Term(Schema.KIND, kind.code()))));
  }

  /** Documents per kind. */
  public Map<DocKind, Long> counts() throws IOException {
    Map<DocKind, Long> out = new EnumMap<>(DocKind.class);
    for (DocKind k : DocKind.values()) {
      out.put(k, count(k));
    }
    return out;
  }

  /** Counts of imported records per kind and importer id. */
  public Map<String, Map<String, Long>> countsByFormat() throws IOException {
    Map<String, Map<String, Long>> out = new TreeMap<>();
    for (FileReport r : list(DocKind.IMPORT_LOG, FileReport.class)) {
      if (r.format().isEmpty()) {
        continue;
      }
      out.computeIfAbsent(r.format(), k -> new TreeMap<>()).merge("files", 1L, Long::sum);
      out.get(r.format()).merge("accepted", r.accepted(), Long::sum);
      out.get(r.format()).merge("rejected", r.rejected(), Long::sum);
    }
    return out;
  }

  /**
   * Exact counts of the values of a keyword field (service, env, status ...) over the documents of
   * one kind, read from doc values.
   */
  public Map<String, Long> valueCounts(DocKind kind, String field) throws IOException {
    Map<String, Long> out = new TreeMap<>();
    withSearcher(
        s -> {
          Query q = new TermQuery(new Term(Schema.KIND, kind.code()));
          Weight w = s.createWeight(s.rewrite(q), ScoreMode.COMPLETE_NO_SCORES, 1f);
          for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
            Scorer sc = w.scorer(leaf);
            if (sc == null) {
              continue;
            }
            var live = leaf.reader().getLiveDocs();
            var info = leaf.reader().getFieldInfos().fieldInfo(field);
            if (info == null) {
              continue;
            }
            boolean multi =
                info.getDocValuesType() == org.apache.lucene.index.DocValuesType.SORTED_SET;
            var set =
                multi ? org.apache.lucene.index.DocValues.getSortedSet(leaf.reader(), field) : null;
            var single =
                multi ? null : org.apache.lucene.index.DocValues.getSorted(leaf.reader(), field);
            long[] counts = new long[(int) (multi ? set.getValueCount() : single.getValueCount())];
            DocIdSetIterator it = sc.iterator();
            for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
              if (live != null && !live.get(doc)) {
                continue;
              }
              if (multi) {
                if (set.advanceExact(doc)) {
                  for (int i = 0; i < set.docValueCount(); i++) {
                    counts[(int) set.nextOrd()]++;
                  }
                }
              } else if (single.advanceExact(doc)) {
                counts[single.ordValue()]++;
              }
            }
            for (int o = 0; o < counts.length; o++) {
              if (counts[o] > 0) {
                String v = (multi ? set.lookupOrd(o) : single.lookupOrd(o)).utf8ToString();
                out.merge(v, counts[o], Long::sum);
              }
            }
          }
          return null;
        });
    return out;
  }

  /**
   * Counts the documents of a kind that match a filter, per value of a keyword field and per UTC
   * day (epoch day) of their time, read from doc values without decoding a document. A document
   * with several values counts once for each.
   */
  public Map<String, Map<Long, Long>> countsByValueAndDay(DocKind kind, String field, Query filter)
      throws IOException {
    Map<String, Map<Long, Long>> out = new TreeMap<>();
    withSearcher(
        s -> {
          BooleanQuery.Builder b =
              new BooleanQuery.Builder()
                  .add(
                      new TermQuery(new Term(Schema.KIND, kind.code())),
                      BooleanClause.Occur.FILTER);
          if (filter != null) {
            b.add(filter, BooleanClause.Occur.FILTER);
          }
          Weight w = s.createWeight(s.rewrite(b.build()), ScoreMode.COMPLETE_NO_SCORES, 1f);
          for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
            Scorer sc = w.scorer(leaf);
            if (sc == null) {
              continue;
            }
            var live = leaf.reader().getLiveDocs();
            var values = org.apache.lucene.index.DocValues.getSortedSet(leaf.reader(), field);
            var times =
                org.apache.lucene.index.DocValues.getSortedNumeric(leaf.reader(), Schema.TIME);
            Map<Long, Map<Long, Long>> byOrd = new java.util.HashMap<>();
            DocIdSetIterator it = sc.iterator();
            for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
              if (live != null && !live.get(doc) || !values.advanceExact(doc)) {
                continue;
              }
              long day =
                  times.advanceExact(doc) ? Math.floorDiv(times.nextValue(), 86_400_000L) : 0;
              for (int i = 0; i < values.docValueCount(); i++) {
                byOrd
                    .computeIfAbsent(values.nextOrd(), o -> new TreeMap<>())
                    .merge(day, 1L, Long::sum);
              }
            }
            for (var e : byOrd.entrySet()) {
              String v = values.lookupOrd(e.getKey()).utf8ToString();
              Map<Long, Long> days = out.computeIfAbsent(v, x -> new TreeMap<>());
              e.getValue().forEach((d, n) -> days.merge(d, n, Long::sum));
            }
          }
          return null;
        });
    return out;
  }

  /** Earliest and latest time of the documents of a kind, or null when there are none. */
  public Instant[] timeRange(DocKind kind) throws IOException {
    return withSearcher(
        s -> {
          Query q = new TermQuery(new Term(Schema.KIND, kind.code()));
          long[] range = {Long.MAX_VALUE, Long.MIN_VALUE};
          Weight w = s.createWeight(s.rewrite(q), ScoreMode.COMPLETE_NO_SCORES, 1f);
          for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
            Scorer sc = w.scorer(leaf);
            if (sc == null) {
              continue;
            }
            var live = leaf.reader().getLiveDocs();
            var dv = org.apache.lucene.index.DocValues.getSortedNumeric(leaf.reader(), Schema.TIME);
            DocIdSetIterator it = sc.iterator();
            for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
              if ((live == null || live.get(doc)) && dv.advanceExact(doc)) {
                long v = dv.nextValue();
                range[0] = Math.min(range[0], v);
                range[1] = Math.max(range[1], v);
              }
            }
          }
          return range[0] > range[1]
              ? null
              : new Instant[] {Instant.ofEpochMilli(range[0]), Instant.ofEpochMilli(range[1])};
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

  /** Streams every stored object of a kind, decoded, in index order. */
  public <T> void forEach(DocKind kind, Class<T> type, Consumer<T> consumer) throws IOException {
    forEachMatching(new TermQuery(new Term(Schema.KIND, kind.code())), type, consumer);
  }

  /**
   * Reads a document's stored JSON into one buffer that is used again for the next document: the
   * stored fields reader would otherwise copy every document's JSON into a new array and wrap it in
   * a new {@link Document}, a third of what reading a hundred thousand of them allocated.
   */
  private static final class JsonVisitor extends org.apache.lucene.index.StoredFieldVisitor {
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

  /**
   * Streams the stored JSON of every document of a kind, undecoded. The bytes are valid only during
   * the call: decode them there, or copy them.
   */
  public void forEachStored(DocKind kind, Consumer<BytesRef> consumer) throws IOException {
    withSearcher(
        s -> {
          Query q = new TermQuery(new Term(Schema.KIND, kind.code()));
          Weight w = s.createWeight(s.rewrite(q), ScoreMode.COMPLETE_NO_SCORES, 1f);
          for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
            Scorer sc = w.scorer(leaf);
            if (sc == null) {
              continue;
            }
            StoredFields stored = sequentialStoredFields(leaf.reader());
            var live = leaf.reader().getLiveDocs();
            JsonVisitor visitor = new JsonVisitor();
            DocIdSetIterator it = sc.iterator();
            for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
              BytesRef json = live == null || live.get(doc) ? visitor.read(stored, doc) : null;
              if (json != null) {
                consumer.accept(json);
              }
            }
          }
          return null;
        });
  }

  /** Streams the stored objects matching a query. */
  public <T> void forEachMatching(Query query, Class<T> type, Consumer<T> consumer)
      throws IOException {
    forEachMatching(query, json -> codec.decode(json, type), consumer);
  }

  /** The text of an incident that no table row shows: its reader does not make strings of it. */
  @com.fasterxml.jackson.annotation.JsonIgnoreProperties({
    "description",
    "postmortem",
    "labels",
    "url"
  })
  private abstract static class RowFieldsOnly {}

  /**
   * Reads incidents for table rows without making strings of their descriptions and postmortems,
   * their longest fields: a search of all 100,000 incidents allocated an eighth less (525 to 464
   * MB), garbage the collector clears while the user scrolls.
   */
  private static final java.util.function.Function<BytesRef, Incident> ROW_READER;

  static {
    var reader =
        Json.mapper()
            .copy()
            .addMixIn(Incident.class, RowFieldsOnly.class)
            .readerFor(Incident.class);
    ROW_READER =
        json -> {
          try {
            return reader.readValue(json.bytes, json.offset, json.length);
          } catch (IOException e) {
            throw new UncheckedIOException(
                "a stored Incident cannot be read back: " + e.getMessage(), e);
          }
        };
  }

  private <T> void forEachMatching(
      Query query, java.util.function.Function<BytesRef, T> decode, Consumer<T> consumer)
      throws IOException {
    withSearcher(
        s -> {
          Weight w = s.createWeight(s.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
          for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
            Scorer sc = w.scorer(leaf);
            if (sc == null) {
              continue;
            }
            StoredFields stored = sequentialStoredFields(leaf.reader());
            var live = leaf.reader().getLiveDocs();
            JsonVisitor visitor = new JsonVisitor();
            DocIdSetIterator it = sc.iterator();
            for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
              if (live != null && !live.get(doc)) {
                continue;
              }
              BytesRef json = visitor.read(stored, doc);
              if (json != null) {
                consumer.accept(decode.apply(json));
              }
            }
          }
          return null;
        });
  }

  public <T> List<T> list(DocKind kind, Class<T> type) throws IOException {
    List<T> out = new ArrayList<>();
    forEach(kind, type, out::add);
    return out;
  }

  /**
   * The keys of the incidents a user's handle names: a full key ("incident/pagerduty/Q1ABC"),
   * source/id ("pagerduty/Q1ABC"), or the id or reference the tool shows ("OPS-126", "#1030",
   * "Q1ABC"). Several keys when the handle is ambiguous, none when nothing matches.
   */
  public List<String> incidentKeysFor(String handle) throws IOException {
    String h = handle.strip();
    String full = h.startsWith("incident/") ? h : "incident/" + h;
    if (get(full, dev.rehearsal.model.Incident.class).isPresent()) {
      return List.of(full);
    }
    String id = h.toLowerCase(java.util.Locale.ROOT);
    return withSearcher(
        s -> {
          Query q =
              new BooleanQuery.Builder()
                  .add(
                      new TermQuery(new Term(Schema.KIND, DocKind.INCIDENT.code())),
                      BooleanClause.Occur.FILTER)
                  .add(new TermQuery(new Term(Schema.IDS, id)), BooleanClause.Occur.FILTER)
                  .build();
          TopDocs td = s.search(q, 20);
          List<String> keys = new ArrayList<>();
          for (var sd : td.scoreDocs) {
            keys.add(
                s.storedFields().document(sd.doc, java.util.Set.of(Schema.KEY)).get(Schema.KEY));
          }
          java.util.Collections.sort(keys);
          return keys;
        });
  }

  /** The stored object under a key. */
  public <T> Optional<T> get(String key, Class<T> type) throws IOException {
    return withSearcher(
        s -> {
          TopDocs td = s.search(new TermQuery(new Term(Schema.KEY, key)), 1);
          if (td.scoreDocs.length == 0) {
            return Optional.<T>empty();
          }
          Document d =
              s.storedFields().document(td.scoreDocs[0].doc, java.util.Set.of(Schema.STORED));
          return Optional.of(codec.decode(d.getBinaryValue(Schema.STORED), type));
        });
  }

  /** An imported record by key. */
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

  /** Rejections kept from imports, optionally of one file. */
  public List<Rejection> rejections(String file, int max) throws IOException {
    BooleanQuery.Builder q =
        new BooleanQuery.Builder()
            .add(
                new TermQuery(new Term(Schema.KIND, DocKind.REJECTION.code())),
                BooleanClause.Occur.FILTER);
    if (file != null) {
      q.add(new TermQuery(new Term(Schema.FILE, file)), BooleanClause.Occur.FILTER);
    }
    List<Rejection> out = new ArrayList<>();
    try {
      forEachMatching(
          q.build(),
          Rejection.class,
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

  private static final class StopIteration extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StopIteration() {
      super(null, null, false, false);
    }
  }

  /**
   * Every incident matching a query (blank for all), newest first, as table rows. Reads the stored
   * records of the matches only; a syntax error throws {@link SearchSyntaxException}.
   */
  public List<IncidentRow> incidentRows(String query, dev.rehearsal.task.TaskMonitor monitor)
      throws IOException {
    Query q =
        Search.filtered(SearchRequest.of(query).withKinds(java.util.Set.of(DocKind.INCIDENT)));
    List<IncidentRow> rows = new ArrayList<>();
    ServiceNames names = services;
    Map<String, String[]> verdicts = findingSummaries();
    forEachMatching(
        q,
        ROW_READER,
        i -> {
          List<String> canonical = new ArrayList<>();
          for (String s : i.services()) {
            String c = names.canonical(s);
            if (!c.isEmpty() && !canonical.contains(c)) {
              canonical.add(c);
            }
          }
          String[] f = verdicts.get(i.key());
          rows.add(
              IncidentRow.of(
                  i,
                  canonical,
                  f == null ? null : f[0],
                  f == null || f[1].isEmpty() ? List.of() : List.of(f[1].split(","))));
          if (monitor != null && (rows.size() & 4095) == 0) {
            monitor.checkCancelled();
          }
        });
    rows.sort(Comparator.comparing(IncidentRow::onset).reversed().thenComparing(IncidentRow::key));
    return rows;
  }

  /** The finding summaries of one reader of the index. */
  private record Summaries(Object reader, Map<String, String[]> byIncident) {}

  private volatile Summaries summaries;

  /**
   * For every finding: incident key to {verdict, comma-separated gaps}, read from doc values (no
   * JSON decoding), so the incident table can show them at a hundred thousand rows. Kept until the
   * index changes: every search of the incident table needs all of them, and reading them again
   * made a fifth of what each search allocated. Unmodifiable.
   */
  public Map<String, String[]> findingSummaries() throws IOException {
    return withSearcher(
        s -> {
          Object reader =
              s.getIndexReader().getReaderCacheHelper() == null
                  ? null
                  : s.getIndexReader().getReaderCacheHelper().getKey();
          Summaries cached = summaries;
          if (reader != null && cached != null && cached.reader() == reader) {
            return cached.byIncident();
          }
          Map<String, String[]> out = java.util.Collections.unmodifiableMap(readSummaries(s));
          summaries = new Summaries(reader, out);
          return out;
        });
  }

  private static Map<String, String[]> readSummaries(IndexSearcher s) throws IOException {
    Map<String, String[]> out = new java.util.HashMap<>();
    // a few verdicts and sets of gaps, each held once
    Map<String, String[]> same = new java.util.HashMap<>();
    Query q = new TermQuery(new Term(Schema.KIND, DocKind.FINDING.code()));
    Weight w = s.createWeight(s.rewrite(q), ScoreMode.COMPLETE_NO_SCORES, 1f);
    for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
      Scorer sc = w.scorer(leaf);
      if (sc == null) {
        continue;
      }
      var live = leaf.reader().getLiveDocs();
      var keys = org.apache.lucene.index.DocValues.getSorted(leaf.reader(), Schema.KEY);
      var status = org.apache.lucene.index.DocValues.getSorted(leaf.reader(), Schema.STATUS);
      var gaps = org.apache.lucene.index.DocValues.getSortedSet(leaf.reader(), Schema.GAP);
      DocIdSetIterator it = sc.iterator();
      for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
        if (live != null && !live.get(doc) || !keys.advanceExact(doc)) {
          continue;
        }
        // finding keys are "finding/" + the incident key, case kept
        String key =
            keys.lookupOrd(keys.ordValue())
                .utf8ToString()
                .substring(DocKind.FINDING.code().length() + 1);
        String verdict =
            status.advanceExact(doc) ? status.lookupOrd(status.ordValue()).utf8ToString() : "";
        StringBuilder g = new StringBuilder();
        if (gaps.advanceExact(doc)) {
          for (int k = 0; k < gaps.docValueCount(); k++) {
            g.append(k > 0 ? "," : "").append(gaps.lookupOrd(gaps.nextOrd()).utf8ToString());
          }
        }
        out.put(
            key,
            same.computeIfAbsent(verdict + "|" + g, x -> new String[] {verdict, g.toString()}));
      }
    }
    return out;
  }

  /** Searches with Lucene query syntax; see {@link Search}. */
  public SearchResult search(SearchRequest request) throws IOException {
    return withSearcher(s -> Search.run(s, request, codec));
  }

  // ---------------------------------------------------------------- settings, aliases, mappings

  public void saveSettings(Settings s) throws IOException {
    s.save(dir.resolve(Settings.FILE));
    this.settings = s;
    reloadNames();
  }

  /** Service aliases as stored: alias to canonical name. */
  public Map<String, String> aliases() throws IOException {
    return readAliases(dir.resolve(ALIASES_FILE));
  }

  /**
   * Replaces the alias table and re-indexes the canonical service names of every record so searches
   * and filters follow at once. Analysis always reads raw names through the table.
   */
  public void saveAliases(Map<String, String> aliases) throws IOException {
    try (Writer w = Files.newBufferedWriter(dir.resolve(ALIASES_FILE), StandardCharsets.UTF_8);
        CSVWriter csv = dev.rehearsal.util.CsvCells.writer(w)) {
      csv.writeNext(new String[] {"alias", "service"}, false);
      for (var e : new TreeMap<>(aliases).entrySet()) {
        csv.writeNext(new String[] {e.getKey(), e.getValue()}, false);
      }
    }
    reloadNames();
    for (DocKind k : new DocKind[] {DocKind.INCIDENT, DocKind.DEPLOY, DocKind.RUN, DocKind.FACT}) {
      List<ImportedRecord> batch = new ArrayList<>();
      forEach(k, RecordCodec.recordClass(k), r -> batch.add(r));
      for (ImportedRecord r : batch) {
        upsert(r);
      }
    }
    commit();
  }

  private void reloadNames() throws IOException {
    this.services =
        new ServiceNames(readAliases(dir.resolve(ALIASES_FILE)), settings.serviceSuffixes());
    this.codec = new RecordCodec(services);
  }

  static Map<String, String> readAliases(Path file) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    if (!Files.isRegularFile(file)) {
      return out;
    }
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVReader csv = new CSVReader(r)) {
      String[] row;
      boolean first = true;
      while ((row = csv.readNext()) != null) {
        if (first) {
          first = false;
          if (row.length >= 2 && row[0].strip().equalsIgnoreCase("alias")) {
            continue;
          }
        }
        if (row.length >= 2 && !row[0].isBlank() && !row[1].isBlank()) {
          out.put(
              dev.rehearsal.util.CsvCells.restore(row[0].strip()),
              dev.rehearsal.util.CsvCells.restore(row[1].strip()));
        }
      }
    } catch (CsvException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
    return out;
  }

  /** Saved column mappings by name. */
  public Map<String, ColumnMapping> mappings() throws IOException {
    Map<String, ColumnMapping> out = new TreeMap<>();
    Path d = dir.resolve(MAPPINGS_DIR);
    if (!Files.isDirectory(d)) {
      return out;
    }
    try (Stream<Path> s = Files.list(d)) {
      for (Path p : s.filter(x -> x.toString().endsWith(".json")).sorted().toList()) {
        ColumnMapping m = Json.mapper().readValue(p.toFile(), ColumnMapping.class);
        out.put(m.name(), m);
      }
    }
    return out;
  }

  public void saveMapping(ColumnMapping m) throws IOException {
    List<String> problems = m.problems();
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    Path d = Files.createDirectories(dir.resolve(MAPPINGS_DIR));
    String file = dev.rehearsal.util.Texts.slug(m.name());
    Files.writeString(
        d.resolve(file + ".json"), Json.pretty().writeValueAsString(m), StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws IOException {
    try {
      searchers.close();
    } finally {
      try {
        writer.close();
      } finally {
        directory.close();
      }
    }
  }
}
