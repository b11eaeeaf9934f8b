package dev.rehearsal.importers.incidents;

import dev.rehearsal.importers.RecordSink;
import dev.rehearsal.model.DeployStatusEvent;
import dev.rehearsal.model.ImportedRecord;
import java.util.HashSet;
import java.util.Set;

/** A sink that passes each distinct file-level warning on once per parse. */
final class OnceSink implements RecordSink {
  private final RecordSink inner;
  private final Set<String> warned = new HashSet<>();

  private OnceSink(RecordSink inner) {
    this.inner = inner;
  }

  static RecordSink of(RecordSink sink) {
    return sink instanceof OnceSink ? sink : new OnceSink(sink);
  }

  @Override
  public void accept(ImportedRecord record) {
    inner.accept(record);
  }

  @Override
  public void acceptStatus(DeployStatusEvent event) {
    inner.acceptStatus(event);
  }

  @Override
  public void reject(long line, long index, String reason) {
    inner.reject(line, index, reason);
  }

  @Override
  public void warn(String message) {
    if (warned.add(message)) {
      inner.warn(message);
    }
  }
}
