package dev.rehearsal.analysis;

import dev.rehearsal.analysis.References.Ref;
import dev.rehearsal.index.text.IncidentText;
import dev.rehearsal.model.DeployStatus;
import dev.rehearsal.model.Evidence;
import dev.rehearsal.model.Reason;
import dev.rehearsal.model.Reason.Code;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Links an incident to the production deploys that most plausibly caused it (decisions 0003 and
 * 0006). The rules, each stated once below:
 *
 * <ol>
 *   <li><b>Cited changes</b> ({@link #citedChanges}): a commit, version, PR, pipeline or deploy
 *       number the incident cites points at that deploy (at the production deploy of what a cited
 *       staging deploy carried); "rolled back to v1.2" points at the first deploy after v1.2. When
 *       the incident's own services have a cited change, cited changes of other services are
 *       coincidences and are dropped.
 *   <li><b>The time window</b> ({@link #window}): every production deploy of the incident's
 *       services, and of the services they depend on, in the hours before onset; the score halves
 *       every {@code recencyHalfLifeHours} and each later deploy in between multiplies it by {@code
 *       interveningChangeFactor}.
 *   <li><b>Rollbacks during the incident</b> ({@link #rolledBack}): a production rollback while the
 *       incident was open points at the first deploy after the version it went back to.
 *   <li><b>The incident's words</b>: talk of a change keeps a non-cited candidate's score, talk of
 *       an outside cause or of nothing changed lowers it, silence lowers it less.
 *   <li><b>Choosing</b> ({@link #link}): the best candidate is linked when it reaches {@code
 *       minConfidence}; when any change is cited only cited changes are linked; a second link must
 *       be another service's change, cited or nearly as likely as the first.
 * </ol>
 *
 * The same deploy found by several rules is one candidate: the higher score, with the reasons of
 * both. Deterministic: candidates are ranked by score, then the more recent deploy, then the key.
 */
final class Linker {

  /** How a deploy's service relates to the incident's services; earlier is closer. */
  enum Relation {
    NONE,
    SAME_SERVICE,
    UPSTREAM,
    NAMED_UPSTREAM
  }

  /** A change the incident cites, as it will be quoted. */
  record Cite(String kind, String text) {}

  /**
   * Why a deploy is a candidate: what it is cited as, the staging deploy it was cited through, the
   * rollback phrase or rollback that pointed at it, its relation to the incident's services and the
   * later deploys in between.
   *
   * @param stagedAs the staging deploy cited for it, or -1
   * @param rolledBackBy a production rollback during the incident past this deploy, or -1
   */
  record Why(
      List<Cite> cited,
      int stagedAs,
      String rollbackPhrase,
      Relation relation,
      int intervening,
      int rolledBackBy) {

    static Why of(Relation relation, int intervening) {
      return new Why(List.of(), -1, null, relation, intervening, -1);
    }

    static Why cited(Cite cite, int stagedAs) {
      return new Why(List.of(cite), stagedAs, null, Relation.NONE, 0, -1);
    }

    /** This one's reasons, with what the other adds. */
    Why mergedWith(Why other) {
      List<Cite> all = new ArrayList<>(cited);
      for (Cite c : other.cited) {
        if (!all.contains(c)) {
          all.add(c);
        }
      }
      boolean otherRelation =
          relation == Relation.NONE
              || other.relation != Relation.NONE && other.relation.compareTo(relation) < 0;
      return new Why(
          List.copyOf(all),
          stagedAs >= 0 ? stagedAs : other.stagedAs,
          rollbackPhrase != null ? rollbackPhrase : other.rollbackPhrase,
          otherRelation ? other.relation : relation,
          otherRelation ? other.intervening : intervening,
          rolledBackBy >= 0 ? rolledBackBy : other.rolledBackBy);
    }
  }

  /** A candidate deploy with its score, whether it is cited, and why. */
  record Candidate(int deploy, double score, boolean explicit, Why why) {}

  private final AnalysisData d;
  private final DeployTable t;
  private final Rules rules;
  private final int[] productionEnvs;
  private final double[] envWeight;
  private final CitedDeploys cited;
  private final TextCues cues;

  /** Rollbacks: those the tools recorded, and those inferred ({@link #inferRollbacks}). */
  private final boolean[] rollback;

  /** Whether a rollback was inferred, not recorded. */
  private final boolean[] inferredRollback;

  /** Recency decay per millisecond: halving every {@code recencyHalfLifeHours}. */
  private final double decayPerMs;

  /** For each service: the incidents whose text names it ({@link #readLanguage}). */
  private BitSet[] namedBy = new BitSet[0];

  Linker(AnalysisData d, Rules rules) {
    this.d = d;
    this.t = d.deploys;
    this.rules = rules;
    this.productionEnvs =
        rules.productionEnvs.stream().mapToInt(d.envs::find).filter(id -> id >= 0).toArray();
    this.envWeight = new double[d.envs.size()];
    for (int e = 0; e < envWeight.length; e++) {
      envWeight[e] = rules.environmentWeights.getOrDefault(d.envs.value(e), 1.0);
    }
    this.cues =
        new TextCues(
            rules.changeLanguage, rules.externalLanguage, rules.noChangeLanguage, rules.synonyms);
    this.decayPerMs = Math.log(2) / (rules.halfLifeHours * 3_600_000.0);
    this.rollback = t.rollback.clone();
    this.inferredRollback = new boolean[t.size];
    inferRollbacks();
    this.cited = new CitedDeploys(t, d.services.size(), d.incidentRefs);
  }

  /**
   * Not every tool says a deploy was a rollback (a GitLab re-deploy of an older job, a Helm or Argo
   * CD sync to an older revision look like any deploy). A successful production deploy of a commit
   * (or, without one, a version) that the environment already ran before, and that differs from
   * what ran just before it, is a rollback: a later deploy of an earlier release. A redeploy of
   * what already runs, or a moving tag like "latest" deployed again, is not.
   */
  private void inferRollbacks() {
    for (int s = 0; s < d.services.size(); s++) {
      for (int e : productionEnvs) {
        Set<Integer> shasSeen = new java.util.HashSet<>();
        Set<Integer> versionsSeen = new java.util.HashSet<>();
        int previous = -1;
        for (int i = t.from(s, e); i < t.to(s, e); i++) {
          if (!t.succeeded(i)) {
            continue;
          }
          boolean bySha = t.sha[i] >= 0;
          int release = bySha ? t.sha[i] : t.version[i];
          if (release < 0) {
            previous = -1;
            continue;
          }
          Set<Integer> seen = bySha ? shasSeen : versionsSeen;
          if (!rollback[i]
              && seen.contains(release)
              && previous >= 0
              && !sameRelease(previous, t.version[i], t.sha[i])) {
            rollback[i] = true;
            inferredRollback[i] = true;
          }
          seen.add(release);
          previous = i;
        }
      }
    }
  }

  /**
   * Reads, with one query each over all incidents, the change and external-cause language of every
   * incident and which services each names; call before linking.
   */
  void readLanguage(IncidentText text) throws IOException {
    cues.score(text, i -> d.incidents.get(i).narrative());
    // one phrase query per service, run side by side: the index view is shared by threads
    namedBy =
        IntStream.range(0, d.services.size())
            .parallel()
            .mapToObj(svc -> incidentsNaming(text, d.services.value(svc)))
            .toArray(BitSet[]::new);
  }

  private static BitSet incidentsNaming(IncidentText text, String service) {
    if (service.isBlank()) {
      return new BitSet();
    }
    try {
      return text.matchingAny(List.of(service.replace('-', ' ')), 0, List.of());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ------------------------------------------------------------------ candidates

  /** Every candidate of an incident, best first; may be empty. */
  List<Candidate> candidates(int incident) {
    long onset = d.incidents.get(incident).startedAt().toEpochMilli();
    int[] own = d.incidentServices.get(incident);
    int[] upstream = dependenciesOf(own);
    Map<Integer, Candidate> found = new LinkedHashMap<>();

    if (!d.incidentRefs.get(incident).isEmpty()) {
      citedChanges(incident, onset, own, upstream).forEach(c -> add(found, c));
      keepOwnCited(found, own);
    }
    long rollbacksUntil = rollbacksUntil(incident, onset);
    for (int s : own) {
      window(s, onset, rules.wSameService, Relation.SAME_SERVICE).forEach(c -> add(found, c));
      rolledBack(s, onset, rollbacksUntil, 1.0, Relation.SAME_SERVICE).forEach(c -> add(found, c));
    }
    for (int s : upstream) {
      // an upstream service the incident names is nearly as likely as its own
      boolean named = s < namedBy.length && namedBy[s].get(incident);
      double weight = named ? rules.wSameService * 0.9 : rules.wDependency;
      Relation relation = named ? Relation.NAMED_UPSTREAM : Relation.UPSTREAM;
      window(s, onset, weight, relation).forEach(c -> add(found, c));
      rolledBack(s, onset, rollbacksUntil, weight / rules.wSameService, relation)
          .forEach(c -> add(found, c));
    }

    double language = languageFactor(incident);
    List<Candidate> out = new ArrayList<>(found.size());
    for (Candidate c : found.values()) {
      double score = c.explicit() ? c.score() : c.score() * language;
      out.add(new Candidate(c.deploy(), clamp(score), c.explicit(), c.why()));
    }
    out.sort(bestFirst());
    return out;
  }

  /** What the incident's words do to the score of a change it does not cite. */
  private double languageFactor(int incident) {
    if (cues.external(incident) || cues.noChange(incident)) {
      return rules.externalCauseFactor;
    }
    return cues.change(incident) ? 1.0 : rules.noChangeLanguageFactor;
  }

  /**
   * Adds a candidate, or merges it with the one already found for the same deploy: the higher score
   * wins and takes in the other's reasons; cited if either is.
   */
  private static void add(Map<Integer, Candidate> found, Candidate c) {
    Candidate before = found.get(c.deploy());
    if (before == null) {
      found.put(c.deploy(), c);
      return;
    }
    boolean better = c.score() > before.score();
    Candidate best = better ? c : before;
    Candidate other = better ? before : c;
    found.put(
        c.deploy(),
        new Candidate(
            c.deploy(),
            best.score(),
            c.explicit() || before.explicit(),
            best.why().mergedWith(other.why())));
  }

  /** Best first: higher score, then the more recent deploy, then the key. */
  private Comparator<Candidate> bestFirst() {
    return Comparator.comparingDouble(Candidate::score)
        .reversed()
        .thenComparing(c -> t.time[c.deploy()], Comparator.reverseOrder())
        .thenComparing((a, b) -> t.compareKeys(a.deploy(), b.deploy()));
  }

  /**
   * A citation that matches the incident's own services settles it: the same number or version in
   * an upstream service is then a coincidence, and is dropped.
   */
  private void keepOwnCited(Map<Integer, Candidate> found, int[] own) {
    boolean ownCited = found.keySet().stream().anyMatch(i -> contains(own, t.service[i]));
    if (ownCited) {
      found.keySet().removeIf(i -> !contains(own, t.service[i]));
    }
  }

  // ------------------------------------------------------------------ cited changes

  private List<Candidate> citedChanges(int incident, long onset, int[] own, int[] upstream) {
    List<Candidate> out = new ArrayList<>();
    long latest = onset + rules.skewMs;
    for (Ref r : d.incidentRefs.get(incident)) {
      int[] hits;
      switch (r.type()) {
        case SHA:
          hits = cited.withCommitPrefix(r.value());
          break;
        case VERSION:
          // versions repeat across services: the incident's own services first, and an
          // upstream service's only when none of its own has that version
          hits = cited.withVersion(r.value(), own);
          if (hits.length == 0) {
            hits = cited.withVersion(r.value(), upstream);
          }
          break;
        case ID:
        case URL:
          int[] ids = d.idMatches.get(r.value());
          // PR and merge-request numbers repeat across repositories: only the incident's
          // services and their upstreams count; other ids are unique
          boolean perRepository = r.value().startsWith("pr:") || r.value().startsWith("mr:");
          hits = ids == null ? new int[0] : perRepository ? ofServices(ids, own, upstream) : ids;
          break;
        case ROLLBACK_TARGET:
          out.addAll(rollbackTarget(r, onset, concat(own, upstream)));
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
        // a cited change of the incident's own service outranks one of an upstream service; a
        // cited rollback is more likely the mitigation than the cause
        double relation =
            contains(own, t.service[prod]) ? 1.0 : contains(upstream, t.service[prod]) ? 0.9 : 0.85;
        double score =
            rules.wExplicit
                * relation
                * explicitRecency(onset - t.time[prod])
                * statusFactor(prod)
                * (rollback[prod] ? 0.3 : 1.0)
                * envWeight[t.env[prod]];
        Cite cite = new Cite(citeKind(r), r.text());
        out.add(new Candidate(prod, score, true, Why.cited(cite, prod != h ? h : -1)));
      }
    }
    return out;
  }

  private static String citeKind(Ref r) {
    switch (r.type()) {
      case SHA:
        return "commit";
      case VERSION:
        return "version";
      default:
        return "id";
    }
  }

  /** The deploys among {@code rows} (table rows, ascending) of the given services, ascending. */
  private int[] ofServices(int[] rows, int[] own, int[] upstream) {
    return IntStream.of(rows)
        .filter(i -> contains(own, t.service[i]) || contains(upstream, t.service[i]))
        .toArray();
  }

  /** The production deploy that shipped what a staging deploy carried, by {@code latest}. */
  private int productionOf(int staged, long latest) {
    int s = t.service[staged];
    for (int e : productionEnvs) {
      int to = t.to(s, e);
      for (int i = t.firstAtOrAfter(t.from(s, e), to, t.time[staged]);
          i < to && t.time[i] <= latest;
          i++) {
        if (t.version[staged] >= 0 && t.version[i] == t.version[staged]
            || t.sha[staged] >= 0 && t.sha[i] == t.sha[staged]) {
          return i;
        }
      }
    }
    return -1;
  }

  /** "Rolled back to v1.2": the suspect is the first deploy after v1.2 that is not v1.2. */
  private List<Candidate> rollbackTarget(Ref r, long onset, int[] services) {
    List<Candidate> out = new ArrayList<>();
    long latest = onset + rules.skewMs;
    for (int target : cited.withVersion(r.value(), services)) {
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
          Why why = new Why(List.of(), -1, r.text(), Relation.NONE, 0, -1);
          out.add(new Candidate(i, score, true, why));
          break;
        }
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ time window

  /**
   * The production deploys of a service in the window before onset (and up to the clock skew after
   * it), latest first. Each later successful deploy that landed before onset counts against the
   * earlier ones; the window looks back over at most six of them.
   */
  private List<Candidate> window(int service, long onset, double weight, Relation relation) {
    List<Candidate> out = new ArrayList<>();
    long latest = onset + rules.skewMs;
    long earliest = onset - rules.windowMs;
    for (int e : productionEnvs) {
      int from = t.from(service, e);
      int last = t.lastAtOrBefore(from, t.to(service, e), latest);
      int intervening = 0;
      for (int i = last; i >= from && t.time[i] >= earliest; i--) {
        if (rollback[i] && !t.succeeded(i)) {
          continue;
        }
        long delta = onset - t.time[i];
        double score =
            weight
                * recency(delta)
                * Math.pow(rules.interveningFactor, intervening)
                * statusFactor(i)
                * (rollback[i] ? 0.3 : 1.0)
                * (delta < 0 ? rules.afterOnsetFactor : 1.0)
                * envWeight[e];
        out.add(new Candidate(i, score, false, Why.of(relation, intervening)));
        if (t.succeeded(i) && !rollback[i] && delta >= 0) {
          intervening++;
        }
        if (intervening > 6) {
          break;
        }
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ rollbacks

  /**
   * Until when a production rollback counts as made during the incident: its resolution (plus the
   * clock skew) when known, and never later than {@code rollbackWindowHours} after onset.
   */
  private long rollbacksUntil(int incident, long onset) {
    long until = onset + rules.rollbackWindowMs;
    Instant resolved = d.incidents.get(incident).resolvedAt();
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
  private List<Candidate> rolledBack(
      int service, long onset, long until, double relationScale, Relation relation) {
    List<Candidate> out = new ArrayList<>();
    long latest = onset + rules.skewMs;
    for (int e : productionEnvs) {
      int from = t.from(service, e);
      int to = t.to(service, e);
      for (int rb = t.firstAtOrAfter(from, to, onset - rules.skewMs);
          rb < to && t.time[rb] <= until;
          rb++) {
        if (!rollback[rb] || !t.succeeded(rb)) {
          continue;
        }
        int suspect = firstAfterRollbackTarget(from, rb, latest);
        if (suspect < 0) {
          continue;
        }
        int intervening = 0;
        for (int k = suspect + 1; k < to && t.time[k] <= onset; k++) {
          if (t.succeeded(k) && !rollback[k]) {
            intervening++;
          }
        }
        double score =
            rules.wRolledBack
                * relationScale
                * envWeight[e]
                * (t.time[suspect] > onset ? rules.afterOnsetFactor : 1.0);
        Why why = new Why(List.of(), -1, null, relation, intervening, rb);
        out.add(new Candidate(suspect, score, false, why));
      }
    }
    return out;
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

  // ------------------------------------------------------------------ choosing

  /**
   * The links to report: above the threshold and close to the best. When the incident cites a
   * change, only cited changes are linked: a reference outranks any inference. A second link must
   * be another service's change (multi-service incidents), not an older deploy of the same service,
   * and either cited or nearly as likely as the first.
   */
  List<Candidate> link(int incident) {
    return choose(incident).links();
  }

  /**
   * What the linker decided for one incident: the links, and every candidate it weighed, best
   * first.
   */
  record Choice(List<Candidate> links, List<Candidate> weighed) {
    /** The candidates weighed and not linked, best first, at most {@code n}. */
    List<Candidate> alternatives(int n) {
      List<Candidate> out = new ArrayList<>();
      for (Candidate c : weighed) {
        if (out.size() == n) {
          break;
        }
        if (!links.contains(c)) {
          out.add(c);
        }
      }
      return out;
    }
  }

  Choice choose(int incident) {
    List<Candidate> weighed = candidates(incident);
    return new Choice(pick(weighed), weighed);
  }

  /** The links among ranked candidates, by the rules above. */
  private List<Candidate> pick(List<Candidate> candidates) {
    List<Candidate> ranked = new ArrayList<>(candidates);
    if (ranked.stream().anyMatch(Candidate::explicit)) {
      ranked.removeIf(c -> !c.explicit());
    }
    List<Candidate> out = new ArrayList<>();
    if (ranked.isEmpty() || ranked.get(0).score() < rules.minConfidence) {
      return out;
    }
    double top = ranked.get(0).score();
    Set<Integer> services = new LinkedHashSet<>();
    for (Candidate c : ranked) {
      if (out.size() >= rules.maxLinks
          || c.score() < rules.minConfidence
          || c.score() < top * rules.relativeCutoff) {
        break;
      }
      boolean newService = services.add(t.service[c.deploy()]);
      if (!out.isEmpty()
          && (!newService || !c.explicit() && c.score() < top * rules.secondLinkRatio)) {
        continue;
      }
      out.add(c);
    }
    return out;
  }

  // ------------------------------------------------------------------ reasons

  /**
   * The reasons of a reported link, among them the name the incident's service was written as when
   * it reads as the deploy's service only through an inferred alias.
   */
  List<Reason> reasons(int incident, Candidate c) {
    AnalysedIncident inc = d.incidents.get(incident);
    long onset = inc.startedAt().toEpochMilli();
    int i = c.deploy();
    long delta = onset - t.time[i];
    Why w = c.why();
    List<Reason> out = new ArrayList<>();
    for (Cite cite : w.cited()) {
      Reason r = Reason.of(Code.CITED, "cited", cite.kind(), "text", cite.text());
      out.add(w.stagedAs() >= 0 ? d.withDeploy(r, w.stagedAs(), "staged") : r);
    }
    if (w.rollbackPhrase() != null) {
      out.add(Reason.of(Code.ROLLBACK_TARGET_NAMED, "phrase", w.rollbackPhrase().strip()));
    }
    String services = serviceList(d.incidentServices.get(incident));
    Reason where;
    switch (w.relation()) {
      case SAME_SERVICE:
        where = Reason.of(Code.SAME_SERVICE, "beforeMs", delta);
        break;
      case UPSTREAM:
        where = Reason.of(Code.UPSTREAM, "services", services, "beforeMs", delta);
        break;
      case NAMED_UPSTREAM:
        where = Reason.of(Code.NAMED_UPSTREAM, "services", services, "beforeMs", delta);
        break;
      default:
        where = Reason.of(Code.TIMING, "beforeMs", delta);
        break;
    }
    out.add(d.withDeploy(where, i, ""));
    if (w.rolledBackBy() >= 0) {
      int rb = w.rolledBackBy();
      String to = t.versionText(rb).isEmpty() ? abbreviate(t.shaText(rb)) : t.versionText(rb);
      out.add(Reason.of(Code.ROLLED_BACK_PAST, "to", to, "beforeMs", onset - t.time[rb]));
    }
    if (w.intervening() > 0) {
      out.add(
          Reason.of(
              Code.INTERVENING, "count", w.intervening(), "service", d.serviceName(t.service[i])));
    }
    if (delta < 0) {
      out.add(Reason.of(Code.AFTER_ONSET_WITHIN_SKEW, "skewMinutes", rules.skewMs / 60_000));
    }
    if (rollback[i]) {
      out.add(Reason.of(Code.IS_ROLLBACK, "inferred", inferredRollback[i]));
    }
    DeployStatus status = t.status(i);
    if (status == DeployStatus.FAILED || status == DeployStatus.CANCELLED) {
      out.add(Reason.of(Code.DEPLOY_NOT_SUCCEEDED, "status", status.name()));
    }
    for (var a : d.inferredNames.getOrDefault(t.service[i], List.of())) {
      out.add(
          Reason.of(
              Code.INFERRED_ALIAS, "name", a.name(), "service", a.service(), "score", a.score()));
    }
    if (!c.explicit()) {
      TextCues.Result cue = cues.at(incident, inc.narrative());
      if (cue.external()) {
        out.add(Reason.of(Code.TEXT_EXTERNAL_CAUSE, "word", cue.externalWord()));
      } else if (cue.noChange()) {
        out.add(Reason.of(Code.TEXT_NO_CHANGE, "word", cue.noChangeWord()));
      } else if (cue.change()) {
        out.add(Reason.of(Code.TEXT_CHANGE, "word", cue.changeWord()));
      } else {
        out.add(Reason.of(Code.TEXT_SILENT));
      }
    }
    return out;
  }

  /** The evidence a reported link rests on: the references the incident cites. */
  List<Evidence> evidence(int incident, Candidate c) {
    List<Evidence> out = new ArrayList<>();
    for (Cite cite : c.why().cited()) {
      out.add(new Evidence.CitedReference(cite.kind(), cite.text(), t.key(c.deploy())));
    }
    for (var a : d.inferredNames.getOrDefault(t.service[c.deploy()], List.of())) {
      out.add(
          new Evidence.ServiceAlias(a.name(), a.written(), a.service(), a.score(), a.reasons()));
    }
    return out;
  }

  /** Why nothing was linked: the best candidate and its score, or that there was none. */
  Reason noLinkReason(int incident, List<Candidate> all) {
    int[] services = d.incidentServices.get(incident);
    if (all.isEmpty()) {
      if (services.length == 0) {
        return Reason.of(Code.NO_SERVICE);
      }
      return Reason.of(
          Code.NO_DEPLOY_IN_WINDOW,
          "services",
          serviceList(services),
          "hours",
          rules.windowMs / 3_600_000);
    }
    Candidate best = all.get(0);
    return d.withDeploy(
        Reason.of(Code.BELOW_THRESHOLD, "score", best.score(), "needed", rules.minConfidence),
        best.deploy(),
        "");
  }

  // ------------------------------------------------------------------ helpers

  boolean isProduction(int deploy) {
    return contains(productionEnvs, t.env[deploy]);
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

  private static double clamp(double score) {
    return Math.max(0, Math.min(1, score));
  }

  /** The upstream services of an incident's services (not those services themselves). */
  private int[] dependenciesOf(int[] own) {
    Set<Integer> out = new LinkedHashSet<>();
    for (int s : own) {
      if (s < d.dependsOn.length) {
        for (int dep : d.dependsOn[s]) {
          if (!contains(own, dep)) {
            out.add(dep);
          }
        }
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  private static boolean contains(int[] a, int v) {
    for (int x : a) {
      if (x == v) {
        return true;
      }
    }
    return false;
  }

  private static int[] concat(int[] a, int[] b) {
    int[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private String serviceList(int[] ids) {
    List<String> names = new ArrayList<>();
    for (int i : ids) {
      names.add(d.services.value(i));
    }
    return String.join("/", names);
  }

  static String abbreviate(String sha) {
    return sha.length() > 10 ? sha.substring(0, 10) : sha;
  }

  // ------------------------------------------------------------------ baseline

  /**
   * What most tools do: the last successful production deploy before onset, of the incident's
   * service when it has one, else of any service. No window, no text.
   */
  int baseline(int incident) {
    long onset = d.incidents.get(incident).startedAt().toEpochMilli();
    int[] services = d.incidentServices.get(incident);
    int[] pool = services.length > 0 ? services : IntStream.range(0, d.services.size()).toArray();
    int best = -1;
    for (int s : pool) {
      for (int e : productionEnvs) {
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
