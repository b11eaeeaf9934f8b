package dev.rehearsal.index;

import dev.rehearsal.model.ImportedRecord;
import java.time.Instant;
import java.util.List;

/**
 * One hit: the record, its time and kind, and snippets where the query matched. Snippet text is
 * HTML-escaped with matches wrapped in {@code <mark>} and {@code </mark>}.
 */
public record SearchHit(
    String key,
    DocKind kind,
    Instant time,
    String title,
    ImportedRecord record,
    List<String> snippets,
    float score) {

  public SearchHit {
    snippets = List.copyOf(snippets);
  }

  /** A snippet with the marks turned into plain brackets, for a terminal. */
  public static String plain(String snippet) {
    return snippet
        .replace("<mark>", "[")
        .replace("</mark>", "]")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#x2F;", "/")
        .replace("&amp;", "&");
  }
}
