package dev.rehearsal.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Environment facts grouped for lookups by service, environment and time. */
final class FactTable {
  /** One configuration snapshot: every key's value at one as-of time. */
  static final class Snapshot {
    final long asOf;
    final Map<String, String> values = new TreeMap<>();

    Snapshot(long asOf) {
      this.asOf = asOf;
    }
  }

  /** A time series of numbers (traffic peaks, row counts). */
  static final class Series {
    long[] time = new long[8];
    double[] value = new double[8];
    int size;

    void add(long t, double v) {
      if (size == time.length) {
        time = java.util.Arrays.copyOf(time, size * 2);
        value = java.util.Arrays.copyOf(value, size * 2);
      }
      time[size] = t;
      value[size] = v;
      size++;
    }

    void sort() {
      Integer[] idx = new Integer[size];
      for (int i = 0; i < size; i++) {
        idx[i] = i;
      }
      java.util.Arrays.sort(idx, (a, b) -> Long.compare(time[a], time[b]));
      long[] t = new long[size];
      double[] v = new double[size];
      for (int i = 0; i < size; i++) {
        t[i] = time[idx[i]];
        v[i] = value[idx[i]];
      }
      time = t;
      value = v;
    }

    /** Index of the last point at or before t, or -1. */
    int lastAtOrBefore(long t) {
      int lo = 0;
      int hi = size - 1;
      int ans = -1;
      while (lo <= hi) {
        int mid = (lo + hi) >>> 1;
        if (time[mid] <= t) {
          ans = mid;
          lo = mid + 1;
        } else {
          hi = mid - 1;
        }
      }
      return ans;
    }
  }

  /** A flag's state changes in one environment. */
  record FlagState(long at, String value) {}

  /** A dependency mocked in an environment. */
  record Mock(String dependency, String how, long asOf) {}

  // key: service id -> env id -> ...
  final Map<Long, TreeMap<Long, Snapshot>> config = new HashMap<>();
  final Map<Long, Map<String, List<FlagState>>> flags = new HashMap<>();
  final Map<Long, Series> traffic = new HashMap<>();
  final Map<Long, Map<String, Series>> data = new HashMap<>();
  final Map<Long, List<Mock>> mocks = new HashMap<>();

  static long key(int service, int env) {
    return ((long) service << 20) | env;
  }

  void addConfig(int service, int env, long asOf, String k, String v) {
    config
        .computeIfAbsent(key(service, env), x -> new TreeMap<>())
        .computeIfAbsent(asOf, Snapshot::new)
        .values
        .put(k, v);
  }

  void addFlag(int service, int env, long asOf, String flag, String v) {
    flags
        .computeIfAbsent(key(service, env), x -> new HashMap<>())
        .computeIfAbsent(flag, x -> new ArrayList<>())
        .add(new FlagState(asOf, v));
  }

  void addTraffic(int service, int env, long asOf, double rps) {
    traffic.computeIfAbsent(key(service, env), x -> new Series()).add(asOf, rps);
  }

  void addData(int service, int env, long asOf, String table, double rows) {
    data.computeIfAbsent(key(service, env), x -> new TreeMap<>())
        .computeIfAbsent(table, x -> new Series())
        .add(asOf, rows);
  }

  void addMock(int service, int env, long asOf, String dependency, String how) {
    mocks
        .computeIfAbsent(key(service, env), x -> new ArrayList<>())
        .add(new Mock(dependency, how, asOf));
  }

  void finish() {
    traffic.values().forEach(Series::sort);
    data.values().forEach(m -> m.values().forEach(Series::sort));
    flags
        .values()
        .forEach(
            m ->
                m.values()
                    .forEach(
                        l ->
                            l.sort(
                                java.util.Comparator.comparingLong(FlagState::at)
                                    .thenComparing(FlagState::value))));
    mocks
        .values()
        .forEach(
            l ->
                l.sort(
                    java.util.Comparator.comparing(Mock::dependency)
                        .thenComparingLong(Mock::asOf)
                        .thenComparing(Mock::how)));
  }

  /**
   * The snapshot of a service's configuration in an environment as of t: the latest taken at or
   * before t; when every snapshot is later, the earliest, which is the best knowledge of the time
   * before it (a snapshot exported today, whose time was assumed, stands for the months before);
   * null when there is none. The evidence shows each snapshot's time.
   */
  Snapshot configAt(int service, int env, long t) {
    TreeMap<Long, Snapshot> m = config.get(key(service, env));
    if (m == null || m.isEmpty()) {
      return null;
    }
    var e = m.floorEntry(t);
    return e == null ? m.firstEntry().getValue() : e.getValue();
  }

  /**
   * Flag values in an environment as of t: flag to value, each the latest state at or before t,
   * else (every state later) the earliest, as for configuration snapshots.
   */
  Map<String, String> flagsAt(int service, int env, long t) {
    Map<String, String> out = new TreeMap<>();
    Map<String, List<FlagState>> m = flags.get(key(service, env));
    if (m == null) {
      return out;
    }
    m.forEach(
        (flag, states) -> {
          String v = states.isEmpty() ? null : states.get(0).value();
          for (FlagState s : states) {
            if (s.at() <= t) {
              v = s.value();
            }
          }
          if (v != null) {
            out.put(flag, v);
          }
        });
    return out;
  }
}
