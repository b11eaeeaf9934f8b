package dev.rehearsal.demo;

import java.util.List;

/**
 * Bank G, wording written apart from the analysis' rules and word lists after bank F's gap stories
 * became training data: the same kinds of passages as banks A ({@link Narratives}), B ({@link
 * HeldOutNarratives}), C ({@link FreshNarratives}), D ({@link NewestNarratives}), E ({@link
 * LatestNarratives}) and F ({@link UnseenNarratives}), so that figures on wording the analysis
 * never saw can still be measured. It shares no sentence and no distinctive phrase with A, B, C, D,
 * E or F, and mixes registers otherwise than F: status-page updates, chat threads pasted with their
 * timestamps, ticket comments, customer-facing RCA prose, hedged and passive sentences, lists
 * flattened into a sentence, lowercase chat and non-native English, with the handle at the start,
 * in the middle or at the end. Keep it that way: a rule written against one of these phrases, or a
 * sentence that moves from here into another bank, spends it.
 */
final class OutsideNarratives {
  private OutsideNarratives() {}

  static final List<String> CHANGE_TITLES =
      List.of(
          "Move {d} lookups behind a read-through cache",
          "refactor({d}): pull mapping logic into a separate package",
          "Add composite index on {d} (tenant_id, created_at)",
          "{d} - switch JSON library to Moshi",
          "WIP: rework {d} error handling",
          "Collapse {d} status enum into three states",
          "Write {d} exports as a stream rather than in memory",
          "Turn on h2 multiplexing for {d} clients",
          "[{d}] adopt the new auth middleware",
          "Drop the legacy fallback path in {d}",
          "Parallelise {d} fan-out with virtual threads",
          "Upgrade protobuf-java (3.21 \u2192 3.24.4)",
          "{d}: make owner column mandatory",
          "Adopt HikariCP for {d} database connections",
          "Precompute {d} aggregates every hour",
          "Public API: snake_case every {d} field name",
          "Shorten {d} session lifetime to 15 minutes",
          "Move {d} uploads to presigned URLs",
          "Deduplicate {d} events on ingest",
          "perf: memoise {d} permission checks",
          "Split the {d} handler into three endpoints",
          "Emit {d} audit events to the new topic",
          "Rewrite {d} search query using CTEs",
          "Tolerate unknown fields in {d} payloads",
          "Sunset {d} CSV import",
          "Run {d} cleanup as a Kubernetes CronJob",
          "Localise {d} emails (de, fr, ja)",
          "Evaluate {d} toggles once per request");

  static final List<String> TITLES_GENERIC =
      List.of(
          "Investigating - elevated error levels in {svc}",
          "{svc}: customers seeing failures (status page set to degraded performance)",
          "sev2 {svc} err rate up",
          "[INC] {svc} misbehaving since lunch",
          "{svc} is unhappy",
          "Increased share of failed {svc} requests",
          "Failed calls to {svc}, cause being investigated",
          "{svc} give errors for part of the traffic",
          "Degraded service: {svc}",
          "Paging: {svc} erroring in bursts",
          "Something is off with {svc}",
          "{svc} liveness probes flapping",
          "[SEV2] {svc} elevated failure rate",
          "{svc} availability sagging this morning",
          "Customers unable to complete actions in {svc}",
          "{svc} \u2013 errors reported by multiple teams",
          "re: {svc} failing again?",
          "{svc} alarms firing, triage in progress");

  static final List<String> TITLES_DATA =
      List.of(
          "Accounts with thousands of line items break {svc}",
          "{svc} export job OOM for our largest customer",
          "Unicode in legacy records breaks {svc}",
          "{svc} migration kept a table locked for ~45 min",
          "{svc} query plan flips on full-size data",
          "Null owner on archived rows crashes {svc}",
          "{svc} sluggish for tenants with years of history",
          "{svc} fails parsing records written by old mobile clients",
          "{svc} backfill stalls halfway",
          "Wrong totals in {svc} for multi-currency accounts",
          "{svc} search gives up on big workspaces",
          "{svc} rejects rows with negative quantities",
          "{svc} errors only for accounts created before 2017",
          "{svc}: serialisation error on oversized documents");

  static final List<String> TITLES_TRAFFIC =
      List.of(
          "Lunchtime peak topples {svc}",
          "Thread pool exhaustion in {svc} under load",
          "{svc} p99 balloons during the campaign",
          "{svc} 429s rising with traffic",
          "Queue backlog in {svc} after the newsletter send",
          "{svc} saturates DB connections in busy hours",
          "{svc}: thundering herd after cache flush",
          "Ticket drop overwhelmed {svc}",
          "{svc} grinds under concurrent checkouts",
          "Load spike -> {svc} timeouts",
          "{svc} CPU pegged during the morning surge",
          "{svc} degraded while traffic ran at 3x normal",
          "{svc} cannot keep up with event volume",
          "Retry storm against {svc}");

