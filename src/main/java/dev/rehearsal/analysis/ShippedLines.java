package dev.rehearsal.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
}
