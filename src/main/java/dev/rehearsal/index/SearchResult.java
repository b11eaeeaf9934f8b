package dev.rehearsal.index;

import java.util.List;

/** A page of hits and the exact number of matches. */
public record SearchResult(long total, List<SearchHit> hits, long millis) {
  public SearchResult {
    hits = List.copyOf(hits);
  }
}