  static final List<String> TITLES_CONFIG =
      List.of(
          "{svc} broke only in prod - env mismatch suspected",
          "Is {svc} running with a staging value on prod?",
          "{svc} toggle on in prod, off in stage",
          "{svc} blocked by a prod firewall rule",
          "{svc} production timeout setting too low",
          "Wrong connection string for {svc} in prod",
          "Production deploy of {svc} lacks one environment variable",
          "Prod and stage disagree about {svc}",
          "{svc} prod config out of sync",
          "{svc} fails TLS handshake in production only",
          "{svc}: production limits stricter than staging's",
          "{svc} booted with default settings in prod");

  static final List<String> TITLES_MOCKS =
      List.of(
          "{vendor} integration in {svc} broken after deploy",
          "{svc} cannot parse live {vendor} replies",
          "{svc} declines every {vendor} payment",
          "{svc}: {vendor} returns 400 on every call",
          "{svc} keeps tripping {vendor} quotas",
          "{svc} \u2192 {vendor} auth errors since the release",
          "Live {vendor} endpoint refuses what {svc} sends",
          "{svc} {vendor} callbacks not processed",
          "{vendor} timeouts cascade into {svc}",
          "{svc}: unexpected {vendor} response format",
          "{vendor} refunds hang in {svc}",
          "{svc} broke against production {vendor}");

  static final List<String> TITLES_EXTERNAL =
      List.of(
          "{vendor} incident: {svc} degraded",
          "Cloud provider networking issue (europe-west4)",
          "Third-party outage, {svc} collateral",
          "{svc} impacted by {vendor} downtime",
          "Google Cloud load balancing incident in us-east4",
          "Regional outage at our hosting provider",
          "{svc} caught in upstream DDoS mitigation",
          "Certificate authority OCSP responders down",
          "{vendor} status page red, {svc} failing",
          "Fibre cut between data centres",
          "Provider-initiated Postgres failover ({svc})",
          "Cloudflare incident, {svc} intermittently unreachable",
          "Registrar DNS misconfiguration on their side");

  static final List<String> DETECTION =
      List.of(
          "[02:47] pagerduty: SLO alert for {svc} triggered, acked by on-call.",
          "Status page went to Investigating once {customer} raised a P1.",
          "Grafana alert on the {svc} 5xx rate fired at 10:31.",
          "Detected by the canary checker: its {svc} probe went red around noon.",
          "first signal was a spike in support chats, {customer} among them.",
          "QA noticed {svc} failing in production while testing something unrelated.",
          "New Relic's baseline alert noticed {svc} response times drifting.",
          "We were alerted by a customer ({customer}) before our own monitors noticed.",
          "A Sentry digest email showed a new error class in {svc}.",
          "A {svc} latency page dragged the on-call out of bed.",
          "Raised in #incidents by the support lead: {svc} failing for several accounts.",
          "CloudWatch alarm {svc}-5xx went into ALARM state.",
          "Our synthetic checkout probe stopped passing; {svc} was the first failing hop.",
          "Nobody was paged; a product manager saw {svc} errors on a dashboard and raised it.",
          "Error log volume of {svc} went from baseline to several hundred a minute and tripped"
              + " the alert.");

  static final List<String> CAUSE_DATA =
      List.of(
          "Customer-facing RCA: the defect was only triggered by records in {table} that predate"
              + " our 2016 schema change. Our pre-production environment contains no records of"
              + " that age, so testing could not expose it.",
          "staging {table} = a couple hundred rows from a seed script. prod {table} = {ratio}x"
              + " bigger, plus years of weird history. new query only ever met the former.",
          "We believe only accounts whose {table} history runs past some thousands of entries are"
              + " affected; no staging account gets near that.",
          "[11:02] maya: seed data has every optional column filled in [11:03] maya: prod {table}"
              + " has nulls all over it and the new mapper assumes non-null.",
          "It was caused by duplicated {table} records, which production has accumulated for years"
              + " and our test fixtures never contained.",
          "The test dataset is small and clean; production {table} is roughly {ratio} times larger"
              + " and carries leftovers from three migrations, orphaned foreign keys included.",
          "Only {customer} had {table} entries with quantities above 2^31, and no non-production"
              + " database holds anything similar, so the integer overflow stayed hidden.",
          "our staging data is generated, it don't have the old address format with country in"
              + " first line, so parser never failed there.",
          "Why QA missed it: (1) staging {table} is a tiny anonymised sample, (2) the sample drops"
              + " rows with attachments, (3) the bug only hit rows with attachments.",
          "The migration's runtime scales with how big {table} is. On the staging copy: eleven"
              + " seconds. On production ({ratio}-fold heavier): a lock held for the better part"
              + " of an hour.",
          "Staging has no tenant holding several billing addresses for one account; in production"
              + " {table} plenty do, and joining on them multiplied their rows.",
          "Records the v1 API wrote keep prices as strings in {table}. The rewritten mapper casts"
              + " them directly; only real, old data carries such records.",
          "It appears the anonymisation step that builds staging replaces free-text fields with"
              + " short placeholders, so the oversized comments in {customer}'s {table} records"
              + " never reached the new validator.",
          "Data skew: one account owns most of production's {table}, whereas test data is spread"
              + " evenly, so the per-account query plan was never exercised at that size.",
          "Ticket comment (DB team): staging {table} was last refreshed a year and a half back and"
              + " lacks the soft-deleted rows the new filter trips over.",
          "Parts of {table} hold historic timestamps without a zone; the sample used for testing"
              + " was created recently and has zones everywhere.");

