package dev.rehearsal.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearsal.model.Deploy;
import dev.rehearsal.model.EnvironmentFact;
import dev.rehearsal.model.ImportedRecord;
import dev.rehearsal.model.Incident;
import dev.rehearsal.model.StagingRun;
import dev.rehearsal.prose.CauseSentences;
import dev.rehearsal.prose.EnvironmentContrast;
import dev.rehearsal.settings.ServiceNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleDocValuesField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.util.BytesRef;

/**
 * Turns records into index documents and back. The stored JSON ({@link Schema#STORED}) is the
 * record of truth; every other field is derived from it and can be rebuilt.
 */
public final class RecordCodec {
  private static final int MAX_TERM = 8000;
  private final ObjectMapper mapper = dev.rehearsal.util.Json.mapper();
  private final ServiceNames services;

  /** How service names read for this codec. */
  ServiceNames services() {
    return services;
  }

  public RecordCodec(ServiceNames services) {
    this.services = services;
  }

  /**
   * The document for an imported record. Narrative text goes to title, body and tests; identifiers
   * (versions, commits, ids) to keyword fields that the query parser searches by default too; the
   * few remaining words (severity, labels, raw names) to a small extra field. No catch-all copy of
   * the text: indexing every word twice doubled the import's cost.
   */
  public Document encode(ImportedRecord r) {
    Document d = base(DocKind.of(r.kind()), r.key(), r.time(), json(r));
    d.add(new StringField(Schema.SOURCE, r.source(), Field.Store.NO));
    d.add(new StringField(Schema.FORMAT, r.provenance().format(), Field.Store.NO));
    derive(r, new LuceneFields(d));
    if (r instanceof Incident i) {
      causeFields(d, i.title(), incidentBody(i));
      if (i.resolvedAt() != null) {
        d.add(new LongField(Schema.NUMBER + "_end", i.resolvedAt().toEpochMilli(), Field.Store.NO));
      }
    }
    return d;
  }

  /**
   * Where the fields derived from a record go: a Lucene document in a local workspace, a document
   * of the team workspace's index in OpenSearch. One derivation, so both stores search, order and
   * count by the same values.
   */
  public interface FieldSink {
    /**
     * A whole value (lower case, cut to a term's length); {@code sortable}: rows are ordered and
     * counted by it.
     */
    void keyword(String field, String value, boolean sortable);

    /** One of several whole values of a field (lower case, cut). */
    void keywords(String field, String value);

    /** A service's canonical name, as the workspace's names resolve it (kept as it is). */
    void service(String canonical);

    /** A service name as the file wrote it (counted, not searched). */
    void rawService(String name);

    /** Text, analysed for search; {@link Schema#EXTRA} is searched but not kept. */
    void text(String field, String value);

    /** A number rows can be ordered by. */
    void number(String field, double value);
  }

  /**
   * The searchable fields of an imported record, beside its key, kind, time, source, format and
   * stored form: narrative text goes to title, body and tests; identifiers (versions, commits, ids)
   * to keyword fields that the query parser searches by default too; the few remaining words
   * (severity, labels, raw names) to a small extra field.
   */
  public void derive(ImportedRecord r, FieldSink d) {
    if (r.provenance().file() != null && !r.provenance().file().isBlank()) {
      d.keyword(Schema.FILE, r.provenance().file(), false);
    }
    StringBuilder extra = new StringBuilder(64);
    if (r instanceof Incident i) {
      services(d, i.services(), extra);
      d.keyword(Schema.ENV, i.environment(), true);
      d.keyword(Schema.STATUS, i.status(), true);
      d.keyword(Schema.SEVERITY, i.severity(), true);
      d.keywords(Schema.IDS, i.reference());
      d.keywords(Schema.IDS, i.sourceId());
      d.text(Schema.TITLE, i.title());
      d.text(Schema.BODY, incidentBody(i));
      extra.append(i.reference()).append(' ').append(i.severity()).append(' ');
      extra.append(String.join(" ", i.labels()));
    } else if (r instanceof Deploy dep) {
      services(d, List.of(dep.service()), extra);
      d.keyword(Schema.ENV, dep.environment(), true);
      d.keyword(Schema.STATUS, dep.status().name().toLowerCase(Locale.ROOT), true);
      d.keyword(Schema.VERSION_FIELD, dep.version(), true);
      d.keyword(Schema.COMMIT, dep.commitSha(), true);
      Set<String> ids = new LinkedHashSet<>();
      ids.add(dep.sourceId().toLowerCase(Locale.ROOT));
      for (String id : dep.identifiers()) {
        ids.add(id.strip().toLowerCase(Locale.ROOT));
      }
      // the change's title, so that an incident quoting it finds the deploy
      String title = dev.rehearsal.util.Texts.titleKey(dep.description());
      if (title.split(" ").length >= 2) {
        ids.add("title:" + title);
      }
      for (String id : ids) {
        d.keywords(Schema.IDS, id);
      }
      if (dep.rollback()) {
        d.keyword(Schema.SUBTYPE, "rollback", true);
      }
      d.text(Schema.TITLE, dep.service() + " " + dep.version() + " to " + dep.environment());
      d.text(Schema.BODY, dep.description());
      extra
          .append(dep.ref())
          .append(' ')
          .append(dep.rawEnvironment())
          .append(' ')
          .append(dep.actor());
    } else if (r instanceof StagingRun run) {
      services(d, List.of(run.service()), extra);
      d.keyword(Schema.ENV, run.environment(), true);
      d.keyword(Schema.STATUS, run.outcome().name().toLowerCase(Locale.ROOT), true);
      d.keyword(Schema.SUBTYPE, run.type().name().toLowerCase(Locale.ROOT), true);
      d.keyword(Schema.VERSION_FIELD, run.version(), true);
      d.keyword(Schema.COMMIT, run.commitSha(), true);
      if (run.load() != null && !Double.isNaN(run.load().peakRps())) {
        d.number(Schema.NUMBER, run.load().peakRps());
      }
      d.keyword(Schema.SUITE, run.suite(), true);
      d.text(Schema.TITLE, run.suite());
      d.text(
          Schema.TESTS,
          join(
              String.join("\n", run.tests().caseNames()),
              String.join("\n", run.tests().failures())));
    } else if (r instanceof EnvironmentFact f) {
      if (!f.service().isEmpty()) {
        services(d, List.of(f.service()), extra);
      }
      d.keyword(Schema.ENV, f.environment(), true);
      d.keyword(Schema.STATUS, f.type().name().toLowerCase(Locale.ROOT), true);
      d.keyword(Schema.SUBTYPE, f.subject(), true);
      if (!Double.isNaN(f.number())) {
        d.number(Schema.NUMBER, f.number());
      }
      d.keyword(Schema.VALUE, f.value(), true);
      d.text(Schema.TITLE, f.subject() + " = " + f.value());
    }
    if (extra.length() > 0) {
      d.text(Schema.EXTRA, extra.toString());
    }
  }

