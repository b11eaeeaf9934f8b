package dev.rehearsal.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The kind of organisation a scenario describes: how its tools name services, how long changes take
 * to hurt, how deploys bunch up, what causes incidents, how people write about them, which phrase
 * bank their words come from, what shape their environment facts have and which time zones their
 * exports use. Each style is one internally consistent organisation; together they let the analysis
 * be measured on organisations it was not tuned on (decision 0013).
 *
 * <p>The split between styles for tuning and styles held out for quoting figures is declared here,
 * once, in {@link #ALL}.
 */
public record Style(
    String name,
    Split split,
    String summary,
    Naming naming,
    Lag lag,
    Bursts bursts,
    Causes causes,
    Citations citations,
    ChangeWords changeWords,
    Bank bank,
    Facts facts,
    Zones zones) {

  /** Whether rules may be tuned on a style, or its figures are the ones quoted. */
  public enum Split {
    TUNING,
    HELD_OUT;

    public String code() {
      return this == TUNING ? "tuning" : "held-out";
    }
  }

  /** How PagerDuty names a service. */
  public enum PagerDutyName {
    /** "Product Catalog", "Accounts / Identity": the demo's names. */
    PLAIN,
    /** "Notifications Fan-out (prod)". */
    ENV_SUFFIX,
    /** "[P1] Checkout API – production". */
    PRIORITY,
    /** "Payments Service". */
    SERVICE_SUFFIX
  }

  /** How repositories (GitHub) and projects (GitLab) are named. */
  public enum RepoName {
    /** "checkout-service", "payments-api" under acme/. */
    PLAIN,
    /** Abbreviations under acme/: "notif-fanout", "pay-svc". */
    ABBREVIATED,
    /** Groups per area and a kind: "platform/catalog-api", "shop/payments-gateway". */
    GROUPED
  }

  /** How Jira components name a service. */
  public enum JiraName {
    /** The PagerDuty name, as in the demo. */
    PLAIN,
    /** The product area: "Notifications", "Fulfilment". */
    AREA,
    /** The owning team: "Team Payments", "Team Discovery". */
    TEAM
  }

  /** How Heroku apps are named. */
  public enum AppName {
    /** The repository and the environment: "notifier-production". */
    PLAIN,
    /** Organisation, short name, short environment: "acme-notif-prod". */
    ORG_ENV
  }

  /** Each tool's naming. */
  public record Naming(PagerDutyName pagerDuty, RepoName repos, JiraName jira, AppName heroku) {
    public String describe() {
      return "PagerDuty "
          + code(pagerDuty)
          + ", repositories "
          + code(repos)
          + ", Jira "
          + code(jira)
          + ", Heroku "
          + code(heroku);
    }
  }

  /** Time from the causing deploy to onset. */
  public enum Lag {
    /** The demo's: a tenth within 5 minutes, most within 2 hours, a few up to 42 hours. */
    MIXED,
    /** Mostly under an hour, rarely more than a few. */
    MINUTES,
    /** 2 to 18 hours. */
    HOURS,
    /** Half within 45 minutes, half 14 to 26 hours later (the next day). */
    BIMODAL
  }

  /** How deploys bunch up. */
  public enum Bursts {
    /** Each team deploys when its change is ready, in working hours. */
    NONE,
    /** Continuous deployment: follow-up fixes of the same service minutes after a deploy. */
    CONTINUOUS,
    /**
     * Release trains twice a working day, many services within minutes of each other; no trains on
     * Fridays, weekends and freeze days.
     */
    TRAINS
  }

  /** What causes incidents, as shares of all incidents or of change-caused ones. */
  public enum Causes {
    /** The demo's: 62 % change-caused, 12 % of those via a dependency, 5 % a repeat. */
    MIXED(0.62, 0.12, 0.05, 0),
    /** Mostly the service's own latest deploy; one deploy often causes several incidents. */
    OWN(0.68, 0.05, 0.15, 0.08),
    /** Upstream deploys and earlier deploys with later ones in between, often. */
    TANGLED(0.62, 0.30, 0.06, 0.30),
    /** Fewer change-caused incidents; those that are, often upstream or earlier. */
    QUIET(0.45, 0.15, 0.04, 0.15);

    /** Share of incidents caused by a change. */
    public final double changeShare;

    /** Share of change-caused incidents that hit a service calling the changed one. */
    public final double upstreamShare;

    /** Share of change-caused incidents caused by a deploy that already caused one. */
    public final double repeatShare;

    /**
     * Share of change-caused incidents that start after one or two later deploys of the service.
     */
    public final double earlierShare;

    Causes(double change, double upstream, double repeat, double earlier) {
      this.changeShare = change;
      this.upstreamShare = upstream;
      this.repeatShare = repeat;
      this.earlierShare = earlier;
    }
  }

  /** How incidents refer to changes. */
  public enum Citations {
    /** The demo's: cite the causing change in 40 % (75 % when it was not the latest deploy). */
    MIXED(0.40, 0.75, 0, 0, 0),
    /** Engineers cite commits and PRs; some quote the change's title; a few decoys. */
    CITED(0.55, 0.80, 0.15, 0.12, 0.12),
    /** Changes are named by their title far more than by a handle; decoys common. */
    TITLES(0.15, 0.30, 0.45, 0.15, 0.20),
    /** Few citations, many ruled-out suspects and unrelated numbers. */
    SPARSE(0.08, 0.20, 0.20, 0.22, 0.30);

    /** Share citing the causing deploy when it was the service's latest before onset. */
    public final double citeLatest;

    /** Share citing the causing deploy when a later deploy came before onset. */
    public final double citeEarlier;

    /** Share of change-caused incidents without a citation that quote the change's title. */
    public final double titleQuote;

    /** Share of incidents naming a change only to rule it out. */
    public final double decoy;

    /** Share of incidents carrying unrelated numbers (tickets, library versions). */
    public final double numbers;

    Citations(double latest, double earlier, double title, double decoy, double numbers) {
      this.citeLatest = latest;
      this.citeEarlier = earlier;
      this.titleQuote = title;
      this.decoy = decoy;
      this.numbers = numbers;
    }
  }

  /** Whether the narrative speaks of a change without citing it. */
  public enum ChangeWords {
    /** The demo's: 60 % of change-caused incidents say a deploy or release preceded them. */
    SOME(0.60, 0.82),
    /** Almost always ("the new build", "after the rollout"). */
    MANY(0.85, 0.82),
    /** No description speaks of a change; half the change-caused incidents get no postmortem. */
    NONE(0, 0.5);

    /** Share of change-caused incidents whose description speaks of a change. */
    public final double share;

    /** Share of change-caused incidents with a postmortem. */
    public final double postmortems;

    ChangeWords(double share, double postmortems) {
      this.share = share;
      this.postmortems = postmortems;
    }
  }

  /**
   * The phrase bank the narratives come from: A for tuning, B held out, C written apart from the
   * analysis' rules after B informed one, D written apart from them after C informed one, E written
   * apart from them after D informed rule changes, F written apart from them after E informed rule
   * changes, G written apart from them after F's gap stories became training data, H written apart
   * from them after G informed rule changes.
   */
  public enum Bank {
    A,
    B,
    C,
    D,
    E,
    F,
    G,
    H
  }

  /** The shape of environment facts. */
  public enum Facts {
    /**
     * As the demo writes them: row counts with a service column, configuration snapshots over time
     * with a manifest giving each one's time, WireMock folders with sidecars.
     */
    TOOLED,
    /**
     * As an organisation has them: row counts per schema-qualified table without a service,
     * configuration as it runs now without any time, WireMock mappings per service without
     * sidecars; tables tie to services through incident text, JDBC URLs and test names.
     */
    AS_EXPORTED
  }

  /** Time zones of the PagerDuty exports. */
  public enum Zones {
    /** The demo's: half the services' incidents in UTC, half in the team's offset. */
    MIXED,
    /** One pull, every time in UTC. */
    UTC,
    /** Two pulls: one in UTC, one in the exporting person's offset (America/Los_Angeles). */
    PULLS
  }

  /** Every style, the split declared here and nowhere else. */
  public static final List<Style> ALL =
      List.of(
          new Style(
              "plain",
              Split.TUNING,
              "the demo organisation: teams deploy when ready, most incidents within hours of a"
                  + " change, 40 % cite it; tool names close to the services' own",
              new Naming(PagerDutyName.PLAIN, RepoName.PLAIN, JiraName.PLAIN, AppName.PLAIN),
              Lag.MIXED,
              Bursts.NONE,
              Causes.MIXED,
              Citations.MIXED,
              ChangeWords.SOME,
              Bank.A,
              Facts.TOOLED,
              Zones.MIXED),
          new Style(
              "startup",
              Split.TUNING,
              "continuous deployment with quick follow-up fixes; incidents minutes after a deploy;"
                  + " engineers cite commits and PRs and talk about the release",
              new Naming(
                  PagerDutyName.ENV_SUFFIX, RepoName.ABBREVIATED, JiraName.AREA, AppName.ORG_ENV),
              Lag.MINUTES,
              Bursts.CONTINUOUS,
              Causes.OWN,
              Citations.CITED,
              ChangeWords.MANY,
              Bank.A,
              Facts.TOOLED,
              Zones.UTC),
          new Style(
              "enterprise",
              Split.TUNING,
              "release trains and freeze days; incidents hours after, often upstream or behind a"
                  + " later deploy; few citations, many ruled-out suspects; facts as databases and"
                  + " config repositories export them",
              new Naming(PagerDutyName.PRIORITY, RepoName.GROUPED, JiraName.TEAM, AppName.ORG_ENV),
              Lag.HOURS,
              Bursts.TRAINS,
              Causes.TANGLED,
              Citations.SPARSE,
              ChangeWords.NONE,
              Bank.A,
              Facts.AS_EXPORTED,
              Zones.PULLS),
          new Style(
              "scaleup",
              Split.HELD_OUT,
              "continuous deployment; incidents either minutes or a day after; upstream and"
                  + " earlier causes; changes named by their titles; facts as exported",
              new Naming(
                  PagerDutyName.SERVICE_SUFFIX, RepoName.ABBREVIATED, JiraName.TEAM, AppName.PLAIN),
              Lag.BIMODAL,
              Bursts.CONTINUOUS,
              Causes.TANGLED,
              Citations.TITLES,
              ChangeWords.MANY,
              Bank.B,
              Facts.AS_EXPORTED,
              Zones.MIXED),
          new Style(
              "retail",
              Split.HELD_OUT,
              "release trains; incidents hours after their own service's deploy, several from one"
                  + " deploy; engineers cite commits and PRs",
              new Naming(
                  PagerDutyName.ENV_SUFFIX, RepoName.GROUPED, JiraName.AREA, AppName.ORG_ENV),
              Lag.HOURS,
              Bursts.TRAINS,
              Causes.OWN,
              Citations.CITED,
              ChangeWords.SOME,
              Bank.B,
              Facts.TOOLED,
              Zones.UTC),
          new Style(
              "regulated",
              Split.HELD_OUT,
              "release trains and freezes; fewer change-caused incidents, found minutes after;"
                  + " terse tickets with ruled-out suspects; facts as exported",
              new Naming(PagerDutyName.PRIORITY, RepoName.PLAIN, JiraName.TEAM, AppName.ORG_ENV),
              Lag.MINUTES,
              Bursts.TRAINS,
              Causes.QUIET,
              Citations.SPARSE,
              ChangeWords.NONE,
              Bank.B,
              Facts.AS_EXPORTED,
              Zones.PULLS));

  /** The demo's own organisation; the default scenario is written in it. */
  public static final Style PLAIN = ALL.get(0);

  /** The style of this name, if any (case-insensitive). */
  public static Optional<Style> named(String name) {
    String n = name.strip().toLowerCase(Locale.ROOT);
    return ALL.stream().filter(s -> s.name.equals(n)).findFirst();
  }

  /** The styles rules may be tuned on. */
  public static List<Style> tuning() {
    return ALL.stream().filter(s -> s.split == Split.TUNING).toList();
  }

  /** The styles figures are quoted on. */
  public static List<Style> heldOut() {
    return ALL.stream().filter(s -> s.split == Split.HELD_OUT).toList();
  }

  /**
   * Styles for a selection: a style's name, {@code all}, {@code tuning}, {@code held-out}, or
   * several of these separated by commas.
   *
   * @throws IllegalArgumentException naming the unknown part and the known names
   */
  public static List<Style> select(String selection) {
    List<Style> out = new ArrayList<>();
    for (String part : selection.split(",")) {
      String p = part.strip().toLowerCase(Locale.ROOT);
      List<Style> add =
          switch (p) {
            case "all" -> ALL;
            case "tuning" -> tuning();
            case "held-out", "heldout" -> heldOut();
            default ->
                named(p)
                    .map(List::of)
                    .orElseThrow(
                        () ->
                            new IllegalArgumentException(
                                "unknown style '"
                                    + part.strip()
                                    + "': known are "
                                    + names()
                                    + ", all, tuning, held-out"));
          };
      for (Style s : add) {
        if (!out.contains(s)) {
          out.add(s);
        }
      }
    }
    return out;
  }

  /** The styles' names, in order. */
  public static String names() {
    return String.join(", ", ALL.stream().map(Style::name).toList());
  }

  /** This style with its narratives taken from another phrase bank; everything else the same. */
  public Style withBank(Bank b) {
    if (b == bank) {
      return this;
    }
    return new Style(
        name, split, summary, naming, lag, bursts, causes, citations, changeWords, b, facts, zones);
  }

  /** The axes of this style in words, one per line. */
  public List<String> describe() {
    return List.of(
        "naming: " + naming.describe(),
        "lag from deploy to onset: " + code(lag),
        "deploy bursts: " + code(bursts),
        "causes: " + code(causes),
        "citations: " + code(citations),
        "change words: " + code(changeWords),
        "phrase bank: " + bank,
        "facts: " + code(facts),
        "PagerDuty time zones: " + code(zones));
  }

  static String code(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
