package dev.rehearsal.store.opensearch;

import dev.rehearsal.settings.ServiceNames;

/**
 * A query's {@code service:} terms in the canonical names the team store holds, as the local search
 * reads them: {@code service:payments-api} and {@code service:"Payments API"} become {@code
 * service:"payments"} when the workspace's names say so. Only a plain value (a word, or a quoted
 * phrase) is rewritten; a group ({@code service:(a OR b)}), a wildcard or a range is left as
 * written, as is everything inside quotes.
 */
final class ServiceTerms {
  private static final String FIELD = "service:";

  private ServiceTerms() {}

  static String canonical(String query, ServiceNames names) {
    if (query == null || !query.contains(FIELD)) {
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
      if (query.startsWith(FIELD, i) && startsATerm(query, i)) {
        int from = i + FIELD.length();
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
        String target = plain(value) ? names.canonical(value) : "";
        if (target.isEmpty()) {
          out.append(query, i, end);
        } else {
          out.append(FIELD).append('"').append(target.replace("\"", "\\\"")).append('"');
        }
        i = end;
        continue;
      }
      out.append(c);
      i++;
    }
    return out.toString();
  }

  /** Whether "service:" at {@code at} starts a term (not the end of another field's name). */
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
