package dev.rehearsal.util;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Which build of Rehearsal this is: the version from the pom and, when the build ran in a git
 * checkout, the commit it was built from. The build writes both into {@code build-info.properties}
 * next to this class (a filtered resource; see the pom). The command line's {@code --version} and
 * the desktop app show {@link #describe()}.
 */
public final class BuildInfo {
  static final String RESOURCE = "build-info.properties";

  private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{4,40}");
  private static final BuildInfo CURRENT = load();

  /** The desktop app's JVM options when the build did not say (a build run outside Maven). */
  static final List<String> WINDOW_JVM_DEFAULT = List.of("-Xmx1g", "-XX:TieredStopAtLevel=1");

  private final String version;
  private final String commit;
  private final List<String> windowJvmOptions;

  private BuildInfo(String version, String commit, List<String> windowJvmOptions) {
    this.version = version;
    this.commit = commit;
    this.windowJvmOptions = windowJvmOptions;
  }

  /** The build this code belongs to. */
  public static BuildInfo current() {
    return CURRENT;
  }

  /**
   * Reads {@code version}, {@code commit} and {@code window.jvm.options}. A value the build did not
   * fill in (a {@code ${...}} placeholder, or anything that is not an abbreviated commit id) counts
   * as absent.
   */
  static BuildInfo from(Properties p) {
    String v = p.getProperty("version", "").strip();
    String c = p.getProperty("commit", "").strip().toLowerCase(java.util.Locale.ROOT);
    String w = p.getProperty("window.jvm.options", "").strip();
    return new BuildInfo(
        v.isEmpty() || v.contains("${") ? "" : v,
        COMMIT.matcher(c).matches() ? c : "",
        w.isEmpty() || w.contains("${") ? WINDOW_JVM_DEFAULT : List.of(w.split("\\s+")));
  }

  private static BuildInfo load() {
    try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
      Properties p = new Properties();
      if (in != null) {
        p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      }
      return from(p);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** The version from the pom, e.g. {@code 0.1.0-SNAPSHOT}; empty when the build did not say. */
  public String version() {
    return version;
  }

  /**
   * The JVM options the desktop app's launchers pass (heap, and C1 only: decision 0030), one per
   * element; what the benchmark starts the app with.
   */
  public List<String> windowJvmOptions() {
    return windowJvmOptions;
  }

  /** The abbreviated commit id, when the build ran in a git checkout. */
  public Optional<String> commit() {
    return commit.isEmpty() ? Optional.empty() : Optional.of(commit);
  }

  /**
   * One line for people: {@code Rehearsal 0.1.0-SNAPSHOT (commit abc1234)}, or {@code (no commit
   * recorded)} for a build from a source archive without git.
   */
  public String describe() {
    String v = version.isEmpty() ? "(version unknown)" : version;
    String c = commit.isEmpty() ? "no commit recorded" : "commit " + commit;
    return "Rehearsal " + v + " (" + c + ")";
  }

  @Override
  public String toString() {
    return describe();
  }
}
