package dev.rehearsal.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The lines of a text file shipped beside the analysis' classes (labelled sentences, stories). */
final class ShippedLines {
  private ShippedLines() {}

  /** Every line of the resource, in order; it must be there. */
  static List<String> of(String resource) {
    try (InputStream in = ShippedLines.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the application");
      }
      return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The rows of a shipped table of labelled texts: one per line, a label, where the text was
   * written and the text, separated by tabs; blank lines and lines starting with # are left out.
   */
  static List<String[]> labelled(String resource) {
    List<String[]> out = new ArrayList<>();
    for (String line : of(resource)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cols = line.split("\t", 3);
      if (cols.length != 3) {
        throw new IllegalArgumentException(
            resource + ": not a label, a source and a text: " + line);
      }
      out.add(cols);
    }
    return out;
  }
}
