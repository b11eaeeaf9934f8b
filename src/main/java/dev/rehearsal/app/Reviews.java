package dev.rehearsal.app;

import dev.rehearsal.index.Workspace;
import dev.rehearsal.model.Deploy;
import dev.rehearsal.model.Finding;
import dev.rehearsal.model.Gap;
import dev.rehearsal.model.Review;
import dev.rehearsal.model.Verdict;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A reviewer confirms or corrects what the analysis says about an incident. A review that
 * contradicts itself (gaps on an incident no change caused, a staging verdict without a change) is
 * refused with a message that says how to write it. Every review is kept with who made it and when;
 * the latest is in force and wins over the engine.
 */
public final class Reviews {
  private final Workspace ws;
  private final Clock clock;
  private final WriteAccess access;

  Reviews(Workspace ws, WriteAccess access) {
    this(ws, Clock.systemUTC(), access);
  }

  Reviews(Workspace ws, Clock clock) {
    this(ws, clock, new WriteAccess(ws));
  }

  Reviews(Workspace ws, Clock clock, WriteAccess access) {
    this.ws = ws;
    this.clock = clock;
    this.access = access;
  }

  /**
   * What a reviewer decides. A null part is not decided (the engine's answer stands for it).
   *
   * @param incident the incident: its key, source/id, or the id its tool shows
   * @param confirm take the engine's link, verdict and gaps for every part not given
   * @param links the deploys that caused it (keys, with or without "deploy/"); empty with {@code
   *     noLink}
   * @param noLink no change caused it
   */
  public record Request(
      String incident,
      boolean confirm,
      Verdict verdict,
      List<Gap> gaps,
      List<String> links,
      boolean noLink,
      String note,
      String reviewer) {}

  /**
   * A review the rules refuse, with how to write it instead: in the words of the review's fields
   * (change, verdict, gaps) as the window shows them ({@link #getMessage}), and in the command
   * line's options ({@link #forCommandLine}).
   */
  public static final class Refused extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String commandLine;

    /** A refusal that reads the same on every front end. */
    Refused(String message) {
      this(message, message);
    }

    Refused(String message, String commandLine) {
      super(message);
      this.commandLine = commandLine;
    }

    /** The refusal as the command line says it, naming its options. */
    public String forCommandLine() {
      return commandLine;
    }

