package dev.rehearsal.analysis;

import dev.rehearsal.analysis.References.Ref;
import dev.rehearsal.analysis.References.Type;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Where the versions and commits that incidents cite are in the deploy table: the deploys of each
 * (service, cited version) and of each cited commit prefix, in table order. Built once per analysis
 * from the values the incidents actually cite; the linker asks it instead of scanning. Versions
 * repeat across services ("1.4.0" is everyone's), so versions are looked up per service.
 */
final class CitedDeploys {
  private static final int[] NONE = new int[0];

  private final DeployTable t;
  private final Map<Long, int[]> byServiceVersion = new HashMap<>();
  private final Map<Integer, int[]> byVersion = new HashMap<>();
  private final Map<String, int[]> byShaPrefix = new HashMap<>();

  CitedDeploys(DeployTable t, int services, List<List<Ref>> incidentRefs) {
    this.t = t;
    boolean[] citedVersion = new boolean[t.versions.size()];
    Dict prefixes = new Dict();
    for (List<Ref> refs : incidentRefs) {
      for (Ref r : refs) {
        if (r.type() == Type.VERSION || r.type() == Type.ROLLBACK_TARGET) {
          int v = t.versions.find(r.value());
          if (v >= 0) {
            citedVersion[v] = true;
          }
        } else if (r.type() == Type.SHA) {
          prefixes.id(r.value());
        }
      }
    }
    for (int s = 0; s < services; s++) {
      Groups groups = new Groups();
      for (int i = t.serviceFrom(s); i < t.serviceTo(s); i++) {
        if (t.version[i] >= 0 && citedVersion[t.version[i]]) {
          groups.add(t.version[i], i);
        }
      }
      int service = s;
      groups.each(
          (v, rows) -> {
            byServiceVersion.put(key(service, v), rows);
            byVersion.merge(v, rows, CitedDeploys::concatSorted);
          });
    }
    if (prefixes.size() > 0) {
      int[][] citedPrefixesOfSha = citedPrefixes(prefixes);
      Groups groups = new Groups();
      for (int i = 0; i < t.size; i++) {
        int[] cited = t.sha[i] >= 0 ? citedPrefixesOfSha[t.sha[i]] : null;
        if (cited != null) {
          for (int p : cited) {
            groups.add(p, i);
          }
        }
      }
      groups.each((p, rows) -> byShaPrefix.put(prefixes.value(p), rows));
    }
  }

  /** The deploys whose commit starts with a cited (lower-case) prefix, in table order. */
  int[] withCommitPrefix(String prefix) {
    return byShaPrefix.getOrDefault(prefix, NONE);
  }

  /**
   * The deploys of any of the services with a (normalised) version, in table order. May be the
   * look-up's own array: read it, never write it.
   */
  int[] withVersion(String version, int[] services) {
    int v = t.versions.find(version);
    if (v < 0) {
      return NONE;
    }
    int[] out = NONE;
    for (int s : services) {
      int[] rows = byServiceVersion.get(key(s, v));
      if (rows != null) {
        out = out.length == 0 ? rows : concatSorted(out, rows);
      }
    }
    return out;
  }

  /** The deploys of every service with a (normalised) version, in table order. */
  int[] withVersionAnywhere(String version) {
    int v = t.versions.find(version);
    return v < 0 ? NONE : byVersion.getOrDefault(v, NONE);
  }

  private static int[] concatSorted(int[] a, int[] b) {
    int[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    Arrays.sort(out);
    return out;
  }

  /**
   * The key of a (service, version) pair: service × number of versions + version, so that keys are
   * distinct and their hash codes spread ({@code service << 32 | version} hashes every service's
   * "1.4.0" into a handful of buckets).
   */
  private long key(int service, int version) {
    return (long) service * t.versions.size() + version;
  }

  /** For each commit of the table: the ids of the cited prefixes it starts with, or null. */
  private int[][] citedPrefixes(Dict prefixes) {
    int[] lengths =
        IntStream.range(0, prefixes.size()).map(prefixes::byteLength).distinct().sorted().toArray();
    int[][] out = new int[t.shas.size()][];
    for (int h = 0; h < out.length; h++) {
      int shaLength = t.shas.byteLength(h);
      for (int len : lengths) {
        if (len > shaLength) {
          break;
        }
        int p = prefixes.findPrefix(t.shas, h, len);
        if (p >= 0) {
          int[] before = out[h] == null ? NONE : out[h];
          out[h] = Arrays.copyOf(before, before.length + 1);
          out[h][before.length] = p;
        }
      }
    }
    return out;
  }

  /**
   * (id, row) pairs packed in longs, id in the high half, grouped by sorting: the rows of each id
   * come out ascending, in table order.
   */
  private static final class Groups {
    private long[] values = new long[64];
    private int size;

    void add(int id, int row) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = (long) id << 32 | row;
    }

    void each(IdRows sink) {
      Arrays.sort(values, 0, size);
      int from = 0;
      while (from < size) {
        int id = (int) (values[from] >>> 32);
        int to = from + 1;
        while (to < size && (int) (values[to] >>> 32) == id) {
          to++;
        }
        int[] rows = new int[to - from];
        for (int k = from; k < to; k++) {
          rows[k - from] = (int) values[k];
        }
        sink.accept(id, rows);
        from = to;
      }
    }
  }

  private interface IdRows {
    void accept(int id, int[] rows);
  }
}
