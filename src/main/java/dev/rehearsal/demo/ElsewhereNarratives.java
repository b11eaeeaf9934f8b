package dev.rehearsal.demo;

import java.util.List;

/**
 * Bank H, wording written apart from the analysis' rules and word lists after bank G informed rule
 * changes: the same kinds of passages as banks A ({@link Narratives}), B ({@link
 * HeldOutNarratives}), C ({@link FreshNarratives}), D ({@link NewestNarratives}), E ({@link
 * LatestNarratives}), F ({@link UnseenNarratives}) and G ({@link OutsideNarratives}), so that
 * figures on wording the analysis never saw can still be measured. It shares no sentence and no
 * distinctive phrase with A, B, C, D, E, F or G, and mixes registers otherwise than G: pager and
 * alert lines, chat with emoji shortcodes and abbreviations (TL;DR, FWIW, tbh), postmortem sections
 * (contributing factors, five whys, lessons learned), status-page updates, bullets run together
 * into one line, British spelling, and the second-language English of support desks ("kindly note",
 * "the same", "is having"), with hedged and passive sentences among them. Quoted titles sit in
 * curly double quotes, guillemets or backticks and are cut short with three dots. Keep it that way:
 * a rule written against one of these phrases, or a sentence that moves from here into another
 * bank, spends it.
 */
final class ElsewhereNarratives {
  private ElsewhereNarratives() {}

  static final List<String> CHANGE_TITLES =
      List.of(
          "feat: archive {d} rather than deleting them",
          "Write {d} in chunks of 500 rows",
          "fix: trim whitespace from {d} identifiers",
          "Use resilience4j for {d} retries",
          "Make {d} pagination cursor-based",
          "Only load {d} relations once someone opens the detail page",
          "Store {d} amounts as BigDecimal",
          "Throttle {d} writes per tenant",
          "{d}: refuse payloads larger than 1 MB",
          "Rename {d} columns to match the data dictionary",
          "Introduce optimistic locking on {d}",
          "Normalise {d} phone numbers to E.164",
          "Keep {d} permission lookups in Redis",
          "Serve {d} reads from the replica",
          "Retire the v1 {d} endpoint",
          "Stream {d} results over server-sent events",
          "Column-level encryption for personal data in {d}",
          "Unify {d} validation across web and API",
          "Covering index for the {d} listing",
          "Send {d} notifications from a queue instead of inline",
          "Monthly partitions for {d}",
          "chore(deps): jackson 2.15 \u2192 2.17",
          "Hotfix: guard against an empty {d} list",
          "Swap {d} UUIDs for ULIDs",
          "Merge the three {d} toggles into a single switch",
          "Backfill missing {d} country codes",
          "Exponential backoff for {d} webhook redelivery",
          "Tidy {d} logging (structured fields, less noise)",
          "Generate {d} thumbnails eagerly at upload time",
          "{d} \u2013 cope with daylight saving transitions",
          "refactor: {d} pricing rules behind a strategy interface",
          "Allow bulk edit of {d} from the admin screen");

  static final List<String> TITLES_GENERIC =
      List.of(
          "{svc} throwing 500s",
          "P2 \u2013 {svc} partially unavailable",
          ":rotating_light: {svc} errors",
          "{svc} flaky for some users (support escalation)",
          "Identified \u2013 {svc} requests failing intermittently",
          "Elevated 5xx on {svc}",
          "{svc} down?? several reports coming in",
          "Problems with {svc} from early morning on",
          "FIRING: SLOBurnRateHigh ({svc})",
          "{svc} degraded, customer impact confirmed",
          "Errors whilst using {svc}",
          "{svc} not behaving, please have a look",
          "Intermittent failures across {svc}",
          "Major incident: {svc}",
          "{svc} answers with errors for a subset of calls",
          "Users say {svc} is broken",
          "Health probes red on prod for {svc}",
          "urgent: clients report {svc} failing",
          "Partial outage \u2013 {svc}",
          "Ongoing: {svc} instability");

  static final List<String> TITLES_DATA =
      List.of(
          "One customer's enormous import chokes {svc}",
          "{svc} 500s for accounts carrying legacy records",
          "Old record shape trips up {svc}",
          "{svc}: emoji in names crash the renderer",
          "Listing big workspaces times out in {svc}",
          "{svc} shows blank pages for customers migrated in 2019",
          "Orders with zero-value lines make {svc} fail",
          "Duplicate keys in historic rows break {svc}",
          "{svc} memory blow-up on one tenant's export",
          "{svc} mis-sorts rows that have no date",
          "Schema change for {svc} far slower against live data",
          "{svc} breaks for users with 10k+ contacts",
          "Odd legacy rows halt the {svc} nightly batch",
          "Accounts merged years ago break {svc}",
          "{svc}: rounding errors on historic invoices",
          "Ownerless records crash {svc}");

  static final List<String> TITLES_TRAFFIC =
      List.of(
          "Evening peak knocks over {svc}",
          "{svc} connection pool starved when busy",
          "{svc} slow as molasses while the sale runs",
          "Black Friday: {svc} overwhelmed",
          "Consumers lagging, queue depth climbing in {svc}",
          "{svc} rejects requests once concurrency rises",
          "{svc} melts when the push campaign goes out",
          "Morning rush causes {svc} brownout",
          "Too many simultaneous logins, {svc} answers with timeouts",
          "{svc} latency spikes whenever traffic doubles",
          "{svc} autoscaling can't keep pace",
          "Busiest day of the quarter; requests dropped by {svc}",
          "{svc} lock contention at peak hours",
          "{svc} swamped after the marketing email",
          "{svc} backlog while month-end batch runs");

