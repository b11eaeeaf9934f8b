package dev.rehearsal.importers.facts;

import dev.rehearsal.importers.ImportContext;
import dev.rehearsal.importers.ImportSource;
import dev.rehearsal.importers.RecordSink;
import dev.rehearsal.model.FactType;
import dev.rehearsal.util.Texts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns configuration entries into CONFIG facts (secrets digested) and collects the MOCK facts they
 * reveal, one per dependency per service, environment and as-of, sent at the end of the file with
 * the line and index of the first entry that revealed them.
 */
final class ConfigEmitter {
  private static final int MAX_MOCK_REASONS = 8;

  private final ImportSource source;
  private final ImportContext ctx;
  private final RecordSink sink;
  private final String format;
  private final Map<String, PendingMock> mocks = new LinkedHashMap<>();
  private long index;

  private static final class PendingMock {
    String service;
    String environment;
    String dependency;
    Instant asOf;
    long line;
    long index;
    List<String> notes;
    final List<String> reasons = new ArrayList<>();
    int more;
  }

  ConfigEmitter(ImportSource source, ImportContext ctx, RecordSink sink, String format) {
    this.source = source;
    this.ctx = ctx;
    this.sink = sink;
    this.format = format;
  }

  /** The index the next record gets. */
  long nextIndex() {
    return index;
  }

  void reject(long line, String reason) {
    sink.reject(line, index++, reason);
  }

  /**
   * One configuration entry.
   *
   * @param target whom and when (its problem, if any, rejects the entry)
   * @param extraNotes notes from reading the entry (escapes, quotes ...), may be null
   */
  void entry(Target target, String key, String rawValue, long line, List<String> extraNotes) {
    entry(target, key, rawValue, line, extraNotes, null);
  }

  /**
   * One configuration entry whose value is secret whatever its key says (a Kubernetes Secret).
   *
   * @param secretWhy the note saying why the value is secret, or null to decide from the entry
   */
  private boolean assumedSaid;

  void entry(
      Target target,
      String key,
      String rawValue,
      long line,
      List<String> extraNotes,
      String secretWhy) {
    long i = index++;
    String subject = Texts.cleanId(key);
    if (subject.isEmpty()) {
      sink.reject(line, i, "an entry without a key");
      return;
    }
    String problem = target.problem();
    if (problem != null) {
      sink.reject(line, i, "'" + subject + "': " + problem);
      return;
    }
    String assumed = assumedSaid ? null : target.assumedWarning();
    if (assumed != null) {
      sink.warn(assumed); // once per file: the report says it, each record is marked
      assumedSaid = true;
    }
    List<String> notes = new ArrayList<>(target.notes());
    if (extraNotes != null) {
      notes.addAll(extraNotes);
    }
    String value;
    if (secretWhy != null) {
      value = rawValue == null || rawValue.isEmpty() ? "" : Secrets.digest(rawValue);
      notes.add(secretWhy);
    } else {
      value = Facts.storedConfigValue(subject, rawValue, notes);
    }
    String env = target.environment(ctx);
    sink.accept(
        Facts.fact(
            FactType.CONFIG,
            target.service(),
            env,
            subject,
            value,
            Double.NaN,
            target.asOf(),
            source,
            line,
            i,
            format,
            notes));
    collectMocks(target, env, subject, rawValue, line, i);
  }

  private void collectMocks(Target target, String env, String key, String raw, long line, long i) {
    List<MockDetector.Mock> found = new ArrayList<>();
    if (raw != null && raw.indexOf('\n') < 0) {
      found.addAll(MockDetector.detect(key, raw));
    } else if (raw != null) {
      // a whole file in one value: look at its own entries, with their own keys
      for (String[] inner : Secrets.innerEntries(raw)) {
        for (MockDetector.Mock m : MockDetector.detect(inner[0], inner[1])) {
          found.add(
              new MockDetector.Mock(
                  m.dependency(),
                  m.how().replace(" in " + inner[0], " in " + key + " (" + inner[0] + ")")));
        }
      }
    }
    for (MockDetector.Mock m : found) {
      String k =
          target.service() + "|" + env + "|" + m.dependency() + "|" + target.asOf().toEpochMilli();
      PendingMock pm = mocks.get(k);
      if (pm == null) {
        pm = new PendingMock();
        pm.service = target.service();
        pm.environment = env;
        pm.dependency = m.dependency();
        pm.asOf = target.asOf();
        pm.line = line;
        pm.index = i;
        pm.notes = new ArrayList<>(target.notes());
        pm.notes.add(
            "derived from configuration: the entry points at a sandbox, mock or "
                + "local stand-in");
        mocks.put(k, pm);
      }
      if (pm.reasons.contains(m.how())) {
        continue;
      }
      if (pm.reasons.size() < MAX_MOCK_REASONS) {
        pm.reasons.add(m.how());
      } else {
        pm.more++;
      }
    }
  }

  /** Sends the MOCK facts collected. */
  void finish() {
    for (PendingMock pm : mocks.values()) {
      String value =
          String.join("; ", pm.reasons) + (pm.more > 0 ? "; and " + pm.more + " more" : "");
      sink.accept(
          Facts.fact(
              FactType.MOCK,
              pm.service,
              pm.environment,
              pm.dependency,
              value,
              Double.NaN,
              pm.asOf,
              source,
              pm.line,
              pm.index,
              format,
              pm.notes));
    }
    mocks.clear();
  }
}
