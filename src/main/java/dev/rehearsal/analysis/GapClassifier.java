package dev.rehearsal.analysis;

import dev.rehearsal.index.text.IncidentText;
import dev.rehearsal.index.text.KnnVote;
import dev.rehearsal.index.text.TextQueries;
import dev.rehearsal.model.Evidence;
import dev.rehearsal.model.Gap;
import dev.rehearsal.model.GapScore;
import dev.rehearsal.model.RunType;
import dev.rehearsal.model.StagingRun;
import dev.rehearsal.prose.CauseSentences;
import dev.rehearsal.prose.EnvironmentContrast;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which gap let an escape through. Three kinds of evidence, combined with the weights in the
 * settings: the incident's words (one Lucene query per gap over title and body), the structure of
 * the environments at the time (configuration and flags that differ, production traffic against
 * what staging load tests reached, production data volume against staging's, staging mocks of a
 * dependency the incident points at), and, once reviewers have confirmed enough escapes, a
 * k-nearest-neighbours vote over those reviews. A gap is assigned when its combined score reaches
 * {@code gaps.minScore}; weak evidence leaves the escape unexplained.
 */
final class GapClassifier {
  private static final long DAY = 86_400_000L;

  /** The outcome for one escape. */
  record Result(List<Gap> gaps, List<GapScore> scores) {}

  private final AnalysisData d;
  private final Rules rules;
  private final TextQueries queries;
  private final float[][] textRaw; // [incident][gap ordinal]
  private final KnnVote learned;
  private final ModelVotes model; // the text model's votes (decision 0014); null: vocabulary only
  private final MockPointers pointers;

  GapClassifier(AnalysisData d, Rules rules, IncidentText text, KnnVote learned)
      throws IOException {
    this(d, rules, text, learned, null);
  }

  GapClassifier(AnalysisData d, Rules rules, IncidentText text, KnnVote learned, ModelVotes model)
      throws IOException {
    this.d = d;
    this.rules = rules;
    this.queries = new TextQueries(rules.vocabulary, rules.synonyms);
    this.learned = learned;
    this.model = model;
    this.pointers = new MockPointers(d.names);
    tieTables();
    this.textRaw = new float[d.incidents.size()][Gap.real().length];
    this.lowered = new byte[d.incidents.size()];
    scoreText(text);
  }

  /**
   * The weight of a sentence that sets production against staging, as a config cue: a phrase of two
   * words in the vocabulary weighs as much.
   */
  static final float ENVIRONMENTS_COMPARED = 1.0f;

  /** Per incident, the gaps (bits by ordinal) whose words setting sentences aside lowered. */
  private final byte[] lowered;

  /** The incidents whose sentence setting production against staging gave the config cue. */
  private final java.util.BitSet compared = new java.util.BitSet();

  /**
   * One pass per gap over all incidents: the sum of the weights of the cues each matches, read
   * where the text tells the cause (decision 0024). A vocabulary entry an incident holds only in
   * sentences set aside (observations found normal, the remedy, the follow-up: {@link
   * CauseSentences}) does not count, so its weight comes off the gap's score; a score can only go
   * down. Then a sentence that sets production against staging ({@link EnvironmentContrast}) adds a
   * config cue, unless the other gaps' words are in it: "staging has 10,000 rows, production 40
   * million" speaks of data, not of how staging is set up. Which sentences tell the cause and which
   * compares the environments is decided when an incident is indexed ({@code
   * RecordCodec.causeFields}); here each gap asks the index once.
   */
  private void scoreText(IncidentText text) throws IOException {
    for (Gap g : Gap.real()) {
      float[] whole = text.weights(queries, g);
      float[] lost = text.lostWeights(queries, g);
      for (int i = 0; i < whole.length; i++) {
        float raw = whole[i];
        if (raw > 0 && lost[i] > 0) {
          raw = Math.max(0, raw - lost[i]);
          lowered[i] |= (byte) (1 << g.ordinal());
        }
        textRaw[i][g.ordinal()] = raw;
      }
    }
    java.util.BitSet contrast = text.comparingEnvironments();
    for (Gap other : List.of(Gap.DATA, Gap.TRAFFIC, Gap.MOCKS)) {
      contrast.andNot(text.contrastHolds(queries, other));
    }
    for (int i = contrast.nextSetBit(0); i >= 0; i = contrast.nextSetBit(i + 1)) {
      textRaw[i][Gap.CONFIG.ordinal()] += ENVIRONMENTS_COMPARED;
      compared.set(i);
    }
  }

