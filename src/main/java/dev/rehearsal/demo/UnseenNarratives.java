package dev.rehearsal.demo;

import java.util.List;

/**
 * Bank F, wording written apart from the analysis' rules and word lists after bank E informed rule
 * changes: the same kinds of passages as banks A ({@link Narratives}), B ({@link
 * HeldOutNarratives}), C ({@link FreshNarratives}), D ({@link NewestNarratives}) and E ({@link
 * LatestNarratives}), so that figures on wording the analysis never saw can still be measured. It
 * shares no sentence and no distinctive phrase with A, B, C, D or E, and mixes registers: terse
 * pager notes, formal postmortem prose, chat messages, non-native English, fragments, British and
 * American spelling, abbreviations and the odd typo. Keep it that way: a rule written against one
 * of these phrases, or a sentence that moves from here into another bank, spends it.
 */
final class UnseenNarratives {
  private UnseenNarratives() {}

  static final List<String> CHANGE_TITLES =
      List.of(
          "Switch {d} pagination to keyset cursors",
          "{d}: drop deprecated columns",
          "chore: tidy up {d} DTOs",
          "Batch {d} inserts in groups of 500",
          "Read {d} from the replica",
          "Introduce soft delete for {d}",
          "fix(api): validate {d} payload size",
          "Lazy-init the {d} client",
          "Upgrade Spring Boot to 3.2.4",
          "Backfill {d} currency codes",
          "Spread {d} across tenant shards",
          "feat: bulk edit for {d}",
          "Tighten {d} retry budget",
          "Normalise {d} timestamps to UTC",
          "Swap {d} queue from SQS to Kafka",
          "Warm {d} thumbnail cache on upload",
          "Port {d} reconciler to Kotlin",
          "Make {d} webhook delivery async",
          "deps: grpc-java 1.62",
          "Nightly archival job for stale {d}",
          "Remove {d} v1 endpoint",
          "Idempotency keys for {d} writes",
          "Trim {d} payload for mobile",
          "Partition {d} by year",
          "Gzip {d} API responses",
          "Cap {d} page size at 200");

  static final List<String> TITLES_GENERIC =
      List.of(
          "{svc} degradation, cause unknown",
          "[SEV3] {svc} spiking errors",
          "{svc} returning 5xx to some callers",
          "Elevated 500s from {svc} since the afternoon",
          "{svc} not healthy",
          "incident: {svc} errors",
          "{svc} \u2014 partial outage",
          "{svc} throwing exceptions",
          "{svc}: several users blocked by errors",
          "{svc} burning error budget fast",
          "{svc} wobbly",
          "[P1] {svc} degraded for a subset of requests",
          "{svc} intermittently failing",
          "High error ratio on {svc}",
          "{svc} broken-ish, investigating",
          "{svc}: failing requests, looking into it");

  static final List<String> TITLES_DATA =
      List.of(
          "Accounts with big histories time out in {svc}",
          "Old-format records make {svc} throw",
          "{svc} nightly report runs for hours",
          "{svc} crashes on names containing emoji",
          "{svc} schema change stuck on the largest table",
          "{svc} shows wrong balances for some legacy accounts",
          "{svc} listing pages crawl for power users",
          "{svc} reindex never finishes",
          "{svc}: NPE on pre-2019 rows",
          "{svc} duplicate key violations after schema change",
          "{svc} import fails for one enterprise tenant",
          "{svc} memory blowup loading a single huge account");

  static final List<String> TITLES_TRAFFIC =
      List.of(
          "9am rush knocks {svc} over",
          "{svc} latency tracks the traffic curve",
          "Flash sale exhausted {svc} worker threads",
          "{svc} consumer lag keeps climbing",
          "{svc} 503s when load peaks",
          "Black Friday orders swamped {svc}",
          "{svc} timeouts whenever concurrency spikes",
          "{svc} autoscaler pinned at max replicas",
          "{svc} crawls once evening usage peaks",
          "Push blast \u2192 stampede against {svc}",
          "{svc} DB pool drained at rush hour",
          "High volume makes {svc} shed requests");

