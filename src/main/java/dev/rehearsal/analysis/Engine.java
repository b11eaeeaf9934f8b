package dev.rehearsal.analysis;

import dev.rehearsal.index.DocKind;
import dev.rehearsal.index.Workspace;
import dev.rehearsal.index.text.IncidentText;
import dev.rehearsal.index.text.KnnVote;
import dev.rehearsal.index.text.TextPassages;
import dev.rehearsal.model.DeployLink;
import dev.rehearsal.model.Evidence;
import dev.rehearsal.model.Finding;
import dev.rehearsal.model.Gap;
import dev.rehearsal.model.GapScore;
import dev.rehearsal.model.Reason;
import dev.rehearsal.model.Review;
import dev.rehearsal.model.Verdict;
import dev.rehearsal.task.TaskMonitor;
import java.io.IOException;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The analysis: for every incident, the change behind it ({@link Linker}), what staging said about
 * that change ({@link Verdicts}) and, for escapes, the gap ({@link GapClassifier}). Reviews are
 * applied on top and always win; the engine's own answer stays in the finding. Findings are stored
 * in the workspace so the app, reports and searches read them.
 */
public final class Engine {
  private final Workspace ws;

  public Engine(Workspace ws) {
    this.ws = ws;
  }

  /**
   * Prepares the next analysis after an import: reads its input from the index once and keeps it
   * beside the index for this generation of imported records (decision 0009). Does nothing when
   * that is already done.
   */
  public static void prepare(Workspace ws, TaskMonitor monitor) throws IOException {
    TaskMonitor m = monitor == null ? TaskMonitor.NONE : monitor;
    m.progress(0, 100, "working out which names are one service");
    inferServiceNames(ws);
    AnalysisData.refreshSnapshot(ws, m);
  }

  /**
   * Works out, from the records, which of the names the tools wrote are one service (see {@link
   * ServiceIdentity}) and keeps the result in the workspace: confident ones apply, the others are
   * suggestions; a person's alias table and rejections win. Returns every suggestion.
   */
  public static List<dev.rehearsal.model.AliasSuggestion> inferServiceNames(Workspace ws)
      throws IOException {
    Rules rules = new Rules(ws.settings());
    var evidence = ws.facets().serviceEvidence(rules.productionEnvs);
    var names = ws.services().withoutInferred();
    var cited = CitedServices.of(ws, evidence, names, rules);
    // the dependency table is written in the person's names for services, which the records
    // may never use
    Set<String> declared = new java.util.TreeSet<>(rules.dependencies.keySet());
    rules.dependencies.values().forEach(declared::addAll);
    List<dev.rehearsal.model.AliasSuggestion> s =
        ServiceIdentity.suggest(evidence, cited, names, ws.files().rejectedAliases(), declared);
    if (!s.equals(ws.files().inferredAliases())) {
      ws.writes().saveInferredAliases(s);
    }
    return s;
  }

  /** Analyses every incident and stores the findings. */
  public AnalysisReport run(TaskMonitor monitor) throws IOException {
    return run(monitor, true);
  }

  /** Analyses every incident; stores the findings when {@code store} is true. */
  public AnalysisReport run(TaskMonitor monitor, boolean store) throws IOException {
    TaskMonitor m = monitor == null ? TaskMonitor.NONE : monitor;
    Map<String, Long> timings = new LinkedHashMap<>();
    long t0 = System.nanoTime();
    // findings are written as they are made, and the input is let go when analyse returns,
    // before the commit: at a hundred thousand incidents the input and the findings together
    // were most of the heap, and a live set above the collector's threshold for concurrent
    // marking kept it marking throughout
    Analysed a = analyse(m, timings, store);
    if (store) {
      m.progress(95, 100, "storing the findings");
      long t = System.nanoTime();
      ws.writes().commit();
      timings.put("store", ms(t));
    }
    timings.put("total", ms(t0));
    m.progress(100, 100, "analysis done");
    List<Finding> findings = store ? new StoredFindings(ws, a.keys()) : a.findings();
    return new AnalysisReport(
        findings,
        a.verdictCounts(),
        a.gapCounts(),
        a.incidents(),
        a.linked(),
        a.reviewed(),
        a.learned(),
        timings);
  }

