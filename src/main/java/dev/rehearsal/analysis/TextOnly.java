package dev.rehearsal.analysis;

import dev.rehearsal.model.Gap;
import dev.rehearsal.model.Reason;
import dev.rehearsal.model.Review;
import dev.rehearsal.model.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the text model adds to an analysis beyond the gaps of escapes: the reason that marks gaps
 * proposed from the text alone, and the reviewers' confirmed gaps as training texts.
 */
final class TextOnly {
  private TextOnly() {}

  /** The reason that marks a finding's gaps as proposed from the text alone. */
  static Reason reason(List<Gap> gaps) {
    return Reason.of(
        Reason.Code.TEXT_ONLY,
        "gaps",
        gaps.stream()
            .filter(g -> g != Gap.UNEXPLAINED)
            .map(Gap::code)
            .collect(Collectors.joining(",")));
  }

  /**
   * The incidents reviewers confirmed as escapes with a gap, or as having none of the four (an
   * empty gap list), as texts the text model learns from; in the incidents' order.
   */
  static List<GapTextModel.Example> reviewed(
      List<AnalysedIncident> incidents, Map<String, Review> reviews) {
    List<GapTextModel.Example> out = new ArrayList<>();
    if (reviews.isEmpty()) {
      return out;
    }
    for (AnalysedIncident i : incidents) {
      Review r = reviews.get(i.key());
      if (r == null || r.gaps() == null || i.narrative() == null || i.narrative().isBlank()) {
        continue;
      }
      if (r.verdict() != null && r.verdict() != Verdict.ESCAPE) {
        continue;
      }
      out.add(
          new GapTextModel.Example(
              i.narrative(), r.gaps().isEmpty() ? Gap.UNEXPLAINED : r.gaps().get(0)));
    }
    return out;
  }
}
