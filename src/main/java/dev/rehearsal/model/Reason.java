package dev.rehearsal.model;

import java.util.Map;
import java.util.Objects;

/**
 * Why the analysis decided something, as a code with its arguments: the link to a deploy, the
 * staging verdict, or the absence of a link. Arguments are plain strings (numbers as written by
 * {@link #of}, instants in ISO-8601, lists comma-separated) so that the stored finding reads the
 * same in any front end; one class turns them into sentences.
 *
 * @param code what kind of reason
 * @param args its arguments by name; which names each code takes is documented on the code
 */
public record Reason(Code code, Map<String, String> args) {

  /** The kinds of reasons, with the arguments each carries. */
  public enum Code {
    // ------------------------------------------------------------------ linking
    /**
     * The incident cites the deploy: {@code cited} (kind: commit, version, id, title), {@code
     * text}; when it cites a staging deploy of the same change, {@code staged*} deploy fields.
     */
    CITED,
    /**
     * The incident cites the deploy only to rule it out: {@code text}, {@code factor}; when a word
     * this workspace learned set it aside ({@code RuleOutWords}), {@code word} and how many
     * citations of kept changes ({@code setAside} of {@code setAsideOf}) and of suspects ({@code
     * suspects} of {@code suspectsOf}) held it.
     */
    RULED_OUT,
    /** The incident says it was rolled back to a version: {@code phrase}. */
    ROLLBACK_TARGET_NAMED,
    /** The deploy is of the incident's own service: deploy fields, {@code beforeMs}. */
    SAME_SERVICE,
    /**
     * The deploy is of a service the incident's services depend on: {@code services}, deploy
     * fields, {@code beforeMs}.
     */
    UPSTREAM,
    /** As {@link #UPSTREAM}, and the incident names that service. */
    NAMED_UPSTREAM,
    /**
     * The deploy is of a service the incident names, neither its own nor one it is known to depend
     * on: deploy fields, {@code beforeMs}.
     */
    NAMED_SERVICE,
    /** The deploy's time before onset alone: deploy fields, {@code beforeMs}. */
    TIMING,
    /**
     * A production rollback during the incident went back past this deploy: {@code to}, {@code
     * beforeMs} (of the rollback, before onset; negative after).
     */
    ROLLED_BACK_PAST,
    /** Later deploys of the same service landed before onset: {@code count}, {@code service}. */
    INTERVENING,
    /** The deploy was recorded after onset, within the clock skew: {@code skewMinutes}. */
    AFTER_ONSET_WITHIN_SKEW,
    /** The deploy is a rollback: {@code inferred} (true when no tool said so). */
    IS_ROLLBACK,
    /** The deploy did not succeed: {@code status}. */
    DEPLOY_NOT_SUCCEEDED,
    /** The incident text points to a cause outside any change: {@code word}. */
    TEXT_EXTERNAL_CAUSE,
    /** The incident text says nothing was changed: {@code word}. */
    TEXT_NO_CHANGE,
    /** The incident text speaks of a change: {@code word}. */
    TEXT_CHANGE,
    /**
     * Linked as a suspect by time alone: the last deploy of the incident's own service before
     * onset, nothing shipped after it and nothing speaking against it, though it scored {@code
     * score}, below the {@code needed} (set on {@code calibratedOn} incidents whose change is
     * known; 0: the setting); such a deploy was the cause in {@code right} of the {@code weighed}
     * incidents here whose change is known.
     */
    SUSPECT_BY_TIME,
    /**
     * The incident's own words (besides any citation) are {@code ratio} times likelier among
     * incidents a change caused than among those none did, most of all {@code words}; learned from
     * {@code citing} incidents here that cite their change and {@code others} that cite nothing.
     */
    CHANGE_WORDS,
    /**
     * The score's fall with time was learned from {@code samples} incidents whose change is known:
     * their median lag {@code medianMs}, and the {@code share} of them that began at least {@code
     * beforeMs} after their change.
     */
    LEARNED_LAG,
    /** The incident text does not speak of a change. */
    TEXT_SILENT,
    /** Nothing linked: the incident names no known service and cites no change. */
    NO_SERVICE,
    /** Nothing linked: no production deploy in the window: {@code services}, {@code hours}. */
    NO_DEPLOY_IN_WINDOW,
    /**
     * Nothing linked: the best candidate scored too low: deploy fields, {@code score}, {@code
     * needed}, {@code calibratedOn} (how many incidents whose change is known set it; 0: the
     * setting), {@code precision} (the precision it was set for).
     */
    BELOW_THRESHOLD,
    /**
     * Nothing linked, and the last deploy of the incident's own service is not a suspect by time
     * alone: {@code why} (noCandidate, external, noChange, noOwnLastDeploy, intervening, ruledOut,
     * rollback, failed, cites, shippedAfter, tooLongAgo with {@code share} and {@code beforeMs},
     * timing with {@code beforeMs}, the timing band's {@code observed}, {@code expected}, {@code
     * bandFromMs} and {@code bandToMs}, and {@code wordsRatio}, empty when the workspace has no
     * incidents citing a change to learn the words from).
     */
    NOT_A_SUSPECT,
    /**
     * The workspace holds no deploys to judge by, so the gaps are proposed from the incident's text
     * alone and are not counted as escapes: {@code gaps} (comma-separated codes).
     */
    TEXT_ONLY,

