package dev.rehearsal.cli;

import dev.rehearsal.bench.Benchmark;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rehearsal bench}: speed and memory at real size. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description =
        "Generate the demo scenario at a chosen size (scale 1.0: 100,000 incidents, "
            + "1,000,000 deploys, 20,000 staging runs with 2,000,000 test cases) and measure "
            + "import against parsing and indexing alone, analysis, DuckDB's ASOF join, search "
            + "latency and the app. Run it with -Xmx1g to measure the target heap.")
final class BenchCommand implements Callable<Integer> {
  @Option(
      names = "--scale",
      defaultValue = "1.0",
      description = "Size, 1.0 = default " + "(${DEFAULT-VALUE})")
  double scale;

  @Option(
      names = "--workspace",
      paramLabel = "DIR",
      defaultValue = "bench-work",
      description = "Where data and workspaces are written (default ${DEFAULT-VALUE})")
  Path work;

  @Option(
      names = "--growth",
      description =
          "Run at 10 %%, 30 %% and 100 %% of --scale and " + "report how each figure grows")
  boolean growth;

  @Option(
      names = "--repeat",
      defaultValue = "1",
      paramLabel = "N",
      description =
          "With "
              + "--growth: run each size N times, the sizes taking turns, and take each figure's "
              + "growth from its median "
              + "(default ${DEFAULT-VALUE})")
  int repeat;

  @Option(names = "--no-app", description = "Skip the desktop app measurement")
  boolean noApp;

  @Option(names = "--no-duckdb", description = "Skip the DuckDB comparison")
  boolean noDuckdb;

  @Option(
      names = "--bench-lib",
      paramLabel = "DIR",
      description =
          "Folder with duckdb_jdbc and openjfx-monocle jars (default: bench-lib "
              + "next to the jar)")
  Path benchLib;

  @picocli.CommandLine.Mixin StoreOptions storeOptions;

  @Option(
      names = "--replicas",
      defaultValue = "0",
      paramLabel = "N",
      description =
          "With --store: a simulation of the team store at N times the benchmark's size. The"
              + " workspace an earlier bench made at --workspace is pushed, then each record"
              + " written N-1 times more under another id, a year later each time; the writes,"
              + " the index's size, its tables, searches and reads are measured at that size")
  int replicas;

  @Option(names = "--seed", defaultValue = "7", description = "Scenario seed")
  long seed;

  @Option(names = "--json", description = "Print the figures as JSON")
  boolean json;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (scale <= 0 || scale > 20) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--scale must be above 0 and at most 20");
    }
    if (repeat < 1 || repeat > 9) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--repeat must be from 1 to 9");
    }
    if (repeat > 1 && !growth) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--repeat is for --growth: a single size is measured once");
    }
    dev.rehearsal.app.TeamStore store = storeOptions.given() ? storeOptions.resolve(spec) : null;
    if (replicas != 0) {
      if (store == null || replicas < 2 || replicas > 20) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--replicas is from 2 to 20, with --store");
      }
      PrintWriter out = spec.commandLine().getOut();
      Object figures =
          dev.rehearsal.bench.Benchmark.storeAtScale(
              work.toAbsolutePath(), store, replicas, json ? null : out);
      out.println(dev.rehearsal.bench.Benchmark.json(figures));
      return 0;
    }
    Path jar = runningJar();
    if (jar == null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "run the benchmark from "
              + "the packaged jar: java -Xmx1g -jar target/rehearsal.jar bench");
    }
    Path lib = benchLib != null ? benchLib : jar.resolveSibling("bench-lib");
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter progress = json ? null : out;
    Benchmark b = new Benchmark(progress);
    Benchmark.Options o =
        new Benchmark.Options(
            scale, work.toAbsolutePath(), jar, lib, !noApp, !noDuckdb, seed, store);
    Object figures =
        growth ? b.growth(o, new double[] {scale * 0.1, scale * 0.3, scale}, repeat) : b.run(o);
    if (json) {
      out.println(Benchmark.json(figures));
    } else {
      out.println();
      BenchReport.print(out, figures);
    }
    return 0;
  }

  private static Path runningJar() {
    try {
      Path p = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isRegularFile(p) && p.toString().endsWith(".jar")) {
        return p;
      }
      Path built = Path.of("target", "rehearsal.jar");
      return Files.isRegularFile(built) ? built.toAbsolutePath() : null;
    } catch (Exception e) {
      return null;
    }
  }
}
