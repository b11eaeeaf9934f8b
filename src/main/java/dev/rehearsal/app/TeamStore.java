package dev.rehearsal.app;

import dev.rehearsal.analysis.AnalysisReport;
import dev.rehearsal.analysis.Engine;
import dev.rehearsal.importers.ColumnMapping;
import dev.rehearsal.importers.FileReport;
import dev.rehearsal.importers.ImportOptions;
import dev.rehearsal.importers.ImportRunner;
import dev.rehearsal.importers.ImportSummary;
import dev.rehearsal.importers.ImporterRegistry;
import dev.rehearsal.importers.RecordStore;
import dev.rehearsal.index.DocKind;
import dev.rehearsal.index.RecordCodec;
import dev.rehearsal.index.Workspace;
import dev.rehearsal.model.DeployStatusEvent;
import dev.rehearsal.model.ImportedRecord;
import dev.rehearsal.model.Rejection;
import dev.rehearsal.model.Review;
import dev.rehearsal.settings.Settings;
import dev.rehearsal.store.StoreAddress;
import dev.rehearsal.store.StoreCredentials;
import dev.rehearsal.store.opensearch.OpenSearchIncidentIndex;
import dev.rehearsal.store.opensearch.OpenSearchRecords;
import dev.rehearsal.task.TaskMonitor;
import dev.rehearsal.util.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A team workspace on OpenSearch (decision 0021), as far as it goes: a local workspace's incidents
 * written to the team's cluster, and searched there in the same query syntax as the local search.
 * The command line's {@code rehearsal store push} and {@code rehearsal search --store} call it.
 *
 * @param address where the team workspace lives
 * @param credentials what to give the cluster (none when it asks for none)
 * @param caFile the PEM file of the cluster's certificate authority for TLS, or null for the JVM's
 *     own trust store
 */
public record TeamStore(StoreAddress address, StoreCredentials credentials, Path caFile) {

  /**
   * A team store as a person types it in the window: the address, and optionally a credentials file
   * and a CA file (blank: none). Without a credentials file the user and password come from the
   * environment's {@value StoreCredentials#USER_VARIABLE} and {@value
   * StoreCredentials#PASSWORD_VARIABLE}. A message saying what is wrong otherwise; it never holds a
   * password.
   */
  public static TeamStore of(
      String address, String credentialsFile, String caFile, java.util.Map<String, String> env) {
    StoreAddress a = StoreAddress.parse(address);
    Path ca = caFile == null || caFile.isBlank() ? null : Path.of(caFile.strip());
    if (ca != null && !a.tls()) {
      throw new IllegalArgumentException(
          "a CA file is for TLS: write the address as opensearch+https://"
              + a.endpoint().getHost()
              + ":"
              + a.endpoint().getPort()
              + "/"
              + a.prefix());
    }
    StoreCredentials c;
    if (credentialsFile == null || credentialsFile.isBlank()) {
      c = StoreCredentials.fromEnvironment(env);
    } else {
      try {
        c = StoreCredentials.fromFile(Path.of(credentialsFile.strip()));
      } catch (IOException e) {
        throw new IllegalArgumentException(e.getMessage(), e);
      }
    }
    return new TeamStore(a, c, ca);
  }

  /**
   * What a push did.
   *
   * @param run the push's id, in every document it wrote
   * @param index the OpenSearch index written, which the workspace's name now points at
   * @param written the incidents written (each created or replaced by its key)
   * @param inStore the incidents the index holds afterwards
   * @param records the records, status events, rejections, import reports and reviews written
   * @param generation the team workspace's generation after the push
   */
  public record Pushed(
      String run,
      String index,
      int written,
      long inStore,
      long records,
      long generation,
      long millis) {}

