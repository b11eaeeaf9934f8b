package dev.rehearsal.index;

import dev.rehearsal.settings.ServiceNames;
import java.util.ArrayList;
import java.util.List;
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
   * Search#filtered} filters them), written with {@code parts}: the query required, the filters
   * scoring nothing. Its order and page are the caller's to ask for.
   */
  public static <Q> Q translate(SearchRequest r, ServiceNames names, Parts<Q> parts) {
    return write(Search.filtered(r, names, new Translating(names)), parts);
  }

  private static <Q> Q write(Query q, Parts<Q> parts) {
    if (q instanceof Part p) {
      if (p.piece instanceof Text t) {
        return parts.phrase(t.field(), t.text(), t.slop());
      }
      if (p.piece instanceof Finding f) {
        return parts.finding(f.field(), f.value());
      }
      if (p.piece instanceof Confidence c) {
        return parts.confidence(c.lower(), c.upper(), c.lowerIncluded(), c.upperIncluded());
      }
      Numbers n = (Numbers) p.piece;
      return parts.numbers(n.field(), n.lower(), n.upper());
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
      return new Part(new Finding(field, value));
    }

    @Override
    Query confidence(double lower, double upper, boolean lowerIncluded, boolean upperIncluded) {
      return new Part(new Confidence(lower, upper, lowerIncluded, upperIncluded));
    }

    @Override
    Query numbers(String field, long lower, long upper) {
      return new Part(new Numbers(field, lower, upper));
    }

    @Override
    protected Query newFieldQuery(Analyzer analyzer, String field, String text, boolean quoted)
        throws ParseException {
      Query q = super.newFieldQuery(analyzer, field, text, quoted);
      return q == null || q instanceof TermQuery || q instanceof BooleanQuery
          ? q
          : new Part(new Text(field, text, 0));
    }

    @Override
    protected Query getFieldQuery(String field, String text, int slop) throws ParseException {
      return withSlop(super.getFieldQuery(field, text, slop), slop);
    }

    /** The phrases of a quoted text given a slop ("a b"~2), as the local parser gives them. */
    private static Query withSlop(Query q, int slop) {
      if (q instanceof Part p && p.piece instanceof Text t) {
        return new Part(new Text(t.field(), t.text(), slop));
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

  /** What a translated query holds that no Lucene query says: text, findings, numbers. */
  private sealed interface Piece permits Text, Finding, Confidence, Numbers {}

  /** Text the analyzer made more than a term of, as written, with its slop. */
  private record Text(String field, String text, int slop) implements Piece {}

  /** A value of what a finding says ({@link Parts#finding}). */
  private record Finding(String field, String value) implements Piece {}

  private record Confidence(
      double lower, double upper, boolean lowerIncluded, boolean upperIncluded) implements Piece {}

  /** Numbers of a field in a range, both ends included. */
  private record Numbers(String field, long lower, long upper) implements Piece {}

  /** A piece in the parsed query's place, which no Lucene index runs. */
  private static final class Part extends Query {
    final Piece piece;

    Part(Piece piece) {
      this.piece = piece;
    }

    @Override
    public void visit(QueryVisitor visitor) {
      visitor.visitLeaf(this);
    }

    @Override
    public String toString(String field) {
      return piece.toString();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Part p && p.piece.equals(piece);
    }

    @Override
    public int hashCode() {
      return piece.hashCode();
    }
  }
}
