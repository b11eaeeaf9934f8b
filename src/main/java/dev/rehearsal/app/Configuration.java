package dev.rehearsal.app;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;
import dev.rehearsal.index.Workspace;
import dev.rehearsal.settings.Settings;
import dev.rehearsal.task.TaskMonitor;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The workspace's rules as users change them: the service alias table, the services each service
 * depends on, and the settings. Each change is saved to the workspace's files and takes effect for
 * searches at once and for the next analysis.
 */
public final class Configuration {
  private final Workspace ws;
  private final Analyses analyses;
  private final WriteAccess access;

  Configuration(Workspace ws, Analyses analyses, WriteAccess access) {
    this.ws = ws;
    this.analyses = analyses;
    this.access = access;
  }

  public Settings settings() {
    return ws.settings();
  }

  /** Saves settings (validated when they were made). */
  public void save(Settings s) throws IOException {
    access.write(
        "Saving the settings",
        () -> {
          ws.writes().saveSettings(s);
          return null;
        });
  }

  /** The alias table: a tool's name for a service to the service. */
  public Map<String, String> aliases() throws IOException {
    return ws.files().aliases();
  }

  /** Maps an alias to a service. */
  public void setAlias(String alias, String service, TaskMonitor monitor) throws IOException {
    if (alias.isBlank() || service.isBlank()) {
      throw new IllegalArgumentException("an alias and a service name, neither blank");
    }
    Map<String, String> a = new TreeMap<>(ws.files().aliases());
    a.put(alias.strip(), service.strip());
    saveAliases(a, TaskMonitor.NONE);
  }

  /** Removes an alias; false when there was none. */
  public boolean removeAlias(String alias, TaskMonitor monitor) throws IOException {
    Map<String, String> a = new TreeMap<>(ws.files().aliases());
    if (a.remove(alias) == null) {
      return false;
    }
    saveAliases(a, TaskMonitor.NONE);
    return true;
  }

  /** What loading an alias file did. */
  public record Loaded(int added, int inTable) {}

