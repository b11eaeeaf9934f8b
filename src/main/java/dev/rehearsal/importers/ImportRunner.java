package dev.rehearsal.importers;

import dev.rehearsal.importers.generic.GenericFields;
import dev.rehearsal.importers.support.TimeParser;
import dev.rehearsal.model.ImportedRecord;
import dev.rehearsal.model.Provenance;
import dev.rehearsal.model.Rejection;
import dev.rehearsal.settings.EnvironmentNames;
import dev.rehearsal.task.CancelledException;
import dev.rehearsal.task.TaskMonitor;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Runs an import: expands folders and archives, loads manifests and sidecars, picks an importer per
 * file by content, streams each file into the store, and reports per file. One bad record never
 * stops its file; one bad file never stops the import. Commits once at the end.
 */
public final class ImportRunner {
  /** How many rejections a report keeps in memory; all of them go to the store. */
  public static final int REPORTED_REJECTIONS = 50;

  private final ImporterRegistry registry;
  private final EnvironmentNames environments;
  private final boolean pipelined;

  /** How a folder's entries are listed (tests stand in a folder that cannot be read). */
  interface FolderLister {
    DirectoryStream<Path> list(Path folder) throws IOException;
  }

  private FolderLister folders = Files::newDirectoryStream;

  /** Lists folders with {@code lister} instead of the file system's own listing. */
  ImportRunner listingFoldersWith(FolderLister lister) {
    this.folders = lister;
    return this;
  }

  public ImportRunner(ImporterRegistry registry, EnvironmentNames environments) {
    this(registry, environments, true);
  }

  /**
   * @param pipelined whether the store is written on a thread of its own while parsing goes on (the
   *     default); the benchmark turns it off to time parsing alone
   */
  public ImportRunner(ImporterRegistry registry, EnvironmentNames environments, boolean pipelined) {
    this.registry = registry;
    this.environments = environments;
    this.pipelined = pipelined;
  }

  private record Planned(ImportSource source, String key, FileReport preReport) {}

  /** Imports files, folders and zip archives. */
  public ImportSummary run(
      List<Path> inputs, ImportOptions options, RecordStore target, TaskMonitor monitor)
      throws IOException {
    if (!pipelined) {
      return run(inputs, options, target, monitor, System.nanoTime());
    }
    try (PipelinedStore store = new PipelinedStore(target)) {
      return run(inputs, options, store, monitor, System.nanoTime());
    }
  }

  private ImportSummary run(
      List<Path> inputs, ImportOptions options, RecordStore store, TaskMonitor monitor, long start)
      throws IOException {
    TaskMonitor mon = monitor == null ? TaskMonitor.NONE : monitor;
    TimeParser time = new TimeParser(options.naiveZone(), options.dateOrder());
    List<ZipFile> open = new ArrayList<>();
    List<FileReport> reports = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    List<String> manifestsUsed = new ArrayList<>();
    ImportManifest manifest = new ImportManifest();
    boolean cancelled = false;
    try {
      List<Planned> plan = new ArrayList<>();
      List<Planned> manifests = new ArrayList<>();
      for (Path input : inputs) {
        expand(input, options, plan, manifests, open);
      }
      if (options.manifest() != null) {
        Path m = options.manifest().toAbsolutePath().normalize();
        if (!Files.isRegularFile(m)) {
          throw new IOException("manifest " + options.manifest() + " does not exist");
        }
        manifests.add(
            0, new Planned(new FileSource(m, options.manifest().toString()), key(m), null));
      }
      for (Planned m : manifests) {
        if (ImportManifest.isImportManifestName(m.source.fileName())
            || m.source.path() != null
                && options.manifest() != null
                && m.source.path().equals(options.manifest().toAbsolutePath().normalize())) {
          manifest.load(m.source, parentKey(m.key), time);
          manifestsUsed.add(m.source.displayName());
        }
      }
      problems.addAll(manifest.problems());

      long totalBytes = plan.stream().mapToLong(p -> Math.max(0, p.source.size())).sum();
      long doneBytes = 0;
      for (Planned p : plan) {
        if (p.preReport != null) {
          reports.add(p.preReport);
          stored(() -> store.fileImported(p.preReport));
          continue;
        }
        if (cancelled || mon.isCancelled()) {
          cancelled = true;
          break;
        }
        final long base = doneBytes;
        AtomicLong read = new AtomicLong();
        long size = Math.max(0, p.source.size());
        ImportSource counted = new CountingSource(p.source, read);
        TaskMonitor fileMonitor =
            new TaskMonitor() {
              @Override
              public void progress(long done, long total, String message) {
                mon.progress(base + Math.min(read.get(), size), totalBytes, message);
              }

              @Override
              public boolean isCancelled() {
                return mon.isCancelled();
              }
            };
        mon.progress(base, totalBytes, "reading " + p.source.displayName());
        FileReport report = importOne(counted, p.key, options, manifest, store, fileMonitor);
        reports.add(report);
        stored(() -> store.fileImported(report));
        doneBytes += size;
        if (report.status() == FileReport.Status.CANCELLED) {
          cancelled = true;
        }
      }
      if (cancelled) {
        // a cancelled import takes back what it wrote: the workspace is as it was
        stored(store::discard);
      } else {
        stored(store::commit);
      }
      mon.progress(totalBytes, totalBytes, cancelled ? "cancelled" : "done");
    } finally {
      for (ZipFile z : open) {
        try {
          z.close();
        } catch (IOException ignored) {
          // closing a read-only archive cannot lose data
        }
      }
    }
    return new ImportSummary(
        reports, manifestsUsed, problems, cancelled, (System.nanoTime() - start) / 1_000_000);
  }

