package dev.rehearsal.importers.deploys;

import dev.rehearsal.importers.ImportSource;
import java.io.IOException;
import java.io.InputStream;

/** Cheap looks at a source during a parse. */
final class Sources {
  private Sources() {}

  /** The first character that is not white space or a byte-order mark, or 0. */
  static char firstChar(ImportSource source) throws IOException {
    try (InputStream in = source.open()) {
      byte[] head = in.readNBytes(4096);
      String t = new String(head, java.nio.charset.StandardCharsets.ISO_8859_1);
      for (int i = 0; i < t.length(); i++) {
        char c = t.charAt(i);
        if (c == 0
            || Character.isWhitespace(c)
            || c == 0xEF
            || c == 0xBB
            || c == 0xBF
            || c == 0xFE
            || c == 0xFF) {
          continue;
        }
        return c;
      }
      return 0;
    }
  }

  static boolean looksLikeJson(ImportSource source) throws IOException {
    char c = firstChar(source);
    return c == '{' || c == '[';
  }
}
