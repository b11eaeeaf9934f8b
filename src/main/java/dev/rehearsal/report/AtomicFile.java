package dev.rehearsal.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A file written beside its target and moved into place once complete, so a failed or cancelled
 * export leaves what was there before.
 */
final class AtomicFile {
  /** What writes the file's content. */
  interface Body {
    void write(OutputStream out) throws IOException;
  }

  private AtomicFile() {}

  static void write(Path target, Body body) throws IOException {
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    if (dir != null) {
      Files.createDirectories(dir);
    }
    if (Files.isDirectory(abs)) {
      throw new IOException(target + " is a folder: name a file to write");
    }
    Path part = Files.createTempFile(dir, "." + abs.getFileName(), ".part");
    try {
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(part), 1 << 16)) {
        body.write(out);
      }
      try {
        Files.move(part, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(part, abs, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(part);
    }
  }
}
