package dev.rehearsal.index;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Which documents count, by their keyword fields ({@link Schema#ENV}, {@link Schema#STATUS} ...):
 * for each field in {@code anyOf}, one of its values; for each in {@code noneOf}, none of them.
 */
public record KeywordFilter(Map<String, Set<String>> anyOf, Map<String, Set<String>> noneOf) {
  public static final KeywordFilter ALL = new KeywordFilter(Map.of(), Map.of());

  public KeywordFilter {
    anyOf = Map.copyOf(anyOf);
    noneOf = Map.copyOf(noneOf);
  }

  /** This filter, also requiring one of the values in a field. */
  public KeywordFilter anyOf(String field, Set<String> values) {
    Map<String, Set<String>> m = new LinkedHashMap<>(anyOf);
    m.put(field, Set.copyOf(values));
    return new KeywordFilter(m, noneOf);
  }

  /** This filter, also excluding the values of a field. */
  public KeywordFilter noneOf(String field, Set<String> values) {
    Map<String, Set<String>> m = new LinkedHashMap<>(noneOf);
    m.put(field, Set.copyOf(values));
    return new KeywordFilter(anyOf, m);
  }

  Query query() {
    if (anyOf.isEmpty() && noneOf.isEmpty()) {
      return new MatchAllDocsQuery();
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    boolean required = false;
    for (var e : anyOf.entrySet()) {
      BooleanQuery.Builder any = new BooleanQuery.Builder();
      for (String v : List.copyOf(new java.util.TreeSet<>(e.getValue()))) {
        any.add(new TermQuery(new Term(e.getKey(), v)), BooleanClause.Occur.SHOULD);
      }
      b.add(any.build(), BooleanClause.Occur.FILTER);
      required = true;
    }
    if (!required) {
      b.add(new MatchAllDocsQuery(), BooleanClause.Occur.FILTER);
    }
    for (var e : noneOf.entrySet()) {
      for (String v : new java.util.TreeSet<>(e.getValue())) {
        b.add(new TermQuery(new Term(e.getKey(), v)), BooleanClause.Occur.MUST_NOT);
      }
    }
    return b.build();
  }
}
