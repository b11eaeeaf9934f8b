package dev.rehearsal.app;

import dev.rehearsal.model.Evidence;
import dev.rehearsal.model.Reason;
import dev.rehearsal.model.RunOutcome;
import dev.rehearsal.model.RunType;
import dev.rehearsal.util.Texts;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reasons and evidence in words: the one place where the analysis's codes and figures become the
 * sentences the command line, the window and the reports show. Nothing reads these sentences back.
 */
public final class Sentences {
  /** An instant as people read it in a listing: {@code 2024-03-02 14:05 UTC}. */
  public static String minute(java.time.Instant at) {
    return MINUTE.format(at);
  }

  static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  /** Unnamed configuration keys and flags listed one by one before the rest are summed up. */
  static final int LISTED = 3;

  private Sentences() {}

  // ------------------------------------------------------------------ reasons

  /** A reason as one sentence. */
  public static String of(Reason r) {
    switch (r.code()) {
      case CITED:
        return "the incident cites "
            + cited(r.arg("cited"), r.arg("text"))
            + (r.arg("stagedDeploy").isEmpty() ? "" : ", staged as " + deploy(r, "staged"));
      case RULED_OUT:
        if (!r.arg("like").isEmpty()) {
          return "the incident sets this change aside: it cites \u201c"
              + r.arg("text")
              + "\u201d in a sentence written like the one with which "
              + shortKey(r.arg("like"))
              + " cites a change its reviewer did not hold responsible ("
              + Math.round(r.decimal("similarity") * 100)
              + " % of their words alike), so it weighs "
              + Texts.fixed(r.decimal("factor"), 2)
              + " of what it would";
        }
        if (!r.arg("probability").isEmpty()) {
          return "the incident sets this change aside: it cites \u201c"
              + r.arg("text")
              + "\u201d in a sentence that reads as ruling it out (probability "
              + Texts.fixed(r.decimal("probability"), 2)
              + " from a model of "
              + r.arg("trainedOn")
              + " labelled sentences citing a change"
              + (r.arg("words").isEmpty()
                  ? ""
                  : "; its words weighing most: \u201c"
                      + r.arg("words").replace(", ", "\u201d, \u201c")
                      + "\u201d")
              + "), so it weighs "
              + Texts.fixed(r.decimal("factor"), 2)
              + " of what it would";
        }
        if (!r.arg("word").isEmpty()) {
          return "the incident sets this change aside: it cites \u201c"
              + r.arg("text")
              + "\u201d in a sentence saying \u201c"
              + r.arg("word")
              + "\u201d, a word this workspace's incidents use for changes the responders kept ("
              + r.arg("setAside")
              + " of "
              + r.arg("setAsideOf")
              + " such citations) and seldom for changes they rolled back or a reviewer linked ("
              + r.arg("suspects")
              + " of "
              + r.arg("suspectsOf")
              + "), so it weighs "
              + Texts.fixed(r.decimal("factor"), 2)
              + " of what it would";
        }
        return "the incident rules this change out (\u201c"
            + r.arg("text")
            + "\u201d), so it weighs "
            + Texts.fixed(r.decimal("factor"), 2)
            + " of what it would";
      case ROLLBACK_TARGET_NAMED:
        return "the incident says \u201c"
            + r.arg("phrase")
            + "\u201d, so the deploy after that version is the suspect";
      case SAME_SERVICE:
        return "same service: " + where(r);
      case UPSTREAM:
        return "a service " + r.arg("services") + " depends on: " + where(r);
      case NAMED_UPSTREAM:
        return "named in the incident and a service "
            + r.arg("services")
            + " depends on: "
            + where(r);
      case NAMED_SERVICE:
        return "named in the incident: " + where(r);
      case TIMING:
        return where(r);
      case ROLLED_BACK_PAST:
        return "production was rolled back to "
            + r.arg("to")
            + " "
            + before(r.number("beforeMs", 0))
            + " onset, while the incident was open; this is the first deploy after "
            + r.arg("to");
      case INTERVENING:
        long n = r.number("count", 0);
        return n
            + " later deploy"
            + (n > 1 ? "s" : "")
            + " of "
            + r.arg("service")
            + " landed before onset";
      case AFTER_ONSET_WITHIN_SKEW:
        return "recorded after onset, within the allowed clock skew of "
            + r.arg("skewMinutes")
            + " min";
      case IS_ROLLBACK:
        return Boolean.parseBoolean(r.arg("inferred"))
            ? "it redeployed an earlier release (a rollback), which rarely causes an incident"
            : "it is a rollback, which rarely causes an incident";
      case DEPLOY_NOT_SUCCEEDED:
        return "the deploy "
            + r.arg("status").toLowerCase(Locale.ROOT)
            + ", so it may not have changed production";
      case TEXT_EXTERNAL_CAUSE:
        return "the incident text points to a cause outside any change" + quoted(r.arg("word"));
      case TEXT_NO_CHANGE:
        return "the incident text says nothing was changed" + quoted(r.arg("word"));
      case TEXT_CHANGE:
        return "the incident text speaks of a change" + quoted(r.arg("word"));
      case TEXT_SILENT:
        return "the incident text does not speak of a change";
      case NO_SERVICE:
        return "the incident names no service Rehearsal knows and cites no change";
      case NO_DEPLOY_IN_WINDOW:
        return "no production deploy of "
            + r.arg("services")
            + " or its dependencies in the "
            + r.arg("hours")
            + " h before onset, and no change cited";
      case BELOW_THRESHOLD:
        return "the most plausible change ("
            + deploy(r, "")
            + ") scored "
            + Texts.fixed(r.decimal("score"), 2)
            + ", below the "
            + Texts.fixed(r.decimal("needed"), 2)
            + " needed to link"
            + calibration(r);
      case NOT_A_SUSPECT:
        return "not linked by time alone either: " + notASuspect(r);
      case SUSPECT_BY_TIME:
        return "a suspect by time alone: the last deploy of the incident's own service before"
            + " onset, nothing shipped after it and nothing in the incident speaks against it;"
            + " it scored "
            + Texts.fixed(r.decimal("score"), 2)
            + ", under the "
            + Texts.fixed(r.decimal("needed"), 2)
            + " a link otherwise needs"
            + calibration(r)
            + (r.number("weighed", 0) == 0
                ? ""
                : "; such a deploy was the cause in "
                    + r.arg("right")
                    + " of "
                    + r.arg("weighed")
                    + " incidents here whose change is known")
            + odds(r);
      case CHANGE_WORDS:
        return "its words besides any citation are "
            + Texts.fixed(r.decimal("ratio"), 1)
            + " times as likely among incidents a change caused as among those none did"
            + (r.arg("words").isEmpty() ? "" : " (most of all: " + r.arg("words") + ")")
            + ", by how the "
            + r.arg("citing")
            + " incidents here that cite their change are written, against "
            + r.arg("others")
            + " that cite nothing";
      case LEARNED_LAG:
        return Texts.fixed(r.decimal("share") * 100, 0)
            + "% of the "
            + r.arg("samples")
            + " incidents here whose change is known began this long after it or later (median "
            + before(r.number("medianMs", 0)).replace(" before", "")
            + ")";
      case TEXT_ONLY:
        return "text only: no deploys or staging records to judge by, so the gaps ("
            + (r.arg("gaps").isEmpty() ? "none" : r.arg("gaps"))
            + ") are proposed from the incident's words alone and not counted as escapes";
      case NO_RELEASE_ID:
        return "the production deploy names neither a version nor a commit, so it cannot be found"
            + " in staging";
      case STAGED_BEFORE:
        return "deployed to staging "
            + before(r.number("beforeMs", 0))
            + " production ("
            + deploy(r, "")
            + ")";
      case RUNS_WITHOUT_STAGING_DEPLOY:
        return "no staging deploy record, but staging runs tested " + r.arg("change");
      case NOT_STAGED:
        return "no staging deploy of "
            + r.arg("service")
            + " "
            + r.arg("change")
            + " in the "
            + r.arg("days")
            + " days before it shipped to production"
            + (r.number("learnedOn", 0) > 0
                ? " (as long as 95% of the "
                    + r.arg("learnedOn")
                    + " changes here staged before production waited there)"
                : "");
      case RUNS_EMPTY:
        return "the staging runs of " + r.arg("change") + " executed no test";
      case NO_RUNS:
        return "no staging test or load-test run of " + r.arg("change") + " was found";
      case RUN:
        return run(
            r.arg("suite"),
            RunType.valueOf(r.arg("type")),
            RunOutcome.valueOf(r.arg("outcome")),
            Instant.parse(r.arg("at")),
            (int) r.number("total", 0),
            (int) r.number("skipped", 0),
            (int) r.number("failed", 0),
            r.arg("firstFailure"),
            r.number("requests", 0),
            r.decimal("peakRps"),
            r.decimal("p95Ms"),
            Boolean.parseBoolean(r.arg("thresholdsFailed")),
            Boolean.parseBoolean(r.arg("environmentStated")));
      case NAME_MATCH:
        return "\u201c"
            + r.arg("name")
            + "\u201d reads as "
            + r.arg("service")
            + " ("
            + r.arg("how")
            + ", "
            + r.arg("score")
            + ")";
      case SHARED_RELEASES:
        return r.arg("shared")
            + " of the "
            + r.arg("of")
            + " releases its staging runs tested were shipped by the service's deploys";
      case FOLLOWS_DEPLOYS:
        return r.arg("followed")
            + " of its "
            + r.arg("of")
            + " incidents began within a day after the service's production deploys ("
            + Texts.fixed(r.decimal("expected") * 100, 0)
            + " % would by chance)";
      case CITES_CHANGES:
        return r.arg("cited")
            + " of its "
            + r.arg("of")
            + " incidents that cite a change cite one only the service's production deploys shipped"
            + (r.arg("expected").isEmpty()
                ? ""
                : " (chance, by how often it ships: "
                    + Texts.fixed(r.decimal("expected"), 1)
                    + ")");
      case NAMED_IN_INCIDENTS:
        return r.arg("named")
            + " of its "
            + r.arg("of")
            + " incidents name the service in their words (at the other names' rate: "
            + Texts.fixed(r.decimal("expected"), 1)
            + ")";
      case AMBIGUOUS_NAME:
        return "it also reads as " + r.arg("other") + " (" + r.arg("score") + ")";
      case INFERRED_ALIAS:
        return "the incident's service \u201c"
            + r.arg("name")
            + "\u201d was taken for "
            + r.arg("service")
            + " (inferred, "
            + r.arg("score")
            + ")";
      case TABLE_DECLARED:
        return "the settings give " + r.arg("pattern") + " to " + r.arg("service");
      case TABLE_SCHEMA_IN_CONFIG:
        return r.arg("key")
            + " in its "
            + r.arg("environment")
            + " configuration names the schema "
            + r.arg("schema");
      case TABLE_IN_CONFIG:
        return r.arg("key") + " in its " + r.arg("environment") + " configuration names the table";
      case TABLE_NAMED_IN_INCIDENTS:
        return r.arg("named")
            + " of the "
            + r.arg("of")
            + " incidents that name the table are the service's";
      case TABLE_NAMED_IN_TESTS:
        return "its staging test "
            + r.arg("test")
            + " names the table (run "
            + r.arg("run")
            + " of "
            + (r.arg("at").length() >= 10 ? r.arg("at").substring(0, 10) : "?")
            + "); "
            + r.arg("cases")
            + " of the "
            + r.arg("of")
            + " test cases that name it "
            + (r.arg("cases").equals("1") ? "is" : "are")
            + " the service's";
      case SHIPPED_AFTER_FAILURE:
        return "the change shipped "
            + before(r.number("afterMs", 0)).replace(" before", "")
            + " after "
            + (r.number("count", 1) == 1 ? "that failure" : "those failures");
      default:
        throw new IllegalStateException("no words for " + r.code());
    }
  }

