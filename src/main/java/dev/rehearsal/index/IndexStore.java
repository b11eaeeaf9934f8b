package dev.rehearsal.index;

import dev.rehearsal.util.Json;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * The index of a workspace: its directory, the view searches read (the last commit), and the
 * writer, taken only while something is written and let go at each commit, so that other processes
 * can read the workspace at any time and write it between our writes. Whoever holds the writer is
 * written down beside the index ({@value #WRITER_FILE}), so that a process that finds it taken can
 * say who has it, and wait for it.
 *
 * <p>Each commit that changed imported records carries a new <em>input generation</em> in its
 * commit data; derived data (the analysis's input snapshot) is valid for one generation.
 */
final class IndexStore implements Closeable {
  /** Commit user data: the generation of the imported records. */
  static final String INPUT_GENERATION = "rehearsal.inputGeneration";

  /** Who holds the writer: process id, what it is, since when. */
  static final String WRITER_FILE = "writer.json";

  /** Who this process is, and how long to wait for another's writer. */
  record WriterPolicy(String who, Duration patience, Consumer<String> notice) {
    static WriterPolicy standard() {
      return new WriterPolicy("Rehearsal", Duration.ZERO, m -> {});
    }
  }

  private final Path workspaceDir;
  private final Directory directory;
  private volatile WriterPolicy policy;
  private IndexWriter writer; // guarded by this
  private SearcherManager searchers;
  private volatile String inputGeneration;
  private volatile boolean inputChanged;

  IndexStore(Path workspaceDir, Directory directory, WriterPolicy policy) {
    this.workspaceDir = workspaceDir;
    this.directory = directory;
    this.policy = policy;
  }

  /** Opens the view of the last commit (there must be one). */
  void openReaders() throws IOException {
    this.searchers = new SearcherManager(directory, null);
    IndexSearcher s = searchers.acquire();
    try {
      inputGeneration =
          ((DirectoryReader) s.getIndexReader())
              .getIndexCommit()
              .getUserData()
              .get(INPUT_GENERATION);
    } finally {
      searchers.release(s);
    }
  }

  boolean hasCommit() throws IOException {
    return DirectoryReader.indexExists(directory);
  }

  void policy(WriterPolicy p) {
    this.policy = p;
  }

  SearcherManager searchers() {
    return searchers;
  }

  // ---------------------------------------------------------------- the writer

  /** The writer, taken when first needed (waiting for another process as the policy allows). */
  synchronized IndexWriter writer() throws IOException {
    if (writer == null) {
      writer = take();
    }
    return writer;
  }

  /**
   * Who holds the writer when someone other than this store does (another process, or another
   * workspace object over the same folder), as they wrote it down; null when the writer is free or
   * this store holds it. Knowing takes the index's lock for an instant and lets it go.
   *
   * @throws ReadOnlyWorkspaceException when the folder cannot be written at all
   */
  synchronized String heldElsewhereBy() throws IOException {
    if (writer != null) {
      return null;
    }
    try (org.apache.lucene.store.Lock lock = directory.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
      return null;
    } catch (LockObtainFailedException e) {
      return holder();
    } catch (java.nio.file.FileSystemException e) {
      // permission denied, or a file system mounted read-only
      throw new ReadOnlyWorkspaceException(
          "the workspace "
              + workspaceDir
              + " cannot be written ("
              + e.getFile()
              + ": "
              + (e instanceof AccessDeniedException || e.getReason() == null
                  ? "permission denied"
                  : e.getReason())
              + "); it can still be read",
          e);
    }
  }

  /** Records that imported records changed: the next commit carries a new generation. */
  void inputChanged() {
    inputChanged = true;
  }

  private IndexWriter take() throws IOException {
    long deadline = System.nanoTime() + policy.patience().toNanos();
    boolean told = false;
    while (true) {
      IndexWriterConfig cfg = writerConfig();
      cfg.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
      cfg.setCommitOnClose(false);
      try {
        IndexWriter w = new IndexWriter(directory, cfg);
        writeHolder();
        return w;
      } catch (LockObtainFailedException e) {
        String holder = holder();
        if (System.nanoTime() >= deadline) {
          throw new WorkspaceBusyException(
              "the workspace "
                  + workspaceDir
                  + " is being written by "
                  + holder
                  + "; try again when it has finished"
                  + (policy.patience().isZero()
                      ? ""
                      : " (waited " + policy.patience().toSeconds() + " s)"),
              e);
        }
        if (!told) {
          policy.notice().accept("waiting for " + holder + " to finish writing the workspace");
          told = true;
        }
        try {
          Thread.sleep(250);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw new java.io.InterruptedIOException("interrupted while waiting for the workspace");
        }
      } catch (AccessDeniedException e) {
        throw new ReadOnlyWorkspaceException(
            "the workspace "
                + workspaceDir
                + " cannot be written ("
                + e.getFile()
                + ": permission denied); it can still be read. Give this user write access to"
                + " the folder, or copy the workspace somewhere writable.",
            e);
      }
    }
  }

  private void writeHolder() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("pid", ProcessHandle.current().pid());
    m.put("who", policy.who());
    m.put("since", Instant.now().toString());
    try {
      Files.writeString(
          workspaceDir.resolve(WRITER_FILE),
          Json.pretty().writeValueAsString(m),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      // only a courtesy to other processes: the lock itself is the index's
    }
  }

  /** Who holds the writer, as written down; "another process" when nothing says. */
  private String holder() {
    try {
      var n = Json.mapper().readTree(workspaceDir.resolve(WRITER_FILE).toFile());
      long pid = n.path("pid").asLong(-1);
      boolean alive = pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
      if (pid > 0 && alive) {
        return n.path("who").asText("a Rehearsal process")
            + " (process "
            + pid
            + (pid == ProcessHandle.current().pid() ? ", this one" : "")
            + ", since "
            + n.path("since").asText("?")
            + ")";
      }
    } catch (IOException | RuntimeException e) {
      // nothing written down, or no longer readable
    }
    return "another process";
  }

  /** Lets the writer go (anything not committed is dropped). */
  synchronized void release() throws IOException {
    if (writer != null) {
      IndexWriter w = writer;
      writer = null;
      try {
        Files.deleteIfExists(workspaceDir.resolve(WRITER_FILE));
      } finally {
        w.close();
      }
    }
  }

  /**
   * How the workspace index is written. Flushed segments are not packed into compound files:
   * packing copies every byte a second time, and a workspace holds few, large segments.
   */
  static IndexWriterConfig writerConfig() {
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

  // ---------------------------------------------------------------- commits

  /**
   * Makes all changes durable and visible to searches, then lets the writer go. When imported
   * records changed, the commit carries a new input generation.
   */
  synchronized void commit() throws IOException {
    if (writer == null) {
      searchers.maybeRefreshBlocking();
      return;
    }
    String next = commitWithGeneration(false);
    searchers.maybeRefreshBlocking();
    if (next != null) {
      // only once searches see the commit: an analysis that reads the new generation reads
      // the records it stands for
      inputGeneration = next;
    }
    release();
  }

  /** Drops every change since the last commit, then lets the writer go. */
  synchronized void discard() throws IOException {
    if (writer == null) {
      return;
    }
    IndexWriter w = writer;
    writer = null;
    inputChanged = false;
    try {
      Files.deleteIfExists(workspaceDir.resolve(WRITER_FILE));
    } finally {
      w.rollback();
    }
    searchers.maybeRefreshBlocking();
  }

  /** Commits; with {@code renew} or when inputs changed, with a new generation (returned). */
  synchronized String commitWithGeneration(boolean renew) throws IOException {
    IndexWriter w = writer();
    String next = null;
    if (inputChanged || renew) {
      inputChanged = false;
      next = UUID.randomUUID().toString();
      w.setLiveCommitData(Map.of(INPUT_GENERATION, next).entrySet());
    }
    try {
      w.commit();
    } catch (IOException | RuntimeException e) {
      if (next != null) {
        inputChanged = true; // the next commit renews the generation again
      }
      throw e;
    }
    if (next != null && searchers == null) {
      inputGeneration = next;
    }
    return next;
  }

  String inputGeneration() {
    return inputGeneration;
  }

  // ---------------------------------------------------------------- reading

  /**
   * The last time the view was brought up to date with commits other processes made; at most once a
   * second, and never on a hot path (a table's pages read one view).
   */
  private volatile long refreshedAt;

  private void seeOthersCommits() throws IOException {
    long now = System.nanoTime();
    if (now - refreshedAt > 1_000_000_000L) {
      refreshedAt = now;
      searchers.maybeRefresh();
    }
  }

  <T> T withSearcher(Workspace.SearcherFunction<T> fn) throws IOException {
    seeOthersCommits();
    IndexSearcher s = searchers.acquire();
    try {
      return fn.apply(s);
    } finally {
      searchers.release(s);
    }
  }

  Workspace.Searcher acquire() throws IOException {
    seeOthersCommits();
    IndexSearcher s = searchers.acquire();
    return new Workspace.Searcher(
        s,
        () -> {
          try {
            searchers.release(s);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  @Override
  public void close() throws IOException {
    try {
      if (searchers != null) {
        searchers.close();
      }
    } finally {
      try {
        release();
      } finally {
        directory.close();
      }
    }
  }
}
