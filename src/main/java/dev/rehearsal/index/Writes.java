package dev.rehearsal.index;

import dev.rehearsal.importers.ColumnMapping;
import dev.rehearsal.importers.FileReport;
import dev.rehearsal.importers.RecordStore;
import dev.rehearsal.model.Deploy;
import dev.rehearsal.model.DeployStatus;
import dev.rehearsal.model.DeployStatusEvent;
import dev.rehearsal.model.Finding;
import dev.rehearsal.model.ImportedRecord;
import dev.rehearsal.model.Rejection;
import dev.rehearsal.model.Review;
import dev.rehearsal.settings.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.TermQuery;

/**
 * Writing a workspace: imported records (upsert by key, so re-importing changes nothing),
 * rejections and import reports, reviews, findings, and the rule changes that rewrite records
 * (aliases, settings). Changes become visible and durable at {@link #commit()}; the writer is taken
 * at the first change and let go at the commit.
 */
public final class Writes {
  private final IndexStore store;
  private final WorkspaceFiles files;
  private final Records records;

  Writes(IndexStore store, WorkspaceFiles files, Records records) {
    this.store = store;
    this.files = files;
    this.records = records;
  }

  /** Adds or replaces an imported record (by its key). */
  public void upsert(ImportedRecord r) throws IOException {
    store.writer().updateDocument(new Term(Schema.KEY, r.key()), files.codec().encode(r));
    store.inputChanged();
  }

  /** Adds or replaces a prepared document by key. */
  void put(String key, Document doc) throws IOException {
    store.writer().updateDocument(new Term(Schema.KEY, key), doc);
    store.inputChanged();
  }

  public void delete(String key) throws IOException {
    store.writer().deleteDocuments(new Term(Schema.KEY, key));
    store.inputChanged();
  }

  /** Deletes every document of a kind. */
  public void deleteAll(DocKind kind) throws IOException {
    store.writer().deleteDocuments(new Term(Schema.KIND, kind.code()));
    if (kind != DocKind.FINDING && kind != DocKind.REVIEW && kind != DocKind.REVIEW_HISTORY) {
      store.inputChanged();
    }
  }

  /**
   * Stores a review: it replaces the one in force for its incident, and joins the incident's review
   * history.
   */
  public void putReview(Review r) throws IOException {
    IndexWriter w = store.writer();
    w.updateDocument(new Term(Schema.KEY, r.key()), StoredDocs.review(r, files.codec()));
    w.updateDocument(
        new Term(Schema.KEY, StoredDocs.historyKey(r)), StoredDocs.reviewHistory(r, files.codec()));
  }

  /** Stores an analysis finding (replacing the earlier one). */
  public void putFinding(Finding f) throws IOException {
    store
        .writer()
        .updateDocument(new Term(Schema.KEY, f.key()), StoredDocs.finding(f, files.codec(), ""));
  }

  /**
   * Stores a finding given as the JSON a workspace stores it in (a finding kept elsewhere, such as
   * the team workspace's), replacing the earlier one of its incident.
   */
  public void putStoredFinding(String json) throws IOException {
    putFinding(
        files
            .codec()
            .decode(new org.apache.lucene.util.BytesRef(json), dev.rehearsal.model.Finding.class));
  }

  /** Replaces every stored finding with these. */
  public void replaceFindings(List<Finding> findings) throws IOException {
    replaceFindings(findings.size(), findings::get);
  }

