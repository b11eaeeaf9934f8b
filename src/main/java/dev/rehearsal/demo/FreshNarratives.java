package dev.rehearsal.demo;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Bank C, fresh wording: the same kinds of passages as {@link Narratives} (bank A) and {@link
 * HeldOutNarratives} (bank B), written anew by someone who had not read the analysis' rules or word
 * lists, so that no sentence and no distinctive phrase of A or B appears here. Bank B informed a
 * rule change, so it no longer measures wording the analysis never saw; figures on unseen wording
 * are quoted on this bank instead (decision 0013). Keep it that way: a rule written against one of
 * these phrases, or a sentence that moves from here into A or B, spends it.
 */
final class FreshNarratives {
  private FreshNarratives() {}

  static final List<String> CHANGE_TITLES =
      List.of(
          "Cache {d} per tenant",
          "Collapse duplicate {d} writes",
          "Replace ORM mapping for {d}",
          "Extract {d} into its own module",
          "Swap JSON library",
          "Shorten {d} retention",
          "Make {d} sync incremental",
          "Compress {d} blobs",
          "Denormalise {d} summary",
          "Enforce ordering on {d} consumer",
          "Prefetch {d} thumbnails",
          "Widen {d} id column",
          "Coalesce {d} notifications",
          "Bump base image",
          "Fan out {d} webhooks",
          "Unify {d} error codes");

  static final List<String> TITLES_GENERIC =
      List.of(
          "{svc} throwing 502s",
          "Elevated failures – {svc}",
          "{svc} sluggish, users complaining",
          "[{svc}] success rate dipped below 99%",
          "Intermittent gateway failures, {svc}",
          "{svc} partially down",
          "{svc} is flaky right now",
          "High error count, {svc}",
          "{svc}: requests hanging");

  static final List<String> TITLES_DATA =
      List.of(
          "{svc} crawls for accounts with lots of history",
          "Nightly job in {svc} never completes",
          "{svc} blows up on legacy entries",
          "{svc} shows question marks where names should be",
          "Primary DB maxed out by {svc}",
          "Biggest customers see blank {svc} screens",
          "{svc} search takes forever for enterprise tenants");

  static final List<String> TITLES_TRAFFIC =
      List.of(
          "{svc} melting under lunchtime load",
          "{svc} dropping requests when traffic peaks",
          "Consumer lag alarm on {svc}",
          "{svc} pods evicted under heavy load",
          "{svc} struggling since the campaign email",
          "{svc} at full capacity, queueing everything");

  static final List<String> TITLES_CONFIG =
      List.of(
          "{svc} broken on prod, fine on staging",
          "{svc} won't start in production",
          "{svc} picking up the wrong settings",
          "Production {svc} ignoring its timeout",
          "Beta feature in {svc} visible to every customer");

  static final List<String> TITLES_MOCKS =
      List.of(
          "{vendor} returns errors for every {svc} request",
          "{svc} ↔ {vendor} failing",
          "Checkout charges bouncing",
          "Outbound mail piling up",
          "Carrier labels not generating",
          "{vendor} calls from {svc} erroring out");

  static final List<String> TITLES_EXTERNAL =
      List.of(
          "{svc} can't be reached",
          "Widespread errors, many services",
          "Region outage hitting {svc}",
          "Hostnames not resolving",
          "Expired cert on {svc}",
          "Disk full under {svc} hosts",
          "Flaky network between datacenters",
          "{vendor} incident spilling into {svc}");

  static final List<String> DETECTION =
      List.of(
          "PagerDuty went off for {svc}; primary on-call picked it up.",
          "Support forwarded a pile of complaints about {svc}.",
          "The external uptime checker flagged {svc}.",
          "Fast-burn alert on the {svc} SLO.",
          "Spotted on the {svc} overview board by someone on the team.",
          "{customer} opened a ticket saying pages were failing.",
          "Noticed by chance during an unrelated deploy review.",
          "The canary probe hitting {svc} began erroring.");

