package dev.rehearsal.index;

import java.time.Instant;
import java.util.Set;

/**
 * A search: Lucene query syntax over every record kind, plus filters and paging.
 *
 * @param query Lucene query syntax ("checkout AND timeout", "title:\"connection pool\"",
 *     "service:payments", "version:2.14.*"); blank matches everything
 * @param kinds record kinds to include (incident, deploy, run, fact); empty means all four
 * @param service canonical service name, or null
 * @param environment normalised environment, or null
 * @param from inclusive lower time bound, or null
 * @param to exclusive upper time bound, or null
 * @param sort order of hits
 * @param offset hits to skip
 * @param limit hits to return (at most 1,000)
 * @param highlight whether to compute highlighted snippets
 */
public record SearchRequest(
    String query,
    Set<DocKind> kinds,
    String service,
    String environment,
    Instant from,
    Instant to,
    Sort sort,
    int offset,
    int limit,
    boolean highlight) {

  /** Hit order. */
  public enum Sort {
    NEWEST,
    OLDEST,
    RELEVANCE
  }

  public static final int MAX_LIMIT = 1000;
  public static final int MAX_WINDOW = 100_000;

  public SearchRequest {
    query = query == null ? "" : query;
    kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
    sort = sort == null ? Sort.NEWEST : sort;
    if (offset < 0 || limit < 0) {
      throw new IllegalArgumentException("offset and limit must not be negative");
    }
    if (limit > MAX_LIMIT) {
      throw new IllegalArgumentException("at most " + MAX_LIMIT + " hits per page");
    }
    if ((long) offset + limit > MAX_WINDOW) {
      throw new IllegalArgumentException(
          "pages reach at most hit " + MAX_WINDOW + "; narrow the search with filters");
    }
  }

  public static SearchRequest of(String query) {
    return new SearchRequest(query, Set.of(), null, null, null, null, Sort.NEWEST, 0, 20, true);
  }

  /**
   * The first {@code limit} incidents a query finds, best first, without passages: what a team
   * store's answer to the same query is compared with.
   */
  public static SearchRequest incidentsBestFirst(String query, int limit) {
    return of(query)
        .withKinds(Set.of(DocKind.INCIDENT))
        .withSort(Sort.RELEVANCE)
        .withPage(0, limit)
        .withHighlight(false);
  }

  public SearchRequest withKinds(Set<DocKind> k) {
    return new SearchRequest(
        query, k, service, environment, from, to, sort, offset, limit, highlight);
  }

  public SearchRequest withService(String s) {
    return new SearchRequest(
        query, kinds, s, environment, from, to, sort, offset, limit, highlight);
  }

  public SearchRequest withEnvironment(String e) {
    return new SearchRequest(query, kinds, service, e, from, to, sort, offset, limit, highlight);
  }

  public SearchRequest withRange(Instant f, Instant t) {
    return new SearchRequest(
        query, kinds, service, environment, f, t, sort, offset, limit, highlight);
  }

  public SearchRequest withSort(Sort s) {
    return new SearchRequest(
        query, kinds, service, environment, from, to, s, offset, limit, highlight);
  }

  public SearchRequest withPage(int off, int lim) {
    return new SearchRequest(
        query, kinds, service, environment, from, to, sort, off, lim, highlight);
  }

  public SearchRequest withHighlight(boolean h) {
    return new SearchRequest(query, kinds, service, environment, from, to, sort, offset, limit, h);
  }
}
