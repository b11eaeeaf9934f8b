package dev.rehearsal.importers.staging;

import dev.rehearsal.util.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a result file says about the change it tested: service, environment, version and commit,
 * read from the file's own properties, labels, tags or parameters. The first value a file states
 * wins; a later different value is kept out and noted, so a file that names two services is visible
 * as such instead of silently taking the last one.
 */
final class TargetFacts {

  /** The four things a run is tied to. */
  enum Field {
    SERVICE("service"),
    ENVIRONMENT("environment"),
    VERSION("version"),
    COMMIT("commit");

    final String word;

    Field(String word) {
      this.word = word;
    }
  }

  /**
   * Names a tool may give each field, compared after lowercasing and turning '_' and '-' into '.'.
   * Exact names only: Surefire copies every JVM system property into its reports, so a loose match
   * ("java.version") would read the JDK version as the service version.
   */
  private static final Map<String, Field> NAMES =
      Map.ofEntries(
          Map.entry("service", Field.SERVICE),
          Map.entry("service.name", Field.SERVICE),
          Map.entry("app", Field.SERVICE),
          Map.entry("app.name", Field.SERVICE),
          Map.entry("application", Field.SERVICE),
          Map.entry("application.name", Field.SERVICE),
          Map.entry("component", Field.SERVICE),
          Map.entry("rehearsal.service", Field.SERVICE),
          Map.entry("environment", Field.ENVIRONMENT),
          Map.entry("env", Field.ENVIRONMENT),
          Map.entry("stage", Field.ENVIRONMENT),
          Map.entry("deployment.environment", Field.ENVIRONMENT),
          Map.entry("target.environment", Field.ENVIRONMENT),
          Map.entry("rehearsal.environment", Field.ENVIRONMENT),
          Map.entry("version", Field.VERSION),
          Map.entry("app.version", Field.VERSION),
          Map.entry("application.version", Field.VERSION),
          Map.entry("service.version", Field.VERSION),
          Map.entry("build.version", Field.VERSION),
          Map.entry("rehearsal.version", Field.VERSION),
          Map.entry("commit", Field.COMMIT),
          Map.entry("commit.sha", Field.COMMIT),
          Map.entry("git.commit", Field.COMMIT),
          Map.entry("git.sha", Field.COMMIT),
          Map.entry("git.commit.id", Field.COMMIT),
          Map.entry("git.revision", Field.COMMIT),
          Map.entry("vcs.revision", Field.COMMIT),
          Map.entry("rehearsal.commit", Field.COMMIT));

  private final String[] values = new String[Field.values().length];
  private final String[] where = new String[Field.values().length];
  private final List<String> conflicts = new ArrayList<>();

  /** The field a property, label or tag name stands for, or null. */
  static Field fieldOf(String name) {
    if (name == null) {
      return null;
    }
    String k = Texts.cleanId(name).toLowerCase(Locale.ROOT).replace('_', '.').replace('-', '.');
    return NAMES.get(k);
  }

  /**
   * Offers a name/value pair the file states; returns whether the name is one of ours.
   *
   * @param origin where it was read, for the conflict note ("property of suite X")
   */
  boolean offer(String name, String value, String origin) {
    Field f = fieldOf(name);
    if (f == null) {
      return false;
    }
    set(f, value, origin);
    return true;
  }

  /** Sets a field unless it already has a value; a different later value is noted. */
  void set(Field f, String value, String origin) {
    String v = Texts.cleanId(value);
    if (v.isEmpty()) {
      return;
    }
    int i = f.ordinal();
    if (values[i] == null) {
      values[i] = Texts.truncate(v, 200);
      where[i] = origin;
    } else if (!values[i].equals(v) && conflicts.size() < 10) {
      String note =
          "the file names more than one "
              + f.word
              + ": kept '"
              + values[i]
              + "' ("
              + where[i]
              + "), not '"
              + Texts.truncate(v, 200)
              + "' ("
              + origin
              + ")";
      if (!conflicts.contains(note)) {
        conflicts.add(note);
      }
    }
  }

  String get(Field f) {
    return values[f.ordinal()];
  }

  /** Notes about values the file stated more than once, differently. */
  List<String> conflicts() {
    return conflicts;
  }

  /**
   * Reads a tag of the form {@code @key=value}, {@code @key:value}, {@code key=value} or {@code
   * key:value} (Cucumber tags, TestNG groups, Allure tags); returns whether it named one of our
   * fields.
   */
  boolean offerTag(String tag, String origin) {
    if (tag == null) {
      return false;
    }
    String t = Texts.cleanId(tag);
    if (t.startsWith("@")) {
      t = t.substring(1);
    }
    int eq = t.indexOf('=');
    int colon = t.indexOf(':');
    int cut = eq < 0 ? colon : colon < 0 ? eq : Math.min(eq, colon);
    if (cut <= 0 || cut == t.length() - 1) {
      return false;
    }
    return offer(t.substring(0, cut), t.substring(cut + 1), origin);
  }
}