  static final List<String> TITLES_CONFIG =
      List.of(
          "{svc}: env variable on prod not matching staging",
          "Production misconfiguration suspected for {svc}",
          "{svc} fine in stage, failing on prod (settings?)",
          "Feature switch set differently on prod for {svc}",
          "Live {svc} aimed at an outdated endpoint URL",
          "Key absent from the {svc} production secret",
          "{svc} pool size wrong in production values",
          "Live {svc} memory limit lower than in test",
          "Prod subnet blocks {svc} from its database",
          "{svc} picks up a stale config map in prod",
          "Permission denied for {svc}, production only",
          "{svc}: per-environment override bit us",
          "{svc} cert/hostname mismatch in the live environment");

  static final List<String> TITLES_MOCKS =
      List.of(
          "Live {vendor} requests from {svc} rejected",
          "{svc} mishandles genuine {vendor} errors",
          "{svc} refuses {vendor} webhooks (bad signature)",
          "{vendor} payouts stuck, {svc} erroring",
          "{svc} sends malformed requests to {vendor}",
          "{svc} throttled by {vendor} on prod",
          "{vendor} refuses {svc} payloads (field too long)",
          "{svc} misreads {vendor} pagination",
          "{svc} and {vendor} disagree on currency units",
          "{svc}: {vendor} sandbox fine, live broken",
          "{vendor} 422s after the {svc} release",
          "{svc} gives up before {vendor} replies",
          "Live {vendor} keys rejected for {svc}");

  static final List<String> TITLES_EXTERNAL =
      List.of(
          "{vendor} down; knock-on errors in {svc}",
          "Upstream: {vendor} degraded, {svc} errors",
          "AWS us-east-1 trouble hitting {svc}",
          "{svc} hit by a provider network disruption",
          "Azure edge incident, global",
          "DNS provider down \u2013 {svc} unresolvable for some users",
          "{vendor} API down (their side)",
          "Hosting provider maintenance overran",
          "{svc} errors caused by an upstream CDN problem",
          "Power event in the provider's datacentre",
          "Hosted Kafka degraded on the vendor side",
          "{vendor} auth service unavailable; {svc} logins fail",
          "Subsea cable fault, APAC latency",
          "{svc} impacted: {vendor} maintenance ran late");

  static final List<String> DETECTION =
      List.of(
          "Opsgenie got the primary up at 03:12: {svc} errors above the threshold.",
          "Datadog flipped to Alert on the HTTP 5xx monitor for {svc}.",
          "Spotted by {customer}, who emailed support with screenshots.",
          "FIRING [1] HighErrorRate service={svc} (Alertmanager).",
          "Picked up by a support agent: three chats from {customer} within ten minutes, all about"
              + " {svc}.",
          "During standup on-call saw an error graph of {svc} turn red.",
          "Reported by sales after a demo of {svc} fell over in front of a prospect.",
          "UptimeRobot: 2/5 probe locations cannot reach {svc}.",
          "Alertmanager: {svc} burn rate (1h window) critical.",
          "Escalated from L1: {customer} can't get through {svc}.",
          "A Honeycomb trigger fired on errors counted for {svc}.",
          "The nightly smoke suite against prod failed on {svc} first thing.",
          "An engineer noticed a wall of red in the {svc} logs while deploying something else.",
          "CS pinged #oncall: {customer} is unhappy, {svc} is broken for them.",
          "Zero alerts; we heard about it from a tweet mentioning {svc}.",
          "Pingdom's synthetic login journey for {svc} failing since 07:45.");

  static final List<String> CAUSE_DATA =
      List.of(
          "Why didn't staging catch it? Its {table} table is a fixture of thirty-odd hand-written"
              + " rows, all recent, all well-formed. The rows that broke date from before the 2018"
              + " backfill.",
          "Contributing factor: prod {table} outweighs the preprod copy by a factor of {ratio}, so"
              + " only in prod did the reworked sort spill to disk.",
          ":thinking_face: turns out {customer} has {table} entries whose parent id points at"
              + " themselves. no such thing outside prod.",
          "5 whys, short version: job failed \u2192 unexpected NULL in {table} \u2192 the legacy"
              + " importer left NULLs behind \u2192 preprod is seeded from factories that never"
              + " produce NULL \u2192 nobody noticed.",
          "Test tenants are created fresh by a seeding script, so they never carry the"
              + " half-migrated {table} entries a real account picks up over a decade.",
          "Data in preprod is synthetic and uniform; {customer}'s account alone holds more {table}"
              + " entries than every test account combined.",
          "Staging's database is a masked snapshot from last spring. Since then prod's {table} has"
              + " multiplied roughly by {ratio} and gained an enum value our code had never heard"
              + " of.",
          "Whilst testing we only had single-currency accounts; on live, {table} mixes currencies,"
              + " and that is where the rounding went wrong.",
          "QA fixtures stick to ASCII names. Real {table} contains right-to-left scripts and"
              + " combining characters, and cutting strings at a fixed length split a character in"
              + " half.",
          "TL;DR staging never had any {table} row bigger than a few KB, prod has some over 10 MB,"
              + " and since this release we load them whole.",
          "Our preprod dataset matches prod in shape but not in age \u2014 none of its {table}"
              + " rows were written by the 2015-era client, which stored dates as text.",
          "Only visible with genuine records: the dedupe assumes unique emails in {table}, and"
              + " production has case-variant duplicates from before signup lower-cased them.",
          "Kindly note the issue comes only for {table} records having a blank region code; the"
              + " database used for QA is not having any such record, hence it was passing there.",
          "Where it escaped: the index our rewritten query leans on is selective on the small test"
              + " dataset and useless on prod's {table}, which is bigger by a factor of {ratio},"
              + " so the planner went for a full scan.",
          "Only {customer} still kept {table} entries in a status we deprecated years ago; test"
              + " fixtures contain current statuses only.",
          "Masking the copy for staging rewrites every timestamp into the last thirty days, so the"
              + " year-boundary entries of {table} that broke the report simply aren't there.",
          "Preprod {table} has one row per account. Real accounts average dozens and {customer}"
              + " has thousands, which turned one query per row into a timeout.",
          "Why QA was green \u2022 test {table} is tiny \u2022 all of it is less than a year old"
              + " \u2022 none of it came through the old CSV importer, which is the only source of"
              + " the malformed postcodes.",
          "On production side, {table} is having negative balances from the old refund logic; test"
              + " fixtures are not containing any negative value, so the check was never failing"
              + " there.",
          "Our working theory is that only accounts holding several thousand {table} entries hit"
              + " it, and preprod has none that size.");

