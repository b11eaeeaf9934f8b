package dev.rehearsal.analysis;

import dev.rehearsal.model.LoadSummary;
import dev.rehearsal.model.Provenance;
import dev.rehearsal.model.RunType;
import dev.rehearsal.model.StagingRun;
import dev.rehearsal.model.TestSummary;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The analysis's input as read from the index, kept in one file beside it for the generation of
 * imported records it was read from (decision 0009). Reading it back is a sequential read of
 * columns and strings, where reading the index means decoding a hundred thousand incident records,
 * finding the references in their text, and assembling a million deploys from doc values.
 *
 * <p>The file is derived data: it is written after an import and after any analysis that had to
 * read the index, and it is ignored (and rewritten) when its format, the index schema, the
 * generation of the imported records or the service names no longer match.
 */
final class InputSnapshot {
  static final String FILE = "analysis-input.bin";
  private static final int MAGIC = 0x52484149; // "RHAI"

  /**
   * Bumped whenever what is written here, or how the analysis reads the index, changes, and when
   * the rules that make what is written change (the references extracted from the incidents' text:
   * 5 when more ways of ruling a change out were read, 8 when a quoted title no longer needed
   * change words beside it, 9 when "rolled production to v1.2" became a rollback's target and
   * titles came to be found outside quotation marks, 11 when going back to a version said verb
   * first, "reinstated v1.2" or "returned to v1.2", became a rollback's target).
   */
  static final int FORMAT = 11;

  private static final int END = 0x454e4421; // "END!"

  /**
   * The build that wrote the file: a released version's snapshot is not read by another, in case
   * what the analysis reads changed without {@link #FORMAT} being bumped.
   */
  private static final String VERSION =
      String.valueOf(InputSnapshot.class.getPackage().getImplementationVersion());

  private InputSnapshot() {}