  /** Adds the aliases of a CSV file with columns alias,service (a header row is skipped). */
  public Loaded loadAliases(Path file, TaskMonitor monitor) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(file.toString());
    }
    Map<String, String> add = new TreeMap<>();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVReader csv = new CSVReader(r)) {
      String[] row;
      while ((row = csv.readNext()) != null) {
        if (row.length >= 2
            && !row[0].isBlank()
            && !row[1].isBlank()
            && !row[0].strip().equalsIgnoreCase("alias")) {
          add.put(row[0].strip(), row[1].strip());
        }
      }
    } catch (CsvException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
    Map<String, String> a = new TreeMap<>(ws.files().aliases());
    a.putAll(add);
    saveAliases(a, monitor == null ? TaskMonitor.NONE : monitor);
    return new Loaded(add.size(), a.size());
  }

  private void saveAliases(Map<String, String> a, TaskMonitor monitor) throws IOException {
    access.write(
        "Saving the service names",
        () -> {
          ws.writes().saveAliases(a, monitor);
          return null;
        });
  }

  /**
   * The service names inferred from the records: confident ones apply until a person rejects them;
   * weaker ones wait for a person to accept them.
   */
  public List<dev.rehearsal.model.AliasSuggestion> suggestions() throws IOException {
    return ws.files().inferredAliases();
  }

  /**
   * The services tables are tied to when their row counts came without one: applied ones with the
   * reasons, and suggestions a person may declare in the settings ({@code services.tables}).
   */
  public List<dev.rehearsal.model.TableOwner> tableOwners() throws IOException {
    return new dev.rehearsal.analysis.Engine(ws).tableOwners();
  }

  /**
   * Accepts that a table belongs to a service: the settings declare it the service's ({@code
   * services.tables}), no other service's by its exact name, and the pair is no longer rejected.
   * Takes effect at the next analysis.
   *
   * @throws IllegalArgumentException when the pair is not among {@link #tableOwners()}
   */
  public void acceptTable(String table, String service) throws IOException {
    dev.rehearsal.model.TableOwner o = tableOwner(table, service);
    Settings s = ws.settings();
    Map<String, List<String>> declared = new TreeMap<>(s.tables());
    declared.replaceAll((svc, l) -> without(l, o.table()));
    List<String> mine = new java.util.ArrayList<>(declared.getOrDefault(o.service(), List.of()));
    mine.add(o.table());
    declared.put(o.service(), mine);
    Map<String, List<String>> rejected = new TreeMap<>(s.rejectedTables());
    rejected.computeIfPresent(o.service(), (svc, l) -> without(l, o.table()));
    save(withTables(s, declared, rejected));
  }

  /**
   * Rejects that a table belongs to a service: the pair never applies again, whatever the evidence
   * or a schema the settings give the service ({@code services.rejectedTables}), and the table is
   * no longer declared the service's by its exact name. Takes effect at the next analysis.
   *
   * @throws IllegalArgumentException when the pair is not among {@link #tableOwners()}
   */
  public void rejectTable(String table, String service) throws IOException {
    dev.rehearsal.model.TableOwner o = tableOwner(table, service);
    Settings s = ws.settings();
    Map<String, List<String>> declared = new TreeMap<>(s.tables());
    declared.computeIfPresent(o.service(), (svc, l) -> without(l, o.table()));
    Map<String, List<String>> rejected = new TreeMap<>(s.rejectedTables());
    List<String> mine = new java.util.ArrayList<>(rejected.getOrDefault(o.service(), List.of()));
    if (!mine.contains(o.table())) {
      mine.add(o.table());
    }
    rejected.put(o.service(), mine);
    save(withTables(s, declared, rejected));
  }

  /**
   * Accepts or rejects one table's owner ({@link #acceptTable}, {@link #rejectTable}), then
   * analyses again.
   */
  public SettingsForm.Saved decideTable(
      String table, String service, boolean accept, TaskMonitor monitor) throws IOException {
    TaskMonitor m = monitor == null ? TaskMonitor.NONE : monitor;
    m.progress(0, 100, (accept ? "accepting " : "rejecting ") + table + " as " + service + "'s");
    if (accept) {
      acceptTable(table, service);
    } else {
      rejectTable(table, service);
    }
    return new SettingsForm.Saved(true, analyse(Progress.part(m, 10, 100)));
  }

  private dev.rehearsal.model.TableOwner tableOwner(String table, String service)
      throws IOException {
    if (table == null || table.isBlank() || service == null || service.isBlank()) {
      throw new IllegalArgumentException("a table and a service, neither blank");
    }
    for (dev.rehearsal.model.TableOwner o : tableOwners()) {
      if (o.table().equalsIgnoreCase(table.strip()) && o.service().equals(service.strip())) {
        return o;
      }
    }
    throw new IllegalArgumentException(
        "no suggestion that "
            + table.strip()
            + " belongs to "
            + service.strip()
            + "; `rehearsal aliases tables` lists them as TABLE and SERVICE");
  }

  /**
   * The entries without those naming the table, schema-qualified or not ("orders" for x.orders).
   */
  private static List<String> without(List<String> entries, String table) {
    String name = table.substring(table.lastIndexOf('.') + 1);
    return entries.stream()
        .filter(t -> !t.strip().equalsIgnoreCase(table) && !t.strip().equalsIgnoreCase(name))
        .toList();
  }

  /** The settings with both table lists replaced; services left with no table are dropped. */
  private static Settings withTables(
      Settings s, Map<String, List<String>> declared, Map<String, List<String>> rejected) {
    declared.values().removeIf(List::isEmpty);
    rejected.values().removeIf(List::isEmpty);
    var json = dev.rehearsal.util.Json.mapper();
    return s.with("services.tables", json.valueToTree(declared))
        .with("services.rejectedTables", json.valueToTree(rejected));
  }

  /** Works the suggestions out again from the records (an import does it on its own). */
  public List<dev.rehearsal.model.AliasSuggestion> inferAgain() throws IOException {
    return dev.rehearsal.analysis.Engine.inferServiceNames(ws);
  }

  /**
   * Accepts suggested names: each goes into the alias table as the service it was taken for (where
   * a person's word is final), and is no longer rejected.
   */
  public int accept(java.util.Collection<String> names) throws IOException {
    Map<String, String> table = new TreeMap<>(ws.files().aliases());
    java.util.Set<String> rejected = new java.util.TreeSet<>(ws.files().rejectedAliases());
    int n = 0;
    for (dev.rehearsal.model.AliasSuggestion s : suggestions()) {
      if (names.contains(s.name())) {
        for (String written : s.written().isEmpty() ? List.of(s.name()) : s.written()) {
          table.put(written, s.service());
        }
        rejected.remove(s.name());
        n++;
      }
    }
    unknown(names);
    access.write(
        "Accepting service names",
        () -> {
          ws.writes().saveRejectedAliases(rejected);
          ws.writes().saveAliases(table);
          return inferAgain();
        });
    return n;
  }

  /** Rejects suggested names: they no longer apply, and are not suggested as applying again. */
  public int reject(java.util.Collection<String> names) throws IOException {
    unknown(names);
    java.util.Set<String> rejected = new java.util.TreeSet<>(ws.files().rejectedAliases());
    rejected.addAll(names);
    access.write(
        "Rejecting service names",
        () -> {
          ws.writes().saveRejectedAliases(rejected);
          return inferAgain();
        });
    return names.size();
  }

  private void unknown(java.util.Collection<String> names) throws IOException {
    java.util.Set<String> known = new java.util.TreeSet<>();
    suggestions().forEach(s -> known.add(s.name()));
    for (String n : names) {
      if (!known.contains(n)) {
        throw new IllegalArgumentException(
            "no suggestion '" + n + "'; `rehearsal aliases suggest` lists them by name");
      }
    }
  }

  /** The services each service depends on. */
  public Map<String, List<String>> dependencies() {
    return ws.settings().dependencies();
  }

  /** Replaces the dependency table. */
  public void setDependencies(Map<String, List<String>> deps) throws IOException {
    save(
        ws.settings()
            .with(
                "services.dependencies",
                dev.rehearsal.util.Json.mapper().valueToTree(new TreeMap<>(deps))));
  }

  // ---------------------------------------------------------------- the window's settings form

  /**
   * The rules as the settings form shows them: the environments table, the alias table, the
   * dependencies, the settings that fit one field, the service names the records suggest, and the
   * services the tables without one are taken for.
   */
  public SettingsForm.Form form() throws IOException {
    Settings s = ws.settings();
    List<SettingsForm.Entry> aliases = new java.util.ArrayList<>();
    aliases().forEach((k, v) -> aliases.add(new SettingsForm.Entry(k, v)));
    // the tables' owners are worked out from the analysis's input; a workspace too large for the
    // memory at hand still opens its settings, and says why the tables are missing
    List<dev.rehearsal.model.TableOwner> tables = List.of();
    String tablesProblem = "";
    try {
      tables = tableOwners();
    } catch (IOException | RuntimeException e) {
      tablesProblem = Problems.sentence("the tables' owners could not be read: " + e.getMessage());
    }
    return new SettingsForm.Form(
        SettingsForm.entries(s.environments().table()),
        aliases,
        SettingsForm.entries(s.dependencies()),
        SettingsForm.fields(s),
        suggestions().stream().map(SettingsForm::suggestion).toList(),
        tables.stream().map(SettingsForm::table).toList(),
        tablesProblem);
  }

  /**
   * Checks what a form holds against the settings in force: each row and field that is refused, in
   * the settings' own words (key, value and what is allowed). Reads no file.
   */
  public SettingsForm.Check check(SettingsForm.Edits edits) {
    return SettingsForm.check(ws.settings(), edits);
  }

  /**
   * Saves what a form holds (the settings file with what changed, the alias table when it changed),
   * then analyses again when anything was written. Edits that are refused write nothing. One error
   * policy, as for imports: what was saved stands; an analysis that fails or is cancelled is
   * reported in the outcome.
   *
   * @throws IllegalArgumentException naming the first refusal when the edits are refused
   */
  public SettingsForm.Saved save(SettingsForm.Edits edits, TaskMonitor monitor) throws IOException {
    TaskMonitor m = monitor == null ? TaskMonitor.NONE : monitor;
    Settings before = ws.settings();
    Settings after = SettingsForm.apply(before, edits);
    if (after == null) {
      throw new IllegalArgumentException(SettingsForm.check(before, edits).first());
    }
    m.progress(0, 100, "saving the settings");
    return access.write("Saving the settings", () -> saveForm(before, after, edits, m));
  }

  private SettingsForm.Saved saveForm(
      Settings before, Settings after, SettingsForm.Edits edits, TaskMonitor m) throws IOException {
    boolean changed = false;
    if (!after.overrides().equals(before.overrides())) {
      save(after);
      changed = true;
    }
    Map<String, String> aliases = SettingsForm.aliases(edits);
    if (!new TreeMap<>(aliases).equals(new TreeMap<>(aliases()))) {
      m.progress(5, 100, "reading the service names again");
      saveAliases(new TreeMap<>(aliases), TaskMonitor.NONE);
      changed = true;
    }
    if (!changed) {
      return new SettingsForm.Saved(false, "Nothing changed; the analysis stands.");
    }
    return new SettingsForm.Saved(true, analyse(Progress.part(m, 10, 100)));
  }

  /**
   * Accepts or rejects one suggested service name ({@link #accept}, {@link #reject}), then analyses
   * again.
   */
  public SettingsForm.Saved decide(String name, boolean accept, TaskMonitor monitor)
      throws IOException {
    TaskMonitor m = monitor == null ? TaskMonitor.NONE : monitor;
    m.progress(0, 100, (accept ? "accepting " : "rejecting ") + name);
    if (accept) {
      accept(List.of(name));
    } else {
      reject(List.of(name));
    }
    return new SettingsForm.Saved(true, analyse(Progress.part(m, 10, 100)));
  }

  private String analyse(TaskMonitor m) {
    try {
      var report = analyses.run(m);
      return "Saved. The analysis ran again over "
          + String.format(java.util.Locale.ROOT, "%,d", report.incidents())
          + " incidents.";
    } catch (dev.rehearsal.task.CancelledException e) {
      return "Saved. The analysis was cancelled: the findings shown are still those of the rules"
          + " before.";
    } catch (IOException | RuntimeException e) {
      return "Saved. " + Problems.sentence("the analysis failed: " + e.getMessage());
    }
  }
}
