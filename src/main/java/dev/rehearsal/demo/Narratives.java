package dev.rehearsal.demo;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Phrase bank A, the wording rules may be tuned on (decision 0013; {@link HeldOutNarratives} is
 * bank B). Incident text the way people write it: titles that name symptoms, descriptions with what
 * was seen, and postmortems that explain causes in many different wordings. The pools are written
 * to vary vocabulary and sentence shape, and some texts carry words from other gaps or none of the
 * tell-tale words at all, as real ones do.
 */
final class Narratives {
  private Narratives() {}

  /** Values the templates fill in. */
  record Slots(
      String service,
      String display,
      String table,
      String vendor,
      String vendorName,
      String key,
      String prodValue,
      String stagingValue,
      String flag,
      String ratio,
      String endpoint,
      String customer) {}

  static String fill(String t, Slots s) {
    return t.replace("{svc}", s.display())
        .replace("{service}", s.service())
        .replace("{table}", s.table())
        .replace("{vendor}", s.vendorName())
        .replace("{key}", s.key())
        .replace("{prod}", s.prodValue())
        .replace("{staging}", s.stagingValue())
        .replace("{flag}", s.flag())
        .replace("{ratio}", s.ratio())
        .replace("{endpoint}", s.endpoint())
        .replace("{customer}", s.customer());
  }

  static String pick(SplittableRandom r, List<String> pool) {
    return pool.get(r.nextInt(pool.size()));
  }

  static final List<String> CUSTOMERS =
      List.of(
          "Zoë Ångström",
          "José Müller",
          "Łukasz Żółw",
          "Søren Kierkegård",
          "Renée Dubois",
          "东京旗舰店",
          "Ömer Çelik",
          "Anaïs Lefèvre",
          "Nguyễn Văn An",
          "Björk Guðmundsdóttir",
          "Acme GmbH",
          "Mikołaj Wąsowski");

  // ------------------------------------------------------------------ titles (symptoms)

  static final List<String> TITLES_GENERIC =
      List.of(
          "{svc}: elevated 5xx rate",
          "{svc} latency above SLO",
          "Errors on {svc} endpoints",
          "{svc} degraded",
          "Customers report failures in {svc}",
          "{svc} p99 latency alert firing",
          "Increased error budget burn on {svc}",
          "{svc} health checks flapping",
          "Partial outage of {svc}",
          "{svc} requests timing out");

  static final List<String> TITLES_DATA =
      List.of(
          "{svc} timeouts for large accounts", "Slow queries on {svc} after release",
          "{svc} fails for some customers' records", "Order history page times out",
          "{svc} returns 500 for accounts with old data", "Garbled names in {svc} responses",
          "{svc} database CPU pegged", "Report export never finishes in {svc}");

  static final List<String> TITLES_TRAFFIC =
      List.of(
          "{svc} overloaded during peak",
          "{svc} falls over under evening traffic",
          "Queue backlog growing in {svc}",
          "{svc} pods OOMKilled at peak",
          "Connection errors from {svc} at high load",
          "{svc} latency spike during campaign",
          "{svc} unavailable during flash sale");

  static final List<String> TITLES_CONFIG =
      List.of(
          "{svc} misbehaving only in prod", "{svc} rejecting requests after rollout",
          "{svc} connection errors after deploy", "Unexpected behaviour in {svc} production",
          "{svc} feature enabled for all users by mistake", "{svc} restarts in a loop");

  static final List<String> TITLES_MOCKS =
      List.of(
          "{vendor} calls failing from {svc}",
          "{svc}: third-party errors",
          "Payments declined " + "unexpectedly",
          "Emails not delivered",
          "Shipping labels not created",
          "{svc} integration with {vendor} broken",
          "{vendor} returning errors to {svc}");

  static final List<String> TITLES_EXTERNAL =
      List.of(
          "{svc} unreachable",
          "Elevated errors across services",
          "{svc} down in one region",
          "DNS resolution failures",
          "TLS handshake errors on {svc}",
          "{svc} disk full",
          "Intermittent packet loss",
          "{vendor} outage affecting {svc}");

  // ------------------------------------------------------------------ detection lines

