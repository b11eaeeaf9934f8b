package dev.rehearsal.index;

import dev.rehearsal.importers.FileReport;
import dev.rehearsal.model.Rejection;
import dev.rehearsal.settings.ServiceNames;
import dev.rehearsal.settings.Settings;
import dev.rehearsal.util.Json;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * A workspace: a folder that holds everything imported, in a Lucene index that is the store of
 * record, plus the user's settings, service aliases and column mappings as small files beside it.
 * This class opens it (rebuilding an index of an older schema) and hands out its parts: {@link
 * #records()} to read, {@link #facets()} to count, {@link #writes()} to change it, {@link #files()}
 * for the rules beside it.
 *
 * <p>Any number of processes may read a workspace at once; one at a time writes it, taking the
 * writer at its first change and letting it go at its commit (a process that finds it taken waits
 * as its {@link #whenBusy policy} says, then says who has it). A process killed while writing
 * leaves the last commit intact.
 */
public final class Workspace implements Closeable {
  private static final Pattern INDEX_DIR = Pattern.compile("index-v(\\d+)");

  private final Path dir;
  private final int schemaVersion;
  private final List<String> openNotes = new ArrayList<>();
  private final WorkspaceFiles files;
  private final IndexStore store;
  private final Records records;
  private final Facets facets;
  private final Writes writes;

  private Workspace(Path dir, int schemaVersion) throws IOException {
    this.dir = dir;
    this.schemaVersion = schemaVersion;
    Files.createDirectories(dir);
    this.files = new WorkspaceFiles(dir);
    openNotes.addAll(files.settings().notes());
    Path indexDir = dir.resolve(Schema.indexFolder(schemaVersion));
    Optional<Path> older = newerOrOlder(dir, schemaVersion);
    boolean migrate = false;
    if (older.isPresent() && !hasSegments(indexDir)) {
      int v = version(older.get());
      if (v > schemaVersion) {
        throw new IOException(
            "the workspace "
                + dir
                + " was written by a newer Rehearsal (index schema v"
                + v
                + "); this version reads v"
                + schemaVersion);
      }
      migrate = true;
    }
    Directory directory = FSDirectory.open(indexDir);
    this.store = new IndexStore(dir, directory, IndexStore.WriterPolicy.standard());
    try {
      if (migrate) {
        rebuildFrom(older.get());
      }
      if (!store.hasCommit()) {
        // a new workspace: its first commit, with a generation
        store.commitWithGeneration(true);
        store.release();
      }
      store.openReaders();
      if (store.inputGeneration() == null) {
        // last written by a version that did not keep the generation
        store.commitWithGeneration(true);
        store.commit();
      }
    } catch (IOException | RuntimeException e) {
      store.close();
      throw e;
    }
    this.records = new Records(store, files);
    this.facets = new Facets(store, records);
    this.writes = new Writes(store, files, records);
    writeMeta();
  }

  /** How the index is written (the benchmark's indexing floor writes the same way). */
  public static org.apache.lucene.index.IndexWriterConfig writerConfig() {
    return IndexStore.writerConfig();
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

  /**
   * What to do when another process is writing the workspace: wait up to {@code wait} (telling
   * {@code notice} once that it waits), then fail saying who writes it. {@code who} is how other
   * processes name this one.
   */
  public void whenBusy(String who, Duration wait, Consumer<String> notice) {
    store.policy(new IndexStore.WriterPolicy(who, wait, notice));
  }

  /**
   * Who is writing the workspace when it is not this object (another process, or another workspace
   * object over the same folder), as they said it; null when nobody else writes it. Never waits.
   *
   * @throws ReadOnlyWorkspaceException when the folder cannot be written at all
   */
  public String writtenElsewhereBy() throws IOException {
    return store.heldElsewhereBy();
  }

  public Path dir() {
    return dir;
  }

  public int schemaVersion() {
    return schemaVersion;
  }

  /** What happened when the workspace opened (a rebuild, settings that are not settings). */
  public List<String> openNotes() {
    return List.copyOf(openNotes);
  }

  /** The workspace's settings (a shortcut to {@code files().settings()}). */
  public Settings settings() {
    return files.settings();
  }

  /** How service names read (a shortcut to {@code files().services()}). */
  public ServiceNames services() {
    return files.services();
  }

  public WorkspaceFiles files() {
    return files;
  }

  public Records records() {
    return records;
  }

  public Facets facets() {
    return facets;
  }

  public Writes writes() {
    return writes;
  }

  /**
   * The generation of the imported records as of the last commit: it changes with every commit that
   * added, replaced or deleted any of them, and with nothing else (findings and reviews are not
   * imported records). Derived data such as the analysis's input snapshot is valid for one
   * generation.
   */
  public String inputGeneration() {
    return store.inputGeneration();
  }

  /** Runs a function with a searcher over the last commit; the searcher is released after. */
  public <T> T withSearcher(SearcherFunction<T> fn) throws IOException {
    return store.withSearcher(fn);
  }

  /** A function of a searcher. */
  @FunctionalInterface
  public interface SearcherFunction<T> {
    T apply(IndexSearcher searcher) throws IOException;
  }

  /** A view of the index held for a while; release it when done. */
  public record Searcher(IndexSearcher searcher, Runnable releaser) {
    public void release() {
      releaser.run();
    }
  }

  /** A view of the last commit, held until released (for work that reads it many times). */
  public Searcher acquireSearcher() throws IOException {
    return store.acquire();
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
    var writer = store.writer();
    try (Directory od = FSDirectory.open(old);
        DirectoryReader r = DirectoryReader.open(od)) {
      for (LeafReaderContext leaf : r.leaves()) {
        StoredFields stored = Records.sequentialStoredFields(leaf.reader());
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
    store.commitWithGeneration(true);
    store.release();
    dev.rehearsal.util.FileTrees.delete(old);
    openNotes.add(
        "the index was rebuilt from schema v"
            + version(old)
            + " to v"
            + schemaVersion
            + " ("
            + n
            + " documents)");
  }

  /** Builds the current-schema document for a stored key and JSON; null to drop it. */
  private Document reencode(String key, BytesRef json) {
    RecordCodec codec = files.codec();
    DocKind kind = DocKind.fromCode(key.substring(0, key.indexOf('/')));
    switch (kind) {
      case INCIDENT:
      case DEPLOY:
      case RUN:
      case FACT:
        return codec.encode(codec.decode(json, RecordCodec.recordClass(kind)));
      case REJECTION:
        return StoredDocs.rejection(codec.decode(json, Rejection.class), key, codec);
      case IMPORT_LOG:
        return StoredDocs.importLog(codec.decode(json, FileReport.class), codec);
      case FINDING:
        // findings are derived, and their stored form changes with the schema: the next
        // analysis makes them again (reviews are kept)
        return null;
      default:
        return StoredDocs.reencode(kind, key, json, codec);
    }
  }

  private void writeMeta() throws IOException {
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("schemaVersion", schemaVersion);
    meta.put("index", Schema.indexFolder(schemaVersion));
    meta.put("application", "Rehearsal");
    Path file = dir.resolve("workspace.json");
    String text = Json.pretty().writeValueAsString(meta);
    if (!Files.isRegularFile(file) || !Files.readString(file).equals(text)) {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    }
  }

  @Override
  public void close() throws IOException {
    store.close();
  }
}
