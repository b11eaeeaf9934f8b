package dev.rehearsal.importers.deploys;

import dev.rehearsal.importers.ImportContext;
import dev.rehearsal.importers.RecordSink;
import dev.rehearsal.model.DeployStatusEvent;
import dev.rehearsal.model.ImportedRecord;
import java.io.IOException;

/** Sends one mapped record to the sink, or its rejection; never lets one record sink the file. */
final class Emit {
  private Emit() {}

  /** Produces a record or a deploy status event, or throws {@link Reject} with the reason. */
  @FunctionalInterface
  interface Mapper {
    Object map() throws Reject, IOException;
  }

  static void one(RecordSink sink, ImportContext ctx, long line, long index, Mapper mapper)
      throws IOException {
    ctx.monitor().checkCancelled();
    Object r;
    try {
      r = mapper.map();
    } catch (Reject e) {
      sink.reject(line, index, e.getMessage());
      return;
    } catch (RuntimeException e) {
      // a value of an unexpected type or range in this record only
      sink.reject(
          line,
          index,
          "the record could not be read ("
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : ": " + Nodes.shorten(e.getMessage()))
              + ")");
      return;
    }
    if (r instanceof DeployStatusEvent ev) {
      sink.acceptStatus(ev);
    } else {
      sink.accept((ImportedRecord) r);
    }
  }
}