  static final List<String> DETECTION =
      List.of(
          "Alert fired for {svc} at the start of the incident; on-call acknowledged within minutes.",
          "Customer support escalated several tickets about {svc}.",
          "Synthetic checks for {svc} started failing.",
          "SLO burn-rate alert paged the on-call.",
          "Error rate dashboards for {svc} went red.",
          "Reported by {customer} via support chat.",
          "The on-call noticed the error rate climbing on the {svc} dashboard.",
          "Detected by the p99 latency monitor.");

  // ------------------------------------------------------------------ causes per gap

  static final List<String> CAUSE_DATA =
      List.of(
          "The new query in {svc} did a full table scan on {table}; staging has a few thousand rows "
              + "there, production has {ratio} times more, so it never showed up before release.",
          "Root cause: the planner picked a different execution plan in production because of the "
              + "size of {table}. With staging's tiny dataset the query was instant.",
          "A migration assumed every row in {table} had a non-null region. Legacy rows created "
              + "before 2019 do not, and the job crashed on the first one.",
          "Records with multi-byte characters (for example customers like {customer}) broke the "
              + "new serializer; our seed data is plain ASCII.",
          "Pagination code loaded the whole history for accounts with many rows in {table}; "
              + "the biggest tenants have millions of entries, test accounts have dozens.",
          "The index the new code path relies on exists in staging but the production copy of "
              + "{table} was never reindexed, so lookups fell back to a sequential scan.",
          "An edge case in old data: orders in a deprecated currency state that no fixture "
              + "contains made the backfill throw.",
          "Production {table} has skewed distribution (a handful of huge accounts), which caused "
              + "lock contention in the new batch update. Synthetic data is uniform.",
          "Emoji and accented characters in names were truncated by the new column collation; "
              + "nothing like that exists in the staging database.",
          "The N+1 query introduced in this change was invisible with staging's small dataset "
              + "but multiplied against real volumes in {table}.",
          "Duplicate keys that production accumulated years ago violated the new unique "
              + "constraint during the migration.",
          "Query time went from 40 ms in staging to 30 s in prod; the difference is the number "
              + "of rows in {table}.");

  static final List<String> CAUSE_TRAFFIC =
      List.of(
          "Traffic peaked at roughly {ratio}x what the load test in staging exercised, and the "
              + "new code held a lock per request, so throughput collapsed.",
          "A marketing newsletter went out and requests to {svc} tripled within minutes; the "
              + "thread pool saturated and requests queued.",
          "Under real concurrency the new cache warm-up caused a thundering herd on the database.",
          "Retries from clients amplified the load: a retry storm kept {svc} saturated long after "
              + "the initial burst.",
          "The flash sale brought a burst of checkouts; connection pool exhausted at peak.",
          "Memory grew with request rate and pods were OOMKilled once traffic hit the evening "
              + "peak; staging never sees more than a trickle.",
          "Autoscaling lagged behind the surge, and the new version needed twice the CPU per "
              + "request.",
          "Hot key: one popular product received most reads, and the new sharding scheme sent "
              + "them all to one partition.",
          "The queue consumer could not keep up with production throughput and the backlog "
              + "grew for hours.",
          "Black Friday volume exposed a fan-out in the new endpoint: every call now makes five "
              + "downstream calls.",
          "The load test used 50 virtual users; real peak was about {ratio} times higher and "
              + "tail latency exploded.",
          "Capacity: at peak the service needed more workers than the new limit allowed.");

  static final List<String> CAUSE_CONFIG =
      List.of(
          "Production had {key} set to {prod} while staging uses {staging}; the new code relied "
              + "on the staging value.",
          "The feature flag {flag} was on in production but off in staging, so the new path was "
              + "never exercised before release.",
          "An environment variable that exists in staging was missing in production; the service "
              + "fell back to a default that was wrong for prod.",
          "Someone had lowered {key} by hand in production during an earlier incident and never "
              + "updated staging; the change assumed the old value.",
          "Config drift between environments: {key} differs ({prod} in prod vs {staging} in "
              + "staging).",
          "The Helm values for production override the timeout, and with the new retry logic "
              + "requests now gave up too early.",
          "A kill switch toggled in prod months ago was still active and interacted badly with "
              + "the release.",
          "Memory limit in production is lower than in staging, so the new cache size crashed "
              + "the pods.",
          "The release read {key}, which is only set in staging's configmap; production used "
              + "the hard-coded default.",
          "Production secrets rotation left an old credential in the production property "
              + "file; staging had the new one.",
          "Misconfiguration: the connection pool size in production ({prod}) did not match what "
              + "the new batching assumed.");

