package dev.rehearsal.analysis;

import dev.rehearsal.model.Evidence;
import dev.rehearsal.settings.ServiceNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether an incident points at a dependency that staging mocks. Staging mocking something is
 * evidence for the mocks gap only when the incident is about that dependency; a service that stubs
 * a payment provider has many incidents that never touch it. The incident points at a dependency
 * when its text
 *
 * <ol>
 *   <li>names it: the whole name, or all its parts as words ("stripe", "payments gateway");
 *   <li>names an alias of it: a name the alias table gives for the same service (an internal
 *       dependency mocked in staging is often written the way another team writes it);
 *   <li>cites a call the mock stands in for: a path of the mock's stubs ("POST /v1/refunds"),
 *       compared segment by segment, a stub's pattern segment matching any one segment, with at
 *       least two segments in common (a leading dependency segment the stub adds, "/stripe/v1/…",
 *       may be missing from the text);
 *   <li>quotes an error code or exception that carries its name ("StripeCardError",
 *       "PAYPAL_TIMEOUT", "stripe.error.RateLimitError").
 * </ol>
 *
 * The first that holds is the pointer shown with the evidence. Nothing else counts: a mocked
 * dependency the incident does not point at adds no weight to the mocks gap.
 */
final class MockPointers {
  /** What in the incident points at the dependency, and how. */
  record Pointer(Evidence.PointedBy by, String text) {}

  private static final Pattern CALL =
      Pattern.compile(
          "\\b(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|ANY)\\s+(/[^\\s,;()]*)",
          Pattern.CASE_INSENSITIVE); // the store keeps fact values lowercased
  private static final Pattern CHARACTER_CLASS = Pattern.compile("\\[[^\\]]*\\]");
  private static final Pattern PATH = Pattern.compile("(?<![\\w/.:])(/[A-Za-z0-9_\\-{}.]+)+");

  /** Identifiers written in camel case or joined with dots: where error codes hide a name. */
  private static final Pattern IDENTIFIER =
      Pattern.compile("\\b[A-Za-z][A-Za-z0-9]*(?:[._][A-Za-z0-9]+)*\\b");

  private static final Pattern CAMEL_BREAK =
      Pattern.compile("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|[._]");

  private final Map<String, List<String>> aliasesOf = new HashMap<>();

  /**
   * @param names the workspace's service names: their alias table gives a dependency's other names
   */
  MockPointers(ServiceNames names) {
    for (var e : names.aliases().entrySet()) {
      aliasesOf.computeIfAbsent(e.getValue(), k -> new ArrayList<>()).add(e.getKey());
    }
    this.names = names;
  }

  private final ServiceNames names;

  /**
   * What in the incident's text points at the dependency, or null when nothing does.
   *
   * @param dependency the mocked dependency's name
   * @param mockedBy how staging mocks it, as the import recorded it (for WireMock, the stubs'
   *     calls)
   */
  Pointer find(GapClassifier.Narrative text, String original, String dependency, String mockedBy) {
    if (dependency == null || dependency.isBlank()) {
      return null;
    }
    String dep = dependency.toLowerCase(Locale.ROOT);
    if (GapClassifier.mentions(text, dep)) {
      return new Pointer(Evidence.PointedBy.NAME, dep);
    }
    for (String alias : aliases(dep)) {
      if (!alias.equals(dep) && GapClassifier.mentions(text, alias)) {
        return new Pointer(Evidence.PointedBy.ALIAS, alias);
      }
    }
    String call = citedCall(original, mockedBy);
    if (call != null) {
      return new Pointer(Evidence.PointedBy.CALL, call);
    }
    String code = errorCode(original, dep);
    if (code != null) {
      return new Pointer(Evidence.PointedBy.ERROR_CODE, code);
    }
    return null;
  }

  /** The dependency's other names in the alias table (through its canonical name). */
  List<String> aliases(String dependency) {
    Set<String> out = new LinkedHashSet<>();
    String canonical = names.canonical(dependency);
    if (!canonical.isEmpty() && !canonical.equals(dependency)) {
      out.add(canonical);
    }
    out.addAll(aliasesOf.getOrDefault(canonical, List.of()));
    out.addAll(aliasesOf.getOrDefault(dependency, List.of()));
    out.remove(dependency);
    return List.copyOf(out);
  }

  /** The calls a mock stands in for, as its description lists them ("POST /v1/refunds"). */
  static List<String> stubbedPaths(String mockedBy) {
    List<String> out = new ArrayList<>();
    if (mockedBy == null) {
      return out;
    }
    Matcher m = CALL.matcher(mockedBy);
    while (m.find()) {
      out.add(m.group(2));
    }
    return out;
  }

  /** The first path in the text that one of the mock's stubs serves, as written, or null. */
  static String citedCall(String original, String mockedBy) {
    List<String> stubs = stubbedPaths(mockedBy);
    if (stubs.isEmpty() || original == null || original.indexOf('/') < 0) {
      return null;
    }
    Matcher m = PATH.matcher(original);
    while (m.find()) {
      String written = m.group();
      String[] cited = segments(written);
      for (String stub : stubs) {
        if (sameCall(cited, segments(stub))) {
          return written;
        }
      }
    }
    return null;
  }

  private static String[] segments(String path) {
    String p = CHARACTER_CLASS.matcher(path).replaceAll("*"); // "[^/]+" holds a slash
    int q = p.indexOf('?');
    if (q >= 0) {
      p = p.substring(0, q);
    }
    return java.util.Arrays.stream(p.split("/")).filter(s -> !s.isEmpty()).toArray(String[]::new);
  }

  /**
   * Whether a cited path and a stub's path are the same call: the shorter is the tail of the longer
   * (the stub may add a leading segment of its own), segment by segment, with two segments at
   * least; a stub segment that is a pattern or a placeholder matches any one segment.
   */
  static boolean sameCall(String[] cited, String[] stub) {
    int n = Math.min(cited.length, stub.length);
    if (n < 2 || Math.abs(cited.length - stub.length) > 1) {
      return false;
    }
    int literal = 0;
    for (int i = 1; i <= n; i++) {
      String c = cited[cited.length - i];
      String s = stub[stub.length - i];
      if (isWildcard(s) || isWildcard(c)) {
        continue;
      }
      if (!c.equalsIgnoreCase(s)) {
        return false;
      }
      literal++;
    }
    return literal >= 2;
  }

  private static boolean isWildcard(String segment) {
    return segment.startsWith("{")
        || segment.startsWith(":")
        || segment.contains("[")
        || segment.contains("*")
        || segment.contains("+");
  }

  /**
   * The first identifier in the text written as one word (camel case, dots or underscores) that
   * carries the dependency's name as a part of its own, or null. "StripeCardError" carries
   * "stripe"; "Stripey" does not.
   */
  static String errorCode(String original, String dependency) {
    if (original == null || dependency.length() < 3) {
      return null;
    }
    String[] depParts = dependency.split("[-_. ]+");
    if (depParts.length != 1) {
      return null; // several words are found by name already
    }
    String lowerOriginal = original.toLowerCase(Locale.ROOT);
    if (!lowerOriginal.contains(dependency)) {
      return null;
    }
    Matcher m = IDENTIFIER.matcher(original);
    while (m.find()) {
      String id = m.group();
      if (id.length() <= dependency.length() || !id.toLowerCase(Locale.ROOT).contains(dependency)) {
        continue;
      }
      for (String part : CAMEL_BREAK.split(id)) {
        if (part.toLowerCase(Locale.ROOT).equals(dependency)) {
          return id;
        }
      }
    }
    return null;
  }
}
