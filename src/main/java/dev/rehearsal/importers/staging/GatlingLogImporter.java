package dev.rehearsal.importers.staging;

import dev.rehearsal.importers.ImportContext;
import dev.rehearsal.importers.ImportException;
import dev.rehearsal.importers.ImportSource;
import dev.rehearsal.importers.Importer;
import dev.rehearsal.importers.RecordSink;
import dev.rehearsal.importers.Sniff;
import dev.rehearsal.importers.support.Decoding;
import dev.rehearsal.model.RecordKind;
import dev.rehearsal.model.RunType;
import dev.rehearsal.util.Texts;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gatling's {@code simulation.log}, both the tab-separated text written up to 3.12 (with the
 * user-id column of 3.0–3.3 or without it from 3.4; the layout is decided per record from its
 * fields, not from the version) and the binary file written from 3.13 on (see FORMATS.md §15). One
 * file is one load run: the RUN record gives the start, the simulation class (the run's suite) and
 * the Gatling version; each REQUEST is one request (OK or KO) with its start and end; USER
 * start/end records give the most concurrent users. GROUP records are timings of groups of requests
 * and are not requests. simulation.log holds the assertions a simulation declares but not their
 * outcome (Gatling computes it in its report), so {@code thresholdsFailed} stays false and a note
 * says so.
 */
public final class GatlingLogImporter implements Importer {
  static final String SOURCE = "gatling";

  @Override
  public String id() {
    return "gatling-simulation-log";
  }

  @Override
  public String displayName() {
    return "Gatling simulation.log (text up to 3.12, binary from 3.13)";
  }

  @Override
  public RecordKind kind() {
    return RecordKind.STAGING_RUN;
  }

  @Override
  public int recognizes(Sniff sniff) {
    byte[] h = sniff.head();
    if (isBinaryRun(h)) {
      return CERTAIN;
    }
    String first = sniff.firstLine();
    if (first.startsWith("RUN\t") || first.startsWith("ASSERTION\t")) {
      return CERTAIN;
    }
    return NO;
  }

  /** A binary log starts with the RUN header (0) and the Gatling version as a short string. */
  static boolean isBinaryRun(byte[] h) {
    if (h.length < 8 || h[0] != 0) {
      return false;
    }
    int len = ((h[1] & 0xff) << 24) | ((h[2] & 0xff) << 16) | ((h[3] & 0xff) << 8) | (h[4] & 0xff);
    if (len < 1 || len > 40 || h.length < 5 + len) {
      return false;
    }
    for (int i = 5; i < 5 + len; i++) {
      byte b = h[i];
      if (!(b >= '0' && b <= '9'
          || b == '.'
          || b == '-'
          || b >= 'A' && b <= 'Z'
          || b >= 'a' && b <= 'z')) {
        return false;
      }
    }
    return h[5] >= '0' && h[5] <= '9';
  }

  /** What the records of one log add up to. */
  private static final class State {
    final RunDraft run = new RunDraft();
    final LoadTally tally = new LoadTally();
    Long runStart;
    long users;
    long maxUsers;
    int assertions;
    long errors;
    long rejected;
    String gatlingVersion;
  }

  @Override
  public void parse(ImportSource source, ImportContext ctx, RecordSink sink)
      throws IOException, ImportException {
    State s = new State();
    s.run.type = RunType.LOAD;
    s.run.noTimeReason = "the log has no RUN record and no request";
    boolean binary;
    try (InputStream in = source.open()) {
      byte[] head = in.readNBytes(64);
      binary = isBinaryRun(head);
    }
    ImportException stop = null;
    try {
      if (binary) {
        s.run.line = 0;
        readBinary(source, ctx, sink, s);
      } else {
        readText(source, ctx, sink, s);
      }
    } catch (ImportException e) {
      if (s.tally.requests() == 0) {
        throw e;
      }
      stop = e;
    }
    RunDraft run = s.run;
    if (s.gatlingVersion != null) {
      run.note("written by Gatling " + s.gatlingVersion);
    }
    if (s.assertions > 0) {
      run.note(
          "the simulation declares "
              + s.assertions
              + " assertion(s); simulation.log does "
              + "not record whether they passed (Gatling's report does)");
    }
    if (s.errors > 0) {
      run.note(s.errors + " ERROR record(s): errors Gatling logged outside requests");
    }
    if (s.rejected > 0) {
      run.note(
          s.rejected
              + " record(s) could not be read and are not counted (see the "
              + "rejections)");
    }
    if (s.maxUsers > 0) {
      s.tally.users(s.maxUsers);
    }
    if (stop != null) {
      run.note(
          "the rest of the file could not be read ("
              + stop.getMessage()
              + "); the figures "
              + "cover the "
              + s.tally.requests()
              + " requests before it");
    }
    Long first = s.tally.firstStart();
    if (s.runStart != null) {
      run.startedAt = Instant.ofEpochMilli(s.runStart);
    } else if (first != null) {
      run.startedAt = Instant.ofEpochMilli(first);
      run.note("no RUN record: the start is the first request's");
    }
    if (first != null) {
      run.durationSeconds = s.tally.spanSeconds();
    }
    run.load = s.tally.summary(false, run);
    run.emit(this, SOURCE, source, ctx, sink);
    if (stop != null) {
      throw stop;
    }
  }

  // ------------------------------------------------------------------ text (up to 3.12)

  private void readText(ImportSource source, ImportContext ctx, RecordSink sink, State s)
      throws IOException, ImportException {
    Decoding.Decoded d = Decoding.open(source.open());
    try (BufferedReader br = new BufferedReader(d.reader(), 1 << 16)) {
      String line;
      long lineNo = 0;
      long index = 0;
      while ((line = br.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        String reason = textRecord(line.split("\t", -1), s, ctx);
        if (reason != null) {
          sink.reject(lineNo, index, "record not counted: " + reason);
          s.rejected++;
        }
        index++;
        if ((lineNo & 65535) == 0) {
          ctx.monitor().checkCancelled();
        }
      }
    } finally {
      d.notes().forEach(sink::warn);
    }
  }

  private static boolean isStatus(String f) {
    return f.equals("OK") || f.equals("KO");
  }

  /** Counts one text record; returns why it cannot be read, or null. */
  private static String textRecord(String[] f, State s, ImportContext ctx) {
    switch (f[0]) {
      case "RUN" -> {
        // RUN class simulationId start description version (3.x); 2.x had two id fields
        int at = f.length == 6 && Attrs.longOrNull(f[3]) != null ? 3 : -1;
        for (int i = at > 0 ? at : 1; i < f.length; i++) {
          Long v = Attrs.longOrNull(f[i]);
          if (v != null && f[i].strip().length() >= 12) {
            s.runStart = v;
            s.run.suite = Texts.cleanId(f[1]);
            s.gatlingVersion = Texts.cleanId(f[f.length - 1]);
            return null;
          }
        }
        return "a RUN record without a start time";
      }
      case "ASSERTION" -> {
        s.assertions++;
        return null;
      }
      case "ERROR" -> {
        s.errors++;
        return null;
      }
      case "GROUP" -> {
        return null;
      }
      case "USER" -> {
        // 3.4+: USER scenario START|END time; 3.0-3.3: USER scenario userId START|END start time
        String event =
            f.length > 2 && (f[2].equals("START") || f[2].equals("END"))
                ? f[2]
                : f.length > 3 && (f[3].equals("START") || f[3].equals("END")) ? f[3] : null;
        if (event == null) {
          return "a USER record without START or END";
        }
        user(s, event.equals("START"));
        return null;
      }
      case "REQUEST" -> {
        // 3.4+: REQUEST groups name start end status [message]
        // 3.0-3.3: REQUEST userId groups name start end status [message]
        int st;
        if (f.length > 5 && isStatus(f[5])) {
          st = 5;
        } else if (f.length > 6 && isStatus(f[6])) {
          st = 6;
        } else {
          return "a REQUEST record without OK or KO where the layout puts it ("
              + f.length
              + " fields)";
        }
        Long start = Attrs.longOrNull(f[st - 2]);
        Long end = Attrs.longOrNull(f[st - 1]);
        if (start == null || end == null) {
          return "the request's start or end is not an epoch time ('"
              + f[st - 2]
              + "', '"
              + f[st - 1]
              + "')";
        }
        if (end < start) {
          return "the request ends before it starts (" + start + " > " + end + ")";
        }
        s.tally.sample(start, end - start, f[st].equals("OK"));
        return null;
      }
      default -> {
        return "'" + Texts.truncate(Texts.cleanId(f[0]), 30) + "' is not a Gatling record type";
      }
    }
  }

  private static void user(State s, boolean start) {
    if (start) {
      s.users++;
      s.maxUsers = Math.max(s.maxUsers, s.users);
    } else if (s.users > 0) {
      s.users--;
    }
  }

  // ------------------------------------------------------------------ binary (3.13+)

  /** Reads the big-endian records, counting bytes so errors can say where. */
  private static final class BinaryReader {
    final DataInputStream in;
    long pos;
    final Map<Integer, String> cache = new HashMap<>();

    BinaryReader(InputStream raw) {
      this.in = new DataInputStream(new BufferedInputStream(raw, 1 << 16));
    }

    int header() throws IOException {
      int b = in.read();
      if (b >= 0) {
        pos++;
      }
      return b;
    }

    int u8() throws IOException {
      int b = in.readUnsignedByte();
      pos++;
      return b;
    }

    int i32() throws IOException {
      int v = in.readInt();
      pos += 4;
      return v;
    }

    long i64() throws IOException {
      long v = in.readLong();
      pos += 8;
      return v;
    }

    /** A length-prefixed Java string: bytes then coder (0 Latin-1, 1 UTF-16); none when empty. */
    String string() throws IOException {
      int len = i32();
      if (len < 0 || len > 16 * 1024 * 1024) {
        throw new IOException("a string of " + len + " bytes is not plausible");
      }
      if (len == 0) {
        return "";
      }
      byte[] b = in.readNBytes(len);
      pos += b.length;
      if (b.length < len) {
        throw new EOFException();
      }
      int coder = u8();
      if (coder == 0) {
        return new String(b, StandardCharsets.ISO_8859_1);
      }
      if (coder == 1) {
        return new String(b, utf16Order(b));
      }
      throw new IOException("unknown string coder " + coder);
    }

    /** A string written once and referred to later by a negative index. */
    String cached() throws IOException {
      int idx = i32();
      if (idx < 0) {
        String v = cache.get(-idx);
        if (v == null) {
          throw new IOException("a reference to string " + (-idx) + " that was never written");
        }
        return v;
      }
      String v = string();
      cache.put(idx, v);
      return v;
    }
  }

  /**
   * Java stores UTF-16 strings in the machine's byte order; pick the order whose high bytes look
   * like text (mostly zero for Latin text).
   */
  private static java.nio.charset.Charset utf16Order(byte[] b) {
    int evenZero = 0;
    int oddZero = 0;
    for (int i = 0; i + 1 < b.length; i += 2) {
      if (b[i] == 0) {
        evenZero++;
      }
      if (b[i + 1] == 0) {
        oddZero++;
      }
    }
    return evenZero > oddZero ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE;
  }

  private void readBinary(ImportSource source, ImportContext ctx, RecordSink sink, State s)
      throws IOException, ImportException {
    List<String> scenarios = new ArrayList<>();
    try (InputStream raw = source.open()) {
      BinaryReader r = new BinaryReader(raw);
      long index = 0;
      while (true) {
        long at = r.pos;
        int h;
        try {
          h = r.header();
          if (h < 0) {
            break;
          }
          switch (h) {
            case 0 -> {
              s.gatlingVersion = Texts.cleanId(r.string());
              s.run.suite = Texts.cleanId(r.string());
              s.runStart = r.i64();
              r.string(); // description
              int n = r.i32();
              if (n < 0 || n > 100_000) {
                throw new IOException("a scenario count of " + n + " is not plausible");
              }
              for (int i = 0; i < n; i++) {
                scenarios.add(r.string());
              }
              int a = r.i32();
              if (a < 0 || a > 100_000) {
                throw new IOException("an assertion count of " + a + " is not plausible");
              }
              for (int i = 0; i < a; i++) {
                int len = r.i32();
                if (len < 0) {
                  throw new IOException("an assertion of " + len + " bytes is not plausible");
                }
                r.in.skipNBytes(len);
                r.pos += len;
              }
              s.assertions += a;
            }
            case 1 -> {
              int groups = r.i32();
              if (groups < 0 || groups > 10_000) {
                throw new IOException("a group depth of " + groups + " is not plausible");
              }
              for (int i = 0; i < groups; i++) {
                r.cached();
              }
              r.cached(); // request name
              int start = r.i32();
              int end = r.i32();
              int status = r.u8();
              r.cached(); // message
              if (s.runStart == null) {
                throw new IOException("a REQUEST before the RUN record");
              }
              if (end < start) {
                sink.reject(
                    0,
                    index,
                    "record not counted: the request at byte " + at + " ends before it starts");
                s.rejected++;
              } else {
                s.tally.sample(s.runStart + start, end - start, status == 1);
              }
            }
            case 2 -> {
              r.i32(); // scenario index
              int startFlag = r.u8();
              r.i32(); // time
              user(s, startFlag == 1);
            }
            case 3 -> {
              int groups = r.i32();
              if (groups < 0 || groups > 10_000) {
                throw new IOException("a group depth of " + groups + " is not plausible");
              }
              for (int i = 0; i < groups; i++) {
                r.cached();
              }
              r.i32();
              r.i32();
              r.i32();
              r.u8();
            }
            case 4 -> {
              r.cached();
              r.i32();
              s.errors++;
            }
            default -> throw new IOException("unknown record type " + h);
          }
        } catch (EOFException e) {
          throw new ImportException(
              "the file ends in the middle of a record that starts at "
                  + "byte "
                  + at
                  + " (cut off?)",
              0,
              e);
        } catch (IOException e) {
          throw new ImportException(
              "unreadable binary record at byte " + at + ": " + e.getMessage(), 0, e);
        }
        index++;
        if ((index & 65535) == 0) {
          ctx.monitor().checkCancelled();
        }
      }
    }
  }
}
