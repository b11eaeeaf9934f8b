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

  /** What a record is, in one line ("checkout 2.14.3 to production (succeeded)"). */
  public static String titleOf(ImportedRecord r) {
    return Search.title(r);
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
        .replace("&#39;", "'")
        .replace("&#x2F;", "/")
        .replace("&amp;", "&");
  }
}
