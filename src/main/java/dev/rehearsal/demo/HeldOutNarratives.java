package dev.rehearsal.demo;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Bank B, the held-out wording: the same kinds of passages as {@link Narratives} (bank A), written
 * anew so that no sentence and no distinctive phrase of one appears in the other. Rules are never
 * tuned on these; figures are quoted on them (decision 0013). Keep it that way: a sentence that
 * moves from here into bank A, or a rule written against one of these phrases, spends the held-out
 * set.
 */
final class HeldOutNarratives {
  private HeldOutNarratives() {}

  static final List<String> CHANGE_TITLES =
      List.of(
          "Refactor cut-off calculation for {d}",
          "Bump pool size",
          "Tighten {d} validation",
          "Drop legacy {d} endpoint",
          "Rework backoff policy",
          "Move {d} reads to replica",
          "Parallelise {d} import",
          "Stream {d} exports",
          "Dedupe {d} events",
          "Harden {d} parser",
          "Rename {d} fields",
          "Trim {d} payloads",
          "Lazy-load {d} details",
          "Split {d} worker",
          "Precompute {d} totals",
          "Faster {d} lookups",
          "Reorder {d} indexes");

  static final List<String> TITLES_GENERIC =
      List.of(
          "5xx burst on {svc}",
          "{svc} SLO breach",
          "{svc} answering slowly",
          "Users stuck on a spinner in {svc}",
          "{svc} failing readiness probes",
          "{svc}: error ratio over threshold",
          "Spike of failed requests in {svc}",
          "{svc} intermittently unavailable",
          "Degradation: {svc}",
          "{svc} responses stalling");

  static final List<String> TITLES_DATA =
      List.of(
          "{svc} grinds for big tenants",
          "Export job stuck in {svc}",
          "{svc} chokes on historic records",
          "Mangled characters in {svc} output",
          "{svc} DB load through the roof",
          "Some merchants cannot open {svc} pages",
          "{svc} listing takes minutes");

  static final List<String> TITLES_TRAFFIC =
      List.of(
          "{svc} saturated in the evening rush",
          "{svc} shedding requests at the busiest hour",
          "Backlog piling up behind {svc}",
          "{svc} containers killed for memory when busy",
          "{svc} buckles during promo",
          "Capacity exhausted on {svc}");

  static final List<String> TITLES_CONFIG =
      List.of(
          "{svc} behaves differently live",
          "{svc} crash-looping",
          "{svc} refusing connections on prod alone",
          "Wrong limits applied to {svc}",
          "{svc} toggle live for everyone");

  static final List<String> TITLES_MOCKS =
      List.of(
          "{vendor} rejecting {svc} calls",
          "{svc} integration errors ({vendor})",
          "Card charges failing at {vendor}",
          "Messages stuck at {vendor}",
          "Label purchase failing",
          "{svc} cannot talk to {vendor}");

  static final List<String> TITLES_EXTERNAL =
      List.of(
          "{svc} not reachable from outside",
          "Everything erroring for a few minutes",
          "One zone of {svc} gone",
          "Name lookups failing",
          "Certificate warnings for {svc}",
          "Volume out of space under {svc}",
          "Packet drops between zones",
          "{vendor} down, {svc} impacted");

  static final List<String> DETECTION =
      List.of(
          "Paged by the {svc} availability monitor.",
          "A burst of support chats about {svc} reached the primary.",
          "Blackbox probes against {svc} started to fail.",
          "Error-budget alarm woke the primary.",
          "Grafana panel for {svc} turned red and someone raised it in #incidents.",
          "{customer} wrote in to say nothing loaded.",
          "The secondary spotted it while looking at something else.",
          "Caught by the latency alarm for {svc}.");

  static final List<String> CAUSE_DATA =
      List.of(
          "Our seed set has none of the {table} rows older than the 2018 import, and those are"
              + " exactly the ones the job tripped over.",
          "The new lookup was invisible at staging volumes: {table} holds {ratio} times as many"
              + " rows live.",
          "With real cardinality the planner switched to a seq scan for {table}; on the small copy"
              + " it kept using the index.",
          "A handful of tenants own most of {table}; the batch locked their rows for minutes."
              + " Fixture tenants are tiny.",
          "Names written in non-Latin scripts, e.g. {customer}, came out as question marks; every"
              + " fixture name is plain English.",
          "The backfill hit a record state that only exists in years-old {table} entries.",
          "Loading every entry of {table} for a big account blew the heap; demo tenants have a"
              + " page or two.",
          "Counting {table} is cheap at a thousand records and ruinous at a billion.",
          "Ancient {table} entries carry null regions; the new NOT NULL assumption crashed the"
              + " worker.",
          "The pre-prod database is a trimmed copy, so the missing index for {table} cost nothing"
              + " there.");

