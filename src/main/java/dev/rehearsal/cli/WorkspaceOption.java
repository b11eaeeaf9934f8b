package dev.rehearsal.cli;

import dev.rehearsal.index.Workspace;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --workspace DIR} and {@code --json}, shared by every command. */
final class WorkspaceOption {
  @Option(
      names = "--workspace",
      paramLabel = "DIR",
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

  /**
   * The key of the one incident a user's handle names (full key, source/id, or the id or reference
   * the tool shows); a usage error when it names none or several.
   */
  static String incidentKey(Workspace w, String handle, CommandLine cl) throws IOException {
    List<String> keys = w.incidentKeysFor(handle);
    if (keys.isEmpty()) {
      throw new CommandLine.ParameterException(
          cl,
          "no incident '"
              + handle
              + "' in the workspace (give its key, source/id, or the id its tool shows)");
    }
    if (keys.size() > 1) {
      throw new CommandLine.ParameterException(
          cl,
          "'"
              + handle
              + "' names "
              + keys.size()
              + " incidents; give one key: "
              + String.join(", ", keys));
    }
    return keys.get(0);
  }
}