  static final List<String> TITLES_CONFIG =
      List.of(
          "{svc}: green on staging, red on production",
          "{svc} misconfigured in prod after release",
          "{svc} calling the wrong URL in production",
          "{svc} crashlooping on prod, secret missing",
          "{svc}: flag state in prod differs from staging",
          "{svc} fails on the production cluster only",
          "{svc} timing out in prod, can't repro on staging",
          "{svc} picked up stale settings in production",
          "{svc} permission denied in prod after rollout",
          "{svc} configured for the wrong region in prod");

  static final List<String> TITLES_MOCKS =
      List.of(
          "{svc}: {vendor} API errors since release",
          "{vendor} responses not understood by {svc}",
          "{svc} card charges through {vendor} failing",
          "{vendor} webhook signature check failing in {svc}",
          "{svc} \u2192 {vendor}: 422 Unprocessable Entity",
          "{vendor} sync broken for {svc}",
          "{svc}: live {vendor} calls time out",
          "{svc} unable to authenticate against {vendor}",
          "Orders stuck waiting on {vendor} ({svc})",
          "{vendor} refusing {svc} calls since the rollout");

  static final List<String> TITLES_EXTERNAL =
      List.of(
          "{vendor} outage impacting {svc}",
          "AWS ap-southeast-2 degraded",
          "{svc} down: upstream provider incident",
          "DNS provider outage",
          "Expired certificate took {svc} offline",
          "Inter-AZ network split",
          "{svc} unreachable, ISP routing issue",
          "CDN POPs failing, {svc} affected",
          "Managed database maintenance overran ({svc})",
          "Hypervisor fault took out {svc} hosts",
          "BGP leak, multiple services affected");

  static final List<String> DETECTION =
      List.of(
          "03:12, PagerDuty rang the primary about {svc}.",
          "Datadog paged: {svc} 5xx ratio crossed its threshold.",
          "{customer} emailed their account manager before any alert fired.",
          "Somebody in #ops saw their {svc} board go red.",
          "Uptime Robot reported {svc} down from two of five locations.",
          "synthetic login check for {svc} failed 3x in a row -> page.",
          "Complaints on Twitter came in before monitoring caught it.",
          "Burn-rate page, fast window, {svc}.",
          "Zendesk queue jumped; {customer} was one of the first to write in.",
          "Found by an engineer tailing {svc} logs for something else.",
          "Opsgenie escalated after the first responder missed the page.",
          "Rollbar opened a new item for {svc}, 5k occurrences in ten minutes.",
          "Alert: {svc} availability under 99% over 5m.");

  static final List<String> CAUSE_DATA =
      List.of(
          "Staging's {table} holds roughly four thousand seeded rows and prod about {ratio}-fold"
              + " that; the new sort is done entirely in memory.",
          "{customer} has been with us since 2014 and their oldest {table} entries use a format the"
              + " new parser had never met; nothing that old lives outside prod.",
          "Pre-prod fixtures come from Faker: tidy names, short addresses, no nulls. Live {table}"
              + " contains all of those, plus free-text notes running to several kilobytes.",
          "Our staging DB is refreshed from an anonymised dump that truncates every text column to"
              + " 255 chars, so the overflow in {table} could not appear there.",
          "Five tenants account for the bulk of {table}. In staging every tenant gets an equally"
              + " tiny slice, so the hot-tenant path never ran.",
          "Legacy {table} rows carry the retired enum value PENDING_V1; the new switch has no"
              + " branch for it, and our test data contains no such row.",
          "The index the migration leaned on is selective on test data but not on the real {table},"
              + " where a single status value covers ~{ratio}x more rows.",
          "Volume, basically: the dataset we verify against fits in RAM; the live one, {ratio}-fold"
              + " larger, spills to disk.",
          "The dedupe step assumed e-mail addresses are unique per account. In generated data they"
              + " are; in the real {table} thousands of addresses are shared, courtesy of the B2B"
              + " importer.",
          "Test database have only synthetic users, none of them with exotic timezone like"
              + " Asia/Kathmandu, so the offset bug was hiding.",
          "Dates before 1970 exist in prod {table} (imported birth dates); staging data begins in"
              + " 2020, so negative epochs never reached the changed code.",
          "The rebuild of {table} is quadratic in rows per account. Trivial for demo accounts; for"
              + " {customer}, with a decade of history, it ran for hours holding locks.",
          "Mixed encodings: about 2% of {table} was written as Latin-1 by the pre-2018 app. Test"
              + " copies are recreated as clean UTF-8, so the decoder never met a bad byte.",
          "Cardinality mismatch \u2014 the group-by yielding 40 buckets on staging yields about"
              + " {ratio}k on the production {table}, and the response outgrew what clients can"
              + " parse.");