  /**
   * Writes the session's workspace to the team workspace: its rules (settings, alias table,
   * rejected names, column mappings), every record by key (again: nothing added), every review with
   * who made it and when, then its incidents with their findings in full as one push, which
   * everyone sees at once when it is complete (the earlier push until then).
   */
  public Pushed push(Session session, TaskMonitor monitor) throws IOException {
    long t0 = System.nanoTime();
    TaskMonitor m = monitor == null ? TaskMonitor.NONE : monitor;
    Workspace ws = session.workspace();
    long records;
    long generation;
    try (OpenSearchRecords store = records()) {
      store.putRules(rulesOf(ws));
      // records are filed under this workspace's service names, as its push of incidents reads them
      store.refile(ws.services());
      long all = 0;
      for (DocKind kind : KINDS) {
        all += ws.facets().count(kind);
      }
      long total = all;
      long[] done = {0};
      TaskMonitor part = Progress.part(m, 0, 60);
      for (DocKind kind : KINDS) {
        Class<?> type = typeOf(kind);
        ws.records()
            .forEach(
                kind,
                type,
                r -> {
                  if ((done[0]++ & 1023) == 0) {
                    part.checkCancelled();
                    part.progress(done[0], total, "writing records to " + store.indexName());
                  }
                  try {
                    String json = Json.mapper().writeValueAsString(r);
                    if (r instanceof ImportedRecord record) {
                      store.putRecord(record, json);
                    } else {
                      store.putStored(kind, keyOf(r), fileOf(r), json);
                    }
                  } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                  }
                });
      }
      store.commit();
      records = done[0];
      generation = store.generation();
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    }
    try (OpenSearchIncidentIndex index = connect()) {
      OpenSearchIncidentIndex.Pushed p = index.push(ws, Progress.part(m, 60, 100));
      return new Pushed(
          p.run(),
          p.index(),
          p.written(),
          index.count(),
          records,
          generation,
          (System.nanoTime() - t0) / 1_000_000);
    }
  }

  /**
   * Writes only the workspace's rules (settings, alias table, rejected names, column mappings) to
   * the team workspace, replacing the ones kept there: what imports into it and copies of it then
   * read records with.
   */
  public void pushRules(Session session) throws IOException {
    try (OpenSearchRecords store = records()) {
      store.putRules(rulesOf(session.workspace()));
      store.commit(); // copies read the new rules
    }
  }

  /**
   * Gives a team workspace written by an earlier version its records' searchable fields (what its
   * tables and counts read); the number of records given them, 0 when it had them.
   */
  public long upgrade() throws IOException {
    try (OpenSearchRecords store = records()) {
      requireRecords(store);
      return store.upgrade();
    }
  }

  /** What the team workspace holds of each kind. */
  static final List<DocKind> KINDS =
      List.of(
          DocKind.INCIDENT,
          DocKind.DEPLOY,
          DocKind.RUN,
          DocKind.FACT,
          DocKind.DEPLOY_STATUS,
          DocKind.REJECTION,
          DocKind.IMPORT_LOG,
          DocKind.REVIEW_HISTORY);

  private static Class<?> typeOf(DocKind kind) {
    return switch (kind) {
      case INCIDENT, DEPLOY, RUN, FACT -> RecordCodec.recordClass(kind);
      case DEPLOY_STATUS -> DeployStatusEvent.class;
      case REJECTION -> Rejection.class;
      case IMPORT_LOG -> FileReport.class;
      case REVIEW_HISTORY, REVIEW -> Review.class;
      case FINDING -> dev.rehearsal.model.Finding.class;
    };
  }

  private static String keyOf(Object r) {
    if (r instanceof ImportedRecord i) {
      return i.key();
    } else if (r instanceof DeployStatusEvent e) {
      return e.key();
    } else if (r instanceof Rejection x) {
      return RecordCodec.rejectionKey(x);
    } else if (r instanceof FileReport f) {
      return RecordCodec.importLogKey(f.file());
    } else if (r instanceof Review v) {
      return RecordCodec.reviewHistoryKey(v);
    }
    throw new IllegalArgumentException("not kept in the team workspace: " + r);
  }

  private static String fileOf(Object r) {
    if (r instanceof ImportedRecord i) {
      return i.provenance().file();
    } else if (r instanceof Rejection x) {
      return x.file();
    } else if (r instanceof FileReport f) {
      return f.file();
    }
    return "";
  }

  private static OpenSearchRecords.Rules rulesOf(Workspace ws) throws IOException {
    return new OpenSearchRecords.Rules(
        ws.settings().overrides(),
        new java.util.TreeMap<>(ws.files().aliases()),
        new ArrayList<>(ws.files().rejectedAliases()),
        new ArrayList<>(ws.files().mappings().values()));
  }

  /**
   * What copying the team workspace into a local one did.
   *
   * @param records the records, status events, rejections and import reports copied
   * @param reviews the reviews copied (every one ever made, the latest of each incident in force)
   * @param findings the findings of the team's last analysis copied with them, so the copy shows
   *     what the team sees before it is analysed again
   * @param generation the team workspace's generation copied
   * @param upToDate the copy was of that generation and of the team's last findings already, and
   *     nothing was read
   * @param changesOnly the copy was of an earlier generation, and only what the commits since then
   *     wrote was read
   */
  public record Pulled(
      long records,
      long reviews,
      long findings,
      long generation,
      boolean upToDate,
      boolean changesOnly,
      long millis) {}

  /**
   * The file in a copy that says which team workspace it copies, at which generation, and which
   * push of findings it holds: a copy of the store's generation and push is up to date and is not
   * read again; a copy of an earlier generation reads what was written since.
   */
  static final String COPY_MARKER = "team-copy.json";

  /**
   * @param run the push of findings the copy holds (null: none, or a copy made before this was
   *     recorded)
   */
  private record CopyMarker(String store, String index, long generation, String run) {}

  /**
   * The team workspace a folder is a copy of (its address as written, never with credentials), when
   * it is one.
   */
  public static java.util.Optional<String> copyOf(Path dir) {
    return marker(dir).map(CopyMarker::store);
  }

  private static java.util.Optional<CopyMarker> marker(Path dir) {
    Path marker = dir.resolve(COPY_MARKER);
    if (!java.nio.file.Files.isRegularFile(marker)) {
      return java.util.Optional.empty();
    }
    try {
      return java.util.Optional.of(Json.mapper().readValue(marker.toFile(), CopyMarker.class));
    } catch (IOException e) {
      return java.util.Optional.empty(); // a damaged marker only means the copy is read again
    }
  }

  /**
   * Makes a local workspace a copy of the team workspace's records and rules, for the analysis to
   * read: the rules first (records are filed under the services they name), then every record by
   * key, read in bulk a page at a time; the reviews, oldest first; then the analysis's input is
   * prepared as after an import. A copy made before is brought up to date: when every commit since
   * its generation is on record, only the documents those commits wrote are read (a review written
   * by someone else is one document, not the whole store again); else every record, by key (a
   * record the team workspace no longer holds stays). The team's findings are copied when the push
   * in force is not the one the copy holds.
   */
  public Pulled pull(Session copy, TaskMonitor monitor) throws IOException {
    long t0 = System.nanoTime();
    TaskMonitor m = monitor == null ? TaskMonitor.NONE : monitor;
    Workspace ws = copy.workspace();
    try (OpenSearchRecords store = records()) {
      requireRecords(store);
      // read before the records: a commit while they are read moves it on, and the next pull
      // reads what it wrote
      long generation = store.generation();
      String run;
      try (OpenSearchIncidentIndex index = connect()) {
        run = index.runInForce().orElse(null);
      }
      CopyMarker mine = new CopyMarker(address.toString(), store.identity(), generation, run);
      CopyMarker before = marker(copy.dir()).orElse(null);
      boolean sameStore =
          before != null
              && before.store().equals(mine.store())
              && before.index().equals(mine.index());
      if (sameStore && before.generation() == generation && Objects.equals(before.run(), run)) {
        return new Pulled(0, 0, 0, generation, true, false, (System.nanoTime() - t0) / 1_000_000);
      }
      Set<String> since =
          sameStore && before.generation() <= generation
              ? store.committedSince(before.generation(), generation)
              : null;
      OpenSearchRecords.Rules rules = store.rules();
      if (rules != null) {
        copyRules(rules, ws);
      }
      long all = -1; // what a full copy reads, for its progress; unknown for changes only
      if (since == null) {
        all = 0;
        for (DocKind kind : KINDS) {
          all += store.count(kind);
        }
      }
      long total = all;
      long[] done = {0};
      RecordStore local = ws.writes().importStore();
      List<Review> reviews = new ArrayList<>();
      TaskMonitor part = Progress.part(m, 0, 80);
      OpenSearchRecords.RecordConsumer take =
          (kind, key, json) -> {
            if ((done[0]++ & 1023) == 0) {
              part.checkCancelled();
              part.progress(done[0], total, "copying " + store.indexName());
            }
            try {
              Object r = Json.mapper().readValue(json, typeOf(kind));
              if (r instanceof ImportedRecord i) {
                local.upsert(i);
              } else if (r instanceof DeployStatusEvent e) {
                local.upsertStatus(e);
              } else if (r instanceof Rejection x) {
                local.rejected(x);
              } else if (r instanceof FileReport f) {
                local.fileImported(f);
              } else if (r instanceof Review v) {
                reviews.add(v);
              }
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          };
      try {
        if (since != null) {
          store.forEachWrittenBy(since, KINDS, take);
        } else {
          for (DocKind kind : KINDS) {
            store.forEach(kind, (key, json) -> take.accept(kind, key, json));
          }
        }
        reviews.sort(java.util.Comparator.comparing(Review::at).thenComparing(Review::incidentKey));
        for (Review r : reviews) {
          ws.writes().putReview(r);
        }
        local.commit();
      } catch (java.io.UncheckedIOException e) {
        local.discard();
        throw e.getCause();
      } catch (RuntimeException | IOException e) {
        local.discard();
        throw e;
      }
      long records = done[0] - reviews.size();
      boolean newFindings = !(sameStore && Objects.equals(before.run(), run));
      long findings = 0;
      if (newFindings) {
        findings = copyFindings(ws, Progress.part(m, 80, 90));
      } else if (!reviews.isEmpty()) {
        applyReviews(ws, inForce(ws));
      }
      if (since == null || records > 0) {
        // the analysis's input changes with the records, not with reviews
        Engine.prepare(ws, Progress.part(m, 90, 100));
      }
      writeMarker(copy.dir(), mine);
      return new Pulled(
          records,
          reviews.size(),
          findings,
          generation,
          false,
          since != null,
          (System.nanoTime() - t0) / 1_000_000);
    }
  }

  /**
   * Saves a review made in a copy of the team workspace, and writes it to the team workspace at
   * once: into its history of reviews, with who made it and when (the next copy anyone makes has
   * it), and into the incident's document of the push in force, with the finding the review changes
   * (everyone searching sees it). The review is checked against the copy first; one the rules
   * refuse is written nowhere. A review the team workspace cannot take (out of reach) stays saved
   * in the copy, and the sentence of the result says so; a push writes it there later.
   *
   * @param copy a copy of this team workspace ({@link #pull})
   */
  public Reviews.Saved review(Session copy, Reviews.Request request) throws IOException {
    String of = copyOf(copy.dir()).orElse(null);
    if (!isAt(of)) {
      throw new Reviews.Refused(
          copy.dir().toAbsolutePath()
              + (of == null ? " is not a copy of a team workspace" : " is a copy of " + of)
              + ", not of "
              + address
              + "; open the team workspace (`rehearsal store pull`) and review there");
    }
    // the copy's finding before the review: the store's is written over only when it is the same
    String findingBefore =
        copy.workspace()
            .records()
            .storedJson(
                dev.rehearsal.model.Finding.keyOf(
                    IncidentDetails.resolve(copy.workspace(), request.incident())))
            .orElse(null);
    Reviews.Saved saved = copy.reviews().save(request);
    Review review = saved.review();
    try {
      long generation;
      try (OpenSearchRecords store = records()) {
        long before = store.generation();
        store.putReview(review);
        store.commit();
        generation = store.generation();
        if (generation == before + 1) {
          // nobody else wrote between: the copy holds what the store holds, and is up to date
          advanceCopy(copy.dir(), store.identity(), before, generation);
        }
      }
      boolean searchable;
      try (OpenSearchIncidentIndex index = connect()) {
        searchable = index.rewrite(copy.workspace(), review.incidentKey(), findingBefore);
      }
      return saved.withTeam(
          "written to the team workspace "
              + address
              + " (generation "
              + generation
              + (searchable
                  ? "), which everyone sees"
                  : "); the team's incidents show it after the next analysis there"),
          true);
    } catch (IOException | RuntimeException e) {
      return saved.withTeam(
          "kept in this copy only: the team workspace "
              + address
              + " did not take it ("
              + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
              + "); `rehearsal store push` writes it there",
          false);
    }
  }

  /** Records in a copy's marker that it holds generation {@code to}, when it held {@code from}. */
  private void advanceCopy(Path dir, String index, long from, long to) throws IOException {
    CopyMarker was = marker(dir).orElse(null);
    if (was != null && isAt(was.store()) && was.index().equals(index) && was.generation() == from) {
      writeMarker(dir, new CopyMarker(was.store(), index, to, was.run()));
    }
  }

  private static void writeMarker(Path dir, CopyMarker marker) throws IOException {
    java.nio.file.Files.writeString(
        dir.resolve(COPY_MARKER), Json.pretty().writeValueAsString(marker));
  }

  /**
   * Checks that the team workspace can be reached and holds records, before anything is made on
   * this machine for it; an exception saying what is missing otherwise.
   */
  public void requireRecords() throws IOException {
    try (OpenSearchRecords store = records()) {
      requireRecords(store);
    }
  }

  private static void requireRecords(OpenSearchRecords store) throws IOException {
    if (!store.exists()) {
      throw new IOException(
          "it holds no records yet (no index "
              + store.indexName()
              + "); `rehearsal import --store` or `rehearsal store push` writes them there");
    }
  }

  /**
   * Copies the findings the team workspace holds (those of its last push) into the copy, one at a
   * time; the number copied. They stand until the copy is analysed, as a local workspace's findings
   * stand after an import.
   */
  private long copyFindings(Workspace ws, TaskMonitor m) throws IOException {
    long[] n = {0};
    try (OpenSearchIncidentIndex index = connect()) {
      index.forEachFinding(
          (incident, json) -> {
            if ((n[0]++ & 1023) == 0) {
              m.checkCancelled();
              m.progress(-1, -1, "copying the team's findings");
            }
            try {
              ws.writes().putStoredFinding(json);
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          });
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    }
    ws.writes().commit(); // what follows reads the findings copied
    applyReviews(ws, inForce(ws));
    return n[0];
  }

  private static List<Review> inForce(Workspace ws) throws IOException {
    List<Review> out = new ArrayList<>();
    ws.records().forEach(DocKind.REVIEW, Review.class, out::add);
    return out;
  }

  /**
   * A review in force that a finding of the copy does not show yet (made after the team's last
   * analysis, written to the store directly) applied to it, as a review made in the copy would be;
   * how many findings were changed (none where each shows its review already).
   */
  private static long applyReviews(Workspace ws, List<Review> inForce) throws IOException {
    long changed = 0;
    for (Review r : inForce) {
      var f =
          ws.records()
              .get(
                  dev.rehearsal.model.Finding.keyOf(r.incidentKey()),
                  dev.rehearsal.model.Finding.class);
      if (f.isPresent() && !r.equals(f.get().review())) {
        ws.writes().putFinding(f.get().withReview(r));
        changed++;
      }
    }
    ws.writes().commit();
    return changed;
  }

  /** The team's rules in a local workspace, each written only when it differs. */
  private static void copyRules(OpenSearchRecords.Rules rules, Workspace ws) throws IOException {
    Settings settings = Settings.fromJson(rules.settings());
    if (!settings.overrides().equals(ws.settings().overrides())) {
      ws.writes().saveSettings(settings);
    }
    if (!rules.aliases().equals(new java.util.TreeMap<>(ws.files().aliases()))) {
      ws.writes().saveAliases(rules.aliases());
    }
    java.util.Set<String> rejected = new java.util.TreeSet<>(rules.rejectedAliases());
    if (!rejected.equals(ws.files().rejectedAliases())) {
      ws.writes().saveRejectedAliases(rejected);
    }
    for (ColumnMapping mapping : rules.mappings()) {
      ws.files().saveMapping(mapping);
    }
  }

  /**
   * What an analysis of the team workspace did: the copy it read, the analysis, and the push of its
   * findings that everyone now sees.
   */
  public record Analysed(Pulled pulled, AnalysisReport report, Pushed pushed) {}

  /**
   * Analyses the team workspace: copies it into a local workspace ({@link #pull}), analyses there,
   * and writes the incidents with their findings back as one push, which replaces the earlier
   * findings for everyone at once.
   */
  public Analysed analyse(Session copy, TaskMonitor monitor) throws IOException {
    TaskMonitor m = monitor == null ? TaskMonitor.NONE : monitor;
    Pulled pulled = pull(copy, Progress.part(m, 0, 40));
    AnalysisReport report = copy.analyses().run(Progress.part(m, 40, 80));
    long t0 = System.nanoTime();
    try (OpenSearchIncidentIndex index = connect();
        OpenSearchRecords store = records()) {
      OpenSearchIncidentIndex.Pushed p = index.push(copy.workspace(), Progress.part(m, 80, 100));
      // the tables read the records by the service names the analysis inferred
      store.refile(copy.workspace().services());
      // the copy holds the findings it pushed: the next pull need not copy them back
      CopyMarker was = marker(copy.dir()).orElse(null);
      if (was != null && was.generation() == pulled.generation()) {
        writeMarker(
            copy.dir(), new CopyMarker(was.store(), was.index(), was.generation(), p.run()));
      }
      Pushed pushed =
          new Pushed(
              p.run(),
              p.index(),
              p.written(),
              index.count(),
              0,
              pulled.generation(),
              (System.nanoTime() - t0) / 1_000_000);
      return new Analysed(pulled, report, pushed);
    }
  }

  /** Whether this is the team workspace at {@code written} (an address as a copy records it). */
  public boolean isAt(String written) {
    return address.toString().equals(written);
  }

  /** What bringing a copy up to date did, in a sentence. */
  public String describe(Pulled p) {
    if (p.upToDate()) {
      return String.format(
          "The copy of %s is up to date (generation %d): nothing to read.",
          address, p.generation());
    }
    return String.format(
        "Copied %s%,d records, %,d reviews and %,d findings of %s (generation %d) in %.1f s.",
        p.changesOnly() ? "what changed since the copy was made: " : "",
        p.records(),
        p.reviews(),
        p.findings(),
        address,
        p.generation(),
        p.millis() / 1000.0);
  }

  /** What an analysis of the team workspace did, in a sentence. */
  public String describe(Analysed a) {
    return String.format(
        "Analysed %,d incidents of %s (generation %d%s) in %.1f s; their findings are pushed as %s,"
            + " which everyone now sees.",
        a.report().incidents(),
        address,
        a.pulled().generation(),
        a.pulled().upToDate()
            ? ", the copy was up to date"
            : String.format(
                ", %,d records%s copied",
                a.pulled().records(),
                a.pulled().changesOnly() ? " changed since the copy was made" : ""),
        (a.pulled().millis() + a.report().timings().get("total") + a.pushed().millis()) / 1000.0,
        a.pushed().run());
  }

  /**
   * Imports files straight into the team workspace, as into a local one (the same importers, the
   * same accepted and rejected records with file, line and reason), with the team's rules; the
   * records become visible to everyone at the end, when the store's generation moves on.
   */
  public ImportSummary importFiles(List<Path> inputs, ImportOptions options, TaskMonitor monitor)
      throws IOException {
    Settings settings = settings();
    ImportOptions o =
        options == null
            ? ImportOptions.defaults()
                .withNaiveZone(settings.naiveZone())
                .withDateOrder(settings.dateOrder())
            : options;
    try (OpenSearchRecords store = records()) {
      return new ImportRunner(ImporterRegistry.standard(), settings.environments())
          .run(inputs, o, store, monitor);
    }
  }

  /**
   * Where this machine keeps its copy of the team workspace when none is named: a folder of the
   * cache, one per cluster and prefix.
   */
  public Path defaultCopy() {
    String name =
        (address.endpoint().getHost() + "-" + address.endpoint().getPort() + "-" + address.prefix())
            .replaceAll("[^A-Za-z0-9._-]", "_");
    return Locations.system().cacheDir().resolve("team").resolve(name);
  }

  /** The team's settings: the ones pushed with its rules over the defaults, else the defaults. */
  public Settings settings() throws IOException {
    try (OpenSearchRecords store = records()) {
      OpenSearchRecords.Rules rules = store.rules();
      return rules == null ? Settings.defaults() : Settings.fromJson(rules.settings());
    }
  }

  /**
   * Every finding the team workspace holds, by incident key, as the workspace that analysed it
   * stored it.
   */
  public java.util.Map<String, String> findings() throws IOException {
    java.util.Map<String, String> out = new java.util.TreeMap<>();
    try (OpenSearchIncidentIndex index = connect()) {
      index.forEachFinding(out::put);
    }
    return out;
  }

  /**
   * How far the team workspace's findings agree with a workspace's: the incidents whose finding is
   * the same byte for byte, those whose finding differs, and those one side has and the other not.
   */
  public record Agreement(long same, long different, long onlyThere, long onlyHere) {}

  /** Compares the team workspace's findings with the session's, one incident at a time. */
  public Agreement agreement(Session session) throws IOException {
    Workspace ws = session.workspace();
    java.util.Set<String> unmatched = new java.util.HashSet<>();
    for (dev.rehearsal.model.Incident i :
        ws.records().list(DocKind.INCIDENT, dev.rehearsal.model.Incident.class)) {
      unmatched.add(i.key());
    }
    long[] counts = new long[3];
    try (OpenSearchIncidentIndex index = connect()) {
      index.forEachFinding(
          (incident, json) -> {
            try {
              var mine = ws.records().storedJson(dev.rehearsal.model.Finding.keyOf(incident));
              unmatched.remove(incident);
              counts[mine.isEmpty() ? 2 : json.equals(mine.get()) ? 0 : 1]++;
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          });
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    }
    // the incidents the store has no finding of: those with one here
    long onlyHere = 0;
    for (String incident : unmatched) {
      if (ws.records().storedJson(dev.rehearsal.model.Finding.keyOf(incident)).isPresent()) {
        onlyHere++;
      }
    }
    return new Agreement(counts[0], counts[1], counts[2], onlyHere);
  }

  /** Drops the team workspace: its records, rules and every push of its incidents. */
  public void drop() throws IOException {
    try (OpenSearchRecords store = records();
        OpenSearchIncidentIndex index = connect()) {
      store.drop();
      index.drop();
    }
  }

  private OpenSearchRecords records() throws IOException {
    return OpenSearchRecords.connect(address, credentials, caFile);
  }

  /**
   * The team workspace's incidents a search request finds, as the local search finds them: its
   * query, service, environment and time range, in its order, a page from its offset (within the
   * first {@value OpenSearchIncidentIndex#MAX_HITS}). Its kinds must be incidents alone; a query
   * the local search cannot parse is refused with its message before anything is sent.
   */
  public OpenSearchIncidentIndex.Found search(dev.rehearsal.index.SearchRequest request)
      throws IOException {
    try {
      dev.rehearsal.index.QuerySyntax.check(request.query());
    } catch (dev.rehearsal.index.SearchSyntaxException e) {
      throw new Rows.QuerySyntaxException(e.getMessage(), e);
    }
    if ((long) request.offset() + request.limit() > OpenSearchIncidentIndex.MAX_HITS) {
      throw new IllegalArgumentException(
          "the team workspace's search reads its first "
              + OpenSearchIncidentIndex.MAX_HITS
              + " hits: narrow the query, or page with rows incidents --store");
    }
    try (OpenSearchIncidentIndex index = connect()) {
      return index.find(request);
    }
  }

  /**
   * The team workspace's tables, read from the store without a copy (each a page at a time, the
   * values of a column counted there); close them when done.
   */
  public TeamTables tables() throws IOException {
    OpenSearchRecords store = records();
    try {
      return new TeamTables(store, connect());
    } catch (IOException | RuntimeException e) {
      store.close();
      throw e;
    }
  }

  private OpenSearchIncidentIndex connect() throws IOException {
    return OpenSearchIncidentIndex.connect(address, credentials, caFile);
  }
}
