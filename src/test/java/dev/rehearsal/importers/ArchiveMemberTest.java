package dev.rehearsal.importers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveMemberTest {
  @TempDir Path dir;

  private static final String CSV = "service,version,at\ncheckout,1.2.3,2024-03-01T10:00:00Z\n";

  private Path archive() throws Exception {
    return TestZips.write(dir.resolve("export.zip"), Map.of("deploys/2024.csv", CSV));
  }

  @Test
  void aMemberIsReadInPlaceByTheNameThePlanGivesIt() throws Exception {
    Path zip = archive();
    try (ArchiveMember m = ArchiveMember.open(zip + "!/deploys/2024.csv", null);
        var in = m.source().open()) {
      assertEquals(CSV, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void aMemberLargerThanTheArchiveLimitIsRefused() throws Exception {
    Path zip = archive();
    var limits = new ImportOptions.ArchiveLimits(100, 10, 200);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ArchiveMember.open(zip + "!/deploys/2024.csv", limits));
    assertTrue(e.getMessage().contains("more than 10 bytes"), e.getMessage());
  }

  @Test
  void namesOutsideTheArchiveOrMissingMembersAreRefused() throws Exception {
    Path zip = archive();
    assertThrows(
        IllegalArgumentException.class, () -> ArchiveMember.open(zip + "!/../etc/passwd", null));
    IllegalArgumentException missing =
        assertThrows(
            IllegalArgumentException.class, () -> ArchiveMember.open(zip + "!/nope.csv", null));
    assertTrue(missing.getMessage().contains("holds no file named nope.csv"), missing.getMessage());
  }
}