  static final List<String> CAUSE_TRAFFIC =
      List.of(
          "Nothing pre-prod sends beyond a couple dozen requests a second. During the 08:00 ramp"
              + " {svc} is hit with {ratio}-fold that volume, and the audit write we made"
              + " synchronous choked.",
          "Fan-out: each page view now fires one call per widget, so a single user request becomes"
              + " ~30 backend calls. At peak that multiplied into numbers our load tests never"
              + " produced.",
          "The lock contention appears only with many writers on one account simultaneously \u2014"
              + " exactly what a payroll run does, and nothing our test rig simulates.",
          "Load tests were sized to last year's peak. This year's peak came in {ratio}x above it"
              + " after the partnership launch, and the cache thrashed.",
          "A TV spot aired at 20:15 and sign-ups went vertical within a minute; autoscaling needs"
              + " four, and the endpoint we had just added had zero headroom.",
          "Consumers cope at steady state, but a burst of {ratio}k messages after the batch job"
              + " arrived faster than they could ack; redeliveries piled on top of the flood.",
          "Staging sees maybe five concurrent sessions. Prod had thousands on the endpoint at once,"
              + " and the per-row lookup turned that into DB load never generated before release.",
          "Throughput, not correctness: with hundreds of clients polling every second, the added"
              + " per-call schema validation ate every CPU core.",
          "GC pauses scale with requests per second. Invisible at quiet hours; at rush hour"
              + " four-second stop-the-world pauses tipped the health checks over.",
          "One mega-tenant fires batch API calls from 200 parallel workers; the new shared counter"
              + " became a hot key and every caller waited on it.",
          "we do perf test with 1 instance and small number of users, real traffic is maybe {ratio}"
              + " time more big, redis connections was not enough.",
          "Push notification to 2M devices at once, everybody opened the app within 90 seconds."
              + " {svc} had never faced a synchronised spike like that.",
          "Think 'works on my machine' but for throughput \u2014 correct under light use, collapses"
              + " as the request rate climbs.",
          "The new websocket broadcast is linear in subscribers: fine with a few test clients, but"
              + " the evening crowd saturated the event loop.");

