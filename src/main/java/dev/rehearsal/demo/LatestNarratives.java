package dev.rehearsal.demo;

import java.util.List;

/**
 * Bank E, the latest wording: the same kinds of passages as banks A ({@link Narratives}), B ({@link
 * HeldOutNarratives}), C ({@link FreshNarratives}) and D ({@link NewestNarratives}), written apart
 * from the analysis' rules and word lists after bank D informed rule changes, so that figures on
 * wording the analysis never saw can still be measured. It shares no sentence and no distinctive
 * phrase with A, B, C or D, and mixes registers: terse pager notes, formal postmortem prose, chat
 * updates, non-native English, bullet-like fragments. Keep it that way: a rule written against one
 * of these phrases, or a sentence that moves from here into another bank, spends it.
 */
final class LatestNarratives {
  private LatestNarratives() {}

  static final List<String> CHANGE_TITLES =
      List.of(
          "Add retention policy for {d}",
          "Move {d} writes behind an outbox",
          "Defer loading {d} on the detail view",
          "Denormalize {d} into search index",
          "Replace hand-rolled {d} parser",
          "Enforce NOT NULL on {d} foreign keys",
          "Cache {d} responses at the edge",
          "Parallelize {d} export job",
          "Bump protobuf to 3.25",
          "Separate {d} worker into reader and writer",
          "Stream {d} CSV instead of buffering",
          "refactor: extract {d} repository",
          "perf: cache {d} aggregates",
          "Migrate {d} cron to Temporal",
          "Encrypt {d} PII at rest",
          "Coalesce repeated {d} webhooks",
          "Enable HTTP/2 for internal calls",
          "Consolidate {d} feature toggles",
          "Deduplicate {d} on ingest",
          "Composite index for {d} search",
          "Rename {d} status values",
          "build(deps): bump jackson to 2.17",
          "Localize {d} emails",
          "Expire {d} tokens sooner");

  static final List<String> TITLES_GENERIC =
      List.of(
          "{svc} elevated failures",
          "[P2] {svc} erroring for a share of users",
          "{svc}: SLO breached on errors",
          "{svc} flaky responses since early today",
          "{svc} half-broken",
          "Increased failures on {svc}",
          "{svc} - intermittent 500s",
          "{svc} misbehaving",
          "[SEV2] {svc} requests erroring",
          "{svc} problem (ongoing)",
          "{svc} health check red",
          "Something wrong with {svc}",
          "{svc} rejecting a chunk of requests",
          "{svc} request failures above baseline");

  static final List<String> TITLES_DATA =
      List.of(
          "{svc} export never completes for the biggest tenant",
          "{svc} pages take 40s for long-time customers",
          "Garbled glyphs in PDFs from {svc}",
          "{svc} migration locked the table",
          "{svc} trips over legacy rows",
          "{svc} search empty for accounts with long histories",
          "{svc} job OOM on the full dataset",
          "{svc} deserialization failures on old records",
          "{svc} report totals wrong for a few big accounts",
          "{svc} DB CPU pegged by one query");

  static final List<String> TITLES_TRAFFIC =
      List.of(
          "{svc} buckles at lunchtime peak",
          "{svc} p99 off the charts at peak",
          "{svc} overwhelmed by Cyber Monday orders",
          "{svc} out of DB connections under load",
          "{svc} backlog growing faster than it drains",
          "{svc} pods restarting when traffic spikes",
          "Throttling on {svc} after the newsletter blast",
          "{svc} saturated, requests queuing",
          "{svc} melts down at month-end",
          "{svc} slow only when busy");

  static final List<String> TITLES_CONFIG =
      List.of(
          "{svc} broken in prod, staging fine",
          "{svc} reads a different setting value in production",
          "{svc} came up with defaults in prod",
          "Prod-only failure in {svc} after rollout",
          "{svc} toggle flipped for all tenants",
          "{svc} points at the wrong host in prod",
          "{svc}: env var absent on production pods",
          "{svc} acting strange on the prod cluster only",
          "{svc} timeouts only behind prod ingress");

  static final List<String> TITLES_MOCKS =
      List.of(
          "{svc} calls to {vendor} returning 400",
          "{vendor} rejects payloads from {svc}",
          "Checkout failing at the {vendor} step",
          "{svc}: {vendor} integration broken after release",
          "Notifications via {vendor} not delivered",
          "{vendor} callback never handled ({svc})",
          "{svc} fails to parse {vendor} responses",
          "{vendor} rate limiting {svc}",
          "{svc} getting 401 from {vendor} with production keys");