  /**
   * Replaces every stored finding with the {@code n} that {@code make} gives, each written as soon
   * as it is made, on several threads: the caller need not hold them all at once. The in-memory
   * segments the threads filled are then written out on as many threads (a commit would write them
   * one after the other on its own). The earlier findings are deleted only once all the new ones
   * are added; if making one fails, those already added are deleted and the earlier ones stay.
   */
  public void replaceFindings(int n, IntFunction<Finding> make) throws IOException {
    IndexWriter writer = store.writer();
    RecordCodec codec = files.codec();
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
            .add(Records.ofKind(DocKind.FINDING), BooleanClause.Occur.FILTER)
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

  /**
   * Makes all changes durable and visible to searches, and lets the writer go. A commit that
   * changed imported records carries a new input generation.
   */
  public void commit() throws IOException {
    store.commit();
  }

  /** Drops every change since the last commit and lets the writer go. */
  public void discard() throws IOException {
    store.discard();
  }

  /** The store an import writes into. */
  public RecordStore importStore() {
    return new RecordStore() {
      @Override
      public void upsert(ImportedRecord record) throws IOException {
        Writes.this.upsert(record);
      }

      @Override
      public void upsertStatus(DeployStatusEvent event) throws IOException {
        put(event.key(), StoredDocs.status(event, files.codec()));
      }

      @Override
      public void rejected(Rejection r) throws IOException {
        String key = StoredDocs.rejectionKey(r);
        put(key, StoredDocs.rejection(r, key, files.codec()));
      }

      @Override
      public void clearRejections(String file) throws IOException {
        store
            .writer()
            .deleteDocuments(
                new BooleanQuery.Builder()
                    .add(Records.ofKind(DocKind.REJECTION), BooleanClause.Occur.FILTER)
                    .add(new TermQuery(new Term(Schema.FILE, file)), BooleanClause.Occur.FILTER)
                    .build());
      }

      @Override
      public void fileImported(FileReport report) throws IOException {
        put(RecordCodec.importLogKey(report.file()), StoredDocs.importLog(report, files.codec()));
      }

      @Override
      public void commit() throws IOException {
        Writes.this.commit();
        if (reconcileStatuses() > 0) {
          Writes.this.commit();
        }
      }

      @Override
      public void discard() throws IOException {
        Writes.this.discard();
      }

      @Override
      public Map<String, ColumnMapping> mappings() {
        try {
          return files.mappings();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
  }

  /**
   * Folds deploy status events into their deploys: the latest event by time sets the deploy's
   * status (and its finish time when the deploy has none). Deploys not imported yet keep their
   * events waiting. Returns how many deploys changed (not committed).
   */
  public int reconcileStatuses() throws IOException {
    if (records.countOf(DocKind.DEPLOY_STATUS) == 0) {
      return 0;
    }
    Map<String, DeployStatusEvent> latest = new HashMap<>();
    Map<String, Instant> finished = new HashMap<>();
    records.forEach(
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
      Optional<Deploy> d = records.get(e.getKey(), Deploy.class);
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

  // ---------------------------------------------------------------- rule changes

  /**
   * Saves settings (checked when they were made). The analysis reads service names through them at
   * once; records keep the canonical names they were indexed with until the aliases change or they
   * are imported again.
   */
  public void saveSettings(Settings s) throws IOException {
    store.writer(); // one process changes a workspace at a time, its rules included
    try {
      files.writeSettings(s);
    } finally {
      commit();
    }
  }

  /**
   * Replaces the alias table and re-indexes the canonical service names of every record so searches
   * and filters follow at once; commits. Analysis always reads raw names through the table.
   */
  public void saveAliases(Map<String, String> aliases) throws IOException {
    saveAliases(aliases, dev.rehearsal.task.TaskMonitor.NONE);
  }

  /**
   * Saves the alias table and files every record again under the service it now names, saying how
   * far it got (every record of a large workspace is written again); commits.
   */
  public void saveAliases(Map<String, String> aliases, dev.rehearsal.task.TaskMonitor monitor)
      throws IOException {
    store.writer(); // one process changes a workspace at a time, its rules included
    files.writeAliases(aliases);
    reindexServices(monitor);
  }

  /**
   * Replaces the service names inferred from the records; commits. Records are not indexed again:
   * searches by service also find the names inferred to mean it, and records imported from now on
   * are indexed with the service they are taken for.
   */
  public void saveInferredAliases(List<dev.rehearsal.model.AliasSuggestion> suggestions)
      throws IOException {
    store.writer();
    files.writeInferred(suggestions);
    commit();
  }

  /** Records a person's rejection (or, with {@code rejected} false, acceptance) of names. */
  public void saveRejectedAliases(java.util.Set<String> rejected) throws IOException {
    store.writer();
    files.writeRejected(rejected);
    commit();
  }

  private void reindexServices(dev.rehearsal.task.TaskMonitor monitor) throws IOException {
    DocKind[] kinds = {DocKind.INCIDENT, DocKind.DEPLOY, DocKind.RUN, DocKind.FACT};
    String[] names = {"incidents", "deploys", "staging runs", "facts"};
    for (int k = 0; k < kinds.length; k++) {
      List<ImportedRecord> batch = new ArrayList<>();
      records.forEach(
          kinds[k], RecordCodec.recordClass(kinds[k]), r -> batch.add((ImportedRecord) r));
      String what = "filing " + names[k] + " under the table's service names";
      for (int i = 0; i < batch.size(); i++) {
        upsert(batch.get(i));
        if (i % 2048 == 0) {
          monitor.progress(
              (long) k * batch.size() + i, (long) kinds.length * Math.max(1, batch.size()), what);
        }
      }
    }
    commit();
  }
}