  /** The incident's title and body, as its narrative joins them. */
  private String[] titleAndBody(int incident) {
    String narrative = d.incidents.get(incident).narrative();
    int nl = narrative.indexOf('\n');
    return nl < 0
        ? new String[] {narrative, ""}
        : new String[] {narrative.substring(0, nl), narrative.substring(nl + 1)};
  }

  /**
   * The sentences set aside that held a gap's word or compared the environments: what the evidence
   * shows for a score setting them aside lowered (none when none was).
   */
  private List<String> setAside(int incident) {
    if (lowered[incident] == 0) {
      return List.of();
    }
    String body = titleAndBody(incident)[1];
    return CauseSentences.of(body, s -> EnvironmentContrast.contrasts(s) || queries.mayMatchAny(s))
        .setAside();
  }

  /** The sentence that set production against staging, as the index was given it. */
  private String comparedSentence(int incident) {
    String[] tb = titleAndBody(incident);
    return EnvironmentContrast.first(tb[0] + "\n" + CauseSentences.of(tb[1]).kept());
  }

  double textScore(int incident, Gap g) {
    double vocabulary = vocabularyScore(incident, g);
    return model == null ? vocabulary : model.combine(vocabulary, incident, g);
  }

  private double vocabularyScore(int incident, Gap g) {
    return 1 - Math.exp(-textRaw[incident][g.ordinal()] / rules.textSaturation);
  }

  /**
   * The gaps an incident's text alone proposes, for a workspace with nothing else to judge by: the
   * text model's probability at full weight (it is what the write-ups' cross-validation measures)
   * and the vocabulary's weighted score, combined as independent witnesses; the same threshold; no
   * structure, no learned vote.
   */
  Result classifyTextOnly(int incident) {
    List<String> aside = setAside(incident);
    List<GapScore> scores = new ArrayList<>();
    for (Gap g : Gap.real()) {
      double vocabulary = vocabularyScore(incident, g);
      double p = model == null ? 0 : model.score(incident, g);
      double combined = 1 - (1 - rules.wText * vocabulary) * (1 - p);
      List<Evidence> ev = new ArrayList<>();
      addTextEvidence(incident, g, ev, aside);
      scores.add(new GapScore(g, combined, textScore(incident, g), Double.NaN, Double.NaN, ev));
    }
    return ranked(scores);
  }

  /** The text evidence of a gap: the vocabulary's matches and the text model's vote. */
  private void addTextEvidence(int incident, Gap g, List<Evidence> ev, List<String> aside) {
    if (textRaw[incident][g.ordinal()] > 0) {
      ev.add(new Evidence.TextMatch(g, textRaw[incident][g.ordinal()], List.of()));
    }
    // read again from the incident's narrative; should that differ from the text the index was
    // given (a title of two lines), the evidence is left out rather than shown empty
    String sentence = g == Gap.CONFIG && compared.get(incident) ? comparedSentence(incident) : null;
    if (sentence != null) {
      ev.add(new Evidence.EnvironmentsCompared(sentence));
    }
    if ((lowered[incident] & (1 << g.ordinal())) != 0 && !aside.isEmpty()) {
      ev.add(new Evidence.SetAside(aside));
    }
    Evidence vote = model == null ? null : model.evidence(incident, g);
    if (vote != null) {
      ev.add(vote);
    }
  }

