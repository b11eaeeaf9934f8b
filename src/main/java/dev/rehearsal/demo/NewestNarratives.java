package dev.rehearsal.demo;

import java.util.List;

/**
 * Bank D, the newest wording: the same kinds of passages as banks A ({@link Narratives}), B ({@link
 * HeldOutNarratives}) and C ({@link FreshNarratives}), written apart from the analysis' rules and
 * word lists after bank C informed a rule change, so that figures on wording the analysis never saw
 * can still be measured. It shares no sentence and no distinctive phrase with A, B or C, and mixes
 * registers: terse pager notes, chat updates, postmortem prose, non-native English, abbreviations.
 * Keep it that way: a rule written against one of these phrases, or a sentence that moves from here
 * into another bank, spends it.
 */
final class NewestNarratives {
  private NewestNarratives() {}

  static final List<String> CHANGE_TITLES =
      List.of(
          "Backfill {d} checksums",
          "Guard {d} against empty payloads",
          "Port {d} handler to virtual threads",
          "Drop unused {d} columns",
          "Wrap {d} client in circuit breaker",
          "Archive stale {d}",
          "Recompute {d} rollups hourly",
          "Upgrade Postgres driver",
          "Batch {d} lookups via DataLoader",
          "Rewrite {d} reconciliation",
          "Switch {d} ids to UUIDv7",
          "Chunk {d} uploads",
          "Tune GC flags",
          "Sort {d} by updated_at",
          "Memoize {d} permissions",
          "Normalize {d} addresses",
          "Shard {d} by region",
          "Retire v1 {d} API",
          "fix: handle {d} timezone edge",
          "chore: upgrade logging stack",
          "feat({d}): soft delete");

  static final List<String> TITLES_GENERIC =
      List.of(
          "SEV: {svc} error rate high",
          "{svc} 5xx > 2%",
          "{svc} availability dip",
          "Alert: {svc} error spike",
          "{svc} calls failing now and then",
          "[{svc}] degraded performance",
          "{svc} not responding properly",
          "ALERT {svc} 503s",
          "{svc} errors, investigating",
          "{svc} half of calls fail",
          "{svc} very slow since some minutes",
          "{svc} unhealthy");

  static final List<String> TITLES_DATA =
      List.of(
          "{svc} times out opening older accounts",
          "{svc} statement timeouts on the heavy tenants",
          "{svc} invoices show weird symbols instead of letters",
          "{svc} batch stuck at 3% for hours",
          "{svc} crashes reading pre-2020 records",
          "{svc} queries doing seq scans",
          "Large customers can't load {svc} dashboard",
          "{svc} replica lag huge after backfill",
          "{svc} listing empty for enterprise accounts");

  static final List<String> TITLES_TRAFFIC =
      List.of(
          "{svc} falling behind in the 9am rush",
          "{svc} 503 storm during sale",
          "{svc} queue depth alarm",
          "{svc} autoscaler maxed out",
          "{svc} threads all busy, peak hour",
          "Wave of 429s from {svc} during the promo",
          "{svc} tipping over whenever load climbs",
          "{svc} OOM under burst traffic",
          "{svc} latency climbs with every traffic wave");

  static final List<String> TITLES_CONFIG =
      List.of(
          "{svc} only broken in production env",
          "{svc} uses staging endpoint in prod??",
          "{svc} crashloop after config reload",
          "{svc} flag on for everyone by accident",
          "{svc} wrong DB pool size on prod",
          "{svc} prod acts unlike staging",
          "Env mismatch breaks {svc}",
          "{svc} missing setting in prod");

  static final List<String> TITLES_MOCKS =
      List.of(
          "{vendor} API rejecting our requests ({svc})",
          "{svc}: {vendor} 4xx flood",
          "Payments via {vendor} erroring",
          "Transactional emails stuck in {vendor}",
          "Shipping label API failing for {svc}",
          "SMS not arriving",
          "{svc} integration down - {vendor} says bad request",
          "{vendor} webhooks not processed by {svc}");

  static final List<String> TITLES_EXTERNAL =
      List.of(
          "Nobody can reach {svc}",
          "Multiple services erroring at once",
          "AZ outage, {svc} impacted",
          "DNS lookups timing out",
          "TLS cert expired for {svc}",
          "No space left on device ({svc})",
          "Cross-region link flapping",
          "Upstream {vendor} outage, {svc} degraded",
          "Cloud LB errors in front of {svc}");