  static final List<String> CAUSE_TRAFFIC =
      List.of(
          "Our load test tops out at several hundred req/min; {svc} took {ratio}-fold more during"
              + " the campaign, and the newly synchronous lock turned into a queue.",
          "[16:40] tom: staging has like 3 users [16:41] tom: prod had {ratio}k concurrent"
              + " sessions when it tipped over.",
          "The race between two writers on the same order needs real concurrency to show up;"
              + " staging traffic is single-digit req/s, so it never did.",
          "Customer-facing RCA: the failure occurred only under peak load. Pre-release performance"
              + " testing simulated a lower level of traffic than the service experiences at peak"
              + " and did not reproduce the connection exhaustion.",
          "Pool sizing is plenty for pre-production volume but ran dry within seconds when {svc}"
              + " met the Monday 9am peak.",
          "Burst, not average: the newsletter hit every inbox at once and {svc} saw around"
              + " {ratio}x its usual rate in the first two minutes.",
          "we think the cache stampede only happen if lots of requests miss the same key together,"
              + " and our test env never have so many parallel requests.",
          "Hedging a bit, but it appears the extra database round trip per request is harmless at"
              + " staging volume and fatal at production volume.",
          "Load profile mismatch: the perf environment replays a flat, steady rate; production"
              + " traffic arrives in spikes after each push notification.",
          "Under heavy parallel load the new mutex serialised all writers; with the handful of"
              + " simultaneous requests staging sees, contention was never measurable.",
          "Retries amplified it. Once {svc} slowed, clients retried, doubling and then tripling"
              + " the incoming rate; nothing upstream of prod generates that feedback loop.",
          "Nothing about the change is wrong when it's quiet. At {ratio}x staging's throughput the"
              + " consumer of that queue falls behind and never catches up.",
          "The soak test ran ten minutes at 50 rps. The leak needs hours at production rates to"
              + " exhaust the heap.",
          "Thread pools were exhausted by a number of simultaneous requests that no test"
              + " environment generates.",
          "Peak season: orders ran near {ratio}-fold what the perf test targets, and the new"
              + " inventory check serialised on a single row.",
          "Only when several thousand clients reconnect together, as they did after the pods"
              + " restarted, does the auth path get overwhelmed; the staging fleet has a few"
              + " dozen clients.");

  static final List<String> CAUSE_CONFIG =
      List.of(
          "Config drift on {key}: production says {prod}, staging says {staging}, and all testing"
              + " of the change ran with the staging number.",
          "[10:12] lee: wait what's prod using for {key} [10:12] lee: {prod}?? staging has"
              + " {staging} [10:13] lee: ok that explains it.",
          "Customer-facing RCA: a configuration value differed between our pre-production and"
              + " production environments. The update behaved correctly with the pre-production"
              + " value and failed with the production value.",
          "Toggle {flag} was enabled for every production user but disabled in staging, so"
              + " whatever it guards had never run before release.",
          "in production the env variable for the cache host point to old cluster, in staging it"
              + " was already updated, so we did not see the problem.",
          "Setting mismatch for {key} \u2014 production {prod} versus staging {staging} \u2014 and"
              + " the parity checklist doesn't cover it.",
          "We believe the cause is the production ingress timeout, which is shorter than the"
              + " staging one; the new report endpoint needs longer than production allows.",
          "Production pods mount a read-only root filesystem; staging pods do not. The new"
              + " temp-file write failed only in production.",
          "The IAM role used in production lacks the s3:PutObjectAcl permission the release now"
              + " calls; the staging role is broader.",
          "Helm values differ per environment: {key} is {staging} in values-staging.yaml and"
              + " {prod} in values-prod.yaml, and review only looked at the first.",
          "Flag {flag} targets enterprise accounts in production, and staging has no account in"
              + " that segment, so it was effectively off there.",
          "JVM heap in production is set by an override staging never had; the new in-memory index"
              + " needs more than that override allows.",
          "Production uses a different database parameter group where statement_timeout is much"
              + " lower; the migration ran fine in staging and was cancelled in production.",
          "It appears somebody hand-changed {key} on production while firefighting months back and"
              + " the repo never got the change, so staging kept {staging} while production had"
              + " {prod}.",
          "The CORS allow-list in production does not include the new subdomain; the staging list"
              + " uses a wildcard.",
          "Two settings files disagree: {key} reads {staging} on the staging side and {prod} on"
              + " the production side, and only the production value triggers the bug.");