    /** This refusal, told in the command line's words. */
    public Refused inCommandLineWords() {
      return new Refused(commandLine);
    }
  }

  /**
   * A review that was saved, whether it applies now or when the analysis next runs, and, in a copy
   * of a team workspace, what became of it there.
   *
   * @param team a sentence saying what became of it in the team workspace; empty in a workspace of
   *     one's own
   * @param notInTeam it was meant for a team workspace, which did not take it (it is kept here)
   */
  public record Saved(Review review, boolean appliedToFinding, String team, boolean notInTeam) {
    public Saved(Review review, boolean appliedToFinding) {
      this(review, appliedToFinding, "", false);
    }

    /** This review, with what became of it in the team workspace. */
    Saved withTeam(String sentence, boolean taken) {
      return new Saved(review, appliedToFinding, sentence, !taken);
    }
  }

  /** Checks a review against the rules and the workspace, and saves it. */
  public Saved save(Request q) throws IOException {
    String key = IncidentDetails.resolve(ws, q.incident());
    Finding f = ws.records().get("finding/" + key, Finding.class).orElse(null);
    if (q.noLink() && q.links() != null && !q.links().isEmpty()) {
      throw new Refused(
          "a review names the change that caused the incident or says no change did, not both",
          "--link and --no-link exclude each other: say which deploy caused it, or"
              + " that no change did");
    }
    if (!q.confirm()
        && q.verdict() == null
        && q.gaps() == null
        && q.links() == null
        && !q.noLink()) {
      throw new Refused(
          "say what the review decides: confirm what the engine found, or give the change, the"
              + " verdict or the gaps",
          "say what the review decides: --confirm, --verdict, --gaps, --link or --no-link");
    }
    if (q.confirm() && f == null) {
      throw new Refused(
          "there is no analysis of " + key + " to confirm yet; run `rehearsal analyze` first");
    }
    List<String> deployKeys = q.noLink() ? List.of() : deployKeys(q.links());
    Verdict verdict = q.verdict();
    List<Gap> gaps = q.gaps() == null ? null : List.copyOf(q.gaps());
    if (q.confirm()) {
      deployKeys =
          deployKeys != null ? deployKeys : f.links().stream().map(l -> l.deployKey()).toList();
      verdict = verdict != null ? verdict : f.verdict();
      gaps = gaps != null ? gaps : f.gaps();
    }
    if (verdict == Verdict.NOT_CHANGE_RELATED && deployKeys == null) {
      deployKeys = List.of(); // no change caused it: no link either
    }
    checkConsistent(key, f, deployKeys, verdict, gaps);
    Review review =
        new Review(key, deployKeys, verdict, gaps, q.note(), q.reviewer(), Instant.now(clock));
    Finding finding = f;
    return access.write(
        "Saving the review",
        () -> {
          ws.writes().putReview(review);
          if (finding != null) {
            ws.writes().putFinding(finding.withReview(review));
          }
          ws.writes().commit();
          return new Saved(review, finding != null);
        });
  }

  /** Every review of an incident, oldest first; the last is in force. */
  public List<Review> history(String incident) throws IOException {
    return ws.records().reviewHistory(IncidentDetails.resolve(ws, incident));
  }

  private List<String> deployKeys(List<String> links) throws IOException {
    if (links == null) {
      return null;
    }
    Set<String> keys = new LinkedHashSet<>();
    for (String l : links) {
      String k = l.strip().startsWith("deploy/") ? l.strip() : "deploy/" + l.strip();
      var d = ws.records().get(k, Deploy.class);
      if (d.isEmpty()) {
        throw new Refused(
            "no deploy " + k + " in the workspace (give its key as `rehearsal explain` shows it)");
      }
      keys.add(k);
    }
    return new ArrayList<>(keys);
  }

  /**
   * The rules a review must keep: gaps belong to escapes; a staging verdict belongs to a change;
   * "unexplained" stands alone.
   */
  private static void checkConsistent(
      String key, Finding f, List<String> deployKeys, Verdict verdict, List<Gap> gaps) {
    boolean noChange = deployKeys != null && deployKeys.isEmpty();
    Verdict effective = verdict != null ? verdict : f == null ? null : f.verdict();
    if (noChange && verdict != null && verdict != Verdict.NOT_CHANGE_RELATED) {
      String problem =
          "the review says no change caused "
              + key
              + " but gives the staging verdict '"
              + code(verdict)
              + "', which only a change can have";
      throw new Refused(
          problem
              + "; choose the verdict 'not change related', or choose the change that caused it",
          problem
              + "; write --no-link --verdict not_change_related, or name the deploy with --link");
    }
    boolean engineLinked = f != null && !f.links().isEmpty();
    if (verdict != null
        && verdict != Verdict.NOT_CHANGE_RELATED
        && verdict != Verdict.UNKNOWN
        && deployKeys == null
        && !engineLinked) {
      String problem =
          "the verdict '"
              + code(verdict)
              + "' is about a change, and the engine linked none to "
              + key;
      throw new Refused(
          problem + "; choose the change that caused it", problem + "; name it with --link DEPLOY");
    }
    if (verdict == Verdict.NOT_CHANGE_RELATED && deployKeys != null && !deployKeys.isEmpty()) {
      String problem =
          "the review links " + String.join(", ", deployKeys) + " but says no change caused it";
      throw new Refused(
          problem + "; leave the change out, or choose the verdict staging had",
          problem + "; drop --link, or give the verdict staging had");
    }
    if (gaps != null && !gaps.isEmpty()) {
      if (noChange || effective == Verdict.NOT_CHANGE_RELATED) {
        String problem =
            "a staging gap explains an escape, and "
                + key
                + (verdict == null
                    ? " is not change-related (the engine's verdict)"
                    : " would not be change-related");
        throw new Refused(
            problem
                + "; clear the gaps, or choose the verdict 'escape' (and the change, when the"
                + " engine found none)",
            problem
                + "; drop --gaps, or give --verdict escape (with --link when the engine found no"
                + " change)");
      }
      if (effective != null && effective != Verdict.ESCAPE) {
        String problem =
            "a staging gap explains an escape, and the verdict is '"
                + code(effective)
                + "'"
                + (verdict == null ? " (the engine's)" : "");
        throw new Refused(
            problem + "; choose the verdict 'escape' with the gaps, or clear the gaps",
            problem + "; give --verdict escape with the gaps, or drop --gaps");
      }
      if (gaps.contains(Gap.UNEXPLAINED) && gaps.size() > 1) {
        throw new Refused("'unexplained' stands alone: give the gaps, or unexplained, not both");
      }
      if (new LinkedHashSet<>(gaps).size() != gaps.size()) {
        throw new Refused("each gap once, most important first");
      }
    }
  }

  private static String code(Verdict v) {
    return v.name().toLowerCase(java.util.Locale.ROOT);
  }
}