  static final List<String> DETECTION =
      List.of(
          "Opsgenie paged the {svc} rotation.",
          "PD alert 'high error rate' for {svc}, ack'd by on-call after 4 min.",
          "CS escalated after {customer} reported failures.",
          "Datadog monitor on {svc} went critical.",
          "Noticed in #ops: someone posted a screenshot of {svc} erroring.",
          "Pingdom checks started failing for {svc}.",
          "1h burn window for {svc} crossed the paging threshold.",
          "Found by a developer testing something else on prod.",
          "{customer} tweeted at us before any alarm fired.",
          "We got woken up by the {svc} error budget monitor.");

  static final List<String> CAUSE_DATA =
      List.of(
          "The migration was rehearsed against a {table} with a few hundred rows; production's copy"
              + " is {ratio} times bigger and the ALTER held its lock for most of an hour.",
          "What we test with is synthetic and tidy. Prod {table} contains rows written by three"
              + " generations of the app, some with fields that no longer mean what the code thinks.",
          "The index on {table} helped nothing once row counts were real; the optimiser's estimate"
              + " was way off and it picked an on-disk sort.",
          "Accounts like {customer}'s have an emoji or a combining accent in nearly every field; the"
              + " new truncation split characters in half. Our fixtures contain nothing but a-z.",
          "Old {table} rows still carry the enum value we removed in 2021, and deserialisation threw"
              + " on each one.",
          "The batch works per customer; one tenant owns close to half of {table}, so its slice"
              + " never finished inside the lease and got retried forever.",
          "In short: volume. {table} on prod is ~{ratio}x our test db, and the new count(*) per page"
              + " load does not scale.",
          "we test on anonymised snapshot from 2 years ago, it is small and missing the newest kinds"
              + " of records. production {table} have them, code did not expect it.",
          "Finding: the data set used for pre-release verification is not representative of"
              + " production in size or in the age distribution of {table}.",
          "Sort + OFFSET pagination over {table} was OK for small tenants and fell apart past page"
              + " 2000 for the big ones.",
          "Several {table} entries have timestamps in 1970 from an ancient import bug, and the new"
              + " date math divided by zero on them.");

  static final List<String> CAUSE_TRAFFIC =
      List.of(
          "Our perf test peaks at a few hundred rps; real traffic at 09:00 was {ratio}x higher, and the"
              + " new synchronous call per request ate every worker.",
          "A push notification went to the entire user base at once, and {svc} got a wall of logins"
              + " in under a minute.",
          "The deploy restarted all pods together, so local caches were empty and every request went"
              + " to the DB for several minutes. Classic herd effect.",
          "Client SDK retries with no jitter: each timeout produced three more calls, and the load"
              + " never came down by itself.",
          "At peak concurrency Hikari had no free connections left and requests waited until they"
              + " timed out.",
          "new version allocate much more per request; with real concurrency GC could not follow"
              + " and JVMs died.",
          "HPA needed 6-7 min to add pods while traffic doubled in 40 s. We were short of capacity"
              + " until the ramp-up was over.",
          "A single viral listing drew most of the reads and its partition became a hotspot.",
          "At peak the Kafka consumers processed slower than producers wrote; lag reached hours.",
          "Staging gets almost no real traffic; nothing there resembles the Monday morning burst.",
          "Load-dependent: fine below some threshold, and past {ratio}x the normal rate latency"
              + " went exponential.");

  static final List<String> CAUSE_CONFIG =
      List.of(
          "Prod: {key}={prod}. Staging: {key}={staging}. Every test of this change ran under the"
              + " second value.",
          "{flag} defaults to off everywhere except prod, where it was switched on for a customer"
              + " pilot; the branch under it had zero test runs.",
          "The deployment manifest for prod lacks a variable that staging's has, so the service"
              + " started with a built-in default unsuitable for production.",
          "Drift: during an incident last year someone changed {key} in prod by hand (kubectl edit),"
              + " and it was never written back to the repo.",
          "Config diff prod vs staging: {key} {prod} / {staging}. Nobody knew.",
          "Ingress in production has a 30 s idle timeout, staging ingress has none, so the long"
              + " request got cut only on prod.",
          "Staging containers get 4Gi, prod ones 1Gi; the larger buffers fit in one and not in the"
              + " other.",
          "The truststore on prod nodes was older than on staging, so the new outbound call failed"
              + " the handshake only there.",
          "{key} was removed from the staging config long ago but production still had it ({prod}),"
              + " which overrode the new default.",
          "The secret in the prod vault pointed at an old DB user with fewer grants; the staging"
              + " secret had been updated.",
          "configuration is not same between environments: prod have {key} {prod}, staging have"
              + " {staging}; release assumed staging value.");

