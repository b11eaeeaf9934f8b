package dev.rehearsal.importers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** An import source on disk. */
public final class FileSource implements ImportSource {
  private final Path path;
  private final String display;

  public FileSource(Path path) {
    this(path, path.toString());
  }

  public FileSource(Path path, String display) {
    this.path = path;
    this.display = display;
  }

  @Override
  public String displayName() {
    return display;
  }

  @Override
  public String fileName() {
    return path.getFileName().toString();
  }

  @Override
  public long size() {
    try {
      return Files.size(path);
    } catch (IOException e) {
      return -1;
    }
  }

  @Override
  public InputStream open() throws IOException {
    return Files.newInputStream(path);
  }

  @Override
  public Path path() {
    return path;
  }

  @Override
  public java.time.Instant modifiedAt() {
    try {
      return Files.getLastModifiedTime(path).toInstant();
    } catch (IOException e) {
      return null;
    }
  }

  @Override
  public ImportSource sibling(String name) {
    Path p = path.resolveSibling(name);
    if (!Files.isRegularFile(p)) {
      return null;
    }
    String parentDisplay =
        display.substring(0, Math.max(0, display.length() - fileName().length()));
    return new FileSource(p, parentDisplay + name);
  }

  @Override
  public String toString() {
    return display;
  }
}