  /**
   * What {@link #run} would do with these inputs, without writing anything: each file's format and
   * the detector's confidence, its first {@code previewRecords} records (and rejections), and what
   * it lacks once manifests, sidecars and the options' hints are applied.
   */
  public ImportPlan plan(
      List<Path> inputs,
      ImportOptions options,
      java.util.Map<String, ColumnMapping> mappings,
      int previewRecords)
      throws IOException {
    TimeParser time = new TimeParser(options.naiveZone(), options.dateOrder());
    List<ZipFile> open = new ArrayList<>();
    List<ImportPlan.File> files = new ArrayList<>();
    List<String> manifestsUsed = new ArrayList<>();
    ImportManifest manifest = new ImportManifest();
    try {
      List<Planned> plan = new ArrayList<>();
      List<Planned> manifests = new ArrayList<>();
      for (Path input : inputs) {
        expand(input, options, plan, manifests, open);
      }
      for (Planned m : manifests) {
        if (ImportManifest.isImportManifestName(m.source.fileName())) {
          manifest.load(m.source, parentKey(m.key), time);
          manifestsUsed.add(m.source.displayName());
        }
      }
      for (Planned p : plan) {
        files.add(
            p.preReport != null
                ? new ImportPlan.File(
                    p.preReport.file(),
                    p.preReport.status(),
                    "",
                    "",
                    null,
                    0,
                    List.of(),
                    List.of(),
                    List.of(),
                    p.preReport.message())
                : planOne(p, options, manifest, mappings, previewRecords));
      }
    } finally {
      for (ZipFile z : open) {
        try {
          z.close();
        } catch (IOException ignored) {
          // closing a read-only archive cannot lose data
        }
      }
    }
    return new ImportPlan(files, manifestsUsed, manifest.problems());
  }

