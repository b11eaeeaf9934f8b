package dev.rehearsal.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rehearsal.util.BuildInfo;
import dev.rehearsal.util.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Starts the desktop app on the benchmark's workspace in a JVM of its own (so launch time is real),
 * with a real display when there is one, under Xvfb when xvfb-run is installed, else headless
 * through Monocle; the app measures itself (see the UI's bench probe) and writes JSON.
 */
final class AppProbe {
  private AppProbe() {}

  static Map<String, Object> run(Path jar, Path benchLib, Path workspace, Path out)
      throws Exception {
    Files.deleteIfExists(out);
    String javaExe = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>();
    String mode;
    String classpath = jar.toString();
    // the JVM options the app's launchers give it (decision 0030)
    List<String> jvmOptions = BuildInfo.current().windowJvmOptions();
    List<String> props = new ArrayList<>(jvmOptions);
    props.add("-Djavafx.cachedir=" + workspace.resolveSibling("openjfx-cache"));
    if (System.getenv("DISPLAY") != null && !System.getenv("DISPLAY").isBlank()) {
      mode = "display " + System.getenv("DISPLAY");
    } else if (onPath("xvfb-run")) {
      mode = "Xvfb";
      cmd.addAll(List.of("xvfb-run", "-a", "-s", "-screen 0 1280x800x24"));
    } else {
      Path monocle = monocle(benchLib);
      if (monocle == null) {
        return Map.of("error", "no display, no xvfb-run and no Monocle jar in " + benchLib);
      }
      mode = "headless (Monocle)";
      classpath = classpath + java.io.File.pathSeparator + monocle;
      props.addAll(
          List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw"));
    }
    cmd.add(javaExe);
    cmd.addAll(props);
    cmd.addAll(
        List.of(
            "-cp",
            classpath,
            "dev.rehearsal.ui.Launcher",
            "--workspace=" + workspace,
            // the window's preferences beside the figures, not in the user's own
            "--config=" + out.resolveSibling("probe-config"),
            "--probe=" + out));
    Process p =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(out.resolveSibling("probe.log").toFile())
            .start();
    boolean done = p.waitFor(10, TimeUnit.MINUTES);
    if (!done) {
      p.destroyForcibly();
      return Map.of("error", "the app did not finish within 10 minutes", "mode", mode);
    }
    if (!Files.isRegularFile(out)) {
      return Map.of(
          "error",
          "the app wrote no measurements (exit "
              + p.exitValue()
              + "; see "
              + out.resolveSibling("probe.log")
              + ")",
          "mode",
          mode);
    }
    JsonNode n = Json.mapper().readTree(out.toFile());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("mode", mode);
    m.put("jvmOptions", String.join(" ", jvmOptions));
    n.fields()
        .forEachRemaining(
            e ->
                m.put(
                    e.getKey(),
                    e.getValue().isNumber() ? e.getValue().numberValue() : e.getValue().asText()));
    return m;
  }

  private static boolean onPath(String exe) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, exe))) {
        return true;
      }
    }
    return false;
  }

  private static Path monocle(Path benchLib) throws IOException {
    if (benchLib == null || !Files.isDirectory(benchLib)) {
      return null;
    }
    try (Stream<Path> s = Files.list(benchLib)) {
      return s.filter(x -> x.getFileName().toString().startsWith("openjfx-monocle"))
          .findFirst()
          .orElse(null);
    }
  }
}
