package dev.rehearsal.prose;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sentences of an incident's text that tell what went wrong, apart from those that do not:
 * observations the responders checked and set aside ("CPU on two nodes was a bit high, probably
 * unrelated", "Checked the DB slow log: nothing out of the ordinary", "Config repo had no commits
 * that day"), the remedy ("Toggled the flag off via the admin UI", "Bumped replicas from 6 to 20")
 * and the follow-up ("Next: a weekly diff of env configs", an "Action items" section). The gap is
 * what let the change through, so a gap's words count only where the text tells the cause (decision
 * 0024); a word in a set-aside sentence describes the investigation, the cure or the plan.
 *
 * <p>A sentence ends at a line break or at '.', '!' or '?' followed by white space. Within a
 * sentence, "but", "however", "although", "though" and "yet" start a clause of their own: "load
 * tests looked fine, but production peaked at ten times that" sets aside only what comes before
 * "but". A Markdown heading that names the remedy or the follow-up sets aside the lines under it,
 * up to the next heading.
 */
public final class CauseSentences {
  private CauseSentences() {}

  /**
   * The text without its set-aside parts, and those parts in their order.
   *
   * @param kept the sentences that tell the cause, joined by spaces and line breaks as they were
   * @param setAside the sentences or clauses set aside, trimmed
   */
  public record Split(String kept, List<String> setAside) {}

  /** Observations found normal, or not significant: what a responder checked and moved past. */
  private static final Pattern FOUND_NORMAL =
      Pattern.compile(
          "(?i)\\b(nothing (out of the ordinary|unusual|abnormal|suspicious|relevant|stood out"
              + "|changed|new)|(looked|looks|look|was|were|is|are|stayed|remained|seemed|seems)"
              + " (normal|fine|healthy|flat|green|quiet|unremarkable|as expected|nominal|ok|okay)"
              + "|all green|flat|unremarkable|not significant|insignificant|as usual"
              + "|(had|has|have|with|saw|were|was) no (commits|changes|deploys|deployments)"
              + "|probably not)\\b");

  /** A piece of each of {@link #FOUND_NORMAL}'s alternatives. */
  private static final Screen FOUND_NORMAL_WORDS =
      Screen.anyOf(
          "nothing",
          "normal",
          "fine",
          "healthy",
          "flat",
          "green",
          "quiet",
          "unremarkable",
          "expected",
          "nominal",
          " ok",
          "significant",
          "usual",
          "commits",
          "changes",
          "deploys",
          "deployments",
          "probably not");

  /** A sentence that tells the remedy: what was done to stop the harm. */
  private static final Pattern REMEDY =
      Pattern.compile(
          "(?i)^(mitigat\\w*|remediat\\w*|workaround|hotfix\\w*|toggled|flipped|disabled"
              + "|rolled back|reverted|undid|undo|redeployed|restarted|bumped|scaled|raised"
              + "|temporarily|failed over|dns failover|pinned|prod pinned|we (rolled back|reverted"
              + "|restarted|scaled|raised|bumped|toggled|flipped|disabled|failed over|pinned"
              + "|redeployed|mitigated))\\b");

  /**
   * A sentence that tells the follow-up: what the team will do next. A few words may come between
   * "follow-ups" or "action items" and the colon ("Follow-ups tracked in the incident epic: ...").
   */
  private static final Pattern FOLLOW_UP =
      Pattern.compile(
          "(?i)^(next( steps?)?\\s*:|todo\\b|action( items?)?\\b[^.:]{0,40}:|ai-\\d+\\b"
              + "|follow[- ]?ups?\\b[^.:]{0,40}:"
              + "|lessons?( learned)?\\s*:|going forward\\b|to prevent (this|a recurrence)\\b)");

  /** A Markdown heading of a section that tells the remedy or the follow-up. */
  private static final Pattern REMEDY_HEADING =
      Pattern.compile(
          "(?i)^#{1,6}\\s*(\\d+[.)]?\\s*)?(mitigation|remediation|resolution|recovery|action items?"
              + "|actions|follow[- ]?ups?|next steps|lessons( learned)?|what we('| a)re doing"
              + "|what went well|corrective actions|preventive actions|prevention)\\b.*");

