package dev.rehearsal.app;

import dev.rehearsal.index.Workspace;
import dev.rehearsal.model.Incident;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One open workspace and the use cases over it: what the command line and the window both work
 * with. Opening an existing workspace, creating one, and the demo workspace on first start are
 * decided here, not in the front ends.
 */
public final class Session implements Closeable {
  /** The file that marks a workspace filled with generated demo data. */
  static final String DEMO_MARKER = "demo.json";

  static {
    // every front end opens a session before it writes a report
    Locations.useCacheFolder();
  }

  private final Workspace ws;
  private final boolean created;
  private final WriteAccess access;
  private Imports imports;
  private Mappings mappings;
  private Analyses analyses;
  private Reviews reviews;
  private Configuration configuration;
  private IncidentDetails incidents;
  private Rows rows;
  private Dashboard dashboard;
  private Reports reports;

  private Session(Workspace ws, boolean created) {
    this.ws = ws;
    this.created = created;
    this.access = new WriteAccess(ws);
  }

  /** Opens an existing workspace; a folder that holds none is refused with a message. */
  public static Session open(Path dir) throws IOException {
    if (!Workspace.exists(dir)) {
      throw new NotAWorkspaceException(dir);
    }
    return new Session(Workspace.open(dir), false);
  }

  /** Opens a workspace, creating it when the folder holds none ({@link #created} says so). */
  public static Session openOrCreate(Path dir) throws IOException {
    boolean exists = Workspace.exists(dir);
    if (!exists && Files.isRegularFile(dir)) {
      throw new IOException(dir + " is a file, not a folder: name a folder for the workspace");
    }
    return new Session(Workspace.open(dir), !exists);
  }

  /**
   * Opens the workspace the app starts with; when it holds nothing yet, builds the demo workspace
   * in it first (a generated history written to its {@code demo-input} folder and imported).
   */
  public static Session openOrBuildDemo(Path dir, dev.rehearsal.task.TaskMonitor monitor)
      throws IOException {
    Session s = openOrCreate(dir);
    try {
      if (s.isEmpty()) {
        Demo.build(
            s,
            dir.resolve("demo-input"),
            dev.rehearsal.demo.ScenarioGenerator.Options.demo(),
            monitor);
      }
      return s;
    } catch (IOException | RuntimeException e) {
      s.close();
      throw e;
    }
  }

  public Path dir() {
    return ws.dir();
  }

  /**
   * Says who this session is to other processes, and what to do when one of them is writing the
   * workspace: wait up to {@code patience} (telling {@code notice} once), then fail naming it.
   * Reading never waits.
   */
  public Session identify(
      String who, java.time.Duration patience, java.util.function.Consumer<String> notice) {
    ws.whenBusy(who, patience, notice);
    return this;
  }

  /**
   * Whether this session may write the workspace now, and who holds it when not; a front end that
   * stays open {@link WriteAccess#guard guards} its writes with it.
   */
  public WriteAccess access() {
    return access;
  }

  /** Whether opening created the workspace. */
  public boolean created() {
    return created;
  }

  /** Whether the workspace holds generated demo data. */
  public boolean isDemo() {
    return Files.isRegularFile(ws.dir().resolve(DEMO_MARKER));
  }

  /** Whether nothing has been imported yet. */
  public boolean isEmpty() throws IOException {
    return ws.facets().count(dev.rehearsal.index.DocKind.INCIDENT) == 0
        && ws.facets().count(dev.rehearsal.index.DocKind.DEPLOY) == 0
        && ws.facets().count(dev.rehearsal.index.DocKind.RUN) == 0;
  }

  /** What happened when the workspace opened (a rebuild after a schema change), for users. */
  public java.util.List<String> notes() {
    return ws.openNotes();
  }

  /** What the workspace holds. */
  public Inventory.Summary inventory() throws IOException {
    return Inventory.of(this);
  }

  /**
   * How many incidents, deploys, staging runs and facts the workspace stores, by kind ({@code
   * incident}, {@code deploy}, {@code run}, {@code fact}): the counts of {@link #inventory} without
   * its spans and breakdowns, for saying what an import left.
   */
  public java.util.Map<String, Long> recordCounts() throws IOException {
    return Inventory.counts(this);
  }

  public synchronized Imports imports() {
    return imports == null ? imports = new Imports(ws, analyses(), access) : imports;
  }

  public synchronized Mappings mappings() {
    return mappings == null ? mappings = new Mappings(ws, imports()) : mappings;
  }

  public synchronized Analyses analyses() {
    return analyses == null ? analyses = new Analyses(ws, access) : analyses;
  }

  public synchronized Reviews reviews() {
    return reviews == null ? reviews = new Reviews(ws, access) : reviews;
  }

  public synchronized Configuration configuration() {
    return configuration == null
        ? configuration = new Configuration(ws, analyses(), access)
        : configuration;
  }

  public synchronized IncidentDetails incidents() {
    return incidents == null ? incidents = new IncidentDetails(ws) : incidents;
  }

  public synchronized Rows rows() {
    return rows == null ? rows = new Rows(ws) : rows;
  }

  public synchronized Dashboard dashboard() {
    return dashboard == null ? dashboard = new Dashboard(ws, reports()) : dashboard;
  }

  public synchronized Reports reports() {
    return reports == null ? reports = new Reports(this) : reports;
  }

  /**
   * Opens, once and without showing it, what a person opens first: the detail of the workspace's
   * oldest escape (its passages and timeline) and the dashboard of the week it began. The first
   * incident and the first dashboard a person then opens do not pay for loading and compiling the
   * code that reads them (half a second and more each on a large workspace). A week's findings take
   * the code that decodes findings far enough (a day's did not; a quarter's cost the window more
   * while it ran). The oldest is taken, not the newest the table shows first: what is warmed is the
   * code, not the records a person is about to open. A workspace without incidents has nothing to
   * warm.
   */
  public void warmUp(dev.rehearsal.task.TaskMonitor m) throws IOException {
    m.checkCancelled();
    java.util.Optional<Incident> oldest = incidents().oldestEscape();
    if (oldest.isEmpty()) {
      return;
    }
    m.checkCancelled();
    incidents().of(oldest.get().key());
    m.checkCancelled();
    java.time.Instant from =
        oldest.get().startedAt().truncatedTo(java.time.temporal.ChronoUnit.DAYS);
    dashboard()
        .view(
            Period.between(from, from.plus(java.time.Duration.ofDays(7))),
            Dashboard.Narrowing.NONE,
            m);
  }

  /**
   * The workspace itself, for the parts of the product that work on the store directly (the
   * benchmark, exporters through their scope).
   */
  public Workspace workspace() {
    return ws;
  }

  @Override
  public void close() throws IOException {
    ws.close();
  }
}