  static final List<String> CAUSE_CONFIG =
      List.of(
          "Production carries {prod} for {key}; staging carries {staging}. All our testing of the"
              + " change used the latter number.",
          "{key} drifted apart: {prod} live against {staging} in pre-prod. Nobody noticed, since"
              + " each environment is managed from its own repo.",
          "The {flag} flag was ramped to 100% in prod last month yet sits at 0% in staging, so the"
              + " code it guards first ran on real customers.",
          "Secrets: the production vault path differs from the staging one, and the new service"
              + " account lacked read access on it. Pods booted with an empty API key.",
          "The downstream connect timeout is set per environment \u2014 generous in staging, 800 ms"
              + " in production \u2014 and the new call takes about a second.",
          "Root cause: environment drift \u2014 prod runs {key}={prod}, stage runs {key}={staging};"
              + " sign-off happened against the stage value.",
          "Prod's k8s memory limit is half of staging's (trimmed in a cost exercise); the new"
              + " in-process cache pushed pods over it and they got OOMKilled.",
          "Staging runs with relaxed settings that happen to skip strict TLS verification; prod"
              + " enforces it, and the new internal endpoint presents a self-signed cert.",
          "prod has {key} = {prod}, in staging it is {staging}, this setting was not on our compare"
              + " checklist so we missed it.",
          "The production Terraform workspace still pins the old NAT gateway, so egress from the"
              + " new subnet had no route; staging's workspace was updated in March.",
          "Env var ASYNC_WRITES is defined in the staging manifest and absent from prod's, so prod"
              + " reverted to a default nobody had tried.",
          "Misaligned limits: the production gateway rejects request bodies over 1 MB, staging's"
              + " allows ten. The new bulk endpoint sends ~3 MB.",
          "Per-environment defaults for {flag}: on in production (remote config), off in staging,"
              + " so QA never saw what it switches on.",
          "Two environments, two values: {key} reads {prod} where customers are and {staging} where"
              + " we test.");

  static final List<String> CAUSE_MOCKS =
      List.of(
          "Pre-prod points {vendor} at WireMock, canned 200 every time. Live {vendor} replied to"
              + " {endpoint} with 202 plus an async job id, which our code read as failure.",
          "Their sandbox ({vendor}) accepts any currency; production rejects the three we added,"
              + " and nothing in our pipeline talks to production {vendor}.",
          "The hand-written {vendor} fake dates from two years ago and was never refreshed; the"
              + " genuine {endpoint} now insists on an API version header.",
          "VCR recordings made against an older {vendor} release kept every test green; the live"
              + " response nests the payload one level deeper.",
          "{vendor} test mode doesn't retry webhooks; live does, with exponential backoff, and our"
              + " handler isn't idempotent.",
          "The in-memory {vendor} stand-in answers synchronously. The real one is eventually"
              + " consistent \u2014 reads right after writes on {endpoint} 404 for a few seconds.",
          "in staging we call {vendor} simulator which never return error, so the error path for"
              + " {endpoint} was never run before production.",
          "The simulated {vendor} in our integration env accepts unsigned requests. Real {vendor}"
              + " demands HMAC signatures on {endpoint}; every call got 401.",
          "Sandbox {vendor} keys have no quota. Production keys allow 100 req/min per merchant and"
              + " the first real sync blew past it.",
          "We tested against {vendor}'s Docker emulator, which implements maybe 80% of the API;"
              + " {endpoint} pagination is one of the bits it fakes badly.",
          "The Pact contract was generated from our own mock, so it checked what we believed about"
              + " {vendor} against itself.",
          "A canned JSON fixture stood in for {vendor} during QA with status \"ok\"; the genuine"
              + " API says \"OK\", and our comparison is case-sensitive.",
          "No pre-prod build had pointed at real {vendor} in months; the stand-in replied"
              + " instantly, whereas production {endpoint} takes seconds when they're busy.",
          "A local emulator played {vendor} in CI and staging; it handles multipart uploads to"
              + " {endpoint} differently from the genuine service.");

  static final List<String> CAUSE_UNEXPLAINED =
      List.of(
          "Honestly unclear why this didn't surface earlier; the same build sat in staging 48 hours"
              + " and logged zero errors.",
          "We have not managed to reproduce it outside prod. Investigation continues.",
          "Off-by-one in the pagination loop. How it got past QA remains an open question.",
          "Why staging was green: unknown so far. Rolling back cured it; RCA pending.",
          "A typo in an SQL alias. It should have failed everywhere; how it passed QA is beyond"
              + " us.",
          "Unknown. Logs from the window had rotated before anyone looked.",
          "The team could not determine why the test environment didn't show it \u2014 same code,"
              + " same settings, as far as anyone can see.",
          "A refactor removed a null check. Staging should have hit it too; open question.",
          "tbd - owner on PTO, will fill in.",
          "Escape cause undetermined; the defect is obvious in hindsight, yet nothing explains why"
              + " it slipped through.",
          "Plain logic error in a comparator. No environmental factor identified.",
          "Mystery. Everything about staging matches prod for this path, and yet.");