  /** Reasons as sentences, in order. */
  public static List<String> of(List<Reason> reasons) {
    List<String> out = new ArrayList<>(reasons.size());
    for (Reason r : reasons) {
      out.add(of(r));
    }
    return out;
  }

  private static String cited(String kind, String text) {
    switch (kind) {
      case "commit":
        return "commit " + text;
      case "version":
        return "version " + text;
      case "title":
        return "the change \u201c" + text + "\u201d";
      default:
        return text;
    }
  }

  /** "(set for 90% precision on 412 incidents whose change is known)", or "" for the setting. */
  /**
   * Why the time since the deploy speaks for it: how many incidents here began that long after
   * their service's last deploy, against how many chance would put there. Empty for findings
   * written before these counts were kept.
   */
  private static String odds(Reason r) {
    if (r.arg("observed").isEmpty()) {
      return "";
    }
    return "; "
        + r.arg("observed")
        + " incidents here that cite nothing began between "
        + span(r.number("bandFromMs", 0))
        + " and "
        + span(r.number("bandToMs", 0))
        + " after their service's last deploy, where chance (how often the services ship) would"
        + " put "
        + Texts.fixed(r.decimal("expected"), 1);
  }

  /** A length of time in the words {@link #before} uses. */
  private static String span(long ms) {
    String b = before(ms);
    return b.substring(0, b.length() - " before".length());
  }

