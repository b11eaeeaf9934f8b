package dev.rehearsal.prose;

/**
 * The literal pieces a pattern cannot match without, so that the pattern is tried only on text that
 * holds one of them. The patterns of this package are long alternations tried at every word of
 * every clause of every escape's text; most clauses hold none of their words, and looking for a few
 * pieces of text costs a fraction of trying each alternative at each word
 * (docs/performance-history.md, "the set-aside clauses screened"). A screen decides nothing: the
 * pattern still does, and {@code ScreenedPatternsTest} holds each screen to its pattern.
 *
 * <p>The patterns ignore case for ASCII letters only (Java's {@code (?i)} without Unicode case), so
 * the text is screened with its ASCII letters in lower case and every other character as it is.
 */
final class Screen {
  private final String[] pieces;

  private Screen(String[] pieces) {
    this.pieces = pieces;
  }

  /** A screen passing text that holds any of these pieces (lower case). */
  static Screen anyOf(String... pieces) {
    return new Screen(pieces.clone());
  }

  /** Whether the text, given by {@link #asciiLower}, holds one of the pieces. */
  boolean passes(String lower) {
    for (String piece : pieces) {
      if (lower.contains(piece)) {
        return true;
      }
    }
    return false;
  }

  /** The text with its ASCII capitals in lower case and every other character as it was. */
  static String asciiLower(String text) {
    char[] out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        if (out == null) {
          out = text.toCharArray();
        }
        out[i] = (char) (c + ('a' - 'A'));
      }
    }
    return out == null ? text : new String(out);
  }
}
