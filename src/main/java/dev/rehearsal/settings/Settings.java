package dev.rehearsal.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rehearsal.util.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The workspace's rules: how to read times, what environments are called, service suffixes and
 * dependencies, and every rule of the analysis (windows, weights, vocabularies). Stored as {@code
 * settings.json} in the workspace; keys the user leaves out take the defaults in {@code
 * default-settings.json}, which docs/settings.md explains.
 */
public final class Settings {
  public static final String FILE = "settings.json";

  private final JsonNode tree;
  private final ObjectNode overrides;

  private Settings(JsonNode tree, ObjectNode overrides) {
    this.tree = tree;
    this.overrides = overrides;
  }

  /** The built-in defaults. */
  public static Settings defaults() {
    return new Settings(defaultTree(), Json.mapper().createObjectNode());
  }

  private static JsonNode defaultTree() {
    try (InputStream in = Settings.class.getResourceAsStream("default-settings.json")) {
      return Json.mapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a settings file over the defaults; a missing file gives the defaults. */
  public static Settings load(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return defaults();
    }
    JsonNode user;
    try {
      user = Json.mapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IOException(file + " is not valid JSON: " + e.getMessage(), e);
    }
    if (user == null || !user.isObject()) {
      throw new IOException(file + " must hold one JSON object");
    }
    try {
      return fromJson(user);
    } catch (SettingsSchema.Invalid e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
  }

  /** Settings from a JSON object laid over the defaults. */
  public static Settings fromJson(JsonNode user) {
    JsonNode merged = defaultTree();
    merge((ObjectNode) merged, user);
    Settings s = new Settings(merged, ((ObjectNode) user).deepCopy());
    s.validate();
    return s;
  }

  /**
   * Writes what the user changed, not the defaults: a newer Rehearsal's better defaults then still
   * reach this workspace. Settings are valid once made (a bad value is refused by {@link #fromJson}
   * and {@link #with}), so only valid settings are saved.
   */
  public void save(Path file) throws IOException {
    Files.writeString(file, Json.pretty().writeValueAsString(overrides), StandardCharsets.UTF_8);
  }

  /** The values the user set, without the defaults. */
  public JsonNode overrides() {
    return overrides;
  }

  private static void merge(ObjectNode base, JsonNode over) {
    Iterator<Map.Entry<String, JsonNode>> it = over.fields();
    while (it.hasNext()) {
      var e = it.next();
      JsonNode b = base.get(e.getKey());
      if (b != null
          && b.isObject()
          && e.getValue().isObject()
          && !e.getKey().equals("environments")
          && !e.getKey().equals("dependencies")
          && !e.getKey().equals("tables")
          && !e.getKey().equals("rejectedTables")) {
        merge((ObjectNode) b, e.getValue());
      } else {
        base.set(e.getKey(), e.getValue());
      }
    }
  }

  /**
   * Checks every setting against {@link SettingsSchema}; a bad value is refused with its key, its
   * value and what is allowed.
   */
  private void validate() {
    SettingsSchema.check(tree);
  }

  /** What the user's settings name that is not a setting (typing mistakes), as notes. */
  public List<String> notes() {
    return SettingsSchema.unknown(overrides);
  }

  public JsonNode tree() {
    return tree;
  }

  /** A section by dotted path ("linking.weights"), never null (missing gives a missing node). */
  public JsonNode at(String dotted) {
    JsonNode n = tree;
    for (String part : dotted.split("\\.")) {
      n = n.path(part);
    }
    return n;
  }

  public double number(String dotted) {
    JsonNode n = at(dotted);
    if (!n.isNumber()) {
      throw new IllegalArgumentException("settings: '" + dotted + "' must be a number");
    }
    return n.asDouble();
  }

  public List<String> strings(String dotted) {
    List<String> out = new ArrayList<>();
    for (JsonNode v : at(dotted)) {
      out.add(v.asText());
    }
    return out;
  }

  public ZoneId naiveZone() {
    return ZoneId.of(at("import.naiveTimeZone").asText("UTC"));
  }

  public DateOrder dateOrder() {
    return DateOrder.parse(at("import.dateOrder").asText("AUTO"));
  }

  public EnvironmentNames environments() {
    Map<String, List<String>> t = new LinkedHashMap<>();
    at("environments")
        .fields()
        .forEachRemaining(
            e -> {
              List<String> names = new ArrayList<>();
              e.getValue().forEach(v -> names.add(v.asText()));
              t.put(e.getKey(), names);
            });
    return new EnvironmentNames(t);
  }

  public List<String> serviceSuffixes() {
    return strings("services.stripSuffixes");
  }

  /** Declared dependencies: service to the services it calls. */
  public Map<String, List<String>> dependencies() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    at("services.dependencies")
        .fields()
        .forEachRemaining(
            e -> {
              List<String> deps = new ArrayList<>();
              e.getValue().forEach(v -> deps.add(v.asText()));
              out.put(e.getKey(), deps);
            });
    return out;
  }

  /**
   * Declared table ownership: service to the tables it owns, each a table name ({@code orders}), a
   * schema-qualified one ({@code fulfilment.shipments}) or a whole schema ({@code fulfilment.*}).
   */
  public Map<String, List<String>> tables() {
    return wordLists("services.tables");
  }

  /**
   * Table ownership a person rejected: service to the tables (names or patterns, as in {@link
   * #tables()}) that are not its, never applied whatever the evidence.
   */
  public Map<String, List<String>> rejectedTables() {
    return wordLists("services.rejectedTables");
  }

  private Map<String, List<String>> wordLists(String dotted) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    at(dotted)
        .fields()
        .forEachRemaining(
            e -> {
              List<String> tables = new ArrayList<>();
              e.getValue().forEach(v -> tables.add(v.asText()));
              out.put(e.getKey(), tables);
            });
    return out;
  }

  /** A copy with one value replaced (dotted path), for the app's settings editor and tests. */
  public Settings with(String dotted, JsonNode value) {
    ObjectNode user = overrides.deepCopy();
    String[] parts = dotted.split("\\.");
    ObjectNode n = user;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonNode next = n.get(parts[i]);
      if (next == null || !next.isObject()) {
        next = n.putObject(parts[i]);
      }
      n = (ObjectNode) next;
    }
    n.set(parts[parts.length - 1], value);
    return fromJson(user);
  }
}