  Result classify(int incident, int deploy, List<StagingRun> stagingRuns) {
    AnalysedIncident inc = d.incidents.get(incident);
    Narrative text = new Narrative(inc.narrative());
    Map<Gap, Structure> structure = new EnumMap<>(Gap.class);
    structure.put(Gap.CONFIG, config(incident, deploy, text));
    structure.put(Gap.TRAFFIC, traffic(incident, deploy, stagingRuns));
    structure.put(Gap.DATA, data(incident, deploy, text));
    structure.put(Gap.MOCKS, mocks(incident, deploy, text));
    Map<Gap, Double> vote = learned == null ? Map.of() : learned.vote(inc.narrative());
    List<String> aside = setAside(incident);
    List<GapScore> scores = new ArrayList<>();
    for (Gap g : Gap.real()) {
      Structure st = structure.get(g);
      double tx = textScore(incident, g);
      List<Evidence> ev = new ArrayList<>();
      addTextEvidence(incident, g, ev, aside);
      if (g == Gap.MOCKS && tx > 0 && st.score == 0 && !d.facts.mocks.isEmpty()) {
        // staging's mocks are known and the incident points at none of them: words about mocks
        // and sandboxes alone do not make the gap (they describe the failure, not a mock)
        tx = 0;
        ev.add(new Evidence.MockWordsAlone(mockedBy(servicesOf(incident, deploy))));
      }
      double lv = vote.isEmpty() ? Double.NaN : vote.getOrDefault(g, 0.0);
      // independent kinds of evidence combine like independent witnesses (noisy-OR): each
      // one, weighted, can carry a gap; agreeing evidence makes it surer
      double combined =
          1
              - (1 - rules.wText * tx)
                  * (1 - rules.wStructure * st.score)
                  * (Double.isNaN(lv) ? 1 : 1 - rules.wLearned * lv);
      ev.addAll(st.evidence);
      if (!Double.isNaN(lv) && lv > 0) {
        ev.add(new Evidence.LearnedVote(g, lv, learned.describe()));
      }
      scores.add(new GapScore(g, combined, tx, st.score, lv, ev));
    }
    return ranked(scores);
  }

  /** The dependencies staging mocks for any of the services, in order, each once. */
  private List<String> mockedBy(Set<Integer> services) {
    Set<String> out = new LinkedHashSet<>();
    for (int svc : services) {
      List<FactTable.Mock> list = d.facts.mocks.get(FactTable.key(svc, d.staging));
      if (list != null) {
        list.forEach(m -> out.add(m.dependency()));
      }
    }
    return List.copyOf(out);
  }

  /** The gaps whose scores reach the threshold, best first; unexplained when none does. */
  private Result ranked(List<GapScore> scores) {
    scores.sort(
        Comparator.comparingDouble(GapScore::score).reversed().thenComparing(GapScore::gap));
    List<Gap> gaps = new ArrayList<>();
    double top = scores.get(0).score();
    for (GapScore s : scores) {
      if (s.score() >= rules.gapMinScore && s.score() >= top * rules.secondaryRatio) {
        gaps.add(s.gap());
      }
    }
    if (gaps.isEmpty()) {
      gaps.add(Gap.UNEXPLAINED);
    }
    return new Result(gaps, scores);
  }

  // ------------------------------------------------------------------ structure

  /** Structural evidence for one gap: a score in [0,1] and what a reviewer can check. */
  record Structure(double score, List<Evidence> evidence) {
    static final Structure NONE = new Structure(0, List.of());
  }

  private Set<Integer> servicesOf(int incident, int deploy) {
    Set<Integer> s = new LinkedHashSet<>();
    s.add(d.deploys.service[deploy]);
    for (int x : d.incidentServices.get(incident)) {
      s.add(x);
    }
    return s;
  }

