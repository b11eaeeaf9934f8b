package dev.rehearsal.index;

import dev.rehearsal.settings.ServiceNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.RegexpQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.search.WildcardQuery;

/** The local search's query syntax, for a query sent to another store. */
public final class QuerySyntax {
  private QuerySyntax() {}

  /**
   * Checks a query as the local search parses it, with the same message when it is not valid
   * ({@link SearchSyntaxException}): another store would answer with its own parser's words.
   */
  public static void check(String text) {
    Search.parse(text);
  }

  /**
   * The parts a query is made of once the local parser has read it, for a store to write in its own
   * query language: the same fields, the same terms, the same structure, so that it matches and
   * scores what the local search does. Text the local parser analysed into a phrase comes as the
   * text itself, for the store to analyse with the same analyzer.
   */
  public interface Parts<Q> {
    /** An exact term of a field, scored. */
    Q term(String field, String term);

    /** Text that the field's analyzer makes a phrase of, with a slop, scored. */
    Q phrase(String field, String text, int slop);

    /** Terms of a field that start with a prefix, each match scoring 1. */
    Q prefix(String field, String prefix);

    /** Terms of a field that match a pattern of {@code *} and {@code ?}, each match scoring 1. */
    Q wildcard(String field, String pattern);

    /** Terms of a field that match a regular expression, each match scoring 1. */
    Q regexp(String field, String pattern);

    /** Terms within some edits of a term. */
    Q fuzzy(String field, String term, int edits, int prefixLength);

    /** Numbers of a field from one bound to another, both included, each match scoring 1. */
    Q numbers(String field, long lower, long upper);

    /** Terms between two bounds (either may be null: open), each match scoring 1. */
    Q range(String field, String lower, String upper, boolean lowerIncluded, boolean upperIncluded);

    /** Every record. */
    Q all();

    /** No record. */
    Q none();

    /** Clauses combined as Lucene combines them: scores summed. */
    Q bool(List<Q> must, List<Q> should, List<Q> mustNot, List<Q> filter, int minimumShouldMatch);

    /** A query whose score is multiplied. */
    Q boost(Q query, float boost);

    /**
     * Incidents whose finding holds a value, scoring 1: {@code verdict} a verdict's code, {@code
     * gap} a gap's code, {@code reviewed} yes or no, {@code reviewer} a name (any case).
     */
    Q finding(String field, String value);

    /**
     * Incidents with a finding whose confidence is in a range (bounds may be infinite), scoring 1.
     */
    Q confidence(double lower, double upper, boolean lowerIncluded, boolean upperIncluded);
  }

  /**
   * A query in the local syntax, checked as the local search parses it (the same message when it is
   * not valid), written with {@code parts}: {@code service:} read by {@code names}.
   */
  public static <Q> Q translate(String text, ServiceNames names, Parts<Q> parts) {
    if (text == null || text.isBlank()) {
      return parts.all();
    }
    return write(Search.parse(text, new Translating(names)), parts);
  }

  /**
   * A search request's query and filters (its kinds, service, environment and time range, as {@link
   * Search} filters them), written with {@code parts}: the query required, the filters scoring
   * nothing. Its order and page are the caller's to ask for.
   */
  public static <Q> Q translate(SearchRequest r, ServiceNames names, Parts<Q> parts) {
    List<Q> filters = new ArrayList<>();
    if (!r.kinds().isEmpty()) {
      List<Q> kinds = new ArrayList<>();
      r.kinds().stream()
          .map(DocKind::code)
          .sorted()
          .forEach(code -> kinds.add(parts.term(Schema.KIND, code)));
      filters.add(parts.bool(List.of(), kinds, List.of(), List.of(), 1));
    }
    if (r.service() != null && !r.service().isBlank()) {
      filters.add(write(Search.service(r.service(), names), parts));
    }
    if (r.environment() != null && !r.environment().isBlank()) {
      filters.add(parts.term(Schema.ENV, r.environment().toLowerCase(java.util.Locale.ROOT)));
    }
    if (r.from() != null || r.to() != null) {
      long[] range = Search.timeRange(r);
      filters.add(parts.numbers(Schema.TIME, range[0], range[1]));
    }
    return parts.bool(
        List.of(translate(r.query(), names, parts)), List.of(), List.of(), filters, 0);
  }

