package dev.rehearsal.analysis;

import dev.rehearsal.analysis.References.Ref;
import dev.rehearsal.analysis.References.Type;
import dev.rehearsal.model.DeployStatus;
import dev.rehearsal.model.Incident;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Links an incident to the production deploys that most plausibly caused it. Evidence, strongest
 * first: an explicit reference in the incident text (commit, version, PR, pipeline or deploy
 * number; a rollback target points at the deploy after it); the same service, or a service it
 * depends on; time before onset (halving every {@code recencyHalfLifeHours}); other deploys of
 * the service in between (each multiplies by {@code interveningChangeFactor}); the incident's
 * own words about a change or an external cause. Deterministic: inputs are sorted by time and
 * key before anything is compared. Work per incident is a binary search in the time-sorted
 * deploys of its services, never a scan of all deploys.
 */
final class Linker {
  static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
      .withZone(ZoneOffset.UTC);

  /** A candidate deploy with its score and reasons. */
  record Candidate(int deploy, double score, boolean explicit, List<String> reasons) {}

  private final AnalysisData d;
  private final DeployTable t;
  private final Rules rules;
  private final int[] prodEnvs;
  private final Map<String, List<Integer>> byVersion = new HashMap<>();
  private final Map<String, List<Integer>> byShaPrefix = new HashMap<>();
  private final TextCues cues;

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
    this.cues = new TextCues(rules.changeLanguage, rules.externalLanguage,
        rules.noChangeLanguage, rules.synonyms);
    indexReferencedHandles();
  }

  /** Reads every incident's change and external-cause language; call before linking. */
  void readLanguage(org.apache.lucene.search.IndexSearcher s) throws java.io.IOException {
    cues.score(s, d.docToIncident, d.incidents.size());
  }

  /** Builds version and SHA-prefix lookups for the values incidents actually cite. */
  private void indexReferencedHandles() {
    Set<String> versions = new HashSet<>();
    Set<String> prefixes = new HashSet<>();
    Set<Integer> lengths = new HashSet<>();
    for (List<Ref> refs : d.incidentRefs) {
      for (Ref r : refs) {
        if (r.type() == Type.VERSION || r.type() == Type.ROLLBACK_TARGET) {
          versions.add(r.value());
        } else if (r.type() == Type.SHA) {
          prefixes.add(r.value());
          lengths.add(r.value().length());
        }
      }
    }
    for (int i = 0; i < t.size; i++) {
      if (t.version[i] >= 0) {
        String v = t.versions.value(t.version[i]);
        if (versions.contains(v)) {
          byVersion.computeIfAbsent(v, k -> new ArrayList<>()).add(i);
        }
      }
      if (t.sha[i] >= 0 && !prefixes.isEmpty()) {
        String sha = t.shas.value(t.sha[i]);
        for (int len : lengths) {
          if (sha.length() >= len && prefixes.contains(sha.substring(0, len))) {
            byShaPrefix.computeIfAbsent(sha.substring(0, len), k -> new ArrayList<>()).add(i);
          }
        }
      }
    }
  }

  boolean isProduction(int deploy) {
    for (int e : prodEnvs) {
      if (t.env[deploy] == e) {
        return true;
      }
    }
    return false;
  }

  /** Candidates for one incident, best first; may be empty. */
  List<Candidate> candidates(int incidentIndex) {
    Incident inc = d.incidents.get(incidentIndex);
    long onset = inc.startedAt().toEpochMilli();
    int[] services = d.incidentServices.get(incidentIndex);
    Set<Integer> related = new HashSet<>();
    Set<Integer> deps = new HashSet<>();
    for (int s : services) {
      related.add(s);
    }
    for (int s : services) {
      if (s < d.dependsOn.length) {
        for (int dep : d.dependsOn[s]) {
          if (!related.contains(dep)) {
            deps.add(dep);
          }
        }
      }
    }
    TextCues.Result cue = cues.at(incidentIndex, inc.narrative());
    double language = cue.external() || cue.noChange() ? rules.externalCauseFactor
        : cue.change() ? 1.0 : rules.noChangeLanguageFactor;

    Map<Integer, Candidate> found = new LinkedHashMap<>();
    explicitCandidates(incidentIndex, onset, related, deps, found);
    // a citation that matches the incident's own services settles it; the same number or
    // version in a dependency is then a coincidence
    if (found.values().stream().anyMatch(c -> related.contains(t.service[c.deploy]))) {
      found.values().removeIf(c -> !related.contains(t.service[c.deploy]));
    }
    for (int s : related) {
      window(s, onset, rules.wSameService, "same service", found);
    }
    String lower = inc.narrative().toLowerCase(Locale.ROOT);
    for (int s : deps) {
      // a dependency the incident names is nearly as likely as the service itself
      String name = d.services.value(s);
      boolean named = GapClassifier.mentions(lower, name);
      window(s, onset, named ? rules.wSameService * 0.9 : rules.wDependency,
          (named ? "named in the incident and " : "") + "a service " + serviceList(related)
              + " depends on", found);
    }
    List<Candidate> out = new ArrayList<>();
    for (Candidate c : found.values()) {
      double score = c.score;
      List<String> reasons = new ArrayList<>(c.reasons);
      if (!c.explicit) {
        score *= language;
        if (cue.change() && !cue.external() && !cue.noChange()) {
          reasons.add("the incident text speaks of a change" + quoted(cue.changeWord()));
        }
        if (cue.external()) {
          reasons.add("the incident text points to a cause outside any change"
              + quoted(cue.externalWord()));
        } else if (cue.noChange()) {
          reasons.add("the incident text says nothing was changed"
              + quoted(cue.noChangeWord()));
        } else if (!cue.change()) {
          reasons.add("the incident text does not speak of a change");
        }
      }
      out.add(new Candidate(c.deploy, Math.max(0, Math.min(1, score)), c.explicit, reasons));
    }
    out.sort(Comparator.comparingDouble(Candidate::score).reversed()
        .thenComparing(c -> -t.time[c.deploy]).thenComparing(c -> t.key[c.deploy]));
    return out;
  }

  /**
   * The links to report: above the threshold and close to the best. When the incident cites a
   * change explicitly, only cited changes are linked: a reference outranks any inference.
   */
  List<Candidate> link(int incidentIndex) {
    List<Candidate> all = candidates(incidentIndex);
    if (all.stream().anyMatch(Candidate::explicit)) {
      all = all.stream().filter(Candidate::explicit).toList();
    }
    List<Candidate> out = new ArrayList<>();
    if (all.isEmpty() || all.get(0).score < rules.minConfidence) {
      return out;
    }
    double top = all.get(0).score;
    Set<Integer> servicesLinked = new HashSet<>();
    for (Candidate c : all) {
      if (out.size() >= rules.maxLinks || c.score < rules.minConfidence
          || c.score < top * rules.relativeCutoff) {
        break;
      }
      // a second link must be another service's change (multi-service incidents), not an
      // older deploy of the same service, and either cited or nearly as likely as the first
      if (!out.isEmpty() && (!servicesLinked.add(t.service[c.deploy])
          || !c.explicit && c.score < top * rules.secondLinkRatio)) {
        continue;
      }
      servicesLinked.add(t.service[c.deploy]);
      out.add(c);
    }
    return out;
  }

  /** Why no link: the best candidate and its score, or that there was none. */
  String noLinkReason(int incidentIndex) {
    List<Candidate> all = candidates(incidentIndex);
    int[] services = d.incidentServices.get(incidentIndex);
    if (all.isEmpty()) {
      if (services.length == 0) {
        return "the incident names no service Rehearsal knows and cites no change";
      }
      return "no production deploy of " + serviceList(services) + " or its dependencies in "
          + "the " + hours(rules.windowMs) + " before onset, and no change cited";
    }
    Candidate best = all.get(0);
    return "the most plausible change (" + describe(best.deploy) + ") scored "
        + String.format(Locale.ROOT, "%.2f", best.score) + ", below the "
        + String.format(Locale.ROOT, "%.2f", rules.minConfidence) + " needed to link";
  }

  private static String quoted(String word) {
    return word.isEmpty() ? "" : " (\"" + word + "\")";
  }

  // ------------------------------------------------------------------ explicit references

  private void explicitCandidates(int incidentIndex, long onset, Set<Integer> related,
      Set<Integer> deps, Map<Integer, Candidate> found) {
    long latest = onset + rules.skewMs;
    for (Ref r : d.incidentRefs.get(incidentIndex)) {
      List<Integer> hits;
      String what;
      switch (r.type()) {
        case SHA:
          hits = byShaPrefix.getOrDefault(r.value(), List.of());
          what = "commit " + r.text();
          break;
        case VERSION:
          // versions repeat across services: the incident's own services first, and a
          // dependency's only when none of its own has that version
          List<Integer> all = byVersion.getOrDefault(r.value(), List.of());
          hits = all.stream().filter(i -> related.contains(t.service[i])).toList();
          if (hits.isEmpty()) {
            hits = all.stream().filter(i -> deps.contains(t.service[i])).toList();
          }
          what = "version " + r.text();
          break;
        case ID:
        case URL:
          hits = new ArrayList<>();
          int[] ids = d.idMatches.get(r.value());
          // PR and merge-request numbers repeat across repositories: only the incident's
          // services and their dependencies count; other ids are unique
          boolean perRepo = r.value().startsWith("pr:") || r.value().startsWith("mr:");
          if (ids != null) {
            for (int i : ids) {
              if (!perRepo || related.contains(t.service[i]) || deps.contains(t.service[i])) {
                hits.add(i);
              }
            }
          }
          what = r.text();
          break;
        case ROLLBACK_TARGET:
          Set<Integer> both = new HashSet<>(related);
          both.addAll(deps);
          rollbackTarget(r, onset, both, found);
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
        double relation = related.contains(t.service[prod]) ? 1.0
            : deps.contains(t.service[prod]) ? 0.9 : 0.85;
        double score = rules.wExplicit * relation * explicitRecency(onset - t.time[prod])
            * statusFactor(prod) * (t.rollback[prod] ? 0.3 : 1.0) * envWeight(prod);
        List<String> reasons = new ArrayList<>();
        reasons.add("the incident cites " + what + (prod == h ? "" : ", staged as "
            + describe(h)));
        reasons.add(describe(prod) + ", " + before(onset - t.time[prod]) + " onset");
        addReasonsForStatus(prod, reasons);
        merge(found, new Candidate(prod, score, true, reasons));
      }
    }
  }

  /** The production deploy that shipped what a staging deploy carried, if any, by onset. */
  private int productionOf(int staged, long latest) {
    int s = t.service[staged];
    for (int e : prodEnvs) {
      int from = t.from(s, e);
      int to = t.to(s, e);
      for (int i = firstAtOrAfter(from, to, t.time[staged]); i < to && t.time[i] <= latest;
          i++) {
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
  private void rollbackTarget(Ref r, long onset, Set<Integer> related,
      Map<Integer, Candidate> found) {
    List<Integer> targets = byVersion.getOrDefault(r.value(), List.of());
    long latest = onset + rules.skewMs;
    for (int target : targets) {
      if (!isProduction(target) || !related.contains(t.service[target])
          || t.time[target] > onset || t.time[target] < onset - rules.explicitWindowMs) {
        continue;
      }
      int s = t.service[target];
      int e = t.env[target];
      for (int i = target + 1; i < t.to(s, e) && t.time[i] <= latest; i++) {
        if (t.version[i] != t.version[target] && t.succeeded(i) && !t.rollback[i]) {
          double score = rules.wExplicit * 0.95 * explicitRecency(onset - t.time[i]);
          List<String> reasons = new ArrayList<>();
          reasons.add("the incident says it " + r.text().strip()
              + ", so the deploy after that version is the suspect");
          reasons.add(describe(i) + ", " + before(onset - t.time[i]) + " onset");
          merge(found, new Candidate(i, score, true, reasons));
          break;
        }
      }
    }
  }

  // ------------------------------------------------------------------ time window

  private void window(int service, long onset, double weight, String relation,
      Map<Integer, Candidate> found) {
    long latest = onset + rules.skewMs;
    long earliest = onset - rules.windowMs;
    for (int e : prodEnvs) {
      int from = t.from(service, e);
      int to = t.to(service, e);
      int last = t.lastAtOrBefore(from, to, latest);
      int intervening = 0;
      for (int i = last; i >= from && t.time[i] >= earliest; i--) {
        if (t.rollback[i] && !t.succeeded(i)) {
          continue;
        }
        long delta = onset - t.time[i];
        double score = weight * recency(delta)
            * Math.pow(rules.interveningFactor, intervening) * statusFactor(i)
            * (t.rollback[i] ? 0.3 : 1.0) * (delta < 0 ? rules.afterOnsetFactor : 1.0)
            * envWeight(i);
        List<String> reasons = new ArrayList<>();
        reasons.add(relation + ": " + describe(i) + ", " + before(delta) + " onset");
        if (intervening > 0) {
          reasons.add(intervening + " later deploy" + (intervening > 1 ? "s" : "")
              + " of " + d.services.value(service) + " landed before onset");
        }
        if (delta < 0) {
          reasons.add("recorded after onset, within the allowed clock skew of "
              + Duration.ofMillis(rules.skewMs).toMinutes() + " min");
        }
        if (t.rollback[i]) {
          reasons.add("it is a rollback, which rarely causes an incident");
        }
        addReasonsForStatus(i, reasons);
        merge(found, new Candidate(i, score, false, reasons));
        // a later deploy counts against earlier ones only if it landed before onset
        if (t.succeeded(i) && !t.rollback[i] && delta >= 0) {
          intervening++;
        }
        if (intervening > 6) {
          break;
        }
      }
    }
  }

  private void addReasonsForStatus(int i, List<String> reasons) {
    DeployStatus s = t.status(i);
    if (s == DeployStatus.FAILED || s == DeployStatus.CANCELLED) {
      reasons.add("the deploy " + s.name().toLowerCase(Locale.ROOT)
          + ", so it may not have changed production");
    }
  }

  private double statusFactor(int i) {
    DeployStatus s = t.status(i);
    return s == DeployStatus.FAILED || s == DeployStatus.CANCELLED ? rules.failedDeployFactor
        : 1.0;
  }

  /** Production counts fully; a canary serves part of the traffic (settings). */
  private double envWeight(int deploy) {
    return rules.environmentWeights.getOrDefault(d.envs.value(t.env[deploy]), 1.0);
  }

  /** A cited change loses little with time; among several, the more recent ranks first. */
  private double explicitRecency(long deltaMs) {
    return 0.85 + 0.15 * recency(deltaMs);
  }

  private double recency(long deltaMs) {
    double hours = Math.max(0, deltaMs) / 3_600_000.0;
    return Math.pow(0.5, hours / rules.halfLifeHours);
  }

  private static void merge(Map<Integer, Candidate> found, Candidate c) {
    Candidate old = found.get(c.deploy);
    if (old == null) {
      found.put(c.deploy, c);
      return;
    }
    Candidate best = c.score > old.score ? c : old;
    Candidate other = best == c ? old : c;
    List<String> reasons = new ArrayList<>(best.reasons);
    for (String r : other.reasons) {
      if (!reasons.contains(r)) {
        reasons.add(r);
      }
    }
    found.put(c.deploy, new Candidate(c.deploy, best.score, best.explicit || other.explicit,
        reasons));
  }

  String describe(int i) {
    String what = t.versionText(i).isEmpty() ? abbreviate(t.shaText(i))
        : t.versionText(i);
    return d.services.value(t.service[i]) + " " + (what.isEmpty() ? "(no version)" : what)
        + " to " + d.envs.value(t.env[i]) + " at " + HM.format(Instant.ofEpochMilli(t.time[i]));
  }

  static String abbreviate(String sha) {
    return sha.length() > 10 ? sha.substring(0, 10) : sha;
  }

  static String before(long deltaMs) {
    long min = Math.abs(deltaMs) / 60_000;
    String amount = min < 90 ? min + " min" : min < 48 * 60 ? (min / 60) + " h"
        : (min / 1440) + " days";
    return deltaMs >= 0 ? amount + " before" : amount + " after";
  }

  private static String hours(long ms) {
    return (ms / 3_600_000) + " h";
  }

  private String serviceList(Set<Integer> ids) {
    return String.join("/", ids.stream().sorted().map(d.services::value).toList());
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