  static final List<String> TITLES_EXTERNAL =
      List.of(
          "{svc} unreachable from outside",
          "Widespread errors across several services",
          "Cloud provider incident affecting {svc}",
          "{svc} down: certificate expired",
          "Name resolution failures in the cluster",
          "{vendor} degraded, knock-on effect on {svc}",
          "Disk full on {svc} host",
          "Zones split from each other (network)",
          "Edge/CDN returning 5xx for {svc}",
          "Region-wide latency, {svc} among affected");

  static final List<String> DETECTION =
      List.of(
          "Paged via the error-budget policy for {svc}; acknowledged five minutes later.",
          "Checkly synthetic probe on {svc} failing from all regions.",
          "Support ticket from {customer} was the first signal.",
          "On-call got a Grafana alert: {svc} 5xx share above limit.",
          "first noticed by QA poking around prod, no alert fired.",
          "Customer success pinged #incidents, {customer} could not get through to {svc}.",
          "Alertmanager fired ServiceErrorRateHigh for {svc}.",
          "Spotted on the status dashboard during standup.",
          "New Relic anomaly detection flagged {svc}.",
          "Sentry issue volume for {svc} jumped from near zero to thousands.",
          "Our canary checker started failing on {svc} and paged secondary, primary was on a"
              + " flight.");

  static final List<String> CAUSE_DATA =
      List.of(
          "Pre-release checks ran with a {table} holding some 3k rows. The live table"
              + " is {ratio}-fold bigger, and the changed query plan falls over at that size.",
          "Long-lived accounts such as {customer}'s have years of {table} history; the new loader"
              + " pulls all of it into memory in one go.",
          "The column we made NOT NULL had nulls in production, written by a code path removed"
              + " years ago; the QA database never had any.",
          "Older {table} records encode amounts as strings with commas. Seed data uses plain"
              + " numbers, so parsing was never exercised on them.",
          "Skew: most tenants have a handful of {table} rows, a couple have millions. We only ever"
              + " exercise the median tenant before release.",
          "Root cause summary - the QA database is rebuilt nightly from fixtures and contains none"
              + " of the shapes found in real {table} (duplicates, orphans, mixed encodings).",
          "backfill updated all {table} rows in a single transaction. on the QA copy it took 2"
              + " seconds, in prod it blew up the WAL and replicas fell way behind.",
          "Production {table} contains names in Cyrillic, Thai and Hangul; the new slug function"
              + " assumed ASCII and produced empty keys that collided.",
          "the data in test env is much smaller and more clean then production one, the {table}"
              + " there have maybe 1% of rows, so problem was invisible.",
          "Once {table} statistics reflected real cardinality (roughly {ratio} fold vs the QA copy)"
              + " the optimizer went for a nested loop. Query went from 20 ms to 90 s.",
          "Some {table} rows reference parent records that were hard-deleted long ago. The new join"
              + " assumed referential integrity and returned 500 for those.",
          "Unique constraint added in the migration failed halfway because prod already held"
              + " duplicate {table} keys; the deploy left the schema half-applied.");

  static final List<String> CAUSE_TRAFFIC =
      List.of(
          "Our perf suite is a flat 50 rps for ten minutes. Real mornings ramp {ratio}-fold"
              + " within seconds, and the per-request lock added here serialised everything.",
          "A marketing email went to every subscriber at 10:00 sharp; {svc} saw a sign-up spike it"
              + " had never been exercised against.",
          "Connections per pod doubled with the change; multiplied by the production replica count,"
              + " that blew through the database's ceiling.",
          "Retries multiplied everything: each failed request came back three times from the mobile"
              + " app, so a small slowdown became a storm.",
          "Thread pool of 16 was plenty for the trickle we see pre-prod. At peak every thread was"
              + " blocked on the new downstream call and the accept queue overflowed.",
          "Under concurrency the added cache stampeded: hundreds of requests missed together and"
              + " all recomputed the same value.",
          "We never tested with more than a handful of concurrent users. The problem only appears"
              + " when many requests contend for the same rows.",
          "Cold start after deploy coincided with the hourly peak; JIT warm-up plus empty caches"
              + " pushed latency past client timeouts, which triggered more retries.",
          "The consumer group copes with normal throughput, but the end-of-month batch delivered"
              + " a message rate {ratio}-fold above normal and it never caught up.",
          "Per-request allocations went up with this build, so heap scales with concurrent calls."
              + " Quiet environments never showed it; at peak the heap filled within minutes.",
          "tl;dr the code is fine at low volume and falls over at high volume, and nothing before"
              + " prod generates high volume.",
          "One partner integration hammers {svc} with bursts of parallel calls; the handler added"
              + " here took a global mutex.");

