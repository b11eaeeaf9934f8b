package dev.rehearsal.importers;

import com.fasterxml.jackson.databind.JsonNode;
import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;
import dev.rehearsal.importers.support.Decoding;
import dev.rehearsal.importers.support.TimeParseException;
import dev.rehearsal.importers.support.TimeParser;
import dev.rehearsal.util.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What result files are about, written down beside them (see docs/import-manifests.md).
 *
 * <p>An <b>import manifest</b> ({@code rehearsal-manifest.csv} or {@code .json} in an imported
 * folder, or {@code --manifest FILE}) lists many files: CSV columns {@code file, service,
 * environment, version, commit, time} (only {@code file} is required; paths are relative to the
 * manifest), or a JSON list of objects with the same keys. A <b>sidecar</b> describes one file
 * ({@code NAME.rehearsal.json} next to it) or every file in its folder ({@code rehearsal.json}), as
 * one JSON object with the same keys.
 */
public final class ImportManifest {
  public static final String SIDECAR_SUFFIX = ".rehearsal.json";
  public static final String FOLDER_SIDECAR = "rehearsal.json";

  private final Map<String, TargetHints> byPath = new HashMap<>();
  private final List<String> problems = new ArrayList<>();

  /** Whether a file name is a manifest or sidecar rather than data. */
  public static boolean isManifestName(String fileName) {
    String n = fileName.toLowerCase(Locale.ROOT);
    return n.equals("rehearsal-manifest.csv")
        || n.equals("rehearsal-manifest.json")
        || n.equals(FOLDER_SIDECAR)
        || n.endsWith(SIDECAR_SUFFIX);
  }

  public static boolean isImportManifestName(String fileName) {
    String n = fileName.toLowerCase(Locale.ROOT);
    return n.equals("rehearsal-manifest.csv") || n.equals("rehearsal-manifest.json");
  }

  /** Problems met while reading manifests (bad rows are skipped, not fatal). */
  public List<String> problems() {
    return problems;
  }

  public int size() {
    return byPath.size();
  }

  /** Hints for a file by its normalised path key, or NONE. */
  public TargetHints lookup(String key) {
    return byPath.getOrDefault(normaliseKey(key), TargetHints.NONE);
  }

  static String normaliseKey(String key) {
    String k = key.replace('\\', '/');
    try {
      k = Path.of(k).normalize().toString().replace('\\', '/');
    } catch (RuntimeException e) {
      // not a path on this system; keep as written
    }
    return k;
  }

  /**
   * Loads an import manifest.
   *
   * @param baseKey the folder key the manifest's relative paths resolve against ("" for none)
   */
  public void load(ImportSource manifest, String baseKey, TimeParser time) throws IOException {
    String text;
    try (InputStream in = manifest.open()) {
      text = Decoding.readAll(in);
    }
    String name = manifest.displayName();
    String trimmed = text.stripLeading();
    if (trimmed.startsWith("[") || trimmed.startsWith("{")) {
      JsonNode root = Json.mapper().readTree(trimmed);
      JsonNode list = root.isArray() ? root : root.path("files");
      int i = 0;
      for (JsonNode row : list) {
        i++;
        String file = text(row, "file", "path");
        if (file == null) {
          problems.add(name + " entry " + i + ": no 'file'");
          continue;
        }
        add(baseKey, file, hintsOf(row, time, name + " entry " + i), name);
      }
      return;
    }
    try (CSVReader r = new CSVReader(new StringReader(text))) {
      String[] header = r.readNext();
      if (header == null) {
        problems.add(name + ": empty manifest");
        return;
      }
      Map<String, Integer> col = new HashMap<>();
      for (int i = 0; i < header.length; i++) {
        col.put(header[i].strip().toLowerCase(Locale.ROOT), i);
      }
      if (!col.containsKey("file")) {
        problems.add(
            name
                + ": the manifest has no 'file' column (header: "
                + String.join(",", header)
                + ")");
        return;
      }
      String[] row;
      while ((row = r.readNext()) != null) {
        long line = r.getLinesRead();
        if (row.length == 1 && row[0].isBlank()) {
          continue;
        }
        String file = cell(row, col, "file");
        if (file == null) {
          problems.add(name + ":" + line + ": no file");
          continue;
        }
        Instant at = null;
        String t = cell(row, col, "time");
        if (t != null) {
          try {
            at = time.parse(t).instant();
          } catch (TimeParseException e) {
            problems.add(name + ":" + line + ": " + e.getMessage());
          }
        }
        add(
            baseKey,
            file,
            new TargetHints(
                cell(row, col, "service"),
                cell(row, col, "environment"),
                cell(row, col, "version"),
                cell(row, col, "commit"),
                at,
                "manifest " + manifest.fileName()),
            name);
      }
    } catch (CsvException e) {
      problems.add(name + ": " + e.getMessage());
    }
  }

  private void add(String baseKey, String file, TargetHints hints, String name) {
    String key = baseKey.isEmpty() ? file : baseKey + "/" + file;
    byPath.put(normaliseKey(key), hints);
  }

  /** Reads a sidecar (one JSON object) into hints, or NONE with a problem noted. */
  public static TargetHints readSidecar(ImportSource sidecar, TimeParser time, List<String> out) {
    try (InputStream in = sidecar.open()) {
      JsonNode n = Json.mapper().readTree(Decoding.readAll(in));
      if (n == null || !n.isObject()) {
        out.add(sidecar.displayName() + ": a sidecar must be one JSON object");
        return TargetHints.NONE;
      }
      List<String> problems = new ArrayList<>();
      TargetHints h =
          hintsOf(n, time, sidecar.displayName(), problems, "sidecar " + sidecar.fileName());
      out.addAll(problems);
      return h;
    } catch (IOException e) {
      out.add(sidecar.displayName() + ": " + e.getMessage());
      return TargetHints.NONE;
    }
  }

  private TargetHints hintsOf(JsonNode row, TimeParser time, String where) {
    return hintsOf(row, time, where, problems, "manifest");
  }

  private static TargetHints hintsOf(
      JsonNode row, TimeParser time, String where, List<String> problems, String origin) {
    Instant at = null;
    String t = text(row, "time", "at", "timestamp");
    if (t != null) {
      try {
        at = time.parse(t).instant();
      } catch (TimeParseException e) {
        problems.add(where + ": " + e.getMessage());
      }
    }
    return new TargetHints(
        text(row, "service"),
        text(row, "environment", "env"),
        text(row, "version"),
        text(row, "commit", "sha"),
        at,
        origin);
  }

  private static String text(JsonNode n, String... names) {
    for (String k : names) {
      JsonNode v = n.get(k);
      if (v != null && !v.isNull() && !v.asText().isBlank()) {
        return v.asText().strip();
      }
    }
    return null;
  }

  private static String cell(String[] row, Map<String, Integer> col, String name) {
    Integer i = col.get(name);
    if (i == null || i >= row.length) {
      return null;
    }
    String v = row[i].strip();
    return v.isEmpty() ? null : v;
  }
}
