package dev.rehearsal.store.opensearch;

import dev.rehearsal.index.Schema;
import dev.rehearsal.model.Gap;
import dev.rehearsal.model.Verdict;
import dev.rehearsal.settings.ServiceNames;
import java.util.List;
import java.util.Locale;

/**
 * A query's values for the fields the local search reads its own way, written as the team store
 * holds them, so that both stores answer one query alike:
 *
 * <ul>
 *   <li>{@code service:payments-api} and {@code service:"Payments API"} become {@code
 *       service:"payments"} when the workspace's names say so;
 *   <li>{@code verdict:passed} becomes {@code verdict:"escape"} and {@code gap:mock} {@code
 *       gap:"mocks"}: the words {@link Verdict#parse} and {@link Gap#parse} accept, as the codes a
 *       push writes;
 *   <li>{@code reviewed:true} (or y, 1) becomes {@code reviewed:"yes"}, and no, false, n, 0 {@code
 *       reviewed:"no"}; {@code reviewer:Dana} becomes {@code reviewer:"dana"} (a name is read
 *       without regard to case);
 *   <li>{@code confidence:0.9} becomes {@code confidence:[0.9 TO *]}: locally a number alone means
 *       "at least" (a range is left as written: both read it alike).
 * </ul>
 *
 * Only a plain value (a word, or a quoted phrase) is rewritten; a group ({@code service:(a OR b)}),
 * a wildcard or a range is left as written, as is everything inside quotes and a value the local
 * search would refuse (the query is checked locally before it is sent).
 */
final class StoreTerms {
  private StoreTerms() {}

  /** The query with each field's plain values written as the store holds them. */
  static String asStored(String query, ServiceNames names) {
    if (query == null || query.indexOf(':') < 0) {
      return query;
    }
    StringBuilder out = new StringBuilder(query.length() + 16);
    int i = 0;
    int n = query.length();
    while (i < n) {
      char c = query.charAt(i);
      if (c == '"') {
        int end = closingQuote(query, i);
        out.append(query, i, end);
        i = end;
        continue;
      }
      if (c == '\\' && i + 1 < n) {
        out.append(c).append(query.charAt(i + 1));
        i += 2;
        continue;
      }
      String field = fieldAt(query, i);
      if (field != null) {
        int from = i + field.length() + 1;
        int end;
        String value;
        if (from < n && query.charAt(from) == '"') {
          end = closingQuote(query, from);
          value = query.substring(from + 1, Math.max(from + 1, end - 1));
        } else {
          end = from;
          while (end < n
              && !Character.isWhitespace(query.charAt(end))
              && "()".indexOf(query.charAt(end)) < 0) {
            end++;
          }
          value = query.substring(from, end);
        }
        String term = plain(value) ? stored(field, value, names) : null;
        out.append(term == null ? query.substring(i, end) : term);
        i = end;
        continue;
      }
      out.append(c);
      i++;
    }
    return out.toString();
  }

  /** The fields rewritten, each followed by ':' in a query. */
  private static final List<String> FIELDS =
      List.of(
          Schema.SERVICE,
          Schema.VERDICT,
          Schema.GAP,
          Schema.REVIEWED,
          Schema.REVIEWER,
          Schema.CONFIDENCE);

  /** The field whose term starts at {@code at}, or null. */
  private static String fieldAt(String q, int at) {
    for (String field : FIELDS) {
      if (q.startsWith(field, at)
          && at + field.length() < q.length()
          && q.charAt(at + field.length()) == ':'
          && startsATerm(q, at)) {
        return field;
      }
    }
    return null;
  }

  /** A plain value's term as the store holds it, or null to leave it as written. */
  private static String stored(String field, String value, ServiceNames names) {
    switch (field) {
      case Schema.SERVICE:
        String name = names.canonical(value);
        return name.isEmpty() ? null : quoted(field, name);
      case Schema.VERDICT:
        try {
          return quoted(field, Verdict.parse(value).name().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          return null;
        }
      case Schema.GAP:
        try {
          return quoted(field, Gap.parse(value).code());
        } catch (IllegalArgumentException e) {
          return null;
        }
      case Schema.REVIEWED:
        Boolean yes = Schema.reviewedValue(value);
        return yes == null ? null : quoted(field, yes ? "yes" : "no");
      case Schema.REVIEWER:
        return quoted(field, value.strip().toLowerCase(Locale.ROOT));
      case Schema.CONFIDENCE:
        try {
          double at = Double.parseDouble(value.strip());
          return field + ":[" + at + " TO *]";
        } catch (NumberFormatException e) {
          return null;
        }
      default:
        return null;
    }
  }

  private static String quoted(String field, String value) {
    return field + ":\"" + value.replace("\"", "\\\"") + "\"";
  }

  /** Whether a field's name at {@code at} starts a term (not the end of another field's name). */
  private static boolean startsATerm(String q, int at) {
    if (at == 0) {
      return true;
    }
    char before = q.charAt(at - 1);
    return Character.isWhitespace(before) || "(+-!".indexOf(before) >= 0;
  }

  /** Where a quoted phrase that opens at {@code open} ends (after its closing quote). */
  private static int closingQuote(String q, int open) {
    int i = open + 1;
    while (i < q.length()) {
      char c = q.charAt(i);
      if (c == '\\') {
        i += 2;
        continue;
      }
      if (c == '"') {
        return i + 1;
      }
      i++;
    }
    return q.length();
  }

  /** A value the local search reads as a name: not empty, no wildcard, no boost or fuzziness. */
  private static boolean plain(String value) {
    if (value.isBlank()) {
      return false;
    }
    for (char c : value.toCharArray()) {
      if ("*?~^[]{}\\".indexOf(c) >= 0) {
        return false;
      }
    }
    return true;
  }
}