  private Structure config(int incident, int deploy, Narrative text) {
    int svc = d.deploys.service[deploy];
    long shipped = d.deploys.time[deploy];
    long onset = d.incidents.get(incident).startedAt().toEpochMilli();
    List<Evidence> ev = new ArrayList<>();
    double score = 0;
    FactTable.Snapshot prod = d.facts.configAt(svc, d.production, onset);
    FactTable.Snapshot stag = d.facts.configAt(svc, d.staging, shipped);
    if (prod != null && stag != null) {
      List<String> drift = driftBetween(svc, prod, stag);
      List<String> named = List.of();
      for (String k : drift) {
        if (mentions(text, k)) {
          named = named.isEmpty() ? new ArrayList<>(2) : named;
          named.add(k);
        }
      }
      boolean mentioned = !named.isEmpty();
      ev.addAll(
          driftEvidence(
              new DriftNamed(new SnapshotPair(svc, prod.asOf, stag.asOf), named),
              prod,
              stag,
              drift));
      if (!drift.isEmpty()) {
        // drift nobody names is common and weak; drift the incident names is the finding
        score = mentioned ? 0.95 : Math.min(0.35, 0.2 + 0.05 * (drift.size() - 1));
        String recent = mentioned ? null : changedRecently(svc, drift, shipped);
        if (recent != null) {
          // production changed by hand shortly before the release, staging did not follow
          score = Math.max(score, rules.recentConfigChangeScore);
          ev.add(new Evidence.RecentConfigChange(recent, rules.recentConfigChangeDays));
        }
      }
    }
    Map<String, String> pf = d.facts.flagsAt(svc, d.production, onset);
    Map<String, String> sf = d.facts.flagsAt(svc, d.staging, shipped);
    boolean flagsDiffer = false;
    List<String> namedFlags = List.of();
    for (var e : pf.entrySet()) {
      String s = sf.get(e.getKey());
      if (s != null && !s.equals(e.getValue())) {
        flagsDiffer = true;
        if (mentions(text, e.getKey())) {
          namedFlags = namedFlags.isEmpty() ? new ArrayList<>(2) : namedFlags;
          namedFlags.add(e.getKey());
        }
      }
    }
    if (flagsDiffer) {
      score = Math.max(score, namedFlags.isEmpty() ? 0.35 : 0.95);
      ev.addAll(flagEvidence(new FlagsNamed(pf, sf, namedFlags)));
    }
    return new Structure(score, ev);
  }

  /** The flags of production and staging at the times compared, and those an incident names. */
  private record FlagsNamed(
      Map<String, String> production, Map<String, String> staging, List<String> named) {}

  /** The evidence of flags that differ, memoised as {@link #driftEvidence} is. */
  private final Map<FlagsNamed, List<Evidence>> flagEvidenceCache =
      new java.util.concurrent.ConcurrentHashMap<>();

  private List<Evidence> flagEvidence(FlagsNamed key) {
    return flagEvidenceCache.computeIfAbsent(key, this::writeFlagEvidence);
  }

  private List<Evidence> writeFlagEvidence(FlagsNamed key) {
    List<Evidence> ev = new ArrayList<>();
    for (var e : key.production().entrySet()) {
      String s = key.staging().get(e.getKey());
      if (s != null && !s.equals(e.getValue())) {
        boolean named = key.named().contains(e.getKey());
        ev.add(new Evidence.FlagDrift(e.getKey(), e.getValue(), s, named));
      }
    }
    return List.copyOf(ev);
  }

  /** Keys that differ between two snapshots and are not expected to, memoised per pair. */
  private record SnapshotPair(int service, long production, long staging) {}

  /** A pair of snapshots and the drifted keys an incident names. */
  private record DriftNamed(SnapshotPair pair, List<String> named) {}

  /**
   * The evidence of drift between two snapshots, for the keys an incident names, memoised: the
   * incidents of a service in one period share their snapshots, so each pair's evidence is made
   * once. Shared lists are unmodifiable.
   */
  private final Map<DriftNamed, List<Evidence>> driftEvidenceCache =
      new java.util.concurrent.ConcurrentHashMap<>();

  private List<Evidence> driftEvidence(
      DriftNamed key, FactTable.Snapshot prod, FactTable.Snapshot stag, List<String> drift) {
    return driftEvidenceCache.computeIfAbsent(key, k -> writeDriftEvidence(k, prod, stag, drift));
  }

  private List<Evidence> writeDriftEvidence(
      DriftNamed key, FactTable.Snapshot prod, FactTable.Snapshot stag, List<String> drift) {
    List<Evidence> ev = new ArrayList<>();
    Instant prodAsOf = Instant.ofEpochMilli(prod.asOf);
    Instant stagAsOf = Instant.ofEpochMilli(stag.asOf);
    for (String k : drift) {
      ev.add(
          new Evidence.ConfigDrift(
              k,
              prod.values.get(k),
              stag.values.get(k),
              prodAsOf,
              stagAsOf,
              key.named().contains(k)));
    }
    return List.copyOf(ev);
  }

