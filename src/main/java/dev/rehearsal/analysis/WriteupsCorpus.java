package dev.rehearsal.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rehearsal.model.Gap;
import dev.rehearsal.util.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The labelled real incident write-ups shipped with the product ({@code
 * analysis/writeups/writeups.jsonl}, see its SOURCES.md and docs/labelling-guide.md): the records
 * whose text may be redistributed, each with its gap ({@link Gap#UNEXPLAINED} for "none") and the
 * sentence that says why. Records shipped without text are left out.
 */
public final class WriteupsCorpus {
  static final String RESOURCE = "/dev/rehearsal/analysis/writeups/writeups.jsonl";

  /**
   * One write-up.
   *
   * @param gap the labelled gap; UNEXPLAINED when none of the four fits
   * @param why the labeller's sentence pointing at the words that decided the label
   */
  public record Writeup(String id, String source, String title, String text, Gap gap, String why) {
    /** Title and text, as an incident's narrative joins them. */
    public String narrative() {
      return title + "\n" + text;
    }
  }

  private static volatile List<Writeup> shipped;

  private WriteupsCorpus() {}

  /** The write-ups with shipped text, in the file's order (sorted by id). */
  public static List<Writeup> shipped() {
    List<Writeup> s = shipped;
    if (s == null) {
      synchronized (WriteupsCorpus.class) {
        if (shipped == null) {
          shipped = List.copyOf(read());
        }
        s = shipped;
      }
    }
    return s;
  }

  private static List<Writeup> read() {
    List<Writeup> out = new ArrayList<>();
    try (InputStream in = WriteupsCorpus.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IOException("the bundled write-ups are missing: " + RESOURCE);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode n = Json.mapper().readTree(line);
        String text = n.path("text").asText("");
        if (text.isBlank()) {
          continue;
        }
        out.add(
            new Writeup(
                n.path("id").asText(),
                n.path("source").asText(),
                n.path("title").asText(""),
                text,
                Gap.parse(n.path("gap").asText("none")),
                n.path("why").asText("")));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