  static final List<String> CAUSE_MOCKS =
      List.of(
          "In staging a canned {vendor} double returns one fixture for every call to {endpoint};"
              + " production {vendor} paginates, and we only ever consumed page one.",
          "[13:20] ana: fake {vendor} in staging always says success [13:21] ana: real one sends"
              + " 409 on a duplicate idempotency key, we never handled it.",
          "Customer-facing RCA: in our test environments, the provider is replaced by a simulator."
              + " The simulator did not reproduce a validation rule the live provider enforces on"
              + " {endpoint}.",
          "The sandbox {vendor} gives us is lenient about field lengths; their production API"
              + " rejects anything over 64 characters.",
          "We mock {vendor} with a Prism server generated from their OpenAPI file, which is out of"
              + " date: {endpoint} in production now requires an extra field.",
          "Stubbed responses for {endpoint} omitted the rate-limit headers {vendor} actually sends"
              + " in production, so the new backoff code read them as zero and hammered the API.",
          "our stand-in of {vendor} reply in 5 ms, but true {endpoint} need 2-3 seconds, so new"
              + " timeout of 1 second fail only in production.",
          "It appears {vendor}'s testing mode gives amounts in cents while their live API gives"
              + " major units for {endpoint}; our fake copied the testing mode.",
          "LocalStack impersonated {vendor} while testing, and it does not enforce the object size"
              + " limits the actual service has.",
          "The mock server accepted requests with any Content-Type; production {endpoint} requires"
              + " application/json and replied 415.",
          "Ticket comment: contract tests run against a cassette recorded in 2022. {vendor}"
              + " changed their error schema since, and our parser throws on the new shape.",
          "In staging a cron job fakes {vendor} webhooks, posting one event at a time, in order."
              + " Real {vendor} delivers them out of order, occasionally twice.",
          "The emulator we run in CI treats {endpoint} as synchronous. Production {vendor} queues"
              + " the request and returns 202, which our code didn't expect.",
          "We believe production {vendor} insists on a client certificate for {endpoint}, while"
              + " staging's stub accepts plain HTTP.",
          "Fake {vendor} hands out IDs as integers; the production API returns prefixed strings,"
              + " and the lookup we added choked on them.",
          "No environment before production calls {vendor} itself: everything below prod uses a"
              + " mock, which had no notion of the per-account quota on {endpoint}.");

  static final List<String> CAUSE_UNEXPLAINED =
      List.of(
          "Root cause of the escape: unknown. The identical artefact passed the full staging suite"
              + " twice.",
          "[17:05] sam: no idea why staging didn't catch this tbh [17:06] sam: identical build, we"
              + " checked.",
          "Customer-facing RCA: we have not yet identified why our pre-release testing did not"
              + " detect this defect. Investigation is ongoing and this report will be updated.",
          "The integration test covering this path is marked flaky and was skipped in the run that"
              + " approved the release; why it is flaky is not understood.",
          "We are still not sure why it passed in staging. Could not reproduce it there afterwards"
              + " either.",
          "A simple inverted condition. Any environment should have exposed it; ours didn't, and"
              + " we don't know why.",
          "why QA missed it: no conclusion yet, postmortem owner will follow up.",
          "Nobody can explain why staging and production diverged on this one.",
          "Escaped for reasons we could not establish; the staging logs from that week are gone.",
          "it should fail also in staging, but no, we checked many times and cannot find the"
              + " difference.",
          "Defect is deterministic, staging is (to our knowledge) identical for this path, and"
              + " still nothing failed there. Unexplained.",
          "Why the tests passed remains unclear; possibly a timing-dependent failure, but we have"
              + " no evidence either way.",
          "The staging run was green, the production run was red, and the investigation ended"
              + " without finding a difference between them.",
          "Open question in the ticket since Tuesday: how did this get past pre-prod? No answer"
              + " so far.");

  static final List<String> CAUSE_EXTERNAL =
      List.of(
          "{vendor} declared degraded API availability between 09:10 and 10:02 UTC; we were hit as"
              + " a consumer. No change on our side contributed.",
          "Investigating \u2192 Identified \u2192 Monitoring \u2192 Resolved: upstream provider"
              + " issue, {vendor} confirmed it publicly.",
          "A regional network event at the hyperscaler dropped packets between availability zones"
              + " for about 35 minutes.",
          "Our CDN vendor pushed a bad configuration globally; requests for static assets failed"
              + " until they reverted it.",
          "The provider retired our managed DB instance with less notice than promised, and"
              + " failover was slower than it should have been.",
          "[08:15] ops: {vendor} is down for everyone, see their twitter [08:16] ops: nothing we"
              + " can do but wait.",
          "Upstream DNS resolvers stopped answering; name resolution failed across the fleet.",
          "Root cause lies outside our systems: the card network had an interruption that affected"
              + " many merchants.",
          "A storage array failure in the hosting provider's facility took a subset of our volumes"
              + " offline.",
          "External: {vendor} rotated their signing certificate without the announced overlap, and"
              + " verification failed until they restored the old one.",
          "Volumetric DDoS against the provider's edge; our origin was fine but unreachable.",
          "IAM at the provider degraded, so instances couldn't fetch credentials.",
          "Customer-facing RCA: this incident was caused by a service disruption at one of our"
              + " third-party providers, not by a change to our platform.",
          "Transit congestion in Frankfurt; latency to {vendor} and others quadrupled.",
          "A leap-second bug in the provider's managed time service; unrelated to any deploy of"
              + " ours.");

