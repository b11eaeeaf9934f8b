package dev.rehearsal.index;

/** A query that is not valid Lucene syntax; the message says where and what. */
public final class SearchSyntaxException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public SearchSyntaxException(String message, Throwable cause) {
    super(message, cause);
  }
}