  /** What the analysis found, without the data it found it in. */
  private record Analysed(
      List<Finding> findings,
      String[] keys,
      Map<Verdict, Long> verdictCounts,
      Map<Gap, Long> gapCounts,
      int incidents,
      long linked,
      long reviewed,
      boolean learned) {}

  /**
   * Analyses every incident. When {@code store} is true, each finding is written to the workspace
   * as soon as it is made (not yet committed) and none is kept: at a hundred thousand incidents
   * they would otherwise be held together with the input they were made from.
   */
  private Analysed analyse(TaskMonitor m, Map<String, Long> timings, boolean store)
      throws IOException {
    Rules rules = new Rules(ws.settings());
    // the shipped text model and the model of citing sentences are trained once per process;
    // start them while the input loads
    java.util.concurrent.CompletableFuture<GapTextModel> shipped =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> {
              RuleOutModel.shipped();
              return GapTextModel.shipped();
            });
    AnalysisData data = AnalysisData.load(ws, rules, m);
    timings.put("load", data.loadMillis);
    data.loadParts.forEach((k, v) -> timings.put("load." + k, v));
    Map<String, Review> reviews = new HashMap<>();
    ws.records().forEach(DocKind.REVIEW, Review.class, r -> reviews.put(r.incidentKey(), r));

    m.progress(40, 100, "linking incidents to changes");
    long t = System.nanoTime();
    // the linker's look-ups: rollbacks, the versions and commits incidents cite
    Linker linker = new Linker(data, rules);
    timings.put("lookups", ms(t));
    t = System.nanoTime();
    // one view of the index for every question asked of the incidents' words
    IncidentText text = IncidentText.of(ws, data.docToIncident, data.incidents.size());
    try {
      linker.readLanguage(text);
    } catch (IOException | RuntimeException e) {
      text.close();
      throw e;
    }
    timings.put("language", ms(t));
    t = System.nanoTime();
    // what the incidents whose change is known teach: the lag to onset, the threshold
    linker.calibrate(reviews);
    timings.put("calibrate", ms(t));
    t = System.nanoTime();
    int n = data.incidents.size();
    // incidents are independent and the linker reads shared data only: link them in parallel
    List<Linker.Choice> choices =
        IntStream.range(0, n)
            .parallel()
            .mapToObj(
                i -> {
                  if ((i & 4095) == 0) {
                    m.checkCancelled();
                  }
                  return linker.choose(i);
                })
            .collect(Collectors.toCollection(ArrayList::new));
    timings.put("link", ms(t));

    m.progress(55, 100, "judging what staging said");
    t = System.nanoTime();
    Verdicts verdicts = new Verdicts(data, rules);
    List<Verdicts.Result> verdictResults =
        IntStream.range(0, n)
            .parallel()
            .mapToObj(
                i -> {
                  List<Linker.Candidate> l = choices.get(i).links();
                  return l.isEmpty() ? null : verdicts.verdict(l.get(0).deploy());
                })
            .collect(Collectors.toCollection(ArrayList::new));
    timings.put("verdict", ms(t));

    m.progress(65, 100, "reading the incidents' words");
    t = System.nanoTime();
    KnnVote learned;
    GapClassifier gaps;
    try (text) {
      learned = trainLearned(data, reviews, rules);
      long tm = System.nanoTime();
      shipped.join();
      timings.put("text.model", ms(tm));
      tm = System.nanoTime();
      ModelVotes votes = modelVotes(data, reviews, text);
      timings.put("text.votes", ms(tm));
      gaps = new GapClassifier(data, rules, text, learned, votes);
    }
    timings.put("text", ms(t));
    // a workspace of write-ups alone (no deploys): the text proposes gaps, marked text-only
    boolean textOnly = data.deploys.size == 0;

    m.progress(75, 100, "weighing the gaps");
    t = System.nanoTime();
    List<GapClassifier.Result> gapResults =
        IntStream.range(0, n)
            .parallel()
            .mapToObj(
                i -> {
                  Verdicts.Result v = verdictResults.get(i);
                  if (textOnly) {
                    return hasText(data.incidents.get(i)) ? gaps.classifyTextOnly(i) : null;
                  }
                  return v != null && v.verdict() == Verdict.ESCAPE
                      ? gaps.classify(i, choices.get(i).links().get(0).deploy(), v.runs())
                      : null;
                })
            .collect(Collectors.toCollection(ArrayList::new));
    timings.put("gaps", ms(t));
    if (learned != null) {
      learned.close();
    }

