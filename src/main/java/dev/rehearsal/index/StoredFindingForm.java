package dev.rehearsal.index;

import dev.rehearsal.model.DeployLink;
import dev.rehearsal.model.Evidence;
import dev.rehearsal.model.Finding;
import dev.rehearsal.model.Reason;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a finding is stored: as it is, without two repeats, each put back when it is read. What is
 * read back equals what was stored ({@code StoredFindingFormTest}); a finding stored in full reads
 * the same.
 *
 * <ul>
 *   <li>A link's reasons do not repeat the link's own deploy. A reason that places the deploy (the
 *       same service, upstream, timing) names it in full (key, service, version, commit,
 *       environment and time) so that it reads on its own; those six arguments, when they are
 *       exactly the link's, are stored as one argument, {@value #THE_LINK}, in their place.
 *   <li>The verdict's reasons do not repeat the staging runs. A run's reason is its evidence's
 *       fields ({@link Evidence.RunResult#reason}); when it is exactly that of the staging evidence
 *       at index k, it is stored with the one argument {@code evidence} of k (a run's reason in
 *       full has a dozen).
 * </ul>
 *
 * <p>Why: a hundred thousand findings are written at every analysis, and these repeats were a fifth
 * of their bytes (each link and each alternative the linker weighed named its deploy twice, and
 * each staging run behind the verdict was named twice).
 */
final class StoredFindingForm {
  /**
   * The argument that stands for the link's deploy in a stored reason: no reason has an argument of
   * that name (theirs are words).
   */
  static final String THE_LINK = "@deploy";

  /** The argument of a stored run reason naming the staging evidence it repeats. */
  private static final String EVIDENCE = "evidence";

  private static final List<String> DEPLOY_FIELDS =
      List.of("deploy", "service", "version", "commit", "env", "at");

  private StoredFindingForm() {}

  /** The finding as stored. */
  static Finding compact(Finding f) {
    return with(
        f,
        compact(f.links()),
        compact(f.alternatives()),
        compactRuns(f.verdictReasons(), f.stagingEvidence()));
  }

  /** The finding as read back: every repeat in full again. */
  static Finding expand(Finding f) {
    return with(
        f,
        expand(f.links()),
        expand(f.alternatives()),
        expandRuns(f.verdictReasons(), f.stagingEvidence()));
  }

  private static Finding with(
      Finding f,
      List<DeployLink> links,
      List<DeployLink> alternatives,
      List<Reason> verdictReasons) {
    if (links == f.links()
        && alternatives == f.alternatives()
        && verdictReasons == f.verdictReasons()) {
      return f;
    }
    return new Finding(
        f.incidentKey(),
        f.onset(),
        f.services(),
        links,
        f.confidence(),
        f.guess(),
        f.verdict(),
        verdictReasons,
        f.gaps(),
        f.scores(),
        f.stagingEvidence(),
        f.review(),
        alternatives);
  }

  private static List<DeployLink> compact(List<DeployLink> links) {
    List<DeployLink> out = null;
    for (int i = 0; i < links.size(); i++) {
      DeployLink l = links.get(i);
      List<Reason> reasons = compactReasons(l);
      if (reasons != l.reasons()) {
        if (out == null) {
          out = new ArrayList<>(links);
        }
        out.set(i, withReasons(l, reasons));
      }
    }
    return out == null ? links : out;
  }

  private static List<Reason> compactReasons(DeployLink l) {
    List<String> own = ownFields(l);
    if (own == null) {
      return l.reasons();
    }
    List<Reason> out = null;
    for (int i = 0; i < l.reasons().size(); i++) {
      Reason r = l.reasons().get(i);
      Reason c = compact(r, own);
      if (c != r) {
        if (out == null) {
          out = new ArrayList<>(l.reasons());
        }
        out.set(i, c);
      }
    }
    return out == null ? l.reasons() : out;
  }

  /**
   * The reason without the link's deploy, when it names that deploy in full, its six arguments next
   * to each other in their usual order; otherwise the reason itself.
   */
  private static Reason compact(Reason r, List<String> own) {
    if (!own.get(0).equals(r.args().get("deploy"))) {
      return r;
    }
    Map<String, String> args = new LinkedHashMap<>();
    int matched = -1; // how many of the six came in order so far; -1 before the first
    for (Map.Entry<String, String> e : r.args().entrySet()) {
      if (matched >= 0 && matched < DEPLOY_FIELDS.size()) {
        if (!e.getKey().equals(DEPLOY_FIELDS.get(matched))
            || !e.getValue().equals(own.get(matched))) {
          return r;
        }
        matched++;
        continue;
      }
      if (e.getKey().equals("deploy")) {
        args.put(THE_LINK, "");
        matched = 1;
        continue;
      }
      args.put(e.getKey(), e.getValue());
    }
    return matched == DEPLOY_FIELDS.size() ? new Reason(r.code(), args) : r;
  }

  private static List<DeployLink> expand(List<DeployLink> links) {
    if (!anyCompacted(links)) {
      return links;
    }
    List<DeployLink> out = new ArrayList<>(links.size());
    for (DeployLink l : links) {
      List<String> own = ownFields(l);
      List<Reason> reasons = new ArrayList<>(l.reasons().size());
      for (Reason r : l.reasons()) {
        reasons.add(own != null && r.args().containsKey(THE_LINK) ? expand(r, own) : r);
      }
      out.add(withReasons(l, reasons));
    }
    return out;
  }

  private static Reason expand(Reason r, List<String> own) {
    Map<String, String> args = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : r.args().entrySet()) {
      if (e.getKey().equals(THE_LINK)) {
        for (int k = 0; k < DEPLOY_FIELDS.size(); k++) {
          args.put(DEPLOY_FIELDS.get(k), own.get(k));
        }
      } else {
        args.put(e.getKey(), e.getValue());
      }
    }
    return new Reason(r.code(), args);
  }

  private static boolean anyCompacted(List<DeployLink> links) {
    for (DeployLink l : links) {
      for (Reason r : l.reasons()) {
        if (r.args().containsKey(THE_LINK)) {
          return true;
        }
      }
    }
    return false;
  }

  // ------------------------------------------------------------------ staging runs

  private static List<Reason> compactRuns(List<Reason> reasons, List<Evidence> evidence) {
    Map<Reason, Integer> runs = null; // each run's reason, to its first index in the evidence
    List<Reason> out = null;
    for (int i = 0; i < reasons.size(); i++) {
      Reason r = reasons.get(i);
      if (r.code() != Reason.Code.RUN) {
        continue;
      }
      if (runs == null) {
        runs = new java.util.HashMap<>();
        for (int k = 0; k < evidence.size(); k++) {
          if (evidence.get(k) instanceof Evidence.RunResult run) {
            runs.putIfAbsent(run.reason(), k);
          }
        }
      }
      Integer k = runs.get(r);
      if (k != null) {
        if (out == null) {
          out = new ArrayList<>(reasons);
        }
        out.set(i, new Reason(Reason.Code.RUN, Map.of(EVIDENCE, Integer.toString(k))));
      }
    }
    return out == null ? reasons : out;
  }

  private static List<Reason> expandRuns(List<Reason> reasons, List<Evidence> evidence) {
    List<Reason> out = null;
    for (int i = 0; i < reasons.size(); i++) {
      Reason r = reasons.get(i);
      if (r.code() == Reason.Code.RUN && r.args().size() == 1 && r.args().containsKey(EVIDENCE)) {
        int k = Integer.parseInt(r.args().get(EVIDENCE));
        if (out == null) {
          out = new ArrayList<>(reasons);
        }
        out.set(i, ((Evidence.RunResult) evidence.get(k)).reason());
      }
    }
    return out == null ? reasons : out;
  }

  // ------------------------------------------------------------------ links

  /**
   * The link's deploy as a reason names it, in the order of {@link #DEPLOY_FIELDS}; null when the
   * link lacks a field (nothing is compacted then).
   */
  private static List<String> ownFields(DeployLink l) {
    if (l.deployKey() == null
        || l.service() == null
        || l.version() == null
        || l.commitSha() == null
        || l.environment() == null
        || l.at() == null) {
      return null;
    }
    return List.of(
        l.deployKey(),
        l.service(),
        l.version(),
        l.commitSha(),
        l.environment(),
        dev.rehearsal.util.IsoInstants.text(l.at()));
  }

  private static DeployLink withReasons(DeployLink l, List<Reason> reasons) {
    return new DeployLink(
        l.deployKey(),
        l.service(),
        l.version(),
        l.commitSha(),
        l.environment(),
        l.at(),
        l.confidence(),
        l.explicit(),
        l.byTimeAlone(),
        reasons,
        l.evidence());
  }
}
