package dev.rehearsal.cli;

import dev.rehearsal.util.BuildInfo;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line: {@code rehearsal <command> [options]}. Every command takes {@code --workspace
 * DIR} and prints a readable summary, or data with {@code --json}. Exit codes: 0 done; 1 the
 * command ran but found problems (e.g. --strict rejections) or failed; 2 wrong arguments (usage is
 * printed).
 */
@Command(
    name = "rehearsal",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description =
        "Finds production incidents caused by changes that passed staging, and the "
            + "staging gap that let each through.",
    subcommands = {
      ImportCommand.class,
      SearchCommand.class,
      RowsCommand.class,
      StatsCommand.class,
      DemoCommand.class,
      AnalyzeCommand.class,
      EvaluateCommand.class,
      ReviewCommand.class,
      ExplainCommand.class,
      AggregatesCommand.class,
      ReportCommand.class,
      BenchCommand.class,
      RejectionsCommand.class,
      AliasesCommand.class,
      StoreCommand.class,
      AppCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    // the PDF reports draw their charts through AWT, which needs no display: with one named in
    // DISPLAY that cannot be reached (a closed Xvfb, an ssh session's stale forwarding), AWT would
    // stop the report with "Can't connect to X11 window server"; the window (JavaFX) uses none
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
    System.exit(
        execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs a command line with the given streams; returns the exit code. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new Main());
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setParameterExceptionHandler(
        (ex, arguments) -> {
          // the reason, any "did you mean", then always the usage of the command that was meant
          CommandLine c = ex.getCommandLine();
          PrintWriter w = c.getErr();
          w.println(ex.getMessage());
          CommandLine.UnmatchedArgumentException.printSuggestions(ex, w);
          c.usage(w);
          return 2;
        });
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          commandLine.getErr().println("rehearsal: " + Messages.describe(ex));
          return 1;
        });
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  @Override
  public void run() {
    // No command: say how to use it and fail, so scripts notice.
    throw new CommandLine.ParameterException(
        spec.commandLine(), "a command is required (import, search, stats, demo, ...)");
  }

  /** {@code rehearsal --version}: the pom's version and the commit, as the build recorded them. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {BuildInfo.current().describe()};
    }
  }
}