  static final List<String> CAUSE_DATA =
      List.of(
          "Pre-prod only carries a sliver of {table}, maybe five thousand records, whereas live holds"
              + " {ratio}x that; the query was fine on the sliver and awful on the real thing.",
          "Fixtures are all neat and recent. Real {table} has a decade of cruft, including rows"
              + " in a status nobody remembered existed, and the job fell over on those.",
          "On the full-size {table} Postgres chose a different plan (hash join instead of"
              + " nested loop) and the request went from milliseconds to tens of seconds.",
          "Our largest accounts own orders of magnitude more of {table} than anything we"
              + " seed; the update took row locks on all of them and everything queued behind it.",
          "Text from real users (say {customer}) has diacritics and CJK; the new encoder"
              + " mangled them. Test records are ASCII only.",
          "Legacy {table} records predate the column being mandatory, so they hold NULL, and"
              + " nobody had coded for that.",
          "tl;dr: data shape. Real {table} is huge and skewed, ours is small and even.",
          "Unbounded fetch: the handler pulls every row of {table} for the account. Harmless"
              + " for test tenants, fatal for the heavy ones.");

  static final List<String> CAUSE_TRAFFIC =
      List.of(
          "At the top of the hour requests hit {ratio} times the usual rate, well beyond"
              + " anything the perf run simulated, and the worker threads were all busy.",
          "The campaign email landed and thousands of people clicked at once; {svc} could not"
              + " drain its queue fast enough.",
          "Everyone's cache went cold together after the restart and they all hammered the"
              + " database at the same moment.",
          "Callers retried aggressively on timeout, which doubled and tripled the load; a"
              + " feedback loop we only broke by shedding.",
          "DB connections ran out once concurrency went past what we had ever exercised.",
          "Memory per request went up with this change; at high concurrency the pods hit their"
              + " limit and were evicted.",
          "Scaling out takes several minutes; the spike arrived in seconds, so we were"
              + " underprovisioned for the whole ramp.",
          "Pre-prod load is a handful of scripted users, nothing like real rush-hour volume.");

  static final List<String> CAUSE_CONFIG =
      List.of(
          "{key} is {prod} on prod and {staging} on staging, and this change silently relied on"
              + " the staging setting.",
          "{flag} was turned on for live customers only; the new branch behind it had literally"
              + " never run anywhere before prod.",
          "An env var is set in the staging manifests but not the production ones, and the"
              + " default it falls back to is bad on prod.",
          "Somebody tweaked {key} directly on prod during an old incident and the change was"
              + " never carried back to staging or to git.",
          "Prod and staging have drifted apart: {key} = {prod} vs {staging}.",
          "Prod's values file sets a tighter timeout, which together with the added retry loop"
              + " meant requests got cut off halfway.",
          "Prod pods run with a lower memory limit, so the bigger in-process buffer got them"
              + " OOM-killed; staging pods have headroom.",
          "The prod secret was never updated when the credential changed, while staging got the"
              + " new value, so auth failed only on prod.");

  static final List<String> CAUSE_MOCKS =
      List.of(
          "We only ever tested against a {vendor} stub that says yes to everything; actual"
              + " {vendor} started throttling us and we had no backoff.",
          "Real {vendor} rejects the field we added; the fake in CI doesn't validate anything.",
          "The {vendor} test environment handles refunds differently from live, so the path we"
              + " tested is not the path that runs.",
          "Our fake SMTP server swallows every message; {vendor} for real flagged the batch as"
              + " spam and held it.",
          "The callback {vendor} sends for real traffic has an extra attribute our recorded fixture"
              + " doesn't, and the decoder choked on it.",
          "{endpoint} at {vendor} times out sooner for live credentials than for sandbox ones.",
          "Stubs answer synchronously; genuine {vendor} replies arrive later via webhook, which"
              + " the code never waited for.",
          "{vendor} needs a request id on every {endpoint} call in production; our mocks never"
              + " asked for one.");