  private static String calibration(Reason r) {
    long on = r.number("calibratedOn", 0);
    if (on == 0) {
      return " (the minConfidence setting)";
    }
    String precision = r.arg("precision");
    return " (set"
        + (precision.isEmpty()
            ? ""
            : " for " + Texts.fixed(r.decimal("precision") * 100, 0) + "% precision")
        + " on "
        + on
        + " incidents whose change is known)";
  }

  private static String where(Reason r) {
    return deploy(r, "") + ", " + before(r.number("beforeMs", 0)) + " onset";
  }

  /**
   * A deploy as a reason's arguments name it: "checkout 1.4.2 to production at 2024-03-01 10:12
   * UTC" (the commit, abbreviated, when it has no version).
   */
  static String deploy(Reason r, String prefix) {
    String version = r.arg(named(prefix, "version"));
    String what = version.isEmpty() ? abbreviate(r.arg(named(prefix, "commit"))) : version;
    String at = r.arg(named(prefix, "at"));
    return r.arg(named(prefix, "service"))
        + " "
        + (what.isEmpty() ? "(no version)" : what)
        + " to "
        + r.arg(named(prefix, "env"))
        + " at "
        + (at.isEmpty() ? "?" : MINUTE.format(Instant.parse(at)));
  }

  /** A linked change in words: "checkout 1.4.2 to production at 2024-03-01 10:12 UTC". */
  public static String change(dev.rehearsal.model.DeployLink l) {
    String what = l.version().isEmpty() ? abbreviate(l.commitSha()) : l.version();
    return l.service()
        + " "
        + (what.isEmpty() ? "(no version)" : what)
        + " to "
        + l.environment()
        + " at "
        + MINUTE.format(l.at());
  }

