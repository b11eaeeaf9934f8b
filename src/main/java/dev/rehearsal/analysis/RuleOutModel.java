package dev.rehearsal.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads whether the sentence that cites a change sets the change aside, from how labelled sentences
 * are written rather than from a list of phrases. {@link References} knows the common ways of
 * ruling a change out and {@link RuleOutWords} learns a workspace's own from its rollbacks and
 * reviews; both miss wording they have not met ("{@code 3f9a1c2} got a clean bill of health from
 * the canary"). This model is trained on sentences that cite a change, each labelled as setting it
 * aside or not: those of the shipped {@value #RESOURCE} (responders naming a change to clear it,
 * and naming one as the cause, the suspect or the version gone back to), and the citing sentences
 * of the shipped real write-ups ({@link #writeupExamples}).
 *
 * <p>It is also trained on {@value #WRITTEN}: sentences written for it, apart from every phrase
 * bank, in the registers responders write in (chat lines, ticket comments, RCA prose), with hard
 * cases on both sides (a cause said with "not" or "only", a change cleared in positive words); they
 * share no sentence or distinctive phrase with the citing sentences of the held-out banks (decision
 * 0033).
 *
 * <p>How: the cited change is replaced by one token, so that what is learned is the wording around
 * it; the sentence's words and pairs of adjacent words are weighed by tf-idf (log of the count,
 * normalised to unit length), and an L2-regularised logistic regression with the two labels counted
 * equally gives the probability that the sentence sets its change aside. A citation is read as set
 * aside at {@value #THRESHOLD} or more. The reason shown names the probability, what the model was
 * trained on and the words that weighed most towards it (decisions 0031 and 0033).
 */
final class RuleOutModel {
  /** The shipped labelled sentences of the phrase banks. */
  static final String RESOURCE = "citing-sentences.tsv";

  /** Sentences written to train the model, apart from the phrase banks (decision 0033). */
  static final String WRITTEN = "written-citing-sentences.tsv";

  /** The citing sentences of the shipped write-ups ({@link #writeupExamples}), found once. */
  static final String WRITEUPS = "writeup-citing-sentences.tsv";

  /** A word or word pair is a feature when at least this many training sentences hold it. */
  static final int MIN_DOC_FREQ = 2;

  /** The probability from which a citation is read as setting its change aside. */
  static final double THRESHOLD = 0.8;

  /** The inverse of the regularisation's strength. */
  static final double C = 10;

  /** The token the cited change is written as, in training and when reading. */
  static final String CHANGE = "zzchange";

  /** A following sentence of at most this many words belongs to the citing one ("Not it."). */
  static final int SHORT_FOLLOWER = 5;

  private static final Pattern TOKEN = Pattern.compile("[a-z']+");
  private static final Pattern SLOT = Pattern.compile("\\{([a-z0-9]+)\\}");

  /**
   * One labelled sentence.
   *
   * @param text the sentence, the cited change written as {@value #CHANGE}
   * @param setAside whether it sets the change aside
   * @param source where it was written (a phrase bank of the scenario generator, or a workspace)
   */
  record Example(String text, boolean setAside, String source) {}

  /**
   * What the model read in one citing sentence.
   *
   * @param probability that the sentence sets the change aside
   * @param words the words and word pairs that weighed most towards it, most first
   * @param trainedOn how many labelled sentences the model was trained on
   */
  record Reading(double probability, List<String> words, int trainedOn) implements SetAside {}

  private final Map<String, Integer> index;
  private final String[] terms;
  private final double[] idf;
  private final double[] weight; // towards setting aside: the two classes' difference
  private final double bias;
  private final int trainedOn;

  private RuleOutModel(
      Map<String, Integer> index,
      String[] terms,
      double[] idf,
      double[] weight,
      double bias,
      int trainedOn) {
    this.index = index;
    this.terms = terms;
    this.idf = idf;
    this.weight = weight;
    this.bias = bias;
    this.trainedOn = trainedOn;
  }

  private static volatile RuleOutModel shipped;

  /** The model trained on the shipped sentences, trained once per process when first asked for. */
  static RuleOutModel shipped() {
    RuleOutModel m = shipped;
    if (m == null) {
      synchronized (RuleOutModel.class) {
        if (shipped == null) {
          List<Example> all = new ArrayList<>(shippedExamples());
          all.addAll(examples(WRITTEN));
          all.addAll(examples(WRITEUPS));
          shipped = train(all);
        }
        m = shipped;
      }
    }
    return m;
  }

  /**
   * The shipped sentences: one per line, the label ({@code aside} or {@code other}), where it was
   * written, and the sentence with the cited change as {@code {change}} and any other slot as
   * {@code {name}} (left out when read: a service's or a day's name says nothing of the verdict),
   * separated by tabs; lines starting with # are comments.
   */
  static List<Example> shippedExamples() {
    return examples(RESOURCE);
  }

  /**
   * The lines of {@value #WRITEUPS}: {@link #writeupExamples} as {@link #examples} reads them, the
   * cited handle written {@code {change}} (finding them takes seconds: the rules of {@link
   * References} over every write-up).
   */
  static List<String> writeupLines(List<WriteupsCorpus.Writeup> writeups) {
    List<String> out = new ArrayList<>();
    out.add(
        "# The sentences of the shipped write-ups that cite a handle. Columns: label (aside when");
    out.add("# the rules read it as ruling its handle out), write-up, sentence. Derived from");
    out.add("# writeups/writeups.jsonl; RuleOutModelTest says when it must be written again.");
    for (Example e : writeupExamples(writeups)) {
      out.add(
          (e.setAside() ? "aside" : "other")
              + "\t"
              + e.source()
              + "\t"
              + e.text().replace(" " + CHANGE + " ", "{change}").replaceAll("[\\t\\n\\r]", " "));
    }
    return out;
  }

  /**
   * The sentences of real write-ups that cite something (a commit, version, PR, ticket or other
   * handle {@link References} finds), each once: labelled {@code aside} when the rules read it as
   * ruling its handle out, {@code other} otherwise. Nobody labelled these one by one; real
   * write-ups seldom clear a change in words the rules miss, and without them the model reads much
   * of real technical prose (a ticket in a to-do list, a file name in a timeline) as clearing what
   * it names.
   */
  static List<Example> writeupExamples(List<WriteupsCorpus.Writeup> writeups) {
    Map<String, Example> out = new LinkedHashMap<>();
    for (WriteupsCorpus.Writeup w : writeups) {
      String text = w.narrative();
      for (References.Ref r : References.extract(text)) {
        if (r.type() == References.Type.URL || r.type() == References.Type.ROLLBACK_TARGET) {
          continue;
        }
        String sentence = citingSentence(text, r.text());
        if (!sentence.isEmpty()) {
          out.putIfAbsent(sentence, new Example(sentence, r.negated(), "write-up " + w.id()));
        }
      }
    }
    return List.copyOf(out.values());
  }

  /** The labelled sentences of a shipped table ({@link ShippedLines#labelled}). */
  static List<Example> examples(String resource) {
    List<Example> out = new ArrayList<>();
    for (String[] row : ShippedLines.labelled(resource)) {
      if (!row[0].equals("aside") && !row[0].equals("other")) {
        throw new IllegalArgumentException(resource + ": not aside or other: " + row[0]);
      }
      out.add(new Example(template(row[2]), row[0].equals("aside"), row[1]));
    }
    return out;
  }

  /** A template's text as the model reads it: {@code {change}} as the token, other slots out. */
  static String template(String t) {
    Matcher m = SLOT.matcher(t);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, m.group(1).equals("change") ? " " + CHANGE + " " : " ");
    }
    m.appendTail(out);
    return out.toString();
  }

  // ------------------------------------------------------------------ reading

  /**
   * The sentence of {@code narrative} that cites {@code quoted} (its first mention), with a short
   * sentence that follows it ("… for about five minutes. Wrong."), the citation written as {@value
   * #CHANGE}; empty when the text does not hold it.
   */
  static String citingSentence(String narrative, String quoted) {
    int at = quoted.isEmpty() ? -1 : narrative.indexOf(quoted);
    if (at < 0) {
      return "";
    }
    int[] s = Passages.sentencesAround(narrative, at, at + quoted.length());
    int end = s[1];
    if (end < narrative.length()) {
      int[] next = Passages.sentencesAround(narrative, end, end);
      String following = narrative.substring(next[0], next[1]);
      if (next[1] > end && tokens(following).size() <= SHORT_FOLLOWER) {
        end = next[1];
      }
    }
    return narrative.substring(s[0], end).replace(quoted, " " + CHANGE + " ").strip();
  }

  /** The probability that a sentence (the change written as {@value #CHANGE}) sets it aside. */
  double probability(String sentence) {
    return probability(vector(sentence));
  }

  /** What the model reads in a citing sentence, or null when it does not set the change aside. */
  Reading read(String sentence) {
    Vector v = vector(sentence);
    double p = probability(v);
    if (p < THRESHOLD) {
      return null;
    }
    Map<String, Double> pull = new TreeMap<>();
    for (int j = 0; j < v.cols().length; j++) {
      double w = weight[v.cols()[j]] * v.x()[j];
      if (w > 0 && !terms[v.cols()[j]].contains(CHANGE)) {
        pull.put(terms[v.cols()[j]], w);
      }
    }
    List<String> words =
        pull.entrySet().stream()
            .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
            .limit(3)
            .map(Map.Entry::getKey)
            .toList();
    return new Reading(p, words, trainedOn);
  }

  /** A sentence's features: the terms it holds, by index, and their weights. */
  private record Vector(int[] cols, double[] x) {}

  private Vector vector(String sentence) {
    return vector(GapTextModel.byIndex(counts(sentence), index), idf);
  }

  /** Features of term counts keyed by vocabulary index: sublinear tf-idf of unit length. */
  private static Vector vector(Map<Integer, Integer> tf, double[] idf) {
    int[] cols = tf.keySet().stream().mapToInt(Integer::intValue).toArray();
    int[] counts = tf.values().stream().mapToInt(Integer::intValue).toArray();
    return new Vector(cols, GapTextModel.features(cols, counts, idf));
  }

  /** How often each of a sentence's terms ({@link #terms}) occurs in it. */
  private static Map<String, Integer> counts(String sentence) {
    Map<String, Integer> c = new LinkedHashMap<>();
    for (String term : terms(sentence)) {
      c.merge(term, 1, Integer::sum);
    }
    return c;
  }

  private double probability(Vector v) {
    double z = bias;
    for (int j = 0; j < v.cols().length; j++) {
      z += weight[v.cols()[j]] * v.x()[j];
    }
    return 1 / (1 + Math.exp(-z));
  }

  int trainedOn() {
    return trainedOn;
  }

  private static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    for (Matcher m = TOKEN.matcher(text.toLowerCase(Locale.ROOT)); m.find(); ) {
      out.add(m.group());
    }
    return out;
  }

  /** A sentence's words and pairs of adjacent words. */
  static List<String> terms(String text) {
    List<String> words = tokens(text);
    List<String> out = new ArrayList<>(words);
    for (int i = 1; i < words.size(); i++) {
      out.add(words.get(i - 1) + " " + words.get(i));
    }
    return out;
  }

  // ------------------------------------------------------------------ training

  static RuleOutModel train(List<Example> examples) {
    int n = examples.size();
    Map<String, Integer> docFreq = new TreeMap<>();
    List<Map<String, Integer>> counts = new ArrayList<>(n);
    for (Example e : examples) {
      Map<String, Integer> c = counts(e.text());
      counts.add(c);
      c.keySet().forEach(term -> docFreq.merge(term, 1, Integer::sum));
    }
    docFreq.values().removeIf(f -> f < MIN_DOC_FREQ);
    String[] terms = docFreq.keySet().toArray(String[]::new);
    Map<String, Integer> index = new HashMap<>();
    double[] idf = new double[terms.length];
    for (int t = 0; t < terms.length; t++) {
      index.put(terms[t], t);
      idf[t] = Math.log((1.0 + n) / (1.0 + docFreq.get(terms[t]))) + 1;
    }
    int[][] cols = new int[n][];
    double[][] vals = new double[n][];
    int[] y = new int[n];
    int aside = 0;
    for (int i = 0; i < n; i++) {
      Vector v = vector(GapTextModel.byIndex(counts.get(i), index), idf);
      cols[i] = v.cols();
      vals[i] = v.x();
      y[i] = examples.get(i).setAside() ? 1 : 0;
      aside += y[i];
    }
    // each label counts as much as the other
    double[] sampleWeight = new double[n];
    for (int i = 0; i < n; i++) {
      sampleWeight[i] = n / (2.0 * (y[i] == 1 ? aside : n - aside));
    }
    double[] theta =
        new GapTextModel.Softmax(cols, vals, y, sampleWeight, terms.length, 1 / C, 2).fit(500);
    int stride = terms.length + 1;
    double[] w = new double[terms.length];
    for (int t = 0; t < terms.length; t++) {
      w[t] = theta[stride + t] - theta[t];
    }
    double b = theta[stride + terms.length] - theta[terms.length];
    return new RuleOutModel(index, terms, idf, w, b, n);
  }
}
