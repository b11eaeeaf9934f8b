package dev.rehearsal.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rehearsal.model.AliasSuggestion;
import dev.rehearsal.settings.Settings;
import dev.rehearsal.settings.SettingsSchema;
import dev.rehearsal.util.Texts;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The workspace's rules as a form shows them, in plain text: the environments table, the service
 * alias table, the dependencies, and the settings that fit one field each (thresholds, windows,
 * weights, the time zone). What is typed is checked field by field with the settings' own schema,
 * so a refusal names the key, the value and what is allowed; {@link Configuration#save} writes what
 * changed. Long vocabularies and tables of weights stay in {@code settings.json}.
 */
public final class SettingsForm {
  private SettingsForm() {}

  /** The group of the fields shown with the environments table. */
  public static final String ENVIRONMENTS = "environments";

  /** The group of the fields shown with the alias table. */
  public static final String SERVICES = "services";

  /**
   * One setting in one field.
   *
   * @param key its dotted key ({@code linking.windowHours})
   * @param group {@link #ENVIRONMENTS}, {@link #SERVICES}, or the heading of a group of analysis
   *     rules
   * @param label the key in words ("Window hours")
   * @param value the value as text: a number, a word, or words separated by commas
   * @param allowed what it allows, in words
   */
  public record Field(String key, String group, String label, String value, String allowed) {}

  /**
   * One row of a table: an environment and the names that mean it, an alias and its service, or a
   * service and the services it calls.
   *
   * @param values the names of the right-hand side, separated by commas (one for an alias)
   */
  public record Entry(String name, String values) {}

  /**
   * A service name the records suggest, as the form lists it.
   *
   * @param written the names the tools wrote that read as it, separated by " | "
   * @param status applied, suggested or rejected
   * @param evidence why, a sentence each
   */
  public record Suggestion(
      String name,
      String written,
      String service,
      double score,
      String status,
      List<String> evidence) {}

  /**
   * A service a table whose row counts came without one is taken for, as the form lists it.
   *
   * @param status applied, suggested or rejected
   * @param declared whether the settings declare it ({@code services.tables}): nothing to accept
   * @param evidence why, a sentence each
   */
  public record TableSuggestion(
      String table,
      String service,
      double score,
      String status,
      boolean declared,
      List<String> evidence) {}

  /**
   * What the form shows when it opens or is reverted.
   *
   * @param tables the services tables without one are taken for
   * @param tablesProblem why they could not be worked out, or ""
   */
  public record Form(
      List<Entry> environments,
      List<Entry> aliases,
      List<Entry> dependencies,
      List<Field> fields,
      List<Suggestion> suggestions,
      List<TableSuggestion> tables,
      String tablesProblem) {

    /** A form without table suggestions. */
    public Form(
        List<Entry> environments,
        List<Entry> aliases,
        List<Entry> dependencies,
        List<Field> fields,
        List<Suggestion> suggestions) {
      this(environments, aliases, dependencies, fields, suggestions, List.of(), "");
    }
  }

  /** What the form holds after editing: the tables' rows and each field's text by key. */
  public record Edits(
      List<Entry> environments,
      List<Entry> aliases,
      List<Entry> dependencies,
      Map<String, String> fields) {}

  /**
   * What is wrong with edits: one message per row of each table ("" when the row is fine) and one
   * per field that is refused.
   */
  public record Check(
      List<String> environments,
      List<String> aliases,
      List<String> dependencies,
      Map<String, String> fields) {

    /** Whether the edits can be saved. */
    public boolean ok() {
      return fields.isEmpty()
          && environments.stream().allMatch(String::isEmpty)
          && aliases.stream().allMatch(String::isEmpty)
          && dependencies.stream().allMatch(String::isEmpty);
    }

    /** The first refusal, or "". */
    public String first() {
      for (List<String> rows : List.of(environments, aliases, dependencies)) {
        for (String m : rows) {
          if (!m.isEmpty()) {
            return m;
          }
        }
      }
      return fields.values().stream().findFirst().orElse("");
    }
  }

  /**
   * What saving did.
   *
   * @param changed whether anything was written (settings, aliases or suggestions)
   * @param analysis what the analysis after it did, in a sentence
   */
  public record Saved(boolean changed, String analysis) {}

  private static final Map<String, String> GROUPS = new LinkedHashMap<>();

  static {
    GROUPS.put("import", "Reading times (files imported from now on)");
    GROUPS.put("linking", "Linking incidents to changes");
    GROUPS.put("linking.weights", "Linking weights");
    GROUPS.put("verdict", "Staging verdicts");
    GROUPS.put("aggregates", "Figures");
    GROUPS.put("gaps", "Gaps");
    GROUPS.put("gaps.weights", "Gap weights");
  }

  /** The fields shown beside the tables; the other word lists are vocabularies. */
  private static final Map<String, String> TABLE_FIELDS =
      Map.of(
          "linking.productionEnvironments", ENVIRONMENTS,
          "linking.stagingEnvironments", ENVIRONMENTS,
          "services.stripSuffixes", SERVICES);

  /** The settings a form edits, in the order the documentation lists them. */
  static List<Field> fields(Settings s) {
    List<Field> out = new ArrayList<>();
    for (String key : SettingsSchema.fieldKeys()) {
      String group = TABLE_FIELDS.get(key);
      if (group == null) {
        if (SettingsSchema.form(key) == SettingsSchema.Form.WORDS) {
          continue; // a vocabulary
        }
        group = GROUPS.getOrDefault(key.substring(0, key.lastIndexOf('.')), "Other");
      }
      out.add(new Field(key, group, label(key), text(s.at(key)), SettingsSchema.allowed(key)));
    }
    return out;
  }

  /** "linking.windowHours" as "Window hours". */
  static String label(String key) {
    String last = key.substring(key.lastIndexOf('.') + 1);
    StringBuilder sb = new StringBuilder();
    for (char c : last.toCharArray()) {
      if (Character.isUpperCase(c) && sb.length() > 0) {
        sb.append(' ').append(Character.toLowerCase(c));
      } else {
        sb.append(sb.length() == 0 ? Character.toUpperCase(c) : c);
      }
    }
    return sb.toString();
  }

  static List<Entry> entries(Map<String, List<String>> table) {
    List<Entry> out = new ArrayList<>();
    table.forEach((k, v) -> out.add(new Entry(k, String.join(", ", v))));
    return out;
  }

  static Suggestion suggestion(AliasSuggestion s) {
    return new Suggestion(
        s.name(),
        String.join(" | ", s.written()),
        s.service(),
        s.score(),
        s.status().name().toLowerCase(Locale.ROOT),
        Sentences.of(s.reasons()));
  }

  static TableSuggestion table(dev.rehearsal.model.TableOwner o) {
    return new TableSuggestion(
        o.table(),
        o.service(),
        o.score(),
        o.status().name().toLowerCase(Locale.ROOT),
        o.declared(),
        Sentences.of(o.reasons()));
  }

  /** A value as a field shows it. */
  static String text(JsonNode v) {
    if (v.isArray()) {
      List<String> words = new ArrayList<>();
      v.forEach(w -> words.add(w.asText()));
      return String.join(", ", words);
    }
    if (v.isNumber()) {
      return v.decimalValue().stripTrailingZeros().toPlainString();
    }
    return v.asText();
  }

  /**
   * A field's text as the setting's value: a number when it reads as one (else the text, which the
   * schema then refuses in its own words), words split at commas, or the word.
   */
  static JsonNode value(String key, String text) {
    String t = text == null ? "" : text.strip();
    JsonNodeFactory f = JsonNodeFactory.instance;
    switch (SettingsSchema.form(key)) {
      case NUMBER:
        try {
          BigDecimal d = new BigDecimal(t);
          return d.scale() <= 0 ? f.numberNode(d.longValueExact()) : f.numberNode(d.doubleValue());
        } catch (NumberFormatException | ArithmeticException e) {
          return f.textNode(t);
        }
      case WORDS:
        return words(t);
      default:
        return f.textNode(t);
    }
  }

  private static ArrayNode words(String text) {
    ArrayNode a = JsonNodeFactory.instance.arrayNode();
    for (String w : text.split(",")) {
      if (!w.isBlank()) {
        a.add(w.strip());
      }
    }
    return a;
  }

  private static ObjectNode table(List<Entry> rows) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    for (Entry e : rows) {
      o.set(e.name().strip(), words(e.values()));
    }
    return o;
  }

  /** The settings with the edits laid over them, checked; null when the edits are refused. */
  static Settings apply(Settings s, Edits e) {
    if (!check(s, e).ok()) {
      return null;
    }
    Settings out = s;
    ObjectNode env = table(e.environments());
    if (!env.equals(s.at("environments"))) {
      out = out.with("environments", env);
    }
    ObjectNode deps = table(e.dependencies());
    if (!deps.equals(s.at("services.dependencies"))) {
      out = out.with("services.dependencies", deps);
    }
    for (var f : e.fields().entrySet()) {
      if (!f.getValue().strip().equals(text(s.at(f.getKey())))) {
        out = out.with(f.getKey(), value(f.getKey(), f.getValue()));
      }
    }
    return out;
  }

  /** The alias table the edits hold: alias to service. */
  static Map<String, String> aliases(Edits e) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Entry a : e.aliases()) {
      out.put(a.name().strip(), a.values().strip());
    }
    return out;
  }

  /** Checks edits against the settings they change; only what differs is checked again. */
  static Check check(Settings s, Edits e) {
    List<String> env = names(e.environments(), "an environment", true);
    List<String> aliases = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Map<String, Entry> bySlug = new LinkedHashMap<>();
    for (Entry a : e.aliases()) {
      String alias = a.name().strip();
      Entry same = bySlug.get(Texts.slug(alias));
      if (alias.isEmpty() || a.values().isBlank()) {
        aliases.add("an alias and a service name, neither blank");
      } else if (!seen.add(alias)) {
        aliases.add("\"" + alias + "\" is in the table twice");
      } else if (same != null && !Texts.slug(same.values()).equals(Texts.slug(a.values()))) {
        // names are read alike ("Storefront" is storefront): one alias, one service
        aliases.add(
            "\""
                + alias
                + "\" reads as \""
                + same.name().strip()
                + "\", which means "
                + same.values().strip());
      } else {
        bySlug.putIfAbsent(Texts.slug(alias), a);
        aliases.add("");
      }
    }
    List<String> deps = names(e.dependencies(), "a service", false);
    Map<String, String> fields = new LinkedHashMap<>();
    for (var f : e.fields().entrySet()) {
      String key = f.getKey();
      if (f.getValue().strip().equals(text(s.at(key)))) {
        continue; // as saved, and saved settings are valid
      }
      try {
        s.with(key, value(key, f.getValue()));
      } catch (SettingsSchema.Invalid x) {
        fields.put(key, plain(x.getMessage()));
      }
    }
    return new Check(env, aliases, deps, fields);
  }

  /** Each row's refusal: a blank or repeated name, or (environments) one the analysis misreads. */
  private static List<String> names(List<Entry> rows, String what, boolean slugged) {
    List<String> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Entry r : rows) {
      String name = r.name().strip();
      if (name.isEmpty()) {
        out.add("name " + what);
      } else if (!seen.add(name)) {
        out.add("\"" + name + "\" is in the table twice");
      } else if (slugged && !Texts.slug(name).equals(name)) {
        out.add(
            "\""
                + name
                + "\" is not a name the analysis uses; write it in lower case with hyphens ("
                + Texts.slug(name)
                + ")");
      } else {
        out.add("");
      }
    }
    return out;
  }

  private static String plain(String message) {
    return message.startsWith("settings: ") ? message.substring("settings: ".length()) : message;
  }
}
