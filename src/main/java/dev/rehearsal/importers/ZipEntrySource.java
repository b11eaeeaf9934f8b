package dev.rehearsal.importers;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** A member of a zip archive, read in place without unpacking to disk. */
final class ZipEntrySource implements ImportSource {
  private final ZipFile zip;
  private final ZipEntry entry;
  private final String display;
  private final Map<String, ZipEntry> siblings;
  private final String archiveDisplay;
  private final long maxBytes;

  ZipEntrySource(
      ZipFile zip,
      ZipEntry entry,
      String archiveDisplay,
      Map<String, ZipEntry> entries,
      long maxBytes) {
    this.zip = zip;
    this.entry = entry;
    this.archiveDisplay = archiveDisplay;
    this.display = archiveDisplay + "!/" + entry.getName();
    this.siblings = entries;
    this.maxBytes = maxBytes;
  }

  String entryName() {
    return entry.getName();
  }

  @Override
  public String displayName() {
    return display;
  }

  @Override
  public String fileName() {
    String n = entry.getName();
    int slash = n.lastIndexOf('/');
    return slash < 0 ? n : n.substring(slash + 1);
  }

  @Override
  public long size() {
    return entry.getSize();
  }

  @Override
  public InputStream open() throws IOException {
    return new Bounded(zip.getInputStream(entry), maxBytes, display);
  }

  @Override
  public Path path() {
    return null;
  }

  @Override
  public java.time.Instant modifiedAt() {
    return entry.getLastModifiedTime() == null ? null : entry.getLastModifiedTime().toInstant();
  }

  @Override
  public ImportSource sibling(String name) {
    String n = entry.getName();
    int slash = n.lastIndexOf('/');
    String sib = (slash < 0 ? "" : n.substring(0, slash + 1)) + name;
    ZipEntry e = siblings.get(sib);
    return e == null ? null : new ZipEntrySource(zip, e, archiveDisplay, siblings, maxBytes);
  }

  /** Refuses to inflate more than the limit, whatever the entry's header claims. */
  static final class Bounded extends FilterInputStream {
    private final long max;
    private final String name;
    private long count;

    Bounded(InputStream in, long max, String name) {
      super(in);
      this.max = max;
      this.name = name;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        check(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, len);
      if (n > 0) {
        check(n);
      }
      return n;
    }

    private void check(int n) throws IOException {
      count += n;
      if (count > max) {
        throw new IOException(
            name + " inflates beyond " + max + " bytes; refused as a " + "possible zip bomb");
      }
    }
  }
}