  static final List<String> CAUSE_TRAFFIC =
      List.of(
          "Why it wasn't caught: performance testing uses 20 virtual users. Multiply that by"
              + " {ratio} and you have what {svc} saw in production at the top of the hour.",
          "Contributing factor \u2014 concurrency. Locking on every request is invisible with one"
              + " tester clicking around and crippling with hundreds of parallel sessions.",
          "It only bites at volume: the pool holds 10 connections, every {svc} call now takes two,"
              + " and with real load requests queue behind each other until they time out.",
          "The k6 script in CI runs for 90 seconds at a constant rate. Real traffic to {svc} goes"
              + " from almost nothing to that rate multiplied by {ratio} inside a minute once the"
              + " promo mail lands.",
          "Pre-prod gets nowhere near prod volume, so a query doing a full scan per request looked"
              + " fine there (tens of requests) and saturated the database here (thousands).",
          "The leak is a few KB per request. At staging's trickle that takes weeks to matter; with"
              + " real volume {svc} ran out of heap in forty-odd minutes.",
          "afaict nobody load-tested that endpoint, and staging gets maybe one request a minute,"
              + " so the pile-up had no chance to appear.",
          "The expensive path is only hit by concurrent edits of one document, which needs real"
              + " users doing real things simultaneously.",
          "In prod the autoscaler went wide; every pod opens its own connections, and together"
              + " they blew past the database's limit. Staging runs two pods.",
          "Synthetic load spreads evenly across keys. Production has a handful of very hot keys,"
              + " and reads on them now queue behind a single cache lock.",
          "Fan-out multiplied it: one {svc} request now turns into ~{ratio} downstream calls,"
              + " harmless at test rates, a self-inflicted DDoS at peak.",
          "5 whys: timeouts \u2192 thread pool full \u2192 each call now blocks on a remote check"
              + " \u2192 the check is slow only when many run at once \u2192 nothing outside prod"
              + " runs that many at once.",
          "Test load comes from one region against warm caches; real users arrived cold from"
              + " everywhere after the app-store feature, at {ratio}-ish times our ordinary rate.",
          "Batch and interactive traffic only overlap during month-end close in production;"
              + " staging never runs both together, so sharing one queue starved the interactive"
              + " side.",
          "honestly staging has so little traffic that 200 ms extra per call is noise; prod {svc}"
              + " gets enough parallel calls that it stacked up into a queue minutes long.",
          "All fine until the midday peak. The change doubled writes per order and the primary"
              + " couldn't keep up at peak write rates, which none of our test setups ever reach.",
          "Burstiness is the gap: mobile clients all sync on the hour, so {svc} faces a wall of"
              + " requests for sixty seconds; test traffic is a gentle flat line.",
          "GC pauses only appear once the heap is under pressure from a realistic request mix;"
              + " the perf job replays a single request type.");

  static final List<String> CAUSE_CONFIG =
      List.of(
          "Why it wasn't caught: {key} differs. Prod runs with {prod}, staging was left on"
              + " {staging}, and the change only breaks with the prod number.",
          "Environment drift. Somebody set {key} to {prod} in the production secret store while"
              + " firefighting last year; staging still says {staging}. This release is the first"
              + " code that reads it.",
          "Flag {flag} sits at 100% for production users and 0% in preprod, so QA exercised the"
              + " old branch throughout.",
          "Contributing factor: the production namespace has a NetworkPolicy blocking egress to"
              + " the new host. The staging namespace allows all egress.",
          "Our staging overlay sets {key} to {staging}; the prod overlay says {prod}. Nobody"
              + " reviews overlays side by side, so the difference went unnoticed.",
          "TL;DR {flag} is on in prod, off in staging, and the bug lives behind it.",
          "Kindly note in production the value of {key} comes as {prod} whereas in UAT it is"
              + " {staging}; the logic is failing only with the prod setting.",
          "Prod is fronted by a WAF with a request body limit; staging bypasses the WAF. The bulk"
              + " upload endpoint added in this release sends bodies over the limit and got 403s"
              + " in prod alone.",
          "5 whys, abridged: requests failed \u2192 {key} too small \u2192 production has it at"
              + " {prod}, staging at {staging} \u2192 values are set by hand per environment"
              + " \u2192 there is no parity check.",
          "The production service account has read-only access to the bucket; in staging it is an"
              + " admin. The release started writing there.",
          "TLS settings differ between clusters. Production insists on TLS 1.3 for internal"
              + " traffic, staging still allows 1.2, and the upgraded client library negotiated"
              + " 1.2.",
          "Prod enables {flag} for every EU tenant via a targeting rule; staging has no EU"
              + " tenants, so that branch never ran before release.",
          "Different limits in each environment: {key} = {prod} for prod, {staging} for staging."
              + " This change needs more than prod allows.",
          "Live logs at WARN and the code leaned on a side effect of a DEBUG-only initialiser."
              + " Test logs at DEBUG, so it worked there.",
          "The production config map never received the added key, so the pods came up with a"
              + " compiled-in default; staging's map had been patched by hand.",
          "Timezone: production containers run with TZ=UTC, the staging image inherits"
              + " Europe/London, and the scheduling change misbehaved in UTC alone.",
          "in prod {key} sits at {prod}, whereas staging has it at {staging}. that's the whole"
              + " story, the bug needs the prod number.",
          "Max replicas for the worker are capped lower in production than in preprod (an old"
              + " cost-saving tweak), and the new worker needed more than prod permits.",
          "Probably, though not proven yet: {flag} is switched on in prod only, so whatever sits"
              + " behind it had not executed anywhere else.");