  private ImportPlan.File planOne(
      Planned p,
      ImportOptions options,
      ImportManifest manifest,
      java.util.Map<String, ColumnMapping> mappings,
      int previewRecords) {
    String name = p.source.displayName();
    Sniff sniff;
    try {
      sniff = Sniff.of(p.source);
    } catch (IOException e) {
      return new ImportPlan.File(
          name,
          FileReport.Status.FAILED,
          "",
          "",
          null,
          0,
          List.of(),
          List.of(),
          List.of(),
          "cannot be read: " + e.getMessage());
    }
    Importer importer;
    int confidence;
    String formatName;
    Matched matched = options.format() != null ? null : matched(p.source, mappings);
    if (options.format() != null) {
      importer = registry.byId(options.format()).orElse(null);
      confidence = importer == null ? 0 : Importer.CERTAIN;
    } else if (matched != null) {
      importer = matched.importer;
      confidence = Importer.CERTAIN;
      options = options.withMapping(matched.mapping.name());
    } else {
      var d = registry.detect(sniff);
      importer = d.map(ImporterRegistry.Detection::importer).orElse(null);
      confidence = d.map(ImporterRegistry.Detection::score).orElse(0);
    }
    if (importer == null) {
      return new ImportPlan.File(
          name,
          FileReport.Status.SKIPPED,
          "",
          "",
          null,
          0,
          List.of(),
          List.of(),
          // a table or JSON Rehearsal has no importer for: a column mapping reads it
          sniff.readItAnyway().isEmpty() ? List.of() : List.of(ImportPlan.Lack.MAPPING),
          "not recognised: it looks like " + sniff.describe());
    }
    formatName = displayName(importer, options);
    List<String> warnings = new ArrayList<>();
    TargetHints hints = hintsFor(p.source, p.key, options, manifest, warnings);
    PreviewSink sink = new PreviewSink(name, importer.id(), previewRecords);
    ImportContext ctx = new ImportContext(options, environments, hints, mappings, sink);
    String message = "would be read as " + formatName;
    try {
      importer.parse(p.source, ctx, sink);
    } catch (CancelledException e) {
      // the preview is full
    } catch (ImportException | IOException | RuntimeException e) {
      message = "reading stops early: " + e.getMessage();
    }
    return new ImportPlan.File(
        name,
        FileReport.Status.IMPORTED,
        importer.id(),
        formatName,
        matched != null ? matched.mapping.kind() : importer.kind(),
        confidence,
        sink.records,
        sink.rejections,
        lacks(
            importer,
            matched != null ? matched.mapping.kind() : importer.kind(),
            options,
            hints,
            sink),
        message);
  }

  /** What a file lacks, judged from its first records and what the hints supply. */
  private static List<ImportPlan.Lack> lacks(
      Importer importer,
      dev.rehearsal.model.RecordKind kind,
      ImportOptions options,
      TargetHints hints,
      PreviewSink sink) {
    List<ImportPlan.Lack> out = new ArrayList<>();
    if (importer.id().startsWith("generic-") && options.mapping() == null) {
      out.add(ImportPlan.Lack.MAPPING);
      return out;
    }
    if (kind == dev.rehearsal.model.RecordKind.STAGING_RUN) {
      List<dev.rehearsal.model.StagingRun> runs = new ArrayList<>();
      for (var r : sink.records) {
        if (r instanceof dev.rehearsal.model.StagingRun run) {
          runs.add(run);
        }
      }
      boolean none = runs.isEmpty();
      if (hints.service() == null && (none || runs.stream().allMatch(r -> r.service().isEmpty()))) {
        out.add(ImportPlan.Lack.SERVICE);
      }
      if (hints.environment() == null
          && (none || runs.stream().allMatch(r -> r.environment().isEmpty()))) {
        out.add(ImportPlan.Lack.ENVIRONMENT);
      }
      if (hints.version() == null
          && hints.commit() == null
          && (none
              || runs.stream().allMatch(r -> r.version().isEmpty() && r.commitSha().isEmpty()))) {
        out.add(ImportPlan.Lack.VERSION);
      }
    }
    boolean untimed =
        !sink.rejections.isEmpty()
            && sink.records.isEmpty()
            && sink.rejections.stream()
                .allMatch(r -> r.reason().toLowerCase(Locale.ROOT).contains("time"));
    if (untimed && hints.at() == null) {
      out.add(ImportPlan.Lack.TIME);
    }
    return out;
  }

  /**
   * Keeps the first records and rejections of a file and then stops its parse (through the
   * cancellation every importer honours); stores nothing.
   */
  private static final class PreviewSink implements RecordSink, TaskMonitor {
    private final String file;
    private final String format;
    private final int max;
    final List<dev.rehearsal.model.ImportedRecord> records = new ArrayList<>();
    final List<Rejection> rejections = new ArrayList<>();

    PreviewSink(String file, String format, int max) {
      this.file = file;
      this.format = format;
      this.max = Math.max(1, max);
    }

    private boolean full() {
      return records.size() + rejections.size() >= max;
    }

    private void stopWhenFull() {
      if (full()) {
        throw new CancelledException();
      }
    }

    @Override
    public void accept(dev.rehearsal.model.ImportedRecord record) {
      stopWhenFull();
      records.add(record);
    }

    @Override
    public void acceptStatus(dev.rehearsal.model.DeployStatusEvent event) {
      stopWhenFull();
    }

    @Override
    public void reject(long line, long index, String reason) {
      stopWhenFull();
      rejections.add(new Rejection(file, line, index, format, reason));
    }

    @Override
    public void warn(String message) {
      // warnings are reported by the import itself
    }

