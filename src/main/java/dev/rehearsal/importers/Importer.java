package dev.rehearsal.importers;

import dev.rehearsal.model.RecordKind;
import java.io.IOException;

/**
 * The contract every format implements. An importer has a stable id ("pagerduty-json"), a name for
 * people, a cheap check on the first bytes of a file, and a streaming parse that sends every record
 * it meets to the sink, accepted or rejected.
 */
public interface Importer {
  /** Not this format. */
  int NO = 0;

  /** Could be: a generic format that takes anything shaped like it. */
  int WEAK = 10;

  /** Probably: the file has this format's typical shape. */
  int LIKELY = 50;

  /** Certainly: the file carries this format's own markers. */
  int CERTAIN = 100;

  String id();

  String displayName();

  /**
   * The kind of record this importer produces, for listings. Generic importers whose kind depends
   * on the user's column mapping report their default kind here.
   */
  RecordKind kind();

  /**
   * How sure this importer is that it reads the file: {@link #NO}, {@link #WEAK}, {@link #LIKELY},
   * {@link #CERTAIN} or anything between. Must be cheap: it sees only the head.
   */
  int recognizes(Sniff sniff);

  /**
   * Reads the whole file, streaming, sending each record to {@code sink}. Checks {@code
   * ctx.monitor()} for cancellation between records.
   *
   * @throws ImportException when the rest of the file cannot be read
   */
  void parse(ImportSource source, ImportContext ctx, RecordSink sink)
      throws IOException, ImportException;
}