  static final List<String> CAUSE_MOCKS =
      List.of(
          "Why it wasn't caught: every environment below prod talks to a WireMock stand-in for"
              + " {vendor}, and that stand-in replies to {endpoint} with HTTP 200 whatever you"
              + " send.",
          "The stub for {endpoint} was recorded before {vendor} began returning amounts as quoted"
              + " decimals; live sends strings, our parser wants numbers.",
          "Contributing factor: what {vendor} offers as a sandbox does not care about idempotency"
              + " headers. Live {vendor} enforces them and refused our retries on {endpoint} as"
              + " conflicts.",
          "The {vendor} fake we maintain returns errors as a flat message; on the real {endpoint}"
              + " you get a nested error object, so the handler threw instead of retrying.",
          "In test we point at a mock that replies instantly. Real {vendor} takes several seconds"
              + " on {endpoint} on a normal day, and the new 2 s client timeout was too tight.",
          "Staging uses test keys from {vendor}, which skip 3DS entirely; live cards go through"
              + " the challenge and the new flow didn't handle the redirect.",
          "The contract test validates our request against a schema file we wrote ourselves."
              + " {vendor} checks the live {endpoint} far more strictly than that schema.",
          "Before prod nobody calls the genuine {vendor}: our mock happily takes requests to"
              + " {endpoint} with no signature, whereas production demands a signature header.",
          "No rate limits when testing against {vendor}. Live {endpoint} allows 25 calls a second"
              + " per account and the new sync job fired hundreds.",
          "The fake hands back a fixed list of three items; the real {endpoint} pages through"
              + " hundreds, and since this change the code stops after page one.",
          "honestly our {vendor} mock is a JSON file in the repo that nobody has touched in two"
              + " years, and their API has moved on.",
          "Webhooks from our simulator of {vendor} arrive immediately and exactly once. Real"
              + " {vendor} batches, delays and redelivers them, so our ordering assumption broke.",
          "The emulator doesn't enforce field formats: it took phone numbers without a country"
              + " code, whereas live {vendor} rejects them at {endpoint}.",
          "In preprod {vendor} traffic is intercepted by our own stub service, which takes any"
              + " currency. Live {endpoint} refuses currencies not enabled on our account.",
          "Kindly note the {vendor} mock is returning the token in the body but production"
              + " {vendor} returns it in a header; the same was not caught in SIT.",
          "The stubbed {endpoint} never returns a 5xx, so the backoff code added here went"
              + " unexercised until {vendor} itself had a hiccup.",
          "Sandbox and live {vendor} run different API versions; on our live account a field the"
              + " release still sends to {endpoint} is deprecated and rejected.",
          "Test doubles for {vendor} were generated from an SDK example with lowercase enum"
              + " values; production answers in uppercase.",
          "Likely explanation (still confirming with {vendor} support): their sandbox accepts the"
              + " old payload shape at {endpoint}, production stopped accepting it last month.");

  static final List<String> CAUSE_UNEXPLAINED =
      List.of(
          "Why it wasn't caught: not known yet. The same image passed every preprod check.",
          "We have not been able to explain why this passed staging. Re-running the suite there"
              + " today still passes.",
          "Open item: nobody has found the difference between staging and prod that would account"
              + " for it.",
          "Unclear. Our best theory (some timing difference) doesn't survive contact with the"
              + " logs.",
          "The 5 whys stop at the second why: we know what failed, not why preprod didn't fail as"
              + " well.",
          "tbh no clue why QA was green. same commit, same config, nothing different that we could"
              + " find.",
          "The existing end-to-end test should have caught the regression, and it passed; still"
              + " digging into why.",
          "Kindly note the reason for the miss in testing is still under analysis; will update"
              + " once the same is found.",
          "Lessons learned: TBD. The investigation into why staging passed has not concluded.",
          "Neither data, load nor configuration explains it as far as we've looked; staging simply"
              + " did not fail.",
          "Honestly a mystery. It reproduces every time in prod and never in staging, and we ran"
              + " out of ideas before we ran out of time.",
          "A test exercising this exact path ran green, and how it managed that is the open"
              + " question.",
          "Reason for the escape not determined. Closing with this as a known unknown.",
          "Staging looked healthy with this build for half a day before promotion; we cannot say"
              + " why the failures never surfaced there.",
          "We've compared versions, flags, env vars and the schema between both environments; all"
              + " match. Still no explanation.",
          "Whatever let this through is unidentified; a follow-up spike is planned.");