  static final List<String> CAUSE_CONFIG =
      List.of(
          "{key}: {prod} on production and {staging} everywhere we test, and the change only"
              + " works with the latter.",
          "The {flag} toggle was already enabled in production for one cohort, so code behind it"
              + " went live with the deploy; in staging it has always been off.",
          "Production reads its settings from a Helm values file that nobody updated; the new"
              + " setting was only added to the staging overlay.",
          "Someone hotfixed {key} on the prod cluster months ago and never put it in git, so the"
              + " release was verified with a value prod doesn't have.",
          "A post-incident diff of both environments turned up {key} (prod {prod}, staging"
              + " {staging}), plus TLS settings and JVM heap.",
          "The load balancer in front of prod terminates TLS and strips a header the service relies"
              + " on; staging has no such hop.",
          "Prod pods have a tighter CPU limit, so the extra startup work outlasted the liveness"
              + " probe and they were killed in a loop.",
          "The prod resolver config differs: search domains are set there, so the short hostname"
              + " resolved to the wrong internal service.",
          "Mismatch in {key}: prod={prod}, stg={staging}. The release notes assumed stg.",
          "our prod and test environment have different settings, for {key} prod use {prod} but"
              + " test use {staging}; nobody check before release.",
          "Staging has a permissive IAM role left from an old experiment; the prod role lacked"
              + " permission for the new bucket, which we only found after release.",
          "Cron timezone is UTC in staging and Europe/Berlin in prod, so the job overlapped with the"
              + " nightly backup only in production.");

  static final List<String> CAUSE_MOCKS =
      List.of(
          "Our stub of {vendor} returns a fixed happy response. Live {vendor} returned a paginated"
              + " list with a cursor, and we only read the first page.",
          "In sandbox mode {vendor} ignores idempotency keys; live mode enforces them, so our retry"
              + " produced 409s.",
          "{endpoint} on live {vendor} caps bodies at 1 MB. The fake in our test suite"
              + " accepts any size.",
          "Recorded cassettes for {vendor} were made in 2022; since then they added a required"
              + " field to {endpoint}.",
          "We never called live {vendor} before launch. The test double had been written from"
              + " their docs, which were out of date.",
          "{vendor}'s live API returns amounts in minor units (cents); the stub returned decimals,"
              + " and the code was written against the stub.",
          "Real {vendor} webhooks arrive out of order and sometimes twice. The emulator sends each"
              + " exactly once, in order.",
          "Credentials for live {vendor} are scoped per region; sandbox keys work everywhere, so"
              + " nothing in testing caught the 403.",
          "{vendor} rate-limits each account, but only on live. Our suite hit the mock with 300"
              + " calls per second without complaint.",
          "Contract test passed because both sides of the contract were our own assumptions about"
              + " {vendor}.",
          "the fake {vendor} server in docker-compose answer instantly; real {endpoint} take 8-10 s"
              + " at busy hours and our client timeout is 5 s.",
          "Live {vendor} returns error bodies as XML, not JSON; our mock always returned JSON and"
              + " the error handler threw on parse.");

  static final List<String> CAUSE_UNEXPLAINED =
      List.of(
          "A regex change made the validator reject valid inputs containing a plus sign; unit tests"
              + " covered only the happy path.",
          "Wrong variable passed to the retry wrapper, so the timeout was set in seconds instead of"
              + " milliseconds.",
          "Integer overflow in the counter once it crossed 2^31; plain bug.",
          "Still under investigation. Revert resolved the symptoms; a follow-up will dig into why.",
          "Copy-paste mistake in the mapping: two fields swapped.",
          "The reworked JSON mapping omitted a field the mobile client required. A miss in code review,"
              + " nothing environmental.",
          "not clear what exactly went wrong, rollback fixed. owner will update this section.",
          "Race on shutdown: in-flight jobs were acknowledged before they finished.");