  static final List<String> MITIGATION =
      List.of(
          "Rolled the deploy back at 14:22; errors at normal levels by 14:26.",
          "Monitoring - a fix has been implemented and we are watching the results.",
          "Mitigated by turning the feature off in the admin console.",
          "Scaled out from 6 to 18 pods as a stopgap, back down later that day.",
          "[15:40] rollback done, graphs recovering.",
          "Failed traffic over to our other region until the provider recovered.",
          "Hotfixed the null handling and deployed out of band.",
          "Reverted, verified in prod, closed the incident bridge.",
          "Cleared the bad cache entries and restarted the workers.",
          "Temporarily raised the timeout, then shipped a proper fix the following sprint.",
          "Failed over the database by hand; replication caught up in ~10 minutes.",
          "On-call swapped the prior image in; errors vanished at once.",
          "Throttled the batch importer to half speed until the proper fix landed.",
          "Corrected the setting directly in production, then backported it to the repo.");

  static final List<String> ACTIONS =
      List.of(
          "AIs: [ ] seed staging with a large-tenant fixture; [ ] page on queue age; [ ] document"
              + " how to roll back.",
          "AI-1: config parity check as a CI step (owner: platform).",
          "Follow-up: swap the vendor stub for recorded real responses, refreshed monthly.",
          "We will add load tests at production-like concurrency before major launches.",
          "TODO: refresh staging from masked prod data every week.",
          "Review meeting booked with the wider engineering group.",
          "Add a dashboard panel for this error class.",
          "Next steps: extend the canary bake time to 30 minutes.",
          "Owner to update the on-call runbook by end of week.",
          "Investigate why the alert fired late; tune thresholds.",
          "No further actions; closing.",
          "Customer communication sent; credits to be issued per SLA.");

  static final List<String> NOISE =
      List.of(
          "The staging environment was redeployed on Thursday for unrelated reasons.",
          "Traffic sat at a normal level for a weekday.",
          "[12:10] is the payments sandbox down? nvm, it's fine.",
          "Our load-testing licence renewal is still pending with procurement.",
          "The flags UI was slow to load while we were firefighting, unrelated.",
          "The fixtures repository got a new maintainer this month.",
          "Database size grew in line with forecast this quarter.",
          "A formatting-only commit hit the config repo that day.",
          "Mock server image moved to the latest patch version; nothing functional differs.",
          "Peak concurrency was lower than the week before.",
          "(fyi the seed data README is outdated, separate ticket)",
          "Environment variables were reviewed in the quarterly audit; nothing changed.",
          "A big customer was onboarding the same week, but their usage was modest.",
          "The email provider stub logs a warning on startup; known.",
          "Replica lag stayed under one second throughout.",
          "Instance types have differed across environments for years; not relevant here.");

  static final List<String> CHANGE_CONTEXT =
      List.of(
          "[14:03] deploy-bot: {service} rollout complete.",
          "A {service} deploy wrapped up minutes ahead of the initial alert.",
          "Shortly before it all went sideways, {service} shipped.",
          "Timeline: {service} deploy, then errors about fifteen minutes later.",
          "noting that {service} shipped right before.",
          "For context, {service} was released earlier in the hour.",
          "There was a {service} deployment in the minutes prior.",
          "Production had only just received {service} when the graphs bent.",
          "Recent deploys: {service}, about 10 minutes before onset.",
          "#deploys has {service} going live right ahead of the alert.",
          "the last change before this was to {service}.",
          "{service} rolled a new build right before the incident began.",
          "");

  static final List<String> PAUSED =
      List.of(
          "Deploy freeze in effect until this is resolved.",
          "No deploys happened while this was ongoing.",
          "#deploys: please hold all merges, incident in progress.",
          "The release train was stopped for the day.",
          "CD paused by the incident commander.",
          "nobody ship anything pls.",
          "Automatic deployments were suspended during the investigation.",
          "Change window closed while we dig in.",
          "Holding all releases until we understand this.");