  static final List<String> CAUSE_MOCKS =
      List.of(
          "All our integration tests talk to a WireMock of {vendor} that always answers 200; the"
              + " real one began sending 429 and we had no Retry-After handling.",
          "{vendor} production validates the currency field strictly; our contract tests mock"
              + " {vendor} and validate nothing.",
          "Sandbox at {vendor} skips the 3-D Secure step that live enforces, so what we verified"
              + " isn't what customers go through.",
          "This template was the first one ever sent via live {vendor}, and their filter quarantined"
              + " it. Locally we use MailHog, which accepts anything.",
          "Live {vendor} sends dates as strings with a timezone, the recorded responses in our repo"
              + " have epoch millis. Parser exploded.",
          "{endpoint} on {vendor} gives up after 5 s with prod credentials; sandbox lets calls run"
              + " for a minute.",
          "Our fake {vendor} client responds inline; in reality {vendor} acknowledges and posts the"
              + " result to a callback URL minutes later, which the code never handled.",
          "{vendor} retired v2 of {endpoint} for production accounts; the sandbox keeps serving it.",
          "Real {vendor} wants each {endpoint} request signed via a header; the stub in CI never"
              + " checks headers.",
          "We never ran this against the actual {vendor}, only against recorded fixtures, which"
              + " turned out to be two API versions behind.",
          "mock of {vendor} is too kind, it never fails. real {vendor} return 502 sometimes and our"
              + " code have no handling for it.");

  static final List<String> CAUSE_UNEXPLAINED =
      List.of(
          "Simple logic error: the comparison was inverted for refunds, and no test covered refunds.",
          "Root cause unknown at time of writing. Rolling back stopped it; investigation continues"
              + " in the follow-up ticket.",
          "Off by one in the batch boundary: the final element of every batch was processed twice.",
          "Data race between the cache refresher and the request thread, only visible with specific"
              + " timing.",
          "A catch block swallowed the error and returned a half-initialised object; callers"
              + " crashed later.",
          "NPE when the optional locale is missing from the request.",
          "honestly no idea yet. revert fixed it, will dig further.");

  static final List<String> CAUSE_EXTERNAL =
      List.of(
          "AWS eu-west-1 had elevated ELB error rates for about 40 minutes (the AWS health"
              + " dashboard confirms).",
          "The Let's Encrypt cert on the apex domain expired; the certbot timer had been disabled"
              + " during a host migration.",
          "Route 53 health checks misbehaved and pulled healthy endpoints out of DNS.",
          "/var/log filled up on the primary DB node and Postgres stopped accepting writes.",
          "The underlying hypervisor crashed and took four of our nodes with it.",
          "Inter-AZ latency spiked to seconds; the provider acknowledged a network event.",
          "Volumetric flood on the login endpoint; a WAF rate rule eventually absorbed it.",
          "{vendor} was down globally, nothing on our side changed.",
          "The provider's planned maintenance on managed Redis overran by two hours.",
          "We ran into the regional vCPU quota and autoscaling could not launch instances.",
          "Hosting provider force-rebooted hosts for a security patch without the usual notice.");

  static final List<String> MITIGATION =
      List.of(
          "Rolled prod back to the previous image; error rate normal within five minutes.",
          "Bumped replicas from 6 to 20 and enabled load shedding on non-critical routes.",
          "Fix-forward deployed ~35 min after detection.",
          "Toggled the flag off via the admin UI.",
          "DNS failover to the standby region.",
          "Reverted the offending merge and redeployed main.",
          "Temporarily raised limits and rate-limited the noisiest client.",
          "mitigated: undo the release, afterwards all green.");

  static final List<String> ACTIONS =
      List.of(
          "AI-1 alert on queue depth; AI-2 automated env config diff as a deploy gate.",
          "Follow-ups tracked in the incident epic: realistic dataset before release, perf run as part"
              + " of CI.",
          "Owner: platform team. Add canary analysis to the deploy pipeline.",
          "Action: write the runbook entry we wished we had.",
          "Next: contract tests against the vendor's sandbox, and a weekly diff of env configs.",
          "TODO: one-command rollback, better dashboards.");

  static final List<String> NOISE =
      List.of(
          "Traffic graph looked unremarkable for a Thursday.",
          "Config repo had no commits that day.",
          "Checked the DB slow log: nothing out of the ordinary.",
          "Load balancer metrics flat.",
          "Vendor status pages all green at the time.",
          "Support fixed a few rows in the accounts table by hand later.",
          "CPU on two nodes was a bit high, probably unrelated.",
          "Runbook link in the alert was dead.",
          "Third page this week for the same rotation, people are tired.",
          "Staging was down for maintenance anyway that afternoon.",
          "Mock server logs were noisy, as usual.",
          "GC pauses slightly longer than usual; not significant.");

