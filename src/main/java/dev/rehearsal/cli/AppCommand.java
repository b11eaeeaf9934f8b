package dev.rehearsal.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code rehearsal app}: opens the desktop app on a workspace. */
@Command(
    name = "app",
    mixinStandardHelpOptions = true,
    description = "Open the desktop app (builds the demo workspace when the workspace is empty).")
final class AppCommand implements Callable<Integer> {
  @Mixin WorkspaceOption ws;

  @Override
  public Integer call() {
    dev.rehearsal.ui.Launcher.launch(ws.dir());
    return 0;
  }
}
