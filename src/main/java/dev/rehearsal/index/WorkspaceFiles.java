package dev.rehearsal.index;

import com.opencsv.CSVReader;
import com.opencsv.CSVWriter;
import com.opencsv.exceptions.CsvException;
import dev.rehearsal.importers.ColumnMapping;
import dev.rehearsal.settings.ServiceNames;
import dev.rehearsal.settings.Settings;
import dev.rehearsal.util.Json;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The small files beside the index that hold the user's rules: settings, the service alias table,
 * saved column mappings. How service names read (aliases and settings together) is kept here, and
 * the record codec that indexes with it.
 */
public final class WorkspaceFiles {
  public static final String ALIASES_FILE = "aliases.csv";
  public static final String MAPPINGS_DIR = "mappings";

  private final Path dir;
  private volatile Settings settings;
  private volatile ServiceNames services;
  private volatile RecordCodec codec;

  WorkspaceFiles(Path dir) throws IOException {
    this.dir = dir;
    this.settings = Settings.load(dir.resolve(Settings.FILE));
    reload();
  }

  public Settings settings() {
    return settings;
  }

  /** How service names read: aliases and the settings' suffixes. */
  public ServiceNames services() {
    return services;
  }

  RecordCodec codec() {
    return codec;
  }

  /** Service aliases as stored: alias to canonical name. */
  public Map<String, String> aliases() throws IOException {
    return readAliases(dir.resolve(ALIASES_FILE));
  }

  /** Saved column mappings by name. */
  public Map<String, ColumnMapping> mappings() throws IOException {
    Map<String, ColumnMapping> out = new TreeMap<>();
    Path d = dir.resolve(MAPPINGS_DIR);
    if (!Files.isDirectory(d)) {
      return out;
    }
    try (Stream<Path> s = Files.list(d)) {
      for (Path p : s.filter(x -> x.toString().endsWith(".json")).sorted().toList()) {
        ColumnMapping m = Json.mapper().readValue(p.toFile(), ColumnMapping.class);
        out.put(m.name(), m);
      }
    }
    return out;
  }

  /** Saves a column mapping under its name; refuses one with problems. */
  public void saveMapping(ColumnMapping m) throws IOException {
    List<String> problems = m.problems();
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    Path d = Files.createDirectories(dir.resolve(MAPPINGS_DIR));
    String file = dev.rehearsal.util.Texts.slug(m.name());
    Files.writeString(
        d.resolve(file + ".json"), Json.pretty().writeValueAsString(m), StandardCharsets.UTF_8);
  }

  /** Writes settings (valid once made) and reads names through them. */
  void writeSettings(Settings s) throws IOException {
    s.save(dir.resolve(Settings.FILE));
    this.settings = s;
    reload();
  }

  /** Writes the alias table and reads names through it. */
  void writeAliases(Map<String, String> aliases) throws IOException {
    try (Writer w = Files.newBufferedWriter(dir.resolve(ALIASES_FILE), StandardCharsets.UTF_8);
        CSVWriter csv = new CSVWriter(w)) {
      csv.writeNext(new String[] {"alias", "service"}, false);
      for (var e : new TreeMap<>(aliases).entrySet()) {
        csv.writeNext(new String[] {e.getKey(), e.getValue()}, false);
      }
    }
    reload();
  }

  private void reload() throws IOException {
    this.services =
        new ServiceNames(readAliases(dir.resolve(ALIASES_FILE)), settings.serviceSuffixes());
    this.codec = new RecordCodec(services);
  }

  static Map<String, String> readAliases(Path file) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    if (!Files.isRegularFile(file)) {
      return out;
    }
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVReader csv = new CSVReader(r)) {
      String[] row;
      boolean first = true;
      while ((row = csv.readNext()) != null) {
        if (first) {
          first = false;
          if (row.length >= 2 && row[0].strip().equalsIgnoreCase("alias")) {
            continue;
          }
        }
        if (row.length >= 2 && !row[0].isBlank() && !row[1].isBlank()) {
          out.put(row[0].strip(), row[1].strip());
        }
      }
    } catch (CsvException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
    return out;
  }
}