  static final List<String> CAUSE_EXTERNAL =
      List.of(
          "{vendor} was partly down on their end; they acknowledged it publicly some twenty"
              + " minutes after our alerts.",
          "Zero changes from us. Our hosting company had a rack of hypervisors die and the"
              + " instances on it were restarted.",
          "Root cause external: a BGP route leak upstream sent part of our traffic the long way"
              + " round, and some of it never arrived.",
          "{vendor} pushed a faulty release of their API and reverted after about an hour; we were"
              + " collateral damage.",
          "The certificate on {vendor}'s endpoint expired; they renewed it once we raised it with"
              + " their support.",
          "Regional storage degradation at AWS slowed every disk write in the zone.",
          "Our transactional email provider got blocklisted by a large mailbox provider, and mail"
              + " bounced until they sorted it.",
          "Per {vendor}'s post-incident note, a database failover on their side caused elevated"
              + " errors for all customers.",
          "DNS outage at a third party: resolution for our domains failed intermittently from some"
              + " ISPs.",
          "Upstream: the card scheme had a processing delay, nothing we could mitigate.",
          "The LB fleet our provider runs for us took a bad config push; they reverted it.",
          "{vendor} throttled every tenant in our region while fending off an abuse wave.",
          "Provider maintenance on our hosted Redis ran four hours past schedule and the replica"
              + " didn't come back in time.",
          "A fibre cut at the colo's carrier isolated one availability zone for roughly half an"
              + " hour.",
          "Not our code: {vendor}'s auth servers returned 503s globally, so nobody could log in"
              + " via SSO.",
          "An OS patch the provider applied automatically rebooted nodes at midday without the"
              + " promised notice.");

  static final List<String> MITIGATION =
      List.of(
          "Mitigation: release reverted; back at baseline within a handful of minutes.",
          "Killed the feature with its toggle; a clean revert came the morning after.",
          "Doubled the replicas and raised the pool limit while someone wrote a proper patch.",
          "Hot-patched the parser and pushed straight to prod with the IC's approval.",
          "Drained the bad node pool and moved workloads across.",
          "Stopped consumption, purged poison messages, resumed.",
          "Waited it out \u2014 nothing to do until the upstream recovered.",
          "Restored the image tag from before via the deploy tool; graphs flat again.",
          "Disabled that job in the scheduler until Monday.",
          "Manually corrected the prod setting and bounced the pods.",
          "Pointed traffic at our standby region for the duration.",
          "Update 15:05 \u2014 rollback complete, synthetic checks passing, bridge stood down.",
          "Shed load at the edge by answering 503 for the export endpoint until the fix landed.",
          "Re-ran the failed jobs once the fix was out; no data lost.",
          "Support advised affected customers to retry; nearly all succeeded after the revert.");

  static final List<String> ACTIONS =
      List.of(
          "Action items: masked production snapshot for preprod (owner: data platform); diff"
              + " configs in CI; page when queue age grows.",
          "Follow-ups filed in Jira and linked from the incident.",
          "Add a load step to the release pipeline for services on the critical path.",
          "Swap our handmade stub for one checked by contract tests.",
          "Write a lint rule that fails the build when an environment overlay drifts.",
          "Blameless review on Thursday's calendar.",
          "Improve alerting so support doesn't find out before we do.",
          "Runbook: document rollback steps for this service.",
          "Add the missing dashboard and an SLO for this endpoint.",
          "Nothing further to do once the fix is in.",
          "Share learnings at the next engineering all-hands.",
          "Calendar reminder to read the vendor's changelog monthly.",
          "Credit affected accounts and send the customer-facing summary.");

  static final List<String> NOISE =
      List.of(
          "Staging was briefly unavailable on Tuesday because of a certificate renewal.",
          "Traffic was a little above average but well within what we handle every week.",
          "The vendor sandbox has a maintenance notice for next month; irrelevant here.",
          "Someone asked whether anyone still maintains the seeding script; parked.",
          "Our flag service emitted its usual deprecation warnings.",
          "Database growth this month matched the capacity plan.",
          "Log retention settings changed that week too; no functional effect.",
          "Last quarter's load test results are on the wiki, for reference.",
          "Mock server dependencies got a routine patch bump; behaviour identical.",
          "Instance sizes have always differed between environments.",
          "FWIW the flags dashboard was sluggish again, separate issue.",
          "One big tenant migrated in that week, but their usage stayed ordinary.",
          "Concurrent sessions were fewer than at that hour yesterday.",
          "Test fixtures got reformatted in the last sprint (whitespace only).",
          "Environment variables for the analytics sidecar were rotated as scheduled.",
          "Every vendor status page we checked was green throughout.",
          "Replica count was unchanged from the previous day.");

  static final List<String> CHANGE_CONTEXT =
      List.of(
          ":ship: {service} shipped a quarter of an hour or so ahead of the page.",
          "Heads-up: {service} released shortly before all this.",
          "The only recent change in the area: {service} was deployed.",
          "{service}: rollout finished not long before \u2014 worth a look.",
          "Last thing to go out was {service}, not long before onset.",
          "Per the deploy history, {service} had a release hit prod just ahead of the errors.",
          "FYI: new {service} code right as the graphs started bending.",
          "Within the half hour before, {service} was deployed.",
          "New {service} release landed just before things started failing.",
          "Kindly note {service} was deployed a short while before the issue started.",
          "{service} was the most recent deploy before impact.",
          "The CD pipeline for {service} finished not long before the page.",
          "Right before this kicked off, {service} received fresh code.",
          "");

  static final List<String> PAUSED =
      List.of(
          "Deploys frozen for the duration.",
          "Merging is locked until we're out of this.",
          ":no_entry: no releases please, incident ongoing.",
          "We held all rollouts whilst investigating.",
          "Release pipeline disabled by on-call.",
          "Kindly hold the deployments till further update.",
          "IC has declared a freeze on changes.",
          "Nothing went out while this was open.",
          "Pipelines paused pending root cause.",
          "No rollouts until we know more.");

