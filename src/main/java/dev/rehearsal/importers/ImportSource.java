package dev.rehearsal.importers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/** A file to import: on disk, or a member of an archive. Each {@link #open()} starts over. */
public interface ImportSource {

  /** How the file is named in reports: a path, or {@code archive.zip!/member/path}. */
  String displayName();

  /** The last path segment. */
  String fileName();

  /** Size in bytes, -1 when unknown. */
  long size();

  /** A fresh stream from the first byte. */
  InputStream open() throws IOException;

  /** The file on disk, or null for an archive member. */
  Path path();

  /**
   * When the file was last modified, as its file system or archive says; null when unknown. A
   * snapshot that states no time of its own is taken as of it (flagged as assumed).
   */
  default java.time.Instant modifiedAt() {
    return null;
  }

  /** A file next to this one (same folder or archive folder), or null when there is none. */
  ImportSource sibling(String name);
}
