package dev.rehearsal.app;

import dev.rehearsal.index.DocKind;
import dev.rehearsal.index.FindingSummary;
import dev.rehearsal.index.RowOrder;
import dev.rehearsal.index.Schema;
import dev.rehearsal.index.SearchHit;
import dev.rehearsal.index.SearchRequest;
import dev.rehearsal.index.SortedRows;
import dev.rehearsal.index.Workspace;
import dev.rehearsal.model.Deploy;
import dev.rehearsal.model.EnvironmentFact;
import dev.rehearsal.model.Evidence;
import dev.rehearsal.model.IncidentRow;
import dev.rehearsal.model.RecordKind;
import dev.rehearsal.model.Rejection;
import dev.rehearsal.model.StagingRun;
import java.io.Closeable;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The tables: incidents, deploys, staging runs, facts and rejections, each the rows a search
 * matches in the order asked (newest first unless told), read a page at a time so that a million
 * rows never sit in memory; the values a column holds, for its filter; and the search across
 * everything, with the passages that matched marked.
 */
public final class Rows implements Tables {
  /** The columns a table can be ordered and filtered by; values are the index's field names. */
  public static final String TIME = Schema.TIME;

  public static final String SERVICE = Schema.SERVICE;
  public static final String ENVIRONMENT = Schema.ENV;
  public static final String STATUS = Schema.STATUS;
  public static final String VERSION = Schema.VERSION_FIELD;
  public static final String SEVERITY = Schema.SEVERITY;
  public static final String SUITE = Schema.SUITE;

  /** A run's type (tests, load) or a fact's subject. */
  public static final String SUBTYPE = Schema.SUBTYPE;

  public static final String VALUE = Schema.VALUE;
  public static final String VERDICT = Schema.VERDICT;
  public static final String GAP = Schema.GAP;
  public static final String CONFIDENCE = Schema.CONFIDENCE;
  public static final String REVIEWED = Schema.REVIEWED;

  /** The columns whose values come from the incidents' findings. */
  private static final Set<String> FROM_FINDINGS = Set.of(VERDICT, GAP, REVIEWED);

  private final Workspace ws;

  Rows(Workspace ws) {
    this.ws = ws;
  }

  /** The tables. */
  public enum Table {
    INCIDENTS(DocKind.INCIDENT),
    DEPLOYS(DocKind.DEPLOY),
    RUNS(DocKind.RUN),
    FACTS(DocKind.FACT);

    private final DocKind kind;

    Table(DocKind kind) {
      this.kind = kind;
    }

    DocKind kind() {
      return kind;
    }
  }

  /** A table's order: a column, and which way. */
  public record Order(String column, boolean descending) {
    public static final Order NEWEST = new Order(TIME, true);

    public Order {
      column = column == null || column.isBlank() ? TIME : column;
    }

    RowOrder index() {
      return new RowOrder(column, descending);
    }
  }

  /** A search the query syntax does not allow; the message says what is wrong and where. */
  public static final class QuerySyntaxException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public QuerySyntaxException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** Runs a search step, turning the index's syntax error into this layer's. */
  private interface Step<T> {
    T run() throws IOException;
  }

  private static <T> T parsed(Step<T> step) throws IOException {
    try {
      return step.run();
    } catch (dev.rehearsal.index.SearchSyntaxException e) {
      throw new QuerySyntaxException(e.getMessage(), e);
    }
  }

  /** Rows read a page at a time from one view of the workspace; close when done. */
  public interface Source<T> extends Closeable {
    int size();

    /** Rows {@code from} to {@code from + count} (fewer at the end). */
    List<T> page(int from, int count);
  }

  /** The incidents a search matches (Lucene syntax; blank for all), with their findings. */
  public Source<IncidentRow> incidents(String query) throws IOException {
    return incidents(query, Order.NEWEST);
  }

  /** The incidents a search matches, in an order. */
  @Override
  public Source<IncidentRow> incidents(String query, Order order) throws IOException {
    return wrap(parsed(() -> ws.records().incidentRows(query, null, order.index())));
  }

