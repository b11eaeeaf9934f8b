package dev.rehearsal.importers;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.rehearsal.model.DeployStatusEvent;
import dev.rehearsal.model.ImportedRecord;
import dev.rehearsal.settings.EnvironmentNames;
import dev.rehearsal.task.CancelledException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every importer fed damaged and hostile versions of real files for a fixed time: the seeds are the
 * real exports under {@code src/test/resources/fixtures} (the importers' own test inputs, and the
 * shared real fixtures when {@code rehearsal.fixtures} names them), mutated by truncation, byte
 * flips, inserted quotes, NULs, byte-order marks and line breaks, huge fields, deep nesting,
 * repeated and deleted chunks, and splices of two files. Each input goes to format detection and to
 * the detected importer and to one importer chosen at random, and one in 25, packed in a zip,
 * through the import runner into a workspace.
 *
 * <p>Anything but a record or a rejection is a failure: an exception other than the importer's own
 * {@link ImportException} or {@link IOException}, an error, a parse that takes longer than 30
 * seconds, counts that do not add up. {@code mvn verify} runs it for {@code rehearsal.fuzz.seconds}
 * (20) with a fixed seed; {@code -Pfuzz} for 15 minutes with a new seed (the seed is in the report,
 * {@code target/fuzz-report.txt}, and in any failure: {@code -Drehearsal.fuzz.seed=N} runs the same
 * inputs again, and {@code -Drehearsal.fuzz.replay=I} with it makes input I alone and gives it to
 * every importer). Inputs that break something are kept in {@code target/fuzz-failures}.
 */
@Tag("fuzz")
class ImporterFuzzTest {
  @TempDir Path tmp;

  static final int MAX_SEED_BYTES = 256 * 1024;

  /** An input held in memory. */
  record Bytes(String name, byte[] data) implements ImportSource {
    @Override
    public String displayName() {
      return name;
    }

    @Override
    public String fileName() {
      return name;
    }

    @Override
    public long size() {
      return data.length;
    }

    @Override
    public InputStream open() {
      return new ByteArrayInputStream(data);
    }

    @Override
    public Path path() {
      return null;
    }

    @Override
    public ImportSource sibling(String other) {
      return null;
    }
  }

  /** Counts what a parse sends; any record sent twice for one index would show in the counts. */
  static final class Counter implements RecordSink {
    long accepted;
    long rejected;

    @Override
    public void accept(ImportedRecord record) {
      if (record == null || record.key() == null || record.key().isBlank()) {
        throw new AssertionError("a record without a key: " + record);
      }
      accepted++;
    }

    @Override
    public void acceptStatus(DeployStatusEvent event) {
      accepted++;
    }

    @Override
    public void reject(long line, long index, String reason) {
      if (reason == null || reason.isBlank()) {
        throw new AssertionError("a rejection without a reason at line " + line);
      }
      rejected++;
    }

    @Override
    public void warn(String message) {}
  }