  static final List<String> AFFECTED_CUSTOMERS =
      List.of(
          "{customer} also affected.",
          "{customer} confirmed the same symptoms.",
          "{customer} filed a ticket too.",
          "{customer} among those impacted.",
          "{customer} phoned support about it too.",
          "Per support, {customer} sees it as well.",
          "{customer} reports being hit by this as well.");

  static final List<String> ROLLED_BACK_TO =
      List.of(
          "Putting {prev} back brought recovery in minutes.",
          "With {prev} live once more, errors are at normal levels.",
          "[15:12] {prev} back in prod.",
          "Production was put on {prev} once more.",
          "We're on {prev} until the fix is ready.",
          "Redeployed {prev} as mitigation.",
          "we deploy {prev} again, problem stop.",
          "Mitigation: revert to {prev}, completed 14:50.",
          "The previous good build, {prev}, is restored.");

  static final List<String> REF_VERSION =
      List.of(
          "The root cause: {version}, a {service} build that hit production at {at}.",
          "[{at}] {service} rollout of {version} done. Everything after that timestamp is this"
              + " incident.",
          "Customer-facing RCA: the incident was caused by a software update ({version}) to"
              + " {service}, completed at {at}.",
          "We believe {version} is where the regression lives; {service} has run it since {at}.",
          "the problem is coming from the {version} build, {service} got it at {at}.",
          "Reverting {service} past {version}, which had landed at {at}, resolved it, so {version}"
              + " is the cause.",
          "{version} is it. {service}, {at}.",
          "Introduced by {version} \u2014 that rollout on {service} finished {at} \u2014 and a"
              + " revert proves it.",
          "It appears that {service}'s {at} deploy, {version}, is what broke it.",
          "Bad release: {version} for {service}, {at}.",
          "Per the bisect, the guilty build is {version} ({service}); it reached production at"
              + " {at}.",
          "Errors climb from {at}, the very minute {service} completed its {version} rollout.",
          "At {at} {service} received {version}, and that caused the failures.",
          "fairly confident: {version} ({service}), out at {at}, caused this.",
          "Cause pinned on {version} for {service}, promoted at {at}; the fix is a revert.",
          "Ticket comment: the regression goes back to {version}, a {service} build released"
              + " {at}.");

  static final List<String> REF_COMMIT =
      List.of(
          "The commit at the root of this: {sha}.",
          "git bisect lands on {sha}.",
          "The regression was brought in by {sha}.",
          "We believe {sha} caused this.",
          "{sha} is where the defect entered; revert in progress.",
          "[16:22] found it, it's {sha}.",
          "Commit {sha} caused it; a one-line fix follows.",
          "Customer-facing RCA: the defect originated in a code change ({sha}).",
          "the bug come from {sha}.",
          "Diagnosis: {sha}; the revert confirmed it.",
          "These failures are {sha}'s doing.",
          "It appears {sha} broke the serializer.",
          "Offending change: {sha}.",
          "After reverting {sha} the errors stopped, so that's the cause.",
          "Looking at the diff, {sha} is definitely the one.",
          "Regression: {sha}.");

  static final List<String> REF_PR =
      List.of(
          "Underlying cause: {pr}; we shipped it at {at}.",
          "{pr} introduced this; it went out at {at}.",
          "We believe {pr} is the responsible change (shipped {at}).",
          "[{at}] {pr} deployed; errors followed almost immediately.",
          "the change {pr} cause it, it go to production at {at}.",
          "Customer-facing RCA: the defect was introduced by a code change ({pr}) that reached"
              + " production at {at}.",
          "The regression rode in on {pr}.",
          "Once {pr} was reverted the errors vanished, so it's the cause.",
          "{pr} broke prod; its rollout ended {at}.",
          "It appears {pr}, running since {at}, caused the failures.",
          "Traced the regression to {pr}.",
          "Bad change: {pr} ({at}).",
          "{pr} is to blame, merged then shipped {at}.",
          "Per the ticket: {pr} is the root cause; released {at}, reverted an hour later.",
          "Confirmation: {pr} is the cause.",
          "All the evidence leads to {pr}, which landed at {at}.");

  static final List<String> REF_PIPELINE =
      List.of(
          "Root cause deploy: {pipeline}.",
          "What broke us went out with {pipeline}.",
          "We believe the regression arrived via {pipeline}.",
          "[14:40] it's {pipeline}, reverting now.",
          "Caused by the build shipped in {pipeline}.",
          "Customer-facing RCA: the issue was introduced by one of our releases ({pipeline}).",
          "{pipeline} is the cause.",
          "the problem start with {pipeline}.",
          "Rolled back {pipeline}; errors cleared, which confirms it.",
          "It appears the faulty code went out in {pipeline}.",
          "Faulty release: {pipeline}.",
          "Failure tracked down to {pipeline}.",
          "Things went wrong with {pipeline} and not before.",
          "The regression was shipped in {pipeline}.",
          "Everything went wrong after {pipeline}.",
          "Responsible deploy \u2192 {pipeline}.");