    // ------------------------------------------------------------------ staging verdict
    /** The production deploy names neither a version nor a commit. */
    NO_RELEASE_ID,
    /**
     * The change was deployed to staging first: deploy fields (the staging deploy), {@code
     * beforeMs} (before production).
     */
    STAGED_BEFORE,
    /** No staging deploy record, but staging runs tested the change: {@code change}. */
    RUNS_WITHOUT_STAGING_DEPLOY,
    /**
     * No staging deploy of the change in the look-back: {@code service}, {@code change}, {@code
     * days}.
     */
    NOT_STAGED,
    /** The staging runs of the change executed no test: {@code change}. */
    RUNS_EMPTY,
    /** No staging run tested the change: {@code change}. */
    NO_RUNS,
    /** What one staging run said: the run's fields (see {@link Evidence.StagingRun}). */
    RUN,
    /** The change shipped after failing staging runs: {@code afterMs}, {@code count}. */
    SHIPPED_AFTER_FAILURE,

    // ------------------------------------------------------------------ service names
    /** A name reads as a service's: {@code name}, {@code service}, {@code how}, {@code score}. */
    NAME_MATCH,
    /**
     * A name's staging runs tested releases the service's deploys shipped: {@code shared}, {@code
     * of}.
     */
    SHARED_RELEASES,
    /**
     * A name's incidents follow the service's production deploys more often than chance: {@code
     * followed}, {@code of}, {@code expected} (the share chance gives).
     */
    FOLLOWS_DEPLOYS,
    /**
     * A name's incidents cite changes only the service shipped: {@code cited} of the {@code of}
     * incidents that cite any change; {@code expected}, how many would by chance (the service's
     * share of the production deploys).
     */
    CITES_CHANGES,
    /**
     * A name's incidents name the service in their words: {@code named} of its {@code of}
     * incidents; {@code expected}, how many would at the rate the other names' incidents do.
     */
    NAMED_IN_INCIDENTS,
    /** Another service fits the name nearly as well: {@code other}, {@code score}. */
    AMBIGUOUS_NAME,
    /**
     * The incident's service reads as the linked deploy's through an inferred alias: {@code name},
     * {@code service}, {@code score}.
     */
    INFERRED_ALIAS,

    // ------------------------------------------------------------------ tables
    /** The settings declare the table the service's: {@code service}, {@code pattern}. */
    TABLE_DECLARED,
    /**
     * The service's configuration names the table's schema or database: {@code key}, {@code
     * schema}, {@code environment}.
     */
    TABLE_SCHEMA_IN_CONFIG,
    /** The service's configuration names the table: {@code key}, {@code environment}. */
    TABLE_IN_CONFIG,
    /**
     * Incidents of the service name the table: {@code named} incidents of the service, of {@code
     * of} that name it at all.
     */
    TABLE_NAMED_IN_INCIDENTS,
    /**
     * Staging tests of the service name the table: one of them, {@code test}, in the run {@code
     * run} started {@code at}; {@code cases} distinct test cases of the service, of {@code of} that
     * name it at all.
     */
    TABLE_NAMED_IN_TESTS
  }

  public Reason {
    Objects.requireNonNull(code, "code");
    args = args == null ? ReasonArgs.EMPTY : ReasonArgs.copyOf(args);
  }

  /** A reason from alternating names and values; null values are left out. */
  public static Reason of(Code code, Object... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("names and values come in pairs");
    }
    ReasonArgs.Builder args = new ReasonArgs.Builder(namesAndValues.length / 2);
    for (int i = 0; i < namesAndValues.length; i += 2) {
      Object v = namesAndValues[i + 1];
      if (v != null) {
        args.put(String.valueOf(namesAndValues[i]), String.valueOf(v));
      }
    }
    return new Reason(code, args.build());
  }

  /** This reason with more arguments (replacing any of the same name). */
  public Reason with(Map<String, String> more) {
    ReasonArgs.Builder all = new ReasonArgs.Builder(ReasonArgs.copyOf(args), more.size());
    more.forEach(all::put);
    return new Reason(code, all.build());
  }

  /**
   * This reason with more arguments from alternating names and values (replacing any of the same
   * name), as {@link #with(Map)} without a map to build first.
   */
  public Reason with(String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("names and values come in pairs");
    }
    ReasonArgs.Builder all =
        new ReasonArgs.Builder(ReasonArgs.copyOf(args), namesAndValues.length / 2);
    for (int i = 0; i < namesAndValues.length; i += 2) {
      all.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return new Reason(code, all.build());
  }

  /** An argument, or "" when absent. */
  public String arg(String name) {
    return args.getOrDefault(name, "");
  }

  /** A numeric argument, or {@code otherwise} when absent or not a number. */
  public long number(String name, long otherwise) {
    try {
      return Long.parseLong(arg(name));
    } catch (NumberFormatException e) {
      return otherwise;
    }
  }

  /** A decimal argument, or NaN when absent or not a number. */
  public double decimal(String name) {
    try {
      return Double.parseDouble(arg(name));
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