  static final List<String> AFFECTED_CUSTOMERS =
      List.of(
          "{customer} is affected too.",
          "{customer} is seeing it too.",
          "+1 from {customer}.",
          "Case from {customer} about the same thing.",
          "{customer} escalated via the account team.",
          "Another one: {customer}.",
          "{customer} emailed about it as well.",
          "Adding {customer} to the impacted list.");

  static final List<String> ROLLED_BACK_TO =
      List.of(
          "Prod is parked on {prev} until the fix ships.",
          "We're back to running {prev}; error rate looks normal.",
          "Last good image ({prev}) redeployed.",
          ":rewind: everything on {prev} now.",
          "Production reverted at 14:05; it now runs {prev}.",
          "Kindly note production is now having {prev} again.",
          "{prev} restored in all regions.",
          "Rollback target was {prev}; completed without issue.",
          "Took prod down a version to {prev}; recovered.",
          "We're running {prev} once more; errors left along with the bad build.",
          "Serving {prev} again while we work on a real fix.");

  static final List<String> REF_VERSION =
      List.of(
          "Smoking gun: {version}, rolled onto {service} around {at}.",
          "It was {version} that did it; {service} got that build at {at}.",
          "RCA summary: {version} (repo {service}) carried the defect; it was serving traffic from"
              + " {at}.",
          "{version} is the bad one \u2014 {service}, promoted roughly at {at}.",
          "TL;DR it's {version}, deployed to {service} at {at}.",
          "From {at} on, when {service} finished taking {version}, we see errors. That's the"
              + " cause.",
          "Nailed it down to {version}: once {service} was running it, by {at}, the failures"
              + " began.",
          ":point_right: {version} is what went wrong, {service}, {at}.",
          "The offending build, {version}, went onto {service} at {at}.",
          "Offender identified: {version}, part of the {service} train that hit prod at about"
              + " {at}.",
          "We have narrowed it to {version}. Our {service} fleet took that build at {at}, and the"
              + " errors are there from then on.",
          "Kindly note the issue is coming after {service} was upgraded to {version} at around"
              + " {at}.",
          "Undoing {version} (our {service} had taken it at {at}) made everything green again, so"
              + " that is our answer.",
          "Confirmed: {version}. It landed in the {service} fleet at {at}, and rollback cured it.",
          "Post-bisect verdict: {version}, which the {service} team shipped; live from roughly"
              + " {at}.",
          "Cause = {version} (service: {service}), out since roughly {at}.",
          "Sure enough, the {service} upgrade to {version} lands at {at}, the same second as our"
              + " first error; reverting it fixed things.",
          "{service} {version} broke it. Went out at {at}, reverted shortly after.",
          "The error is coming with {version}, we have deployed this into {service} at {at}.");

  static final List<String> REF_COMMIT =
      List.of(
          "First bad commit per bisect: {sha}.",
          ":mag: found it \u2014 {sha}.",
          "Broken by {sha}.",
          "{sha} is the cause; fix forward in progress.",
          "Blame goes to {sha} (the code, not the author).",
          "This started with {sha}.",
          "Offending commit turned out to be {sha}.",
          "{sha} is the one: undo it and the errors vanish.",
          "Kindly note the issue has come from the commit {sha}.",
          "TL;DR it's {sha}.",
          "{sha} slipped in a bug (missing null check).",
          "Root of it all is {sha}, which reworked the retry logic.",
          "Smoking gun: {sha}.",
          "The broken code arrived in {sha}.",
          "Tracked to {sha}; its diff explains every frame of the trace.",
          "Cause: {sha}, proven by reverting it on one pod.",
          "Regression origin: {sha}.",
          "The guilty commit: {sha}.",
          "The bug entered with {sha}; git blame on the failing line shows it.");

  static final List<String> REF_PR =
      List.of(
          "Broken by {pr} (the {at} deploy).",
          "The change responsible is {pr}, rolled out at {at}.",
          "Underneath it all: {pr}, serving customers from {at} onwards.",
          "{pr} let the regression in; the deploy carrying it finished {at}.",
          "The bad change was {pr}, and production had it around {at}.",
          "Kindly note the issue is coming from {pr}, and the same got deployed by {at}.",
          "TL;DR it's {pr}, shipped about {at}.",
          "Regression traced to {pr}; it has been out there since {at}.",
          "{pr} is the culprit \u2014 merged in the morning, everywhere by {at}.",
          ":point_right: {pr} is the cause (it hit prod {at}).",
          "Reverting {pr} cured it, so {pr} is our cause; it had gone out around {at}.",
          "The first bad deploy contained {pr}; that deploy ended {at}.",
          "The failures come from {pr}; we had it in production a little before {at}.",
          "{pr} did it. Out {at}.",
          "Cause confirmed as {pr}; our {at} deploy carried it.",
          "Everything broke once {pr} was out (around {at}), and undoing it fixed things.",
          "Probably {pr}, deployed by {at}; reverted it, errors gone.",
          "Regressed with {pr}, which customers have had since {at}.",
          "We merged {pr} in the morning and it was live by {at}; that's the one that broke it.");