  /**
   * The incidents among the given keys (the incidents behind a figure of the dashboard) that a
   * search matches, in an order.
   */
  public Source<IncidentRow> incidentsAmong(Collection<String> keys, String query, Order order)
      throws IOException {
    return wrap(parsed(() -> ws.records().incidentRows(query, keys, order.index())));
  }

  /** The deploys a search matches. */
  public Source<Deploy> deploys(String query) throws IOException {
    return deploys(query, Order.NEWEST);
  }

  @Override
  public Source<Deploy> deploys(String query, Order order) throws IOException {
    return wrap(
        parsed(
            () -> ws.records().rows(filter(query, DocKind.DEPLOY), order.index(), Deploy.class)));
  }

  /** The staging runs a search matches. */
  public Source<StagingRun> runs(String query) throws IOException {
    return runs(query, Order.NEWEST);
  }

  @Override
  public Source<StagingRun> runs(String query, Order order) throws IOException {
    return wrap(
        parsed(
            () -> ws.records().rows(filter(query, DocKind.RUN), order.index(), StagingRun.class)));
  }

  /** The environment facts a search matches. */
  public Source<EnvironmentFact> facts(String query) throws IOException {
    return facts(query, Order.NEWEST);
  }

  @Override
  public Source<EnvironmentFact> facts(String query, Order order) throws IOException {
    return wrap(
        parsed(
            () ->
                ws.records()
                    .rows(filter(query, DocKind.FACT), order.index(), EnvironmentFact.class)));
  }

  /** The records imports rejected, of one file or all ({@code file} null). */
  public List<Rejection> rejections(String file, int max) throws IOException {
    return ws.records().rejections(file, max);
  }

  /**
   * The values a column of a table holds, with how many rows hold each, most first: what its filter
   * offers. Verdicts, gaps and review state come from the incidents' findings.
   */
  @Override
  public Map<String, Long> values(Table table, String column) throws IOException {
    Map<String, Long> counts = new TreeMap<>();
    if (table == Table.INCIDENTS && FROM_FINDINGS.contains(column)) {
      for (FindingSummary f : ws.records().findingSummaries().values()) {
        switch (column) {
          case VERDICT:
            counts.merge(f.verdict(), 1L, Long::sum);
            break;
          case GAP:
            f.gaps().forEach(g -> counts.merge(g, 1L, Long::sum));
            break;
          default:
            counts.merge(f.reviewed() ? "yes" : "no", 1L, Long::sum);
        }
      }
    } else {
      counts.putAll(ws.facets().valueCounts(table.kind, column));
    }
    return mostFirst(counts);
  }

