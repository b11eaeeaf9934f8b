package dev.rehearsal.report;

/**
 * A kind of file an exporter writes.
 *
 * @param extension without the dot ("csv")
 * @param mediaType the MIME type ("text/csv")
 * @param description for file dialogs ("CSV spreadsheet")
 */
public record FileType(String extension, String mediaType, String description) {
  public static final FileType CSV = new FileType("csv", "text/csv", "CSV spreadsheet");
  public static final FileType PDF = new FileType("pdf", "application/pdf", "PDF document");

  /** A file name with this type's extension. */
  public String fileName(String base) {
    return base.endsWith("." + extension) ? base : base + "." + extension;
  }
}
