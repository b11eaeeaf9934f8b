package dev.rehearsal.importers;

import dev.rehearsal.model.DeployStatusEvent;
import dev.rehearsal.model.ImportedRecord;
import dev.rehearsal.model.Rejection;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;

/**
 * Writes to a store on a thread of its own, so parsing the next records and indexing the last ones
 * overlap (on two cores an import then costs about the larger of the two, not their sum).
 * Operations keep their order; a bounded queue keeps memory flat; the first failure of the writer
 * thread is thrown to the caller at its next call.
 */
final class PipelinedStore implements RecordStore, AutoCloseable {
  private interface Op {
    void apply(RecordStore store) throws IOException;
  }

  private static final Op STOP = s -> {};

  private final RecordStore delegate;
  private final BlockingQueue<Op> queue = new ArrayBlockingQueue<>(4096);
  private final Thread writer;
  private volatile Throwable failure;
  private boolean thrown;

  PipelinedStore(RecordStore delegate) {
    this.delegate = delegate;
    this.writer = new Thread(this::drain, "rehearsal-index-writer");
    this.writer.setDaemon(true);
    this.writer.start();
  }

  private void drain() {
    try {
      while (true) {
        Op op = queue.take();
        if (op == STOP) {
          return;
        }
        if (failure == null) {
          op.apply(delegate);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Throwable t) {
      failure = t;
      // keep taking so the producer never blocks on a full queue
      try {
        while (queue.take() != STOP) {
          // discard
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void submit(Op op) throws IOException {
    rethrow();
    try {
      queue.put(op);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while importing");
    }
  }

  private void rethrow() throws IOException {
    Throwable t = failure;
    if (t != null) {
      thrown = true; // once is enough: close() does not throw it again onto itself
    }
    if (t instanceof IOException io) {
      throw io;
    }
    if (t instanceof RuntimeException re) {
      throw re;
    }
    if (t instanceof Error err) {
      throw err;
    }
  }

  /** Waits until every operation submitted so far has been applied. */
  void flush() throws IOException {
    CountDownLatch done = new CountDownLatch(1);
    submit(s -> done.countDown());
    try {
      while (!done.await(100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
        rethrow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while importing");
    }
    rethrow();
  }

  @Override
  public void upsert(ImportedRecord record) throws IOException {
    submit(s -> s.upsert(record));
  }

  @Override
  public void upsertStatus(DeployStatusEvent event) throws IOException {
    submit(s -> s.upsertStatus(event));
  }

  @Override
  public void rejected(Rejection rejection) throws IOException {
    submit(s -> s.rejected(rejection));
  }

  @Override
  public void clearRejections(String file) throws IOException {
    submit(s -> s.clearRejections(file));
  }

  @Override
  public void fileImported(FileReport report) throws IOException {
    submit(s -> s.fileImported(report));
  }

  @Override
  public void commit() throws IOException {
    flush();
    delegate.commit();
  }

  @Override
  public void discard() throws IOException {
    flush();
    delegate.discard();
  }

  @Override
  public Map<String, ColumnMapping> mappings() {
    return delegate.mappings();
  }

  @Override
  public void close() throws IOException {
    try {
      queue.put(STOP);
      writer.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (!thrown) {
      rethrow();
    }
  }
}