  private final Map<SnapshotPair, List<String>> driftCache =
      new java.util.concurrent.ConcurrentHashMap<>();

  private List<String> driftBetween(int svc, FactTable.Snapshot prod, FactTable.Snapshot stag) {
    SnapshotPair pair = new SnapshotPair(svc, prod.asOf, stag.asOf);
    List<String> cached = driftCache.get(pair);
    if (cached != null) {
      return cached;
    }
    Set<String> keys = new java.util.TreeSet<>(prod.values.keySet());
    keys.addAll(stag.values.keySet());
    List<String> out = new ArrayList<>();
    for (String k : keys) {
      if (rules.expectedToDiffer(k)) {
        continue;
      }
      String pv = prod.values.get(k);
      if (pv != null && pv.equals(stag.values.get(k))) {
        continue;
      }
      out.add(k);
    }
    driftCache.put(pair, out);
    return out;
  }

  /**
   * The first drifted key whose production value changed within the recent window before the deploy
   * while staging's stayed as it was, or null.
   */
  private String changedRecently(int svc, List<String> keys, long shipped) {
    var prodSnaps = d.facts.config.get(FactTable.key(svc, d.production));
    if (prodSnaps == null || prodSnaps.isEmpty()) {
      return null;
    }
    long from = shipped - rules.recentConfigChangeDays * DAY;
    FactTable.Snapshot now = d.facts.configAt(svc, d.production, shipped);
    var beforeEntry = prodSnaps.floorEntry(from);
    FactTable.Snapshot before =
        beforeEntry != null ? beforeEntry.getValue() : prodSnaps.firstEntry().getValue();
    FactTable.Snapshot stagingNow = d.facts.configAt(svc, d.staging, shipped);
    FactTable.Snapshot stagingBefore = d.facts.configAt(svc, d.staging, before.asOf);
    if (now == null || before == now) {
      return null;
    }
    for (String k : keys) {
      String a = now.values.get(k);
      String b = before.values.get(k);
      boolean stagingSame =
          stagingNow == null
              || stagingBefore == null
              || java.util.Objects.equals(stagingNow.values.get(k), stagingBefore.values.get(k));
      if (a != null && !a.equals(b) && stagingSame) {
        return k;
      }
    }
    return null;
  }

  /**
   * Traffic: production's peak at onset against its 28-day median (a spike of {@code trafficRatio}
   * or more counts), and against the highest peak a staging load test of the shipped version
   * reached. A spike the load test reached does not count: staging did exercise that load.
   */
  private Structure traffic(int incident, int deploy, List<StagingRun> runs) {
    long onset = d.incidents.get(incident).startedAt().toEpochMilli();
    double bestSpike = 0;
    double peak = Double.NaN;
    double median = Double.NaN;
    String where = "";
    long peakAt = 0;
    for (int svc : servicesOf(incident, deploy)) {
      FactTable.Series s = d.facts.traffic.get(FactTable.key(svc, d.production));
      if (s == null) {
        continue;
      }
      int at = s.lastAtOrBefore(onset);
      if (at < 0 || onset - s.time[at] > 36 * 3_600_000L) {
        continue;
      }
      double m = median(s, s.time[at] - 28 * DAY, s.time[at] - 1);
      if (m > 0) {
        double spike = s.value[at] / m;
        if (spike > bestSpike) {
          bestSpike = spike;
          peak = s.value[at];
          median = m;
          where = d.services.value(svc);
          peakAt = s.time[at];
        }
      }
    }
    StagingRun loadTest = highestLoadTest(runs);
    double stagingPeak = loadTest == null ? Double.NaN : loadTest.load().peakRps();
    double score = 0;
    List<Evidence> ev = new ArrayList<>();
    if (bestSpike > 0) {
      boolean reachedInStaging = !Double.isNaN(stagingPeak) && stagingPeak >= peak;
      boolean carries = bestSpike >= rules.trafficRatio && !reachedInStaging;
      ev.add(
          new Evidence.TrafficPeak(
              where,
              peak,
              Instant.ofEpochMilli(peakAt),
              median,
              stagingPeak,
              carries,
              loadTest == null
                  ? null
                  : new Evidence.LoadTest(
                      loadTest.source(),
                      loadTest.suite(),
                      loadTest.version(),
                      loadTest.startedAt(),
                      loadTest.provenance().location())));
      if (carries) {
        score = Math.min(0.8, 0.5 + 0.1 * (bestSpike - rules.trafficRatio));
      } else if (bestSpike >= 1.6 && !reachedInStaging) {
        score = 0.2;
      }
    }
    return new Structure(score, ev);
  }