    @Override
    public void progress(long done, long total, String message) {}

    @Override
    public boolean isCancelled() {
      return full();
    }
  }

  private FileReport importOne(
      ImportSource source,
      String key,
      ImportOptions options,
      ImportManifest manifest,
      RecordStore store,
      TaskMonitor monitor)
      throws IOException {
    long t0 = System.nanoTime();
    String name = source.displayName();
    Sniff sniff;
    try {
      sniff = Sniff.of(source);
    } catch (IOException e) {
      return failed(name, "cannot be read: " + reason(e), t0);
    }
    Importer importer;
    Matched matched;
    String named = options.format();
    if (named != null) {
      importer =
          registry
              .byId(named)
              .orElseThrow(
                  () -> new IllegalArgumentException("no importer has the id '" + named + "'"));
    } else if ((matched = matched(source, store.mappings())) != null) {
      importer = matched.importer;
      options = options.withMapping(matched.mapping.name());
    } else {
      var d = registry.detect(sniff);
      if (d.isEmpty()) {
        return new FileReport(
            name,
            FileReport.Status.SKIPPED,
            "",
            "",
            0,
            0,
            0,
            List.of(),
            List.of(),
            "not recognised: it looks like " + sniff.describe() + sniff.readItAnyway(),
            millis(t0));
      }
      importer = d.get().importer();
    }
    List<String> warnings = new ArrayList<>();
    TargetHints hints = hintsFor(source, key, options, manifest, warnings);
    ImportContext ctx = new ImportContext(options, environments, hints, store.mappings(), monitor);
    store.clearRejections(name);
    CountingSink sink = new CountingSink(store, name, importer.id(), monitor, warnings);
    FileReport.Status status = FileReport.Status.IMPORTED;
    String message = "read as " + displayName(importer, options);
    try {
      try {
        importer.parse(source, ctx, sink);
      } catch (RuntimeException e) {
        StoreFailure f = storeFailure(e);
        if (f != null) {
          Throwable c = f.getCause();
          throw new StoreStopped(
              "the workspace could not store a record of "
                  + name
                  + " ("
                  + (c.getMessage() == null ? c.toString() : c.getMessage())
                  + "); the import stopped, and what was committed before it is kept",
              c);
        }
        throw e;
      }
    } catch (StoreStopped e) {
      throw e; // the whole import stops: see StoreFailure
    } catch (ImportException e) {
      sink.reject(e.line(), sink.seen, "the rest of the file could not be read: " + e.getMessage());
    } catch (CancelledException e) {
      status = FileReport.Status.CANCELLED;
      message = "cancelled after " + sink.seen + " records";
    } catch (UncheckedIOException e) {
      sink.reject(
          0, sink.seen, "the rest of the file could not be read: " + e.getCause().getMessage());
    } catch (IOException e) {
      sink.reject(0, sink.seen, "the rest of the file could not be read: " + e.getMessage());
    } catch (RuntimeException e) {
      sink.reject(
          0,
          sink.seen,
          "the importer failed on this file (" + e + "); please report " + "it with the file");
    }
    if (sink.seen == 0 && status == FileReport.Status.IMPORTED) {
      warnings.add("the file holds no records");
    }
    return new FileReport(
        name,
        status,
        importer.id(),
        displayName(importer, options),
        sink.seen,
        sink.accepted,
        sink.rejected,
        warnings,
        sink.kept,
        message,
        millis(t0),
        sink.acceptedByKind());
  }

  private interface StoreAction {
    void run() throws IOException;
  }

  /** Runs a call of the store; its failure (however it is thrown) stops the import. */
  private static void stored(StoreAction action) throws IOException {
    try {
      action.run();
    } catch (StoreStopped e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new StoreStopped(
          "the workspace could not store what was read ("
              + (e.getMessage() == null ? e.toString() : e.getMessage())
              + "); the import stopped, and what was committed before it is kept",
          e);
    }
  }

  /** The store's failure, when it is what ended a parse (an importer may have wrapped it). */
  private static StoreFailure storeFailure(Throwable t) {
    for (int depth = 0; t != null && depth < 10; depth++, t = t.getCause()) {
      if (t instanceof StoreFailure f) {
        return f;
      }
    }
    return null;
  }

  private static long millis(long t0) {
    return (System.nanoTime() - t0) / 1_000_000;
  }

