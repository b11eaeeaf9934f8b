package dev.rehearsal.analysis;

import dev.rehearsal.model.Finding;
import dev.rehearsal.model.Gap;
import dev.rehearsal.model.Verdict;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The analysis measured against labelled data: link precision and recall (over incident-deploy
 * pairs), the same for the baseline most tools use, verdict accuracy with a confusion matrix, and
 * per-gap precision, recall and F1 over the labelled escapes with a confusion matrix of the primary
 * gap; and the links, baseline and verdicts again for each case (the shape of the cause) and each
 * style the truth file names. Uses the engine's own answers, not reviews, so reviews cannot flatter
 * it.
 */
public final class Evaluation {
  private Evaluation() {}

  /** Precision, recall and F1 of one class or of linking. */
  public record Score(long truePositives, long predicted, long actual) {
    public double precision() {
      return predicted == 0 ? 0 : (double) truePositives / predicted;
    }

    public double recall() {
      return actual == 0 ? 0 : (double) truePositives / actual;
    }

    public double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
  }

  /**
   * The figures of one part of the labelled incidents (a case, a style): links and the baseline
   * over its incidents' (incident, deploy) pairs, verdict accuracy, and gap macro-F1 over its
   * labelled escapes (end to end).
   */
  public record Slice(
      long incidents,
      Score links,
      Score baseline,
      double verdictAccuracy,
      long escapes,
      double gapMacroF1) {}

  /** The figures. */
  public record Result(
      long labelled,
      long matched,
      List<String> unmatched,
      Score links,
      Score baseline,
      double verdictAccuracy,
      Map<String, Map<String, Long>> verdictConfusion,
      Map<Gap, Score> gaps,
      double gapMacroF1,
      long escapesLabelled,
      Map<String, Map<String, Long>> gapConfusion,
      double gapMacroF1GivenVerdict,
      Map<String, Slice> byCase,
      Map<String, Slice> byStyle) {

    /** The labelled escapes the engine called escapes (each has a first gap, unexplained too). */
    public long escapesFound() {
      long n = 0;
      for (Map<String, Long> row : gapConfusion.values()) {
        for (var e : row.entrySet()) {
          n += e.getKey().equals(NOT_AN_ESCAPE) ? 0 : e.getValue();
        }
      }
      return n;
    }

    /** Of {@link #escapesFound}, how many have the truth's first gap as their first gap. */
    public long firstGapRight() {
      long n = 0;
      for (var row : gapConfusion.entrySet()) {
        n += row.getValue().getOrDefault(row.getKey(), 0L);
      }
      return n;
    }
  }

  /** The primary-gap column of the escapes the engine did not call escapes. */
  public static final String NOT_AN_ESCAPE = "(not an escape)";

  /** Counts behind a {@link Slice}. */
  private static final class Tally {
    long incidents;
    long tp;
    long predicted;
    long actual;
    long btp;
    long bpred;
    long verdictRight;
    long escapes;
    final Map<Gap, long[]> gaps = new EnumMap<>(Gap.class);

    Slice slice() {
      return new Slice(
          incidents,
          new Score(tp, predicted, actual),
          new Score(btp, bpred, actual),
          incidents == 0 ? 0 : (double) verdictRight / incidents,
          escapes,
          macroF1(gaps));
    }
  }

