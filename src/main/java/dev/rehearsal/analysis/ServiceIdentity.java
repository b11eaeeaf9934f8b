package dev.rehearsal.analysis;

import dev.rehearsal.index.ServiceEvidence;
import dev.rehearsal.model.AliasSuggestion;
import dev.rehearsal.model.Reason;
import dev.rehearsal.model.Reason.Code;
import dev.rehearsal.settings.ServiceNames;
import dev.rehearsal.util.Texts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which of the names the tools wrote are one service, without a hand-written alias table. Each tool
 * names a service its own way ("Notifications Fan-out (prod)" in PagerDuty, the repository {@code
 * notif-fanout} in GitHub, "Notifications" in Jira); deploys name the services changes ship to, so
 * every other name is matched to a deploy service, on five kinds of evidence:
 *
 * <ol>
 *   <li><b>The words</b>: names are split into words, decorations dropped (environments such as
 *       "(prod)", priorities such as "[P1]", words such as "service" or "api", the organisation's
 *       prefix that most repositories share), and matched word by word: the same word, a plural, a
 *       word prefix ("notif" of "notifications"), an abbreviation ("recs" of "recommendations"), or
 *       words written together ("fanout" for "fan-out").
 *   <li><b>Shared releases</b>: the versions and commits a name's staging runs tested were shipped
 *       by the service's deploys.
 *   <li><b>Incidents after deploys</b>: a name's incidents begin within a day after the service's
 *       production deploys more often than the service's deploy rate gives by chance.
 *   <li><b>Cited changes</b>: a name's incidents cite commits, versions, pull or merge requests
 *       that only the service's production deploys shipped ({@link CitedServices}), more often than
 *       the service's share of production deploys gives by chance.
 *   <li><b>The service named</b>: a name's incidents write the deploy service's name as a word
 *       ("web-frontend errors" under "[P1] Storefront – production") more often than the other
 *       names' incidents do.
 * </ol>
 *
 * A match applies on its own when it is confident ({@link #CONFIDENT}) and clearly better than the
 * next service ({@link #MARGIN}); weaker ones are suggested for a person to accept. A person's
 * alias table always wins: its names are not inferred.
 */
final class ServiceIdentity {
  /** A suggestion at or above this score, and clearly the best, applies on its own. */
  static final double CONFIDENT = 0.75;

  /** How much better than the next service a confident match must be. */
  static final double MARGIN = 0.1;

  /** Matches below this are not suggested at all. */
  static final double SHOWN = 0.4;

  /** How long after a deploy an incident counts as following it. */
  static final long FOLLOW_WINDOW_MS = 24 * 3_600_000L;

  private static final Set<String> DECORATIONS =
      Set.of(
          // environments
          "prod",
          "production",
          "prd",
          "live",
          "staging",
          "stage",
          "stg",
          "qa",
          "dev",
          "test",
          "canary",
          "preprod",
          "uat",
          "sandbox",
          // priorities and incident words
          "p0",
          "p1",
          "p2",
          "p3",
          "p4",
          "p5",
          "sev",
          "sev0",
          "sev1",
          "sev2",
          "sev3",
          "sev4",
          "sev5",
          "critical",
          "incident",
          "incidents",
          "alert",
          "alerts",
          // what every service is
          "service",
          "services",
          "svc",
          "api",
          "apis",
          "app",
          "apps",
          "application",
          "server",
          "srv",
          "team",
          "the",
          "and",
          "of",
          "for",
          "component",
          "system",
          "backend");

  private ServiceIdentity() {}

  /** One name as the evidence knows it: the names written for it and what they did. */
  private static final class Cluster {
    final String name;
    final Set<String> written = new TreeSet<>();
    final Set<List<String>> words = new LinkedHashSet<>();
    long deploys;
    long incidents;
    long runs;
    long[] deployTimes = new long[0];
    long[] onsets = new long[0];
    final Set<String> releases = new TreeSet<>();
    final Map<String, Long> cites = new TreeMap<>();
    long citing;
    final Map<String, Long> named = new TreeMap<>();
    long read;

    Cluster(String name) {
      this.name = name;
    }

    long uses() {
      return deploys + incidents + runs;
    }
  }

  /**
   * What the evidence suggests, for every name that is not a deploy service's own and not in the
   * person's table: the deploy service it is taken for, with a score and reasons.
   *
   * @param names how names read before any inference (the person's table and normalisation)
   * @param rejected the names a person rejected
   */
  static List<AliasSuggestion> suggest(
      ServiceEvidence e, ServiceNames names, Set<String> rejected) {
    return suggest(e, CitedServices.Counts.NONE, names, rejected);
  }

  /**
   * As {@link #suggest(ServiceEvidence, ServiceNames, Set)}, with what the incidents of each name
   * cite.
   */
  static List<AliasSuggestion> suggest(
      ServiceEvidence e, CitedServices.Counts cited, ServiceNames names, Set<String> rejected) {
    return suggest(e, cited, names, rejected, List.of());
  }

  /**
   * As {@link #suggest(ServiceEvidence, CitedServices.Counts, ServiceNames, Set)}, with the names a
   * person wrote in the settings ({@code declared}: the services of the dependency table): a name
   * no record uses ("web" in {@code "web": ["catalog", "search"]}, where deploys say {@code
   * storefront-web}) is matched by its words alone, so the table reads as the person meant it.
   */
  static List<AliasSuggestion> suggest(
      ServiceEvidence e,
      CitedServices.Counts cited,
      ServiceNames names,
      Set<String> rejected,
      java.util.Collection<String> declared) {
    Map<String, Cluster> clusters = new TreeMap<>();
    for (String written : declared) {
      String name = names.canonical(written);
      if (!name.isEmpty()) {
        clusters.computeIfAbsent(name, Cluster::new).written.add(written);
      }
    }
    Set<String> personal = names.aliases().keySet();
    for (var u : e.uses().entrySet()) {
      String written = u.getKey();
      String name = names.canonical(written);
      if (name.isEmpty()) {
        continue;
      }
      Cluster c = clusters.computeIfAbsent(name, Cluster::new);
      c.written.add(written);
      c.deploys += u.getValue().getOrDefault("deploy", 0L);
      c.incidents += u.getValue().getOrDefault("incident", 0L);
      c.runs += u.getValue().getOrDefault("run", 0L);
      c.deployTimes = merge(c.deployTimes, e.productionDeploys().get(written));
      c.onsets = merge(c.onsets, e.incidentOnsets().get(written));
      c.releases.addAll(e.runReleases().getOrDefault(written, Set.of()));
      c.citing += cited.citing().getOrDefault(written, 0L);
      cited
          .cites()
          .getOrDefault(written, Map.of())
          .forEach((k, v) -> c.cites.merge(k, v, Long::sum));
      c.read += cited.incidents().getOrDefault(written, 0L);
      cited
          .named()
          .getOrDefault(written, Map.of())
          .forEach((k, v) -> c.named.merge(k, v, Long::sum));
    }
    Set<String> organisation = organisationWords(clusters.values());
    for (Cluster c : clusters.values()) {
      for (String w : c.written) {
        c.words.add(words(w, organisation));
      }
      c.words.add(words(c.name, organisation));
    }
    List<Cluster> deployed = clusters.values().stream().filter(c -> c.deploys > 0).toList();
    long span = span(clusters.values());
    long productionDeploys = 0;
    for (Cluster d : deployed) {
      productionDeploys += d.deployTimes.length;
    }
    // how often the incidents of all names name each deploy service, for chance
    Map<String, Long> namedAll = new TreeMap<>();
    long readAll = 0;
    for (Cluster c : clusters.values()) {
      c.named.forEach((k, v) -> namedAll.merge(k, v, Long::sum));
      readAll += c.read;
    }
    Totals totals = new Totals(span, productionDeploys, namedAll, readAll);

    List<AliasSuggestion> out = new ArrayList<>();
    for (Cluster c : clusters.values()) {
      if (personal.contains(c.name)
          || c.written.stream().anyMatch(w -> personal.contains(Texts.slug(w)))) {
        continue; // the person's table decides this name
      }
      if (c.deploys > 0 && !isDuplicateDeployName(c, deployed)) {
        continue; // a deploy service is its own name
      }
      List<Scored> scored = new ArrayList<>();
      for (Cluster d : deployed) {
        if (d == c) {
          continue;
        }
        scored.add(score(c, d, e, totals));
      }
      scored.sort(
          Comparator.comparingDouble(Scored::score)
              .reversed()
              .thenComparing(s -> -s.to().uses())
              .thenComparing(s -> s.to().name));
      if (scored.isEmpty() || scored.get(0).score() < SHOWN) {
        continue;
      }
      Scored best = scored.get(0);
      double second = scored.size() > 1 ? scored.get(1).score() : 0;
      List<Reason> reasons = new ArrayList<>(best.reasons());
      if (second > 0 && best.score() - second < MARGIN) {
        reasons.add(
            Reason.of(
                Code.AMBIGUOUS_NAME, "other", scored.get(1).to().name, "score", round(second)));
      }
      boolean confident = best.score() >= CONFIDENT && best.score() - second >= MARGIN;
      AliasSuggestion.Status status =
          rejected.contains(c.name)
              ? AliasSuggestion.Status.REJECTED
              : confident ? AliasSuggestion.Status.APPLIED : AliasSuggestion.Status.SUGGESTED;
      out.add(
          new AliasSuggestion(
              c.name,
              List.copyOf(c.written),
              best.to().name,
              round(best.score()),
              reasons,
              status));
    }
    return out;
  }

  /**
   * A deploy service whose name is another, busier deploy service's written differently (the
   * repository and the Heroku app of one service) is matched like any other name.
   */
  private static boolean isDuplicateDeployName(Cluster c, List<Cluster> deployed) {
    for (Cluster d : deployed) {
      if (d != c && d.deploys > c.deploys && sameWordsJoined(c, d)) {
        return true;
      }
    }
    return false;
  }

  private static boolean sameWordsJoined(Cluster a, Cluster b) {
    for (List<String> x : a.words) {
      for (List<String> y : b.words) {
        if (!x.isEmpty() && String.join("", x).equals(String.join("", y))) {
          return true;
        }
      }
    }
    return false;
  }

  /** A name's score against a deploy service, with the reasons. */
  private record Scored(Cluster to, double score, List<Reason> reasons) {}

  /**
   * What every name's evidence adds up to: the time the records span, the production deploys, how
   * many incidents name each deploy service (raw name) and how many incidents were read.
   */
  private record Totals(long span, long productionDeploys, Map<String, Long> named, long read) {}

  private static Scored score(Cluster c, Cluster d, ServiceEvidence e, Totals totals) {
    long span = totals.span();
    long productionDeploys = totals.productionDeploys();
    List<Reason> reasons = new ArrayList<>();
    // the words
    double words = 0;
    String how = "";
    for (List<String> a : c.words) {
      for (List<String> b : d.words) {
        Match m = match(a, b);
        if (m.score() > words) {
          words = m.score();
          how = m.how();
        }
      }
    }
    if (words > 0) {
      reasons.add(
          Reason.of(
              Code.NAME_MATCH,
              "name",
              c.name,
              "service",
              d.name,
              "how",
              how,
              "score",
              round(words)));
    }
    // releases the name's runs tested that the service's deploys shipped
    double releases = 0;
    if (!c.releases.isEmpty()) {
      long shared = 0;
      for (String r : c.releases) {
        Set<String> by = e.deployServicesByRelease().getOrDefault(r, Set.of());
        for (String w : d.written) {
          if (by.contains(w)) {
            shared++;
            break;
          }
        }
      }
      if (shared > 0) {
        double share = (double) shared / c.releases.size();
        // a handful of shared releases can be chance ("1.0.0" is everyone's)
        releases = share * Math.min(1.0, shared / 5.0);
        reasons.add(Reason.of(Code.SHARED_RELEASES, "shared", shared, "of", c.releases.size()));
      }
    }
    // incidents that follow the service's deploys more often than its deploy rate gives
    double follows = 0;
    if (c.onsets.length >= 10 && d.deployTimes.length > 0 && span > 0) {
      long followed = 0;
      for (long onset : c.onsets) {
        if (deployWithin(d.deployTimes, onset - FOLLOW_WINDOW_MS, onset)) {
          followed++;
        }
      }
      double rate = (double) d.deployTimes.length / span;
      double expected = 1 - Math.exp(-rate * FOLLOW_WINDOW_MS);
      follows = beyondChance(followed, c.onsets.length, expected);
      if (follows > 0) {
        reasons.add(
            Reason.of(
                Code.FOLLOWS_DEPLOYS,
                "followed",
                followed,
                "of",
                c.onsets.length,
                "expected",
                round(expected)));
      }
    }
    // incidents that cite changes only this service shipped
    double cites = 0;
    long citedHere = 0;
    for (String w : d.written) {
      citedHere += c.cites.getOrDefault(w, 0L);
    }
    if (citedHere >= 2 && c.citing > 0) {
      // most of its citations point at the service...
      double share = Math.min(1.0, (double) citedHere / c.citing);
      double most = share * Math.min(1.0, citedHere / 3.0);
      // ...or far more of them than chance would: a citation that picked one of the workspace's
      // production deploys at random would land on this service's in proportion to how often it
      // ships. Incidents caused upstream cite other services' changes, so a name's share stays
      // well under one even when it is plainly this service; measured against chance, as the
      // incidents that follow deploys are
      double chance = productionDeploys > 0 ? (double) d.deployTimes.length / productionDeploys : 0;
      double expected = c.citing * chance;
      cites = Math.max(most, beyondChance(citedHere, c.citing, chance));
      reasons.add(
          Reason.of(
              Code.CITES_CHANGES, "cited", citedHere, "of", c.citing, "expected", round(expected)));
    }
    // incidents that name the service in their words ("web-frontend errors" filed under
    // "[P1] Storefront – production") more often than the other names' incidents do: incidents
    // caused upstream name the upstream service too, so the share alone says little
    double named = 0;
    long namedHere = 0;
    long namedAll = 0;
    for (String w : d.written) {
      namedHere += c.named.getOrDefault(w, 0L);
      namedAll += totals.named().getOrDefault(w, 0L);
    }
    if (namedHere >= 3 && c.read > 0) {
      double chance = (namedAll - namedHere + 1.0) / (totals.read() - c.read + 2.0);
      double expected = c.read * chance;
      named = beyondChance(namedHere, c.read, chance);
      if (named > 0) {
        reasons.add(
            Reason.of(
                Code.NAMED_IN_INCIDENTS,
                "named",
                namedHere,
                "of",
                c.read,
                "expected",
                round(expected)));
      }
    }
    // independent kinds of evidence combine like independent witnesses
    double score =
        1
            - (1 - words)
                * (1 - 0.9 * releases)
                * (1 - 0.6 * follows)
                * (1 - 0.95 * cites)
                * (1 - 0.8 * named);
    return new Scored(d, score, reasons);
  }

  /**
   * How far {@code observed} of {@code n} lies above what chance ({@code p} each) gives, as
   * evidence in [0, 1]: nothing up to three standard deviations above, all of it at eight.
   */
  static double beyondChance(long observed, long n, double p) {
    double sd = Math.sqrt(n * p * (1 - p));
    double z = sd > 0 ? (observed - n * p) / sd : 0;
    return Math.max(0, Math.min(1, (z - 3) / 5));
  }

  /** Whether a deploy happened in (from, to]. */
  private static boolean deployWithin(long[] times, long from, long to) {
    int lo = 0;
    int hi = times.length - 1;
    int last = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (times[mid] <= to) {
        last = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return last >= 0 && times[last] > from;
  }

  // ------------------------------------------------------------------ words

  /** How two names' words match: a score in [0, 1] and how, in words. */
  record Match(double score, String how) {}

  /**
   * Matches the words of the shorter name to the longer's, each word used once: the average of the
   * shorter's matches, less a tenth for each of the longer's words left over.
   */
  static Match match(List<String> a, List<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return new Match(0, "");
    }
    if (String.join("", a).equals(String.join("", b))) {
      return new Match(1.0, a.equals(b) ? "the same words" : "the same words, written together");
    }
    List<String> shorter = a.size() <= b.size() ? a : b;
    List<String> longer = a.size() <= b.size() ? b : a;
    boolean[] used = new boolean[longer.size()];
    double sum = 0;
    int matched = 0;
    double bestWord = 0;
    Set<String> hows = new LinkedHashSet<>();
    for (String w : shorter) {
      double best = 0;
      int bestAt = -1;
      int bestLength = 1;
      String bestHow = "";
      for (int i = 0; i < longer.size(); i++) {
        for (int len = 1; len <= 3 && i + len <= longer.size(); len++) {
          boolean free = true;
          for (int k = i; k < i + len; k++) {
            free &= !used[k];
          }
          if (!free) {
            continue;
          }
          String other = String.join("", longer.subList(i, i + len));
          Match m = len == 1 ? word(w, other) : joined(w, other);
          if (m.score() > best) {
            best = m.score();
            bestAt = i;
            bestLength = len;
            bestHow = m.how();
          }
        }
      }
      if (bestAt >= 0) {
        for (int k = bestAt; k < bestAt + bestLength; k++) {
          used[k] = true;
        }
        sum += best;
        hows.add(bestHow);
        matched++;
        bestWord = Math.max(bestWord, best);
      }
    }
    int leftOver = 0;
    for (boolean u : used) {
      leftOver += u ? 0 : 1;
    }
    double average = sum / shorter.size() * Math.pow(0.9, leftOver);
    // one word in common that the rest does not contradict ("Pricing Engine" and pricing-rules):
    // the shared word, less a little for every word on either side that found no partner
    int unmatched = leftOver + shorter.size() - matched;
    double oneWord = bestWord * Math.pow(0.92, unmatched);
    return average >= oneWord
        ? new Match(average, String.join(", ", hows))
        : new Match(oneWord, String.join(", ", hows) + ", other words aside");
  }

  private static Match joined(String w, String together) {
    return w.equals(together) ? new Match(1.0, "words written together") : new Match(0, "");
  }

  /** Two single words. */
  static Match word(String a, String b) {
    if (a.equals(b)) {
      return new Match(1.0, "the same word");
    }
    String s = a.length() <= b.length() ? a : b;
    String l = a.length() <= b.length() ? b : a;
    if (l.equals(s + "s")
        || l.equals(s + "es")
        || s.endsWith("y") && l.equals(s.substring(0, s.length() - 1) + "ies")) {
      return new Match(0.95, "singular and plural");
    }
    if (s.length() >= 3 && l.startsWith(s)) {
      return new Match(0.85, "a word's beginning");
    }
    int common = 0;
    while (common < s.length() && s.charAt(common) == l.charAt(common)) {
      common++;
    }
    if (common >= 5 && common >= 0.6 * s.length()) {
      return new Match(0.8, "the same stem");
    }
    if (s.length() >= 3 && s.charAt(0) == l.charAt(0) && subsequence(s, l)) {
      return new Match(0.7, "an abbreviation");
    }
    return new Match(0, "");
  }

  private static boolean subsequence(String s, String l) {
    int j = 0;
    for (int i = 0; i < l.length() && j < s.length(); i++) {
      if (l.charAt(i) == s.charAt(j)) {
        j++;
      }
    }
    return j == s.length();
  }

  /**
   * A name's words: split at anything not a letter or digit and at camelCase, decorations out; of a
   * repository path ("discovery/recs-engine", no spaces) only the repository, since the group or
   * owner before it is shared by many services.
   */
  static List<String> words(String name, Set<String> organisation) {
    String own = name;
    if (name.indexOf('/') > 0
        && !name.isBlank()
        && name.chars().noneMatch(Character::isWhitespace)) {
      own = name.substring(name.lastIndexOf('/') + 1);
    }
    String spaced = own.replaceAll("([a-z0-9])([A-Z])", "$1 $2");
    List<String> out = new ArrayList<>();
    for (String w : spaced.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (!w.isEmpty() && !DECORATIONS.contains(w) && !organisation.contains(w)) {
        out.add(w);
      }
    }
    return out;
  }

  /**
   * The organisation's own prefix: a word that begins most of the deploy services' written names
   * ("acme" of {@code acme/checkout} and {@code acme-payments-prod}).
   */
  private static Set<String> organisationWords(java.util.Collection<Cluster> clusters) {
    Map<String, Integer> first = new HashMap<>();
    int names = 0;
    for (Cluster c : clusters) {
      if (c.deploys == 0) {
        continue;
      }
      for (String w : c.written) {
        List<String> ws = words(w, Set.of());
        if (ws.size() >= 2) {
          first.merge(ws.get(0), 1, Integer::sum);
        }
        names++;
      }
    }
    Set<String> out = new LinkedHashSet<>();
    for (var e : first.entrySet()) {
      if (e.getValue() >= 3 && e.getValue() >= 0.4 * names) {
        out.add(e.getKey());
      }
    }
    return out;
  }

  private static long[] merge(long[] a, long[] b) {
    if (b == null || b.length == 0) {
      return a;
    }
    long[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    Arrays.sort(out);
    return out;
  }

  private static long span(java.util.Collection<Cluster> clusters) {
    long from = Long.MAX_VALUE;
    long to = Long.MIN_VALUE;
    for (Cluster c : clusters) {
      for (long[] t : new long[][] {c.deployTimes, c.onsets}) {
        if (t.length > 0) {
          from = Math.min(from, t[0]);
          to = Math.max(to, t[t.length - 1]);
        }
      }
    }
    return to > from ? to - from : 0;
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }

  /** Suggestions that apply, as a table: name to service. */
  static Map<String, String> applied(List<AliasSuggestion> suggestions) {
    Map<String, String> out = new LinkedHashMap<>();
    for (AliasSuggestion s : suggestions) {
      if (s.applied()) {
        out.put(s.name(), s.service());
      }
    }
    return out;
  }
}