  private static FileReport failed(String name, String message, long t0) {
    return new FileReport(
        name, FileReport.Status.FAILED, "", "", 0, 0, 0, List.of(), List.of(), message, millis(t0));
  }

  /** A saved column mapping made for a file's fields, and the generic importer that reads it. */
  private record Matched(ColumnMapping mapping, Importer importer) {}

  /**
   * The saved mapping made for this file's fields (a CSV header, a JSON file's fields), when one
   * is; null when none is, or no saved mapping says what it was made for.
   */
  private Matched matched(ImportSource source, Map<String, ColumnMapping> mappings) {
    if (mappings == null || mappings.values().stream().allMatch(m -> m.header().isEmpty())) {
      return null;
    }
    java.util.Optional<GenericFields> fields;
    try {
      fields = GenericFields.of(source, 1);
    } catch (IOException | RuntimeException e) {
      return null; // the detection that follows says what is wrong with the file
    }
    if (fields.isEmpty()) {
      return null;
    }
    java.util.Set<String> signature = fields.get().signature();
    for (ColumnMapping m : mappings.values()) {
      if (m.madeFor(signature) && m.problems().isEmpty()) {
        Importer i = registry.byId(fields.get().format()).orElse(null);
        if (i != null) {
          return new Matched(m, i);
        }
      }
    }
    return null;
  }

  /** How a file's format is named: a generic importer says which mapping reads it. */
  private static String displayName(Importer importer, ImportOptions options) {
    return importer.id().startsWith("generic-") && options.mapping() != null
        ? importer.displayName() + ": '" + options.mapping() + "'"
        : importer.displayName();
  }

  private TargetHints hintsFor(
      ImportSource source,
      String key,
      ImportOptions options,
      ImportManifest manifest,
      List<String> warnings) {
    TimeParser time = new TimeParser(options.naiveZone(), options.dateOrder());
    TargetHints h = TargetHints.NONE;
    ImportSource own = source.sibling(source.fileName() + ImportManifest.SIDECAR_SUFFIX);
    if (own != null) {
      h = ImportManifest.readSidecar(own, time, warnings);
    }
    ImportSource folder = source.sibling(ImportManifest.FOLDER_SIDECAR);
    if (folder != null) {
      h = h.orElse(ImportManifest.readSidecar(folder, time, warnings));
    }
    // what the import window stated for this file is carried as a manifest's row is
    h = h.orElse(manifest.lookup(key).orElse(options.statedFor(source.displayName())));
    return h.orElse(
        options.hints().isEmpty()
            ? TargetHints.NONE
            : new TargetHints(
                options.hints().service(),
                options.hints().environment(),
                options.hints().version(),
                options.hints().commit(),
                options.hints().at(),
                "import options"));
  }

  private void expand(
      Path input,
      ImportOptions options,
      List<Planned> plan,
      List<Planned> manifests,
      List<ZipFile> open)
      throws IOException {
    Path abs = input.toAbsolutePath().normalize();
    if (!Files.exists(abs)) {
      // one member of an archive, named as the plan names it: archive.zip!/folder/member.csv
      var member = ArchiveMember.parse(input.toString());
      if (member.isPresent()) {
        ArchiveMember.Name m = member.get();
        expandZip(
            m.archive().toAbsolutePath().normalize(),
            m.archiveDisplay(),
            options.limits(),
            plan,
            manifests,
            open,
            m.entry());
        return;
      }
      throw new IOException(input + " does not exist");
    }
    if (Files.isDirectory(abs)) {
      // every file under the folder, and every entry that cannot be read or followed, with why;
      // in the order of their paths
      java.util.TreeMap<String, Object> found = new java.util.TreeMap<>();
      walk(abs, abs, found);
      for (Map.Entry<String, Object> e : found.entrySet()) {
        Path f = Path.of(e.getKey());
        String display = input.resolve(abs.relativize(f)).toString();
        if (e.getValue() instanceof String problem) {
          plan.add(new Planned(new FileSource(f, display), key(f), unread(display, problem)));
        } else {
          addFile(f, display, options, plan, manifests, open);
        }
      }
    } else {
      addFile(abs, input.toString(), options, plan, manifests, open);
    }
  }

