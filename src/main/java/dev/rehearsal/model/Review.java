package dev.rehearsal.model;

import java.time.Instant;
import java.util.List;

/**
 * A reviewer's decision about one incident. Each part is optional: a null part was not reviewed and
 * the engine's answer stands for it.
 *
 * @param deployKeys the deploys that caused the incident (empty: no change caused it), or null
 * @param verdict the staging verdict, or null
 * @param gaps the gaps, most important first (empty for none), or null
 */
public record Review(
    String incidentKey,
    List<String> deployKeys,
    Verdict verdict,
    List<Gap> gaps,
    String note,
    String reviewer,
    Instant at) {
  public Review {
    deployKeys = deployKeys == null ? null : List.copyOf(deployKeys);
    gaps = gaps == null ? null : List.copyOf(gaps);
    note = note == null ? "" : note;
    reviewer = reviewer == null ? "" : reviewer;
  }

  public String key() {
    return "review/" + incidentKey;
  }
}