  public static Result evaluate(Truth truth, List<Finding> findings, Map<String, String> baseline) {
    Map<String, Finding> byKey = new LinkedHashMap<>();
    for (Finding f : findings) {
      byKey.put(f.incidentKey(), f);
    }
    long matched = 0;
    List<String> unmatched = new ArrayList<>();
    long tp = 0;
    long predicted = 0;
    long actual = 0;
    long btp = 0;
    long bpred = 0;
    long verdictRight = 0;
    Map<String, Map<String, Long>> vconf = new LinkedHashMap<>();
    Map<Gap, long[]> gapCounts = new EnumMap<>(Gap.class); // tp, predicted, actual
    Map<Gap, long[]> gapCountsGiven = new EnumMap<>(Gap.class);
    Map<String, Map<String, Long>> gconf = new LinkedHashMap<>();
    long escapes = 0;
    Map<String, Tally> byCase = new TreeMap<>();
    Map<String, Tally> byStyle = new TreeMap<>();
    for (Truth.Row row : truth.rows().values()) {
      Finding f = byKey.get(row.incidentKey());
      if (f == null) {
        if (unmatched.size() < 20) {
          unmatched.add(row.incidentKey());
        }
        continue;
      }
      matched++;
      Set<String> truthLinks = new HashSet<>(row.deployKeys());
      List<String> mine = f.links().stream().map(l -> l.deployKey()).toList();
      long rowTp = mine.stream().filter(truthLinks::contains).count();
      actual += truthLinks.size();
      predicted += mine.size();
      tp += rowTp;
      String b = baseline.get(row.incidentKey());
      boolean baselineRight = b != null && truthLinks.contains(b);
      if (b != null) {
        bpred++;
        if (baselineRight) {
          btp++;
        }
      }
      boolean verdictOk = f.verdict() == row.verdict();
      if (verdictOk) {
        verdictRight++;
      }
      List<Tally> parts = new ArrayList<>(2);
      if (!row.caseName().isEmpty()) {
        parts.add(byCase.computeIfAbsent(row.caseName(), x -> new Tally()));
      }
      if (!row.style().isEmpty()) {
        parts.add(byStyle.computeIfAbsent(row.style(), x -> new Tally()));
      }
      for (Tally t : parts) {
        t.incidents++;
        t.actual += truthLinks.size();
        t.predicted += mine.size();
        t.tp += rowTp;
        t.bpred += b != null ? 1 : 0;
        t.btp += baselineRight ? 1 : 0;
        t.verdictRight += verdictOk ? 1 : 0;
      }
      vconf
          .computeIfAbsent(row.verdict().name().toLowerCase(), x -> new LinkedHashMap<>())
          .merge(f.verdict().name().toLowerCase(), 1L, Long::sum);
      if (row.verdict() == Verdict.ESCAPE && !row.gaps().isEmpty()) {
        escapes++;
        List<Gap> predictedGaps = f.verdict() == Verdict.ESCAPE ? f.gaps() : List.of();
        count(gapCounts, row.gaps(), predictedGaps);
        for (Tally t : parts) {
          t.escapes++;
          count(t.gaps, row.gaps(), predictedGaps);
        }
        if (f.verdict() == Verdict.ESCAPE) {
          count(gapCountsGiven, row.gaps(), predictedGaps);
        }
        String t = row.gaps().get(0).code();
        String p = predictedGaps.isEmpty() ? NOT_AN_ESCAPE : predictedGaps.get(0).code();
        gconf.computeIfAbsent(t, x -> new LinkedHashMap<>()).merge(p, 1L, Long::sum);
      }
    }
    Map<Gap, Score> gapScores = new EnumMap<>(Gap.class);
    for (Gap g : Gap.values()) {
      long[] c = gapCounts.getOrDefault(g, new long[3]);
      gapScores.put(g, new Score(c[0], c[1], c[2]));
    }
    return new Result(
        truth.rows().size(),
        matched,
        unmatched,
        new Score(tp, predicted, actual),
        new Score(btp, bpred, actual),
        matched == 0 ? 0 : (double) verdictRight / matched,
        vconf,
        gapScores,
        macroF1(gapCounts),
        escapes,
        gconf,
        macroF1(gapCountsGiven),
        slices(byCase),
        slices(byStyle));
  }

  private static Map<String, Slice> slices(Map<String, Tally> tallies) {
    Map<String, Slice> out = new LinkedHashMap<>();
    tallies.forEach((k, t) -> out.put(k, t.slice()));
    return out;
  }

  private static void count(Map<Gap, long[]> counts, List<Gap> truth, List<Gap> predicted) {
    for (Gap g : predicted) {
      long[] c = counts.computeIfAbsent(g, x -> new long[3]);
      c[1]++;
      if (truth.contains(g)) {
        c[0]++;
      }
    }
    for (Gap g : truth) {
      counts.computeIfAbsent(g, x -> new long[3])[2]++;
    }
  }

  /** Mean F1 over the four real gaps. */
  static double macroF1(Map<Gap, long[]> counts) {
    double sum = 0;
    for (Gap g : Gap.real()) {
      long[] c = counts.getOrDefault(g, new long[3]);
      sum += new Score(c[0], c[1], c[2]).f1();
    }
    return sum / Gap.real().length;
  }
}
