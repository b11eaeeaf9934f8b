package dev.rehearsal.app;

import dev.rehearsal.index.DocKind;
import dev.rehearsal.index.SearchRequest;
import dev.rehearsal.index.SortedRows;
import dev.rehearsal.index.Workspace;
import dev.rehearsal.model.Deploy;
import dev.rehearsal.model.EnvironmentFact;
import dev.rehearsal.model.IncidentRow;
import dev.rehearsal.model.Rejection;
import dev.rehearsal.model.StagingRun;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * The tables: incidents, deploys, staging runs, facts and rejections, each the rows a search
 * matches, newest first, read a page at a time so that a million rows never sit in memory.
 */
public final class Rows {
  private final Workspace ws;

  Rows(Workspace ws) {
    this.ws = ws;
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
    return wrap(parsed(() -> ws.records().incidentRows(query)));
  }

  /** The deploys a search matches. */
  public Source<Deploy> deploys(String query) throws IOException {
    return wrap(parsed(() -> ws.records().rows(filter(query, DocKind.DEPLOY), true, Deploy.class)));
  }

  /** The staging runs a search matches. */
  public Source<StagingRun> runs(String query) throws IOException {
    return wrap(
        parsed(() -> ws.records().rows(filter(query, DocKind.RUN), true, StagingRun.class)));
  }

  /** The environment facts a search matches. */
  public Source<EnvironmentFact> facts(String query) throws IOException {
    return wrap(
        parsed(() -> ws.records().rows(filter(query, DocKind.FACT), true, EnvironmentFact.class)));
  }

  /** The records imports rejected, of one file or all ({@code file} null). */
  public List<Rejection> rejections(String file, int max) throws IOException {
    return ws.records().rejections(file, max);
  }

  /**
   * A search in Lucene syntax across everything imported, a page of hits with highlighted snippets;
   * a syntax error throws {@link QuerySyntaxException} saying what is wrong and where.
   */
  public dev.rehearsal.index.SearchResult search(SearchRequest request) throws IOException {
    return parsed(() -> ws.records().search(request));
  }

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
