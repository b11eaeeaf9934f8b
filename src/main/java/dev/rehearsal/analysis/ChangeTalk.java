package dev.rehearsal.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * How much an incident's own words say that a change caused it, learned from the workspace rather
 * than listed. Teams speak of their changes in their own words ("the new build", "since Tuesday's
 * push", "after we flipped it on"), and of what no change caused in others (a provider's outage, a
 * failed host); a word list written for one team misses the next.
 *
 * <p>What it is learned from: the incidents that cite a production deploy of their own service (or
 * that a reviewer linked) were caused by a change; the rest are a mixture of incidents a change
 * caused and incidents none did. A classifier that tells the first from the mixture, by the words
 * of each text with the sentences that cite or rule out a change taken out, says how much a text
 * looks like those of changes (learning from positive and unlabelled examples, Elkan and Noto 2008:
 * when citing is as likely for any change-caused incident whatever else it says, the classifier's
 * probability is the probability of being change-caused times a constant, the share of
 * change-caused incidents that cite; that share is estimated on the cited incidents left out of
 * each of {@link #FOLDS} fits).
 *
 * <p>What it gives: a likelihood ratio, how many times likelier a text like this one is among
 * incidents a change caused than among those none did ({@link #ratio}); 1 for a text that says as
 * much as the average incident that cites nothing (the odds of time since the last deploy are
 * counted on those), and 1 for every text when there was too little to learn from (fewer than
 * {@link #MIN_EACH} incidents on either side). It multiplies the odds the time since the last
 * deploy gives ({@link SuspectOdds}); it never links anything by itself.
 *
 * <p>The model: binary logistic regression over the words of three letters or more (lower case),
 * kept when at least two training texts hold them, but not the words of the services' names (they
 * say which service, and some services' teams cite more than others) nor words never written in
 * lower case (names of people, products and places), each weighing {@code (1 + ln tf) · idf}, the
 * vector normalised to unit length, L2-penalised ({@link #C}), fitted by L-BFGS (deterministic).
 */
final class ChangeTalk {
  /** Fewer incidents than this on either side (citing, or not) and nothing is learned. */
  static final int MIN_EACH = 100;

  /** At most this many incidents of each side are learned from (evenly spread). */
  static final int MAX_EACH = 2_000;

  /** The folds the share of change-caused incidents that cite is estimated over. */
  static final int FOLDS = 5;

  /** The inverse of the L2 penalty. */
  static final double C = 3;

  static final int ITERATIONS = 100;

  /**
   * A probability of being change-caused is kept within this distance of 0 and 1: no wording is
   * proof either way.
   */
  static final double SURE = 0.02;

  /** Nothing learned: every text's ratio is 1. */
  static final ChangeTalk NONE =
      new ChangeTalk(Map.of(), new double[0], new double[0], 0, 1, 0.5, 0, 0);

  private static final Pattern WORD = Pattern.compile("\\p{L}{3,}");

  private final Map<String, Integer> index;
  private final double[] idf;
  private final double[] weight;
  private final double bias;

  /** The share of change-caused incidents that cite their change, as the left-out fits saw it. */
  private final double citingShare;

  /**
   * The probability of being change-caused, averaged over the texts of incidents that cite nothing.
   */
  private final double prior;

  /** How many citing incidents it was learned from (0: nothing learned). */
  private final int citing;

  private final int others;

  private ChangeTalk(
      Map<String, Integer> index,
      double[] idf,
      double[] weight,
      double bias,
      double citingShare,
      double prior,
      int citing,
      int others) {
    this.index = index;
    this.idf = idf;
    this.weight = weight;
    this.bias = bias;
    this.citingShare = citingShare;
    this.prior = prior;
    this.citing = citing;
    this.others = others;
  }

  /**
   * Learns from the texts (citations taken out) of incidents that cite their change and of the
   * others.
   */
  static ChangeTalk learn(List<String> citingTexts, List<String> otherTexts, Set<String> names) {
    if (citingTexts.size() < MIN_EACH || otherTexts.size() < MIN_EACH) {
      return NONE;
    }
    List<String> pos = spread(citingTexts);
    List<String> unl = spread(otherTexts);
    List<Map<String, Integer>> counts = new ArrayList<>();
    Set<String> writtenLower = new HashSet<>();
    int[] y = new int[pos.size() + unl.size()];
    for (String s : pos) {
      counts.add(words(s, writtenLower));
    }
    for (int k = 0; k < unl.size(); k++) {
      counts.add(words(unl.get(k), writtenLower));
      y[pos.size() + k] = 1; // class 1: not citing
    }
    Map<String, Integer> docFreq = new TreeMap<>();
    for (Map<String, Integer> c : counts) {
      c.keySet().forEach(w -> docFreq.merge(w, 1, Integer::sum));
    }
    // a service's name says which service, not how a change is spoken of; a word never written in
    // lower case is a name too (a person's, a product's, a place's)
    Map<String, Integer> index = new HashMap<>();
    for (var e : docFreq.entrySet()) {
      String w = e.getKey();
      if (e.getValue() >= 2 && writtenLower.contains(w) && !names.contains(w)) {
        index.put(w, index.size());
      }
    }
    int n = counts.size();
    double[] idf = new double[index.size()];
    index.forEach((w, t) -> idf[t] = Math.log((1.0 + n) / (1.0 + docFreq.get(w))) + 1);
    int[][] cols = new int[n][];
    double[][] vals = new double[n][];
    for (int i = 0; i < n; i++) {
      int[][] row = row(counts.get(i), index);
      cols[i] = row[0];
      vals[i] = GapTextModel.features(row[0], row[1], idf);
    }
    // the left-out fits, side by side: each text's probability of citing, from a model that did
    // not see it (fold f leaves out every FOLDS-th text from f)
    double[][] thetas =
        IntStream.range(0, FOLDS)
            .parallel()
            .mapToObj(
                f -> {
                  List<Integer> train = new ArrayList<>();
                  for (int i = 0; i < n; i++) {
                    if (i % FOLDS != f) {
                      train.add(i);
                    }
                  }
                  return fit(cols, vals, y, train, idf.length);
                })
            .toArray(double[][]::new);
    double[] citingProbability = new double[n];
    for (int i = 0; i < n; i++) {
      citingProbability[i] = probability(thetas[i % FOLDS], cols[i], vals[i], idf.length);
    }
    double share = 0;
    for (int i = 0; i < pos.size(); i++) {
      share += citingProbability[i];
    }
    share /= pos.size();
    if (!(share > 0)) {
      return NONE;
    }
    double prior = 0;
    for (int i = pos.size(); i < n; i++) {
      prior += changeCaused(citingProbability[i], share);
    }
    prior /= unl.size();
    List<Integer> all = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      all.add(i);
    }
    double[] theta = fit(cols, vals, y, all, idf.length);
    double[] w = Arrays.copyOf(theta, idf.length);
    return new ChangeTalk(
        Map.copyOf(index), idf, w, theta[idf.length], share, prior, pos.size(), unl.size());
  }

  /**
   * How many times likelier a text like this is among incidents a change caused than among those
   * none did; 1 when nothing was learned.
   */
  double ratio(String text) {
    if (citing == 0) {
      return 1;
    }
    int[][] row = row(words(text), index);
    double[] x = GapTextModel.features(row[0], row[1], idf);
    double z = bias;
    for (int j = 0; j < x.length; j++) {
      z += weight[row[0][j]] * x[j];
    }
    // the weights are class 0's logit against class 1 (a two-class softmax written as one logit)
    double p = changeCaused(1 / (1 + Math.exp(-z)), citingShare);
    return odds(p) / odds(prior);
  }

  /**
   * The words of the text that speak most for a change, most first, at most {@code max}; empty when
   * nothing was learned.
   */
  List<String> wordsFor(String text, int max) {
    if (citing == 0) {
      return List.of();
    }
    Map<String, Integer> c = words(text);
    List<String> out = new ArrayList<>();
    c.keySet().stream()
        .filter(index::containsKey)
        .filter(w -> weight[index.get(w)] > 0)
        .sorted(
            Comparator.comparingDouble((String w) -> -weight[index.get(w)] * idf[index.get(w)])
                .thenComparing(Comparator.naturalOrder()))
        .limit(max)
        .forEach(out::add);
    return out;
  }

  /** How many citing incidents it was learned from; 0 when nothing was learned. */
  int citing() {
    return citing;
  }

  /** How many incidents that cite nothing it was learned from. */
  int others() {
    return others;
  }

  // ------------------------------------------------------------------ the model

  /** The probability of being change-caused, from the probability of citing. */
  private static double changeCaused(double citingProbability, double citingShare) {
    return Math.max(SURE, Math.min(1 - SURE, citingProbability / citingShare));
  }

  private static double odds(double p) {
    return p / (1 - p);
  }

  /** Fits the two-class model on the rows listed; the parameters are class 0's logit. */
  private static double[] fit(
      int[][] cols, double[][] vals, int[] y, List<Integer> rows, int terms) {
    int[][] c = new int[rows.size()][];
    double[][] v = new double[rows.size()][];
    int[] yy = new int[rows.size()];
    double[] sw = new double[rows.size()];
    for (int k = 0; k < rows.size(); k++) {
      c[k] = cols[rows.get(k)];
      v[k] = vals[rows.get(k)];
      yy[k] = y[rows.get(k)];
      sw[k] = 1;
    }
    double[] theta = new GapTextModel.Softmax(c, v, yy, sw, terms, 1 / C, 2).fit(ITERATIONS);
    // the softmax's two rows of parameters, as one logit: class 0's minus class 1's
    double[] out = new double[terms + 1];
    for (int t = 0; t <= terms; t++) {
      out[t] = theta[t] - theta[terms + 1 + t];
    }
    return out;
  }

  private static double probability(double[] theta, int[] cols, double[] vals, int terms) {
    double z = theta[terms];
    for (int j = 0; j < cols.length; j++) {
      z += theta[cols[j]] * vals[j];
    }
    return 1 / (1 + Math.exp(-z));
  }

  private static int[][] row(Map<String, Integer> counts, Map<String, Integer> index) {
    TreeMap<Integer, Integer> tf = new TreeMap<>();
    counts.forEach(
        (w, c) -> {
          Integer t = index.get(w);
          if (t != null) {
            tf.put(t, c);
          }
        });
    return new int[][] {
      tf.keySet().stream().mapToInt(Integer::intValue).toArray(),
      tf.values().stream().mapToInt(Integer::intValue).toArray()
    };
  }

  /**
   * The text without the sentences that hold any of the quoted handles (those that cite a change or
   * rule one out: what is learned is how a team speaks of changes besides naming them).
   */
  static String withoutSentencesHolding(String text, List<String> quoted) {
    StringBuilder out = new StringBuilder(text);
    for (String q : quoted) {
      for (int at = q.isEmpty() ? -1 : text.indexOf(q); at >= 0; at = text.indexOf(q, at + 1)) {
        int[] s = Passages.sentencesAround(text, at, at + q.length());
        for (int k = s[0]; k < s[1]; k++) {
          out.setCharAt(k, ' ');
        }
      }
    }
    return out.toString();
  }

  /** The words of a name, as {@link #words} reads them ("Notifications Fan-out" → two). */
  static Set<String> nameWords(String name) {
    return words(name).keySet();
  }

  /** The words of three letters or more, lower case, with how often each occurs. */
  static Map<String, Integer> words(String text) {
    return words(text, null);
  }

  /**
   * As {@link #words}, adding to {@code writtenLower} (when not null) those the text writes in
   * lower case.
   */
  private static Map<String, Integer> words(String text, Set<String> writtenLower) {
    Map<String, Integer> out = new HashMap<>();
    for (Matcher m = WORD.matcher(text); m.find(); ) {
      String w = m.group().toLowerCase(Locale.ROOT);
      out.merge(w, 1, Integer::sum);
      if (writtenLower != null && Character.isLowerCase(m.group().charAt(0))) {
        writtenLower.add(w);
      }
    }
    return out;
  }

  /** At most {@link #MAX_EACH} of the texts, evenly spread, each read once. */
  private static List<String> spread(List<String> texts) {
    int n = Math.min(texts.size(), MAX_EACH);
    List<String> out = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      out.add(texts.get((int) ((long) k * texts.size() / n)));
    }
    return out;
  }
}
