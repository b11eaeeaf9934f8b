package dev.rehearsal.index;

import dev.rehearsal.model.Deploy;
import dev.rehearsal.model.EnvironmentFact;
import dev.rehearsal.model.ImportedRecord;
import dev.rehearsal.model.Incident;
import dev.rehearsal.model.StagingRun;
import dev.rehearsal.settings.ServiceNames;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.queryparser.classic.QueryParserBase;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/** Runs a {@link SearchRequest} against a searcher. */
final class Search {
  private static final Set<DocKind> RECORD_KINDS =
      EnumSet.of(DocKind.INCIDENT, DocKind.DEPLOY, DocKind.RUN, DocKind.FACT);

  private Search() {}

  /** What the incidents' findings say, by incident key; queries on verdicts and gaps read it. */
  @FunctionalInterface
  interface Findings {
    Map<String, FindingSummary> byIncident() throws IOException;

    /**
     * Who made each incident's review in force, by incident key; none when nothing was reviewed.
     */
    default Map<String, String> reviewers() throws IOException {
      return Map.of();
    }

    /** No findings: verdict, gap, confidence and reviewed match nothing. */
    Findings NONE = Map::of;
  }

  /** Parses user query syntax, with a message naming the problem when it is not valid. */
  static Query parse(String text) {
    return parse(text, ServiceNames.defaults(), Findings.NONE);
  }

  static Query parse(String text, ServiceNames names, Findings findings) {
    if (text == null || text.isBlank()) {
      return new MatchAllDocsQuery();
    }
    return parse(text, new DefaultFieldsParser(names, findings));
  }

  /** Parses user query syntax with a parser of it (the local one, or one that translates). */
  static Query parse(String text, DefaultFieldsParser p) {
    p.setAllowLeadingWildcard(true);
    p.setDefaultOperator(QueryParser.Operator.AND);
    p.setSplitOnWhitespace(true);
    p.setAutoGeneratePhraseQueries(true); // "v2.14.3" and "OrderIT.placesOrder" stay together
    try {
      return p.parse(text);
    } catch (ParseException e) {
      String msg = e.getMessage();
      int nl = msg.indexOf('\n');
      String first = nl > 0 ? msg.substring(0, nl) : msg;
      first = first.replace("Cannot parse '" + text + "': ", "");
      throw new SearchSyntaxException(
          "the query \""
              + text
              + "\" is not valid search syntax: "
              + plainWords(first)
              + ". Quote phrases, escape special characters ("
              + "+ - && || ! ( ) { } [ ] ^ "
              + "\" ~ * ? : \\ /) with a backslash, e.g. "
              + QueryParserBase.escape(text),
          e);
    } catch (IllegalArgumentException e) {
      throw new SearchSyntaxException(
          "the query \"" + text + "\" cannot be run: " + e.getMessage(), e);
    }
  }

