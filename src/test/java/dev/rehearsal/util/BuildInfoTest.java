package dev.rehearsal.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class BuildInfoTest {

  private static Properties props(String version, String commit) {
    Properties p = new Properties();
    if (version != null) {
      p.setProperty("version", version);
    }
    if (commit != null) {
      p.setProperty("commit", commit);
    }
    return p;
  }

  @Test
  void describesVersionAndCommit() {
    BuildInfo b = BuildInfo.from(props("0.1.0-SNAPSHOT", "abc1234\n"));
    assertEquals("0.1.0-SNAPSHOT", b.version());
    assertEquals(Optional.of("abc1234"), b.commit());
    assertEquals("Rehearsal 0.1.0-SNAPSHOT (commit abc1234)", b.describe());
  }

  @Test
  void aBuildWithoutGitSaysSo() {
    BuildInfo b = BuildInfo.from(props("1.2.0", ""));
    assertEquals(Optional.empty(), b.commit());
    assertEquals("Rehearsal 1.2.0 (no commit recorded)", b.describe());
  }

  @Test
  void placeholdersTheBuildDidNotFillInCountAsAbsent() {
    BuildInfo b = BuildInfo.from(props("${project.version}", "${rehearsal.commit}"));
    assertEquals("", b.version());
    assertEquals(Optional.empty(), b.commit());
    assertEquals("Rehearsal (version unknown) (no commit recorded)", b.describe());
    assertEquals(
        "Rehearsal (version unknown) (no commit recorded)",
        BuildInfo.from(new Properties()).describe());
  }

  @Test
  void gitErrorTextIsNotTakenForACommit() {
    assertEquals(
        Optional.empty(), BuildInfo.from(props("1.0.0", "fatal: not a git repository")).commit());
  }

  /** The resource the build filtered: the pom's version (surefire passes it) and a real id. */
  @Test
  void theBuiltResourceCarriesThePomVersion() {
    BuildInfo b = BuildInfo.current();
    String pomVersion = System.getProperty("rehearsal.version");
    assertFalse(pomVersion == null || pomVersion.isEmpty(), "surefire passes rehearsal.version");
    assertEquals(pomVersion, b.version());
    assertTrue(b.describe().startsWith("Rehearsal " + pomVersion + " ("), b.describe());
    b.commit().ifPresent(c -> assertTrue(c.matches("[0-9a-f]{7,40}"), c));
  }

  /**
   * The app's JVM options the benchmark starts it with are the pom's (surefire passes them), and
   * the fallback for a build that did not fill them in says the same.
   */
  @Test
  void theWindowsJvmOptionsAreThePoms() {
    String pom = System.getProperty("rehearsal.window.jvm.options");
    assertFalse(pom == null || pom.isBlank(), "surefire passes rehearsal.window.jvm.options");
    List<String> expected = List.of(pom.strip().split("\\s+"));
    assertEquals(expected, BuildInfo.current().windowJvmOptions());
    assertEquals(expected, BuildInfo.WINDOW_JVM_DEFAULT);
    assertTrue(expected.contains("-XX:TieredStopAtLevel=1"), expected.toString());
    Properties unfilled = props("1.0.0", "abc1234");
    unfilled.setProperty("window.jvm.options", "${app.jvm.options} ${app.window.jvm.flag}");
    assertEquals(expected, BuildInfo.from(unfilled).windowJvmOptions());
  }
}
