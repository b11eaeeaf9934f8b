package dev.rehearsal.analysis;

import dev.rehearsal.model.Incident;
import java.time.Instant;

/**
 * What the analysis reads of an incident: its key, onset, resolution and text. The rest of the
 * record (provenance, labels, links) is for people and reports, and is not held for a hundred
 * thousand incidents during an analysis.
 *
 * @param narrative title, description and postmortem as {@link Incident#narrative()} joins them
 */
record AnalysedIncident(String key, Instant startedAt, Instant resolvedAt, String narrative) {

  static AnalysedIncident of(Incident i) {
    return new AnalysedIncident(i.key(), i.startedAt(), i.resolvedAt(), i.narrative());
  }
}
