package dev.rehearsal.analysis;

import dev.rehearsal.model.Evidence;
import dev.rehearsal.model.Gap;

/**
 * The text model's votes on every incident of an analysis, as the gap classifier takes them: a
 * score per gap to combine with the settings' vocabulary, and the vote as evidence (its words; the
 * passages are added when a finding is opened).
 */
final class ModelVotes {
  /** Votes below this are not shown as evidence: the model saw nothing of the gap. */
  static final double SHOWN_FROM = 0.15;

  private final GapTextModel model;
  private final GapTextModel.Votes votes;
  private final String described;

  ModelVotes(GapTextModel model, GapTextModel.Votes votes) {
    this.model = model;
    this.votes = votes;
    this.described = model.describe();
  }

  /** The model's probability of a gap for an incident. */
  double score(int incident, Gap g) {
    return votes.of(incident, g);
  }

  /**
   * How much the model's probability counts next to the vocabulary: chosen on the generator's seed
   * 2 among 0.3, 0.5 and 1 (decision 0014); at 1 the model, trained on write-ups where config is
   * the commonest gap, called config too often in the generator's short narratives.
   */
  static final double WEIGHT = 0.5;

  /**
   * The text score of a gap: the vocabulary's and the model's (weighted) combined as independent
   * witnesses (either can carry the gap; agreeing, they make it surer).
   */
  double combine(double vocabulary, int incident, Gap g) {
    return 1 - (1 - vocabulary) * (1 - WEIGHT * aboveNone(incident, g));
  }

  /**
   * The model's probability of a gap beyond its probability of none: a text the model reads as a
   * plain bug or an unexplained failure lends no gap its weight.
   */
  double aboveNone(int incident, Gap g) {
    return Math.max(0, score(incident, g) - score(incident, Gap.UNEXPLAINED));
  }

  /** The model's vote for a gap as evidence, or null when it is too weak to show. */
  Evidence.TextVote evidence(int incident, Gap g) {
    double p = score(incident, g);
    if (p < SHOWN_FROM) {
      return null;
    }
    GapTextModel.Vote v = votes.vote(incident);
    return new Evidence.TextVote(g, round(p), model.words(v, g), java.util.List.of(), described);
  }

  /**
   * A vote with the passages of the incident's text that hold its words, those words marked (all
   * their occurrences in the passages, whatever the form: the words are matched as stems).
   */
  static Evidence.TextVote withPassages(Evidence.TextVote v, String narrative) {
    java.util.Map<String, Double> stems = new java.util.LinkedHashMap<>();
    int worth = v.words().size();
    for (String w : v.words()) {
      int weight = worth--;
      dev.rehearsal.index.text.TextTerms.forEachTerm(w, t -> stems.putIfAbsent(t, (double) weight));
    }
    return v.withPassages(Passages.around(narrative, stems, PASSAGES));
  }

  /** Passages shown per vote. */
  static final int PASSAGES = 2;

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
