package dev.rehearsal.cli;

import dev.rehearsal.app.TeamStore;
import dev.rehearsal.store.StoreCredentials;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * Where a team workspace lives and how to reach it: {@code --store}, {@code --store-credentials}
 * and {@code --store-ca}. Credentials are never an option's value (a command line is seen by every
 * process and kept in shell history): they come from the environment or a file.
 */
final class StoreOptions {
  @Option(
      names = "--store",
      paramLabel = "ADDRESS",
      description =
          "The team workspace: opensearch://host:9200/prefix, or opensearch+https://... for TLS")
  String store;

  @Option(
      names = "--store-credentials",
      paramLabel = "FILE",
      description =
          "A file with user:password on its first line (else $"
              + StoreCredentials.USER_VARIABLE
              + " and $"
              + StoreCredentials.PASSWORD_VARIABLE
              + " are used when set)")
  Path credentials;

  @Option(
      names = "--store-ca",
      paramLabel = "PEM",
      description = "The cluster's certificate authority, for TLS (PEM)")
  Path ca;

  boolean given() {
    return store != null && !store.isBlank();
  }

  /** The team store, which the command needs: a usage error when {@code --store} is not given. */
  TeamStore required(CommandLine.Model.CommandSpec spec) {
    if (!given()) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--store ADDRESS is required (opensearch://host:9200/prefix)");
    }
    return resolve(spec);
  }

  /** The team store the options name; a usage error saying what is wrong otherwise. */
  TeamStore resolve(CommandLine.Model.CommandSpec spec) {
    try {
      return TeamStore.of(
          store,
          credentials == null ? null : credentials.toString(),
          ca == null ? null : ca.toString(),
          System.getenv());
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /** A use case run on the team store. */
  interface Call<T> {
    T run(dev.rehearsal.task.TaskMonitor progress) throws java.io.IOException;
  }

  /**
   * Runs a use case on the team store with its progress on the console; when it fails, says why in
   * one line naming the store, and gives null.
   */
  static <T> T attempt(CommandLine.Model.CommandSpec spec, TeamStore store, Call<T> call) {
    ConsoleProgress progress = new ConsoleProgress();
    T result;
    try {
      result = call.run(progress);
    } catch (java.io.IOException e) {
      progress.done();
      spec.commandLine()
          .getErr()
          .println("rehearsal: the team workspace at " + store.address() + ": " + e.getMessage());
      return null;
    }
    progress.done();
    return result;
  }
}
