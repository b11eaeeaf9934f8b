package dev.rehearsal.importers;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Zip archives for tests. */
public final class TestZips {
  private TestZips() {}

  /** Writes a zip archive of these members (name to UTF-8 text). */
  public static Path write(Path zip, Map<String, String> members) throws IOException {
    try (OutputStream out = Files.newOutputStream(zip);
        ZipOutputStream z = new ZipOutputStream(out)) {
      for (Map.Entry<String, String> m : members.entrySet()) {
        z.putNextEntry(new ZipEntry(m.getKey()));
        z.write(m.getValue().getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
      }
    }
    return zip;
  }
}
