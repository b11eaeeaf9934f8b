package dev.rehearsal.bench;

import dev.rehearsal.importers.FileReport;
import dev.rehearsal.importers.ImportOptions;
import dev.rehearsal.importers.ImportRunner;
import dev.rehearsal.importers.ImportSummary;
import dev.rehearsal.importers.ImporterRegistry;
import dev.rehearsal.importers.RecordStore;
import dev.rehearsal.index.RecordCodec;
import dev.rehearsal.model.DeployStatusEvent;
import dev.rehearsal.model.ImportedRecord;
import dev.rehearsal.model.Rejection;
import dev.rehearsal.settings.Settings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;

/**
 * The floor an import is compared with, measured on the same files: parsing alone (the same
 * importers, records dropped) and Lucene indexing alone of the same documents (the time spent
 * inside {@link IndexWriter#addDocument} and the final commit, documents built outside the clock).
 */
final class Floors {
  private Floors() {}

  /** A store that keeps nothing: what parsing costs by itself. */
  static final class Discard implements RecordStore {
    long records;

    @Override
    public void upsert(ImportedRecord record) {
      records++;
    }

    @Override
    public void upsertStatus(DeployStatusEvent event) {
      records++;
    }

    @Override
    public void rejected(Rejection rejection) {}

    @Override
    public void clearRejections(String file) {}

    @Override
    public void fileImported(FileReport report) {}

    @Override
    public void commit() {}
  }

  /** A store that only indexes, and times only the indexing. */
  static final class IndexOnly implements RecordStore, AutoCloseable {
    private final FSDirectory dir;
    private final IndexWriter writer;
    private final RecordCodec codec;
    long nanos;
    long documents;

    IndexOnly(Path path, Settings settings) throws IOException {
      this.dir = FSDirectory.open(path);
      // written exactly as the workspace writes its index
      IndexWriterConfig cfg = dev.rehearsal.index.Workspace.writerConfig();
      cfg.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
      this.writer = new IndexWriter(dir, cfg);
      this.codec =
          new RecordCodec(
              new dev.rehearsal.settings.ServiceNames(
                  java.util.Map.of(), settings.serviceSuffixes()));
    }

    @Override
    public void upsert(ImportedRecord record) throws IOException {
      Document d = codec.encode(record);
      long t0 = System.nanoTime();
      writer.addDocument(d);
      nanos += System.nanoTime() - t0;
      documents++;
    }

    @Override
    public void upsertStatus(DeployStatusEvent event) {}

    @Override
    public void rejected(Rejection rejection) {}

    @Override
    public void clearRejections(String file) {}

    @Override
    public void fileImported(FileReport report) {}

    @Override
    public void commit() throws IOException {
      long t0 = System.nanoTime();
      writer.commit();
      nanos += System.nanoTime() - t0;
    }

    @Override
    public void close() throws IOException {
      writer.close();
      dir.close();
    }
  }

  /** Runs the importers over the inputs into a store; returns the summary. */
  static ImportSummary run(List<Path> inputs, RecordStore store, Settings settings)
      throws IOException {
    return new ImportRunner(ImporterRegistry.standard(), settings.environments(), false)
        .run(inputs, ImportOptions.defaults(), store, null);
  }
}