  static final List<String> CAUSE_UNEXPLAINED =
      List.of(
          "Plain bug: the new tax rounding was wrong for one combination of rules, and that"
              + " combination had no test.",
          "We still don't fully understand it; reverting made the errors go away.",
          "Fencepost mistake in the new cursor logic, skipped the last item and then looped.",
          "Concurrency bug, two writers racing in the freshly written handler; very hard to reproduce.",
          "An exception from a rarely hit branch escaped and killed the request.");

  static final List<String> CAUSE_EXTERNAL =
      List.of(
          "The cloud provider's regional load balancers had an outage.",
          "Cert expired on the public hostname; the renewal cron had been broken for a month.",
          "Our DNS vendor had a partial outage and lookups timed out.",
          "Database host ran out of disk, mostly old logs.",
          "A bare-metal host failed underneath us and several VMs went with it.",
          "Traffic between two zones dropped for a while.",
          "Somebody pointed a botnet at us; eventually CDN filtering caught up.",
          "{vendor} had an outage of their own; we hadn't changed anything.",
          "Managed DB maintenance ran long past the announced window.",
          "Provider-side kernel update rebooted a chunk of the fleet.");

  static final List<String> MITIGATION =
      List.of(
          "Reverted to the last good build and errors dropped straight away.",
          "Scaled out and started shedding non-critical traffic.",
          "Hotfix went out about forty minutes in.",
          "Switched the flag back off.",
          "Moved traffic to the secondary region.",
          "Threw more capacity at it until the real fix shipped.");

  static final List<String> ACTIONS =
      List.of(
          "AIs: saturation alerting, review of our release steps.",
          "Follow up: close the gap between pre-prod and prod for this service.",
          "We'll add tests, a canary phase and write down the playbook.",
          "Tickets raised for better dashboards and a pass over timeouts.",
          "Make reverting a release a one-click thing.");

  static final List<String> NOISE =
      List.of(
          "Tail latency was bad throughout.",
          "DB graphs looked boring.",
          "Held the merge queue while we investigated.",
          "Request rate looked like any other Tuesday.",
          "We skimmed the settings and nothing stood out.",
          "Card network status page said operational.",
          "Support patched up a few customer records afterwards.",
          "A few boxes were running warm.",
          "The wiki page for this alarm is outdated.",
          "Rough week for this rotation.");

  static final List<String> CHANGE_CONTEXT =
      List.of(
          "Kicked off shortly after {service} shipped.",
          "Right after the {service} rollout, basically.",
          "Timing lines up with the newest {service} push.",
          "Errors started minutes after {service} went out.",
          "");

  static final List<String> DECOY_COMMIT =
      List.of(
          "{sha} is innocent, only tests changed.",
          "Had a look at {sha}, not it.",
          "Reverted {sha} locally to check: errors persist, so that's not our culprit.",
          "{sha} only renames a log line; can't be this.");

  static final List<String> DECOY_VERSION =
      List.of(
          "{version} is fine, it had been running cleanly since last week.",
          "Rolling {version} back changed nothing, so it's not that.",
          "Pretty sure {version} has nothing to do with it.",
          "{version} can be excluded: same errors on hosts still running the older build.");

  static final List<String> DECOY_PR =
      List.of(
          "{pr} is unrelated, it's behind a flag that's off.",
          "First guess was {pr}, but no.",
          "{pr} doesn't touch this code path, crossed it off.",
          "Checked {pr} as well, nothing there.");

  static final List<String> DECOY_DEPLOY =
      List.of(
          "The {other} release {when} has nothing to do with this.",
          "{other} shipped {when} too, but that's a coincidence.",
          "Ignore the {other} push from {when}, different code entirely.",
          "We also checked {other} ({when}); clean.");

  static final List<String> TITLE_QUOTE =
      List.of(
          "Pretty sure this is {title}.",
          "Errors kicked in right when {title} landed.",
          "My money is on {title}.",
          "Smells like {title} to me.");

  static final List<String> NUMBERS =
      List.of(
          "Customer thread: {ticket}.",
          "Also checked {library}, no changes there.",
          "Follow-up lives in {ticket}.");

