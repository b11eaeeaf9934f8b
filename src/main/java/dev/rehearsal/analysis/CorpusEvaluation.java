package dev.rehearsal.analysis;

import dev.rehearsal.model.Gap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * How the text model classifies real incident write-ups it was not trained on: stratified k-fold
 * cross-validation over the shipped corpus (decision 0014). In each outer fold the penalty is
 * chosen by an inner stratified cross-validation on the training part alone (nested), then the
 * model is trained on the whole training part and classifies the held-out write-ups, text only. The
 * held-out write-ups' sentences saying why are never used; the training part's are.
 */
public final class CorpusEvaluation {
  /** Outer folds, inner folds and the seed, fixed. */
  public static final int FOLDS = 10;

  public static final int INNER_FOLDS = 3;
  public static final long SEED = 20_240_601L;

  /** The penalties tried in the inner cross-validation. */
  static final double[] C_GRID = {3, 10, 30};

  /**
   * The outcome.
   *
   * @param kfold the cross-validation's figures and confusion matrix
   * @param chosenC the penalty each outer fold chose, in the folds' order of completion sorted
   * @param sources how many publishers the write-ups come from
   */
  public record Result(
      CrossValidation.Result kfold,
      List<Double> chosenC,
      int sources,
      GapTextModel.Params params,
      long millis) {}

  private CorpusEvaluation() {}

  private static volatile Result full;

  /**
   * The full evaluation, {@value #FOLDS} outer folds; made once per process (the corpus and the
   * procedure are fixed, so the figures are too).
   */
  public static Result run() {
    Result r = full;
    if (r == null) {
      synchronized (CorpusEvaluation.class) {
        if (full == null) {
          full = run(FOLDS);
        }
        r = full;
      }
    }
    return r;
  }

  public static Result run(int folds) {
    long t0 = System.nanoTime();
    List<WriteupsCorpus.Writeup> corpus = WriteupsCorpus.shipped();
    List<Double> chosen = Collections.synchronizedList(new ArrayList<>());
    CrossValidation.Result r =
        CrossValidation.run(
            corpus,
            WriteupsCorpus.Writeup::gap,
            WriteupsCorpus.Writeup::narrative,
            training -> selectAndTrain(training, chosen),
            folds,
            SEED);
    List<Double> sorted = new ArrayList<>(chosen);
    Collections.sort(sorted);
    long sources = corpus.stream().map(WriteupsCorpus.Writeup::source).distinct().count();
    return new Result(
        r,
        sorted,
        (int) sources,
        GapTextModel.Params.DEFAULT,
        (System.nanoTime() - t0) / 1_000_000);
  }

  /**
   * The penalty with the best inner cross-validated macro-F1 on the training write-ups (the smaller
   * on a tie), then the model trained on all of them with it.
   */
  static Function<String, Gap> selectAndTrain(
      List<WriteupsCorpus.Writeup> training, List<Double> chosen) {
    double bestC = C_GRID[0];
    double best = -1;
    for (double c : C_GRID) {
      GapTextModel.Params p = GapTextModel.Params.DEFAULT.withC(c);
      double f1 =
          CrossValidation.run(
                  training,
                  WriteupsCorpus.Writeup::gap,
                  WriteupsCorpus.Writeup::narrative,
                  inner -> classifier(inner, p),
                  INNER_FOLDS,
                  SEED + 1)
              .macroF1();
      if (f1 > best) {
        best = f1;
        bestC = c;
      }
    }
    chosen.add(bestC);
    return classifier(training, GapTextModel.Params.DEFAULT.withC(bestC));
  }

  /**
   * The model trained as the shipped one is (write-ups' texts and why-sentences, and the shipped
   * gap stories) on these write-ups, as a classifier of texts.
   */
  static Function<String, Gap> classifier(
      List<WriteupsCorpus.Writeup> training, GapTextModel.Params p) {
    GapTextModel m = GapTextModel.train(GapTextModel.trainingExamples(training), p);
    return text -> m.vote(text).best();
  }
}