  /** The load test of the shipped change that reached the highest peak, or null when none ran. */
  private static StagingRun highestLoadTest(List<StagingRun> runs) {
    StagingRun best = null;
    for (StagingRun r : runs) {
      if (r.type() == RunType.LOAD && r.load() != null && !Double.isNaN(r.load().peakRps())) {
        if (best == null || r.load().peakRps() > best.load().peakRps()) {
          best = r;
        }
      }
    }
    return best;
  }

  private static double median(FactTable.Series s, long from, long to) {
    int hi = s.lastAtOrBefore(to);
    int lo = s.lastAtOrBefore(from - 1) + 1;
    if (hi < lo) {
      return 0;
    }
    double[] v = java.util.Arrays.copyOfRange(s.value, lo, hi + 1);
    java.util.Arrays.sort(v);
    return v[v.length / 2];
  }

  /**
   * Data: production rows against staging rows per table of the incident's services, strong when
   * the incident names the table. Tables whose row counts came without a service count when {@link
   * TableOwners} ties them to one of the incident's services, or when the incident names them.
   */
  private Structure data(int incident, int deploy, Narrative text) {
    long onset = d.incidents.get(incident).startedAt().toEpochMilli();
    DataTally tally = new DataTally();
    Set<Integer> services = servicesOf(incident, deploy);
    for (int svc : services) {
      var prod = d.facts.data.get(FactTable.key(svc, d.production));
      var stag = d.facts.data.get(FactTable.key(svc, d.staging));
      if (prod == null || stag == null) {
        continue;
      }
      for (var e : prod.entrySet()) {
        compareTable(e.getKey(), e.getValue(), stag.get(e.getKey()), svc, text, onset, tally);
      }
    }
    if (unownedProduction != null && unownedStaging != null) {
      for (var e : unownedProduction.entrySet()) {
        String table = e.getKey();
        String owner = tableOwners.ownerOf(table);
        int ownerId = owner == null ? -1 : d.services.find(owner);
        boolean ours = ownerId >= 0 && services.contains(ownerId);
        if (ours || namesTableOrItsName(text, table)) {
          compareTable(
              table,
              e.getValue(),
              unownedStaging.get(table),
              ours ? ownerId : unowned,
              text,
              onset,
              tally);
        }
      }
    }
    double score = tally.score;
    if (score == 0 && tally.maxRatio >= rules.dataRatio) {
      score = 0.15;
    }
    List<Evidence> ev = tally.evidence;
    // the named tables first, then the largest differences; five at most
    ev.sort(
        Comparator.comparing((Evidence e) -> !((Evidence.Ratio) e).named())
            .thenComparing(e -> -((Evidence.Ratio) e).ratio())
            .thenComparing(e -> ((Evidence.Ratio) e).measuredOn()));
    return new Structure(score, ev.size() > 5 ? List.copyOf(ev.subList(0, 5)) : ev);
  }

  /** What the data rule has found so far for one incident. */
  private static final class DataTally {
    double score;
    double maxRatio;
    final List<Evidence> evidence = new ArrayList<>();
  }

