package dev.rehearsal.prose;

import java.util.regex.Pattern;

/**
 * A sentence that sets production against staging: "Ingress in production has a 30 s idle timeout,
 * staging ingress has none", "the truststore on prod nodes was older than on staging", "prod acts
 * unlike staging". The config gap is staging set up unlike production (the seed essay); a sentence
 * that compares the two environments and speaks of nothing the other gaps' words name (rows,
 * traffic, a mocked dependency) tells that gap (decision 0024).
 *
 * <p>A sentence that only tells the change's way through the environments ("deployed to staging on
 * Monday and to production on Tuesday", "it passed staging and failed in prod") compares nothing,
 * unless it also holds a word of comparison ("than", "unlike", "differs", "only in", "none").
 */
public final class EnvironmentContrast {
  private EnvironmentContrast() {}

  private static final Pattern PRODUCTION = Pattern.compile("(?i)\\b(prod|production)\\b");

  private static final Pattern STAGING =
      Pattern.compile(
          "(?i)\\b(staging|pre-?prod|pre-?production|uat|qa env(ironment)?"
              + "|test env(ironment)?)\\b");

  /** The change moving through the environments, or staging's test of it. */
  private static final Pattern PASSAGE =
      Pattern.compile(
          "(?i)\\b(deploy(ed|s|ing)?|rolled out|roll(ing)? out|shipped|promoted|released|pushed"
              + "|went (out|to|live)|reached|passed|ran|tested|worked|succeeded|green)\\b");

  /** Words that compare two things. */
  private static final Pattern COMPARISON =
      Pattern.compile(
          "(?i)\\b(than|unlike|differ\\w*|different|mismatch\\w*|vs|versus|whereas|while|only (in|on)"
              + "|none|lacks?|lacking|missing|not (the )?same|same as)\\b");

  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+|\\n");

  /** The first sentence of the text that sets production against staging, or null. */
  public static String first(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    for (String sentence : SENTENCE_END.split(text)) {
      if (contrasts(sentence)) {
        return sentence.strip();
      }
    }
    return null;
  }

  public static boolean contrasts(String sentence) {
    return PRODUCTION.matcher(sentence).find()
        && STAGING.matcher(sentence).find()
        && (COMPARISON.matcher(sentence).find() || !PASSAGE.matcher(sentence).find());
  }
}