  private static List<Bytes> seeds() throws IOException {
    List<Path> roots = new ArrayList<>();
    roots.add(ImporterHarness.resource("fixtures/README.md").getParent());
    String shared = System.getProperty("rehearsal.fixtures", "");
    if (!shared.isBlank() && Files.isDirectory(Path.of(shared))) {
      roots.add(Path.of(shared));
    }
    List<Bytes> out = new ArrayList<>();
    for (Path root : roots) {
      try (Stream<Path> s = Files.walk(root)) {
        for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
          String n = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
          if (n.endsWith(".md") || n.equals("license") || n.endsWith("source_commit")) {
            continue;
          }
          byte[] b = Files.readAllBytes(p);
          if (b.length > MAX_SEED_BYTES) {
            b = java.util.Arrays.copyOf(b, MAX_SEED_BYTES);
          }
          out.add(new Bytes(p.getFileName().toString(), b));
        }
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ mutations

  static final String[] INSERTS = {
    "\"",
    "\"\"",
    "\u0000",
    "\uFEFF",
    "\r",
    "\n",
    "\r\n",
    ",",
    ";",
    "\t",
    "{",
    "}",
    "[",
    "]",
    "<",
    ">",
    "&",
    "&amp;",
    "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>",
    "*a",
    "&a [",
    "<<: *a",
    "---\n",
    "\\",
    "\\u0000",
    "%",
    "'",
    "=cmd|' /C calc'!A0",
    "1e999999",
    "-0",
    "9999999999999999999999",
    "NaN",
    "null",
    "true",
    "0000-00-00T00:00:00Z",
    "2024-02-30",
    "99/99/9999",
    "\u202E",
    "\uD800",
    "Łukasz café 🙁"
  };

  static byte[] mutate(byte[] in, SplittableRandom r, List<Bytes> seeds, StringBuilder how) {
    byte[] b = in;
    int rounds = 1 + r.nextInt(3);
    for (int k = 0; k < rounds; k++) {
      int op = r.nextInt(12);
      int at = b.length == 0 ? 0 : r.nextInt(b.length + 1);
      how.append(op).append('@').append(at).append(' ');
      switch (op) {
        case 0 -> b = java.util.Arrays.copyOf(b, at); // truncation
        case 1 -> { // byte flips
          b = b.clone();
          for (int i = 0; i < 1 + r.nextInt(8) && b.length > 0; i++) {
            b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
          }
        }
        case 2, 3 ->
            b = insert(b, at, INSERTS[r.nextInt(INSERTS.length)].getBytes(StandardCharsets.UTF_8));
        case 4 -> { // a huge field
          String unit =
              new String[] {"x", "\"", "a,", "é", "\u0000", " ", "\t", "a "}[r.nextInt(8)];
          b =
              insert(
                  b,
                  at,
                  unit.repeat(1 + r.nextInt(2 << 20) / unit.length())
                      .getBytes(StandardCharsets.UTF_8));
        }
        case 5 -> { // deep nesting
          int depth = 1 + r.nextInt(50_000);
          String[] open = {"[", "{\"a\":", "<a>", "- ", "a:\n  ", "(\"", "{{"};
          int i = r.nextInt(open.length);
          b = insert(b, at, open[i].repeat(depth).getBytes(StandardCharsets.UTF_8));
        }
        case 6 -> { // a chunk repeated
          if (b.length > 0) {
            int from = r.nextInt(b.length);
            int len = Math.min(b.length - from, 1 + r.nextInt(4096));
            byte[] chunk = java.util.Arrays.copyOfRange(b, from, from + len);
            for (int i = 0; i < 1 + r.nextInt(50); i++) {
              b = insert(b, at, chunk);
            }
          }
        }
        case 7 -> { // a chunk deleted
          if (b.length > 0) {
            int from = r.nextInt(b.length);
            int len = Math.min(b.length - from, 1 + r.nextInt(4096));
            byte[] c = new byte[b.length - len];
            System.arraycopy(b, 0, c, 0, from);
            System.arraycopy(b, from + len, c, from, b.length - from - len);
            b = c;
          }
        }
        case 8 -> { // spliced with another file
          byte[] other = seeds.get(r.nextInt(seeds.size())).data();
          int from = other.length == 0 ? 0 : r.nextInt(other.length);
          byte[] c = new byte[at + other.length - from];
          System.arraycopy(b, 0, c, 0, at);
          System.arraycopy(other, from, c, at, other.length - from);
          b = c;
        }
        case 9 -> { // random bytes
          byte[] junk = new byte[1 + r.nextInt(512)];
          for (int i = 0; i < junk.length; i++) {
            junk[i] = (byte) r.nextInt(256);
          }
          b = insert(b, at, junk);
        }
        case 10 -> { // every line break in another form
          String s = new String(b, StandardCharsets.ISO_8859_1);
          s = r.nextBoolean() ? s.replace("\n", "\r") : s.replace("\n", "\r\n");
          b = s.getBytes(StandardCharsets.ISO_8859_1);
        }
        default -> { // re-encoded
          String s = new String(b, StandardCharsets.UTF_8);
          b = s.getBytes(r.nextBoolean() ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16);
        }
      }
    }
    return b;
  }

  private static byte[] insert(byte[] b, int at, byte[] what) {
    at = Math.min(at, b.length);
    byte[] c = new byte[b.length + what.length];
    System.arraycopy(b, 0, c, 0, at);
    System.arraycopy(what, 0, c, at, what.length);
    System.arraycopy(b, at, c, at + what.length, b.length - at);
    return c;
  }

  // ------------------------------------------------------------------ running

  /** Writes an input that broke something to target/fuzz-failures; says where. */
  private static String keep(Bytes input, long index) throws IOException {
    Path d = Files.createDirectories(Path.of("target", "fuzz-failures"));
    Path f = d.resolve(index + "-" + input.name());
    Files.write(f, input.data());
    return " [input kept as " + f + "]";
  }

  /** Parses one input with one importer; returns null when it behaved, else what went wrong. */
  static String parse(Importer importer, Bytes input) {
    Counter sink = new Counter();
    try {
      importer.parse(input, ImportContext.defaults(), sink);
    } catch (ImportException | IOException | java.io.UncheckedIOException e) {
      return null; // the rest of the file is one rejection: the runner reports it
    } catch (CancelledException e) {
      return "cancelled without being asked";
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      java.io.StringWriter w = new java.io.StringWriter();
      e.printStackTrace(new java.io.PrintWriter(w));
      String trace = w.toString();
      return importer.id() + " threw " + trace.substring(0, Math.min(trace.length(), 1500));
    }
    return null;
  }

  @Test
  void everyImporterTakesDamagedInputWithoutAnythingButRecordsAndRejections() throws Exception {
    double seconds = Double.parseDouble(System.getProperty("rehearsal.fuzz.seconds", "20"));
    long seed = Long.getLong("rehearsal.fuzz.seed", seconds > 60 ? System.nanoTime() : 20240304L);
    long replay = Long.getLong("rehearsal.fuzz.replay", -1L);
    if (replay >= 0) {
      seconds = 24 * 3600; // until that input is made again
    }
    SplittableRandom r = new SplittableRandom(seed);
    List<Bytes> seeds = seeds();
    ImporterRegistry registry = ImporterRegistry.standard();
    List<Importer> importers = registry.importers();
    ExecutorService exec =
        Executors.newSingleThreadExecutor(
            run -> {
              Thread t = new Thread(null, run, "fuzz", 64L << 20);
              t.setDaemon(true);
              return t;
            });
    long end = System.nanoTime() + (long) (seconds * 1e9);
    long inputs = 0;
    long parses = 0;
    long viaRunner = 0;
    List<String> found = new ArrayList<>();
    try {
      while (System.nanoTime() < end && found.size() < 5) {
        Bytes seedFile = seeds.get(r.nextInt(seeds.size()));
        StringBuilder how = new StringBuilder();
        byte[] data = mutate(seedFile.data(), r, seeds, how);
        Bytes input = new Bytes(seedFile.name(), data);
        String what =
            seedFile.name() + " mutated " + how + "(seed " + seed + ", input " + inputs + ")";
        Importer random = importers.get(r.nextInt(importers.size()));
        if (replay >= 0 && inputs < replay) {
          inputs++;
          if (inputs % 25 == 0) {
            r.nextBoolean();
          }
          continue;
        }
        inputs++;
        String[] running = {""};
        Future<List<String>> f =
            exec.submit(
                () -> {
                  List<String> problems = new ArrayList<>();
                  running[0] = "detection";
                  Sniff sniff = Sniff.of(input);
                  sniff.describe();
                  sniff.readItAnyway();
                  var detected = registry.detect(sniff);
                  List<Importer> chosen = new ArrayList<>();
                  if (replay >= 0) {
                    chosen.addAll(importers);
                  } else {
                    detected.ifPresent(d -> chosen.add(d.importer()));
                    chosen.add(random);
                  }
                  for (Importer i : chosen) {
                    running[0] = i.id();
                    String p = parse(i, input);
                    if (p != null) {
                      problems.add(p);
                    }
                  }
                  return problems;
                });
        try {
          List<String> problems = f.get(30, TimeUnit.SECONDS);
          parses += 2;
          for (String p : problems) {
            found.add(what + ": " + p + keep(input, inputs - 1));
          }
        } catch (TimeoutException e) {
          f.cancel(true);
          found.add(what + ": " + running[0] + " took longer than 30 s" + keep(input, inputs - 1));
          break;
        }
        if (replay >= 0) {
          keep(input, inputs - 1);
          break;
        }
        if (inputs % 25 == 0) {
          viaRunner++;
          String p = throughTheRunner(input, r.nextBoolean());
          if (p != null) {
            found.add(what + ": " + p);
          }
        }
      }
    } finally {
      exec.shutdownNow();
      Files.createDirectories(Path.of("target"));
      Files.writeString(
          Path.of("target", "fuzz-report.txt"),
          String.format(
              "seed %d, %.0f s: %,d inputs from %d seed files, %,d parses, %,d through the"
                  + " runner in a zip; %d problem(s)%n%s",
              seed,
              seconds,
              inputs,
              seeds.size(),
              parses,
              viaRunner,
              found.size(),
              String.join("\n\n", found)));
    }
    assertTrue(inputs > 0);
    if (!found.isEmpty()) {
      fail(found.size() + " input(s) broke an importer:\n\n" + String.join("\n\n", found));
    }
  }

  private dev.rehearsal.index.Workspace workspace;

  @org.junit.jupiter.api.AfterEach
  void closeTheWorkspace() throws IOException {
    if (workspace != null) {
      workspace.close();
    }
  }

  /**
   * Imports the input, zipped (and the zip itself damaged now and then), through the runner into a
   * workspace, so that what the importers send is stored too.
   */
  private String throughTheRunner(Bytes input, boolean damageTheZip) throws IOException {
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    try (var z = new java.util.zip.ZipOutputStream(zipped)) {
      z.putNextEntry(new java.util.zip.ZipEntry("export/" + input.name()));
      z.write(input.data());
      z.closeEntry();
    }
    byte[] bytes = zipped.toByteArray();
    if (damageTheZip && bytes.length > 10) {
      bytes[bytes.length / 2] ^= 0x5A;
      bytes[bytes.length - 5] ^= 0x33;
    }
    Path zip = tmp.resolve("input.zip");
    Files.write(zip, bytes);
    try {
      if (workspace == null) {
        workspace = dev.rehearsal.index.Workspace.open(tmp.resolve("ws"));
      }
      ImportSummary s =
          new ImportRunner(ImporterRegistry.standard(), EnvironmentNames.defaults())
              .run(List.of(zip), ImportOptions.defaults(), workspace.writes().importStore(), null);
      for (FileReport f : s.files()) {
        if (f.seen() != f.accepted() + f.rejected()) {
          return "counts do not add up: " + f;
        }
        for (var rej : f.rejections()) {
          if (rej.reason().contains("please report")) {
            return rej.reason();
          }
        }
      }
    } catch (RuntimeException e) {
      return "the runner threw " + e;
    }
    return null;
  }
}