  private void compareTable(
      String table,
      FactTable.Series prod,
      FactTable.Series stag,
      int svc,
      Narrative text,
      long onset,
      DataTally tally) {
    if (prod == null || stag == null) {
      return;
    }
    int pi = prod.lastAtOrBefore(onset);
    int si = stag.lastAtOrBefore(onset);
    // a statistics export taken after the incident (its time assumed) is the best knowledge
    pi = pi < 0 && prod.size > 0 ? 0 : pi;
    si = si < 0 && stag.size > 0 ? 0 : si;
    if (pi < 0 || si < 0 || stag.value[si] <= 0) {
      return;
    }
    double ratio = prod.value[pi] / stag.value[si];
    boolean named = namesTableOrItsName(text, table);
    tally.maxRatio = Math.max(tally.maxRatio, ratio);
    String whose = svc == unowned ? "" : d.services.value(svc);
    if (named || ratio >= rules.dataRatio) {
      tally.evidence.add(
          new Evidence.Ratio(
              "rows",
              table,
              prod.value[pi],
              whose.isEmpty()
                  ? "row counts in production"
                  : "row counts of " + whose + " in production",
              stag.value[si],
              whose.isEmpty() ? "row counts in staging" : "row counts of " + whose + " in staging",
              Instant.ofEpochMilli(prod.time[pi]),
              named));
    }
    if (named) {
      tally.score = Math.max(tally.score, ratio >= rules.dataRatio ? 0.9 : 0.5);
    }
  }

  /** A table named as written, or by its name without the schema (four letters at least). */
  private static boolean namesTableOrItsName(Narrative text, String table) {
    if (namesTable(text, table)) {
      return true;
    }
    String name = TableOwners.name(table);
    return !name.equals(table) && name.length() >= 4 && namesTable(text, name);
  }

  // ------------------------------------------------------------------ tables without a service

  /** The service id of row counts that came without a service; -1 when there are none. */
  private int unowned = -1;

  private Map<String, FactTable.Series> unownedProduction;
  private Map<String, FactTable.Series> unownedStaging;
  private TableOwners tableOwners;

  /** Ties the tables whose row counts came without a service to services (none: nothing to do). */
  private void tieTables() {
    unowned = d.services.find("");
    if (unowned < 0) {
      return;
    }
    unownedProduction = d.facts.data.get(FactTable.key(unowned, d.production));
    unownedStaging = d.facts.data.get(FactTable.key(unowned, d.staging));
    if (unownedProduction == null || unownedStaging == null) {
      return;
    }
    tableOwners = tableOwners(d, rules);
  }

  /**
   * The owners of the tables whose row counts came without a service, from the analysis's input.
   */
  static TableOwners tableOwners(AnalysisData d, Rules rules) {
    int none = d.services.find("");
    Set<String> tables = new java.util.TreeSet<>();
    for (int env : new int[] {d.production, d.staging}) {
      var m = none < 0 ? null : d.facts.data.get(FactTable.key(none, env));
      if (m != null) {
        tables.addAll(m.keySet());
      }
    }
    Map<String, Map<String, Map<String, String>>> config = new java.util.TreeMap<>();
    d.facts.config.forEach(
        (key, snapshots) -> {
          int svc = (int) (key >> 20);
          int env = (int) (key & 0xFFFFF);
          if (svc == none || snapshots.isEmpty()) {
            return;
          }
          config
              .computeIfAbsent(d.services.value(svc), k -> new java.util.TreeMap<>())
              .put(d.envs.value(env), snapshots.lastEntry().getValue().values);
        });
    List<TableOwners.IncidentNames> incidents = new ArrayList<>();
    if (!tables.isEmpty()) {
      for (int i = 0; i < d.incidents.size(); i++) {
        List<String> names = new ArrayList<>();
        for (int s : d.incidentServices.get(i)) {
          names.add(d.services.value(s));
        }
        incidents.add(
            new TableOwners.IncidentNames(names, new Narrative(d.incidents.get(i).narrative())));
      }
    }
    List<TableOwners.TableTest> tests = new ArrayList<>();
    for (AnalysisData.TableTest t : d.tableTests) {
      tests.add(
          new TableOwners.TableTest(
              t.table(),
              d.services.value(t.service()),
              t.test(),
              t.run(),
              Instant.ofEpochMilli(t.at())));
    }
    return new TableOwners(tables, rules.tables, rules.rejectedTables, config, incidents, tests);
  }

