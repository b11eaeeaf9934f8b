package dev.rehearsal.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default workspace lives where each platform keeps application data. */
class LocationsTest {
  @TempDir Path home;

  @Test
  void linuxFollowsXdgAndFindsTheOlderPlace() throws Exception {
    Locations plain = new Locations(Map.of(), "Linux", home);
    assertEquals(home.resolve(".local/share/rehearsal/workspace"), plain.defaultWorkspace());
    Locations xdg = new Locations(Map.of("XDG_DATA_HOME", "/data"), "Linux", home);
    assertEquals(Path.of("/data/rehearsal/workspace"), xdg.defaultWorkspace());
    Files.createDirectories(home.resolve(".rehearsal/workspace"));
    assertEquals(
        home.resolve(".rehearsal/workspace"),
        plain.defaultWorkspace(),
        "a workspace in the older place is still found");
    Files.createDirectories(home.resolve(".local/share/rehearsal/workspace"));
    assertEquals(home.resolve(".local/share/rehearsal/workspace"), plain.defaultWorkspace());
  }

  @Test
  void windowsAndMacUseTheirOwnFolders() {
    assertEquals(
        Path.of("C:/Users/ana/AppData/Roaming").resolve("Rehearsal").resolve("workspace"),
        new Locations(Map.of("APPDATA", "C:/Users/ana/AppData/Roaming"), "Windows 11", home)
            .defaultWorkspace());
    assertEquals(
        home.resolve("Library/Application Support/Rehearsal/workspace"),
        new Locations(Map.of(), "Mac OS X", home).defaultWorkspace());
  }

  @Test
  void theEnvironmentVariableWins() {
    assertEquals(
        Path.of("/srv/ws"),
        new Locations(Map.of("REHEARSAL_WORKSPACE", "/srv/ws"), "Linux", home).defaultWorkspace());
  }

  @Test
  void cachesGoWhereEachPlatformKeepsThem() {
    assertEquals(
        home.resolve(".cache/rehearsal"), new Locations(Map.of(), "Linux", home).cacheDir());
    assertEquals(
        Path.of("/c/rehearsal"),
        new Locations(Map.of("XDG_CACHE_HOME", "/c"), "Linux", home).cacheDir());
    assertEquals(
        Path.of("C:/Users/ana/AppData/Local").resolve("Rehearsal").resolve("cache"),
        new Locations(Map.of("LOCALAPPDATA", "C:/Users/ana/AppData/Local"), "Windows 11", home)
            .cacheDir());
    assertEquals(
        home.resolve("Library/Caches/Rehearsal"),
        new Locations(Map.of(), "Mac OS X", home).cacheDir());
  }
}
