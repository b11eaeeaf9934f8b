package dev.rehearsal.index;

import com.opencsv.CSVReader;
import com.opencsv.CSVWriter;
import com.opencsv.exceptions.CsvException;
import dev.rehearsal.importers.ColumnMapping;
import dev.rehearsal.model.AliasSuggestion;
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

  /** Service names inferred from the records (derived: rewritten after each import). */
  public static final String INFERRED_FILE = "aliases-inferred.json";

  /** Inferred names a person rejected. */
  public static final String REJECTED_FILE = "aliases-rejected.csv";

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

  /**
   * Removes the saved column mapping of that name (matched without case).
   *
   * @return whether one was saved under it
   */
  public boolean removeMapping(String name) throws IOException {
    Path d = dir.resolve(MAPPINGS_DIR);
    if (name == null || !Files.isDirectory(d)) {
      return false;
    }
    boolean removed = false;
    try (Stream<Path> s = Files.list(d)) {
      for (Path p : s.filter(x -> x.toString().endsWith(".json")).sorted().toList()) {
        ColumnMapping m = Json.mapper().readValue(p.toFile(), ColumnMapping.class);
        if (m.name() != null && m.name().equalsIgnoreCase(name.strip())) {
          Files.delete(p);
          removed = true;
        }
      }
    }
    return removed;
  }

  /** Writes settings (valid once made) and reads names through them. */
  void writeSettings(Settings s) throws IOException {
    s.save(dir.resolve(Settings.FILE));
    this.settings = s;
    reload();
  }

  /** Writes the alias table and reads names through it. */
  void writeAliases(Map<String, String> aliases) throws IOException {
    writeTable(dir.resolve(ALIASES_FILE), new String[] {"alias", "service"}, aliases);
    reload();
  }

  private static void writeTable(Path file, String[] header, Map<String, String> rows)
      throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CSVWriter csv = dev.rehearsal.util.CsvCells.writer(w)) {
      csv.writeNext(header, false);
      for (var e : new TreeMap<>(rows).entrySet()) {
        csv.writeNext(new String[] {e.getKey(), e.getValue()}, false);
      }
    }
  }

  private void reload() throws IOException {
    Map<String, String> inferred = new LinkedHashMap<>();
    for (AliasSuggestion s : inferredAliases()) {
      if (s.applied()) {
        inferred.put(s.name(), s.service());
      }
    }
    this.services =
        new ServiceNames(
            readAliases(dir.resolve(ALIASES_FILE)), inferred, settings.serviceSuffixes());
    this.codec = new RecordCodec(services);
  }

  /** The service names inferred from the records, with their status (applied, suggested). */
  public List<AliasSuggestion> inferredAliases() throws IOException {
    Path f = dir.resolve(INFERRED_FILE);
    if (!Files.isRegularFile(f)) {
      return List.of();
    }
    try {
      return List.of(Json.mapper().readValue(f.toFile(), AliasSuggestion[].class));
    } catch (IOException e) {
      // derived data: a damaged file is made again by the next import
      return List.of();
    }
  }

  /** The inferred names a person rejected. */
  public java.util.Set<String> rejectedAliases() throws IOException {
    return new java.util.TreeSet<>(readAliases(dir.resolve(REJECTED_FILE)).keySet());
  }

  /** Writes the inferred names and reads names through them. */
  void writeInferred(List<AliasSuggestion> suggestions) throws IOException {
    Files.writeString(
        dir.resolve(INFERRED_FILE),
        Json.pretty().writeValueAsString(suggestions),
        StandardCharsets.UTF_8);
    reload();
  }

  /** Records a person's rejection of inferred names. */
  void writeRejected(java.util.Set<String> names) throws IOException {
    Map<String, String> rows = new TreeMap<>();
    for (String n : names) {
      rows.put(n, "rejected");
    }
    writeTable(dir.resolve(REJECTED_FILE), new String[] {"name", "decision"}, rows);
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
          out.put(
              dev.rehearsal.util.CsvCells.restore(row[0].strip()),
              dev.rehearsal.util.CsvCells.restore(row[1].strip()));
        }
      }
    } catch (CsvException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
    return out;
  }
}