  static final List<String> CAUSE_EXTERNAL =
      List.of(
          "{vendor} went down across a whole region (acknowledged on their status site at 14:20);"
              + " no change of ours was involved.",
          "AWS had an EBS degradation in one AZ and volumes went read-only.",
          "The TLS cert on the public load balancer lapsed \u2014 renewal had silently errored for"
              + " weeks since the ACME account e-mail bounced.",
          "Upstream ISP withdrew a route; a third of European users couldn't reach us.",
          "Azure Front Door incident, global. We were collateral.",
          "Our managed Redis provider did emergency maintenance without notice.",
          "Power event at the colo; two racks dark for 40 minutes.",
          "Hetzner network maintenance overran its window.",
          "The NTP source served a wrong time for an hour, so token validation failed everywhere.",
          "Massive credential-stuffing attack saturated sign-in; no deploy involved.",
          "{vendor} revoked our API key by mistake during their own incident; restored after"
              + " support escalated.",
          "Provider-side: the managed Kafka cluster lost its controller and took 25 minutes to"
              + " elect a new one.",
          "Third-party DNS went dark; nothing to do with any release.");

  static final List<String> MITIGATION =
      List.of(
          "Rollback through Spinnaker; errors at baseline inside 4 minutes.",
          "Flipped the kill switch, then reverted properly the next morning.",
          "rb'd to previous build, recovered.",
          "Hotfix forward (one-liner), out 35 minutes post-page.",
          "Drained the affected AZ and waited it out.",
          "Bumped the connection limit and added two replicas; the proper revert followed next"
              + " day.",
          "Rolled back. Green again.",
          "Paused the consumer, purged the poisoned messages, resumed.",
          "Manual failover to the standby primary.",
          "Disabled the integration and queued requests for replay.",
          "Blocked the offending IP ranges at the WAF.",
          "Reverted and redeployed by hand because the pipeline was slow.");

  static final List<String> ACTIONS =
      List.of(
          "AI: settings diff, prod\u2194staging, automated per deploy.",
          "Follow-ups: monthly masked-snapshot refresh for staging; 5% canary before full rollout.",
          "Action: nightly contract run hitting the vendor's real sandbox.",
          "Action item \u2014 capacity test at 2x peak before Q4.",
          "Write a runbook for this failure mode (owner: on-call lead).",
          "Blameless review next Tuesday, everyone welcome.",
          "Alert on p99 latency, not only on error rate.",
          "Ticket filed to make rollbacks quicker.",
          "Improve coverage of the mapping code.",
          "No action items beyond the fix itself.");

  static final List<String> NOISE =
      List.of(
          "The staging load generator was switched off for the week, as usual before holidays.",
          "Vendor sandbox credentials expire next month; reminder for later.",
          "Row counts in the reporting DB looked normal.",
          "A PR adjusting log verbosity is still open, not merged.",
          "Traffic dashboards had a gap around 02:00 because a metrics agent restarted.",
          "WireMock container chatty as always.",
          "Someone asked in the channel whether staging is up to date; it is.",
          "Nobody had touched enviroment variables that week.",
          "Fixture files in the repo were reformatted last sprint, cosmetic.",
          "Concurrency on the batch cluster was in line with previous Mondays.",
          "Large tenants were not especially active that day.",
          "Secrets rotation is scheduled for next quarter.",
          "Load balancer logs showed nothing out of the ordinary.",
          "Side note: the seed script for the test database prints a deprecation warning.");

  static final List<String> CHANGE_CONTEXT =
      List.of(
          "{service} shipped about twenty minutes before the spike.",
          "Just prior to onset {service} rolled.",
          "Deploy log shows {service} reaching prod shortly before onset.",
          "Recent change on {service} just before.",
          "Same minute {service} was deploying, more or less.",
          "Alerts came in moments after {service} finished releasing.",
          "fwiw {service} deploy'd ~10 min earlier.",
          "Change calendar shows {service} releasing right before this.",
          "{service} was the last thing pushed before the errors.",
          "Possibly related: {service} rolled minutes prior.",
          "");

