package dev.rehearsal.cli;

import dev.rehearsal.app.Locations;
import dev.rehearsal.app.Session;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

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
    return workspace != null ? workspace : Locations.system().defaultWorkspace();
  }

  /** The workspace, which must exist. */
  Session open() throws IOException {
    return Session.open(dir());
  }

  /** The workspace, created when the folder holds none. */
  Session openOrCreate() throws IOException {
    return Session.openOrCreate(dir());
  }
}
