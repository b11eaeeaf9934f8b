package dev.rehearsal.analysis;

import dev.rehearsal.model.DeployStatus;

/**
 * Every deploy as columns (no record objects), sorted by service, environment and time, with
 * per-(service, environment) ranges for binary search. Loaded from doc values; what a link needs
 * beyond these columns is read from the stored record only for deploys that are linked.
 */
final class DeployTable {
  final int size;

  /** Each deploy's record key, made into a string only for the deploys a finding names. */
  private final Utf8Column key;

  final int[] service;
  final int[] env;
  final long[] time;
  final byte[] status;
  final int[] version; // id in versions, -1 none
  final int[] sha; // id in shas, -1 none
  final boolean[] rollback;
  final Dict versions;
  final Dict shas;
  private final int[] order;

  /** For service s and environment e: [from, to) into the sorted columns. */
  private final int[][] rangeFrom;

  private final int[][] rangeTo;

  /** For service s, all environments: [from, to); rows are sorted by service first. */
  private final int[] serviceFrom;

  private final int[] serviceTo;

  DeployTable(
      int size,
      Utf8Column key,
      int[] service,
      int[] env,
      long[] time,
      byte[] status,
      int[] version,
      int[] sha,
      boolean[] rollback,
      Dict versions,
      Dict shas,
      int services,
      int envs) {
    this(
        size,
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
        services,
        envs,
        sortOrder(size, key, service, env, time));
  }

