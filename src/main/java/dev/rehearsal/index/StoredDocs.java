package dev.rehearsal.index;

import dev.rehearsal.model.DeployStatusEvent;
import dev.rehearsal.model.Finding;
import dev.rehearsal.model.Review;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleDocValuesField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.util.BytesRef;

/** Documents for the kinds that are not imported records (deploy statuses, reviews, findings). */
final class StoredDocs {
  private StoredDocs() {}

  static Document status(DeployStatusEvent e, RecordCodec codec) {
    Document d = RecordCodec.base(DocKind.DEPLOY_STATUS, e.key(), e.at(), codec.json(e));
    RecordCodec.multiKeyword(d, Schema.IDS, e.deployKey());
    d.add(new StringField(Schema.FILE, e.provenance().file(), Field.Store.NO));
    return d;
  }

  static Document review(Review r, RecordCodec codec) {
    return review(DocKind.REVIEW, r.key(), r, codec);
  }

  /** The key of a review in the history: its incident and when it was made. */
  static String historyKey(Review r) {
    return DocKind.REVIEW_HISTORY.code() + "/" + r.incidentKey() + "/" + r.at().toEpochMilli();
  }

  static Document reviewHistory(Review r, RecordCodec codec) {
    return review(DocKind.REVIEW_HISTORY, historyKey(r), r, codec);
  }

  private static Document review(DocKind kind, String key, Review r, RecordCodec codec) {
    Document d = RecordCodec.base(kind, key, r.at(), codec.json(r));
    RecordCodec.multiKeyword(d, Schema.IDS, r.incidentKey());
    if (!r.note().isBlank()) {
      d.add(new TextField(Schema.BODY, r.note(), Field.Store.NO));
    }
    return d;
  }

  /**
   * A finding's document holds what is read back: the key (term for lookups, doc values for the
   * incident table), the kind, the verdict and gaps as doc values and terms, and the stored JSON.
   * Its incident's onset (the period figures read a quarter's findings only), its confidence and
   * whether it was reviewed (the incident table sorts and filters by them). No ids or services:
   * nothing searches findings by those, and each unique incident key indexed a second time cost the
   * store step a sort of a hundred thousand terms (docs/decisions/0007-finding-documents.md).
   */
  /** A finding's document; {@code run} tells the findings of one analysis run apart, or "". */
  static Document finding(Finding f, RecordCodec codec, String run) {
    Document d = new Document();
    String key = f.key();
    d.add(new StringField(Schema.KEY, key, Field.Store.YES));
    d.add(new SortedDocValuesField(Schema.KEY, new BytesRef(key)));
    d.add(new StringField(Schema.KIND, DocKind.FINDING.code(), Field.Store.NO));
    d.add(new SortedDocValuesField(Schema.KIND, new BytesRef(DocKind.FINDING.code())));
    d.add(new StoredField(Schema.STORED, codec.json(f)));
    FindingSummary summary = FindingSummary.of(f);
    d.add(new StringField(Schema.STATUS, summary.verdict(), Field.Store.NO));
    d.add(new SortedDocValuesField(Schema.STATUS, new BytesRef(summary.verdict())));
    for (String gap : summary.gaps()) {
      RecordCodec.multiKeyword(d, Schema.GAP, gap);
    }
    if (f.onset() != null) {
      d.add(new LongField(Schema.TIME, f.onset().toEpochMilli(), Field.Store.NO));
    }
    d.add(new DoubleDocValuesField(Schema.NUMBER, summary.confidence()));
    if (summary.reviewed()) {
      d.add(new StringField(Schema.SUBTYPE, Schema.REVIEWED, Field.Store.NO));
      d.add(new SortedDocValuesField(Schema.SUBTYPE, new BytesRef(Schema.REVIEWED)));
    }
    if (!run.isEmpty()) {
      d.add(new StringField(Schema.RUN, run, Field.Store.NO));
    }
    return d;
  }

  /** A rejected record's document: found by file, its reason searchable. */
  static Document rejection(dev.rehearsal.model.Rejection r, String key, RecordCodec codec) {
    Document d = RecordCodec.base(DocKind.REJECTION, key, java.time.Instant.now(), codec.json(r));
    d.add(new StringField(Schema.FILE, r.file(), Field.Store.NO));
    d.add(new TextField(Schema.BODY, r.reason(), Field.Store.NO));
    return d;
  }

  /** The key of a rejection: its file, line and index. */
  static String rejectionKey(dev.rehearsal.model.Rejection r) {
    return DocKind.REJECTION.code() + "/" + r.file() + "/" + r.line() + "/" + r.index();
  }

  /** A file's import report, found by file. */
  static Document importLog(dev.rehearsal.importers.FileReport report, RecordCodec codec) {
    Document d =
        RecordCodec.base(
            DocKind.IMPORT_LOG,
            RecordCodec.importLogKey(report.file()),
            java.time.Instant.now(),
            codec.json(report));
    d.add(new StringField(Schema.FILE, report.file(), Field.Store.NO));
    return d;
  }

  static Document reencode(DocKind kind, String key, BytesRef json, RecordCodec codec) {
    switch (kind) {
      case DEPLOY_STATUS:
        return status(codec.decode(json, DeployStatusEvent.class), codec);
      case REVIEW:
        return review(codec.decode(json, Review.class), codec);
      case REVIEW_HISTORY:
        return reviewHistory(codec.decode(json, Review.class), codec);
      case FINDING:
        return finding(codec.decode(json, Finding.class), codec, "");
      default:
        throw new IllegalStateException(
            "documents of kind " + kind.code() + " have no rebuild rule (" + key + ")");
    }
  }
}