    m.progress(85, 100, store ? "explaining and writing the findings" : "explaining");
    t = System.nanoTime();
    // each step's result is let go as its finding is made, so the two are not held at once;
    // what the counts need is kept per incident, in arrays
    byte[] verdictOf = new byte[n];
    int[] gapsOf = new int[n];
    boolean[] linkedOf = new boolean[n];
    boolean[] reviewedOf = new boolean[n];
    String[] keys = new String[n];
    java.util.function.IntFunction<Finding> make =
        i -> {
          if ((i & 4095) == 0) {
            m.checkCancelled(); // cancelled while storing: the earlier findings stay
          }
          Finding f =
              finding(
                  data,
                  rules,
                  linker,
                  i,
                  choices.get(i),
                  verdictResults.get(i),
                  gapResults.get(i),
                  reviews);
          choices.set(i, null);
          verdictResults.set(i, null);
          gapResults.set(i, null);
          keys[i] = f.incidentKey();
          verdictOf[i] = (byte) f.effectiveVerdict().ordinal();
          linkedOf[i] = !f.links().isEmpty(); // linked: the incident has a verdict
          reviewedOf[i] = f.reviewed();
          if (f.effectiveVerdict() == Verdict.ESCAPE) {
            for (Gap gap : f.effectiveGaps()) {
              gapsOf[i] |= 1 << gap.ordinal();
            }
          }
          return f;
        };
    List<Finding> findings = null;
    if (store) {
      ws.writes().replaceFindings(n, make);
    } else {
      findings = IntStream.range(0, n).parallel().mapToObj(make).toList();
    }
    Map<Verdict, Long> verdictCounts = new EnumMap<>(Verdict.class);
    Map<Gap, Long> gapCounts = new EnumMap<>(Gap.class);
    long linked = 0;
    long reviewed = 0;
    Verdict[] verdictValues = Verdict.values();
    Gap[] gapValues = Gap.values();
    for (int i = 0; i < n; i++) {
      linked += linkedOf[i] ? 1 : 0;
      reviewed += reviewedOf[i] ? 1 : 0;
      verdictCounts.merge(verdictValues[verdictOf[i]], 1L, Long::sum);
      for (Gap gap : gapValues) {
        if ((gapsOf[i] & 1 << gap.ordinal()) != 0) {
          gapCounts.merge(gap, 1L, Long::sum);
        }
      }
    }
    timings.put("explain", ms(t));
    return new Analysed(
        findings, keys, verdictCounts, gapCounts, n, linked, reviewed, learned != null);
  }

  /** The finding of one incident, from the results of each step. */
  private static Finding finding(
      AnalysisData data,
      Rules rules,
      Linker linker,
      int i,
      Linker.Choice choice,
      Verdicts.Result v,
      GapClassifier.Result g,
      Map<String, Review> reviews) {
    AnalysedIncident inc = data.incidents.get(i);
    List<String> services = new ArrayList<>();
    for (int s : data.incidentServices.get(i)) {
      services.add(data.services.value(s));
    }
    List<DeployLink> dl = new ArrayList<>();
    for (Linker.Candidate c : choice.links()) {
      dl.add(link(data, linker, i, c));
    }
    List<DeployLink> alternatives = new ArrayList<>();
    for (Linker.Candidate c : choice.alternatives(Linker.ALTERNATIVES)) {
      alternatives.add(link(data, linker, i, c));
    }
    Verdict verdict;
    List<Reason> reasons;
    List<Evidence> staging = List.of();
    double confidence = dl.isEmpty() ? 0 : dl.get(0).confidence();
    if (v == null) {
      verdict = Verdict.NOT_CHANGE_RELATED;
      reasons = new ArrayList<>(List.of(linker.noLinkReason(i, choice.weighed())));
      if (choice.notSuspect() != null) {
        reasons.add(choice.notSuspect());
      }
      if (g != null) {
        reasons.add(TextOnly.reason(g.gaps()));
      }
      reasons = List.copyOf(reasons);
    } else {
      verdict = v.verdict();
      reasons = v.reasons();
      staging = v.evidence();
    }
    List<Gap> gapList = g == null ? List.of() : g.gaps();
    List<GapScore> scores = g == null ? List.of() : g.scores();
    return new Finding(
        inc.key(),
        inc.startedAt(),
        services,
        dl,
        confidence,
        !dl.isEmpty() && confidence < rules.guessBelow,
        verdict,
        reasons,
        gapList,
        scores,
        staging,
        reviews.get(inc.key()),
        alternatives);
  }

  private static DeployLink link(AnalysisData data, Linker linker, int i, Linker.Candidate c) {
    int d = c.deploy();
    DeployTable tbl = data.deploys;
    String service = tbl.service[d] < 0 ? "" : data.services.value(tbl.service[d]);
    return new DeployLink(
        tbl.key(d),
        service,
        tbl.versionText(d),
        tbl.shaText(d),
        data.envs.value(tbl.env[d]),
        Instant.ofEpochMilli(tbl.time[d]),
        round(c.score()),
        c.explicit(),
        c.byTimeAlone(),
        linker.reasons(i, c),
        linker.evidence(i, c));
  }

  /**
   * The baseline most tools use, on the workspace's current input (what the next analysis reads,
   * loaded again here: an analysis keeps none of its data): for each incident key, the key of the
   * last successful production deploy of its service before onset (none when absent).
   */
  public Map<String, String> baselineLinks() throws IOException {
    Rules rules = new Rules(ws.settings());
    AnalysisData data = AnalysisData.load(ws, rules, TaskMonitor.NONE);
    Linker linker = new Linker(data, rules);
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < data.incidents.size(); i++) {
      int b = linker.baseline(i);
      out.put(data.incidents.get(i).key(), b < 0 ? null : data.deploys.key(b));
    }
    return out;
  }

  /**
   * The services the tables whose row counts came without one are tied to (applied) or could be
   * (suggested), each with its reasons, from the workspace's current input.
   */
  public List<dev.rehearsal.model.TableOwner> tableOwners() throws IOException {
    Rules rules = new Rules(ws.settings());
    AnalysisData data = AnalysisData.load(ws, rules, TaskMonitor.NONE);
    return GapClassifier.tableOwners(data, rules).suggestions();
  }

  /**
   * What a "last deploy before onset" join needs, from the workspace's current input (loaded again,
   * as for {@link #baselineLinks()}): one row per (incident, service) and one per successful
   * production deploy, canonical service names, epoch millis. The benchmark hands these to DuckDB.
   */
  public record LinkInputs(
      List<String[]> incidents, long[] onsets, List<String[]> deploys, long[] deployTimes) {}

  public LinkInputs linkInputs() throws IOException {
    AnalysisData data = AnalysisData.load(ws, new Rules(ws.settings()), TaskMonitor.NONE);
    List<String[]> inc = new ArrayList<>();
    List<Long> onsets = new ArrayList<>();
    for (int i = 0; i < data.incidents.size(); i++) {
      for (int s : data.incidentServices.get(i)) {
        inc.add(new String[] {data.incidents.get(i).key(), data.services.value(s)});
        onsets.add(data.incidents.get(i).startedAt().toEpochMilli());
      }
    }
    DeployTable t = data.deploys;
    int prod = data.production;
    List<String[]> dep = new ArrayList<>();
    List<Long> times = new ArrayList<>();
    for (int i = 0; i < t.size; i++) {
      if (t.env[i] == prod
          && t.status[i] == dev.rehearsal.model.DeployStatus.SUCCEEDED.ordinal()
          && t.service[i] >= 0) {
        dep.add(new String[] {t.key(i), data.services.value(t.service[i])});
        times.add(t.time[i]);
      }
    }
    return new LinkInputs(
        inc,
        onsets.stream().mapToLong(Long::longValue).toArray(),
        dep,
        times.stream().mapToLong(Long::longValue).toArray());
  }

  /**
   * A finding with the highlighted passages of its incident's text added to the text evidence of
   * each gap that has some. The analysis itself keeps no passages (a hundred thousand findings
   * would cost more to highlight than to analyse); the app, reports and {@code rehearsal explain}
   * add them for the incidents a person looks at.
   */
  public Finding withPassages(Finding f) throws IOException {
    if (f.scores().isEmpty()) {
      return f;
    }
    Rules rules = new Rules(ws.settings());
    Map<Gap, List<Evidence.Passage>> passages =
        TextPassages.of(ws, f.incidentKey(), rules.vocabulary, rules.synonyms);
    String narrative = null;
    List<GapScore> out = new ArrayList<>();
    for (GapScore s : f.scores()) {
      List<Evidence.Passage> p = passages.getOrDefault(s.gap(), List.of());
      List<Evidence> ev = new ArrayList<>();
      for (Evidence e : s.evidence()) {
        if (e instanceof Evidence.TextVote v) {
          if (narrative == null) {
            narrative =
                ws.records()
                    .get(f.incidentKey(), dev.rehearsal.model.Incident.class)
                    .map(dev.rehearsal.model.Incident::narrative)
                    .orElse("");
          }
          ev.add(ModelVotes.withPassages(v, narrative));
          continue;
        }
        ev.add(
            e instanceof Evidence.TextMatch m && !p.isEmpty()
                ? m.withPassages(outsideSetAside(p, s.evidence()))
                : e);
      }
      out.add(new GapScore(s.gap(), s.score(), s.text(), s.structure(), s.learned(), ev));
    }
    return new Finding(
        f.incidentKey(),
        f.onset(),
        f.services(),
        f.links(),
        f.confidence(),
        f.guess(),
        f.verdict(),
        f.verdictReasons(),
        f.gaps(),
        out,
        f.stagingEvidence(),
        f.review(),
        f.alternatives());
  }

  /**
   * The passages with a mark outside the sentences the gap's words were not read in ({@link
   * Evidence.SetAside}): a word the score did not count is not shown as if it had.
   */
  static List<Evidence.Passage> outsideSetAside(
      List<Evidence.Passage> passages, List<Evidence> evidence) {
    List<String> aside = new ArrayList<>();
    for (Evidence e : evidence) {
      if (e instanceof Evidence.SetAside a) {
        aside.addAll(a.sentences());
      }
    }
    if (aside.isEmpty()) {
      return passages;
    }
    List<Evidence.Passage> out = new ArrayList<>();
    for (Evidence.Passage p : passages) {
      boolean counted = false;
      for (Evidence.Span mark : p.marks()) {
        if (!insideAny(p.text(), mark, aside)) {
          counted = true;
          break;
        }
      }
      if (counted) {
        out.add(p);
      }
    }
    return out;
  }

  private static boolean insideAny(String text, Evidence.Span mark, List<String> sentences) {
    for (String s : sentences) {
      for (int at = text.indexOf(s); at >= 0; at = text.indexOf(s, at + 1)) {
        if (at <= mark.start() && mark.end() <= at + s.length()) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The text model's votes on every incident: the shipped model, or, once reviewers have confirmed
   * gaps, the shipped write-ups and the reviewed incidents trained together.
   */
  private static ModelVotes modelVotes(
      AnalysisData data, Map<String, Review> reviews, IncidentText text) throws IOException {
    GapTextModel model = GapTextModel.shippedWith(TextOnly.reviewed(data.incidents, reviews));
    return new ModelVotes(model, model.voteAll(text));
  }

  private static boolean hasText(AnalysedIncident i) {
    return i.narrative() != null && !i.narrative().isBlank();
  }

  private KnnVote trainLearned(AnalysisData data, Map<String, Review> reviews, Rules rules)
      throws IOException {
    if (reviews.isEmpty() || rules.wLearned <= 0) {
      return null;
    }
    List<Map.Entry<String, Gap>> examples = new ArrayList<>();
    for (AnalysedIncident i : data.incidents) {
      Review r = reviews.get(i.key());
      if (r != null
          && r.gaps() != null
          && !r.gaps().isEmpty()
          && (r.verdict() == null || r.verdict() == Verdict.ESCAPE)) {
        examples.add(new AbstractMap.SimpleEntry<>(i.narrative(), r.gaps().get(0)));
      }
    }
    return KnnVote.train(examples, rules.learnedMinExamples);
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  private static long ms(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }
}