  static PhraseBank bank() {
    Map<PhraseBank.Pool, List<String>> m = new EnumMap<>(PhraseBank.Pool.class);
    m.put(PhraseBank.Pool.CHANGE_TITLES, CHANGE_TITLES);
    m.put(PhraseBank.Pool.TITLES_GENERIC, TITLES_GENERIC);
    m.put(PhraseBank.Pool.TITLES_DATA, TITLES_DATA);
    m.put(PhraseBank.Pool.TITLES_TRAFFIC, TITLES_TRAFFIC);
    m.put(PhraseBank.Pool.TITLES_CONFIG, TITLES_CONFIG);
    m.put(PhraseBank.Pool.TITLES_MOCKS, TITLES_MOCKS);
    m.put(PhraseBank.Pool.TITLES_EXTERNAL, TITLES_EXTERNAL);
    m.put(PhraseBank.Pool.DETECTION, DETECTION);
    m.put(PhraseBank.Pool.CAUSE_DATA, CAUSE_DATA);
    m.put(PhraseBank.Pool.CAUSE_TRAFFIC, CAUSE_TRAFFIC);
    m.put(PhraseBank.Pool.CAUSE_CONFIG, CAUSE_CONFIG);
    m.put(PhraseBank.Pool.CAUSE_MOCKS, CAUSE_MOCKS);
    m.put(PhraseBank.Pool.CAUSE_UNEXPLAINED, CAUSE_UNEXPLAINED);
    m.put(PhraseBank.Pool.CAUSE_EXTERNAL, CAUSE_EXTERNAL);
    m.put(PhraseBank.Pool.MITIGATION, MITIGATION);
    m.put(PhraseBank.Pool.ACTIONS, ACTIONS);
    m.put(PhraseBank.Pool.NOISE, NOISE);
    m.put(PhraseBank.Pool.CHANGE_CONTEXT, CHANGE_CONTEXT);
    m.put(
        PhraseBank.Pool.PAUSED,
        List.of("Deploy freeze while we looked into it.", "Held all releases until we knew more."));
    m.put(
        PhraseBank.Pool.AFFECTED_CUSTOMERS,
        List.of("{customer} noticed it too 😬.", "Impacted accounts include {customer}."));
    m.put(
        PhraseBank.Pool.ROLLED_BACK_TO,
        List.of("Reinstated {prev}.", "Reverted prod to {prev} as a stopgap."));
    m.put(
        PhraseBank.Pool.REF_VERSION,
        List.of(
            "Broke with {service} {version}, which went live {at}.",
            "It's {service} {version}; shipped {at}."));
    m.put(
        PhraseBank.Pool.REF_COMMIT,
        List.of("The bad commit is {sha}.", "Reverting {sha} fixes it locally."));
    m.put(
        PhraseBank.Pool.REF_PR,
        List.of("{pr} did it (deployed {at}).", "Regression came in with {pr}, live {at}."));
    m.put(
        PhraseBank.Pool.REF_PIPELINE,
        List.of("Bad deploy: {pipeline}.", "The rollout that broke it was {pipeline}."));
    m.put(
        PhraseBank.Pool.REF_RELEASE,
        List.of("Broken by {app} {release}, out at {at}.", "{app} {release} ({at}) did it."));
    m.put(
        PhraseBank.Pool.REF_RELEASE_COMMIT,
        List.of("Deploy of {sha7} broke it.", "It's the build from {sha7}."));
    m.put(PhraseBank.Pool.DECOY_COMMIT, DECOY_COMMIT);
    m.put(PhraseBank.Pool.DECOY_VERSION, DECOY_VERSION);
    m.put(PhraseBank.Pool.DECOY_PR, DECOY_PR);
    m.put(PhraseBank.Pool.DECOY_DEPLOY, DECOY_DEPLOY);
    m.put(PhraseBank.Pool.TITLE_QUOTE, TITLE_QUOTE);
    m.put(PhraseBank.Pool.NUMBERS, NUMBERS);
    return new PhraseBank(
        "C",
        m,
        List.of(
            new String[] {"\"", "\""}, new String[] {"\u201e", "\u201c"}, new String[] {"`", "`"}),
        "...");
  }
}
