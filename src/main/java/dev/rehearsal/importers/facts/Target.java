package dev.rehearsal.importers.facts;

import dev.rehearsal.importers.ImportContext;
import dev.rehearsal.importers.ImportSource;
import dev.rehearsal.importers.TargetHints;
import dev.rehearsal.importers.support.TimeParseException;
import dev.rehearsal.util.Texts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whom and when a snapshot's facts are about: service, environment and as-of time, taken from the
 * file's content when it says so, else from its name, else from the hints (sidecar, import
 * manifest, import options). A missing environment is a reason to reject, never a guess. A missing
 * as-of time is not, for the snapshots that may assume one ({@link #orFileTime}: configuration,
 * flags, mock stubs): they are taken as of the file's modification time, else the time of the
 * import, and each record says the time was assumed; elsewhere it is a reason to reject.
 *
 * <p>File names read (extension dropped, see {@link #fromName}): {@code SERVICE.ENV.ext} ({@code
 * checkout.staging.properties}), {@code SERVICE-ENV.ext} / {@code SERVICE_ENV.ext}, {@code ENV.ext}
 * ({@code staging.env}), Spring's {@code application-PROFILE.yml}, dotenv's {@code .env.ENV}, each
 * optionally with a date or time as a further dot-separated part ({@code
 * checkout.staging.2024-03-01.properties}, {@code 2024-03-01T12-00-00Z}). ENV must be a name the
 * environment table knows (staging, prod, uat, ...); SERVICE is taken only when the name also names
 * an environment, and never when it is a generic word (application, config, values, ...).
 */
public final class Target {
  /** The ways to give an environment, for messages. */
  public static final String HOW_ENV =
      "give it with --env, an 'environment' in a sidecar "
          + "(NAME.rehearsal.json or rehearsal.json) or import manifest, or in the file name "
          + "(checkout.staging.properties)";

  /** The ways to give an as-of time, for messages. */
  public static final String HOW_AS_OF =
      "give the time the snapshot was taken with --at, a "
          + "'time' in a sidecar (NAME.rehearsal.json or rehearsal.json) or import manifest, or a "
          + "date in the file name (checkout.staging.2024-03-01.properties)";

  private static final Set<String> GENERIC_WORDS =
      Set.of(
          "application",
          "app",
          "bootstrap",
          "config",
          "configuration",
          "configs",
          "settings",
          "setting",
          "values",
          "value",
          "env",
          "environment",
          "environments",
          "dotenv",
          "configmap",
          "configmaps",
          "secret",
          "secrets",
          "flags",
          "flag",
          "features",
          "feature-flags",
          "export",
          "exports",
          "mappings",
          "mapping",
          "data",
          "rows",
          "traffic",
          "snapshot",
          "properties",
          "defaults",
          "default",
          "common",
          "base",
          "global",
          "appsettings",
          "k8s",
          "kube",
          "manifest",
          "manifests",
          "deployment",
          "helm",
          "chart",
          "launchdarkly",
          "unleash",
          "wiremock",
          "stubs",
          "mocks",
          "volumes",
          "counts",
          "peaks");
  private static final Set<String> EXTENSIONS =
      Set.of(
          "properties",
          "env",
          "yaml",
          "yml",
          "json",
          "jsonl",
          "ndjson",
          "csv",
          "txt",
          "conf",
          "cfg",
          "ini");
  private static final Pattern DATE =
      Pattern.compile(
          "(\\d{4}-\\d{2}-\\d{2})(?:[T_](\\d{2})[-:]?(\\d{2})(?:[-:]?(\\d{2}))?(Z|[+-]\\d{2}:?\\d{2})?)?"
              + "|(\\d{8})(?:T(\\d{6})(Z)?)?");
  private static final Pattern TRAILING_DATE =
      Pattern.compile("^(.*?)[-_]((?:\\d{4}-\\d{2}-\\d{2}|\\d{8})(?:[T_][0-9:\\-]+(?:Z)?)?)$");

  private String service = "";
  private String serviceFrom = "";
  private String rawEnvironment = "";
  private String environmentFrom = "";
  private Instant asOf;
  private String asOfFrom = "";
  private final List<String> asOfNotes = new ArrayList<>();
  private String asOfProblem;
  private List<String> notes;

  /** The time taken when nothing states one (file or import time), and what it is; or null. */
  private Instant assumedAsOf;

  private String assumedFrom = "";

  /** The last raw environment normalised, and the result (normalising runs many patterns). */
  private String normalisedFrom;

  private String normalised;

  private Target() {}

  /** An empty target (nothing known yet). */
  public static Target empty() {
    return new Target();
  }

  /** A copy, so per-record content can override without touching the file-level target. */
  public Target copy() {
    Target t = new Target();
    t.service = service;
    t.serviceFrom = serviceFrom;
    t.rawEnvironment = rawEnvironment;
    t.environmentFrom = environmentFrom;
    t.asOf = asOf;
    t.asOfFrom = asOfFrom;
    t.asOfNotes.addAll(asOfNotes);
    t.asOfProblem = asOfProblem;
    t.assumedAsOf = assumedAsOf;
    t.assumedFrom = assumedFrom;
    t.normalisedFrom = normalisedFrom;
    t.normalised = normalised;
    return t;
  }

  /** The note on every record whose as-of time was assumed; it starts with this. */
  public static final String ASSUMED_NOTE = "as-of assumed";

  /**
   * Lets a snapshot that states no time be taken as of the file's modification time, or the time of
   * the import when the file has none; the records say so. Used by snapshots whose content is a
   * state (configuration, flags, mock stubs), never by series of figures, whose rows need times.
   */
  public Target orFileTime(ImportSource source, ImportContext ctx) {
    Instant modified = source == null ? null : source.modifiedAt();
    if (modified != null) {
      assumedAsOf = modified.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
      assumedFrom = "the file's modification time";
    } else {
      assumedAsOf = ctx.startedAt();
      assumedFrom = "the time of the import";
    }
    notes = null;
    return this;
  }

  /** Whether the as-of time is assumed (nothing stated one; see {@link #orFileTime}). */
  public boolean asOfAssumed() {
    return asOf == null && asOfProblem == null && assumedAsOf != null;
  }

  /**
   * What the import report says of a file whose snapshot time was assumed, or null when it was not.
   */
  public String assumedWarning() {
    if (!asOfAssumed()) {
      return null;
    }
    return "no time of its own: its records are taken as of "
        + assumedFrom
        + ", "
        + assumedAsOf
        + ", and marked as assumed; "
        + HOW_AS_OF;
  }

  /**
   * What the file name says.
   *
   * @param takeService whether a service may come from the name (config snapshots: yes)
   */
  public static Target fromName(ImportSource source, ImportContext ctx, boolean takeService) {
    Target t = new Target();
    String name = source.fileName();
    String lower = name.toLowerCase(Locale.ROOT);
    List<String> tokens = new ArrayList<>();
    boolean dotenv = false;
    if (lower.startsWith(".env")) {
      dotenv = true;
      for (String s : name.substring(4).split("\\.")) {
        if (!s.isEmpty()) {
          tokens.add(s);
        }
      }
    } else {
      String stem = name;
      int dot = stem.lastIndexOf('.');
      if (dot > 0 && EXTENSIONS.contains(stem.substring(dot + 1).toLowerCase(Locale.ROOT))) {
        stem = stem.substring(0, dot);
      }
      for (String s : stem.split("\\.")) {
        if (!s.isEmpty()) {
          tokens.add(s);
        }
      }
    }
    String date = null;
    String env = null;
    List<String> rest = new ArrayList<>();
    for (String tok : tokens) {
      if (date == null && DATE.matcher(tok).matches()) {
        date = tok;
      } else if (env == null && isPlainEnvironment(ctx, tok)) {
        env = tok;
      } else {
        rest.add(tok);
      }
    }
    String serviceToken = null;
    if (!rest.isEmpty()) {
      String first = rest.get(0);
      if (date == null) {
        Matcher m = TRAILING_DATE.matcher(first);
        if (m.matches() && DATE.matcher(m.group(2)).matches()) {
          date = m.group(2);
          first = m.group(1);
          rest.set(0, first);
        }
      }
      if (env == null) {
        String[] split = splitEnvSuffix(ctx, first);
        if (split != null) {
          env = split[1];
          first = split[0];
          rest.set(0, first);
        }
      }
      if (env == null && rest.size() == 1 && isKnownEnvironment(ctx, first)) {
        env = first;
        rest.clear();
      } else if (rest.size() == 1 && env != null && !dotenv) {
        serviceToken = first;
      }
    }
    if (env != null) {
      t.rawEnvironment = Texts.cleanId(env);
      t.environmentFrom = "the file name";
    }
    if (takeService
        && serviceToken != null
        && !serviceToken.isEmpty()
        && !GENERIC_WORDS.contains(serviceToken.toLowerCase(Locale.ROOT))) {
      t.service = Texts.cleanId(serviceToken);
      t.serviceFrom = "the file name";
    }
    if (date != null) {
      List<String> notes = new ArrayList<>();
      try {
        t.asOf = ctx.instant(isoOf(date), notes);
        t.asOfFrom = "the file name";
        t.asOfNotes.addAll(notes);
      } catch (TimeParseException e) {
        t.asOfProblem = "the date '" + date + "' in the file name is not valid: " + e.getMessage();
      }
    }
    return t;
  }

  private static String[] splitEnvSuffix(ImportContext ctx, String token) {
    // try the last one and the last two dash/underscore parts ("checkout-pre-prod")
    for (int parts = 2; parts >= 1; parts--) {
      int cut = token.length();
      for (int i = 0; i < parts && cut > 0; i++) {
        int d = Math.max(token.lastIndexOf('-', cut - 1), token.lastIndexOf('_', cut - 1));
        cut = d;
        if (d < 0) {
          break;
        }
      }
      if (cut > 0) {
        String suffix = token.substring(cut + 1);
        if (isPlainEnvironment(ctx, suffix)) {
          return new String[] {token.substring(0, cut), suffix};
        }
      }
    }
    return null;
  }

  private static String isoOf(String date) {
    Matcher m = DATE.matcher(date);
    if (!m.matches()) {
      return date;
    }
    if (m.group(1) != null) {
      if (m.group(2) == null) {
        return m.group(1);
      }
      String sec = m.group(4) == null ? "00" : m.group(4);
      String zone = m.group(5) == null ? "" : m.group(5);
      return m.group(1) + "T" + m.group(2) + ":" + m.group(3) + ":" + sec + zone;
    }
    String d = m.group(6);
    String iso = d.substring(0, 4) + "-" + d.substring(4, 6) + "-" + d.substring(6, 8);
    if (m.group(7) != null) {
      String t = m.group(7);
      iso +=
          "T"
              + t.substring(0, 2)
              + ":"
              + t.substring(2, 4)
              + ":"
              + t.substring(4, 6)
              + (m.group(8) == null ? "" : "Z");
    }
    return iso;
  }

  /**
   * Whether the name is one the environment table lists as such ("staging", "prod", "uat"), not
   * only one that a wildcard pattern catches ("checkout-prod").
   */
  public static boolean isPlainEnvironment(ImportContext ctx, String raw) {
    if (raw == null || raw.isBlank()) {
      return false;
    }
    String n = raw.strip().toLowerCase(Locale.ROOT);
    for (var e : ctx.environments().table().entrySet()) {
      if (e.getKey().equalsIgnoreCase(n)) {
        return true;
      }
      for (String p : e.getValue()) {
        if (p.indexOf('*') < 0 && p.equalsIgnoreCase(n)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether the environment table maps this name to one of its environments. */
  public static boolean isKnownEnvironment(ImportContext ctx, String raw) {
    if (raw == null || raw.isBlank()) {
      return false;
    }
    String n = ctx.environment(raw);
    return !n.isEmpty() && ctx.environments().table().containsKey(n);
  }

  // ------------------------------------------------------------------ content overrides

  /**
   * The file's own service (labels, tags, project), winning over name and hints.
   *
   * @param from where it was read, for the record's notes; null when it is the record's own
   */
  public Target service(String value, String from) {
    String v = Texts.cleanId(value);
    if (!v.isEmpty()) {
      service = v;
      serviceFrom = from == null ? "" : from;
      this.notes = null;
    }
    return this;
  }

  /** The file's own environment, winning over name and hints. */
  public Target environment(String raw, String from) {
    String v = Texts.cleanId(raw);
    if (!v.isEmpty()) {
      rawEnvironment = v;
      environmentFrom = from == null ? "" : from;
      this.notes = null;
    }
    return this;
  }

  /** The file's own as-of time, winning over name and hints. */
  public Target asOf(Instant at, String from, List<String> notes) {
    if (at != null) {
      asOf = at;
      asOfFrom = from == null ? "" : from;
      this.notes = null;
      asOfNotes.clear();
      if (notes != null) {
        asOfNotes.addAll(notes);
      }
      asOfProblem = null;
    }
    return this;
  }

  /** Blanks filled from the hints (sidecar, manifest, import options). */
  public Target withHints(TargetHints h) {
    if (h == null || h.isEmpty()) {
      return this;
    }
    notes = null;
    String origin = h.origin() == null || h.origin().isBlank() ? "the import hints" : h.origin();
    if (service.isEmpty() && h.service() != null && !h.service().isBlank()) {
      service = Texts.cleanId(h.service());
      serviceFrom = origin;
    }
    if (rawEnvironment.isEmpty() && h.environment() != null && !h.environment().isBlank()) {
      rawEnvironment = Texts.cleanId(h.environment());
      environmentFrom = origin;
    }
    if (asOf == null && h.at() != null) {
      asOf = h.at();
      asOfFrom = origin;
      asOfProblem = null;
    }
    return this;
  }

  /** Forces the service from the hints even when the file has one (Unleash project). */
  public Target serviceFromHintsFirst(TargetHints h) {
    if (h != null && h.service() != null && !h.service().isBlank()) {
      notes = null;
      service = Texts.cleanId(h.service());
      serviceFrom = h.origin() == null || h.origin().isBlank() ? "the import hints" : h.origin();
    }
    return this;
  }

  public String service() {
    return service;
  }

  public String rawEnvironment() {
    return rawEnvironment;
  }

  /** Normalised environment. */
  public String environment(ImportContext ctx) {
    if (!rawEnvironment.equals(normalisedFrom)) {
      normalised = ctx.environment(rawEnvironment);
      normalisedFrom = rawEnvironment;
    }
    return normalised;
  }

  /** The as-of time: stated, else assumed ({@link #orFileTime}), else null. */
  public Instant asOf() {
    return asOf != null ? asOf : asOfProblem == null ? assumedAsOf : null;
  }

  /** Why facts cannot be made for this target (no environment, no as-of), or null. */
  public String problem() {
    List<String> p = new ArrayList<>();
    if (rawEnvironment.isEmpty()) {
      p.add("no environment for this snapshot: " + HOW_ENV);
    }
    if (asOf == null && !asOfAssumed()) {
      p.add(
          asOfProblem != null
              ? asOfProblem + "; " + HOW_AS_OF
              : "no as-of time for this snapshot: " + HOW_AS_OF);
    }
    return p.isEmpty() ? null : String.join("; and ", p);
  }

  /** Notes for a record: the as-of parse notes and where values came from when not the file. */
  public List<String> notes() {
    if (notes == null) {
      notes = List.copyOf(buildNotes());
    }
    return notes;
  }

  private List<String> buildNotes() {
    List<String> out = new ArrayList<>(asOfNotes);
    List<String> from = new ArrayList<>();
    if (!service.isEmpty() && !serviceFrom.isEmpty()) {
      from.add("service from " + serviceFrom);
    }
    if (!rawEnvironment.isEmpty() && !environmentFrom.isEmpty()) {
      from.add("environment from " + environmentFrom);
    }
    if (asOf != null && !asOfFrom.isEmpty()) {
      from.add("as-of from " + asOfFrom);
    }
    if (asOfAssumed()) {
      out.add(
          ASSUMED_NOTE
              + ": nothing states when this snapshot was taken; taken as of "
              + assumedFrom
              + " ("
              + assumedAsOf
              + ")");
    }
    if (!from.isEmpty()) {
      out.add(String.join(", ", from));
    }
    return out;
  }
}