  static final List<String> PAUSED =
      List.of(
          "Deploys frozen while we investigate.",
          "Nothing was released during the incident window.",
          "Incident commander declared a change freeze.",
          "Merge queue locked until further notice.",
          "pls don't deploy anything rn.",
          "Pipelines disabled for the duration.",
          "All rollouts on hold.");

  static final List<String> AFFECTED_CUSTOMERS =
      List.of(
          "{customer} hit it as well.",
          "{customer} reported identical errors.",
          "Also seen by {customer}.",
          "{customer} escalated through their TAM.",
          "{customer} impacted.");

  static final List<String> ROLLED_BACK_TO =
      List.of(
          "Now on {prev} again.",
          "Reinstated {prev}; steady since.",
          "{prev} redeployed, errors subsided.",
          "Reverted: {prev} everywhere, all green.",
          "rb'd to {prev}.",
          "Restored the earlier build ({prev}).",
          "Production is running {prev} again.");

  static final List<String> REF_VERSION =
      List.of(
          "Bisected the release diff \u2014 culprit is {version} in {service}, out {at}.",
          "I'm fairly sure {service} {version} did it \u2014 out since {at}.",
          "At {at} production took {service} {version}; things broke immediately.",
          "{service}'s {version} brought it in; rollout wrapped up {at}.",
          "The regression ships inside {version}, which {service} put on prod by {at}.",
          "{version} ({service}, {at}) is the bad one.",
          "Confirmed via revert \u2014 {service}@{version}, whose rollout wrapped at {at}.",
          "Blame lies with {service} build {version}; promotion at {at}.",
          "Cause traced to {version} ({service}), which landed {at}.",
          "{service} shipped {version} \u2014 {at} \u2014 and errors start within a minute of"
              + " that.",
          "Broken by {version} ({service}) \u2014 we rolled it at {at}.",
          "It's {version}. {service} pushed it {at}; the failure graph takes off right there.",
          "the {version} release make this problem, {service} deployed it {at}.",
          "Responsible: {version} on {service}; rollout completed around {at}.");

  static final List<String> REF_COMMIT =
      List.of(
          "Bisect result: {sha}.",
          "{sha} is the offending commit.",
          "Pinned to commit {sha}.",
          "The breakage was introduced in {sha}.",
          "Pretty sure it's {sha}.",
          "Reverting {sha} fixed prod.",
          "{sha} is what broke us.",
          "Regression came from {sha}, confirmed.",
          "Culprit \u2192 {sha}.",
          "caused by {sha} (reverted).",
          "All signs point to {sha}.",
          "Narrowed the search to {sha}.",
          "Commit {sha} is at fault.",
          "{sha} \u2014 that's our bug.");

  static final List<String> REF_PR =
      List.of(
          "Cause: {pr} (merge, then deploy {at}).",
          "{pr} broke this; it landed around {at}.",
          "Pretty sure it's {pr} (out at {at}).",
          "Bisected to {pr}.",
          "{pr} brought the regression in (deploy {at}).",
          "Reverted {pr}; the errors went to zero.",
          "Culprit: {pr}, which shipped around {at}.",
          "The change at fault is {pr}.",
          "Responsibility lies with {pr}, out since {at}.",
          "It's {pr}. Production got it {at}; within a minute the errors started.",
          "Regression window opens with {pr} ({at}).",
          "Traced it to {pr}; rollout {at}.",
          "blame {pr}, rolled to prd {at}.",
          "The root of it: {pr}.");

