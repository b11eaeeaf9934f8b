package dev.rehearsal.analysis;

import dev.rehearsal.model.Reason;
import dev.rehearsal.model.TableOwner;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which service a table belongs to when its row counts came without one (database statistics name
 * tables, not services). Each kind of evidence gives a (table, service) pair a score, and scores of
 * the same pair combine as independent evidence:
 *
 * <ul>
 *   <li><b>Declared</b> in the settings ({@code services.tables}: a table, a schema-qualified table
 *       or {@code schema.*}): 1.0, always applied.
 *   <li><b>The service's configuration names the table's schema or database</b>: a JDBC or database
 *       URL ({@code jdbc:postgresql://db:5432/shop?currentSchema=fulfilment}: the database and the
 *       {@code currentSchema}, {@code search_path} or {@code schema} parameter), or a key about a
 *       schema ({@code DB_SCHEMA=fulfilment}): 0.8.
 *   <li><b>The service's configuration names the table</b>, in a key about a table ({@code
 *       orders.table=orders_v2}): 0.8.
 *   <li><b>The service's incidents name the table</b> (as the gap rules read table names): 0.3 +
 *       0.4 × the share of the incidents naming the table that are the service's, from two
 *       incidents on.
 * </ul>
 *
 * A pair is applied when it scores {@value #APPLY_AT} or more and no other service comes within
 * {@value #AMBIGUOUS_WITHIN} of its score (two services on one database prove nothing); the others
 * are suggestions, shown with their reasons.
 */
final class TableOwners {
  static final double APPLY_AT = 0.6;
  static final double AMBIGUOUS_WITHIN = 0.75;
  static final double DECLARED = 1.0;
  static final double CONFIG = 0.8;

  private static final Pattern DB_URL =
      Pattern.compile(
          "(?:jdbc:)?[a-z][a-z0-9+]*://[^/\\s?]+/([a-z0-9_$\\-]+)(?:[?;]([^\\s]*))?",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern SCHEMA_PARAM =
      Pattern.compile(
          "(?:^|[&;?])(?:currentschema|search_path|searchpath|schema)=([a-z0-9_$,\\-]+)",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern IDENTIFIER =
      Pattern.compile("[a-z_][a-z0-9_$]*(\\.[a-z_][a-z0-9_$]*)?");

  /** The owners decided, by table; and every suggestion, best first per table. */
  private final Map<String, String> applied = new HashMap<>();

  private final List<TableOwner> all = new ArrayList<>();

  /** One source of evidence about a table's owner. */
  private record Vote(String service, double score, Reason reason) {}

  /**
   * @param tables the tables whose row counts came without a service
   * @param declared the settings' {@code services.tables}: service to table patterns
   * @param config per service, per environment, the configuration entries (key to value)
   * @param incidents per incident, its services and its text
   */
  TableOwners(
      Set<String> tables,
      Map<String, List<String>> declared,
      Map<String, Map<String, Map<String, String>>> config,
      List<IncidentNames> incidents) {
    for (String table : new TreeSet<>(tables)) {
      Map<String, List<Vote>> votes = new TreeMap<>();
      declared.forEach(
          (service, patterns) -> {
            for (String p : patterns) {
              if (matchesPattern(table, p)) {
                votes
                    .computeIfAbsent(service, k -> new ArrayList<>())
                    .add(
                        new Vote(
                            service,
                            DECLARED,
                            Reason.of(
                                Reason.Code.TABLE_DECLARED, "service", service, "pattern", p)));
                break;
              }
            }
          });
      config.forEach(
          (service, byEnv) -> {
            Vote v = configVote(table, service, byEnv);
            if (v != null) {
              votes.computeIfAbsent(service, k -> new ArrayList<>()).add(v);
            }
          });
      incidentVotes(table, incidents)
          .forEach(v -> votes.computeIfAbsent(v.service(), k -> new ArrayList<>()).add(v));
      decide(table, votes);
    }
  }

  /** An incident's services (canonical names) and its text. */
  record IncidentNames(List<String> services, GapClassifier.Narrative text) {}

  /** The service a table is tied to, or null. */
  String ownerOf(String table) {
    return applied.get(table);
  }

  /** Every table's suggestions, applied ones first, with their reasons. */
  List<TableOwner> suggestions() {
    return List.copyOf(all);
  }

  private void decide(String table, Map<String, List<Vote>> votes) {
    List<TableOwner> ranked = new ArrayList<>();
    votes.forEach(
        (service, list) -> {
          double miss = 1;
          List<Reason> reasons = new ArrayList<>();
          for (Vote v : list) {
            miss *= 1 - v.score();
            reasons.add(v.reason());
          }
          ranked.add(new TableOwner(table, service, 1 - miss, reasons, false));
        });
    ranked.sort(
        Comparator.comparingDouble(TableOwner::score)
            .reversed()
            .thenComparing(TableOwner::service));
    if (ranked.isEmpty()) {
      return;
    }
    TableOwner best = ranked.get(0);
    boolean declared =
        best.reasons().stream().anyMatch(r -> r.code() == Reason.Code.TABLE_DECLARED);
    boolean clear = ranked.size() == 1 || ranked.get(1).score() < best.score() * AMBIGUOUS_WITHIN;
    if (declared || (best.score() >= APPLY_AT && clear)) {
      applied.put(table, best.service());
      ranked.set(0, new TableOwner(table, best.service(), best.score(), best.reasons(), true));
    }
    all.addAll(ranked);
  }

  /** A declared pattern: the table, its name without the schema, or "schema.*". */
  static boolean matchesPattern(String table, String pattern) {
    String t = table.toLowerCase(Locale.ROOT);
    String p = pattern.strip().toLowerCase(Locale.ROOT);
    if (p.endsWith(".*")) {
      return t.startsWith(p.substring(0, p.length() - 1));
    }
    return t.equals(p) || name(t).equals(p);
  }

  /** The table's name without its schema. */
  static String name(String table) {
    int dot = table.lastIndexOf('.');
    return dot < 0 ? table : table.substring(dot + 1);
  }

  /** The table's schema, or "" when it is not qualified. */
  static String schema(String table) {
    int dot = table.lastIndexOf('.');
    return dot < 0 ? "" : table.substring(0, dot);
  }

  private static Vote configVote(
      String table, String service, Map<String, Map<String, String>> byEnv) {
    String t = table.toLowerCase(Locale.ROOT);
    String schema = schema(t);
    String name = name(t);
    for (var env : byEnv.entrySet()) {
      for (var e : env.getValue().entrySet()) {
        String key = e.getKey();
        String value = e.getValue() == null ? "" : e.getValue().strip().toLowerCase(Locale.ROOT);
        if (value.isEmpty()) {
          continue;
        }
        if (!schema.isEmpty()) {
          for (String s : schemasIn(key, value)) {
            if (s.equals(schema)) {
              return new Vote(
                  service,
                  CONFIG,
                  Reason.of(
                      Reason.Code.TABLE_SCHEMA_IN_CONFIG,
                      "key",
                      key,
                      "schema",
                      s,
                      "environment",
                      env.getKey()));
            }
          }
        }
        if (aboutA(key, "table") && (value.equals(t) || value.equals(name))) {
          return new Vote(
              service,
              CONFIG,
              Reason.of(Reason.Code.TABLE_IN_CONFIG, "key", key, "environment", env.getKey()));
        }
      }
    }
    return null;
  }

  /**
   * The schemas and databases a configuration entry names: a database URL's database and schema
   * parameters, or the value of a key about a schema.
   */
  static List<String> schemasIn(String key, String value) {
    List<String> out = new ArrayList<>();
    Matcher m = DB_URL.matcher(value);
    if (m.find()) {
      out.add(m.group(1).toLowerCase(Locale.ROOT));
      if (m.group(2) != null) {
        Matcher p = SCHEMA_PARAM.matcher(m.group(2));
        while (p.find()) {
          for (String s : p.group(1).split(",")) {
            if (!s.isBlank()) {
              out.add(s.strip().toLowerCase(Locale.ROOT));
            }
          }
        }
      }
      return out;
    }
    if (aboutA(key, "schema") && IDENTIFIER.matcher(value).matches()) {
      out.add(value);
    }
    return out;
  }

  /** Whether a configuration key is about a thing ("DB_SCHEMA", "orders.table-name"). */
  private static boolean aboutA(String key, String thing) {
    for (String w : key.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
      if (w.equals(thing) || w.equals(thing + "s")) {
        return true;
      }
    }
    return false;
  }

  private static List<Vote> incidentVotes(String table, List<IncidentNames> incidents) {
    Map<String, Integer> byService = new LinkedHashMap<>();
    int naming = 0;
    String name = name(table);
    for (IncidentNames i : incidents) {
      if (!GapClassifier.namesTable(i.text(), table)
          && !(name.length() >= 4 && GapClassifier.namesTable(i.text(), name))) {
        continue;
      }
      naming++;
      for (String s : i.services()) {
        byService.merge(s, 1, Integer::sum);
      }
    }
    List<Vote> out = new ArrayList<>();
    for (var e : byService.entrySet()) {
      if (e.getValue() < 2) {
        continue;
      }
      double share = (double) e.getValue() / naming;
      out.add(
          new Vote(
              e.getKey(),
              0.3 + 0.4 * share,
              Reason.of(
                  Reason.Code.TABLE_NAMED_IN_INCIDENTS, "named", e.getValue(), "of", naming)));
    }
    return out;
  }
}
