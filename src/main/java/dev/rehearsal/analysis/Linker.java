package dev.rehearsal.analysis;

import dev.rehearsal.analysis.References.Ref;
import dev.rehearsal.index.text.IncidentText;
import dev.rehearsal.model.DeployStatus;
import dev.rehearsal.model.Evidence;
import dev.rehearsal.model.Reason;
import dev.rehearsal.model.Reason.Code;
import dev.rehearsal.model.Review;
import dev.rehearsal.settings.ServiceNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
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
 *       staging deploy carried); "rolled back to v1.2" (or "redeployed v1.2") points at the first
 *       deploy after v1.2. When the incident's own services have a cited change, cited changes of
 *       other services are coincidences and are dropped. An incident filed under a name no deploy
 *       uses may cite a version of whichever service shipped it, when only one did in the window.
 *   <li><b>The time window</b> ({@link #window}): every production deploy of the incident's
 *       services, and of the services they depend on, in the hours before onset (further when the
 *       workspace's incidents surface later); the score falls with the time from deploy to onset as
 *       the workspace's own incidents whose change is known fell ({@link #calibrate}, {@link
 *       LagModel}), and each later deploy in between multiplies it by {@code
 *       interveningChangeFactor}.
 *   <li><b>Rollbacks during the incident</b> ({@link #rolledBack}): a production rollback while the
 *       incident was open points at the first deploy after the version it went back to.
 *   <li><b>The incident's words</b>: talk of a change keeps a non-cited candidate's score, talk of
 *       an outside cause or of nothing changed lowers it, silence lowers it less; a change cited
 *       only to be ruled out ("abc1234 was ruled out") is lowered by {@code ruledOutFactor}.
 *   <li><b>Choosing</b> ({@link #link}): a cited change is linked when it reaches {@code
 *       minConfidence}, and when any change is cited only cited changes are linked; otherwise the
 *       best candidate is linked when it reaches the threshold set for {@code targetPrecision} on
 *       the incidents whose change is known ({@link #calibrate}). A second link must be another
 *       service's change, cited or nearly as likely as the first.
 *   <li><b>Suspects by time</b> ({@link #suspectByTime}): when nothing is linked, the last deploy
 *       of the incident's own service that shipped by onset (not a deploy landing in the clock skew
 *       after it), with nothing shipped after it, is linked with its own, lower score, marked as a
 *       suspect by time alone, when the lag and the incident's own words ({@link ChangeTalk}) speak
 *       for it and nothing speaks against it.
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
    NAMED_UPSTREAM,
    /** A service the incident names, neither its own nor one they are known to depend on. */
    NAMED
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
      int rolledBackBy,
      String ruledOut) {

    static Why of(Relation relation, int intervening) {
      return intervening < PLAIN[relation.ordinal()].length
          ? PLAIN[relation.ordinal()][intervening]
          : new Why(List.of(), -1, null, relation, intervening, -1, null);
    }

    /**
     * The reasons of a deploy in the window, by relation and later deploys in between (a window
     * looks back past at most seven): made once, as every incident's window holds them.
     */
    private static final Why[][] PLAIN = new Why[Relation.values().length][8];

    static {
      for (Relation r : Relation.values()) {
        for (int k = 0; k < PLAIN[r.ordinal()].length; k++) {
          PLAIN[r.ordinal()][k] = new Why(List.of(), -1, null, r, k, -1, null);
        }
      }
    }

    static Why cited(Cite cite, int stagedAs) {
      return new Why(List.of(cite), stagedAs, null, Relation.NONE, 0, -1, null);
    }

    /** These reasons, and that the incident rules the change out in these words. */
    Why ruledOut(String words) {
      return new Why(cited, stagedAs, rollbackPhrase, relation, intervening, rolledBackBy, words);
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
          rolledBackBy >= 0 ? rolledBackBy : other.rolledBackBy,
          ruledOut != null ? ruledOut : other.ruledOut);
    }
  }

  /**
   * A candidate deploy with its score, whether it is cited, whether it is linked as a suspect by
   * time alone ({@link #suspectByTime}), and why.
   */
  record Candidate(int deploy, double score, boolean explicit, boolean byTimeAlone, Why why) {
    Candidate(int deploy, double score, boolean explicit, Why why) {
      this(deploy, score, explicit, false, why);
    }

    Candidate asSuspectByTime() {
      return new Candidate(deploy, score, explicit, true, why);
    }
  }

  private final AnalysisData d;
  private final DeployTable t;
  private final Rules rules;
  private final int[] productionEnvs;
  private final double[] envWeight;
  private final CitedDeploys cited;
  private final TextCues cues;

  /**
   * {@code interveningFactor} to the power of 0 to 7: what each later deploy before onset takes
   * from an earlier one's score (a window looks back past at most seven).
   */
  private final double[] interveningPower = new double[8];

  /** Each incident's text reason, once worked out (see {@link #textReason}). */
  private final Reason[] textReasons;

  /** Rollbacks: those the tools recorded, and those inferred ({@link #inferRollbacks}). */
  private final boolean[] rollback;

  /**
   * Per incident that has any: its citations the rules of {@link References} did not rule out but
   * that are read as set aside, with why: a word this workspace learned ({@link RuleOutWords}), or
   * the wording of the citing sentence ({@link RuleOutModel}); see {@link #calibrate}.
   */
  private Map<Integer, Map<Ref, SetAside>> setAside = Map.of();

  /** Whether a rollback was inferred, not recorded. */
  private final boolean[] inferredRollback;

  /**
   * How long after their change this workspace's incidents begin ({@link #calibrate}); until then
   * the prior alone.
   */
  private LagModel lag;

  /** How far back before onset the time window looks: the setting, or the learned lags' reach. */
  private long windowMs;

  /** The score a link needs ({@link #calibrate}); until then {@code minConfidence}. */
  private double threshold;

  /** How many incidents the threshold was set on; 0 when it is the setting. */
  private int calibratedOn;

  /**
   * Among the known incidents replayed, how many would have had a suspect by time, and in how many
   * it was the cause.
   */
  private int suspectsWeighed;

  private int suspectsRight;

  /**
   * Whether the time since a service's last deploy speaks for that deploy ({@link SuspectOdds}).
   */
  private SuspectOdds odds;

  /**
   * How much each incident's own words say a change caused it, learned from those that cite their
   * change ({@link #calibrate}, {@link ChangeTalk}); until then nothing.
   */
  private ChangeTalk talk = ChangeTalk.NONE;

  /** For each incident: the services its text names, ascending ({@link #readLanguage}). */
  private int[][] namesOf = new int[0][];

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
    this.textReasons = new Reason[d.incidents.size()];
    for (int k = 0; k < interveningPower.length; k++) {
      interveningPower[k] = Math.pow(rules.interveningFactor, k);
    }
    this.lag = LagModel.of(new long[0], rules.halfLifeHours);
    this.windowMs = rules.windowMs;
    this.threshold = rules.minConfidence;
    this.rollback = t.rollback.clone();
    this.inferredRollback = new boolean[t.size];
    inferRollbacks();
    this.cited = new CitedDeploys(t, d.services.size(), d.incidentRefs);
  }

  /** The odds of suspects by time, worked out when first needed (calibrating works them out). */
  private SuspectOdds odds() {
    if (odds == null) {
      odds = suspectOdds();
    }
    return odds;
  }

  /**
   * The odds of suspects by time: each service's successful production deploys, and for each
   * incident that cites nothing the time since its own services' last such deploy.
   */
  private SuspectOdds suspectOdds() {
    long end = Long.MIN_VALUE;
    long[][] times = new long[d.services.size()][];
    for (int s = 0; s < times.length; s++) {
      int n = 0;
      for (int e : productionEnvs) {
        n += Math.max(0, t.to(s, e) - t.from(s, e));
      }
      long[] own = new long[n];
      n = 0;
      for (int e : productionEnvs) {
        for (int i = t.from(s, e); i < t.to(s, e); i++) {
          if (t.succeeded(i)) {
            own[n++] = t.time[i];
          }
        }
      }
      times[s] = Arrays.copyOf(own, n);
      Arrays.sort(times[s]);
      if (times[s].length > 0) {
        end = Math.max(end, times[s][times[s].length - 1]);
      }
    }
    List<long[]> weigh = new ArrayList<>(); // {lag, service}
    for (int i = 0; i < d.incidents.size(); i++) {
      long onset = d.incidents.get(i).startedAt().toEpochMilli();
      end = Math.max(end, onset);
      if (!d.incidentRefs.get(i).isEmpty()) {
        continue;
      }
      long latest = Long.MIN_VALUE;
      int service = -1;
      for (int s : d.incidentServices.get(i)) {
        long[] own = s >= 0 && s < times.length ? times[s] : new long[0];
        int k = Arrays.binarySearch(own, onset);
        int last = k >= 0 ? lastOf(own, k) : -k - 2;
        if (last >= 0 && own[last] > latest) {
          latest = own[last];
          service = s;
        }
      }
      if (service >= 0) {
        weigh.add(new long[] {onset - latest, service});
      }
    }
    return SuspectOdds.of(
        times,
        end,
        windowMs,
        weigh.stream().mapToLong(w -> w[0]).toArray(),
        weigh.stream().mapToInt(w -> (int) w[1]).toArray());
  }

  private static int lastOf(long[] sorted, int k) {
    while (k + 1 < sorted.length && sorted[k + 1] == sorted[k]) {
      k++;
    }
    return k;
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
    Map<String, List<String>> names = namesByService(d.names);
    BitSet[] namedBy =
        IntStream.range(0, d.services.size())
            .parallel()
            .mapToObj(
                svc ->
                    incidentsNaming(
                        text,
                        names.getOrDefault(d.services.value(svc), List.of(d.services.value(svc)))))
            .toArray(BitSet[]::new);
    namesOf = servicesNamed(namedBy, d.incidents.size());
  }

  /** For each incident, the services whose incidents ({@code namedBy}) hold it, ascending. */
  private static int[][] servicesNamed(BitSet[] namedBy, int incidents) {
    int[] count = new int[incidents];
    for (BitSet b : namedBy) {
      for (int i = b.nextSetBit(0); i >= 0 && i < incidents; i = b.nextSetBit(i + 1)) {
        count[i]++;
      }
    }
    int[][] out = new int[incidents][];
    for (int i = 0; i < incidents; i++) {
      out[i] = new int[count[i]];
      count[i] = 0;
    }
    for (int s = 0; s < namedBy.length; s++) {
      BitSet b = namedBy[s];
      for (int i = b.nextSetBit(0); i >= 0 && i < incidents; i = b.nextSetBit(i + 1)) {
        out[i][count[i]++] = s;
      }
    }
    return out;
  }

  /**
   * The names a service goes by, as phrases to look for in an incident's words: its own, and every
   * name the person's alias table or the inferred names read as it ("Site Search" for {@code
   * srch}).
   */
  static Map<String, List<String>> namesByService(ServiceNames names) {
    Map<String, List<String>> out = new HashMap<>();
    java.util.function.BiConsumer<String, String> add =
        (name, service) -> {
          if (!name.isBlank() && !service.isBlank()) {
            List<String> l = out.computeIfAbsent(service, k -> new ArrayList<>(List.of(k)));
            if (!l.contains(name)) {
              l.add(name);
            }
          }
        };
    names.aliases().forEach(add);
    names.inferred().forEach(add);
    return out;
  }

  private static BitSet incidentsNaming(IncidentText text, List<String> names) {
    List<String> phrases = new ArrayList<>();
    for (String n : names) {
      if (!n.isBlank()) {
        phrases.add(n.replace('-', ' '));
      }
    }
    if (phrases.isEmpty()) {
      return new BitSet();
    }
    try {
      return text.matchingAny(phrases, 0, List.of());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ------------------------------------------------------------------ calibration

  /** Fewer known incidents than this and the threshold stays {@code minConfidence}. */
  static final int MIN_CALIBRATION = 30;

  /** At most this many known incidents are replayed to set the threshold (evenly spread). */
  static final int MAX_CALIBRATION = 5_000;

  /** The threshold never leaves these bounds, however the known incidents fall. */
  static final double LOWEST_THRESHOLD = 0.3;

  static final double HIGHEST_THRESHOLD = 0.95;

  /** An incident whose cause is known: the deploys that caused it (none: no change did). */
  private record Known(int incident, Set<Integer> causes) {}

  /**
   * Learns from the incidents whose change is known, before linking: those a person reviewed, and
   * those that cite a production deploy of their own service. Their lags from change to onset
   * become the recency curve ({@link LagModel}, with the settings as a prior) and widen the window
   * when they reach further than it. Then each is linked again as if it cited nothing, and the
   * threshold is set to the lowest score at which those links would have been right at least {@code
   * targetPrecision} of the time.
   */
  void calibrate(Map<String, Review> reviews) {
    setAside = setAside(learnSetAsideWords(reviews));
    List<Known> known = knownIncidents(reviews);
    talk = learnChangeTalk(known);
    List<Long> lags = new ArrayList<>();
    for (Known k : known) {
      long onset = d.incidents.get(k.incident()).startedAt().toEpochMilli();
      int[] own = d.incidentServices.get(k.incident());
      for (int deploy : k.causes()) {
        long delta = onset - t.time[deploy];
        if (delta >= 0 && contains(own, t.service[deploy])) {
          lags.add(delta);
        }
      }
    }
    lag = LagModel.of(lags.stream().mapToLong(Long::longValue).toArray(), rules.halfLifeHours);
    if (lag.samples() >= LagModel.PRIOR_WEIGHT) {
      windowMs = Math.max(rules.windowMs, Math.min(rules.explicitWindowMs, lag.quantile(0.95)));
    }
    odds = suspectOdds();
    setThreshold(known);
  }

  /**
   * Learns the words with which this workspace's incidents cite a change only to set it aside
   * ({@link RuleOutWords}), from the citations whose fate is on record: a reviewer's links, or a
   * production rollback of the cited change's service during the incident (what it went back past
   * was suspected; what it kept was not).
   */
  private RuleOutWords learnSetAsideWords(Map<String, Review> reviews) {
    Map<String, Integer> rows = reviewedDeployRows(reviews);
    List<RuleOutWords.Example> examples = new ArrayList<>();
    List<RuleOutWords.Reviewed> decided = new ArrayList<>();
    List<Set<String>> allCitations = new ArrayList<>();
    for (int i = 0; i < d.incidents.size(); i++) {
      Map<Ref, Set<String>> citations = citationWords(i);
      // each sentence once, however many handles it holds
      allCitations.addAll(new LinkedHashSet<>(citations.values()));
      if (citations.isEmpty()) {
        continue;
      }
      AnalysedIncident inc = d.incidents.get(i);
      long onset = inc.startedAt().toEpochMilli();
      int[] own = d.incidentServices.get(i);
      Review review = reviews.get(inc.key());
      // the deploys on record as suspected: the reviewer's, or those a rollback during the
      // incident went back past (each later deploy of a service after the first one it did)
      Set<Integer> suspected = new java.util.HashSet<>();
      Map<Integer, Long> rolledBackFrom = new HashMap<>();
      boolean reviewed = review != null && review.deployKeys() != null;
      if (reviewed) {
        review.deployKeys().stream().map(rows::get).filter(x -> x != null).forEach(suspected::add);
      } else {
        long until = rollbacksUntil(i, onset);
        for (int s : own) {
          for (Candidate c : rolledBack(s, onset, until, 1.0, Relation.SAME_SERVICE)) {
            rolledBackFrom.merge(t.service[c.deploy()], t.time[c.deploy()], Math::min);
          }
        }
        if (rolledBackFrom.isEmpty()) {
          continue;
        }
      }
      for (var citation : citations.entrySet()) {
        // one fate per citation: a suspect when any change it points at was suspected, set
        // aside when every one whose fate is on record was kept
        int kept = 0;
        int suspects = 0;
        for (int[] hit :
            productionDeploysCited(citation.getKey(), onset, own, dependenciesOf(own))) {
          int cited = hit[0];
          Long from = rolledBackFrom.get(t.service[cited]);
          if (suspected.contains(cited) || from != null && t.time[cited] >= from) {
            suspects++;
          } else if (reviewed || from != null) {
            kept++;
          }
        }
        if (suspects + kept > 0) {
          examples.add(new RuleOutWords.Example(citation.getValue(), suspects == 0));
          // a title points at the changes that carry it, which need not be the one the
          // responders meant: a reviewer's other link says less of its sentence than of a
          // commit's, a version's or a PR's
          if (reviewed && !citation.getKey().title()) {
            decided.add(new RuleOutWords.Reviewed(citation.getValue(), suspects == 0, i));
          }
        }
      }
    }
    return RuleOutWords.learn(examples, allCitations).withReviewed(decided);
  }

  /**
   * An incident's citations of a change (not those {@link References} marks as ruled out, nor
   * rollback targets), each with the words of the sentence that holds it.
   */
  private Map<Ref, Set<String>> citationWords(int incident) {
    Map<Ref, Set<String>> out = new LinkedHashMap<>();
    for (Ref r : d.incidentRefs.get(incident)) {
      if (!r.negated() && r.type() != References.Type.ROLLBACK_TARGET) {
        out.put(r, RuleOutWords.sentenceWords(d.incidents.get(incident).narrative(), r.text()));
      }
    }
    return out;
  }

  /**
   * Each incident's citations read as set aside, found once: first by the words this workspace
   * learned, then by how the citing sentence is written.
   */
  private Map<Integer, Map<Ref, SetAside>> setAside(RuleOutWords learned) {
    RuleOutModel model = RuleOutModel.shipped();
    // incidents are independent: read them in parallel, as they are linked
    Map<Integer, Map<Ref, SetAside>> out = new java.util.concurrent.ConcurrentHashMap<>();
    IntStream.range(0, d.incidents.size())
        .parallel()
        .filter(i -> !d.incidentRefs.get(i).isEmpty())
        .forEach(
            i -> {
              String narrative = d.incidents.get(i).narrative();
              Map<Ref, SetAside> found = new HashMap<>();
              for (var citation : citationWords(i).entrySet()) {
                SetAside why = learned.match(citation.getValue());
                if (why == null && !citation.getKey().title()) {
                  why = learned.like(citation.getValue(), i);
                }
                if (why == null) {
                  why =
                      model.read(RuleOutModel.citingSentence(narrative, citation.getKey().text()));
                }
                if (why != null) {
                  found.put(citation.getKey(), why);
                }
              }
              if (!found.isEmpty()) {
                out.put(i, found);
              }
            });
    return out;
  }

  /**
   * Why a citation is read as set aside when no rule of {@link References} already marked it: a
   * word this workspace learned, or the wording of its sentence; null when it is not.
   */
  private SetAside setAsideBy(int incident, Ref r) {
    return setAside.getOrDefault(incident, Map.of()).get(r);
  }

  /**
   * Learns how this workspace's incidents speak of the changes that caused them ({@link
   * ChangeTalk}): from the incidents whose change is known, against those that cite nothing.
   */
  private ChangeTalk learnChangeTalk(List<Known> known) {
    Set<Integer> knownCaused = new java.util.HashSet<>();
    for (Known k : known) {
      if (!k.causes().isEmpty()) {
        knownCaused.add(k.incident());
      }
    }
    List<Integer> caused = new ArrayList<>();
    List<Integer> others = new ArrayList<>();
    for (int i = 0; i < d.incidents.size(); i++) {
      if (knownCaused.contains(i)) {
        caused.add(i);
      } else if (d.incidentRefs.get(i).stream().allMatch(Ref::negated)) {
        // an incident that cites a change but is not known either way is neither
        others.add(i);
      }
    }
    Set<String> names = new java.util.HashSet<>();
    for (int s = 0; s < d.services.size(); s++) {
      names.addAll(ChangeTalk.nameWords(d.services.value(s)));
    }
    // texts read as they are learned from (at most a few thousand of each side are)
    return ChangeTalk.learn(ownWordsOf(caused), ownWordsOf(others), names);
  }

  /** The incidents' own words ({@link #ownWords}), each read when asked for. */
  private List<String> ownWordsOf(List<Integer> incidents) {
    return new java.util.AbstractList<>() {
      @Override
      public String get(int k) {
        return ownWords(incidents.get(k));
      }

      @Override
      public int size() {
        return incidents.size();
      }
    };
  }

  /**
   * How much likelier the incident's own words are among incidents a change caused ({@link
   * ChangeTalk#ratio}); call only when words were learned.
   */
  private double wordsRatio(int incident) {
    return talk.ratio(ownWords(incident));
  }

  /** The incident's text without the sentences that cite a change or rule one out. */
  private String ownWords(int incident) {
    return ChangeTalk.withoutSentencesHolding(
        d.incidents.get(incident).narrative(),
        d.incidentRefs.get(incident).stream().map(Ref::text).toList());
  }

  /**
   * The incidents whose cause is known: reviewed ones (the reviewer's deploys), and those citing a
   * production deploy of one of their own services (the best such deploy).
   */
  private List<Known> knownIncidents(Map<String, Review> reviews) {
    Map<String, Integer> rows = reviewedDeployRows(reviews);
    List<Known> out = new ArrayList<>();
    for (int i = 0; i < d.incidents.size(); i++) {
      Review r = reviews.get(d.incidents.get(i).key());
      if (r != null && r.deployKeys() != null) {
        Set<Integer> causes = new LinkedHashSet<>();
        r.deployKeys().stream().map(rows::get).filter(x -> x != null).forEach(causes::add);
        if (causes.size() == r.deployKeys().size()) {
          out.add(new Known(i, causes));
        }
        continue;
      }
      if (d.incidentRefs.get(i).isEmpty()) {
        continue;
      }
      long onset = d.incidents.get(i).startedAt().toEpochMilli();
      int[] own = d.incidentServices.get(i);
      Candidate best = null;
      for (Candidate c : citedChanges(i, onset, own, dependenciesOf(own))) {
        boolean ownChange =
            contains(own, t.service[c.deploy()]) && c.why().rollbackPhrase() == null;
        if (ownChange && (best == null || c.score() > best.score())) {
          best = c;
        }
      }
      if (best != null) {
        out.add(new Known(i, Set.of(best.deploy())));
      }
    }
    return out;
  }

  /** The score a link needs: {@code minConfidence} until {@link #calibrate} sets it. */
  double threshold() {
    return threshold;
  }

  /** The table rows of the deploys reviewers named. */
  private Map<String, Integer> reviewedDeployRows(Map<String, Review> reviews) {
    Set<String> wanted = new java.util.HashSet<>();
    for (Review r : reviews.values()) {
      if (r.deployKeys() != null) {
        wanted.addAll(r.deployKeys());
      }
    }
    Map<String, Integer> out = new java.util.HashMap<>();
    for (int i = 0; wanted.size() > out.size() && i < t.size; i++) {
      String key = t.key(i);
      if (wanted.contains(key)) {
        out.put(key, i);
      }
    }
    return out;
  }

  /**
   * Replays the known incidents without their citations and sets the threshold where the links
   * scoring at least it would have been right {@code targetPrecision} of the time. A link is right
   * when its deploy caused the incident; for an incident no change caused, any link is wrong.
   */
  private void setThreshold(List<Known> known) {
    int step = Math.max(1, known.size() / MAX_CALIBRATION);
    List<double[]> scored = new ArrayList<>(); // {score, 1 if right}
    List<Known> replayed = new ArrayList<>();
    List<List<Candidate>> rankings = new ArrayList<>();
    for (int k = 0; k < known.size(); k += step) {
      Known kn = known.get(k);
      List<Candidate> ranked = candidates(kn.incident(), false);
      if (!ranked.isEmpty()) {
        Candidate top = ranked.get(0);
        scored.add(new double[] {top.score(), kn.causes().contains(top.deploy()) ? 1 : 0});
        replayed.add(kn);
        rankings.add(ranked);
      }
    }
    if (scored.size() >= MIN_CALIBRATION) {
      scored.sort((a, b) -> Double.compare(b[0], a[0]));
      double right = 0;
      double lowest = HIGHEST_THRESHOLD;
      for (int n = 0; n < scored.size(); n++) {
        right += scored.get(n)[1];
        // the precision of everything scoring at least this one; ties are taken together
        boolean lastOfTie = n + 1 == scored.size() || scored.get(n + 1)[0] < scored.get(n)[0];
        if (lastOfTie && n + 1 >= MIN_CALIBRATION / 3 && right / (n + 1) >= rules.targetPrecision) {
          lowest = scored.get(n)[0];
        }
      }
      threshold = Math.max(LOWEST_THRESHOLD, Math.min(HIGHEST_THRESHOLD, lowest));
      calibratedOn = scored.size();
    }
    // how often, among the known incidents, a suspect by time would have been right: shown with
    // each suspect, so that a reader can weigh it (it does not decide whether suspects are linked:
    // incidents that cite their change are not a fair sample of those that do not)
    suspectsWeighed = 0;
    suspectsRight = 0;
    for (int k = 0; k < replayed.size(); k++) {
      List<Candidate> ranked = rankings.get(k);
      if (ranked.get(0).score() < threshold
          && suspectByTime(replayed.get(k).incident(), ranked) != null) {
        suspectsWeighed++;
        suspectsRight += replayed.get(k).causes().contains(ranked.get(0).deploy()) ? 1 : 0;
      }
    }
  }

  // ------------------------------------------------------------------ candidates

  /** Every candidate of an incident, best first; may be empty. */
  List<Candidate> candidates(int incident) {
    return candidates(incident, true);
  }

  /**
   * Every candidate of an incident, best first, with or without the changes it cites (without, to
   * see how the other rules fare on incidents whose change is known).
   */
  private List<Candidate> candidates(int incident, boolean withCitations) {
    long onset = d.incidents.get(incident).startedAt().toEpochMilli();
    int[] own = d.incidentServices.get(incident);
    int[] upstream = dependenciesOf(own);
    int[] named = namedOthers(incident, own, upstream);
    // a change the incident cites is looked for in its services, then in their upstreams and the
    // services it names
    int[] near = named.length == 0 ? upstream : concat(upstream, named);
    Found found = new Found();

    if (withCitations && !d.incidentRefs.get(incident).isEmpty()) {
      citedChanges(incident, onset, own, near).forEach(c -> add(found, c));
      keepOwnCited(found, own);
    }
    long rollbacksUntil = rollbacksUntil(incident, onset);
    for (int s : own) {
      window(s, onset, rules.wSameService, Relation.SAME_SERVICE).forEach(c -> add(found, c));
      rolledBack(s, onset, rollbacksUntil, 1.0, Relation.SAME_SERVICE).forEach(c -> add(found, c));
    }
    for (int s : upstream) {
      // an upstream service the incident names is nearly as likely as its own
      boolean isNamed = contains(namesOf(incident), s);
      double weight = isNamed ? rules.wSameService * 0.9 : rules.wDependency;
      Relation relation = isNamed ? Relation.NAMED_UPSTREAM : Relation.UPSTREAM;
      window(s, onset, weight, relation).forEach(c -> add(found, c));
      rolledBack(s, onset, rollbacksUntil, weight / rules.wSameService, relation)
          .forEach(c -> add(found, c));
    }
    for (int s : named) {
      // a service the incident names, though nothing says its services depend on it ("we had
      // shipped Site Search about 20 min before", "also affected: Site Search"): as likely as a
      // named upstream service
      double weight = rules.wSameService * 0.9;
      window(s, onset, weight, Relation.NAMED).forEach(c -> add(found, c));
      rolledBack(s, onset, rollbacksUntil, weight / rules.wSameService, Relation.NAMED)
          .forEach(c -> add(found, c));
    }

    double language = languageFactor(incident);
    Map<Integer, String> ruledOut = withCitations ? ruledOut(incident, onset, own, near) : Map.of();
    List<Candidate> out = new ArrayList<>(found.size());
    for (Candidate c : found) {
      double score = c.explicit() ? c.score() : c.score() * language;
      Why why = c.why();
      String ruled = c.explicit() ? null : ruledOut.get(c.deploy());
      if (ruled != null) {
        // the incident cites this change only to say it was not the cause
        score *= rules.ruledOutFactor;
        why = why.ruledOut(ruled);
      }
      out.add(new Candidate(c.deploy(), clamp(score), c.explicit(), why));
    }
    out.sort(this::bestFirst);
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
  private static void add(Found found, Candidate c) {
    int at = found.at(c.deploy());
    if (at < 0) {
      found.add(c);
      return;
    }
    Candidate before = found.get(at);
    boolean better = c.score() > before.score();
    Candidate best = better ? c : before;
    Candidate other = better ? before : c;
    found.set(
        at,
        new Candidate(
            c.deploy(),
            best.score(),
            c.explicit() || before.explicit(),
            best.why().mergedWith(other.why())));
  }

  /**
   * The candidates found for one incident, one per deploy, in the order first found: a few dozen at
   * most, so a list looked through, not a map.
   */
  private static final class Found extends ArrayList<Candidate> {
    /** The index of the deploy's candidate, or -1. */
    int at(int deploy) {
      for (int k = 0; k < size(); k++) {
        if (get(k).deploy() == deploy) {
          return k;
        }
      }
      return -1;
    }
  }

  /** Best first: higher score, then the more recent deploy, then the key. */
  private int bestFirst(Candidate a, Candidate b) {
    int byScore = Double.compare(b.score(), a.score());
    if (byScore != 0) {
      return byScore;
    }
    int byTime = Long.compare(t.time[b.deploy()], t.time[a.deploy()]);
    return byTime != 0 ? byTime : t.compareKeys(a.deploy(), b.deploy());
  }

  /**
   * A citation that matches the incident's own services settles it: the same number or version in
   * an upstream service is then a coincidence, and is dropped.
   */
  private void keepOwnCited(Found found, int[] own) {
    boolean ownCited = found.stream().anyMatch(c -> contains(own, t.service[c.deploy()]));
    if (ownCited) {
      found.removeIf(c -> !contains(own, t.service[c.deploy()]));
    }
  }

  // ------------------------------------------------------------------ cited changes

  private List<Candidate> citedChanges(int incident, long onset, int[] own, int[] upstream) {
    List<Candidate> out = new ArrayList<>();
    long rollbacksUntil = rollbacksUntil(incident, onset);
    for (Ref r : d.incidentRefs.get(incident)) {
      if (r.negated() || setAsideBy(incident, r) != null) {
        continue; // a change cited to rule it out: see ruledOut
      }
      if (r.type() == References.Type.ROLLBACK_TARGET) {
        out.addAll(rollbackTarget(r, onset, concat(own, upstream)));
        continue;
      }
      for (int[] hit : productionDeploysCited(r, onset, own, upstream)) {
        int prod = hit[0];
        if (r.type() == References.Type.VERSION && wentBackTo(prod, onset, rollbacksUntil)) {
          // production was rolled back to this version while the incident was open: the
          // incident names where it went back to, and the rollback's own suspect (rolledBack)
          // is the first deploy after it. (A commit, PR or deploy cited names one change, and
          // stays cited.)
          continue;
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
        out.add(new Candidate(prod, score, true, Why.cited(cite, hit[1])));
      }
    }
    return out;
  }

  /**
   * The production deploys a reference points at, each with the staging deploy it was found through
   * (or -1): shipped by onset (a change shipped after it is a mitigation) and within the
   * cited-change window (a number that matches a change from long ago is a coincidence).
   */
  private List<int[]> productionDeploysCited(Ref r, long onset, int[] own, int[] upstream) {
    long latest = onset + rules.skewMs;
    int[] hits;
    boolean anywhere = false;
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
        if (hits.length == 0 && !deploysAny(own)) {
          // the incident's services are names no deploy uses (a service not yet recognised under
          // the name its incident tool gives it): a version names the change of whichever service
          // shipped it ("idp v1.25.2"), as long as only one service shipped it in the window
          anywhere = true;
          hits = cited.withVersionAnywhere(r.value());
        }
        break;
      case ID:
      case URL:
        int[] ids = d.idMatches.get(r.value());
        // PR and merge-request numbers repeat across repositories: only the incident's services
        // and their upstreams count; a change title too, unless none of theirs has it
        boolean perRepository = r.value().startsWith("pr:") || r.value().startsWith("mr:");
        hits = ids == null ? new int[0] : ids;
        if (perRepository || r.title()) {
          int[] ours = ofServices(hits, own, upstream);
          // a title found outside quotation marks may be words said in passing: only the
          // incident's services' and the services it names
          hits = perRepository || r.writtenTitle() || ours.length > 0 ? ours : hits;
        }
        break;
      default:
        return List.of();
    }
    List<int[]> out = new ArrayList<>();
    for (int h : hits) {
      int prod = isProduction(h) ? h : productionOf(h, latest);
      if (prod < 0 || t.time[prod] > latest || t.time[prod] < onset - rules.explicitWindowMs) {
        continue;
      }
      out.add(new int[] {prod, prod != h ? h : -1});
    }
    if (anywhere && out.stream().mapToInt(hit -> t.service[hit[0]]).distinct().count() > 1) {
      return List.of();
    }
    return out;
  }

  /** Whether any of the services has a deploy in the table. */
  private boolean deploysAny(int[] services) {
    for (int s : services) {
      if (t.serviceFrom(s) < t.serviceTo(s)) {
        return true;
      }
    }
    return false;
  }

  /** The production deploys the incident cites only to rule them out, with its words. */
  private Map<Integer, String> ruledOut(int incident, long onset, int[] own, int[] upstream) {
    Map<Integer, String> out = new LinkedHashMap<>();
    for (Ref r : d.incidentRefs.get(incident)) {
      if (r.negated() || setAsideBy(incident, r) != null) {
        for (int[] hit : productionDeploysCited(r, onset, own, upstream)) {
          out.putIfAbsent(hit[0], r.text());
        }
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
        return r.title() ? "title" : "id";
    }
  }

  /**
   * The deploys among {@code rows} (table rows, ascending) of the given services, ascending. The
   * table is sorted by service first, so each service's deploys are one stretch of {@code rows},
   * found by binary search.
   */
  private int[] ofServices(int[] rows, int[] own, int[] upstream) {
    int[] services =
        IntStream.concat(IntStream.of(own), IntStream.of(upstream)).distinct().toArray();
    java.util.Arrays.sort(services); // stretches in table order keep the result ascending
    IntStream.Builder out = IntStream.builder();
    for (int s : services) {
      int from = firstAtOrAbove(rows, t.serviceFrom(s));
      int to = firstAtOrAbove(rows, t.serviceTo(s));
      for (int k = from; k < to; k++) {
        out.add(rows[k]);
      }
    }
    return out.build().toArray();
  }

  /**
   * The index of the first value in {@code sorted} that is at least {@code v}: the first of equal
   * values ({@code Arrays.binarySearch} may answer any of them, and a deploy can match one
   * reference through two of its identifiers).
   */
  private static int firstAtOrAbove(int[] sorted, int v) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
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
          Why why = new Why(List.of(), -1, r.text(), Relation.NONE, 0, -1, null);
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
    long earliest = onset - windowMs;
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
                * interveningPower[intervening]
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
   * where the change began). {@code relationScale} (the service's relation to the incident's) is
   * weighed only in that case: a rollback straight past one change names it whatever the service.
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
        // rolling an upstream back straight past the one change it shipped before onset names
        // that change as surely as a rollback of the incident's own service does; past several,
        // which of them began it is less sure, and the relation weighs as for any deploy
        double scale = intervening == 0 ? 1.0 : relationScale;
        double score =
            rules.wRolledBack
                * scale
                * envWeight[e]
                * (t.time[suspect] > onset ? rules.afterOnsetFactor : 1.0);
        Why why = new Why(List.of(), -1, null, relation, intervening, rb, null);
        out.add(new Candidate(suspect, score, false, why));
      }
    }
    return out;
  }

  /**
   * Whether a successful rollback of the deploy's service, made between onset and {@code until} in
   * the deploy's environment, went back to the deploy's release.
   */
  private boolean wentBackTo(int deploy, long onset, long until) {
    int s = t.service[deploy];
    int e = t.env[deploy];
    int to = t.to(s, e);
    for (int rb = t.firstAtOrAfter(t.from(s, e), to, onset - rules.skewMs);
        rb < to && t.time[rb] <= until;
        rb++) {
      if (rb != deploy
          && rollback[rb]
          && t.succeeded(rb)
          && sameRelease(deploy, t.version[rb], t.sha[rb])) {
        return true;
      }
    }
    return false;
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

  /** How many of the candidates weighed and not linked a choice keeps, best first. */
  static final int ALTERNATIVES = 3;

  /**
   * What the linker decided for one incident: the links, and the best of the candidates it weighed,
   * best first: as many as there are links, and {@link #ALTERNATIVES} more (enough to hold the best
   * {@code ALTERNATIVES} that were not linked). The rest are let go when the choice is made: a
   * hundred thousand choices are held until their findings are written.
   */
  record Choice(List<Candidate> links, List<Candidate> weighed, Reason notSuspect) {
    Choice {
      int keep = links.size() + ALTERNATIVES;
      weighed = weighed.size() > keep ? List.copyOf(weighed.subList(0, keep)) : weighed;
    }

    /**
     * The candidates weighed and not linked, best first, at most {@code n} (no more than {@link
     * #ALTERNATIVES}).
     */
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
    List<Candidate> links = pick(weighed);
    Reason notSuspect = null;
    if (links.isEmpty()) {
      SuspectCheck check = suspectCheck(incident, weighed);
      Candidate suspect = check.suspect();
      if (suspect != null) {
        links = List.of(suspect.asSuspectByTime());
        weighed = new ArrayList<>(weighed);
        weighed.remove(suspect);
        weighed.add(0, links.get(0));
      } else if (!weighed.isEmpty()) {
        notSuspect = check.whyNot();
      }
    }
    return new Choice(links, weighed, notSuspect);
  }

  /**
   * A suspect by time alone must be no later than this share of the incidents here begin after
   * their change: a deploy further back than nine in ten of them is not suspected by time.
   */
  static final double SUSPECT_MIN_SHARE = 0.1;

  /**
   * The last deploy of the incident's own service before onset, with nothing of its services or
   * their upstreams shipped after it, is linked even below the threshold, as a suspect by time
   * alone with its own (lower) score, unless something speaks against it: the incident cites any
   * change, rules this one out, blames an outside cause or says nothing changed; the deploy failed
   * or was a rollback; or it landed further back than nearly all incidents here begin after their
   * change ({@link #SUSPECT_MIN_SHARE}). Null when there is no such suspect.
   */
  private Candidate suspectByTime(int incident, List<Candidate> ranked) {
    return suspectCheck(incident, ranked).suspect();
  }

  /**
   * The suspect by time alone ({@link #suspectByTime}), or why there is none: {@code whyNot} is a
   * {@link Code#NOT_A_SUSPECT} reason naming the first thing that speaks against it.
   */
  record SuspectCheck(Candidate suspect, Reason whyNot) {
    static SuspectCheck not(String why, Object... args) {
      return new SuspectCheck(
          null, Reason.of(Code.NOT_A_SUSPECT, withArgs(new Object[] {"why", why}, args)));
    }
  }

  private SuspectCheck suspectCheck(int incident, List<Candidate> ranked) {
    if (ranked.isEmpty()) {
      return SuspectCheck.not("noCandidate");
    }
    if (cues.external(incident)) {
      return SuspectCheck.not("external");
    }
    if (cues.noChange(incident)) {
      return SuspectCheck.not("noChange");
    }
    long onset = d.incidents.get(incident).startedAt().toEpochMilli();
    Candidate top = lastOwnBeforeOnset(onset, ranked);
    if (top == null) {
      return SuspectCheck.not("noOwnLastDeploy");
    }
    Why w = top.why();
    int i = top.deploy();
    long delta = onset - t.time[i];
    // (of the incident's own service and shipped by onset: lastOwnBeforeOnset)
    if (w.intervening() != 0) {
      return SuspectCheck.not("intervening");
    }
    if (w.ruledOut() != null) {
      return SuspectCheck.not("ruledOut");
    }
    if (w.rolledBackBy() >= 0 || rollback[i]) {
      return SuspectCheck.not("rollback");
    }
    if (!t.succeeded(i)) {
      return SuspectCheck.not("failed");
    }
    if (top.explicit() || ranked.stream().anyMatch(Candidate::explicit)) {
      return SuspectCheck.not("cites");
    }
    // nothing of the incident's services or their upstreams shipped after it (a failed deploy
    // shipped nothing); a service the incident merely names does not count
    for (Candidate c : ranked) {
      if (c != top
          && c.why().relation() != Relation.NAMED
          && t.succeeded(c.deploy())
          && t.time[c.deploy()] > t.time[i]
          && t.time[c.deploy()] <= t.time[i] + delta) {
        return SuspectCheck.not("shippedAfter");
      }
    }
    // then the time, and the incident's words (read last: the costliest to work out)
    double share = lag.survival(delta);
    if (share < SUSPECT_MIN_SHARE) {
      return SuspectCheck.not("tooLongAgo", "share", round(share), "beforeMs", delta);
    }
    boolean withWords = talk.citing() > 0;
    double words = withWords ? wordsRatio(incident) : 1;
    boolean favoured =
        withWords
            ? odds().favoursWithWords(delta, rules.suspectExcess, words)
            : odds().favours(delta, rules.suspectExcess);
    if (favoured) {
      return new SuspectCheck(top, null);
    }
    Object[] timing = withArgs(new Object[] {"beforeMs", delta}, bandArgs(delta));
    return SuspectCheck.not(
        "timing", withArgs(timing, "wordsRatio", withWords ? String.valueOf(round(words)) : ""));
  }

  /**
   * What the timing band of a lag holds ({@link SuspectOdds}), as reason arguments: the incidents
   * that cite nothing observed in it, how many chance would put there, and its bounds.
   */
  private Object[] bandArgs(long delta) {
    return new Object[] {
      "observed",
      odds().observed(delta),
      "expected",
      Math.round(odds().expected(delta) * 10) / 10.0,
      "bandFromMs",
      SuspectOdds.lower(SuspectOdds.band(delta)),
      "bandToMs",
      SuspectOdds.upper(SuspectOdds.band(delta))
    };
  }

  private static Object[] withArgs(Object[] args, Object... more) {
    Object[] out = Arrays.copyOf(args, args.length + more.length);
    System.arraycopy(more, 0, out, args.length, more.length);
    return out;
  }

  /**
   * The latest deploy of the incident's own service that shipped by onset (a rollback counts, a
   * failed deploy shipped nothing), among the candidates weighed, when only deploys landing in the
   * clock skew after onset rank above it (they are more likely the response than the cause); a
   * candidate from before onset ranked above it speaks against it. Null when there is none.
   */
  private Candidate lastOwnBeforeOnset(long onset, List<Candidate> ranked) {
    Candidate last = null;
    for (Candidate c : ranked) {
      int i = c.deploy();
      if (c.why().relation() == Relation.SAME_SERVICE
          && t.time[i] <= onset
          && (t.succeeded(i) || rollback[i])
          && (last == null || t.time[i] > t.time[last.deploy()])) {
        last = c;
      }
    }
    // a candidate from before onset that ranks above it speaks against it
    for (Candidate c : ranked) {
      if (c == last) {
        break;
      }
      if (t.time[c.deploy()] <= onset) {
        return null;
      }
    }
    return last;
  }

  /**
   * The responders rolled production back past this deploy, or said they did, during the incident.
   */
  private static boolean rolledBack(Why w) {
    return w.rolledBackBy() >= 0 || w.rollbackPhrase() != null;
  }

  /** The links among ranked candidates, by the rules above. */
  private List<Candidate> pick(List<Candidate> candidates) {
    List<Candidate> ranked = new ArrayList<>(candidates);
    if (ranked.stream().anyMatch(Candidate::explicit)) {
      ranked.removeIf(c -> !c.explicit());
    }
    List<Candidate> out = new ArrayList<>();
    // a cited change, or one the responders rolled back while the incident was open (decision
    // 0006: they said which change they suspected), needs only the setting; the calibrated
    // threshold is for links by time
    double needed =
        !ranked.isEmpty() && (ranked.get(0).explicit() || rolledBack(ranked.get(0).why()))
            ? rules.minConfidence
            : threshold;
    if (ranked.isEmpty() || ranked.get(0).score() < needed) {
      return out;
    }
    double top = ranked.get(0).score();
    Set<Integer> services = new LinkedHashSet<>();
    for (Candidate c : ranked) {
      if (out.size() >= rules.maxLinks
          || c.score() < needed
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
    if (w.ruledOut() != null) {
      SetAside learned = null;
      for (Ref r : d.incidentRefs.get(incident)) {
        if (r.text().equals(w.ruledOut()) && (learned = setAsideBy(incident, r)) != null) {
          break;
        }
      }
      out.add(ruledOutReason(w.ruledOut(), learned));
    }
    Reason where;
    switch (w.relation()) {
      case SAME_SERVICE:
        where = Reason.of(Code.SAME_SERVICE, "beforeMs", delta);
        break;
      case UPSTREAM:
      case NAMED_UPSTREAM:
        // the incident's services are named only in these two
        where =
            Reason.of(
                w.relation() == Relation.UPSTREAM ? Code.UPSTREAM : Code.NAMED_UPSTREAM,
                "services",
                serviceList(d.incidentServices.get(incident)),
                "beforeMs",
                delta);
        break;
      case NAMED:
        where = Reason.of(Code.NAMED_SERVICE, "beforeMs", delta);
        break;
      default:
        where = Reason.of(Code.TIMING, "beforeMs", delta);
        break;
    }
    out.add(d.withDeploy(where, i, ""));
    if (c.byTimeAlone()) {
      out.add(
          Reason.of(
              Code.SUSPECT_BY_TIME,
              withArgs(
                  new Object[] {
                    "score",
                    round(c.score()),
                    "needed",
                    round(threshold),
                    "calibratedOn",
                    calibratedOn,
                    "right",
                    suspectsRight,
                    "weighed",
                    suspectsWeighed
                  },
                  bandArgs(delta))));
      if (talk.citing() > 0) {
        out.add(
            Reason.of(
                Code.CHANGE_WORDS,
                "ratio",
                round(wordsRatio(incident)),
                "words",
                String.join(", ", talk.wordsFor(ownWords(incident), 3)),
                "citing",
                talk.citing(),
                "others",
                talk.others()));
      }
    }
    if (!c.explicit() && w.rollbackPhrase() == null && w.rolledBackBy() < 0 && lag.samples() > 0) {
      out.add(
          Reason.of(
              Code.LEARNED_LAG,
              "samples",
              lag.samples(),
              "medianMs",
              lag.median(),
              "share",
              round(lag.survival(delta)),
              "beforeMs",
              delta));
    }
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
      out.add(textReason(incident, inc));
    }
    return out;
  }

  /**
   * What an incident's text says, as a reason (see {@link TextCues#reason}): the same for every
   * candidate of the incident, so worked out once. Threads that explain the same incident at once
   * may both work it out; they store equal values.
   */
  private Reason textReason(int incident, AnalysedIncident inc) {
    Reason r = textReasons[incident];
    if (r == null) {
      r = cues.reason(incident, inc.narrative());
      textReasons[incident] = r;
    }
    return r;
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

  /** Whether a deploy is a rollback, as the records say or as inferred from its version. */
  boolean isRollback(int deploy) {
    return rollback[deploy];
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
          windowMs / 3_600_000);
    }
    Candidate best = all.get(0);
    return d.withDeploy(
        Reason.of(
            Code.BELOW_THRESHOLD,
            "score",
            round(best.score()),
            "needed",
            round(best.explicit() ? rules.minConfidence : threshold),
            "calibratedOn",
            best.explicit() ? 0 : calibratedOn,
            "precision",
            rules.targetPrecision),
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

  /**
   * How the score falls with the time from deploy to onset: the share of this workspace's incidents
   * that began at least that long after their change ({@link LagModel}).
   */
  private double recency(long deltaMs) {
    return lag.survival(deltaMs);
  }

  /**
   * Why a cited change weighs less: the incident rules it out in words {@link References} reads, or
   * in a word the workspace learned ({@code learned.word()}), or it cites it in a sentence written
   * like one a reviewer set aside ({@code learned.likeIncident()}), or in a sentence the model of
   * citing sentences reads as clearing it ({@link RuleOutModel.Reading}).
   */
  private Reason ruledOutReason(String text, SetAside why) {
    Object[] ruledOut = {"text", text, "factor", rules.ruledOutFactor};
    if (why == null) {
      return Reason.of(Code.RULED_OUT, ruledOut);
    }
    if (why instanceof RuleOutModel.Reading read) {
      return Reason.of(
          Code.RULED_OUT,
          and(
              ruledOut,
              "probability",
              round(read.probability()),
              "words",
              String.join(", ", read.words()),
              "trainedOn",
              read.trainedOn()));
    }
    RuleOutWords.Learned learned = (RuleOutWords.Learned) why;
    if (learned.likeIncident() >= 0) {
      return Reason.of(
          Code.RULED_OUT,
          and(
              ruledOut,
              "like",
              d.incidents.get(learned.likeIncident()).key(),
              "similarity",
              round(learned.similarity())));
    }
    return Reason.of(
        Code.RULED_OUT,
        and(
            ruledOut,
            "word",
            learned.word(),
            "setAside",
            learned.setAside(),
            "setAsideOf",
            learned.setAsideTotal(),
            "suspects",
            learned.suspects(),
            "suspectsOf",
            learned.suspectsTotal()));
  }

  /** A reason's names and values followed by more. */
  private static Object[] and(Object[] first, Object... more) {
    Object[] all = java.util.Arrays.copyOf(first, first.length + more.length);
    System.arraycopy(more, 0, all, first.length, more.length);
    return all;
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  private static double clamp(double score) {
    return Math.max(0, Math.min(1, score));
  }

  /** The upstream services of an incident's services (not those services themselves). */
  private int[] dependenciesOf(int[] own) {
    int[] out = new int[0];
    for (int s : own) {
      if (s < d.dependsOn.length) {
        for (int dep : d.dependsOn[s]) {
          if (!contains(own, dep) && !contains(out, dep)) {
            out = java.util.Arrays.copyOf(out, out.length + 1);
            out[out.length - 1] = dep;
          }
        }
      }
    }
    return out;
  }

  /** The services the incident's text names; none before {@link #readLanguage}. */
  private int[] namesOf(int incident) {
    return incident < namesOf.length ? namesOf[incident] : new int[0];
  }

  /**
   * The services an incident names that are neither its own nor upstream of them, leaving out a
   * name that only begins one of its own services' names ({@link #partOfOwnName}).
   */
  private int[] namedOthers(int incident, int[] own, int[] upstream) {
    int[] names = namesOf(incident);
    int[] out = new int[names.length];
    int n = 0;
    for (int s : names) {
      if (!contains(own, s) && !contains(upstream, s) && !partOfOwnName(s, own)) {
        out[n++] = s;
      }
    }
    return n == out.length ? out : Arrays.copyOf(out, n);
  }

  /**
   * Whether a service's name is the first words of the name of one of the incident's own services
   * ("ads" in "ads-10 errors"): the text names its own service, not that one.
   */
  private boolean partOfOwnName(int service, int[] own) {
    String name = d.services.value(service) + "-";
    for (int o : own) {
      if (d.services.value(o).startsWith(name)) {
        return true;
      }
    }
    return false;
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
