package dev.rehearsal.cli;

import dev.rehearsal.app.Locations;
import dev.rehearsal.app.Session;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --workspace DIR} and {@code --json}, shared by every command. */
final class WorkspaceOption {
  @Option(
      names = "--workspace",
      paramLabel = "DIR",
      description =
          "Workspace folder (default: $REHEARSAL_WORKSPACE, else the platform's data folder,"
              + " e.g. ~/.local/share/rehearsal/workspace on Linux)")
  Path workspace;

  @Option(names = "--json", description = "Print the result as JSON for scripts")
  boolean json;

  Path dir() {
    inherit();
    return workspace != null ? workspace : Locations.system().defaultWorkspace();
  }

  /**
   * Options given on a parent command ({@code rehearsal aliases --workspace WS set A B}) apply to
   * its subcommand; the same option given on both with different values is refused, never settled
   * silently.
   */
  private void inherit() {
    if (command == null || command.parent() == null) {
      return;
    }
    for (CommandSpec m : command.parent().mixins().values()) {
      if (m.userObject() instanceof WorkspaceOption parent && parent != this) {
        parent.inherit();
        if (workspace == null) {
          workspace = parent.workspace;
        } else if (parent.workspace != null
            && !parent
                .workspace
                .toAbsolutePath()
                .normalize()
                .equals(workspace.toAbsolutePath().normalize())) {
          throw new ParameterException(
              command.commandLine(),
              "--workspace is given twice, as "
                  + parent.workspace
                  + " and "
                  + workspace
                  + ": give it once");
        }
        json |= parent.json;
      }
    }
  }

  /** The command this option belongs to, to name it to other processes. */
  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  /**
   * How long a writing command waits for another process that writes the workspace: a minute, or
   * {@code -Drehearsal.writerPatienceSeconds}.
   */
  static final Duration PATIENCE =
      Duration.ofSeconds(Long.getLong("rehearsal.writerPatienceSeconds", 60));

  /** The workspace, which must exist. */
  Session open() throws IOException {
    return identified(Session.open(dir()));
  }

  /** The workspace, created when the folder holds none. */
  Session openOrCreate() throws IOException {
    return identified(Session.openOrCreate(dir()));
  }

  /**
   * The workspace named by {@code --workspace}, else the one at {@code otherwise}; created when the
   * folder holds none. (The team workspace's local copy is not the user's own workspace unless
   * named.)
   */
  Session openOrCreateNamedOr(Path otherwise) throws IOException {
    inherit();
    return identified(Session.openOrCreate(workspace != null ? workspace : otherwise));
  }

  private static Duration patience() {
    return Duration.ofSeconds(
        Long.getLong("rehearsal.writerPatienceSeconds", PATIENCE.toSeconds()));
  }

  private Session identified(Session s) {
    PrintWriter err = command == null ? null : command.commandLine().getErr();
    return s.identify(
        command == null
            ? "rehearsal"
            : "rehearsal " + command.qualifiedName(" ").replaceFirst("^rehearsal ", ""),
        patience(),
        message -> {
          if (err != null) {
            err.println("rehearsal: " + message + " (up to " + patience().toSeconds() + " s) ...");
            err.flush();
          }
        });
  }
}
