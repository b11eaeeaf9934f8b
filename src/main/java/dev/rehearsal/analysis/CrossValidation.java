package dev.rehearsal.analysis;

import dev.rehearsal.model.Gap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Stratified k-fold cross-validation of a text classifier of the gaps: the items are dealt into k
 * folds, each class shuffled with a fixed seed and dealt in turn so every fold holds its share of
 * each class; for each fold a classifier is trained on the other folds only and classifies the
 * held-out one. Every item is classified exactly once, by a classifier that never saw it.
 *
 * <p>Figures: per class precision, recall and F1; macro-F1 is the mean F1 of the four gaps. "None"
 * ({@link Gap#UNEXPLAINED}) is a fifth class: a gap write-up classified as none is a miss of that
 * gap (its recall), and a none write-up classified as a gap is a false alarm of that gap (its
 * precision); none's own figures are reported and left out of the mean.
 */
public final class CrossValidation {
  private CrossValidation() {}

  /** Precision, recall and F1 of one class. */
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
   * The outcome.
   *
   * @param confusion truth (row) by prediction (column), classes in {@link Gap} order with
   *     UNEXPLAINED standing for none
   * @param predictions each item's predicted class, in the items' order
   */
  public record Result(int folds, long seed, int items, long[][] confusion, Gap[] predictions) {
    public Map<Gap, Score> scores() {
      Map<Gap, Score> out = new EnumMap<>(Gap.class);
      for (Gap g : Gap.values()) {
        int k = g.ordinal();
        long tp = confusion[k][k];
        long predicted = 0;
        long actual = 0;
        for (int j = 0; j < confusion.length; j++) {
          predicted += confusion[j][k];
          actual += confusion[k][j];
        }
        out.put(g, new Score(tp, predicted, actual));
      }
      return out;
    }

    /** The mean F1 of data, traffic, config and mocks. */
    public double macroF1() {
      Map<Gap, Score> s = scores();
      double sum = 0;
      for (Gap g : Gap.real()) {
        sum += s.get(g).f1();
      }
      return sum / Gap.real().length;
    }

    /** The share of items classified as labelled. */
    public double accuracy() {
      long right = 0;
      for (int k = 0; k < confusion.length; k++) {
        right += confusion[k][k];
      }
      return items == 0 ? 0 : (double) right / items;
    }
  }

  /**
   * The folds each item falls in: per class, the items shuffled with the seed and dealt in turn.
   */
  static int[] folds(List<Gap> labels, int k, long seed) {
    int[] fold = new int[labels.size()];
    Random random = new Random(seed);
    int next = 0; // dealing continues across classes, so small classes do not pile up in fold 0
    for (Gap g : Gap.values()) {
      List<Integer> members = new ArrayList<>();
      for (int i = 0; i < labels.size(); i++) {
        if (labels.get(i) == g) {
          members.add(i);
        }
      }
      Collections.shuffle(members, random);
      for (int i : members) {
        fold[i] = next++ % k;
      }
    }
    return fold;
  }

  /**
   * Cross-validates: {@code train} gets the training part of each fold and returns the classifier
   * that labels the held-out texts. Folds run in parallel; the result does not depend on it.
   *
   * @param label the labelled class of an item
   * @param text what the classifier reads of an item
   */
  public static <T> Result run(
      List<T> items,
      Function<T, Gap> label,
      Function<T, String> text,
      Function<List<T>, Function<String, Gap>> train,
      int k,
      long seed) {
    if (k < 2 || k > items.size()) {
      throw new IllegalArgumentException("k must be between 2 and the number of items: " + k);
    }
    List<Gap> labels = items.stream().map(label).toList();
    int[] fold = folds(labels, k, seed);
    Gap[] predicted = new Gap[items.size()];
    IntStream.range(0, k)
        .parallel()
        .forEach(
            f -> {
              List<T> training = new ArrayList<>();
              for (int i = 0; i < items.size(); i++) {
                if (fold[i] != f) {
                  training.add(items.get(i));
                }
              }
              Function<String, Gap> classifier = train.apply(training);
              for (int i = 0; i < items.size(); i++) {
                if (fold[i] == f) {
                  predicted[i] = classifier.apply(text.apply(items.get(i)));
                }
              }
            });
    long[][] confusion = new long[Gap.values().length][Gap.values().length];
    for (int i = 0; i < items.size(); i++) {
      confusion[labels.get(i).ordinal()][predicted[i].ordinal()]++;
    }
    return new Result(k, seed, items.size(), confusion, predicted);
  }
}
