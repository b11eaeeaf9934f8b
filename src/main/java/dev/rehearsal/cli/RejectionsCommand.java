package dev.rehearsal.cli;

import dev.rehearsal.app.Session;
import dev.rehearsal.model.Rejection;
import dev.rehearsal.util.Json;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rehearsal rejections [FILE]}: the records imports could not take, and why. */
@Command(
    name = "rejections",
    mixinStandardHelpOptions = true,
    description = "List the records that imports rejected, with file, line and reason.")
final class RejectionsCommand implements Callable<Integer> {
  @Mixin WorkspaceOption ws;

  @Parameters(arity = "0..1", paramLabel = "FILE", description = "Only this file (as reported)")
  String file;

  @Option(names = "--limit", defaultValue = "100", description = "At most this many")
  int limit;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (Session s = ws.open()) {
      List<Rejection> list = s.rows().rejections(file, limit);
      if (ws.json) {
        out.println(Json.pretty().writeValueAsString(list));
        return 0;
      }
      if (list.isEmpty()) {
        out.println("No rejected records" + (file == null ? "." : " for " + file + "."));
      }
      for (Rejection r : list) {
        out.println(r.location() + " [" + r.format() + "]: " + r.reason());
      }
      return 0;
    }
  }
}
