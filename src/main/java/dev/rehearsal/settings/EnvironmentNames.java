package dev.rehearsal.settings;

import dev.rehearsal.util.Texts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Normalises environment names ("prod", "PRD", "production-eu-west-1", "live") to the names the
 * analysis uses ("production", "staging", "canary", ...) through a configurable table of patterns.
 * A pattern is a name, or a name with {@code *} wildcards; the first table entry with a matching
 * pattern wins. A name no pattern matches is kept, slugged.
 */
public final class EnvironmentNames {
  public static final String PRODUCTION = "production";
  public static final String STAGING = "staging";

  private record Rule(String target, Pattern pattern) {}

  private final List<Rule> rules = new ArrayList<>();
  private final Map<String, String> cache = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, List<String>> table;

  public EnvironmentNames(Map<String, List<String>> table) {
    this.table = new LinkedHashMap<>(table);
    for (var e : table.entrySet()) {
      for (String p : e.getValue()) {
        rules.add(new Rule(e.getKey(), glob(p)));
      }
      rules.add(new Rule(e.getKey(), glob(e.getKey())));
    }
  }

  /** The defaults: what most organisations call their environments. */
  public static Map<String, List<String>> defaultTable() {
    Map<String, List<String>> t = new LinkedHashMap<>();
    t.put("canary", List.of("canary", "canary-*", "*-canary", "prod-canary"));
    t.put(
        PRODUCTION,
        List.of(
            "prod",
            "prd",
            "production",
            "live",
            "prod-*",
            "production-*",
            "prd-*",
            "*-prod",
            "*-production",
            "*-prd",
            "main-prod",
            "github-pages"));
    t.put(
        STAGING,
        List.of(
            "stage",
            "staging",
            "stg",
            "preprod",
            "pre-prod",
            "pre-production",
            "preproduction",
            "stage-*",
            "staging-*",
            "stg-*",
            "*-staging",
            "*-stage",
            "*-stg",
            "preprod-*",
            "uat",
            "uat-*",
            "acceptance"));
    t.put("qa", List.of("qa", "qa-*", "test", "testing", "test-*", "*-qa"));
    t.put(
        "development",
        List.of("dev", "develop", "development", "dev-*", "*-dev", "sandbox", "local"));
    t.put("review", List.of("review/*", "review-*", "preview", "preview-*", "pr-*"));
    return t;
  }

  public static EnvironmentNames defaults() {
    return new EnvironmentNames(defaultTable());
  }

  public Map<String, List<String>> table() {
    return table;
  }

  /** The normalised environment for a raw name; "" for blank. */
  public String normalise(String raw) {
    if (raw == null) {
      return "";
    }
    return cache.computeIfAbsent(raw, this::resolve);
  }

  private String resolve(String raw) {
    String s = Texts.cleanId(raw).toLowerCase(Locale.ROOT);
    if (s.isEmpty()) {
      return "";
    }
    String slug = Texts.slug(s);
    for (Rule r : rules) {
      if (r.pattern.matcher(s).matches() || r.pattern.matcher(slug).matches()) {
        return r.target;
      }
    }
    return slug;
  }

  private static Pattern glob(String g) {
    StringBuilder sb = new StringBuilder();
    for (char c : g.toLowerCase(Locale.ROOT).toCharArray()) {
      if (c == '*') {
        sb.append(".*");
      } else {
        sb.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(sb.toString());
  }
}