  static final List<String> CAUSE_TRAFFIC =
      List.of(
          "Evening demand reached about {ratio}x anything the rehearsal load profile ever"
              + " produced, and the worker pool ran dry.",
          "A push campaign sent everyone to {svc} at once; request queues grew without bound.",
          "Cold caches after the switch sent a stampede of reads to the primary database.",
          "Clients kept resending failed calls, so the burst fed itself for an hour.",
          "Connection slots ran out once promo visitors arrived.",
          "Heap usage grows with in-flight requests; past some concurrency the containers were"
              + " killed.",
          "The autoscaler reacts in minutes, the surge took seconds.",
          "One celebrity item attracted nearly all reads and overwhelmed a single shard.",
          "Consumers fell behind the producer rate and lag kept climbing.",
          "Pre-prod sees a handful of synthetic users; the real busiest hour was {ratio} times"
              + " that and p99 went vertical.");

  static final List<String> CAUSE_CONFIG =
      List.of(
          "Live, {key} was {prod}; the pre-release environment runs with {staging}, and the code"
              + " path assumed the latter.",
          "{flag} is enabled for real users alone, so nobody had ever executed that branch"
              + " before go-live.",
          "A variable defined for the pre-release stack is absent on the live one, and its"
              + " fallback is unsafe there.",
          "An operator hand-edited {key} on the live cluster weeks ago; the lower environment"
              + " never got the same edit.",
          "The two environments disagree on {key}: {prod} live, {staging} pre-release.",
          "Live Helm overrides shorten the request deadline; combined with the added retries,"
              + " calls were abandoned.",
          "An emergency switch flipped long ago was still set and clashed with the new"
              + " behaviour.",
          "Live pods get a smaller memory ceiling than pre-release ones, and the larger cache did"
              + " not fit.",
          "Credentials rotated on one side only: the live side kept the stale one.",
          "Pool sizing on the live side ({prod}) was never what the batching code expected.");

  static final List<String> CAUSE_MOCKS =
      List.of(
          "{vendor}'s sandbox never returns 429, so nobody noticed we had no backoff until"
              + " live traffic got throttled.",
          "Live {vendor} refuses the extra field; the fake we test against accepts anything.",
          "Partial captures behave one way in {vendor}'s test mode and another for real.",
          "The real mail provider ({vendor}) deferred our messages as bulk; the local SMTP"
              + " catcher takes everything.",
          "{vendor} callbacks carry a field our recorded contract does not know; parsing blew"
              + " up.",
          "{vendor} enforces a shorter deadline on {endpoint} for live keys than for test keys.",
          "Canned {vendor} replies come back at once; the real API answers later via callback"
              + " and the code did not wait.",
          "An old version of the {vendor} interface still works in test mode but was retired for"
              + " live keys.",
          "{vendor} wants an idempotency header on {endpoint} for live keys; our recorded replies"
              + " never checked for it.",
          "Every check ran against canned {vendor} answers; genuine errors come in a"
              + " different shape.");

  static final List<String> CAUSE_UNEXPLAINED =
      List.of(
          "A rounding slip in the reworked discount maths; no test combined those two rules.",
          "Cause not pinned down yet; errors stopped once the previous build was back.",
          "Loop bound was one too high in the new page cursor.",
          "Two requests could interleave in the freshly added handler; rare and timing-sensitive.",
          "An exception thrown on a rarely used branch went unhandled.",
          "A missing optional header led to a null dereference in the added route.");

  static final List<String> CAUSE_EXTERNAL =
      List.of(
          "The hosting company lost load balancing in one region for a while.",
          "Our public certificate lapsed; auto-renewal had been failing quietly for weeks.",
          "The managed name service had trouble answering queries.",
          "Log volume filled the database machine's volume.",
          "A physical machine died and took its virtual machines with it.",
          "The zones could not reach each other for twenty minutes.",
          "A flood of junk requests hit the edge; the CDN eventually filtered it.",
          "{vendor} had a bad day on their end; nothing on our side had moved.",
          "The database vendor's maintenance window overran.",
          "Our cloud subscription hit a spending cap and resources were throttled.",
          "Unattended OS upgrades pushed by the provider crashed some nodes.");

