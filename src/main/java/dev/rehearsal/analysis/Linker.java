package dev.rehearsal.analysis;

import dev.rehearsal.analysis.References.Ref;
import dev.rehearsal.analysis.References.Type;
import dev.rehearsal.model.DeployStatus;
import dev.rehearsal.util.Texts;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Links an incident to the production deploys that most plausibly caused it. Evidence, strongest
 * first: an explicit reference in the incident text (commit, version, PR, pipeline or deploy
 * number; a rollback target points at the deploy after it); the same service, or a service it
 * depends on; time before onset (halving every {@code recencyHalfLifeHours}); other deploys of the
 * service in between (each multiplies by {@code interveningChangeFactor}); the incident's own words
 * about a change or an external cause. Deterministic: inputs are sorted by time and key before
 * anything is compared. Work per incident is a binary search in the time-sorted deploys of each of
 * its services and production environments for the window's last deploy, then a few steps back from
 * it, never a scan of all deploys.
 */
final class Linker {
  static final DateTimeFormatter HM =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  /**
   * Why a deploy is a candidate: the facts its reasons are written from. Kept as data while
   * scoring, so that linking a hundred thousand incidents builds no sentences; sentences are
   * written only for the links reported ({@link #reasons}).
   */
  static final class Why {
    static final int NONE = 0;
    static final int SAME_SERVICE = 1;
    static final int DEPENDENCY = 2;
    static final int NAMED_DEPENDENCY = 3;

    /** What the incident cites of this deploy; empty for most candidates, so shared until then. */
    List<String> cited = List.of();

    int stagedAs = -1;
    String rollbackPhrase;
    int relation = NONE;
    int intervening;

    /** A production rollback, during the incident, past this deploy's version; or -1. */
    int rolledBackBy = -1;

    /** The reasons of a candidate found by the time window alone. */
    static Why of(int relation, int intervening) {
      Why w = new Why();
      w.relation = relation;
      w.intervening = intervening;
      return w;
    }

    void cite(String what) {
      if (cited.isEmpty()) {
        cited = new ArrayList<>(2);
      }
      if (!cited.contains(what)) {
        cited.add(what);
      }
    }

    void mergeFrom(Why o) {
      for (String c : o.cited) {
        cite(c);
      }
      if (stagedAs < 0) {
        stagedAs = o.stagedAs;
      }
      if (rollbackPhrase == null) {
        rollbackPhrase = o.rollbackPhrase;
      }
      if (rolledBackBy < 0) {
        rolledBackBy = o.rolledBackBy;
      }
      if (relation == NONE || o.relation != NONE && o.relation < relation) {
        relation = o.relation;
        intervening = o.intervening;
      }
    }
  }

  /** A candidate deploy with its score and what its reasons are made of. */
  record Candidate(int deploy, double score, boolean explicit, Why why) {}

  private final AnalysisData d;
  private final DeployTable t;
  private final Rules rules;
  private final int[] prodEnvs;
  private final double[] envWeight;

  /**
   * Deploys of each (service, cited version), in table order: versions repeat across services
   * ("1.4.0" is everyone's), so a look-up by version alone gave each citation thousands of deploys
   * to filter by service.
   */
  private final Map<Long, int[]> byServiceVersion = new HashMap<>();

  private final Map<String, int[]> byShaPrefix = new HashMap<>();
  private static final int[] NONE = new int[0];
  private final TextCues cues;

  /** Rollbacks: those the tools recorded, and those inferred ({@link #inferRollbacks}). */
  private final boolean[] rollback;

  /** Whether a rollback was inferred, not recorded: a later deploy of an earlier release. */
  private final boolean[] inferredRollback;

  /**
   * For each production deploy: the first successful rollback at or after it in its block, or the
   * block's end.
   */
  private final int[] nextRollback;

  /** Recency decay per millisecond: halving every {@code halfLifeHours}. */
  private final double decayPerMs;

  /** {@code interveningFactor} to the power 0..7, the most a window looks back over. */
  private final double[] interveningPow = new double[8];

  /** For each service: the incidents whose text names it. */
  private java.util.BitSet[] namedBy = new java.util.BitSet[0];

  /**
   * For each incident {@link #link} found nothing to link: its best candidate (null when it had
   * none), so that {@link #noLinkReason} need not weigh them all again.
   */
  private final Candidate[] bestUnlinked;

  /** For each service: {@link #dependenciesOf} an incident of that service alone. */
  private final int[][] dependenciesOfOne;

  private final boolean[] unlinked;

