package dev.rehearsal.model;

/**
 * A record that could not be imported, kept so the user can see it later.
 *
 * @param line 1-based line where the record starts, 0 when the format has no lines
 * @param index 0-based position of the record in the file, -1 for a problem with the whole file
 */
public record Rejection(String file, long line, long index, String format, String reason) {

  public String location() {
    if (line > 0) {
      return file + ":" + line;
    }
    return index >= 0 ? file + " record " + (index + 1) : file;
  }
}
