package dev.rehearsal.settings;

import dev.rehearsal.util.Texts;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns the names tools give a service ("Checkout API", "checkout-api", "acme/checkout",
 * "checkout") into one canonical name. Steps, in order: clean and slug the name ("Checkout API"
 * becomes "checkout-api"); look the slug up in the alias table; drop an owner prefix
 * ("acme/checkout" becomes "checkout") and look again; strip a configured suffix ("-api",
 * "-service", "-svc") and look again; if nothing matched, the slug without suffix is the name. The
 * alias table is the user's to edit; it lives in the workspace as {@code aliases.csv}.
 */
public final class ServiceNames {
  private final Map<String, String> aliases;
  private final Map<String, String> inferred;
  private final List<String> suffixes;
  private final Map<String, String> cache = new ConcurrentHashMap<>();

  public ServiceNames(Map<String, String> aliases, List<String> suffixes) {
    this(aliases, Map.of(), suffixes);
  }

  /**
   * @param aliases the person's alias table: always wins
   * @param inferred names inferred to mean another service (name as it reads without them, to the
   *     service), applied where the person's table says nothing
   */
  public ServiceNames(
      Map<String, String> aliases, Map<String, String> inferred, List<String> suffixes) {
    Map<String, String> m = new LinkedHashMap<>();
    for (var e : aliases.entrySet()) {
      m.put(Texts.slug(e.getKey()), Texts.slug(e.getValue()));
    }
    this.aliases = Collections.unmodifiableMap(m);
    this.inferred = Map.copyOf(inferred);
    this.suffixes = List.copyOf(suffixes);
  }

  /** The same names without the inferred ones: what inference itself reasons from. */
  public ServiceNames withoutInferred() {
    return new ServiceNames(aliases, Map.of(), suffixes);
  }

  /** The inferred names in use: name as it reads without them, to the service. */
  public Map<String, String> inferred() {
    return inferred;
  }

  /**
   * The inferred name a raw name was read through, or null when it read without one (the person's
   * table, or the name itself).
   */
  public String inferredFrom(String raw) {
    Resolved own = resolveOwn(raw);
    return own.fromTable() || !inferred.containsKey(own.name()) ? null : own.name();
  }

  public static ServiceNames defaults() {
    return new ServiceNames(Map.of(), defaultSuffixes());
  }

  public static List<String> defaultSuffixes() {
    return List.of("api", "service", "svc", "server", "app");
  }

  /** The alias table as the user wrote it, slugged: alias to canonical name. */
  public Map<String, String> aliases() {
    return aliases;
  }

  public List<String> suffixes() {
    return suffixes;
  }

  /** Canonical name for a raw service name; "" for blank. */
  public String canonical(String raw) {
    if (raw == null || raw.isBlank()) {
      return "";
    }
    return cache.computeIfAbsent(raw, this::resolve);
  }

  private String resolve(String raw) {
    Resolved own = resolveOwn(raw);
    return own.fromTable() ? own.name() : inferred.getOrDefault(own.name(), own.name());
  }

  /** What a name reads as without inference, and whether the person's table said so. */
  private record Resolved(String name, boolean fromTable) {}

  /** What a name reads as through the person's table and normalisation, without inference. */
  private Resolved resolveOwn(String raw) {
    String slug = Texts.slug(raw.replace('/', ' ').replace(':', ' '));
    String hit = lookup(slug);
    if (hit != null) {
      return new Resolved(hit, true);
    }
    String c = Texts.cleanId(raw);
    // an owner before a slash ("acme/checkout"), not a slash between words ("Accounts / Identity")
    int slash = c.matches(".*\\s[/:]\\s.*") ? -1 : Math.max(c.lastIndexOf('/'), c.lastIndexOf(':'));
    if (slash >= 0 && slash < c.length() - 1) {
      String tail = Texts.slug(c.substring(slash + 1));
      hit = lookup(tail);
      if (hit != null) {
        return new Resolved(hit, true);
      }
      slug = tail;
    }
    String stripped = stripSuffix(slug);
    hit = lookup(stripped);
    return hit != null ? new Resolved(hit, true) : new Resolved(stripped, false);
  }

  private String lookup(String slug) {
    String v = aliases.get(slug);
    if (v != null) {
      return v;
    }
    String s = stripSuffix(slug);
    return s.equals(slug) ? null : aliases.get(s);
  }

  private String stripSuffix(String slug) {
    for (String suf : suffixes) {
      String tail = "-" + suf;
      if (slug.endsWith(tail) && slug.length() > tail.length()) {
        return slug.substring(0, slug.length() - tail.length());
      }
    }
    return slug;
  }

  /** All canonical names known from the alias table. */
  public Set<String> knownServices() {
    return new TreeSet<>(aliases.values());
  }
}
