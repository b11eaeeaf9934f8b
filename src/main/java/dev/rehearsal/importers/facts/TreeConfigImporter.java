package dev.rehearsal.importers.facts;

import dev.rehearsal.importers.ImportContext;
import dev.rehearsal.importers.ImportException;
import dev.rehearsal.importers.ImportSource;
import dev.rehearsal.importers.Importer;
import dev.rehearsal.importers.RecordSink;
import dev.rehearsal.importers.support.Decoding;
import dev.rehearsal.model.RecordKind;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Configuration snapshots written as trees (YAML, JSON): nested maps flattened with dots, lists as
 * {@code key[0]}, one CONFIG fact per leaf. A file may hold several documents; a document activated
 * by a Spring profile ({@code spring.config.activate.on-profile}, or the older {@code
 * spring.profiles}) that names an environment is that environment's configuration; one activated by
 * any other profile keeps its keys apart as {@code key [profile NAME]}.
 *
 * <p>Two passes over the file: the first finds each document's profile (it may be written after the
 * keys it governs), the second sends the records. Neither builds the document in memory.
 */
abstract class TreeConfigImporter implements Importer {

  /** Flattens the file's documents into the handler. */
  abstract void flatten(Reader reader, YamlEvents.FlatHandler h)
      throws IOException, ImportException;

  @Override
  public RecordKind kind() {
    return RecordKind.FACT;
  }

  @Override
  public void parse(ImportSource source, ImportContext ctx, RecordSink sink)
      throws IOException, ImportException {
    Map<Integer, String> profiles = new HashMap<>();
    Map<Integer, Long> profileLines = new HashMap<>();
    try {
      readAll(
          source,
          sink,
          false,
          new YamlEvents.FlatHandler() {
            @Override
            public void entry(int doc, String key, String value, long line, List<String> notes) {
              if (isProfileKey(key) && !value.isBlank()) {
                profiles.merge(doc, value.strip(), (a, b) -> a + "," + b);
                profileLines.putIfAbsent(doc, line);
              }
            }

            @Override
            public void notAMap(int doc, long line, String what) {}
          });
    } catch (YamlEvents.AliasLimitException e) {
      // an alias bomb: refused whole, before any of its values is sent
      throw new ImportException(e.getMessage() + "; nothing of this file is imported", e.line());
    } catch (ImportException e) {
      // the second pass meets the same problem after sending what comes before it
    }

    Target base = Target.fromName(source, ctx, true).withHints(ctx.hints());
    ConfigEmitter out = new ConfigEmitter(source, ctx, sink, id());
    Target[] docTarget = {base};
    String[] suffix = {""};
    try {
      readAll(
          source,
          sink,
          true,
          new YamlEvents.FlatHandler() {
            @Override
            public void document(int doc, long line) {
              docTarget[0] = base;
              suffix[0] = "";
              String profile = profiles.get(doc);
              if (profile != null) {
                if (!profile.contains(",")
                    && !profile.contains("|")
                    && !profile.contains("&")
                    && !profile.startsWith("!")
                    && Target.isKnownEnvironment(ctx, profile)) {
                  docTarget[0] =
                      base.copy()
                          .environment(
                              profile,
                              "the Spring profile of the "
                                  + "document at line "
                                  + profileLines.get(doc));
                } else {
                  suffix[0] = " [profile " + profile + "]";
                }
              }
            }

            @Override
            public void entry(int doc, String key, String value, long line, List<String> notes) {
              ctx.monitor().checkCancelled();
              List<String> n = notes.isEmpty() ? null : new ArrayList<>(notes);
              if (!suffix[0].isEmpty()) {
                n = n == null ? new ArrayList<>() : n;
                n.add(
                    "from the document for Spring profile '"
                        + profiles.get(doc)
                        + "', which does not name one environment");
              }
              out.entry(docTarget[0], key + suffix[0], value, line, n);
            }

            @Override
            public void notAMap(int doc, long line, String what) {
              out.reject(
                  line,
                  "the document at line "
                      + line
                      + " is "
                      + what
                      + ", not a map of configuration keys");
            }
          });
    } finally {
      out.finish();
    }
  }

  private void readAll(ImportSource source, RecordSink sink, boolean warn, YamlEvents.FlatHandler h)
      throws IOException, ImportException {
    Decoding.Decoded d = Decoding.open(source.open());
    try (Reader r = d.reader()) {
      flatten(r, h);
    } finally {
      if (warn) {
        d.notes().forEach(sink::warn);
      }
    }
  }

  static boolean isProfileKey(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    return k.equals("spring.config.activate.on-profile")
        || k.startsWith("spring.config.activate.on-profile[")
        || k.equals("spring.profiles")
        || k.startsWith("spring.profiles[");
  }
}
