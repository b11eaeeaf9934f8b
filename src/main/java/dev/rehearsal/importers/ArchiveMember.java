package dev.rehearsal.importers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A file inside a zip archive, named as an import names it: {@code archive.zip!/folder/member.csv}.
 * Opened on its own (to read its fields for a column mapping, or to plan and import that one
 * member), it is read in place, within the same limits as when the whole archive is imported
 * ({@link ImportRunner#refusal}).
 */
public final class ArchiveMember implements AutoCloseable {
  private final ZipFile zip;
  private final ImportSource source;

  private ArchiveMember(ZipFile zip, ImportSource source) {
    this.zip = zip;
    this.source = source;
  }

  /** The archive on disk and the member's name inside it. */
  public record Name(Path archive, String archiveDisplay, String entry) {}

  /**
   * The archive and member a name points to: the part before a {@code !/} is a file on disk and the
   * part after it the member's name. Empty when the name is a file on disk itself or names no
   * archive that exists.
   */
  public static Optional<Name> parse(String name) {
    if (name == null || Files.isRegularFile(Path.of(name))) {
      return Optional.empty();
    }
    for (int i = name.indexOf('!'); i >= 0; i = name.indexOf('!', i + 1)) {
      if (i + 1 >= name.length() || name.charAt(i + 1) != '/' && name.charAt(i + 1) != '\\') {
        continue;
      }
      String archive = name.substring(0, i);
      String entry = name.substring(i + 2).replace('\\', '/');
      if (!archive.isEmpty() && !entry.isEmpty() && Files.isRegularFile(Path.of(archive))) {
        return Optional.of(new Name(Path.of(archive), archive, entry));
      }
    }
    return Optional.empty();
  }

  /**
   * Opens a member of an archive.
   *
   * @throws IllegalArgumentException when the name points to no member of an archive, or to one the
   *     import would not read (a name outside the archive, a member beyond the limits)
   * @throws IOException when the archive cannot be read
   */
  public static ArchiveMember open(String name, ImportOptions.ArchiveLimits limits)
      throws IOException {
    Name n =
        parse(name)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        name + " is neither a file on disk nor a member of a zip archive on disk"));
    if (ImportRunner.outside(n.entry())) {
      throw new IllegalArgumentException(
          name + ": its name points outside the archive (a '..' part or an absolute path)");
    }
    ImportOptions.ArchiveLimits l = limits == null ? ImportOptions.ArchiveLimits.DEFAULT : limits;
    ZipFile zip = new ZipFile(n.archive().toFile());
    try {
      var all = zip.stream().sorted(Comparator.comparing(ZipEntry::getName)).toList();
      String refusal = ImportRunner.refusal(all, l);
      if (refusal != null) {
        throw new IllegalArgumentException(n.archiveDisplay() + " " + refusal);
      }
      Map<String, ZipEntry> entries = new LinkedHashMap<>();
      all.stream().filter(x -> !x.isDirectory()).forEach(x -> entries.put(x.getName(), x));
      ZipEntry e = entries.get(n.entry());
      if (e == null) {
        throw new IllegalArgumentException(
            n.archiveDisplay() + " holds no file named " + n.entry());
      }
      long size = e.getSize();
      long cap = size >= 0 ? size + 1 : l.maxTotalBytes();
      ArchiveMember m =
          new ArchiveMember(zip, new ZipEntrySource(zip, e, n.archiveDisplay(), entries, cap));
      zip = null;
      return m;
    } finally {
      if (zip != null) {
        zip.close();
      }
    }
  }

  /** The member, to read (again from its first byte at each {@code open()}). */
  public ImportSource source() {
    return source;
  }

  @Override
  public void close() throws IOException {
    zip.close();
  }
}