  static final List<String> REF_PIPELINE =
      List.of(
          "{pipeline} carried the breaking build.",
          "Caused by what went out in {pipeline}.",
          "Regression deployed by {pipeline}.",
          "{pipeline} is when it broke.",
          "Bisected deploys: {pipeline} is the bad one.",
          "Rolling back {pipeline} fixed it.",
          "Culprit: {pipeline}.",
          "Introduced with {pipeline}.",
          "Errors trace back to {pipeline}.",
          "{pipeline} delivered the bug.",
          "Pretty sure {pipeline} did this.",
          "the problem come with {pipeline}.",
          "Blame {pipeline}.",
          "Breaking change made it to prod via {pipeline}.");

  static final List<String> REF_RELEASE =
      List.of(
          "{app} on Heroku, {release} (promoted {at}): that's what introduced it.",
          "Culprit: {release}, pushed to {app} around {at}.",
          "Caused by what {app} got in {release}; that deploy was {at}.",
          "Regression came along with {release} ({app}, {at}).",
          "Rollback of {app} to before {release} ended the errors; {release} had gone up {at}.",
          "{app} broke at {at} with release {release}.",
          "Pretty sure it's {release} ({app}), released {at}.",
          "Errors begin the moment {app} picked up {release}, i.e. {at}.",
          "Bisected Heroku releases; answer: {release} ({app}), {at}.",
          "Blame {release} ({app}, {at}).",
          "At fault: {release} of app {app}, live {at}.",
          "It's the {at} Heroku push to {app}, i.e. {release}.",
          "{app} picked the bug up in {release}, promoted {at}.",
          "the issue come from {release} in {app}, it go live {at}.");

  static final List<String> REF_RELEASE_COMMIT =
      List.of(
          "The Heroku slug for {sha7} is what broke.",
          "{sha7} is the bad push.",
          "Caused by slug {sha7} (Heroku).",
          "Regression arrived with {sha7}.",
          "Pretty sure it's {sha7}.",
          "Rolled back {sha7}; recovered.",
          "{sha7} carries the bug.",
          "Bisected to {sha7}.",
          "Culprit commit {sha7}.",
          "Errors begin exactly when {sha7} went up.",
          "It's {sha7}, confirmed by rollback.",
          "Things broke once {sha7} went live.",
          "Blame {sha7}.",
          "cause is {sha7} deploy, for sure.");

  static final List<String> DECOY_COMMIT =
      List.of(
          "{sha} has been cleared: typo fix in a comment.",
          "Ruled out {sha} \u2014 it only touches the README.",
          "Not {sha}: backed out, errors unchanged.",
          "{sha}? No \u2014 that's in a service that isn't in the request path.",
          "Could it be {sha}? The canary with it ran clean for an hour, so no.",
          "Someone blamed {sha} in chat, but the graphs stayed flat for hours after it went out.",
          "{sha} exonerated: identical error rate on pods with and without it.",
          "We can rule out {sha}, it was deployed long before anything went wrong.",
          "Diffed {sha}: renames a private method, no behaviour change. Moving on.",
          "Sure, blame {sha}, the commit that fixes a typo in one log message. (It isn't.)",
          "{sha} was examined and found to be unrelated.",
          "Initially suspected {sha}; turns out its code is gated off in production.",
          "{sha}: innocent.",
          "I don't think {sha} is involved, it change only unit tests.",
          "Eliminated {sha} by timeline: live 6h before errors began, metrics unmoved.",
          "Rollback of {sha} changed nothing; off the list.");

  static final List<String> DECOY_VERSION =
      List.of(
          "{version} is not it \u2014 rolled back, errors unchanged.",
          "Cleared {version}: the only change is a copy tweak on the settings page.",
          "{version} had a clean canary and a whole day of prod traffic before this began.",
          "Was it {version}? No, the failing hosts never got it.",
          "We excluded {version} after reading the diff \u2014 translations only.",
          "{version} is ruled out; onset came hours after it had settled.",
          "Rolling back to before {version} didn't help, so it's off the hook.",
          "Looked at {version}, unrelated (only the back-office screens changed).",
          "{version}: false alarm.",
          "Not {version} \u2014 verified on the canary pool.",
          "Yes, {version} deployed that morning. No, it didn't do this.",
          "{version} was examined and dismissed.",
          "Thought it was {version} for a moment, but nothing it touches shows up in any stack"
              + " trace.",
          "{version} exonerated by the graphs.",
          "{version} no related, it contain only test dependency upgrade.",
          "Cross {version} off \u2014 reverted it, no change.");

