package dev.rehearsal.index;

import dev.rehearsal.model.DeployStatusEvent;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.util.BytesRef;

/** Documents for the kinds that are not imported records (deploy statuses, reviews, findings). */
final class StoredDocs {
  private StoredDocs() {}

  static Document status(DeployStatusEvent e, RecordCodec codec) {
    Document d = RecordCodec.base(DocKind.DEPLOY_STATUS, e.key(), e.at(), codec.json(e));
    d.add(new StringField(Schema.IDS, e.deployKey(), Field.Store.NO));
    d.add(new StringField(Schema.FILE, e.provenance().file(), Field.Store.NO));
    return d;
  }

  static Document reencode(DocKind kind, String key, BytesRef json, RecordCodec codec) {
    switch (kind) {
      case DEPLOY_STATUS:
        return status(codec.decode(json, DeployStatusEvent.class), codec);
      default:
        throw new IllegalStateException("documents of kind " + kind.code()
            + " have no rebuild rule (" + key + ")");
    }
  }
}