  private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s.*");

  /** A label in front of a sentence, not part of it ("Postmortem summary: the ..."). */
  private static final Pattern LEAD_LABEL =
      Pattern.compile("(?i)^(postmortem summary|summary|finding|root cause|in short)\\s*:\\s*");

  private static final Pattern CLAUSE_BREAK =
      Pattern.compile("(?i)(,|;)?\\s+(but|however|although|though|yet)\\b");

  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");

  /** Splits a body of text (description and postmortem, not the title), every sentence judged. */
  public static Split of(String body) {
    return of(body, sentence -> true);
  }

  /**
   * Splits a body of text, judging only the sentences that matter to the caller (the others are
   * kept as they are): the analysis asks only of sentences that hold a word of some gap's
   * vocabulary or compare the environments, since setting aside any other changes nothing.
   */
  public static Split of(String body, java.util.function.Predicate<String> matters) {
    if (body == null || body.isEmpty()) {
      return new Split("", List.of());
    }
    StringBuilder kept = new StringBuilder(body.length());
    List<String> setAside = new ArrayList<>();
    boolean inRemedySection = false;
    for (String line : body.split("\n", -1)) {
      String trimmed = line.strip();
      if (HEADING.matcher(trimmed).matches()) {
        inRemedySection = REMEDY_HEADING.matcher(trimmed).matches();
        kept.append(line).append('\n');
        continue;
      }
      if (inRemedySection) {
        if (!trimmed.isEmpty() && matters.test(trimmed)) {
          setAside.add(trimmed);
        } else {
          kept.append(line);
        }
        kept.append('\n');
        continue;
      }
      for (String sentence : SENTENCE_END.split(line)) {
        keepCause(sentence, kept, setAside, matters);
      }
      kept.append('\n');
    }
    if (setAside.isEmpty()) {
      return new Split(body, List.of());
    }
    return new Split(kept.toString().strip(), List.copyOf(setAside));
  }

  private static void keepCause(
      String sentence,
      StringBuilder kept,
      List<String> setAside,
      java.util.function.Predicate<String> matters) {
    String s = sentence.strip();
    if (s.isEmpty()) {
      return;
    }
    Matcher label = LEAD_LABEL.matcher(s);
    String body = label.lookingAt() ? s.substring(label.end()) : s;
    boolean remedyOrFollowUp =
        REMEDY.matcher(body).lookingAt() || FOLLOW_UP.matcher(body).lookingAt();
    // clauses: a "but" starts a new one, which the one before does not speak for
    List<String> clauses = new ArrayList<>();
    Matcher br = CLAUSE_BREAK.matcher(s);
    int from = 0;
    while (br.find()) {
      clauses.add(s.substring(from, br.start()));
      from = br.start();
    }
    clauses.add(s.substring(from));
    boolean[] aside = new boolean[clauses.size()];
    boolean any = remedyOrFollowUp;
    for (int k = 0; k < aside.length && !remedyOrFollowUp; k++) {
      aside[k] = setsAside(clauses.get(k));
      any |= aside[k];
    }
    // a sentence that sets nothing aside is kept whole, as is one that does not matter to the
    // caller (asked last: of all these questions the caller's costs the most)
    if (!any || !matters.test(s)) {
      kept.append(s).append(' ');
      return;
    }
    if (remedyOrFollowUp) {
      setAside.add(s);
      return;
    }
    for (int k = 0; k < aside.length; k++) {
      if (aside[k]) {
        setAside.add(clauses.get(k).strip());
      } else {
        kept.append(clauses.get(k));
      }
    }
    kept.append(' ');
  }

  /** Whether a clause checks something and finds it normal, or says it was not the cause. */
  public static boolean setsAside(String clause) {
    String lower = Screen.asciiLower(clause);
    return FOUND_NORMAL_WORDS.passes(lower) && FOUND_NORMAL.matcher(clause).find()
        || NotTheCause.says(clause, lower);
  }

  /** The rule alone, every pattern tried: what {@link #setsAside} must always agree with. */
  public static boolean setsAsideUnscreened(String clause) {
    return FOUND_NORMAL.matcher(clause).find() || NotTheCause.saysUnscreened(clause);
  }
}
