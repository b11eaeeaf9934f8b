package dev.rehearsal.store.opensearch;

import dev.rehearsal.index.RecordCodec;
import dev.rehearsal.index.Schema;
import dev.rehearsal.model.ImportedRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A record's searchable fields as a team workspace's documents hold them: what {@link
 * RecordCodec#derive} gives the local index, as a JSON object's fields (a keyword of several values
 * as a list, text as written for the index's analyzer, numbers as numbers).
 */
final class StoreFields implements RecordCodec.FieldSink {
  private final Map<String, Object> doc;

  private StoreFields(Map<String, Object> doc) {
    this.doc = doc;
  }

  /**
   * The fields of a record added to a document: its kind-specific keywords, text and numbers, its
   * time, source and format; {@link Schema#FILE} too unless {@code withFile} is false (the records
   * index keeps the file as written under its own name).
   */
  static Map<String, Object> of(
      RecordCodec codec, ImportedRecord r, Map<String, Object> doc, boolean withFile) {
    doc.put(Schema.TIME, r.time() == null ? 0L : r.time().toEpochMilli());
    doc.put(Schema.SOURCE, r.source());
    doc.put(Schema.FORMAT, r.provenance().format());
    Object file = doc.get(Schema.FILE);
    codec.derive(r, new StoreFields(doc));
    if (!withFile) {
      if (file == null) {
        doc.remove(Schema.FILE);
      } else {
        doc.put(Schema.FILE, file);
      }
    }
    return doc;
  }

  /** The fields of a record as a new document. */
  static Map<String, Object> of(RecordCodec codec, ImportedRecord r) {
    return of(codec, r, new LinkedHashMap<>(), true);
  }

  @Override
  public void keyword(String field, String value, boolean sortable) {
    if (value != null && !value.isBlank()) {
      doc.put(field, RecordCodec.normalised(value));
    }
  }

  @Override
  public void keywords(String field, String value) {
    if (value != null && !value.isBlank()) {
      add(field, RecordCodec.normalised(value));
    }
  }

  @Override
  public void service(String canonical) {
    add(Schema.SERVICE, canonical);
  }

  @Override
  public void rawService(String name) {
    add(Schema.SERVICE_RAW, name.length() > 8000 ? name.substring(0, 8000) : name);
  }

  @Override
  public void text(String field, String value) {
    if (value != null && !value.isBlank()) {
      doc.put(field, value);
    }
  }

  @Override
  public void number(String field, double value) {
    doc.put(field, value);
  }

  @SuppressWarnings("unchecked")
  private void add(String field, String value) {
    Object have = doc.get(field);
    List<String> values;
    if (have instanceof List<?> l) {
      values = (List<String>) l;
    } else {
      values = new ArrayList<>();
      doc.put(field, values);
    }
    if (!values.contains(value)) {
      values.add(value);
    }
  }
}