  static final List<String> DECOY_PR =
      List.of(
          "{pr} is not the cause, it's a docs-only change.",
          "Checked {pr}: its flag is off in prod, so it's dead code for now.",
          "Ruled out {pr} \u2014 reverting it changed nothing.",
          "{pr}? Nope, different service entirely.",
          "{pr} got checked first; clean canary, cleared.",
          "Hours before onset {pr} was already out, error rates didn't budge.",
          "{pr} edits CI pipeline definitions only, nothing at runtime.",
          "Not {pr}.",
          "Someone suspected {pr}; the diff is a test rename.",
          "{pr} was reviewed during the incident and found harmless.",
          "{pr} got reverted as a precaution, no improvement, so it's not that.",
          "Can rule out {pr}: the error signature has nothing to do with what it changed.",
          "{pr} is in the clear.",
          "I check {pr}, is not relevant for this failure.",
          "Blaming {pr} was tempting, but timing rules it out.");

  static final List<String> DECOY_DEPLOY =
      List.of(
          "Yes, {other} had a rollout {when} too; clean, so not a suspect.",
          "{other} put something out {when}, but the failing path never calls {other}.",
          "Errors didn't move after reverting {other} back past its deploy from {when}.",
          "Struck off the suspect list: {other} and its rollout ({when}).",
          "Unrelated: the change {other} made {when} \u2014 different database, different team.",
          "Was it {other}, with its deploy {when}? No: the metrics didn't budge for hours"
              + " afterwards.",
          "One {other} change shipped {when} as well; its canary checked out, so cleared.",
          "Not {other}: all that {when}'s deploy did there was bump a base image.",
          "Dismissed {other} after a look at what it released {when}.",
          "Irrelevant here: {other}, whose rollout was {when}.",
          "{other} ({when}): examined, not involved.",
          "Even after reverting {other} to the build it ran before {when}, the errors continued.",
          "{other} did deploy {when}, but nothing changed after it and the failing calls don't go"
              + " through {other}.",
          "update of {other} from {when} is not related, it is not touching this flow.",
          "Eliminated {other} \u2014 it pushed {when}, before any symptom, and touched nothing"
              + " relevant.");

  static final List<String> TITLE_QUOTE =
      List.of(
          "Pretty sure it's {title}.",
          "Likely culprit: {title}.",
          "Errors kick off right as {title} deployed.",
          "This has {title} written all over it.",
          "Anyone else think it's {title}?",
          "Suspecting {title}; reverting to confirm.",
          "{title} is the prime suspect.",
          "Started with {title}, I think.",
          "Reverting {title}; it's our best guess for the cause.",
          "Is it {title}? Timing fits.",
          "Seems {title} broke things.",
          "My money's on {title}.",
          "Probably caused by {title}.",
          "guess is {title} did this.");

  static final List<String> NUMBERS =
      List.of(
          "See {ticket}.",
          "Customer ticket: {ticket}.",
          "{library} is pinned and hasn't changed, not relevant.",
          "Ref: {ticket} (support).",
          "Affected: apps shipping SDK >= {libversion}.",
          "Unrelated: {library} upgrade still pending.",
          "Possibly same as {ticket}.",
          "{ticket} has the customer timeline.",
          "{library} in use, same as last month.");

  static PhraseBank bank() {
    return new PhraseBank(
        "F",
        PhraseBank.poolsNamedIn(UnseenNarratives.class),
        List.of(
            new String[] {"\u201c", "\u201d"}, new String[] {"`", "`"}, new String[] {"\"", "\""}),
        "...");
  }
}
