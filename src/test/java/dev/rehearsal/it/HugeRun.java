package dev.rehearsal.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the {@code -Phuge} cases share: a folder of their own under {@code target/}, the packaged
 * jar run in a child JVM with a given heap (under {@code /usr/bin/time -v} when there is one, for
 * its peak resident size), and the figures of the run written where they can be read afterwards.
 */
final class HugeRun {
  /**
   * One child run.
   *
   * @param exit its exit code
   * @param seconds wall-clock time, start to exit
   * @param out the file its standard output went to
   * @param stderr its standard error (with {@code /usr/bin/time}'s report at the end)
   */
  record Result(int exit, double seconds, Path out, String stderr) {
    /** The peak resident size in MB, as {@code /usr/bin/time -v} reported it; -1 if not. */
    long peakRssMb() {
      Matcher m = Pattern.compile("Maximum resident set size \\(kbytes\\): (\\d+)").matcher(stderr);
      return m.find() ? Long.parseLong(m.group(1)) / 1024 : -1;
    }

    /** {@link #peakRssMb()} for a report: "1,351 MB" or "not measured". */
    String peakRss() {
      long mb = peakRssMb();
      return mb < 0 ? "not measured" : String.format("%,d MB", mb);
    }
  }

  private HugeRun() {}

  /** {@code target/<name>}, created if need be. */
  static Path work(String name) throws Exception {
    Path work = Path.of("target", name).toAbsolutePath();
    Files.createDirectories(work);
    return work;
  }

  /** An empty folder at {@code dir}: whatever a previous run left there is deleted. */
  static Path empty(Path dir) throws Exception {
    if (Files.exists(dir)) {
      try (Stream<Path> s = Files.walk(dir)) {
        s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    return Files.createDirectories(dir);
  }

  /**
   * Runs {@code java -Xmx<heap> -jar rehearsal.jar args...} to its end (three hours at most), its
   * output to {@code <work>/<name>.out} and {@code <work>/<name>.err}.
   */
  static Result rehearsal(Path work, String name, String heap, List<String> args) throws Exception {
    String jar = System.getProperty("rehearsal.jar");
    assertTrue(jar != null && new File(jar).isFile(), "the packaged jar is needed: " + jar);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>();
    if (new File("/usr/bin/time").canExecute()) {
      cmd.addAll(List.of("/usr/bin/time", "-v"));
    }
    cmd.addAll(List.of(java, "-Xmx" + heap, "-jar", jar));
    cmd.addAll(args);
    Path out = work.resolve(name + ".out");
    Path err = work.resolve(name + ".err");
    long t0 = System.nanoTime();
    Process p =
        new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertTrue(p.waitFor(3, TimeUnit.HOURS), "rehearsal " + args + " ends");
    double seconds = (System.nanoTime() - t0) / 1e9;
    return new Result(p.exitValue(), seconds, out, Files.readString(err));
  }

  /** Writes a run's figures to {@code target/<file>} and to the test's output. */
  static void report(String file, String text) throws Exception {
    Files.writeString(Path.of("target", file), text);
    System.out.print(text);
  }
}