  /** The fields as a local workspace's index holds them. */
  private static final class LuceneFields implements FieldSink {
    private final Document d;

    LuceneFields(Document d) {
      this.d = d;
    }

    @Override
    public void keyword(String field, String value, boolean sortable) {
      if (value == null || value.isBlank()) {
        return;
      }
      String v = normalised(value);
      d.add(new StringField(field, v, Field.Store.NO));
      if (sortable) {
        d.add(new SortedDocValuesField(field, new BytesRef(v)));
      }
    }

    @Override
    public void keywords(String field, String value) {
      multiKeyword(d, field, value);
    }

    @Override
    public void service(String canonical) {
      d.add(new StringField(Schema.SERVICE, canonical, Field.Store.NO));
      d.add(new SortedSetDocValuesField(Schema.SERVICE, new BytesRef(canonical)));
    }

    @Override
    public void rawService(String name) {
      d.add(new SortedSetDocValuesField(Schema.SERVICE_RAW, new BytesRef(cut(name))));
    }

    @Override
    public void text(String field, String value) {
      if (field.equals(Schema.EXTRA)) {
        d.add(new TextField(Schema.EXTRA, value, Field.Store.NO));
      } else {
        RecordCodec.text(d, field, value);
      }
    }

    @Override
    public void number(String field, double value) {
      d.add(new DoubleDocValuesField(field, value));
    }
  }

  /** A keyword's value as both stores hold it: stripped, lower case, cut to a term's length. */
  public static String normalised(String value) {
    return cut(value.strip().toLowerCase(Locale.ROOT));
  }

  /** The common fields of every document. */
  static Document base(DocKind kind, String key, Instant time, byte[] json) {
    Document d = new Document();
    d.add(new StringField(Schema.KEY, key, Field.Store.YES));
    d.add(new SortedDocValuesField(Schema.KEY, new BytesRef(key)));
    d.add(new StringField(Schema.KIND, kind.code(), Field.Store.NO));
    d.add(new SortedDocValuesField(Schema.KIND, new BytesRef(kind.code())));
    d.add(new LongField(Schema.TIME, time == null ? 0 : time.toEpochMilli(), Field.Store.NO));
    d.add(new StoredField(Schema.STORED, json));
    return d;
  }

  private void services(FieldSink d, List<String> raw, StringBuilder extra) {
    Set<String> canonical = new LinkedHashSet<>();
    Set<String> raws = new LinkedHashSet<>();
    for (String s : raw) {
      if (s == null || s.isBlank()) {
        continue;
      }
      raws.add(s);
      String c = services.canonical(s);
      if (!c.isEmpty()) {
        canonical.add(c);
      }
    }
    for (String c : canonical) {
      d.service(c);
    }
    for (String s : raws) {
      d.rawService(s);
      extra.append(s).append(' ');
    }
  }

  /** A keyword that may occur several times per document, with sorted-set doc values. */
  static void multiKeyword(Document d, String field, String value) {
    if (value == null || value.isBlank()) {
      return;
    }
    String v = cut(value.strip().toLowerCase(Locale.ROOT));
    d.add(new StringField(field, v, Field.Store.NO));
    d.add(new SortedSetDocValuesField(field, new BytesRef(v)));
  }

