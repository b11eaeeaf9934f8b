package dev.rehearsal.cli;

import dev.rehearsal.index.Workspace;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --workspace DIR} and {@code --json}, shared by every command. */
final class WorkspaceOption {
  @Option(names = "--workspace", paramLabel = "DIR",
      description = "Workspace folder (default: $REHEARSAL_WORKSPACE or ~/.rehearsal/workspace)")
  Path workspace;

  @Option(names = "--json", description = "Print the result as JSON for scripts")
  boolean json;

  Path dir() {
    return workspace != null ? workspace : Workspace.defaultDir();
  }

  Workspace open() throws IOException {
    return Workspace.open(dir());
  }
}