  static final List<String> REF_PIPELINE =
      List.of(
          "Kindly note the issue is due to {pipeline}.",
          "TL;DR {pipeline} broke it.",
          ":point_right: {pipeline} is the cause.",
          "Errors start the minute {pipeline} finished.",
          "It was {pipeline}.",
          "Broken by {pipeline}.",
          "The cause is whatever {pipeline} shipped; reverting it cleared the errors.",
          "Traced to {pipeline}.",
          "Regression introduced via {pipeline}.",
          "Cause: {pipeline}, confirmed by the rollback.",
          "The underlying cause went out in {pipeline}.",
          "{pipeline} is what carried the bad change.",
          "Guilty: {pipeline}.",
          "The regression reached prod by way of {pipeline}.",
          "Undoing {pipeline} sorted it; cause confirmed.",
          "{pipeline} brought the failure with it.",
          "Smoking gun: {pipeline}.",
          "Earliest bad rollout: {pipeline}.");

  static final List<String> REF_RELEASE =
      List.of(
          "{app} started failing with {release}, which went up at {at}.",
          "Root cause: {release} \u2014 that is the {app} release we put out at {at}.",
          "Kindly note the issue is coming since release {release} was done on the {app} app,"
              + " around {at}.",
          "{release} is the bad release; the {app} team promoted it at {at}.",
          "Broken since {release}, the {app} release that went live around {at}.",
          "Almost certainly {release}; {app} got it at {at} and a rollback cleared the errors.",
          "{release} broke things for {app}; the release was created at {at}.",
          "TL;DR it's {release}, which went to the {app} dyno formation at {at}.",
          "Smoking gun: {release}, created for {app} by Heroku at {at}.",
          "Running `heroku rollback` for the {app} app took us off {release} and fixed it; that"
              + " release had been created at {at}.",
          "Out the door as {release}, the regression reached the {app} dynos at {at}.",
          ":point_right: {release} is our cause; {app} took it at roughly {at}.",
          "Within seconds of {release} landing on the {app} app ({at}) the errors start.",
          "Cause confirmed: {release}, deployed for the {app} app around {at}.",
          "Tracked it to {release}: Heroku shows it going live on {app} at about {at}.",
          "The {app} app picked {release} up around {at}, and that release carried the bug.",
          "Regressed in {release}, which {app} has run since roughly {at}.");

  static final List<String> REF_RELEASE_COMMIT =
      List.of(
          "Culprit is {sha7}.",
          "Kindly note the issue is due to deployment of {sha7}.",
          ":point_right: {sha7} is the cause.",
          "First bad push: {sha7}.",
          "Cause confirmed: {sha7}.",
          "Traced it to {sha7}.",
          "{sha7} did it; reverted.",
          "The change in {sha7} caused these errors.",
          "Root cause: whatever {sha7} put into the slug.",
          "TL;DR it's {sha7}.",
          "The slug built off {sha7} is what broke.",
          "Rolling back off {sha7} fixed it.",
          "Broken since {sha7} got pushed up to Heroku.",
          "It came in with {sha7}, no doubt.",
          "{sha7} is exactly where the trouble starts.",
          "Almost certainly {sha7}, since rolling back cleared it.",
          "Heroku got {sha7} and that is the moment it broke.",
          "Errors started the minute {sha7} became live.");

  static final List<String> DECOY_COMMIT =
      List.of(
          "{sha} was a suspect for a while, but reverting it on one pod changed nothing there, so"
              + " we dropped it.",
          "Not {sha}: it only edits unit tests.",
          "Ignore {sha}, it edits markdown under docs/ and nothing else.",
          ":x: {sha} \u2014 iOS app code, and the backend is where it hurts.",
          "Struck {sha} off: errors were visible roughly three hours before it shipped.",
          "Bisect says the problem predates {sha}, so it's off the list.",
          "{sha} is wrapped in a toggle that is off in every environment; in prod that code never"
              + " runs.",
          "{sha} was only deployed to the canary, and the canary is healthy.",
          "Kindly ignore {sha}, it is a change in the CI pipeline only.",
          "We checked {sha} first because it was the last merge. Whitespace and import ordering;"
              + " no runtime impact.",
          "The hosts throwing errors were still on the build from before {sha}, so that one is"
              + " excluded.",
          "{sha} only alters a migration that hasn't run yet.",
          "FWIW {sha} is just a comment fix, not it.",
          "{sha} changes the billing worker, and not one failing request touches that worker.",
          "Crossed off: {sha}. Rebuilt without it, still broken.",
          "{sha} landed in the monorepo for a different service; our image was not even rebuilt.",
          "The revert of {sha} shipped at 10:40 and the failure count carried on exactly as"
              + " before; not our cause.",
          "{sha} adds a column nobody reads yet; cleared.",
          "The same error signature is in last week's logs, long before {sha}, so it's innocent.",
          "{sha} bumps a dev dependency (the test runner) that never ends up in the artefact.");

  static final List<String> DECOY_VERSION =
      List.of(
          "As a precaution we took {version} out early on; failures continued at the same pace, so"
              + " it is not the cause.",
          "Not {version} \u2014 it only changed the email templates.",
          ":x: {version} \u2014 Singapore only, while the failures are in Frankfurt.",
          "{version} was still at 5% canary when this started, and the canary pods are clean.",
          "Excluded {version}: it went out about four hours after the first alerts.",
          "Kindly note {version} is not related, it is having only UI text changes.",
          "{version} ships the new search, but that's dark-launched behind a switch that's off.",
          "Read through {version}. The diff is a logging format change; nothing functional.",
          "Pods still on the build prior to {version} throw identical exceptions, which clears it.",
          "{version}'s rollout was halted in the first wave by the pipeline and never took"
              + " traffic.",
          "Honestly I guessed {version} first, but bisecting releases pointed further back.",
          "Nothing in {version} but test changes and a README; discarded.",
          "Error rates are identical on nodes with and without {version}; not the culprit.",
          "{version} is a worker-only release; the API tier that's failing never received it.",
          "Ruled out {version} since the fault reproduces on the release before it.",
          "{version} shipped on Friday and prod ran cleanly all weekend; this began Monday.",
          "We suspected {version} because of the timing, but none of its changes sit where"
              + " erroring traffic goes.",
          "{version} has been deployed to staging only; it hasn't reached prod.",
          "FWIW {version} only upgrades packages for our internal admin tool, nothing"
              + " customer-facing.",
          "Put two hosts back on the prior build, leaving out {version}; both kept failing, so"
              + " {version} is off the hook.",
          "We have discarded {version}, the error is happening also without this version.");

