package dev.rehearsal.prose;

import java.util.regex.Pattern;

/**
 * The ways people write that something was not the cause: a suspect ruled out, a change that made
 * no difference, touched nothing that matters or does not fit the timeline. The linker reads them
 * around a cited change (a citation said to be innocent does not make its change a suspect); {@link
 * CauseSentences} reads them in every clause (a clause that sets something aside does not tell the
 * cause).
 */
public final class NotTheCause {
  private NotTheCause() {}

  /**
   * What says a change was not the cause: the ways people write that a suspect is innocent (ruled
   * out, excluded, unrelated, cleared, off the hook, not to blame, a red herring, a coincidence,
   * live long before the errors, the timeline says otherwise, "not the Tuesday rollout either").
   */
  private static final Pattern RULED_OUT =
      Pattern.compile(
          "(?i)\\b(ruled out|rules? (it|that|this)? ?out|was excluded|were excluded|excluded as"
              + "|not the (cause|culprit|trigger|problem|root cause|reason|source|one)"
              + "|not (caused|triggered|introduced) by|not related to|unrelated|innocent"
              + "|red herring|false (lead|alarm|trail)|played no part|no role|no part in"
              + "|did not cause|didn't cause|does not explain|doesn't explain"
              + "|(is|was|were|are) not (involved|responsible|related|to blame|at fault|it)"
              + "|(isn't|wasn't|weren't|aren't) (involved|responsible|related|to blame|at fault|it)"
              + "|not (to blame|at fault|guilty)|nothing to do with|no (link|connection|correlation)"
              + "|coinciden(ce|tal)|only touched|(had|has|have) been (live|running|out|in"
              + " production) for (days|weeks|months)|(went|was|were) (out|live|deployed|shipped)"
              + " (hours|days|weeks) (before|earlier)|long before the (first )?(error|alert|page"
              + "|incident)|exonerated|cleared of|(is|was|were|are|got|been) cleared"
              + "|off the hook|in the clear|(say|says|said|show|shows|showed|suggest|suggests|suggested|prove|proves"
              + "|proved) otherwise|turned out (not|to be (unrelated|fine|innocent|harmless))"
              + "|eliminated|dismissed|discounted|not (the|that) [\\w .'-]{1,40}?"
              + " (rollout|roll-out|deploy|deployment|release|change|push|build) either)\\b");

  /** A piece of each of {@link #RULED_OUT}'s alternatives, in the same order. */
  private static final Screen RULED_OUT_WORDS =
      Screen.anyOf(
          "rule",
          "excluded",
          "not the ",
          "ed by",
          "related",
          "innocent",
          "herring",
          "false ",
          "no part",
          "no role",
          "t cause",
          "explain",
          "involved",
          "responsible",
          "blame",
          "fault",
          "not it",
          "n't it",
          "guilty",
          "nothing to do",
          "no link",
          "no connection",
          "no correlation",
          "coinciden",
          "only touched",
          "for days",
          "for weeks",
          "for months",
          "s before",
          "s earlier",
          "long before",
          "exonerated",
          "cleared",
          "off the hook",
          "in the clear",
          "otherwise",
          "turned out",
          "eliminated",
          "dismissed",
          "discounted",
          "either");

  /**
   * A change looked at and found to make no difference, to touch nothing that matters here, or not
   * to fit the timeline: what responders write instead of "ruled out" ("reverted it; error rate
   * unchanged", "only a README change", "canary stayed green", "doesn't line up").
   */
  private static final Pattern NO_EFFECT =
      Pattern.compile(
          "(?i)\\b(no-?op|harmless|benign|irrelevant|not involved"
              + "|(so|it's|it is) not (it|that)(?=\\s*([.,;!]|$))"
              + "|, not (it|that)(?=\\s*([.,;!]|$))|so no|says no|moved on|discarded|excluded(?=[:,])"
              + "|cleared (after|by|on|once)|crossed (it )?off|can'?t be (this|it|that)"
              + "|cannot be (this|it|that)|nothing there|nothing (in it )?that could"
              + "|(is|it's) fine|been running cleanly since|(is|it's) clean"
              + "|ruled \\S+( \\S+)? out"
              // no effect when taken out
              + "|no (change|difference|improvement) in (the )?(errors|error rate|failures)"
              + "|made no difference|didn't help|did not help"
              + "|(errors?|error rate|failures) (unchanged|continued|kept coming|persisted|persist)"
              + "|same (errors|failures)(,| with)"
              + "|(errors|failures) also (appear|appeared|show|showed|happen|happened)"
              + "|without (a single |any )?(errors?|issues?|problems?)"
              // what it touched
              + "|(only (touches|touched|changes|changed|adds|added)|changes only) (the )?(readme|docs"
              + "|documentation|tests?|test fixtures|logging|metrics|comments|admin ui)"
              + "|only a (readme|docs|test|comment|ci)|(docs|test|readme)-only"
              + "|another module|a different (module|service)|test-scope|comments only"
              + "|not (this|our) service"
              // the timeline
              + "|timing (is wrong|doesn't fit|does not fit)|timeline (doesn't|does not) fit"
              + "|(doesn't|does not|didn't|did not) line up"
              + "|after the errors (had )?(already )?(begun|began|started))\\b");

  /** A piece of each of {@link #NO_EFFECT}'s alternatives, in the same order. */
  private static final Screen NO_EFFECT_WORDS =
      Screen.anyOf(
          "no-op",
          "noop",
          "harmless",
          "benign",
          "irrelevant",
          "involved",
          "not it",
          "not that",
          "so no",
          "says no",
          "moved on",
          "discarded",
          "excluded",
          "cleared",
          "crossed",
          "can't be",
          "cant be",
          "cannot be",
          "nothing",
          "fine",
          "cleanly",
          "clean",
          "ruled ",
          "no change",
          "no difference",
          "no improvement",
          "t help",
          "unchanged",
          "continued",
          "kept coming",
          "persist",
          "same errors",
          "same failures",
          "s also ",
          "without ",
          "only",
          "another module",
          "a different ",
          "test-scope",
          "not this",
          "not our",
          "timing",
          "timeline",
          "line up",
          "after the errors");

  /**
   * Staging, tests and pre-production: a change that ran there without errors is what an escape is,
   * not a change ruled out.
   */
  private static final Pattern STAGING_WORDS =
      Pattern.compile("(?i)\\b(staging|stage|pre-?prod|preproduction|qa|uat|test env|e2e)\\b");

  /**
   * Whether a clause says what it speaks of was not the cause: ruled out, unrelated, no effect, not
   * fitting the timeline ({@link #RULED_OUT}, {@link #NO_EFFECT}).
   */
  public static boolean says(String clause) {
    return says(clause, Screen.asciiLower(clause));
  }

  /** As {@link #says(String)}, given the clause with its ASCII letters in lower case too. */
  static boolean says(String clause, String lower) {
    return RULED_OUT_WORDS.passes(lower) && RULED_OUT.matcher(clause).find()
        || NO_EFFECT_WORDS.passes(lower) && noEffect(clause);
  }

  /** The rule alone, every pattern tried: what {@link #says} must always agree with. */
  public static boolean saysUnscreened(String clause) {
    return RULED_OUT.matcher(clause).find() || noEffect(clause);
  }

  /** Whether a clause says the change made no difference, outside staging. */
  private static boolean noEffect(String clause) {
    return NO_EFFECT.matcher(clause).find() && !STAGING_WORDS.matcher(clause).find();
  }
}
