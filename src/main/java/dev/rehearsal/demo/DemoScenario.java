package dev.rehearsal.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The layout of a scenario folder the generator writes. */
public final class DemoScenario {
  /** The folders of a scenario that hold tool exports, in the order they are imported. */
  public static final List<String> DATA_FOLDERS =
      List.of("incidents", "deploys", "staging", "config", "flags", "facts", "mocks");

  private DemoScenario() {}

  /** The data folders a scenario folder holds. */
  public static List<Path> dataFolders(Path scenarioDir) {
    List<Path> out = new ArrayList<>();
    for (String f : DATA_FOLDERS) {
      Path p = scenarioDir.resolve(f);
      if (Files.isDirectory(p)) {
        out.add(p);
      }
    }
    return out;
  }
}