  /** Writes the data atomically: to a temporary file first, then moved into place. */
  static void write(Path dir, int schema, String generation, AnalysisData d) throws IOException {
    // what a write cut short by a killed process left behind
    try (var old = Files.newDirectoryStream(dir, "analysis-input*.tmp")) {
      for (Path p : old) {
        Files.deleteIfExists(p);
      }
    }
    Path tmp = Files.createTempFile(dir, "analysis-input", ".tmp");
    try {
      try (Out out = new Out(Files.newOutputStream(tmp))) {
        out.writeInt(MAGIC);
        out.writeInt(FORMAT);
        out.writeInt(schema);
        out.string(VERSION);
        out.string(generation);
        out.writeInt(d.rawServices.size());
        for (var e : d.rawServices.entrySet()) {
          out.string(e.getKey());
          out.string(e.getValue());
        }
        out.dict(d.services);
        out.dict(d.envs);
        writeIncidents(out, d);
        writeDeploys(out, d.deploys);
        out.writeInt(d.idMatches.size());
        for (var e : d.idMatches.entrySet()) {
          out.string(e.getKey());
          out.ints(e.getValue());
        }
        out.writeInt(d.runs.size());
        for (var e : d.runs.entrySet()) {
          out.writeInt(e.getKey());
          out.writeInt(e.getValue().size());
          for (var r : e.getValue()) {
            writeRun(out, r);
          }
        }
        writeFacts(out, d.facts);
        out.writeInt(d.tableTests.size());
        for (AnalysisData.TableTest t : d.tableTests) {
          out.string(t.table());
          out.writeInt(t.service());
          out.string(t.test());
          out.string(t.run());
          out.writeLong(t.at());
        }
        out.writeInt(END);
      }
      try {
        Files.move(
            tmp,
            dir.resolve(FILE),
            StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      } catch (java.nio.file.AtomicMoveNotSupportedException e) {
        Files.move(tmp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * The data of the snapshot in {@code dir}, or null when there is none or it does not match the
   * schema, the generation or the current service names. Doc ids are not part of it: the caller
   * maps incidents to the index's current documents.
   */
  static AnalysisData read(Path dir, int schema, String generation, AnalysisData d) {
    InputStream raw;
    try {
      raw = Files.newInputStream(dir.resolve(FILE));
    } catch (IOException e) {
      return null;
    }
    try (In in = new In(raw, size(dir))) {
      if (!header(in, schema, generation, d)) {
        return null;
      }
      if (!in.dict(d.services) || !in.dict(d.envs)) {
        return null;
      }
      readIncidents(in, d);
      d.deploys = readDeploys(in, d);
      if (d.deploys == null) {
        return null;
      }
      int ids = in.count();
      for (int i = 0; i < ids; i++) {
        d.idMatches.put(in.string(), in.ints());
      }
      int services = in.count();
      for (int i = 0; i < services; i++) {
        int service = in.readInt();
        int n = in.count();
        List<StagingRun> l = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
          l.add(readRun(in));
        }
        d.runs.put(service, l);
      }
      readFacts(in, d.facts);
      int tests = in.count();
      for (int i = 0; i < tests; i++) {
        d.tableTests.add(
            new AnalysisData.TableTest(
                in.string(), in.readInt(), in.string(), in.string(), in.readLong()));
      }
      if (in.readInt() != END) {
        return null;
      }
      return d;
    } catch (IOException | RuntimeException unreadable) {
      // truncated or damaged: the index is read instead, and the snapshot written anew
      return null;
    }
  }

  private static long size(Path dir) throws IOException {
    return Files.size(dir.resolve(FILE));
  }

  /** Whether a snapshot of this generation exists and still reads names as they are now. */
  static boolean current(Path dir, int schema, String generation, AnalysisData d) {
    try (In in = new In(Files.newInputStream(dir.resolve(FILE)), size(dir))) {
      return header(in, schema, generation, d);
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static boolean header(In in, int schema, String generation, AnalysisData d)
      throws IOException {
    if (in.readInt() != MAGIC
        || in.readInt() != FORMAT
        || in.readInt() != schema
        || !in.string().equals(VERSION)
        || !in.string().equals(generation)) {
      return false;
    }
    int raws = in.count();
    for (int i = 0; i < raws; i++) {
      String r = in.string();
      String canonical = in.string();
      // an alias or suffix rule changed what a name the tools wrote stands for
      if (!d.names.canonical(r).equals(canonical)) {
        return false;
      }
      d.rawServices.put(r, canonical);
    }
    return true;
  }

  // ---------------------------------------------------------------- incidents

  private static void writeIncidents(Out out, AnalysisData d) throws IOException {
    out.writeInt(d.incidents.size());
    for (int i = 0; i < d.incidents.size(); i++) {
      AnalysedIncident inc = d.incidents.get(i);
      out.string(inc.key());
      out.instant(inc.startedAt());
      out.instant(inc.resolvedAt());
      out.string(inc.narrative());
      out.ints(d.incidentServices.get(i));
      List<String> inferred = d.incidentInferredNames.get(i);
      out.writeInt(inferred.size());
      for (String name : inferred) {
        out.string(name);
      }
      List<References.Ref> refs = d.incidentRefs.get(i);
      out.writeInt(refs.size());
      for (References.Ref r : refs) {
        out.writeByte(r.type().ordinal());
        out.string(r.value());
        out.string(r.text());
        out.writeBoolean(r.negated());
      }
    }
  }

  private static void readIncidents(In in, AnalysisData d) throws IOException {
    int n = in.count();
    References.Type[] types = References.Type.values();
    for (int i = 0; i < n; i++) {
      String key = in.string();
      Instant start = in.instant();
      Instant resolved = in.instant();
      d.incidents.add(new AnalysedIncident(key, start, resolved, in.string()));
      d.incidentServices.add(in.ints());
      int inferredNames = in.count();
      List<String> inferred = new ArrayList<>(inferredNames);
      for (int k = 0; k < inferredNames; k++) {
        inferred.add(in.string());
      }
      d.incidentInferredNames.add(inferred.isEmpty() ? List.of() : inferred);
      int refs = in.count();
      List<References.Ref> l = new ArrayList<>(refs);
      for (int k = 0; k < refs; k++) {
        l.add(new References.Ref(types[in.readByte()], in.string(), in.string(), in.readBoolean()));
      }
      d.incidentRefs.add(refs == 0 ? List.of() : l);
    }
  }

  // ---------------------------------------------------------------- deploys

  private static void writeDeploys(Out out, DeployTable t) throws IOException {
    out.writeInt(t.size);
    for (int i = 0; i < t.size; i++) {
      out.string(t.key(i));
    }
    out.ints(t.service);
    out.ints(t.env);
    out.longs(t.time);
    out.bytes(t.status);
    out.ints(t.version);
    out.ints(t.sha);
    byte[] rollback = new byte[t.size];
    for (int i = 0; i < t.size; i++) {
      rollback[i] = (byte) (t.rollback[i] ? 1 : 0);
    }
    out.bytes(rollback);
    out.dict(t.versions);
    out.dict(t.shas);
  }

  private static DeployTable readDeploys(In in, AnalysisData d) throws IOException {
    int n = in.count();
    Utf8Column key = new Utf8Column(n, n * 24);
    for (int i = 0; i < n; i++) {
      in.string(key);
    }
    key.trim();
    int[] service = in.ints();
    int[] env = in.ints();
    long[] time = in.longs();
    byte[] status = in.bytes();
    int[] version = in.ints();
    int[] sha = in.ints();
    byte[] rb = in.bytes();
    boolean[] rollback = new boolean[n];
    for (int i = 0; i < n; i++) {
      rollback[i] = rb[i] != 0;
    }
    Dict versions = Dict.compact();
    Dict shas = Dict.compact();
    if (!in.dict(versions) || !in.dict(shas)) {
      return null;
    }
    return DeployTable.sorted(
        n,
        key,
        service,
        env,
        time,
        status,
        version,
        sha,
        rollback,
        versions,
        shas,
        d.services.size(),
        d.envs.size());
  }

  // ---------------------------------------------------------------- runs

  /** A staging run as the analysis reads it: every field but the test cases' names. */
  private static void writeRun(Out out, StagingRun r) throws IOException {
    out.string(r.source());
    out.string(r.sourceId());
    out.string(r.service());
    out.string(r.environment());
    out.string(r.version());
    out.string(r.commitSha());
    out.writeByte(r.type().ordinal());
    out.string(r.suite());
    out.instant(r.startedAt());
    out.writeDouble(r.durationSeconds());
    TestSummary t = r.tests();
    out.writeInt(t.total());
    out.writeInt(t.passed());
    out.writeInt(t.failed());
    out.writeInt(t.errored());
    out.writeInt(t.skipped());
    out.strings(t.failures());
    LoadSummary l = r.load();
    out.writeBoolean(l != null);
    if (l != null) {
      out.writeLong(l.requests());
      out.writeLong(l.failedRequests());
      out.writeDouble(l.meanRps());
      out.writeDouble(l.peakRps());
      out.writeDouble(l.p95Ms());
      out.writeDouble(l.p99Ms());
      out.writeDouble(l.maxVus());
      out.writeBoolean(l.thresholdsFailed());
    }
    Provenance p = r.provenance();
    out.string(p.file());
    out.writeLong(p.line());
    out.writeLong(p.index());
    out.string(p.format());
    out.string(p.sourceId());
    out.strings(p.notes());
  }

  private static StagingRun readRun(In in) throws IOException {
    String source = in.string();
    String sourceId = in.string();
    String service = in.string();
    String environment = in.string();
    String version = in.string();
    String sha = in.string();
    RunType type = RUN_TYPES[in.readByte()];
    String suite = in.string();
    Instant start = in.instant();
    double duration = in.readDouble();
    TestSummary tests =
        new TestSummary(
            in.readInt(),
            in.readInt(),
            in.readInt(),
            in.readInt(),
            in.readInt(),
            in.strings(),
            List.of());
    LoadSummary load =
        in.readBoolean()
            ? new LoadSummary(
                in.readLong(),
                in.readLong(),
                in.readDouble(),
                in.readDouble(),
                in.readDouble(),
                in.readDouble(),
                in.readDouble(),
                in.readBoolean())
            : null;
    Provenance p =
        new Provenance(
            in.string(), in.readLong(), in.readLong(), in.string(), in.string(), in.strings());
    return new StagingRun(
        source,
        sourceId,
        service,
        environment,
        version,
        sha,
        type,
        suite,
        start,
        duration,
        tests,
        load,
        p);
  }

  private static final RunType[] RUN_TYPES = RunType.values();

  // ---------------------------------------------------------------- facts

  private static void writeFacts(Out out, FactTable f) throws IOException {
    out.writeInt(f.config.size());
    for (var e : f.config.entrySet()) {
      out.writeLong(e.getKey());
      out.writeInt(e.getValue().size());
      for (FactTable.Snapshot s : e.getValue().values()) {
        out.writeLong(s.asOf);
        out.writeInt(s.values.size());
        for (var kv : s.values.entrySet()) {
          out.string(kv.getKey());
          out.string(kv.getValue());
        }
      }
    }
    out.writeInt(f.flags.size());
    for (var e : f.flags.entrySet()) {
      out.writeLong(e.getKey());
      out.writeInt(e.getValue().size());
      for (var flag : e.getValue().entrySet()) {
        out.string(flag.getKey());
        out.writeInt(flag.getValue().size());
        for (FactTable.FlagState s : flag.getValue()) {
          out.writeLong(s.at());
          out.string(s.value());
        }
      }
    }
    out.writeInt(f.traffic.size());
    for (var e : f.traffic.entrySet()) {
      out.writeLong(e.getKey());
      out.series(e.getValue());
    }
    out.writeInt(f.data.size());
    for (var e : f.data.entrySet()) {
      out.writeLong(e.getKey());
      out.writeInt(e.getValue().size());
      for (var table : e.getValue().entrySet()) {
        out.string(table.getKey());
        out.series(table.getValue());
      }
    }
    out.writeInt(f.mocks.size());
    for (var e : f.mocks.entrySet()) {
      out.writeLong(e.getKey());
      out.writeInt(e.getValue().size());
      for (FactTable.Mock m : e.getValue()) {
        out.string(m.dependency());
        out.string(m.how());
        out.writeLong(m.asOf());
      }
    }
  }

  private static void readFacts(In in, FactTable f) throws IOException {
    int n = in.count();
    for (int i = 0; i < n; i++) {
      TreeMap<Long, FactTable.Snapshot> snaps = new TreeMap<>();
      f.config.put(in.readLong(), snaps);
      int count = in.count();
      for (int k = 0; k < count; k++) {
        FactTable.Snapshot s = new FactTable.Snapshot(in.readLong());
        int values = in.count();
        for (int v = 0; v < values; v++) {
          s.values.put(in.pooled(), in.pooled());
        }
        snaps.put(s.asOf, s);
      }
    }
    n = in.count();
    for (int i = 0; i < n; i++) {
      Map<String, List<FactTable.FlagState>> flags = new HashMap<>();
      f.flags.put(in.readLong(), flags);
      int count = in.count();
      for (int k = 0; k < count; k++) {
        String flag = in.pooled();
        int states = in.count();
        List<FactTable.FlagState> l = new ArrayList<>(states);
        for (int s = 0; s < states; s++) {
          l.add(new FactTable.FlagState(in.readLong(), in.pooled()));
        }
        flags.put(flag, l);
      }
    }
    n = in.count();
    for (int i = 0; i < n; i++) {
      f.traffic.put(in.readLong(), in.series());
    }
    n = in.count();
    for (int i = 0; i < n; i++) {
      Map<String, FactTable.Series> tables = new TreeMap<>();
      f.data.put(in.readLong(), tables);
      int count = in.count();
      for (int k = 0; k < count; k++) {
        tables.put(in.string(), in.series());
      }
    }
    n = in.count();
    for (int i = 0; i < n; i++) {
      long key = in.readLong();
      int count = in.count();
      List<FactTable.Mock> l = new ArrayList<>(count);
      for (int k = 0; k < count; k++) {
        l.add(new FactTable.Mock(in.string(), in.string(), in.readLong()));
      }
      f.mocks.put(key, l);
    }
  }

  // ---------------------------------------------------------------- encoding

  /** Big-endian primitives, length-prefixed UTF-8 strings and arrays written in bulk. */
  private static final class Out extends DataOutputStream {
    private final byte[] buf = new byte[1 << 16];

    Out(OutputStream os) {
      super(new BufferedOutputStream(os, 1 << 20));
    }

    void string(String s) throws IOException {
      bytes(s.getBytes(StandardCharsets.UTF_8));
    }

    void bytes(byte[] b) throws IOException {
      writeInt(b.length);
      write(b);
    }

    void strings(List<String> l) throws IOException {
      writeInt(l.size());
      for (String x : l) {
        string(x);
      }
    }

    void instant(Instant t) throws IOException {
      writeBoolean(t != null);
      if (t != null) {
        writeLong(t.getEpochSecond());
        writeInt(t.getNano());
      }
    }

    void ints(int[] a) throws IOException {
      writeInt(a.length);
      int per = buf.length / 4;
      for (int from = 0; from < a.length; from += per) {
        int n = Math.min(per, a.length - from);
        ByteBuffer.wrap(buf).asIntBuffer().put(a, from, n);
        write(buf, 0, n * 4);
      }
    }

    void longs(long[] a) throws IOException {
      longs(a, a.length);
    }

    void longs(long[] a, int len) throws IOException {
      writeInt(len);
      int per = buf.length / 8;
      for (int from = 0; from < len; from += per) {
        int n = Math.min(per, len - from);
        ByteBuffer.wrap(buf).asLongBuffer().put(a, from, n);
        write(buf, 0, n * 8);
      }
    }

    void dict(Dict d) throws IOException {
      writeInt(d.size());
      for (int i = 0; i < d.size(); i++) {
        string(d.value(i));
      }
    }

    void series(FactTable.Series s) throws IOException {
      longs(s.time, s.size);
      long[] bits = new long[s.size];
      for (int i = 0; i < s.size; i++) {
        bits[i] = Double.doubleToRawLongBits(s.value[i]);
      }
      longs(bits);
    }
  }

  private static final class In extends DataInputStream {
    private byte[] buf = new byte[1 << 16];
    private final Map<String, String> pool = new HashMap<>();
    private final long fileSize;

    In(InputStream is, long fileSize) {
      super(new BufferedInputStream(is, 1 << 20));
      this.fileSize = fileSize;
    }

    /** A length read from the file, checked against the file's size before anything is made. */
    private int length(long bytesEach) throws IOException {
      int n = readInt();
      if (n < 0 || n * bytesEach > fileSize) {
        throw new IOException("damaged: a length of " + n);
      }
      return n;
    }

    /** A number of elements to read, each at least a byte. */
    int count() throws IOException {
      return length(1);
    }

    String string() throws IOException {
      int n = length(1);
      if (n > buf.length) {
        buf = new byte[Math.max(n, buf.length * 2)];
      }
      readFully(buf, 0, n);
      return new String(buf, 0, n, StandardCharsets.UTF_8);
    }

    /**
     * A string that many records repeat (configuration keys and values, flag names and states),
     * read once as one object: a workspace's config snapshots repeat the same few thousand of them
     * hundreds of thousands of times.
     */
    String pooled() throws IOException {
      String s = string();
      String same = pool.putIfAbsent(s, s);
      return same == null ? s : same;
    }

    /** Reads a string into a column, without making a String of it. */
    void string(Utf8Column into) throws IOException {
      int n = length(1);
      if (n > buf.length) {
        buf = new byte[Math.max(n, buf.length * 2)];
      }
      readFully(buf, 0, n);
      into.add(buf, 0, n);
    }

    List<String> strings() throws IOException {
      int n = length(4);
      List<String> l = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        l.add(string());
      }
      return l;
    }

    byte[] bytes() throws IOException {
      byte[] b = new byte[length(1)];
      readFully(b);
      return b;
    }

    Instant instant() throws IOException {
      return readBoolean() ? Instant.ofEpochSecond(readLong(), readInt()) : null;
    }

    int[] ints() throws IOException {
      int[] a = new int[length(4)];
      int per = buf.length / 4;
      for (int from = 0; from < a.length; from += per) {
        int n = Math.min(per, a.length - from);
        readFully(buf, 0, n * 4);
        ByteBuffer.wrap(buf).asIntBuffer().get(a, from, n);
      }
      return a;
    }

    long[] longs() throws IOException {
      long[] a = new long[length(8)];
      int per = buf.length / 8;
      for (int from = 0; from < a.length; from += per) {
        int n = Math.min(per, a.length - from);
        readFully(buf, 0, n * 8);
        ByteBuffer.wrap(buf).asLongBuffer().get(a, from, n);
      }
      return a;
    }

    /** Reads a dictionary's values in id order; false when they do not get the same ids. */
    boolean dict(Dict d) throws IOException {
      int n = count();
      boolean same = true;
      for (int i = 0; i < n; i++) {
        int len = length(1);
        if (len > buf.length) {
          buf = new byte[Math.max(len, buf.length * 2)];
        }
        readFully(buf, 0, len);
        same &= d.id(buf, 0, len) == i;
      }
      return same;
    }

    FactTable.Series series() throws IOException {
      FactTable.Series s = new FactTable.Series();
      s.time = longs();
      long[] bits = longs();
      s.value = new double[bits.length];
      for (int i = 0; i < bits.length; i++) {
        s.value[i] = Double.longBitsToDouble(bits[i]);
      }
      s.size = bits.length;
      return s;
    }
  }
}