  /** A table of columns already in its order (as {@link InputSnapshot} keeps them). */
  static DeployTable sorted(
      int size,
      Utf8Column key,
      int[] service,
      int[] env,
      long[] time,
      byte[] status,
      int[] version,
      int[] sha,
      boolean[] rollback,
      Dict versions,
      Dict shas,
      int services,
      int envs) {
    int[] order = new int[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    return new DeployTable(
        size, key, service, env, time, status, version, sha, rollback, versions, shas, services,
        envs, order);
  }

  private DeployTable(
      int size,
      Utf8Column key,
      int[] service,
      int[] env,
      long[] time,
      byte[] status,
      int[] version,
      int[] sha,
      boolean[] rollback,
      Dict versions,
      Dict shas,
      int services,
      int envs,
      int[] order) {
    this.order = order;
    this.size = size;
    if (inOrder(order)) {
      // the snapshot's columns: kept as they are, not copied
      this.key = key;
      this.service = service;
      this.env = env;
      this.time = time;
      this.status = status;
      this.version = version;
      this.sha = sha;
      this.rollback = rollback;
    } else {
      this.key = key.select(order);
      this.service = new int[size];
      this.env = new int[size];
      this.time = new long[size];
      this.status = new byte[size];
      this.version = new int[size];
      this.sha = new int[size];
      this.rollback = new boolean[size];
      for (int i = 0; i < size; i++) {
        int o = order[i];
        this.service[i] = service[o];
        this.env[i] = env[o];
        this.time[i] = time[o];
        this.status[i] = status[o];
        this.version[i] = version[o];
        this.sha[i] = sha[o];
        this.rollback[i] = rollback[o];
      }
    }
    this.versions = versions;
    this.shas = shas;
    rangeFrom = new int[Math.max(1, services)][Math.max(1, envs)];
    rangeTo = new int[Math.max(1, services)][Math.max(1, envs)];
    serviceFrom = new int[Math.max(1, services)];
    serviceTo = new int[Math.max(1, services)];
    for (int i = 0; i < size; ) {
      int s = this.service[i];
      int e = this.env[i];
      int j = i;
      while (j < size && this.service[j] == s && this.env[j] == e) {
        j++;
      }
      if (s >= 0) {
        rangeFrom[s][e] = i;
        rangeTo[s][e] = j;
        if (serviceTo[s] == 0) {
          serviceFrom[s] = i;
        }
        serviceTo[s] = j;
      }
      i = j;
    }
  }

  private static boolean inOrder(int[] order) {
    for (int i = 0; i < order.length; i++) {
      if (order[i] != i) {
        return false;
      }
    }
    return true;
  }

  /** Order of rows by service, environment, time and key, sorted without boxing. */
  static int[] sortOrder(int size, Utf8Column key, int[] service, int[] env, long[] time) {
    int[] order = new int[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    new org.apache.lucene.util.IntroSorter() {
      private int pivot;

      @Override
      protected void swap(int i, int j) {
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }

      @Override
      protected void setPivot(int i) {
        pivot = order[i];
      }

      @Override
      protected int comparePivot(int j) {
        return compareRows(pivot, order[j]);
      }

      @Override
      protected int compare(int i, int j) {
        return compareRows(order[i], order[j]);
      }

      private int compareRows(int a, int b) {
        int c = Integer.compare(service[a], service[b]);
        if (c == 0) {
          c = Integer.compare(env[a], env[b]);
        }
        if (c == 0) {
          c = Long.compare(time[a], time[b]);
        }
        return c != 0 ? c : key.compare(a, b);
      }
    }.sort(0, size);
    return order;
  }

  /** The record key of deploy i. */
  String key(int i) {
    return key.get(i);
  }

  /** Deploys i and j by record key. */
  int compareKeys(int i, int j) {
    return key.compare(i, j);
  }

  /** Position of sorted row i in the columns as loaded. */
  int rawIndex(int i) {
    return order[i];
  }

  /** First row of a service's deploys in any environment. */
  int serviceFrom(int service) {
    return service < 0 || service >= serviceFrom.length ? 0 : serviceFrom[service];
  }

  /** End (exclusive) of a service's deploys in any environment; 0 when it has none. */
  int serviceTo(int service) {
    return service < 0 || service >= serviceTo.length ? 0 : serviceTo[service];
  }

  /**
   * First row of a service's deploys to an environment. Services and environments that no deploy
   * names (only facts or incidents do) have none.
   */
  int from(int service, int env) {
    return service < 0 || env < 0 || service >= rangeFrom.length || env >= rangeFrom[service].length
        ? 0
        : rangeFrom[service][env];
  }

  int to(int service, int env) {
    return service < 0 || env < 0 || service >= rangeTo.length || env >= rangeTo[service].length
        ? 0
        : rangeTo[service][env];
  }

  /** Index of the last deploy in [from, to) with time <= t, or from - 1. */
  int lastAtOrBefore(int from, int to, long t) {
    int lo = from;
    int hi = to - 1;
    int ans = from - 1;
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

  /** Index of the first deploy in [from, to) with time >= t, or to. */
  int firstAtOrAfter(int from, int to, long t) {
    return t == Long.MIN_VALUE ? from : lastAtOrBefore(from, to, t - 1) + 1;
  }

  /**
   * Index of the first deploy in [from, end) with time >= t, or end. Searched back from end in
   * doubling steps, then by bisection: a few reads near end when the answer lies close to it (the
   * start of a window of hours before its last deploy), where a binary search over the whole range
   * would read its way across the range first.
   */
  int firstAtOrAfterBefore(int from, int end, long t) {
    if (t == Long.MIN_VALUE) {
      return from; // every time is at or after it, and t - 1 below would wrap
    }
    int hi = end; // every row in [hi, end) has time >= t
    int step = 1;
    while (hi - step >= from && time[hi - step] >= t) {
      hi -= step;
      step <<= 1;
    }
    return lastAtOrBefore(Math.max(from, hi - step), hi, t - 1) + 1;
  }

  /** The statuses by ordinal, once: {@code values()} copies the array on every call. */
  private static final DeployStatus[] STATUSES = DeployStatus.values();

  private static final byte SUCCEEDED = (byte) DeployStatus.SUCCEEDED.ordinal();
  private static final byte UNKNOWN = (byte) DeployStatus.UNKNOWN.ordinal();

  DeployStatus status(int i) {
    return STATUSES[status[i]];
  }

  String versionText(int i) {
    return version[i] < 0 ? "" : versions.value(version[i]);
  }

  String shaText(int i) {
    return sha[i] < 0 ? "" : shas.value(sha[i]);
  }

  boolean succeeded(int i) {
    byte s = status[i];
    return s == SUCCEEDED || s == UNKNOWN;
  }
}