  static final List<String> MITIGATION =
      List.of(
          "Redeployed the previous build; error ratio went back to baseline.",
          "Added replicas and dropped low-priority requests until things calmed down.",
          "Shipped a forward fix within the hour.",
          "Turned the toggle off again.",
          "Put the prior version back; recovery was immediate.",
          "Temporary capacity bump while the patch was written.",
          "Failed over to the other region.");

  static final List<String> ACTIONS =
      List.of(
          "Next steps: alert on pool saturation, tighten the go-live checklist.",
          "To do: bring the pre-release environment closer to prod for this service.",
          "Owners will add coverage, a canary stage and a playbook.",
          "Tickets filed for panels and a timeout audit.",
          "Improve automated undo of releases.");

  static final List<String> NOISE =
      List.of(
          "p99 looked ugly for the whole window.",
          "Database metrics were unremarkable.",
          "Merges were held while we dug in.",
          "Request volume was typical for that day.",
          "Settings were eyeballed and nothing jumped out at first.",
          "The card processor's public dashboard showed all green.",
          "Afterwards a few support records were fixed by hand.",
          "A couple of nodes ran hot.",
          "The playbook for this page was stale.",
          "This rotation got paged twice this week.");

  static final List<String> CHANGE_CONTEXT =
      List.of(
          "It started not long after the new build of {service} went live.",
          "First errors came in soon after {service} was rolled out again.",
          "Trouble began once a fresh {service} version reached users.",
          "Lines up with when the {service} release finished.",
          "Since this morning's push of {service}, errors have been climbing.",
          "");

  static final List<String> DECOY_COMMIT =
      List.of("{sha} was ruled out.", "We cleared {sha} early: its diff never touches this path.");

  static final List<String> DECOY_VERSION =
      List.of(
          "Not caused by {version}.",
          "{version} is off the hook; it went out hours before the first error.");

  static final List<String> DECOY_PR =
      List.of("{pr} was a red herring.", "Someone blamed {pr}; the timeline says otherwise.");

  static final List<String> DECOY_DEPLOY =
      List.of(
          "Unrelated to {when} deploy of {other}.", "Not the {other} rollout from {when} either.");

  static final List<String> TITLE_QUOTE =
      List.of(
          "Errors have been up since the {title} change.",
          "It began after {title} went out.",
          "Everything points to {title}.",
          "Looks like {title} is what broke it.");

  static final List<String> NUMBERS =
      List.of(
          "See customer case {ticket}.",
          "Runtime library {library} showed nothing unusual.",
          "Tracked in {ticket}.");

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
        List.of("Release pipeline frozen during triage.", "No merges went out during triage."));
    m.put(
        PhraseBank.Pool.AFFECTED_CUSTOMERS,
        List.of("Among those hit: {customer} 😞.", "{customer} was one of the accounts hit."));
    m.put(
        PhraseBank.Pool.ROLLED_BACK_TO,
        List.of("We redeployed {prev} to stop it.", "Production is back on {prev} for now."));
    m.put(
        PhraseBank.Pool.REF_VERSION,
        List.of(
            "Culprit: {service} {version} (live since {at}).", "Bisected to {service} {version}."));
    m.put(PhraseBank.Pool.REF_COMMIT, List.of("Traced to {sha}.", "git bisect points at {sha}."));
    m.put(
        PhraseBank.Pool.REF_PR,
        List.of("Root change: {pr}, live at {at}.", "The offending diff is {pr}."));
    m.put(PhraseBank.Pool.REF_PIPELINE, List.of("Offending rollout: {pipeline}."));
    m.put(PhraseBank.Pool.REF_RELEASE, List.of("{app} {release} (live {at}) is the culprit."));
    m.put(PhraseBank.Pool.REF_RELEASE_COMMIT, List.of("Slug built from {sha7} is the culprit."));
    m.put(PhraseBank.Pool.DECOY_COMMIT, DECOY_COMMIT);
    m.put(PhraseBank.Pool.DECOY_VERSION, DECOY_VERSION);
    m.put(PhraseBank.Pool.DECOY_PR, DECOY_PR);
    m.put(PhraseBank.Pool.DECOY_DEPLOY, DECOY_DEPLOY);
    m.put(PhraseBank.Pool.TITLE_QUOTE, TITLE_QUOTE);
    m.put(PhraseBank.Pool.NUMBERS, NUMBERS);
    return new PhraseBank(
        "B",
        m,
        List.of(
            new String[] {"\u201c", "\u201d"},
            new String[] {"\u2018", "\u2019"},
            new String[] {"\u00ab", "\u00bb"}),
        "\u2026");
  }
}
