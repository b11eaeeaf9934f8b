package dev.rehearsal.store.opensearch;

import dev.rehearsal.index.QuerySyntax;
import dev.rehearsal.index.Schema;
import dev.rehearsal.index.SearchRequest;
import dev.rehearsal.settings.ServiceNames;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A query in the local search syntax in OpenSearch's query language, clause by clause as the local
 * parser reads it ({@link QuerySyntax#translate}): the same fields, the same terms, the same
 * structure, so that the store matches and scores what the local search does. A word is a term
 * query per field, summed, as locally; a phrase is the field's phrase of the same text (the store's
 * analyzers are the local ones); a prefix, a wildcard and a range score a constant per match on
 * both sides; what a finding says is a filter on the store's own fields scoring a constant, as the
 * local filter does (the constant is the factor the node's BM25 carries, {@link #LEGACY_BM25}).
 *
 * <p>Two spellings differ on purpose: a Boolean query always states its minimum of optional clauses
 * (OpenSearch would otherwise require one where a filter stands beside them, Lucene does not), and
 * clauses that only exclude match nothing, as in Lucene (OpenSearch would match all the rest).
 */
final class StoreQuery implements QuerySyntax.Parts<Map<String, Object>> {
  /**
   * What BM25 is multiplied by in OpenSearch 2.x: its default similarity is the legacy form, whose
   * term scores are Lucene's times {@code k1 + 1} (k1 is 1.2, the default); from 3.0 it is Lucene's
   * own. A part that scores a constant (a prefix, a wildcard, a range, a finding) is given the same
   * factor, so that every score is the local one times it and a query mixing the two ranks as
   * locally.
   */
  static final double LEGACY_BM25 = 1 + 1.2;

  private static final StoreQuery PARTS = new StoreQuery(1);

  private final double constant;

  /** Parts whose constant scores are {@code constant} (1 where nothing is scored, as in tables). */
  StoreQuery(double constant) {
    this.constant = constant;
  }

  /**
   * The factor a node's BM25 scores carry, by its version ("2.19.6": legacy, {@link #LEGACY_BM25}).
   */
  static double scoreFactor(String nodeVersion) {
    int dot = nodeVersion.indexOf('.');
    int major = Integer.parseInt(dot < 0 ? nodeVersion : nodeVersion.substring(0, dot));
    return major < 3 ? LEGACY_BM25 : 1;
  }

  /** The query; every document for a blank one. */
  static Map<String, Object> of(String query, ServiceNames names) {
    return QuerySyntax.translate(query, names, PARTS);
  }

  @Override
  public Map<String, Object> term(String field, String term) {
    return Map.of("term", Map.of(field, Map.of("value", term)));
  }

  @Override
  public Map<String, Object> phrase(String field, String text, int slop) {
    return Map.of("match_phrase", Map.of(field, Map.of("query", text, "slop", slop)));
  }

  @Override
  public Map<String, Object> prefix(String field, String prefix) {
    return Map.of("prefix", Map.of(field, Map.of("value", prefix, "boost", constant)));
  }

  @Override
  public Map<String, Object> wildcard(String field, String pattern) {
    return Map.of("wildcard", Map.of(field, Map.of("value", pattern, "boost", constant)));
  }

  @Override
  public Map<String, Object> regexp(String field, String pattern) {
    return Map.of("regexp", Map.of(field, Map.of("value", pattern, "boost", constant)));
  }

  @Override
  public Map<String, Object> fuzzy(String field, String term, int edits, int prefixLength) {
    return Map.of(
        "fuzzy",
        Map.of(field, Map.of("value", term, "fuzziness", edits, "prefix_length", prefixLength)));
  }

  /**
   * A search request's query and filters, as the local search filters them, scored for a node whose
   * BM25 scores carry {@code factor} ({@link #scoreFactor}).
   */
  static Map<String, Object> of(SearchRequest request, ServiceNames names, double factor) {
    return QuerySyntax.translate(request, names, new StoreQuery(factor));
  }

  @Override
  public Map<String, Object> numbers(String field, long lower, long upper) {
    Map<String, Object> bounds = new LinkedHashMap<>();
    if (lower != Long.MIN_VALUE) {
      bounds.put("gte", lower);
    }
    if (upper != Long.MAX_VALUE) {
      bounds.put("lte", upper);
    }
    return bounds.isEmpty()
        ? Map.of("exists", Map.of("field", field))
        : Map.of("range", Map.of(field, bounds));
  }

  @Override
  public Map<String, Object> range(
      String field, String lower, String upper, boolean lowerIncluded, boolean upperIncluded) {
    Map<String, Object> bounds = new LinkedHashMap<>();
    if (lower != null) {
      bounds.put(lowerIncluded ? "gte" : "gt", lower);
    }
    if (upper != null) {
      bounds.put(upperIncluded ? "lte" : "lt", upper);
    }
    bounds.put("boost", constant);
    return Map.of("range", Map.of(field, bounds));
  }

  @Override
  public Map<String, Object> all() {
    return Map.of("match_all", Map.of("boost", constant));
  }

  @Override
  public Map<String, Object> none() {
    return Map.of("match_none", Map.of());
  }

  @Override
  public Map<String, Object> bool(
      List<Map<String, Object>> must,
      List<Map<String, Object>> should,
      List<Map<String, Object>> mustNot,
      List<Map<String, Object>> filter,
      int minimumShouldMatch) {
    if (must.isEmpty() && should.isEmpty() && filter.isEmpty()) {
      return none(); // only exclusions: nothing, as in Lucene
    }
    Map<String, Object> bool = new LinkedHashMap<>();
    if (!must.isEmpty()) {
      bool.put("must", must);
    }
    if (!should.isEmpty()) {
      bool.put("should", should);
      // as Lucene reads it: optional beside a required clause or a filter, else one at least
      bool.put(
          "minimum_should_match",
          must.isEmpty() && filter.isEmpty()
              ? Math.max(1, minimumShouldMatch)
              : minimumShouldMatch);
    }
    if (!mustNot.isEmpty()) {
      bool.put("must_not", mustNot);
    }
    if (!filter.isEmpty()) {
      bool.put("filter", filter);
    }
    return Map.of("bool", bool);
  }

  @Override
  public Map<String, Object> boost(Map<String, Object> query, float boost) {
    return Map.of("bool", Map.of("must", List.of(query), "boost", (double) boost));
  }

  @Override
  public Map<String, Object> finding(String field, String value) {
    // a push writes reviewers' names in lower case (a name is read without regard to case)
    String stored = Schema.REVIEWER.equals(field) ? value.toLowerCase(Locale.ROOT) : value;
    return scoringOne(Map.of("term", Map.of(field, stored)));
  }

  @Override
  public Map<String, Object> confidence(
      double lower, double upper, boolean lowerIncluded, boolean upperIncluded) {
    Map<String, Object> bounds = new LinkedHashMap<>();
    if (lower != Double.NEGATIVE_INFINITY) {
      bounds.put(lowerIncluded ? "gte" : "gt", lower);
    }
    if (upper != Double.POSITIVE_INFINITY) {
      bounds.put(upperIncluded ? "lte" : "lt", upper);
    }
    // an incident without a finding has no confidence: a range without bounds still needs one
    Map<String, Object> has =
        bounds.isEmpty()
            ? Map.of("exists", Map.of("field", Schema.CONFIDENCE))
            : Map.of("range", Map.of(Schema.CONFIDENCE, bounds));
    return scoringOne(has);
  }

  private Map<String, Object> scoringOne(Map<String, Object> filter) {
    return Map.of("constant_score", Map.of("filter", filter, "boost", constant));
  }
}
