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

/**
 * The analysis measured against labelled data: link precision and recall (over incident-deploy
 * pairs), the same for the baseline most tools use, verdict accuracy with a confusion matrix, and
 * per-gap precision, recall and F1 over the labelled escapes with a confusion matrix of the primary
 * gap. Uses the engine's own answers, not reviews, so reviews cannot flatter it.
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
      double gapMacroF1GivenVerdict) {}

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
      actual += truthLinks.size();
      predicted += mine.size();
      for (String k : mine) {
        if (truthLinks.contains(k)) {
          tp++;
        }
      }
      String b = baseline.get(row.incidentKey());
      if (b != null) {
        bpred++;
        if (truthLinks.contains(b)) {
          btp++;
        }
      }
      if (f.verdict() == row.verdict()) {
        verdictRight++;
      }
      vconf
          .computeIfAbsent(row.verdict().name().toLowerCase(), x -> new LinkedHashMap<>())
          .merge(f.verdict().name().toLowerCase(), 1L, Long::sum);
      if (row.verdict() == Verdict.ESCAPE && !row.gaps().isEmpty()) {
        escapes++;
        List<Gap> predictedGaps = f.verdict() == Verdict.ESCAPE ? f.gaps() : List.of();
        count(gapCounts, row.gaps(), predictedGaps);
        if (f.verdict() == Verdict.ESCAPE) {
          count(gapCountsGiven, row.gaps(), predictedGaps);
        }
        String t = row.gaps().get(0).code();
        String p = predictedGaps.isEmpty() ? "(not an escape)" : predictedGaps.get(0).code();
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
        macroF1(gapCountsGiven));
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