  private static <Q> Q write(Query q, Parts<Q> parts) {
    if (q instanceof Text t) {
      return parts.phrase(t.field, t.text, t.slop);
    }
    if (q instanceof Finding f) {
      return parts.finding(f.field, f.value);
    }
    if (q instanceof Confidence c) {
      return parts.confidence(c.lower, c.upper, c.lowerIncluded, c.upperIncluded);
    }
    if (q instanceof TermQuery t) {
      return parts.term(t.getTerm().field(), t.getTerm().text());
    }
    if (q instanceof BooleanQuery b) {
      List<Q> must = new ArrayList<>();
      List<Q> should = new ArrayList<>();
      List<Q> mustNot = new ArrayList<>();
      List<Q> filter = new ArrayList<>();
      for (BooleanClause c : b.clauses()) {
        Q sub = write(c.getQuery(), parts);
        switch (c.getOccur()) {
          case MUST -> must.add(sub);
          case SHOULD -> should.add(sub);
          case MUST_NOT -> mustNot.add(sub);
          case FILTER -> filter.add(sub);
        }
      }
      return parts.bool(must, should, mustNot, filter, b.getMinimumNumberShouldMatch());
    }
    if (q instanceof BoostQuery b) {
      return parts.boost(write(b.getQuery(), parts), b.getBoost());
    }
    if (q instanceof PrefixQuery p) {
      return parts.prefix(p.getField(), p.getPrefix().text());
    }
    if (q instanceof WildcardQuery w) {
      return parts.wildcard(w.getField(), w.getTerm().text());
    }
    if (q instanceof RegexpQuery r) {
      return parts.regexp(r.getField(), r.getRegexp().text());
    }
    if (q instanceof FuzzyQuery f) {
      return parts.fuzzy(f.getField(), f.getTerm().text(), f.getMaxEdits(), f.getPrefixLength());
    }
    if (q instanceof TermRangeQuery r) {
      return parts.range(
          r.getField(),
          r.getLowerTerm() == null ? null : r.getLowerTerm().utf8ToString(),
          r.getUpperTerm() == null ? null : r.getUpperTerm().utf8ToString(),
          r.includesLower(),
          r.includesUpper());
    }
    if (q instanceof MatchAllDocsQuery) {
      return parts.all();
    }
    if (q instanceof MatchNoDocsQuery) {
      return parts.none();
    }
    throw new SearchSyntaxException(
        "the query part \"" + q + "\" cannot be asked of another store", null);
  }

  /**
   * The local parser, but answering the parts only the local workspace can (findings, held apart
   * from the records they judge) as parts, and keeping the text of whatever the analyzer made more
   * than a term of.
   */
  private static final class Translating extends Search.DefaultFieldsParser {
    Translating(ServiceNames names) {
      super(names, Search.Findings.NONE);
    }

    @Override
    Query finding(String field, String value) {
      return new Finding(field, value);
    }

    @Override
    Query confidence(double lower, double upper, boolean lowerIncluded, boolean upperIncluded) {
      return new Confidence(lower, upper, lowerIncluded, upperIncluded);
    }

    @Override
    protected Query newFieldQuery(Analyzer analyzer, String field, String text, boolean quoted)
        throws ParseException {
      Query q = super.newFieldQuery(analyzer, field, text, quoted);
      return q == null || q instanceof TermQuery || q instanceof BooleanQuery
          ? q
          : new Text(field, text, 0);
    }

    @Override
    protected Query getFieldQuery(String field, String text, int slop) throws ParseException {
      return withSlop(super.getFieldQuery(field, text, slop), slop);
    }

    /** The phrases of a quoted text given a slop ("a b"~2), as the local parser gives them. */
    private static Query withSlop(Query q, int slop) {
      if (q instanceof Text t) {
        return new Text(t.field, t.text, slop);
      }
      if (q instanceof BooleanQuery b) {
        BooleanQuery.Builder out = new BooleanQuery.Builder();
        out.setMinimumNumberShouldMatch(b.getMinimumNumberShouldMatch());
        for (BooleanClause c : b.clauses()) {
          out.add(withSlop(c.getQuery(), slop), c.getOccur());
        }
        return out.build();
      }
      return q;
    }
  }

  /** A part of a translated query that no Lucene index runs. */
  private abstract static class Part extends Query {
    @Override
    public void visit(QueryVisitor visitor) {
      visitor.visitLeaf(this);
    }
  }

  private static final class Text extends Part {
    final String field;
    final String text;
    final int slop;

    Text(String field, String text, int slop) {
      this.field = field;
      this.text = text;
      this.slop = slop;
    }

    @Override
    public String toString(String f) {
      return field + ":\"" + text + "\"~" + slop;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Text t && t.field.equals(field) && t.text.equals(text) && t.slop == slop;
    }

    @Override
    public int hashCode() {
      return Objects.hash(field, text, slop);
    }
  }

  private static final class Finding extends Part {
    final String field;
    final String value;

    Finding(String field, String value) {
      this.field = field;
      this.value = value;
    }

    @Override
    public String toString(String f) {
      return field + ":" + value;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Finding x && x.field.equals(field) && x.value.equals(value);
    }

    @Override
    public int hashCode() {
      return Objects.hash(field, value);
    }
  }

  private static final class Confidence extends Part {
    final double lower;
    final double upper;
    final boolean lowerIncluded;
    final boolean upperIncluded;

    Confidence(double lower, double upper, boolean lowerIncluded, boolean upperIncluded) {
      this.lower = lower;
      this.upper = upper;
      this.lowerIncluded = lowerIncluded;
      this.upperIncluded = upperIncluded;
    }

    @Override
    public String toString(String f) {
      return Schema.CONFIDENCE + ":" + lower + ".." + upper;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Confidence c
          && c.lower == lower
          && c.upper == upper
          && c.lowerIncluded == lowerIncluded
          && c.upperIncluded == upperIncluded;
    }

    @Override
    public int hashCode() {
      return Objects.hash(lower, upper, lowerIncluded, upperIncluded);
    }
  }
}