  /** Values with their counts, most first, then by value. */
  static Map<String, Long> mostFirst(Map<String, Long> counts) {
    List<Map.Entry<String, Long>> sorted = new ArrayList<>(counts.entrySet());
    sorted.sort(
        Map.Entry.<String, Long>comparingByValue()
            .reversed()
            .thenComparing(Map.Entry.comparingByKey()));
    Map<String, Long> out = new LinkedHashMap<>();
    sorted.forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  /**
   * A search with column filters added: each column must hold one of the values chosen for it
   * ({@code service:("checkout" OR "payments")}). The user's query keeps its own syntax; the
   * filters' values are quoted, so any character in them is taken as written.
   */
  public static String withFilters(
      String query, Map<String, ? extends Collection<String>> filters) {
    StringBuilder sb = new StringBuilder();
    String q = query == null ? "" : query.strip();
    if (filters.values().stream().allMatch(v -> v == null || v.isEmpty())) {
      return q;
    }
    if (!q.isEmpty()) {
      sb.append('(').append(q).append(')');
    }
    for (var e : filters.entrySet()) {
      if (e.getValue() == null || e.getValue().isEmpty()) {
        continue;
      }
      if (sb.length() > 0) {
        sb.append(" AND ");
      }
      sb.append(e.getKey()).append(":(");
      int i = 0;
      for (String v : e.getValue()) {
        sb.append(i++ > 0 ? " OR " : "").append(quoted(v));
      }
      sb.append(')');
    }
    return sb.toString();
  }

  /** A value as a quoted term of the query syntax. */
  static String quoted(String v) {
    return "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /**
   * One record a search found.
   *
   * @param title what it is in a line ("OPS-126 Checkout latency above SLO", "checkout 2.14.3 to
   *     production (succeeded)")
   * @param snippets the passages of its text where the search matched, the matches marked
   */
  public record Hit(
      String key, RecordKind kind, Instant time, String title, List<Evidence.Passage> snippets) {}

  /** A page of what a search found, with how many there are in all and how long it took. */
  public record Found(long total, List<Hit> hits, long millis) {}

  /**
   * A page of a search in Lucene syntax across everything imported (or the kinds given), newest
   * first, with the passages that matched; a syntax error throws {@link QuerySyntaxException}
   * saying what is wrong and where.
   */
  public Found find(String query, Set<RecordKind> kinds, int offset, int limit) throws IOException {
    Set<DocKind> k = EnumSet.noneOf(DocKind.class);
    for (RecordKind r : kinds == null ? Set.<RecordKind>of() : kinds) {
      k.add(DocKind.of(r));
    }
    SearchRequest r =
        SearchRequest.of(query)
            .withKinds(k)
            .withPage(offset, Math.min(limit, SearchRequest.MAX_LIMIT))
            .withHighlight(true);
    var result = search(r);
    List<Hit> hits = new ArrayList<>();
    for (SearchHit h : result.hits()) {
      List<Evidence.Passage> snippets = new ArrayList<>();
      for (String s : h.snippets()) {
        snippets.add(passage(s));
      }
      hits.add(new Hit(h.key(), h.record().kind(), h.time(), h.title(), snippets));
    }
    return new Found(result.total(), hits, result.millis());
  }

  /**
   * A search in Lucene syntax across everything imported, a page of hits with highlighted snippets;
   * a syntax error throws {@link QuerySyntaxException} saying what is wrong and where.
   */
  public dev.rehearsal.index.SearchResult search(SearchRequest request) throws IOException {
    return parsed(() -> ws.records().search(request));
  }

  /**
   * A highlighted snippet (HTML-escaped text, matches between {@code <mark>} and {@code </mark>})
   * as a passage whose marks are character spans of the plain text.
   */
  static Evidence.Passage passage(String snippet) {
    StringBuilder text = new StringBuilder(snippet.length());
    List<Evidence.Span> marks = new ArrayList<>();
    int markStart = -1;
    int i = 0;
    while (i < snippet.length()) {
      if (snippet.startsWith("<mark>", i)) {
        markStart = text.length();
        i += 6;
      } else if (snippet.startsWith("</mark>", i)) {
        if (markStart >= 0 && text.length() > markStart) {
          marks.add(new Evidence.Span(markStart, text.length()));
        }
        markStart = -1;
        i += 7;
      } else if (snippet.charAt(i) == '&') {
        int semi = snippet.indexOf(';', i);
        String entity = semi > i ? snippet.substring(i, semi + 1) : "";
        String plain = ENTITIES.get(entity.toLowerCase(Locale.ROOT));
        if (plain != null) {
          text.append(plain);
          i = semi + 1;
        } else {
          text.append('&');
          i++;
        }
      } else {
        char c = snippet.charAt(i++);
        text.append(c == '\n' || c == '\r' ? ' ' : c);
      }
    }
    return new Evidence.Passage("", text.toString(), marks);
  }

  private static final Map<String, String> ENTITIES =
      Map.of(
          "&lt;", "<",
          "&gt;", ">",
          "&quot;", "\"",
          "&#x27;", "'",
          "&#39;", "'",
          "&#x2f;", "/",
          "&amp;", "&");

  private static SearchRequest filter(String query, DocKind kind) {
    return SearchRequest.of(query).withKinds(Set.of(kind));
  }

  private static <T> Source<T> wrap(SortedRows<T> rows) {
    return new Source<>() {
      @Override
      public int size() {
        return rows.size();
      }

      @Override
      public List<T> page(int from, int count) {
        return rows.page(from, count);
      }

      @Override
      public void close() throws IOException {
        rows.close();
      }
    };
  }
}
