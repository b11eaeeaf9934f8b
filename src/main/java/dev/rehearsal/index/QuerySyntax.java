package dev.rehearsal.index;

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
}