  /**
   * The parser's message in words a user reads: "Encountered "<EOF>" at line 1, column 12. Was
   * expecting one of: ..." becomes "it ends at character 12 where more was expected (a closing
   * parenthesis or quote?)".
   */
  static String plainWords(String parserMessage) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(
                "Encountered \"\\s*(.*?)\\s*\" at line (\\d+), column (\\d+)\\.?.*",
                java.util.regex.Pattern.DOTALL)
            .matcher(parserMessage);
    if (m.matches()) {
      String what = m.group(1);
      int column = Integer.parseInt(m.group(3));
      if (what.contains("<EOF>")) {
        return "it ends at character "
            + column
            + " where more was expected (a closing parenthesis, bracket or quote, or a word"
            + " after AND, OR, NOT or a field name?)";
      }
      String token = what.replaceAll("^<[A-Z_]+>\\s*", "").replace("\"", "").strip();
      return "\""
          + (token.isEmpty() ? what : token)
          + "\" at character "
          + column
          + " is not expected there";
    }
    if (parserMessage.startsWith("Lexical error")) {
      java.util.regex.Matcher l =
          java.util.regex.Pattern.compile(".*column (\\d+)\\..*", java.util.regex.Pattern.DOTALL)
              .matcher(parserMessage);
      return "a quote or escape is left open"
          + (l.matches() ? " (near character " + l.group(1) + ")" : "");
    }
    return parserMessage;
  }

  /**
   * A query parser whose default is every field in {@link Schema#DEFAULT_SEARCH_FIELDS}; a bare
   * word that looks like a commit (7 to 40 hex characters) also matches commits that start with it.
   * {@code verdict:}, {@code gap:}, {@code reviewed:} and {@code confidence:[a TO b]} select
   * incidents by their findings; {@code environment:} is {@code env:}.
   */
  static class DefaultFieldsParser
      extends org.apache.lucene.queryparser.classic.MultiFieldQueryParser {
    private final ServiceNames names;
    private final Findings findings;

    DefaultFieldsParser(ServiceNames names, Findings findings) {
      super(Schema.DEFAULT_SEARCH_FIELDS, Schema.analyzer());
      this.names = names;
      this.findings = findings;
    }

    /**
     * A quoted value ({@code service:"Checkout API"}, {@code gap:("config")}) comes here; the
     * parser's own version would skip the fields answered above.
     */
    @Override
    protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
      if (field != null
          && (Schema.SERVICE.equals(field)
              || Schema.ENVIRONMENT.equals(field)
              || Schema.VERDICT.equals(field)
              || Schema.GAP.equals(field)
              || Schema.REVIEWED.equals(field)
              || Schema.REVIEWER.equals(field)
              || Schema.CONFIDENCE.equals(field))) {
        return getFieldQuery(field, queryText, true);
      }
      return super.getFieldQuery(field, queryText, slop);
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, boolean quoted)
        throws ParseException {
      if (Schema.SERVICE.equals(field)) {
        return service(queryText, names);
      }
      if (Schema.ENVIRONMENT.equals(field)) {
        return super.getFieldQuery(Schema.ENV, queryText, quoted);
      }
      if (Schema.VERDICT.equals(field)) {
        try {
          return finding(
              field, dev.rehearsal.model.Verdict.parse(queryText).name().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          throw new ParseException(e.getMessage());
        }
      }
      if (Schema.GAP.equals(field)) {
        try {
          return finding(field, dev.rehearsal.model.Gap.parse(queryText).code());
        } catch (IllegalArgumentException e) {
          throw new ParseException(e.getMessage());
        }
      }
      if (Schema.REVIEWED.equals(field)) {
        Boolean yes = Schema.reviewedValue(queryText);
        if (yes == null) {
          throw new ParseException("reviewed: takes yes or no, not '" + queryText + "'");
        }
        return finding(field, yes ? "yes" : "no");
      }
      if (Schema.REVIEWER.equals(field)) {
        return finding(field, queryText.strip());
      }
      if (Schema.CONFIDENCE.equals(field)) {
        return confidence(number(queryText), Double.POSITIVE_INFINITY, true, true);
      }
      Query q = super.getFieldQuery(field, queryText, quoted);
      if (field == null && !quoted && queryText.matches("(?i)[0-9a-f]{7,40}")) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        if (q != null) {
          b.add(q, BooleanClause.Occur.SHOULD);
        }
        b.add(
            new org.apache.lucene.search.PrefixQuery(
                new Term(Schema.COMMIT, queryText.toLowerCase(Locale.ROOT))),
            BooleanClause.Occur.SHOULD);
        return b.build();
      }
      return q;
    }

    @Override
    protected Query getRangeQuery(
        String field, String part1, String part2, boolean startInclusive, boolean endInclusive)
        throws ParseException {
      if (Schema.CONFIDENCE.equals(field)) {
        double lo = part1 == null || part1.equals("*") ? Double.NEGATIVE_INFINITY : number(part1);
        double hi = part2 == null || part2.equals("*") ? Double.POSITIVE_INFINITY : number(part2);
        return confidence(lo, hi, startInclusive, endInclusive);
      }
      if (Schema.ENVIRONMENT.equals(field)) {
        return super.getRangeQuery(Schema.ENV, part1, part2, startInclusive, endInclusive);
      }
      return super.getRangeQuery(field, part1, part2, startInclusive, endInclusive);
    }

    private static double number(String text) throws ParseException {
      try {
        return Double.parseDouble(text.strip());
      } catch (NumberFormatException e) {
        throw new ParseException("confidence: takes a number from 0 to 1, not '" + text + "'");
      }
    }

    /**
     * The incidents whose finding (or review in force) holds a value: {@code verdict:} a verdict's
     * code, {@code gap:} a gap's code, {@code reviewed:} yes or no, {@code reviewer:} a name, read
     * without regard to case.
     */
    Query finding(String field, String value) {
      switch (field) {
        case Schema.VERDICT:
          return byFinding(f -> f.verdict().equals(value));
        case Schema.GAP:
          return byFinding(f -> f.gaps().contains(value));
        case Schema.REVIEWED:
          boolean yes = value.equals("yes");
          return byFinding(f -> f.reviewed() == yes);
        default:
          return incidentsWhere(findings::reviewers, reviewer -> reviewer.equalsIgnoreCase(value));
      }
    }

    /** The records whose numbers of a field are in a range, both ends included. */
    Query numbers(String field, long lo, long hi) {
      return LongField.newRangeQuery(field, lo, hi);
    }

    /** The incidents with a finding whose confidence is in a range. */
    Query confidence(double lo, double hi, boolean loInclusive, boolean hiInclusive) {
      return byFinding(
          f -> {
            double c = f.confidence();
            return !f.verdict().isEmpty()
                && (loInclusive ? c >= lo : c > lo)
                && (hiInclusive ? c <= hi : c < hi);
          });
    }

    /** The incidents whose finding says something. */
    private Query byFinding(java.util.function.Predicate<FindingSummary> test) {
      return incidentsWhere(findings::byIncident, test);
    }

    /** Something read per incident key (its finding, its reviewer), read when asked for. */
    private interface PerIncident<V> {
      Map<String, V> read() throws IOException;
    }

    /** The incidents whose value passes the test. */
    private static <V> Query incidentsWhere(
        PerIncident<V> values, java.util.function.Predicate<V> test) {
      List<String> keys = new ArrayList<>();
      try {
        values
            .read()
            .forEach(
                (k, v) -> {
                  if (test.test(v)) {
                    keys.add(k);
                  }
                });
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      return keys(keys);
    }
  }

  /** The documents with one of these keys. */
  static Query keys(java.util.Collection<String> keys) {
    if (keys.isEmpty()) {
      return new org.apache.lucene.search.MatchNoDocsQuery("no such incidents");
    }
    List<org.apache.lucene.util.BytesRef> terms = new ArrayList<>(keys.size());
    for (String k : keys) {
      terms.add(new org.apache.lucene.util.BytesRef(k));
    }
    return new org.apache.lucene.search.TermInSetQuery(Schema.KEY, terms);
  }

  /**
   * A service as the index holds it: its canonical name, and the names inferred to mean it (records
   * imported before an inference keep the name they were indexed with).
   */
  static Query service(String service, ServiceNames names) {
    String asked = service.strip().toLowerCase(Locale.ROOT);
    String target = names.canonical(asked);
    Set<String> all = new java.util.TreeSet<>();
    all.add(asked);
    if (!target.isEmpty()) {
      all.add(target);
    }
    for (var e : names.inferred().entrySet()) {
      if (e.getValue().equals(target)) {
        all.add(e.getKey());
      }
    }
    if (all.size() == 1) {
      return new TermQuery(new Term(Schema.SERVICE, asked));
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (String n : all) {
      b.add(new TermQuery(new Term(Schema.SERVICE, n)), BooleanClause.Occur.SHOULD);
    }
    return b.build();
  }

  static Query filtered(SearchRequest r) {
    return filtered(r, ServiceNames.defaults(), Findings.NONE);
  }

  static Query filtered(SearchRequest r, ServiceNames names) {
    return filtered(r, names, Findings.NONE);
  }

  static Query filtered(SearchRequest r, ServiceNames names, Findings findings) {
    return filtered(r, names, new DefaultFieldsParser(names, findings));
  }

  /**
   * A request's query, required, and its kinds, service, environment and time range as filters; the
   * query read by {@code parser} (the local one, or one that translates).
   */
  static Query filtered(SearchRequest r, ServiceNames names, DefaultFieldsParser parser) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(
        r.query() == null || r.query().isBlank()
            ? new MatchAllDocsQuery()
            : parse(r.query(), parser),
        BooleanClause.Occur.MUST);
    Set<DocKind> kinds = r.kinds().isEmpty() ? RECORD_KINDS : r.kinds();
    BooleanQuery.Builder kq = new BooleanQuery.Builder();
    for (DocKind k : kinds) {
      kq.add(new TermQuery(new Term(Schema.KIND, k.code())), BooleanClause.Occur.SHOULD);
    }
    b.add(kq.build(), BooleanClause.Occur.FILTER);
    if (r.service() != null && !r.service().isBlank()) {
      b.add(service(r.service(), names), BooleanClause.Occur.FILTER);
    }
    if (r.environment() != null && !r.environment().isBlank()) {
      b.add(
          new TermQuery(new Term(Schema.ENV, r.environment().toLowerCase(Locale.ROOT))),
          BooleanClause.Occur.FILTER);
    }
    if (r.from() != null || r.to() != null) {
      // from its start to just before its end
      long lo = r.from() == null ? Long.MIN_VALUE : r.from().toEpochMilli();
      long hi = r.to() == null ? Long.MAX_VALUE : r.to().toEpochMilli() - 1;
      b.add(parser.numbers(Schema.TIME, lo, hi), BooleanClause.Occur.FILTER);
    }
    return b.build();
  }

  static SearchResult run(IndexSearcher s, SearchRequest r, RecordCodec codec) throws IOException {
    return run(s, r, codec, Findings.NONE);
  }

  static SearchResult run(IndexSearcher s, SearchRequest r, RecordCodec codec, Findings findings)
      throws IOException {
    long t0 = System.nanoTime();
    Query q = filtered(r, codec.services(), findings);
    int n = r.offset() + r.limit();
    TopDocs top;
    if (r.sort() == SearchRequest.Sort.RELEVANCE) {
      // incidents alone are scored as if the index held nothing else (IncidentStatistics)
      IndexSearcher scoring =
          r.kinds().equals(Set.of(DocKind.INCIDENT)) ? IncidentStatistics.of(s) : s;
      // best first; records that score the same in key order (not the order they were written
      // in, which a re-import changes), as the team store orders them
      top =
          scoring.search(
              q,
              new TopFieldCollectorManager(
                  new Sort(SortField.FIELD_SCORE, new SortField(Schema.KEY, SortField.Type.STRING)),
                  Math.max(1, n),
                  null,
                  Integer.MAX_VALUE,
                  true));
    } else {
      SortField sf =
          new SortedNumericSortField(
              Schema.TIME, SortField.Type.LONG, r.sort() == SearchRequest.Sort.NEWEST);
      // records of the same time in key order, as the team store orders them
      top =
          s.search(
              q,
              new TopFieldCollectorManager(
                  new Sort(sf, new SortField(Schema.KEY, SortField.Type.STRING)),
                  Math.max(1, n),
                  null,
                  Integer.MAX_VALUE,
                  true));
    }
    long total = top.totalHits.value;
    List<ScoreDoc> page = new ArrayList<>();
    for (int i = r.offset(); i < top.scoreDocs.length && i < n; i++) {
      page.add(top.scoreDocs[i]);
    }
    Map<String, String[]> snippets = new HashMap<>();
    if (r.highlight() && !page.isEmpty() && !r.query().isBlank()) {
      snippets = highlight(s, parse(r.query()), page);
    }
    List<SearchHit> hits = new ArrayList<>();
    for (int i = 0; i < page.size(); i++) {
      ScoreDoc sd = page.get(i);
      Document d = s.storedFields().document(sd.doc, Set.of(Schema.KEY, Schema.STORED));
      String key = d.get(Schema.KEY);
      DocKind kind = DocKind.fromCode(key.substring(0, key.indexOf('/')));
      ImportedRecord rec =
          codec.decode(d.getBinaryValue(Schema.STORED), RecordCodec.recordClass(kind));
      List<String> sn = new ArrayList<>();
      for (String field : Schema.HIGHLIGHT_FIELDS) {
        String[] arr = snippets.get(field);
        if (arr != null && arr[i] != null && !arr[i].isBlank()) {
          sn.add(arr[i]);
        }
      }
      hits.add(
          new SearchHit(
              key, kind, rec.time(), title(rec), rec, sn, Float.isNaN(sd.score) ? 0f : sd.score));
    }
    return new SearchResult(total, hits, (System.nanoTime() - t0) / 1_000_000);
  }

  private static Map<String, String[]> highlight(IndexSearcher s, Query q, List<ScoreDoc> page)
      throws IOException {
    UnifiedHighlighter hl =
        UnifiedHighlighter.builder(s, Schema.analyzer())
            .withFieldMatcher(f -> true)
            // term-based matching: the query targets the catch-all field, the snippets come from
            // title, body and tests (weight-based matching would only see the catch-all field)
            .withFlags(
                java.util.EnumSet.of(
                    UnifiedHighlighter.HighlightFlag.PHRASES,
                    UnifiedHighlighter.HighlightFlag.MULTI_TERM_QUERY))
            .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " ... ", true))
            .withMaxLength(20_000)
            .withMaxNoHighlightPassages(0)
            .build();
    int[] docs = new int[page.size()];
    int[] passages = new int[Schema.HIGHLIGHT_FIELDS.length];
    for (int i = 0; i < docs.length; i++) {
      docs[i] = page.get(i).doc;
    }
    java.util.Arrays.fill(passages, 2);
    // highlightFields wants doc ids sorted; it returns results in the given order
    return hl.highlightFields(Schema.HIGHLIGHT_FIELDS, q, docs, passages);
  }

  static String title(ImportedRecord r) {
    if (r instanceof Incident i) {
      return (i.reference().isEmpty() ? "" : i.reference() + " ") + i.title();
    }
    if (r instanceof Deploy d) {
      String what = d.version().isEmpty() ? shortSha(d.commitSha()) : d.version();
      return d.service()
          + " "
          + what
          + " to "
          + d.environment()
          + " ("
          + d.status().name().toLowerCase(Locale.ROOT)
          + ")";
    }
    if (r instanceof StagingRun run) {
      return run.service()
          + " "
          + run.version()
          + " "
          + run.suite()
          + " on "
          + run.environment()
          + ": "
          + run.outcome().name().toLowerCase(Locale.ROOT);
    }
    if (r instanceof EnvironmentFact f) {
      return f.type().name().toLowerCase(Locale.ROOT)
          + " "
          + f.environment()
          + " "
          + (f.service().isEmpty() ? "" : f.service() + " ")
          + f.subject();
    }
    return r.key();
  }

  private static String shortSha(String sha) {
    return sha.length() > 8 ? sha.substring(0, 8) : sha;
  }

  static Instant epoch(long ms) {
    return Instant.ofEpochMilli(ms);
  }
}
