package dev.rehearsal.ui.shell;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Linux desktop without xdg-open is told as such, not left to a stack trace on stderr. */
class DesktopOpenerTest {
  @TempDir Path dir;

  @Test
  void withoutXdgOpenOnLinuxTheFileIsNotOpenedAndTheMessageSaysWhy() throws Exception {
    Path empty = Files.createDirectories(dir.resolve("bin-empty"));
    DesktopOpener opener = new DesktopOpener(null, "Linux", empty.toString());
    Path report = dir.resolve("q1.pdf");
    var e = assertThrows(UnsupportedOperationException.class, () -> opener.accept(report));
    assertTrue(e.getMessage().contains("xdg-utils"), e.getMessage());
    assertTrue(e.getMessage().contains(report.toString()), "says where the file is");
  }

  @Test
  void xdgOpenIsFoundAsAnExecutableInAFolderOfPath() throws Exception {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path other = Files.createDirectories(dir.resolve("other"));
    Path xdg = Files.createFile(bin.resolve("xdg-open"));
    String path = other + java.io.File.pathSeparator + bin;
    assertFalse(new DesktopOpener(null, "Linux", path).onPath("xdg-open"), "not executable yet");
    Files.setPosixFilePermissions(xdg, PosixFilePermissions.fromString("rwxr-xr-x"));
    assertTrue(new DesktopOpener(null, "Linux", path).onPath("xdg-open"));
    assertFalse(new DesktopOpener(null, "Linux", path).onPath("firefox"));
  }
}
