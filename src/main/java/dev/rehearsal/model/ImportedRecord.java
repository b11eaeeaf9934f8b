package dev.rehearsal.model;

import java.time.Instant;

/** What every imported record has: a kind, a source system, an id there, a time and provenance. */
public sealed interface ImportedRecord permits Incident, Deploy, StagingRun, EnvironmentFact {

  RecordKind kind();

  /** The tool the record came from, lowercase ("pagerduty", "github", "junit"). */
  String source();

  /** The record's id in its source, or a stable id derived from its content. */
  String sourceId();

  /** The instant the record is placed at on a timeline (onset, deploy end, run start, as-of). */
  Instant time();

  Provenance provenance();

  /** Identity in the workspace: importing a record with the same key replaces the stored one. */
  default String key() {
    return kind().code() + "/" + source() + "/" + sourceId();
  }
}
