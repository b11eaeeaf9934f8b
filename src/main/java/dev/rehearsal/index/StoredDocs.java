package dev.rehearsal.index;

import dev.rehearsal.model.DeployStatusEvent;
import dev.rehearsal.model.Finding;
import dev.rehearsal.model.Gap;
import dev.rehearsal.model.Review;
import java.util.Locale;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleDocValuesField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
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
    Document d = RecordCodec.base(DocKind.REVIEW, r.key(), r.at(), codec.json(r));
    RecordCodec.multiKeyword(d, Schema.IDS, r.incidentKey());
    if (!r.note().isBlank()) {
      d.add(new TextField(Schema.BODY, r.note(), Field.Store.NO));
    }
    return d;
  }

  static Document finding(Finding f, RecordCodec codec) {
    Document d = RecordCodec.base(DocKind.FINDING, f.key(), f.onset(), codec.json(f));
    RecordCodec.multiKeyword(d, Schema.IDS, f.incidentKey());
    for (String s : f.services()) {
      RecordCodec.multiKeyword(d, Schema.SERVICE, s);
    }
    String verdict = f.effectiveVerdict().name().toLowerCase(Locale.ROOT);
    d.add(new StringField(Schema.STATUS, verdict, Field.Store.NO));
    d.add(new SortedDocValuesField(Schema.STATUS, new BytesRef(verdict)));
    for (Gap g : f.effectiveGaps()) {
      RecordCodec.multiKeyword(d, Schema.GAP, g.code());
    }
    d.add(new DoubleDocValuesField(Schema.NUMBER, f.confidence()));
    return d;
  }

  static Document reencode(DocKind kind, String key, BytesRef json, RecordCodec codec) {
    switch (kind) {
      case DEPLOY_STATUS:
        return status(codec.decode(json, DeployStatusEvent.class), codec);
      case REVIEW:
        return review(codec.decode(json, Review.class), codec);
      case FINDING:
        return finding(codec.decode(json, Finding.class), codec);
      default:
        throw new IllegalStateException("documents of kind " + kind.code()
            + " have no rebuild rule (" + key + ")");
    }
  }
}