  static final List<String> CHANGE_CONTEXT =
      List.of(
          "Onset ~10 min after {service} hit prod.",
          "First error shows up right as {service} finished rolling out.",
          "{service} had just gone to prod when this started.",
          "Correlates with {service} going out.",
          "We had shipped {service} about 20 min before.",
          "Graph goes bad at the same minute the new {service} build took traffic.",
          "Began with the latest release, as far as we can tell.",
          "");

  static final List<String> PAUSED =
      List.of(
          "Deploys on hold until root cause known.",
          "Change freeze declared by the IC.",
          "Nothing shipped while we were investigating.",
          "Pipelines locked for the duration.",
          "Froze merges to main, just in case.");

  static final List<String> AFFECTED_CUSTOMERS =
      List.of(
          "{customer} among the impacted.",
          "Confirmed impact for {customer}.",
          "{customer} complained as well.");

  static final List<String> ROLLED_BACK_TO =
      List.of(
          "Rolled production to {prev}.",
          "Prod pinned to {prev} until the fix.",
          "{prev} is live again.",
          "{prev} redeployed as mitigation.",
          "Reverted to {prev}; stable since.");

  static final List<String> REF_VERSION =
      List.of(
          "Caused by {service} {version}, deployed {at}.",
          "{service} {version} ({at}) introduced it.",
          "The regression shipped in {service} {version} at {at}.",
          "Root cause is in {service} {version}; it reached prod at {at}.",
          "Broken since {service} {version} rolled out ({at}).",
          "{version} of {service}, out at {at}, is the one.",
          "Confirmed: {service} {version}. Deployed {at}.",
          "Bad build = {service} {version}, rollout done {at}.",
          "{service} {version} landed {at} and broke this.",
          "it's from {service} {version} (prod at {at}).",
          "Regression introduced by {service} {version}, released {at}.",
          "Trigger was the {service} {version} deploy at {at}.");

  static final List<String> REF_COMMIT =
      List.of(
          "Culprit commit: {sha}.",
          "Regression introduced by {sha}.",
          "{sha} broke it.",
          "Bisect landed on {sha}.",
          "Caused by commit {sha}.",
          "Reverting {sha} stopped the errors.",
          "The change that did it is {sha}.",
          "{sha} is the bad one.",
          "Problem came in with {sha}.",
          "Offending change found: {sha}.",
          "root cause in {sha}.",
          "Narrowed it down to {sha}.",
          "It's {sha}, confirmed by revert.");

  static final List<String> REF_PR =
      List.of(
          "{pr} caused it; it was deployed {at}.",
          "Introduced in {pr} (in prod from {at}).",
          "Regression from {pr}, which reached prod at {at}.",
          "{pr} is the cause.",
          "Blame {pr}, merged and shipped {at}.",
          "The bug was added by {pr}.",
          "Root cause: {pr}, out at {at}.",
          "Reverting {pr} fixed it.",
          "{pr} (deployed {at}) broke this.",
          "Traced back to {pr}.",
          "It's {pr}; hit production {at}.",
          "{pr} is responsible, prod deploy at {at}.");

  static final List<String> REF_PIPELINE =
      List.of(
          "Caused by {pipeline}.",
          "{pipeline} shipped the bug.",
          "The bad rollout was {pipeline}.",
          "Regression deployed via {pipeline}.",
          "Errors trace to {pipeline}.",
          "{pipeline} is where it broke.",
          "Broke with {pipeline}.",
          "Root cause deployed in {pipeline}.",
          "Offender: {pipeline}.",
          "Identified {pipeline} as the cause.",
          "The change reached prod through {pipeline}, and that's when it began.",
          "{pipeline} introduced the failure.");

  static final List<String> REF_RELEASE =
      List.of(
          "{app} {release} caused it, released {at}.",
          "{app} {release} went out at {at} and broke it.",
          "Heroku: {app} at {release}, released {at}, is the cause.",
          "Regression in {app} {release}, deployed {at}.",
          "{app} release {release} at {at} introduced this.",
          "Since {app} {release} went out ({at}) everything fails.",
          "Culprit release: {app} {release}, promoted around {at}.",
          "{release} on {app}, promoted {at}, is the bad one.",
          "Rolled {app} back from {release} (deployed {at}) and it recovered.",
          "Bad release {app} {release} at {at}.",
          "It's {app} {release}, shipped at {at}.",
          "The problem started with {app} {release} at {at}.");