  /** A record's key as people give it back: "gitlab/2042757" for "deploy/gitlab/2042757". */
  public static String shortKey(String key) {
    int slash = key.indexOf('/');
    return slash < 0 ? key : key.substring(slash + 1);
  }

  private static String named(String prefix, String name) {
    return prefix.isEmpty()
        ? name
        : prefix + Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  /** Why the last deploy of the incident's own service is not a suspect by time alone. */
  private static String notASuspect(Reason r) {
    switch (r.arg("why")) {
      case "external":
        return "the incident blames a cause outside any change";
      case "noChange":
        return "the incident says nothing was changed";
      case "noOwnLastDeploy":
        return "no deploy of the incident's own service shipped by onset, or another change"
            + " from before onset ranks above its last one";
      case "intervening":
        return "later deploys of the service landed before onset";
      case "ruledOut":
        return "the incident rules the service's last deploy out";
      case "rollback":
        return "the service's last deploy was a rollback, or production was rolled back past it";
      case "failed":
        return "the service's last deploy did not succeed";
      case "cites":
        return "the incident cites a change, and a citation outranks timing";
      case "shippedAfter":
        return "a deploy of its services or their upstreams shipped after the service's last one";
      case "tooLongAgo":
        return "the service's last deploy landed "
            + before(r.number("beforeMs", 0))
            + " onset, and only "
            + Math.round(r.decimal("share") * 100)
            + "% of the incidents here whose change is known began this long after it or later";
      case "timing":
        return "its service's last deploy landed "
            + before(r.number("beforeMs", 0))
            + " onset, and that is not enough"
            + odds(r)
            + (r.arg("wordsRatio").isEmpty()
                ? ""
                : "; the incident's words are "
                    + Texts.fixed(r.decimal("wordsRatio"), 1)
                    + " times as likely among incidents a change caused as among those none did");
      default:
        return "nothing points to its own service's last deploy";
    }
  }

  /** "42 min before", "3 h after", "4 days before". */
  public static String before(long deltaMs) {
    long min = Math.abs(deltaMs) / 60_000;
    String amount =
        min < 90 ? min + " min" : min < 48 * 60 ? (min / 60) + " h" : (min / 1440) + " days";
    return deltaMs >= 0 ? amount + " before" : amount + " after";
  }

  private static String quoted(String word) {
    return word.isEmpty() ? "" : " (\"" + word + "\")";
  }

  static String abbreviate(String sha) {
    return sha.length() > 10 ? sha.substring(0, 10) : sha;
  }

  /** A review in one line: who, when, and what they decided. */
  public static String review(dev.rehearsal.model.Review r) {
    List<String> parts = new ArrayList<>();
    if (r.deployKeys() != null) {
      parts.add(
          r.deployKeys().isEmpty()
              ? "no change caused it"
              : "caused by "
                  + String.join(", ", r.deployKeys().stream().map(Sentences::shortKey).toList()));
    }
    if (r.verdict() != null) {
      parts.add("staging verdict: " + r.verdict().label());
    }
    if (r.gaps() != null) {
      parts.add(
          "gaps: "
              + (r.gaps().isEmpty()
                  ? "none"
                  : String.join(", ", r.gaps().stream().map(g -> g.code()).toList())));
    }
    return "by "
        + (r.reviewer().isBlank() ? "someone" : r.reviewer())
        + " at "
        + MINUTE.format(r.at())
        + ": "
        + String.join("; ", parts)
        + (r.note().isBlank() ? "" : " \u2014 " + r.note());
  }

  // ------------------------------------------------------------------ evidence

  /** One piece of evidence in one sentence. */
  public static String summary(Evidence e) {
    if (e instanceof Evidence.TextMatch m) {
      return "the incident's words match the "
          + m.gap().code()
          + " vocabulary ("
          + Texts.fixed(m.weight(), 1)
          + ")";
    }
    if (e instanceof Evidence.TextVote v) {
      return "the text model gives "
          + v.gap().code()
          + " "
          + Texts.fixed(v.probability() * 100, 0)
          + "%"
          + (v.words().isEmpty() ? "" : " on the words " + String.join(", ", v.words()));
    }
    if (e instanceof Evidence.ConfigDrift c) {
      return "config key "
          + c.key()
          + " differs: production "
          + value(c.production())
          + ", staging "
          + value(c.staging())
          + (c.named() ? " (named in the incident)" : "");
    }
    if (e instanceof Evidence.RecentConfigChange c) {
      return "production changed "
          + c.key()
          + " in the "
          + c.days()
          + " days before the deploy; staging did not";
    }
    if (e instanceof Evidence.FlagDrift f) {
      return "feature flag "
          + f.flag()
          + " is "
          + f.production()
          + " in production but "
          + f.staging()
          + " in staging"
          + (f.named() ? " (named in the incident)" : "");
    }
    if (e instanceof Evidence.TrafficPeak p) {
      return "production "
          + p.service()
          + " peaked at "
          + Texts.fixed(p.peakRps(), 0)
          + " rps on "
          + day(p.at())
          + ", "
          + Texts.fixed(p.overMedian(), 1)
          + "x its 28-day median"
          + (Double.isNaN(p.stagingPeakRps())
              ? ""
              : ", "
                  + Texts.fixed(p.overLoadTest(), 1)
                  + "x the "
                  + Texts.fixed(p.stagingPeakRps(), 0)
                  + " rps its staging load test reached");
    }
    if (e instanceof Evidence.Ratio r) {
      if (r.metric().equals("rows")) {
        return "table "
            + r.measuredOn()
            + ": "
            + Texts.grouped(r.production())
            + " rows in production, "
            + Texts.grouped(r.staging())
            + " in staging ("
            + Texts.grouped(r.ratio())
            + "x)"
            + (r.named() ? " (named in the incident)" : "");
      }
      return r.metric()
          + " of "
          + r.measuredOn()
          + ": "
          + Texts.fixed(r.production(), 0)
          + " in production, "
          + (Double.isNaN(r.staging()) ? "unknown" : Texts.fixed(r.staging(), 0))
          + " in staging"
          + (Double.isNaN(r.ratio()) ? "" : " (" + Texts.fixed(r.ratio(), 1) + "x)");
    }
    if (e instanceof Evidence.MockedDependency m) {
      return "staging mocks "
          + m.dependency()
          + ", which the incident points at ("
          + pointedBy(m)
          + "): production called the real service";
    }
    if (e instanceof Evidence.MockWordsAlone w) {
      return "the words about mocks do not count: the incident points at no dependency staging"
          + " mocks";
    }
    if (e instanceof Evidence.EnvironmentsCompared c) {
      return "the text sets production against staging";
    }
    if (e instanceof Evidence.SetAside a) {
      return a.sentences().size() == 1
          ? "words in 1 sentence not read for the gap: it rules something out, or tells the"
              + " remedy or the follow-up"
          : "words in "
              + a.sentences().size()
              + " sentences not read for the gap: they rule something out, or tell the remedy"
              + " or the follow-up";
    }
    if (e instanceof Evidence.StagingDeploy s) {
      return "staged " + before(s.beforeProductionMs()) + " production";
    }
    if (e instanceof Evidence.NotStaged n) {
      return "never deployed to staging";
    }
    if (e instanceof Evidence.Untested u) {
      return "staged but untested";
    }
    if (e instanceof Evidence.RunResult r) {
      return run(
          r.suite(),
          r.type(),
          r.outcome(),
          r.at(),
          r.total(),
          r.skipped(),
          r.failed(),
          r.firstFailure(),
          r.requests(),
          r.peakRps(),
          r.p95Ms(),
          r.thresholdsFailed(),
          r.environmentStated());
    }
    if (e instanceof Evidence.LearnedVote v) {
      return Texts.fixed(v.share() * 100, 0)
          + "% of the most similar reviewed escapes were "
          + v.gap().code()
          + " gaps";
    }
    if (e instanceof Evidence.CitedReference c) {
      return "the incident cites " + cited(c.kind(), c.text());
    }
    if (e instanceof Evidence.ServiceAlias a) {
      return "\u201c"
          + String.join("\u201d, \u201c", a.written().isEmpty() ? List.of(a.name()) : a.written())
          + "\u201d taken for "
          + a.service()
          + " (inferred, "
          + Texts.fixed(a.score(), 2)
          + ")";
    }
    throw new IllegalStateException("no words for " + e.getClass().getSimpleName());
  }

  /** What backs a piece of evidence up (where it came from, the figures compared), or "". */
  public static String detail(Evidence e) {
    if (e instanceof Evidence.TextMatch m) {
      List<String> parts = new ArrayList<>();
      for (Evidence.Passage p : m.passages()) {
        parts.add(marked(p, "[", "]"));
      }
      return String.join(" ... ", parts);
    }
    if (e instanceof Evidence.TextVote v) {
      List<String> parts = new ArrayList<>();
      for (Evidence.Passage p : v.passages()) {
        parts.add(marked(p, "[", "]"));
      }
      return parts.isEmpty() ? v.model() : String.join(" ... ", parts);
    }
    if (e instanceof Evidence.ConfigDrift c) {
      return "production as of "
          + day(c.productionAsOf())
          + ", staging as of "
          + day(c.stagingAsOf());
    }
    if (e instanceof Evidence.TrafficPeak p) {
      String production =
          "production: the traffic peaks imported for "
              + p.service()
              + ", the one recorded "
              + day(p.at());
      if (p.load() == null) {
        return production + "; no staging load test of the version that shipped";
      }
      Evidence.LoadTest l = p.load();
      return production
          + "; staging: "
          + (l.tool().isEmpty() ? "load test" : l.tool())
          + (l.suite().isEmpty() ? "" : " '" + l.suite() + "'")
          + " of "
          + (l.version().isEmpty() ? "the change" : l.version())
          + " on "
          + day(l.at())
          + " ("
          + l.location()
          + ")"
          + (p.stagingPeakRps() >= p.peakRps() ? ", which reached production's peak" : "");
    }
    if (e instanceof Evidence.Ratio r) {
      return "as of " + day(r.asOf());
    }
    if (e instanceof Evidence.MockedDependency m) {
      return m.mockedBy();
    }
    if (e instanceof Evidence.StagingDeploy s) {
      return s.service()
          + " "
          + (s.version().isEmpty() ? "(no version)" : s.version())
          + " to "
          + s.environment()
          + " at "
          + MINUTE.format(s.at());
    }
    if (e instanceof Evidence.EnvironmentsCompared c) {
      return "\u201c" + c.sentence() + "\u201d";
    }
    if (e instanceof Evidence.SetAside a) {
      return a.sentences().stream()
          .map(x -> "\u201c" + x + "\u201d")
          .collect(java.util.stream.Collectors.joining(" "));
    }
    if (e instanceof Evidence.MockWordsAlone w) {
      return w.mocked().isEmpty()
          ? "staging mocks nothing recorded for the incident's services"
          : "staging mocks " + String.join(", ", w.mocked()) + " for the incident's services";
    }
    if (e instanceof Evidence.NotStaged n) {
      return "looked for " + n.change() + " among " + n.service() + "'s staging deploys";
    }
    if (e instanceof Evidence.Untested u) {
      return "no run tied to " + u.service() + " " + u.change();
    }
    if (e instanceof Evidence.RunResult r) {
      return r.location();
    }
    if (e instanceof Evidence.LearnedVote v) {
      return v.neighbours();
    }
    if (e instanceof Evidence.CitedReference c) {
      return c.deployKey();
    }
    if (e instanceof Evidence.ServiceAlias a) {
      return String.join("; ", of(a.reasons()));
    }
    return "";
  }

  /**
   * A gap's evidence as lines of "summary" and "detail": every named key and flag, the first
   * {@value #LISTED} unnamed ones of each kind, and one line summing up the rest.
   */
  public static List<String[]> lines(List<Evidence> evidence) {
    List<String[]> out = new ArrayList<>();
    List<String> moreKeys = new ArrayList<>();
    List<String> moreFlags = new ArrayList<>();
    String keysAsOf = "";
    int keys = 0;
    int flags = 0;
    for (Evidence e : evidence) {
      if (e instanceof Evidence.ConfigDrift c && !c.named() && keys++ >= LISTED) {
        moreKeys.add(
            c.key() + ": production " + value(c.production()) + ", staging " + value(c.staging()));
        keysAsOf = detail(c);
        continue;
      }
      if (e instanceof Evidence.FlagDrift f && !f.named() && flags++ >= LISTED) {
        moreFlags.add(f.flag() + ": production " + f.production() + ", staging " + f.staging());
        continue;
      }
      out.add(new String[] {summary(e), detail(e)});
    }
    if (!moreKeys.isEmpty()) {
      out.add(
          new String[] {
            moreKeys.size()
                + " more config "
                + (moreKeys.size() == 1 ? "key differs" : "keys differ")
                + ", none named in the incident",
            String.join("; ", moreKeys) + " (" + keysAsOf + ")"
          });
    }
    if (!moreFlags.isEmpty()) {
      out.add(
          new String[] {
            moreFlags.size()
                + " more feature "
                + (moreFlags.size() == 1 ? "flag differs" : "flags differ")
                + ", none named in the incident",
            String.join("; ", moreFlags)
          });
    }
    return out;
  }

  // ------------------------------------------------------------------ reports

  /**
   * The one piece of a gap's evidence that stands for it in a single line: the first that carried
   * the score (a named key, flag, table, mocked dependency, traffic peak), else the first of any
   * kind; "" when the gap has none.
   */
  public static String oneLine(dev.rehearsal.model.GapScore score) {
    Evidence pick = null;
    for (Evidence e : score.evidence()) {
      if (!e.subject().isEmpty()) {
        pick = e;
        break;
      }
    }
    if (pick == null && !score.evidence().isEmpty()) {
      pick = score.evidence().get(0);
    }
    return pick == null ? "" : summary(pick);
  }

  /** A gap and its score: "config 0.82". */
  public static String scored(dev.rehearsal.model.GapScore score) {
    return score.gap().code() + " " + Texts.fixed(score.score(), 2);
  }

  /**
   * Questions for an incident's postmortem meeting, drawn from its evidence: who keeps a drifted
   * key or flag in step, what load or data staging lacks, what a mock hides, why a change skipped
   * staging or shipped failing. Each is asked once; none when nothing in the finding raises one.
   */
  public static List<String> questions(dev.rehearsal.model.Finding f) {
    java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
    if (f == null) {
      return List.of();
    }
    dev.rehearsal.model.Verdict v = f.effectiveVerdict();
    switch (v) {
      case NOT_STAGED:
        out.add(
            "The change never reached staging: what let it skip staging, and should the pipeline"
                + " stop a change that has not been staged?");
        break;
      case FAILED_BUT_SHIPPED:
        out.add(
            "Staging's runs of the change failed and it shipped anyway: who decided, on what"
                + " grounds, and did the failure foretell the incident?");
        break;
      case STAGED_UNTESTED:
        out.add(
            "The change reached staging but no test ran against it: which tests should have, and"
                + " why did none?");
        break;
      default:
        break;
    }
    for (dev.rehearsal.model.DeployLink l : f.links()) {
      if (l.byTimeAlone() && f.effectiveDeployKeys().contains(l.deployKey())) {
        out.add(
            "The change ("
                + change(l)
                + ") is a suspect by time alone: can someone who knows it confirm it or rule it"
                + " out?");
      }
    }
    List<dev.rehearsal.model.Gap> gaps = f.effectiveGaps();
    for (dev.rehearsal.model.GapScore s : f.scores()) {
      if (!gaps.contains(s.gap())) {
        continue;
      }
      for (Evidence e : s.evidence()) {
        String q = question(e);
        if (!q.isEmpty()) {
          out.add(q);
        }
      }
    }
    if (v == dev.rehearsal.model.Verdict.ESCAPE
        && gaps.contains(dev.rehearsal.model.Gap.UNEXPLAINED)) {
      out.add(
          "Nothing in the records explains how the change passed staging: what would staging"
              + " have needed to catch it?");
    }
    if (!f.reviewed()) {
      out.add(
          "Nobody has reviewed this analysis yet: do the change, the verdict and the gaps above"
              + " match what the team knows?");
    }
    return List.copyOf(out);
  }

  /** The question a piece of evidence raises for the meeting, or "" for none. */
  public static String question(Evidence e) {
    if (e instanceof Evidence.ConfigDrift c) {
      return "Staging's "
          + c.key()
          + " ("
          + value(c.staging())
          + ") differs from production's ("
          + value(c.production())
          + "): who owns keeping them in step?";
    }
    if (e instanceof Evidence.RecentConfigChange c) {
      return "Production's "
          + c.key()
          + " was changed in the "
          + c.days()
          + " days before the deploy and staging did not follow: how do changes made in"
          + " production reach staging?";
    }
    if (e instanceof Evidence.FlagDrift fl) {
      return "Feature flag "
          + fl.flag()
          + " is "
          + fl.production()
          + " in production but "
          + fl.staging()
          + " in staging: should staging run with production's flags?";
    }
    if (e instanceof Evidence.TrafficPeak p && p.carriesScore()) {
      return "Production "
          + p.service()
          + " peaked at "
          + Texts.fixed(p.peakRps(), 0)
          + " rps, while "
          + (Double.isNaN(p.stagingPeakRps())
              ? "no staging load test of the change ran"
              : "staging's load tests of the change reached "
                  + Texts.fixed(p.stagingPeakRps(), 0)
                  + " rps")
          + ": what load should a change be tested at before it ships, and who sets it?";
    }
    if (e instanceof Evidence.Ratio r && r.metric().equals("rows")) {
      return "Production's "
          + r.measuredOn()
          + " holds "
          + Texts.grouped(r.production())
          + " rows and staging's "
          + Texts.grouped(r.staging())
          + ": can staging get production-sized data, and who would keep it fresh?";
    }
    if (e instanceof Evidence.MockedDependency m) {
      return "Staging mocks "
          + m.dependency()
          + " ("
          + m.mockedBy()
          + "): what did the real "
          + m.dependency()
          + " do that the mock did not, and would a contract test or a sandbox have caught it?";
    }
    return "";
  }

  /** A passage with its marks set between the given brackets. */
  public static String marked(Evidence.Passage p, String open, String close) {
    StringBuilder sb = new StringBuilder();
    int at = 0;
    for (Evidence.Span s : p.marks()) {
      sb.append(p.text(), at, s.start()).append(open).append(p.text(), s.start(), s.end());
      sb.append(close);
      at = s.end();
    }
    sb.append(p.text().substring(at));
    return sb.toString().replace('\n', ' ');
  }

  private static String run(
      String suite,
      RunType type,
      RunOutcome outcome,
      Instant at,
      int total,
      int skipped,
      int failed,
      String firstFailure,
      long requests,
      double peakRps,
      double p95Ms,
      boolean thresholdsFailed,
      boolean environmentStated) {
    String when = MINUTE.format(at);
    String env = environmentStated ? "" : " (environment not stated)";
    if (type == RunType.LOAD && !Double.isNaN(peakRps)) {
      return "load test "
          + suite
          + " "
          + (outcome == RunOutcome.FAILED ? "failed" : "passed")
          + " at "
          + when
          + ": "
          + Texts.grouped(requests)
          + " requests, peak "
          + Texts.fixed(peakRps, 0)
          + " rps, p95 "
          + Texts.fixed(p95Ms, 0)
          + " ms"
          + (thresholdsFailed ? ", thresholds failed" : "")
          + env;
    }
    if (outcome == RunOutcome.FAILED) {
      return suite
          + " failed "
          + failed
          + " of "
          + total
          + " tests at "
          + when
          + (firstFailure.isEmpty() ? "" : " (" + firstFailure + ")")
          + env;
    }
    return suite + " passed " + (total - skipped) + " tests at " + when + env;
  }

  private static String value(String v) {
    return v == null ? "(not set)" : v.length() > 40 ? v.substring(0, 40) + "..." : v;
  }

  /** How an incident points at a mocked dependency, in words. */
  private static String pointedBy(Evidence.MockedDependency m) {
    String what = m.pointer() == null || m.pointer().isEmpty() ? m.dependency() : m.pointer();
    if (m.pointedBy() == null) {
      return "it names \"" + what + "\"";
    }
    return switch (m.pointedBy()) {
      case NAME -> "it names \"" + what + "\"";
      case ALIAS -> "it names \"" + what + "\", an alias of it";
      case CALL -> "it cites the call " + what + ", which the mock stands in for";
      case ERROR_CODE -> "it quotes the error " + what;
    };
  }

  private static String day(Instant at) {
    return at == null ? "?" : at.toString().substring(0, 10);
  }
}