  static final List<String> CAUSE_EXTERNAL =
      List.of(
          "GCP us-central1 reported packet loss for about an hour; our status page followed"
              + " theirs.",
          "Wildcard certificate renewal failed silently when the DNS challenge token expired;"
              + " browsers started refusing connections at midnight.",
          "A Cloudflare incident returned 5xx on a portion of requests at the edge.",
          "Managed Postgres failover took 11 minutes instead of the advertised 60 seconds.",
          "{vendor} had a full outage (their incident report confirms); our side was unchanged.",
          "Disk on the log aggregation node hit 100% and the sidecars blocked writing stdout.",
          "A fiber cut between two datacenters made cross-zone traffic drop intermittently.",
          "Our upstream DNS provider was under a DDoS and stopped answering for some records.",
          "Spot instance reclamation wiped out most batch nodes at once.",
          "Our IaaS vendor rotated an intermediate CA and old client trust bundles stopped"
              + " validating.",
          "Kernel bug after the provider's automatic node image upgrade caused network interfaces"
              + " to drop.",
          "Bot traffic from a scraper surged; unrelated to any deploy, blocked by ASN.");

  static final List<String> MITIGATION =
      List.of(
          "Redeployed the last known good build; recovered in ~6 min.",
          "Scaled out horizontally and shed non-essential traffic until load eased.",
          "Hotfix shipped 50 minutes in.",
          "Switched the feature off in LaunchDarkly.",
          "Failover to the DR region.",
          "git revert + redeploy, back to normal.",
          "Throttled the heaviest tenant and raised pool limits for the duration.",
          "mitigation was a restart of all pods, then rollback of the release.",
          "Traffic drained from the bad nodes; healthy again after that.");

  static final List<String> ACTIONS =
      List.of(
          "Action items: (1) prod-sized dataset ahead of each release, (2) alert on consumer lag, (3)"
              + " review of toggle hygiene.",
          "Followups: config drift detection in CI (owner SRE).",
          "We will load test at production peak before major releases.",
          "TODO(team): record fresh fixtures from the live vendor quarterly.",
          "Postmortem review scheduled for Thursday.",
          "Next steps: make rollbacks one click; improve dashboards for the service.",
          "Owner: payments team - add alert on vendor error codes.");

  static final List<String> NOISE =
      List.of(
          "Request rate matched the usual weekly shape.",
          "No config changes were merged that day.",
          "Database replication healthy throughout.",
          "Nothing notable in the slow query log.",
          "Third-party status pages showed no incidents.",
          "Someone cleaned up a few duplicate rows in the orders table afterwards, unrelated.",
          "Memory a little elevated on one node, probably noise.",
          "The dashboard link in the alert pointed to an old board.",
          "On-call had three pages that night, fatigue is real.",
          "Staging was being rebuilt that week anyway.",
          "The stub server produced its usual flood of warnings.",
          "Feature flags unchanged since Monday.",
          "Peak traffic came later and passed without trouble.");

  static final List<String> CHANGE_CONTEXT =
      List.of(
          "Errors began roughly a quarter hour after {service} rolled out.",
          "Started right after {service} landed in prod.",
          "{service} deployed shortly before the first alert.",
          "The timing coincides with {service} being released.",
          "{service} rolled just before the graphs turned.",
          "#deploys shows {service} rolling out minutes earlier.",
          "Only thing that changed around then: {service}.",
          "{service} got a deploy right before this, I think.",
          "Suspiciously close to the {service} deployment.",
          "");

  static final List<String> PAUSED =
      List.of(
          "Release train halted pending investigation.",
          "Zero deploys shipped throughout the incident.",
          "IC called a code freeze.",
          "CD paused for all services until resolved.",
          "Holding merges until we understand this.",
          "deploy pipeline blocked for now, do not ship anything.");

  static final List<String> AFFECTED_CUSTOMERS =
      List.of(
          "{customer} affected too.",
          "Impact confirmed with {customer}.",
          "{customer} also filed a support case.",
          "{customer} is among the affected accounts.");

  static final List<String> ROLLED_BACK_TO =
      List.of(
          "Production returned to {prev}.",
          "Prod reverted; {prev} is serving again.",
          "{prev} restored on all nodes.",
          "Downgraded to {prev}; errors gone.",
          "Pinned the deployment at {prev} pending a fix.",
          "downgrade to {prev} done, stable.");