  /**
   * Collects the regular files under {@code folder} (links to files followed), and for each entry
   * that cannot be read (a folder without permission, a link to nothing or to itself, a folder
   * link, a device) the reason it is not imported. Hidden entries are passed over.
   */
  private void walk(Path root, Path folder, Map<String, Object> found) {
    List<Path> entries = new ArrayList<>();
    try (DirectoryStream<Path> list = folders.list(folder)) {
      for (Path p : list) {
        entries.add(p);
      }
    } catch (IOException | java.nio.file.DirectoryIteratorException e) {
      IOException io = e instanceof IOException x ? x : (IOException) e.getCause();
      found.put(
          folder.toString(),
          "this folder cannot be read (" + reason(io) + "); the files in it are not imported");
      return;
    }
    for (Path p : entries) {
      if (hidden(root.relativize(p))) {
        continue;
      }
      java.nio.file.attribute.BasicFileAttributes own;
      try {
        own =
            Files.readAttributes(
                p,
                java.nio.file.attribute.BasicFileAttributes.class,
                java.nio.file.LinkOption.NOFOLLOW_LINKS);
      } catch (IOException e) {
        found.put(p.toString(), "cannot be read (" + reason(e) + ")");
        continue;
      }
      if (own.isDirectory()) {
        walk(root, p, found);
      } else if (own.isRegularFile()) {
        found.put(p.toString(), p);
      } else if (own.isSymbolicLink()) {
        try {
          var target = Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class);
          if (target.isRegularFile()) {
            found.put(p.toString(), p);
          } else if (target.isDirectory()) {
            found.put(
                p.toString(),
                "a link to a folder is not followed; import the folder it points to itself");
          } else {
            found.put(p.toString(), "a link to something that is not a file");
          }
        } catch (IOException e) {
          found.put(p.toString(), "a link that cannot be followed (" + reason(e) + ")");
        }
      } else {
        found.put(p.toString(), "not a regular file (a device, socket or pipe)");
      }
    }
  }

  /** Why a file or folder could not be read, in a few words. */
  static String reason(IOException e) {
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "not found";
    }
    if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
      return f.getReason().toLowerCase(Locale.ROOT);
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static FileReport unread(String display, String problem) {
    boolean failed = problem.startsWith("this folder") || problem.startsWith("cannot be read");
    return new FileReport(
        display,
        failed ? FileReport.Status.FAILED : FileReport.Status.SKIPPED,
        "",
        "",
        0,
        0,
        0,
        List.of(),
        List.of(),
        problem,
        0);
  }

  private static boolean hidden(Path relative) {
    for (Path part : relative) {
      String s = part.toString();
      // dot-files are hidden, except environment files (.env, .env.staging)
      if (s.startsWith(".") && !s.startsWith(".env") || s.equals("__MACOSX")) {
        return true;
      }
    }
    return false;
  }

  private void addFile(
      Path f,
      String display,
      ImportOptions options,
      List<Planned> plan,
      List<Planned> manifests,
      List<ZipFile> open)
      throws IOException {
    String name = f.getFileName().toString();
    FileSource src = new FileSource(f, display);
    if (ImportManifest.isManifestName(name)) {
      manifests.add(new Planned(src, key(f), null));
      return;
    }
    if (name.toLowerCase(Locale.ROOT).endsWith(".zip") || isZip(f)) {
      expandZip(f, display, options.limits(), plan, manifests, open, null);
      return;
    }
    plan.add(new Planned(src, key(f), null));
  }

  private static boolean isZip(Path f) {
    try (InputStream in = Files.newInputStream(f)) {
      byte[] b = in.readNBytes(4);
      return b.length == 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
    } catch (IOException e) {
      return false;
    }
  }

  private void expandZip(
      Path f,
      String display,
      ImportOptions.ArchiveLimits limits,
      List<Planned> plan,
      List<Planned> manifests,
      List<ZipFile> open,
      String only) {
    long t0 = System.nanoTime();
    ZipFile zip;
    try {
      zip = new ZipFile(f.toFile());
    } catch (ZipException e) {
      plan.add(
          new Planned(
              new FileSource(f, display),
              key(f),
              failed(display, "is not a readable zip archive: " + e.getMessage(), t0)));
      return;
    } catch (IOException e) {
      plan.add(
          new Planned(
              new FileSource(f, display),
              key(f),
              failed(display, "cannot be opened: " + e.getMessage(), t0)));
      return;
    }
    open.add(zip);
    var all = zip.stream().sorted(Comparator.comparing(ZipEntry::getName)).toList();
    String refusal = refusal(all, limits);
    if (refusal != null) {
      plan.add(new Planned(new FileSource(f, display), key(f), failed(display, refusal, t0)));
      return;
    }
    Map<String, ZipEntry> entries = new LinkedHashMap<>();
    for (ZipEntry e : all) {
      if (!e.isDirectory()) {
        entries.put(e.getName(), e);
      }
    }
    String zipKey = key(f);
    if (only != null && !entries.containsKey(only)) {
      plan.add(
          new Planned(
              new FileSource(f, display),
              zipKey + "!/" + only,
              failed(display + "!/" + only, "the archive holds no file of that name", t0)));
      return;
    }
    for (ZipEntry e : entries.values()) {
      String entryName = e.getName();
      if (only != null
          && !entryName.equals(only)
          && !ImportManifest.isManifestName(entryName.substring(entryName.lastIndexOf('/') + 1))) {
        // one member asked for: the others are passed over, the archive's manifests still apply
        continue;
      }
      if (outside(entryName)) {
        plan.add(
            new Planned(
                new FileSource(f, display),
                zipKey + "!/" + entryName,
                new FileReport(
                    display + "!/" + entryName,
                    FileReport.Status.SKIPPED,
                    "",
                    "",
                    0,
                    0,
                    0,
                    List.of(),
                    List.of(),
                    "not imported: its name points outside the archive (a '..' part or an "
                        + "absolute path), as archives made to overwrite files do",
                    0)));
        continue;
      }
      if (hiddenEntry(entryName)) {
        continue;
      }
      long cap = e.getSize() >= 0 ? e.getSize() + 1 : limits.maxTotalBytes();
      ZipEntrySource src = new ZipEntrySource(zip, e, display, entries, cap);
      String k = zipKey + "!/" + entryName;
      if (ImportManifest.isManifestName(src.fileName())) {
        manifests.add(new Planned(src, k, null));
      } else if (entryName.toLowerCase(Locale.ROOT).endsWith(".zip")) {
        plan.add(
            new Planned(
                src,
                k,
                new FileReport(
                    src.displayName(),
                    FileReport.Status.SKIPPED,
                    "",
                    "",
                    0,
                    0,
                    0,
                    List.of(),
                    List.of(),
                    "an archive inside an archive is not opened; unpack it and import it on its own",
                    0)));
      } else {
        plan.add(new Planned(src, k, null));
      }
    }
  }

  /** Whether a zip entry's name has a hidden part (as {@link #hidden} for files). */
  private static boolean hiddenEntry(String entryName) {
    for (String part : entryName.replace('\\', '/').split("/")) {
      if (part.startsWith(".") && !part.startsWith(".env") || part.equals("__MACOSX")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Why an archive with these entries is not opened, or null: more entries than the limit, an entry
   * that would inflate past the ratio (a possible zip bomb), or all of them past the byte limit.
   * The whole archive is refused, whichever member was asked for.
   */
  static String refusal(List<? extends ZipEntry> all, ImportOptions.ArchiveLimits limits) {
    if (all.size() > limits.maxEntries()) {
      return "holds " + all.size() + " entries, more than the limit of " + limits.maxEntries();
    }
    long total = 0;
    for (ZipEntry e : all) {
      if (e.isDirectory()) {
        continue;
      }
      long size = e.getSize();
      long comp = e.getCompressedSize();
      if (size > 0 && comp > 0 && (double) size / comp > limits.maxRatio()) {
        return "entry "
            + e.getName()
            + " would inflate "
            + Math.round((double) size / comp)
            + " times its compressed size (limit "
            + Math.round(limits.maxRatio())
            + "); refused as a possible zip bomb";
      }
      total += Math.max(0, size);
      if (total > limits.maxTotalBytes()) {
        return "would inflate to more than " + limits.maxTotalBytes() + " bytes";
      }
    }
    return null;
  }

  /** Whether an entry's name climbs out of the archive: a '..' part, or an absolute path. */
  static boolean outside(String entryName) {
    String n = entryName.replace('\\', '/');
    if (n.startsWith("/") || n.length() > 1 && n.charAt(1) == ':') {
      return true;
    }
    for (String part : n.split("/")) {
      if (part.equals("..")) {
        return true;
      }
    }
    return false;
  }

  private static String key(Path p) {
    return p.toAbsolutePath().normalize().toString().replace('\\', '/');
  }

  private static String parentKey(String key) {
    int bang = key.lastIndexOf('/');
    return bang < 0 ? "" : key.substring(0, bang);
  }

  /**
   * The workspace failed to store what an importer sent: not the file's fault, and nothing after it
   * could be stored either, so the import stops with the cause.
   */
  private static final class StoreFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StoreFailure(Throwable cause) {
      super(cause);
    }
  }

  /** The import stopped because the workspace could not store what was read. */
  static final class StoreStopped extends IOException {
    private static final long serialVersionUID = 1L;

    StoreStopped(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** Counts, stores, and keeps the first rejections for the report. */
  private static final class CountingSink implements RecordSink {
    private final RecordStore store;
    private final String file;
    private final String format;
    private final TaskMonitor monitor;
    private final List<String> warnings;
    private final List<Rejection> kept = new ArrayList<>();
    long seen;
    long accepted;
    long rejected;
    private final long[] byKind = new long[dev.rehearsal.model.RecordKind.values().length];
    private long statuses;

    CountingSink(
        RecordStore store, String file, String format, TaskMonitor monitor, List<String> warnings) {
      this.store = store;
      this.file = file;
      this.format = format;
      this.monitor = monitor;
      this.warnings = warnings;
    }

    @Override
    public void accept(ImportedRecord record) {
      String limit = RecordLimits.problem(record);
      if (limit != null) {
        Provenance p = record.provenance();
        reject(p == null ? 0 : p.line(), p == null ? seen : p.index(), limit);
        return;
      }
      try {
        store.upsert(record);
      } catch (IOException | RuntimeException e) {
        throw new StoreFailure(e);
      }
      seen++;
      accepted++;
      byKind[record.kind().ordinal()]++;
      tick();
    }

    @Override
    public void acceptStatus(dev.rehearsal.model.DeployStatusEvent event) {
      try {
        store.upsertStatus(event);
      } catch (IOException | RuntimeException e) {
        throw new StoreFailure(e);
      }
      seen++;
      accepted++;
      statuses++;
      tick();
    }

    /** The accepted records by kind (see {@link FileReport#acceptedByKind}). */
    java.util.Map<String, Long> acceptedByKind() {
      java.util.Map<String, Long> out = new java.util.TreeMap<>();
      for (dev.rehearsal.model.RecordKind k : dev.rehearsal.model.RecordKind.values()) {
        if (byKind[k.ordinal()] > 0) {
          out.put(k.code(), byKind[k.ordinal()]);
        }
      }
      if (statuses > 0) {
        out.put(FileReport.DEPLOY_STATUS, statuses);
      }
      return out;
    }

    @Override
    public void reject(long line, long index, String reason) {
      Rejection r = new Rejection(file, line, index, format, reason);
      try {
        store.rejected(r);
      } catch (IOException | RuntimeException e) {
        throw new StoreFailure(e);
      }
      if (kept.size() < REPORTED_REJECTIONS) {
        kept.add(r);
      }
      seen++;
      rejected++;
      tick();
    }

    @Override
    public void warn(String message) {
      if (!warnings.contains(message) && warnings.size() < 100) {
        warnings.add(message);
      }
    }

    private void tick() {
      if ((seen & 1023) == 0) {
        monitor.progress(seen, -1, file);
        monitor.checkCancelled();
      }
    }
  }

  /** Counts the bytes importers read, for progress. */
  private static final class CountingSource implements ImportSource {
    private final ImportSource inner;
    private final AtomicLong read;

    CountingSource(ImportSource inner, AtomicLong read) {
      this.inner = inner;
      this.read = read;
    }

    @Override
    public String displayName() {
      return inner.displayName();
    }

    @Override
    public String fileName() {
      return inner.fileName();
    }

    @Override
    public long size() {
      return inner.size();
    }

    @Override
    public InputStream open() throws IOException {
      read.set(0);
      return new FilterInputStream(inner.open()) {
        @Override
        public int read() throws IOException {
          int b = super.read();
          if (b >= 0) {
            read.incrementAndGet();
          }
          return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          int n = super.read(b, off, len);
          if (n > 0) {
            read.addAndGet(n);
          }
          return n;
        }
      };
    }

    @Override
    public Path path() {
      return inner.path();
    }

    @Override
    public ImportSource sibling(String name) {
      return inner.sibling(name);
    }
  }
}