  static final List<String> CAUSE_MOCKS =
      List.of(
          "{vendor} returned 429 Too Many Requests; in staging {vendor} is a WireMock stub that "
              + "never rate limits, so the missing backoff was not caught.",
          "The real {vendor} API rejects the new request field that our stub happily accepted.",
          "Staging talks to the {vendor} sandbox, which behaves differently from production on "
              + "partial captures.",
          "Emails sent via {vendor} were throttled by the provider's spam filtering, something "
              + "the fake mail server in staging cannot reproduce.",
          "The {vendor} webhook payload in production contains a field our mocked contract "
              + "lacks; deserialization failed.",
          "{vendor} production endpoint enforces a stricter timeout than the sandbox; our calls "
              + "to {endpoint} started failing.",
          "Our test double for {vendor} returns success instantly; the real service responds "
              + "asynchronously and the new code did not wait.",
          "A deprecated {vendor} API version is still accepted by the sandbox but was switched "
              + "off in production.",
          "Third-party behaviour differs: {vendor} in live mode requires idempotency keys on "
              + "{endpoint}, the stub ignores them.",
          "The integration was only ever exercised against stubs; the real {vendor} responses "
              + "have a different error format.");

  static final List<String> CAUSE_UNEXPLAINED =
      List.of(
          "A logic bug in the new discount calculation; unit tests did not cover the combination.",
          "Root cause still under investigation; the release was rolled back and errors stopped.",
          "An off-by-one error in the new pagination code.",
          "A race condition in the new code path; it is timing dependent and rare.",
          "The change introduced an unhandled exception in an error path.",
          "Null pointer in the new handler when an optional header is absent.");

  static final List<String> CAUSE_EXTERNAL =
      List.of(
          "Our cloud provider had a regional outage affecting load balancers.",
          "The TLS certificate for the public endpoint expired; renewal automation had failed "
              + "silently.",
          "The DNS provider had an incident and resolution failed intermittently.",
          "A disk filled up on the database host because of log growth.",
          "A hardware failure on a hypervisor took down several nodes.",
          "Network partition between two availability zones.",
          "DDoS attack against the public API; mitigated by the CDN's rules.",
          "{vendor} had a major incident on their side (see their status page); nothing changed "
              + "on ours.",
          "Scheduled maintenance of the managed database took longer than announced.",
          "Quota exhausted on the cloud account after a billing hiccup.",
          "Kernel panic on a subset of nodes after an automatic OS patch by the provider.");

  // ------------------------------------------------------------------ other passages

  static final List<String> MITIGATION =
      List.of(
          "Mitigated by rolling back.",
          "We rolled back the release and error rates recovered.",
          "Mitigated by scaling up and shedding load.",
          "Fixed forward with a patch release.",
          "Disabled the feature flag to mitigate.",
          "Reverted the change; service recovered.",
          "Increased capacity temporarily while the fix was prepared.",
          "Mitigation: traffic was drained to the healthy region.");

  static final List<String> ACTIONS =
      List.of(
          "Action items: add an alert on saturation; review the release checklist.",
          "Follow-ups: make staging more production-like for this service.",
          "Action items: extend tests, add a canary step, document the runbook.",
          "Follow-up: add dashboards and revisit timeouts.",
          "Action items: improve rollback automation.");

  /** Sentences that carry words of other gaps but do not explain anything. */
  static final List<String> NOISE =
      List.of(
          "Latency graphs showed a spike while the incident lasted.",
          "The database looked healthy throughout.",
          "We paused deploys while investigating.",
          "Traffic was normal for a weekday.",
          "Config was double-checked and looked fine at first glance.",
          "The payment provider's status page was green.",
          "Several rows in the support table were updated manually afterwards.",
          "CPU was elevated on a few nodes.",
          "The runbook for this alert was out of date.",
          "This was the second page for the team that week.");