  Linker(AnalysisData d, Rules rules) {
    this.d = d;
    this.t = d.deploys;
    this.rules = rules;
    List<Integer> envIds = new ArrayList<>();
    for (String e : rules.productionEnvs) {
      int id = d.envs.find(e);
      if (id >= 0) {
        envIds.add(id);
      }
    }
    this.prodEnvs = envIds.stream().mapToInt(Integer::intValue).toArray();
    this.envWeight = new double[d.envs.size()];
    for (int e = 0; e < envWeight.length; e++) {
      envWeight[e] = rules.environmentWeights.getOrDefault(d.envs.value(e), 1.0);
    }
    this.cues =
        new TextCues(
            rules.changeLanguage, rules.externalLanguage, rules.noChangeLanguage, rules.synonyms);
    this.decayPerMs = Math.log(2) / (rules.halfLifeHours * 3_600_000.0);
    for (int k = 0; k < interveningPow.length; k++) {
      interveningPow[k] = Math.pow(rules.interveningFactor, k);
    }
    this.rollback = t.rollback.clone();
    this.inferredRollback = new boolean[t.size];
    inferRollbacks();
    this.nextRollback = new int[t.size];
    indexNextRollbacks();
    indexReferencedHandles();
    this.dependenciesOfOne = new int[d.services.size()][];
    for (int s = 0; s < dependenciesOfOne.length; s++) {
      dependenciesOfOne[s] = dependenciesOfAll(new int[] {s});
    }
    this.bestUnlinked = new Candidate[d.incidents.size()];
    this.unlinked = new boolean[d.incidents.size()];
    this.pads = ThreadLocal.withInitial(() -> new Pad(prodEnvs.length));
  }

  /** One pass per block, backwards, so that most incidents see at once that none followed. */
  private void indexNextRollbacks() {
    for (int s = 0; s < d.services.size(); s++) {
      for (int e : prodEnvs) {
        int to = t.to(s, e);
        int next = to;
        for (int i = to - 1; i >= t.from(s, e); i--) {
          if (rollback[i] && t.succeeded(i)) {
            next = i;
          }
          nextRollback[i] = next;
        }
      }
    }
  }

  /**
   * Not every tool says a deploy was a rollback (a GitLab re-deploy of an older job, a Helm or Argo
   * CD sync to an older revision look like any deploy). A successful production deploy of a commit
   * (or, without one, a version) that the environment already ran before, and that differs from
   * what ran just before it, is a rollback: a later deploy of an earlier release. A redeploy of
   * what already runs, or a moving tag like "latest" deployed again, is not.
   */
  private void inferRollbacks() {
    int[] shaSeen = new int[t.shas.size()];
    int[] versionSeen = new int[t.versions.size()];
    int block = 0;
    for (int s = 0; s < d.services.size(); s++) {
      for (int e : prodEnvs) {
        block++;
        int previous = -1;
        for (int i = t.from(s, e); i < t.to(s, e); i++) {
          if (!t.succeeded(i)) {
            continue;
          }
          boolean bySha = t.sha[i] >= 0;
          int[] seen = bySha ? shaSeen : versionSeen;
          int release = bySha ? t.sha[i] : t.version[i];
          if (release < 0) {
            previous = -1;
            continue;
          }
          if (!rollback[i]
              && seen[release] == block
              && previous >= 0
              && !sameRelease(previous, t.version[i], t.sha[i])) {
            rollback[i] = true;
            inferredRollback[i] = true;
          }
          seen[release] = block;
          previous = i;
        }
      }
    }
  }

