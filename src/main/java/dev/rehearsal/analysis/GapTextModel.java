package dev.rehearsal.analysis;

import dev.rehearsal.index.text.IncidentText;
import dev.rehearsal.index.text.TextTerms;
import dev.rehearsal.model.Evidence;
import dev.rehearsal.model.Gap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A text model of the gaps: for any text, how likely each of data, traffic, config, mocks and
 * "none" is, and the words that carried each vote. Multinomial logistic regression over the text's
 * stemmed words (the index's analysis), weighted by tf-idf with a logarithmic term frequency and
 * normalised to unit length; L2-regularised, classes weighted so each counts as much as the others
 * however many examples it has. Trained on labelled write-ups (the shipped corpus, and reviewers'
 * confirmed labels as they come), see docs/decisions/0014-gap-text-model.md.
 *
 * <p>A word's support for a gap is its weight for that gap above its mean weight over the five
 * classes, times its value in the text: what a reviewer is shown are the words with the most
 * support, marked in the passages that hold them.
 */
public final class GapTextModel {
  /** Classes in order: the four gaps by ordinal, then "none" ({@link Gap#UNEXPLAINED}). */
  static final int CLASSES = 5;

  private static final Pattern NOT_A_WORD = Pattern.compile("[0-9_.:,\\-]+");

  /** Parts of addresses, which say where a write-up was published, not what happened. */
  private static final Set<String> ADDRESS_PARTS =
      Set.of("http", "https", "www", "com", "org", "io", "html", "md", "net");

  /**
   * How a model is trained.
   *
   * @param c inverse strength of the L2 penalty on the weights (larger: weaker penalty)
   * @param minDocFreq a word becomes a feature when at least this many training texts hold it
   * @param iterations at most this many L-BFGS iterations
   */
  public record Params(double c, int minDocFreq, int iterations) {
    public static final Params DEFAULT = new Params(10, 2, 150);

    public Params withC(double value) {
      return new Params(value, minDocFreq, iterations);
    }
  }

  /**
   * One labelled text.
   *
   * @param gap its gap; UNEXPLAINED for "none of the four"
   */
  public record Example(String text, Gap gap) {}

  /**
   * What the model says of one text.
   *
   * @param probability per class (the four gaps by ordinal, then none), summing to 1
   * @param support per gap, the words that carried its vote, most support first (at most {@link
   *     #WORDS}), as terms of the model's vocabulary
   */
  public record Vote(double[] probability, int[][] support) {
    public double of(Gap g) {
      return probability[g == Gap.UNEXPLAINED ? 4 : g.ordinal()];
    }

    /** The class with the highest probability (UNEXPLAINED for none). */
    public Gap best() {
      int best = 0;
      for (int k = 1; k < CLASSES; k++) {
        if (probability[k] > probability[best]) {
          best = k;
        }
      }
      return best == 4 ? Gap.UNEXPLAINED : Gap.values()[best];
    }
  }

  /** Words kept per gap as the evidence of a vote. */
  static final int WORDS = 6;

  private final String[] terms; // sorted
  private final Map<String, Integer> index;
  private final String[] shown; // the form of each term most often written in training
  private final double[] idf;
  private final double[][] weights; // [class][term]
  private final double[] bias;
  private final double[][] support; // [gap][term]: weight above the classes' mean
  private final int examples;
  private final Params params;
  private final String trainedOn;

  private GapTextModel(
      String[] terms,
      String[] shown,
      double[] idf,
      double[][] weights,
      double[] bias,
      int examples,
      Params params,
      String trainedOn) {
    this.terms = terms;
    this.shown = shown;
    this.idf = idf;
    this.weights = weights;
    this.bias = bias;
    this.examples = examples;
    this.params = params;
    this.trainedOn = trainedOn;
    this.index = new HashMap<>(terms.length * 2);
    for (int t = 0; t < terms.length; t++) {
      index.put(terms[t], t);
    }
    this.support = new double[4][terms.length];
    for (int t = 0; t < terms.length; t++) {
      double mean = 0;
      for (int k = 0; k < CLASSES; k++) {
        mean += weights[k][t];
      }
      mean /= CLASSES;
      for (int g = 0; g < 4; g++) {
        support[g][t] = weights[g][t] - mean;
      }
    }
  }

  // ------------------------------------------------------------------ the shipped model

  private static volatile GapTextModel shippedModel;

  /**
   * The model trained on the shipped write-ups (their texts and the labellers' sentences saying
   * why), trained once per process when first asked for.
   */
  public static GapTextModel shipped() {
    GapTextModel m = shippedModel;
    if (m == null) {
      synchronized (GapTextModel.class) {
        if (shippedModel == null) {
          shippedModel = train(trainingExamples(WriteupsCorpus.shipped()), Params.DEFAULT);
        }
        m = shippedModel;
      }
    }
    return m;
  }

  /**
   * The shipped write-ups with more labelled texts added (reviewers' confirmed gaps), trained anew;
   * the shipped model itself when there are none.
   */
  public static GapTextModel shippedWith(List<Example> more) {
    if (more.isEmpty()) {
      return shipped();
    }
    List<Example> all = new ArrayList<>(trainingExamples(WriteupsCorpus.shipped()));
    all.addAll(more);
    return train(all, Params.DEFAULT, more.size() + " reviewed incidents");
  }

  /**
   * The training texts of write-ups: each write-up's narrative, and the labeller's sentence saying
   * why as a second, short example of the same gap (it names the words that decided the label).
   */
  static List<Example> corpusExamples(List<WriteupsCorpus.Writeup> writeups) {
    List<Example> out = new ArrayList<>(writeups.size() * 2);
    for (WriteupsCorpus.Writeup w : writeups) {
      out.add(new Example(w.narrative(), w.gap()));
    }
    for (WriteupsCorpus.Writeup w : writeups) {
      if (!w.why().isBlank()) {
        out.add(new Example(w.why(), w.gap()));
      }
    }
    return out;
  }

  /**
   * What a shipped model is trained on: the write-ups' texts ({@link #corpusExamples}) and the
   * shipped stories of why staging missed an escape ({@link #storyExamples}).
   */
  static List<Example> trainingExamples(List<WriteupsCorpus.Writeup> writeups) {
    List<Example> out = new ArrayList<>(corpusExamples(writeups));
    out.addAll(storyExamples());
    return out;
  }

  /** The shipped stories. */
  static final String STORIES = "gap-stories.tsv";

  private static volatile List<Example> stories;

  /**
   * Stories of why staging did not catch an escape, each labelled with its gap ({@value #STORIES}:
   * the gap, where it was written and the story, separated by tabs; {@code {slots}} stand for names
   * and are left out). Write-ups tell their gap in a few sentences among many; these are those few
   * sentences, written many ways, so the model learns more of the words a gap is told in (decision
   * 0031). They are training texts only: the cross-validation classifies write-ups.
   */
  static List<Example> storyExamples() {
    List<Example> s = stories;
    if (s == null) {
      List<Example> out = new ArrayList<>();
      for (String[] row : ShippedLines.labelled(STORIES)) {
        out.add(new Example(SLOT.matcher(row[2]).replaceAll(" "), Gap.parse(row[0])));
      }
      s = List.copyOf(out);
      stories = s;
    }
    return s;
  }

  private static final Pattern SLOT = Pattern.compile("\\{[a-z0-9]+\\}");

  // ------------------------------------------------------------------ training

  public static GapTextModel train(List<Example> examples, Params p) {
    return train(examples, p, "");
  }

  private static GapTextModel train(List<Example> examples, Params p, String extra) {
    int n = examples.size();
    List<Map<String, Integer>> counts = new ArrayList<>(n);
    Map<String, Integer> docFreq = new TreeMap<>();
    Map<String, Map<String, Integer>> forms = new HashMap<>();
    for (Example e : examples) {
      Analysed a = analysed(e.text());
      counts.add(a.counts());
      for (String t : a.counts().keySet()) {
        docFreq.merge(t, 1, Integer::sum);
      }
      a.forms()
          .forEach(
              (term, f) -> {
                Map<String, Integer> all = forms.computeIfAbsent(term, k -> new HashMap<>());
                f.forEach((form, c) -> all.merge(form, c, Integer::sum));
              });
    }
    List<String> kept = new ArrayList<>();
    for (var e : docFreq.entrySet()) {
      if (e.getValue() >= p.minDocFreq()) {
        kept.add(e.getKey()); // sorted: the TreeMap's order
      }
    }
    String[] terms = kept.toArray(String[]::new);
    Map<String, Integer> index = new HashMap<>();
    for (int t = 0; t < terms.length; t++) {
      index.put(terms[t], t);
    }
    double[] idf = new double[terms.length];
    String[] shown = new String[terms.length];
    for (int t = 0; t < terms.length; t++) {
      idf[t] = Math.log((1.0 + n) / (1.0 + docFreq.get(terms[t]))) + 1;
      shown[t] =
          forms.get(terms[t]).entrySet().stream()
              .max(
                  Map.Entry.<String, Integer>comparingByValue()
                      .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
              .orElseThrow()
              .getKey();
    }
    int[][] cols = new int[n][];
    double[][] vals = new double[n][];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      Map<Integer, Integer> tf = GapTextModel.byIndex(counts.get(i), index);
      cols[i] = tf.keySet().stream().mapToInt(Integer::intValue).toArray();
      vals[i] = features(cols[i], tf.values().stream().mapToInt(Integer::intValue).toArray(), idf);
      y[i] = classOf(examples.get(i).gap());
    }
    double[] classCount = new double[CLASSES];
    for (int c : y) {
      classCount[c]++;
    }
    int present = 0;
    for (double c : classCount) {
      present += c > 0 ? 1 : 0;
    }
    double[] sampleWeight = new double[n];
    for (int i = 0; i < n; i++) {
      sampleWeight[i] = n / (present * classCount[y[i]]);
    }
    double[] theta =
        new Softmax(cols, vals, y, sampleWeight, terms.length, 1 / p.c()).fit(p.iterations());
    double[][] w = new double[CLASSES][terms.length];
    double[] b = new double[CLASSES];
    int stride = terms.length + 1;
    for (int k = 0; k < CLASSES; k++) {
      System.arraycopy(theta, k * stride, w[k], 0, terms.length);
      b[k] = theta[k * stride + terms.length];
    }
    return new GapTextModel(terms, shown, idf, w, b, n, p, extra);
  }

  /**
   * A text's term counts keyed by each term's index in a vocabulary, in index order; terms the
   * vocabulary does not hold are left out.
   */
  static Map<Integer, Integer> byIndex(Map<String, Integer> counts, Map<String, Integer> index) {
    Map<Integer, Integer> tf = new TreeMap<>();
    counts.forEach(
        (term, c) -> {
          Integer t = index.get(term);
          if (t != null) {
            tf.put(t, c);
          }
        });
    return tf;
  }

  /** A training text's words: how often each term occurs, and the forms it was written in. */
  private record Analysed(Map<String, Integer> counts, Map<String, Map<String, Integer>> forms) {}

  /**
   * Training texts analysed once: cross-validation trains on the same texts many times. Weak keys,
   * so texts no one holds any more are let go.
   */
  private static final Map<String, Analysed> ANALYSED =
      java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

  private static Analysed analysed(String text) {
    Analysed a = ANALYSED.get(text);
    if (a != null) {
      return a;
    }
    Map<String, Integer> tf = new HashMap<>();
    Map<String, Map<String, Integer>> forms = new HashMap<>();
    for (TextTerms.Token tok : TextTerms.tokens(text)) {
      if (!isWord(tok.term())) {
        continue;
      }
      tf.merge(tok.term(), 1, Integer::sum);
      String form = text.substring(tok.start(), tok.end()).toLowerCase(Locale.ROOT);
      forms.computeIfAbsent(tok.term(), k -> new HashMap<>()).merge(form, 1, Integer::sum);
    }
    a = new Analysed(tf, forms);
    ANALYSED.put(text, a);
    return a;
  }

  static int classOf(Gap g) {
    return g == Gap.UNEXPLAINED ? 4 : g.ordinal();
  }

  private static boolean isWord(String term) {
    return term.length() > 1
        && !NOT_A_WORD.matcher(term).matches()
        && !ADDRESS_PARTS.contains(term);
  }

  /** Sublinear tf-idf, normalised to unit length. */
  static double[] features(int[] cols, int[] tf, double[] idf) {
    double[] v = new double[cols.length];
    double norm = 0;
    for (int j = 0; j < cols.length; j++) {
      v[j] = (1 + Math.log(tf[j])) * idf[cols[j]];
      norm += v[j] * v[j];
    }
    norm = Math.sqrt(norm);
    if (norm > 0) {
      for (int j = 0; j < v.length; j++) {
        v[j] /= norm;
      }
    }
    return v;
  }

  // ------------------------------------------------------------------ scoring

  /** The model's vote on a text. Thread-safe. */
  public Vote vote(String text) {
    Map<Integer, int[]> tf = new TreeMap<>();
    TextTerms.forEachTerm(
        text,
        term -> {
          Integer t = index.get(term);
          if (t != null) {
            tf.computeIfAbsent(t, k -> new int[1])[0]++;
          }
        });
    int[] cols = new int[tf.size()];
    int[] counts = new int[tf.size()];
    int j = 0;
    for (var e : tf.entrySet()) {
      cols[j] = e.getKey();
      counts[j++] = e.getValue()[0];
    }
    double[] x = features(cols, counts, idf);
    double[] raw = new double[cols.length]; // before normalising, as the index's votes rank words
    for (j = 0; j < cols.length; j++) {
      raw[j] = (1 + Math.log(counts[j])) * idf[cols[j]];
    }
    double[] z = bias.clone();
    for (int k = 0; k < CLASSES; k++) {
      double[] wk = weights[k];
      for (j = 0; j < cols.length; j++) {
        z[k] += wk[cols[j]] * x[j];
      }
    }
    double[] p = softmax(z);
    int[][] words = new int[4][];
    for (int g = 0; g < 4; g++) {
      words[g] = topSupport(g, cols, raw);
    }
    return new Vote(p, words);
  }

  /** How many words per gap the votes of many incidents keep. */
  static final int BATCH_WORDS = 3;

  /**
   * The votes on every incident of a workspace, read from the index's postings term by term (no
   * text is analysed again): the sublinear tf-idf of each term, the running dot products with each
   * class's weights and the running norm, and per gap the {@value #BATCH_WORDS} words with the most
   * support so far.
   */
  public Votes voteAll(IncidentText text) throws java.io.IOException {
    int n = text.size();
    Votes v = new Votes(n);
    text.termCounts(
        terms,
        (incident, t, freq) -> {
          double x = (1 + Math.log(freq)) * idf[t];
          v.norm[incident] += x * x;
          int at = incident * CLASSES;
          for (int k = 0; k < CLASSES; k++) {
            v.z[at + k] += weights[k][t] * x;
          }
          for (int g = 0; g < 4; g++) {
            double s = support[g][t] * x;
            if (s > 0) {
              v.offer(incident, g, t, s);
            }
          }
        });
    for (int i = 0; i < n; i++) {
      double norm = Math.sqrt(v.norm[i]);
      double[] z = new double[CLASSES];
      for (int k = 0; k < CLASSES; k++) {
        z[k] = (norm > 0 ? v.z[i * CLASSES + k] / norm : 0) + bias[k];
      }
      double[] p = softmax(z);
      for (int k = 0; k < CLASSES; k++) {
        v.z[i * CLASSES + k] = p[k]; // the dot products become the probabilities
      }
    }
    return v;
  }

  /** The votes on many incidents, by incident number. */
  public static final class Votes {
    private final double[] z; // per incident, per class: dot products, then probabilities
    private final double[] norm;
    private final int[] top; // per incident and gap: the terms with the most support, or -1
    private final double[] topSupport;

    Votes(int n) {
      z = new double[n * CLASSES];
      norm = new double[n];
      top = new int[n * 4 * BATCH_WORDS];
      topSupport = new double[n * 4 * BATCH_WORDS];
      Arrays.fill(top, -1);
    }

    private void offer(int incident, int g, int term, double s) {
      int at = (incident * 4 + g) * BATCH_WORDS;
      int last = at + BATCH_WORDS - 1;
      if (top[last] >= 0 && topSupport[last] >= s) {
        return;
      }
      int k = last;
      while (k > at && (top[k - 1] < 0 || topSupport[k - 1] < s)) {
        top[k] = top[k - 1];
        topSupport[k] = topSupport[k - 1];
        k--;
      }
      top[k] = term;
      topSupport[k] = s;
    }

    public int size() {
      return norm.length;
    }

    /** One incident's vote. */
    public Vote vote(int incident) {
      double[] p = Arrays.copyOfRange(z, incident * CLASSES, incident * CLASSES + CLASSES);
      int[][] words = new int[4][];
      for (int g = 0; g < 4; g++) {
        int at = (incident * 4 + g) * BATCH_WORDS;
        int m = 0;
        while (m < BATCH_WORDS && top[at + m] >= 0) {
          m++;
        }
        words[g] = Arrays.copyOfRange(top, at, at + m);
      }
      return new Vote(p, words);
    }

    /** The probability of a gap for an incident. */
    public double of(int incident, Gap g) {
      return z[incident * CLASSES + classOf(g)];
    }
  }

  private int[] topSupport(int g, int[] cols, double[] x) {
    Integer[] order = new Integer[cols.length];
    int m = 0;
    for (int j = 0; j < cols.length; j++) {
      if (support[g][cols[j]] * x[j] > 0) {
        order[m++] = j;
      }
    }
    Integer[] pos = Arrays.copyOf(order, m);
    Arrays.sort(
        pos,
        Comparator.comparingDouble((Integer j) -> -support[g][cols[j]] * x[j])
            .thenComparingInt(j -> cols[j]));
    int[] out = new int[Math.min(WORDS, pos.length)];
    for (int k = 0; k < out.length; k++) {
      out[k] = cols[pos[k]];
    }
    return out;
  }

  static double[] softmax(double[] z) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : z) {
      max = Math.max(max, v);
    }
    double sum = 0;
    double[] p = new double[z.length];
    for (int k = 0; k < z.length; k++) {
      p[k] = Math.exp(z[k] - max);
      sum += p[k];
    }
    for (int k = 0; k < z.length; k++) {
      p[k] /= sum;
    }
    return p;
  }

  // ------------------------------------------------------------------ explaining

  /** A vocabulary term as people read it (the form most often written in training). */
  public String shown(int term) {
    return shown[term];
  }

  public String term(int term) {
    return terms[term];
  }

  /** The words that carried a gap's vote, as people read them. */
  public List<String> words(Vote v, Gap g) {
    List<String> out = new ArrayList<>();
    for (int t : v.support()[g.ordinal()]) {
      out.add(shown[t]);
    }
    return out;
  }

  /** The gap's weight of each of the words, by term; for tests and the decision record. */
  double support(Gap g, String term) {
    Integer t = index.get(term);
    return t == null ? 0 : support[g.ordinal()][t];
  }

  /**
   * The passages of a text that hold the words that carried a gap's vote, with those words marked:
   * the sentences (or lines) with the most support, at most {@code max}, in the text's order.
   */
  public List<Evidence.Passage> passages(String text, Vote v, Gap g, int max) {
    Map<String, Double> carried = new LinkedHashMap<>();
    int[] top = v.support()[g.ordinal()];
    for (int r = 0; r < top.length; r++) {
      carried.put(terms[top[r]], (double) (top.length - r));
    }
    return Passages.around(text, carried, max);
  }

  /** How the model was made, for the evidence a reviewer reads. */
  public String describe() {
    return "text model (logistic regression over "
        + terms.length
        + " words, trained on "
        + examples
        + " labelled texts"
        + (trainedOn.isEmpty() ? "" : " including " + trainedOn)
        + ")";
  }

  public int vocabularySize() {
    return terms.length;
  }

  public Params params() {
    return params;
  }

  // ------------------------------------------------------------------ the optimiser

  /**
   * The penalised, weighted cross-entropy of a softmax over sparse rows, and its gradient;
   * minimised by L-BFGS. Parameters: per class, one weight per term then the bias (not penalised).
   */
  static final class Softmax {
    private final int[][] cols;
    private final double[][] vals;
    private final int[] y;
    private final double[] sw;
    private final int terms;
    private final double lambda;
    private final int classes;

    Softmax(int[][] cols, double[][] vals, int[] y, double[] sw, int terms, double lambda) {
      this(cols, vals, y, sw, terms, lambda, CLASSES);
    }

    /** Over {@code classes} classes, numbered from 0 in {@code y}. */
    Softmax(
        int[][] cols,
        double[][] vals,
        int[] y,
        double[] sw,
        int terms,
        double lambda,
        int classes) {
      this.classes = classes;
      this.cols = cols;
      this.vals = vals;
      this.y = y;
      this.sw = sw;
      this.terms = terms;
      this.lambda = lambda;
    }

    int size() {
      return classes * (terms + 1);
    }

    /** The objective at theta; its gradient is written to grad. */
    double value(double[] theta, double[] grad) {
      int stride = terms + 1;
      Arrays.fill(grad, 0);
      double loss = 0;
      double[] z = new double[classes];
      for (int i = 0; i < cols.length; i++) {
        for (int k = 0; k < classes; k++) {
          double s = theta[k * stride + terms];
          for (int j = 0; j < cols[i].length; j++) {
            s += theta[k * stride + cols[i][j]] * vals[i][j];
          }
          z[k] = s;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
          max = Math.max(max, v);
        }
        double sum = 0;
        for (int k = 0; k < classes; k++) {
          sum += Math.exp(z[k] - max);
        }
        double logSum = max + Math.log(sum);
        loss += sw[i] * (logSum - z[y[i]]);
        for (int k = 0; k < classes; k++) {
          double d = sw[i] * (Math.exp(z[k] - logSum) - (k == y[i] ? 1 : 0));
          grad[k * stride + terms] += d;
          for (int j = 0; j < cols[i].length; j++) {
            grad[k * stride + cols[i][j]] += d * vals[i][j];
          }
        }
      }
      for (int k = 0; k < classes; k++) {
        for (int t = 0; t < terms; t++) {
          double w = theta[k * stride + t];
          loss += 0.5 * lambda * w * w;
          grad[k * stride + t] += lambda * w;
        }
      }
      return loss;
    }

    /** L-BFGS from zero, with a backtracking line search; deterministic. */
    double[] fit(int iterations) {
      int dim = size();
      int m = 10;
      double[] x = new double[dim];
      double[] g = new double[dim];
      double f = value(x, g);
      double[][] s = new double[m][];
      double[][] yv = new double[m][];
      double[] rho = new double[m];
      int stored = 0;
      int head = 0;
      double[] xNew = new double[dim];
      double[] gNew = new double[dim];
      for (int it = 0; it < iterations; it++) {
        double gNorm = Math.sqrt(dot(g, g));
        if (gNorm < 1e-6) {
          break;
        }
        // two-loop recursion: d = -H g
        double[] q = g.clone();
        double[] alpha = new double[m];
        for (int c = 0; c < stored; c++) {
          int i = Math.floorMod(head - 1 - c, m);
          alpha[i] = rho[i] * dot(s[i], q);
          axpy(-alpha[i], yv[i], q);
        }
        if (stored > 0) {
          int last = Math.floorMod(head - 1, m);
          double gamma = dot(s[last], yv[last]) / dot(yv[last], yv[last]);
          for (int j = 0; j < dim; j++) {
            q[j] *= gamma;
          }
        } else {
          for (int j = 0; j < dim; j++) {
            q[j] /= gNorm;
          }
        }
        for (int c = stored - 1; c >= 0; c--) {
          int i = Math.floorMod(head - 1 - c, m);
          double beta = rho[i] * dot(yv[i], q);
          axpy(alpha[i] - beta, s[i], q);
        }
        double slope = -dot(g, q);
        if (slope >= 0) { // not a descent direction: start again from the gradient
          stored = 0;
          q = g.clone();
          for (int j = 0; j < dim; j++) {
            q[j] /= gNorm;
          }
          slope = -dot(g, q);
        }
        double step = 1;
        double fNew;
        int tries = 0;
        while (true) {
          for (int j = 0; j < dim; j++) {
            xNew[j] = x[j] - step * q[j];
          }
          fNew = value(xNew, gNew);
          if (fNew <= f + 1e-4 * step * slope || ++tries > 30) {
            break;
          }
          step *= 0.5;
        }
        double[] sv = new double[dim];
        double[] yy = new double[dim];
        for (int j = 0; j < dim; j++) {
          sv[j] = xNew[j] - x[j];
          yy[j] = gNew[j] - g[j];
        }
        double sy = dot(sv, yy);
        double improvement = f - fNew;
        System.arraycopy(xNew, 0, x, 0, dim);
        System.arraycopy(gNew, 0, g, 0, dim);
        f = fNew;
        if (sy > 1e-12) {
          s[head] = sv;
          yv[head] = yy;
          rho[head] = 1 / sy;
          head = (head + 1) % m;
          stored = Math.min(stored + 1, m);
        }
        if (improvement >= 0 && improvement < 1e-9 * Math.max(1, Math.abs(f))) {
          break;
        }
      }
      return x;
    }

    private static double dot(double[] a, double[] b) {
      double s = 0;
      for (int i = 0; i < a.length; i++) {
        s += a[i] * b[i];
      }
      return s;
    }

    private static void axpy(double a, double[] x, double[] y) {
      for (int i = 0; i < x.length; i++) {
        y[i] += a * x[i];
      }
    }
  }
}