  static final List<String> REF_RELEASE_COMMIT =
      List.of(
          "Build of {sha7} is what broke it.",
          "Heroku push of {sha7} caused it.",
          "Regression shipped in {sha7}.",
          "{sha7} deployed, then errors.",
          "Culprit: the {sha7} build.",
          "Pushing {sha7} to Heroku started it.",
          "Slug from {sha7} introduced the bug.",
          "The {sha7} release is the root of it.",
          "It started when {sha7} was deployed.",
          "{sha7} is the bad deploy.",
          "Traced to the {sha7} push.",
          "Reverting {sha7} on Heroku stopped it.");

  static final List<String> DECOY_COMMIT =
      List.of(
          "{sha} is ruled out: it deployed after the errors had already begun.",
          "Reviewed the diff of {sha}: only a README change.",
          "{sha} sat in canary for an hour with clean metrics, so it's not that.",
          "Tried reverting {sha}; error rate unchanged.",
          "{sha} only touches the admin UI, not this service's path.",
          "Not {sha}: the diff is a test-scope dependency bump.",
          "{sha} has been in prod for two days without a single error.",
          "Checked {sha}, it's a no-op for production (feature-flagged off).",
          "Suspected {sha} at first, but the errors also show on pods without it.",
          "{sha} cleared after diff review.",
          "Ignoring {sha}: it's only a CI config tweak.",
          "{sha} excluded, the timeline doesn't fit.",
          "Rolled back {sha} on one host as a test; same failures, so no.");

  static final List<String> DECOY_VERSION =
      List.of(
          "{version} had been live for a full day before any errors showed up. Not it.",
          "{version} excluded: its canary looked perfect.",
          "We reverted {version} and errors kept coming, so not that.",
          "{version} changes only logging, reviewed the diff.",
          "Errors also appear on instances still on the build before {version}.",
          "{version} is a docs-only release.",
          "Not related to {version}.",
          "{version} was my first suspect; the diff says no.",
          "{version} was deployed well before onset and had no issues; discarded.",
          "Ruled {version} out by timing.",
          "{version} is clean, it ran in prod all weekend.",
          "Rollback of {version} made no difference whatsoever.",
          "Had a look at {version}: nothing there that could do this.");

  static final List<String> DECOY_PR =
      List.of(
          "{pr} was merged but sits behind a disabled flag; not involved.",
          "{pr} only changes test fixtures; ruled out.",
          "Read through {pr} line by line, nothing that could cause this.",
          "{pr} deployed hours earlier with no impact.",
          "Canary for {pr} was clean, so we moved on.",
          "Reverted {pr} as an experiment; no change in errors.",
          "{pr} ruled out.",
          "{pr} touches another module entirely.",
          "Thought of {pr}, but timing is wrong.",
          "{pr}: dismissed, it only adds metrics.",
          "Not {pr} either, same errors with it reverted.",
          "We suspected {pr} for about five minutes. Wrong.");

  static final List<String> DECOY_DEPLOY =
      List.of(
          "{other}'s deploy {when}: innocent, its canary stayed green.",
          "{other} also shipped {when}, but the diff is unrelated.",
          "Not {other}'s release from {when}: rolled it back, errors continued.",
          "{other} went out {when}, well before onset; excluded.",
          "Looked at what {other} deployed {when}: config comments only.",
          "{when}'s {other} deploy doesn't line up with the error graph.",
          "Cleared {other} ({when}) after reading its changes.",
          "{other} had a release {when} but its canary metrics were flat.",
          "No link to {other}'s push {when}.",
          "Someone asked about {other} {when}; it's not that.",
          "{other} rolled out {when} and has nothing to do with this path.",
          "The {other} change {when} got checked and dismissed.");

  static final List<String> TITLE_QUOTE =
      List.of(
          "Suspecting {title}.",
          "Looks related to {title}.",
          "I think it's {title}.",
          "Started the moment {title} got deployed.",
          "{title} is the most likely cause.",
          "Most probably {title} broke it.",
          "Could be {title}?",
          "Timeline fits {title}.",
          "prob {title}.",
          "Main suspect is {title}.",
          "After {title} things went south.");

  static final List<String> NUMBERS =
      List.of(
          "Ref {ticket}.",
          "Customer report: {ticket}.",
          "{library} unchanged, not relevant.",
          "Ticket {ticket} for the details.",
          "Clients were on SDK {libversion}.",
          "Upgraded {library} last month, unrelated.",
          "See {ticket} and linked tickets.");

  static PhraseBank bank() {
    return new PhraseBank(
        "D",
        PhraseBank.poolsNamedIn(NewestNarratives.class),
        List.of(
            new String[] {"\"", "\""},
            new String[] {"\u2039", "\u203a"},
            new String[] {"\u300c", "\u300d"}),
        "..");
  }
}