  static final List<String> REF_RELEASE =
      List.of(
          "Root cause: {app}'s Heroku release {release}, which we put up {at}.",
          "The regression came with {release} for app {app} (pushed {at}).",
          "We believe the {at} release to {app} ({release}) is the cause.",
          "[{at}] heroku: {app} deployed {release}, errors start right after.",
          "Customer-facing RCA: the defect was introduced by a release to the {app} application"
              + " ({release}), out at {at}.",
          "the release {release} make the bug in {app}, it deploy {at}.",
          "A heroku rollback on {app} to the version before {release} fixed it; {release} itself"
              + " had gone out {at}.",
          "It appears {release} is responsible \u2014 {app}, {at}.",
          "{app} went wrong with {release}, the {at} release.",
          "Faulty Heroku release: {release}, app {app}, {at}.",
          "Traced to {release}; {app} has had it since {at}.",
          "{release} broke {app}; promotion happened {at}.",
          "`heroku releases` lists {release} ({at}) for {app}, right when it started. that's the"
              + " cause.",
          "Caused by the {app} push {release} ({at}); undone with heroku rollback.",
          "Confirmed: {release} is what broke {app}; it went up to Heroku {at}.",
          "The {at} release ({release}) to {app} brought the failures.");

  static final List<String> REF_RELEASE_COMMIT =
      List.of(
          "Root cause lies in the slug Heroku compiled for {sha7}.",
          "{sha7} introduced this.",
          "We believe pushing {sha7} up to Heroku caused it.",
          "[11:30] it's {sha7}, rolling back the slug.",
          "the bug is coming with {sha7}.",
          "Customer-facing RCA: a code change ({sha7}) deployed to our hosting platform caused the"
              + " issue.",
          "Errors stopped the moment we undid {sha7}.",
          "It appears {sha7} is what broke.",
          "Caused by pushing {sha7}.",
          "Bad slug: {sha7}.",
          "Traced the regression to {sha7}.",
          "{sha7} is the cause; the rollback proved it.",
          "Errors began as soon as {sha7} was released.",
          "Pushed {sha7} \u2192 heroku \u2192 errors. Cause found.",
          "Offending deploy: {sha7}.",
          "{sha7} deployed, everything broke.");

  static final List<String> DECOY_COMMIT =
      List.of(
          "We ruled {sha} out early: the bisect landed two commits later.",
          "[14:12] priya: was it {sha}? [14:13] dev: no, that one only bumps a README badge.",
          "Bisect exonerated {sha}; the failure reproduces on the commit before it.",
          "{sha} never made it to eu-west, and eu-west is where the errors are.",
          "{sha} was reverted at 15:10; errors carried on at the same rate, so it plays no part.",
          "Customer-facing RCA: an unrelated code change ({sha}) deployed during the same window"
              + " was investigated and eliminated.",
          "it's not {sha}, this commit modify only the documentation.",
          "{sha} went out on the other cluster; the affected one never ran it.",
          "The timeline can't work for {sha}: it landed after the first errors.",
          "Checked and cleared: {sha} (copy change in an email template).",
          "{sha} touches nothing but a Grafana dashboard JSON. Not our cause.",
          "Reviewed {sha} twice; no runtime effect, so we set it aside.",
          "prod was already failing when {sha} was merged, so cross it off.",
          "We believe {sha} is unrelated: the errors also occur on a build without it.",
          "{sha} \u2014 unrelated, lint fixes only.",
          "{sha} got rolled back first thing; errors unaffected. Exonerated.",
          "Although {sha} deployed minutes earlier, its change is limited to the admin export,"
              + " which no failing request ever reaches.",
          "{sha} can be discounted; every stack trace points into code it does not touch.");

  static final List<String> DECOY_VERSION =
      List.of(
          "{version} was checked and cleared; it only bumps a dependency of the test suite.",
          "[10:41] was it {version}? [10:42] no, {version} never got to ap-south.",
          "Customer-facing RCA: a separate release ({version}) deployed earlier that day was"
              + " reviewed and found to play no part.",
          "Rolled {version} back at 11:05 as a precaution; errors continued unchanged, so it stays"
              + " out of the picture.",
          "{version} was never deployed to the region where the failures are.",
          "not {version}, it is only changing the docs site.",
          "The bisect exonerated {version}: the build before it fails the same way.",
          "{version} deployed at least six hours before any error; that timeline rules it out.",
          "We believe {version} is a coincidence \u2014 same window, different component.",
          "{version} touched nothing but translations for the Dutch locale.",
          "Initially {version} looked suspicious; after reading its release notes it was"
              + " discarded.",
          "Pods held on the prior release fail just the same, so {version} is not it.",
          "{version}: cleared by its canary, which served 5% of traffic error-free for two hours.",
          "It appears {version} is unrelated; its only change is gated by a toggle that is off in"
              + " production.",
          "{version} \u2014 nope, that's the mobile build, the backend never saw it.",
          "rule out {version} pls, it's a docs + changelog release.",
          "After reverting {version} the failure rate did not change; we moved on.",
          "{version} did not contribute: the defect existed before it shipped.");

