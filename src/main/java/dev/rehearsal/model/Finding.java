package dev.rehearsal.model;

import java.time.Instant;
import java.util.List;

/**
 * What the analysis says about one incident: the change behind it, what staging said about that
 * change, and the gaps that let it through, each with reasons and evidence; and, when a reviewer
 * has decided, the review, which wins. The engine's own answer stays visible.
 *
 * @param services canonical services of the incident
 * @param links production deploys held responsible, best first (empty when none)
 * @param confidence confidence of the best link in [0,1] (0 when none)
 * @param guess true when the link is weak enough to be shown as a guess
 * @param verdict the engine's staging verdict
 * @param verdictReasons why, as codes with arguments
 * @param gaps the engine's gaps for an escape, ranked (empty for other verdicts; UNEXPLAINED when
 *     evidence is weak)
 * @param scores every gap's score and evidence, for escapes
 * @param stagingEvidence what staging's deploys and runs of the linked change said
 * @param review the reviewer's decision, or null
 * @param alternatives the next most plausible deploys the linker weighed and did not link, best
 *     first, with their scores and reasons
 */
public record Finding(
    String incidentKey,
    Instant onset,
    List<String> services,
    List<DeployLink> links,
    double confidence,
    boolean guess,
    Verdict verdict,
    List<Reason> verdictReasons,
    List<Gap> gaps,
    List<GapScore> scores,
    List<Evidence> stagingEvidence,
    Review review,
    List<DeployLink> alternatives) {

  public Finding {
    services = List.copyOf(services);
    links = List.copyOf(links);
    verdictReasons = verdictReasons == null ? List.of() : List.copyOf(verdictReasons);
    gaps = List.copyOf(gaps);
    scores = scores == null ? List.of() : List.copyOf(scores);
    stagingEvidence = stagingEvidence == null ? List.of() : List.copyOf(stagingEvidence);
    alternatives = alternatives == null ? List.of() : List.copyOf(alternatives);
  }

  public String key() {
    return keyOf(incidentKey);
  }

  /** The key the finding of an incident is kept under. */
  public static String keyOf(String incidentKey) {
    return "finding/" + incidentKey;
  }

  public Finding withReview(Review r) {
    return new Finding(
        incidentKey,
        onset,
        services,
        links,
        confidence,
        guess,
        verdict,
        verdictReasons,
        gaps,
        scores,
        stagingEvidence,
        r,
        alternatives);
  }

  /** The verdict that counts: the reviewer's when given. */
  public Verdict effectiveVerdict() {
    return review != null && review.verdict() != null ? review.verdict() : verdict;
  }

  /** The gaps that count: the reviewer's when given. */
  public List<Gap> effectiveGaps() {
    return review != null && review.gaps() != null ? review.gaps() : gaps;
  }

  /** The deploy keys that count: the reviewer's when given. */
  public List<String> effectiveDeployKeys() {
    if (review != null && review.deployKeys() != null) {
      return review.deployKeys();
    }
    return links.stream().map(DeployLink::deployKey).toList();
  }

  public boolean reviewed() {
    return review != null;
  }
}