  /**
   * Reads, with one query each over all incidents, the change and external-cause language of every
   * incident and which services each names; call before linking.
   */
  void readLanguage(org.apache.lucene.search.IndexSearcher s) throws java.io.IOException {
    cues.score(s, d.docToIncident, d.incidents.size(), i -> d.incidents.get(i).narrative());
    // one phrase query per service, run side by side: the searcher is shared by threads
    namedBy =
        java.util.stream.IntStream.range(0, d.services.size())
            .parallel()
            .mapToObj(
                svc -> {
                  String name = d.services.value(svc);
                  if (name.isBlank()) {
                    return new java.util.BitSet();
                  }
                  try {
                    return IncidentScores.matchingAny(
                        s,
                        GapQueries.phraseClauses(List.of(name.replace('-', ' ')), 0, List.of()),
                        d.docToIncident);
                  } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                  }
                })
            .toArray(java.util.BitSet[]::new);
  }

  /**
   * Builds version and SHA-prefix lookups for the values incidents actually cite. Each cited value
   * is looked up once in the table's dictionaries, each distinct commit is compared as bytes with
   * the cited prefixes, and the rows of a value are gathered by sorting packed (value, row) longs:
   * at a million deploys, boxed row lists and a string per commit prefix made this the step that
   * grew fastest with the table.
   */
  private void indexReferencedHandles() {
    boolean[] citedVersion = new boolean[t.versions.size()];
    Dict prefixes = new Dict();
    for (List<Ref> refs : d.incidentRefs) {
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
    LongRun packed = new LongRun();
    for (int s = 0; s < d.services.size(); s++) {
      packed.clear();
      for (int i = t.serviceFrom(s); i < t.serviceTo(s); i++) {
        if (t.version[i] >= 0 && citedVersion[t.version[i]]) {
          packed.add((long) t.version[i] << 32 | i);
        }
      }
      int service = s;
      packed.groups((v, rows) -> byServiceVersion.put(serviceVersion(service, v), rows));
    }
    if (prefixes.size() == 0) {
      return;
    }
    int[][] shaPrefixes = citedPrefixes(prefixes);
    packed.clear();
    for (int i = 0; i < t.size; i++) {
      int[] cited = t.sha[i] >= 0 ? shaPrefixes[t.sha[i]] : null;
      if (cited != null) {
        for (int p : cited) {
          packed.add((long) p << 32 | i);
        }
      }
    }
    packed.groups((p, rows) -> byShaPrefix.put(prefixes.value(p), rows));
  }

  /** For each commit of the table: the ids of the cited prefixes it starts with, or null. */
  private int[][] citedPrefixes(Dict prefixes) {
    int[] lengths =
        java.util.stream.IntStream.range(0, prefixes.size())
            .map(prefixes::byteLength)
            .distinct()
            .sorted()
            .toArray();
    int[][] out = new int[t.shas.size()][];
    for (int h = 0; h < out.length; h++) {
      int shaLength = t.shas.byteLength(h);
      for (int len : lengths) {
        if (len > shaLength) {
          break;
        }
        int p = prefixes.findPrefix(t.shas, h, len);
        if (p >= 0) {
          int[] before = out[h] == null ? new int[0] : out[h];
          out[h] = java.util.Arrays.copyOf(before, before.length + 1);
          out[h][before.length] = p;
        }
      }
    }
    return out;
  }

  /**
   * (id, row) pairs packed in longs, id in the high half, grouped by sorting: rows of each id come
   * out ascending, in table order.
   */
  private static final class LongRun {
    private long[] values = new long[64];
    private int size;

    void clear() {
      size = 0;
    }

    void add(long v) {
      if (size == values.length) {
        values = java.util.Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }

    void groups(IdRows sink) {
      java.util.Arrays.sort(values, 0, size);
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

  /**
   * The key of a (service, version) pair: service × number of versions + version, so that keys are
   * distinct and their hash codes spread. ({@code service << 32 | version} hashes to {@code service
   * ^ version}: every service's "1.4.0" fell into a handful of buckets.)
   */
  private long serviceVersion(int service, int version) {
    return (long) service * t.versions.size() + version;
  }

  /**
   * The deploys of any of the services with a (normalised) version, in table order. May be the
   * look-up's own array: read it, never write it.
   */
  private int[] withVersion(String version, int[] services) {
    int v = t.versions.find(version);
    if (v < 0) {
      return NONE;
    }
    int[] out = NONE;
    int lists = 0;
    for (int s : services) {
      int[] rows = byServiceVersion.get(serviceVersion(s, v));
      if (rows != null) {
        lists++;
        out = lists == 1 ? rows : concat(out, rows);
      }
    }
    if (lists > 1) {
      java.util.Arrays.sort(out); // table order, as one list of the version's deploys would give
    }
    return out;
  }

  private static int[] concat(int[] a, int[] b) {
    int[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  boolean isProduction(int deploy) {
    for (int e : prodEnvs) {
      if (t.env[deploy] == e) {
        return true;
      }
    }
    return false;
  }

  /**
   * One incident's candidates while they are weighed: columns reused from one incident to the next,
   * so that the ten or so deploys of an incident's time windows are weighed without allocating
   * (cited changes and rollbacks, far fewer, still make their {@link Why}). Only what is reported
   * (the links, and the best candidate of an incident left unlinked) becomes a {@link Candidate}.
   * One per thread.
   */
  private static final class Pad {
    int n;
    int[] deploy = new int[16];
    double[] score = new double[16];
    boolean[] explicit = new boolean[16];

    /**
     * What the reasons are made of; null for a candidate found by the time window alone, whose
     * reasons are its {@link #relation} and {@link #intervening} until it meets another.
     */
    Why[] why = new Why[16];

    int[] relation = new int[16];
    int[] intervening = new int[16];

    /**
     * Indexes into the columns, in the order ranked so far: {@link #link} ranks only as far as it
     * needs, {@link #candidates} all.
     */
    int[] order = new int[16];

    /**
     * For each production environment: the last deploy, by onset plus the clock skew, of the
     * service in hand ({@code from - 1} when none), as {@link #window} found it.
     */
    final int[] last;

    /** The services of the links chosen so far. */
    int[] services = new int[4];

    Pad(int environments) {
      last = new int[environments];
    }

    void add(int d, double s, boolean x, Why w, int rel, int interv) {
      if (n == deploy.length) {
        int size = n * 2;
        deploy = java.util.Arrays.copyOf(deploy, size);
        score = java.util.Arrays.copyOf(score, size);
        explicit = java.util.Arrays.copyOf(explicit, size);
        why = java.util.Arrays.copyOf(why, size);
        relation = java.util.Arrays.copyOf(relation, size);
        intervening = java.util.Arrays.copyOf(intervening, size);
        order = new int[size];
      }
      set(n++, d, s, x, w, rel, interv);
    }

    void set(int k, int d, double s, boolean x, Why w, int rel, int interv) {
      deploy[k] = d;
      score[k] = s;
      explicit[k] = x;
      why[k] = w;
      relation[k] = rel;
      intervening[k] = interv;
    }

    Why why(int k) {
      if (why[k] == null) {
        why[k] = Why.of(relation[k], intervening[k]);
      }
      return why[k];
    }

    Candidate candidate(int k) {
      return new Candidate(deploy[k], score[k], explicit[k], why(k));
    }

    /** Empties the pad; {@link #set} overwrites every column of a slot it reuses. */
    void clear() {
      n = 0;
    }
  }

  private final ThreadLocal<Pad> pads;

  /** Candidates for one incident, best first; may be empty. */
  List<Candidate> candidates(int incidentIndex) {
    Pad p = pads.get();
    score(incidentIndex, p);
    sortBestFirst(p);
    List<Candidate> out = new ArrayList<>(p.n);
    for (int r = 0; r < p.n; r++) {
      out.add(p.candidate(p.order[r]));
    }
    return out;
  }

  /** Weighs every candidate of an incident into the pad (emptied first), unranked. */
  private void score(int incidentIndex, Pad p) {
    p.clear();
    long onset = d.incidents.get(incidentIndex).startedAt().toEpochMilli();
    int[] related = d.incidentServices.get(incidentIndex);
    int[] deps = dependenciesOf(related);
    double language =
        cues.external(incidentIndex) || cues.noChange(incidentIndex)
            ? rules.externalCauseFactor
            : cues.change(incidentIndex) ? 1.0 : rules.noChangeLanguageFactor;

    if (!d.incidentRefs.get(incidentIndex).isEmpty()) {
      explicitCandidates(incidentIndex, onset, related, deps, p);
      keepOwnCited(related, p);
    }
    long rollbacksUntil = rollbacksUntil(incidentIndex, onset);
    // a deploy in a service's window can only have been found already among the cited ones:
    // the services are distinct, and so are their deploys
    int cited = p.n;
    for (int s : related) {
      window(s, onset, rules.wSameService, Why.SAME_SERVICE, p, cited);
      rolledBack(s, onset, rollbacksUntil, 1.0, Why.SAME_SERVICE, p);
    }
    for (int s : deps) {
      // a dependency the incident names is nearly as likely as the service itself
      boolean named = s < namedBy.length && namedBy[s].get(incidentIndex);
      double weight = named ? rules.wSameService * 0.9 : rules.wDependency;
      int relation = named ? Why.NAMED_DEPENDENCY : Why.DEPENDENCY;
      window(s, onset, weight, relation, p, cited);
      rolledBack(s, onset, rollbacksUntil, weight / rules.wSameService, relation, p);
    }
    for (int k = 0; k < p.n; k++) {
      double score = p.explicit[k] ? p.score[k] : p.score[k] * language;
      p.score[k] = Math.max(0, Math.min(1, score));
      p.order[k] = k;
    }
  }

  /**
   * A citation that matches the incident's own services settles it: the same number or version in a
   * dependency is then a coincidence, and is dropped.
   */
  private void keepOwnCited(int[] related, Pad p) {
    boolean ownCited = false;
    for (int k = 0; k < p.n; k++) {
      ownCited |= contains(related, t.service[p.deploy[k]]);
    }
    if (!ownCited) {
      return;
    }
    int kept = 0;
    for (int k = 0; k < p.n; k++) {
      if (contains(related, t.service[p.deploy[k]])) {
        p.set(
            kept++,
            p.deploy[k],
            p.score[k],
            p.explicit[k],
            p.why[k],
            p.relation[k],
            p.intervening[k]);
      }
    }
    p.n = kept;
  }

  /**
   * Ranks the pad's candidates by {@link #compare}, by insertion sort: an incident has tens of
   * candidates at most, and this is a few lines where a library sort brings in TimSort, which the
   * compiler inlines into the linker's hottest code and takes far longer to compile in a fresh JVM.
   */
  private void sortBestFirst(Pad p) {
    int[] o = p.order;
    if (p.n > 32) {
      // a service with a long run of failed deploys in the window: rare, and sorted as such
      Integer[] boxed = new Integer[p.n];
      for (int k = 0; k < p.n; k++) {
        boxed[k] = k;
      }
      java.util.Arrays.sort(boxed, (a, b) -> compare(p, a, b));
      for (int k = 0; k < p.n; k++) {
        o[k] = boxed[k];
      }
      return;
    }
    for (int i = 1; i < p.n; i++) {
      int c = o[i];
      int j = i - 1;
      while (j >= 0 && compare(p, o[j], c) > 0) {
        o[j + 1] = o[j];
        j--;
      }
      o[j + 1] = c;
    }
  }

  /**
   * Brings the best of the candidates at ranks [from, to) of the pad's order to rank {@code from}:
   * linking needs the best and the few after it, not a ranking of all.
   */
  private void selectBest(Pad p, int from, int to) {
    int[] o = p.order;
    int best = from;
    for (int r = from + 1; r < to; r++) {
      if (compare(p, o[r], o[best]) < 0) {
        best = r;
      }
    }
    int slot = o[best];
    o[best] = o[from];
    o[from] = slot;
  }

  /** Best first: higher score, then the more recent deploy, then the key (determinism). */
  private int compare(Pad p, int a, int b) {
    int c = Double.compare(p.score[b], p.score[a]);
    int da = p.deploy[a];
    int db = p.deploy[b];
    if (c == 0) {
      c = Long.compare(t.time[db], t.time[da]);
    }
    return c != 0 ? c : t.compareKeys(da, db);
  }

  /** The dependencies of an incident's services (not those services themselves), distinct. */
  private int[] dependenciesOf(int[] related) {
    // most incidents name one service: its dependencies are worked out once per service
    if (related.length == 1 && related[0] < dependenciesOfOne.length) {
      return dependenciesOfOne[related[0]];
    }
    return dependenciesOfAll(related);
  }

  private int[] dependenciesOfAll(int[] related) {
    int[] out = new int[8];
    int n = 0;
    for (int s : related) {
      if (s < d.dependsOn.length) {
        for (int dep : d.dependsOn[s]) {
          if (!contains(related, dep) && !contains(out, n, dep)) {
            if (n == out.length) {
              out = java.util.Arrays.copyOf(out, n * 2);
            }
            out[n++] = dep;
          }
        }
      }
    }
    return java.util.Arrays.copyOf(out, n);
  }

  private static boolean contains(int[] a, int v) {
    return contains(a, a.length, v);
  }

  private static boolean contains(int[] a, int n, int v) {
    for (int i = 0; i < n; i++) {
      if (a[i] == v) {
        return true;
      }
    }
    return false;
  }

  /** The reasons of a reported link, in words. */
  List<String> reasons(int incidentIndex, Candidate c) {
    AnalysedIncident inc = d.incidents.get(incidentIndex);
    long onset = inc.startedAt().toEpochMilli();
    int i = c.deploy;
    long delta = onset - t.time[i];
    Why w = c.why;
    List<String> out = new ArrayList<>();
    for (String cited : w.cited) {
      out.add(
          "the incident cites "
              + cited
              + (w.stagedAs >= 0 ? ", staged as " + describe(w.stagedAs) : ""));
    }
    if (w.rollbackPhrase != null) {
      out.add(
          "the incident says it "
              + w.rollbackPhrase.strip()
              + ", so the deploy after that version is the suspect");
    }
    String where = describe(i) + ", " + before(delta) + " onset";
    switch (w.relation) {
      case Why.SAME_SERVICE:
        out.add("same service: " + where);
        break;
      case Why.DEPENDENCY:
        out.add(
            "a service "
                + serviceList(d.incidentServices.get(incidentIndex))
                + " depends on: "
                + where);
        break;
      case Why.NAMED_DEPENDENCY:
        out.add(
            "named in the incident and a service "
                + serviceList(d.incidentServices.get(incidentIndex))
                + " depends on: "
                + where);
        break;
      default:
        out.add(where);
        break;
    }
    if (w.rolledBackBy >= 0) {
      int rb = w.rolledBackBy;
      String to = t.versionText(rb).isEmpty() ? abbreviate(t.shaText(rb)) : t.versionText(rb);
      out.add(
          "production was rolled back to "
              + to
              + " "
              + before(onset - t.time[rb])
              + " onset, while the incident was open; this is the first deploy after "
              + to);
    }
    if (w.intervening > 0) {
      out.add(
          w.intervening
              + " later deploy"
              + (w.intervening > 1 ? "s" : "")
              + " of "
              + d.serviceName(t.service[i])
              + " landed before onset");
    }
    if (delta < 0) {
      out.add(
          "recorded after onset, within the allowed clock skew of "
              + Duration.ofMillis(rules.skewMs).toMinutes()
              + " min");
    }
    if (inferredRollback[i]) {
      out.add("it redeployed an earlier release (a rollback), which rarely causes an incident");
    } else if (rollback[i]) {
      out.add("it is a rollback, which rarely causes an incident");
    }
    addReasonsForStatus(i, out);
    if (!c.explicit) {
      TextCues.Result cue = cues.at(incidentIndex, inc.narrative());
      if (cue.external()) {
        out.add(
            "the incident text points to a cause outside any change" + quoted(cue.externalWord()));
      } else if (cue.noChange()) {
        out.add("the incident text says nothing was changed" + quoted(cue.noChangeWord()));
      } else if (cue.change()) {
        out.add("the incident text speaks of a change" + quoted(cue.changeWord()));
      } else {
        out.add("the incident text does not speak of a change");
      }
    }
    return out;
  }

  /**
   * The links to report: above the threshold and close to the best. When the incident cites a
   * change explicitly, only cited changes are linked: a reference outranks any inference.
   */
  List<Candidate> link(int incidentIndex) {
    Pad p = pads.get();
    score(incidentIndex, p);
    int[] o = p.order;
    selectBest(p, 0, p.n);
    int best = p.n > 0 ? o[0] : -1;
    boolean anyExplicit = false;
    for (int k = 0; k < p.n; k++) {
      anyExplicit |= p.explicit[k];
    }
    // the candidates that may be linked, ranked one at a time below, as far as they are needed
    int ranked = p.n;
    if (anyExplicit) {
      ranked = 0;
      for (int r = 0; r < p.n; r++) {
        if (p.explicit[o[r]]) {
          o[ranked++] = o[r];
        }
      }
      selectBest(p, 0, ranked);
    }
    if (ranked == 0 || p.score[o[0]] < rules.minConfidence) {
      bestUnlinked[incidentIndex] = best < 0 ? null : p.candidate(best);
      unlinked[incidentIndex] = true;
      return List.of();
    }
    double top = p.score[o[0]];
    List<Candidate> out = new ArrayList<>(2);
    int linkedServices = 0;
    for (int r = 0; r < ranked; r++) {
      if (r > 0) {
        selectBest(p, r, ranked);
      }
      int k = o[r];
      double score = p.score[k];
      if (out.size() >= rules.maxLinks
          || score < rules.minConfidence
          || score < top * rules.relativeCutoff) {
        break;
      }
      int service = t.service[p.deploy[k]];
      boolean seen = contains(p.services, linkedServices, service);
      if (!seen) {
        if (linkedServices == p.services.length) {
          p.services = java.util.Arrays.copyOf(p.services, linkedServices * 2);
        }
        p.services[linkedServices++] = service;
      }
      // a second link must be another service's change (multi-service incidents), not an
      // older deploy of the same service, and either cited or nearly as likely as the first
      if (!out.isEmpty() && (seen || !p.explicit[k] && score < top * rules.secondLinkRatio)) {
        continue;
      }
      out.add(p.candidate(k));
    }
    return out;
  }

  /** Why no link: the best candidate and its score, or that there was none. */
  String noLinkReason(int incidentIndex) {
    Candidate best;
    if (unlinked[incidentIndex]) {
      best = bestUnlinked[incidentIndex];
    } else {
      List<Candidate> all = candidates(incidentIndex);
      best = all.isEmpty() ? null : all.get(0);
    }
    int[] services = d.incidentServices.get(incidentIndex);
    if (best == null) {
      if (services.length == 0) {
        return "the incident names no service Rehearsal knows and cites no change";
      }
      return "no production deploy of "
          + serviceList(services)
          + " or its dependencies in "
          + "the "
          + hours(rules.windowMs)
          + " before onset, and no change cited";
    }
    return "the most plausible change ("
        + describe(best.deploy)
        + ") scored "
        + Texts.fixed(best.score, 2)
        + ", below the "
        + Texts.fixed(rules.minConfidence, 2)
        + " needed to link";
  }

  private static String quoted(String word) {
    return word.isEmpty() ? "" : " (\"" + word + "\")";
  }

  // ------------------------------------------------------------------ explicit references

  private void explicitCandidates(int incidentIndex, long onset, int[] related, int[] deps, Pad p) {
    long latest = onset + rules.skewMs;
    for (Ref r : d.incidentRefs.get(incidentIndex)) {
      int[] hits;
      switch (r.type()) {
        case SHA:
          hits = byShaPrefix.getOrDefault(r.value(), NONE);
          break;
        case VERSION:
          // versions repeat across services: the incident's own services first, and a
          // dependency's only when none of its own has that version
          hits = withVersion(r.value(), related);
          if (hits.length == 0) {
            hits = withVersion(r.value(), deps);
          }
          break;
        case ID:
        case URL:
          int[] ids = d.idMatches.get(r.value());
          // PR and merge-request numbers repeat across repositories: only the incident's
          // services and their dependencies count; other ids are unique
          boolean perRepo = r.value().startsWith("pr:") || r.value().startsWith("mr:");
          hits = ids == null ? NONE : perRepo ? ofServices(ids, related, deps) : ids;
          break;
        case ROLLBACK_TARGET:
          int[] both = java.util.Arrays.copyOf(related, related.length + deps.length);
          System.arraycopy(deps, 0, both, related.length, deps.length);
          rollbackTarget(r, onset, both, p);
          continue;
        default:
          continue;
      }
      for (int h : hits) {
        int prod = isProduction(h) ? h : productionOf(h, latest);
        if (prod < 0 || t.time[prod] > latest) {
          continue; // a change cited but shipped after onset: a mitigation, not a cause
        }
        if (t.time[prod] < onset - rules.explicitWindowMs) {
          continue; // a number cited that matches a change from long ago: a coincidence
        }
        // a cited change of the incident's own service outranks one of a dependency; a cited
        // rollback is more likely the mitigation than the cause
        double relation =
            contains(related, t.service[prod]) ? 1.0 : contains(deps, t.service[prod]) ? 0.9 : 0.85;
        double score =
            rules.wExplicit
                * relation
                * explicitRecency(onset - t.time[prod])
                * statusFactor(prod)
                * (rollback[prod] ? 0.3 : 1.0)
                * envWeight[t.env[prod]];
        Why why = new Why();
        why.cite(
            r.type() == Type.SHA
                ? "commit " + r.text()
                : r.type() == Type.VERSION ? "version " + r.text() : r.text());
        if (prod != h) {
          why.stagedAs = h;
        }
        merge(p, p.n, prod, score, true, why);
      }
    }
  }

  /**
   * The deploys among {@code rows} (table rows, ascending) of the given services, ascending. A
   * service's deploys are one block of the table, found by binary search: a PR number matches
   * deploys of every repository that has one.
   */
  private int[] ofServices(int[] rows, int[] related, int[] deps) {
    int[] out = NONE;
    int blocks = 0;
    for (int[] services : new int[][] {related, deps}) {
      for (int s : services) {
        int from = java.util.Arrays.binarySearch(rows, t.serviceFrom(s));
        from = from < 0 ? -from - 1 : from;
        int to = from;
        while (to < rows.length && rows[to] < t.serviceTo(s)) {
          to++;
        }
        if (to > from) {
          blocks++;
          out = concat(out, java.util.Arrays.copyOfRange(rows, from, to));
        }
      }
    }
    if (blocks > 1) {
      java.util.Arrays.sort(out);
    }
    return out;
  }

  /** The production deploy that shipped what a staging deploy carried, if any, by onset. */
  private int productionOf(int staged, long latest) {
    int s = t.service[staged];
    for (int e : prodEnvs) {
      int from = t.from(s, e);
      int to = t.to(s, e);
      for (int i = firstAtOrAfter(from, to, t.time[staged]); i < to && t.time[i] <= latest; i++) {
        if (t.version[staged] >= 0 && t.version[i] == t.version[staged]
            || t.sha[staged] >= 0 && t.sha[i] == t.sha[staged]) {
          return i;
        }
      }
    }
    return -1;
  }

  private int firstAtOrAfter(int from, int to, long time) {
    int i = t.lastAtOrBefore(from, to, time - 1);
    return i + 1;
  }

  /** "Rolled back to v1.2": the suspect is the first deploy after v1.2 that is not v1.2. */
  private void rollbackTarget(Ref r, long onset, int[] related, Pad p) {
    int[] targets = withVersion(r.value(), related);
    long latest = onset + rules.skewMs;
    for (int target : targets) {
      // withVersion gave deploys of the incident's own services only
      if (!isProduction(target)
          || t.time[target] > onset
          || t.time[target] < onset - rules.explicitWindowMs) {
        continue;
      }
      int s = t.service[target];
      int e = t.env[target];
      for (int i = target + 1; i < t.to(s, e) && t.time[i] <= latest; i++) {
        if (t.version[i] != t.version[target] && t.succeeded(i) && !rollback[i]) {
          double score = rules.wExplicit * 0.95 * explicitRecency(onset - t.time[i]) * envWeight[e];
          Why why = new Why();
          why.rollbackPhrase = r.text();
          merge(p, p.n, i, score, true, why);
          break;
        }
      }
    }
  }

  // ------------------------------------------------------------------ time window

  /**
   * The deploys of a service in the window before onset. Each is merged with a candidate for the
   * same deploy among the first {@code cited} found (the cited ones), the only ones it can meet:
   * merging against every candidate found cost linking a scan per candidate.
   */
  private void window(int service, long onset, double weight, int relation, Pad p, int cited) {
    long latest = onset + rules.skewMs;
    long earliest = onset - rules.windowMs;
    for (int x = 0; x < prodEnvs.length; x++) {
      int e = prodEnvs[x];
      int from = t.from(service, e);
      int last = t.lastAtOrBefore(from, t.to(service, e), latest);
      p.last[x] = last;
      // the window's first deploy searched back from its last (hours, in years of deploys),
      // and a plain counted loop: one with two exit tests was deoptimised in a first analysis
      // (-Xlog / JFR: loop_limit_check) and ran interpreted for much of the linking step
      int count = last + 1 - t.firstAtOrAfterBefore(from, last + 1, earliest);
      int intervening = 0;
      for (int k = 0; k < count; k++) {
        int i = last - k; // latest first
        if (rollback[i] && !t.succeeded(i)) {
          continue;
        }
        long delta = onset - t.time[i];
        double score =
            weight
                * recency(delta)
                * interveningPow[intervening]
                * statusFactor(i)
                * (rollback[i] ? 0.3 : 1.0)
                * (delta < 0 ? rules.afterOnsetFactor : 1.0)
                * envWeight[e];
        merge(p, cited, i, score, false, null, relation, intervening);
        // a later deploy counts against earlier ones only if it landed before onset
        if (t.succeeded(i) && !rollback[i] && delta >= 0) {
          intervening++;
        }
        if (intervening > 6) {
          break;
        }
      }
    }
  }

  // ------------------------------------------------------------------ rollbacks

  /**
   * Until when a production rollback counts as made during the incident: its resolution (plus the
   * clock skew) when known, and never later than {@code rollbackWindowHours} after onset.
   */
  private long rollbacksUntil(int incidentIndex, long onset) {
    long until = onset + rules.rollbackWindowMs;
    Instant resolved = d.incidents.get(incidentIndex).resolvedAt();
    if (resolved != null) {
      until = Math.min(until, Math.max(onset, resolved.toEpochMilli()) + rules.skewMs);
    }
    return until;
  }

  /**
   * A successful production rollback of the service between onset and {@code until} says what the
   * responders suspected: everything after the version it went back to. The first deploy after that
   * version, if it landed before onset, is the suspect, even when later deploys landed between it
   * and onset (rolling back past them means they were not trusted either, but the first one is
   * where the change began).
   */
  private void rolledBack(
      int service, long onset, long until, double relationScale, int relation, Pad p) {
    long latest = onset + rules.skewMs;
    for (int x = 0; x < prodEnvs.length; x++) {
      int e = prodEnvs[x];
      int from = t.from(service, e);
      int to = t.to(service, e);
      // deploys after the window's last landed after onset + skew: the first at or after
      // onset - skew is at most one past it, and near it
      int first =
          rules.skewMs >= 0
              ? t.firstAtOrAfterBefore(from, p.last[x] + 1, onset - rules.skewMs)
              : firstAtOrAfter(from, to, onset - rules.skewMs);
      for (int rb = first < to ? nextRollback[first] : to;
          rb < to && t.time[rb] <= until;
          rb = rb + 1 < to ? nextRollback[rb + 1] : to) {
        int suspect = firstAfterRollbackTarget(from, rb, latest);
        if (suspect < 0) {
          continue;
        }
        Why why = new Why();
        why.relation = relation;
        why.rolledBackBy = rb;
        for (int k = suspect + 1; k < to && t.time[k] <= onset; k++) {
          if (t.succeeded(k) && !rollback[k]) {
            why.intervening++;
          }
        }
        double score =
            rules.wRolledBack
                * relationScale
                * envWeight[e]
                * (t.time[suspect] > onset ? rules.afterOnsetFactor : 1.0);
        merge(p, p.n, suspect, score, false, why);
      }
    }
  }

  /**
   * The first successful deploy after the one a rollback went back to (same version, or same commit
   * when versions are unknown), landed by {@code latest}; -1 when the rollback's target is not
   * found within the cited-change window or nothing else shipped after it.
   */
  private int firstAfterRollbackTarget(int from, int rb, long latest) {
    int v = t.version[rb];
    int h = t.sha[rb];
    if (v < 0 && h < 0) {
      return -1;
    }
    long earliest = t.time[rb] - rules.explicitWindowMs;
    for (int j = rb - 1; j >= from && t.time[j] >= earliest; j--) {
      if (rollback[j] || !t.succeeded(j) || !sameRelease(j, v, h)) {
        continue;
      }
      for (int k = j + 1; k < rb && t.time[k] <= latest; k++) {
        if (t.succeeded(k) && !rollback[k] && !sameRelease(k, v, h)) {
          return k;
        }
      }
      return -1;
    }
    return -1;
  }

  /** Same release: the same commit when both name one, else the same version. */
  private boolean sameRelease(int i, int version, int sha) {
    return sha >= 0 && t.sha[i] >= 0 ? t.sha[i] == sha : version >= 0 && t.version[i] == version;
  }

  private void addReasonsForStatus(int i, List<String> reasons) {
    DeployStatus s = t.status(i);
    if (s == DeployStatus.FAILED || s == DeployStatus.CANCELLED) {
      reasons.add(
          "the deploy "
              + s.name().toLowerCase(Locale.ROOT)
              + ", so it may not have changed production");
    }
  }

  private double statusFactor(int i) {
    DeployStatus s = t.status(i);
    return s == DeployStatus.FAILED || s == DeployStatus.CANCELLED ? rules.failedDeployFactor : 1.0;
  }

  /** A cited change loses little with time; among several, the more recent ranks first. */
  private double explicitRecency(long deltaMs) {
    return 0.85 + 0.15 * recency(deltaMs);
  }

  private double recency(long deltaMs) {
    return deltaMs <= 0 ? 1.0 : Math.exp(-deltaMs * decayPerMs);
  }

  private static void merge(Pad p, int n, int deploy, double score, boolean explicit, Why why) {
    merge(p, n, deploy, score, explicit, why, Why.NONE, 0);
  }

  /**
   * Adds a candidate, or merges it with the one for the same deploy among the first {@code n}
   * found: the higher score's reasons take in the other's. {@code why} may be null for a candidate
   * of the time window, made of {@code relation} and {@code intervening}.
   */
  private static void merge(
      Pad p,
      int n,
      int deploy,
      double score,
      boolean explicit,
      Why why,
      int relation,
      int intervening) {
    for (int k = 0; k < n; k++) {
      if (p.deploy[k] == deploy) {
        Why mine = why != null ? why : Why.of(relation, intervening);
        boolean better = score > p.score[k];
        Why best = better ? mine : p.why(k);
        best.mergeFrom(better ? p.why(k) : mine);
        p.set(k, deploy, better ? score : p.score[k], explicit || p.explicit[k], best, Why.NONE, 0);
        return;
      }
    }
    p.add(deploy, score, explicit, why, relation, intervening);
  }

  String describe(int i) {
    String what = t.versionText(i).isEmpty() ? abbreviate(t.shaText(i)) : t.versionText(i);
    return d.serviceName(t.service[i])
        + " "
        + (what.isEmpty() ? "(no version)" : what)
        + " to "
        + d.envs.value(t.env[i])
        + " at "
        + HM.format(Instant.ofEpochMilli(t.time[i]));
  }

  static String abbreviate(String sha) {
    return sha.length() > 10 ? sha.substring(0, 10) : sha;
  }

  static String before(long deltaMs) {
    long min = Math.abs(deltaMs) / 60_000;
    String amount =
        min < 90 ? min + " min" : min < 48 * 60 ? (min / 60) + " h" : (min / 1440) + " days";
    return deltaMs >= 0 ? amount + " before" : amount + " after";
  }

  private static String hours(long ms) {
    return (ms / 3_600_000) + " h";
  }

  private String serviceList(int[] ids) {
    List<String> names = new ArrayList<>();
    for (int i : ids) {
      names.add(d.services.value(i));
    }
    return String.join("/", names);
  }

  // ------------------------------------------------------------------ baseline

  /**
   * What most tools do: the last successful production deploy before onset, of the incident's
   * service when it has one, else of any service. No window, no text.
   */
  int baseline(int incidentIndex) {
    long onset = d.incidents.get(incidentIndex).startedAt().toEpochMilli();
    int[] services = d.incidentServices.get(incidentIndex);
    int best = -1;
    if (services.length > 0) {
      for (int s : services) {
        for (int e : prodEnvs) {
          int i = lastSuccessful(t.from(s, e), t.to(s, e), onset);
          if (i >= 0 && (best < 0 || t.time[i] > t.time[best])) {
            best = i;
          }
        }
      }
      return best;
    }
    for (int s = 0; s < d.services.size(); s++) {
      for (int e : prodEnvs) {
        int i = lastSuccessful(t.from(s, e), t.to(s, e), onset);
        if (i >= 0 && (best < 0 || t.time[i] > t.time[best])) {
          best = i;
        }
      }
    }
    return best;
  }

  private int lastSuccessful(int from, int to, long onset) {
    for (int i = t.lastAtOrBefore(from, to, onset); i >= from; i--) {
      if (t.status(i) == DeployStatus.SUCCEEDED) {
        return i;
      }
    }
    return -1;
  }
}