  static final List<String> DECOY_PR =
      List.of(
          "{pr} was checked and is not responsible \u2014 it only edits the contributing guide.",
          "[09:58] could it be {pr}? [09:59] {pr} is frontend copy, no.",
          "Customer-facing RCA: we also reviewed {pr}, a change released around the same time, and"
              + " ruled it out.",
          "{pr} was never deployed to the affected region.",
          "Reverted {pr} at 12:30 to be sure; the errors did not stop, so it's not the cause.",
          "we look at {pr}, it's just a rename of variables, not the cause.",
          "Bisect cleared {pr}.",
          "The timeline excludes {pr}: merged Friday, errors from Monday 10:00 only.",
          "{pr} changes the Terraform for the analytics bucket; no path from there to this"
              + " service.",
          "It appears {pr} plays no role: failing requests never load the module it modified.",
          "{pr} sat dormant under a disabled toggle, so it did nothing in prod.",
          "Skip {pr}, docs only.",
          "After {pr} shipped, error rates held steady for six hours, so it's been set aside.",
          "{pr} got a second look from its author; nothing in it could produce these errors.",
          "{pr} affects only the staging seed script.",
          "{pr}: reviewed, harmless, moved on.",
          "{pr} is not to blame \u2014 same failures on a branch without it.");

  static final List<String> DECOY_DEPLOY =
      List.of(
          "{other} also released {when}; checked and cleared, its error rate never moved.",
          "[13:07] what about {other}? they deployed {when} [13:08] checked, unrelated.",
          "Customer-facing RCA: we investigated a deployment of {other} that happened {when} and"
              + " ruled it out as a contributing factor.",
          "A build of {other} reached prod {when}, but only in the US region; the failures are in"
              + " Europe.",
          "We put {other} back on what it ran before its {when} deploy; the errors did not stop.",
          "{other} have deploy {when}, this is not the reason, it change only documentation.",
          "Timeline rules out {other}: the rollout it did {when} was over long before any symptom.",
          "We believe the timing of {other} (rollout {when}) is a coincidence; no failing call"
              + " goes through it.",
          "{when}, {other} only shipped a log-format tweak; no functional change.",
          "Bisecting deploys cleared {other} and the change it made {when}.",
          "{other} had a release go out {when}. Not related \u2014 its canary hosts were healthy"
              + " the whole time.",
          "Set aside: {other}, which {when} only moved a dashboard.",
          "Although a new {other} build reached production {when}, nothing it changed sits"
              + " anywhere near the broken path.",
          "{other} ({when}) \u2014 unrelated; that team shipped a README edit and a version"
              + " string.",
          "It appears whatever {other} changed {when} never reached the cluster serving the"
              + " failing traffic.",
          "Not {other}, even though it deployed {when}; errors were already flowing before that.",
          "Eliminated: {other} (its deploy was {when}); we reverted it anyway and nothing"
              + " changed.");

  static final List<String> TITLE_QUOTE =
      List.of(
          "Prime candidate: {title}.",
          "[15:03] could this be {title}?",
          "We believe {title} is responsible; confirming.",
          "Leading hypothesis is {title}.",
          "it seems the change {title} make this.",
          "Strongly suspecting {title}, which shipped just before.",
          "Customer-facing RCA (draft): the change titled {title} is under review as the probable"
              + " cause.",
          "Reverting {title} now to check the hypothesis.",
          "It appears {title} is involved.",
          "Top suspect \u2192 {title}.",
          "Everyone's looking at {title}.",
          "{title} is the likeliest cause so far.",
          "ticket comment: maybe {title}?",
          "Strong hunch it's {title}.",
          "The diff of {title} lines up with the stack trace.",
          "Suspected cause: {title} (not yet confirmed).");

  static final List<String> NUMBERS =
      List.of(
          "Tracked under {ticket}.",
          "Related support thread: {ticket}.",
          "{library} unchanged since last quarter; not involved.",
          "[09:20] support: customer case is {ticket}.",
          "Mobile apps on {libversion} and later see the same symptoms as web.",
          "Dependency note: the {library} upgrade remains on the backlog.",
          "Duplicate of {ticket}? Linking for now.",
          "Per {ticket}, the first customer report came 10 minutes after onset.",
          "{library} is what we run everywhere; no change there.",
          "Customer tickets: {ticket} and others.",
          "Clients below {libversion} were not affected.");

  static PhraseBank bank() {
    return new PhraseBank(
        "G",
        PhraseBank.poolsNamedIn(OutsideNarratives.class),
        List.of(
            new String[] {"\u2018", "\u2019"},
            new String[] {"\u201e", "\u201c"},
            new String[] {"\"", "\""}),
        "\u2026");
  }
}
