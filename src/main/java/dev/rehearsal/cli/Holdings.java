package dev.rehearsal.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a workspace holds after an import, in the units {@code stats} uses, and why an import's
 * accepted records can outnumber them: a record two files give is stored once.
 */
final class Holdings {
  private Holdings() {}

  private static final Map<String, String[]> NAMES =
      Map.of(
          "incident", new String[] {"incident", "incidents"},
          "deploy", new String[] {"deploy", "deploys"},
          "run", new String[] {"staging run", "staging runs"},
          "fact", new String[] {"fact", "facts"});

  private static final Map<String, String> REPEATS =
      Map.of(
          "incident", "the same incident in two exports",
          "deploy", "the same deploy in two exports",
          "run", "the same staging run in two result files",
          "fact",
              "a fact (one service, environment, subject and time) given again by another file"
                  + " or a later snapshot");

  /**
   * "The workspace holds 400 incidents, …", then, for each kind of which {@code accepted} (this
   * import's accepted records) exceeds what is stored, why.
   */
  static void print(PrintWriter out, Map<String, Long> accepted, Map<String, Long> stored) {
    List<String> parts = new ArrayList<>();
    stored.forEach((kind, n) -> parts.add(String.format("%,d %s", n, name(kind, n))));
    out.println("The workspace holds " + join(parts) + ".");
    stored.forEach(
        (kind, n) -> {
          long a = accepted.getOrDefault(kind, 0L);
          if (a > n) {
            out.printf(
                "  %,d %s records accepted, %,d stored: %s is stored once.%n",
                a,
                NAMES.getOrDefault(kind, new String[] {kind, kind})[0],
                n,
                REPEATS.getOrDefault(kind, "a record given twice"));
          }
        });
  }

  private static String name(String kind, long n) {
    String[] names = NAMES.getOrDefault(kind, new String[] {kind, kind});
    return n == 1 ? names[0] : names[1];
  }

  private static String join(List<String> parts) {
    if (parts.size() <= 1) {
      return String.join("", parts);
    }
    return String.join(", ", parts.subList(0, parts.size() - 1))
        + " and "
        + parts.get(parts.size() - 1);
  }
}