  /**
   * A dependency staging mocks is evidence only when the incident points at it (its name, an alias,
   * a call the mock stands in for, an error code with its name: {@link MockPointers}); a mocked
   * dependency the incident never touches adds nothing.
   */
  private Structure mocks(int incident, int deploy, Narrative text) {
    List<Evidence> ev = new ArrayList<>();
    double score = 0;
    String original = d.incidents.get(incident).narrative();
    for (int svc : servicesOf(incident, deploy)) {
      List<FactTable.Mock> list = d.facts.mocks.get(FactTable.key(svc, d.staging));
      if (list == null) {
        continue;
      }
      Set<String> seen = new LinkedHashSet<>();
      for (FactTable.Mock m : list) {
        if (!seen.add(m.dependency())) {
          continue;
        }
        MockPointers.Pointer p = pointers.find(text, original, m.dependency(), m.how());
        if (p != null) {
          score = 0.95;
          ev.add(new Evidence.MockedDependency(m.dependency(), m.how(), p.by(), p.text()));
        }
      }
    }
    return new Structure(score, ev);
  }

  private static final java.util.Set<String> DATA_CONTEXT =
      java.util.Set.of(
          "table",
          "tables",
          "rows",
          "row",
          "query",
          "queries",
          "index",
          "scan",
          "column",
          "columns",
          "migration",
          "records",
          "record",
          "database",
          "db",
          "schema",
          "backfill",
          "data");
  private static final Pattern WORD_BREAK = Pattern.compile("[^\\p{L}\\p{N}_]+");
  private static final Pattern NAME_BREAK = Pattern.compile("[._\\-/\\s]+");

  /** The word parts of identifiers, which recur across thousands of incidents. */
  private static final Map<String, String[]> NAME_PARTS =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** An incident's text, lower-cased once. */
  static final class Narrative {
    final String lower;

    Narrative(String text) {
      this.lower = text == null ? "" : text.toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Whether a text names a table: an identifier with an underscore as written, or a plain word
   * ("orders") only in a sentence that speaks of data ("the orders table", "rows in orders",
   * "counting orders is cheap at a thousand records"), since table names are often ordinary words
   * that name a service too.
   */
  static boolean namesTable(Narrative text, String table) {
    String t = table.toLowerCase(Locale.ROOT);
    if (t.contains("_")) {
      return mentions(text, t)
          && (containsWord(text.lower, t) || containsWord(text.lower, t.replace('_', ' ')));
    }
    for (int at = text.lower.indexOf(t); at >= 0; at = text.lower.indexOf(t, at + 1)) {
      if (wordAt(text.lower, at, t) && speaksOfData(text.lower, at, t)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the word (or its plural) stands whole at {@code at}. */
  private static boolean wordAt(String text, int at, String word) {
    int end = at + word.length();
    if (end < text.length() && text.charAt(end) == 's') {
      end++;
    }
    return (at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1)))
        && (end >= text.length() || !Character.isLetterOrDigit(text.charAt(end)));
  }

  /** Whether the sentence around the word at {@code at} holds another word about data. */
  private static boolean speaksOfData(String text, int at, String word) {
    int[] s = Passages.sentencesAround(text, at, at + word.length());
    for (String w : WORD_BREAK.split(text.substring(s[0], s[1]))) {
      if (DATA_CONTEXT.contains(w) && !w.equals(word) && !w.equals(word + "s")) {
        return true;
      }
    }
    return false;
  }

  /** Whether a text names an identifier: the whole of it, or all its parts as words. */
  static boolean mentions(Narrative text, String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.length() >= 3 && containsWord(text.lower, n)) {
      return true;
    }
    String[] parts =
        NAME_PARTS.computeIfAbsent(
            n,
            k ->
                Arrays.stream(NAME_BREAK.split(k))
                    .filter(p -> p.length() >= 3)
                    .toArray(String[]::new));
    if (parts.length < 2) {
      return false;
    }
    for (String p : parts) {
      if (!containsWord(text.lower, p)) {
        return false;
      }
    }
    return true;
  }

  /** Whether the word (or its plural) stands whole anywhere in the text. */
  private static boolean containsWord(String text, String word) {
    for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      if (wordAt(text, at, word)) {
        return true;
      }
    }
    return false;
  }
}