  static final List<String> REF_VERSION =
      List.of(
          "Introduced when {service} moved to {version} around {at}.",
          "{service} {version} is the culprit; in prod as of {at}.",
          "Regression lands in {version} ({at} rollout of {service}).",
          "Root cause: {service} release {version}, completed {at}.",
          "{at}: {service} rolled {version} and this came in with it.",
          "We pinned it on {version} of the {service} repo, in production from {at}.",
          "{service}, tag {version}: rollout completed {at} - that's the one.",
          "Bug shipped inside {version} ({service}), promoted {at}.",
          "Regressed in {version}; {service} had it rolled {at}.",
          "The faulty change sits in {version} ({service}), rolled {at}.",
          "Culprit identified as {version}, the {service} build rolled {at}.",
          "{service} version {version} deploy finish {at} and it start failing right after.",
          "{service}@{version}, promoted {at}, introduced the regression.");

  static final List<String> REF_COMMIT =
      List.of(
          "Faulty commit: {sha}.",
          "git bisect says {sha}.",
          "Tracked it to {sha}.",
          "{sha} introduced the regression.",
          "Cause: commit {sha}.",
          "The bug was committed in {sha}.",
          "Reverted {sha}, errors stopped within minutes.",
          "{sha} is responsible.",
          "Came in via {sha}.",
          "Root cause commit = {sha}.",
          "Looks like {sha} did it, revert confirmed.",
          "Bad change: {sha}.",
          "{sha} contains the breaking change.",
          "it was {sha}, we confirmed with a revert.");

  static final List<String> REF_PR =
      List.of(
          "{pr} (prod {at}) is the origin.",
          "Regression arrived in {pr} (prod since {at}).",
          "The breaking change is {pr}.",
          "{pr} did it - shipped {at}.",
          "Root-caused to {pr}, in production since {at}.",
          "Cause lives in {pr}; merged, then out {at}.",
          "Rolling back {pr} resolved it.",
          "Faulty change: {pr}, released at {at}.",
          "{pr} is what broke it.",
          "Confirmed {pr} as the source, deployed {at}.",
          "The defect arrived with {pr}.",
          "culprit was {pr} which got deployed {at}.",
          "Issue introduced by {pr} at {at}.");

  static final List<String> REF_PIPELINE =
      List.of(
          "Faulty rollout = {pipeline}.",
          "{pipeline} deployed the faulty build.",
          "Source of the regression: {pipeline}.",
          "Breakage arrived with {pipeline}.",
          "{pipeline} is the culprit.",
          "Caused by the rollout in {pipeline}.",
          "Everything was fine until {pipeline}.",
          "Problem introduced through {pipeline}.",
          "Root cause shipped by {pipeline}.",
          "{pipeline} pushed the broken change to prod.",
          "Traced the failure to {pipeline}.",
          "regression went out with {pipeline}.",
          "Errors begin with {pipeline}, and rolling it back fixed things.");

  static final List<String> REF_RELEASE =
      List.of(
          "The cause: {app} (Heroku {release}), live from {at}.",
          "The {release} release of {app} at {at} broke it.",
          "Heroku {release} for {app}, out {at}, brought the bug in.",
          "{app}: {release} was promoted {at}, errors followed.",
          "Offending Heroku release for {app} was {release} ({at}).",
          "Culprit: {app}'s {release}, cut {at}.",
          "Rolling {app} back past {release} (from {at}) fixed it.",
          "{release} for {app} shipped {at}; that's the regression.",
          "Requests fail ever since {app} got {release} ({at}).",
          "RCA: {app} {release}, pushed {at}.",
          "Bad build: {release} ({app}), went up {at}.",
          "Tracked it to {app}, Heroku {release} ({at}).",
          "Found it: {app} went to {release}, {at}.");

  static final List<String> REF_RELEASE_COMMIT =
      List.of(
          "Heroku slug of {sha7} is what failed us.",
          "{sha7} caused the regression.",
          "The {sha7} slug is the culprit.",
          "Problem began with the {sha7} deploy.",
          "Caused by {sha7}.",
          "Rolled back from {sha7} and it recovered.",
          "{sha7} is where it went wrong.",
          "Traced to the slug compiled from {sha7}.",
          "Once {sha7} was live, failures began.",
          "Faulty deploy: {sha7}.",
          "{sha7} pushed to prod, errors right after.",
          "Bug came in with commit {sha7} (Heroku).",
          "git push heroku of {sha7} introduced it.");

