package dev.rehearsal.importers.deploys;

import dev.rehearsal.importers.ImportContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What names and messages say: whether a job or workflow name deploys, which environment a name
 * mentions, pull/merge request numbers in commit messages, and whether a ref is a version.
 */
final class Words {
  private Words() {}

  /** deploy, deployment, release, promote, rollout, rollback as words or word starts. */
  private static final Pattern DEPLOY =
      Pattern.compile("(?i)(?:^|[^a-z])(deploy|release|promot|roll-?out|roll-?back|ship-?it)");

  private static final Pattern ROLLBACK =
      Pattern.compile("(?i)(?:^|[^a-z])(roll-?back|revert|rolled back|undo)");
  private static final Pattern PR_MERGE = Pattern.compile("(?i)merge pull request #(\\d+)");
  private static final Pattern PR_SQUASH = Pattern.compile("\\(#(\\d+)\\)");
  private static final Pattern MR = Pattern.compile("(?i)see merge request\\s+[\\w./-]*!(\\d+)");
  private static final Pattern VERSION =
      Pattern.compile(
          "(?i)^(?:v|version[-_ ]?|release[-_/]?)?\\d+(?:\\.\\d+){1,3}(?:[-+.~][0-9a-z.+-]+)?$");
  private static final Pattern SHA = Pattern.compile("(?i)^[0-9a-f]{7,64}$");

  /** The deploy word a name contains ("deploy", "release" ...), or null. */
  static String deployWord(String... names) {
    for (String n : names) {
      if (n == null) {
        continue;
      }
      Matcher m = DEPLOY.matcher(n);
      if (m.find()) {
        return m.group(1).toLowerCase(Locale.ROOT);
      }
    }
    return null;
  }

  /** Whether a text says rollback or revert. */
  static boolean saysRollback(String... texts) {
    for (String t : texts) {
      if (t != null && ROLLBACK.matcher(t).find()) {
        return true;
      }
    }
    return false;
  }

  /** "pr:N" for "Merge pull request #N" and squash titles "(#N)"; "mr:N" for GitLab's trailer. */
  static List<String> changeRefs(String message) {
    Set<String> out = new LinkedHashSet<>();
    if (message != null) {
      Matcher m = PR_MERGE.matcher(message);
      while (m.find()) {
        out.add("pr:" + m.group(1));
      }
      m = PR_SQUASH.matcher(message);
      while (m.find()) {
        out.add("pr:" + m.group(1));
      }
      m = MR.matcher(message);
      while (m.find()) {
        out.add("mr:" + m.group(1));
      }
    }
    return new ArrayList<>(out);
  }

  /** Whether a ref reads as a version or release tag ("v2.14.3", "1.4.2", "release-3.1"). */
  static boolean versionLike(String ref) {
    return ref != null && VERSION.matcher(ref.strip()).matches();
  }

  /** Whether a text is a (full or abbreviated) commit SHA. */
  static boolean sha(String s) {
    return s != null && SHA.matcher(s.strip()).matches();
  }

  /**
   * The part of a name that names an environment the user's table knows ("Deploy to production"
   * gives "production", "pre-prod" gives "pre-prod"), or null. Pairs of words are tried before
   * single words, so "pre-prod" is not read as "prod".
   */
  static String environmentIn(String name, ImportContext ctx) {
    if (name == null) {
      return null;
    }
    String[] tokens = name.split("[^\\p{L}\\p{N}]+");
    List<String> words = new ArrayList<>();
    for (String t : tokens) {
      if (!t.isEmpty()) {
        words.add(t);
      }
    }
    for (int i = 0; i + 1 < words.size(); i++) {
      String pair = words.get(i) + "-" + words.get(i + 1);
      if (knownEnvironment(pair, ctx)
          && !ctx.environment(pair).equals(ctx.environment(words.get(i + 1)))) {
        return pair; // "pre-prod" is staging, not production
      }
    }
    for (String w : words) {
      if (knownEnvironment(w, ctx)) {
        return w;
      }
    }
    return null;
  }

  /** Whether the user's environment table maps this name to one of its environments. */
  static boolean knownEnvironment(String raw, ImportContext ctx) {
    if (raw == null || raw.isBlank()) {
      return false;
    }
    return ctx.environments().table().containsKey(ctx.environment(raw));
  }

  /**
   * Splits an application name that ends in an environment ("checkout-staging", "checkout-prod-eu")
   * into service and environment; null when it does not end in one. The shortest ending that names
   * an environment wins, so "my-app-staging" gives "my-app".
   */
  static String[] splitEnvironmentSuffix(String name, ImportContext ctx) {
    if (name == null) {
      return null;
    }
    String n = name.strip();
    for (int i = n.length() - 1; i > 0; i--) {
      char c = n.charAt(i);
      if (c == '-' || c == '_' || c == '.') {
        String suffix = n.substring(i + 1);
        String head = n.substring(0, i);
        if (!suffix.isEmpty() && !head.isBlank() && knownEnvironment(suffix, ctx)) {
          return new String[] {head, suffix};
        }
      }
    }
    return null;
  }
}