  private static String cut(String v) {
    return v.length() > MAX_TERM ? v.substring(0, MAX_TERM) : v;
  }

  private static void text(Document d, String field, String value) {
    if (value == null || value.isBlank()) {
      return;
    }
    d.add(new TextField(field, value, Field.Store.YES));
  }

  /**
   * The fields that tell the gap step where an incident's text tells the cause (decision 0024): its
   * body without the sentences set aside, when any were, and the first sentence of its title and
   * kept body that sets production against staging. Decided here, once per incident, so that the
   * analysis reads them for all incidents at once. An incident without a body has neither.
   */
  public static void causeFields(Document d, String title, String body) {
    if (body == null || body.isBlank()) {
      return;
    }
    CauseSentences.Split split = CauseSentences.of(body);
    if (!split.setAside().isEmpty()) {
      d.add(new StringField(Schema.PROSE, Schema.PROSE_ASIDE, Field.Store.NO));
      if (!split.kept().isBlank()) {
        d.add(new TextField(Schema.CAUSE, split.kept(), Field.Store.NO));
      }
    }
    String contrast = EnvironmentContrast.first(title + "\n" + split.kept());
    if (contrast != null) {
      d.add(new StringField(Schema.PROSE, Schema.PROSE_CONTRAST, Field.Store.NO));
      d.add(new TextField(Schema.CONTRAST, contrast, Field.Store.NO));
    }
  }

  /**
   * What an incident's body field holds: its description and its postmortem, a blank line between
   * (the same in every store, so a query finds the same incidents).
   */
  public static String incidentBody(Incident i) {
    return join(i.description(), i.postmortem());
  }

  private static String join(String a, String b) {
    if (a == null || a.isBlank()) {
      return b == null ? "" : b;
    }
    if (b == null || b.isBlank()) {
      return a;
    }
    return a + "\n\n" + b;
  }

  byte[] json(Object o) {
    Output out = OUTPUT.get();
    out.reset();
    try {
      if (o instanceof dev.rehearsal.model.Finding f) {
        FINDING_WRITER.writeValue(out, StoredFindingForm.compact(f));
      } else {
        mapper.writeValue(out, o);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] bytes = out.toByteArray();
    if (bytes.length > KEPT_OUTPUT) {
      OUTPUT.remove(); // a record of many megabytes does not keep its buffer
    }
    return bytes;
  }

  private static final int KEPT_OUTPUT = 1 << 20;

  /**
   * How findings are written: as the mapper writes them, its serializer found once, and decimals by
   * Jackson's own shortest-digits writer rather than {@link Double#toString} (a number reads back
   * as the same double either way).
   */
  private static final com.fasterxml.jackson.databind.ObjectWriter FINDING_WRITER =
      dev.rehearsal.util.Json.mapper()
          .writerFor(dev.rehearsal.model.Finding.class)
          .with(com.fasterxml.jackson.core.StreamWriteFeature.USE_FAST_DOUBLE_WRITER);

  /**
   * Where each thread writes the stored form before it is copied out at its size: written straight
   * into a buffer kept for the thread, a finding's few kilobytes are copied once, where writing to
   * a new array each time grew it block by block and copied the blocks into the result.
   */
  private static final class Output extends java.io.ByteArrayOutputStream {
    Output() {
      super(16 * 1024);
    }

    @Override
    public void close() {
      // the mapper closes what it writes to; this buffer is used again
    }
  }

  private static final ThreadLocal<Output> OUTPUT = ThreadLocal.withInitial(Output::new);

  /** Reads a stored object back. */
  public <T> T decode(BytesRef json, Class<T> type) {
    try {
      T value = mapper.readValue(json.bytes, json.offset, json.length, type);
      if (value instanceof dev.rehearsal.model.Finding f) {
        return type.cast(StoredFindingForm.expand(f));
      }
      return value;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "a stored " + type.getSimpleName() + " cannot be read back: " + e.getMessage(), e);
    }
  }

  /** The key a rejection is kept under: its file, line and index. */
  public static String rejectionKey(dev.rehearsal.model.Rejection r) {
    return StoredDocs.rejectionKey(r);
  }

  /** The key a file's import report is kept under. */
  public static String importLogKey(String file) {
    return DocKind.IMPORT_LOG.code() + "/" + file;
  }

  /** The key a review is kept under in the review history: its incident and time. */
  public static String reviewHistoryKey(dev.rehearsal.model.Review r) {
    return StoredDocs.historyKey(r);
  }

  /** The record class stored for an imported kind. */
  public static Class<? extends ImportedRecord> recordClass(DocKind kind) {
    switch (kind) {
      case INCIDENT:
        return Incident.class;
      case DEPLOY:
        return Deploy.class;
      case RUN:
        return StagingRun.class;
      case FACT:
        return EnvironmentFact.class;
      default:
        throw new IllegalArgumentException(kind + " is not an imported record kind");
    }
  }
}