  static final List<String> DECOY_PR =
      List.of(
          "{pr} looked suspect, yet reverting it left our 5xx chart exactly where it was.",
          "Not {pr}: that one only updates the CODEOWNERS file.",
          ":x: {pr} \u2014 test-only change.",
          "Excluded {pr}; it merged hours after the errors began.",
          "{pr} is guarded by a toggle nobody has turned on yet.",
          "Kindly ignore {pr}, it is related to documentation only.",
          "Two of us walked through {pr} on the call; there is no way it produces this error.",
          "{pr} only affects the Android app.",
          "Bisecting the day's merges clears {pr}.",
          "{pr} changes alert thresholds, not any code path.",
          "FWIW {pr} is a rename refactor with identical behaviour, not it.",
          "{pr} is deployed only to the canary ring, which stayed green.",
          "Struck off {pr}: it touches the reporting service, a different deployable from the one"
              + " failing.",
          "We checked {pr} since it was the latest merge; pure CSS.",
          "Reverting {pr} mid-incident had zero effect, so it's cleared.",
          "The fault reproduces on a build from before {pr}; off the list.",
          "{pr} hadn't been released when this started \u2014 it was still waiting to merge.",
          "{pr} just registers a new metric; crossed off.",
          "Although {pr} touched the same module, its edit lives in a branch that no erroring"
              + " request ever takes.",
          "{pr} we have checked, it concerns only French translations, so it is not the reason.");

  static final List<String> DECOY_DEPLOY =
      List.of(
          "There was a rollout by {other} as well ({when}); undoing it left everything unchanged,"
              + " so we let it be.",
          "Looked into what the {other} folks pushed {when}: a cron schedule tweak only, nothing"
              + " to do with this.",
          ":x: {other} ({when}) \u2014 front-end assets only.",
          "{other} had a new version go live {when}, but not one failing call passes through it.",
          "Kindly note the {other} deployment done {when} is not related to this issue.",
          "{other} and whatever it changed {when} are out of the picture: errors show up on hosts"
              + " that never talk to it.",
          "Yes, {other} released something {when}; its change hides behind a switch that's still"
              + " disabled.",
          "FWIW {other} is canarying {when}'s build at 1%, and the canary is fine.",
          "Question came up about {other}, which deployed {when}: docs and tests only, zero"
              + " runtime change.",
          "We bisected the deploys around onset and {other} ({when}) isn't it.",
          "{other} did ship {when}, a version bump in its test tooling only.",
          "The deployment {other} did {when} was reviewed by its owners and cleared.",
          "Although {other} also changed {when}, the same failures appear in a region where that"
              + " change isn't live.",
          "Not {other}: once that team deployed ({when}), graphs stayed healthy for hours.",
          "{other} redeployed {when} to rotate a secret; no code change, not related.",
          "Cleared {other}, which deployed {when}: the failing pods don't depend on it.",
          "{other} ({when}) got reverted by its own team to be safe, and our errors went on"
              + " regardless.",
          "{other} was rolled to the EU cluster only ({when}); our failures all come from US"
              + " traffic.",
          "Timeline kills the {other} theory: its {when} rollout came a good while after our"
              + " first 5xx.");

  static final List<String> TITLE_QUOTE =
      List.of(
          "Number one suspect: {title}.",
          "Could it be {title}? The timing would fit.",
          "Looking hard at {title} right now.",
          ":eyes: {title}.",
          "Kindly check {title}, it may be causing this issue.",
          "Prime suspect for me is {title}.",
          "I'd put money on {title}.",
          "TL;DR probably {title}.",
          "The trace lands right in code from {title}.",
          "Most likely culprit is {title}, not confirmed yet.",
          "Reverting {title} to see if the errors stop.",
          "I'd bet on {title}.",
          "{title} landed right before; investigating it first.",
          "Hypothesis: {title} is behind it.",
          "FWIW {title} touches exactly this code.",
          "We think it's {title}; will confirm after the revert.",
          "Whoever merged {title}, could you join the bridge?",
          "Probable cause: {title}.");

  static final List<String> NUMBERS =
      List.of(
          "Support ref {ticket}.",
          "See {ticket} for the customer thread.",
          "{library} has not moved in months; irrelevant here.",
          "Reports come from mobile builds {libversion} and up as well.",
          "Linking {ticket} here.",
          "Kindly refer {ticket} for customer communication.",
          "We're on {library}; upgrade planned separately.",
          "Zendesk: {ticket} (plus a few more).",
          "Only installs older than {libversion} stayed unaffected.",
          "FWIW every service pins {library}.",
          "Possible dupe of {ticket}.",
          "First ticket from a customer: {ticket}.");

  static PhraseBank bank() {
    return new PhraseBank(
        "H",
        PhraseBank.poolsNamedIn(ElsewhereNarratives.class),
        List.of(
            new String[] {"\u201c", "\u201d"},
            new String[] {"\u00ab", "\u00bb"},
            new String[] {"`", "`"}),
        "...");
  }
}
