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
 *   <li><b>The service's staging tests name the table</b> ({@code
 *       OrderLinesRepositoryTest.insertsIntoOrderLines}, {@code test_order_lines_migration}): 0.3 +
 *       0.4 × the share of the distinct test cases naming the table that are the service's, from
 *       one test case on, when that share is a quarter or more ({@value #MIN_TEST_SHARE}). The same
 *       scale as incidents, as a test name is as loose a tie: teams name tests after what they
 *       exercise, which may be another service's table, and a domain word ("payments") turns up in
 *       many services' tests; but a test name is written on purpose, where an incident names a
 *       table in passing, so one case is enough. One service alone naming it scores 0.7, applied; a
 *       share of three quarters or more is needed to apply on tests alone, and it never outweighs
 *       the configuration (0.8). A smaller share than a quarter is no vote at all: a table every
 *       service's tests name ({@code CartFlowIT} in each) is a word of the domain there, and a
 *       dozen votes of 0.33 would only bury the suggestions that matter.
 * </ul>
 *
 * <p>How a test name names a table ({@link #testNamesTable}): the test name is cut into words at
 * anything but letters and digits and at camel-case humps ({@code OrderLinesRepositoryTest} is
 * order, lines, repository, test), the table's name (without its schema) into words at underscores,
 * hyphens and humps; the table is named when consecutive words of the test, run together, spell the
 * table's words run together, singular or plural ({@code order_lines} is named by {@code
 * OrderLine}, {@code order_lines} and {@code OrderLinesRepository}; never by {@code reorderLines},
 * as words are matched whole). A table is looked for only when its name, singular, has four letters
 * or more and, if it is one word, that word is not one test names use for everything ({@link
 * #GENERIC}: test, case, data, item, event, user, log, error, status ...): {@code id}, {@code log},
 * {@code users} and {@code events} are never looked for; {@code order_items} is.
 *
 * <p>A pair is applied when it scores {@value #APPLY_AT} or more and no other service comes within
 * {@value #AMBIGUOUS_WITHIN} of its score (two services on one database prove nothing); the others
 * are suggestions, shown with their reasons. A pair a person rejected ({@code
 * services.rejectedTables}) is never applied, even when declared by a schema pattern: it is shown
 * as rejected, and the table may go to the next service.
 */
final class TableOwners {
  static final double APPLY_AT = 0.6;
  static final double AMBIGUOUS_WITHIN = 0.75;
  static final double DECLARED = 1.0;
  static final double CONFIG = 0.8;

  /** The least share of the test cases naming a table that makes a service's tests a vote. */
  static final double MIN_TEST_SHARE = 0.25;

  /**
   * One-word table names that test names use for everything, singular: never looked for in tests.
   */
  static final Set<String> GENERIC =
      Set.of(
          ("test spec case check data value item event record result entry error user "
                  + "message request response status state config setting type name time date list "
                  + "info meta task file line node lock cache queue session token table row column "
                  + "schema migration index temp default main base core common util helper mock "
                  + "stub fake sample example demo flow call client server service account "
                  + "integration unit smoke")
              .split(" "));

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
   * A staging test case whose name names a table ({@link #testNamesTable}).
   *
   * @param table the table as its row counts name it
   * @param service the run's service (canonical)
   * @param test the test case's name
   * @param run the run it was seen in: its suite, or its id when it has none
   * @param at when that run started
   */
  record TableTest(String table, String service, String test, String run, java.time.Instant at) {}

  TableOwners(
      Set<String> tables,
      Map<String, List<String>> declared,
      Map<String, Map<String, Map<String, String>>> config,
      List<IncidentNames> incidents) {
    this(tables, declared, Map.of(), config, incidents, List.of());
  }

  /**
   * @param tables the tables whose row counts came without a service
   * @param declared the settings' {@code services.tables}: service to table patterns
   * @param rejected the settings' {@code services.rejectedTables}: service to the tables a person
   *     said are not its
   * @param config per service, per environment, the configuration entries (key to value)
   * @param incidents per incident, its services and its text
   * @param tests the staging test cases that name the tables, one per table, service and case name
   */
  TableOwners(
      Set<String> tables,
      Map<String, List<String>> declared,
      Map<String, List<String>> rejected,
      Map<String, Map<String, Map<String, String>>> config,
      List<IncidentNames> incidents,
      List<TableTest> tests) {
    Map<String, List<TableTest>> testsByTable = new HashMap<>();
    for (TableTest t : tests) {
      testsByTable.computeIfAbsent(t.table(), k -> new ArrayList<>()).add(t);
    }
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
      testVotes(testsByTable.getOrDefault(table, List.of()))
          .forEach(v -> votes.computeIfAbsent(v.service(), k -> new ArrayList<>()).add(v));
      Set<String> rejectedBy = new TreeSet<>();
      rejected.forEach(
          (service, patterns) -> {
            for (String p : patterns) {
              if (matchesPattern(table, p)) {
                rejectedBy.add(service);
              }
            }
          });
      decide(table, votes, rejectedBy);
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

  private void decide(String table, Map<String, List<Vote>> votes, Set<String> rejectedBy) {
    List<TableOwner> ranked = new ArrayList<>();
    List<TableOwner> refused = new ArrayList<>();
    votes.forEach(
        (service, list) -> {
          double miss = 1;
          List<Reason> reasons = new ArrayList<>();
          for (Vote v : list) {
            miss *= 1 - v.score();
            reasons.add(v.reason());
          }
          if (rejectedBy.contains(service)) {
            refused.add(
                new TableOwner(table, service, 1 - miss, reasons, TableOwner.Status.REJECTED));
          } else {
            ranked.add(
                new TableOwner(table, service, 1 - miss, reasons, TableOwner.Status.SUGGESTED));
          }
        });
    Comparator<TableOwner> best =
        Comparator.comparingDouble(TableOwner::score).reversed().thenComparing(TableOwner::service);
    ranked.sort(best);
    refused.sort(best);
    if (!ranked.isEmpty()) {
      TableOwner first = ranked.get(0);
      boolean declared =
          first.reasons().stream().anyMatch(r -> r.code() == Reason.Code.TABLE_DECLARED);
      boolean clear =
          ranked.size() == 1 || ranked.get(1).score() < first.score() * AMBIGUOUS_WITHIN;
      if (declared || (first.score() >= APPLY_AT && clear)) {
        applied.put(table, first.service());
        ranked.set(
            0,
            new TableOwner(
                table, first.service(), first.score(), first.reasons(), TableOwner.Status.APPLIED));
      }
    }
    all.addAll(ranked);
    all.addAll(refused);
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

  /**
   * Votes of the staging tests that name a table: per service, the share of the distinct test cases
   * naming it that are the service's; the reason names one of its tests and the run it was seen in
   * (the earliest).
   */
  private static List<Vote> testVotes(List<TableTest> tests) {
    if (tests.isEmpty()) {
      return List.of();
    }
    Map<String, List<TableTest>> byService = new TreeMap<>();
    for (TableTest t : tests) {
      byService.computeIfAbsent(t.service(), k -> new ArrayList<>()).add(t);
    }
    List<Vote> out = new ArrayList<>();
    byService.forEach(
        (service, list) -> {
          TableTest first =
              list.stream()
                  .min(
                      Comparator.comparing(TableTest::at)
                          .thenComparing(TableTest::test)
                          .thenComparing(TableTest::run))
                  .orElseThrow();
          double share = (double) list.size() / tests.size();
          if (share < MIN_TEST_SHARE) {
            return;
          }
          out.add(
              new Vote(
                  service,
                  0.3 + 0.4 * share,
                  Reason.of(
                      Reason.Code.TABLE_NAMED_IN_TESTS,
                      "test",
                      first.test(),
                      "run",
                      first.run(),
                      "at",
                      first.at().toString(),
                      "cases",
                      list.size(),
                      "of",
                      tests.size())));
        });
    return out;
  }

  /**
   * What a table's name is looked for as in test names: its words run together, singular ("order
   * lines" is "orderline"); null when it is not looked for (shorter than four letters, or one
   * generic word).
   */
  static String testKey(String table) {
    List<String> words = words(name(table).replace('$', '_'));
    if (words.isEmpty()) {
      return null;
    }
    String key = singular(String.join("", words));
    if (key.length() < 4 || (words.size() == 1 && GENERIC.contains(key))) {
      return null;
    }
    return key;
  }

  /** Whether a test case's name names a table ({@link #testKey}); see the class comment. */
  static boolean testNamesTable(String testName, String table) {
    String key = testKey(table);
    return key != null && namedKeys(words(testName), List.of(key)).contains(key);
  }

  /**
   * The keys ({@link #testKey}) a test name's words name. Where one key is named only inside the
   * words that name a longer one, only the longer counts: {@code OrderLinesRepositoryTest} names
   * order_lines, not orders.
   */
  static List<String> namedKeys(List<String> testWords, java.util.Collection<String> keys) {
    Map<String, List<int[]>> spans = new LinkedHashMap<>();
    for (String key : keys) {
      List<int[]> s = spans(testWords, key);
      if (!s.isEmpty()) {
        spans.put(key, s);
      }
    }
    if (spans.size() < 2) {
      return List.copyOf(spans.keySet());
    }
    List<String> out = new ArrayList<>();
    spans.forEach(
        (key, mine) -> {
          boolean free =
              mine.stream()
                  .anyMatch(
                      m ->
                          spans.entrySet().stream()
                              .filter(o -> !o.getKey().equals(key))
                              .flatMap(o -> o.getValue().stream())
                              .noneMatch(
                                  o -> o[0] <= m[0] && m[1] <= o[1] && o[1] - o[0] > m[1] - m[0]));
          if (free) {
            out.add(key);
          }
        });
    return out;
  }

  /**
   * Where consecutive words of a test name, run together and made singular, spell the key: the
   * first and last word of each place.
   */
  private static List<int[]> spans(List<String> testWords, String key) {
    List<int[]> out = new ArrayList<>();
    for (int i = 0; i < testWords.size(); i++) {
      if (testWords.get(i).charAt(0) != key.charAt(0)) {
        continue; // cheap: a place starts with the key's first letter
      }
      StringBuilder run = new StringBuilder();
      for (int j = i; j < testWords.size() && run.length() <= key.length() + 3; j++) {
        run.append(testWords.get(j));
        if (run.length() >= key.length() && singular(run.toString()).equals(key)) {
          out.add(new int[] {i, j});
          break;
        }
      }
    }
    return out;
  }

  /**
   * A name's words, lower case: cut at anything but letters and digits, and where a lower-case
   * letter or digit meets an upper-case one ({@code orderLines}) or an upper-case run meets a word
   * ({@code HTTPServer} is http, server).
   */
  static List<String> words(String s) {
    List<String> out = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!Character.isLetterOrDigit(c)) {
        flush(w, out);
        continue;
      }
      if (Character.isUpperCase(c) && w.length() > 0) {
        char prev = s.charAt(i - 1);
        boolean nextLower = i + 1 < s.length() && Character.isLowerCase(s.charAt(i + 1));
        if (Character.isLowerCase(prev)
            || Character.isDigit(prev)
            || (Character.isUpperCase(prev) && nextLower)) {
          flush(w, out);
        }
      }
      w.append(Character.toLowerCase(c));
    }
    flush(w, out);
    return out;
  }

  private static void flush(StringBuilder w, List<String> out) {
    if (w.length() > 0) {
      out.add(w.toString());
      w.setLength(0);
    }
  }

  /** English plural to singular, as table names use it: entries, boxes, orders; "status" stays. */
  static String singular(String w) {
    if (w.endsWith("ies") && w.length() > 4) {
      return w.substring(0, w.length() - 3) + "y";
    }
    if (w.endsWith("sses")
        || w.endsWith("xes")
        || w.endsWith("ches")
        || w.endsWith("shes")
        || w.endsWith("uses")) {
      return w.substring(0, w.length() - 2);
    }
    if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && w.length() > 3) {
      return w.substring(0, w.length() - 1);
    }
    return w;
  }
}