  static final List<String> CHANGE_CONTEXT =
      List.of(
          "Started shortly after the {service} deploy went out.",
          "Began after a release of {service}.",
          "The timing matches the rollout of the latest {service} version.",
          "Errors began within minutes of the deployment.",
          "Appeared after the afternoon release.",
          "");

  // ------------------------------------------------------------------ changes and references

  /** Titles of changes (commit and PR titles); {d} is one of the service's tables. */
  static final List<String> CHANGE_TITLES =
      List.of(
          "Add bulk endpoint for {d}",
          "Refactor {d} query layer",
          "Speed up {d} listing",
          "Migrate {d} to new schema",
          "Introduce caching for {d}",
          "Upgrade HTTP client",
          "Retry transient {d} failures",
          "New pricing rules for {d}",
          "Switch {d} serializer",
          "Paginate {d} history",
          "Batch writes for {d}",
          "Support new currency in {d}",
          "Clean up {d} feature flag",
          "Async processing for {d}",
          "Bump dependencies");

  static final List<String> DECOY_COMMIT =
      List.of(
          "Commit {sha} was checked first and is not the cause.",
          "{sha} looked suspicious but only touched docs.");

  static final List<String> DECOY_VERSION =
      List.of(
          "{version} had been live for days without errors; not the cause.",
          "{version} went out earlier and is unrelated.");

  static final List<String> DECOY_PR =
      List.of("{pr} was suspected at first but cleared.", "We looked at {pr}; it is not involved.");

  static final List<String> DECOY_DEPLOY =
      List.of(
          "Unrelated to the earlier {other} deploy.",
          "The {other} deploy {when} was considered and excluded.");

  static final List<String> TITLE_QUOTE =
      List.of(
          "Started after {title} was deployed.",
          "Suspect change: {title}.",
          "Errors since {title} shipped.",
          "Probably {title} is to blame.");

  static final List<String> NUMBERS =
      List.of(
          "Support ticket {ticket} has the details.",
          "Customers were on app version {libversion}.",
          "Related: {ticket}.");

  /** Bank A: the wording above, which rules may be tuned on. */
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
    m.put(PhraseBank.Pool.PAUSED, List.of("We paused deploys while investigating."));
    m.put(PhraseBank.Pool.AFFECTED_CUSTOMERS, List.of("Affected customers include {customer} 🙁."));
    m.put(PhraseBank.Pool.ROLLED_BACK_TO, List.of("Rolled back to {prev}."));
    m.put(PhraseBank.Pool.REF_VERSION, List.of("Deploy of {service} {version} finished at {at}."));
    m.put(PhraseBank.Pool.REF_COMMIT, List.of("Introduced in commit {sha}."));
    m.put(PhraseBank.Pool.REF_PR, List.of("Caused by {pr}, deployed at {at}."));
    m.put(PhraseBank.Pool.REF_PIPELINE, List.of("Suspect change: {pipeline}."));
    m.put(PhraseBank.Pool.REF_RELEASE, List.of("Release {release} of {app} went out at {at}."));
    m.put(
        PhraseBank.Pool.REF_RELEASE_COMMIT, List.of("The deploy of commit {sha7} is the suspect."));
    m.put(PhraseBank.Pool.DECOY_COMMIT, DECOY_COMMIT);
    m.put(PhraseBank.Pool.DECOY_VERSION, DECOY_VERSION);
    m.put(PhraseBank.Pool.DECOY_PR, DECOY_PR);
    m.put(PhraseBank.Pool.DECOY_DEPLOY, DECOY_DEPLOY);
    m.put(PhraseBank.Pool.TITLE_QUOTE, TITLE_QUOTE);
    m.put(PhraseBank.Pool.NUMBERS, NUMBERS);
    return new PhraseBank(
        "A", m, List.of(new String[] {"\"", "\""}, new String[] {"'", "'"}), "...");
  }
}