  static final List<String> DECOY_COMMIT =
      List.of(
          "{sha} deployed after onset, so it cannot be the cause.",
          "Looked at {sha}: whitespace and comments only.",
          "{sha} canaried for 90 minutes with no errors; excluded.",
          "Reverted {sha} to test the theory, nothing changed.",
          "{sha} is a frontend-only change, different service path.",
          "{sha} just bumps a test dependency. Not it.",
          "{sha} had been running in prod since Tuesday without problems.",
          "{sha} is dark-launched, its toggle is off; irrelevant.",
          "Hosts without {sha} show the same errors, so not that.",
          "Diff review of {sha} - nothing suspicious.",
          "{sha} only edits the CI workflow file.",
          "{sha} is inconsistent with the timeline, dropped.",
          "{sha} seemed likely at first but the stack traces point elsewhere.",
          "we check {sha}, it is not related, it change only translations.");

  static final List<String> DECOY_VERSION =
      List.of(
          "{version} was already live for 24h before errors; not the cause.",
          "Canary of {version} was clean. Moving on.",
          "Rolled back {version}, errors continued, so it's not that.",
          "{version} is a logging-only change per the diff.",
          "Nodes still on the build preceding {version} fail too.",
          "{version} contains only documentation.",
          "{version} eliminated.",
          "Suspected {version} at first; its changelog has nothing relevant.",
          "{version} predates onset by hours with no issue; dropped.",
          "Timing excludes {version}.",
          "{version} ran all weekend without a hiccup.",
          "Reverting {version} made zero difference.",
          "{version} reviewed, nothing in it would explain this.",
          "not {version}, that one only change the dashboard colors.");

  static final List<String> DECOY_PR =
      List.of(
          "{pr} is merged but the flag is off; not involved.",
          "{pr} only touches tests; excluded.",
          "Went through {pr} carefully, nothing relevant.",
          "{pr} was live for hours beforehand without trouble.",
          "{pr}'s canary stayed healthy, not the cause.",
          "Backed {pr} out as a check; failures persisted.",
          "{pr} excluded.",
          "{pr} changes an unrelated module.",
          "{pr} was considered but timing doesn't match.",
          "{pr} only adds telemetry, dismissed.",
          "Errors continue with {pr} rolled back, so no.",
          "First thought was {pr}; wrong, it's unrelated.",
          "{pr} is a docs change, skip.");

  static final List<String> DECOY_DEPLOY =
      List.of(
          "{other} also deployed, {when}, but its canary was spotless.",
          "{other}'s {when} release never touches the failing requests.",
          "Rolled back {other} ({when}) to be safe; errors unaffected.",
          "{other} released {when}, hours ahead of onset; excluded.",
          "{other} pushed a dependency bump {when}, nothing else.",
          "{other} rolled {when}, which doesn't match the error curve.",
          "Checked what {other} put out {when}; harmless.",
          "Metrics stayed flat after {other} shipped its change {when}.",
          "{other} pushed {when}, nothing to do with this.",
          "Someone raised {other} (their {when} push); cleared.",
          "{other} went to prod {when} and touches none of the affected endpoints.",
          "{other} ({when}) was looked at and set aside.",
          "{other} also had a deploy {when} - unrelated, different cluster.");

  static final List<String> TITLE_QUOTE =
      List.of(
          "Suspect: {title}.",
          "Probably linked to {title}.",
          "My bet is {title}.",
          "Errors began when {title} hit prod.",
          "{title} looks like the likely culprit.",
          "Might be {title}.",
          "Timing matches {title}.",
          "maybe {title}?",
          "Top suspect right now: {title}.",
          "Things went sideways after {title}.",
          "Could {title} have done this?",
          "I'd look at {title} first.");

  static final List<String> NUMBERS =
      List.of(
          "Tracking in {ticket}.",
          "Related support case {ticket}.",
          "{library} version not changed, irrelevant.",
          "Details in {ticket}.",
          "Affected mobile builds: SDK {libversion}+.",
          "{library} was upgraded weeks ago, unrelated.",
          "Linked: {ticket}.",
          "Dup of {ticket}?");

  static PhraseBank bank() {
    return new PhraseBank(
        "E",
        PhraseBank.poolsNamedIn(LatestNarratives.class),
        List.of(
            new String[] {"'", "'"}, new String[] {"\u00bb", "\u00ab"}, new String[] {"*", "*"}),
        " \u2026");
  }
}
